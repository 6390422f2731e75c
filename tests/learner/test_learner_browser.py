"""Learning on your own, in real Chromium: progress, questions, notes, pop-ups, listening, certificate, and no JavaScript."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from learner.questions import read_pages
from conftest import PROJECT_DIR, page_url
from glossary.model import load_glossary

MODULE_1 = "modules/01-what-co-production-means/"
# Module 4 has a question with more than one right answer.
MODULE_WITH_SEVERAL_RIGHT = "modules/04-seven-principles/"
PROGRESS = "progress/"
NOTES = "notes/"
SAVED = re.compile(r"Saved on this device")
NOTES_KEY = "coproduction-course:v2:notes"
# Module 1's answer on "My notes", found by the id its author gave the box (note-m1-when-asked).
MODULE_1_ANSWER = '.js-notes-item[data-note-id="m1-when-asked"] .js-notes-answer'
PROGRESS_KEY = "coproduction-course:v2:progress"
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


def record_errors(tab: Page) -> list[str]:
    """Every uncaught script error on the tab, with its stack (a TypeError's message names no file; its stack does)."""
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    return errors


def ours(errors: list[str]) -> list[str]:
    """The errors thrown in our own scripts, found by the file names in their stacks (our bundle, app.<hash>.min.js)."""
    return [error for error in errors if "/javascripts/app." in error]


@pytest.fixture
def tab(context):
    """A tab that fails the test on any script error."""
    tab = context.new_page()
    errors = record_errors(tab)
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
    # The name stays "Mark as done" and only aria-pressed changes, so a screen reader says the state once.
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_accessible_name("Mark as done")
    expect(tab.get_by_text("You have marked this page as done.")).to_be_visible()

    tab.reload()
    expect(tab.get_by_role("button", name="Mark as done", exact=True)).to_have_attribute("aria-pressed", "true")
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

    tab.get_by_role("button", name="Mark as done").click()
    expect(tab.get_by_role("button", name="Mark as done", exact=True)).to_have_attribute("aria-pressed", "false")
    expect(tab.get_by_text("You have marked this page as done.")).to_be_hidden()
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
    question = first_one_answer_question(tab)
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
    question = first_one_answer_question(tab)
    right_answer = question.locator("details strong").first.text_content()
    choice = question.get_by_role("group").get_by_label(right_answer, exact=True)
    choice.focus()
    tab.keyboard.press(" ")
    tab.keyboard.press("Enter")
    expect(question.get_by_role("status")).to_have_text(re.compile(r"^Right\."))
    assert tab.evaluate("window.appNotReloaded === true")
    assert tab.url == address


def test_several_right_answers_use_checkboxes_and_need_them_all(tab: Page, site_url: str) -> None:
    tab.goto(site_url + MODULE_WITH_SEVERAL_RIGHT)
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
    answer = tab.locator(MODULE_1_ANSWER)
    expect(answer).to_have_text(words)
    with tab.expect_download() as download_info:
        tab.get_by_role("button", name="Download my notes").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "It was consultation." in text and "When were you last asked for your views" in text

    tab.get_by_role("button", name="Clear my progress and notes").first.click()
    tab.get_by_role("button", name="Yes, clear everything").first.click()
    expect(answer).to_have_text("You have not written anything here yet.")

    tab.get_by_label("Load notes from a file").set_input_files(saved)
    expect(tab.get_by_role("status").filter(has_text="We loaded your notes")).to_be_visible()
    expect(answer).to_have_text(words)
    tab.goto(site_url + MODULE_1)
    expect(reflection_box(tab)).to_have_value(words)


def notes_file(notes: str) -> bytes:
    return ('COPRODUCTION-COURSE-NOTES {"course": "coproduction-course", "version": 1, "saved": 1, "notes": %s}' % notes).encode()


@pytest.mark.parametrize("content", [
    b"just some words",
    b"COPRODUCTION-COURSE-NOTES {not json",
    b'{"course": "another", "version": 1, "notes": {}}',
    notes_file('{"__proto__": {"q": "Q", "page": "P", "text": "Sneaky", "updated": 1}}'),
    notes_file('{"constructor": {"q": "Q", "page": "P", "text": "Sneaky", "updated": 1}}'),
    notes_file('{"m1-when-asked": {"q": 5, "page": "P", "text": "Words", "updated": 1}}'),
    notes_file('{"m1-when-asked": {"q": "Q", "page": ["P"], "text": "Words", "updated": 1}}'),
    notes_file('{"m1-when-asked": {"q": "Q", "page": "P", "text": "%s", "updated": 1}}' % ("x" * 2_100_000)),
], ids=["words", "broken", "other course", "__proto__", "constructor", "question not text", "page not text", "too big"])
def test_damaged_file_changes_nothing(tab: Page, site_url: str, content: bytes) -> None:
    tab.goto(site_url + MODULE_1)
    type_note(tab, "My own words")
    tab.goto(site_url + NOTES)
    before = tab.evaluate(f"localStorage.getItem('{NOTES_KEY}')")
    tab.get_by_label("Load notes from a file").set_input_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": content})
    expect(tab.get_by_role("status").filter(has_text="could not load that file")).to_contain_text("Your notes have not changed")
    assert tab.evaluate(f"localStorage.getItem('{NOTES_KEY}')") == before
    expect(tab.locator(MODULE_1_ANSWER)).to_have_text("My own words")


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
    expect(tab.locator(MODULE_1_ANSWER)).to_have_text("Newer words")


def test_storage_blocked_says_so_once_and_typing_and_download_still_work(browser, site_url: str) -> None:
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(BLOCK_STORAGE)
    tab = context.new_page()
    errors = record_errors(tab)
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
        assert not ours(errors), ours(errors)
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

CHECK = "check/"


def check_right_options() -> list[list[int]]:
    """The places of the right answers in each question of the check, in the order the build shows the options."""
    [check] = read_pages(PROJECT_DIR / "mkdocs.yml", ["check.md"])
    return [[place for place, option in enumerate(question.options) if option.is_right] for question in check.questions]


def answer_the_check(tab: Page, *, right: int) -> int:
    """Answer the first `right` questions rightly and the rest wrongly; return how many questions.

    A "choose all" question has checkboxes: answered rightly, every right one is ticked; answered wrongly,
    one right one is left out. A one-answer question has radio buttons: answered wrongly, the next one is chosen."""
    places = check_right_options()
    questions = tab.locator("article fieldset")
    expect(questions).to_have_count(len(places))
    for number, right_places in enumerate(places):
        question = questions.nth(number)
        if len(right_places) > 1:
            boxes = question.get_by_role("checkbox")
            for place in (right_places if number < right else right_places[1:]):
                boxes.nth(place).check()
        else:
            radios = question.get_by_role("radio")
            [place] = right_places
            radios.nth(place if number < right else (place + 1) % radios.count()).check()
    return len(places)


def first_one_answer_question(tab: Page):
    """The page's first question with one right answer (radio buttons)."""
    return tab.locator(".app-quiz").filter(has=tab.locator("input[type=radio]")).first


def test_mark_as_done_alone_does_not_give_a_certificate(tab: Page, site_url: str) -> None:
    tab.goto(site_url + PROGRESS)
    module_ids = tab.locator(".js-progress-modules li").evaluate_all("items => items.map(item => item.dataset.pageId)")
    tab.evaluate("""ids => localStorage.setItem("coproduction-course:v2:progress",
        JSON.stringify({done: Object.fromEntries(ids.map(id => [id, Date.now()]))}))""", module_ids)
    tab.reload()
    expect(tab.get_by_text(f"{len(module_ids)} of {len(module_ids)} modules done.")).to_be_visible()
    expect(tab.get_by_text("when you have passed the check at the end of the course")).to_be_visible()
    expect(tab.get_by_role("textbox", name="Your name")).to_be_hidden()


def test_passing_the_check_gives_the_score_and_the_certificate(tab: Page, site_url: str) -> None:
    tab.goto(site_url + CHECK)
    expect(tab.get_by_text("To pass, get 12 or more of them right.")).to_be_visible()
    tab.get_by_role("button", name="See my score").click()
    expect(tab.get_by_role("status").filter(has_text="You have answered 0 of the")).to_be_visible()
    total = answer_the_check(tab, right=13)
    tab.get_by_role("button", name="See my score").click()
    expect(tab.get_by_role("status").filter(has_text=f"You got 13 of {total} right.")).to_contain_text("You have passed.")
    stored = tab.evaluate('JSON.parse(localStorage.getItem("coproduction-course:v2:check"))')
    assert (stored["score"], stored["total"], stored["passed"]) == (13, total, True)

    tab.get_by_role("link", name="Make your certificate").click()
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

    # A later, worse try does not take the pass away.
    tab.goto(site_url + CHECK)
    expect(tab.get_by_text("You passed the check on")).to_be_visible()
    answer_the_check(tab, right=2)
    tab.get_by_role("button", name="See my score").click()
    expect(tab.get_by_role("status").filter(has_text=f"You got 2 of {total} right.")).to_be_visible()
    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_role("button", name="Print my certificate")).to_be_visible()


