"""Rows a careful coder would code: parties that act together carry a joint code, and whoever speaks at a
gathering is a party to it.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, the rebels, villagers) and the `code`
helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one

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
