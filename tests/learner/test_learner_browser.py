"""Learning on your own, in real Chromium: progress, questions, notes, pop-ups, listening, certificate, and no JavaScript."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import PROJECT_DIR, page_url
from readability.glossary import load_glossary

MODULE_1 = "modules/01-what-co-production-means/"
PROGRESS = "progress/"
NOTES = "notes/"
SAVED = re.compile(r"Saved on this device")
# Makes every use of localStorage fail, as in a browser that blocks storage.
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {configurable: true, get() { throw new DOMException("blocked", "SecurityError"); }});
"""


@pytest.fixture
def context(browser):
    """A fresh browser profile (nothing stored), at a desktop size."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def tab(context):
    """A tab that fails the test on any script error."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    # Material's search cannot load its index from file:// (the offline copy brings its own fix).
    errors = [error for error in errors if "search_index" not in error]
    assert not errors, f"script errors: {errors}"


@pytest.fixture(scope="module")
def module_count(site_dir: Path) -> int:
    """How many modules the built course has."""
    return len(list((site_dir / "modules").glob("*/index.html")))


def reflection_box(tab: Page):
    """The first "Think about it" text box on the page, found by its label (the question)."""
    question = tab.locator(".admonition.reflect .admonition-title").first.inner_text()
    return tab.get_by_role("textbox", name=question)


def type_note(tab: Page, words: str) -> None:
    box = reflection_box(tab)
    box.fill(words)
    expect(tab.get_by_text(SAVED)).to_be_visible()


# Progress ---------------------------------------------------------------------

def test_mark_as_done_is_kept_and_counted(tab: Page, site_url: str, module_count: int) -> None:
    tab.goto(site_url + MODULE_1)
    button = tab.get_by_role("button", name="Mark as done")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    done = tab.get_by_role("button", name="Done (select to undo)")
    expect(done).to_have_attribute("aria-pressed", "true")

    tab.reload()
    expect(tab.get_by_role("button", name="Done (select to undo)")).to_have_attribute("aria-pressed", "true")
    menu = tab.locator(".md-sidebar--primary")
    expect(menu.get_by_role("link", name=re.compile(r"^(1\. )?What co-production means \(done\)$"))).to_have_count(1)
    expect(menu.get_by_role("link", name=re.compile(r"\(done\)"))).to_have_count(1)
    expect(menu.locator(".app-nav-done [aria-hidden='true']")).to_have_text("\u2713")

    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_text(f"1 of {module_count} modules done.")).to_be_visible()
    expect(tab.locator(".js-progress-modules li").first).to_contain_text("done")
    continue_link = tab.get_by_role("link", name=re.compile(r"^Continue where you left off: Module 1"))
    continue_link.click()
    expect(tab).to_have_url(site_url + MODULE_1)

    tab.get_by_role("button", name="Done (select to undo)").click()
    expect(tab.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "false")
    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_text(f"0 of {module_count} modules done.")).to_be_visible()


def test_clear_asks_first_and_can_be_cancelled(tab: Page, site_url: str, module_count: int) -> None:
    tab.goto(site_url + MODULE_1)
    tab.get_by_role("button", name="Mark as done").click()
    tab.goto(site_url + PROGRESS)
    tab.get_by_role("button", name="Clear my progress and notes").click()
    expect(tab.locator(":focus")).to_contain_text("Are you sure?")
    tab.get_by_role("button", name="No, keep them").click()
    expect(tab.get_by_text(f"1 of {module_count} modules done.")).to_be_visible()
    tab.get_by_role("button", name="Clear my progress and notes").click()
    tab.get_by_role("button", name="Yes, clear everything").click()
    expect(tab.get_by_text(f"0 of {module_count} modules done.")).to_be_visible()
    expect(tab.get_by_role("status").filter(has_text="cleared")).to_be_visible()


# Check your understanding -------------------------------------------------------

def test_answer_wrongly_then_rightly_and_hear_why(tab: Page, site_url: str) -> None:
    tab.goto(site_url + MODULE_1)
    question = tab.locator(".app-quiz").first
    group = question.get_by_role("group")
    # text_content, not inner_text: the answer is inside a closed <details>, so it is not rendered.
    right_answer = question.locator("details strong").first.text_content()
    why = question.locator(".js-quiz-why").text_content()
    wrong_answer = next(label for label in group.locator("label").all_inner_texts() if label != right_answer)
    feedback = question.get_by_role("status")

    group.get_by_label(wrong_answer, exact=True).check()
    expect(feedback).to_have_text("")  # choosing is not submitting
    question.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Not quite")
    expect(feedback).to_contain_text(why)

    group.get_by_label(right_answer, exact=True).check()
    question.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_have_text(re.compile(r"^Right\."))
    expect(feedback).to_contain_text(why)


