// 稿件: every page by section, with its review state, author, date and problems.
const STATES = ["草稿", "待审", "已审", "已发布"];
const SHOWN = 300;

routes["/"] = async function dashboard() {
  const started = performance.now();
  const pages = await allPages(true);
  const sections = [...new Set(pages.map((p) => p.section))].sort();
  const q = el("input", { type: "search", placeholder: "标题、作者、标签或文件名" });
  const sec = el("select", {}, el("option", { value: "", text: "全部栏目" }));
  const st = el("select", {}, el("option", { value: "", text: "全部状态" }), STATES.map((s) => el("option", { value: s, text: s })));
  const count = el("p", { "aria-live": "polite" });
  const groups = el("div", { class: "groups" });
  // a section's heading is the title of its _index.md (栏目名), else its folder
  const titles = {};
  for (const p of pages) if (/\/_index\.md$|^content\/_index\.md$/.test(p.file) && p.file.split("/").length <= 3) titles[p.section] = p.title;
  const sectionName = (s) => (titles[s] || s || "首页") + (titles[s] && s ? `（${s}）` : "");
  let problems = {};
  const row = (p) => {
    const probs = problems[p.file] || [];
    return el("tr", { "data-file": p.file },
      el("td", { "data-label": "标题" }, el("a", { href: "#/edit?file=" + encodeURIComponent(p.file), text: p.title })),
      el("td", { "data-label": "状态" }, el("span", { class: "state state-" + (p.state || "草稿"), text: p.error ? "有错误" : p.state })),
      el("td", { "data-label": "作者", text: p.author || "" }),
      el("td", { "data-label": "日期", class: "date", text: chineseDate(p.date) }),
      el("td", { "data-label": "问题", class: "problems" }, p.error ? el("span", { text: p.error }) : probs.length ? el("details", {}, el("summary", { text: probs.length + " 个问题" }), el("ul", {}, probs.map((m) => el("li", { text: m })))) : ""));
  };
  const head = el("thead", {}, el("tr", {}, ["标题", "状态", "作者", "日期", "问题"].map((h) => el("th", { scope: "col", text: h }))));
  const draw = () => {
    const needle = q.value.trim().toLowerCase();
    const hits = pages.filter((p) => (!sec.value || p.section === sec.value) && (!st.value || p.state === st.value) &&
      (!needle || [p.title, p.author, p.file, ...(p.tags || []), ...(p.branches || [])].some((x) => (x || "").toLowerCase().includes(needle))));
    const bySection = new Map(sections.map((s) => [s, []]));
    for (const p of hits) bySection.get(p.section).push(p);
    const used = [...bySection].filter(([, list]) => list.length);
    // at most SHOWN rows in all, shared among the sections shown
    const each = Math.max(20, Math.floor(SHOWN / Math.max(1, used.length)));
    let cut = false;
    groups.replaceChildren(...used.map(([s, list]) => {
      const more = list.length - each;
      if (more > 0) cut = true;
      return el("section", { class: "group", "data-section": s },
        el("h2", {}, sectionName(s), el("span", { class: "hint", text: ` 共 ${list.length} 篇` })),
        el("table", {}, head.cloneNode(true), el("tbody", {}, list.slice(0, each).map(row))),
        more > 0 ? el("p", { class: "hint", text: `还有 ${more} 篇未列出，请用搜索或栏目筛选缩小范围` }) : null);
    }));
    count.textContent = `共 ${hits.length} 篇，分 ${used.length} 个栏目` + (cut ? "（每个栏目只列出前面一部分）" : "");
  };
  sec.append(...sections.map((s) => el("option", { value: s, text: sectionName(s) })));
  for (const c of [q, sec, st]) c.addEventListener("input", draw);
  const drop = importZone();
  main().replaceChildren(el("h1", { text: "稿件" }),
    el("div", { class: "filters" }, labelled("搜索", q), labelled("栏目", sec), labelled("状态", st)),
    count, el("p", { class: "hint", text: "按栏目分组；点击标题打开编辑；“问题”来自网站检查（showcase check）" }),
    groups, drop);
  draw();
  main().dataset.ready = "1";
  say(`已加载 ${pages.length} 篇，用时 ${Math.round(performance.now() - started)} 毫秒`);
  const checkNote = el("p", { class: "hint", "aria-live": "polite" });
  count.after(checkNote);
  const loadProblems = async (run) => {
    try {
      checkNote.textContent = run ? "正在检查全站，稿件多时需要一两分钟…" : "";
      const res = await api("api/problems" + (run ? "?run=1" : ""));
      problems = res.problems || {};
      draw();
      if (res.onRequest && !res.checking) {
        checkNote.replaceChildren(res.problems ? "问题列表来自上次检查。" : "稿件较多，全站检查不自动进行。",
          el("button", { type: "button", text: "检查全站问题", onclick: () => loadProblems(true) }));
      } else checkNote.textContent = res.checking ? "正在检查…" : "";
    } catch (e) { checkNote.textContent = "检查没有完成：" + e.message; }
  };
  loadProblems(false);
};

// importZone is filled in by the import feature when it is there.
function importZone() { return typeof importDrop === "function" ? importDrop() : null; }
