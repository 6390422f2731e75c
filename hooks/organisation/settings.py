"""The organisation that runs the course: its settings under `extra.organisation`, and where they show.

Everything here takes plain values or text and returns results, so it is tested
without a build. `organisation_hook.py` is the thin MkDocs glue.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extra_settings import Setting, check_settings, config_name

# Markers that authors put in a page's Markdown; the build replaces each with HTML.
RUN_BY_MARKER = "<!-- organisation-run-by -->"
CONTACT_MARKER = "<!-- organisation-contact -->"
SAFEGUARDING_MARKER = "<!-- organisation-safeguarding-contact -->"
# The name in the course's own mkdocs.yml. A build under any other name is a branded
# build: a host running the course for real, who must say who takes safeguarding concerns.
DEFAULT_NAME = "The Co-production Course Team"

# WCAG 2.2 success criterion 1.4.6 (Contrast, enhanced, level AAA): 7 to 1 for text.
MINIMUM_CONTRAST = 7.0
# The scheme whose header shows the brand colour. The dark and high-contrast
# schemes keep their black header: a brand colour there would only lower contrast.
BRANDED_SCHEME = "default"

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SCHEME_BLOCK = re.compile(r"([^{}]+)\{([^{}]*)\}")
_VARIABLE = re.compile(r"(--app-[a-z-]+)\s*:\s*([^;]+);")


class OrganisationError(ValueError):
    """A setting under `extra.organisation` is missing or wrong; the message says how to fix it."""


_TEXT = Setting(optional=True)
# `extra.organisation.next_course`: when and where the next course with a trainer runs.
NEXT_COURSE_SETTINGS = {"dates": _TEXT, "venue": _TEXT, "how_to_book": _TEXT}
# `extra.organisation.safeguarding_contact`: who a trainer tells about a concern or a disclosure of harm.
SAFEGUARDING_SETTINGS = {"name": _TEXT, "phone": _TEXT, "email": _TEXT}
# Every setting under `extra.organisation`.
ORGANISATION_SETTINGS = {
    "name": Setting(), "website": _TEXT, "email": _TEXT, "phone": _TEXT, "logo": _TEXT, "brand_colour": _TEXT,
    "next_course": Setting(group=NEXT_COURSE_SETTINGS), "safeguarding_contact": Setting(group=SAFEGUARDING_SETTINGS),
}

SETTING_NAMES = tuple(ORGANISATION_SETTINGS)
NEXT_COURSE_SETTING_NAMES = tuple(NEXT_COURSE_SETTINGS)
SAFEGUARDING_SETTING_NAMES = tuple(SAFEGUARDING_SETTINGS)


@dataclass(frozen=True)
class Organisation:
    """The validated details, ready to show."""

    name: str
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    logo: str | None = None
    brand_colour: str | None = None
    next_course_dates: str | None = None
    next_course_venue: str | None = None
    next_course_how_to_book: str | None = None
    safeguarding_name: str | None = None
    safeguarding_phone: str | None = None
    safeguarding_email: str | None = None

    @property
    def has_safeguarding_contact(self) -> bool:
        """Whether any safeguarding contact detail is set."""
        return bool(self.safeguarding_name or self.safeguarding_phone or self.safeguarding_email)

    @property
    def is_branded(self) -> bool:
        """Whether the course runs under a host's own name rather than the course's default."""
        return self.name != DEFAULT_NAME

    def as_extra(self) -> dict[str, Any]:
        """The settings as `config.extra["organisation"]` holds them after validation (other hooks read `name`)."""
        next_course = {"dates": self.next_course_dates, "venue": self.next_course_venue, "how_to_book": self.next_course_how_to_book}
        safeguarding = {"name": self.safeguarding_name, "phone": self.safeguarding_phone, "email": self.safeguarding_email}
        return {"name": self.name, "website": self.website, "email": self.email, "phone": self.phone, "logo": self.logo,
                "brand_colour": self.brand_colour,
                "next_course": next_course if any(next_course.values()) else None,
                "safeguarding_contact": safeguarding if any(safeguarding.values()) else None,
                # Ready to show, so templates need no string handling of their own.
                "phone_link": phone_link(self.phone) if self.phone else None,
                "website_label": website_label(self.website) if self.website else None}


def _setting(key: str) -> str:
    return f"extra.organisation.{key}"


def load_organisation(raw: Any, docs_dir: Path, config_file: str | None = "mkdocs.yml") -> Organisation:
    """Validate `extra.organisation`; raise OrganisationError naming the config file, the first wrong setting and how to fix it."""
    try:
        return _load_organisation(raw, docs_dir, config_file)
    except OrganisationError as error:
        raise OrganisationError(f"{config_name(config_file)}: {error}") from None


def _load_organisation(raw: Any, docs_dir: Path, config_file: str | None) -> Organisation:
    if raw is None:
        raise OrganisationError(
            "'extra.organisation' is missing. Add your organisation's details under 'extra:', "
            "starting with 'organisation:' and '  name: \"Your organisation\"' (see README.md, "
            "\"Putting your organisation's name on it\")."
        )
    if not isinstance(raw, dict):
        raise OrganisationError("'extra.organisation' must be a set of settings, like 'name: \"Age Friendly Leeds\"'.")
    settings, problems = check_settings(ORGANISATION_SETTINGS, raw, "extra.organisation")
    if isinstance(raw.get("next_course"), dict):
        problems += check_settings(NEXT_COURSE_SETTINGS, raw["next_course"], "extra.organisation.next_course")[1]
    if isinstance(raw.get("safeguarding_contact"), dict):
        problems += check_settings(SAFEGUARDING_SETTINGS, raw["safeguarding_contact"], "extra.organisation.safeguarding_contact")[1]
    if problems:
        raise OrganisationError("; ".join(problems) + ". Fix these settings (see README.md).")

    name = settings.name.strip()
    if not name:
        raise OrganisationError(f"'{_setting('name')}' is empty. Write your organisation's name, like \"Age Friendly Leeds\".")
    next_course = settings.next_course or {}
    safeguarding = settings.safeguarding_contact or {}
    return Organisation(
        name=name,
        website=check_website(settings.website),
        email=check_email(settings.email),
        phone=check_phone(settings.phone),
        logo=check_logo(settings.logo, docs_dir),
        brand_colour=check_brand_colour(settings.brand_colour),
        next_course_dates=_blank_to_none(next_course.get("dates")),
        next_course_venue=_blank_to_none(next_course.get("venue")),
        next_course_how_to_book=_blank_to_none(next_course.get("how_to_book")),
        safeguarding_name=_blank_to_none(safeguarding.get("name")),
        safeguarding_phone=check_phone(safeguarding.get("phone"), "safeguarding_contact.phone"),
        safeguarding_email=check_email(safeguarding.get("email"), "safeguarding_contact.email"),
    )


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def check_website(value: str | None) -> str | None:
    """A full web address starting with http:// or https://, or None."""
    value = _blank_to_none(value)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise OrganisationError(
            f"'{_setting('website')}: \"{value}\"' is not a full web address. "
            "Write it with https:// at the start, like \"https://www.example.org/\"."
        )
    return value


