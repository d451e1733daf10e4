"""Anaphoric time expressions count from the date the text last named (the reference time), not the anchor.
Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.stages.dates import tag_times

ANCHOR = date(2019, 6, 14)  # the report's date; the story it tells happened earlier


def values(text: str, anchor: date | None = ANCHOR) -> dict[str, str]:
    return {r.text: r.value for r in tag_times(text, anchor)}


def test_next_day_counts_from_the_narrated_date() -> None:
    got = values("Shelling began on 3 March 2019. The next day, the rebels pulled back from the ridge.")
    assert got["The next day"] == "2019-03-04"


def test_narrative_moves_on_from_day_to_day() -> None:
    got = values(
        "The convoy left on 3 March 2019. The following day it reached the river; two days later the "
        "bridge was shelled, and the previous night had been quiet."
    )
    assert got["The following day"] == "2019-03-04"
    assert got["two days later"] == "2019-03-06"
    assert got["the previous night"] == "2019-03-05TNI"


def test_previous_and_following_weekdays_count_from_the_narrated_day() -> None:
    # 3 March 2019 was a Sunday; the anchor (14 June 2019) is a Friday
    got = values(
        "The truce took hold on 3 March 2019. The following Monday night the first convoy crossed, and the "
        "preceding Friday had seen the heaviest shelling of the month."
    )
    assert got["The following Monday night"] == "2019-03-04TNI"
    assert got["the preceding Friday"] == "2019-03-01"


def test_previous_weekday_without_a_narrated_day_is_strictly_before_the_anchor() -> None:
    got = values("Prices closed on Friday 2% below the previous Friday's level.")
    assert got["Friday"] == "2019-06-14"
    assert got["the previous Friday"] == "2019-06-07"
    assert values("They met the previous Friday.", None)["the previous Friday"] == "XXXX-WXX-5"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "The accord was signed in May 2015, and the following year the militias disarmed.",
            "the following year",
            "2016",
        ),
        ("Talks stalled in June 2016. The following month both sides left.", "The following month", "2016-07"),
        ("A siege began in June 2016 and later that year the town fell.", "later that year", "2016"),
        (
            "Gunmen attacked on 4 May 2018. Earlier that day, a warning had been issued.",
            "Earlier that day",
            "2018-05-04",
        ),
        ("Troops entered on 4 May 2018; the day after the assault, aid arrived.", "the day after", "2018-05-05"),
    ],
)
def test_anaphoric_expressions(text: str, surface: str, value: str) -> None:
    assert values(text)[surface] == value


def test_clock_time_without_a_day_sits_on_the_narrated_day() -> None:
    got = values("The blast struck the market on 4 June 2019 at 10:35 a.m. local time.")
    assert got["10:35 a.m. local time"] == "2019-06-04T10:35"


def test_without_any_earlier_date_the_anchor_is_the_reference() -> None:
    assert values("The mediator arrived, and the next day the talks resumed.")["the next day"] == "2019-06-15"


def test_a_reference_too_coarse_for_the_unit_falls_back_to_the_anchor() -> None:
    # A year says nothing about which day "the next day" is.
    got = values("The war began in 2011. Rebels took the hill, and the next day they lost it.")
    assert got["the next day"] == "2019-06-15"


def test_explicit_dates_resolve_anaphora_even_without_an_anchor() -> None:
    got = values("The truce began on 12 January 2020. The following day, shops reopened.", None)
    assert got["The following day"] == "2020-01-13"


def test_day_after_followed_by_a_clause_is_not_the_next_day() -> None:
    got = values("The index slid early but recovered late in the day after falling 2 percent.")
    assert got["late in the day"] == "2019-06-14"
    assert "the day after" not in got


def test_ago_still_counts_from_the_anchor() -> None:
    got = values("The deal was signed on 3 March 2019. Two weeks ago, it collapsed.")
    assert got["Two weeks ago"] == "2019-W22"


def test_a_deadline_year_does_not_become_the_reference_year() -> None:
    got = values(
        "The ministry had promised to clear every minefield by 2025. Officials still expect progress over the full "
        "year, the deputy minister said."
    )
    assert got["2025"] == "2025"
    assert got["the full year"] == "2019"


def test_a_year_named_without_a_bound_still_moves_the_reference() -> None:
    got = values("The militia was founded in 2011. Over the full year it recruited four thousand men.")
    assert got["the full year"] == "2011"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "Quarterly profit at the arms maker rose 12%, up from $3 million in the same period last year.",
            "the same period last year",
            "2018-Q1",
        ),
        (
            "The relief agency reported revenue of $9 million for the quarter a year ago.",
            "the quarter a year ago",
            "2018-Q1",
        ),
        (
            "Net income per share fell short of last year's quarter, when fuel was cheaper.",
            "last year's quarter",
            "2018-Q1",
        ),
        (
            "Quarterly revenue at the contractor beat the 2017 period by a wide margin.",
            "the 2017 period",
            "2017-Q1",
        ),
    ],
)
def test_finance_comparisons_with_a_year_back_are_one_expression(text: str, surface: str, value: str) -> None:
    # Anchor in 2019-Q2: the quarter reported on is 2019-Q1, compared with 2018-Q1.
    assert values(text)[surface] == value


def test_or_so_stays_inside_an_ago_expression() -> None:
    got = values("The last aid convoy crossed a month or so ago, residents said.")
    assert got["a month or so ago"] == "2019-05"


def test_the_same_period_a_year_back_restates_the_period_just_named() -> None:
    got = values("Arms exports fell 30% in February, compared with the same period last year.")
    assert got["February"] == "2019-02"
    assert got["the same period last year"] == "2018-02"
    got = values("Refugee arrivals doubled in the first quarter from the same quarter a year earlier.")
    assert got["the same quarter a year earlier"] == "2018-Q1"


def test_the_same_month_without_a_named_month_counts_from_the_anchor() -> None:
    assert values("Deaths were twice those of the same month a year ago.")["the same month a year ago"] == "2018-06"


def test_a_unit_before_at_the_end_of_a_clause_counts_from_the_reference() -> None:
    got = values("The fund spent $4 million in 2016, twice as much as the year before.")
    assert got["the year before"] == "2015"


def test_the_year_before_an_event_is_left_to_the_event() -> None:
    assert "the year before" not in values("Food prices doubled in the year before the war began.")


def test_a_week_ago_is_a_day_and_six_weeks_ago_a_week() -> None:
    got = values("The ceasefire broke down a week ago; the talks had opened six weeks ago.")
    assert got["a week ago"] == "2019-06-07"
    assert got["six weeks ago"] == "2019-W18"


def test_an_earnings_comparison_restates_the_quarter_the_report_named() -> None:
    # A fiscal first quarter ending in March: "a year earlier" and "the quarter" follow it, not the calendar.
    got = values(
        "The arms maker said net income for its fiscal first quarter rose 8% to $12 million, or 40 cents a share, "
        "from $11 million a year earlier. Revenue in the quarter was flat."
    )
    assert got["a year earlier"] == "2018-Q1"
    assert got["the quarter"] == "2019-Q1"


def test_a_quarter_not_yet_over_is_not_the_quarter_reported_on() -> None:
    got = values(
        "Profit per share fell in the first quarter, and the company expects a charge in the fourth quarter. "
        "Sales in the latest quarter were $3 million, up from $2 million a year ago."
    )
    assert got["the latest quarter"] == "2019-Q1"
    assert got["a year ago"] == "2018-Q1"


def test_a_season_modifier_may_follow_the_article() -> None:
    got = {r.text: (r.value, r.modifier) for r in tag_times("Clashes eased in the early summer.", ANCHOR)}
    assert got["the early summer"] == ("2019-SU", "START")


def test_the_latest_fiscal_year_is_the_last_one_completed() -> None:
    assert (
        values("The ministry spent $2 billion on arms in the latest fiscal year.")["the latest fiscal year"] == "2018"
    )


def test_a_programme_title_is_not_a_week() -> None:
    assert "This Week" not in values('The envoy, speaking on the "This Week" programme, urged restraint.')
    assert values("Talks resume this week, the envoy said.")["this week"] == "2019-W24"


def test_the_day_before_a_date_is_one_expression_a_day_off() -> None:
    got = values("The day before last Tuesday's hearing, the envoy met both commanders. He flew home the next morning.")
    assert got["The day before last Tuesday"] == "2019-06-10"
    # The narrative is now on the day before: the next morning is the Tuesday itself.
    assert got["the next morning"] == "2019-06-11TMO"
    assert values("Shelling resumed the day after 3 March 2019.")["the day after 3 March 2019"] == "2019-03-04"


def test_a_month_day_that_names_an_event_is_that_day() -> None:
    got = values("Security was tightened to levels unseen since the September 11 attacks.")
    assert got["September 11"] == "2001-09-11"
    # the same day without the event's words is this year's
    assert values("Envoys met on September 11 to discuss the truce.", date(2019, 9, 20))["September 11"] == "2019-09-11"
    # a named day after the report cannot be meant
    assert values("The October 7 attack on the post killed two.", date(2019, 10, 20))["October 7"] == "2019-10-07"
