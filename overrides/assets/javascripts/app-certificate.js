/* The certificate of completion on "Your progress": shown once the learner
   has passed the end-of-course check ("Mark as done" is for progress only).
   The learner types their name (kept only on this device); the date is the
   day they passed the check. "Print my certificate" shows only the
   certificate while the print dialog is open. */
(function () {
  "use strict";
  var S = window.AppStorage;
  if (!S) return;

  function setUp(part) {
    var waiting = part.querySelector(".js-certificate-waiting");
    var failed = part.querySelector(".js-certificate-failed");
    var score = part.querySelector(".js-certificate-score");
    var ready = part.querySelector(".js-certificate-ready");
    var input = part.querySelector(".js-certificate-input");
    var nameOut = part.querySelector(".js-certificate-name");
    var dateOut = part.querySelector(".js-certificate-date");

    function show() {
      var check = S.read("check");
      var passed = Boolean(check && check.passed);
      waiting.hidden = passed || Boolean(check);
      failed.hidden = passed || !check;
      if (check && !passed) score.textContent = check.score + " of " + check.total;
      ready.hidden = !passed;
      if (!passed) return;
      if (document.activeElement !== input) input.value = S.read("name");
      nameOut.textContent = input.value.trim() || "Your name";
      dateOut.textContent = S.today(check.date);
    }

    input.addEventListener("input", function () {
      nameOut.textContent = input.value.trim() || "Your name";
      S.write("name", input.value);
    });
    part.querySelector(".js-certificate-print").addEventListener("click", function () {
      document.documentElement.classList.add("app-certificate-printing");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("app-certificate-printing");
    });
    document.addEventListener("app:storage-cleared", show);
    // Another tab passed the check or changed the name.
    document.addEventListener("app:storage-changed", function (event) {
      if (event.detail.name === "check" || event.detail.name === "name") show();
    });
    show();
  }

  S.start("app-certificate", setUp);
})();
