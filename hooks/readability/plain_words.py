"""Find words that have plainer alternatives, from the list kept in plain_words.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_LIST = Path(__file__).with_name("plain_words.yml")


@dataclass(frozen=True)
class PlainerWord:
    """A word or phrase found in the text, and what to say instead."""

    found: str
    suggestion: str


@lru_cache(maxsize=8)
def load_plain_words(path: Path = DEFAULT_LIST) -> dict[str, str]:
    """Load the list of words and their plainer alternatives."""
    with open(path, encoding="utf-8") as file:
        entries = yaml.safe_load(file) or {}
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in entries.items()):
        raise ValueError(f"{path}: each line must be \"word\": \"plainer word\"")
    return {word.lower(): suggestion for word, suggestion in entries.items()}


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "in order to" wins over a shorter entry inside it.
    alternatives = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in alternatives) + r")(?![\w-])", re.IGNORECASE)


def plainer_words(sentence: str, plain_words: dict[str, str], allowed: frozenset[str] = frozenset()) -> list[PlainerWord]:
    """Return each word or phrase in the sentence that has a plainer alternative."""
    found = []
    for match in _pattern(tuple(plain_words)).finditer(sentence):
        word = match.group(1)
        if word.lower() in allowed:
            continue
        found.append(PlainerWord(word, plain_words[word.lower()]))
    return found
