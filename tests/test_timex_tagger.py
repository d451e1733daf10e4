"""Time expressions per family, resolved against fixed anchors. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.model import TimeRef
from truceline.stages.dates import tag_times

FRI = date(2019, 5, 17)  # a Friday
DEC = date(2019, 12, 24)  # a Tuesday


def one(text: str, anchor: date | None, surface: str) -> TimeRef:
    refs = [r for r in tag_times(text, anchor) if r.text == surface]
    assert refs, f"{surface!r} not found in {[r.text for r in tag_times(text, anchor)]}"
    return refs[0]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The talks opened on June 13, 2019 in Geneva.", "June 13, 2019", "2019-06-13"),
        ("The talks opened on 13 June 2018 in Geneva.", "13 June 2018", "2018-06-13"),
        ("The truce began on Jan. 12 after talks.", "Jan. 12", "2019-01-12"),
        ("Envoys met on March 11th to talk.", "March 11th", "2019-03-11"),
        ("The file is dated 2019-06-13.", "2019-06-13", "2019-06-13"),
        ("The form is dated 06/13/2019.", "06/13/2019", "2019-06-13"),
        ("Fighting surged in the 1990s.", "the 1990s", "199"),
        ("The town was founded in the 12th century.", "the 12th century", "11"),
        ("Prices fell in July 2018.", "July 2018", "2018-07"),
        ("The war started in 2011.", "2011", "2011"),
        ("Output fell in fiscal 2018.", "fiscal 2018", "2018"),
    ],
)
def test_absolute_and_partial_dates(text: str, surface: str, value: str) -> None:
    ref = one(text, FRI, surface)
    assert ref.value == value
    assert ref.type == "DATE"


def test_weekday_resolved_by_tense() -> None:
    text = "A delegation will arrive on Saturday, the minister said on Friday. Rebels attacked on Wednesday."
    assert one(text, FRI, "Saturday").value == "2019-05-18"
    assert one(text, FRI, "Friday").value == "2019-05-17"
    assert one(text, FRI, "Wednesday").value == "2019-05-15"
    expected = "An envoy is expected to arrive on Saturday to discuss the truce."
    assert one(expected, FRI, "Saturday").value == "2019-05-18"
    past = "The envoy arrived on Saturday to discuss the truce."
    assert one(past, FRI, "Saturday").value == "2019-05-11"


def test_last_next_this() -> None:
    text = "Last week talks failed; next month a summit opens; this year was hard; last Monday was calm."
    assert one(text, FRI, "Last week").value == "2019-W19"
    assert one(text, FRI, "next month").value == "2019-06"
    assert one(text, FRI, "this year").value == "2019"
    assert one(text, FRI, "last Monday").value == "2019-05-13"


def test_last_september_across_years() -> None:
    text = "The two sides agreed last September to hold talks."
    assert one(text, DEC, "last September").value == "2019-09"
    assert one(text, date(2019, 5, 17), "last September").value == "2018-09"
    assert one("They signed it in September.", date(2019, 5, 17), "September").value == "2018-09"
    assert one("They will sign it in September.", date(2019, 5, 17), "September").value == "2019-09"


def test_last_september_tied_to_known_agreement() -> None:
    # The sentence names the Sochi de-escalation deal, known (data/known_dates.yaml) to date from September 2018.
    text = "Last September, Russia and Turkey agreed to turn the province into a de-escalation zone."
    assert one(text, DEC, "Last September").value == "2018-09"


def test_early_mid_late_and_earlier_this() -> None:
    text = "Violence rose in late April. Early 2011 saw protests. Earlier this week, two soldiers died."
    late = one(text, FRI, "late April")
    assert (late.value, late.modifier) == ("2019-04", "END")
    assert late.earliest is not None and late.earliest.day > 15
    assert one(text, FRI, "Early 2011").modifier == "START"
    week = one(text, FRI, "Earlier this week")
    assert (week.value, week.modifier) == ("2019-W20", "START")


def test_since_and_until_are_modifiers_not_span() -> None:
    text = "Shelling has continued since late April and the truce holds until June 30."
    since = one(text, FRI, "late April")
    assert since.modifier == "since" and since.latest == FRI
    assert one(text, FRI, "June 30").modifier == "until"


def test_range_gives_two_expressions() -> None:
    refs = tag_times("Fighting raged between 2015 and 2017, and from May to July.", DEC)
    assert [r.value for r in refs] == ["2015", "2017", "2019-05", "2019-07"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It was the end of a week-old ceasefire.", "week-old", "P1W"),
        ("The week-old ceasefire frayed at dawn.", "week-old", "P1W"),
        ("Its month-long siege of the port ended.", "month-long", "P1M"),
        ("Russia backs Assad in the eight-year-old civil war.", "eight-year-old", "P8Y"),
        ("Stocks hit a five year low.", "five year", "P5Y"),
        ("In the last twenty four hours, prices fell.", "the last twenty four hours", "P1D"),
        ("In recent weeks the attacks grew.", "recent weeks", "PXW"),
        ("Talks lasted nearly two years.", "nearly two years", "P2Y"),
    ],
)
def test_durations(text: str, surface: str, value: str) -> None:
    ref = one(text, FRI, surface)
    assert (ref.type, ref.value) == ("DURATION", value)


def test_ages_of_people_are_not_durations() -> None:
    assert not tag_times("A 44-year-old farmer was hurt.", FRI)


def test_parts_of_day_midnight_and_night_of() -> None:
    text = (
        "The truce began at midnight on June 12. On the night of June 13 shells fell. A statement came late Thursday."
    )
    assert one(text, date(2019, 6, 13), "midnight on June 12").value == "2019-06-12T24:00"
    assert one(text, date(2019, 6, 13), "the night of June 13").value == "2019-06-13TNI"
    late = one(text, date(2019, 6, 13), "late Thursday")
    assert (late.value, late.modifier) == ("2019-06-13", "END")
    night = one("Shelling resumed on Thursday night.", date(2019, 6, 14), "Thursday night")
    assert (night.type, night.value) == ("TIME", "2019-06-13TNI")


@pytest.mark.parametrize(
    ("text", "surface", "value", "typ"),
    [
        ("The truce is now in force.", "now", "PRESENT_REF", "DATE"),
        ("Rebels currently hold the town.", "currently", "PRESENT_REF", "DATE"),
        ("Attacks rose recently.", "recently", "PAST_REF", "DATE"),
        ("Such deals failed in the past.", "the past", "PAST_REF", "DATE"),
        ("Talks will resume soon.", "soon", "FUTURE_REF", "DATE"),
        ("Patrols run every week along the road.", "every week", "P1W", "SET"),
        ("Convoys cross daily.", "daily", "P1D", "SET"),
        ("Results for the third quarter of 2018 were poor.", "the third quarter of 2018", "2018-Q3", "DATE"),
        ("The offensive may resume this summer.", "this summer", "2019-SU", "DATE"),
        ("Refugees returned last fall.", "last fall", "2018-FA", "DATE"),
        ("Yesterday the border reopened.", "Yesterday", "2019-05-16", "DATE"),
        ("Two days ago the border reopened.", "Two days ago", "2019-05-15", "DATE"),
        ("A year earlier the border was shut.", "A year earlier", "2018", "DATE"),
        ("The vote is tomorrow.", "tomorrow", "2019-05-18", "DATE"),
    ],
)
def test_references_sets_quarters_seasons_relative_days(text: str, surface: str, value: str, typ: str) -> None:
    ref = one(text, FRI, surface)
    assert (ref.value, ref.type) == (value, typ)


def test_without_anchor_relative_values_keep_placeholders() -> None:
    refs = tag_times("Officials said on Thursday that talks began on June 13.", None)
    assert [r.value for r in refs] == ["XXXX-WXX-4", "XXXX-06-13"]
    assert all(not r.anchored and r.earliest is None for r in refs)


def test_intervals_follow_values() -> None:
    ref = one("It happened in the second quarter of 2019.", FRI, "the second quarter of 2019")
    assert (ref.earliest, ref.latest, ref.precision) == (date(2019, 4, 1), date(2019, 6, 30), "quarter")


def test_month_day_tied_to_known_truce_keeps_its_year() -> None:
    # The Idlib truce of 12 January 2020 is a known agreement; a year-wide anchor must not move it to 2021.
    text = "The regime broke the terms of the cease-fire, including a fresh truce on Jan. 12."
    assert one(text, date(2021, 1, 12), "Jan. 12").value == "2020-01-12"
    assert one("Farmers sowed on Jan. 12.", date(2021, 1, 12), "Jan. 12").value == "2021-01-12"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Talks began in January this year.", "January this year", "2019-01"),
        ("The deal was struck in June last year.", "June last year", "2018-06"),
        ("Sales in the 2017 third quarter fell.", "the 2017 third quarter", "2017-Q3"),
        ("In nineteen ninety-six the war ended.", "nineteen ninety-six", "1996"),
        ("Many hoped for peace by the year two thousand.", "the year two thousand", "2000"),
    ],
)
def test_combined_and_spelled_forms(text: str, surface: str, value: str) -> None:
    assert one(text, FRI, surface).value == value


def test_conflict_report_phrasings() -> None:
    anchor = date(2020, 3, 20)  # a Friday
    text = "Shelling resumed early on Monday. Over the past 24 hours, 12 people died. A 72-hour truce began."
    early = one(text, anchor, "early on Monday")
    assert (early.value, early.modifier) == ("2020-03-16", "START")
    past = one(text, anchor, "the past 24 hours")  # "over" is a preposition here, not "more than"
    assert (past.value, past.modifier) == ("P1D", None)
    assert one(text, anchor, "72-hour").value == "PT72H"
    assert one("He was found on Thanksgiving Day.", date(2000, 1, 7), "Thanksgiving Day").value == "1999-11-25"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The jet landed at 16:08 UTC on Tuesday.", "16:08 UTC on Tuesday", "2019-05-14T16:08Z"),
        ("In the first quarter of last year, losses grew.", "the first quarter of last year", "2018-Q1"),
        ("The talks are almost two and a half years late.", "almost two and a half years", "P2.5Y"),
    ],
)
def test_clock_quarter_and_fraction_forms(text: str, surface: str, value: str) -> None:
    assert one(text, FRI, surface).value == value


def test_ordinals_and_fractions_are_not_durations() -> None:
    assert not tag_times("A second convoy arrived.", FRI)
    assert not tag_times("They hold about a quarter of the province.", FRI)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("A decade ago the border was open.", "A decade ago", "2009"),
        ("January nineteen ninety-seven was cold.", "January nineteen ninety-seven", "1997-01"),
        ("Sales rose in the last half of 2018.", "the last half of 2018", "2018-H2"),
        ("Interest is paid every quarter.", "every quarter", "P1Q"),
    ],
)
def test_decades_ago_spelled_months_halves_and_sets(text: str, surface: str, value: str) -> None:
    assert one(text, FRI, surface).value == value


def test_until_weekday_is_ahead() -> None:
    wednesday = date(2019, 5, 15)
    assert one("The border stays shut until Friday.", wednesday, "Friday").value == "2019-05-17"
    assert one("The border stays shut since Monday.", wednesday, "Monday").value == "2019-05-13"


def test_past_year_is_the_year_before_and_a_decade_is_ten_years() -> None:
    # TimeBank's convention: "over the past year" names the previous calendar year; a decade is written in years.
    assert one("Attacks rose over the past year, monitors said.", FRI, "the past year").value == "2018"
    decade = one("Attacks rose over the past decade, monitors said.", FRI, "the past decade")
    assert (decade.type, decade.value) == ("DURATION", "P10Y")


def test_deadline_month_in_a_past_clause_is_the_nearest_one() -> None:
    # FRI is 17 May 2019: a deadline "until January" set in a past clause is not January 2019 by default...
    late = date(2019, 10, 30)
    assert one("The court gave the militia until mid-January to disarm.", late, "mid-January").value == "2020-01"
    assert one("Donors extended the credit line through January.", late, "January").value == "2020-01"
    # ... while a past clause without a deadline still looks back.
    assert one("The militia disarmed in January.", late, "January").value == "2019-01"


def test_supposed_to_points_ahead() -> None:
    ref = one("The talks were supposed to conclude by July, envoys said.", FRI, "July")
    assert ref.value == "2019-07"


def test_clock_deadline_with_a_weekday_points_ahead() -> None:
    ref = one("The envoy will give the rebels until 9 a.m. Tuesday to withdraw.", FRI, "9 a.m. Tuesday")
    assert ref.value == "2019-05-21T09:00"
    monday = date(2019, 5, 20)
    ref = one("The envoy gave the rebels until 9 a.m. Tuesday to withdraw.", monday, "9 a.m. Tuesday")
    assert ref.value == "2019-05-21T09:00"  # set in the past, but the nearest Tuesday is tomorrow


def test_recent_as_an_adjective_is_a_past_reference() -> None:
    refs = {
        r.text: r.value for r in tag_times("The recent clashes displaced hundreds; the most recent toll is lower.", FRI)
    }
    assert refs.get("recent") == "PAST_REF"
    assert list(refs.values()).count("PAST_REF") == 1  # "the most recent toll" names no time


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Shelling went on for six straight days.", "six straight days", "P6D"),
        ("The mission stays two more weeks.", "two more weeks", "P2W"),
        ("The mandate was renewed for an additional year.", "an additional year", "P1Y"),
        ("Families lived in the camps for 2 1/2 years.", "2 1/2 years", "P2.5Y"),
        ("The siege lasted a year and a half.", "a year and a half", "P1.5Y"),
        ("The truce held for half a year.", "half a year", "P6M"),
        ("The alarm sounded a minute and a half before impact.", "a minute and a half", "PT1M30S"),
        ("The convoy waited half an hour at the gate.", "half an hour", "PT30M"),
        ("Over the years, the checkpoint moved twice.", "the years", "PXY"),
    ],
)
def test_durations_with_counted_words_and_halves(text: str, surface: str, value: str) -> None:
    ref = one(text, FRI, surface)
    assert (ref.type, ref.value) == ("DURATION", value)


def test_weeks_before_an_event_is_not_a_vague_duration() -> None:
    assert not [r for r in tag_times("In the weeks before the attack, the town was calm.", FRI) if "weeks" in r.text]


def test_the_entire_year_is_the_year_being_reported() -> None:
    ref = one("The militia lost ground in 2017, and for the entire year its revenue fell.", FRI, "the entire year")
    assert (ref.type, ref.value) == ("DATE", "2017")


def test_a_unit_old_person_is_an_age_not_a_duration() -> None:
    assert tag_times("The year-old boy was treated at the clinic.", DEC) == []


def test_a_report_dated_to_an_interval_keeps_what_both_ends_agree_on() -> None:
    from truceline.stages.dates import tag_times_between

    text = "The sides agreed last September on a buffer zone; shelling resumed on Monday, and on June 13, 2019."
    got = {r.text: r.value for r in tag_times_between(text, date(2019, 3, 15), date(2019, 9, 30))}
    assert got["last September"] == "2018-09"  # from March to September 2019, last September is 2018's
    assert got["Monday"] == "XXXX-WXX-1"  # any of thirty Mondays: left unresolved, not invented
    assert got["June 13, 2019"] == "2019-06-13"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The memorandum of 17/09/2018 set up the zone.", "2018-09-17"),  # cannot be month 17: day first
        ("The memorandum of 09/17/2018 set up the zone.", "2018-09-17"),
        ("The memorandum of 05/06/2018 set up the zone.", "2018-05-06"),  # ambiguous: read US style
    ],
)
def test_slashed_dates_are_day_first_only_when_they_must_be(text: str, value: str) -> None:
    assert [r.value for r in tag_times(text, DEC)] == [value]


def test_a_fortnight_ago_is_two_weeks_back() -> None:
    (two_weeks,) = tag_times("Rebels left the ridge two weeks ago.", DEC)
    (fortnight,) = tag_times("Rebels left the ridge a fortnight ago.", DEC)
    assert (fortnight.text, fortnight.value) == ("a fortnight ago", two_weeks.value)


def test_in_two_weeks_time_is_a_date_ahead() -> None:
    got = {r.text: (r.type, r.value) for r in tag_times("The envoy returns in two weeks' time, officials said.", DEC)}
    assert got == {"two weeks' time": ("DATE", next(r.value for r in tag_times("two weeks from now", DEC)))}
    # without "in" it is a length of time
    assert [(r.type, r.value) for r in tag_times("Rebuilding took two months' time.", DEC)] == [("DURATION", "P2M")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shelling went on overnight into Sunday, residents said.", "2019-12-21TNI"),  # DEC is a Tuesday
        ("Jets struck the ridge overnight Saturday.", "2019-12-21TNI"),
        ("Jets struck the ridge overnight.", "2019-12-23TNI"),
    ],
)
def test_overnight_with_and_without_its_day(text: str, value: str) -> None:
    assert [r.value for r in tag_times(text, DEC)] == [value]


def test_a_weekday_ending_a_line_does_not_join_the_date_below() -> None:
    text = "Border crossings to stay shut until Friday\nSeptember 18, 2008\nThe ministry gave no reason."
    got = [(r.text, r.value) for r in tag_times(text, date(2008, 9, 18))]
    assert got == [("Friday", "2008-09-19"), ("September 18, 2008", "2008-09-18")]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In spring, the offensive resumed.", "spring", "2019-SP"),
        ("Fighting eased during late summer 2018.", "late summer 2018", "2018-SU"),
        ("Roads have been shut since winter.", "winter", "2019-WI"),  # DEC, 24 Dec 2019, is in the winter begun 1 Dec
    ],
)
def test_a_season_after_a_preposition_needs_no_article(text: str, surface: str, value: str) -> None:
    assert [(r.text, r.value) for r in tag_times(text, DEC)] == [(surface, value)]


@pytest.mark.parametrize("text", ["They bottled spring water.", "Children in summer camps were evacuated."])
def test_a_season_word_modifying_a_noun_is_not_a_season(text: str) -> None:
    assert tag_times(text, DEC) == []
