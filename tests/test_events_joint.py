"""Rows a careful coder would code: parties that act together carry a joint code, and whoever speaks at a
gathering is a party to it.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, the rebels, villagers) and the `code`
helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one
from test_events_told_again import events_of

from truceline.actors.build import compound, joint_code
from truceline.model import Actor


def test_a_coordination_of_coded_parties_carries_their_joint_code(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia and Borduria agreed on Monday to open the border crossings."), "AGREE")
    assert event.actor is not None and [m.country for m in event.actor.members] == ["ARC", "BOR"]
    assert event.actor.code is not None and event.actor.code.split("/") == [
        m.code or m.country for m in event.actor.members
    ]
    assert event.recipient is None  # a joint act names nobody else: no recipient, as PLOVER and CAMEO code it


def test_a_joint_recipient_carries_the_joint_code(nlp: Any) -> None:
    event = one(code(nlp, "The mediator urged Arcadia and Borduria to pull back their artillery."), "REQUEST")
    assert event.recipient is not None and event.recipient.code is not None
    assert set(event.recipient.code.split("/")) == {m.code or m.country for m in event.recipient.members}


def test_the_joint_code_keeps_text_order_and_reads_back_as_members() -> None:
    one_ = Actor(10, 16, "Arcadia", country="ARC", sector="GOV", code="ARCGOV")
    two = Actor(0, 8, "Borduria", country="BOR", sector="MIL", code="BORMIL")
    uncoded = Actor(20, 30, "some group")
    joint = compound([one_, two, uncoded])
    assert joint.code == "BORMIL/ARCGOV" and joint.country is None
    assert joint_code([one_, replace_code(one_, "ARCGOV")]) == "ARCGOV"  # one code shared by all is the code
    assert joint_code([uncoded]) is None


def replace_code(actor: Actor, code: str) -> Actor:
    return Actor(actor.start, actor.end, actor.text, country=actor.country, sector=actor.sector, code=code)


def test_whoever_speaks_at_a_gathering_takes_part_in_it(nlp: Any) -> None:
    body = "The Arcadian foreign minister told a news conference with his Bordurian counterpart that he was hopeful."
    event = one(code(nlp, body), "CONSULT")
    assert event.actor is not None and event.actor.country == "ARC"
    body = "The announcement by the Arcadian foreign minister came at a joint news conference with Bordurian envoys."
    event = one(code(nlp, body), "CONSULT")
    assert event.actor is not None and event.actor.country == "ARC"


def test_its_soldiers_are_of_the_party_the_clause_is_about() -> None:
    # the last name before "its" is a place; the pronoun stands for the party the clause is about
    body = "Kenya launched an offensive in Somalia after more than 30 of its soldiers were killed there last month."
    killed = next(e for e in events_of(body) if e.trigger.text == "killed")
    assert killed.recipient is not None and killed.recipient.country == "KEN"
    # contrast: soldiers named by their nationality stay that country's
    body = "Kenya launched an offensive in Somalia after more than 30 Ugandan soldiers were killed there last month."
    killed = next(e for e in events_of(body) if e.trigger.text == "killed")
    assert killed.recipient is not None and killed.recipient.country == "UGA"
    # contrast: in a clause joined to another by "and", the other clause's subject is not the owner
    body = "Kenya's defence ministry said Somali gunmen attacked the town of Mandera and that its troops fought back."
    answer = next(e for e in events_of(body) if e.trigger.text == "fought")
    assert answer.actor is not None and answer.actor.country == "KEN"


def test_a_statement_speaks_for_the_one_it_is_from() -> None:
    # the words after "from" name no one the pronoun "he" could stand for by its capitals alone
    body = "A statement from a spokesman for the Kenyan leader said he was worried about the clashes and appealed for calm."
    request = next(e for e in events_of(body) if e.type == "REQUEST")
    assert request.actor is not None and request.actor.country == "KEN"
    # the parser reads "was worried" as a passive with "he" its patient: the one worried still appeals
    body = 'A statement from a spokesman for the Kenyan leader said he was "deeply worried" about it and appealed for calm.'
    request = next(e for e in events_of(body) if e.type == "REQUEST")
    assert request.actor is not None and request.actor.country == "KEN"
    # an envoy of a named leader speaks for the leader, not for whatever country the bare word "envoy" was lent
    body = "Somalia's army said the clashes went on. A statement from an envoy of President William Ruto said he was "
    body += '"deeply worried" about them and appealed for calm.'
    request = next(e for e in events_of(body) if e.type == "REQUEST")
    assert request.actor is not None and request.actor.country == "KEN"


def test_both_scorers_read_a_joint_party_by_its_members() -> None:
    from truceline.eval.plover import scored_codes
    from truceline.sample import _countries

    one_ = Actor(0, 6, "Kenya", country="KEN", sector="GOV", code="KENGOV")
    two = Actor(11, 17, "Uganda", country="UGA", sector="GOV", code="UGAGOV")
    joint = compound([one_, two])
    assert joint.code == "KENGOV/UGAGOV"
    # the joint code is for people and exports; the PLOVER and bundled-corpus scorers read the members' countries
    assert scored_codes(joint) == set(_countries(joint)) == {"KEN", "UGA"}