def check_email(value: str | None, setting: str = "email") -> str | None:
    """An email address with one "@" and a dot after it, or None."""
    value = _blank_to_none(value)
    if value is None:
        return None
    if "@" not in value:
        raise OrganisationError(
            f"'{_setting(setting)}: \"{value}\"' has no \"@\". "
            "Write the full address, like \"courses@example.org\"."
        )
    local, _, domain = value.rpartition("@")
    if not local or "." not in domain or any(ch.isspace() for ch in value) or value.startswith("mailto:"):
        raise OrganisationError(
            f"'{_setting(setting)}: \"{value}\"' is not a whole email address. "
            "Write it like \"courses@example.org\", with no spaces and no \"mailto:\"."
        )
    return value


def check_phone(value: str | None, setting: str = "phone") -> str | None:
    """A phone number of digits, spaces, brackets, dashes and an optional leading "+", or None."""
    value = _blank_to_none(value)
    if value is None:
        return None
    if not re.fullmatch(r"\+?[0-9 ()-]+", value) or sum(ch.isdigit() for ch in value) < 6:
        raise OrganisationError(
            f"'{_setting(setting)}: \"{value}\"' is not a phone number. "
            "Write digits and spaces only, like \"0113 496 0000\" or \"+44 113 496 0000\"."
        )
    return value


def phone_link(phone: str) -> str:
    """The `tel:` address of a phone number: digits and a leading "+" only."""
    return "tel:" + ("+" if phone.startswith("+") else "") + "".join(ch for ch in phone if ch.isdigit())


def website_label(website: str) -> str:
    """A web address as people say it: no "https://", no "www." and no final slash."""
    parts = urlsplit(website)
    host = parts.netloc.removeprefix("www.")
    return host + parts.path.rstrip("/")


