"""The chat page served at ``/``: one self-contained HTML file, no build step, no CDN.

It lives in a Python module rather than a static folder so it ships with the package
without any packaging configuration. Message HTML comes from the server already escaped
(``formatting.render_html``); everything else is inserted with ``textContent``.
"""

from __future__ import annotations

from aiohttp import web

PAGE_HTML = r"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Local Telegram — bot emulator</title>
<style>
:root {
  --bg: #dfe7ee; --panel: #ffffff; --accent: #3a7bd5; --accent-dark: #2c62ad;
  --in: #ffffff; --out: #dcf8c6; --text: #1b1f23; --muted: #6b7785; --line: #d5dde5;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--text); background: #c9d6e2;
}
.app {
  display: flex; flex-direction: column; height: 100vh; height: 100dvh;
  max-width: 720px; margin: 0 auto; background: var(--bg);
  box-shadow: 0 0 24px rgba(0, 0, 0, .12);
}
header {
  display: flex; align-items: center; gap: 12px; padding: 10px 14px;
  background: var(--accent); color: #fff;
}
.avatar {
  width: 40px; height: 40px; border-radius: 50%; background: #fff3; flex: none;
  display: grid; place-items: center; font-weight: 700; font-size: 18px;
}
.title { flex: 1; min-width: 0; }
.title b { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.title small { opacity: .85; }
header button {
  background: #fff2; color: #fff; border: 0; border-radius: 8px; padding: 7px 10px;
  font: inherit; cursor: pointer;
}
#settings {
  display: none; gap: 8px; flex-wrap: wrap; align-items: end; padding: 10px 14px;
  background: var(--panel); border-bottom: 1px solid var(--line);
}
#settings.open { display: flex; }
#settings label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
#settings input, #settings select {
  font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px;
}
#settings input[name=id] { width: 110px; }
#settings input[name=language_code] { width: 70px; }
.btn {
  font: inherit; border: 0; border-radius: 8px; padding: 7px 12px; cursor: pointer;
  background: var(--accent); color: #fff;
}
.btn.light { background: #eef2f6; color: var(--text); }
/* The log scrolls inside its wrapper, which also holds the "new message" badge. */
.log-wrap { flex: 1; min-height: 0; position: relative; display: flex; }
#log { flex: 1; overflow-y: auto; overflow-x: hidden; padding: 12px 10px 6px; }
#jump {
  position: absolute; right: 12px; bottom: 10px; z-index: 4; border: 0; border-radius: 18px;
  padding: 8px 14px; font: inherit; font-size: 14px; cursor: pointer;
  background: var(--accent); color: #fff; box-shadow: 0 2px 8px rgba(0, 0, 0, .25);
}
#jump[hidden] { display: none; }
.empty {
  margin: 18vh auto 0; max-width: 320px; text-align: center; background: #fffc;
  border-radius: 14px; padding: 18px; color: var(--muted);
}
.empty b { color: var(--text); }
.row { display: flex; flex-direction: column; margin: 3px 0; }
.row.out { align-items: flex-end; }
.row.in { align-items: flex-start; }
.bubble {
  max-width: min(85%, 520px); min-width: 0; padding: 7px 10px 5px; border-radius: 14px;
  background: var(--in); box-shadow: 0 1px 1px rgba(0, 0, 0, .08);
  overflow-wrap: anywhere;
}
.out .bubble { background: var(--out); border-bottom-right-radius: 4px; }
.in .bubble { border-bottom-left-radius: 4px; }
.text { white-space: pre-wrap; }
.meta { float: right; margin: 6px 0 0 10px; font-size: 11px; color: var(--muted); }
.bubble img.photo {
  display: block; max-width: 100%; height: auto; max-height: 360px; object-fit: contain;
  border-radius: 10px; margin-bottom: 4px;
}
.doc {
  display: flex; gap: 10px; align-items: center; text-decoration: none; color: inherit;
  padding: 4px 0;
}
.doc .icon {
  width: 40px; height: 40px; border-radius: 50%; background: var(--accent); color: #fff;
  display: grid; place-items: center; flex: none;
}
.doc small { display: block; color: var(--muted); }
.sticker { font-size: 64px; line-height: 1.1; }
.quote {
  border-left: 3px solid var(--accent); padding: 1px 8px; margin-bottom: 4px;
  color: var(--muted); font-size: 13px;
}
.kb { display: flex; flex-direction: column; gap: 4px; margin-top: 4px;
  width: min(85%, 520px); }
