"""Each finding and each threshold of the page check, on small pages."""

from __future__ import annotations

import pytest

from readability.check import ReadabilityError, Thresholds, analyse_page, message, page_thresholds
import glossary.model
from glossary.model import GlossaryError, load_glossary, parse_glossary
from readability.plain_words import DEFAULT_LIST, load_plain_words, plainer_words
from readability.report import bar_chart_svg, report_data
from readability.settings import load_settings

GLOSSARY = parse_glossary("""
terms:
  - term: Co-production
    id: co-production
    also: [coproduction]
    meaning: Working together as equals.
  - term: Commissioning
    id: commissioning
    meaning: How councils decide what to buy.
""")
PLAIN_WORDS = load_plain_words()
LONG_SENTENCE = ("We asked the people who came to the meeting on Monday what they thought about the plan "
                 "for the new day centre and the bus that takes them there each week.")


def analyse(markdown: str, html: str, thresholds: Thresholds = Thresholds(), **options):
    return analyse_page(html, markdown, "modules/example.md", thresholds, plain_words=PLAIN_WORDS, glossary=GLOSSARY, **options)


def kinds(report) -> list[str]:
    return [finding.kind for finding in report.warnings]


def test_a_plain_page_has_nothing_to_fix() -> None:
    report = analyse("# Hello\n\nWe meet on Monday. Bring a friend.\n", "<h1>Hello</h1><p>We meet on Monday. Bring a friend.</p>")
    assert report.warnings == []
    assert report.words == 8 and report.sentences == 3


def test_long_sentence_is_quoted_with_its_line() -> None:
    markdown = f"# Title\n\nShort one.\n\n{LONG_SENTENCE}\n"
    report = analyse(markdown, f"<h1>Title</h1><p>Short one.</p><p>{LONG_SENTENCE}</p>", first_line=3)
    [finding] = [f for f in report.warnings if f.kind == "long-sentence"]
    assert finding.line == 7
    assert message(finding, "modules/example.md").startswith(
        "Doc file 'modules/example.md', line 7: sentence has 31 words (limit 25): \"We asked the people")
    assert message(finding, "modules/example.md").endswith("Split it.")


def test_sentence_limit_comes_from_the_thresholds() -> None:
    html = f"<p>{LONG_SENTENCE}</p>"
    assert "long-sentence" not in kinds(analyse(LONG_SENTENCE, html, Thresholds(max_sentence_words=40, max_average_sentence_words=40)))


def test_long_paragraph_by_sentences() -> None:
    text = "We meet. We talk. We plan. We act. We check. We share."
    report = analyse(text, f"<p>{text}</p>")
    assert "long-paragraph" in kinds(report)
    assert "6 sentences" in next(f.message for f in report.warnings if f.kind == "long-paragraph")


def test_long_paragraph_by_words() -> None:
    text = " ".join(["We meet at the hall on the hill each week with tea and cake for all."] * 7)
    assert "long-paragraph" in kinds(analyse(text, f"<p>{text}</p>", Thresholds(max_paragraph_sentences=10)))


def test_word_with_a_plainer_alternative_names_the_suggestion() -> None:
    report = analyse("We will utilise the hall in order to meet.", "<p>We will utilise the hall in order to meet.</p>")
    messages = [f.message for f in report.warnings if f.kind == "plain-word"]
    assert '"utilise" has a plainer alternative: use "use".' in messages
    assert '"in order to" has a plainer alternative: use "to".' in messages


def test_plain_word_check_can_be_switched_off_for_a_page() -> None:
    html = "<p>We will utilise the hall.</p>"
    assert "plain-word" not in kinds(analyse("We will utilise the hall.", html, Thresholds(check_plain_words=False)))


def test_low_reading_ease_and_long_average() -> None:
    text = ("Organisational accountability necessitates comprehensive consideration of interdependencies "
            "characterising contemporary administrative infrastructures.")
    report = analyse(text, f"<p>{text}</p>", Thresholds(check_plain_words=False))
    assert "reading-ease" in kinds(report)
    assert report.flesch_reading_ease < 0


