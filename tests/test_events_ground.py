"""Unnamed people of the ground (truceline/events/parties.py local_country, report_ground): civilians, workers,
doctors, activists and rebels with no country in their own words are of where the report's places are, not of the
country it names most (here a foreign power whose bombers struck there). A state's bodies ("the army") and
people a nationality word places keep what their words say. Sentences written by us; dated by metadata."""

from __future__ import annotations

from typing import Any

from test_events import pipeline_events

from truceline.model import Event

# Russia is named most (bombers, ministry, Moscow); the report's places, Saraqib and Kafr Nabl, are in Syria.
_RAIDS = (
    "Russian bombers pounded Saraqib overnight, Russia's defence ministry said. "
    "Moscow said the raids destroyed militant bunkers. "
    "Villagers said the army shelled Kafr Nabl. "
    "Protesters burned tyres on the main road. "
    "Doctors accused the army of targeting an ambulance. "
    "Activists said the shelling killed two children."
)


def events_of(text: str, published: str = "2025-03-04") -> list[Event]:
    return pipeline_events(text, published)


def by_trigger(events: list[Event], word: str) -> Event:
    found = [e for e in events if e.trigger.text == word]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def test_protesters_opening_a_sentence_are_of_the_ground(nlp: Any) -> None:
    # a capitalised plural opening the sentence is still a common noun, so the story's lent country gives way
    protest = by_trigger(events_of(_RAIDS), "burned")
    assert protest.actor is not None and (protest.actor.country, protest.actor.sector) == ("SYR", "CVL")
    # and the protesters are not the authorities they protest against
    assert protest.recipient is None or protest.recipient.start != protest.actor.start, protest.recipient


def test_doctors_are_of_the_ground(nlp: Any) -> None:
    accusation = by_trigger(events_of(_RAIDS), "accused")
    assert accusation.actor is not None and (accusation.actor.country, accusation.actor.sector) == ("SYR", "HLH")
    # the army they accuse is a state's body: the ground's rule does not place it (no place in its sentence)
    assert accusation.recipient is not None and accusation.recipient.sector == "MIL"


def test_people_of_the_ground_who_tell_of_it_are_of_the_ground(nlp: Any) -> None:
    events = events_of(_RAIDS)
    villagers = by_trigger(events, "shelled").claimed_by
    assert villagers is not None and (villagers.country, villagers.sector) == ("SYR", "CVL"), villagers
    activists = by_trigger(events, "shelling").claimed_by
    assert activists is not None and activists.country == "SYR", activists


def test_people_a_nationality_word_places_keep_it(nlp: Any) -> None:
    # contrast: "Russian medics" say whose they are; the ground does not override their words
    text = _RAIDS + " Russian medics accused the militants of shelling their field hospital."
    medics = [e for e in events_of(text) if e.trigger.text == "accused" and e.actor and e.actor.text.startswith("Rus")]
    assert len(medics) == 1 and medics[0].actor is not None
    assert (medics[0].actor.country, medics[0].actor.sector) == ("RUS", "HLH"), medics[0].actor