def test_enter_in_a_question_checks_the_answer_without_reloading(tab: Page, site_url: str) -> None:
    tab.goto(site_url + MODULE_1)
    address = tab.url
    tab.evaluate("window.appNotReloaded = true")
    question = tab.locator(".app-quiz").first
    right_answer = question.locator("details strong").first.text_content()
    choice = question.get_by_role("group").get_by_label(right_answer, exact=True)
    choice.focus()
    tab.keyboard.press(" ")
    tab.keyboard.press("Enter")
    expect(question.get_by_role("status")).to_have_text(re.compile(r"^Right\."))
    assert tab.evaluate("window.appNotReloaded === true")
    assert tab.url == address


def test_several_right_answers_use_checkboxes_and_need_them_all(tab: Page, site_url: str) -> None:
    tab.goto(site_url + MODULE_1)
    question = tab.locator(".app-quiz").filter(has=tab.locator('input[type="checkbox"]')).first
    rights = question.locator("details li").all_text_contents()
    assert len(rights) > 1
    feedback = question.get_by_role("status")
    question.get_by_label(rights[0], exact=True).check()
    question.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text(f"1 of the {len(rights)} right answers")
    for answer in rights[1:]:
        question.get_by_label(answer, exact=True).check()
    question.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_have_text(re.compile(r"^Right\."))


# Reflection notes ---------------------------------------------------------------

def test_note_is_kept_downloaded_cleared_and_loaded_back(tab: Page, site_url: str, tmp_path: Path) -> None:
    words = "We had a survey about the bus times.\nIt was consultation."
    tab.goto(site_url + MODULE_1)
    type_note(tab, words)
    tab.reload()
    expect(reflection_box(tab)).to_have_value(words)

    tab.goto(site_url + NOTES)
    answer = tab.locator('.js-notes-item[data-note-id^="modules/01-"] .js-notes-answer')
    expect(answer).to_have_text(words)
    with tab.expect_download() as download_info:
        tab.get_by_role("button", name="Download my notes").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "It was consultation." in text and "Think of a time" in text

    tab.get_by_role("button", name="Clear my progress and notes").first.click()
    tab.get_by_role("button", name="Yes, clear everything").first.click()
    expect(answer).to_have_text("You have not written anything here yet.")

    tab.get_by_label("Load notes from a file").set_input_files(saved)
    expect(tab.get_by_role("status").filter(has_text="We loaded your notes")).to_be_visible()
    expect(answer).to_have_text(words)
    tab.goto(site_url + MODULE_1)
    expect(reflection_box(tab)).to_have_value(words)


@pytest.mark.parametrize("content", [b"just some words", b"COPRODUCTION-COURSE-NOTES {not json", b'{"course": "another", "version": 1, "notes": {}}'])
def test_damaged_file_changes_nothing(tab: Page, site_url: str, content: bytes) -> None:
    tab.goto(site_url + MODULE_1)
    type_note(tab, "My own words")
    tab.goto(site_url + NOTES)
    before = tab.evaluate("localStorage.getItem('coproduction-course:v1:notes')")
    tab.get_by_label("Load notes from a file").set_input_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": content})
    expect(tab.get_by_role("status").filter(has_text="could not load that file")).to_contain_text("Your notes have not changed")
    assert tab.evaluate("localStorage.getItem('coproduction-course:v1:notes')") == before
    expect(tab.locator('.js-notes-item[data-note-id^="modules/01-"] .js-notes-answer')).to_have_text("My own words")


def test_older_file_never_overwrites_newer_notes(tab: Page, site_url: str, tmp_path: Path) -> None:
    tab.goto(site_url + MODULE_1)
    type_note(tab, "Older words")
    tab.goto(site_url + NOTES)
    with tab.expect_download() as download_info:
        tab.get_by_role("button", name="Download my notes").click()
    older = tmp_path / "older.txt"
    download_info.value.save_as(older)

    tab.goto(site_url + MODULE_1)
    type_note(tab, "Newer words")
    tab.goto(site_url + NOTES)
    tab.get_by_label("Load notes from a file").set_input_files(older)
    expect(tab.get_by_role("status").filter(has_text="newer")).to_contain_text("we kept the newer one")
    expect(tab.locator('.js-notes-item[data-note-id^="modules/01-"] .js-notes-answer')).to_have_text("Newer words")


