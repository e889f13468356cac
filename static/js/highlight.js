/* Marks the words a reader searched for (issue 4). A search result links to
   its page with ?hl=WORDS (one per line, as written in the page); this
   script, on every page, marks them in the main text with the search
   normaliser (loaded only when there is something to mark). */
(function () {
  "use strict";
  var hl = window.URLSearchParams && new URLSearchParams(location.search).get("hl");
  if (!hl || !document.createTreeWalker) return;
  var blocks = /^(P|LI|H[1-6]|DIV|TD|TH|DT|DD|BLOCKQUOTE|PRE|FIGCAPTION|CAPTION|TR|UL|OL|TABLE|SECTION|ARTICLE|HEADER|FOOTER|NAV|MAIN)$/;
  var me = document.currentScript && document.currentScript.src;

  function blockOf(n) {
    while (n && !blocks.test(n.nodeName)) n = n.parentNode;
    return n;
  }

  function mark() {
    var S = window.showcaseSearch, pieces = [];
    var root = document.querySelector("article") || document.querySelector("main") || document.body;
    hl.split("\n").forEach(function (line) {
      S.segments(line).forEach(function (units) { pieces.push({ units: units, prefix: false }); });
    });
    if (!pieces.length || !root) return;
    var walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA|MARK)$/.test(n.parentNode.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], text = "", last = null;
    while (walk.nextNode()) {
      var n = walk.currentNode, b = blockOf(n.parentNode);
      if (last && b !== last) text += "\n"; // no match across paragraphs
      nodes.push({ n: n, at: text.length });
      text += n.data;
      last = b;
    }
    var spans = S.spans(text, pieces), first = null;
    for (var i = spans.length - 1; i >= 0; i--) {
      for (var j = nodes.length - 1; j >= 0; j--) {
        var x = nodes[j], a = Math.max(spans[i][0], x.at) - x.at, e = Math.min(spans[i][1], x.at + x.n.data.length) - x.at;
        if (a >= e) continue;
        var part = x.n.splitText(a);
        part.splitText(e - a);
        var m = document.createElement("mark");
        m.className = "search-hl";
        part.parentNode.replaceChild(m, part);
        m.appendChild(part);
        first = m;
      }
    }
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
    document.documentElement.setAttribute("data-highlighted", spans.length);
  }

  function start() {
    if (window.showcaseSearch) return mark();
    var s = document.createElement("script");
    s.src = new URL("search-core.min.js", me || location.href).href;
    s.onload = mark;
    document.head.appendChild(s);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