def test_failing_the_check_says_how_to_pass_and_gives_no_certificate(tab: Page, site_url: str) -> None:
    tab.goto(site_url + CHECK)
    total = answer_the_check(tab, right=11)
    tab.get_by_role("button", name="See my score").click()
    result = tab.get_by_role("status").filter(has_text=f"You got 11 of {total} right.")
    expect(result).to_contain_text("To pass, you need 12 or more.")
    expect(tab.get_by_role("link", name="Make your certificate")).to_be_hidden()
    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_text(f"In the check, you got 11 of {total} right. To pass, you need 12 or more.")).to_be_visible()
    expect(tab.locator(".app-certificate").get_by_role("link", name="Check what you have learnt")).to_be_visible()
    expect(tab.get_by_role("textbox", name="Your name")).to_be_hidden()
    expect(tab.get_by_role("button", name="Print my certificate")).to_be_hidden()


# Offline copy and no JavaScript ----------------------------------------------------

def test_works_from_a_file_on_disk(tab: Page, site_dir: Path) -> None:
    tab.goto((site_dir / "modules" / "01-what-co-production-means" / "index.html").as_uri())
    tab.get_by_role("button", name="Mark as done").click()
    tab.reload()
    expect(tab.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "true")
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
        question = first_one_answer_question(tab)
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
        tab.goto(site_url + CHECK)
        expect(tab.get_by_role("button", name="See my score")).to_have_count(0)
        expect(tab.get_by_text("Your score shows here when JavaScript is switched on")).to_be_visible()
        questions = tab.locator(".app-quiz")
        expect(questions).to_have_count(len(check_right_options()))
        for number, right_places in enumerate(check_right_options()):
            question = questions.nth(number)
            question.get_by_text("Show the answer").click()
            several = len(right_places) > 1
            expect(question.locator("details")).to_contain_text("The right answers are:" if several else "The right answer is:")
            expect(question.locator(".js-quiz-why")).to_be_visible()
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
    errors = record_errors(tab)
    try:
        tab.goto(site_url + MODULE_1)
        tab.get_by_role("button", name="Mark as done").click()
        expect(tab.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "true")
        type_note(tab, "Words under a strict policy")
        question = first_one_answer_question(tab)
        question.get_by_role("radio").first.check()
        question.get_by_role("button", name="Check my answer").click()
        expect(question.get_by_role("status")).not_to_have_text("")
        link = tab.locator("article .js-glossary-link").first
        link.focus()
        expect(tab.get_by_role("tooltip").first).to_be_visible()
        tab.goto(site_url + NOTES)
        expect(tab.locator(MODULE_1_ANSWER)).to_have_text("Words under a strict policy")
        with tab.expect_download():
            tab.get_by_role("button", name="Download my notes").click()
        violations = [v for v in tab.evaluate("window.__violations") if "/javascripts/app." in v]
        assert not violations, violations
        assert not ours(errors), errors
    finally:
        context.close()


