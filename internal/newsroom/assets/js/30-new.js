// 新建稿件: a page of a type, made from its archetype, with the site's pickers.
const NEW_FIELDS = ["author", "photographer", "editor", "branches", "criteria", "tags"];

routes["/new"] = async function newPage() {
  const opts = await options();
  const kind = el("select", { name: "kind" }, opts.kinds.map((k) => el("option", { value: k.id, text: k.label })));
  const title = el("input", { type: "text", name: "title" });
  const now = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 16);
  const date = el("input", { type: "datetime-local", name: "date", value: now });
  const grid = el("div", { class: "fields" }, labelled("稿件类型", kind, null, true), labelled("发布日期和时间", date, "北京时间", true));
  const t = labelled("标题", title, null, true);
  t.classList.add("wide");
  grid.prepend(t);
  const controls = {};
  for (const key of NEW_FIELDS) {
    const f = FIELDS.find((x) => x.key === key);
    const c = fieldInput(f, f.type === "list" ? [] : "");
    controls[key] = { f, ...c };
    grid.append(c.box);
  }
  const msg = el("div", { "aria-live": "polite" });
  const form = el("form", { "aria-label": "新建稿件" }, grid, el("p", {}, el("button", { type: "submit", class: "primary", text: "新建并开始编辑" })), msg);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const fields = [];
    for (const [key, c] of Object.entries(controls)) {
      const v = c.get();
      if (v !== "" && !(Array.isArray(v) && !v.length)) fields.push({ key, type: c.f.type, value: v });
    }
    try {
      const out = await api("api/new", { kind: kind.value, title: title.value, date: date.value, fields });
      pagesCache = null;
      location.hash = "#/edit?file=" + encodeURIComponent(out.file);
    } catch (err) { msg.replaceChildren(banner("error", err.message)); }
  });
  main().replaceChildren(...pickLists(opts), el("h1", { text: "新建稿件" }),
    el("p", { class: "hint", text: "标 * 的必须填写。新稿件是一个文件夹（content/栏目/名称/index.md），照片放在同一文件夹中。" }), form);
  title.focus();
  main().dataset.ready = "1";
};
