/* Progress: the "Mark as done" toggle on module, case study and activity
   pages, ticks beside done pages in the menu, the last page visited, and the
   "Your progress" page. Stored as "progress": {done: {pageId: time}, last: {id, title}}. */
(function () {
  "use strict";
  var S = window.AppStorage;
  if (!S) return;

  function progress() {
    var saved = S.read("progress", null) || {};
    return { done: saved.done || {}, last: saved.last || null };
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

    function show() {
      var isDone = Boolean(progress().done[id]);
      button.setAttribute("aria-pressed", String(isDone));
      button.innerHTML = isDone ? 'Done <span aria-hidden="true">\u2713</span> (select to undo)' : "Mark as done";
    }

    button.addEventListener("click", function () {
      var saved = progress();
      if (saved.done[id]) delete saved.done[id];
      else saved.done[id] = Date.now();
      S.write("progress", saved);
      show();
      showTicks();
    });

    // Remember this page for "Continue where you left off" (not on the whole-course print page, which has them all).
    if (S.modules("app-done").length === 1) {
      var saved = progress();
      saved.last = { id: id, title: part.getAttribute("data-page-title") };
      S.write("progress", saved, true);
    }
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

    document.addEventListener("app:storage-cleared", show);
    show();
  }

  S.modules("app-done").forEach(setUpDoneButton);
  S.modules("app-progress").forEach(setUpProgressPage);
  showTicks();
  document.addEventListener("app:storage-cleared", showTicks);
})();
