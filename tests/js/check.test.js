// Unit tests for the end-of-course check's marking in app-learner-data.js: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const D = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "app-learner-data.js"));

const right = (count) => Array.from({ length: count }, () => ({ chosen: [2], right: [2] }));
const wrong = (count) => Array.from({ length: count }, () => ({ chosen: [1], right: [2] }));
const unanswered = (count) => Array.from({ length: count }, () => ({ chosen: [], right: [2] }));
const result = (score, passed, date, total = 15) => ({ score, total, passed, date });

test("an answer is right only when exactly the right options are chosen", () => {
  assert.equal(D.isRightAnswer([3], [3]), true);
  assert.equal(D.isRightAnswer([1, 3], [3, 1]), true);
  assert.equal(D.isRightAnswer([1], [1, 3]), false, "one of two right answers is not enough");
  assert.equal(D.isRightAnswer([1, 2, 3], [1, 3]), false, "a wrong option chosen as well is not right");
  assert.equal(D.isRightAnswer([], [1]), false);
});

test("12 of 15 right passes; 11 does not", () => {
  assert.deepEqual(D.scoreCheck([...right(12), ...wrong(3)], 12), { score: 12, total: 15, answered: 15, passed: true });
  assert.deepEqual(D.scoreCheck([...right(11), ...wrong(4)], 12), { score: 11, total: 15, answered: 15, passed: false });
  assert.deepEqual(D.scoreCheck(right(15), 12), { score: 15, total: 15, answered: 15, passed: true });
});

test("the check is not passed until every question has an answer", () => {
  assert.deepEqual(D.scoreCheck([...right(13), ...unanswered(2)], 12), { score: 13, total: 15, answered: 13, passed: false });
});

test("a pass is kept when a later try fails", () => {
  const passed = result(13, true, 100);
  assert.deepEqual(D.bestCheck(passed, result(8, false, 200)), passed);
  assert.deepEqual(D.bestCheck(result(8, false, 100), passed), passed);
});

test("between two passes or two fails, the higher score is kept, and the newer on a tie", () => {
  assert.deepEqual(D.bestCheck(result(14, true, 100), result(12, true, 200)), result(14, true, 100));
  assert.deepEqual(D.bestCheck(result(12, true, 100), result(12, true, 200)), result(12, true, 200));
  assert.deepEqual(D.bestCheck(result(9, false, 100), result(10, false, 200)), result(10, false, 200));
  assert.deepEqual(D.bestCheck(null, result(10, false, 200)), result(10, false, 200));
});

test("a damaged stored result reads as none", () => {
  assert.equal(D.parseStored("check", "{not json"), null);
  assert.equal(D.parseStored("check", JSON.stringify({ score: 16, total: 15, passed: true, date: 1 })), null);
  assert.equal(D.parseStored("check", JSON.stringify({ score: 12, total: 15, passed: "yes", date: 1 })), null);
  assert.equal(D.parseStored("check", JSON.stringify({ score: 1.5, total: 15, passed: false, date: 1 })), null);
  assert.deepEqual(D.parseStored("check", JSON.stringify(result(12, true, 5))), result(12, true, 5));
});

test("the check's result is one of the names cleared and moved with the rest", () => {
  assert.ok(D.NAMES.includes("check"));
  assert.equal(D.key("check"), "coproduction-course:v2:check");
});
