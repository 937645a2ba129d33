// "Insert steps" in the knowledge-base sidebar: put an article's steps into the reply
// composer at the cursor, then tell listeners (the coach, autosize) the text changed.
(function () {
  "use strict";

  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart == null ? textarea.value.length : textarea.selectionStart;
    var end = textarea.selectionEnd == null ? start : textarea.selectionEnd;
    var before = textarea.value.slice(0, start);
    var after = textarea.value.slice(end);
    // Keep the steps on their own lines when there is text around the cursor.
    var lead = before && !/\n$/.test(before) ? "\n" : "";
    var trail = after && !/^\n/.test(after) ? "\n" : "";
    var inserted = lead + text + trail;
    textarea.value = before + inserted + after;
    var caret = before.length + inserted.length;
    textarea.setSelectionRange(caret, caret);
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-kb-insert]");
    if (!button) return;
    var textarea = document.getElementById("composer-body");
    if (!textarea) return;
    event.preventDefault();
    insertAtCursor(textarea, button.getAttribute("data-kb-insert"));
  });
})();
