"""Check Markdown files without building the site: `python -m readability docs/modules/new.md`.

With `--core-words`, print only each module's core reading and check it against
`extra.readability.core_words_limit` (or `--limit`).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.meta import get_data

from front_matter.checks import is_module_file
from front_matter.page_files import markdown_files
from glossary import GLOSSARY_PAGE
from glossary.model import GlossaryError, load_glossary

from .check import Finding, ReadabilityError, analyse_page, course_average, front_matter_key_line, front_matter_lines, message, page_thresholds
from .core_words import core_reading, core_words_message, core_words_problem
from .module_time import module_time, module_time_problem
from .plain_words import load_plain_words
from .settings import load_settings, plain_words_path, site_thresholds


def _print_core_words(files: list[Path], docs_dir: Path, limit: int | None) -> int:
    """Print each file's core words (one line a file, as the build does); 1 if any is over the limit."""
    over = 0
    total = 0
    for file in files:
        try:
            uri = file.resolve().relative_to(docs_dir.resolve()).as_posix()
        except ValueError:
            uri = file.as_posix()
        body, _meta = get_data(file.read_text(encoding="utf-8"))
        reading = core_reading(body)
        total += reading.core_words
        problem = core_words_problem(uri, reading, limit)
        print(problem or core_words_message(uri, reading, limit))
        over += problem is not None
    if len(files) > 1:
        print(f"{len(files)} files: {total} words of core reading in all, {round(total / len(files))} on average")
    return 1 if over else 0


def main(argv: list[str] | None = None) -> int:
    """Print each finding with its file and line; exit 1 if any would fail the build."""
    parser = argparse.ArgumentParser(prog="python -m readability", description=__doc__)
    parser.add_argument("paths", nargs="+", help="Markdown files or folders to check")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    parser.add_argument("--passive", action="store_true", help="also list possible passive voice (never fails)")
    parser.add_argument("--core-words", action="store_true",
                        help="print only each file's words of core reading, and fail over the limit")
    parser.add_argument("--limit", type=int, help="with --core-words: the limit (default: extra.readability.core_words_limit)")
    options = parser.parse_args(argv)

    try:
        config = load_config(options.config_file)
        settings = load_settings(config["extra"].get("readability"), options.config_file)
        docs_dir = Path(config["docs_dir"])
        glossary = load_glossary(docs_dir / settings.glossary_file)
        plain_words = load_plain_words(plain_words_path(settings, Path(options.config_file).resolve().parent))
        files = markdown_files(Path(name) for name in options.paths)
    except (ConfigurationError, ReadabilityError, GlossaryError, FileNotFoundError, ValueError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2

    if options.core_words:
        return _print_core_words(files, docs_dir, options.limit if options.limit is not None else settings.core_words_limit)

    renderer = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    failed = 0
    reports = []
    for file in files:
        try:
            uri = file.resolve().relative_to(docs_dir.resolve()).as_posix()
        except ValueError:
            uri = file.as_posix()
        if any(fnmatch.fnmatch(uri, pattern) for pattern in settings.exclude):
            continue
        source = file.read_text(encoding="utf-8")
        body, meta = get_data(source)
        try:
            thresholds, _reason = page_thresholds(site_thresholds(settings), meta.get("readability"), uri,
                                                front_matter_key_line(source, "readability"))
        except ReadabilityError as error:
            print(error)
            failed += 1
            continue
        html = renderer.reset().convert(body)
        report = analyse_page(html, body, uri, thresholds, plain_words=plain_words, glossary=glossary,
                              words_per_minute=settings.words_per_minute, first_line=front_matter_lines(source) + 1,
                              is_glossary_page=uri == GLOSSARY_PAGE)
        if is_module_file(uri) and isinstance(meta.get("time"), int) and not isinstance(meta.get("time"), bool):
            time = module_time(html, stated=meta["time"], words=report.words, words_per_minute=settings.words_per_minute)
            problem = module_time_problem(time, words_per_minute=settings.words_per_minute)
            if problem:
                report.findings.append(Finding("module-time", front_matter_key_line(source, "time"), problem))
        reports.append(report)
        for finding in report.findings:
            if finding.severity == "warning" or options.passive:
                print(("" if finding.severity == "warning" else "Info: ") + message(finding, uri))
        failed += len(report.warnings)
        print(f"{uri}: {report.words} words, reading ease {report.flesch_reading_ease:.1f}, grade {report.flesch_kincaid_grade:.1f} "
              f"(UK reading age {report.uk_reading_age}), average sentence {report.average_sentence_words:.1f} words, "
              f"longest {report.longest_sentence_words}, {len(report.warnings)} to fix")
    if len(reports) > 1:
        print(f"Average reading ease of {len(reports)} pages: {course_average(reports):.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
