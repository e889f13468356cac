/* One segment of the search index (format: internal/search/terms.go and
   segment.go): its shards, dense files and positions, read only as a query
   needs them. Docids it returns are the index's (the segment's own plus
   seg.base); its dead pages (tombstones) are left out. */
(function (S) {
  "use strict";
  if (!S) return;

  function Reader(b) { this.b = b; this.i = 0; }
  Reader.prototype.uv = function () {
    var v = 0, m = 1, c;
    do { c = this.b[this.i++]; v += (c & 127) * m; m *= 128; } while (c & 128 && this.i < this.b.length);
    return v;
  };
  Reader.prototype.bytes = function (n) { this.i += n; return this.b.subarray(this.i - n, this.i); };
  Reader.prototype.str = function () { return S.utf8.decode(this.bytes(this.uv())); };
  // term: a shard's term, UTF-8 or, when its length is odd, GB18030
  // (internal/search/text.go)
  var gb18030 = S.gb18030 = new TextDecoder("gb18030");
  Reader.prototype.term = function () {
    var n = this.uv(), b = this.bytes(Math.floor(n / 2));
    return n % 2 ? gb18030.decode(b) : S.utf8.decode(b);
  };
  S.Reader = Reader;

  // Bits reads Rice codes at a Reader's position (internal/search/rice.go):
  // list(n, total), n values of a list among total; end() moves the
  // Reader past them
  function Bits(r) { this.r = r; this.at = r.i * 8; }
  Bits.prototype.bit = function () { var a = this.at++; return this.r.b[a >> 3] >> (7 - (a & 7)) & 1; };
  Bits.prototype.list = function (n, total) {
    var out = new Uint32Array(n), q = Math.floor(total / (n + 1)), k = q ? 31 - Math.clz32(q) : 0;
    for (var j = 0, d = -1; j < n; j++) out[j] = d += this.rice(k) + 1;
    return out;
  };
  Bits.prototype.rice = function (k) {
    for (var v = 0; this.bit();) v++;
    while (k--) v = v * 2 + this.bit();
    return v;
  };
  Bits.prototype.gamma = function () {
    for (var n = 0, v = 1; this.bit() && n < 32;) n++;
    while (n--) v = v * 2 + this.bit();
    return v;
  };
  // positions: k (5 bits), then for each of n pages the count of its
  // positions less one (unary) and their gaps (Rice codes)
  Bits.prototype.positions = function (n) {
    for (var k = 0, i = 0; i < 5; i++) k = k * 2 + this.bit();
    var out = [];
    for (i = 0; i < n; i++) {
      for (var c = 1; this.bit();) c++;
      for (var at = [], p = 0, j = 0; j < c; j++) at.push(p += this.rice(k));
      out.push(at);
    }
    return out;
  };
  Bits.prototype.end = function () { this.r.i = (this.at + 7) >> 3; };

  // byFP: whether a term is found by its fingerprint, which fingerprint
  // gives (internal/search/fingerprint.go)
  S.byFP = function (t, gram) {
    var cs = Array.from(t);
    return cs.length > 0 && cs.length <= 2 && cs.length < gram && S.countUnits(t) === cs.length && !cs.some(S.isWord);
  };
  function fingerprint(t, seed, width) {
    var b = new TextEncoder().encode(t), h = 0x811c9dc5 ^ Math.imul(seed, 0x9e3779b9);
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619);
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    return width < 32 ? h >>> (32 - width) : h >>> 0;
  }
  function hex(b) { var s = ""; for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16); return s; }
  S.hex = hex;

  // S.segment: info is the manifest's entry, M the manifest, file(rel) a
  // gunzipped file below the manifest's folder, part(rel, from, to) bytes
  // of a file as they are, base the first docid.
  S.segment = function (info, M, file, part, base) {
    var shards = {}, dead = new Set(), d = 0;
    (info.dead || []).forEach(function (g, i) { dead.add(d = i ? d + g : g); });

    // shard reads t/B.bin (once): terms, those found by fingerprints, then dfs, then the list
    // terms' docids (Rice codes) and impacts, then the dense terms' file names, in
    // columns, then the positions of its list terms that have them
    function shard(bucket) {
      if (shards[bucket]) return shards[bucket];
      shards[bucket] = file(info.dir + "t/" + bucket.toString(16) + ".bin").then(function (b) {
        var r = new Reader(b), n = r.uv(), recs = [], i;
        for (i = 0; i < n; i++) recs.push({ text: r.term(), bucket: bucket });
        if ((n = r.uv())) { // terms found by their fingerprints
          recs.seed = r.uv();
          recs.width = r.bytes(1)[0];
          var bits = new Bits(r);
          bits.list(n, Math.pow(2, recs.width)).forEach(function (fp) { recs.push({ text: "", fp: fp, bucket: bucket }); });
          bits.end();
        }
        bits = new Bits(r);
        recs.forEach(function (rec) { rec.df = bits.gamma(); rec.dense = rec.df > 1024 && rec.df * 8 > info.docs; });
        recs.forEach(function (rec) { if (!rec.dense) rec.docs = bits.list(rec.df, info.docs); });
        bits.end();
        recs.forEach(function (rec) { if (!rec.dense) rec.imps = r.bytes(rec.df); });
        recs.forEach(function (rec) {
          if (!rec.dense) return;
          rec.dense = hex(r.bytes(8));
          if (S.countUnits(rec.text) === M.gram) rec.posAt = hex(r.bytes(8));
        });
        recs.tail = r.b.subarray(r.i); // the list terms' positions
        return recs;
      });
      shards[bucket].catch(function () { delete shards[bucket]; });
      return shards[bucket];
    }

    function load(rec) {
      if (rec.docs) return Promise.resolve(rec);
      return file(M.dense + rec.dense + ".bin").then(function (b) {
        var bits = new Bits(new Reader(b));
        rec.docs = bits.list(rec.df, info.docs);
        rec.imps = rec.docs.map(function () { return bits.bit() ? 6 : 2; }); // the title flag, level 2
        return rec;
      });
    }

    // records: the term itself, or every term a prefix term extends to
    function records(t) {
      return shard(S.fnv1a(S.shardKey(t.text)) & (info.buckets - 1)).then(function (recs) {
        var fp = !t.prefix && S.byFP(t.text, M.gram) && fingerprint(t.text, recs.seed, recs.width);
        return Promise.all(recs.filter(function (r) {
          if (fp !== false) return r.fp === fp;
          return r.text && (r.text === t.text || t.prefix && r.text.indexOf(t.text) === 0 && S.countUnits(r.text) === t.units);
        }).map(load));
      });
    }

    // x: [records of a term, or, for a longer n-gram that is not a term,
    // its candidates (docids of the segment, dead ones included); neither
    // when it occurs nowhere] (internal/search/prune.go)
    function x(t) {
      return records(t).then(function (recs) {
        var u = S.segments(t.text)[0], n = t.units;
        if (recs.length || n <= 2 || t.prefix || !info.candidates || !u || u.length !== n || S.isWord(u[n - 1])) return [recs, null];
        return xDocs({ text: S.joinUnits(u.slice(0, n - 1)), units: n - 1 }).then(function (a) {
          if (!a.length) return [[], null];
          return xDocs({ text: S.joinUnits(u.slice(1)), units: n - 1 }).then(function (b) {
            var c = [];
            for (var i = 0, j = 0; i < a.length && j < b.length && c.length <= info.candidates;) {
              if (a[i] < b[j]) i++; else if (a[i] > b[j]) j++; else { c.push(a[i]); i++; j++; }
            }
            return [[], c.length > info.candidates ? null : c];
          });
        });
      });
    }

    function xDocs(t) {
      return x(t).then(function (r) {
        if (!r[0].length) return r[1] || [];
        var all = [];
        r[0].forEach(function (rec) { all = all.concat(Array.from(rec.docs)); });
        all.sort(function (p, q) { return p - q; });
        return all.filter(function (d, i) { return !i || all[i - 1] !== d; });
      });
    }

    // postings adds a term's pages to m: docid → impact (the best over the
    // words a prefix term extends to); and the candidates of a longer
    // n-gram that is not a term to cands
    function postings(t, m, cands) {
      return x(t).then(function (r) {
        r[0].forEach(function (rec) {
          for (var i = 0; i < rec.docs.length; i++) {
            var doc = base + rec.docs[i];
            if (!dead.has(rec.docs[i]) && !(m.get(doc) >= rec.imps[i])) m.set(doc, rec.imps[i]);
          }
        });
        (r[1] || []).forEach(function (d) { if (!dead.has(d)) cands.add(base + d); });
      });
    }

    function hasPos(t) { return !t.dense && t.df > (info.rare || 0) && S.countUnits(t.text) === M.gram; }

    // positions sets rec.at (each page's positions) and rec.next (the unit
    // after each occurrence, "" for none): from a dense term's file, or its
    // part of the end of its shard (n, the positions of the shard's terms
    // that have them, bits, then their next columns)
    function positions(rec) {
      if (rec.at) return Promise.resolve();
      if (rec.posAt) return file(M.dense + rec.posAt + ".bin").then(function (b) { rec.at = new Bits(new Reader(b)).positions(rec.df); });
      return shard(rec.bucket).then(function (recs) {
        var ts = recs.filter(hasPos), r = new Reader(recs.tail), bits, j;
        r.uv();
        bits = new Bits(r);
        ts.forEach(function (t) {
          t.at = bits.positions(t.df);
          t.n = t.at.reduce(function (n, a) { return n + a.length; }, 0);
        });
        bits.end();
        ts.forEach(function (t) {
          var u = [""];
          for (j = r.uv(); j > 0; j--) u.push(r.str());
          if (u.length > 1) for (t.next = [], j = 0; j < t.n; j++) t.next.push(u[r.uv()]);
        });
      });
    }

    // occurrences: [docid → positions of a term of Gram units, docid → the
    // unit after each]; the pages of its rare forms (no positions) go to unknown
    function occurrences(t, unknown) {
      return records(t).then(function (recs) {
        recs = recs.filter(function (rec) {
          if (rec.df > (info.rare || 0)) return true;
          rec.docs.forEach(function (d) { unknown.add(base + d); });
          return false;
        });
        return Promise.all(recs.map(positions)).then(function () {
          var m = new Map(), next = new Map();
          recs.forEach(function (rec) {
            for (var i = 0, k = 0; i < rec.docs.length; i++) {
              var doc = base + rec.docs[i], p = rec.at[i] || [];
              m.set(doc, (m.get(doc) || []).concat(p));
              if (rec.next) next.set(doc, rec.next.slice(k, k += p.length));
            }
          });
          return [m, next];
        });
      });
    }

    // chain: what checks a long piece in this segment's pages (see
    // internal/search/search.go): for each term, [positions, next units],
    // or want[i], the unit after the term before (an n-gram one unit after
    // a list one with positions and itself dense is checked on the other's
    // next column, not on its large positions); unknown: pages to check on
    // their text
    function chain(p, terms) {
      var offs = S.offsets(p, M.gram), unknown = new Set(), want = [];
      return Promise.all(terms.map(function (t, i) {
        return Promise.all([i && records(terms[i - 1]), records(t)]).then(function (x) {
          if (offs[i] !== offs[i - 1] + 1 || t.prefix || x[0].length !== 1 || !hasPos(x[0][0]) || x[1].length !== 1 || !x[1][0].dense) {
            return occurrences(t, unknown);
          }
          want[i] = p.units[offs[i] + M.gram - 1];
        });
      })).then(function (occ) {
        return {
          unknown: unknown,
          holds: function (d) {
            return (occ[0][0].get(d) || []).some(function (x) {
              for (var i = 1; i < occ.length; i++) {
                if (want[i] ? (occ[i - 1][1].get(d) || [])[(occ[i - 1][0].get(d) || []).indexOf(x + offs[i - 1])] !== want[i] :
                  (occ[i][0].get(d) || []).indexOf(x + offs[i]) < 0) return false;
              }
              return true;
            });
          }
        };
      });
    }

    // fragment: a page's fragment (gzip) from its pack, f/K.bin: its two
    // offsets from the pack's table, then its bytes
    function fragment(doc) {
      var local = doc - base, i = local % M.pack, rel = info.dir + "f/" + Math.floor(local / M.pack) + ".bin";
      return part(rel, 4 * i, 4 * i + 8).then(function (b) {
        var v = new DataView(b.buffer, b.byteOffset, 8);
        return part(rel, v.getUint32(0, true), v.getUint32(4, true));
      });
    }

    // facet: values of facet i → Set of docids
    function facet(i, out) {
      if (!info.facets[i]) return Promise.resolve();
      return file(info.dir + info.facets[i]).then(function (b) {
        var r = new Reader(b), n = r.uv();
        for (var v = 0; v < n; v++) {
          var name = r.str(), c = r.uv(), docs = out.get(name) || new Set();
          for (var j = 0, d = 0; j < c; j++) {
            d = j ? d + r.uv() : r.uv();
            if (!dead.has(d)) docs.add(base + d);
          }
          out.set(name, docs);
        }
      });
    }

    return {
      info: info, base: base, end: base + info.docs, live: info.docs - dead.size,
      postings: postings, chain: chain, fragment: fragment, facet: facet
    };
  };
})(window.showcaseSearch);
