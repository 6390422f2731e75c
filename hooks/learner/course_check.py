"""The end-of-course check ("Check what you have learnt"): its pass mark, the sentence that states it, and the score part.

The questions themselves are ordinary `!!! question` boxes (quiz.py makes them
interactive, and the packs print their answers at the back). Here are the parts
the page's markers ask for, and the check that the page has enough questions.
The browser side is overrides/assets/javascripts/app-check.js; the marking is
in app-learner-data.js (scoreCheck), which reads the pass mark from the page.
Everything here takes plain data and returns HTML or messages; learner_hook.py is the MkDocs glue.
"""

from __future__ import annotations

import html as html_lib

CHECK_PAGE = "check.md"
# A learner passes with this many right answers or more: 12 of 15 is four in five.
PASS_MARK = 12
MIN_QUESTIONS = 15


def check_problems(question_count: int, *, src_path: str = CHECK_PAGE) -> list[str]:
    """What is wrong with the check page's questions (too few to test the course, or fewer than the pass mark)."""
    if question_count >= max(MIN_QUESTIONS, PASS_MARK):
        return []
    return [f"Doc file '{src_path}': the check has {question_count} questions, but it needs at least {MIN_QUESTIONS} "
            f"(the pass mark is {PASS_MARK}). Add '!!! question' boxes, or change PASS_MARK and MIN_QUESTIONS in hooks/learner/course_check.py."]


def pass_mark_html(total: int, *, progress_url: str) -> str:
    """The sentence that states the pass mark, near the top of the check page."""
    return (f'<p class="app-check-pass-mark">There are {total} questions. To pass, get {PASS_MARK} or more of them right. '
            f'When you pass, you can make your certificate on the <a href="{html_lib.escape(progress_url, quote=True)}">'
            f"Your progress</a> page.</p>")


def score_html(total: int, *, progress_url: str) -> str:
    """The "See my score" part at the end of the check; without JavaScript, words saying how to check yourself."""
    url = html_lib.escape(progress_url, quote=True)
    return (
        f'<div class="app-check-score" data-module="app-check" data-pass-mark="{PASS_MARK}" data-total="{total}">'
        '<p class="app-check-score__no-script js-check-no-script">Your score shows here when JavaScript is switched on in your browser. '
        'Without it, open "Show the answer" under each question to check your answers yourself.</p>'
        '<div class="app-check-score__tools js-check-tools" hidden>'
        '<p class="js-check-earlier" hidden></p>'
        "<p>When you have answered every question, select \u201cSee my score\u201d.</p>"
        '<p><button type="button" class="app-button js-check-score">See my score</button></p>'
        '<p class="app-check-score__result js-check-result" role="status"></p>'
        f'<p class="js-check-certificate" hidden><a class="app-button" href="{url}#your-certificate">Make your certificate</a></p>'
        "</div>"
        "</div>"
    )
