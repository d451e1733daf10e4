"""A rejection of something said or asked before is aimed at whoever said or asked it (truceline/events/rebuttal.py).
Sentences written by us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

from test_events import pipeline_events

from truceline.model import Actor, Event


def events_of(text: str, published: str = "2022-03-09") -> list[Event]:
    return pipeline_events(text, published)


def rejection(events: list[Event]) -> Event:
    found = [e for e in events if e.type == "REJECT"]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def test_a_rejected_accusation_answers_the_accuser(nlp: Any) -> None:
    events = events_of(
        "Ukraine's foreign ministry accused Russia of shelling a hospital in Kharkiv on Tuesday. "
        "Moscow rejected the accusation, saying its artillery had only fired at rebel depots."
    )
    no = rejection(events)
    assert country(no.recipient) == "UKR", no.recipient  # not the depots' side named in its own sentence
    # linked to what it denies: the accusation or the shelling it alleges
    told = {e.index for e in events if e.type == "ACCUSE" or e.trigger.text == "shelling"}
    assert any(kind == "denies" and i in told for kind, i in no.links), no.links


def test_a_denied_report_answers_whoever_claimed_it(nlp: Any) -> None:
    events = events_of(
        "Armenia's defence ministry said Azerbaijani drones struck a fuel depot near the border overnight. "
        "An Azerbaijani army spokesman denied the report."
    )
    no = rejection(events)
    assert country(no.recipient) == "ARM", no.recipient


def test_a_rejected_demand_answers_who_made_it(nlp: Any) -> None:
    events = events_of(
        "Ethiopia demanded that Sudanese troops leave the disputed farmland by the end of the month. "
        "Khartoum rejected the demand and said its soldiers were on Sudanese land."
    )
    assert country(rejection(events).recipient) == "ETH"


def test_the_rejecter_does_not_answer_itself(nlp: Any) -> None:
    # the nearest earlier claim is the rejecter's own; the one answered is the one before it
    events = events_of(
        "Ukraine's foreign ministry accused Russia of shelling a hospital in Kharkiv on Tuesday. "
        "Russia's defence ministry said its forces had destroyed an ammunition store near the city. "
        "Moscow rejected the accusation."
    )
    assert country(rejection(events).recipient) == "UKR"


def test_a_thing_with_its_own_owner_keeps_its_own_words(nlp: Any) -> None:
    # contrast: "Georgia's proposal" names whose proposal it was; the earlier demand by another party is not it
    events = events_of(
        "Ethiopia demanded that Sudanese troops leave the disputed farmland by the end of the month. "
        "Khartoum rejected Georgia's proposal for talks."
    )
    assert country(rejection(events).recipient) != "ETH"


def test_a_rejected_truce_is_no_answer_to_anyone(nlp: Any) -> None:
    # contrast: a truce is no thing said or asked; the rejection keeps the recipient its own sentence gives
    events = events_of(
        "Ukraine's foreign ministry accused Russia of shelling a hospital in Kharkiv on Tuesday. "
        "Rebel commanders rejected the truce."
    )
    assert country(rejection(events).recipient) != "UKR"


def test_a_welcomed_decision_answers_who_made_it(nlp: Any) -> None:
    events = events_of(
        "Ethiopia agreed on Monday to reopen the border crossing at Gallabat. "
        "Sudan's foreign minister welcomed the decision."
    )
    welcome = next(e for e in events if e.type == "SUPPORT")
    assert country(welcome.recipient) == "ETH", welcome.recipient


def test_a_condemned_move_answers_who_made_it(nlp: Any) -> None:
    events = events_of(
        "Armenia sent two artillery batteries to the border villages on Friday. "
        "Iran's foreign minister urged both sides to show restraint. Baku condemned the move."
    )
    blame = next(e for e in events if e.type == "ACCUSE")
    assert country(blame.recipient) == "ARM", blame.recipient


def test_a_second_verb_of_the_same_doer_keeps_its_own_object(nlp: Any) -> None:
    # "condemned X and called on Y": Y is whom the call is aimed at, not whom the condemnation is
    events = events_of(
        "Georgia's foreign ministry condemned the shelling of the monastery and called on Azerbaijan to "
        "open an inquiry."
    )
    blame = next(e for e in events if e.type == "ACCUSE")
    call = next(e for e in events if e.type == "REQUEST")
    assert country(call.recipient) == "AZE"
    assert country(blame.recipient) != "AZE", blame.recipient


def test_an_answer_with_a_party_for_object_is_aimed_at_that_party(nlp: Any) -> None:
    # "a commitment Somalia made" is a second object the parser gives the verb; the party accused is the one named
    events = events_of(
        "Ethiopia sent two battalions to the border on Monday. "
        "Nairobi accuses Mogadishu of failing to separate the clan militias from the army, a commitment Somalia made "
        "in 2019."
    )
    blame = next(e for e in events if e.type == "ACCUSE")
    assert country(blame.recipient) == "SOM", blame.recipient
