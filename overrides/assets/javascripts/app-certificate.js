/* The certificate of completion on "Your progress": shown once every module
   is marked as done. The learner types their name (kept only on this
   device); the date is the day the last module was done. "Print my
   certificate" shows only the certificate while the print dialog is open. */
(function () {
  "use strict";
  var S = window.AppStorage;
  if (!S) return;

  function setUp(part) {
    var waiting = part.querySelector(".js-certificate-waiting");
    var ready = part.querySelector(".js-certificate-ready");
    var input = part.querySelector(".js-certificate-input");
    var nameOut = part.querySelector(".js-certificate-name");
    var dateOut = part.querySelector(".js-certificate-date");

    function show() {
      var done = S.read("progress").done;
      var modules = Array.prototype.map.call(document.querySelectorAll(".js-progress-modules .js-progress-item"), function (item) {
        return done[item.getAttribute("data-page-id")];
      });
      var finished = modules.length > 0 && modules.every(Boolean);
      waiting.hidden = finished;
      ready.hidden = !finished;
      if (!finished) return;
      if (document.activeElement !== input) input.value = S.read("name");
      nameOut.textContent = input.value.trim() || "Your name";
      dateOut.textContent = S.today(Math.max.apply(null, modules));
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
    // Another tab marked a module as done or changed the name.
    document.addEventListener("app:storage-changed", function (event) {
      if (event.detail.name === "progress" || event.detail.name === "name") show();
    });
    show();
  }

  S.start("app-certificate", setUp);
})();
