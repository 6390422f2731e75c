/* The header's menu and search buttons are Material <label>s for hidden
   checkboxes. hooks/page_chrome.py gives them role="button" and a Tab stop
   (Material itself presses a focused label with a tabindex on Enter); this
   keeps aria-expanded true to the checkbox, and lets Escape close the menu. */
(function () {
  "use strict";
  document.querySelectorAll("[data-module='app-header-button']").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("for"));
    if (!toggle) return;
    function update() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    // A button also presses with Space; Material only handles Enter.
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") {
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
