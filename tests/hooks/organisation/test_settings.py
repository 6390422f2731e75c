"""Unit tests for hooks/organisation/settings.py: the settings checks, the contrast maths and the HTML it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from organisation.settings import (
    CONTACT_MARKER,
    DEFAULT_NAME,
    RUN_BY_MARKER,
    SAFEGUARDING_MARKER,
    Organisation,
    OrganisationError,
    brand_contrast,
    brand_stylesheet,
    contrast_problem,
    contrast_ratio,
    fill_markers,
    load_organisation,
    missing_safeguarding_warning,
    phone_link,
    relative_luminance,
    scheme_colours,
    website_label,
)

FIXTURE_DOCS = PROJECT_DIR / "tests" / "fixtures" / "organisation" / "docs"
COLOURS_CSS = PROJECT_DIR / "overrides" / "assets" / "stylesheets" / "app-colours.css"


def load(**settings: object) -> Organisation:
    return load_organisation({"name": "Test Trust", **settings}, FIXTURE_DOCS)


# --- Contrast maths, against figures published with WCAG and by WebAIM ---------------

@pytest.mark.parametrize(
    ("colour", "luminance"),
    [("#000000", 0.0), ("#ffffff", 1.0), ("#808080", 0.2158605)],
)
def test_relative_luminance(colour: str, luminance: float) -> None:
    assert relative_luminance(colour) == pytest.approx(luminance, abs=1e-6)


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
        ("#595959", "#ffffff", 7.0),  # the lightest grey that passes AAA on white
        ("#ff0000", "#ffffff", 4.0),  # pure red on white, the example WebAIM gives
    ],
)
def test_contrast_ratio(foreground: str, background: str, ratio: float) -> None:
    assert contrast_ratio(foreground, background) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(background, foreground) == pytest.approx(ratio, abs=0.01)


def test_luminance_refuses_a_colour_it_cannot_read() -> None:
    with pytest.raises(ValueError):
        relative_luminance("navy")


def test_scheme_colours_reads_each_scheme_from_the_real_stylesheet() -> None:
    schemes = scheme_colours(COLOURS_CSS.read_text(encoding="utf-8"))
    assert set(schemes) >= {"default", "slate", "high-contrast"}
    assert schemes["default"]["--app-header-text"].startswith("#")
    assert schemes["high-contrast"]["--app-background"] == "#000000"


def test_the_course_own_header_colour_passes_its_own_check() -> None:
    colours = scheme_colours(COLOURS_CSS.read_text(encoding="utf-8"))["default"]
    checks = brand_contrast(colours["--app-header-background"], colours)
    assert all(check.passes for check in checks), checks
    assert contrast_problem(colours["--app-header-background"], checks) is None


def test_a_light_brand_colour_fails_and_the_message_lists_each_pair_and_ratio() -> None:
    colours = {"--app-header-text": "#ffffff", "--app-background": "#ffffff", "--app-focus": "#ffdd00"}
    checks = brand_contrast("#6a9fd8", colours)
    problem = contrast_problem("#6a9fd8", checks)
    assert problem is not None
    assert "extra.organisation.brand_colour" in problem
    expected = contrast_ratio("#ffffff", "#6a9fd8")
    assert f"header text and icons #ffffff on #6a9fd8: {expected:.2f} to 1, needs 7 to 1" in problem
    assert "keyboard focus band" in problem  # yellow on light blue is below 3:1 too
    assert "Choose a darker colour" in problem


def test_a_dark_brand_colour_passes() -> None:
    colours = {"--app-header-text": "#ffffff", "--app-background": "#ffffff", "--app-focus": "#ffdd00"}
    assert contrast_problem("#4a1c5e", brand_contrast("#4a1c5e", colours)) is None


def test_brand_stylesheet_sets_the_header_of_the_light_scheme_only() -> None:
    css = brand_stylesheet("#4a1c5e")
    assert '[data-md-color-scheme="default"]' in css
    assert "--app-header-background: #4a1c5e;" in css
    assert "slate" not in css


# --- Settings checks ------------------------------------------------------------------

def test_good_settings_are_kept_and_tidied() -> None:
    organisation = load(email=" courses@example.org ", website="https://www.example.org/", phone="0113 496 0000",
                        brand_colour="#4A1C5E", logo="images/test-logo.svg",
                        next_course={"dates": "5 March", "venue": "The Hall"})
    assert organisation.email == "courses@example.org"
    assert organisation.brand_colour == "#4a1c5e"
    assert organisation.logo == "images/test-logo.svg"
    extra = organisation.as_extra()
    assert extra["name"] == "Test Trust"
    assert extra["next_course"] == {"dates": "5 March", "venue": "The Hall", "how_to_book": None}
    assert extra["phone_link"] == "tel:01134960000"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"email": "info.example.org"},
         """'extra.organisation.email: "info.example.org"' has no "@". Write the full address, like "courses@example.org"."""),
        ({"email": "info@example"}, "'extra.organisation.email: \"info@example\"' is not a whole email address"),
        ({"website": "www.example.org"}, "'extra.organisation.website: \"www.example.org\"' is not a full web address"),
        ({"website": "ftp://example.org"}, "'extra.organisation.website: \"ftp://example.org\"' is not a full web address"),
        ({"phone": "call us"}, "'extra.organisation.phone: \"call us\"' is not a phone number"),
        ({"logo": "images/missing.png"}, "'extra.organisation.logo: \"images/missing.png\"': there is no file docs/images/missing.png"),
        ({"logo": "../README.md"}, "is outside the docs folder"),
        ({"logo": "index.md"}, "is not an image"),
        ({"brand_colour": "purple"}, "'extra.organisation.brand_colour: \"purple\"' is not a colour we can read"),
        ({"brand_colour": "#abc"}, "is not a colour we can read"),
        ({"emial": "courses@example.org"}, "'extra.organisation.emial' is not a setting we know"),
        ({"next_course": {"date": "5 March"}}, "'extra.organisation.next_course.date' is not a setting we know"),
        ({"safeguarding_contact": {"telephone": "0113 496 0000"}},
         "'extra.organisation.safeguarding_contact.telephone' is not a setting we know. Check the spelling. The settings are: name, phone, email."),
        ({"safeguarding_contact": {"phone": "ring Sam"}}, "'extra.organisation.safeguarding_contact.phone: \"ring Sam\"' is not a phone number"),
        ({"safeguarding_contact": {"email": "sam.example.org"}}, "'extra.organisation.safeguarding_contact.email: \"sam.example.org\"' has no \"@\""),
        ({"name": ""}, "'extra.organisation.name' is empty"),
        ({"name": 42}, "'extra.organisation.name'"),
    ],
)
def test_bad_settings_are_refused_naming_the_setting(settings: dict[str, object], expected: str) -> None:
    with pytest.raises(OrganisationError) as error:
        load(**settings)
    assert expected in str(error.value)


def test_missing_organisation_and_missing_name_are_refused() -> None:
    with pytest.raises(OrganisationError, match="'extra.organisation' is missing"):
        load_organisation(None, FIXTURE_DOCS)
    with pytest.raises(OrganisationError, match="'extra.organisation.name'"):
        load_organisation({"email": "a@example.org"}, FIXTURE_DOCS)
    with pytest.raises(OrganisationError, match="must be a set of settings"):
        load_organisation("Test Trust", FIXTURE_DOCS)


@pytest.mark.parametrize(
    ("phone", "link"),
    [("0113 496 0000", "tel:01134960000"), ("+44 (0)113 496-0000", "tel:+4401134960000")],
)
def test_phone_link(phone: str, link: str) -> None:
    assert phone_link(phone) == link


@pytest.mark.parametrize(
    ("website", "label"),
    [("https://www.example.org/", "example.org"), ("http://example.org/courses/", "example.org/courses")],
)
def test_website_label(website: str, label: str) -> None:
    assert website_label(website) == label


# --- The HTML the markers become ------------------------------------------------------

def test_markers_become_the_details_escaped() -> None:
    organisation = load(email="courses@example.org", phone="0113 496 0000", next_course={"dates": "5 March"})
    organisation = Organisation(**{**organisation.__dict__, "name": "Smith & Jones <Trust>"})
    html = fill_markers(f"<p>Intro</p>{RUN_BY_MARKER}<h2>Contact</h2>{CONTACT_MARKER}", organisation)
    soup = BeautifulSoup(html, "html.parser")
    assert RUN_BY_MARKER not in html and CONTACT_MARKER not in html
    blocks = soup.select(".app-organisation")
    assert len(blocks) == 2
    assert "This course is run by Smith & Jones <Trust>." in blocks[0].get_text("")
    assert "When: 5 March" in blocks[0].get_text(" ", strip=True)
    assert soup.select_one('a[href="mailto:courses@example.org"]').get_text() == "courses@example.org"
    assert soup.select_one('a[href="tel:01134960000"]') is not None
    assert "<Trust>" not in html  # escaped, not markup


def test_pages_without_markers_are_left_alone() -> None:
    assert fill_markers("<p>Nothing here</p>", load()) == "<p>Nothing here</p>"


def test_fixture_logo_exists() -> None:
    assert Path(FIXTURE_DOCS, "images", "test-logo.svg").is_file()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"name": 5}, "'extra.organisation.name' must be words, in quotes if they hold a colon, not 5"),
        ({"name": "Trust", "next_course": {"dates": ["Monday"]}},
         "'extra.organisation.next_course.dates' must be words, in quotes if they hold a colon, not a list"),
        ({"name": "Trust", "next_course": {"when": "Monday"}}, "'extra.organisation.next_course.when' is not a setting we know."),
        ({}, "'extra.organisation.name' is missing."),
    ],
)
def test_a_wrong_setting_is_in_plain_words_naming_the_real_config_file(raw: dict, expected: str) -> None:
    with pytest.raises(OrganisationError) as caught:
        load_organisation(raw, FIXTURE_DOCS, "/srv/course/our-site.yml")
    message = str(caught.value)
    assert message.startswith("/srv/course/our-site.yml: "), message
    assert expected in message, message
    assert "<class" not in message and "mkdocs.yml" not in message


# --- Safeguarding contact -------------------------------------------------------------

def test_the_default_name_is_the_one_in_the_course_mkdocs_yml() -> None:
    """A branded build is one under another name: DEFAULT_NAME must be the course's own."""
    import yaml

    config = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["extra"]["organisation"]["name"] == DEFAULT_NAME


