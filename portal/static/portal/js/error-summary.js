// After a form comes back with errors, move focus to its error summary, so keyboard and
// screen-reader users start there. Progressive enhancement: without JavaScript the summary is
// still announced (role="alert") and reachable (tabindex="-1", links to each field).
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
