"""Unit tests for slides.content: a plan's rows become talk, activity, question and break slides."""

from __future__ import annotations

import pytest

from print_packs.packs import SourcePage
from slides.content import SlidesError, session_deck

PLAN = """<h1>Session 1 plan: Testing</h1><table><thead><tr><th>Start</th><th>Minutes</th><th>What happens</th>
<th>Module</th><th>Activity</th></tr></thead><tbody>
<tr><td>10:00</td><td>5</td><td>Welcome. Say hello. Vote: see <a href="../questions-in-the-room/">Questions</a>.</td><td>—</td><td>—</td></tr>
<tr><td>10:05</td><td>5</td><td>Short talk: <a href="../../modules/01-a/">A</a>.</td><td>1</td><td>—</td></tr>
<tr><td>10:10</td><td>20</td><td>Groups do it.</td><td>1</td><td><a href="../../activities/x/">X</a></td></tr>
<tr><td>10:30</td><td>15</td><td>Break, with drinks</td><td>—</td><td>—</td></tr>
<tr><td>10:45</td><td>10</td><td>Spare time.</td><td>—</td><td>—</td></tr>
</tbody></table>"""
MODULE = """<h1>What A means</h1><h2 id="the-table">The table</h2><table><thead><tr><th>Way</th><th>Who</th></tr></thead>
<tbody><tr><td>Asking</td><td>Them</td></tr></tbody></table>
<div class="admonition trainer"><p class="admonition-title">Talk notes for the trainer</p><p><strong>Time:</strong> 5 minutes.</p>
<p><strong>Points to make:</strong></p><ol><li>Point one.</li></ol>
<p><strong>What to show:</strong> the <a href="#the-table">table</a>.</p><p><strong>Ask the room:</strong> "Who asks?"</p></div>
<div class="admonition question"><p class="admonition-title">Tom asks a thing. What is it?</p>
<ul class="task-list"><li><input type="checkbox" checked> Yes</li><li><input type="checkbox"> No</li></ul>
<p>Why: because.</p></div>"""
ACTIVITY = """<h1>X</h1><h2>Step by step</h2><ol><li>Do one.</li><li>Do two.</li></ol>
<h2>Questions for the debrief</h2><ol><li>How was it?</li></ol>
<div class="admonition trainer"><p class="admonition-title">Notes for the trainer</p><p>Watch the time.</p></div>"""
QUESTIONS = """<h1>Questions in the room</h1><h3>Session 1, at the close</h3><ul>
<li><a href="../../modules/01-a/#check-your-understanding">Module 1</a>: the question that starts "Tom asks". It asks.</li></ul>"""


def pages(module: str = MODULE) -> list[SourcePage]:
    return [
        SourcePage("trainers/session-1-plan.md", "trainers/session-1-plan/", "Plan",
                   {"session": 1, "start": "10:00", "finish": "10:55"}, PLAN),
        SourcePage("modules/01-a.md", "modules/01-a/", "A", {"module": 1, "session": 1}, module),
        SourcePage("activities/x.md", "activities/x/", "X", {"session": 1}, ACTIVITY),
        SourcePage("trainers/questions-in-the-room.md", "trainers/questions-in-the-room/", "Q", {}, QUESTIONS),
    ]


def test_the_plan_rows_become_slides_in_order() -> None:
    deck = session_deck(pages()[0], pages(), "Test Trust")
    titles = [slide.title for slide in deck.slides]
    assert titles == [
        "Session 1: Testing", "Welcome", "Question 1 of 1", "Question 1 of 1: hold up your letter",
        "Module 1: What A means", "The table", "Module 1: What A means: ask the room",
        "Activity: X", "Activity: X: questions to talk about", "Break: back at 10:45", "Thank you"]
    table = deck.slides[5].table
    assert table.header == ("Way", "Who") and table.rows == (("Asking", "Them"),)
    assert "Point one." in deck.slides[4].lines and "Points to make" in deck.slides[4].notes
    assert deck.slides[3].lines == ("A. Yes", "B. No") and deck.slides[3].notes.startswith("Right: A. Yes")
    assert deck.slides[7].lines == ("20 minutes.", "1. Do one.", "2. Do two.") and deck.slides[7].notes.endswith("Watch the time.")
    assert "Test Trust" in deck.slides[0].lines


def test_a_what_to_show_link_to_no_heading_stops_the_build() -> None:
    with pytest.raises(SlidesError, match="modules/01-a.md"):
        session_deck(pages()[0], pages(MODULE.replace('href="#the-table"', 'href="#gone"')), "Test Trust")


def test_a_named_question_the_module_lacks_stops_the_build() -> None:
    with pytest.raises(SlidesError, match="questions-in-the-room.md"):
        session_deck(pages()[0], pages(MODULE.replace("Tom asks", "Sue asks")), "Test Trust")
