"""Unit tests for print_packs.packs: which pages go in which pack."""

from __future__ import annotations

from print_packs.packs import PACKS, Part, SourcePage, pages_in_parts

PAGES = [
    SourcePage("index.md", "", "Start", {}, ""),
    SourcePage("modules/01-a.md", "modules/01-a/", "M1", {"module": 1, "session": 1}, ""),
    SourcePage("modules/06-b.md", "modules/06-b/", "M6", {"module": 6, "session": 2}, ""),
    SourcePage("activities/index.md", "activities/", "Activities", {}, ""),
    SourcePage("activities/x.md", "activities/x/", "X", {"session": 1}, ""),
    SourcePage("activities/y.md", "activities/y/", "Y", {"session": 2}, ""),
    SourcePage("trainers/index.md", "trainers/", "Guide", {}, ""),
    SourcePage("glossary.md", "glossary/", "Glossary", {}, ""),
]


def chosen(slug: str) -> list[tuple[str | None, list[str]]]:
    pack = next(pack for pack in PACKS if pack.slug == slug)
    return [(part.title, [page.src_uri for page in pages]) for part, pages in pages_in_parts(pack, PAGES)]


def test_part_matches_by_pattern_session_and_exclusions() -> None:
    part = Part("S1", ("activities/*.md",), session=1, exclude=("activities/index.md",))
    assert [page.src_uri for page in PAGES if part.matches(page)] == ["activities/x.md"]


def test_session_packs_hold_only_their_session() -> None:
    assert chosen("session-1-pack") == [
        ("Session 1: Understanding co-production", ["modules/01-a.md"]),
        ("Activities for session 1", ["activities/x.md"]),
        (None, ["glossary.md"]),
    ]
    assert chosen("session-2-pack")[0] == ("Session 2: Doing co-production", ["modules/06-b.md"])


def test_trainers_guide_has_the_guide_and_every_activity() -> None:
    assert chosen("trainers-guide") == [
        ("Running the course", ["trainers/index.md"]),
        ("Talk notes for session 1", ["modules/01-a.md"]),
        ("Talk notes for session 2", ["modules/06-b.md"]),
        ("Activities", ["activities/index.md", "activities/x.md", "activities/y.md"]),
    ]


def test_only_the_trainers_guide_keeps_trainer_notes() -> None:
    assert [pack.slug for pack in PACKS if pack.for_trainers] == ["trainers-guide"]
    assert {pack.filename for pack in PACKS} == {
        "learners-handbook.pdf", "session-1-pack.pdf", "session-2-pack.pdf", "activity-handouts.pdf", "cards-to-cut-out.pdf", "trainers-guide.pdf"}


def test_trainers_guide_puts_the_guide_and_plans_then_forms_then_guidance() -> None:
    """Whatever the menu order, the trainer's pages come in the order a trainer uses them."""
    menu_order = [SourcePage(f"trainers/{name}.md", f"trainers/{name}/", name, {}, "") for name in (
        "co-delivering", "feedback-form", "session-2-plan", "safeguarding", "a-new-page", "sign-in-sheet", "index",
        "session-1-plan", "certificate-of-attendance")]
    trainers_guide = next(pack for pack in PACKS if pack.slug == "trainers-guide")
    [(_, running)] = [(part, pages) for part, pages in pages_in_parts(trainers_guide, menu_order) if part.title == "Running the course"]
    assert [page.src_uri.removeprefix("trainers/").removesuffix(".md") for page in running] == [
        "index", "session-2-plan", "session-1-plan", "sign-in-sheet", "feedback-form", "certificate-of-attendance",
        "safeguarding", "co-delivering", "a-new-page"]
