"""Load the course glossary (docs/glossary.yml): the one source for the glossary page and pop-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class GlossaryError(ValueError):
    """The glossary file cannot be used; the message says where and how to fix it."""


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    id: str
    meaning: str
    also: tuple[str, ...] = ()
    # A name such as "Coproduction in Action" is only the term with its capitals;
    # "co-production in action" in a sentence is ordinary words.
    match_case: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form of the word the checks and pop-ups recognise."""
        return (self.term, *self.also)


def _entry_lines(text: str) -> list[dict[str, int]]:
    """For each entry under `terms:`, the line each of its keys is on (the key "" is the entry's first line)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    entries = next((value for key, value in root.value if key.value == "terms"), None)
    if not isinstance(entries, yaml.SequenceNode):
        return []
    lines = []
    for entry in entries.value:
        keys = {"": entry.start_mark.line + 1}
        if isinstance(entry, yaml.MappingNode):
            keys.update({str(key.value): key.start_mark.line + 1 for key, _ in entry.value})
        lines.append(keys)
    return lines


def parse_glossary(text: str, path: str = "docs/glossary.yml") -> list[Term]:
    """Parse and validate the glossary file's text."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise GlossaryError(f"{path}, line {line}: this is not valid YAML ({getattr(error, 'problem', error)}). Check the indentation and quotes.") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise GlossaryError(f"{path}, line 1: the file must start with 'terms:' followed by a list of entries.")
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    entry_lines = _entry_lines(text)
    for index, entry in enumerate(data["terms"], start=1):
        lines = entry_lines[index - 1] if index <= len(entry_lines) else {}

        def where_is(key: str = "") -> str:
            line = lines.get(key) or lines.get("")
            return f"{path}, line {line}" if line else f"{path}, entry {index}"

        where = where_is()
        if not isinstance(entry, dict):
            raise GlossaryError(f"{where}: each entry needs 'term', 'id' and 'meaning'.")
        name = entry.get("term")
        unknown = set(entry) - {"term", "id", "also", "meaning", "match_case"}
        if unknown:
            raise GlossaryError(f"{where}: unknown key {', '.join(sorted(unknown))}. Use only term, id, also, meaning and match_case.")
        match_case = entry.get("match_case", False)
        if not isinstance(match_case, bool):
            raise GlossaryError(f"{where}: 'match_case' of '{name}' must be true or false.")
        term_id, meaning, also = entry.get("id"), entry.get("meaning"), entry.get("also") or []
        if not isinstance(name, str) or not name.strip():
            raise GlossaryError(f"{where}: 'term' must be the word as it is shown.")
        if not isinstance(term_id, str) or not _ID.match(term_id):
            raise GlossaryError(f"{where_is('id')}: 'id' of '{name}' must be lower-case letters, numbers and hyphens, like 'co-production'.")
        if term_id in seen_ids:
            raise GlossaryError(f"{where_is('id')}: the id '{term_id}' is used twice (first on line {seen_ids[term_id]}). "
                                "Give each entry its own id.")
        if not isinstance(meaning, str) or not meaning.strip():
            raise GlossaryError(f"{where}: '{name}' has no meaning. Write one or two plain sentences after 'meaning:'.")
        if not isinstance(also, list) or not all(isinstance(form, str) and form.strip() for form in also):
            raise GlossaryError(f"{where}: 'also' of '{name}' must be a list of words, like [co-produce, co-produced].")
        seen_ids[term_id] = lines.get("id") or lines.get("") or index
        terms.append(Term(term=name.strip(), id=term_id, meaning=" ".join(meaning.split()),
                          also=tuple(form.strip() for form in also), match_case=match_case))
    return terms


def load_glossary(path: Path) -> list[Term]:
    """Read and validate the glossary file.

    Three hooks need the glossary in each build (the page, the readability checks and the
    pop-ups). The file is read each time, which is cheap, but the same text is parsed and
    checked only once; a changed file is parsed again.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GlossaryError(f"{path}: cannot read the glossary ({error.strerror}).") from None
    return list(_parse_once(text, str(path)))


@lru_cache(maxsize=4)
def _parse_once(text: str, path: str) -> tuple[Term, ...]:
    return tuple(parse_glossary(text, path))


def term_pattern(terms: list[Term]) -> re.Pattern[str]:
    """A pattern that finds any form of any term, longest first, as whole words, in any case unless `match_case`."""
    forms = sorted({(form, term.match_case) for term in terms for form in term.forms}, key=lambda pair: len(pair[0]), reverse=True)
    alternatives = [f"(?-i:{re.escape(form)})" if match_case else re.escape(form) for form, match_case in forms]
    return re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def term_by_form(terms: list[Term]) -> dict[str, Term]:
    """Map each lower-case form to its term."""
    return {form.lower(): term for term in terms for form in term.forms}
