"""What every rule sees (the text, the anchor, a cached tense lookup) and what it returns (a Candidate)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from truceline.timex.calendar import Tense, shift, value_at
from truceline.timex.tense import tense_at

# The placeholder value of a relative expression when there is no anchor, by granularity.
UNRESOLVED = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}


@dataclass(slots=True)
class Candidate:
    """One time expression a rule found; the tagger keeps the longest of overlapping candidates."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False
    earliest: date | None = None
    latest: date | None = None
    tense: str | None = None  # recorded for the publication-date reasoning
    priority: int = 0
    # Set on anaphoric expressions ("the next day", "later that year", "two days later"): the value is the
    # unit-sized period `offset` units from the reference time (truceline.timex.reference), not from the anchor.
    ref_shift: tuple[int, str] | None = None
    # Set on "the previous Friday", "the following Monday": (ISO weekday, -1 or +1), that weekday strictly before or
    # after the reference day.
    ref_weekday: tuple[int, int] | None = None
    suffix: str = ""  # a part of day (TMO, TNI ...) kept when the value is re-resolved against the reference time
    # Set on "the same month a year ago", "the same period last year": the period the text last named at this
    # granularity ("D", "W", "M", "Q", or "P" for a month, quarter or season), one year earlier.
    year_back_of: str | None = None
    years_back: int = 1  # how many years back from that period ("the quarter" in an earnings report: 0)
    sets_reference: bool = True  # False for derived periods ("the 1988 quarter"): they restate, not move, the story


@dataclass(slots=True)
class Context:
    text: str
    anchor: date | None
    _tenses: dict[tuple[int, int], Tense] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = tense_at(self.text, start, end)
        return self._tenses[key]


def unit_value(ctx: Context, unit: str, offset: int) -> tuple[str, bool]:
    """The value of the unit-sized period `offset` units from the anchor, and whether the anchor was used (an X
    placeholder of that granularity without one)."""
    if ctx.anchor is None:
        return UNRESOLVED.get(unit, "XXXX"), False
    return value_at(shift(ctx.anchor, offset, unit), unit), True
