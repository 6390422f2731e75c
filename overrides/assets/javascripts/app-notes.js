/* Reflection notes: the "Think about it" boxes save what the learner types as
   they type; the "My notes" page shows every answer under its question, and
   can download the notes as a plain text file and load them again. Stored as
   "notes": {noteId: {q: question, page: page title, text, updated: time}}. */
(function () {
  "use strict";
  var S = window.AppStorage;
  if (!S) return;

  var COURSE_ID = "coproduction-course";
  var FILE_MARKER = "COPRODUCTION-COURSE-NOTES ";

  function notes() {
    return S.read("notes", null) || {};
  }

  function setUpNote(part) {
    var id = part.getAttribute("data-note-id");
    var input = part.querySelector(".js-note-input");
    var status = part.querySelector(".js-note-status");
    var timer = null;
    var saved = notes()[id];
    if (saved) input.value = saved.text;

    function save() {
      clearTimeout(timer);
      timer = null;
      var all = notes();
      all[id] = { q: part.getAttribute("data-note-question"), page: part.getAttribute("data-page-title"), text: input.value, updated: Date.now() };
      var time = new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
      status.textContent = S.write("notes", all) ? "Saved on this device at " + time + "." : "Not saved: this browser cannot keep notes.";
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, 600);
    });
    input.addEventListener("blur", function () { if (timer) save(); });
    window.addEventListener("pagehide", function () { if (timer) save(); });
    document.addEventListener("app:storage-cleared", function () { input.value = ""; status.textContent = ""; });
    // When nothing can be stored, offer the download right here, before the learner leaves the page.
    document.addEventListener("app:storage-unavailable", function () {
      if (part.querySelector(".js-note-download")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "app-button app-button--secondary js-note-download";
      button.textContent = "Download my notes";
      button.addEventListener("click", function () { downloadNotes(""); });
      part.appendChild(button);
    });
    var paper = part.parentElement.querySelector(".js-note-paper");
    if (paper) paper.hidden = true;
    part.hidden = false;
  }

  /* The notes, in course order where the "My notes" page knows it, as readable text with a line to load them back. */
  function notesFile(course) {
    var all = notes();
    var order = Array.prototype.map.call(document.querySelectorAll(".js-notes-item"), function (item) {
      return item.getAttribute("data-note-id");
    });
    Object.keys(all).forEach(function (id) { if (order.indexOf(id) < 0) order.push(id); });
    var title = course || (document.querySelector(".md-header__topic .md-ellipsis") || {}).textContent || "";
    var lines = ["My notes from the course" + (title.trim() ? ": " + title.trim() : ""), "Downloaded on " + S.today(), ""];
    order.forEach(function (id) {
      var note = all[id];
      if (!note || !note.text.trim()) return;
      lines.push(note.page, "Question: " + note.q, "My answer:", note.text.trim(), "", "");
    });
    var data = { course: COURSE_ID, version: 1, saved: Date.now(), notes: all };
    lines.push("----------------------------------------",
      "The line below lets the course website load these notes again. Please leave it as it is.",
      FILE_MARKER + JSON.stringify(data), "");
    return lines.join("\r\n");
  }

  function downloadNotes(course) {
    S.download("my-course-notes-" + new Date().toISOString().slice(0, 10) + ".txt", notesFile(course));
  }

  /* The notes in a file, or null if it is not a notes file from this course. */
  function parseFile(text) {
    try {
      var at = text.lastIndexOf(FILE_MARKER);
      var data = JSON.parse(at >= 0 ? text.slice(at + FILE_MARKER.length).split("\n")[0] : text);
      if (!data || data.course !== COURSE_ID || data.version !== 1 || typeof data.notes !== "object" || !data.notes) return null;
      var ok = Object.keys(data.notes).every(function (id) {
        var note = data.notes[id];
        return note && typeof note.text === "string" && typeof note.updated === "number";
      });
      return ok ? data.notes : null;
    } catch (error) {
      return null;
    }
  }

  /* Add the file's notes; where both have a note, keep the newer one. Returns what happened, in words. */
  function merge(fromFile) {
    var all = notes();
    var added = 0, updated = 0, kept = 0;
    Object.keys(fromFile).forEach(function (id) {
      var theirs = fromFile[id], ours = all[id];
      if (!theirs.text.trim() || (ours && ours.text === theirs.text)) return;
      if (!ours || !ours.text.trim()) { all[id] = theirs; added++; }
      else if (theirs.updated > ours.updated) { all[id] = theirs; updated++; }
      else kept++;
    });
    if (added || updated) S.write("notes", all);
    var words = [];
    if (added || updated) words.push("We loaded your notes from the file: " + added + " added and " + updated + " changed to the newer version in the file.");
    else words.push("Nothing has changed: your notes already have everything in the file.");
    if (kept) words.push(kept === 1 ? "One note on this device is newer than the one in the file, so we kept the newer one."
      : kept + " notes on this device are newer than the ones in the file, so we kept the newer ones.");
    return words.join(" ");
  }

  function setUpNotesPage(part) {
    if (!S.available()) S.warn();
    var other = part.querySelector(".js-notes-other");
    var otherList = part.querySelector(".js-notes-other-list");

    function answerText(paragraph, note) {
      var hasText = note && note.text.trim();
      paragraph.textContent = hasText ? note.text.trim() : "You have not written anything here yet.";
      paragraph.classList.toggle("app-notes__answer--empty", !hasText);
      paragraph.hidden = false;
    }

    function show() {
      var all = notes();
      var known = {};
      part.querySelectorAll(".js-notes-item").forEach(function (item) {
        var id = item.getAttribute("data-note-id");
        known[id] = true;
        answerText(item.querySelector(".js-notes-answer"), all[id]);
      });
      otherList.textContent = "";
      Object.keys(all).forEach(function (id) {
        if (known[id] || !all[id].text.trim()) return;
        var item = document.createElement("li");
        item.className = "app-notes__item";
        var question = document.createElement("p");
        question.className = "app-notes__question";
        question.textContent = all[id].page + ": " + all[id].q;
        var answer = document.createElement("p");
        answer.className = "app-notes__answer";
        answerText(answer, all[id]);
        item.append(question, answer);
        otherList.appendChild(item);
      });
      other.hidden = !otherList.children.length;
    }

    document.addEventListener("app:storage-cleared", show);
    document.addEventListener("app:notes-loaded", show);
    show();
  }

  function setUpTools(part) {
    var message = part.querySelector(".js-notes-message");
    var file = part.querySelector(".js-notes-file");
    part.querySelector(".js-notes-download").addEventListener("click", function () {
      downloadNotes(part.getAttribute("data-course"));
    });
    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      var reader = new FileReader();
      reader.onload = function () {
        var fromFile = parseFile(String(reader.result));
        message.textContent = fromFile ? merge(fromFile)
          : "Sorry, we could not load that file. It is not a notes file from this course, or it has been changed or damaged. Your notes have not changed.";
        message.classList.toggle("app-notes-tools__message--problem", !fromFile);
        file.value = "";
        document.dispatchEvent(new CustomEvent("app:notes-loaded"));
      };
      reader.onerror = function () {
        message.textContent = "Sorry, we could not read that file. Your notes have not changed.";
      };
      reader.readAsText(chosen);
    });
    document.addEventListener("app:storage-cleared", function () { message.textContent = ""; });
    part.hidden = false;
  }

  S.modules("app-note").forEach(setUpNote);
  S.modules("app-notes-page").forEach(setUpNotesPage);
  S.modules("app-notes-tools").forEach(setUpTools);
})();
