"""The sector of an event's parties, through the real actor dictionaries and spaCy (sentences are ours).

A nationality word or a possessive names a party whose head noun says what it is; the word list is the
dictionary's generic agents (truceline/data/actors/agents.yaml).
"""

from __future__ import annotations

from typing import Any

import pytest

from truceline.events.coding import code_text, load_dictionary
from truceline.model import Actor, Event


@pytest.fixture(scope="module")
def events_of(nlp: Any) -> Any:
    dictionary = load_dictionary()

    def run(text: str) -> list[Event]:
        return code_text(text, dictionary, nlp)[0]

    return run


def party(actor: Actor | None) -> tuple[str | None, str | None]:
    return (None, None) if actor is None else (actor.country, actor.sector)


def only(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def test_a_model_designation_between_nationality_and_head_keeps_the_head_sector(events_of: Any) -> None:
    event = only(
        events_of("Azerbaijani gunners shot down two Armenian Su-25 warplanes near the border on Tuesday."), "ASSAULT"
    )
    assert party(event.recipient) == ("ARM", "MIL")


def test_its_weapons_are_the_owners_forces(events_of: Any) -> None:
    event = only(events_of("Armenia said on Friday that its Su-25 bombers had struck the depots overnight."), "ASSAULT")
    assert party(event.actor) == ("ARM", "MIL")


def test_officers_are_the_military(events_of: Any) -> None:
    event = only(events_of("A Russian delegation held talks with Georgian officers in Tbilisi on Monday."), "CONSULT")
    assert party(event.recipient) == ("GEO", "MIL")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Georgia denies that the fighters in the valley are acting on its orders.", "REJECT"),
        ("Georgia said on Monday that the rebels had violated the ceasefire.", "ACCUSE"),
        ("Georgia rejected the accusation on Monday.", "REJECT"),
    ],
)
def test_a_bare_country_is_its_state_whichever_rule_made_it_the_actor(events_of: Any, text: str, type_: str) -> None:
    # a denial with no act of its own, an accusation made from the speech verb, a rejection parsed as such
    assert party(only(events_of(text), type_).actor) == ("GEO", "GOV")


def test_a_generic_person_noun_from_an_organisation_speaks_for_it(events_of: Any) -> None:
    text = "Doctors from Medecins Sans Frontieres accused the army of shelling the clinic in Kidal on Monday."
    assert party(only(events_of(text), "ACCUSE").actor)[1] == "NGO"


@pytest.mark.parametrize(
    "text",
    [
        "Malian army jets bombed two hospitals near Gao on Monday.",
        "Malian army jets bombed a school near Gao on Monday.",
    ],
)
def test_a_civilian_facility_attacked_is_civilians_attacked(events_of: Any, text: str) -> None:
    assert party(only(events_of(text), "ASSAULT").recipient)[1] == "CVL"


def test_people_attacked_keep_their_own_sector(events_of: Any) -> None:
    event = only(events_of("Malian army jets bombed doctors near Gao on Monday."), "ASSAULT")
    assert party(event.recipient)[1] == "HLH"


def test_a_joint_patrol_of_two_nationalities_is_both_militaries(events_of: Any) -> None:
    event = only(events_of("The joint Georgian-Armenian patrols along the border resumed on Friday."), "COOPERATE")
    assert event.actor is not None and {party(m) for m in event.actor.members} == {("GEO", "MIL"), ("ARM", "MIL")}


def test_a_school_in_the_country_of_one_of_two_attackers_is_still_the_target(events_of: Any) -> None:
    event = only(
        events_of("Russian and Syrian jets bombed a school in Idlib on Friday, killing six children."), "ASSAULT"
    )
    assert party(event.recipient) == ("SYR", "CVL")


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The Georgian army dismissed the Armenian figures as propaganda on Monday.", "GOV"),
        ("The rebels said on Monday that they rejected any Armenian presence in the valley.", "MIL"),
    ],
)
def test_what_a_side_states_is_its_governments_and_its_presence_its_militarys(
    events_of: Any, text: str, sector: str
) -> None:
    assert party(only(events_of(text), "REJECT").recipient) == ("ARM", sector)


def test_a_people_addressed_as_a_state_is_named_as_its_government(events_of: Any) -> None:
    events = events_of('"A truce is what we expect from the Russians," the Turkish minister said on Friday.')
    (asked,) = [e for e in events if e.type == "REQUEST"]
    assert party(asked.recipient) == ("RUS", "GOV")
    assert asked.recipient is not None and asked.recipient.name == "Russian government"  # not "Russian people"


def test_forces_a_side_pulls_out_are_its_own_not_a_target(events_of: Any) -> None:
    events = events_of("The Wagner group withdrew its fighters from Bakhmut on Friday.")
    (withdrew,) = [e for e in events if e.type == "RETREAT"]
    assert withdrew.recipient is None  # its fighters, wherever Bakhmut lends them a country


def test_schoolchildren_taken_are_students(events_of: Any) -> None:
    events = events_of("Boko Haram abducted 80 schoolgirls from a village in Borno state on Friday.")
    (abducted,) = [e for e in events if e.type == "ASSAULT"]
    assert party(abducted.recipient) == ("NGA", "EDU")


def test_a_word_that_only_says_what_a_deal_is_about_is_no_party(events_of: Any) -> None:
    events = events_of("Thousands of Israelis rallied in Tel Aviv on Saturday demanding a hostage deal.")
    (rally,) = [e for e in events if e.type == "PROTEST"]
    assert rally.recipient is None or rally.recipient.sector != "CVL"  # not the hostages the deal is about
    (signed,) = events_of("The two sides signed a prisoner exchange deal on Friday.")
    assert signed.recipient is None
