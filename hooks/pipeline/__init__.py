"""The build's pipeline in one place: every step, in the order MkDocs runs it, and what it hands on.

`STEPS` lists each adapter's events in the order of `hooks:` in mkdocs.yml, with
the `@event_priority` each one has (0 when it has none), what it reads and what
it writes. `pipeline_hook.py`, listed first, compares this table with the hooks
MkDocs loaded and stops the build when they disagree, so the table cannot drift.
`python -m pipeline` (from hooks/) prints the steps in the order they run.

How MkDocs orders them: by event (`EVENTS` below), then by priority (higher
first), then by place in `hooks:`. Steps hand data on as values (the reading
time in `readability.reading_time.SHOWN`, the pages in `course_pages.COLLECTED`,
the checked organisation in `config.extra`), never as HTML another step searches for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

# MkDocs 1.x runs a build's events in this order (mkdocs/commands/build.py).
EVENTS = (
    "on_startup", "on_config", "on_pre_build", "on_files", "on_nav", "on_pre_page", "on_page_read_source",
    "on_page_markdown", "on_page_content", "on_env", "on_pre_template", "on_template_context", "on_post_template",
    "on_page_context", "on_post_page", "on_post_build", "on_build_error", "on_shutdown", "on_serve",
)
TABLE = "hooks/pipeline/__init__.py"


@dataclass(frozen=True)
class Step:
    """One adapter's handler for one event."""

    adapter: str
    event: str
    priority: int
    reads: str
    writes: str


def _steps(adapter: str, *rows: tuple[str, int, str, str]) -> list[Step]:
    return [Step(adapter, event, priority, reads, writes) for event, priority, reads, writes in rows]


STEPS: tuple[Step, ...] = (
    *_steps("pipeline_hook.py",
            ("on_config", 100, "the hooks MkDocs loaded", "nothing: stops the build if they differ from this table")),
    *_steps("markers_hook.py",
            ("on_page_markdown", 100, "each page's Markdown as written", "nothing: stops on an unknown or missing marker"),
            ("on_post_page", -100, "each finished page", "nothing: stops on a marker left unfilled")),
    *_steps("front_matter_hook.py",
            ("on_config", 0, "", "forgets the last build's pages"),
            ("on_page_markdown", 100, "each page's front matter", "nothing: stops on a wrong field"),
            ("on_env", 0, "every page's front matter", "nothing: stops when an activity's session differs from its module's")),
    *_steps("organisation_hook.py",
            ("on_config", 0, "extra.organisation, overrides/.../app-colours.css",
             "config.extra['organisation'] checked, read by the learner, print_packs and ebooks steps"),
            ("on_files", 0, "the brand colour", "assets/stylesheets/app-brand.css"),
            ("on_page_content", -50, "page HTML with organisation markers", "the organisation's details in place")),
    *_steps("local_context_hook.py",
            ("on_config", 0, "extra.local_context: a nation, the host's own file, or nothing",
             "that nation's text (hooks/local_context/nations/), the host's, or the neutral one, kept for this build"),
            ("on_page_markdown", 90, "module 2's Markdown", "the section on the law where you live filled, or removed")),
    *_steps("session_plans_hook.py",
            ("on_config", 0, "", "forgets the last build's plans"),
            ("on_page_markdown", 0, "each session plan's Markdown", "warnings for timings, and parts of a row, that do not add up"),
            ("on_env", 0, "each plan's \"What to print\"; course_pages.COLLECTED and the packs, ebooks and slides' file names",
             "warnings for a file named that the build does not make")),
    *_steps("glossary_hook.py",
            ("on_config", 0, "docs/glossary.yml (extra.readability.glossary_file)", "the terms, kept for this build"),
            ("on_page_markdown", 0, "glossary.md", "the glossary entries in its Markdown")),
    *_steps("readability_hook.py",
            ("on_config", 0, "extra.readability, the glossary, the plainer-words list", "settings kept for this build"),
            ("on_page_markdown", 0, "each page's Markdown and readability: exception", "words kept for the repeats check"),
            ("on_page_content", 0, "the authors' HTML (before any other step adds words)",
             "findings as warnings; the reading time under the title, and as a value in readability.reading_time.SHOWN"),
            ("on_post_page", 0, "every page's findings", "the authors' readability report page"),
            ("on_post_build", 0, "every page's findings and words", "site/readability.json; course-wide warnings")),
    *_steps("learner_hook.py",
            ("on_config", 0, "the glossary", "forgets the last build's pages"),
            ("on_nav", 0, "the menu", "the menu order and page addresses"),
            ("on_page_content", 0, "page HTML; the reading time from readability.reading_time.SHOWN",
             "questions, note boxes, glossary pop-ups, \"Listen\", \"Mark as done\""),
            ("on_env", 0, "every page's questions, options as shown", "nothing: stops when the right answer is too often the longest or in one place"),
            ("on_post_page", 0, "every page's questions and notes; config.extra['organisation']",
             "the progress, notes, check and certificate parts")),
    *_steps("page_chrome_hook.py",
            ("on_nav", 0, "the menu", "whether it has sections"),
            ("on_page_content", 0, "page HTML", "the main heading as the skip link's target, scrollable tables"),
            ("on_post_template", 0, "404.html", "the same changes as every page"),
            ("on_post_page", 0, "each finished page (Material's markup)", "named landmarks, search dialog and buttons"),
            ("on_post_build", -5, "print-site's whole-course page", "the same changes on it")),
    *_steps("print_packs_hook.py",
            ("on_startup", 0, "the command", "whether this is mkdocs serve"),
            ("on_config", 0, "PRINT_PACKS, the command",
             "whether the build makes packs (course_pages.COLLECTED.skipped); stops if WeasyPrint is missing"),
            ("on_nav", 0, "the menu", "the menu order, in course_pages.COLLECTED"),
            ("on_page_content", -100, "each page's finished HTML (after every other page step)",
             "course_pages.COLLECTED, read by the ebooks step too"),
            ("on_env", 0, "course_pages.COLLECTED; config.extra['organisation']", "site/downloads/*.pdf"),
            ("on_post_page", 0, "the packs made", "the \"Print and download\" list of packs"),
            ("on_post_build", -10, "print-site's whole-course page", "its headings tidied")),
    *_steps("ebooks_hook.py",
            ("on_config", 0, "course_pages.COLLECTED.skipped", "forgets the last build; stops if pandoc is missing"),
            ("on_env", 0, "course_pages.COLLECTED; config.extra['organisation']", "site/downloads/*.docx, *.epub"),
            ("on_post_page", 0, "the files made", "the \"Print and download\" list of Word and EPUB files")),
    *_steps("slides_hook.py",
            ("on_config", 0, "course_pages.COLLECTED.skipped", "forgets the last build; stops if LibreOffice is missing"),
            ("on_env", 0, "course_pages.COLLECTED (the session plans and the pages they name); config.extra['organisation']",
             "site/downloads/slides/session-*-slides.pptx and .pdf"),
            ("on_post_page", 0, "the decks made", "the \"Print and download\" list of slides")),
    *_steps("assets_hook.py",
            ("on_config", -50, "the theme's folders; print-site's script in extra_javascript",
             "a fresh bundler; print-site's script off every page but its own"),
            ("on_template_context", 0, "", "asset_bundle() for 404.html (print-site reuses its context)"),
            ("on_page_context", 0, "", "asset_bundle() for each page's template"),
            ("on_post_build", -60, "the bundles each page asked for (after print-site's page, priority 0)",
             "assets/stylesheets/app.<hash>.min.css and assets/javascripts/app.<hash>.min.js; "
             "the separate app-* files removed, the others minified")),
    *_steps("content_security_policy_hook.py",
            ("on_files", 0, "the pages' files", "which Markdown file each built page comes from"),
            ("on_post_build", -70, "every built page", "the print page's inline code moved into assets/inline/")),
    *_steps("host_files_hook.py",
            ("on_config", 0, "extra.hosting", "config.extra['hosting'] checked"),
            ("on_post_build", -72, "every built file; hosting/http_rules.py",
             "site/.htaccess and site/_headers; with extra.hosting.csp_meta, the policy in every page")),
    *_steps("offline_copy_hook.py",
            ("on_startup", 0, "the command", "whether this is mkdocs serve"),
            ("on_config", 0, "", "starts keeping this build's warnings"),
            ("on_page_content", -50, "page HTML with the offline-copy marker", "the download link"),
            ("on_post_build", -75, "the finished site, PDFs included",
             "site/downloads/course-offline.zip and course-scorm12.zip")),
)


