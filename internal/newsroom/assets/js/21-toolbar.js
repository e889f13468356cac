// The body's toolbar: bold, heading, list, quote, table, link to a page.
function toolbar(ta, opts) {
  const changed = () => { ta.dispatchEvent(new Event("input", { bubbles: true })); ta.focus(); };
  const wrap = (before, after, empty) => {
    const { selectionStart: s, selectionEnd: e, value: v } = ta;
    const inner = v.slice(s, e) || empty;
    ta.setRangeText(before + inner + after, s, e, "end");
    changed();
  };
  const prefixLines = (prefix) => {
    const v = ta.value;
    const s = v.lastIndexOf("\n", ta.selectionStart - 1) + 1;
    let e = v.indexOf("\n", Math.max(ta.selectionEnd - 1, s));
    if (e < 0) e = v.length;
    const lines = v.slice(s, e).split("\n").map((l) => l.startsWith(prefix) ? l : prefix + l);
    ta.setRangeText(lines.join("\n"), s, e, "end");
    changed();
  };
  const insert = (text) => { ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, "end"); changed(); };
  const b = (label, title, fn) => el("button", { type: "button", title, "aria-label": title, text: label, onclick: fn });
  ta.addEventListener("keydown", (e) => { if ((e.ctrlKey || e.metaKey) && e.key === "b") { e.preventDefault(); wrap("**", "**", "加粗文字"); } });
  return el("div", { class: "toolbar", role: "toolbar", "aria-label": "正文格式" },
    b("B", "加粗（Ctrl+B）", () => wrap("**", "**", "加粗文字")),
    b("标题", "小标题", () => prefixLines("## ")),
    b("列表", "列表", () => prefixLines("- ")),
    b("引用", "引用", () => prefixLines("> ")),
    b("表格", "插入表格", () => insert("\n\n| 项目 | 内容 |\n| --- | --- |\n|  |  |\n\n")),
    b("链接", "链接到本站的另一篇稿件", () => pickPage((p) => wrap("[", `](${p.url})`, p.title))),
    typeof photoButton === "function" ? photoButton(ta) : null);
}

// pickPage asks for a page by title and calls done with it.
async function pickPage(done) {
  const pages = await allPages();
  const q = el("input", { type: "search", placeholder: "输入标题中的字" });
  const list = el("ul");
  const dlg = el("dialog", { "aria-label": "选择要链接的稿件" }, el("h2", { text: "链接到哪一篇？" }), labelled("搜索标题", q), list,
    el("button", { type: "button", text: "取消", onclick: () => dlg.close() }));
  const draw = () => {
    const n = q.value.trim();
    list.replaceChildren(...pages.filter((p) => !n || p.title.includes(n)).slice(0, 20).map((p) =>
      el("li", {}, el("button", { type: "button", text: p.title, onclick: () => { dlg.close(); done(p); } }), el("span", { class: "hint", text: " " + p.date }))));
  };
  q.addEventListener("input", draw);
  dlg.addEventListener("close", () => dlg.remove());
  document.body.append(dlg);
  draw();
  dlg.showModal();
}
