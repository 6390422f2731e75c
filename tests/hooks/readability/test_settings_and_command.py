"""Setting errors in plain words naming the real config file, glossary lines, and the command's front-matter lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT_DIR
from readability.__main__ import main
from readability.check import ReadabilityError
from glossary.model import GlossaryError, parse_glossary
from readability.settings import load_settings


@pytest.mark.parametrize("raw, expected", [
    ({"min_reading_ease": "sixty"}, "'extra.readability.min_reading_ease' must be a number, like 60, not \"sixty\""),
    ({"max_sentence_words": 25.5}, "'extra.readability.max_sentence_words' must be a whole number, like 25, not 25.5"),
    ({"enabled": "yes please"}, "'extra.readability.enabled' must be true or false, not \"yes please\""),
    ({"exclude": "authors/*"}, "'extra.readability.exclude' must be a list, like [first, second], not \"authors/*\""),
    ({"max_words": 3}, "'extra.readability.max_words' is not a setting we know."),
])
def test_a_wrong_setting_is_explained_in_plain_words(raw: dict, expected: str) -> None:
    with pytest.raises(ReadabilityError) as caught:
        load_settings(raw, "course.yml")
    message = str(caught.value)
    assert message.startswith("course.yml: "), message
    assert expected in message
    assert "<class" not in message and "Expected type" not in message


def test_setting_errors_name_the_real_config_file(tmp_path: Path) -> None:
    config_file = tmp_path / "our-course.yml"
    with pytest.raises(ReadabilityError, match=r"our-course\.yml: 'extra\.readability\.words_per_minute' must be a positive number, not 0\."):
        load_settings({"words_per_minute": 0}, str(config_file))
    with pytest.raises(ReadabilityError) as caught:
        load_settings(["min_reading_ease"], str(config_file))
    assert "our-course.yml" in str(caught.value) and "mkdocs.yml" not in str(caught.value)


def test_a_duplicate_glossary_id_names_its_real_line() -> None:
    text = ('terms:\n'
            '  - term: "Co-production"\n'
            '    id: co-production\n'
            '    meaning: Working together as equals.\n'
            '  - term: "Co-produce"\n'
            '    id: co-production\n'
            '    meaning: To work together as equals.\n')
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, "docs/glossary.yml")
    assert str(caught.value) == ("docs/glossary.yml, line 6: the id 'co-production' is used twice (first on line 3). "
                                 "Give each entry its own id.")


def test_a_glossary_entry_with_a_quoted_term_is_found_by_its_line() -> None:
    text = 'terms:\n  - term: "Peer-led"\n    id: peer-led\n'
    with pytest.raises(GlossaryError, match=r"^docs/glossary\.yml, line 2: 'Peer-led' has no meaning"):
        parse_glossary(text, "docs/glossary.yml")


def test_the_command_gives_the_front_matter_line_of_a_readability_exception(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text('---\ntitle: "A page"\ndescription: A short page.\nreadability:\n  max_sentence_words: 40\n---\n\n'
                    "# A page\n\nWe meet on Monday.\n", encoding="utf-8")
    status = main(["-f", str(PROJECT_DIR / "mkdocs.yml"), str(page)])
    output = capsys.readouterr().out
    assert status == 1
    assert "line 4: a readability exception needs a reason" in output, output
