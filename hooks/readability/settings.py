"""The `extra.readability` settings in mkdocs.yml, validated once when the build starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from settings_messages import config_name, setting_problems, shown

from .check import ReadabilityError, Thresholds


class ReadabilityConfig(base.Config):
    """Every setting under `extra.readability`, with its default."""

    enabled = c.Type(bool, default=True)
    min_reading_ease = c.Type((int, float), default=60)
    min_average_reading_ease = c.Type((int, float), default=70)
    max_average_sentence_words = c.Type((int, float), default=20)
    max_sentence_words = c.Type(int, default=25)
    max_paragraph_sentences = c.Type(int, default=5)
    max_paragraph_words = c.Type(int, default=100)
    # A steady pace for older readers, some using a magnifier.
    words_per_minute = c.Type(int, default=120)
    check_plain_words = c.Type(bool, default=True)
    check_jargon = c.Type(bool, default=True)
    plain_words_file = c.Optional(c.Type(str))
    glossary_file = c.Type(str, default="glossary.yml")
    exclude = c.ListOfItems(c.Type(str), default=[])
    report_page = c.Type(str, default="authors/readability.md")


def load_settings(raw: Any, config_file: str | None = "mkdocs.yml") -> ReadabilityConfig:
    """Validate `extra.readability`; raise ReadabilityError naming the config file and each wrong setting."""
    name = config_name(config_file)
    settings = ReadabilityConfig(config_file_path=config_file)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ReadabilityError(f"{name}: 'extra.readability' must be a set of settings, like 'min_reading_ease: 60'.")
    problems = setting_problems(settings, raw, "extra.readability")
    if problems:
        raise ReadabilityError(f"{name}: " + "; ".join(problems) + ". Fix these settings (see docs/authors/guide.md).")
    for key in ("min_reading_ease", "min_average_reading_ease", "max_average_sentence_words", "max_sentence_words",
                "max_paragraph_sentences", "max_paragraph_words", "words_per_minute"):
        if settings[key] < 0 or (key == "words_per_minute" and settings[key] == 0):
            raise ReadabilityError(f"{name}: 'extra.readability.{key}' must be a positive number, not {shown(settings[key])}.")
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
