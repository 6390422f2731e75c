"""Sentence splitting and the reading text taken from rendered HTML."""

from __future__ import annotations

import pytest

from readability.sentences import split_sentences, words
from readability.text_blocks import reading_blocks


@pytest.mark.parametrize("text, expected", [
    ("We meet on Monday. We talk. Then we plan.", ["We meet on Monday.", "We talk.", "Then we plan."]),
    ("Bring things to share, e.g. photos or food. Then sit down.", ["Bring things to share, e.g. photos or food.", "Then sit down."]),
    ("Dr Smith and Mrs Khan came. They spoke.", ["Dr Smith and Mrs Khan came.", "They spoke."]),
    ("Is it fair? Yes! We think so.", ["Is it fair?", "Yes!", "We think so."]),
    ("About 7.5 per cent saved. That is a lot.", ["About 7.5 per cent saved.", "That is a lot."]),
    ("A heading with no full stop", ["A heading with no full stop"]),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, count", [
    ("Co-production means working together.", 4),
    ("Older people's voices matter.", 4),
    ("It saved about 7% in 2013.", 6),
    ("", 0),
])
def test_words(text: str, count: int) -> None:
    assert len(words(text)) == count


def test_list_items_and_headings_are_not_merged_into_one_sentence() -> None:
    html = "<h2>What you need</h2><ul><li>Pens and paper</li><li>A room with a hearing loop</li></ul><p>Start on time.</p>"
    texts = [block.text for block in reading_blocks(html)]
    assert texts == ["What you need", "Pens and paper", "A room with a hearing loop", "Start on time."]
    assert [len(split_sentences(text)) for text in texts] == [1, 1, 1, 1]


def test_code_navigation_and_quotations_are_left_out() -> None:
    html = ("<p>Read this.</p><pre><code>make serve now please</code></pre>"
            "<blockquote><p>What a long and winding sentence a real person said to us.</p></blockquote>"
            "<nav><a href='x'>Next page</a></nav><p>And this.</p>")
    assert [block.text for block in reading_blocks(html)] == ["Read this.", "And this."]


def test_links_inside_a_paragraph_keep_their_words() -> None:
    blocks = reading_blocks('<p>We call this <a href="../glossary/#co-production">co-production</a> here.</p>')
    assert blocks[0].text == "We call this co-production here."
