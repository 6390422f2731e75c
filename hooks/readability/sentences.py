"""Split text into sentences and words, the way a reader would count them."""

from __future__ import annotations

import re

# Abbreviations that end in a full stop but do not end a sentence.
ABBREVIATIONS = frozenset({
    "e.g.", "i.e.", "etc.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.", "vs.", "cf.",
    "approx.", "prof.", "p.", "pp.", "ed.", "eds.", "vol.", "fig.", "al.", "inc.", "ltd.", "co.",
})

WORD = re.compile(r"[A-Za-z0-9]+(?:[’'.,\-][A-Za-z0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£])")


def words(text: str) -> list[str]:
    """Return the words in a piece of text; hyphenated words and numbers count once."""
    return WORD.findall(text)


def _ends_with_abbreviation(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].lower() if text.strip() else ""
    last = last.lstrip("(\"'“‘")
    return last in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.){2,}", last) is not None


def split_sentences(text: str) -> list[str]:
    """Split one block of text into sentences, keeping abbreviations like "e.g." whole."""
    text = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.end()].strip()
        head = text[start : match.start() + 1]
        if _ends_with_abbreviation(head):
            continue
        # An initial such as "H. Bown" is not the end of a sentence.
        if re.search(r"(?:^|\s)[A-Z]\.$", head):
            continue
        sentences.append(candidate)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [sentence for sentence in sentences if words(sentence)]
