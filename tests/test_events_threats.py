"""Threats a speaker makes by stating a resolve or a price, and acts of force told through a side's losses.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, Minister Lento) and the `code` helper
come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one

from truceline.stages.quantities import find_quantities


def country(actor: Any) -> str | None:
    return None if actor is None else actor.country


def test_not_hesitating_to_strike_is_a_threat_in_a_quote_and_an_act_in_the_past(nlp: Any) -> None:
    events = code(nlp, '"We will not hesitate to strike the junta again," Minister Lento said.')
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    assert threat.stance == "asserted" and "ASSAULT" not in [e.type for e in events]
    done = one(code(nlp, "The junta did not hesitate to shell the Arcadian border villages."), "ASSAULT")
    assert done.stance == "asserted"  # held back from nothing: it shelled them
    refused = one(code(nlp, "The junta did not shell the Arcadian border villages."), "ASSAULT")
    assert refused.stance == "negated"


def test_an_act_against_whoever_may_do_something_is_no_row_of_its_own(nlp: Any) -> None:
    events = code(nlp, '"We will respond to any unit that shells our villages," Minister Lento said.')
    assert [e.type for e in events] == ["THREATEN"]


def test_a_punitive_act_held_over_a_party_unless_it_complies_is_an_ultimatum(nlp: Any) -> None:
    events = code(
        nlp,
        "Arcadia announced it will withdraw its troops from the border unless the junta frees the prisoners within a week.",
    )
    threat = one(events, "THREATEN")
    assert threat.mode == "ultimatum" and country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    assert "RETREAT" not in [e.type for e in events]
    # the same act promised for the other side's act is an offer's content, no threat
    events = code(nlp, "Arcadia will withdraw its troops from the border if the junta frees the prisoners.")
    assert "THREATEN" not in [e.type for e in events] and one(events, "RETREAT").stance == "planned"
    # refusing to act unless the other side does is no threat either
    events = code(nlp, "Arcadia said it would not withdraw its troops unless the junta disarmed.")
    assert "THREATEN" not in [e.type for e in events]


def test_the_act_a_side_lost_its_people_in_is_aimed_at_that_side(nlp: Any) -> None:
    strike = one(code(nlp, "Borduria lost twelve soldiers in an Arcadian air strike on the border post."), "ASSAULT")
    assert country(strike.actor) == "ARC" and country(strike.recipient) == "BOR"
    fighting = one(code(nlp, "The junta suffered heavy casualties in the fighting near the border."), "ASSAULT")
    assert country(fighting.recipient) == "BOR"
    assert code(nlp, "The junta lost the vote in the assembly.") == []


def test_a_side_held_ready_to_strike_threatens(nlp: Any) -> None:
    threat = one(code(nlp, '"We reserve the right to respond to any aggression," Minister Lento said.'), "THREATEN")
    assert country(threat.actor) == "ARC" and threat.stance == "asserted"
    events = code(nlp, '"Our troops are ready to crush any attempt to cross the river," Minister Lento said.')
    assert [e.type for e in events] == ["THREATEN"] and country(events[0].actor) == "ARC"


def test_the_price_named_for_defying_a_demand_makes_it_an_ultimatum(nlp: Any) -> None:
    events = code(nlp, '"The junta must pull its troops back within two days or face an assault," Minister Lento said.')
    assert [e.type for e in events] == ["THREATEN"]
    threat = events[0]
    assert threat.mode == "ultimatum" and country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    # a party told it will face consequences is what the warning says, not a second threat
    events = code(nlp, "Arcadia warned the junta that it would face consequences if it shelled the villages.")
    assert [e.type for e in events] == ["THREATEN"]


def test_telling_a_party_it_has_until_a_time_to_act_is_an_ultimatum(nlp: Any) -> None:
    events = code(nlp, "Arcadia told the junta it had until midnight to pull its troops out of the valley.")
    threat = one(events, "THREATEN")
    assert threat.mode == "ultimatum" and country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    assert "REQUEST" not in [e.type for e in events]


def test_restraint_is_no_threat(nlp: Any) -> None:
    assert code(nlp, '"We will not respond to provocations," Minister Lento said.') == []
    assert code(nlp, "Arcadia said it would not use force against the junta.") == []
    held = one(code(nlp, "The junta is not ready to strike the Arcadian border posts."), "ASSAULT")
    assert held.stance == "negated"


def test_force_a_side_will_not_hesitate_to_use_is_a_threat_against_whom_it_names(nlp: Any) -> None:
    events = code(nlp, "Minister Lento said Arcadia would not hesitate to use force against the junta.")
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"


def test_a_resumed_act_of_force_held_over_a_party_is_a_threat(nlp: Any) -> None:
    events = code(nlp, "Arcadia will resume air strikes on the border if the junta does not free the prisoners.")
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    assert "ASSAULT" not in [e.type for e in events]


def test_a_span_of_time_given_to_act_is_an_ultimatum(nlp: Any) -> None:
    events = code(nlp, "Arcadia gave the junta two days to pull its troops back from the border.")
    assert [e.type for e in events] == ["THREATEN"]
    threat = events[0]
    assert threat.mode == "ultimatum" and country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"


def test_a_price_promised_to_whoever_defies_is_the_speakers_threat(nlp: Any) -> None:
    events = code(nlp, '"Anyone who shells our villages will pay a heavy price," Minister Lento said.')
    assert [e.type for e in events] == ["THREATEN"] and country(events[0].actor) == "ARC"
    events = code(nlp, "Arcadia warned the junta it would pay a heavy price for the raid.")
    assert [e.type for e in events].count("THREATEN") == 1  # the warning is the threat, the price its content


def test_force_held_over_no_named_party_is_still_a_threat(nlp: Any) -> None:
    events = code(nlp, "The junta said it would shell the river port unless the ferries stopped.")
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "BOR" and "ASSAULT" not in [e.type for e in events]


def test_a_loss_told_after_an_attack_is_that_attacks_toll(nlp: Any) -> None:
    body = "The junta attacked an Arcadian convoy near the border. The Arcadian army lost 12 soldiers."
    events = code(nlp, body, quantities=find_quantities(body))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].killed is not None and events[0].killed.value == 12
    # the attackers' own losses are not the toll of their attack
    body = "The junta attacked an Arcadian convoy near the border. The junta lost 3 soldiers."
    events = code(nlp, body, quantities=find_quantities(body))
    assert [e.type for e in events] == ["ASSAULT"] and events[0].killed is None


def test_a_response_held_ready_is_a_threat_whatever_type_its_verb_took(nlp: Any) -> None:
    # "respond" alone reads as a concession; said ahead of any attack, it is the speaker's threat
    events = code(nlp, "Borduria's foreign ministry said it would respond to any attack on its border posts.")
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "BOR" and threat.stance == "asserted"
    # contrast: a response told as done, or refused, is no threat
    assert not [e for e in code(nlp, "Borduria's foreign ministry said it had responded to the demands.") if
                e.type == "THREATEN"]  # fmt: skip
    assert not [e for e in code(nlp, "Borduria's foreign ministry said it would not respond to provocations.") if
                e.type == "THREATEN"]  # fmt: skip
