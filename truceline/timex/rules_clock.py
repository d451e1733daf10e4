"""Clock times: "10:35 a.m.", "noon Thursday", "midnight", "16:08 UTC", "2100 GMT".

A clock time without a day sits on the anchor day; with a weekday or yesterday/today/tomorrow it sits on that.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from truceline.timex.calendar import resolve_month_day, resolve_weekday
from truceline.timex.context import UNRESOLVED, Candidate, Context
from truceline.timex.lexicon import lexicon, parse_number, weekday_number
from truceline.timex.patterns import DAY, MON, NUMW, WD, YEAR, mod_code, quoted_title
from truceline.timex.rules_abs import Rule

# The day a clock time sits on may follow it: a weekday or yesterday/today/tomorrow, or a calendar date
# ("5 p.m. EST Nov. 9", "16:15 UTC, June 1st", "6 a.m. on 3 March 2019"). TIMEX3 makes the whole phrase one TIME
# whose date part is that day; a zone only keeps its clock value (no offset is invented).
_ON_DATE = (
    rf"(?:{WD},?\s+)?(?:(?P<mon>{MON})\s+(?P<day>{DAY})|(?P<day2>{DAY})\s+(?P<mon2>{MON}))\b(?!:\d|\d)"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?"
)
_CLOCK_REST = rf"(?:,?\s+(?:on\s+)?(?:{_ON_DATE}|(?P<rest>{WD}|yesterday|today|tomorrow)))?"


def _clock(m: re.Match[str], ctx: Context) -> list[Candidate]:
    word = (m.group("word") or "").lower()
    if word and quoted_title(ctx.text, m.start(), m.end()):
        return []  # 'the film "High Noon"'
    if word:
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        ampm = (m.group("ap") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 24:
            return []
    return _on_day(m, ctx, f"T{hour:02d}:{minute:02d}")


def _named_date(m: re.Match[str], ctx: Context) -> tuple[str | None, bool]:
    """The calendar date that follows the clock time, as a value prefix, and whether its year came from the
    anchor; (None, False) when none follows, ("", False) when the date does not exist."""
    mon, day_text = m.group("mon") or m.group("mon2"), m.group("day") or m.group("day2")
    if not mon:
        return None, False
    month, day = lexicon().months[mon.rstrip(".").lower()], int(re.match(r"\d+", day_text).group())  # type: ignore[union-attr]
    if m.group("year"):
        year, anchored = int(m.group("year")), False
    elif ctx.anchor is not None:
        year, anchored = resolve_month_day(ctx.anchor, month, day, _clock_tense(m, ctx)), True
    else:
        return (f"XXXX-{month:02d}-{day:02d}" if day <= 31 else ""), False
    try:
        return date(year, month, day).isoformat(), anchored
    except ValueError:
        return "", False


def _on_day(m: re.Match[str], ctx: Context, clock: str) -> list[Candidate]:
    """The TIME candidate for `clock` on the day the words after it name (the anchor day when they name none)."""
    named, anchored = _named_date(m, ctx)
    if named == "":
        return []
    if named is not None:
        return [Candidate(m.start(), m.end(), "TIME", named + clock, anchored=anchored, priority=3)]
    day: date | None = None
    rest = m.group("rest")
    if rest and ctx.anchor is not None:
        rest_l = rest.lower()
        if rest_l in ("yesterday", "today", "tomorrow"):
            day = ctx.anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rest_l])
        else:
            day = resolve_weekday(ctx.anchor, weekday_number(rest), _clock_tense(m, ctx))
    elif ctx.anchor is not None:
        day = ctx.anchor
    prefix = day.isoformat() if day else UNRESOLVED["D"]
    return [
        Candidate(
            m.start(), m.end(), "TIME", prefix + clock, anchored=day is not None, **_on_reference_day(rest, clock)
        )
    ]


_DEADLINE = re.compile(r"\b(?:until|till|by|before)\s+$", re.I)


def _clock_tense(m: re.Match[str], ctx: Context) -> str:
    """ "until 9 a.m. Tuesday": a deadline points ahead; one set in a past clause is the nearest such day."""
    tense = ctx.tense(m.start(), m.end())
    if _DEADLINE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return "future" if tense != "past" else "present"
    return tense


def _on_reference_day(rest: str | None, clock: str) -> dict[str, Any]:
    """A clock time that names no day ("shot at 10 p.m.") sits on the day being narrated (the reference time)."""
    return {} if rest else {"ref_shift": (0, "D"), "suffix": clock}


_RESTATED = re.compile(r"(?:[ap]\.?m\.?|\d|noon|midnight)\s*\(\s*$", re.I)


def _clock24(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "16:08 UTC", "2100 GMT", "0600 hrs": 24-hour clock times, marked Z when given in UTC/GMT."""
    if _RESTATED.search(ctx.text, max(0, m.start() - 12), m.start()):
        return []  # "10:35 a.m. (0735 GMT)": the same time restated in UTC, already tagged
    zone = "Z" if m.group("zone").upper() in ("UTC", "GMT", "Z") else ""
    return _on_day(m, ctx, f"T{int(m.group('h')):02d}:{m.group('mi')}{zone}")


