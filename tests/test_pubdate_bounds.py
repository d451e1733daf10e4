"""Days a report names without their year, as bounds on when it was written (truceline.timex.pubdate_bounds).

The reports here are our own words. Syria's war (known_dates.yaml: from 15 March 2011) told as "eight-year" leaves
September 2018 to June 2020 open, so the clues under test have a few years to work in.
"""

from __future__ import annotations

from datetime import date

from truceline.eval.pubdate_text import date_text
from truceline.timex.intervals import intersect
from truceline.timex.pubdate import EARLIEST, PLAUSIBLE_FROM
from truceline.timex.pubdate_text import reason_over_text

WAR = "as Syria's eight-year war grinds on"


def _spans(text: str) -> list[tuple[date, date]]:
    return reason_over_text(text.split("\n\n"), [], [(EARLIEST, date(2026, 1, 1))]).spans


def _holds(text: str, day: date) -> bool:
    return bool(intersect(_spans(text), [(day, day)]))


def test_a_deadline_ahead_bounds_the_report_from_above() -> None:
    ahead = f"Guns pulled back\n\nMilitias face a deadline of March 5 to move their artillery, {WAR}, officials said."
    plain = f"Guns pulled back\n\nMilitias must move their artillery, {WAR}, officials said."
    # the weeks after the deadline, in each year, are no longer open; without the deadline they are
    assert not _holds(ahead, date(2020, 3, 20)) and not _holds(ahead, date(2019, 3, 20))
    assert _holds(plain, date(2020, 3, 20)) and _holds(plain, date(2019, 3, 20))
    # the days before it still are
    assert _holds(ahead, date(2020, 2, 20)) and _holds(ahead, date(2019, 2, 20))


def test_a_deadline_told_as_met_bounds_nothing_from_above() -> None:
    met = f"Guns pulled back\n\nMilitias met a deadline of March 5 to move their artillery, {WAR}, officials said."
    assert _holds(met, date(2020, 3, 20))
    assert not any(
        ("ahead" in why) for why, _ in reason_over_text(met.split("\n\n"), [], [(EARLIEST, date(2026, 1, 1))]).offered
    )


def test_a_full_date_deadline_in_a_reported_clause_is_an_upper_bound() -> None:
    pub = date_text("Handover\n\nThe garrison faces a deadline of March 5, 2020 to leave the town, a spokesman said.")
    assert pub.latest == date(2020, 3, 5), pub.evidence


def test_the_one_weekday_chooses_the_year_of_a_day_told_without_it() -> None:
    # June 13 is a Thursday in 2019, a Wednesday in 2018 and a Saturday in 2020
    pub = date_text(
        f"Farms hit\n\nThe governor said on Thursday that shelling on June 13 had killed three farmers, {WAR}."
    )
    assert (pub.earliest, pub.latest) == (date(2019, 6, 13), date(2019, 6, 14)), pub.evidence
    other = date_text(
        f"Farms hit\n\nThe governor said on Tuesday that shelling on June 13 had killed three farmers, {WAR}."
    )
    assert other.earliest is not None and other.latest is not None
    assert other.earliest.year != other.latest.year, other.evidence  # no year fits: the years stay open


def test_over_many_years_the_weekday_chooses_nothing() -> None:
    # from 1990 on, June 13 is a Thursday in six years: which one is chance, and so is the pairing itself
    pub = date_text("Farms hit\n\nThe governor said on Thursday that shelling on June 13 had killed three farmers.")
    assert (pub.earliest, pub.latest) == (PLAUSIBLE_FROM, date.today()), pub.evidence


def test_a_month_that_qualifies_a_noun_is_no_day_ahead() -> None:
    # the data are of August and come out later: the report may well be from September
    said = "Markets\n\nShares may rise on an expected release of August jobs data, traders said, " + WAR + "."
    assert _holds(said, date(2019, 9, 3))
    assert not any(
        "ahead" in why for why, _ in reason_over_text(said.split("\n\n"), [], [(EARLIEST, date(2026, 1, 1))]).offered
    )
    # named as the time of the release itself, it is one
    plan = "Markets\n\nThe jobs figures will be released in August, traders said, " + WAR + "."
    assert not _holds(plan, date(2019, 9, 3))
