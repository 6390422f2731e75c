/* Progress: the "Mark as done" toggle on module, case study and activity
   pages, ticks beside done pages in the menu, the last page visited, and the
   "Your progress" page. Stored as "progress": {done: {pageId: time}, last: {id, title}}.
   Each change touches only its own page's item, so another tab's ticks are kept,
   and everything shown is refreshed when another tab changes it. */
(function () {
  "use strict";
  var S = window.AppStorage;
  if (!S) return;
  var refreshers = [];

  function progress() {
    return S.read("progress");
  }

  /* A tick with the words "(done)" for screen readers, beside each done page in the menu. */
  function showTicks() {
    var done = progress().done;
    // Links to other pages only: the current page's contents links ("#...") share its id.
    document.querySelectorAll('a.md-nav__link[href]:not([href^="#"])').forEach(function (link) {
      var tick = link.querySelector(".app-nav-done");
      var isDone = Boolean(done[S.pageId(link.getAttribute("href"))]);
      if (isDone && !tick) {
        tick = document.createElement("span");
        tick.className = "app-nav-done";
        tick.innerHTML = '<span aria-hidden="true">\u2713</span><span class="app-visually-hidden"> (done)</span>';
        (link.querySelector(".md-ellipsis") || link).appendChild(tick);
      } else if (!isDone && tick) {
        tick.remove();
      }
    });
  }

  function setUpDoneButton(part) {
    var id = part.getAttribute("data-page-id");
    var button = part.querySelector(".js-done-button");
    var state = part.querySelector(".js-done-state");

    // One name, "Mark as done", and its state in aria-pressed: screen readers say "toggle button, pressed".
    function show() {
      var isDone = Boolean(progress().done[id]);
      button.setAttribute("aria-pressed", String(isDone));
      if (state) state.hidden = !isDone;
    }

    button.addEventListener("click", function () {
      var nowDone = button.getAttribute("aria-pressed") !== "true";
      S.update("progress", function (saved) {
        if (nowDone) saved.done[id] = saved.done[id] || Date.now();
        else delete saved.done[id];
      });
      show();
      showTicks();
    });

    // Remember this page for "Continue where you left off" (not on the whole-course print page, which has them all).
    if (S.modules("app-done").length === 1) {
      S.update("progress", function (saved) {
        saved.last = { id: id, title: part.getAttribute("data-page-title") };
      }, true);
    }
    refreshers.push(show);
    part.hidden = false;
    show();
  }

  function count(items, done) {
    return items.filter(function (item) { return done[item.getAttribute("data-page-id")]; }).length;
  }

  function setUpProgressPage(part) {
    var summary = part.querySelector(".js-progress-summary");
    var continuePara = part.querySelector(".js-progress-continue");
    var continueLink = part.querySelector(".js-progress-continue-link");
    if (!S.available()) S.warn();
    part.querySelector(".js-progress-no-script").hidden = true;

    function show() {
      var saved = progress();
      var items = Array.prototype.slice.call(part.querySelectorAll(".js-progress-item"));
      items.forEach(function (item) {
        var isDone = Boolean(saved.done[item.getAttribute("data-page-id")]);
        item.classList.toggle("app-progress__item--done", isDone);
        item.querySelector(".js-progress-state").innerHTML = isDone ? '<span aria-hidden="true">\u2713</span> done' : "";
      });
      var modules = Array.prototype.slice.call(part.querySelectorAll(".js-progress-modules .js-progress-item"));
      summary.textContent = count(modules, saved.done) + " of " + modules.length + " modules done.";
      summary.hidden = false;
      part.querySelectorAll(".js-progress-count").forEach(function (line) {
        var list = Array.prototype.slice.call(line.nextElementSibling.querySelectorAll(".js-progress-item"));
        line.textContent = count(list, saved.done) + " of " + list.length + " " + line.getAttribute("data-kind") + " done.";
        line.hidden = false;
      });
      var last = saved.last && part.querySelector('.js-progress-item[data-page-id="' + CSS.escape(saved.last.id) + '"] a');
      continuePara.hidden = !last;
      if (last) {
        continueLink.href = last.getAttribute("href");
        continueLink.textContent = "Continue where you left off: " + last.textContent;
      }
    }

    refreshers.push(show);
    show();
  }

  function refresh() {
    refreshers.forEach(function (show) { show(); });
    showTicks();
  }

  S.start("app-done", setUpDoneButton);
  S.start("app-progress", setUpProgressPage);
  showTicks();
  document.addEventListener("app:storage-cleared", refresh);
  document.addEventListener("app:storage-changed", function (event) {
    if (event.detail.name === "progress") refresh();
  });
})();
