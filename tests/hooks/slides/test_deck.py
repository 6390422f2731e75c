"""Unit tests for slides.deck: the same slides make the same .pptx file, byte for byte."""

from __future__ import annotations

import io
import time
import zipfile

from pptx import Presentation

from slides.content import Deck, Slide
from slides.deck import FIXED_DATE, deck_bytes

SLIDES = [Slide(title="Welcome", lines=("Who we are", "What today is for"), notes="Say hello."),
          Slide(title="Ground rules", lines=("One person speaks at a time",), notes="Agree them together.")]


def test_the_same_slides_make_the_same_file_whenever_they_are_made() -> None:
    deck = Deck(session=1, title="Session 1", slides=SLIDES)
    first = deck_bytes(deck, SLIDES, organisation="The Co-production Course Team")
    time.sleep(2.1)  # zip times are kept to two seconds: wait long enough that an undated part would differ
    second = deck_bytes(deck, SLIDES, organisation="The Co-production Course Team")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {member.date_time for member in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = Presentation(io.BytesIO(first)).core_properties
    assert properties.created == properties.modified == FIXED_DATE
    assert properties.last_modified_by == "The Co-production Course Team"