# Two tabs, a course update and damaged data -------------------------------------------

MODULE_2 = "modules/02-why-it-matters/"


def test_two_tabs_keep_each_others_ticks_and_show_them(context, site_url: str, module_count: int) -> None:
    older, newer, progress_tab = context.new_page(), context.new_page(), context.new_page()
    errors = [record_errors(tab) for tab in (older, newer, progress_tab)]
    older.goto(site_url + MODULE_2)  # opened first, and left open
    progress_tab.goto(site_url + PROGRESS)
    expect(progress_tab.get_by_text(f"0 of {module_count} modules done.")).to_be_visible()
    newer.goto(site_url + MODULE_1)
    newer.get_by_role("button", name="Mark as done").click()
    expect(newer.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "true")
    # The older tab shows the other tab's tick in its menu, without a reload.
    menu = older.locator(".md-sidebar--primary")
    expect(menu.get_by_role("link", name=re.compile(r"What co-production means \(done\)$"))).to_have_count(1)
    older.get_by_role("button", name="Mark as done").click()
    expect(progress_tab.get_by_text(f"2 of {module_count} modules done.")).to_be_visible()
    older.goto(site_url + PROGRESS)
    expect(older.get_by_text(f"2 of {module_count} modules done.")).to_be_visible()
    # Undoing one page in one tab leaves the other page's tick alone.
    newer.get_by_role("button", name="Mark as done").click()
    expect(older.get_by_text(f"1 of {module_count} modules done.")).to_be_visible()
    assert not [error for found in errors for error in found], errors


