/* The SCORM 1.2 bridge: tells an organisation's learning platform (its LMS) how
   the learner is getting on. Loaded only on the pages of the SCORM package
   (downloads/course-scorm12.zip, made by hooks/scorm/), never on the website.

   What the LMS is told, through the SCORM 1.2 `API` object it puts in a
   window above ours:
     cmi.core.lesson_status    "incomplete" at first, "completed" once every
                               module is marked done, "passed" or "failed" once
                               the end-of-course check has stored its result;
     cmi.core.score.raw        the check's score in per cent (0 to 100);
     cmi.core.lesson_location  the page the learner is on, so a learner who
                               comes back starts there again.
   Nothing else leaves the browser: notes, answers and names stay in this
   browser's storage, as on the website.

   Outside an LMS (no API found) it does nothing, and the package works as a
   plain copy of the course. The status rules are plain logic (`lmsValues`),
   tested with Node's runner in tests/js/. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.AppScorm = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* What the LMS should hold now: {status, score} (score is null until the check has a result).
     `progress` is the stored progress ({done: {pageId: time}}), `check` the stored check result
     ({score, total, passed}) or null, `modules` the module pages' ids. */
  function lmsValues(progress, check, modules) {
    var done = (progress && progress.done) || {};
    var allDone = modules.length > 0 && modules.every(function (id) { return Boolean(done[id]); });
    var result = validCheck(check);
    if (result) {
      return { status: result.passed ? "passed" : "failed", score: Math.round((100 * result.score) / result.total) };
    }
    return { status: allDone ? "completed" : "incomplete", score: null };
  }

  // How far a learner has got, in the order SCORM 1.2's statuses come.
  var RANK = { "": 0, "not attempted": 0, browsed: 0, incomplete: 1, completed: 2, failed: 3, passed: 3 };

  /* The status to send when the LMS holds `current` and this browser says `wanted`, or null to send nothing.
     Never one that takes back what the LMS has recorded: a learner on another computer, whose browser
     holds no ticks, must not turn "completed" back into "incomplete". A check taken again may turn
     "failed" into "passed", or the other way. */
  function nextStatus(current, wanted) {
    if (current === wanted) return null;
    return (RANK[wanted] || 0) < (RANK[current] || 0) ? null : wanted;
  }

  /* The check's stored result, or null if there is none or it is damaged. */
  function validCheck(check) {
    if (!check || typeof check !== "object") return null;
    var score = check.score, total = check.total;
    if (typeof score !== "number" || typeof total !== "number" || !isFinite(score) || !isFinite(total)) return null;
    if (total <= 0 || score < 0 || score > total || typeof check.passed !== "boolean") return null;
    return check;
  }

  /* The LMS's SCORM 1.2 API: in a parent window (up to a few levels), or in the window that opened ours. */
  function findApi(start) {
    function search(win) {
      for (var level = 0; win && level < 10; level++) {
        try {
          if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
        } catch (error) {
          // A window from another site: we may not look inside it.
        }
        if (win.parent === win) break;
        win = win.parent;
      }
      return null;
    }
    var found = search(start);
    if (!found && start.opener) {
      try {
        found = search(start.opener);
      } catch (error) {
        found = null;
      }
    }
    return found;
  }

  /* Start talking to the LMS on this page. */
  function connect(win, doc) {
    var lms = findApi(win);
    if (!lms) return; // Not in an LMS: a plain copy of the course.
    var S = win.AppStorage;
    var D = win.AppLearnerData;
    var script = doc.currentScript || doc.querySelector("script[data-scorm-modules]");
    var modules = ((script && script.getAttribute("data-scorm-modules")) || "").split(" ").filter(Boolean);
    var location = pagePath(win);

    // "true" starts a new session. The pages of the package share one session: a page after the
    // first gets "false" (error 101, already initialised) and carries on.
    var firstPage = String(lms.LMSInitialize("")) === "true";
    var stored = String(lms.LMSGetValue("cmi.core.lesson_location") || "");
    if (firstPage && stored && stored !== location && stored.indexOf("..") < 0 && /^[\w\-./]+$/.test(stored)) {
      win.location.replace(rootUrl(win) + stored);
      return;
    }

    function readCheck() {
      try {
        var text = win.localStorage.getItem(D ? D.key("check") : "coproduction-course:v2:check");
        return text ? JSON.parse(text) : null;
      } catch (error) {
        return null;
      }
    }

    function report(commit) {
      var now = lmsValues(S ? S.read("progress") : null, readCheck(), modules);
      var changed = false;
      var status = nextStatus(String(lms.LMSGetValue("cmi.core.lesson_status") || ""), now.status);
      if (status) {
        lms.LMSSetValue("cmi.core.lesson_status", status);
        changed = true;
      }
      if (now.score !== null && String(lms.LMSGetValue("cmi.core.score.raw")) !== String(now.score)) {
        lms.LMSSetValue("cmi.core.score.min", "0");
        lms.LMSSetValue("cmi.core.score.max", "100");
        lms.LMSSetValue("cmi.core.score.raw", String(now.score));
        changed = true;
      }
      if (changed && commit) lms.LMSCommit("");
    }

    lms.LMSSetValue("cmi.core.lesson_location", location);
    // "suspend": the learner may come back, and the LMS then gives us this location again.
    lms.LMSSetValue("cmi.core.exit", "suspend");
    report(false);
    lms.LMSCommit("");

    // Every change the course stores goes through AppStorage: report after each one.
    if (S) {
      ["update", "write"].forEach(function (name) {
        var original = S[name];
        S[name] = function () {
          var result = original.apply(S, arguments);
          report(true);
          return result;
        };
      });
    }
    doc.addEventListener("app:storage-changed", function () { report(true); });
    doc.addEventListener("app:storage-cleared", function () { report(true); });

    // A link to another page of the package keeps the session open; leaving the package ends it.
    var movingWithin = false;
    doc.addEventListener("click", function (event) {
      var link = event.target && event.target.closest && event.target.closest("a[href]");
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      var address = new URL(link.getAttribute("href"), win.location.href);
      movingWithin = address.href.indexOf(rootUrl(win)) === 0 && /\.html$/.test(address.pathname);
    });
    win.addEventListener("pagehide", function () {
      report(false);
      lms.LMSCommit("");
      if (!movingWithin) lms.LMSFinish("");
    });
  }

  /* The folder the package's pages start from, from Material's page settings. */
  function rootUrl(win) {
    var base = ".";
    try {
      base = JSON.parse(win.document.getElementById("__config").textContent).base || ".";
    } catch (error) {
      // Without Material's settings, assume this page is at the root.
    }
    return new URL(base.replace(/\/?$/, "/"), win.location.href).href;
  }

  /* This page's address inside the package, such as "modules/03-jargon-in-plain-words.html". */
  function pagePath(win) {
    var url = new URL(win.location.href);
    url.hash = "";
    url.search = "";
    return decodeURI(url.href.slice(rootUrl(win).length)) || "index.html";
  }

  if (typeof window !== "undefined" && typeof document !== "undefined" && !(typeof module === "object" && module.exports)) {
    try {
      connect(window, document);
    } catch (error) {
      // The course must keep working even if the LMS misbehaves; report the error without stopping the page.
      window.setTimeout(function () { throw error; });
    }
  }

  return { lmsValues: lmsValues, nextStatus: nextStatus, findApi: findApi };
});
