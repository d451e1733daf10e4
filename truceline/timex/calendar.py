"""Calendar arithmetic for TIMEX3 values: the interval a value denotes, and tense-aware resolution.

A TIMEX3 value ("2019-W24", "2019-Q1", "201") names an interval of days; downstream stages compare intervals,
so every value the tagger emits is turned into [earliest, latest] here, in one place.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from truceline.model import Precision

Tense = str  # "past" | "future" | "present"

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{1,2})(?:-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def last_day(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def value_interval(value: str) -> tuple[date | None, date | None, Precision]:
    """The days a TIMEX3 date value covers, and its precision; (None, None, "unknown") when it names none (or
    a period at the very edge of the calendar, such as year 9999's last week)."""
    try:
        return _value_interval(value)
    except (ValueError, OverflowError):
        return None, None, "unknown"


def _value_interval(value: str) -> tuple[date | None, date | None, Precision]:
    m = _VALUE.match(value)
    if m:
        y = int(m["y"])
        if y < 1:
            return None, None, "unknown"
        if m["d"]:
            try:
                d = date(y, int(m["m"]), int(m["d"]))
            except ValueError:
                return None, None, "unknown"
            return d, d, "day"
        if m["m"]:
            mo = int(m["m"])
            if not 1 <= mo <= 12:
                return None, None, "unknown"
            return date(y, mo, 1), last_day(y, mo), "month"
        if m["w"]:
            try:
                start = date.fromisocalendar(y, int(m["w"]), 1)
            except ValueError:
                return None, None, "unknown"
            if value.endswith("-WE"):
                return start + timedelta(days=5), start + timedelta(days=6), "week"
            return start, start + timedelta(days=6), "week"
        if m["q"]:
            q = int(m["q"])
            return date(y, 3 * q - 2, 1), last_day(y, 3 * q), "quarter"
        if m["h"]:
            h = int(m["h"])
            return date(y, 6 * h - 5, 1), last_day(y, 6 * h), "quarter"
        if m["s"]:
            first, last = _SEASON_MONTHS[m["s"]]
            end_year = y + 1 if first > last else y
            return date(y, first, 1), last_day(end_year, last), "season"
        return date(y, 1, 1), date(y, 12, 31), "year"
    if _DECADE.match(value):
        y = int(value) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade"
    if _CENTURY.match(value):
        y = int(value) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    return None, None, "unknown"


def narrow(earliest: date, latest: date, mod: str | None) -> tuple[date, date]:
    """START / MID / END take the first, middle or last third of an interval ("early June", "late 2019")."""
    if mod not in ("START", "MID", "END"):
        return earliest, latest
    span = (latest - earliest).days + 1
    third = max(span // 3, 1)
    if mod == "START":
        return earliest, earliest + timedelta(days=third - 1)
    if mod == "END":
        return latest - timedelta(days=third - 1), latest
    return earliest + timedelta(days=third), latest - timedelta(days=third)


def resolve_weekday(anchor: date, weekday: int, tense: Tense) -> date:
    """The weekday nearest the anchor in the direction the clause's tense points (the anchor day itself counts)."""
    diff = weekday - anchor.isoweekday()
    if tense == "future":
        return anchor + timedelta(days=diff % 7)
    if tense == "present":
        # Nearest, preferring the past on a tie (news reports mostly look back).
        back = (-diff) % 7
        fwd = diff % 7
        return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)
    return anchor - timedelta(days=(-diff) % 7)


def resolve_month(anchor: date, month: int, tense: Tense, *, strict: bool = False) -> int:
    """The year of a month named without one: the latest such month up to the anchor in a past clause
    (strictly before it for "last September"), the next one in a future clause, the nearest when the clause
    has no tense marker."""
    if tense in ("none", "present") and not strict:
        # No tense to go by: the nearest such month, which is the anchor's year unless that is far off.
        diff = month - anchor.month
        if diff > 6:
            return anchor.year - 1
        if diff < -6:
            return anchor.year + 1
        return anchor.year
    if tense == "future":
        if month > anchor.month or (month == anchor.month and not strict):
            return anchor.year
        return anchor.year + 1
    if month < anchor.month or (month == anchor.month and not strict):
        return anchor.year
    return anchor.year - 1


def resolve_month_day(anchor: date, month: int, day: int, tense: Tense) -> int:
    """Year for "June 13": the year putting the day nearest the anchor, pushed by tense when far off.

    A past clause still names days ahead when it reports a schedule ("set Nov. 10 as the deadline", "invited them
    to a ceremony on March 12"), but rarely more than a couple of months ahead: there a day up to about 11 weeks
    ahead stands, and a later one is last year's ("rebels attacked on March 3", told in December). A future clause
    looking back is rarer still, and keeps the day up to about four months back."""
    best_year = anchor.year
    best_cost = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        delta = (d - anchor).days
        cost = abs(delta)
        if tense == "past" and delta > 7:
            cost += 200  # ahead wins only while delta + 200 < 365 - delta: under 83 days
        if tense == "future" and delta < -7:
            cost += 120  # under 123 days back
        if best_cost is None or cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def resolve_season(anchor: date, season: str, tense: Tense, *, strict: bool = False) -> int:
    first = _SEASON_MONTHS[season][0]
    return resolve_month(anchor, first, tense, strict=strict)


def shift(anchor: date, amount: int, unit: str) -> date:
    """The anchor moved by a whole number of units (D, W, M, Y, Q, DE); clamped to the calendar Python can hold
    ("3,000 years ago" is year 1, not an error)."""
    try:
        return _shift(anchor, amount, unit)
    except (ValueError, OverflowError):
        return date.min if amount < 0 else date.max


def _shift(anchor: date, amount: int, unit: str) -> date:
    if unit == "D":
        return anchor + timedelta(days=amount)
    if unit == "W":
        return anchor + timedelta(weeks=amount)
    if unit == "M":
        return add_months(anchor, amount)
    if unit == "Q":
        return add_months(anchor, 3 * amount)
    if unit == "Y":
        return add_years(anchor, amount)
    if unit == "DE":
        return add_years(anchor, 10 * amount)
    return anchor


def value_at(d: date, unit: str) -> str:
    """The TIMEX3 value naming the unit-sized period that contains `d`."""
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        return week_value(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"
