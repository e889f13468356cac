// 稿件: every page by section, with its review state, author, date and problems.
const STATES = ["草稿", "待审", "已审", "已发布"];
const SHOWN = 300;

routes["/"] = async function dashboard() {
  const started = performance.now();
  const pages = await allPages(true);
  const sections = [...new Set(pages.map((p) => p.section))].sort();
  const q = el("input", { type: "search", placeholder: "标题、作者、标签或文件名" });
  const sec = el("select", {}, el("option", { value: "", text: "全部栏目" }), sections.map((s) => el("option", { value: s, text: s || "（首页）" })));
  const st = el("select", {}, el("option", { value: "", text: "全部状态" }), STATES.map((s) => el("option", { value: s, text: s })));
  const count = el("p", { "aria-live": "polite" });
  const body = el("tbody");
  let problems = {};
  const draw = () => {
    const needle = q.value.trim().toLowerCase();
    const hits = pages.filter((p) => (!sec.value || p.section === sec.value) && (!st.value || p.state === st.value) &&
      (!needle || [p.title, p.author, p.file, ...(p.tags || []), ...(p.branches || [])].some((x) => (x || "").toLowerCase().includes(needle))));
    count.textContent = `共 ${hits.length} 篇` + (hits.length > SHOWN ? `，显示前 ${SHOWN} 篇，请用搜索缩小范围` : "");
    body.replaceChildren(...hits.slice(0, SHOWN).map((p) => {
      const probs = problems[p.file] || [];
      return el("tr", { "data-file": p.file },
        el("td", {}, el("a", { href: "#/edit?file=" + encodeURIComponent(p.file), text: p.title })),
        el("td", { text: p.section || "（首页）" }),
        el("td", {}, el("span", { class: "state state-" + (p.state || "草稿"), text: p.error ? "有错误" : p.state })),
        el("td", { text: p.author || "" }),
        el("td", { text: p.date || "" }),
        el("td", { class: "problems" }, p.error ? el("span", { text: p.error }) : probs.length ? el("details", {}, el("summary", { text: probs.length + " 个问题" }), el("ul", {}, probs.map((m) => el("li", { text: m })))) : ""));
    }));
  };
  for (const c of [q, sec, st]) c.addEventListener("input", draw);
  const drop = importZone();
  main().replaceChildren(el("h1", { text: "稿件" }),
    el("div", { class: "filters" }, labelled("搜索", q), labelled("栏目", sec), labelled("状态", st)),
    count,
    el("table", {}, el("caption", { class: "hint", text: "点击标题打开编辑；“问题”来自网站检查（showcase check）" }),
      el("thead", {}, el("tr", {}, ["标题", "栏目", "状态", "作者", "日期", "问题"].map((h) => el("th", { scope: "col", text: h })))), body),
    drop);
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