.kb-row { display: flex; gap: 4px; }
.kb-row > * {
  flex: 1 1 0; min-width: 0; font: inherit; font-size: 14px; padding: 8px 6px; border: 0;
  border-radius: 8px; background: #6f8fb0cc; color: #fff; cursor: pointer;
  text-align: center; text-decoration: none;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
@media (hover: hover) { .kb-row > *:hover { background: #5a7ea4; } }
/* A tap flashes the button, as in the apps, instead of leaving a highlight behind. */
button, a { -webkit-tap-highlight-color: transparent; }
.kb-row > *:active { background: #4f7198; }
.kb-row > [disabled] { opacity: .5; cursor: not-allowed; }
blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid var(--accent); }
blockquote.expandable { max-height: 4.4em; overflow: hidden; cursor: pointer; }
blockquote.expandable.open { max-height: none; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 13px; }
code { background: #0000000d; padding: 0 3px; border-radius: 4px; }
pre { background: #0000000d; padding: 6px 8px; border-radius: 6px; overflow-x: auto;
  margin: 4px 0; white-space: pre; }
.tg-spoiler { background: #9aa4ae; color: transparent; border-radius: 3px; cursor: pointer; }
.tg-spoiler.shown { background: transparent; color: inherit; }
.tg-command { color: var(--accent-dark); cursor: pointer; }
a { color: var(--accent-dark); }
#typing { height: 22px; padding: 0 16px; color: var(--muted); font-size: 13px; }
#replykb { display: none; padding: 6px 8px; gap: 4px; flex-direction: column;
  background: #f4f6f8; border-top: 1px solid var(--line); }
#replykb.open { display: flex; }
#replykb .kb-row > * { background: #fff; color: var(--text); border: 1px solid var(--line); }
#banner { display: none; padding: 10px 14px; background: #fff4d6; font-size: 14px;
  border-top: 1px solid #f0dca0; }
#banner.open { display: flex; gap: 10px; align-items: center; justify-content: space-between; }
form#composer {
  display: flex; gap: 6px; align-items: flex-end; padding: 8px;
  background: var(--panel); border-top: 1px solid var(--line);
}
#composer textarea {
  flex: 1; resize: none; font: inherit; padding: 9px 12px; max-height: 140px;
  border: 1px solid var(--line); border-radius: 18px; outline: none;
}
#composer textarea:focus { border-color: var(--accent); }
.round {
  width: 40px; height: 40px; border-radius: 50%; border: 0; flex: none; cursor: pointer;
  font-size: 18px; background: #eef2f6; color: var(--accent-dark);
}
.round.send { background: var(--accent); color: #fff; }
#commands {
  display: none; position: absolute; bottom: 64px; left: 8px; right: 8px; max-height: 50vh;
  overflow-y: auto; background: var(--panel); border-radius: 12px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, .2); z-index: 5;
}
#commands.open { display: block; }
#commands button {
  display: block; width: 100%; text-align: left; border: 0; background: none;
  padding: 10px 14px; font: inherit; cursor: pointer;
}
@media (hover: hover) { #commands button:hover { background: #eef2f6; } }
#commands b { color: var(--accent-dark); margin-right: 8px; }
.composer-wrap { position: relative; }
#toast {
  position: fixed; left: 50%; top: 80px; transform: translateX(-50%);
  background: #222d; color: #fff; padding: 10px 16px; border-radius: 10px;
  max-width: 90vw; opacity: 0; transition: opacity .2s; pointer-events: none; z-index: 9;
}
#toast.show { opacity: 1; }
@media (max-width: 480px) {
  .bubble, .kb { max-width: 92%; width: auto; }
  .kb { width: 92%; }
}
</style>
</head>
<body>
<div class="app">
  <header>
    <div class="avatar" id="avatar">B</div>
    <div class="title"><b id="botname">Bot</b><small id="status">connecting…</small></div>
    <button type="button" id="settings-toggle" title="Who you are in this chat">You ▾</button>
  </header>
  <form id="settings">
    <label>Your name <input name="first_name" required maxlength="64"></label>
    <label>Language <input name="language_code" maxlength="8" list="langs"></label>
    <datalist id="langs">
      <option value="en"><option value="nl"><option value="de"><option value="fr">
      <option value="es"><option value="it"><option value="pt"><option value="pl">
      <option value="uk"><option value="ru">
    </datalist>
    <label>User id <input name="id" type="number" min="1" required></label>
    <button class="btn" type="submit">Save</button>
    <button class="btn light" type="button" id="block-toggle">Block bot</button>
  </form>
  <div class="log-wrap">
    <main id="log" aria-live="polite"></main>
    <button type="button" id="jump" hidden>↓ New message</button>
  </div>
  <div id="typing"></div>
  <div id="replykb"></div>
  <div id="banner"><span>You blocked this bot.</span>
    <button class="btn" type="button" id="unblock">Unblock</button></div>
  <div class="composer-wrap">
    <div id="commands"></div>
    <form id="composer" autocomplete="off">
      <button class="round" type="button" id="menu" title="Bot commands">/</button>
      <button class="round" type="button" id="attach" title="Send a file">📎</button>
      <input type="file" id="file" hidden>
      <textarea id="input" rows="1" placeholder="Message" aria-label="Message"></textarea>
      <button class="round" type="button" id="sticker" title="Send a sticker">🙂</button>
      <button class="round send" type="submit" title="Send">➤</button>
    </form>
  </div>
</div>
<div id="toast"></div>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
const ACTIONS = {
  typing: "typing…", upload_photo: "sending a photo…", upload_document: "sending a file…",
  record_voice: "recording a voice message…", upload_voice: "sending a voice message…",
  choose_sticker: "choosing a sticker…", find_location: "finding location…",
};
let me = loadUser();
let version = -1;
let view = null;
let seenAnswers = null;
let actionTimer = null;

function loadUser() {
  try {
    const saved = JSON.parse(localStorage.getItem("emulator.user"));
    if (saved && saved.id) return saved;
  } catch (e) { /* ignore a corrupt entry */ }
  return {
    id: 100000 + Math.floor(Math.random() * 900000),
    first_name: "Newcomer",
    language_code: (navigator.language || "en").slice(0, 2).toLowerCase(),
  };
}

async function api(path, options) {
  const response = await fetch("/emulator/api" + path, options);
  const body = await response.json().catch(() => ({ok: false, description: "bad reply"}));
  if (!body.ok) {
    const error = new Error(body.description || ("HTTP " + response.status));
    error.status = response.status;
    throw error;
  }
  return body.result;
}
const postJson = (path, data) => api(path, {
  method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(data),
});

function toast(text) {
  const el = $("toast");
  el.textContent = text;
  el.classList.add("show");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove("show"), 2500);
}

