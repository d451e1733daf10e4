"""Rules for the periods of earnings reports: "the third quarter", "the first half of 1990", "the latest period",
"the same period last year", "a year earlier" (in such a report, the same quarter of the previous year).

Kept apart from rules_rel because they read the report's context (is it about quarterly results?) and lean on the
reference time (truceline.timex.reference) for fiscal quarters that do not follow the calendar.
"""

from __future__ import annotations

import re

from truceline.timex.calendar import quarter_of, shift, value_at
from truceline.timex.context import Candidate, Context
from truceline.timex.context import unit_value as _unit_value
from truceline.timex.rules_abs import Rule

_ORDINAL_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(m: re.Match[str], ctx: Context) -> list[Candidate]:
    word = (m.group("qord") or "").lower()
    year = m.group("year")
    qyear = (m.groupdict().get("qyear") or m.groupdict().get("relyear") or "").lower()
    if qyear in ("this", "last", "next"):
        qyear = {"this": "this year's", "last": "last year's", "next": "next year's"}[qyear]
    if qyear and word in _ORDINAL_Q:
        if qyear[:1].isdigit():
            year = qyear
        elif ctx.anchor is not None:
            back = {"this": 0, "last": 1, "next": -1}.get(qyear.split()[0], 1)
            year = f"{ctx.anchor.year - back:04d}"
    if word in _ORDINAL_Q:
        q = _ORDINAL_Q[word]
        if year:
            return [Candidate(m.start(), m.end(), "DATE", f"{year}-Q{q}")]
        if ctx.anchor is None:
            return [Candidate(m.start(), m.end(), "DATE", f"XXXX-Q{q}")]
        y = ctx.anchor.year
        if q > quarter_of(ctx.anchor) and ctx.tense(m.start(), m.end()) == "past":
            y -= 1  # a quarter still ahead this year is last year's only when the clause looks back
        return [Candidate(m.start(), m.end(), "DATE", f"{y:04d}-Q{q}", anchored=True)]
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-QX")]
    if word == "current":
        return [Candidate(m.start(), m.end(), "DATE", value_at(ctx.anchor, "Q"), anchored=True)]
    last = shift(ctx.anchor, -1, "Q")
    back = 0
    if word in ("year-earlier", "year-ago", "year earlier", "year ago"):
        last, back = shift(last, -1, "Y"), 1
    # "the latest quarter", "the year-ago quarter": the quarter the report last named (or the one before the
    # anchor's), that many years back
    return [
        Candidate(m.start(), m.end(), "DATE", value_at(last, "Q"), anchored=True, year_back_of="Q", years_back=back)
    ]


def _half(m: re.Match[str], ctx: Context) -> list[Candidate]:
    h = 1 if m.group("h").lower() == "first" else 2  # "second" and "last" both name the second half
    year = m.group("year") or (f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")
    return [Candidate(m.start(), m.end(), "DATE", f"{year}-H{h}", anchored=not m.group("year"))]


_FINANCE = re.compile(r"\b(?:quarter|quarterly|net income|net loss|earned|per share|a share|revenue|profit)\b", re.I)


def finance_context(ctx: Context, pos: int) -> bool:
    return _FINANCE.search(ctx.text, max(0, pos - 300), pos + 100) is not None


def _finance_period(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the quarter", "the latest period", "the year-earlier quarter" in an earnings report: the last quarter
    reported (the one before the anchor's), a year back for year-earlier comparisons."""
    if not finance_context(ctx, m.start()):
        return []
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-QX")]
    back = -5 if m.group("ago") or m.group("ago2") or m.group("ago3") else -1
    value, anchored = _unit_value(ctx, "Q", back)
    if m.group("fy"):
        # "the 1988 quarter": the quarter being reported on, in the year named
        return [Candidate(m.start(), m.end(), "DATE", m.group("fy") + value[4:], anchored=False, sets_reference=False)]
    # The quarter reported on is the one the report last named, if any; else the one before the anchor's.
    return [
        Candidate(
            m.start(), m.end(), "DATE", value, anchored=anchored, year_back_of="Q", years_back=1 if back == -5 else 0
        )
    ]


def _year_earlier(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "year-earlier results": in an earnings report, the same quarter a year before."""
    unit, back = ("Q", -5) if finance_context(ctx, m.start()) else ("Y", -1)
    value, anchored = _unit_value(ctx, unit, back)
    return [Candidate(m.start(), m.end(), "DATE", value, anchored=anchored, year_back_of="Q" if unit == "Q" else None)]


RULES: list[Rule] = [
    (
        re.compile(r"\b(?:year[\s-]earlier|year[\s-]ago)\b(?!\s+(?:quarter|period))", re.I),
        _year_earlier,
        0,
        "year",
    ),
    (
        re.compile(
            r"\b(?:(?:the|this|that)\s+(?:(?:latest|last|same|comparable|corresponding|recent)\s+)?"
            r"(?:(?P<ago>year[\s-]earlier|year[\s-]ago|prior[\s-]year)\s+|(?P<fy>(?:19|20)\d\d)\s+)?"
            r"|(?P<ago3>last\s+year['’]s)\s+)"
            r"(?:quarter|period)\b(?!s)"
            # "the same period last year", "the quarter a year ago": one expression, a year before the last quarter
            r"(?P<ago2>\s+(?:of\s+)?(?:last\s+year|the\s+(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier)))?"
            r"(?![\s-]+(?:ago|earlier)\b)",
            re.I,
        ),
        _finance_period,
        0,
        "quarter period",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<qyear>(?:19|20)\d\d|year[\s-]earlier|year[\s-]ago|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?"
            r"(?:(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|year[\s-]earlier|year[\s-]ago)[\s-]+)"
            r"(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)|\s+of\s+(?P<relyear>this|last|next)\s+year)?",
            re.I,
        ),
        _quarter,
        2,
        "quarter",
    ),
    (
        re.compile(r"\bthe\s+fiscal\s+(?P<qord>first|second|third|fourth)\s+quarter\b(?P<year>)", re.I),
        _quarter,
        2,
        "quarter",
    ),
    (
        re.compile(r"\bthe\s+(?P<h>first|second|last)\s+half\b(?:\s+of\s+(?P<year>(?:19|20)\d\d))?", re.I),
        _half,
        2,
        "half",
    ),
]
