"""Deployments as wire reports tell them, the sides a war's backers are not, and the place a "where" clause gives.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, the rebels) and the `code` helper
come from test_events.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_events import NAMES, code, one

from truceline.model import Place


def types(events: Any) -> list[str]:
    return [e.type for e in events]


def test_forces_that_begin_moving_are_a_deployment(nlp: Any) -> None:
    # the parser hangs the subject on "begun": the movers are still the soldiers
    for body in (
        "Bordurian soldiers had begun moving to the border on Monday.",
        "Bordurian soldiers started to move toward the border on Monday.",
    ):
        event = one(code(nlp, body), "MOBILIZE")
        assert event.actor is not None and event.actor.country == "BOR", body
    # people who move are no deployment, however their verb is told
    assert "MOBILIZE" not in types(code(nlp, "Families had begun moving to the camps on Monday."))


def test_letting_ones_own_troops_go_is_the_deployment(nlp: Any) -> None:
    body = "The junta voted on Monday to allow troops to be deployed to the border."
    events = code(nlp, body)
    assert "CONCEDE" not in types(events) and "RETREAT" not in types(events)
    event = one(events, "MOBILIZE")
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("BOR", "GOV")


def test_letting_another_partys_troops_in_stays_a_concession(nlp: Any) -> None:
    body = "The junta allowed Arcadian troops to be deployed on its soil on Monday."
    events = code(nlp, body)
    assert [e for e in events if e.type in ("CONCEDE", "RETREAT")], types(events)


def test_both_sides_are_not_the_backers_of_the_sides(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(NAMES, "the Bordurian rebels", ("BOR", "REB"))  # the two sides of one country's war
    body = (
        "The junta and the Bordurian rebels held talks on Monday. Arcadia and Borduria, which back opposing sides, called for a "
        "truce. Both sides accused each other of breaking it."
    )
    accusation = one(code(nlp, body), "ACCUSE")
    assert accusation.actor is not None and accusation.recipient is not None
    assert {accusation.actor.sector, accusation.recipient.sector} == {"GOV", "REB"}
    # without the clause that makes them backers, the pair named last is whom "both sides" means
    body = (
        "The junta and the Bordurian rebels held talks on Monday. Arcadia and Borduria called for a truce. Both sides "
        "accused each other of breaking it."
    )
    accusation = one(code(nlp, body), "ACCUSE")
    assert accusation.actor is not None and accusation.actor.country in ("ARC", None)


def place_at(body: str, name: str, cue: str | None) -> Place:
    at = body.index(name)
    return Place(at, at + len(name), name, name=name, country="BOR", cue=cue, feature="city", resolved=True)


def test_a_where_clause_places_what_it_tells(nlp: Any) -> None:
    body = (
        "Arcadia's attention is also on Velka, where its foreign minister said on Sunday that Arcadian soldiers had "
        "begun moving to support the junta against the rebels."
    )
    event = one(code(nlp, body, places=[place_at(body, "Velka", "on")]), "MOBILIZE")
    assert event.place is not None and event.place.name == "Velka"
    # the same place named before the act but outside any "where" clause is not its scene
    body = (
        "Arcadia's attention is also on Velka. Its foreign minister said on Sunday that Arcadian soldiers had begun "
        "moving to support the junta against the rebels."
    )
    event = one(code(nlp, body, places=[place_at(body, "Velka", "on")]), "MOBILIZE")
    assert event.place is None


def test_forces_pushing_into_ground_advance_and_pushing_for_is_asking(nlp: Any) -> None:
    event = one(code(nlp, "Bordurian troops pushed deeper into the valley on Monday."), "ASSAULT")
    assert event.actor is not None and event.actor.country == "BOR"
    assert types(code(nlp, "Arcadia pushed for a truce on Monday.")) == ["REQUEST"]
    # a party pushed to act, or people pushed to flee, is no advance
    assert "ASSAULT" not in types(code(nlp, "Arcadia pushed Borduria on Monday to reopen the crossings."))


def test_both_sides_are_never_a_third_party_and_may_be_one_countrys_rivals(nlp: Any) -> None:
    # with no pair named, "urged both sides to release prisoners" names no one urged, never the prisoners
    event = one(code(nlp, "A mediator urged both sides on Monday to release the rebels."), "REQUEST")
    assert event.recipient is None
    # "Borduria's rival governments", named before, are whom "both sides" means: Borduria's state
    body = "Borduria's rival governments welcomed the truce on Monday. Arcadia accused both sides of breaking it."
    accusation = one(code(nlp, body), "ACCUSE")
    assert accusation.recipient is not None and accusation.recipient.country == "BOR"
