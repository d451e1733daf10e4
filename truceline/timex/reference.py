"""The reference time: what "the next day", "later that year" or "two days later" count from.

News narrates: "On March 3 the talks opened. The next day, the delegations walked out." The next day is March 4,
whatever the publication date; TimeML annotators resolve such anaphoric expressions against the most recent date
the text has named (the reference time), not the document's creation time. We keep, for each granularity, the
last date the text named (the anchor stands in before any) and resolve an anaphoric expression against the most
recent one fine enough for its unit: "the next day" needs a day, "the following year" can count from a month.
"""

from __future__ import annotations

import re
from datetime import date

from truceline.timex.calendar import shift, value_at, value_interval
from truceline.timex.context import Candidate
from truceline.timex.rules_ref import weekday_from

# How coarse a date is; a reference can serve an expression whose unit is at least as coarse.
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
_UNIT_RANK = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
# A date given as a bound ("by 1992", "until March", "no later than June 1") is a target or deadline, not a time the
# narrative moves to: "forecast an increase for the full year" after "a 50% share by 1992" still means this year.
_BOUND_BEFORE = re.compile(r"\b(?:by|until|till|no\s+later\s+than)\s+(?:the\s+(?:end\s+of\s+)?)?$", re.I)


def resolve_reference_times(cands: list[Candidate], anchor: date | None, text: str = "") -> None:
    """Re-resolve, in text order, the candidates marked anaphoric (`ref_shift`) against the reference time.
    `text` (the text the candidates index) lets bounds such as "by 1992" be left out of the reference time."""
    if not any(c.ref_shift or c.year_back_of or c.ref_weekday for c in cands):
        return
    # rank -> (order, first day of the period last named at that granularity, whether it derives from the anchor)
    latest: dict[int, tuple[int, date, bool]] = {}
    named: dict[int, tuple[int, str]] = {}  # rank -> (order, value) of the period the text last named
    if anchor is not None:
        latest[0] = (-1, anchor, True)
    for order, cand in enumerate(cands):
        if cand.year_back_of is not None:
            _year_back(cand, named)
            continue
        if cand.ref_weekday is not None:
            if 0 in latest:
                _, ref, from_anchor = latest[0]
                moved = weekday_from(ref, *cand.ref_weekday)
                cand.value, cand.anchored = moved.isoformat() + cand.suffix, from_anchor
                latest[0] = (order, moved, from_anchor)
            continue
        if cand.ref_shift is not None:
            offset, unit = cand.ref_shift
            rank = _UNIT_RANK[unit]
            usable = [entry for r, entry in latest.items() if r <= rank]
            if not usable:
                continue
            _, ref, from_anchor = max(usable)
            moved = shift(ref, offset, unit)
            cand.value = value_at(moved, unit) + cand.suffix
            # Anchored means resolved against the publication date; a date the text itself named is not that.
            cand.anchored = from_anchor
            if unit == "D":
                latest[0] = (order, moved, from_anchor)  # the narrative has moved on: "the next day ... the day after"
            continue
        if cand.type not in ("DATE", "TIME") or cand.value.startswith("X"):
            continue
        if text and _BOUND_BEFORE.search(text, max(0, cand.start - 24), cand.start):
            continue
        earliest, _, precision = value_interval(cand.value)
        if earliest is not None and precision in _RANK:
            latest[_RANK[precision]] = (order, earliest, cand.anchored)
            if cand.sets_reference and not (
                _QUARTER.match(cand.value) and anchor and cand.value >= value_at(anchor, "Q")
            ):
                # a quarter not yet over (a forecast's "fourth-quarter charge") is no quarter being reported on
                named[_RANK[precision]] = (order, cand.value)


_SAME_RANKS = {"D": (0,), "W": (1,), "M": (2,), "Q": (3,), "P": (2, 3)}
_LEADING_YEAR = re.compile(r"^(\d{4})(?=-)")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def _year_back(cand: Candidate, named: dict[int, tuple[int, str]]) -> None:
    """ "the same period a year earlier" after "sales rose in February": February of the year before. Without such
    a period in the text the provisional value (counted from the anchor) stands."""
    ranks = _SAME_RANKS.get(cand.year_back_of or "", ())
    entries = [named[r] for r in ranks if r in named]
    if not entries:
        return
    _, value = max(entries)
    if cand.year_back_of == "Q" and not _QUARTER.match(value):
        return  # a season shares the quarter's rank but is no fiscal quarter
    m = _LEADING_YEAR.match(value)
    if m:
        cand.value = f"{int(m[1]) - cand.years_back:04d}{value[4:]}"
        cand.anchored = False
