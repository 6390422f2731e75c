"""The trainer's kit: the before-and-after form rates, as "I can" statements, each thing the start page promises."""

from __future__ import annotations

import re

from course.course_pages import read_page

_ROW = re.compile(r"^\|\s*(?!-)([^|]+?)\s*\|\s*\|\s*\|\s*$")


def test_before_and_after_has_one_i_can_statement_for_each_thing_the_start_page_promises() -> None:
    promises = [line for line in read_page("index.md").sections().get("What you will be able to do", "").splitlines() if line.startswith("- ")]
    statements = [match.group(1) for match in map(_ROW.match, read_page("trainers/before-and-after.md").body.splitlines()) if match]
    assert promises, "index.md: 'What you will be able to do' should list what people will be able to do, as '- ' bullets"
    assert len(statements) == len(promises), (
        f"trainers/before-and-after.md: the form has {len(statements)} rows to rate, but the start page lists {len(promises)} things")
    not_self_ratings = [statement for statement in statements if not statement.startswith("I can ")]
    assert not not_self_ratings, f"trainers/before-and-after.md: word each row as a self-rating that starts 'I can ': {not_self_ratings}"
