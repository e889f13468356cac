// showcase preview: live reload, stylesheet swap and the build-error overlay.
// Served by `showcase serve` at <base>/__showcase/livereload.js; never part
// of a deployable build. The server stamps the script tag of each page with
// the build the page comes from (data-showcase-build) and its URL path
// (data-showcase-file); the events are described in internal/server/live.go.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource || window.__showcase) return;
  var build = me.getAttribute("data-showcase-build") || "";
  var file = me.getAttribute("data-showcase-file"); // "" on a 404 page: any changed page may be it
  if (file === null) file = location.pathname;
  var eventsURL = me.src.replace(/livereload\.js(\?.*)?$/, "events");
  var scrollKey = "showcase-scroll:" + location.pathname + location.search;
  var serverBuild = null; // the build the server last told of
  var busyTimer = 0;
  var state = (window.__showcase = { connected: false, reloading: false, errors: 0 });

  var source = null;
  restoreScroll();
  connect();
  // A browser holds at most six connections to one server: a page in a
  // background tab lets its stream go, and on coming back reconnects (and
  // reloads if the site was rebuilt meanwhile).
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") disconnect(); else connect();
  });

  function connect() {
    if (source || document.visibilityState === "hidden") return;
    var es = (source = new EventSource(eventsURL));
    es.addEventListener("open", function () { state.connected = true; });
    es.addEventListener("error", function () {
      state.connected = false;
      // the browser retries by itself unless the answer was not a stream
      if (es.readyState === EventSource.CLOSED && source === es) {
        source = null;
        setTimeout(connect, 2000);
      }
    });
    listen(es, "hello", function (d) {
      serverBuild = d.build;
      if (d.build && d.build !== build) return reload();
      if (d.error) showError(d.error); else hideError();
    });
    listen(es, "building", function () {
      clearTimeout(busyTimer);
      busyTimer = setTimeout(function () { showBusy(true); }, 300);
    });
    listen(es, "ok", function (d) {
      showBusy(false);
      hideError();
      // a page from no build, or from a build the server never told of, is stale
      if (build === "" || build !== serverBuild) return reload();
      build = serverBuild = d.build;
    });
    listen(es, "reload", function (d) {
      if (!d.files || file === "" || d.files.indexOf(file) >= 0) reload();
    });
    listen(es, "css", function (d) { swapStylesheets(d.files); });
    listen(es, "error", function (d) {
      showBusy(false);
      showError(d);
    });
  }

  function disconnect() {
    if (!source) return;
    source.close();
    source = null;
    state.connected = false;
  }

  function listen(source, name, handle) {
    source.addEventListener(name, function (e) {
      var data;
      try { data = JSON.parse(e.data); } catch (err) { return; }
      handle(data || {});
    });
  }

  function reload() {
    if (state.reloading) return;
    state.reloading = true;
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    } catch (err) { /* storage disabled: reload at the top */ }
    location.reload();
  }

  function restoreScroll() {
    var pos;
    try {
      pos = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
      sessionStorage.removeItem(scrollKey);
    } catch (err) { return; }
    if (!pos) return;
    var scroll = function () { window.scrollTo(pos.x || 0, pos.y || 0); };
    scroll();
    window.addEventListener("load", scroll, { once: true });
  }

  // swapStylesheets reloads the stylesheets of this site named in files
  // (all of them when files is null) without reloading the page: the new
  // link replaces the old one once loaded, so nothing flashes.
  function swapStylesheets(files) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      if (files && files.indexOf(decodeURI(url.pathname)) < 0) return;
      url.searchParams.set("showcase-reload", String(Date.now()));
      var fresh = link.cloneNode();
      fresh.href = url.href;
      var done = function () { link.remove(); };
      fresh.addEventListener("load", done);
      fresh.addEventListener("error", done);
      link.after(fresh);
    });
  }

  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) node.style.cssText = style;
    if (text) node.textContent = text;
    return node;
  }

  function showError(report) {
    hideError();
    state.errors = (report.problems || []).length;
    var box = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2em 1em;" +
      "background:rgba(30,30,30,.78);font:15px/1.7 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;text-align:left");
    box.id = "showcase-error";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "showcase-error-title");
    var panel = el("div", "max-width:52em;margin:0 auto;padding:1.2em 1.5em;background:#fff;color:#222;" +
      "border-top:6px solid #b71c1c;border-radius:4px;box-shadow:0 4px 24px rgba(0,0,0,.4)");
    var title = el("h2", "margin:0 0 .4em;font-size:1.3em;color:#b71c1c", "网站生成失败");
    title.id = "showcase-error-title";
    panel.appendChild(title);
    panel.appendChild(el("p", "margin:0 0 1em", "请按下面的提示修改文件并保存，改正后本提示会自动消失。" +
      (build ? "在此之前，下面的页面是上次成功生成的版本。" : "网站还没有成功生成过，改好后这里会自动显示网站。")));
    var list = el("ol", "margin:0 0 1em;padding-left:1.5em");
    (report.problems || []).forEach(function (p) {
      var item = el("li", "margin:.5em 0");
      var place = p.file ? p.file + (p.line ? ":" + p.line : "") : "";
      if (place) {
        item.appendChild(el("code", "display:block;font:600 14px/1.5 ui-monospace,Consolas,monospace;color:#0d47a1;word-break:break-all", place));
      }
      item.appendChild(el("span", "white-space:pre-wrap;word-break:break-word", p.message));
      list.appendChild(item);
    });
    panel.appendChild(list);
    var raw = el("details", "margin:0 0 1em");
    raw.appendChild(el("summary", "cursor:pointer", "原始错误信息"));
    raw.appendChild(el("pre", "white-space:pre-wrap;word-break:break-all;background:#f5f5f5;padding:.6em;font-size:13px", report.raw || ""));
    panel.appendChild(raw);
    var close = el("button", "font:inherit;padding:.3em 1em;cursor:pointer", "暂时关闭");
    close.type = "button";
    close.addEventListener("click", hideError);
    panel.appendChild(close);
    box.appendChild(panel);
    (document.body || document.documentElement).appendChild(box);
  }

  function hideError() {
    var box = document.getElementById("showcase-error");
    if (box) box.remove();
    state.errors = 0;
  }

  function showBusy(on) {
    clearTimeout(busyTimer);
    var badge = document.getElementById("showcase-busy");
    if (!on) {
      if (badge) badge.remove();
      return;
    }
    if (badge) return;
    badge = el("div", "position:fixed;right:1em;bottom:1em;z-index:2147483646;padding:.4em .9em;border-radius:4px;" +
      "background:#333;color:#fff;font:14px/1.5 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;opacity:.9",
      "正在重新生成网站…");
    badge.id = "showcase-busy";
    badge.setAttribute("role", "status");
    (document.body || document.documentElement).appendChild(badge);
  }
})();