def test_two_tabs_keep_each_others_notes_and_show_them(context, site_url: str) -> None:
    module_tab, notes_tab, other_tab = context.new_page(), context.new_page(), context.new_page()
    errors = [record_errors(tab) for tab in (module_tab, notes_tab, other_tab)]
    module_tab.goto(site_url + MODULE_1)
    notes_tab.goto(site_url + NOTES)
    other_tab.goto(site_url + MODULE_2)
    type_note(other_tab, "Words from module 2")
    type_note(module_tab, "Words from module 1")
    answers = notes_tab.locator(".js-notes-answer")
    expect(answers.filter(has_text="Words from module 1")).to_have_count(1)
    expect(answers.filter(has_text="Words from module 2")).to_have_count(1)
    # A second tab on module 1, where the learner is not typing, shows the new words.
    second = context.new_page()
    errors.append(record_errors(second))
    second.goto(site_url + MODULE_1)
    expect(reflection_box(second)).to_have_value("Words from module 1")
    type_note(module_tab, "Changed in the first tab")
    expect(reflection_box(second)).to_have_value("Changed in the first tab")
    assert not [error for found in errors for error in found], errors


# What an older version of the course kept: notes by their box's position, under "v1" keys.
OLD_COURSE_DATA = """
if (!localStorage.getItem("seeded-by-test")) {
  localStorage.setItem("seeded-by-test", "1");
  localStorage.setItem("coproduction-course:v1:notes", JSON.stringify({
    "modules/01-what-co-production-means#1": {q: "When were you last asked for your views, and what happened next?",
      page: "Module 1: What co-production means", text: "The bus survey was consultation.", updated: 1700000000000},
    "modules/01-what-co-production-means#2": {q: "A question the course no longer asks?",
      page: "Module 1: What co-production means", text: "An answer to a removed question.", updated: 1700000000000}
  }));
  localStorage.setItem("coproduction-course:v1:progress", JSON.stringify({done: {"modules/02-why-it-matters": 1700000000000}}));
}
"""


