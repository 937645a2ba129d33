/* humandesk website chat widget — vanilla JS, no build step.
 *
 * Embed: <script src="https://desk.example/widget.js" data-inbox="<public key>" async></script>
 * Protocol: docs/REALTIME.md. The server is the source of truth: the widget keeps a cursor
 * (the last event id it saw) and an outbox of unacknowledged messages, both in localStorage,
 * and on every (re)connect the server replays what it missed and acknowledges what it resends.
 * User text only ever reaches the page through textContent.
 */
(function () {
  "use strict";
  var CSS = "__HUMANDESK_WIDGET_CSS__";
  var script = document.currentScript || document.querySelector("script[data-inbox][src*='widget.js']");
  if (!script || window.humandeskWidget) return;
  var ORIGIN = new URL(script.src, location.href).origin;
  var INBOX = script.getAttribute("data-inbox") || "";
  var KEY = "humandesk:" + ORIGIN + ":" + INBOX + ":";
  var MAX_CHARS = 10000; // the server's default limit; the server has the final word
  var PING_MS = 25000; // idle proxies drop silent sockets after 30-60 s
  var TEXT = {
    ru: {
      open: "Чат", close: "Свернуть чат", placeholder: "Напишите сообщение…", send: "Отправить",
      connecting: "Подключаемся…", reconnecting: "Нет связи, переподключаемся…",
      forbidden: "Чат недоступен на этом сайте.", empty: "Сообщение пустое.",
      too_long: "Сообщение слишком длинное: не больше " + MAX_CHARS + " символов.",
      leave_email: "Оставить email для ответа", email: "Ваш email", save: "Сохранить",
      thanks: "Спасибо! Ответим и на почту.", invalid_email: "Проверьте адрес почты.",
      resolved: "Диалог завершён. Напишите, если остались вопросы.", bot: "Бот",
      agent: "Поддержка", pending: "отправляется…", offline: "Нет связи — попробуйте чуть позже.",
      handover: "Позвать человека", helped: "Да, помогло", not_helped: "Нет",
    },
    en: {
      open: "Chat", close: "Minimise chat", placeholder: "Write a message…", send: "Send",
      connecting: "Connecting…", reconnecting: "Connection lost, reconnecting…",
      forbidden: "The chat is not available on this site.", empty: "The message is empty.",
      too_long: "The message is too long: " + MAX_CHARS + " characters at most.",
      leave_email: "Leave your email for a reply", email: "Your email", save: "Save",
      thanks: "Thank you! We will also reply by email.", invalid_email: "Please check the email address.",
      resolved: "Conversation resolved. Write again if you have more questions.", bot: "Bot",
      agent: "Support", pending: "sending…", offline: "No connection — please try again shortly.",
      handover: "Talk to a person", helped: "Yes, it helped", not_helped: "No",
    },
    es: {
      open: "Chat", close: "Minimizar el chat", placeholder: "Escribe un mensaje…", send: "Enviar",
      connecting: "Conectando…", reconnecting: "Sin conexión, reconectando…",
      forbidden: "El chat no está disponible en este sitio.", empty: "El mensaje está vacío.",
      too_long: "El mensaje es demasiado largo: " + MAX_CHARS + " caracteres como máximo.",
      leave_email: "Deja tu email para la respuesta", email: "Tu email", save: "Guardar",
      thanks: "¡Gracias! También te responderemos por email.", invalid_email: "Revisa la dirección de email.",
      resolved: "Conversación resuelta. Escríbenos si tienes más preguntas.", bot: "Bot",
      agent: "Soporte", pending: "enviando…", offline: "Sin conexión: inténtalo de nuevo en un momento.",
      handover: "Hablar con una persona", helped: "Sí, me ayudó", not_helped: "No",
    },
  };

  var store = {
    get: function (name, fallback) {
      try {
        var raw = localStorage.getItem(KEY + name);
        return raw === null ? fallback : JSON.parse(raw);
      } catch (e) { return fallback; }
    },
    set: function (name, value) {
      try { localStorage.setItem(KEY + name, JSON.stringify(value)); } catch (e) { /* private mode */ }
    },
  };

  var state = {
    token: store.get("token", null), settings: null, t: TEXT.ru,
    conversation: null, status: null, lastEventId: 0, messages: new Map(),
    outbox: store.get("outbox", []), contact: { name: "", email: "" },
    socket: null, ready: false, attempts: 0, timer: null, offline: false,
    bot: null, // the bot's last reported state: {state: active|handed_over|resolved, feedback}
  };
  var ui = {};

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID && window.isSecureContext) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  /* ---------- view ---------- */

  function build() {
    var host = el("div", { "data-humandesk": "" });
    var root = host.attachShadow({ mode: "open" });
    var style = el("style");
    style.textContent = CSS;
    ui.root = el("div", { "class": "hd-root", "data-hd-widget": "" });
    ui.launcher = el("button", { "class": "hd-launcher", type: "button", "data-hd-launcher": "", "aria-expanded": "false" });
    ui.panel = el("section", { "class": "hd-panel", hidden: "", role: "dialog" });
    var header = el("div", { "class": "hd-header" });
    ui.title = el("div", { "class": "hd-title" });
    ui.close = el("button", { "class": "hd-close", type: "button" }, "×");
    header.append(ui.title, ui.close);
    ui.status = el("div", { "class": "hd-status", "data-hd-status": "", "data-state": "connecting", role: "status" });
    ui.list = el("div", { "class": "hd-messages", "data-hd-messages": "", role: "log", "aria-live": "polite" });
    ui.panel.append(header, ui.status, ui.list, buildForm());
    ui.root.append(ui.launcher, ui.panel);
    root.append(style, ui.root);
    document.body.appendChild(host);
    ui.launcher.addEventListener("click", function () { setOpen(ui.panel.hidden); });
    ui.close.addEventListener("click", function () { setOpen(false); });
    applySettings();
    setOpen(store.get("open", false));
  }

  function buildForm() {
    var form = el("div", { "class": "hd-form" });
    var row = el("div", { "class": "hd-row" });
    ui.input = el("textarea", { "class": "hd-input", rows: "1", "data-hd-input": "" });
    ui.send = el("button", { "class": "hd-send", type: "button", "data-hd-send": "" });
    row.append(ui.input, ui.send);
    ui.error = el("div", { "class": "hd-error", "data-hd-error": "", role: "alert" });
    ui.emailToggle = el("button", { "class": "hd-link", type: "button", "data-hd-email-toggle": "" });
    ui.emailForm = el("div", { "class": "hd-email", hidden: "" });
    ui.email = el("input", { type: "email", autocomplete: "email", "data-hd-email": "" });
    ui.emailSave = el("button", { "class": "hd-save", type: "button", "data-hd-email-save": "" });
    ui.emailForm.append(ui.email, ui.emailSave);
    ui.thanks = el("div", { "class": "hd-thanks", "data-hd-thanks": "" });
    form.append(row, ui.error, ui.emailToggle, ui.emailForm, ui.thanks);
    ui.send.addEventListener("click", sendFromInput);
    ui.input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendFromInput(); }
    });
    ui.emailToggle.addEventListener("click", function () { ui.emailForm.hidden = false; ui.emailToggle.hidden = true; ui.email.focus(); });
    ui.emailSave.addEventListener("click", identify);
    ui.email.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); identify(); } });
    return form;
  }

  function applySettings() {
    var s = state.settings || {};
    state.t = TEXT[s.language] || TEXT[(s.language || "").slice(0, 2)] || TEXT.en;
    var t = state.t;
    if (/^#[0-9a-fA-F]{3,8}$/.test(s.color || "")) ui.root.style.setProperty("--hd-color", s.color);
    ui.title.textContent = s.title || t.open;
    ui.launcher.textContent = t.open;
    ui.close.setAttribute("aria-label", t.close);
    ui.input.setAttribute("placeholder", t.placeholder);
    ui.input.setAttribute("aria-label", t.placeholder);
    ui.send.textContent = t.send;
    ui.emailToggle.textContent = t.leave_email;
    ui.email.setAttribute("placeholder", t.email);
    ui.emailSave.textContent = t.save;
    ui.emailToggle.hidden = !!state.contact.email;
  }

  function setOpen(open) {
    ui.panel.hidden = !open;
    ui.launcher.setAttribute("aria-expanded", String(!!open));
    store.set("open", !!open);
    if (open) { scrollDown(); ui.input.focus(); }
  }

  function setStatus(name) {
    ui.status.setAttribute("data-state", name);
    ui.status.textContent = name === "online" ? "" : (state.t[name] || "");
    ui.status.hidden = name === "online";
  }

  function showError(text) { ui.error.textContent = text || ""; }

  function messageNode(m) {
    var node = el("div", { "class": "hd-msg", "data-hd-message": "", "data-seq": m.seq, "data-kind": m.kind });
    if (m.kind === "reply" || m.kind === "bot") {
      var name = m.kind === "bot" ? state.t.bot : (m.author && m.author.name) || state.t.agent;
      node.appendChild(el("span", { "class": "hd-author" }, name));
    }
    node.appendChild(el("span", { "class": "hd-body" }, m.body));
    if (m.kind === "bot") node.appendChild(botActions(m));
    return node;
  }

  /* Every bot message carries the "talk to a person" button until a person has the chat; the
   * last one also carries "did this help?" while the bot waits for the answer. */
  function botActions(m) {
    var box = el("div", { "class": "hd-actions" });
    box.style.cssText = "display:flex;flex-wrap:wrap;gap:6px;margin-top:6px;white-space:normal";
    var bot = state.bot || { state: "active", feedback: false };
    if (bot.state === "handed_over") return box;
    var last = Math.max.apply(null, Array.from(state.messages.keys()));
    if (bot.feedback && m.seq === last) {
      box.appendChild(actionButton(state.t.helped, { "data-hd-helpful": "yes" }, { type: "feedback", helpful: true }));
      box.appendChild(actionButton(state.t.not_helped, { "data-hd-helpful": "no" }, { type: "feedback", helpful: false }));
    }
    box.appendChild(actionButton(state.t.handover, { "data-hd-handover": "" }, { type: "handover" }));
    return box;
  }

  function actionButton(label, attrs, frame) {
    attrs["class"] = "hd-action";
    attrs.type = "button";
    var button = el("button", attrs, label);
    button.style.cssText = "border:1px solid var(--hd-color);color:var(--hd-color);background:#fff;" +
      "border-radius:8px;padding:5px 10px;font:inherit;font-size:12px;cursor:pointer";
    button.addEventListener("click", function () {
      showError(sendFrame(frame) ? "" : state.t.offline);
      if (state.bot) state.bot.feedback = false; // answered: the yes/no buttons go at once
    });
    return button;
  }

  function render() {
    var list = ui.list;
    list.textContent = "";
    if (state.settings && state.settings.greeting) {
      list.appendChild(el("div", { "class": "hd-msg", "data-kind": "greeting", "data-hd-greeting": "" }, state.settings.greeting));
    }
    Array.from(state.messages.values()).sort(function (a, b) { return a.seq - b.seq; })
      .forEach(function (m) { list.appendChild(messageNode(m)); });
    state.outbox.forEach(function (item) {
      var node = el("div", { "class": "hd-msg hd-pending", "data-hd-pending": "", "data-kind": "customer", title: state.t.pending });
      node.appendChild(el("span", { "class": "hd-body" }, item.body));
      list.appendChild(node);
    });
    if (state.status === "resolved" || state.status === "closed") {
      list.appendChild(el("div", { "class": "hd-line", "data-hd-resolved": "" }, state.t.resolved));
    }
    scrollDown();
  }

  function scrollDown() { ui.list.scrollTop = ui.list.scrollHeight; }

  /* ---------- state ---------- */

  function saveOutbox() { store.set("outbox", state.outbox); }

  function addMessage(m) {
    if (!m || typeof m.seq !== "number") return;
    state.messages.set(m.seq, m);
    if (m.client_id) {
      var before = state.outbox.length;
      state.outbox = state.outbox.filter(function (item) { return item.client_id !== m.client_id; });
      if (state.outbox.length !== before) saveOutbox();
    }
  }

  function switchTo(conversation) {
    if (conversation === state.conversation) return;
    state.conversation = conversation;
    state.messages = new Map();
    state.bot = null;
    state.status = null;
    state.lastEventId = 0;
    render();
    if (conversation !== null) loadHistory();
  }

  function applyEvent(frame) {
    if (frame.conversation !== state.conversation) return;
    state.lastEventId = Math.max(state.lastEventId, frame.id);
    var data = frame.data || {};
    if (frame.kind === "message_created") addMessage(frame.message);
    if (frame.kind === "status_changed") state.status = data.to;
    if (frame.kind === "message_created" && data.status) state.status = data.status;
    if (frame.kind === "contact_updated") { state.contact = { name: data.name || "", email: data.email || "" }; applySettings(); }
    render();
  }

  /* ---------- HTTP ---------- */

  function request(path, body) {
    var options = body ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) } : {};
    options.credentials = "omit";
    return fetch(ORIGIN + path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { var err = new Error(data.reason || response.status); err.status = response.status; throw err; }
        return data;
      });
    });
  }

  function start() {
    setStatus("connecting");
    request("/widget/session", { inbox: INBOX, token: state.token }).then(function (data) {
      state.token = data.token;
      store.set("token", data.token);
      state.settings = data;
      state.contact = data.contact || { name: "", email: "" };
      applySettings();
      state.conversation = data.conversation;
      render();
      return data.conversation === null ? null : loadHistory();
    }).then(function () {
      state.attempts = 0;
      connect();
    }, function (err) {
      if (err.status === 403 || err.status === 404) { setStatus("forbidden"); return; }
      setStatus("reconnecting");
      schedule(start);
    });
  }

  function loadHistory() {
    var wanted = state.conversation;
    return request("/widget/history?token=" + encodeURIComponent(state.token)).then(function (data) {
      if (data.conversation !== wanted && wanted !== null) { switchTo(data.conversation); return; }
      state.conversation = data.conversation;
      (data.messages || []).forEach(addMessage);
      state.status = data.status;
      state.lastEventId = Math.max(state.lastEventId, data.last_event_id || 0);
      render();
    });
  }

  /* ---------- socket ---------- */

  function connect() {
    clearTimeout(state.timer);
    if (state.offline || !state.token || state.socket) return;
    var url = ORIGIN.replace(/^http/, "ws") + "/ws/widget/?token=" + encodeURIComponent(state.token) +
      "&after=" + state.lastEventId;
    var ws;
    try { ws = new WebSocket(url); } catch (e) { schedule(connect); return; }
    state.socket = ws;
    ws.onmessage = function (e) {
      if (ws !== state.socket) return;
      var frame;
      try { frame = JSON.parse(e.data); } catch (err) { return; }
      handle(frame);
    };
    ws.onclose = function (e) {
      if (ws !== state.socket) return;
      state.socket = null;
      state.ready = false;
      if (e.code === 4401) { state.token = null; store.set("token", null); schedule(start); return; }
      if (e.code === 4403) { setStatus("forbidden"); return; }
      setStatus("reconnecting");
      schedule(connect);
    };
  }

  function schedule(next) {
    clearTimeout(state.timer);
    if (state.offline) return;
    var delay = Math.min(10000, 300 * Math.pow(2, state.attempts)) * (0.5 + Math.random() / 2);
    state.attempts += 1;
    state.timer = setTimeout(next, delay);
  }

  function sendFrame(frame) {
    if (!state.ready || !state.socket) return false;
    state.socket.send(JSON.stringify(frame));
    return true;
  }

  function flushOutbox() {
    state.outbox.forEach(function (item) {
      sendFrame({ type: "message", client_id: item.client_id, body: item.body });
    });
  }

  function handle(frame) {
    switch (frame.type) {
      case "hello":
        state.ready = true;
        state.attempts = 0;
        setStatus("online");
        if (frame.conversation !== state.conversation) switchTo(frame.conversation);
        flushOutbox();
        break;
      case "event": applyEvent(frame); break;
      case "ack": onAck(frame); break;
      case "error": onError(frame); break;
      case "conversation": switchTo(frame.conversation); break;
      case "bot": if (frame.conversation === state.conversation) { state.bot = frame; render(); } break;
      case "reset": loadHistory(); break;
      case "identified":
        state.contact = frame.contact;
        ui.emailForm.hidden = true;
        ui.thanks.textContent = state.t.thanks;
        applySettings();
        break;
      default: break;
    }
  }

  function onAck(frame) {
    if (frame.conversation === state.conversation) addMessage(frame.message);
    else dropFromOutbox(frame.client_id); // a resend that had reached an earlier, closed conversation
    render();
  }

  function dropFromOutbox(clientId) {
    state.outbox = state.outbox.filter(function (i) { return i.client_id !== clientId; });
    saveOutbox();
  }

  function onError(frame) {
    var text = state.t[frame.code] || frame.reason || "";
    if (frame.client_id) {
      var item = state.outbox.find(function (i) { return i.client_id === frame.client_id; });
      dropFromOutbox(frame.client_id);
      // Nothing typed is lost: a refused message goes back into an empty box.
      if (item && !ui.input.value) ui.input.value = item.body;
      render();
    }
    showError(text);
  }

  /* ---------- actions ---------- */

  function sendFromInput() {
    var body = ui.input.value;
    var trimmed = body.trim();
    if (!trimmed) { showError(state.t.empty); return; }
    if (trimmed.length > MAX_CHARS) { showError(state.t.too_long); return; }
    showError("");
    var item = { client_id: uuid(), body: body };
    state.outbox.push(item);
    saveOutbox();
    ui.input.value = "";
    render();
    sendFrame({ type: "message", client_id: item.client_id, body: item.body });
  }

  function identify() {
    var email = ui.email.value.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) { showError(state.t.invalid_email); return; }
    showError(sendFrame({ type: "identify", email: email }) ? "" : state.t.offline);
  }

  window.humandeskWidget = {
    get _socket() { return state.socket; },
    state: function () {
      return { conversation: state.conversation, lastEventId: state.lastEventId, outbox: state.outbox.length, ready: state.ready };
    },
    /* Drop the socket as a network failure would; the widget reconnects and replays. */
    close: function () { if (state.socket) state.socket.close(); },
    /* Simulate a lost network: no socket, no reconnect, until offline(false). */
    offline: function (flag) {
      state.offline = !!flag;
      if (state.offline) { clearTimeout(state.timer); if (state.socket) state.socket.close(); setStatus("reconnecting"); } else { state.attempts = 0; connect(); }
    },
    open: function () { setOpen(true); },
  };

  setInterval(function () { sendFrame({ type: "ping" }); }, PING_MS);
  window.addEventListener("online", function () { state.attempts = 0; if (!state.socket) connect(); });

  function boot() { build(); render(); start(); }
  if (document.body) boot(); else document.addEventListener("DOMContentLoaded", boot);
})();