def adapters(steps: tuple[Step, ...] = STEPS) -> list[str]:
    """The adapters in the table's order, each once."""
    return list(dict.fromkeys(step.adapter for step in steps))


def in_run_order(steps: tuple[Step, ...] = STEPS) -> list[Step]:
    """The steps in the order MkDocs runs them: by event, then higher priority first, then place in `hooks:`."""
    place = {adapter: index for index, adapter in enumerate(adapters(steps))}
    return sorted(steps, key=lambda step: (EVENTS.index(step.event), -step.priority, place[step.adapter]))


def pipeline_problems(loaded: list[tuple[str, dict[str, int]]], *, config_name: str = "mkdocs.yml",
                      steps: tuple[Step, ...] = STEPS) -> list[str]:
    """Each way the loaded hooks (path in `hooks:`, {event: priority}) differ from the table; [] when they agree."""
    problems = []
    listed = [PurePosixPath(path).name for path, _ in loaded]
    expected = adapters(steps)
    if listed != expected:
        problems.append(f"{config_name}: 'hooks:' lists {', '.join(listed)}; the pipeline table ({TABLE}) has "
                        f"{', '.join(expected)}. List the hooks in the table's order, or change the table with them.")
    for path, events in loaded:
        name = PurePosixPath(path).name
        table = {step.event: step.priority for step in steps if step.adapter == name}
        if name not in expected:
            continue
        for event in sorted(set(events) | set(table), key=lambda event: (EVENTS.index(event) if event in EVENTS else len(EVENTS), event)):
            if event not in table:
                problems.append(f"{config_name}: the hook {path} has {event} (priority {events[event]}), which the "
                                f"pipeline table ({TABLE}) does not list. Add the step to the table.")
            elif event not in events:
                problems.append(f"{config_name}: the pipeline table ({TABLE}) lists {event} for {name}, which the "
                                f"hook {path} does not have. Take the step out of the table.")
            elif events[event] != table[event]:
                problems.append(f"{config_name}: the hook {path} runs {event} at priority {events[event]}, but the "
                                f"pipeline table ({TABLE}) says {table[event]}. Change one so they agree.")
    return problems
