/* Reflection notes: the "Think about it" boxes save what the learner types as
   they type; the "My notes" page shows every answer under its question, and
   can download the notes as a plain text file and load them again. Stored as
   "notes": {noteId: {q: question, page: page title, pageId, text, updated: time}},
   keyed by the id the author gave the box (`note-...`, hooks/learner_pages.py).
   Notes kept by an older course under their box's position ("page#2") are moved
   to their question's id when the question's words and page match; any that do
   not match are kept and shown under "Other notes". */
(function () {
  "use strict";
  var S = window.AppStorage;
  var D = window.AppLearnerData;
  if (!S || !D) return;

  function notes() {
    return S.read("notes");
  }

  /* The questions this page knows (a "Think about it" box, or every question on "My notes"). */
  function knownQuestions() {
    return Array.prototype.map.call(document.querySelectorAll(".js-note-question"), function (part) {
      return {
        id: part.getAttribute("data-note-id"), q: part.getAttribute("data-note-question") || "",
        pageId: part.getAttribute("data-page-id") || "", page: part.getAttribute("data-page-title") || ""
      };
    });
  }

  /* Move notes kept under a box's position to the stable id of the question they answer. */
  function moveOldNotes() {
    var questions = knownQuestions();
    var stored = notes();
    if (!questions.length || !Object.keys(stored).some(D.isLegacyId)) return;
    S.update("notes", function (current) { return D.migrateNoteIds(current, questions).notes; }, true);
  }

  function setUpNote(part) {
    var id = part.getAttribute("data-note-id");
    var input = part.querySelector(".js-note-input");
    var status = part.querySelector(".js-note-status");
    var timer = null;

    function show() {
      var saved = notes()[id];
      input.value = saved ? saved.text : "";
    }

    function save() {
      clearTimeout(timer);
      timer = null;
      var note = { q: part.getAttribute("data-note-question"), page: part.getAttribute("data-page-title"),
        pageId: part.getAttribute("data-page-id") || "", text: input.value, updated: Date.now() };
      // Only this note is changed: the learner's other notes, perhaps written in another tab, stay as they are.
      var saved = S.update("notes", function (all) { all[id] = note; });
      var time = new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
      status.textContent = saved ? "Saved on this device at " + time + "." : "Not saved: this browser cannot keep notes.";
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, 600);
    });
    input.addEventListener("blur", function () { if (timer) save(); });
    window.addEventListener("pagehide", function () { if (timer) save(); });
    document.addEventListener("app:storage-cleared", function () { input.value = ""; status.textContent = ""; });
    // Another tab changed the notes: show its words, unless the learner is typing here.
    document.addEventListener("app:storage-changed", function (event) {
      if (event.detail.name === "notes" && document.activeElement !== input && !timer) show();
    });
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
    show();
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
    lines.push("----------------------------------------",
      "The line below lets the course website load these notes again. Please leave it as it is.",
      D.fileLine(all, Date.now()), "");
    return lines.join("\r\n");
  }

  function downloadNotes(course) {
    S.download("my-course-notes-" + new Date().toISOString().slice(0, 10) + ".txt", notesFile(course));
  }

  /* Add the file's notes; where both have a note, keep the newer one. Returns what happened, in words. */
  function merge(fromFile) {
    var result = null;
    S.update("notes", function (current) {
      result = D.mergeFile(current, fromFile);
      return result.notes;
    });
    var added = result.added, updated = result.updated, kept = result.kept;
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
      var known = Object.create(null);
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
        question.textContent = (all[id].page ? all[id].page + ": " : "") + all[id].q;
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
    document.addEventListener("app:storage-changed", function (event) {
      if (event.detail.name === "notes") show();
    });
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
      if (chosen.size > D.FILE_LIMIT) {
        message.textContent = "Sorry, we could not load that file. It is too big to be a notes file from this course " +
          "(the limit is 2 MB). Your notes have not changed.";
        message.classList.add("app-notes-tools__message--problem");
        file.value = "";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var fromFile = D.parseNotesFile(String(reader.result));
        message.textContent = fromFile.notes ? merge(fromFile.notes)
          : "Sorry, we could not load that file. " + fromFile.error + " Your notes have not changed.";
        message.classList.toggle("app-notes-tools__message--problem", !fromFile.notes);
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

  try {
    moveOldNotes();
  } catch (error) {
    window.setTimeout(function () { throw error; });
  }
  S.start("app-note", setUpNote);
  S.start("app-notes-page", setUpNotesPage);
  S.start("app-notes-tools", setUpTools);
})();
