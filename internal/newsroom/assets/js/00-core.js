// 编辑部: the editor's core — requests, routing, small DOM helpers.
"use strict";
const meta = (n) => document.querySelector(`meta[name="${n}"]`).content;
const PREFIX = meta("editor-prefix"), CSRF = meta("csrf-token"), BASE = meta("site-base");
const main = () => document.getElementById("main");
const routes = {};

// chineseDate writes the date of an ISO date or date-time as staff write
// it, 2025年10月26日; anything else is left as it is.
function chineseDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || "");
  return m ? `${+m[1]}年${+m[2]}月${+m[3]}日` : s || "";
}

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k);
  return e;
}

let fieldSeq = 0;
// labelled wraps an input with its label (and a hint), for accessible forms.
function labelled(text, input, hint, required) {
  if (!input.id) input.id = "f" + (++fieldSeq);
  if (required) input.required = true;
  const hintEl = hint ? el("span", { class: "hint", id: input.id + "-hint" }, " " + hint) : null;
  if (hintEl) input.setAttribute("aria-describedby", hintEl.id);
  return el("div", { class: "field" }, el("label", { for: input.id, class: required ? "req" : null }, text, hintEl), input);
}

function say(msg) {
  const s = document.getElementById("status");
  s.textContent = msg;
}

async function api(path, body, opts) {
  const init = { headers: {} };
  if (body !== undefined) {
    init.method = "POST";
    init.headers["X-CSRF-Token"] = CSRF;
    if (body instanceof FormData || body instanceof Blob) init.body = body;
    else { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
  }
  Object.assign(init.headers, (opts && opts.headers) || {});
  const res = await fetch(PREFIX + path, init);
  let data = {};
  try { data = await res.json(); } catch (e) { data = { error: "服务器返回了无法读取的内容（" + res.status + "）" }; }
  if (!res.ok) { const err = new Error(data.error || res.statusText); err.data = data; err.status = res.status; throw err; }
  return data;
}

function banner(kind, msg, extra) {
  return el("div", { class: "banner " + kind, role: kind === "error" ? "alert" : "status" }, el("p", { text: msg }), extra);
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const view = routes[path] || routes["/"];
  say("");
  main().dataset.ready = "";
  main().replaceChildren(el("p", { text: "正在加载…" }));
  Promise.resolve(view(params)).catch((e) => main().replaceChildren(banner("error", e.message)));
}

let pagesCache = null;
async function allPages(fresh) {
  if (!pagesCache || fresh) pagesCache = (await api("api/pages")).pages;
  return pagesCache;
}

window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", route);
