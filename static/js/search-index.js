/* The search index client (issue 4): reads the files showcase build writes
   under search/ (format: internal/search/terms.go), only those a query
   needs, and runs a query exactly as internal/search/search.go does. */
(function (S) {
  "use strict";
  if (!S) return;
  var utf8 = new TextDecoder(), scriptURL = document.currentScript && document.currentScript.src, inflater;

  // inflate: the files are gzip; without DecompressionStream (older WebViews)
  // inflate.js, next to this script, is loaded once.
  function inflate(buf) {
    if (window.DecompressionStream) {
      return new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
        .then(function (b) { return new Uint8Array(b); });
    }
    inflater = inflater || new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = new URL("inflate.js", scriptURL || location.href).href;
      s.onload = function () { ok(window.showcaseInflate); };
      s.onerror = fail;
      document.head.appendChild(s);
    });
    return inflater.then(function (f) { return f(new Uint8Array(buf)); });
  }

  function Reader(b) { this.b = b; this.i = 0; }
  Reader.prototype.uv = function () {
    var v = 0, m = 1, c;
    do { c = this.b[this.i++]; v += (c & 127) * m; m *= 128; } while (c & 128 && this.i < this.b.length);
    return v;
  };
  Reader.prototype.bytes = function (n) { this.i += n; return this.b.subarray(this.i - n, this.i); };
  Reader.prototype.str = function () { return utf8.decode(this.bytes(this.uv())); };
  function hex(b) { var s = ""; for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16); return s; }

  // open reads the manifest at url and returns the index.
  S.open = function (url) {
    var base = new URL(url, location.href), files = {}, shards = {}, M, monthOf, foldDone = {};
    // M.sections: [{name, title, start, count, months: [[yyyymm, first docid]…]}]

    function file(rel) {
      var u = new URL(rel, base).href;
      if (!files[u]) {
        files[u] = fetch(u).then(function (r) {
          if (!r.ok) throw new Error(u + ": " + r.status);
          return r.arrayBuffer();
        }).then(inflate);
        files[u].catch(function () { delete files[u]; });
      }
      return files[u];
    }

    // shard reads t/B.bin (once): terms, then df and kind, then the list terms'
    // docids and impacts, then the dense terms' file names, in columns
    function shard(bucket) {
      if (shards[bucket]) return shards[bucket];
      shards[bucket] = file("t/" + bucket.toString(16) + ".bin").then(function (b) {
        var r = new Reader(b), n = r.uv(), recs = [], i;
        for (i = 0; i < n; i++) recs.push({ text: r.str(), bucket: bucket });
        recs.forEach(function (rec) { rec.df = r.uv(); rec.dense = r.bytes(1)[0] === 1; });
        recs.forEach(function (rec) {
          if (rec.dense) return;
          rec.docs = new Uint32Array(rec.df);
          for (var j = 0, d = 0; j < rec.df; j++) rec.docs[j] = d += r.uv();
        });
        recs.forEach(function (rec) { if (!rec.dense) rec.imps = r.bytes(rec.df); });
        recs.forEach(function (rec) {
          if (!rec.dense) return;
          rec.dense = hex(r.bytes(8));
          if (S.countUnits(rec.text) === M.gram) rec.posAt = hex(r.bytes(8));
        });
        return recs;
      });
      shards[bucket].catch(function () { delete shards[bucket]; });
      return shards[bucket];
    }

    function load(rec) {
      if (rec.docs) return Promise.resolve(rec);
      return file(M.dense + rec.dense + ".bin").then(function (b) {
        var docs = new Uint32Array(rec.df), k = 0;
        for (var d = 0; d < M.docs && k < rec.df; d++) if (b[d >> 3] & (1 << (d & 7))) docs[k++] = d;
        rec.docs = docs;
        rec.imps = b.subarray((M.docs + 7) >> 3);
        return rec;
      });
    }

    // records: the term itself, or every term a prefix term extends to
    function records(t) {
      return shard(S.fnv1a(S.shardKey(t.text)) & (M.buckets - 1)).then(function (recs) {
        return Promise.all(recs.filter(function (r) {
          return r.text === t.text || t.prefix && r.text.indexOf(t.text) === 0 && S.countUnits(r.text) === t.units;
        }).map(load));
      });
    }

    function postings(t) {
      return records(t).then(function (recs) {
        var m = new Map();
        recs.forEach(function (r) {
          for (var i = 0; i < r.docs.length; i++) if (!(m.get(r.docs[i]) >= r.imps[i])) m.set(r.docs[i], r.imps[i]);
        });
        return m;
      });
    }

    function hasPos(t) { return !t.dense && t.df > M.rare && S.countUnits(t.text) === M.gram; }

    // positions sets rec.raw (and rec.next, the unit after each occurrence,
    // "" for none): a dense term's file, or its part of p/B.bin (n, the
    // positions of the shard's terms that have them, then their next columns)
    function positions(rec) {
      if (rec.raw) return Promise.resolve();
      if (rec.posAt) return file(M.dense + rec.posAt + ".bin").then(function (b) { rec.raw = b; });
      return Promise.all([shard(rec.bucket), file("p/" + rec.bucket.toString(16) + ".bin")]).then(function (x) {
        var ts = x[0].filter(hasPos), r = new Reader(x[1]), i, j;
        r.uv();
        ts.forEach(function (t) {
          var at = r.i;
          for (t.n = i = 0; i < t.df; i++) do t.n++; while (r.uv() & 1 && r.i < r.b.length);
          t.raw = r.b.subarray(at, r.i);
        });
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
          if (rec.df > M.rare) return true;
          rec.docs.forEach(function (d) { unknown.add(d); });
          return false;
        });
        return Promise.all(recs.map(positions)).then(function () {
          var m = new Map(), next = new Map();
          recs.forEach(function (rec) {
            var r = new Reader(rec.raw), k = 0;
            for (var i = 0; i < rec.docs.length; i++) {
              var p = 0, v, at = m.get(rec.docs[i]) || [], n = at.length;
              do { v = r.uv(); at.push(p += Math.floor(v / 2)); } while (v & 1 && r.i < r.b.length);
              m.set(rec.docs[i], at);
              if (rec.next) next.set(rec.docs[i], rec.next.slice(k, k += at.length - n));
            }
          });
          return [m, next];
        });
      });
    }

    function idf(df) { return Math.log(1 + (M.docs - df + 0.5) / (df + 0.5)); }

    // piece: the pages holding a piece → Map doc → {score, title}; a piece
    // longer than the n-grams needs them one after another (positions)
    function piece(p) {
      var terms = S.terms(p, M.gram);
      return Promise.all(terms.map(postings)).then(function (posts) {
        var out = null;
        posts.forEach(function (post, ti) {
          var w = idf(post.size), next = new Map();
          post.forEach(function (imp, d) {
            var prev = out && out.get(d);
            if (ti > 0 && !prev) return;
            var h = { score: w * (imp & 3) / 3, title: imp & 4 ? 1 : 0 };
            if (prev) { h.score += prev.score; h.title = Math.min(h.title, prev.title); }
            next.set(d, h);
          });
          out = next;
        });
        if (terms.length < 2 || !out.size) return out;
        // a long piece: its n-grams one after another, or, for the few pages
        // of a rare n-gram, the piece in the page text
        // (an n-gram one unit after a list one with positions and itself dense
        // is checked on the other's next column, not on its large positions)
        var offs = S.offsets(p, M.gram), unknown = new Set(), want = [];
        return Promise.all(terms.map(function (t, i) {
          return Promise.all([i && records(terms[i - 1]), records(t)]).then(function (x) {
            if (offs[i] !== offs[i - 1] + 1 || t.prefix || x[0].length !== 1 || !hasPos(x[0][0]) || x[1].length !== 1 || !x[1][0].dense) {
              return occurrences(t, unknown);
            }
            want[i] = p.units[offs[i] + M.gram - 1];
          });
        })).then(function (occ) {
          var checks = [];
          out.forEach(function (h, d) {
            if (unknown.has(d)) {
              checks.push(fragment(d).then(function (f) {
                if (!S.spans(f.t, [p]).length && !S.spans(f.x, [p]).length) out.delete(d);
              }));
              return;
            }
            var ok = (occ[0][0].get(d) || []).some(function (x) {
              for (var i = 1; i < occ.length; i++) {
                if (want[i] ? (occ[i - 1][1].get(d) || [])[(occ[i - 1][0].get(d) || []).indexOf(x + offs[i - 1])] !== want[i] :
                  (occ[i][0].get(d) || []).indexOf(x + offs[i]) < 0) return false;
              }
              return true;
            });
            if (!ok) out.delete(d);
          });
          return Promise.all(checks).then(function () { return out; });
        });
      });
    }

    // partial: pages with at least half of the query's pairs of units
    function partial(q) {
      var terms = [];
      q.pieces.forEach(function (p) { terms = terms.concat(S.pairs(p)); });
      return Promise.all(terms.map(postings)).then(function (posts) {
        var hits = new Map(), need = terms.length < 2 ? 2 : (terms.length + 1) >> 1;
        posts.forEach(function (post) {
          var w = idf(post.size);
          post.forEach(function (imp, d) {
            var h = hits.get(d) || { doc: d, score: 0, title: 0, cov: 0 };
            h.cov++; h.score += w * (imp & 3) / 3; hits.set(d, h);
          });
        });
        return Array.from(hits.values()).filter(function (h) { return h.cov >= need; });
      });
    }

    // foldFor loads the blocks of the fold table the query's characters need.
    function foldFor(q) {
      return Promise.all(S.foldBlocksOf(q).filter(function (n) {
        return !foldDone[n] && parseInt(M.foldBlocks.substr((n >> 3) * 2, 2), 16) & (1 << (n & 7));
      }).map(function (n) {
        return file(M.fold + n.toString(16) + ".bin").then(function (b) { S.addFold(utf8.decode(b)); foldDone[n] = true; });
      }));
    }

    // search: {query, hits: [{doc, score, title, cov}] ranked, partial}
    function search(text) {
      return foldFor(text).then(function () {
        var q = S.parseQuery(text);
        if (!q.pieces.length) return { query: q, hits: [] };
        return Promise.all(q.pieces.map(piece)).then(function (maps) {
          var hits = [];
          maps[0].forEach(function (h, d) {
            var all = { doc: d, score: 0, title: 0, cov: 0 };
            for (var i = 0; i < maps.length; i++) {
              var x = maps[i].get(d);
              if (!x) return;
              all.score += x.score; all.title += x.title;
            }
            hits.push(all);
          });
          if (hits.length) return { query: q, hits: hits };
          return partial(q).then(function (p) { return { query: q, hits: p, partial: p.length > 0 }; });
        }).then(function (res) {
          res.hits.sort(function (a, b) {
            return b.cov - a.cov || b.title - a.title || b.score - a.score || monthOf[b.doc] - monthOf[a.doc] || a.doc - b.doc;
          });
          return res;
        });
      });
    }

    var frags = new Map();
    function fragment(doc) {
      if (!frags.has(doc)) {
        frags.set(doc, file("fd/" + Math.floor(doc / M.fdBlock) + ".bin").then(function (b) {
          var at = (doc % M.fdBlock) * 8;
          return file(M.fragments + hex(b.subarray(at, at + 8)) + ".bin");
        }).then(function (b) { return JSON.parse(utf8.decode(b)); }));
        frags.get(doc).catch(function () { frags.delete(doc); });
      }
      return frags.get(doc);
    }

    // facet: value → Set of docids, for a facet of the manifest
    function facet(f) {
      return file(f.file).then(function (b) {
        var r = new Reader(b), n = r.uv(), out = [];
        for (var i = 0; i < n; i++) {
          var name = r.str(), c = r.uv(), docs = new Set();
          for (var j = 0, d = 0; j < c; j++) docs.add(d = j ? d + r.uv() : r.uv());
          out.push({ name: name, docs: docs });
        }
        return out;
      });
    }

    return file(base.pathname.split("/").pop()).then(function (b) {
      M = JSON.parse(utf8.decode(b));
      monthOf = new Int32Array(M.docs);
      var sectionOf = new Int16Array(M.docs);
      M.sections.forEach(function (s, si) {
        sectionOf.fill(si, s.start, s.start + s.count);
        s.months.forEach(function (m, i) {
          var end = i + 1 < s.months.length ? s.months[i + 1][1] : s.start + s.count;
          for (var d = m[1]; d < end; d++) monthOf[d] = m[0];
        });
      });
      return {
        manifest: M, search: search, fragment: fragment, facet: facet, monthOf: monthOf,
        pageURL: function (f) { return new URL(M.root + f.u, base); },
        section: function (doc) { return M.sections[sectionOf[doc]]; }
      };
    });
  };
})(window.showcaseSearch);
