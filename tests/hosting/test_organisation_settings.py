"""Whole builds of a tiny course with the organisation hook: good settings show, bad ones stop the build by name."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR, build_site

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "organisation"
GOOD = {
    "name": "Fernhill Test Housing Trust",
    "email": "learning@fernhill.example.org",
    "phone": "0113 496 0123",
    "website": "https://fernhill.example.org/",
    "safeguarding_contact": {"name": "Sam Patel", "phone": "0113 496 0999", "email": "safeguarding@fernhill.example.org"},
}


def write_config(folder: Path, organisation: dict[str, object]) -> Path:
    """A mkdocs.yml for the tiny fixture course, with absolute paths so it can live in a temporary folder."""
    config = {
        "site_name": "Organisation test",
        "docs_dir": str(FIXTURE / "docs"),
        "strict": True,
        "theme": {"name": "material", "custom_dir": str(PROJECT_DIR / "overrides"), "font": False, "language": "en-GB"},
        # The assets hook too: overrides/main.html asks it for each page's stylesheet and script.
        "hooks": [str(PROJECT_DIR / "hooks" / "organisation_hook.py"), str(PROJECT_DIR / "hooks" / "assets_hook.py")],
        "extra": {"generator": False, "organisation": organisation},
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_good_settings_show_in_the_footer_and_on_the_page(tmp_path: Path) -> None:
    organisation = {**GOOD, "logo": "images/test-logo.svg", "brand_colour": "#4a1c5e",
                    "next_course": {"dates": "Thursdays 5 and 12 March", "venue": "Fernhill Hall"}}
    result = build_site(write_config(tmp_path, organisation), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    soup = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")

    footer = soup.select_one("footer .app-footer-organisation")
    assert "This course is run by Fernhill Test Housing Trust." in footer.get_text(" ", strip=True).replace(" .", ".")
    assert footer.select_one('a[href="mailto:learning@fernhill.example.org"]') is not None
    assert footer.select_one('a[href="tel:01134960123"]') is not None
    logo = footer.select_one("img.app-footer-organisation__logo")
    assert logo is not None and logo["alt"] == ""  # the name is written beside it
    assert (tmp_path / "site" / "images" / "test-logo.svg").is_file()

    content = soup.select_one("article")
    assert "<!-- organisation" not in str(content)
    assert "Thursdays 5 and 12 March" in content.get_text()
    assert content.select_one('a[href="mailto:learning@fernhill.example.org"]') is not None

    brand_css = tmp_path / "site" / "assets" / "stylesheets" / "app-brand.css"
    # Minified in the built site (hooks/assets/), so the spaces are gone.
    assert "--app-header-background:#4a1c5e" in brand_css.read_text(encoding="utf-8").replace(" ", "")
    assert soup.select_one('link[href$="assets/stylesheets/app-brand.css"]') is not None


def test_without_a_brand_colour_there_is_no_brand_stylesheet(tmp_path: Path) -> None:
    result = build_site(write_config(tmp_path, {"name": "Fernhill Test Housing Trust", "safeguarding_contact": {"name": "Sam Patel"}}), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (tmp_path / "site" / "assets" / "stylesheets" / "app-brand.css").exists()
    footer = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("footer")
    assert "Fernhill Test Housing Trust" in footer.get_text()
    assert footer.select_one(".app-footer-organisation__contact") is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "info.example.org"},
         """'extra.organisation.email: "info.example.org"' has no "@". Write the full address, like "courses@example.org"."""),
        ({"logo": "images/our-logo.png"},
         """'extra.organisation.logo: "images/our-logo.png"': there is no file docs/images/our-logo.png."""),
        ({"brand_colour": "#8ab4f8"},
         """'extra.organisation.brand_colour: "#8ab4f8"' is too light or too dark for the header: header text and icons #ffffff on #8ab4f8:"""),
        ({"telephone": "0113 496 0123"}, "'extra.organisation.telephone' is not a setting we know."),
        ({"website": "fernhill.example.org"}, """'extra.organisation.website: "fernhill.example.org"' is not a full web address."""),
    ],
    ids=["email-without-at", "missing-logo", "low-contrast-brand-colour", "unknown-key", "website-without-https"],
)
def test_bad_settings_stop_the_build_naming_the_setting(tmp_path: Path, change: dict[str, str], message: str) -> None:
    result = build_site(write_config(tmp_path, {**GOOD, **change}), tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr, result.stderr[-3000:]
    assert not (tmp_path / "site" / "index.html").exists()


def test_safeguarding_contact_shows_on_the_page_that_asks_for_it(tmp_path: Path) -> None:
    result = build_site(write_config(tmp_path, GOOD), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    article = BeautifulSoup((tmp_path / "site" / "safeguarding" / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    block = article.select_one(".app-organisation--safeguarding")
    assert "Name: Sam Patel" in block.get_text(" ", strip=True)
    assert block.select_one('a[href="tel:01134960999"]') is not None
    assert block.select_one('a[href="mailto:safeguarding@fernhill.example.org"]') is not None


def test_a_branded_build_without_a_safeguarding_contact_warns_and_the_page_says_to_set_it(tmp_path: Path) -> None:
    branded = {key: value for key, value in GOOD.items() if key != "safeguarding_contact"}
    strict = build_site(write_config(tmp_path, branded), tmp_path / "strict-site")
    assert strict.returncode != 0
    assert ("WARNING -  mkdocs.yml: 'extra.organisation.safeguarding_contact' is not set, so the safeguarding page "
            "cannot say who at Fernhill Test Housing Trust takes a concern.") in strict.stderr, strict.stderr[-3000:]
    relaxed = build_site(write_config(tmp_path, branded), tmp_path / "site", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr[-3000:]
    page = BeautifulSoup((tmp_path / "site" / "safeguarding" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "has not added its safeguarding contact yet" in page.select_one("article").get_text(" ", strip=True)


def test_the_course_default_name_without_a_safeguarding_contact_does_not_warn(tmp_path: Path) -> None:
    default_name = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["organisation"]["name"]
    result = build_site(write_config(tmp_path, {"name": default_name}), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "safeguarding_contact" not in result.stderr
