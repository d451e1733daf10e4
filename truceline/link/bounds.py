"""The days a report can be from, read one way for all of linking (event clusters, truceline/link/cluster.py;
canonical events, truceline/link/canonical.py).

A report's days are its stated publication date (``date_lo`` / ``date_hi``: what the page, the feed or a dateline
says) or, lacking one, what its text bounds them to (``bound_lo`` / ``bound_hi``: "said on Wednesday (March 11th)"
puts it on that day or the next; "the eight-year-old war" in a year). Bounds narrow enough (``BOUND_DAYS``) are the
report's days for matching; wider ones still say which days it cannot be from. An act a report tells may precede
it by a few days, so a report's days are widened backwards by those before they are compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

BOUND_DAYS = 62  # an undated report's days bounded by its text to at most this many are its days for matching

Days = tuple[date, date]  # first and last day, inclusive

_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def span(value: str | None) -> Days | None:
    """The days a TIMEX-style value spans: a day, a month or a year."""
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _between(lo: object, hi: object) -> Days | None:
    first, last = span(str(lo or "")[:10]), span(str(hi or "")[:10])
    if first is None or last is None:
        return None
    return first[0], last[1]


def text_bounds(row: Mapping[str, Any]) -> Days | None:
    """The first and last day a report row's ``bound_lo`` / ``bound_hi`` allow, however wide."""
    return _between(row.get("bound_lo"), row.get("bound_hi"))


def narrow(days: Days | None, max_days: int = BOUND_DAYS) -> Days | None:
    """`days` when they are few enough (at most `max_days` apart) to tell one week's happenings from another's."""
    return days if days is not None and (days[1] - days[0]).days <= max_days else None


def publication_days(row: Mapping[str, Any]) -> Days | None:
    """A report row's days for matching: its stated date, else the days its text bounds it to when they are narrow
    (``BOUND_DAYS``); None when neither tells."""
    return _between(row.get("date_lo"), row.get("date_hi")) or narrow(text_bounds(row))


def open_ended(days: Days, read_on: date | None) -> bool:
    """Whether `days` run up to the day the report was read (`read_on`): its text bounds it from below only ("a
    name in use since 2005", "downloaded on 2 October 2013"), and the last day is no more than "not in the future".
    Such a report can be from any later day, a follow-up weeks or years after what it tells among them."""
    return read_on is not None and days[1] >= read_on - timedelta(days=1)


def widened(days: Days, before: int) -> Days:
    """`days` taken back by the `before` days an act told in a report may precede it."""
    return days[0] - timedelta(days=before), days[1]


def apart(a: Days, b: Days) -> bool:
    """Whether two spans of days cannot meet."""
    return a[1] < b[0] or b[1] < a[0]