async function register() {
  localStorage.setItem("emulator.user", JSON.stringify(me));
  await postJson("/users", me);
}

let pollAbort = null;
async function pollForever() {
  for (;;) {
    pollAbort = new AbortController();
    try {
      const next = await api(`/chats/${me.id}?since=${version}&wait=25`,
        {signal: pollAbort.signal});
      render(next);
    } catch (error) {
      if (error.name === "AbortError") continue;
      if (error.status === 404) {
        version = -1;
        await register().catch(() => {});
      } else {
        $("status").textContent = "emulator unreachable — retrying…";
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function time(seconds) {
  const d = new Date(seconds * 1000);
  return d.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
}

function size(bytes) {
  if (bytes == null) return "";
  if (bytes < 1024) return bytes + " B";
  if (bytes < 1048576) return (bytes / 1024).toFixed(1) + " KB";
  return (bytes / 1048576).toFixed(1) + " MB";
}

function renderHeader(next) {
  const name = next.bot.first_name || next.bot.username;
  $("botname").textContent = name;
  $("avatar").textContent = name.trim().charAt(0).toUpperCase() || "B";
  document.title = name + " — local Telegram";
  const action = next.action && ACTIONS[next.action];
  $("status").textContent = action
    || (next.bot_online ? "@" + next.bot.username : "bot offline — is it running?");
  $("typing").textContent = action ? next.bot.first_name + " is " + action : "";
  clearTimeout(actionTimer);
  if (action) {
    actionTimer = setTimeout(() => {
      $("typing").textContent = "";
      $("status").textContent = "@" + next.bot.username;
    }, next.action_expires_in * 1000);
  }
}

const PHOTO_MAX_HEIGHT = 360;  // px, as .bubble img.photo's max-height

function messageNode(m) {
  const row = el("div", "row " + (m.from_bot ? "in" : "out"));
  const bubble = el("div", "bubble");
  row.appendChild(bubble);
  if (m.reply_to) bubble.appendChild(el("div", "quote", m.reply_to.text));
  if (m.photo) {
    const img = el("img", "photo");
    img.src = m.photo.url;
    img.alt = "photo";
    const {width, height} = m.photo;
    if (width && height) {
      // The size it will have, before it loads (so the log does not jump): at most its
      // own width, the bubble's width and PHOTO_MAX_HEIGHT high, with its own proportions.
      img.style.width = Math.round(Math.min(width, PHOTO_MAX_HEIGHT * width / height)) + "px";
      img.style.aspectRatio = width + " / " + height;
    }
    img.loading = "lazy";
    bubble.appendChild(img);
  }
  if (m.document) {
    const link = el("a", "doc");
    link.href = m.document.url;
    link.appendChild(el("span", "icon", "⬇"));
    const label = el("span", "", m.document.file_name);
    label.appendChild(el("small", "", size(m.document.file_size)));
    link.appendChild(label);
    bubble.appendChild(link);
  }
  if (m.sticker) bubble.appendChild(el("div", "sticker", m.sticker.emoji || "🖼"));
  if (m.voice) {
    const audio = el("audio");
    audio.controls = true;
    audio.src = m.voice.url;
    bubble.appendChild(audio);
  }
  const html = m.html !== undefined ? m.html : m.caption_html;
  if (html !== undefined) {
    const text = el("div", "text");
    text.innerHTML = html;  // escaped and built from entities by the server
    bubble.appendChild(text);
  }
  const meta = el("span", "meta", (m.edit_date ? "edited " : "") + time(m.date));
  bubble.appendChild(meta);
  if (!m.from_bot && m.html !== undefined) {
    bubble.title = "Double-click to edit";
    bubble.addEventListener("dblclick", () => editMessage(m));
  }
  if (m.inline_keyboard) row.appendChild(inlineKeyboard(m));
  return row;
}

function inlineKeyboard(m) {
  const kb = el("div", "kb");
  for (const buttons of m.inline_keyboard) {
    const row = el("div", "kb-row");
    for (const b of buttons) {
      let node;
      if (b.url) {
        node = el("a", "", b.text + " ↗");
        node.href = b.url;
        node.target = "_blank";
        node.rel = "noopener noreferrer";
      } else {
        node = el("button", "", b.text);
        node.type = "button";
        if (b.callback_data !== undefined) {
          node.addEventListener("click", () => press(m.id, b.callback_data));
        } else {
          node.disabled = true;
          node.title = "Not available in the emulator";
        }
      }
      row.appendChild(node);
    }
    kb.appendChild(row);
  }
  return kb;
}

function renderReplyKeyboard(markup) {
  const box = $("replykb");
  box.textContent = "";
  box.classList.toggle("open", !!markup);
  if (!markup) return;
  for (const buttons of markup.keyboard) {
    const row = el("div", "kb-row");
    for (const b of buttons) {
      const node = el("button", "", b.text);
      node.type = "button";
      node.addEventListener("click", () => sendText(b.text));
      row.appendChild(node);
    }
    box.appendChild(row);
  }
}

function renderCommands(commands) {
  const box = $("commands");
  box.textContent = "";
  $("menu").style.display = commands.length ? "" : "none";
  for (const c of commands) {
    const item = el("button");
    item.type = "button";
    item.appendChild(el("b", "", "/" + c.command));
    item.appendChild(document.createTextNode(c.description));
    item.addEventListener("click", () => {
      box.classList.remove("open");
      sendText("/" + c.command);
    });
    box.appendChild(item);
  }
}

function renderAnswers(answers) {
  const first = seenAnswers === null;
  seenAnswers = seenAnswers || new Set();
  for (const a of answers) {
    if (seenAnswers.has(a.callback_query_id)) continue;
    seenAnswers.add(a.callback_query_id);
    if (first || !a.text) continue;
    if (a.show_alert) alert(a.text); else toast(a.text);
  }
}

// Scrolling follows a phone chat app: while the reader is at the bottom (pinned) the log
// stays there as messages arrive and images load; once they scroll up to read, new
// messages leave the view alone and a badge counts them instead.
const log = $("log");
const shown = new Map();  // message id -> {node, signature}
let pinned = true;
let unseen = 0;

const nearBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < 80;

function updateBadge() {
  const badge = $("jump");
  badge.hidden = unseen === 0;
  badge.textContent = "↓ " + unseen + (unseen === 1 ? " new message" : " new messages");
}

function scrollToBottom() {
  log.scrollTop = log.scrollHeight;
  pinned = true;
  unseen = 0;
  updateBadge();
}

log.addEventListener("scroll", () => {
  pinned = nearBottom();
  if (pinned && unseen) { unseen = 0; updateBadge(); }
});
// Content that grows after rendering (an image loading, a reply keyboard opening and
// shrinking the log) must not push the newest message out of a pinned view.
const followBottom = () => { if (pinned) log.scrollTop = log.scrollHeight; };
new ResizeObserver(followBottom).observe(log);
log.addEventListener("load", followBottom, true);  // images; load does not bubble
$("jump").addEventListener("click", scrollToBottom);

function resetLog() {
  shown.clear();
  log.textContent = "";
  pinned = true;
  unseen = 0;
  updateBadge();
}

function emptyNote() {
  const empty = el("div", "empty");
  empty.appendChild(el("b", "", "Say hello to your bot"));
  empty.appendChild(el("p", "", "Type /start below, or pick a command with the / button. "
    + "Everything stays on this machine."));
  return empty;
}

// Only new or changed messages are rebuilt, so images are not reloaded, an opened
// spoiler or quote stays open and the reader's scroll position holds.
function renderMessages(messages) {
  const first = shown.size === 0;
  const wasPinned = pinned;
  let arrived = 0;
  let sentByMe = false;
  const keep = new Set();
  let previous = null;
  for (const m of messages) {
    keep.add(m.id);
    const signature = JSON.stringify(m);
    let entry = shown.get(m.id);
    if (!entry || entry.signature !== signature) {
      const node = messageNode(m);
      if (entry) entry.node.replaceWith(node);
      else if (m.from_bot) arrived += 1;
      else sentByMe = true;
      entry = {node, signature};
      shown.set(m.id, entry);
    }
    const expected = previous ? previous.nextSibling : log.firstChild;
    if (expected !== entry.node) log.insertBefore(entry.node, expected);
    previous = entry.node;
  }
  for (const [id, entry] of shown) {
    if (!keep.has(id)) { entry.node.remove(); shown.delete(id); }
  }
  const note = log.querySelector(".empty");
  if (messages.length && note) note.remove();
  if (!messages.length && !note) log.appendChild(emptyNote());
  if (first || wasPinned || sentByMe) scrollToBottom();
  else if (arrived) { unseen += arrived; updateBadge(); }
}

function render(next) {
  renderHeader(next);
  if (next.version === version && view) return;
  version = next.version;
  view = next;
  renderMessages(next.messages);
  renderReplyKeyboard(next.reply_keyboard);
  renderCommands(next.commands);
  renderAnswers(next.callback_answers);
  $("banner").classList.toggle("open", next.blocked);
  $("composer").style.display = next.blocked ? "none" : "";
  $("block-toggle").textContent = next.blocked ? "Unblock bot" : "Block bot";
}

async function run(action) {
  try { await action(); } catch (error) { toast(error.message); }
}
const sendText = (text) => run(() => postJson(`/chats/${me.id}/messages`, {text, user: me}));
const press = (id, data) => run(() => postJson(`/chats/${me.id}/callback`,
  {message_id: id, data}));

function editMessage(m) {
  const current = m.raw.text;
  const text = prompt("Edit your message", current);
  if (text && text !== current) {
    run(() => postJson(`/chats/${me.id}/messages/${m.id}/edit`, {text}));
  }
}

function sendFile(file) {
  const form = new FormData();
  const isImage = /^image\/(png|jpe?g|gif|webp)$/.test(file.type);
  form.append("kind", isImage ? "photo" : "document");
  form.append("file", file, file.name);
  run(() => api(`/chats/${me.id}/media`, {method: "POST", body: form}));
}

const input = $("input");
function grow() {
  input.style.height = "auto";
  input.style.height = Math.min(input.scrollHeight, 140) + "px";
}
input.addEventListener("input", grow);
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});
$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  if (!text.trim()) return;
  input.value = "";
  grow();
  sendText(text);
});
$("attach").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", () => {
  const file = $("file").files[0];
  if (file) sendFile(file);
  $("file").value = "";
});
$("sticker").addEventListener("click", () => run(() =>
  postJson(`/chats/${me.id}/media`, {kind: "sticker", emoji: "👍"})));