def test_average_sentence_length() -> None:
    sentence = "We sit in a big room with tea and cake and talk about the plan for the hall."
    report = analyse(sentence, f"<p>{sentence}</p>", Thresholds(max_average_sentence_words=10))
    assert "average-sentence" in kinds(report)


def test_jargon_first_used_without_a_glossary_link() -> None:
    report = analyse("We like co-production.", "<p>We like co-production. Co-production is good.</p>")
    jargon = [f for f in report.warnings if f.kind == "jargon"]
    assert len(jargon) == 1
    assert "[co-production](…/glossary.md#co-production)" in jargon[0].message


@pytest.mark.parametrize("href", ["../glossary/#co-production", "../glossary.md#co-production", "glossary.html#co-production"])
def test_jargon_linked_to_the_glossary_is_explained(href: str) -> None:
    html = f'<p>We like <a href="{href}">co-production</a>. Co-production is good.</p>'
    assert "jargon" not in kinds(analyse("We like co-production.", html))


def test_jargon_linked_to_the_wrong_entry_is_not_explained() -> None:
    html = '<p>We like <a href="../glossary/#commissioning">co-production</a>.</p>'
    assert "jargon" in kinds(analyse("We like co-production.", html))


def test_passive_voice_is_reported_but_never_a_warning() -> None:
    report = analyse("The plan was written by staff.", "<p>The plan was written by staff.</p>")
    assert [f.kind for f in report.findings] == ["passive"]
    assert report.warnings == []


def test_sources_section_is_left_out_of_the_checks() -> None:
    html = "<h1>T</h1><p>We meet.</p><h2>Sources</h2><p>Department of Health (2010) Organisational accountability frameworks.</p>"
    assert analyse("# T", html).warnings == []


def test_page_exception_with_a_reason_relaxes_the_threshold() -> None:
    thresholds, reason = page_thresholds(Thresholds(), {"min_reading_ease": 55, "reason": "names of laws"}, "sources.md", 3)
    assert thresholds.min_reading_ease == 55 and reason == "names of laws"


@pytest.mark.parametrize("front_matter, expected", [
    ({"min_reading_ease": 55}, "Doc file 'sources.md', line 3: a readability exception needs a reason"),
    ({"min_reading_ease": 55, "reason": "  "}, "needs a reason"),
    ({"min_reading_ease": "low", "reason": "x"}, "'min_reading_ease' must be a number, not 'low'"),
    ({"check_plain_words": "no", "reason": "x"}, "'check_plain_words' must be true or false"),
    ({"max_words": 30, "reason": "x"}, "unknown readability setting max_words"),
    ("relax please", "must be a set of settings with a reason"),
])
def test_bad_page_exceptions_are_errors(front_matter, expected: str) -> None:
    with pytest.raises(ReadabilityError, match=expected.replace("(", r"\(").replace("[", r"\[")):
        page_thresholds(Thresholds(), front_matter, "sources.md", 3)


@pytest.mark.parametrize("raw, expected", [
    ({"min_reading_ease": "sixty"}, "'extra.readability.min_reading_ease'"),
    ({"max_sentence_words": 25, "max_words": 3}, "'extra.readability.max_words'"),
    ({"words_per_minute": 0}, "must be a positive number"),
    (["min_reading_ease"], "must be a set of settings"),
])
def test_bad_site_settings_are_errors(raw, expected: str) -> None:
    with pytest.raises(ReadabilityError, match=expected):
        load_settings(raw)


def test_site_settings_defaults() -> None:
    settings = load_settings(None)
    assert (settings.min_reading_ease, settings.min_average_reading_ease, settings.max_sentence_words) == (60, 70, 25)


def test_plain_words_list_is_big_enough_and_british() -> None:
    assert len(PLAIN_WORDS) >= 150
    assert {"utilise", "facilitate", "in order to", "stakeholder", "commence", "prior to"} <= set(PLAIN_WORDS)
    assert PLAIN_WORDS["stakeholder"] == "people involved"
    suggestions = " ".join(PLAIN_WORDS.values())
    assert "organization" not in suggestions and "color" not in suggestions
    assert DEFAULT_LIST.name == "plain_words.yml"