def test_storage_blocked_says_so_once_and_typing_and_download_still_work(browser, site_url: str) -> None:
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(BLOCK_STORAGE)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(site_url + MODULE_1)
        box = reflection_box(tab)
        box.fill("Words I want to keep")
        expect(tab.locator(".app-storage-warning")).to_have_count(1)
        expect(tab.locator(".app-storage-warning")).to_contain_text("not letting the course save")
        box.fill("Words I want to keep, and more")
        tab.get_by_role("button", name="Mark as done").click()
        expect(tab.locator(".app-storage-warning")).to_have_count(1)
        with tab.expect_download() as download_info:
            tab.get_by_role("button", name="Download my notes").click()
        assert "Words I want to keep, and more" in Path(download_info.value.path()).read_text(encoding="utf-8")
        ours = [e for e in errors if "app-" in e or "AppStorage" in e]
        assert not ours, ours
    finally:
        context.close()


# Glossary pop-ups ----------------------------------------------------------------

def test_glossary_tooltip_opens_on_focus_and_closes_on_escape(tab: Page, site_url: str) -> None:
    meaning = {term.id: term.meaning for term in load_glossary(PROJECT_DIR / "docs" / "glossary.yml")}["co-production"]
    tab.goto(site_url + MODULE_1)
    link = tab.locator("article").get_by_role("link", name="co-production", exact=True).first
    tooltip = tab.get_by_role("tooltip").filter(has_text=meaning)
    expect(link).to_have_accessible_description(re.compile(re.escape(meaning)))
    expect(tooltip).to_be_hidden()
    link.focus()
    expect(tooltip).to_be_visible()
    tab.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    link.evaluate("link => link.blur()")
    link.hover()
    expect(tooltip).to_be_visible()
    # WCAG 1.4.13: the pointer can move from the word onto the pop-up, step by step, and it stays.
    start, end = link.bounding_box(), tooltip.bounding_box()
    tab.mouse.move(start["x"] + 5, start["y"] + start["height"] / 2)
    tab.mouse.move(end["x"] + 10, end["y"] + end["height"] / 2, steps=20)
    expect(tooltip).to_be_visible()
    tab.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()


def test_glossary_tooltip_stays_on_a_small_screen(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    try:
        tab.goto(site_url + MODULE_1)
        link = tab.locator("article").get_by_role("link", name="consultation", exact=True).first
        link.tap()
        tooltip = tab.get_by_role("tooltip").filter(has_text="Asking people")
        expect(tooltip).to_be_visible()
        expect(tab).to_have_url(site_url + MODULE_1)  # the first tap shows the meaning
        box = tooltip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    finally:
        context.close()


# Listening ----------------------------------------------------------------------

def test_listen_button_shows_only_where_speech_exists(browser, site_url: str) -> None:
    with_speech = browser.new_context()
    without = browser.new_context()
    without.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    try:
        tab = with_speech.new_page()
        tab.goto(site_url + MODULE_1)
        if tab.evaluate("'speechSynthesis' in window"):
            expect(tab.get_by_role("button", name="Listen to this page")).to_be_visible()
        tab = without.new_page()
        tab.goto(site_url + MODULE_1)
        assert tab.evaluate("'speechSynthesis' in window") is False
        expect(tab.get_by_role("button", name="Listen to this page")).to_have_count(0)
        expect(tab.locator(".app-listen")).to_be_hidden()
    finally:
        with_speech.close()
        without.close()


# Certificate ----------------------------------------------------------------------

def test_certificate_appears_when_every_module_is_done(tab: Page, site_url: str, module_count: int) -> None:
    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_role("textbox", name="Your name")).to_be_hidden()
    module_ids = tab.locator(".js-progress-modules li").evaluate_all("items => items.map(item => item.dataset.pageId)")
    assert len(module_ids) == module_count
    for module_id in module_ids[:-1]:
        tab.goto(site_url + module_id + "/")
        tab.get_by_role("button", name="Mark as done").click()
    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_role("textbox", name="Your name")).to_be_hidden()
    tab.goto(site_url + module_ids[-1] + "/")
    tab.get_by_role("button", name="Mark as done").click()

    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_text(f"{module_count} of {module_count} modules done.")).to_be_visible()
    tab.get_by_role("textbox", name="Your name").fill("Margaret Jones")
    sheet = tab.locator(".app-certificate__sheet")
    expect(sheet).to_contain_text("Certificate of completion")
    expect(sheet).to_contain_text("Margaret Jones")
    expect(sheet).to_contain_text("Co-production with older people")
    expect(sheet).to_contain_text(tab.locator(".app-certificate").get_attribute("data-organisation"))
    today = date.today()
    expect(sheet).to_contain_text(f"{today.day} {today.strftime('%B')} {today.year}")
    tab.reload()
    expect(tab.get_by_role("textbox", name="Your name")).to_have_value("Margaret Jones")
    expect(tab.get_by_role("button", name="Print my certificate")).to_be_visible()


