"""Name keys that make transliteration variants meet: Maaret al-Numan, Maarat al-Numan and Ma'arrat an-Nu'man.

Two levels. `name_key` is safe to use across the whole world: it folds case and diacritics, drops apostrophes and
the Arabic article, and collapses doubled letters. `skeleton` also drops vowels, so it is loose enough to join
"Maaret" and "Maarat" but would join unrelated names too; callers use it only inside the report's focus countries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The Arabic article in its transliterated forms (al-, el-, an-, ash-, ez- ...), dropped when a name part follows.
ARTICLES = frozenset("al el an ar as ash at ad adh az ez ed es er en ul ud".split())  # noqa: SIM905
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4\u2032]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.,/()]+")
_DOUBLES = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII-ish form: diacritics and apostrophes removed, separators turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _APOSTROPHES.sub("", stripped.lower()).replace("ı", "i").replace("ł", "l").replace("ø", "o")
    return " ".join(_SEPARATORS.split(stripped)).strip()


def _parts_key(parts: list[str]) -> str:
    kept = [p for i, p in enumerate(parts) if not (p in ARTICLES and i + 1 < len(parts))]
    return " ".join(_DOUBLES.sub(r"\1", p) for p in kept)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The exact-match key of a place name (see module docstring); "" when nothing letter-like is left."""
    return _parts_key(fold(text).split())


def skeleton(key: str) -> str:
    """Consonant skeleton of a `name_key`: the first letter of each part kept, later vowels dropped."""
    return " ".join(p[0] + _VOWELS.sub("", p[1:]) for p in key.split() if p)
