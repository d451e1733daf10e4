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


def test_a_breach_told_beside_another_charge_is_an_accusation_of_its_own() -> None:
    # one statement, two charges against two parties: two accusations, not the breach lost in the other one
    text = (
        "The Syrian army shelled rebel positions near Idlib on Monday. An army statement said militants had breached "
        "the truce many times and accused Turkey of arming them."
    )
    accusations = [e for e in pipeline_events(text, "2019-08-06") if e.type == "ACCUSE"]
    assert sorted((e.recipient.country, e.recipient.sector) for e in accusations if e.recipient) == [
        ("SYR", "REB"),
        ("TUR", "GOV"),
    ], [(e.trigger.text, e.recipient) for e in accusations]
    assert all(e.actor is not None and e.actor.country == "SYR" for e in accusations)


def test_a_place_naming_an_agreement_lends_no_country_to_unnamed_parties() -> None:
    # "the Sochi deal" is a text, not where the militants are: they are of the ground the report is about
    text = (
        "The Syrian army shelled rebel positions near Idlib on Monday. An army statement said militants had breached "
        "the Sochi deal many times."
    )
    accusations = [e for e in pipeline_events(text, "2019-08-06") if e.type == "ACCUSE"]
    assert len(accusations) == 1 and accusations[0].recipient is not None
    assert (accusations[0].recipient.country, accusations[0].recipient.sector) == ("SYR", "REB")


def test_a_breach_a_party_says_goes_on_all_the_time_is_its_accusation() -> None:
    # told as a habit, the breach is no happening of its own; that it is said is one
    events = pipeline_events("Kyiv says Russian forces violate the ceasefire constantly.", "2020-03-12")
    assert [(e.type, e.actor.country if e.actor else None) for e in events] == [("ACCUSE", "UKR")]
    assert events[0].recipient is not None and events[0].recipient.code == "RUSMIL"
