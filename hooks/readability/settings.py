"""The `extra.readability` settings in mkdocs.yml, validated once when the build starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extra_settings import Setting, Settings, check_settings, config_name, shown

from .check import ReadabilityError, Thresholds


_NUMBER = (int, float)
# Every setting under `extra.readability`, with its default.
READABILITY_SETTINGS = {
    "enabled": Setting((bool,), default=True),
    "min_reading_ease": Setting(_NUMBER, default=60),
    "min_average_reading_ease": Setting(_NUMBER, default=70),
    "max_average_sentence_words": Setting(_NUMBER, default=20),
    "max_sentence_words": Setting((int,), default=25),
    "max_paragraph_sentences": Setting((int,), default=5),
    "max_paragraph_words": Setting((int,), default=100),
    # A steady pace for older readers, some using a magnifier.
    "words_per_minute": Setting((int,), default=120),
    # The most words of core reading a module may have (see core_words.py); no limit when left out.
    "core_words_limit": Setting((int,), optional=True),
    "check_plain_words": Setting((bool,), default=True),
    "check_jargon": Setting((bool,), default=True),
    "plain_words_file": Setting(optional=True),
    "glossary_file": Setting(default="glossary.yml"),
    "exclude": Setting(list_of_items=True, default=[]),
    "report_page": Setting(default="authors/readability.md"),
}
# The checked settings: `settings.words_per_minute` or `settings["words_per_minute"]`.
ReadabilityConfig = Settings


def load_settings(raw: Any, config_file: str | None = "mkdocs.yml") -> ReadabilityConfig:
    """Validate `extra.readability`; raise ReadabilityError naming the config file and each wrong setting."""
    name = config_name(config_file)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ReadabilityError(f"{name}: 'extra.readability' must be a set of settings, like 'min_reading_ease: 60'.")
    settings, problems = check_settings(READABILITY_SETTINGS, raw, "extra.readability")
    if problems:
        raise ReadabilityError(f"{name}: " + "; ".join(problems) + ". Fix these settings (see docs/authors/guide.md).")
    for key in ("min_reading_ease", "min_average_reading_ease", "max_average_sentence_words", "max_sentence_words",
                "max_paragraph_sentences", "max_paragraph_words", "words_per_minute"):
        if settings[key] < 0 or (key == "words_per_minute" and settings[key] == 0):
            raise ReadabilityError(f"{name}: 'extra.readability.{key}' must be a positive number, not {shown(settings[key])}.")
    limit = settings.core_words_limit
    if limit is not None and (isinstance(limit, bool) or limit <= 0):
        raise ReadabilityError(f"{name}: 'extra.readability.core_words_limit' must be a whole number above 0, like 1200, "
                               f"not {shown(limit)}.")
    return settings


def site_thresholds(settings: ReadabilityConfig) -> Thresholds:
    """The page thresholds from the validated settings."""
    return Thresholds(
        min_reading_ease=settings.min_reading_ease,
        max_average_sentence_words=settings.max_average_sentence_words,
        max_sentence_words=settings.max_sentence_words,
        max_paragraph_sentences=settings.max_paragraph_sentences,
        max_paragraph_words=settings.max_paragraph_words,
        check_plain_words=settings.check_plain_words,
        check_jargon=settings.check_jargon,
    )


def plain_words_path(settings: ReadabilityConfig, project_dir: Path) -> Path:
    """Where the list of plainer words is: the setting, or the list beside this module."""
    from .plain_words import DEFAULT_LIST

    return project_dir / settings.plain_words_file if settings.plain_words_file else DEFAULT_LIST
