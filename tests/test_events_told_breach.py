"""A breach a teller says another party commits is the teller's accusation, one row, made when it was told. Reports
are ours, run through the whole per-report pipeline (packaged dictionaries)."""

from __future__ import annotations

from typing import Any

from test_events import code, pipeline_events


def test_an_accusation_folded_from_a_breach_takes_the_day_it_was_told() -> None:
    events = pipeline_events("Armenia said on Tuesday that Azerbaijani forces are violating the truce.", "2020-10-15")
    assert [e.type for e in events] == ["ACCUSE"]
    accusation = events[0]
    assert accusation.date == "2020-10-13" and accusation.date_precision == "day"
    assert not accusation.date_from_publication


def test_a_breach_told_in_the_past_with_only_the_telling_dated_is_one_accusation() -> None:
    # the day is when it was said, not when the breach happened: no day of the breach's own
    events = pipeline_events("Armenia said on Tuesday that Azerbaijani forces had violated the truce.", "2020-10-15")
    assert [e.type for e in events] == ["ACCUSE"]
    assert events[0].date == "2020-10-13" and events[0].date_precision == "day"
    # a breach with a day of its own stays the claim it is, beside the accusation
    events = pipeline_events("Armenia said Azerbaijani forces had violated the truce on Monday.", "2020-10-15")
    assert any(e.type != "ACCUSE" and e.stance == "claimed" for e in events), [(e.type, e.stance) for e in events]


def test_a_breach_an_accusation_noun_names_is_its_charge(nlp: Any) -> None:
    events = code(nlp, "Arcadia and Borduria traded accusations of breaching the truce.")
    assert [e.type for e in events] == ["ACCUSE"], [(e.type, e.trigger.text) for e in events]


def test_what_a_pause_is_declared_for_is_no_second_act(nlp: Any) -> None:
    events = code(nlp, "The junta announced a humanitarian pause on Monday to allow villagers to leave the town.")
    assert len(events) == 1 and events[0].type == "CONCEDE", [(e.type, e.trigger.text) for e in events]
