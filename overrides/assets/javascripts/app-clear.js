/* "Clear my progress and notes", with a confirmation step: the first button
   only asks; "Yes, clear everything" clears; "No, keep them" goes back. */
(function () {
  "use strict";
  var S = window.AppStorage;
  if (!S) return;

  function setUp(part) {
    var start = part.querySelector(".js-clear-start");
    var confirm = part.querySelector(".js-clear-confirm");
    var question = part.querySelector(".js-clear-question");
    var status = part.querySelector(".js-clear-status");

    function ask(open) {
      confirm.hidden = !open;
      start.hidden = open;
      start.setAttribute("aria-expanded", String(open));
      (open ? question : start).focus();
    }

    start.addEventListener("click", function () { status.textContent = ""; ask(true); });
    part.querySelector(".js-clear-no").addEventListener("click", function () {
      ask(false);
      status.textContent = "Nothing was cleared.";
    });
    part.querySelector(".js-clear-yes").addEventListener("click", function () {
      S.clearAll();
      ask(false);
      status.textContent = "Your progress, notes and name are cleared from this browser.";
    });
    part.hidden = false;
  }

  S.start("app-clear", setUp);
})();
