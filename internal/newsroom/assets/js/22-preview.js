// The page as built, beside the form. After each save (whose answer comes
// once the preview has rebuilt the page) the editor fetches the new page
// and puts its <main> (or <body>) into the frame in place, keeping the
// scroll position; only when the rest of the page (head, header, footer)
// changed is the frame reloaded. The page's own live-reload script is
// held back meanwhile, so the frame does not reload a second time.
// With raw HTML allowed in the site's Markdown, a page's scripts are
// not to be trusted: the frame is sandboxed (no access to the editor's
// origin) and simply reloaded after each save.
function previewFrame(url, sandboxed) {
  const frame = el("iframe", { title: "页面预览（保存后自动刷新）", src: url, id: "preview",
    sandbox: sandboxed ? "allow-scripts allow-forms" : null });
  let shown = null; // the signature of the page the frame holds
  const parse = (html) => new DOMParser().parseFromString(html, "text/html");
  const fetchPage = async (u) => { const r = await fetch(u, { cache: "no-store" }); return r.ok ? parse(await r.text()) : null; };
  const content = (doc) => doc.querySelector("main") || doc.body;
  // signature: what the swap leaves in place (the head's files and the
  // page outside its main), without the live-reload script's build stamp
  const signature = (doc) => {
    const head = [...doc.querySelectorAll("head link[rel~=stylesheet], head script[src], body script[src]")]
      .filter((e) => !e.hasAttribute("data-showcase-build")).map((e) => e.outerHTML).join("\n");
    const body = doc.body.cloneNode(true);
    const m = body.querySelector("main");
    if (m) m.replaceChildren(); else body.replaceChildren();
    body.querySelectorAll("script[data-showcase-build]").forEach((s) => s.remove());
    return head + "\n" + body.innerHTML;
  };
  const live = () => { try { return frame.contentWindow.__showcase || null; } catch (e) { return null; } };
  let holds = 0; // saves under way: each holds the live reload back until its page is in place
  const apply = () => { const s = live(); if (s) s.reloading = holds > 0; };
  frame.addEventListener("load", () => {
    apply();
    shown = null;
    delete frame.dataset.known;
    if (sandboxed) return;
    let u;
    try { u = frame.contentWindow.location.href; } catch (e) { return; }
    fetchPage(u).then((doc) => { if (doc) { shown = signature(doc); frame.dataset.known = "1"; } }).catch(() => {});
  });
  const updated = () => document.dispatchEvent(new CustomEvent("preview-updated"));
  return {
    frame,
    // hold keeps the page's live-reload from reloading the frame during a
    // save; release, once per hold, when the save's page is in place
    hold() { holds++; apply(); },
    release() { holds = Math.max(0, holds - 1); apply(); },
    async refresh(newURL) {
      if (sandboxed || newURL !== url) { url = newURL; frame.src = newURL; return; }
      let doc = null, here = null;
      try {
        here = frame.contentWindow.location.href;
        doc = await fetchPage(here);
      } catch (e) { doc = null; }
      const d = frame.contentDocument;
      if (!doc || !d || !d.body || shown === null || signature(doc) !== shown) {
        frame.contentWindow.location.reload();
        return;
      }
      const x = frame.contentWindow.scrollX, y = frame.contentWindow.scrollY;
      content(d).replaceWith(d.importNode(content(doc), true));
      if (d.title !== doc.title) d.title = doc.title;
      frame.contentWindow.scrollTo(x, y);
      updated();
    },
  };
}
