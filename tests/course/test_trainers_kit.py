"""The trainer's kit: the before-and-after form rates, as "I can" statements, each thing the start page promises."""

from __future__ import annotations

import re

from course.course_pages import PROJECT_DIR, read_page
from learner.questions import read_pages

_ROW = re.compile(r"^\|\s*(?!-)([^|]+?)\s*\|\s*\|\s*\|\s*$")


def test_before_and_after_has_one_i_can_statement_for_each_thing_the_start_page_promises() -> None:
    promises = [line for line in read_page("index.md").sections().get("What you will be able to do", "").splitlines() if line.startswith("- ")]
    statements = [match.group(1) for match in map(_ROW.match, read_page("trainers/before-and-after.md").body.splitlines()) if match]
    assert promises, "index.md: 'What you will be able to do' should list what people will be able to do, as '- ' bullets"
    assert len(statements) == len(promises), (
        f"trainers/before-and-after.md: the form has {len(statements)} rows to rate, but the start page lists {len(promises)} things")
    not_self_ratings = [statement for statement in statements if not statement.startswith("I can ")]
    assert not not_self_ratings, f"trainers/before-and-after.md: word each row as a self-rating that starts 'I can ': {not_self_ratings}"


_NAMED_QUESTION = re.compile(r"\[Module (?P<number>\d+)\]\((?P<path>\.\./modules/[^)#]+)#check-your-understanding\): the question that starts \"(?P<start>[^\"]+)\"")


def test_questions_in_the_room_name_questions_their_modules_really_have() -> None:
    """The trainer reads each named question aloud: a module rewrite that drops it must fail here, naming it."""
    named = list(_NAMED_QUESTION.finditer(read_page("trainers/questions-in-the-room.md").body))
    assert len(named) >= 6, "trainers/questions-in-the-room.md: name three questions for each session"
    titles = {page.src_path: [question.title_text for question in page.questions]
              for page in read_pages(PROJECT_DIR / "mkdocs.yml", ["modules"])}
    missing = [match.group("start") for match in named
               if not any(title.startswith(match.group("start")) for title in titles[match.group("path").removeprefix("../")])]
    assert missing == [], f"trainers/questions-in-the-room.md names questions its modules no longer have: {missing}"
