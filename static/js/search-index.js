/* The search index client (issue 4, issue 13): reads the files showcase
   build writes under search/ (format: internal/search/manifest.go), only
   those a query needs, and runs a query exactly as
   internal/search/search.go does: over the segments (search-segment.js) and
   the recent pages, which it finds in their text. A file that is gone (the
   site was deployed again since the manifest was read) fails with
   error.stale, and the page reloads the index. */
(function (S) {
  "use strict";
  if (!S || !S.segment) return;
  var utf8 = S.utf8 = new TextDecoder(), gb18030 = S.gb18030, scriptURL = document.currentScript && document.currentScript.src, inflater;
  var K1 = 1.2, B = 0.25; // internal/search/index.go's bm25K1, bm25B

  // inflate: the files are gzip, a pack's parts raw deflate (raw); without
  // DecompressionStream (older WebViews) or its "deflate-raw", inflate.js,
  // next to this script, is loaded once.
  var rawOK = false;
  try { rawOK = !!new DecompressionStream("deflate-raw"); } catch (e) { /* inflate.js */ }
  function inflate(buf, raw) {
    if (window.DecompressionStream && (rawOK || !raw)) {
      return new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream(raw ? "deflate-raw" : "gzip"))).arrayBuffer()
        .then(function (b) { return new Uint8Array(b); });
    }
    inflater = inflater || new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = new URL("inflate.js", scriptURL || location.href).href;
      s.onload = function () { ok(window.showcaseInflate); };
      s.onerror = fail;
      document.head.appendChild(s);
    });
    return inflater.then(function (f) { return f(new Uint8Array(buf), raw); });
  }

  function runes(s) { var n = 0; for (var i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xfc00) !== 0xdc00) n++; return n; }

  // open reads the manifest at url and returns the index.
  S.open = function (url) {
    var base = new URL(url, location.href), files = {}, M, segs = [], recent = 0, live = 0, foldDone = {};
    var monthOf, sectionOf;

    function file(rel) {
      var u = new URL(rel, base).href;
      if (!files[u]) {
        files[u] = fetch(u).then(function (r) {
          if (!r.ok) {
            var e = new Error(u + ": " + r.status);
            e.stale = r.status === 404 || r.status === 410;
            throw e;
          }
          return r.arrayBuffer();
        }).then(inflate);
        files[u].catch(function () { delete files[u]; });
      }
      return files[u];
    }

    // part: bytes [from, to) of a file as it is (a fragment pack's), with a
    // range request; a server that ignores ranges sends the whole file,
    // which is then kept
    var wholes = {};
    function part(rel, from, to) {
      var u = new URL(rel, base).href;
      var got = wholes[u] || fetch(u, { headers: { Range: "bytes=" + from + "-" + (to - 1) } }).then(function (r) {
        if (!r.ok) {
          var e = new Error(u + ": " + r.status);
          e.stale = r.status === 404 || r.status === 410;
          throw e;
        }
        return r.arrayBuffer().then(function (b) {
          if (r.status === 206) return { b: new Uint8Array(b), at: from };
          wholes[u] = Promise.resolve({ b: new Uint8Array(b), at: 0 });
          return wholes[u];
        });
      });
      return got.then(function (g) {
        var b = g.b.subarray(from - g.at, to - g.at);
        if (b.length !== to - from) throw new Error(u + ": short range");
        return b;
      });
    }

    function segOf(doc) {
      for (var i = 0; i < segs.length; i++) if (doc >= segs[i].base && doc < segs[i].end) return segs[i];
      return null;
    }

    // unzipPart: a page's part of a pack, coded and compressed with the
    // dictionary dict (internal/search/dict.go): its length (2 bytes), a
    // table of characters (uvarint gaps), the runs. A stored block of the runs
    // before the part makes it a raw deflate stream of both; the text is
    // then decoded with the table (codec.go).
    var dicts = {};
    function text(b) { return b[0] === 1 ? gb18030.decode(b.subarray(1)) : utf8.decode(b); } // internal/search/text.go
    function unzipPart(b, dict) {
      if (!dict) return inflate(b).then(text);
      dicts[dict] = dicts[dict] || file(dict).then(function (d) {
        var n = 2 + (d[0] | d[1] << 8), t = "", cp = 0, i = 2, v, sh;
        while (i < n) { // in each group, gaps between code points
          if (t.length === 0 || t.length === 128 || t.length > 128 && (t.length - 128) % 256 === 0) cp = 0;
          v = 0; sh = 0;
          do { v += (d[i] & 127) * Math.pow(2, sh); sh += 7; } while (d[i++] & 128);
          t += String.fromCharCode(cp += v);
        }
        return { t: t, runs: d.subarray(n) };
      });
      return dicts[dict].then(function (D) {
        var n = D.runs.length, g = new Uint8Array(5 + n + b.length);
        g.set([0, n & 255, n >> 8, ~n & 255, ~n >> 8 & 255]);
        g.set(D.runs, 5);
        g.set(b, 5 + n);
        return inflate(g, true).then(function (x) {
          var s = "", t = D.t, c;
          for (var i = n; i < x.length; i++) {
            c = x[i];
            s += c > 127 ? t[c - 128] : c < 32 ? t[128 + (c << 8) + x[++i]] : String.fromCharCode(c < 127 ? c : x[++i] << 8 | x[++i]);
          }
          return s;
        });
      });
    }

    var frags = new Map();
    function fragment(doc) {
      if (!frags.has(doc)) {
        var s = segOf(doc);
        frags.set(doc, (s ? s.fragment(doc).then(function (b) { return unzipPart(b, s.info.dict); }) :
          file(M.fragments + M.recent[doc - recent].f + ".bin").then(text)).then(function (s) {
          var f = JSON.parse(s), ls;
          if (f.hl) { ls = f.x.split("\n"); f.h = f.hl.map(function (i) { return ls[i]; }).join("\n"); } // a pack's (files.go)
          if (f.ml) f.m = Array.from(f.x).slice(0, f.ml).join("");
          if (f.z) S.addFold(f.z); // its Traditional characters, to fold its text
          return f;
        }));
        frags.get(doc).catch(function () { frags.delete(doc); });
      }
      return frags.get(doc);
    }

    // textImpact: the impact of a term in a recent page's fragment, as the
    // index would give it (internal/search/recent.go); -1 when absent
    function textImpact(f, t) {
      var units = S.segments(t.text)[0], n = t.units, counts = new Map(), best = -1;
      if (!units || units.length !== n) return -1;
      function field(text, k, create) {
        S.segments(text || "").forEach(function (seg) {
          for (var i = 0; i + n <= seg.length; i++) {
            var ok = true;
            for (var j = 0; j < n && ok; j++) ok = seg[i + j] === units[j] || t.prefix && j === n - 1 && seg[i + j].indexOf(units[j]) === 0;
            if (!ok) continue;
            var key = S.joinUnits(seg.slice(i, i + n)), c = counts.get(key);
            if (!c) {
              if (!create) continue;
              counts.set(key, c = [0, 0, 0, 0]);
            }
            c[k]++;
          }
        });
      }
      field(f.t, 0, true); field(f.x, 1, true); field(f.c, 1, true); field(f.b, 1, true); field(f.h, 2, false); field(f.m, 3, false);
      var norm = K1 * (1 - B + B * (runes(f.t) + runes(f.x) + runes(f.c || "") + runes(f.b || "") + 1) / M.avg);
      counts.forEach(function (c) {
        var w = 5 * c[0] + 1 * c[1] + 2 * c[2] + 1 * c[3], q = Math.min(3, Math.floor(w / (norm + w) * 4));
        best = Math.max(best, c[0] ? q | 4 : q);
      });
      return best;
    }

    // holds: whether a page shows a piece: in its title, text, captions or credits
    function holds(f, p) {
      return [f.t, f.x, f.c, f.b].some(function (s) { return s && S.spans(s, [p]).length > 0; });
    }

    // postings: the pages of a term in the whole index, docid → impact;
    // m.text: those found in their text (the recent pages, and the
    // candidates of a longer n-gram that is not a term), which have no
    // positions
    function postings(t) {
      var m = new Map(), text = new Set();
      return Promise.all(segs.map(function (s) { return s.postings(t, m, text); }).concat(recentMay(t, text))).then(function () {
        return Promise.all(Array.from(text).map(function (d) {
          return fragment(d).then(function (f) {
            var imp = textImpact(f, t);
            if (imp >= 0) m.set(d, imp); else text.delete(d);
          });
        }));
      }).then(function () { m.text = text; return m; });
    }

    // recentMay adds to text the recent pages whose filter (r-NAME.bin:
    // 4096 bits a page, one set for each of its units) may hold a term
    var filter;
    function recentMay(t, text) {
      if (!M.recent.length) return Promise.resolve();
      filter = filter || file(M.recentFilter);
      return filter.then(function (b) {
        var units = S.segments(t.text)[0] || [];
        M.recent.forEach(function (r, i) {
          for (var j = 0; j < units.length; j++) {
            if (t.prefix && j === units.length - 1) break;
            var bit = i * 4096 + S.fnv1a(units[j]) % 4096;
            if (!(b[bit >> 3] & (1 << (bit & 7)))) return;
          }
          text.add(recent + i);
        });
      }, function (e) { filter = null; throw e; });
    }

    function idf(df) { return Math.log(1 + (live - df + 0.5) / (df + 0.5)); }

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
        var unknown = new Set();
        posts.forEach(function (post) { post.text.forEach(function (d) { unknown.add(d); }); });
        // a long piece: each segment checks its pages on positions; the
        // recent pages and those of a rare n-gram are checked on their text
        var chains = new Map(), checks = [];
        out.forEach(function (h, d) {
          var s = segOf(d);
          if (s && !chains.has(s)) chains.set(s, s.chain(p, terms));
          checks.push((s ? chains.get(s) : Promise.resolve(null)).then(function (c) {
            if (c && !c.unknown.has(d) && !unknown.has(d)) return c.holds(d);
            return fragment(d).then(function (f) { return holds(f, p); });
          }).then(function (ok) { if (!ok) out.delete(d); }));
        });
        return Promise.all(checks).then(function () { return out; });
      });
    }

    // partial: pages with at least half of the query's pairs of units
    function partial(q) {
      var terms = [];
      q.pieces.forEach(function (p) { terms = terms.concat(S.pairs(p)); });
      return Promise.all(terms.map(function (t) { return postings(t).then(function (post) { return confirmTerm(t, post); }); })).then(function (posts) {
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

    function rank(hits) {
      return hits.sort(function (a, b) {
        return b.cov - a.cov || b.title - a.title || b.score - a.score || monthOf[b.doc] - monthOf[a.doc] || a.doc - b.doc;
      });
    }

    // confirm: when the query used fingerprints, the best ranked page of
    // each segment must hold it, else a fingerprint matched a term the
    // segment lacks and its pages go (internal/search/fingerprint.go)
    function confirm(q, hits) {
      var firsts = new Map(), bad = new Set();
      if (!q.pieces.some(function (p) { return S.terms(p, M.gram).some(function (t) { return !t.prefix && S.byFP(t.text, M.gram); }); })) return hits;
      hits.forEach(function (h) { var s = segOf(h.doc); if (s && !firsts.has(s)) firsts.set(s, h.doc); });
      return Promise.all(Array.from(firsts).map(function (e) {
        return fragment(e[1]).then(function (f) { if (!q.pieces.every(function (p) { return holds(f, p); })) bad.add(e[0]); });
      })).then(function () { return hits.filter(function (h) { return !bad.has(segOf(h.doc)); }); });
    }

    // confirmTerm: for a partial match, the first page of each segment
    // where a fingerprinted term matched must hold it, else the segment's
    // pages go from post
    function confirmTerm(t, post) {
      if (t.prefix || !S.byFP(t.text, M.gram)) return post;
      var firsts = new Map(), p = { units: S.segments(t.text)[0] };
      post.forEach(function (imp, d) { var s = segOf(d); if (s && !(firsts.get(s) <= d)) firsts.set(s, d); });
      return Promise.all(Array.from(firsts).map(function (e) {
        return fragment(e[1]).then(function (f) {
          if (!holds(f, p)) post.forEach(function (imp, d) { if (segOf(d) === e[0]) post.delete(d); });
        });
      })).then(function () { return post; });
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
          return confirm(q, rank(hits));
        }).then(function (hits) {
          if (hits.length) return { query: q, hits: hits };
          return partial(q).then(function (p) { return { query: q, hits: rank(p), partial: p.length > 0 }; });
        });
      });
    }

    // facet: [{name, docs: Set of docids}] of a facet of the manifest, most
    // used first
    function facet(f) {
      var i = M.facets.indexOf(f), m = new Map();
      return Promise.all(segs.map(function (s) { return s.facet(i, m); }).concat(M.recent.map(function (r, j) {
        return fragment(recent + j).then(function (fr) {
          ((fr.f || {})[f.name] || []).forEach(function (v) {
            if (!m.has(v)) m.set(v, new Set());
            m.get(v).add(recent + j);
          });
        });
      }))).then(function () {
        var out = [];
        m.forEach(function (docs, name) { out.push({ name: name, docs: docs }); });
        return out.sort(function (a, b) { return b.docs.size - a.docs.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
      });
    }

    return file(base.pathname.split("/").pop()).then(function (b) {
      M = JSON.parse(utf8.decode(b));
      if (M.version !== 7) throw new Error("unsupported search index " + M.version);
      M.recent = M.recent || [];
      var secIndex = {};
      M.sections.forEach(function (s, i) { secIndex[s.name] = i; });
      M.segments.forEach(function (info) {
        var s = S.segment(info, M, file, part, recent);
        segs.push(s);
        recent = s.end;
        live += s.live;
      });
      live += M.recent.length;
      monthOf = new Int32Array(recent + M.recent.length);
      sectionOf = new Int16Array(recent + M.recent.length).fill(-1);
      segs.forEach(function (seg) {
        (seg.info.sections || []).forEach(function (s) {
          var from = seg.base + s.start;
          sectionOf.fill(secIndex[s.name], from, from + s.count);
          s.months.forEach(function (m, i) {
            var end = i + 1 < s.months.length ? s.months[i + 1][1] : s.start + s.count;
            monthOf.fill(m[0], seg.base + m[1], seg.base + end);
          });
        });
      });
      M.recent.forEach(function (r, i) { monthOf[recent + i] = r.m; sectionOf[recent + i] = secIndex[r.s]; });
      return {
        manifest: M, search: search, fragment: fragment, facet: facet, monthOf: monthOf,
        pageURL: function (f) { return new URL(M.root + f.u, base); },
        section: function (doc) { return M.sections[sectionOf[doc]]; }
      };
    });
  };
})(window.showcaseSearch);
