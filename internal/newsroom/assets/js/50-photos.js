// 照片: drop, paste or choose photos; each asks for its caption (alt) and goes into the page's folder.
let editingFile = null, editingState = null;

function photoButton(ta) {
  const input = el("input", { type: "file", id: "photo-input", accept: "image/jpeg,image/png,image/gif", multiple: true, hidden: true });
  input.addEventListener("change", () => { const files = [...input.files]; input.value = ""; addPhotos(ta, files); });
  return el("span", {}, el("button", { type: "button", title: "插入照片", "aria-label": "插入照片", text: "照片", onclick: () => input.click() }), input);
}

function photoBox(file, body, state) {
  editingFile = file;
  editingState = state;
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes("Files");
  body.addEventListener("dragover", (e) => { if (hasFiles(e)) { e.preventDefault(); body.classList.add("over"); } });
  body.addEventListener("dragleave", () => body.classList.remove("over"));
  body.addEventListener("drop", async (e) => {
    body.classList.remove("over");
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    addPhotos(body, await droppedFiles(e.dataTransfer));
  });
  body.addEventListener("paste", (e) => {
    const files = [...e.clipboardData.files];
    if (files.length) { e.preventDefault(); addPhotos(body, files); }
  });
  return el("p", { class: "hint", text: "照片：拖进正文框（图集可拖入整个文件夹）、直接粘贴，或按工具栏的“照片”。每张照片都要写说明；网站发布的是缩小、转正、去掉拍摄信息后的照片，原图不公开。" });
}

async function addPhotos(ta, files) {
  for (const f of files) {
    const alt = await askAlt(f.name);
    if (alt === null) continue;
    try {
      say("正在上传 " + f.name + "…");
      const q = new URLSearchParams({ file: editingFile, name: f.name, alt, version: editingState ? editingState.version : "" });
      const out = await api("api/photo?" + q, f);
      if (out.album) {
        editingState.version = out.version;
        say("照片已加入图集：" + out.name);
        continue;
      }
      const safe = alt.replace(/\[/g, "【").replace(/\]/g, "】");
      ta.setRangeText(`\n\n![${safe}](${out.name})\n\n`, ta.selectionStart, ta.selectionEnd, "end");
      ta.dispatchEvent(new Event("input", { bubbles: true }));
      say("照片已添加：" + out.name);
    } catch (e) {
      say("照片未添加");
      const box = document.getElementById("photo-error") || el("div", { id: "photo-error" });
      box.replaceChildren(banner("error", e.message));
      ta.before(box);
    }
  }
}

// askAlt asks for a photo's caption; null when cancelled.
function askAlt(name) {
  return new Promise((resolve) => {
    const input = el("input", { type: "text", name: "alt", required: true });
    const form = el("form", { method: "dialog" }, el("h2", { text: "照片说明" }),
      el("p", { text: "文件：" + name }),
      labelled("写清照片的内容（供视障读者和照片下方说明使用）", input, null, true),
      el("p", {}, el("button", { type: "submit", class: "primary", value: "ok", text: "确定" }), " ",
        el("button", { type: "button", text: "不添加这张", onclick: () => { dlg.close(); } })));
    const dlg = el("dialog", { "aria-label": "照片说明" }, form);
    let ok = false;
    form.addEventListener("submit", () => { ok = true; });
    dlg.addEventListener("close", () => { dlg.remove(); resolve(ok && input.value.trim() ? input.value.trim() : null); });
    document.body.append(dlg);
    dlg.showModal();
    input.focus();
  });
}

// droppedFiles lists the files dropped, those of dropped folders included
// (an album's folder), photos in name order.
async function droppedFiles(dt) {
  const entries = [...dt.items].map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory)) return [...dt.files];
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) { out.push(await new Promise((ok, bad) => entry.file(ok, bad))); return; }
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((ok, bad) => reader.readEntries(ok, bad));
      if (!batch.length) break;
      for (const e of batch) await walk(e);
    }
  };
  for (const e of entries) await walk(e);
  return out.filter((f) => /\.(jpe?g|png|gif)$/i.test(f.name)).sort((a, b) => a.name.localeCompare(b.name));
}
