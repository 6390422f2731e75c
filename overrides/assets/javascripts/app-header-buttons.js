/* The header's menu and search buttons. Material makes them <label>s for hidden
   checkboxes; hooks/page_chrome.py puts a named button with a Tab stop inside
   each label, since a label may not be a button itself. Clicking the button
   clicks its label, which works the checkbox. This script lets Enter and Space
   press it, keeps aria-expanded true to the checkbox, and lets Escape close
   the menu. */
(function () {
  "use strict";
  document.querySelectorAll("[data-module='app-header-button']").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-for"));
    if (!toggle) return;
    function update() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    button.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        button.click();
      }
    });
    toggle.addEventListener("change", update);
    // Material already closes search on Escape; the menu needs it from us.
    if (toggle.id !== "__drawer") { update(); return; }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.click();
        update();
        button.focus();
      }
    });
    update();
  });
})();
