"""Who did it to whom when the clause's own words are not enough: each other, the two sides, its troops, who is hit
back, backers, appositions, things a nationality word is said of; and where a statement was made.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, the rebels, villagers) and the `code`
helper come from test_events.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_events import NAMES, code, one

from truceline.model import Place


def countries(actor: Any) -> set[str]:
    if actor is None:
        return set()
    return {m.country for m in actor.members} if actor.members else {actor.country}


def test_accusing_each_other_makes_the_pair_both_actor_and_recipient(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia and Borduria accused each other of breaking the truce."), "ACCUSE")
    assert countries(event.actor) == countries(event.recipient) == {"ARC", "BOR"}


def sides(actor: Any) -> tuple[str | None, str | None] | None:
    return None if actor is None or actor.members else (actor.country, actor.sector)


@pytest.fixture
def home_rebels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rebels of Borduria, the junta's own country: the two sides of one country's war."""
    monkeypatch.setitem(NAMES, "the Bordurian rebels", ("BOR", "REB"))


JUNTA, REBELS = ("BOR", "GOV"), ("BOR", "REB")


def test_one_countrys_two_sides_accusing_each_other_are_actor_and_recipient(nlp: Any, home_rebels: None) -> None:
    # a joint row for the junta and its rebels would be Borduria with no sector and tell neither side: the first
    # named accuses the other
    event = one(code(nlp, "The junta and the Bordurian rebels accused each other of breaking the truce."), "ACCUSE")
    assert sides(event.actor) == JUNTA and sides(event.recipient) == REBELS


def test_one_countrys_two_sides_agreeing_or_clashing_are_actor_and_recipient(nlp: Any, home_rebels: None) -> None:
    for body, type_ in (
        ("The junta and the Bordurian rebels agreed on Monday to open the border crossings.", "AGREE"),
        ("The junta and the Bordurian rebels clashed near the river on Monday.", "ASSAULT"),
    ):
        event = one(code(nlp, body), type_)
        assert sides(event.actor) == JUNTA and sides(event.recipient) == REBELS, body
    # a third party the act is done with stays the recipient, and the two sides its joint actor
    event = one(code(nlp, "The junta and the Bordurian rebels held talks with Arcadia on Monday."), "CONSULT")
    assert event.actor is not None and len(event.actor.members) == 2 and countries(event.recipient) == {"ARC"}


def test_sides_of_two_countries_keep_their_joint_row(nlp: Any, home_rebels: None) -> None:
    # the joint row names both countries; as the PLOVER gold codes "X and Y agreed", no recipient
    body = "Arcadia's interior ministry and the Bordurian rebels agreed on Monday to open the border crossings."
    event = one(code(nlp, body), "AGREE")
    assert countries(event.actor) == {"ARC", "BOR"} and event.recipient is None


def test_both_sides_are_still_the_two_sides_once_split(nlp: Any, home_rebels: None) -> None:
    body = "The junta and the Bordurian rebels met on Monday. Both sides accused each other of breaking the truce."
    event = one(code(nlp, body), "ACCUSE")
    assert sides(event.actor) == JUNTA and sides(event.recipient) == REBELS
    body = "The junta and the Bordurian rebels accused each other of breaking the truce. A mediator urged both sides to act."
    asked = one(code(nlp, body), "REQUEST").recipient
    assert asked is not None and [sides(m) for m in asked.members] == [JUNTA, REBELS]


def test_a_clash_with_a_side_named_after_with_is_not_the_pair_itself(nlp: Any) -> None:
    event = one(code(nlp, "The junta and Arcadia clashed with the rebels near the river."), "ASSAULT")
    assert event.recipient is None or not event.recipient.members


def test_the_two_countries_are_the_pair_named_before(nlp: Any) -> None:
    body = (
        "Arcadia and Borduria met in the capital on Monday. The foreign ministers of the two countries agreed a truce."
    )
    event = one(code(nlp, body), "AGREE")
    assert countries(event.actor) == {"ARC", "BOR"}
    body = "Arcadia and Borduria met in the capital on Monday. The mediator urged both sides to open the roads."
    assert countries(one(code(nlp, body), "REQUEST").recipient) == {"ARC", "BOR"}


def test_between_two_parties_makes_both_the_actor(nlp: Any) -> None:
    event = one(code(nlp, "A working group between Arcadia and Borduria met in the capital on Monday."), "CONSULT")
    assert countries(event.actor) == {"ARC", "BOR"}


