// Live updates for staff pages over /ws/staff/ (protocol: docs/REALTIME.md).
//
// The page is rendered with the newest event id it reflects (data-last-event); the socket
// resumes after it, so nothing that happens between rendering and connecting is lost. On
// every reconnect the last id seen is sent again and the server replays the rest.
(function () {
  "use strict";

  const body = document.body;
  const page = body.dataset.page;
  if (!page || !window.WebSocket) return;

  const conversationId = Number(body.dataset.conversation || 0);
  const PANEL_KINDS = new Set([
    "status_changed", "assigned", "team_changed", "priority_changed", "tags_changed", "contact_updated",
  ]);
  const MAX_BACKOFF_MS = 30000;
  const PING_MS = 25000;

  let lastId = body.dataset.lastEvent !== undefined ? Number(body.dataset.lastEvent) : null;
  let attempts = 0;
  let socket = null;
  let pingTimer = null;

  function socketUrl() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const after = lastId !== null ? "?after=" + encodeURIComponent(lastId) : "";
    return scheme + location.host + "/ws/staff/" + after;
  }

  // Collapse bursts of events into one request; run again if events came in meanwhile.
  function serialized(task, delayMs) {
    let timer = null;
    let running = false;
    let again = false;
    function run() {
      timer = null;
      if (running) { again = true; return; }
      running = true;
      Promise.resolve(task()).catch(function () {}).then(function () {
        running = false;
        if (again) { again = false; schedule(); }
      });
    }
    function schedule() { if (!timer) timer = setTimeout(run, delayMs); }
    return schedule;
  }

  const refreshInbox = serialized(function () {
    const list = document.getElementById("inbox-list");
    if (!list || !window.htmx) return null;
    const query = list.dataset.query ? "?" + list.dataset.query : "";
    return htmx.ajax("GET", body.dataset.listUrl + query, { target: "#inbox-list", swap: "outerHTML" });
  }, 250);

  const syncThread = serialized(function () {
    const after = window.hdThread ? window.hdThread.lastSeq() : 0;
    const url = body.dataset.messagesUrl + "?after_seq=" + after;
    return fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (window.hdThread) window.hdThread.append(html); });
  }, 50);

  const refreshPanel = serialized(function () {
    if (!window.htmx) return null;
    return htmx.ajax("GET", body.dataset.panelUrl, { target: "#conv-header", swap: "none" });
  }, 150);

  function onEvent(event) {
    if (page === "inbox") { refreshInbox(); return; }
    if (page !== "conversation" || event.conversation !== conversationId) return;
    if (event.kind === "message_created") {
      syncThread();
      body.dispatchEvent(new CustomEvent("hd:message-created", { detail: event, bubbles: true }));
    } else if (PANEL_KINDS.has(event.kind)) {
      refreshPanel();
    }
  }

  function onFrame(frame) {
    let data;
    try { data = JSON.parse(frame.data); } catch (err) { return; }
    if (data.type === "hello") {
      attempts = 0;
      if (lastId === null) lastId = data.last_event_id;
    } else if (data.type === "event") {
      if (lastId !== null && data.id <= lastId) return;  // already seen (replay overlap)
      lastId = data.id;
      onEvent(data);
    } else if (data.type === "reset") {
      // Too much happened while away to replay: the page reloads its state from the server.
      location.reload();
    }
  }

  function connect() {
    socket = new WebSocket(socketUrl());
    socket.addEventListener("message", onFrame);
    socket.addEventListener("open", function () {
      pingTimer = setInterval(function () {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "ping" }));
      }, PING_MS);
    });
    socket.addEventListener("close", function (event) {
      clearInterval(pingTimer);
      if (event.code === 4401) return;  // signed out: the next page load asks to sign in
      attempts += 1;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * Math.pow(2, attempts)) * (0.75 + Math.random() / 2);
      setTimeout(connect, delay);
    });
  }

  window.hdLive = { lastEventId: function () { return lastId; } };
  connect();
})();