def test_notes_and_ticks_from_an_older_course_move_to_their_questions(context, site_url: str, module_count: int) -> None:
    context.add_init_script(OLD_COURSE_DATA)
    tab = context.new_page()
    errors = record_errors(tab)
    tab.goto(site_url + MODULE_1)
    expect(reflection_box(tab)).to_have_value("The bus survey was consultation.")
    stored = tab.evaluate("""() => ({
      v1: ["notes", "progress"].filter(name => localStorage.getItem("coproduction-course:v1:" + name) !== null),
      notes: JSON.parse(localStorage.getItem("coproduction-course:v2:notes"))})""")
    assert stored["v1"] == [], "the old keys go once the new ones are written"
    assert stored["notes"]["m1-when-asked"]["text"] == "The bus survey was consultation."
    assert stored["notes"]["modules/01-what-co-production-means#2"]["text"] == "An answer to a removed question."

    tab.goto(site_url + NOTES)
    expect(tab.locator('.js-notes-item[data-note-id="m1-when-asked"] .js-notes-answer')).to_have_text("The bus survey was consultation.")
    other = tab.locator(".js-notes-other")
    expect(other).to_be_visible()
    expect(other).to_contain_text("A question the course no longer asks?")
    expect(other).to_contain_text("An answer to a removed question.")
    tab.goto(site_url + PROGRESS)
    expect(tab.get_by_text(f"1 of {module_count} modules done.")).to_be_visible()
    assert not errors, errors


def test_damaged_stored_notes_do_not_stop_my_notes(context, site_url: str) -> None:
    context.add_init_script("""
if (!localStorage.getItem("seeded-by-test")) {
  localStorage.setItem("seeded-by-test", "1");
  localStorage.setItem("coproduction-course:v2:notes", JSON.stringify({x: null, y: "words", z: {text: 3},
    "m1-when-asked": {q: "Q", page: "P", text: "Still here", updated: 1}}));
  localStorage.setItem("coproduction-course:v2:progress", JSON.stringify({done: null, last: 7}));
}""")
    tab = context.new_page()
    errors = record_errors(tab)
    tab.goto(site_url + NOTES)
    expect(tab.locator('.js-notes-item[data-note-id="m1-when-asked"] .js-notes-answer')).to_have_text("Still here")
    tab.goto(site_url + MODULE_1)
    expect(reflection_box(tab)).to_have_value("Still here")
    expect(tab.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "false")
    assert not errors, errors


RECORD_WARNING = """
window.__warningAtInsert = [];
new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
  if (node.classList && node.classList.contains("app-storage-warning")) window.__warningAtInsert.push(node.textContent);
}))).observe(document, {childList: true, subtree: true});
"""


