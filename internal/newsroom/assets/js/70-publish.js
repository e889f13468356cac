// 发布: see what a deploy would change (dry run), then deploy with progress.
routes["/publish"] = async function publish() {
  siteOptions = null;
  const opts = await options();
  const out = el("div", { "aria-live": "polite" });
  if (!(opts.targets || []).length) {
    main().replaceChildren(el("h1", { text: "发布" }), banner("error", "网站还没有设置发布目标：请在 site.toml 中加上 [[deploy.targets]]（name 和 url）。"));
    return;
  }
  const target = el("select", { name: "target" }, opts.targets.map((t) => el("option", { value: t, text: t })));
  const plan = el("button", { type: "button", class: "primary", text: "查看将要发布的内容", onclick: async () => {
    plan.disabled = true;
    out.replaceChildren(el("p", { text: "正在检查并生成网站…" }));
    try {
      const res = await api("api/publish", { target: target.value, dryRun: true });
      const go = el("button", { type: "button", class: "primary", text: "确认发布", onclick: () => deployNow(target.value, out) });
      out.replaceChildren(el("h2", { text: "将要发布的内容（还没有改动服务器）" }), el("pre", { class: "log", id: "plan", text: res.summary }), go);
      go.focus();
    } catch (e) { out.replaceChildren(banner("error", "不能发布", el("pre", { class: "log", text: e.message }))); }
    plan.disabled = false;
  } });
  main().replaceChildren(el("h1", { text: "发布" }),
    el("p", { class: "hint", text: "发布前会先检查全站（与 showcase check 相同），有错误或审核未完成的稿件时不会发布。" }),
    labelled("发布到", target), el("p", {}, plan), out);
  main().dataset.ready = "1";
};

async function deployNow(target, out) {
  const stage = el("p", { role: "status", id: "publish-stage", text: "正在开始…" });
  out.replaceChildren(el("h2", { text: "正在发布" }), stage);
  try { await api("api/publish", { target, dryRun: false }); } catch (e) { out.replaceChildren(banner("error", e.message)); return; }
  for (;;) {
    const s = await api("api/publish");
    stage.textContent = `${s.stage}… ${s.progress || ""}`;
    if (!s.running) {
      out.replaceChildren(s.error ? banner("error", "发布失败", el("pre", { class: "log", text: s.error })) : banner("ok", s.summary));
      return;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
