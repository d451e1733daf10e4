"""Whose fire it was when a report names the weapon and not who fired it: a weapon at the head of a sentence is no
party ("Missiles launched from Iran struck ..."), the ground it came from is whose it was (CAMEO's unidentified armed
forces of that country, never its government), and an event noun in -ing form that is a clause's subject keeps its
"by" doer ("Shelling by separatist forces damaged ..."). Sentences written for these tests, run through the whole
per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.export.acled import inter_code
from truceline.model import Actor, Event


def attacks(text: str) -> list[Event]:
    return [e for e in pipeline_events(text, "2024-03-05") if e.type == "ASSAULT"]


def test_a_weapon_heading_the_sentence_is_no_party_and_its_launch_ground_is_whose_fire() -> None:
    (struck,) = attacks("Missiles launched from Iran struck a base in northern Iraq on Monday.")
    assert struck.actor is not None
    assert (struck.actor.country, struck.actor.sector) == ("IRN", "UAF")
    assert struck.actor.code == "IRNUAF"


def test_the_launch_ground_is_read_when_the_parse_joins_the_two_verbs() -> None:
    found = attacks("Drones launched from Ukraine attacked an oil refinery in Ryazan overnight.")
    assert found and all(e.actor is not None and e.actor.country == "UKR" for e in found)
    assert all(e.actor is not None and e.actor.sector == "UAF" for e in found)


def test_a_named_group_that_fired_keeps_its_name() -> None:
    (fired,) = attacks("Hezbollah said it fired rockets from Lebanon at an Israeli base on Monday.")
    assert fired.actor is not None and fired.actor.sector != "UAF" and fired.actor.country == "LBN"


def test_an_unidentified_armed_force_is_an_armed_group_in_the_acled_export() -> None:
    fighters = Actor(0, 7, "Lebanon", country="LBN", sector="UAF", code="LBNUAF")
    assert inter_code(fighters, 1, "SHELLING_ARTILLERY_MISSILE_ATTACK", "Explosions/Remote violence", "ISR") == "3"


def test_a_gerund_that_is_the_subject_names_its_doer_with_by() -> None:
    (shelling,) = attacks("Shelling by separatist forces damaged a school in Avdiivka on Monday.")
    assert shelling.actor is not None and shelling.actor.sector == "REB"
    assert shelling.recipient is None or shelling.recipient.sector != "REB"


def test_a_weapon_fired_and_landing_is_one_attack_with_its_doer() -> None:
    (shelling,) = attacks("Shells fired by the army hit a crowded market in Kadugli on Monday.")
    assert shelling.actor is not None and (shelling.actor.country, shelling.actor.sector) == ("SDN", "MIL")
    (rockets,) = attacks("Rockets fired from Lebanon hit the town of Metula on Monday.")
    assert rockets.actor is not None and rockets.actor.country == "LBN"
    assert rockets.place is not None and rockets.place.name == "Metula"


def test_what_a_bombing_destroyed_is_that_bombing_not_a_second_row() -> None:
    events = pipeline_events("Israeli jets bombed and destroyed a house in Khan Younis on Monday.", "2024-03-05")
    assert len(events) == 1 and events[0].type == "ASSAULT"
    two = attacks("Russian forces shelled Kharkiv and struck Odesa with drones on Monday.")
    assert len(two) == 2  # two cities, two attacks
