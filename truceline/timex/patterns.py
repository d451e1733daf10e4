"""Regex fragments shared by the rule modules, built once from the lexicon."""

from __future__ import annotations

import re

from truceline.timex.lexicon import alternation, lexicon, month_pattern, number_word_pattern, weekday_pattern

MON = month_pattern()
WD = weekday_pattern()
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
WD_PREFIX = rf"(?:{WD},?[^\S\n]+(?:the\s+)?)?"  # "Tuesday, June 13", "Tuesday the 13th"; never across a line
YEAR_SUFFIX = rf"(?:,?\s+(?P<year>{YEAR})\b)?"
# What follows a number that counts things rather than naming a year or a day ("1990 people", "25 percent").
MEASURE_NEXT = re.compile(
    r"\s*(?:%|percent|per\s+cent|people|persons|troops|soldiers|civilians|fighters|men|women|children|families|"
    r"refugees|miles|km|kilometres|kilometers|metres|meters|feet|tons|tonnes|dollars|euros|pounds|barrels|"
    r"points|votes|seats|units|cars|homes|houses|jobs|shares|acres|pages|words|members|workers|cases|deaths|"
    r"[a-z]+s\b(?<!years)(?<!days))",
)
NUMW = number_word_pattern()
ORDW = alternation(list(lexicon().ordinals))
# A quantity in a duration: digits, number words, "a"/"an", or a vague amount (gives an X in the value).
VAGUE = r"(?:several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of|recent|the\s+coming|coming|the\s+next\s+few|the\s+past\s+few|the\s+last\s+few|the\s+past\s+several|the\s+next\s+several)"
NUM = rf"(?:(?:\d{{1,3}}|{NUMW})\s+and\s+a\s+half|\d{{1,3}}(?:\.\d+)?(?:\s+1/2)?|{NUMW}|a\s+couple\s+of|an?|one|half\s+an?|a\s+half|{VAGUE})"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)"
POD = r"(?:morning|afternoon|evening|night)"
MOD_PREFIX = (
    r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
    r"end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
)
APPROX = (
    r"(?:about|around|approximately|roughly|some|nearly|almost|more\s+than|over(?!\s+the\b)|less\s+than|under(?!\s+the\b)|"
    r"at\s+least|up\s+to|at\s+most|just\s+over|just\s+under|well\s+over)"
)

MOD_CODES = {
    "early": "START",
    "the beginning of": "START",
    "beginning of": "START",
    "the start of": "START",
    "start of": "START",
    "the first half of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "middle of": "MID",
    "late": "END",
    "the end of": "END",
    "end of": "END",
    "the second half of": "END",
}
APPROX_CODES = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "EQUAL_OR_LESS",
    "almost": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}


def mod_code(prefix: str | None) -> str | None:
    if not prefix:
        return None
    key = " ".join(prefix.lower().replace("-", " ").split())
    return MOD_CODES.get(key) or APPROX_CODES.get(key)


# Triggers (see truceline.timex.tagger): space-separated lower-case words without which a rule cannot match;
# "#year" stands for a four-digit year, "#digit" for any number.
_LEX = lexicon()
T_MONTH = " ".join(_LEX.months)
T_YEAR = "#year"
T_WEEKDAY = " ".join([*_LEX.weekdays, *(w + "s" for w in _LEX.weekdays)])
T_UNIT = " ".join(w + s for w in [*_LEX.units, "centurie"] for s in ("", "s"))
# Holiday names from the lexicon, longest first, spaces and apostrophes loose ("New Year's Day", "New Year’s Day").
HOLIDAYS = "|".join(
    re.escape(h).replace("\\ ", r"\s+").replace("'", "['’]")
    for h in sorted([*_LEX.holidays, *_LEX.floating_holidays], key=len, reverse=True)
)

# A short title in quotes: a show, film or book named by Title Case words ('CBS's "60 Minutes."', 'the film
# "High Noon"'). TIMEX3 leaves names alone, so a time word that is one of those words is no time expression.
_TITLE_OPEN = re.compile(r"(?:``|''|\"|“)((?:[A-Z0-9][\w'’-]*\s+){0,4})$")
_TITLE_CLOSE = re.compile(r"((?:\s+[A-Z0-9][\w'’-]*){0,4})[.,!?]?(?:''|\"|”)")


def quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a quoted title of two or more capitalised words."""
    words = text[start:end].split()
    if not words or not all(w[0].isupper() or w[0].isdigit() for w in words) or text[start:end].islower():
        return False
    if not any(w[0].isupper() for w in words):
        return False
    before = _TITLE_OPEN.search(text, max(0, start - 40), start)
    after = _TITLE_CLOSE.match(text, end)
    if not before or not after:
        return False
    return len(words) + len(before.group(1).split()) + len(after.group(1).split()) >= 2
