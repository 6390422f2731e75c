/* Shared storage for the learner's progress, notes and name: only in this
   browser (localStorage), under versioned keys such as
   "coproduction-course:v1:progress", so a later course update can read or
   move older data instead of losing it. If the browser cannot store anything
   (private mode, storage full, blocked, or a file:// page in some browsers),
   everything still works for this visit, and we say so once, politely. */
(function () {
  "use strict";

  var PREFIX = "coproduction-course:v1:";
  var NAMES = ["progress", "notes", "name"];
  var memory = {};
  var warned = false;

  function store() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // Reading window.localStorage itself throws when storage is blocked.
    }
  }

  function read(name, fallback) {
    if (Object.prototype.hasOwnProperty.call(memory, name)) return memory[name];
    try {
      var text = store() && store().getItem(PREFIX + name);
      if (text) return (memory[name] = JSON.parse(text));
    } catch (error) {
      // A damaged or unreadable value is treated as empty.
    }
    return fallback;
  }

  /* Save a value; `quiet` skips the warning (for things not worth one, such as the last page visited). */
  function write(name, value, quiet) {
    memory[name] = value;
    try {
      store().setItem(PREFIX + name, JSON.stringify(value));
      return true;
    } catch (error) {
      if (!quiet) warn();
      return false;
    }
  }

  function clearAll() {
    NAMES.forEach(function (name) {
      delete memory[name];
      try {
        store().removeItem(PREFIX + name);
      } catch (error) {
        // Nothing stored, nothing to remove.
      }
    });
    document.dispatchEvent(new CustomEvent("app:storage-cleared"));
  }

  function available() {
    try {
      store().setItem(PREFIX + "test", "1");
      store().removeItem(PREFIX + "test");
      return true;
    } catch (error) {
      return false;
    }
  }

  /* One polite message at the top of the page, the first time saving fails. */
  function warn() {
    if (warned) return;
    warned = true;
    var article = document.querySelector("article") || document.body;
    var message = document.createElement("div");
    message.className = "app-storage-warning";
    message.setAttribute("role", "status");
    message.textContent = "Sorry: this browser is not letting the course save anything, perhaps because it is in " +
      "private mode or is full. You can still read and type. Your notes and ticks will be lost when you leave " +
      "this page, so use \u201cDownload my notes\u201d to keep a copy.";
    article.insertBefore(message, article.firstChild);
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

  function today(time) {
    return new Date(time || Date.now()).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  window.AppStorage = {
    read: read, write: write, clearAll: clearAll, available: available, warn: warn,
    pageId: pageId, download: download, modules: modules, today: today
  };
})();