_POD_CODE = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV"}
_POD_HOURS = {"morning": 0, "afternoon": 12, "evening": 12}
# A bare number is an hour only after a word that introduces a time ("at 4 in the morning", not "killed 4 in the
# morning raid").
_AT_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|from|around|about|since|to)\s+$", re.I)


def _part_of_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "mid-afternoon yesterday", "late morning on Tuesday", "by mid afternoon": a part of the day with its
    position in it (the day itself follows, or is the one being narrated)."""
    found = _on_day(m, ctx, _POD_CODE[m.group("pod").lower()])
    for cand in found:
        cand.mod = mod_code(m.group("mod"))
    return found


def _hour_of_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "at 4 in the morning", "ten o'clock in the evening", "at 9 o'clock": an hour named without a.m./p.m."""
    if not m.group("oclock") and not _AT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return []
    hour = parse_number(m.group("h"))
    if hour is None or hour != int(hour) or not 1 <= hour <= 12:
        return []
    pod = (m.group("pod") or m.group("pod2") or "").lower()
    h = int(hour) % 12 + _POD_HOURS[pod] if pod else int(hour)
    if pod == "evening" and h < 17:  # "at 2 in the evening" is no time anyone writes; an evening hour is late
        return []
    return _on_day(m, ctx, f"T{h:02d}:{m.group('mi') or '00'}")


RULES: list[Rule] = [
    (
        re.compile(rf"\b(?P<mod>(?i:early|mid|late))[\s-]?(?P<pod>(?i:morning|afternoon|evening))\b{_CLOCK_REST}"),
        _part_of_day,
        2,
        "morning afternoon evening midmorning midafternoon",
    ),
    (
        re.compile(
            rf"\b(?P<h>1[0-2]|0?[1-9]|(?i:{NUMW}))(?::(?P<mi>[0-5]\d))?\s+(?:(?P<oclock>o['’]clock)\b"
            rf"(?:\s+in\s+the\s+(?P<pod>(?i:morning|afternoon|evening)))?|(?i:in\s+the\s+)(?P<pod2>"
            rf"(?i:morning|afternoon|evening))\b){_CLOCK_REST}"
        ),
        _hour_of_day,
        2,
        "clock morning afternoon evening",
    ),
    (
        re.compile(
            r"\b(?:(?P<word>noon|midday|midnight)|(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)"
            r"(?:\s+(?:local\s+time|(?-i:[A-Z]{3}\b)))?)"  # a zone is written in capitals: "5 p.m. and" is no zone
            rf"{_CLOCK_REST}",
            re.I,
        ),
        _clock,
        2,
        "#digit noon midday midnight",
    ),
    (
        re.compile(
            rf"\b(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?P<zone>UTC|GMT|Z\b|hrs\b|hours\b|local\s+time){_CLOCK_REST}"
        ),
        _clock24,
        2,
        "#digit",
    ),
]
