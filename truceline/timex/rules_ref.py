"""Anaphoric expressions, resolved later against the reference time (truceline.timex.reference): "the next day",
"the following morning", "that same day", "later that year", "the day after".

Each rule emits a provisional value from the anchor (or an X placeholder without one) and a `ref_shift`; the
tagger replaces the value once it knows which date the text was last talking about.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from truceline.timex.calendar import shift, value_at
from truceline.timex.context import UNRESOLVED, Candidate, Context
from truceline.timex.lexicon import weekday_number
from truceline.timex.patterns import POD, WD
from truceline.timex.rules_abs import Rule

_POD = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_DATE_NEXT = re.compile(
    r"\s+(?:the\s+)?(?:last\s+|next\s+)?(?:\d|yesterday|today|tomorrow|[A-Z][a-z]+day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
)


def _candidate(m: re.Match[str], ctx: Context, offset: int, word: str, mod: str | None = None) -> Candidate:
    suffix = _POD.get(word, "")
    unit = _UNIT.get(word, "D")
    typ = "TIME" if suffix else "DATE"
    if ctx.anchor is None:
        value = UNRESOLVED[unit] + suffix
    else:
        value = value_at(shift(ctx.anchor, offset, unit), unit) + suffix
    return Candidate(
        m.start(),
        m.end(),
        typ,
        value,
        mod=mod,
        anchored=ctx.anchor is not None,
        ref_shift=(offset, unit),
        suffix=suffix,
    )


def _that_unit(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "that day", "that same week", "later that year", "earlier that morning": the reference period itself."""
    when = (m.group("when") or "").lower()
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get(when)
    return [_candidate(m, ctx, 0, m.group("unit").lower(), mod)]


def _next_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the next day", "the following morning", "the previous night": one day on from (or before) the reference."""
    offset = -1 if m.group("rel").lower() in ("previous", "preceding") else 1
    word = m.group("unit").lower()
    if word in ("week", "month", "year") and m.group("rel").lower() == "next":
        return []  # "over the next year" is a stretch of time ahead (rules_dur), not a date
    return [_candidate(m, ctx, offset, word)]


def weekday_from(ref: date, weekday: int, direction: int) -> date:
    """That ISO weekday strictly before (direction -1) or after (+1) `ref`."""
    if direction < 0:
        return ref - timedelta(days=(ref.isoweekday() - weekday - 1) % 7 + 1)
    return ref + timedelta(days=(weekday - ref.isoweekday() - 1) % 7 + 1)


def _weekday_from_reference(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "down 4.5% from the previous Friday", "talks resumed the following Monday": the weekday before or after
    the day the text was last talking about (the anchor until it names one)."""
    wd = weekday_number(m.group("wd"))
    direction = -1 if m.group("rel").lower() in ("previous", "preceding", "prior") else 1
    suffix = _POD.get((m.group("pod") or "").lower(), "")
    typ = "TIME" if suffix else "DATE"
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}{suffix}"
    else:
        value = weekday_from(ctx.anchor, wd, direction).isoformat() + suffix
    return [
        Candidate(
            m.start(),
            m.end(),
            typ,
            value,
            anchored=ctx.anchor is not None,
            ref_weekday=(wd, direction),
            suffix=suffix,
            priority=2,
        )
    ]


def _day_before_after(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the day after", "the day before": next to the reference day, unless a date follows and says which."""
    if _DATE_NEXT.match(ctx.text, m.end(), m.end() + 24):
        return []
    return [_candidate(m, ctx, -1 if m.group("dir").lower() == "before" else 1, "day")]


def _unit_before_after(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "$19.8 billion less than the year previous", "the week before": one unit from the reference period."""
    offset = 1 if m.group("dir").lower() in ("after", "later") else -1
    return [_candidate(m, ctx, offset, m.group("unit").lower())]


_SAME_UNIT = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "period": "P", "season": "P"}


def _same_unit_year_back(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the same month a year ago", "the same period last year": the period just talked about, a year earlier.
    Provisionally counted from the anchor (a period is taken as a quarter); the reference time decides."""
    unit = _SAME_UNIT[m.group("unit").lower()]
    letter = "Q" if unit == "P" else unit
    if ctx.anchor is None:
        value = UNRESOLVED[letter]
    else:
        back = {"D": (-1, "Y"), "W": (-52, "W"), "M": (-12, "M"), "Q": (-5, "Q")}[letter]
        value = value_at(shift(ctx.anchor, back[0], back[1]), letter)
    return [Candidate(m.start(), m.end(), "DATE", value, anchored=ctx.anchor is not None, year_back_of=unit)]


def _whole_year(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the full year", "the entire year": the year being reported on (the reference year)."""
    return [_candidate(m, ctx, 0, "year")]


RULES: list[Rule] = [
    (
        re.compile(
            r"\bthe\s+same\s+(?P<unit>day|week|month|quarter|period|season)\s+(?:of\s+)?"
            r"(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:last|previous|prior)\s+year)\b",
            re.I,
        ),
        _same_unit_year_back,
        3,
        "same",
    ),
    (
        # Only where the phrase ends its clause: "the year before the war" counts from the war, not the reference.
        re.compile(
            r"\bthe\s+(?P<unit>year|month|week)\s+(?P<dir>before|previous|prior|earlier|after|later)\b"
            r"(?=\s*(?:[,.;:)\"”]|$)|\s+(?:and|but|when|while|as)\b)",
            re.I,
        ),
        _unit_before_after,
        2,
        "year month week",
    ),
    (re.compile(r"\bthe\s+(?:full|entire|whole)\s+year\b(?![-'’])", re.I), _whole_year, 2, "full entire whole"),
    (
        re.compile(
            r"\b(?:(?P<when>earlier|later|early|late)\s+(?:in\s+)?)?that\s+(?:same\s+)?"
            r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b(?![-'’])",
            re.I,
        ),
        _that_unit,
        2,
        "that",
    ),
    (
        re.compile(
            r"\bthe\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night)\b(?![-'’])",
            re.I,
        ),
        _next_day,
        2,
        "next following previous preceding",
    ),
    (
        re.compile(
            rf"\bthe\s+(?P<rel>previous|preceding|prior|following)\s+(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?\b(?!-)",
            re.I,
        ),
        _weekday_from_reference,
        2,
        "previous preceding prior following",
    ),
    (
        # "the day after the attack", "the day before": not "late in the day after falling" (a clause follows)
        re.compile(r"\bthe\s+day\s+(?P<dir>before|after)\b(?!\s+\w+ing\b)", re.I),
        _day_before_after,
        2,
        "day",
    ),
]
