"""Relative clauses and relations held (truceline/events/eventhood.py, arguments.py): what a clause says its head
is or holds is no event; one with a subject of its own is that subject's act, aimed at the head. Sentences written
by us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

from test_events import pipeline_events

from truceline.model import Event


def events_of(text: str) -> list[Event]:
    return pipeline_events(text, "2022-09-14")


def triggers(events: list[Event]) -> list[str]:
    return [e.trigger.text for e in events]


def test_who_a_party_is_makes_no_row(nlp: Any) -> None:
    events = events_of("Kenya accused gunmen who oppose the Nairobi accord of burning the bridge at Garissa.")
    assert "oppose" not in triggers(events), triggers(events)
    events = events_of("The Ogaden group, which rejects the truce, shelled a police post on Tuesday.")
    assert "rejects" not in triggers(events), triggers(events)
    assert "shelled" in triggers(events)


def test_a_relation_held_makes_no_row(nlp: Any) -> None:
    events = events_of("Qatar, which has close ties to the militia, urged both sides to free their prisoners.")
    assert "ties" not in triggers(events), triggers(events)
    assert "urged" in triggers(events)


def test_a_relative_clause_with_its_own_subject_is_that_subjects_act(nlp: Any) -> None:
    # contrast: "which Nairobi accuses" tells Nairobi's accusation, aimed at the head, who is also the one charged
    events = events_of("Somalia, which Nairobi accuses of arming the gunmen, denied the charge on Tuesday.")
    accusation = next(e for e in events if e.trigger.text == "accuses")
    assert accusation.actor is not None and accusation.actor.country == "KEN", accusation.actor
    assert accusation.recipient is not None and accusation.recipient.country == "SOM", accusation.recipient
    arming = next(e for e in events if e.trigger.text == "arming")
    assert arming.actor is not None and arming.actor.country == "SOM", arming.actor


def test_a_past_act_in_a_relative_clause_stays(nlp: Any) -> None:
    # contrast: a past act told in a relative clause happened
    events = events_of("The convoy, which gunmen attacked near Garissa on Monday, reached Nairobi on Tuesday.")
    assert "attacked" in triggers(events), triggers(events)