def test_storage_warning_region_is_in_place_empty_before_it_speaks(browser, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    context.add_init_script(RECORD_WARNING)
    tab = context.new_page()
    try:
        tab.goto(site_url + MODULE_1)
        warning = tab.get_by_role("status").filter(has_text="not letting the course save")
        expect(warning).to_have_count(0)
        reflection_box(tab).fill("Words")
        expect(warning).to_be_visible()
        assert tab.evaluate("window.__warningAtInsert") == [""], "inserted empty, then filled"
    finally:
        context.close()


# Each part starts on its own ------------------------------------------------------------

def bundle_with_storage_replaced(site_dir: Path, page: str, replacement: str) -> tuple[str, str]:
    """The address of a page's script bundle, and its text with app-storage.js's part replaced."""
    from assets import KINDS

    soup = BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    address = next(script["src"] for script in soup.select("script[src]") if "/app." in script["src"])
    text = (site_dir / page / address).read_text(encoding="utf-8")
    storage = KINDS["js"].minify((PROJECT_DIR / "overrides/assets/javascripts/app-storage.js").read_text(encoding="utf-8"))
    assert text.count(storage) == 1, "app-storage.js's part is not in the page's bundle"
    return address.rsplit("/", 1)[-1], text.replace(storage, replacement)


# Each script of ours is a part of one bundle, each part run on its own (hooks/assets/): the
# storage part left out ("blocked") or throwing at its start must not stop the parts after it.
@pytest.mark.parametrize("how", ["blocked", "throwing"])
def test_quiz_glossary_and_listen_work_without_app_storage(browser, site_dir: Path, site_url: str, how: str) -> None:
    context = browser.new_context()
    replacement = "" if how == "blocked" else 'throw new TypeError("storage broke");'
    name, body = bundle_with_storage_replaced(site_dir, MODULE_1, replacement)
    served = []
    context.route(f"**/{name}", lambda route: (served.append(route.request.url),
                                                route.fulfill(status=200, content_type="text/javascript", body=body)))
    tab = context.new_page()
    errors = record_errors(tab)
    try:
        tab.goto(site_url + MODULE_1)
        question = first_one_answer_question(tab)
        question.get_by_role("radio").first.check()
        question.get_by_role("button", name="Check my answer").click()
        expect(question.get_by_role("status")).not_to_have_text("")
        tab.locator("article .js-glossary-link").first.focus()
        expect(tab.get_by_role("tooltip").first).to_be_visible()
        if tab.evaluate("'speechSynthesis' in window"):
            expect(tab.get_by_role("button", name="Listen to this page")).to_be_visible()
        others = [error for error in errors if "storage broke" not in error]
        assert not others, others
        assert served, "the changed bundle was not the one the page loaded"
        if how == "throwing":
            assert any("storage broke" in error for error in errors), "the storage part's error still shows"
    finally:
        context.close()


# A stand-in for the browser's voice that records what it is asked to do.
FAKE_SPEECH = """
window.__spoken = [];
window.__calls = [];
class FakeUtterance { constructor(text) { this.text = text; this.onend = null; } }
const fake = {
  speaking: false, paused: false,
  speak(utterance) { window.__calls.push("speak"); window.__spoken.push(utterance); },
  pause() { window.__calls.push("pause"); }, resume() { window.__calls.push("resume"); },
  cancel() { window.__calls.push("cancel"); },
};
Object.defineProperty(window, "speechSynthesis", {configurable: true, get() { return fake; }});
window.SpeechSynthesisUtterance = FakeUtterance;
window.__finish = () => { const last = window.__spoken[window.__spoken.length - 1]; if (last && last.onend) last.onend(); };
"""


def test_listen_reads_the_article_and_can_pause_carry_on_and_stop(tab: Page, site_url: str) -> None:
    tab.add_init_script(FAKE_SPEECH)
    tab.goto(site_url + MODULE_1)
    play = tab.get_by_role("button", name="Listen to this page")
    status = tab.locator(".app-listen").get_by_role("status")
    stop = tab.get_by_role("button", name="Stop")
    expect(stop).to_be_hidden()
    play.click()
    spoken = tab.evaluate("window.__spoken.map(u => u.text)")
    heading = tab.locator("article h1").inner_text()
    assert spoken[0] == heading
    assert not [words for words in spoken if "Mark as done" in words or "Check my answer" in words], "buttons are not read"
    assert tab.evaluate("window.__spoken.every(u => u.lang === document.documentElement.lang && u.rate === 0.9)")
    expect(status).to_have_text(re.compile("Reading the page aloud"))
    pause = tab.get_by_role("button", name="Pause")
    expect(stop).to_be_visible()
    pause.click()
    expect(status).to_have_text("Paused.")
    tab.get_by_role("button", name="Carry on listening").click()
    expect(status).to_have_text("Reading again.")
    tab.get_by_role("button", name="Pause").click()
    tab.get_by_role("button", name="Carry on listening").click()
    stop.click()
    expect(status).to_have_text("Stopped.")
    expect(play).to_be_focused()
    expect(stop).to_be_hidden()
    assert tab.evaluate("window.__calls.filter(call => call !== 'speak')") == ["cancel", "pause", "resume", "pause", "resume", "cancel"]
    # A new start reads to the end and says so.
    play.click()
    tab.evaluate("window.__finish()")
    expect(status).to_have_text("Finished reading the page.")
    expect(tab.get_by_role("button", name="Listen to this page")).to_be_visible()