$("menu").addEventListener("click", () => $("commands").classList.toggle("open"));
// A link to this bot with a start parameter (a join or play link) does what tapping it in
// Telegram does: the app opens the bot's chat and sends "/start <parameter>". Other
// links open in a new tab.
function startParameter(href) {
  if (!view) return null;
  let url;
  try { url = new URL(href); } catch (e) { return null; }
  const username = (view.bot.username || "").toLowerCase();
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  let target = null;
  if ((url.protocol === "https:" || url.protocol === "http:")
      && (host === "t.me" || host === "telegram.me")) {
    target = url.pathname.replace(/^\/+|\/+$/g, "").toLowerCase();
  } else if (url.protocol === "tg:" && (url.hostname || url.pathname.replace(/^\/+/, ""))
      .toLowerCase() === "resolve") {
    target = (url.searchParams.get("domain") || "").toLowerCase();
  }
  if (!target || target !== username || !url.searchParams.has("start")) return null;
  return url.searchParams.get("start");
}

$("log").addEventListener("click", (event) => {
  const target = event.target;
  const link = target.closest("a[href]");
  if (link) {
    const start = startParameter(link.href);
    if (start !== null) {
      event.preventDefault();
      sendText(start ? "/start " + start : "/start");
    }
    return;
  }
  if (target.classList.contains("tg-spoiler")) target.classList.add("shown");
  if (target.classList.contains("tg-command")) sendText(target.dataset.command);
  const quote = target.closest("blockquote.expandable");
  if (quote) quote.classList.toggle("open");
});
$("settings-toggle").addEventListener("click", () => {
  const form = $("settings");
  for (const key of ["first_name", "language_code", "id"]) {
    form.elements[key].value = me[key] || "";
  }
  form.classList.toggle("open");
});
$("settings").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  const id = parseInt(form.elements.id.value, 10);
  const switched = id !== me.id;
  me = {
    id, first_name: form.elements.first_name.value.trim() || "Newcomer",
    language_code: form.elements.language_code.value.trim().toLowerCase(),
  };
  form.classList.remove("open");
  run(async () => {
    await register();
    if (switched) {
      version = -1; view = null; seenAnswers = null;
      resetLog();
      if (pollAbort) pollAbort.abort();
    }
    toast("Saved — you are " + me.first_name);
  });
});
const setBlocked = (blocked) => run(() =>
  postJson(`/users/${me.id}/${blocked ? "block" : "unblock"}`, {}));
$("block-toggle").addEventListener("click", () => setBlocked(!(view && view.blocked)));
$("unblock").addEventListener("click", () => setBlocked(false));

register().catch(() => {}).finally(pollForever);
input.focus();
</script>
</body>
</html>
"""


async def handle_page(request: web.Request) -> web.Response:
    return web.Response(text=PAGE_HTML, content_type="text/html", charset="utf-8")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", handle_page)
