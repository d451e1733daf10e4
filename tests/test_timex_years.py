"""A year followed by a verb is still a year; "the year 2019" is 2019 (found reading why a report went undated)."""

from __future__ import annotations

from datetime import date

from truceline.stages.dates import tag_times


def values(text: str, anchor: date | None = date(2020, 3, 1)) -> dict[str, str]:
    return {r.text: r.value for r in tag_times(text, anchor)}


def test_a_year_before_a_verb_is_a_year_and_a_count_before_a_noun_is_not() -> None:
    assert values("The war that began in 2011 goes on.") == {"2011": "2011"}
    assert values("The year 2019 was hard, and the year 2011 remains a scar.") == {
        "The year 2019": "2019",
        "the year 2011": "2011",
    }
    assert values("Power was cut to 2011 homes.") == {}
