/* Reply coach: one-click rewrites in the composer.
 *
 * A button inside #coach-findings carries data-coach-start / data-coach-end (UTF-16 offsets
 * into #composer-body, as the browser counts them), data-coach-text (what was there) and
 * data-coach-replacement. Clicking it swaps that span and fires `input`, so the check re-runs.
 */
(function () {
  "use strict";

  function locate(value, start, end, expected) {
    if (expected === undefined || value.slice(start, end) === expected) {
      return [start, end];
    }
    // The agent kept typing after the check: find the same words again, nearest first.
    var found = value.indexOf(expected);
    return found === -1 ? null : [found, found + expected.length];
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("#coach-findings [data-coach-replacement]") : null;
    var box = document.getElementById("composer-body");
    if (!button || !box) {
      return;
    }
    event.preventDefault();
    var start = parseInt(button.getAttribute("data-coach-start"), 10);
    var end = parseInt(button.getAttribute("data-coach-end"), 10);
    var value = box.value;
    if (isNaN(start) || isNaN(end) || start < 0 || end < start || end > value.length) {
      return;
    }
    var span = locate(value, start, end, button.getAttribute("data-coach-text") || undefined);
    if (!span) {
      return;
    }
    var replacement = button.getAttribute("data-coach-replacement") || "";
    box.value = value.slice(0, span[0]) + replacement + value.slice(span[1]);
    var caret = span[0] + replacement.length;
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
