"""The word that introduces a place in its sentence: what event_place uses to tell where something happened.

"strikes in Saraqib" -> "in"; "east of Idlib" -> "east of"; "the Britain-based monitor" -> "based";
"Syria's war" -> "possessive". Walking back over a few words lets "in Syria's northwestern Idlib province" and
"in the Idlib province village of Kansafra" still find their preposition.
"""

from __future__ import annotations

import re

LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "around",
        "inside",
        "into",
        "across",
        "throughout",
        "on",
        "from",
        "to",
        "towards",
        "toward",
        "through",
        "along",
        "within",
        "over",
        "off",
    ]
)
DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ]
)
NEAR_NOUNS = frozenset(["outskirts", "edge", "edges", "suburbs", "vicinity", "countryside", "environs"])
SKIPPABLE = frozenset(
    [
        "the",
        "a",
        "an",
        "province",
        "provinces",
        "governorate",
        "region",
        "district",
        "town",
        "village",
        "city",
        "area",
        "of",
    ]
)
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_LOOKBACK = 80
_MAX_WORDS = 6


def cue_before(text: str, start: int) -> str | None:
    words = _WORD.findall(text[max(0, start - _LOOKBACK) : start])
    for n, word in enumerate(reversed(words)):
        if n >= _MAX_WORDS or not (word[0].isalnum()):
            return None
        lower = word.lower()
        if lower == "of" and n + 1 < len(words):
            prev = words[-n - 2].lower()
            if prev in DIRECTIONS:
                return f"{prev} of"
            if prev in NEAR_NOUNS:
                return "near"
        if lower in LOCATIVE:
            return lower
        bare = lower.removesuffix("'s").removesuffix("’s")
        if not (bare in SKIPPABLE or bare.endswith("ern") or word[0].isupper() or bare in DIRECTIONS):
            return None
    return None


def cue_after(text: str, end: int) -> str | None:
    following = text[end : end + 7]
    if following.startswith(("-based", " based")):
        return "based"
    if following.startswith(("'s", "’s")):
        return "possessive"
    return None


def cue(text: str, start: int, end: int) -> str | None:
    return cue_after(text, end) or cue_before(text, start)