def test_safeguarding_marker_becomes_the_contact_escaped() -> None:
    organisation = load(safeguarding_contact={"name": "Sam <Lead>", "phone": "0113 496 0999", "email": "safe@example.org"})
    html = fill_markers(f"<h2>Who to tell</h2>{SAFEGUARDING_MARKER}", organisation)
    soup = BeautifulSoup(html, "html.parser")
    block = soup.select_one(".app-organisation--safeguarding")
    assert SAFEGUARDING_MARKER not in html and "<Lead>" not in html
    assert "Name: Sam <Lead>" in block.get_text(" ", strip=True)
    assert block.select_one('a[href="tel:01134960999"]').get_text() == "0113 496 0999"
    assert block.select_one('a[href="mailto:safe@example.org"]').get_text() == "safe@example.org"
    assert organisation.as_extra()["safeguarding_contact"] == {"name": "Sam <Lead>", "phone": "0113 496 0999", "email": "safe@example.org"}


def test_without_a_safeguarding_contact_the_page_tells_hosts_to_set_it() -> None:
    html = fill_markers(SAFEGUARDING_MARKER, load())
    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    assert "has not added its safeguarding contact yet" in text
    assert "extra.organisation.safeguarding_contact" in text
    assert load().as_extra()["safeguarding_contact"] is None


@pytest.mark.parametrize(
    ("name", "contact", "warns"),
    [("Test Trust", None, True), ("Test Trust", {"phone": "0113 496 0999"}, False), (DEFAULT_NAME, None, False)],
    ids=["branded-without-contact", "branded-with-contact", "course-default-name"],
)
def test_a_branded_build_without_a_safeguarding_contact_is_warned(name: str, contact: dict | None, warns: bool) -> None:
    organisation = load(name=name, **({"safeguarding_contact": contact} if contact else {}))
    warning = missing_safeguarding_warning(organisation)
    assert (warning is not None) == warns
    if warns:
        assert warning.startswith("'extra.organisation.safeguarding_contact' is not set")
        assert "Test Trust" in warning
