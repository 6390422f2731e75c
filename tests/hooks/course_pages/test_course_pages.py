"""The one menu order and the one collected page list the packs and e-books share (hooks/course_pages/)."""

from __future__ import annotations

import datetime as dt

import pytest

from course_pages import CollectedPages, in_menu_order
from organisation.settings import organisation_name
from print_packs.assemble import Cover, pack_cover
from print_packs.packs import SourcePage


def test_pages_follow_the_menu_and_pages_left_out_of_it_come_after_a_to_z() -> None:
    assert in_menu_order(["z.md", "b.md", "a.md", "y.md"], ["b.md", "a.md"]) == ["b.md", "a.md", "y.md", "z.md"]


def test_collected_pages_come_out_in_menu_order_and_are_forgotten_between_builds() -> None:
    collected = CollectedPages()
    collected.menu[:] = ["index.md", "modules/one.md"]
    for uri in ("forms/new.md", "modules/one.md", "index.md"):
        collected.pages[uri] = SourcePage(uri, uri, uri, {}, "")
    collected.cover = Cover("Course", "Org", "1.0", "1 January 2026")
    assert [page.src_uri for page in collected.in_order()] == ["index.md", "modules/one.md", "forms/new.md"]
    collected.skipped = False
    collected.clear()
    assert (collected.menu, collected.pages, collected.cover, collected.skipped) == ([], {}, None, True)


@pytest.mark.parametrize(("extra", "name"), [
    ({"organisation": {"name": "  Fernhill Trust "}}, "Fernhill Trust"),
    ({"organisation": {"name": 5}}, ""),
    ({"organisation": None}, ""),
    ({}, ""),
])
def test_the_organisations_name_is_read_in_one_place(extra: dict, name: str) -> None:
    assert organisation_name(extra) == name


def test_the_cover_uses_the_course_name_without_an_organisation_and_the_fixed_build_date() -> None:
    cover = pack_cover(course="Co-production", organisation="", version=2, epoch="1767225600", today=dt.date(2030, 5, 5))
    assert cover == Cover("Co-production", "Co-production", "2", "1 January 2026")


@pytest.mark.parametrize("version", [True, None, " ", ["1"]])
def test_a_cover_with_a_wrong_version_names_the_setting(version) -> None:
    with pytest.raises(ValueError, match=r"^extra\.course_version should be a version such as \"1\.0\""):
        pack_cover(course="C", organisation="O", version=version, epoch=None, today=dt.date(2030, 5, 5))
