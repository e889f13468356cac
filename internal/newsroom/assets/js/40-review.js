// 审核: sign the stages (初审, 复审, 终审) in order; the 审核台账 lists every sign-off.
function reviewBox(file, state, opts, page) {
  const stages = opts.stages || [];
  const box = el("section", { class: "review", "aria-labelledby": "review-h" }, el("h2", { id: "review-h", text: "审核" }));
  const signed = (page.info.signoffs || []).map((s) => s.split(/\s+/));
  if (page.info.state === "草稿") {
    box.append(el("p", {}, "这是草稿，不会发布。写好后：", el("button", { type: "button", text: "提交审核", onclick: async () => {
      await api("api/save", { file, version: state.version, fields: [{ key: "draft", type: "bool", value: false }, { key: "review", type: "text", value: "draft" }], keep: true });
      route();
    } })));
  }
  if (!stages.length) {
    box.append(el("p", { class: "hint", text: "网站没有设置审核阶段（site.toml 的 [review] stages），审核人填在上面的“审核人”中。" }));
    return box;
  }
  const list = el("ol", { class: "stages" }, stages.map((st, i) => {
    const s = signed[i];
    return el("li", { "data-stage": st }, el("strong", { text: st }), "：", s ? `${s[1]} 已签署（${(s[2] || "").replace("T", " ").slice(0, 16)}）` : "未签署");
  }));
  box.append(list);
  if (signed.length < stages.length) {
    const next = stages[signed.length];
    const name = el("input", { type: "text", name: "signer", value: localStorage.getItem("editor-name") || "", autocomplete: "name", list: "pick-people" });
    const msg = el("div", { "aria-live": "polite" });
    const sign = el("button", { type: "button", class: "primary", text: "签署" + next, onclick: async () => {
      if (!name.value.trim()) { name.focus(); msg.replaceChildren(banner("error", "请填写审核人姓名")); return; }
      localStorage.setItem("editor-name", name.value.trim());
      try {
        await api("api/sign", { file, version: state.version, stage: next, name: name.value.trim() });
        say(next + "已签署");
        route();
      } catch (e) { msg.replaceChildren(banner("error", e.message)); }
    } });
    box.append(labelled(next + "审核人", name, "签署即表示您已审核本稿"), sign, msg);
  } else {
    box.append(banner("ok", "各阶段都已签署，稿件可以发布。"));
  }
  return box;
}

routes["/ledger"] = async function ledger() {
  const data = await api("api/ledger");
  const q = el("input", { type: "search", placeholder: "审核人、标题或阶段" });
  const body = el("tbody");
  const draw = () => {
    const n = q.value.trim();
    body.replaceChildren(...data.rows.filter((r) => !n || r.some((c) => c.includes(n))).reverse().map((r) =>
      el("tr", {}, r.map((c, i) => i === 1 ? el("td", {}, el("a", { href: "#/edit?file=" + encodeURIComponent(c), text: c })) : el("td", { text: c })))));
  };
  q.addEventListener("input", draw);
  main().replaceChildren(el("h1", { text: "审核台账" }),
    el("p", {}, `共 ${data.rows.length} 条签署记录（保存在网站的 data/review-ledger.csv）。 `, el("a", { href: PREFIX + "ledger.csv", download: "审核台账.csv", text: "导出为 Excel 可打开的 CSV 文件" })),
    el("div", { class: "filters" }, labelled("搜索", q)),
    el("table", {}, el("thead", {}, el("tr", {}, data.header.map((h) => el("th", { scope: "col", text: h })))), body));
  draw();
  main().dataset.ready = "1";
};
