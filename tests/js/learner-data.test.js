// Unit tests for overrides/assets/javascripts/app-learner-data.js, with Node's own runner: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const D = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "app-learner-data.js"));

const plain = (value) => JSON.parse(JSON.stringify(value));
const note = (text, updated, extra = {}) => ({ q: "Question?", page: "Module 1", text, updated, ...extra });
const fileText = (notes, extra = {}) =>
  "My notes\r\n" + D.FILE_MARKER + JSON.stringify({ course: "coproduction-course", version: 1, saved: 1, notes, ...extra }) + "\r\n";

test("keys carry the schema version", () => {
  assert.equal(D.key("notes"), "coproduction-course:v2:notes");
  assert.equal(D.key("notes", 1), "coproduction-course:v1:notes");
});

test("stored notes: damaged items are left out, never thrown on", () => {
  const text = JSON.stringify({ x: null, y: 3, z: { text: 5 }, good: note("Kept", 10), list: [1], constructor: note("no", 1) });
  const notes = D.parseStored("notes", text);
  assert.deepEqual(Object.keys(notes), ["good"]);
  assert.equal(notes.good.text, "Kept");
  assert.equal(Object.getPrototypeOf(notes), null, "no prototype, so ids such as 'toString' are just ids");
});

test("stored notes: missing or wrongly typed fields become empty, not errors", () => {
  const notes = D.parseStored("notes", JSON.stringify({ a: { text: "Words", q: 7, page: null, updated: "yesterday" } }));
  assert.deepEqual(plain(notes.a), { q: "", page: "", pageId: "", text: "Words", updated: 0 });
});

test("stored values that are not JSON read as empty", () => {
  assert.deepEqual(plain(D.parseStored("notes", "{not json")), {});
  assert.deepEqual(plain(D.parseStored("progress", "[1,2]")), { done: {}, last: null });
  assert.equal(D.parseStored("name", "42"), "");
  assert.equal(D.parseStored("name", '"Margaret"'), "Margaret");
});

test("stored progress keeps only times for page ids", () => {
  const progress = D.parseStored("progress", JSON.stringify({
    done: { "modules/01-x": 5, "modules/02-x": "yes", __proto__: 3 }, last: { id: "modules/01-x", title: 9 },
  }));
  assert.deepEqual(plain(progress), { done: { "modules/01-x": 5 }, last: { id: "modules/01-x", title: "" } });
});

test("merging notes: the later write of each item wins, nothing else is touched", () => {
  const ours = { a: note("ours a", 20), b: note("ours b", 5) };
  const theirs = { b: note("theirs b", 10), c: note("theirs c", 1) };
  const merged = D.mergeNotes(ours, theirs);
  assert.deepEqual(Object.keys(merged).sort(), ["a", "b", "c"]);
  assert.equal(merged.a.text, "ours a");
  assert.equal(merged.b.text, "theirs b");
  assert.equal(merged.c.text, "theirs c");
});

test("merging progress: a page done in either is done", () => {
  const merged = D.mergeProgress({ done: { one: 5 } }, { done: { two: 7, one: 3 }, last: { id: "two", title: "Two" } });
  assert.deepEqual(plain(merged.done), { one: 3, two: 7 });
  assert.deepEqual(merged.last, { id: "two", title: "Two" });
});

test("migration v1 -> v2 moves each value and gives old notes their page id", () => {
  const stored = {
    "coproduction-course:v1:progress": JSON.stringify({ done: { "modules/01-x": 5 }, last: null }),
    "coproduction-course:v1:notes": JSON.stringify({ "modules/01-x#1": note("Old words", 4) }),
    "coproduction-course:v1:name": JSON.stringify("Margaret"),
  };
  const plan = D.migrate(stored);
  assert.deepEqual(JSON.parse(plan.writes["coproduction-course:v2:progress"]), { done: { "modules/01-x": 5 }, last: null });
  const notes = JSON.parse(plan.writes["coproduction-course:v2:notes"]);
  assert.equal(notes["modules/01-x#1"].pageId, "modules/01-x");
  assert.equal(notes["modules/01-x#1"].text, "Old words");
  assert.equal(JSON.parse(plan.writes["coproduction-course:v2:name"]), "Margaret");
  assert.deepEqual(plan.oldKeys.sort(), ["coproduction-course:v1:name", "coproduction-course:v1:notes", "coproduction-course:v1:progress"]);
});

test("migration runs once: with nothing old left it plans nothing, and running it twice gives the same", () => {
  const stored = { "coproduction-course:v1:notes": JSON.stringify({ "p#1": note("Old", 4) }) };
  const first = D.migrate(stored);
  const after = { ...first.writes };  // the old keys are removed once the new ones are written
  assert.deepEqual(D.migrate(after), { writes: {}, oldKeys: [] });
  // Interrupted before the old keys were removed: running again gives the same data.
  const again = D.migrate({ ...stored, ...first.writes });
  assert.deepEqual(JSON.parse(again.writes["coproduction-course:v2:notes"]), JSON.parse(first.writes["coproduction-course:v2:notes"]));
});

