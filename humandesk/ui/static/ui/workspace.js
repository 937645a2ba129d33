// The conversation page's small behaviours: keyboard send, one copy of each message in
// seq order, and a thread that follows new messages when the agent is at its end.
(function () {
  "use strict";

  function thread() { return document.getElementById("thread"); }

  function nearBottom(el) {
    return el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  }

  // Messages can arrive twice (the send response and the live event): keep the first of
  // each seq and put them back in seq order.
  function normalizeThread() {
    const el = thread();
    if (!el) return;
    const seen = new Set();
    const kept = [];
    el.querySelectorAll(".msg[data-seq]").forEach(function (msg) {
      const seq = Number(msg.dataset.seq);
      if (seen.has(seq)) { msg.remove(); return; }
      seen.add(seq);
      kept.push(msg);
    });
    const sorted = kept.slice().sort(function (a, b) { return a.dataset.seq - b.dataset.seq; });
    if (sorted.some(function (msg, i) { return msg !== kept[i]; })) {
      sorted.forEach(function (msg) { el.appendChild(msg); });
    }
  }

  function lastSeq() {
    const el = thread();
    if (!el) return 0;
    let max = 0;
    el.querySelectorAll(".msg[data-seq]").forEach(function (msg) {
      max = Math.max(max, Number(msg.dataset.seq));
    });
    return max;
  }

  // Insert server-rendered (escaped) message fragments at the end of the thread.
  function appendMessages(html) {
    const el = thread();
    if (!el || !html.trim()) return;
    const follow = nearBottom(el);
    el.insertAdjacentHTML("beforeend", html);
    normalizeThread();
    if (follow) el.scrollTop = el.scrollHeight;
  }

  function scrollThreadToEnd() {
    const el = thread();
    if (el) el.scrollTop = el.scrollHeight;
  }

  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (target.id !== "composer-body") return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      target.form.requestSubmit();
    }
  });

  document.addEventListener("change", function (event) {
    const input = event.target;
    if (input.name !== "mode" || !input.form || input.form.id !== "composer") return;
    input.form.classList.toggle("composer--note", input.value === "note");
    input.form.classList.toggle("composer--reply", input.value !== "note");
    document.getElementById("composer-body").focus();
  });

  // The composer is replaced by the send response; give the focus back to the new one.
  let refocus = false;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "composer") refocus = true;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!refocus) return;
    refocus = false;
    const box = document.getElementById("composer-body");
    if (box) box.focus();
  });

  document.addEventListener("htmx:oobAfterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "thread") {
      normalizeThread();
      scrollThreadToEnd();
    }
  });

  document.addEventListener("DOMContentLoaded", scrollThreadToEnd);

  window.hdThread = { lastSeq: lastSeq, append: appendMessages, normalize: normalizeThread };
})();
