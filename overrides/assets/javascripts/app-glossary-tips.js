/* Glossary pop-ups: a word's plain meaning shows on hover, on keyboard focus
   and on a first tap (a second tap follows the link to the glossary). It
   stays while the pointer is over the word or the pop-up, and Escape hides
   it (WCAG 1.4.13). Screen readers already hear it as the link's description. */
(function () {
  "use strict";
  var open = [];

  function setUp(part) {
    var link = part.querySelector(".js-glossary-link");
    var bubble = part.querySelector(".js-glossary-bubble");
    var hovered = false, tapped = false, openBeforeTap = false;

    function show() {
      if (!bubble.hidden) return;
      open.forEach(function (other) { if (other !== hide) other(); });
      open = [hide];
      bubble.hidden = false;
      bubble.style.left = "";
      // Keep the whole pop-up on screen, even at 320 pixels wide.
      var box = bubble.getBoundingClientRect();
      var overflow = box.right - (document.documentElement.clientWidth - 8);
      if (overflow > 0) bubble.style.left = -Math.min(overflow, box.left - 8) + "px";
    }

    function hide() {
      bubble.hidden = true;
      open = open.filter(function (other) { return other !== hide; });
    }

    link.addEventListener("focus", show);
    link.addEventListener("blur", function () { if (!hovered) hide(); });
    part.addEventListener("mouseenter", function () { hovered = true; show(); });
    part.addEventListener("mouseleave", function () { hovered = false; if (document.activeElement !== link) hide(); });
    link.addEventListener("pointerdown", function (event) {
      tapped = event.pointerType === "touch" || event.pointerType === "pen";
      openBeforeTap = !bubble.hidden;
    });
    link.addEventListener("click", function (event) {
      // The first tap shows the meaning; the next tap opens the glossary.
      if (tapped && !openBeforeTap) {
        event.preventDefault();
        show();
        openBeforeTap = true;
      }
      tapped = false;
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !bubble.hidden) {
        hide();
        event.stopPropagation();
      }
    });
  }

  // Escape hides the pop-up wherever focus is; a tap elsewhere hides it too.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") open.slice().forEach(function (hide) { hide(); });
  });
  document.addEventListener("pointerdown", function (event) {
    if (!event.target.closest || !event.target.closest(".app-glossary-tip")) open.slice().forEach(function (hide) { hide(); });
  });

  /* Start each part on its own: one part's error is reported but never stops the others. */
  function startEach(name, setUp) {
    document.querySelectorAll('[data-module="' + name + '"]').forEach(function (part) {
      try {
        setUp(part);
      } catch (error) {
        window.setTimeout(function () { throw error; });
      }
    });
  }

  startEach("app-glossary-tip", setUp);
})();
