"""More rules for dates that name their calendar position: centuries, spelled-out years ("nineteen ninety-six"),
two-digit years after a cue word ("since '82") and the second day of "April 24 and 25".

Split from rules_abs to keep each module small; the tagger runs both rule lists.
"""

from __future__ import annotations

import re
from datetime import date

from truceline.timex.context import Candidate, Context
from truceline.timex.feasts import FEAST_PATTERN, TRIGGERS, feasts_in, nearest_feast
from truceline.timex.lexicon import lexicon, parse_number
from truceline.timex.patterns import (
    DAY,
    MEASURE_NEXT,
    MOD_PREFIX,
    MON,
    NUMW,
    ORDW,
    T_MONTH,
    WD_PREFIX,
    YEAR_SUFFIX,
    mod_code,
)
from truceline.timex.rules_abs import Rule, _day, _full_date, _month


def _second_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "April 24 and 25", "Dec. 12-13", "June 3 to 5": the second number is a day of the same month, its own DATE
    (the first date is tagged by rules_abs); the year is the one the first date resolves to, so both sit in the same
    month."""
    if MEASURE_NEXT.match(ctx.text, m.end("day2")):
        return []  # "on May 3 and 40 people": a count, not a day
    first = _full_date(m, ctx)
    if not first:
        return []
    year, month, _ = first[0].value.split("-", 2)
    day = _day(m.group("day2"))
    if day <= _day(m.group("day")):
        return []  # "May 24 and 3": not an ascending pair of days in one month
    try:
        value = f"{year}-{month}-{day:02d}" if year == "XXXX" else date(int(year), int(month), day).isoformat()
    except ValueError:
        return []
    return [Candidate(m.start("day2"), m.end("day2"), "DATE", value, anchored=first[0].anchored, priority=3)]


def _short_year(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "since '82": an apostrophe and two digits after a cue word name a year. The century is the anchor's when
    that year is not after the anchor, else the one before (a 2008 text's '82 is 1982, its '05 is 2005)."""
    yy = int(m.group("yy"))
    if ctx.anchor is not None:
        century = ctx.anchor.year // 100 * 100
        year = century + yy if century + yy <= ctx.anchor.year else century - 100 + yy
    else:
        year = (1900 if yy >= 30 else 2000) + yy
    return [Candidate(m.start("y"), m.end("y"), "DATE", f"{year:04d}", priority=1)]


def _century(m: re.Match[str], ctx: Context) -> list[Candidate]:
    ordinal = m.group("ord").lower()
    n = _day(ordinal) if ordinal[0].isdigit() else lexicon().ordinals.get(ordinal, 0)
    if not 1 <= n <= 30:
        return []
    return [Candidate(m.start(), m.end(), "DATE", f"{n - 1:02d}", mod=mod_code(m.group("mod")), priority=2)]


def _spelled_year_any(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "nineteen ninety-six", "the year two thousand": years as broadcast transcripts write them."""
    century = {"eighteen": 1800, "nineteen": 1900}.get((m.group("c") or "").lower(), 2000)
    words = m.group("rest") if m.group("c") else m.group("rest2")
    rest = parse_number(words) if words else 0
    if rest is None or not 0 <= rest < 100:
        return []
    value = f"{century + int(rest):04d}"
    if m.group("mon"):
        value += f"-{_month(m.group('mon')):02d}"
    elif m.group("season"):
        value += "-" + lexicon().seasons[m.group("season").lower()]
    return [Candidate(m.start(), m.end(), "DATE", value, priority=2)]


def _feast(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the Eid al-Fitr ceasefire", "over Easter 2019", "since Ramadan": the feast's day (or month) in the year
    given, else the occurrence the clause's tense points to; the lunar ones are approximate (truceline.timex.feasts)."""
    name = m.group("feast")
    if m.group("year"):
        found = feasts_in(name, int(m.group("year")))
        feast = found[0] if found else None
    elif ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-XX" if name.lower().startswith("ram") else "XXXX-XX-XX")]
    else:
        feast = nearest_feast(name, ctx.anchor, ctx.tense(m.start(), m.end()))
    if feast is None:
        return []
    return [
        Candidate(
            m.start(),
            m.end(),
            "DATE",
            feast.value,
            mod="APPROX" if feast.approx else None,
            anchored=not m.group("year"),
            earliest=feast.earliest,
            latest=feast.latest,
            priority=2,
        )
    ]


RULES: list[Rule] = [
    (
        re.compile(
            rf"\b(?P<feast>{FEAST_PATTERN})\b(?:,?\s+(?P<year>(?:1[5-9]|2[01])\d\d)\b)?"
            # a name, not a day: "the Good Friday Agreement" (1998), "the Easter Rising" (1916), "Easter Island"
            r"(?!\s+(?:agreement|accords?|deal|rising|uprising|offensive|island|peace)\b)",
            re.I,
        ),
        _feast,
        2,
        TRIGGERS,
    ),
    (
        re.compile(
            rf"\b(?:(?P<mon>{MON})\s+|the\s+(?P<season>spring|summer|autumn|fall|winter)\s+of\s+)?"
            rf"(?:the\s+year\s+)?(?P<c>eighteen|nineteen)[\s-]+(?:hundred\s+(?:and\s+)?)?(?P<rest>{NUMW})\b"
            rf"|\b(?:the\s+year\s+|(?<=\bin\s))two\s+thousand(?:\s+(?:and\s+)?(?P<rest2>{NUMW}))?\b",
            re.I,
        ),
        lambda m, c: _spelled_year_any(m, c),
        2,
        "eighteen nineteen thousand",
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late|{MOD_PREFIX})[\s-]+)?(?:the\s+)?"
            rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDW})[\s-]+century\b",
            re.I,
        ),
        _century,
        2,
        "century centuries",
    ),
    (
        re.compile(
            rf"\b{WD_PREFIX}(?P<mon>{MON})\s+(?P<day>{DAY})(?:,?\s+(?:and|or|&|to|through|until)\s+|\s*[-–]\s*)"
            rf"(?P<day2>{DAY})\b(?!:\d|\d|\s*(?:{MON})\b){YEAR_SUFFIX}"
        ),
        _second_day,
        3,
        T_MONTH,
    ),
    (
        re.compile(
            r"\b(?i:since|in|from|until|till|by|before|after|through|during|of)\s+"
            r"(?P<y>['’](?P<yy>\d\d))\b(?!['’]?s\b)"
        ),
        _short_year,
        1,
        "#digit",
    ),
]