def test_between_two_sides_named_by_common_nouns_makes_both_the_actor(nlp: Any) -> None:
    event = one(code(nlp, "A working group between the junta and the rebels met in the capital on Monday."), "CONSULT")
    assert event.actor is not None and {(m.country, m.sector) for m in event.actor.members} == {
        ("BOR", "GOV"),
        (None, "REB"),
    }


def test_an_answer_to_an_attack_is_aimed_at_the_attacker(nlp: Any) -> None:
    body = "Bordurian troops shelled an Arcadian post on Monday. Arcadian troops returned fire the same day."
    answer = [e for e in code(nlp, body) if e.sentence_start > 0]
    assert len(answer) == 1 and countries(answer[0].recipient) == {"BOR"}


def test_its_troops_are_the_speakers_troops(nlp: Any) -> None:
    body = "Arcadia's interior ministry said the rebels shelled the dam and that its troops had returned fire."
    events = code(nlp, body)
    answer = next(e for e in events if e.trigger.text == "returned")
    assert countries(answer.actor) == {"ARC"}


def test_a_backer_before_a_hyphen_is_not_the_party(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia-backed rebels attacked the Bordurian army near the river."), "ASSAULT")
    assert event.actor is not None and event.actor.sector == "REB" and "ARC" not in countries(event.actor)
    event = one(code(nlp, "The rebels held Borduria-sponsored talks in the capital."), "CONSULT")
    assert "BOR" not in countries(event.actor) | countries(event.recipient)


def test_a_nationality_word_takes_its_sector_from_the_thing(nlp: Any) -> None:
    event = one(code(nlp, "The rebels shelled a Bordurian observation post on Monday."), "ASSAULT")
    assert event.recipient is not None and event.recipient.sector == "MIL"
    event = one(code(nlp, "The rebels shelled a Bordurian market on Monday."), "ASSAULT")
    assert event.recipient is not None and event.recipient.sector == "CVL"


def test_a_statement_happens_where_it_is_made_not_where_its_content_is(nlp: Any) -> None:
    body = "Arcadia urged Borduria on Monday to withdraw its troops from Velka."
    velka = body.index("Velka")
    place = Place(velka, velka + 5, "Velka", name="Velka", country="BOR", cue="from", feature="city", resolved=True)
    event = one(code(nlp, body, places=[place]), "REQUEST")
    assert event.place is None
    body = "The rebels shelled the barracks in Velka on Monday."
    velka = body.index("Velka")
    place = Place(velka, velka + 5, "Velka", name="Velka", country="BOR", cue="in", feature="city", resolved=True)
    assert one(code(nlp, body, places=[place]), "ASSAULT").place is not None


def test_a_place_naming_a_text_is_no_scene(nlp: Any) -> None:
    body = "The junta accused Arcadia of breaching the Velka agreement."
    velka = body.index("Velka")
    place = Place(velka, velka + 5, "Velka", name="Velka", country="BOR", cue=None, feature="city", resolved=True)
    for event in code(nlp, body, places=[place]):
        assert event.place is None


def test_their_positions_an_attack_hits_are_the_tellers(nlp: Any) -> None:
    # no side attacks its own positions: "their" on what the attack hits stands for the party telling it
    body = "Arcadia's interior ministry said Bordurian troops had attacked their positions near the river."
    event = one(code(nlp, body), "ASSAULT")
    assert countries(event.actor) == {"BOR"} and countries(event.recipient) == {"ARC"}
    # unless the text says they were the attackers' own
    body = "Arcadia's interior ministry said Bordurian troops had shelled their own positions by mistake."
    assert one(code(nlp, body), "ASSAULT").recipient is None


def test_what_is_fired_at_is_the_target_not_a_place(nlp: Any) -> None:
    for body in (
        "The rebels fired at a Bordurian observation post on Monday.",
        "The rebels fired rockets at a Bordurian convoy on Monday.",
    ):
        event = one(code(nlp, body), "ASSAULT")
        assert countries(event.recipient) == {"BOR"}, body


def test_downing_an_aircraft_is_an_attack_on_it(nlp: Any) -> None:
    event = one(code(nlp, "The rebels downed a Bordurian helicopter near the river on Monday."), "ASSAULT")
    assert countries(event.recipient) == {"BOR"}
    # downing tools is a strike, no attack
    assert all(e.type != "ASSAULT" for e in code(nlp, "Villagers downed tools on Monday."))
