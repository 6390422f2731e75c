"""axe-core on the learner's parts in their opened states (pop-up open, feedback shown, certificate, confirmation), in every colour scheme."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import COLOUR_SCHEMES, context_with_scheme
from every_page_visit import describe_violations, run_axe


def problems(tab, where: str) -> list[str]:
    """One line per axe violation on the page as it is now, with the rules every page gets."""
    return describe_violations(run_axe(tab)["violations"], where, "as opened")


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_learner_parts_when_open_have_no_axe_violations(scheme: str, browser, site_url: str) -> None:
    context = context_with_scheme(browser, scheme)
    tab = context.new_page()
    found: list[str] = []
    try:
        tab.goto(site_url + "modules/01-what-co-production-means/")
        # The first one-answer question, answered wrongly, so the "Not quite" feedback shows too.
        question = tab.locator(".app-quiz").filter(has=tab.locator("input[type=radio]")).first
        question.locator("input.js-quiz-option:not([data-right])").first.check()
        question.get_by_role("button", name="Check my answer").click()
        expect(question.get_by_role("status")).to_contain_text("Not quite")
        tab.get_by_role("button", name="Mark as done").click()
        tab.locator(".admonition.reflect textarea").fill("Some words")
        expect(tab.get_by_text("Saved on this device")).to_be_visible()
        question.locator("summary").click()
        tab.locator("article .js-glossary-link").first.focus()
        expect(tab.get_by_role("tooltip").first).to_be_visible()
        found += problems(tab, f"module 1 ({scheme})")

        tab.goto(site_url + "check/")
        tab.get_by_role("button", name="See my score").click()
        expect(tab.get_by_role("status").filter(has_text="You have answered")).to_be_visible()
        found += problems(tab, f"check ({scheme})")

        tab.goto(site_url + "progress/")
        tab.evaluate("""localStorage.setItem("coproduction-course:v2:check",
            JSON.stringify({score: 13, total: 15, passed: true, date: Date.now()}))""")
        tab.reload()
        tab.get_by_role("textbox", name="Your name").fill("Margaret Jones")
        tab.get_by_role("button", name="Clear my progress and notes").click()
        expect(tab.get_by_role("button", name="Yes, clear everything")).to_be_visible()
        found += problems(tab, f"progress ({scheme})")

        tab.goto(site_url + "notes/")
        tab.get_by_label("Load notes from a file").set_input_files({"name": "x.txt", "mimeType": "text/plain", "buffer": b"not notes"})
        expect(tab.get_by_text("could not load that file")).to_be_visible()
        found += problems(tab, f"notes ({scheme})")
    finally:
        context.close()
    assert not found, "\n".join(found)
