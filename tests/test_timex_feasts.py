"""Movable feasts: Easter by the computus, the Islamic feasts by the tabular calendar (a day or so either way).

The dates checked are public facts: Western Easter 2019 on 21 April and 2024 on 31 March, Orthodox Easter 2019 on
28 April and 2024 on 5 May; Eid al-Fitr observed in Saudi Arabia on 4 June 2019 and 24 May 2020, Eid al-Adha on
31 July 2020 and 16 June 2024; Ramadan 2023 began on 23 March. Sentences are our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from truceline.stages.dates import tag_times
from truceline.timex.feasts import easter, feasts_in, hijri_day, orthodox_easter

DEC = date(2019, 12, 4)


def only(text: str, anchor: date | None = DEC):
    refs = tag_times(text, anchor)
    assert len(refs) == 1, refs
    return refs[0]


def test_easter_by_the_computus() -> None:
    assert [easter(y) for y in (2019, 2024)] == [date(2019, 4, 21), date(2024, 3, 31)]
    assert [orthodox_easter(y) for y in (2019, 2024)] == [date(2019, 4, 28), date(2024, 5, 5)]


@pytest.mark.parametrize(
    ("name", "year", "observed"),
    [
        ("Eid al-Fitr", 2019, date(2019, 6, 4)),
        ("eid ul fitr", 2020, date(2020, 5, 24)),
        ("Eid al-Adha", 2020, date(2020, 7, 31)),
        ("Eid el-Adha", 2024, date(2024, 6, 16)),
    ],
)
def test_islamic_feasts_hold_the_observed_day(name: str, year: int, observed: date) -> None:
    (feast,) = feasts_in(name, year)
    assert feast.approx and feast.earliest <= observed <= feast.latest
    assert (feast.latest - feast.earliest).days == 2


def test_a_gregorian_year_can_hold_two_eids() -> None:
    assert [f.value for f in feasts_in("Eid al-Fitr", 2000)] == ["2000-01-08", "2000-12-28"]


def test_ramadan_is_a_month_long_interval() -> None:
    (ramadan,) = feasts_in("Ramadan", 2023)
    assert ramadan.earliest <= date(2023, 3, 23) <= ramadan.earliest + (date(2023, 3, 24) - date(2023, 3, 23))
    assert 29 <= (ramadan.latest - ramadan.earliest).days <= 31
    assert ramadan.value == "2023-04" and hijri_day(1444, 9, 1) == date(2023, 3, 23)


@pytest.mark.parametrize(
    ("text", "value", "modifier"),
    [
        ("The militants observed a truce over Eid al-Adha.", "2019-08-12", "APPROX"),
        ("Both sides will observe a truce for Eid al-Fitr.", "2020-05-24", "APPROX"),
        ("Shelling stopped over Easter.", "2019-04-21", None),
        ("Delegates will meet again after Orthodox Easter.", "2020-04-19", "after"),
        ("The prisoners were freed on Good Friday 2018.", "2018-03-30", None),
    ],
)
def test_feasts_resolve_by_tense_or_year(text: str, value: str, modifier: str | None) -> None:
    ref = only(text)
    assert (ref.value, ref.modifier) == (value, modifier)


def test_ramadan_in_a_report_is_its_days() -> None:
    ref = only("The ceasefire held through most of Ramadan.")
    assert ref.value == "2019-05" and ref.earliest is not None and ref.latest is not None
    assert ref.earliest <= date(2019, 5, 6) and ref.latest == date(2019, 6, 4)


@pytest.mark.parametrize(
    "text",
    [
        "The Good Friday Agreement ended decades of conflict.",
        "Rebels marked the anniversary of the Easter Rising.",
        "A ship reached Easter Island.",
    ],
)
def test_names_built_on_a_feast_are_not_its_day(text: str) -> None:
    assert tag_times(text, DEC) == []


def test_without_an_anchor_a_feast_has_no_year() -> None:
    assert only("Talks resumed after Eid al-Fitr.", None).value == "XXXX-XX-XX"


def test_holy_week_is_the_iso_week_ending_on_easter() -> None:
    # Easter 2000 fell on 23 April: Holy Week is ISO week 16, Monday 17 to Sunday 23 April
    ref = only("Pilgrims filled the old city as Easter week began.", date(2000, 4, 17))
    assert (ref.value, ref.earliest, ref.latest) == ("2000-W16", date(2000, 4, 17), date(2000, 4, 23))


def test_no_feast_before_its_calendar_and_the_computus_at_its_extremes() -> None:
    assert feasts_in("Easter", 1500) == [] and feasts_in("Eid al-Fitr", 600) == []
    # the earliest and latest Easters of the last centuries: 22 March 1818 and 25 April 1943
    assert [f.value for y in (1818, 1943) for f in feasts_in("Easter", y)] == ["1818-03-22", "1943-04-25"]
