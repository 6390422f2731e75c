/* The learner's data, as plain logic with no page and no storage: cleaning
   what is read back, merging, reading a notes file, and moving data from an
   older shape to the current one. The browser loads it before app-storage.js
   (as window.AppLearnerData); Node loads it for the unit tests in tests/js/.

   Stored data (schema 2), each under "coproduction-course:v2:<name>":
     progress: {done: {pageId: time}, last: {id, title} or null}
     notes:    {noteId: {q: question, page: page title, pageId, text, updated: time}}
     name:     the learner's name, a string
     check:    the end-of-course check's best result, {score, total, passed, date: time}, or null
   Schema 1 ("coproduction-course:v1:<name>") had the same names; its notes had
   no pageId and were keyed by position ("modules/01-x#1"). */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.AppLearnerData = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var COURSE_ID = "coproduction-course";
  var SCHEMA = 2;
  var NAMES = ["progress", "notes", "name", "check"];
  var FILE_MARKER = "COPRODUCTION-COURSE-NOTES ";
  // Limits for a loaded file: far more than a learner writes, small enough to never stall the page.
  var FILE_LIMIT = 2 * 1024 * 1024;
  var MAX_NOTES = 2000;
  var MAX_ID = 300;
  // Keys that would change an object's prototype or shadow its methods (a list, since
  // {"__proto__": true} in an object literal sets the prototype instead of a key).
  var DANGEROUS = ["__proto__", "constructor", "prototype"];
  var isDangerous = function (id) { return DANGEROUS.indexOf(id) >= 0; };
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };

  function key(name, schema) {
    return COURSE_ID + ":v" + (schema || SCHEMA) + ":" + name;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function safeId(id) {
    return typeof id === "string" && id.length > 0 && id.length <= MAX_ID && !isDangerous(id);
  }

  function isTime(value) {
    return typeof value === "number" && isFinite(value) && value >= 0;
  }

  /* A note id's page: "modules/01-x#1" (schema 1) gives "modules/01-x"; a stable id gives "". */
  function legacyPageId(id) {
    var at = id.lastIndexOf("#");
    return at >= 0 && /^\d+$/.test(id.slice(at + 1)) ? id.slice(0, at) : "";
  }

  function isLegacyId(id) {
    return /#\d+$/.test(id);
  }

  function cleanNote(note) {
    if (!isPlainObject(note) || typeof note.text !== "string") return null;
    return {
      q: typeof note.q === "string" ? note.q : "",
      page: typeof note.page === "string" ? note.page : "",
      pageId: typeof note.pageId === "string" ? note.pageId : "",
      text: note.text,
      updated: isTime(note.updated) ? note.updated : 0
    };
  }

  /* Stored notes with every damaged item left out (never thrown on). */
  function cleanNotes(value) {
    var clean = Object.create(null);
    if (!isPlainObject(value)) return clean;
    Object.keys(value).forEach(function (id) {
      var note = safeId(id) ? cleanNote(value[id]) : null;
      if (note) clean[id] = note;
    });
    return clean;
  }

  /* Stored progress with every damaged item left out. */
  function cleanProgress(value) {
    var clean = { done: Object.create(null), last: null };
    if (!isPlainObject(value)) return clean;
    if (isPlainObject(value.done)) {
      Object.keys(value.done).forEach(function (id) {
        if (safeId(id) && isTime(value.done[id])) clean.done[id] = value.done[id];
      });
    }
    var last = value.last;
    if (isPlainObject(last) && typeof last.id === "string" && !isDangerous(last.id)) {
      clean.last = { id: last.id, title: typeof last.title === "string" ? last.title : "" };
    }
    return clean;
  }

  function cleanName(value) {
    return typeof value === "string" ? value : "";
  }

  function isCount(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && Math.floor(value) === value;
  }

  /* A stored check result, or null when there is none or it is damaged. */
  function cleanCheck(value) {
    if (!isPlainObject(value) || !isCount(value.score) || !isCount(value.total) || value.score > value.total ||
        typeof value.passed !== "boolean" || !isTime(value.date)) return null;
    return { score: value.score, total: value.total, passed: value.passed, date: value.date };
  }

  var CLEANERS = { progress: cleanProgress, notes: cleanNotes, name: cleanName, check: cleanCheck };

  /* Whether the options chosen in one question (their numbers) are exactly its right ones. */
  function isRightAnswer(chosen, right) {
    if (chosen.length !== right.length) return false;
    return right.every(function (option) { return chosen.indexOf(option) >= 0; });
  }

  /* The check marked: `answers` is [{chosen: [option numbers], right: [option numbers]}], one a question.
     A learner passes with `passMark` or more right, once every question has an answer. */
  function scoreCheck(answers, passMark) {
    var answered = answers.filter(function (answer) { return answer.chosen.length > 0; }).length;
    var score = answers.filter(function (answer) { return isRightAnswer(answer.chosen, answer.right); }).length;
    return { score: score, total: answers.length, answered: answered, passed: answered === answers.length && score >= passMark };
  }

  /* Which result to keep: a pass is never lost to a later try; otherwise the higher score, and the newer on a tie. */
  function bestCheck(stored, latest) {
    var kept = cleanCheck(stored);
    var fresh = cleanCheck(latest);
    if (!kept || !fresh) return fresh || kept;
    if (kept.passed !== fresh.passed) return kept.passed ? kept : fresh;
    return fresh.score >= kept.score ? fresh : kept;
  }


  /* A stored value (JSON text or null), cleaned; a damaged value reads as empty. */
  function parseStored(name, text) {
    var value = null;
    try {
      value = text ? JSON.parse(text) : null;
    } catch (error) {
      value = null;
    }
    return CLEANERS[name](value);
  }

  /* A schema 1 value in the schema 2 shape: each note knows its page's id. */
  function upgradeFrom1(name, value) {
    var clean = CLEANERS[name](value);
    if (name !== "notes") return clean;
    Object.keys(clean).forEach(function (id) {
      if (!clean[id].pageId) clean[id].pageId = legacyPageId(id);
    });
    return clean;
  }

  /* Two notes collections item by item: where both have a note, the later one wins. */
  function mergeNotes(ours, theirs) {
    var merged = cleanNotes(ours);
    var incoming = cleanNotes(theirs);
    Object.keys(incoming).forEach(function (id) {
      if (!merged[id] || incoming[id].updated > merged[id].updated) merged[id] = incoming[id];
    });
    return merged;
  }

  /* Two progress values item by item: a page done in either is done (the earlier time is kept). */
  function mergeProgress(ours, theirs) {
    var merged = cleanProgress(ours);
    var incoming = cleanProgress(theirs);
    Object.keys(incoming.done).forEach(function (id) {
      if (!merged.done[id] || incoming.done[id] < merged.done[id]) merged.done[id] = incoming.done[id];
    });
    merged.last = merged.last || incoming.last;
    return merged;
  }

  /* Schema 1 data moved to schema 2 keys. `stored` maps each key to its text (or null).
     Returns {key: text} to write, and the old keys that may be removed once those are written.
     Running it again changes nothing: what is already in schema 2 wins item by item where newer. */
  function migrate(stored) {
    var writes = {};
    var oldKeys = [];
    NAMES.forEach(function (name) {
      var oldText = stored[key(name, 1)];
      if (oldText === null || oldText === undefined) return;
      oldKeys.push(key(name, 1));
      var old = null;
      try {
        old = JSON.parse(oldText);
      } catch (error) {
        return; // A damaged old value is left where it is, not copied and not removed.
      }
      var upgraded = upgradeFrom1(name, old);
      var currentText = stored[key(name)];
      var merged = upgraded;
      if (currentText) {
        var current = parseStored(name, currentText);
        if (name === "notes") merged = mergeNotes(upgraded, current);
        else if (name === "progress") merged = mergeProgress(current, upgraded);
        else merged = current || upgraded;
      }
      writes[key(name)] = JSON.stringify(merged);
    });
    return { writes: writes, oldKeys: oldKeys.filter(function (oldKey) {
      var name = oldKey.split(":").pop();
      return has(writes, key(name));
    }) };
  }

  function normalise(text) {
    return String(text || "").replace(/\s+/g, " ").trim().toLowerCase();
  }

  /* Notes stored under a position ("page#2") moved to the stable id of the question they answer.
     `questions` are the ones this page knows: [{id, q, pageId, page}]. A note moves only when its
     question's words and its page both match; anything else stays where it is (shown as "Other notes").
     Returns {notes, moved}. */
  function migrateNoteIds(notes, questions) {
    var result = cleanNotes(notes);
    var moved = 0;
    Object.keys(result).forEach(function (oldId) {
      if (!isLegacyId(oldId)) return;
      var note = result[oldId];
      var notePage = note.pageId || legacyPageId(oldId);
      var match = questions.filter(function (question) {
        return safeId(question.id) && normalise(question.q) === normalise(note.q) &&
          ((notePage && question.pageId === notePage) || (note.page && normalise(question.page) === normalise(note.page)));
      })[0];
      if (!match) return;
      var there = result[match.id];
      if (there && there.text !== note.text && there.text.trim()) return; // Two different answers: keep both.
      if (!there || note.updated >= there.updated || !there.text.trim()) {
        result[match.id] = { q: note.q, page: note.page, pageId: match.pageId || notePage, text: note.text, updated: note.updated };
      }
      delete result[oldId];
      moved++;
    });
    return { notes: result, moved: moved };
  }

  /* The notes in a downloaded file: {notes} or {error: words for the learner}. Nothing is changed here. */
  function parseNotesFile(text) {
    var damaged = "It is not a notes file from this course, or it has been changed or damaged.";
    if (typeof text !== "string") return { error: damaged };
    if (text.length > FILE_LIMIT) {
      return { error: "The file is too big to be a notes file from this course (the limit is 2 MB)." };
    }
    var data;
    try {
      var at = text.lastIndexOf(FILE_MARKER);
      data = JSON.parse(at >= 0 ? text.slice(at + FILE_MARKER.length).split("\n")[0] : text);
    } catch (error) {
      return { error: damaged };
    }
    if (!isPlainObject(data) || data.course !== COURSE_ID || data.version !== 1 || !isPlainObject(data.notes)) {
      return { error: damaged };
    }
    var ids = Object.keys(data.notes);
    if (ids.length > MAX_NOTES) return { error: "The file has more notes than this course has questions, so it may be damaged." };
    var notes = Object.create(null);
    for (var index = 0; index < ids.length; index++) {
      var id = ids[index], note = data.notes[id];
      if (!safeId(id)) return { error: "One of the notes in the file has a name we cannot use, so the file may have been changed." };
      if (!isPlainObject(note) || typeof note.text !== "string" || !isTime(note.updated) ||
          typeof note.q !== "string" || typeof note.page !== "string" ||
          (has(note, "pageId") && typeof note.pageId !== "string")) {
        return { error: damaged };
      }
      notes[id] = cleanNote(note);
    }
    return { notes: notes };
  }

  /* The file's notes added to ours; where both have one, the newer is kept. */
  function mergeFile(ours, fromFile) {
    var all = cleanNotes(ours);
    var added = 0, updated = 0, kept = 0;
    Object.keys(fromFile).forEach(function (id) {
      var theirs = fromFile[id], mine = all[id];
      if (!theirs.text.trim() || (mine && mine.text === theirs.text)) return;
      if (!mine || !mine.text.trim()) { all[id] = theirs; added++; }
      else if (theirs.updated > mine.updated) { all[id] = theirs; updated++; }
      else kept++;
    });
    return { notes: all, added: added, updated: updated, kept: kept };
  }

  /* The line at the end of a notes file that lets the course load it again. */
  function fileLine(notes, now) {
    return FILE_MARKER + JSON.stringify({ course: COURSE_ID, version: 1, saved: now, notes: cleanNotes(notes) });
  }

  return {
    COURSE_ID: COURSE_ID, SCHEMA: SCHEMA, NAMES: NAMES, FILE_MARKER: FILE_MARKER, FILE_LIMIT: FILE_LIMIT,
    key: key, parseStored: parseStored, cleanNotes: cleanNotes, cleanProgress: cleanProgress, cleanName: cleanName,
    cleanCheck: cleanCheck, isRightAnswer: isRightAnswer, scoreCheck: scoreCheck, bestCheck: bestCheck,
    mergeNotes: mergeNotes, mergeProgress: mergeProgress, migrate: migrate, migrateNoteIds: migrateNoteIds,
    isLegacyId: isLegacyId, parseNotesFile: parseNotesFile, mergeFile: mergeFile, fileLine: fileLine
  };
});
