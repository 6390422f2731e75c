// Unit tests for the status rules in overrides/assets/javascripts/app-scorm.js: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const Scorm = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "app-scorm.js"));

const MODULES = ["modules/01-a", "modules/02-b"];

test("incomplete until every module is done, then completed", () => {
  assert.deepEqual(Scorm.lmsValues({ done: {} }, null, MODULES), { status: "incomplete", score: null });
  assert.deepEqual(Scorm.lmsValues({ done: { "modules/01-a": 1 } }, null, MODULES), { status: "incomplete", score: null });
  assert.deepEqual(Scorm.lmsValues({ done: { "modules/01-a": 1, "modules/02-b": 2, "activities/x": 3 } }, null, MODULES),
    { status: "completed", score: null });
  assert.deepEqual(Scorm.lmsValues(null, null, MODULES), { status: "incomplete", score: null });
});

test("the check's result gives passed or failed with the score in per cent", () => {
  assert.deepEqual(Scorm.lmsValues({ done: {} }, { score: 8, total: 10, passed: true }, MODULES), { status: "passed", score: 80 });
  assert.deepEqual(Scorm.lmsValues({ done: {} }, { score: 2, total: 3, passed: false }, MODULES), { status: "failed", score: 67 });
});

test("a damaged check result is ignored", () => {
  for (const check of [{ score: 11, total: 10, passed: true }, { score: 1, total: 0, passed: true }, { score: "8", total: 10, passed: true },
    { score: 8, total: 10 }, "passed", []]) {
    assert.equal(Scorm.lmsValues({ done: {} }, check, MODULES).status, "incomplete", JSON.stringify(check));
  }
});

test("never takes back what the LMS has recorded", () => {
  assert.equal(Scorm.nextStatus("not attempted", "incomplete"), "incomplete");
  assert.equal(Scorm.nextStatus("", "incomplete"), "incomplete");
  assert.equal(Scorm.nextStatus("incomplete", "completed"), "completed");
  assert.equal(Scorm.nextStatus("completed", "incomplete"), null);
  assert.equal(Scorm.nextStatus("passed", "completed"), null);
  assert.equal(Scorm.nextStatus("completed", "passed"), "passed");
  assert.equal(Scorm.nextStatus("failed", "passed"), "passed");
  assert.equal(Scorm.nextStatus("passed", "passed"), null);
});
