"""Compound time expressions the tagger must keep whole: a clock time with the date it falls on, weeks and
quarters named by their place in a month or year, fractional durations, recurring calendar positions.

Each case goes through the public tagger and asserts the span and the TIMEX3 value. Sentences are our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from truceline.model import TimeRef
from truceline.timex.tagger import tag

WED = date(2021, 11, 3)  # a Wednesday
SPRING = date(2009, 4, 1)  # a Wednesday, just after March


def spans(text: str, anchor: date | None) -> list[tuple[str, str, str]]:
    return [(r.text, r.type, r.value) for r in tag(text, anchor)]


def only(text: str, anchor: date | None, surface: str) -> TimeRef:
    refs = [r for r in tag(text, anchor) if r.text == surface]
    assert refs, f"{surface!r} not tagged whole: {spans(text, anchor)}"
    return refs[0]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The truce holds until 5 p.m. EST Nov. 9, the envoy said.", "5 p.m. EST Nov. 9", "2021-11-09T17:00"),
        ("Convoys may pass until 6 p.m. EST, Nov. 12, 2021.", "6 p.m. EST, Nov. 12, 2021", "2021-11-12T18:00"),
        ("The ceasefire began at 16:15 UTC, October 30th.", "16:15 UTC, October 30th", "2021-10-30T16:15Z"),
        ("Shelling resumed at 6 a.m. on October 28 near the river.", "6 a.m. on October 28", "2021-10-28T06:00"),
        ("Monitors arrived at 9:30 a.m. on 1 November.", "9:30 a.m. on 1 November", "2021-11-01T09:30"),
        ("The deadline is 9 a.m. EST Friday.", "9 a.m. EST Friday", "2021-11-05T09:00"),
        ("Sirens sounded at 2300 GMT, Oct. 31.", "2300 GMT, Oct. 31", "2021-10-31T23:00Z"),
    ],
)
def test_clock_time_takes_the_date_that_follows_it(text: str, surface: str, value: str) -> None:
    ref = only(text, WED, surface)
    assert (ref.type, ref.value) == ("TIME", value)
    assert ref.earliest == ref.latest == date.fromisoformat(value[:10])


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Trading was halted at mid-afternoon yesterday.", "mid-afternoon yesterday", "2021-11-02TAF"),
        ("By mid afternoon the guns were quiet.", "mid afternoon", "2021-11-03TAF"),
        ("The raid came in the late evening on Monday.", "late evening on Monday", "2021-11-01TEV"),
        ("The convoy will leave at 4 in the morning.", "4 in the morning", "2021-11-03T04:00"),
        ("The vote closes at ten o'clock in the evening.", "ten o'clock in the evening", "2021-11-03T22:00"),
        ("Talks resume at 9 o'clock Friday.", "9 o'clock Friday", "2021-11-05T09:00"),
    ],
)
def test_parts_of_day_and_hours_without_am_pm(text: str, surface: str, value: str) -> None:
    ref = only(text, WED, surface)
    assert (ref.type, ref.value) == ("TIME", value)


def test_a_count_before_in_the_morning_is_no_hour() -> None:
    assert spans("Gunmen killed 4 in the morning raid on the market.", WED) == []


def test_clock_time_alone_sits_on_the_creation_date() -> None:
    ref = only("Mortar fire stopped at 5 p.m. and the night was calm.", WED, "5 p.m.")
    assert ref.value == "2021-11-03T17:00"


def test_clock_time_before_an_impossible_date_is_not_given_that_date() -> None:
    assert all("02-30" not in v for _, _, v in spans("Talks end at 5 p.m. Feb. 30 in the capital.", WED))


def test_clock_time_with_a_date_and_no_anchor_keeps_the_month_and_day() -> None:
    ref = only("The offer lapses at 5 p.m. EST Nov. 9.", None, "5 p.m. EST Nov. 9")
    assert ref.value == "XXXX-11-09T17:00"


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "value"),
    [
        ("A hearing is set for the week of March 6.", date(2000, 2, 24), "the week of March 6", "2000-W10"),
        ("Aid flights resume the week of 14 June 2021.", WED, "the week of 14 June 2021", "2021-W24"),
        # A week belongs to the month holding its Thursday (the ISO 8601 rule for years): the last week of
        # March 2009 is 23-29 March (W13), not 30 March-5 April.
        ("Sales fell in the last week of March.", SPRING, "the last week of March", "2009-W13"),
        ("Sales fell in the first week of March.", SPRING, "the first week of March", "2009-W10"),
        ("Fighting eased in the second week of June 2015.", SPRING, "the second week of June 2015", "2015-W24"),
        ("Talks opened in the first week of 2010.", SPRING, "the first week of 2010", "2010-W01"),
    ],
)
def test_weeks_named_by_a_day_or_their_place_in_a_month(text: str, anchor: date, surface: str, value: str) -> None:
    ref = only(text, anchor, surface)
    assert (ref.type, ref.value) == ("DATE", value)
    assert ref.precision == "week"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Exports rose in the final quarter of 2009.", "the final quarter of 2009", "2009-Q4"),
        ("Exports rose in the last quarter of last year.", "the last quarter of last year", "2020-Q4"),
        ("Losses should last the first two quarters of 1990.", "the first two quarters of 1990", "1990-H1"),
        ("Output recovered in the last two quarters of 2019.", "the last two quarters of 2019", "2019-H2"),
        ("Output recovered in the first half of 1990.", "the first half of 1990", "1990-H1"),
        ("Output recovered in the second half of 1990.", "the second half of 1990", "1990-H2"),
        ("Output recovered in the third quarter of 2009.", "the third quarter of 2009", "2009-Q3"),
        ("Prices rose through the last half of the '80s.", "the last half of the '80s", "198"),
        ("Militias grew through the first half of the 1990s.", "the first half of the 1990s", "199"),
        ("The border was drawn in the early sixties.", "the early sixties", "196"),
    ],
)
def test_quarters_and_halves_of_a_named_year(text: str, surface: str, value: str) -> None:
    ref = only(text, WED, surface)
    assert (ref.type, ref.value) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The talks broke down after half a year.", "half a year", "P6M"),
        ("The barrage went on for an hour and a half.", "an hour and a half", "PT1H30M"),
        ("The drone circled for a minute and a half.", "a minute and a half", "PT1M30S"),
        ("A minute and a half later the second blast hit.", "A minute and a half", "PT1M30S"),
        ("The blockade has lasted 4 years.", "4 years", "P4Y"),
    ],
)
def test_fractional_durations_use_whole_smaller_units(text: str, surface: str, value: str) -> None:
    ref = only(text, WED, surface)
    assert (ref.type, ref.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "surface", "whole_years"),
    [
        ("Refugees stayed in the camps for 2 1/2 years.", "2 1/2 years", 2),
        ("The siege lasted three and a half years.", "three and a half years", 3),
        ("The siege lasted a year and a half.", "a year and a half", 1),
    ],
)
def test_fractional_years_are_one_duration_of_the_right_length(text: str, surface: str, whole_years: int) -> None:
    # ISO 8601 allows either form; TimeBank writes P2Y6M, MEANTIME and tests/test_timex_tagger.py P2.5Y.
    ref = only(text, WED, surface)
    assert ref.type == "DURATION"
    assert ref.value in (f"P{whole_years}.5Y", f"P{whole_years}Y6M")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The handover should take between 60 and 90 days.", ("60", "P60D"), ("90 days", "P90D")),
        ("Each evacuation took two to six days.", ("two", "P2D"), ("six days", "P6D")),
        ("Relief is due in two or three weeks.", ("two", "P2W"), ("three weeks", "P3W")),
    ],
)
def test_each_end_of_a_range_is_a_duration_in_the_shared_unit(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    got = [(t, v) for t, typ, v in spans(text, WED) if typ == "DURATION"]
    assert got == [first, second]


def test_numbers_in_a_range_without_a_time_unit_are_not_durations() -> None:
    assert spans("Prices rose 2 to 3 percent and 40 or 50 people fled.", WED) == []


def test_a_fraction_is_never_cut_back_to_its_whole_unit() -> None:
    values = [v for _, _, v in spans("A minute and a half later the guns fell silent.", WED)]
    assert "PT1M" not in values


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Marchers walk the road each July.", "each July", "XXXX-07"),
        ("Envoys meet each Thursday in Geneva.", "each Thursday", "XXXX-WXX-4"),
        ("Every Thursday the border opens.", "Every Thursday", "XXXX-WXX-4"),
        ("Patrols go out every Friday night.", "every Friday night", "XXXX-WXX-5TNI"),
        ("Curfew is lifted on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("Markets open on Sunday mornings.", "Sunday mornings", "XXXX-WXX-7TMO"),
        ("Floods return each spring.", "each spring", "XXXX-SP"),
        ("Veterans gather every November 11 at the memorial.", "every November 11", "XXXX-11-11"),
    ],
)
def test_recurring_calendar_positions_are_sets(text: str, surface: str, value: str) -> None:
    ref = only(text, WED, surface)
    assert (ref.type, ref.value) == ("SET", value)


def test_a_plural_part_of_day_reaches_back_over_a_coordinated_weekday() -> None:
    got = spans("Buses leave on Monday and Tuesday nights from the depot.", WED)
    assert ("Monday", "SET", "XXXX-WXX-1TNI") in got
    assert ("Tuesday nights", "SET", "XXXX-WXX-2TNI") in got


@pytest.mark.parametrize(
    "text",
    [
        "Each of the four quarters was weak for the firm.",
        "Each of the brigades sent two officers.",
        "Every one of the villages was shelled.",
    ],
)
def test_each_of_a_group_is_not_a_set(text: str) -> None:
    assert all(typ != "SET" for _, typ, _ in spans(text, WED))


def test_a_spelled_decade_needs_its_article() -> None:
    assert spans("Both leaders are in their seventies now.", WED) == [("now", "DATE", "PRESENT_REF")]


def test_a_single_weekday_night_is_a_date_not_a_set() -> None:
    ref = only("The convoy was hit on Tuesday night.", WED, "Tuesday night")
    assert ref.type != "SET"


ACCORD = date(2003, 6, 10)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "Envoys will meet on July 8 and 9 to sign the accord.",
        "Envoys will meet on July 8-9 to sign the accord.",
        "Envoys will meet from July 8 to 9 to sign the accord.",
    ],
)
def test_the_second_day_of_a_pair_is_its_own_date(text: str) -> None:
    got = spans(text, ACCORD)
    assert ("July 8", "DATE", "2003-07-08") in got
    assert ("9", "DATE", "2003-07-09") in got


@pytest.mark.parametrize(
    "text",
    [
        "Shelling on July 8 and 40 civilians fled.",  # a count after the date
        "The vote on July 8 and 3 amendments passed.",  # not a later day
        "The hosts won on July 8 3-1.",  # a score after the date
        "The hosts won the July 8 final 3-2.",
    ],
)
def test_a_number_after_a_date_and_and_is_not_always_a_day(text: str) -> None:
    assert [s for s in spans(text, ACCORD) if s[0] != "July 8"] == []


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Fighting is at its worst since '91, aid groups say.", ACCORD, "1991"),
        ("The border has been closed since '01.", ACCORD, "2001"),
        ("Talks stalled in '98 and never resumed.", None, "1998"),
    ],
)
def test_a_two_digit_year_after_a_cue_word(text: str, anchor: date | None, value: str) -> None:
    ref = next(r for r in tag(text, anchor) if r.text.startswith(("'", "’")))
    assert ref.value == value


def test_a_two_digit_decade_stays_a_decade() -> None:
    assert only("Refugees have come since the '90s.", ACCORD, "the '90s").value == "199"


@pytest.mark.parametrize(
    "text",
    [
        "The envoy met Foreign Minister Anna Lind and Jan Pronk in Khartoum.",
        "A letter went to May Marsden, the camp's director.",
        "The report was written for April Haines by two analysts.",
    ],
)
def test_a_month_word_used_as_a_first_name_is_no_date(text: str) -> None:
    assert spans(text, ACCORD) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The ceasefire collapsed in May, monitors said.", "May", "2003-05"),
        ("Refugees returned between April and June.", "June", "2003-06"),
        ("The truce was signed last May. Fighting resumed soon.", "last May", "2003-05"),
        ("The convoy left in May 2001 under escort.", "May 2001", "2001-05"),
        ("Aid arrived on Jan. 4 and again in August.", "August", "2002-08"),
    ],
)
def test_month_words_that_are_dates_stay_dates(text: str, surface: str, value: str) -> None:
    assert only(text, ACCORD, surface).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Shares in the Russell 2000 index slipped on the news.",
        "She runs a charity called Bridges 1995, based in Sarajevo.",
    ],
)
def test_a_year_inside_a_name_is_no_date(text: str) -> None:
    assert spans(text, ACCORD) == []


def test_a_year_before_a_capitalised_event_name_stays_a_date() -> None:
    assert only("The 1995 Dayton accords ended the war.", ACCORD, "1995").value == "1995"


@pytest.mark.parametrize(
    "text",
    ["Observers toured the now-abandoned checkpoint.", "Staff moved into the soon-to-open field hospital."],
)
def test_now_and_soon_inside_a_hyphenated_adjective_are_no_time(text: str) -> None:
    assert spans(text, ACCORD) == []


def test_now_and_soon_on_their_own_still_count() -> None:
    got = spans("The militia now holds the bridge and will soon cross it.", ACCORD)
    assert ("now", "DATE", "PRESENT_REF") in got
    assert ("soon", "DATE", "FUTURE_REF") in got


@pytest.mark.parametrize(
    "text",
    [
        'The minister told the radio show "Forty Days" that talks would go on.',
        "Rebels screened the film ``Midnight Express'' in the camp.",
    ],
)
def test_a_time_word_inside_a_quoted_title_is_no_time(text: str) -> None:
    assert spans(text, ACCORD) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ('"We will hold the line for forty days," the commander said.', "forty days"),
        ("Monitors said the guns fell silent at midnight.", "midnight"),
    ],
)
def test_quoted_speech_keeps_its_times(text: str, surface: str) -> None:
    only(text, ACCORD, surface)


def test_soon_in_a_past_clause_is_no_time_ahead_of_the_report() -> None:
    from datetime import date

    from truceline.timex.tagger import tag

    assert [r.text for r in tag("The hostage was soon released by the militia.", date(2019, 6, 14))] == []
    assert [r.value for r in tag("Aid convoys will cross soon, officials said.", date(2019, 6, 14))] == ["FUTURE_REF"]


def test_dotted_dates_are_day_first() -> None:
    from datetime import date

    from truceline.timex.tagger import tag

    got = [(r.text, r.value) for r in tag("Signed on 05.08.2019; not a date: version 2.1.2019.4.", date(2020, 1, 1))]
    assert got == [("05.08.2019", "2019-08-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boxy trucks of the 70s and 80s filled the depot.", [("the 70s", "197"), ("80s", "198")]),
        ("Veterans in their 70s and 80s marched.", []),
        ("Scores in the 1970s and 80s rose.", [("the 1970s", "197"), ("80s", "198")]),
    ],
)
def test_two_digit_decades_need_the_article_or_a_decade_before(text: str, expected: list[tuple[str, str]]) -> None:
    from datetime import date

    from truceline.timex.tagger import tag

    assert [(r.text, r.value) for r in tag(text, date(2007, 2, 9))] == expected
