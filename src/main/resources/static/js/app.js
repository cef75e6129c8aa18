// SpoofDesk page behaviour. Loaded as a file because the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  // Forms that do something destructive carry data-confirm="question"; ask before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