def check_logo(value: str | None, docs_dir: Path) -> str | None:
    """A path to an image inside `docs/` that exists, or None."""
    value = _blank_to_none(value)
    if value is None:
        return None
    path = (docs_dir / value).resolve()
    if not path.is_relative_to(docs_dir.resolve()):
        raise OrganisationError(
            f"'{_setting('logo')}: \"{value}\"' is outside the docs folder. "
            "Put the logo file in docs/ (for example docs/images/logo.png) and write its path from there: \"images/logo.png\"."
        )
    if not path.is_file():
        raise OrganisationError(
            f"'{_setting('logo')}: \"{value}\"': there is no file docs/{value}. "
            "Put the logo file there, or fix the path (it starts inside docs/), or delete the 'logo' line."
        )
    if path.suffix.lower() not in (".png", ".svg", ".jpg", ".jpeg", ".webp", ".gif"):
        raise OrganisationError(
            f"'{_setting('logo')}: \"{value}\"' is not an image. Use a PNG, SVG, JPEG, WebP or GIF file."
        )
    return Path(value).as_posix()


def check_brand_colour(value: str | None) -> str | None:
    """A colour written as #rrggbb, in lower case, or None."""
    value = _blank_to_none(value)
    if value is None:
        return None
    if not _HEX_COLOUR.match(value):
        raise OrganisationError(
            f"'{_setting('brand_colour')}: \"{value}\"' is not a colour we can read. "
            "Write it as a # and six hex digits in quotes, like \"#0b2e59\"."
        )
    return value.lower()


# --- Contrast -------------------------------------------------------------------------

