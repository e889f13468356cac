// 编辑: front matter as a form, the body with a toolbar, the real page beside it.
const FIELDS = [
  { key: "title", label: "标题", type: "text", required: true, wide: true },
  { key: "subtitle", label: "副标题", type: "text", wide: true },
  { key: "date", label: "发布日期和时间", type: "date", required: true, hint: "北京时间" },
  { key: "draft", label: "草稿（暂不发布）", type: "bool" },
  { key: "author", label: "通讯员 / 撰稿", type: "text", pick: "people" },
  { key: "photographer", label: "摄影", type: "text", pick: "people" },
  { key: "editor", label: "编辑", type: "text", pick: "people" },
  { key: "source", label: "来源", type: "text", hint: "转载时填写" },
  { key: "branches", label: "涉及的支部或院系", type: "list", pick: "branches", wide: true },
  { key: "criteria", label: "对标条目", type: "list", pick: "criteria", wide: true },
  { key: "tags", label: "标签", type: "list", pick: "tags", wide: true },
  { key: "reviewer", label: "审核人", type: "list", pick: "people", wide: true, noStages: true },
  { key: "cover", label: "封面照片", type: "text", hint: "本文件夹中的文件名" },
  { key: "cover_alt", label: "封面照片说明", type: "text", hint: "有封面时必填" },
  { key: "summary", label: "摘要", type: "text", wide: true, hint: "不填则取正文开头" },
  { key: "weight", label: "排序权重", type: "number", hint: "小的在前" },
];
const LIST_SEP = /[,，、;；]/;

let siteOptions = null;
async function options() {
  if (!siteOptions) siteOptions = await api("api/options");
  return siteOptions;
}

// datalists for the pickers, made once per view.
function pickLists(opts) {
  const list = (id, items) => el("datalist", { id }, items.map((v) => typeof v === "string" ? el("option", { value: v }) : el("option", { value: v.id, text: v.label })));
  return [list("pick-people", opts.people || []), list("pick-branches", opts.branches || []), list("pick-tags", opts.tags || []), list("pick-criteria", opts.criteria || [])];
}

// fieldInput makes the control for one field; get() reads its value back.
function fieldInput(f, value) {
  let input, get;
  if (f.type === "bool") {
    input = el("input", { type: "checkbox", name: f.key });
    input.checked = value === true;
    get = () => input.checked;
  } else if (f.type === "date") {
    input = el("input", { type: "datetime-local", name: f.key, value: typeof value === "string" ? value.slice(0, 16) : "" });
    get = () => input.value;
  } else if (f.type === "number") {
    input = el("input", { type: "number", name: f.key, value: value ?? "" });
    get = () => input.value === "" ? null : Number(input.value);
  } else if (f.type === "list") {
    const items = Array.isArray(value) ? value : value ? [String(value)] : [];
    input = el("input", { type: "text", name: f.key, value: items.join("、") });
    get = () => input.value.split(LIST_SEP).map((s) => s.trim()).filter(Boolean);
  } else {
    input = el("input", { type: "text", name: f.key, value: value ?? "" });
    get = () => input.value;
  }
  const hint = f.type === "list" ? [f.hint, "多项用顿号或逗号分隔"].filter(Boolean).join("；") : f.hint;
  const box = labelled(f.label, input, hint, f.required);
  if (f.wide) box.classList.add("wide");
  if (f.pick && f.type === "list") {
    const add = el("input", { type: "text", list: "pick-" + f.pick, "aria-label": "从列表添加" + f.label, placeholder: "从列表选择后按回车添加" });
    add.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || !add.value.trim()) return;
      e.preventDefault();
      input.value = [...get(), add.value.trim()].join("、");
      add.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    box.append(add);
  } else if (f.pick) input.setAttribute("list", "pick-" + f.pick);
  return { box, get, input };
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

