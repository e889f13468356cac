/* The search normaliser and tokenizer, identical to internal/search (Go):
   the same cases (internal/search/testdata/normalize.json) test both. */
(function (root) {
  "use strict";
  var BREAK = 0, HAN = 1, WORD = 2, SPACE = 3, JOIN = 4, SKIP = 5;
  var SKIPPED = "\"'`“”‘’„‟‚‛«»‹›「」『』《》〈〉〝〞〟·・‧•";
  var JOINERS = ".-_/:+&@#~,\\‐‒–";
  // Unicode classes; engines without \p{…} (before Chrome 64) get ranges
  function re(src, ranges) {
    try { return new RegExp(src, "u"); } catch (e) { return new RegExp("[" + ranges + "]"); }
  }
  var reHan = re("[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Bopomofo}\\u30fc]",
    "\u1100-\u11ff\u3005\u3007\u3040-\u30ff\u3100-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ud840-\ud87f");
  var reMark = re("\\p{M}", "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u064b-\u065f\u0900-\u0903\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f");
  var reCf = re("\\p{Cf}", "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff");
  var reWord = re("[\\p{L}\\p{N}\\p{M}]", "0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0370-\u03ff\u0400-\u052f\u0300-\u036f");
  var reSpace = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var fold = {}; // Traditional → Simplified code points, filled block by block
  var ascii = [], known = new Map(); // classes of ASCII and of characters seen

  function classify(c) {
    if (c >= 0x4e00 && c <= 0x9fff) return HAN;
    if (c < 0x80) return ascii[c];
    var k = known.get(c);
    if (k === undefined) known.set(c, k = classifySlow(c));
    return k;
  }

  function classifySlow(c) {
    var s = String.fromCodePoint(c);
    if (c < 0x80) {
      if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57) return WORD;
      if (c === 32 || c === 9) return SPACE;
      if (SKIPPED.indexOf(s) >= 0) return SKIP;
      return JOINERS.indexOf(s) >= 0 ? JOIN : BREAK;
    }
    if (SKIPPED.indexOf(s) >= 0 || c >= 0xfe00 && c <= 0xfe0f || c >= 0xe0100 && c <= 0xe01ef ||
      c >= 0x180b && c <= 0x180d || c === 0x180f) return SKIP;
    if (JOINERS.indexOf(s) >= 0) return JOIN;
    if (c === 0x85 || c === 0x2028 || c === 0x2029) return BREAK;
    if (reSpace.test(s)) return SPACE;
    if (reHan.test(s)) return HAN;
    if (reCf.test(s)) return SKIP;
    return reWord.test(s) ? WORD : BREAK;
  }

  for (var a = 0; a < 128; a++) ascii[a] = classifySlow(a);

  function isMark(c) { return c >= 0x300 && !(c >= 0x4e00 && c <= 0x9fff) && reMark.test(String.fromCodePoint(c)); }

  function lower(c) {
    if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
    if (c >= 0x4e00 && c <= 0x9fff) return c;
    if (c === 0x130) return 0x69;
    var l = String.fromCodePoint(c).toLowerCase();
    var d = l.codePointAt(0);
    return l.length === String.fromCodePoint(d).length ? d : c;
  }

  // eachChar calls emit(codePoint, start, end) for every normalised character
  // of s, with the UTF-16 range of the original it comes from: NFKC of each
  // character with its combining marks, lower case, fold.
  var nfkc = new Map();
  function eachChar(s, emit) {
    for (var i = 0; i < s.length;) {
      var c = s.codePointAt(i), j = i + (c > 0xffff ? 2 : 1), k = j;
      while (k < s.length) {
        var m = s.codePointAt(k);
        if (!isMark(m)) break;
        k += m > 0xffff ? 2 : 1;
      }
      if (k === j && (c < 0x80 || c >= 0x4e00 && c <= 0x9fff)) {
        emitFolded(lower(c), i, j, emit);
      } else {
        var out = k === j ? nfkc.get(c) : undefined;
        if (out === undefined) {
          out = [];
          for (var ch of s.slice(i, k).normalize("NFKC")) out.push(lower(ch.codePointAt(0)));
          if (k === j) nfkc.set(c, out);
        }
        for (var n = 0; n < out.length; n++) emitFolded(out[n], i, k, emit);
      }
      i = k;
    }
  }

  function emitFolded(c, i, j, emit) {
    var f = c >= 0x3400 ? fold[c] : undefined;
    emit(f === undefined ? c : f, i, j);
  }

  // scan cuts s into segments of units ({t: text, s: start, e: end, w: word});
  // returns {segs, open}: open when s ends inside a word.
  function scan(s) {
    var segs = [], cur = [], word = "", ws = 0, we = 0, inWord = false, pending = false;
    function brk() { if (cur.length) { segs.push(cur); cur = []; } }
    function endWord() {
      if (inWord) { cur.push({ t: word, s: ws, e: we, w: true }); word = ""; inWord = false; }
    }
    eachChar(s, function (c, i, j) {
      var k = classify(c);
      if (pending && k !== WORD && k !== JOIN && k !== SKIP) { pending = false; brk(); }
      if (k === WORD) {
        pending = false;
        if (!inWord) { ws = i; inWord = true; }
        word += String.fromCodePoint(c); we = j;
      } else if (k === HAN) {
        endWord(); cur.push({ t: String.fromCodePoint(c), s: i, e: j, w: false });
      } else if (k === SPACE) {
        endWord();
      } else if (k === JOIN) {
        if (inWord) { endWord(); pending = true; } else if (!pending) brk();
      } else if (k === BREAK) {
        endWord(); brk();
      }
    });
    var open = inWord;
    endWord(); brk();
    return { segs: segs, open: open };
  }

  function isWordUnit(u) { return classify(u.codePointAt(0)) === WORD; }

  function joinUnits(units) {
    var out = "", prev = false;
    for (var i = 0; i < units.length; i++) {
      var w = isWordUnit(units[i]);
      if (w && prev) out += " ";
      out += units[i]; prev = w;
    }
    return out;
  }

  function texts(seg) { return seg.map(function (u) { return u.t; }); }

  function normalize(s) { return scan(s).segs.map(function (seg) { return joinUnits(texts(seg)); }).join("\n"); }

  function segments(s) { return scan(s).segs.map(texts); }

  // parseQuery: whitespace separates keywords, each segment of a keyword is
  // a piece; the last word is a prefix unless the query ends with a space.
  function parseQuery(q) {
    var kws = q.split(reSpace).filter(Boolean), pieces = [], seen = {};
    var chars = Array.from(q), endsOpen = chars.length > 0 && !reSpace.test(chars[chars.length - 1]);
    kws.forEach(function (kw, ki) {
      var r = scan(kw);
      r.segs.forEach(function (seg, si) {
        var units = texts(seg), isLast = ki === kws.length - 1 && si === r.segs.length - 1;
        var p = { units: units, prefix: isLast && r.open && endsOpen && Array.from(units[units.length - 1]).length >= 2 };
        var key = joinUnits(units) + (p.prefix ? "*" : "");
        if (!seen[key]) { seen[key] = true; pieces.push(p); }
      });
    });
    return { pieces: pieces };
  }

  function offsets(p, gram) {
    var n = p.units.length, out = [];
    if (n <= gram) return [0];
    for (var at = 0; at + gram < n; at += gram) out.push(at);
    out.push(n - gram);
    return out;
  }

  // terms: the piece itself when it has at most gram units, else the
  // n-grams of gram units at its offsets.
  function terms(p, gram) {
    var n = p.units.length;
    if (!n) return [];
    if (n <= gram) return [{ text: joinUnits(p.units), units: n, prefix: p.prefix }];
    return offsets(p, gram).map(function (at) {
      return { text: joinUnits(p.units.slice(at, at + gram)), units: gram, prefix: p.prefix && at + gram === n };
    });
  }

  function pairs(p) {
    if (p.units.length === 1) return terms(p, 1);
    var out = [];
    for (var i = 0; i + 2 <= p.units.length; i++) {
      out.push({ text: joinUnits(p.units.slice(i, i + 2)), units: 2, prefix: p.prefix && i + 2 === p.units.length });
    }
    return out;
  }

  // shardKey: the term with its last word cut to two characters.
  function shardKey(t) {
    var cps = Array.from(t), start = cps.length;
    while (start > 0 && classify(cps[start - 1].codePointAt(0)) === WORD) start--;
    if (start === cps.length || cps.length - start <= 2) return t;
    return cps.slice(0, start + 2).join("");
  }

  function countUnits(t) {
    var n = 0, inWord = false;
    for (var ch of t) {
      var k = classify(ch.codePointAt(0));
      if (k === HAN) { n++; inWord = false; } else if (k === WORD) { if (!inWord) n++; inWord = true; } else inWord = false;
    }
    return n;
  }

  function fnv1a(s) {
    var b = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
    return h >>> 0;
  }

  // scanned keeps the segments of the texts last searched (page texts are
  // searched again as the reader refines the query).
  var scanned = new Map();
  function segsOf(text) {
    var segs = scanned.get(text);
    if (!segs) {
      if (scanned.size > 100) scanned.clear();
      scanned.set(text, segs = scan(text).segs);
    }
    return segs;
  }

  // spans finds where the pieces occur in text: merged [start, end) ranges
  // of the original, whole matched runs (时伟, never 时 and 伟 alone).
  function spans(text, pieces) {
    var found = [];
    segsOf(text).forEach(function (seg) {
      pieces.forEach(function (p) {
        var n = p.units.length;
        for (var i = 0; i + n <= seg.length; i++) {
          var ok = true;
          for (var j = 0; j < n && ok; j++) {
            var u = seg[i + j].t;
            ok = u === p.units[j] || (j === n - 1 && p.prefix && u.indexOf(p.units[j]) === 0);
          }
          if (ok) found.push([seg[i].s, seg[i + n - 1].e]);
        }
      });
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = [];
    found.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else out.push(r.slice());
    });
    return out;
  }

  // addFold adds a block of the fold table: pairs of Traditional, Simplified.
  function addFold(pairsText) {
    var cps = Array.from(pairsText);
    for (var i = 0; i + 1 < cps.length; i += 2) fold[cps[i].codePointAt(0)] = cps[i + 1].codePointAt(0);
    scanned.clear();
  }

  // foldBlocksOf lists the fold-table blocks (code point >> 8) that the Han
  // characters of s after NFKC and lower case fall in.
  function foldBlocksOf(s) {
    var out = {};
    var saved = fold;
    fold = {};
    eachChar(s, function (c) { if (c >= 0x3400) out[c >> 8] = true; });
    fold = saved;
    return Object.keys(out).map(Number);
  }

  root.showcaseSearch = {
    normalize: normalize, segments: segments, parseQuery: parseQuery, terms: terms, offsets: offsets,
    pairs: pairs, joinUnits: joinUnits, shardKey: shardKey, countUnits: countUnits, fnv1a: fnv1a, isWord: isWordUnit,
    spans: spans, addFold: addFold, foldBlocksOf: foldBlocksOf
  };
})(window);
