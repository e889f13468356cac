// 导入: drop a Word file, a saved web page or a text file on the dashboard.
function importDrop() {
  const input = el("input", { type: "file", id: "import-input", accept: ".docx,.html,.htm,.txt", hidden: true });
  const out = el("div", { "aria-live": "polite" });
  const zone = el("div", { class: "dropzone" },
    el("p", {}, "导入稿件：把 Word 文档（.docx）、保存的网页（.html）或文本文件（.txt）拖到这里，或 ",
      el("button", { type: "button", text: "选择文件", onclick: () => input.click() })), input, out);
  const send = async (files) => {
    for (const f of files) {
      say("正在导入 " + f.name + "…");
      try {
        const res = await api("api/import?name=" + encodeURIComponent(f.name), f);
        pagesCache = null;
        out.append(banner(res.attention ? "error" : "ok", `${f.name} 已导入` + (res.attention ? "，有需要人工处理的地方：" : "："),
          el("div", {}, el("pre", { text: res.report }), el("a", { href: "#/edit?file=" + encodeURIComponent(res.file), text: "打开导入的稿件" }))));
        if (files.length === 1) location.hash = "#/edit?file=" + encodeURIComponent(res.file);
      } catch (e) {
        out.append(banner("error", f.name + "：" + e.message, e.data && e.data.file ? el("a", { href: "#/edit?file=" + encodeURIComponent(e.data.file), text: "打开已有的稿件" }) : null));
      }
    }
    say("");
  };
  input.addEventListener("change", () => { const files = [...input.files]; input.value = ""; send(files); });
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); send([...e.dataTransfer.files]); });
  return zone;
}
