"""Every question as a learner sees it, for a blind reader, and the reader's answers scored against the key.

    PYTHONPATH=hooks python -m learner.questions --blind           > questions.txt
    PYTHONPATH=hooks python -m learner.questions --key             > key.json
    PYTHONPATH=hooks python -m learner.questions --score answers.json

A blind reader is someone who has not taken the course. They get the printed
questions and nothing else, and answer from common sense (the protocol is in
docs/authors/guide.md). If they do much better than chance, the questions give
their answers away. The options are in the order the build shows them: the same
code (quiz.read_questions) reads each page's Markdown, rendered with the site's
own Markdown extensions from mkdocs.yml, so the numbers match the website and the packs.
The answers file is JSON: {"Q1": [2], "Q2": [1, 3]}, or {"Q1": {"answer": [2], "sure": "sure"}}.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import markdown as markdown_lib
import yaml
from bs4 import BeautifulSoup

from front_matter.checks import FRONT_MATTER
from front_matter.page_files import markdown_files
from learner.course_check import CHECK_PAGE
from learner.option_checks import course_problems, position_spread
from learner.quiz import Question, QuizError, read_questions

DEFAULT_PAGES = ("modules", CHECK_PAGE)


@dataclass(frozen=True)
class PageQuestions:
    """One page's title and questions."""

    src_path: str
    title: str
    questions: list[Question]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name): we only need the Markdown extensions."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def markdown_extensions(config_file: Path) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions mkdocs.yml lists, and their settings, as python-markdown takes them."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    names: list[str] = []
    settings: dict[str, dict] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(item))
    return names, settings


def docs_folder(config_file: Path) -> Path:
    """The folder mkdocs.yml's docs_dir names."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    return config_file.resolve().parent / str(config.get("docs_dir") or "docs")


def page_files(docs_dir: Path, names: list[str]) -> list[Path]:
    """The Markdown files named (files or folders under docs/), folders sorted, in the order given."""
    return markdown_files(docs_dir / name for name in names)

def read_pages(config_file: Path, names: list[str]) -> list[PageQuestions]:
    """Each named page's questions, options in the order shown; raise QuizError as the build would."""
    docs_dir = docs_folder(config_file)
    extensions, settings = markdown_extensions(config_file)
    renderer = markdown_lib.Markdown(extensions=extensions, extension_configs=settings)
    pages = []
    for file in page_files(docs_dir, names):
        source = file.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(source)
        meta = (yaml.safe_load(match.group(1)) if match else None) or {}
        body = source[match.end():] if match else source
        src_path = file.relative_to(docs_dir).as_posix()
        questions = read_questions(renderer.reset().convert(body), src_path=src_path, markdown=source)
        if questions:
            pages.append(PageQuestions(src_path, str(meta.get("title") or src_path), questions))
    return pages


def numbered(pages: list[PageQuestions]) -> list[tuple[str, PageQuestions, Question]]:
    """Every question with its number for the reader: Q1, Q2, … across all the pages."""
    found = []
    for page in pages:
        for question in page.questions:
            found.append((f"Q{len(found) + 1}", page, question))
    return found


def blind_text(pages: list[PageQuestions]) -> str:
    """The questions with their options in the order shown, numbered, with no answers and no reasons."""
    lines = ["Questions, in the order a learner sees them. For each question, choose the option or options you think are right.", ""]
    current = None
    for label, page, question in numbered(pages):
        if page is not current:
            current = page
            lines += [f"## {page.title}", ""]
        lines.append(f"{label}. {question.title_text}")
        lines += [" ".join(markdown_text(extra).split()) for extra in question.extra_html]
        lines.append("(Choose all the answers you think are right.)" if question.several_right else "(Choose one answer.)")
        lines += [f"   {index}. {option.text}" for index, option in enumerate(question.options, start=1)]
        lines.append("")
    return "\n".join(lines)


def markdown_text(html: str) -> str:
    """The words of an HTML fragment."""
    return BeautifulSoup(html, "html.parser").get_text(" ")


def answer_key(pages: list[PageQuestions]) -> dict[str, dict]:
    """Each question's right options (numbers as shown, 1 is first), its page and its id."""
    return {label: {"right": [index for index, option in enumerate(question.options, start=1) if option.is_right],
                    "page": page.src_path, "id": question.id}
            for label, page, question in numbered(pages)}


