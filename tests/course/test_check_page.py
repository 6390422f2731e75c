"""The end-of-course check (docs/check.md): where it is, its questions, its plain English, and the page without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from course.course_pages import MODULES, PROJECT_DIR, questions_in, read_page, soup_of
from learner.course_check import MIN_QUESTIONS, PASS_MARK
from learner.questions import read_pages

CHECK = "check.md"
SESSION_HEADINGS = ("Questions about session 1: understanding co-production", "Questions about session 2: doing co-production")


def test_check_is_in_your_learning_before_your_progress() -> None:
    nav = yaml.safe_load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    learning = next(item["Your learning"] for item in nav if isinstance(item, dict) and "Your learning" in item)
    titles = [next(iter(item)) for item in learning]
    assert titles[:2] == ["Check what you have learnt", "Your progress"]
    assert learning[0]["Check what you have learnt"] == CHECK


def test_check_has_enough_questions_across_both_sessions() -> None:
    sections = read_page(CHECK).sections()
    per_session = [questions_in(sections.get(heading, "")) for heading in SESSION_HEADINGS]
    assert all(len(questions) >= 5 for questions in per_session), [len(questions) for questions in per_session]
    questions = [question for session in per_session for question in session]
    assert len(questions) >= max(MIN_QUESTIONS, PASS_MARK)
    for question in questions:
        assert question.right >= 1 and question.right + question.wrong >= 3, f"{CHECK}, line {question.line}: needs 3 options"
        assert question.has_why, f"{CHECK}, line {question.line}: needs a Why"


def test_no_check_question_copies_a_module_question() -> None:
    module_titles = {" ".join(q.title.lower().split()) for path in MODULES for q in questions_in(read_page(path).body)}
    copied = [q.title for q in questions_in(read_page(CHECK).body) if " ".join(q.title.lower().split()) in module_titles]
    assert not copied, f"{CHECK}: these questions are a module's own: {copied}"


def _word_runs(text: str, length: int) -> set[tuple[str, ...]]:
    words = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text.lower()).split()
    return {tuple(words[start:start + length]) for start in range(len(words) - length + 1)}


def test_no_check_option_repeats_six_words_of_a_module_question() -> None:
    """A near-copy gives the check's answer away to anyone who did the module's questions (issue 22)."""
    pages = read_pages(PROJECT_DIR / "mkdocs.yml", ["modules", CHECK])
    module_runs = set().union(*(_word_runs(" ".join([q.title_text, *(o.text for o in q.options)]), 6)
                                for page in pages if page.src_path != CHECK for q in page.questions))
    [check] = [page for page in pages if page.src_path == CHECK]
    shared = [(q.line, option.text) for q in check.questions for option in q.options if _word_runs(option.text, 6) & module_runs]
    assert shared == [], f"{CHECK}: these options repeat six words in a row of a module question: {shared}"


def test_check_passes_the_readability_checks(site_dir: Path) -> None:
    report = json.loads((site_dir / "readability.json").read_text(encoding="utf-8"))
    page = next(page for page in report["pages"] if page["path"] == CHECK)
    assert page["flesch_reading_ease"] >= 60
    assert [f for f in page["findings"] if f["severity"] == "warning"] == []


def test_without_javascript_the_built_check_shows_every_answer_and_why(site_dir: Path) -> None:
    soup = soup_of(site_dir, "check/index.html")
    questions = soup.select("article .app-quiz")
    assert len(questions) == len(questions_in(read_page(CHECK).body))
    for question in questions:
        answer = question.select_one("details.app-quiz__answer")
        several = len(question.select(".js-quiz-option[data-right]")) > 1
        assert answer is not None
        assert ("The right answers are:" if several else "The right answer is:") in answer.get_text()
        why = answer.select_one(".js-quiz-why").get_text(" ", strip=True)
        assert why.startswith("Why:") and len(why) > 40, why
    assert f"To pass, get {PASS_MARK} or more of them right." in soup.select_one(".app-check-pass-mark").get_text()
    assert "Your score shows here when JavaScript is switched on" in soup.select_one(".js-check-no-script").get_text()
