"""The word that introduces a place in its sentence: what event_place uses to tell where something happened.

"strikes in Saraqib" -> "in"; "east of Idlib" -> "east of"; "the town of Kefraya" -> "of"; "the Britain-based
monitor" -> "based"; "Syria's war" -> "possessive"; "told a news conference in Ankara" -> "speech". Walking back
over a few words lets "in Syria's northwestern Idlib province" still find its preposition. The words and their
kinds come from data/places/context.csv.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_LOOKBACK = 80
_MAX_WORDS = 6
_SKIPPABLE = frozenset(("article", "region", "settlement", "direction"))
_ORIGINS = frozenset(("based", "headquartered"))
# words that describe the place between a preposition and its name: "in central Damascus", "in besieged Gaza"
_PLACE_WORDS = frozenset(
    ("central", "greater", "rural", "coastal", "occupied", "besieged", "upper", "lower", "inner", "outer", "downtown")
)

Context = dict[str, frozenset[str]]


def _speech_before(words: list[str], at: int, context: Context) -> bool:
    """'told a news conference in X', 'speaking to reporters in X': the preposition follows a speech noun."""
    return any("speech" in context.get(w.lower(), ()) for w in words[max(0, at - 3) : at])


def cue_before(text: str, start: int, context: Context) -> str | None:
    words = _WORD.findall(text[max(0, start - _LOOKBACK) : start])
    for n in range(min(len(words), _MAX_WORDS)):
        at = len(words) - 1 - n
        word = words[at]
        if not word[0].isalnum():
            return None
        lower = word.lower()
        kinds = context.get(lower, frozenset())
        if lower == "of" and at > 0:
            prev = words[at - 1].lower()
            prev_kinds = context.get(prev, frozenset())
            if "direction" in prev_kinds:
                return f"{prev} of"
            if "near" in prev_kinds:
                return "near"
            if "settlement" in prev_kinds:
                return "of"  # "the town of X": X is named as a place, usually the scene
            continue
        if "locative" in kinds:
            if at > 0 and words[at - 1].lower() in _ORIGINS:
                return "based"  # "a monitor based in Britain" is an origin, like "the Britain-based monitor"
            return "speech" if _speech_before(words, at, context) else lower
        bare = lower.removesuffix("'s").removesuffix("’s")
        if not (
            context.get(bare, frozenset()) & _SKIPPABLE
            or bare.endswith("ern")
            or bare in _PLACE_WORDS
            or word[0].isupper()
        ):
            return None
    return None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_NAME = r"[A-Z][\w.'’/-]*(?:[ ][A-Z][\w.'’/-]*){0,3}"  # "BAKU/YEREVAN": two datelines
# "SOCHI, Russia, Sept 17 (Levant Wire) -", "ANKARA, March 12 (Frontline Wire) -", "SEVERN, Md. (ABC7) --",
# "NEW DELHI:" at the start of a line: where the reporter filed from, not where anything happened.
DATELINE = re.compile(
    rf"^[ \t]*(?P<where>{_NAME}(?:,[ ](?!{_MONTH}){_NAME})?)(?:,?[ ](?P<date>{_MONTH}))?"
    rf"(?:[ ]?(?P<source>\([^()\n]{{1,40}}\)))?[ ]?(?:--?|[–—:])[ ]",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of dateline places; a capitalised line opening is one only with a date, a source in
    brackets or capitals ("Turkey - Syria talks" as a headline is not a dateline)."""
    spans = []
    for m in DATELINE.finditer(text):
        where = m.group("where")
        if m.group("date") or m.group("source") or where.split(",")[0].isupper():
            spans.append(m.span("where"))
    return spans


# "the Britain-based monitor", "a U.S.-owned ship", "Iranian-made drones", "a Saudi-led coalition": a name made an
# adjective by a hyphen says whose or whence, never where
_HYPHENED = re.compile(r"-[a-z]{3,}\b")


_PARTS = re.compile(
    r"\s+(?:(?:north|south|east|west)\w*\s+|central\s+|old\s+|inner\s+|international\s+|main\s+)?"
    r"(?:suburbs?|outskirts|neighbou?rhoods?|districts?|quarters?|centre|center|downtown|port|airport|countryside"
    r"|streets|edge|old city)\b",
    re.I,
)


def cue_after(text: str, end: int) -> str | None:
    following = text[end : end + 7]
    if following.startswith(("-based", " based")) or _HYPHENED.match(text, end):
        return "based"
    if following.startswith(("'s", "’s")):
        # "pounded Beirut's southern suburbs": the town's own parts are where it happened, as "the suburbs of Beirut"
        return "in" if _PARTS.match(text, end + 2) else "possessive"
    return None


def cue(text: str, start: int, end: int, context: Context) -> str | None:
    return cue_after(text, end) or cue_before(text, start, context)