def relative_luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour, as WCAG 2.2 defines it (0 for black, 1 for white)."""
    if not _HEX_COLOUR.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [ch / 12.92 if ch <= 0.04045 else ((ch + 0.055) / 1.055) ** 2.4 for ch in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def scheme_colours(css: str) -> dict[str, dict[str, str]]:
    """The `--app-*` colours of each colour scheme in app-colours.css, by scheme name."""
    schemes: dict[str, dict[str, str]] = {}
    for selectors, body in _SCHEME_BLOCK.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)):
        names = re.findall(r'data-md-color-scheme="([^"]+)"', selectors)
        if ":root" in selectors and not names:
            continue
        variables = {name: value.strip() for name, value in _VARIABLE.findall(body) if _HEX_COLOUR.match(value.strip())}
        for scheme in names:
            schemes.setdefault(scheme, {}).update(variables)
    return schemes


# What the brand colour sits with. Material also uses the header colour (its "primary"
# colour) for text on the page, for example in the menu's titles on a phone, so the page
# background counts too. The keyboard focus band is not text: WCAG 1.4.11 asks 3 to 1.
HEADER_PAIRS = (
    ("--app-header-text", "header text and icons", MINIMUM_CONTRAST),
    ("--app-background", "the colour as text on the page background", MINIMUM_CONTRAST),
    ("--app-focus", "keyboard focus band", 3.0),
)


@dataclass(frozen=True)
class ContrastCheck:
    """One colour pair on the branded header and whether it passes."""

    what: str
    foreground: str
    background: str
    ratio: float
    minimum: float

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum


def brand_contrast(brand_colour: str, colours: dict[str, str]) -> list[ContrastCheck]:
    """Check the brand colour, as the header background, against each colour that sits on it."""
    checks = []
    for variable, what, minimum in HEADER_PAIRS:
        if variable not in colours:
            raise OrganisationError(f"app-colours.css has no {variable} for the light scheme, so the brand colour cannot be checked.")
        foreground = colours[variable]
        checks.append(ContrastCheck(what, foreground, brand_colour, contrast_ratio(foreground, brand_colour), minimum))
    return checks


def contrast_problem(brand_colour: str, checks: list[ContrastCheck]) -> str | None:
    """The message that stops the build when any pair is too low, or None when all pass."""
    failing = [check for check in checks if not check.passes]
    if not failing:
        return None
    pairs = "; ".join(
        f"{check.what} {check.foreground} on {check.background}: {check.ratio:.2f} to 1, needs {check.minimum:g} to 1 "
        f"({check.minimum - check.ratio:.2f} short)"
        for check in failing
    )
    hint = "Choose a darker colour" if relative_luminance(brand_colour) > 0.05 else "Choose a lighter colour"
    return (f"'{_setting('brand_colour')}: \"{brand_colour}\"' is too light or too dark for the header: {pairs}. "
            f"{hint}, or delete the 'brand_colour' line to keep the course's own colours.")


def brand_stylesheet(brand_colour: str) -> str:
    """The CSS that puts the brand colour on the header of the light scheme."""
    return (f"/* Made by the build from extra.organisation.brand_colour (checked for 7:1 contrast). */\n"
            f'[data-md-color-scheme="{BRANDED_SCHEME}"] {{\n  --app-header-background: {brand_colour};\n}}\n')


# --- What learners see ----------------------------------------------------------------

def contact_items(organisation: Organisation) -> list[str]:
    """The ways to contact the organisation, each as an HTML list item."""
    items = []
    if organisation.email:
        email = html.escape(organisation.email)
        items.append(f'<li>Email: <a href="mailto:{email}">{email}</a></li>')
    if organisation.phone:
        items.append(f'<li>Phone: <a href="{phone_link(organisation.phone)}">{html.escape(organisation.phone)}</a></li>')
    if organisation.website:
        items.append(f'<li>Website: <a href="{html.escape(organisation.website)}">{html.escape(website_label(organisation.website))}</a></li>')
    return items


def contact_html(organisation: Organisation) -> str:
    """The "how to contact us" block: who runs the course, then each way to reach them."""
    items = contact_items(organisation)
    name = html.escape(organisation.name)
    if not items:
        return f'<div class="app-organisation"><p>This course is run by <strong>{name}</strong>.</p></div>'
    return (f'<div class="app-organisation"><p>This course is run by <strong>{name}</strong>. You can contact them:</p>'
            f'<ul>{"".join(items)}</ul></div>')


def run_by_html(organisation: Organisation) -> str:
    """The "this course is run by" paragraph for the start page, with the next course if there is one."""
    name = html.escape(organisation.name)
    parts = [f'<p>This course is run by <strong>{name}</strong>.']
    if organisation.website:
        parts.append(f' Their website is <a href="{html.escape(organisation.website)}">{html.escape(website_label(organisation.website))}</a>.')
    parts.append("</p>")
    details = []
    if organisation.next_course_dates:
        details.append(f"<li>When: {html.escape(organisation.next_course_dates)}</li>")
    if organisation.next_course_venue:
        details.append(f"<li>Where: {html.escape(organisation.next_course_venue)}</li>")
    if organisation.next_course_how_to_book:
        details.append(f"<li>How to book: {html.escape(organisation.next_course_how_to_book)}</li>")
    if details:
        parts.append(f'<p>The next course with a trainer:</p><ul>{"".join(details)}</ul>')
    return '<div class="app-organisation">' + "".join(parts) + "</div>"


def safeguarding_html(organisation: Organisation) -> str:
    """Who to tell about a safeguarding concern, or a plain sentence asking the host to set it."""
    if not organisation.has_safeguarding_contact:
        return ('<div class="app-organisation app-organisation--safeguarding"><p>The organisation running this course '
                "has not added its safeguarding contact yet. If you host the course, add it to mkdocs.yml under "
                "<code>extra.organisation.safeguarding_contact</code> (see README.md). Until then, ask the "
                "organisation running your session who to tell.</p></div>")
    items = []
    if organisation.safeguarding_name:
        items.append(f"<li>Name: <strong>{html.escape(organisation.safeguarding_name)}</strong></li>")
    if organisation.safeguarding_phone:
        items.append(f'<li>Phone: <a href="{phone_link(organisation.safeguarding_phone)}">'
                     f"{html.escape(organisation.safeguarding_phone)}</a></li>")
    if organisation.safeguarding_email:
        email = html.escape(organisation.safeguarding_email)
        items.append(f'<li>Email: <a href="mailto:{email}">{email}</a></li>')
    return (f'<div class="app-organisation app-organisation--safeguarding"><p>At <strong>{html.escape(organisation.name)}</strong>, '
            f'tell this person about a safeguarding concern:</p><ul>{"".join(items)}</ul></div>')


def missing_safeguarding_warning(organisation: Organisation) -> str | None:
    """The build's warning for a branded build with no safeguarding contact, or None."""
    if not organisation.is_branded or organisation.has_safeguarding_contact:
        return None
    return (f"'{_setting('safeguarding_contact')}' is not set, so the safeguarding page cannot say who "
            f"at {organisation.name} takes a concern. Add it under 'organisation:', with 'name:', 'phone:' and 'email:' "
            "lines (see README.md, \"Putting your organisation's name on it\").")


def fill_markers(page_html: str, organisation: Organisation) -> str:
    """Replace each organisation marker in a page's HTML with the details it stands for."""
    if RUN_BY_MARKER in page_html:
        page_html = page_html.replace(RUN_BY_MARKER, run_by_html(organisation))
    if CONTACT_MARKER in page_html:
        page_html = page_html.replace(CONTACT_MARKER, contact_html(organisation))
    if SAFEGUARDING_MARKER in page_html:
        page_html = page_html.replace(SAFEGUARDING_MARKER, safeguarding_html(organisation))
    return page_html


def organisation_name(extra: Any) -> str:
    """The organisation's name from `extra` (checked by organisation_hook.py when it is in the build), or ""."""
    # extra.organisation may be the raw settings (a build without organisation_hook.py) or the checked ones.
    try:
        name = extra["organisation"]["name"]
    except (KeyError, TypeError):
        name = None
    return name.strip() if isinstance(name, str) else ""
