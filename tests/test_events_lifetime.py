"""A truce's start or end told beside an act about it is the truce's lifetime, not the act's day
(truceline/events/attach.py lifetime_words). Sentences written by us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

from test_events import pipeline_events

from truceline.model import Event

PUBLISHED = "2024-05-12"  # a Sunday


def events_of(text: str) -> list[Event]:
    return pipeline_events(text, PUBLISHED)


def only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def test_a_truce_starting_on_a_day_was_not_agreed_that_day(nlp: Any) -> None:
    deal = only(
        events_of("The two militias agreed to a three-day truce starting at dawn on Tuesday, a mediator said."),
        "AGREE",
    )
    assert deal.date is not None and not deal.date.startswith("2024-05-07"), deal.date
    assert deal.date_precision == "reported by"


def test_a_truce_from_a_day_hung_on_the_verb(nlp: Any) -> None:
    deal = only(events_of("Both armies agreed to a humanitarian pause from midnight on Friday."), "AGREE")
    assert deal.date is not None and "2024-05-10" not in deal.date, deal.date


def test_a_call_for_a_truce_until_a_day(nlp: Any) -> None:
    call = only(events_of("The African Union called for a ceasefire lasting until Thursday."), "REQUEST")
    assert call.date is not None and "2024-05-09" not in call.date, call.date


def test_the_day_of_the_agreement_itself_stays(nlp: Any) -> None:
    # contrast: the day the verb itself is told on is the agreement's
    deal = only(
        events_of("The two militias agreed on Saturday to a three-day truce starting at dawn on Tuesday."), "AGREE"
    )
    assert deal.date == "2024-05-11", deal.date


def test_observing_a_truce_from_a_day_is_that_day(nlp: Any) -> None:
    # contrast: an act of the truce itself (observing it) keeps the truce's start as its day
    events = events_of("The army said it would observe a ceasefire from 6 a.m. on Monday.")
    observed = [e for e in events if e.type == "RETREAT"]
    assert observed and observed[0].date is not None and observed[0].date.startswith("2024-05-13"), [
        (e.type, e.date) for e in events
    ]
