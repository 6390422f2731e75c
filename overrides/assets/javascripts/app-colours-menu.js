/* The header's "Colours" button (overrides/partials/palette.html): it opens
   the three schemes by name, and the one in use is pressed (aria-pressed and
   a tick). Pressing another one changes the colours at once and remembers the
   choice as Material's own toggle does: the value { index, color } under
   "<site path>.__palette" in localStorage, which Material's first script on
   every page reads before the page is drawn. Escape, a click elsewhere or
   moving focus away closes the list. */
(function () {
  "use strict";

  var COLOUR_KEYS = ["media", "scheme", "primary", "accent"];

  document.querySelectorAll("[data-module='app-colours-menu']").forEach(function (menu) {
    var toggle = menu.querySelector(".js-colours-menu-toggle");
    var list = menu.querySelector(".js-colours-menu-choices");
    var choices = Array.prototype.slice.call(menu.querySelectorAll(".js-colours-menu-choice"));
    if (!toggle || !list || !choices.length) return;

    function colourOf(choice) {
      var colour = {};
      COLOUR_KEYS.forEach(function (key) { colour[key] = choice.getAttribute("data-colours-" + key) || ""; });
      return colour;
    }

    function showPressed() {
      var inUse = document.body.getAttribute("data-md-color-scheme");
      var found = choices.some(function (choice) { return colourOf(choice).scheme === inUse; });
      choices.forEach(function (choice, index) {
        // A scheme stored by an older copy of the course, now gone: the first is shown.
        var pressed = found ? colourOf(choice).scheme === inUse : index === 0;
        choice.setAttribute("aria-pressed", pressed ? "true" : "false");
      });
    }

    function choose(choice) {
      var colour = colourOf(choice);
      COLOUR_KEYS.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, colour[key]); });
      showPressed();
      if (typeof window.__md_set === "function") {
        // __md_set catches a full or blocked localStorage itself.
        window.__md_set("__palette", { index: Number(choice.getAttribute("data-index")), color: colour });
      }
    }

    function open(isOpen) {
      list.hidden = !isOpen;
      toggle.setAttribute("aria-expanded", isOpen ? "true" : "false");
    }

    toggle.addEventListener("click", function () { open(list.hidden); });
    choices.forEach(function (choice) {
      choice.addEventListener("click", function () { choose(choice); });
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !list.hidden) {
        open(false);
        toggle.focus();
      }
    });
    menu.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !menu.contains(event.relatedTarget)) open(false);
    });
    document.addEventListener("click", function (event) {
      if (!menu.contains(event.target)) open(false);
    });

    showPressed();
    menu.hidden = false;
  });
})();