# Offline copy and no JavaScript ----------------------------------------------------

def test_works_from_a_file_on_disk(tab: Page, site_dir: Path) -> None:
    tab.goto((site_dir / "modules" / "01-what-co-production-means" / "index.html").as_uri())
    tab.get_by_role("button", name="Mark as done").click()
    tab.reload()
    expect(tab.get_by_role("button", name="Done (select to undo)")).to_have_attribute("aria-pressed", "true")
    type_note(tab, "Offline words")


def test_without_javascript_every_page_reads_and_answers_can_be_shown(browser, site_url: str, page_paths: list[str], module_count: int) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        for path in page_paths:
            tab.goto(page_url(site_url, path))
            expect(tab.locator("h1").first).to_be_visible()
            for name in ("Mark as done", "Check my answer", "Listen to this page", "Download my notes", "Clear my progress and notes"):
                expect(tab.get_by_role("button", name=name)).to_have_count(0)
            expect(tab.locator("textarea:visible")).to_have_count(0)
        tab.goto(site_url + MODULE_1)
        question = tab.locator(".app-quiz").first
        why = question.locator(".js-quiz-why")
        expect(why).to_be_hidden()
        question.get_by_text("Show the answer").click()
        expect(why).to_be_visible()
        expect(question.locator("details")).to_contain_text("The right answer is:")
        tab.goto(site_url + PROGRESS)
        expect(tab.get_by_text("when JavaScript is switched on")).to_be_visible()
        expect(tab.locator(".js-progress-modules a")).to_have_count(module_count)
        tab.goto(site_url + MODULE_1)
        expect(tab.get_by_text("Write your answer on paper")).to_be_visible()
    finally:
        context.close()


# A strict Content-Security-Policy, like deploy/nginx.conf's but with no allowance for Material's inline scripts:
# our parts must need nothing inline, no eval and no outside files.
STRICT_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                 "connect-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'")
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.__violations.push(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile + ":" + event.lineNumber));
"""


def test_everything_works_under_a_strict_content_security_policy(browser, site_url: str) -> None:
    context = browser.new_context(accept_downloads=True)

    def with_policy(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_POLICY})

    context.route(re.compile(r".*/$"), with_policy)
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    try:
        tab.goto(site_url + MODULE_1)
        tab.get_by_role("button", name="Mark as done").click()
        expect(tab.get_by_role("button", name="Done (select to undo)")).to_be_visible()
        type_note(tab, "Words under a strict policy")
        question = tab.locator(".app-quiz").first
        question.get_by_role("radio").first.check()
        question.get_by_role("button", name="Check my answer").click()
        expect(question.get_by_role("status")).not_to_have_text("")
        link = tab.locator("article .js-glossary-link").first
        link.focus()
        expect(tab.get_by_role("tooltip").first).to_be_visible()
        tab.goto(site_url + NOTES)
        expect(tab.locator('.js-notes-item[data-note-id^="modules/01-"] .js-notes-answer')).to_have_text("Words under a strict policy")
        with tab.expect_download():
            tab.get_by_role("button", name="Download my notes").click()
        ours = [v for v in tab.evaluate("window.__violations") if "/javascripts/app-" in v]
        assert not ours, ours
        assert not [e for e in errors if "/javascripts/app-" in e], errors
    finally:
        context.close()
