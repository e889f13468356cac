/* The search page (issue 4): results as the reader types, ?q= in the
   address so results can be shared, filters with counts, more results.
   Page contract: #search-results carries data-count (pages matching),
   data-query (the query shown) and, for a partial match, data-partial;
   each result carries data-url, the page's URL. */
(function () {
  "use strict";
  // 2025-10-26 → 2025年10月26日, as the rest of the site writes dates
  function cnDate(d) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    return m ? m[1] + "年" + (+m[2]) + "月" + (+m[3]) + "日" : d;
  }
  var S = window.showcaseSearch, box = document.getElementById("search");
  if (!S || !S.open || !box || !window.fetch || !window.Map) return;
  function $(id) { return document.getElementById(id); }
  var input = $("search-input"), status = $("search-status"), list = $("search-results");
  var filters = $("search-filters"), more = $("search-more"), PAGE = 10;
  var ix, seq = 0, state = null, sel = {}, facets = null, started = 0;

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // marked: text[from:to] escaped, the matched spans in <mark>
  function marked(text, spans, from, to) {
    var out = "", at = from;
    spans.forEach(function (r) {
      var a = Math.max(r[0], at), b = Math.min(r[1], to);
      if (a >= b) return;
      out += esc(text.slice(at, a)) + "<mark>" + esc(text.slice(a, b)) + "</mark>";
      at = b;
    });
    return out + esc(text.slice(at, to));
  }

  // snippet: about 110 characters from the paragraph of the first match
  function snippet(text, spans) {
    var first = spans.length ? spans[0][0] : 0, start = Math.max(0, first - 30);
    var nl = text.lastIndexOf("\n", first);
    if (nl >= start) start = nl + 1;
    var end = Math.min(text.length, start + 110);
    return (start > 0 && text[start - 1] !== "\n" ? "…" : "") + marked(text, spans, start, end).replace(/\n/g, " ") + (end < text.length ? "…" : "");
  }

  // where: the text a snippet comes from, its matched spans and what it is:
  // the page's text, else its captions or byline and record, named
  function where(f, pieces) {
    var xs = S.spans(f.x, pieces);
    if (!xs.length && f.c && S.spans(f.c, pieces).length) return { text: f.c, spans: S.spans(f.c, pieces), label: "图片说明" };
    if (!xs.length && f.b && S.spans(f.b, pieces).length) return { text: f.b, spans: S.spans(f.b, pieces), label: "署名及信息" };
    return { text: f.x, spans: xs };
  }

  function item(h, f, pieces) {
    var ts = S.spans(f.t, pieces), w = where(f, pieces), xs = w.spans, seen = {}, hl = [];
    ts.map(function (r) { return f.t.slice(r[0], r[1]); }).concat(xs.map(function (r) { return w.text.slice(r[0], r[1]); }))
      .forEach(function (s) { if (!seen[s] && hl.length < 5) { seen[s] = true; hl.push(s); } });
    var url = ix.pageURL(f), sec = ix.section(h.doc), li = document.createElement("li");
    li.className = "search-result" + (state.partial ? " partial" : "");
    li.setAttribute("data-url", url.pathname);
    li.innerHTML = '<a class="search-title" href="' + esc(url.pathname + (hl.length ? "?hl=" + encodeURIComponent(hl.join("\n")) : "")) + '">' +
      marked(f.t, ts, 0, f.t.length) + '</a><p class="search-meta">' + (sec && sec.name ? "<span>" + esc(sec.title) + "</span> " : "") +
      (f.d ? '<time datetime="' + f.d + '">' + cnDate(f.d) + "</time>" : "") + '</p><p class="search-snippet">' +
      (w.label ? '<span class="search-where">' + w.label + "：</span>" : "") + snippet(w.text, xs) + "</p>";
    return li;
  }

  function year(doc) { return Math.floor(ix.monthOf[doc] / 100); }

  function visible() {
    return state.hits.filter(function (h) {
      var s = ix.section(h.doc);
      return (sel.section === undefined || s && s.name === sel.section) && (!sel.year || year(h.doc) === +sel.year) &&
        (!sel.facet || sel.facetDocs && sel.facetDocs.has(h.doc));
    });
  }

  // show renders results from..from+10 of the filtered list
  function show(from, my) {
    var hits = visible(), page = hits.slice(from, from + PAGE), pieces = state.query.pieces;
    return Promise.all(page.map(function (h) { return ix.fragment(h.doc); })).then(function (frags) {
      if (my !== seq) return;
      if (!from) list.innerHTML = "";
      frags.forEach(function (f, i) { list.appendChild(item(page[i], f, pieces)); });
      list.setAttribute("data-count", state.partial ? 0 : hits.length);
      if (state.partial) list.setAttribute("data-partial", hits.length); else list.removeAttribute("data-partial");
      list.setAttribute("data-query", state.q);
      if (started) list.setAttribute("data-ms", (performance.now() - started).toFixed(1));
      more.hidden = from + PAGE >= hits.length;
      state.shown = from + page.length;
      var q = "“" + state.q.trim() + "”";
      status.textContent = !hits.length ? (state.hits.length ? "筛选条件下没有结果。" : "没有找到包含" + q + "的文章，可以换用较短或其他的关键词。") :
        state.partial ? "没有找到完整包含" + q + "的文章，以下 " + hits.length + " 篇包含其中部分字词（部分匹配）：" :
          "找到 " + hits.length + " 篇包含" + q + "的文章" + (hits.length < state.hits.length ? "（已筛选）" : "") + "。";
    });
  }

  function chip(kind, value, label, count) {
    var on = kind === "section" ? sel.section === value : kind === "year" ? sel.year === value : sel.facet === value;
    return '<button type="button" data-k="' + kind + '" data-v="' + esc(value) + '" aria-pressed="' + on + '">' +
      esc(label) + " <span>" + count + "</span></button>";
  }

  function renderFilters() {
    var secs = {}, years = {}, html = "";
    state.hits.forEach(function (h) {
      var s = ix.section(h.doc), y = year(h.doc);
      if (s) secs[s.name] = (secs[s.name] || 0) + 1;
      if (y) years[y] = (years[y] || 0) + 1;
    });
    var sk = ix.manifest.sections.filter(function (s) { return secs[s.name]; });
    if (sk.length > 1 || sel.section !== undefined) {
      html += '<p class="search-filter"><span>栏目</span>' + sk.map(function (s) { return chip("section", s.name, s.title || "其他", secs[s.name]); }).join("") + "</p>";
    }
    var yk = Object.keys(years).sort().reverse();
    if (yk.length > 1 || sel.year) html += '<p class="search-filter"><span>年份</span>' + yk.map(function (y) { return chip("year", y, y + "年", years[y]); }).join("") + "</p>";
    if (ix.manifest.facets.length) {
      html += '<details class="search-filter"' + (facets ? " open" : "") + "><summary>按" +
        ix.manifest.facets.map(function (f) { return f.title; }).join("、") + "筛选</summary><div>" + (facets ? facetChips() : "") + "</div></details>";
    }
    filters.innerHTML = html;
    filters.hidden = !html || !state.hits.length;
  }

  function facetChips() {
    var inHits = new Set(state.hits.map(function (h) { return h.doc; }));
    return facets.map(function (f, fi) {
      var vals = f.values.map(function (v) {
        var n = 0;
        v.docs.forEach(function (d) { if (inHits.has(d)) n++; });
        return { v: v, n: n };
      }).filter(function (x) { return x.n; }).sort(function (a, b) { return b.n - a.n; }).slice(0, 30);
      return vals.length ? "<p><span>" + esc(ix.manifest.facets[fi].title) + "</span>" +
        vals.map(function (x) { return chip("facet", fi + ":" + x.v.name, x.v.name, x.n); }).join("") + "</p>" : "";
    }).join("");
  }

  function loadFacets() {
    if (facets) return Promise.resolve();
    return Promise.all(ix.manifest.facets.map(function (f) {
      return ix.facet(f).then(function (values) { return { values: values }; });
    })).then(function (fs) { facets = fs; renderFilters(); });
  }

  function syncURL() {
    var p = new URLSearchParams();
    if (state && state.q.trim()) p.set("q", state.q);
    if (sel.section !== undefined) p.set("section", sel.section);
    if (sel.year) p.set("year", sel.year);
    if (sel.facet) p.set("facet", sel.facet);
    var s = p.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  }

  // reopen: the index this page named is gone (the site was deployed again
  // since): read the search page afresh for the new manifest's URL
  var reopening = null;
  function reopen() {
    if (!reopening) reopening = reopenOnce().then(function () { reopening = null; }, function (e) { reopening = null; throw e; });
    return reopening;
  }

  function reopenOnce() {
    return fetch(location.pathname, { cache: "no-cache" }).then(function (r) { return r.text(); }).then(function (html) {
      var m = /data-index="([^"]+)"/.exec(html);
      if (!m) throw new Error("search page without data-index");
      box.setAttribute("data-index", m[1].replace(/&amp;/g, "&"));
      return S.open(box.getAttribute("data-index"));
    }).then(function (index) {
      ix = index;
      if (!facets) return;
      facets = null;
      return loadFacets().then(function () { if (sel.facet) pickFacet(sel.facet); });
    });
  }

  // failed: a file of the index could not be read; a stale index is
  // reopened once and then runs again, anything else is shown
  function failed(e, again, retried) {
    if (e && e.stale && !retried) return reopen().then(again, function (e2) { return failed(e2, again, true); });
    status.textContent = "搜索暂时不可用（索引文件读取失败），请稍后刷新页面重试。";
    if (window.console) console.error(e);
  }

  function pickFacet(v) {
    var i = v.indexOf(":"), f = facets && facets[+v.slice(0, i)];
    var hit = f && f.values.filter(function (x) { return x.name === v.slice(i + 1); })[0];
    sel.facet = hit ? v : "";
    sel.facetDocs = hit ? hit.docs : new Set();
  }

  function run(q, retried) {
    var my = ++seq;
    if (!ix) return Promise.resolve(); // the index is loading; it runs the box's text when ready
    if (!q.trim()) {
      state = null; list.innerHTML = ""; status.textContent = ""; filters.hidden = true; more.hidden = true;
      list.setAttribute("data-count", 0); list.setAttribute("data-query", q); list.removeAttribute("data-partial");
      syncURL();
      return Promise.resolve();
    }
    return ix.search(q).then(function (res) {
      if (my !== seq) return;
      state = { q: q, query: res.query, hits: res.hits, partial: res.partial };
      renderFilters();
      syncURL();
      return show(0, my);
    }).catch(function (e) {
      if (my !== seq) return;
      return failed(e, function () { if (my === seq) return run(q, true); }, retried); // unless newer typing came
    });
  }

  filters.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button") : null;
    if (!b || !state) return;
    var k = b.getAttribute("data-k"), v = b.getAttribute("data-v"), on = b.getAttribute("aria-pressed") === "true";
    if (k === "section") sel.section = on ? undefined : v;
    if (k === "year") sel.year = on ? "" : v;
    if (k === "facet" && on) { sel.facet = ""; sel.facetDocs = null; } else if (k === "facet") pickFacet(v);
    renderFilters(); syncURL();
    show(0, seq).catch(function (e) { return failed(e, function () { return run(state.q); }); });
  });
  filters.addEventListener("toggle", function (e) {
    if (e.target.open) loadFacets().catch(function (e) { return failed(e, function () { return state && run(state.q); }); });
  }, true);
  more.addEventListener("click", function () {
    if (state) show(state.shown, seq).catch(function (e) { return failed(e, function () { return run(state.q); }); });
  });
  box.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); started = performance.now(); run(input.value); });
  input.addEventListener("input", function (e) {
    if (e.isComposing) return; // wait for the IME to finish a character
    started = e.timeStamp && e.timeStamp > 1e12 ? performance.now() : e.timeStamp || performance.now();
    run(input.value);
  });
  input.addEventListener("compositionend", function () { started = performance.now(); run(input.value); });

  var params = new URLSearchParams(location.search);
  sel.section = params.has("section") ? params.get("section") : undefined;
  sel.year = params.get("year") || "";
  function start(index) {
    ix = index;
    var q = input.value || params.get("q") || ""; // what was typed while the index loaded wins
    input.value = q;
    if (params.get("facet")) {
      return loadFacets().then(function () {
        pickFacet(params.get("facet"));
        return run(q);
      });
    }
    return run(q);
  }
  S.open(box.getAttribute("data-index")).then(start).catch(function (e) {
    return failed(e, function () { return start(ix); });
  });
})();
