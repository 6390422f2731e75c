/* Shared storage for the learner's progress, notes and name: only in this
   browser (localStorage), under versioned keys such as
   "coproduction-course:v2:progress" (the shapes and the move from older
   versions are in app-learner-data.js).

   Every read goes to the browser's storage, and every change is made to what
   is stored at that moment, item by item (`update`): a second tab's ticks and
   notes are never written over by this one. When another tab changes the data,
   the browser tells us (the `storage` event) and we pass it on as
   "app:storage-changed", so the parts of this page can show it.

   If the browser cannot store anything (private mode, storage full, blocked,
   or a file:// page in some browsers), everything still works for this visit
   from memory, and we say so once, politely. */
(function () {
  "use strict";

  var D = window.AppLearnerData;
  var memory = Object.create(null);
  var warned = false;
  var region = null;
  var STORING = ["app-done", "app-note", "app-notes-page", "app-notes-tools", "app-progress", "app-certificate", "app-clear", "app-check"]
    .map(function (name) { return '[data-module="' + name + '"]'; }).join(", ");

  function store() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // Reading window.localStorage itself throws when storage is blocked.
    }
  }

  function storedText(key) {
    try {
      var browserStore = store();
      return browserStore ? browserStore.getItem(key) : null;
    } catch (error) {
      return null;
    }
  }

  /* The value stored now, cleaned (damaged items are left out); from memory when nothing can be stored. */
  function read(name) {
    if (name in memory) return D.parseStored(name, memory[name]);
    return D.parseStored(name, storedText(D.key(name)));
  }

  function save(name, text, quiet) {
    try {
      store().setItem(D.key(name), text);
      delete memory[name];
      return true;
    } catch (error) {
      memory[name] = text;
      if (!quiet) warn();
      return false;
    }
  }

  /* Change one stored value: `change` gets what is stored now and changes only its own items.
     `quiet` skips the warning (for things not worth one, such as the last page visited). */
  function update(name, change, quiet) {
    var value = read(name);
    var result = change(value);
    return save(name, JSON.stringify(result === undefined ? value : result), quiet);
  }

  function write(name, value, quiet) {
    return update(name, function () { return value; }, quiet);
  }

  function clearAll() {
    D.NAMES.forEach(function (name) {
      delete memory[name];
      [D.key(name), D.key(name, 1)].forEach(function (key) {
        try {
          store().removeItem(key);
        } catch (error) {
          // Nothing stored, nothing to remove.
        }
      });
    });
    document.dispatchEvent(new CustomEvent("app:storage-cleared"));
  }

  function available() {
    try {
      store().setItem(D.key("test"), "1");
      store().removeItem(D.key("test"));
      return true;
    } catch (error) {
      return false;
    }
  }

  /* Schema 1 data moved to schema 2, once: the old keys are removed only after the new ones are written. */
  function migrate() {
    var browserStore = store();
    if (!browserStore) return;
    var stored = {};
    D.NAMES.forEach(function (name) {
      stored[D.key(name, 1)] = storedText(D.key(name, 1));
      stored[D.key(name)] = storedText(D.key(name));
    });
    var plan = D.migrate(stored);
    try {
      Object.keys(plan.writes).forEach(function (key) { browserStore.setItem(key, plan.writes[key]); });
      plan.oldKeys.forEach(function (key) { browserStore.removeItem(key); });
    } catch (error) {
      // Storage is full or blocked: the old keys stay, and we try again on the next page.
    }
  }

  /* An empty live region at the top of the page, in place before there is anything to say:
     screen readers announce a region's changes, not a region that arrives already filled. */
  function warningRegion() {
    if (region) return region;
    var article = document.querySelector("article") || document.body;
    region = document.createElement("div");
    region.className = "app-storage-warning";
    region.setAttribute("role", "status");
    article.insertBefore(region, article.firstChild);
    return region;
  }

  /* One polite message at the top of the page, the first time saving fails. */
  function warn() {
    if (warned) return;
    warned = true;
    var place = warningRegion();
    window.setTimeout(function () {
      place.textContent = "Sorry: this browser is not letting the course save anything, perhaps because it is in " +
        "private mode or is full. You can still read and type. Your notes and ticks will be lost when you leave " +
        "this page, so use \u201cDownload my notes\u201d to keep a copy.";
    }, 100);
    document.dispatchEvent(new CustomEvent("app:storage-unavailable"));
  }

  /* The site's root, from Material's page settings ("base" is a relative path such as "../.."). */
  function root() {
    var base = ".";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (error) {
      // Without Material's settings, assume this page is at the root.
    }
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  /* A page's id from any link to it: "modules/01-x/" and "modules/01-x/index.html" both give "modules/01-x".
     The build (hooks/learner_pages.py, page_id) makes ids the same way. */
  function pageId(href) {
    var url = new URL(href, location.href);
    url.hash = "";
    url.search = "";
    var start = root();
    if (url.href.indexOf(start) !== 0) return null;
    var path = decodeURI(url.href.slice(start.length));
    return path.replace(/index\.html$/, "").replace(/\.html$/, "").replace(/^\/+|\/+$/g, "");
  }

  function download(filename, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  function modules(name) {
    return document.querySelectorAll('[data-module="' + name + '"]');
  }

  /* Start `setUp` on each part on its own: one part's error is reported but never stops the others. */
  function start(name, setUp) {
    modules(name).forEach(function (part) {
      try {
        setUp(part);
      } catch (error) {
        window.setTimeout(function () { throw error; });
      }
    });
  }

  function today(time) {
    return new Date(time || Date.now()).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  // Another tab changed our data (or cleared it all): tell this page's parts.
  window.addEventListener("storage", function (event) {
    var changed = D.NAMES.filter(function (name) { return event.key === null || event.key === D.key(name); });
    changed.forEach(function (name) {
      document.dispatchEvent(new CustomEvent("app:storage-changed", { detail: { name: name } }));
    });
  });

  migrate();
  // Only pages with parts that store something need the region.
  if (document.querySelector(STORING)) warningRegion();

  window.AppStorage = {
    read: read, write: write, update: update, clearAll: clearAll, available: available, warn: warn,
    pageId: pageId, download: download, modules: modules, start: start, today: today
  };
})();
