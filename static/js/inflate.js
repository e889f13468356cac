/* A small gzip/DEFLATE (RFC 1951/1952) decoder for browsers without
   DecompressionStream (older WeChat and iOS WebViews). The search loads it
   only there. showcaseInflate(bytes) returns the inflated bytes. */
(function () {
  "use strict";
  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  // huffman: canonical code from lengths → {count per length, symbols by code}
  function huffman(lengths) {
    var count = new Uint16Array(16), offs = new Uint16Array(16), sym = new Uint16Array(lengths.length);
    for (var i = 0; i < lengths.length; i++) count[lengths[i]]++;
    count[0] = 0;
    for (i = 1; i < 16; i++) offs[i] = offs[i - 1] + count[i - 1];
    for (i = 0; i < lengths.length; i++) if (lengths[i]) sym[offs[lengths[i]]++] = i;
    return { count: count, sym: sym };
  }

  function inflateRaw(src, at) {
    var out = new Uint8Array(Math.max(1024, src.length * 4)), len = 0, bit = 0, pos = at;
    function need(n) {
      if (len + n <= out.length) return;
      var o = new Uint8Array(Math.max(out.length * 2, len + n));
      o.set(out);
      out = o;
    }
    function bits(n) {
      var v = 0;
      for (var i = 0; i < n; i++) {
        if (pos >= src.length) throw new Error("inflate: unexpected end");
        v |= ((src[pos] >> bit) & 1) << i;
        if (++bit === 8) { bit = 0; pos++; }
      }
      return v;
    }
    function decode(h) {
      var code = 0, first = 0, index = 0;
      for (var l = 1; l < 16; l++) {
        code |= bits(1);
        var c = h.count[l];
        if (code - first < c) return h.sym[index + code - first];
        index += c; first = (first + c) << 1; code <<= 1;
      }
      throw new Error("inflate: bad code");
    }
    var fixedL, fixedD, last;
    do {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        if (bit) { bit = 0; pos++; }
        var n = src[pos] | src[pos + 1] << 8;
        pos += 4;
        need(n);
        out.set(src.subarray(pos, pos + n), len);
        len += n; pos += n;
        continue;
      }
      var lit, dist;
      if (type === 1) {
        if (!fixedL) {
          var l = new Uint8Array(288);
          for (var i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          fixedL = huffman(l);
          fixedD = huffman(new Uint8Array(30).fill(5));
        }
        lit = fixedL; dist = fixedD;
      } else if (type === 2) {
        var hlit = bits(5) + 257, hdist = bits(5) + 1, hclen = bits(4) + 4, cl = new Uint8Array(19);
        for (i = 0; i < hclen; i++) cl[ORDER[i]] = bits(3);
        var ch = huffman(cl), lens = new Uint8Array(hlit + hdist);
        for (i = 0; i < hlit + hdist;) {
          var s = decode(ch);
          if (s < 16) { lens[i++] = s; continue; }
          var prev = 0, rep;
          if (s === 16) { prev = lens[i - 1]; rep = 3 + bits(2); } else if (s === 17) rep = 3 + bits(3); else rep = 11 + bits(7);
          while (rep--) lens[i++] = prev;
        }
        lit = huffman(lens.subarray(0, hlit)); dist = huffman(lens.subarray(hlit));
      } else throw new Error("inflate: bad block");
      for (;;) {
        var sym = decode(lit);
        if (sym < 256) { need(1); out[len++] = sym; continue; }
        if (sym === 256) break;
        sym -= 257;
        var length = LBASE[sym] + bits(LEXT[sym]), d = decode(dist), back = DBASE[d] + bits(DEXT[d]);
        if (back > len) throw new Error("inflate: bad distance");
        need(length);
        for (i = 0; i < length; i++, len++) out[len] = out[len - back];
      }
    } while (!last);
    return out.subarray(0, len);
  }

  // showcaseInflate reads a gzip member (header flags per RFC 1952), or
  // raw DEFLATE data when raw is set.
  window.showcaseInflate = function (src, raw) {
    if (raw) return inflateRaw(src, 0);
    if (src[0] !== 0x1f || src[1] !== 0x8b || src[2] !== 8) throw new Error("inflate: not gzip");
    var flags = src[3], at = 10;
    if (flags & 4) at += 2 + (src[at] | src[at + 1] << 8);
    if (flags & 8) while (src[at++]);
    if (flags & 16) while (src[at++]);
    if (flags & 2) at += 2;
    return inflateRaw(src, at);
  };
})();