def test_glossary_words_are_not_reported_as_plain_words() -> None:
    assert plainer_words("We facilitate the group.", {"facilitate": "help"}, frozenset({"facilitate"})) == []
    assert [w.suggestion for w in plainer_words("We facilitate the group.", {"facilitate": "help"})] == ["help"]


@pytest.mark.parametrize("text, expected", [
    ("terms: [", "not valid YAML"),
    ("words: []", "must start with 'terms:'"),
    ("terms:\n  - term: Co-production\n    id: Co Production\n    meaning: x", "lower-case letters"),
    ("terms:\n  - term: Peer-led\n    id: peer-led\n", "'Peer-led' has no meaning"),
])
def test_bad_glossary_entries_are_errors(text: str, expected: str) -> None:
    with pytest.raises(GlossaryError, match=expected):
        parse_glossary(text)


def test_the_glossary_is_parsed_once_and_again_when_it_changes(tmp_path, monkeypatch) -> None:
    parses = []
    real_parse = glossary.model.parse_glossary
    monkeypatch.setattr(glossary.model, "parse_glossary", lambda text, path: parses.append(path) or real_parse(text, path))
    glossary_file = tmp_path / "glossary.yml"
    glossary_file.write_text("terms:\n  - term: Peer-led\n    id: peer-led\n    meaning: Run by people like you.\n")
    first, second = load_glossary(glossary_file), load_glossary(glossary_file)
    assert first == second and [term.id for term in first] == ["peer-led"]
    assert len(parses) == 1, "the same text should be parsed once for the three hooks"
    glossary_file.write_text("terms:\n  - term: Asset-based\n    id: asset-based\n    meaning: Starting from strengths.\n")
    assert [term.id for term in load_glossary(glossary_file)] == ["asset-based"]
    assert len(parses) == 2
    glossary_file.write_text("terms: [")
    with pytest.raises(GlossaryError, match="not valid YAML"):
        load_glossary(glossary_file)


def test_a_missing_glossary_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(GlossaryError, match="cannot read the glossary"):
        load_glossary(tmp_path / "glossary.yml")


def test_report_data_and_chart() -> None:
    reports = [analyse("We meet.", "<p>We meet.</p>"), analyse("Organisational accountability.", "<p>Organisational accountability necessitates consideration.</p>")]
    reports[1].path = "modules/hard.md"
    data = report_data(reports, 70)
    assert data["course"]["pages"] == 2
    assert {"path", "words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "average_sentence_words",
            "longest_sentence_words", "findings"} <= set(data["pages"][0])
    svg = bar_chart_svg(reports)
    assert svg.count("<rect") == 2 and "<script" not in svg
    assert svg.index("modules/hard.md") < svg.index("modules/example.md"), "worst page first"


def test_a_match_case_term_is_only_found_with_its_capitals() -> None:
    glossary = parse_glossary("""
terms:
  - term: Co-production
    id: co-production
    also: [coproduction]
    meaning: Working together as equals.
  - term: Coproduction in Action
    id: coproduction-in-action
    match_case: true
    meaning: A framework from NDTi.
""")
    named = analyse_page("<p>We use the Coproduction in Action framework.</p>", "We use the Coproduction in Action framework.",
                         "modules/example.md", Thresholds(), plain_words=PLAIN_WORDS, glossary=glossary)
    assert [f.message.split("'")[1] for f in named.findings if f.kind == "jargon"] == ["Coproduction in Action"]
    ordinary = analyse_page("<p>We saw coproduction in action.</p>", "We saw coproduction in action.",
                            "modules/example.md", Thresholds(), plain_words=PLAIN_WORDS, glossary=glossary)
    assert [f.message.split("'")[1] for f in ordinary.findings if f.kind == "jargon"] == ["coproduction"]


def test_match_case_must_be_true_or_false() -> None:
    with pytest.raises(GlossaryError, match="'match_case' of 'NDTi' must be true or false"):
        parse_glossary("terms:\n  - term: NDTi\n    id: ndti\n    match_case: yes please\n    meaning: A charity.\n")
