"""A report dated only to a span of days: what its relative time expressions can still say (stages/dates.py
tag_times_between). Sentences written by us."""

from __future__ import annotations

from datetime import date

from truceline.stages.dates import tag_times_between

# a report known to lie between Sunday 12 January and Friday 7 February 2020
FIRST, LAST = date(2020, 1, 12), date(2020, 2, 7)


def _read(text: str, first: date = FIRST, last: date = LAST) -> dict[str, tuple[str, date | None, date | None]]:
    return {r.text: (r.value, r.earliest, r.latest) for r in tag_times_between(text, first, last)}


def test_a_day_ahead_of_the_report_is_the_span_of_its_readings() -> None:
    got = _read("Envoys are due to arrive in Ankara on Saturday for talks.")
    # every Saturday after some day of the span: from the first (18 January) to the last (8 February)
    assert got["Saturday"] == ("2020-01-18/2020-02-08", date(2020, 1, 18), date(2020, 2, 8))


def test_a_day_that_moves_with_the_report_stays_unresolved() -> None:
    # "on Monday" and "earlier this week" in the past only trail the report: they say no more than its date
    got = _read("Rebels shelled the base on Monday. Earlier this week, jets struck a market.")
    assert got["Monday"][0].startswith("X") and got["Monday"][1] is None
    assert got["Earlier this week"][0].startswith("X")


def test_a_month_day_that_one_span_end_puts_a_year_earlier_is_the_span_of_both() -> None:
    # from September 2018 to September 2019 a past "June 13" is 2018's or 2019's; the reading holds both, and a
    # date with its year is itself
    got = _read("On June 13, militants attacked the post; on June 13, 2019, the army replied.", date(2018, 9, 1),
                date(2019, 9, 30))  # fmt: skip
    assert got["June 13"] == ("2018-06-13/2019-06-13", date(2018, 6, 13), date(2019, 6, 13))
    assert got["June 13, 2019"][0] == "2019-06-13"


def test_a_bound_keeps_its_start_and_runs_to_the_later_end() -> None:
    got = _read("The army has shelled the town since December.")
    assert got["December"] == ("2019-12", date(2019, 12, 1), LAST)


def test_every_reading_between_the_ends_lies_in_the_span() -> None:
    from datetime import timedelta

    from truceline.stages.dates import tag_times

    text = "A delegation will arrive on Saturday; fighting resumed on June 13 near the town."
    first, last = date(2019, 5, 20), date(2019, 6, 30)
    spans = {(r.start, r.end): r for r in tag_times_between(text, first, last) if "/" in r.value}
    assert spans
    day = first
    while day <= last:
        for ref in tag_times(text, day):
            if (span := spans.get((ref.start, ref.end))) is not None:
                assert span.earliest is not None and span.latest is not None and ref.earliest is not None
                assert span.earliest <= ref.earliest and ref.latest is not None and ref.latest <= span.latest
        day += timedelta(days=1)
