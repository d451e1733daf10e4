"""Movable feasts: days a report names by a religious calendar ("the Eid al-Fitr truce", "over Easter").

Conflict reporting dates truces and offensives by them, so each is worked out, not looked up:
  * Easter (Western) by the Gregorian computus, Orthodox Easter by the Julian computus moved to the Gregorian
    calendar (13 days from 1900 to 2099): exact, with the days named from them (Good Friday, Easter Monday ...)
    and Holy Week ("Easter week"), the ISO week ending on Easter Sunday.
  * Eid al-Fitr (1 Shawwal), Eid al-Adha (10 Dhu al-Hijjah) and Ramadan (the 9th month) by the tabular (arithmetic)
    Islamic calendar. Observed dates follow the sighting of the new moon and differ between countries, and the
    tabular day falls on the observed one or a day after it, so these carry the modifier APPROX and an interval
    from the day before to the day after. Ramadan's value is the Gregorian month holding most of its days; its
    interval runs from the day before its tabular first day to its last.
Both calendars are public arithmetic (the computus as given by Meeus, "Astronomical Algorithms", ch. 8; the
tabular Islamic calendar with the civil epoch of 16 July 622 as in Dershowitz and Reingold, "Calendrical
Calculations").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from truceline.timex.calendar import week_value

_ISLAMIC_EPOCH = 227015  # 1 Muharram AH 1 (civil epoch): 16 July 622 Julian, date(622, 7, 19).toordinal()


class Feast(NamedTuple):
    value: str  # TIMEX3 value
    earliest: date
    latest: date
    approx: bool


def easter(year: int) -> date:
    """Western Easter Sunday (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lv = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lv) // 451
    month, day = divmod(h + lv - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2  # 13 days from 1900 to 2099
    return date(year, month, day + 1) + timedelta(days=julian_gap)


def hijri_day(year: int, month: int, day: int) -> date:
    """The Gregorian day of an Islamic (tabular calendar) date."""
    days = (11 * year + 3) // 30 + 354 * (year - 1) + 30 * (month - 1) - (month - 1) // 2 + day
    return date.fromordinal(_ISLAMIC_EPOCH + days - 1)


def _islamic_years(year: int) -> range:
    """The Islamic years that overlap the Gregorian `year` (about 33 Islamic years to 32 Gregorian ones)."""
    first = int((year - 622) * 33 / 32)
    return range(first - 1, first + 3)


# Days counted from Easter Sunday (Western or Orthodox).
_EASTER_OFFSETS = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "good friday": -2,
    "holy saturday": -1,
    "maundy thursday": -3,
    "holy thursday": -3,
    "palm sunday": -7,
}
# Islamic feasts: (month, day) in the Islamic calendar.
_ISLAMIC = {"fitr": (10, 1), "adha": (12, 10)}

FEAST_PATTERN = (
    r"(?:orthodox\s+)?(?:(?:easter|holy)\s+week|easter(?:\s+(?:sunday|monday|day))?|good\s+friday|holy\s+(?:saturday|thursday)|"
    r"maundy\s+thursday|palm\s+sunday)"
    r"|e[ie]d(?:[\s-]+(?:al|ul|el|e))?[\s-]+(?:fitr|adha)"
    r"|ramad[ah]?an"
)
TRIGGERS = "easter good holy maundy palm orthodox eid eed ramadan ramadhan ramazan"
_SPACES = re.compile(r"[\s-]+")


def feasts_in(name: str, year: int) -> list[Feast]:
    """Every day (or, for Ramadan, month) the named feast falls on in the Gregorian `year` (none before the
    calendar that defines it: the Islamic one from 623, the Gregorian computus from 1583)."""
    words = _SPACES.sub(" ", name.lower())
    ramadan = words.startswith(("ramad", "ramaz"))
    if year < (623 if ramadan or words.endswith(tuple(_ISLAMIC)) else 1583) or year > 9898:
        return []
    if ramadan:
        out = []
        for hy in _islamic_years(year):
            first, last = hijri_day(hy, 9, 1), hijri_day(hy, 10, 1) - timedelta(days=1)
            if first.year == year:
                middle = first + (last - first) / 2
                out.append(Feast(f"{middle.year:04d}-{middle.month:02d}", first - timedelta(days=1), last, True))
        return out
    for key, (month, day) in _ISLAMIC.items():
        if words.endswith(key):
            days = [hijri_day(hy, month, day) for hy in _islamic_years(year)]
            one = timedelta(days=1)
            return [Feast(d.isoformat(), d - one, d + one, True) for d in days if d.year == year]
    orthodox = words.startswith("orthodox ")
    sunday = orthodox_easter(year) if orthodox else easter(year)
    if words.endswith(" week"):  # Holy Week, "Easter week": the ISO week that ends on Easter Sunday
        return [Feast(week_value(sunday), sunday - timedelta(days=6), sunday, False)]
    offset = _EASTER_OFFSETS.get(words.removeprefix("orthodox "))
    if offset is None:
        return []
    d = sunday + timedelta(days=offset)
    return [Feast(d.isoformat(), d, d, False)]


def nearest_feast(name: str, anchor: date, tense: str) -> Feast | None:
    """The occurrence a report means: the last one begun by the anchor in a past clause (a feast under way
    counts), the next one in a future clause, the nearest otherwise."""
    found = [f for y in (anchor.year - 1, anchor.year, anchor.year + 1) for f in feasts_in(name, y)]
    if not found:
        return None
    if tense == "past":
        before = [f for f in found if f.earliest <= anchor]
        return max(before, key=lambda f: f.earliest) if before else None
    if tense == "future":
        ahead = [f for f in found if f.latest >= anchor]
        return min(ahead, key=lambda f: f.earliest) if ahead else None
    return min(found, key=lambda f: min(abs((f.earliest - anchor).days), abs((f.latest - anchor).days)))
