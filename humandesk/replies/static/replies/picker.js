/* Canned replies in the composer.
 *
 * Two ways in: the search box [data-replies-search] (HTMX fetches the matches into
 * #replies-results), or "/shortcut" typed at the very start of #composer-body (this file
 * fetches the same fragment). Each match is a button whose data-reply-text is the reply
 * already rendered for this conversation's contact and agent; picking it puts that text into
 * #composer-body and fires `input`, so the coach checks the new draft.
 */
(function () {
  "use strict";
  // HTMX runs this script again each time the composer comes back after a send.
  if (window.hdReplies) return;

  var SLASH = /^\/[^\s/]*$/;
  var pending = 0;
  var timer = null;
  var caretKnown = false;  // until the agent has been in the box, a search result goes at the end

  function box() { return document.getElementById("composer-body"); }
  function results() { return document.getElementById("replies-results"); }
  function matches() {
    var list = results();
    return list ? Array.prototype.slice.call(list.querySelectorAll("[data-reply-text]")) : [];
  }

  // "/deliv" when the draft so far is a shortcut being typed; null otherwise.
  function slashToken(textarea) {
    var head = textarea.value.slice(0, textarea.selectionStart);
    return SLASH.test(head) ? head : null;
  }

  function close() {
    var list = results();
    if (list) { list.innerHTML = ""; delete list.dataset.mode; }
  }

  function fetchMatches(query) {
    var input = document.querySelector("[data-replies-search]");
    var conversation = document.querySelector("#composer [name=conversation]");
    if (!input || !results()) return;
    var params = new URLSearchParams({ q: query });
    if (conversation) params.set("conversation", conversation.value);
    var ticket = ++pending;
    fetch(input.getAttribute("hx-get") + "?" + params.toString(), {
      credentials: "same-origin", headers: { "HX-Request": "true" },
    }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (html) {
      var textarea = box();
      // Only the latest answer counts, and only while the agent is still typing a shortcut.
      if (ticket !== pending || !textarea || slashToken(textarea) === null) return;
      results().innerHTML = html;  // server-rendered, escaped fragment
      results().dataset.mode = "slash";
      activate(0);
    }).catch(function () { /* the picker is a convenience: the composer works without it */ });
  }

  function activate(index) {
    var items = matches();
    items.forEach(function (item, i) { item.classList.toggle("is-active", i === index); });
  }

  function activeIndex() {
    var items = matches();
    for (var i = 0; i < items.length; i++) if (items[i].classList.contains("is-active")) return i;
    return -1;
  }

  function insert(button) {
    var textarea = box();
    if (!textarea) return;
    var text = button.getAttribute("data-reply-text") || "";
    var value = textarea.value;
    var start, end;
    if (results().dataset.mode === "slash" && SLASH.test(value.split(/\s/)[0])) {
      start = 0;  // the typed "/shortcut" gives way to the reply
      end = value.split(/\s/)[0].length;
    } else if (caretKnown) {
      start = textarea.selectionStart;
      end = textarea.selectionEnd;
    } else {
      start = end = value.length;
    }
    textarea.value = value.slice(0, start) + text + value.slice(end);
    var caret = start + text.length;
    close();
    var search = document.querySelector("[data-replies-search]");
    if (search) search.value = "";
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.addEventListener("input", function (event) {
    var textarea = event.target;
    if (textarea.id !== "composer-body") return;
    var token = slashToken(textarea);
    clearTimeout(timer);
    if (token === null) {
      if (results() && results().dataset.mode === "slash") close();
      return;
    }
    timer = setTimeout(function () { fetchMatches(token); }, 150);
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var isSearch = target.hasAttribute && target.hasAttribute("data-replies-search");
    if (target.id !== "composer-body" && !isSearch) return;
    var items = matches();
    if (event.key === "Escape" && items.length) { event.preventDefault(); close(); return; }
    if (!items.length || event.ctrlKey || event.metaKey) return;
    if (target.id === "composer-body" && results().dataset.mode !== "slash") return;
    var index = activeIndex();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      activate((index + step + items.length) % items.length);
    } else if (event.key === "Enter" || (event.key === "Tab" && target.id === "composer-body")) {
      event.preventDefault();
      insert(items[Math.max(index, 0)]);
    }
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.id === "composer-body") caretKnown = true;
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("#replies-results [data-reply-text]") : null;
    if (!button) return;
    event.preventDefault();
    insert(button);
  });

  // Matches from the search box: mark them so that Enter and the arrows work there too.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "replies-results") {
      results().dataset.mode = "search";
      activate(0);
    }
  });

  window.hdReplies = { insert: insert, close: close };
})();