def _chosen(value: object) -> tuple[list[int], str]:
    if isinstance(value, dict):
        answer, sure = value.get("answer", []), str(value.get("sure", ""))
    else:
        answer, sure = value, ""
    if isinstance(answer, int) and not isinstance(answer, bool):
        answer = [answer]
    if not isinstance(answer, list) or not all(isinstance(item, int) and not isinstance(item, bool) for item in answer):
        raise ValueError(f"an answer must be a number or a list of numbers, like [2] or [1, 3], not {answer!r}")
    return sorted(answer), sure


def _chance(question: Question) -> float:
    """The chance of a random guess being right: one option in n, or one set of options in 2**n - 1."""
    count = len(question.options)
    if sum(option.is_right for option in question.options) == 1:
        return 1 / count
    return 1 / (2 ** count - 1)


def score_text(pages: list[PageQuestions], answers: dict[str, object]) -> str:
    """How many the reader got right, overall, per page and in the check, and which they were sure of."""
    key = answer_key(pages)
    unknown = sorted(set(answers) - set(key))
    if unknown:
        raise ValueError(f"the answers name questions that are not in the key: {', '.join(unknown)}")
    per_page: dict[str, list[int]] = {}
    sure_and_right, lines = [], []
    right_total = 0
    for label, entry in key.items():
        chosen, sure = _chosen(answers.get(label, []))
        is_right = chosen == entry["right"]
        right_total += is_right
        tally = per_page.setdefault(entry["page"], [0, 0])
        tally[0] += is_right
        tally[1] += 1
        if is_right and sure == "sure":
            sure_and_right.append(label)
        lines.append(f"{label} {'right' if is_right else 'wrong'}{f' ({sure})' if sure else ''}: chose {chosen or 'nothing'}, "
                     f"key {entry['right']} ({entry['page']})")
    total = len(key)
    spread = position_spread(question.facts(page.src_path) for page in pages for question in page.questions)
    by_chance = sum(_chance(question) for page in pages for question in page.questions)
    summary = [f"Right: {right_total} of {total} ({right_total / total:.0%}); "
               f"a reader guessing at random would get about {by_chance:.1f} ({by_chance / total:.0%})."]
    summary += [f"  {page}: {right} of {count}" for page, (right, count) in per_page.items()]
    summary.append(f"Sure and right (rewrite these first): {', '.join(sure_and_right) or 'none'}")
    summary.append("Right answers by position (one-answer questions): "
                   + ", ".join(f"option {position}: {count}" for position, count in spread.items()))
    return "\n".join(summary + [""] + lines)


def main(argv: list[str] | None = None) -> int:
    """Print the blind questions, the key, or a reader's score; exit 2 on unreadable input."""
    parser = argparse.ArgumentParser(prog="python -m learner.questions", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--blind", action="store_true", help="print the questions with no answers")
    what.add_argument("--key", action="store_true", help="print the answer key as JSON")
    what.add_argument("--score", metavar="ANSWERS.json", help="score a reader's answers against the key")
    parser.add_argument("pages", nargs="*", default=list(DEFAULT_PAGES),
                        help="pages or folders under docs/ (default: modules/ then check.md)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    options = parser.parse_args(argv)
    try:
        pages = read_pages(Path(options.config_file), options.pages)
        # The build stops on these; here they are said, so a reviewer can still print the questions.
        for problem in course_problems(question.facts(page.src_path) for page in pages for question in page.questions):
            print(f"Warning: {problem}", file=sys.stderr)
        if options.blind:
            print(blind_text(pages))
        elif options.key:
            print(json.dumps(answer_key(pages), indent=2))
        else:
            answers_file = Path(options.score)
            try:
                answers = json.loads(answers_file.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise ValueError(f"{answers_file}, line {error.lineno}: not valid JSON ({error.msg}). "
                                 'Write it like {"Q1": [2], "Q2": [1, 3]}.') from None
            if not isinstance(answers, dict):
                raise ValueError(f'{answers_file}: write the answers as one object, like {{"Q1": [2], "Q2": [1, 3]}}.')
            print(score_text(pages, answers))
    except (QuizError, FileNotFoundError, ValueError, yaml.YAMLError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