test("migration keeps newer v2 notes and never loses old ones", () => {
  const stored = {
    "coproduction-course:v1:notes": JSON.stringify({ "p#1": note("Old", 4), "p#2": note("Only old", 4) }),
    "coproduction-course:v2:notes": JSON.stringify({ "p#1": note("Newer", 9) }),
  };
  const notes = JSON.parse(D.migrate(stored).writes["coproduction-course:v2:notes"]);
  assert.equal(notes["p#1"].text, "Newer");
  assert.equal(notes["p#2"].text, "Only old");
});

test("migration leaves a damaged old value in place rather than removing it", () => {
  const plan = D.migrate({ "coproduction-course:v1:notes": "{broken" });
  assert.deepEqual(plan, { writes: {}, oldKeys: [] });
});

const QUESTIONS = [
  { id: "first-time-asked", q: "Think of a time you were asked for your views.", pageId: "modules/01-x", page: "Module 1" },
  { id: "new-question", q: "A question added above the old one?", pageId: "modules/01-x", page: "Module 1" },
];

test("old position ids move to the stable id of the question with the same words and page", () => {
  const old = { "modules/01-x#1": note("My answer", 4, { q: "Think of a time  you were asked for your views.", page: "Module 1" }) };
  const { notes, moved } = D.migrateNoteIds(old, QUESTIONS);
  assert.equal(moved, 1);
  assert.deepEqual(Object.keys(notes), ["first-time-asked"]);
  assert.equal(notes["first-time-asked"].text, "My answer");
  assert.equal(notes["first-time-asked"].pageId, "modules/01-x");
});

test("old notes that match no question are kept where they are", () => {
  const old = {
    "modules/01-x#2": note("Gone question", 4, { q: "A question the course no longer asks?" }),
    "modules/09-y#1": note("Same words, other page", 4, { q: QUESTIONS[0].q, page: "Module 9" }),
  };
  const { notes, moved } = D.migrateNoteIds(old, QUESTIONS);
  assert.equal(moved, 0);
  assert.deepEqual(Object.keys(notes).sort(), ["modules/01-x#2", "modules/09-y#1"]);
});

test("an old note never overwrites a different answer already under the stable id", () => {
  const stored = { "first-time-asked": note("Newer answer", 9), "modules/01-x#1": note("Old answer", 4, { q: QUESTIONS[0].q }) };
  const { notes } = D.migrateNoteIds(stored, QUESTIONS);
  assert.equal(notes["first-time-asked"].text, "Newer answer");
  assert.equal(notes["modules/01-x#1"].text, "Old answer", "kept, to show under Other notes");
  // Run again: nothing changes.
  assert.deepEqual(plain(D.migrateNoteIds(notes, QUESTIONS).notes), plain(notes));
});

test("a notes file round-trips", () => {
  const parsed = D.parseNotesFile("My notes\r\n" + D.fileLine({ a: note("Words", 3) }, 1) + "\r\n");
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.notes.a.text, "Words");
});

for (const [name, text] of [
  ["not a notes file", "just some words"],
  ["broken JSON", D.FILE_MARKER + "{not json"],
  ["another course", JSON.stringify({ course: "another", version: 1, notes: {} })],
  ["notes as a list", fileText([note("x", 1)])],
  ["a note that is null", fileText({ a: null })],
  ["a question that is a number", fileText({ a: note("x", 1, { q: 5 }) })],
  ["a page that is missing", fileText({ a: { q: "Q", text: "x", updated: 1 } })],
  ["a time that is text", fileText({ a: note("x", "today") })],
  ["a page id that is a number", fileText({ a: note("x", 1, { pageId: 3 }) })],
]) {
  test(`a notes file with ${name} is refused in plain words`, () => {
    const parsed = D.parseNotesFile(text);
    assert.equal(parsed.notes, undefined);
    assert.match(parsed.error, /^[A-Z].*\.$/);
  });
}

for (const id of ["__proto__", "constructor", "prototype"]) {
  test(`a notes file with the id ${id} is refused, not thrown on`, () => {
    // Written by hand, as JSON.stringify of an object literal would not keep a "__proto__" key.
    const text = D.FILE_MARKER + `{"course":"coproduction-course","version":1,"notes":{"${id}":{"q":"Q","page":"P","text":"x","updated":1}}}`;
    const parsed = D.parseNotesFile(text);
    assert.equal(parsed.notes, undefined);
    assert.match(parsed.error, /name we cannot use/);
    assert.equal({}.polluted, undefined);
  });
}

test("a notes file over the size limit is refused before it is read", () => {
  const parsed = D.parseNotesFile("x".repeat(D.FILE_LIMIT + 1));
  assert.match(parsed.error, /too big/);
});

test("loading a file keeps the newer note of each pair and counts what happened", () => {
  const ours = { a: note("Mine, newer", 20), b: note("Mine, older", 5), same: note("Same", 1) };
  const fromFile = D.parseNotesFile(fileText({ a: note("File, older", 10), b: note("File, newer", 9), c: note("New", 1), same: note("Same", 3) })).notes;
  const result = D.mergeFile(ours, fromFile);
  assert.deepEqual([result.added, result.updated, result.kept], [1, 1, 1]);
  assert.equal(result.notes.a.text, "Mine, newer");
  assert.equal(result.notes.b.text, "File, newer");
  assert.equal(result.notes.c.text, "New");
});