routes["/edit"] = async function edit(params) {
  const file = params.get("file");
  const [page, opts] = await Promise.all([api("api/page?file=" + encodeURIComponent(file)), options()]);
  const state = { version: page.version, fields: {}, body: page.body, saving: null, again: false, stopped: false };
  const form = el("div", { class: "fields", role: "group", "aria-label": "稿件信息" });
  const controls = {};
  for (const f of FIELDS) {
    if (f.noStages && (opts.stages || []).length) continue;
    const c = fieldInput(f, page.fields[f.key]);
    controls[f.key] = { f, ...c };
    state.fields[f.key] = c.get();
    form.append(c.box);
  }
  const body = el("textarea", { class: "body", id: "body", name: "body", spellcheck: "false" });
  body.value = page.body;
  const preview = previewFrame(page.info.url, !!opts.rawHTML), frame = preview.frame;
  const msg = el("div", { "aria-live": "polite" });
  const problems = el("ul", { class: "problems" });
  const showProblems = (list) => problems.replaceChildren(...(list || []).map((p) => el("li", { text: p })));
  showProblems(page.problems);

  const changedFields = () => {
    const out = [];
    for (const [key, c] of Object.entries(controls)) {
      const v = c.get();
      if (same(v, state.fields[key])) continue;
      const absent = page.fields[key] === undefined;
      if ((v === "" || v === null || (Array.isArray(v) && !v.length)) && absent) continue;
      out.push(v === null ? { key, type: "delete" } : { key, type: c.f.type, value: v });
    }
    return out;
  };
  async function save(keep) {
    if (state.stopped) return;
    if (state.saving) { state.again = keep ? "keep" : (state.again || "auto"); return state.saving; }
    const fields = changedFields();
    const req = { file, version: state.version, fields, keep: !!keep, who: localStorage.getItem("editor-name") || "" };
    if (body.value !== state.body) req.body = body.value;
    if (!fields.length && req.body === undefined && !keep) return;
    say("正在保存…");
    preview.hold();
    state.saving = api("api/save", req).then((out) => {
      state.version = out.version;
      for (const f of fields) state.fields[f.key] = f.type === "delete" ? null : f.value;
      if (req.body !== undefined) state.body = req.body;
      showProblems(out.problems);
      if (out.info && out.info.url) page.info.url = out.info.url;
      preview.refresh(page.info.url).catch(() => {}).finally(() => preview.release());
      say(keep ? "已保存，并记录了这个版本" : "已自动保存，预览正在刷新");
      document.dispatchEvent(new CustomEvent("page-saved", { detail: out }));
    }).catch((e) => {
      if (e.data && e.data.conflict) { state.stopped = true; showConflict(e.data); }
      else msg.replaceChildren(banner("error", e.message));
      say("保存失败");
      preview.release();
    }).finally(() => {
      state.saving = null;
      if (state.again) { const k = state.again === "keep"; state.again = false; save(k); }
    });
    return state.saving;
  }
  function showConflict(data) {
    const reopen = el("button", { type: "button", text: "放弃我的修改，打开现在的版本", onclick: () => route() });
    msg.replaceChildren(banner("error", data.error, el("div", {}, el("p", { text: "文件现在的内容：" }), el("pre", { text: data.text }), reopen)));
    msg.scrollIntoView();
  }
  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(() => save(false), 60); };
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  body.addEventListener("input", soon);
  const saveBtn = el("button", { type: "button", class: "primary", text: "保存", onclick: () => { clearTimeout(timer); save(true); } });
  document.onkeydown = (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); saveBtn.click(); }
  };

  const source = el("textarea", { class: "source", "aria-label": "源文件", spellcheck: "false" });
  const sourcePanel = el("div", { hidden: true }, el("p", { class: "hint", text: "这里是文件的原文（前置元数据和正文）。改完按“保存源文件”。" }), source,
    el("button", { type: "button", class: "primary", text: "保存源文件", onclick: async () => {
      try {
        await api("api/save", { file, version: state.version, text: source.value, keep: true });
        say("源文件已保存"); route();
      } catch (e) { if (e.data && e.data.conflict) showConflict(e.data); else msg.replaceChildren(banner("error", e.message)); }
    } }));
  const formPanel = el("div", {}, form, toolbar(body, opts), labelled("正文", body, "Markdown：段落之间空一行"), reviewPanel(file, state, opts, page), photoPanel(file, body, state));
  const tabForm = el("button", { type: "button", role: "tab", "aria-selected": "true", text: "表单" });
  const tabSource = el("button", { type: "button", role: "tab", "aria-selected": "false", text: "源文件" });
  tabForm.onclick = () => { if (tabForm.getAttribute("aria-selected") === "true") return; route(); };
  tabSource.onclick = async () => {
    clearTimeout(timer); await save(false);
    const now = await api("api/page?file=" + encodeURIComponent(file));
    state.version = now.version; source.value = now.text;
    formPanel.hidden = true; sourcePanel.hidden = false;
    tabForm.setAttribute("aria-selected", "false"); tabSource.setAttribute("aria-selected", "true");
  };
  main().replaceChildren(pickLists(opts)[0], ...pickLists(opts).slice(1),
    el("h1", {}, "编辑：", el("span", { text: page.info.title })),
    el("p", {}, el("code", { text: file }), " ", el("span", { class: "state state-" + page.info.state, text: page.info.state }), " ", saveBtn,
      el("span", { class: "hint", text: " 输入时自动保存到文件并刷新右侧预览；“保存”另外记录一个版本（Ctrl+S）" })),
    msg, problems,
    el("div", { class: "editor" }, el("div", {}, el("div", { class: "tabs", role: "tablist" }, tabForm, tabSource), formPanel, sourcePanel), frame));
  main().dataset.ready = "1";
};

// reviewPanel and photoPanel are filled in by those features.
function reviewPanel(file, state, opts, page) { return typeof reviewBox === "function" ? reviewBox(file, state, opts, page) : null; }
function photoPanel(file, body, state) { return typeof photoBox === "function" ? photoBox(file, body, state) : null; }
