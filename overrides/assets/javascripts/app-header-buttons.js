/* The header's menu and search buttons. Material makes them <label>s for hidden
   checkboxes; hooks/page_chrome.py puts a named button with a Tab stop inside
   each label, since a label may not be a button itself. Clicking the button
   clicks its label, which works the checkbox. This script lets Enter and Space
   press it, keeps aria-expanded true to the checkbox, and lets Escape close
   the menu.
   A page always opens with the menu and search closed. Firefox ticks a checkbox
   again after a reload if it was ticked, and HTML allows autocomplete="off" (which
   Material used against that) only on text fields, so this script unticks them:
   at the start, and when the browser shows the page again from its back-forward cache. */
(function () {
  "use strict";
  function closeAgain(toggle) {
    if (!toggle.checked) return;
    toggle.checked = false;
    // Material follows the checkbox by its change event.
    toggle.dispatchEvent(new Event("change"));
  }
  document.querySelectorAll("[data-module='app-header-button']").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-for"));
    if (!toggle) return;
    function update() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    closeAgain(toggle);
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { closeAgain(toggle); update(); }
    });
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
