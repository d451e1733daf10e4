"""Events no single trigger word names: threats in quotes, ultimatums, demands stated as wants or duties, pressure,
accusations made by naming an act, quotations attributed in another sentence.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, the rebels, Minister Lento) and the
`code` helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one


def country(actor: Any) -> str | None:
    return None if actor is None else actor.country


def test_a_threat_made_in_a_quote_is_the_speakers(nlp: Any) -> None:
    events = code(
        nlp, '"If Borduria shells our villages again, we will respond with all our strength," Minister Lento said.'
    )
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    assert threat.stance == "asserted" and threat.claimed_by is None
    assert [e.type for e in events] == ["THREATEN"]  # the shelling in the condition is no event


def test_a_passive_threat_with_no_doer_is_the_speakers(nlp: Any) -> None:
    events = code(nlp, '"Any attack on our posts will be answered with force," Minister Lento said.')
    assert country(one(events, "THREATEN").actor) == "ARC"


def test_an_act_of_force_the_speakers_side_will_carry_out_is_a_threat(nlp: Any) -> None:
    events = code(
        nlp, '"If the junta attacks our posts again, we will strike its barracks," Minister Lento said on Friday.'
    )
    threat = one(events, "THREATEN")
    assert country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    assert "ASSAULT" not in [e.type for e in events]
    # told in the writer's voice about a third party, a future attack stays a planned attack
    planned = one(code(nlp, "The junta will strike the rebel camps next week."), "ASSAULT")
    assert planned.stance == "planned"


def test_an_ultimatum_is_a_threat_and_what_it_demands_is_its_content(nlp: Any) -> None:
    events = code(nlp, "Arcadia gave the junta until the end of May to pull its troops back from the border.")
    assert [e.type for e in events] == ["THREATEN"]
    threat = events[0]
    assert threat.mode == "ultimatum" and country(threat.actor) == "ARC" and country(threat.recipient) == "BOR"
    events = code(nlp, "Minister Lento said the junta must free the prisoners or be crushed.")
    threat = one(events, "THREATEN")
    assert threat.mode == "ultimatum" and country(threat.recipient) == "BOR"
    assert "REQUEST" not in [e.type for e in events]


def test_a_time_limit_given_or_told_is_an_ultimatum_against_the_one_given_it(nlp: Any) -> None:
    # no trigger word is in these sentences: the time limit itself selects them for parsing
    threat = one(code(nlp, "The junta gave the rebels 48 hours to leave the valley."), "THREATEN")
    assert threat.mode == "ultimatum" and country(threat.actor) == "BOR" and threat.recipient is not None
    assert threat.recipient.sector == "REB"
    threat = one(code(nlp, "The rebels have 48 hours to leave the valley, Minister Lento said on Monday."), "THREATEN")
    assert threat.mode == "ultimatum" and country(threat.actor) == "ARC" and threat.recipient is not None
    assert threat.recipient.sector == "REB" and threat.stance == "asserted" and threat.claimed_by is None
    # contrast: time a party has, with nothing it must do in it, is no ultimatum
    assert code(nlp, "The rebels had two days of rest in the valley.") == []


def test_wanting_something_of_a_party_is_a_demand(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia wants Borduria to close the border crossings."), "REQUEST")
    assert country(event.actor) == "ARC" and country(event.recipient) == "BOR"
    event = one(code(nlp, '"What we expect from Borduria is simple: stop the raids," Minister Lento said.'), "REQUEST")
    assert country(event.actor) == "ARC" and country(event.recipient) == "BOR"
    # expecting weather or an outcome is no demand
    assert code(nlp, "Forecasters expect the river to rise next week.") == []


def test_pressure_on_a_party_is_a_demand(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia is piling pressure on Borduria to open the border."), "REQUEST")
    assert country(event.actor) == "ARC" and country(event.recipient) == "BOR"


def test_a_duty_laid_on_others_in_a_quote_is_the_speakers_demand(nlp: Any) -> None:
    events = code(nlp, '"The shelling of our villages should stop at once," Minister Lento said.')
    event = one(events, "REQUEST")
    assert country(event.actor) == "ARC"
    assert "ASSAULT" not in [e.type for e in events]


def test_naming_an_act_a_breach_accuses_its_doer(nlp: Any) -> None:
    events = code(
        nlp, "The junta shelled the villages on Monday, the rebels said, in what they called a breach of the truce."
    )
    accuse = one(events, "ACCUSE")
    assert accuse.actor is not None and accuse.actor.sector == "REB"
    assert country(accuse.recipient) == "BOR"


def test_a_quotation_attributed_in_another_sentence_is_its_speakers(nlp: Any) -> None:
    body = '"We signed the truce in the capital. Now it must hold," Minister Lento said.'
    agree = one(code(nlp, body), "AGREE")
    assert country(agree.actor) == "ARC" and country(agree.claimed_by) == "ARC"


def test_he_said_is_the_person_last_named(nlp: Any) -> None:
    body = 'Minister Lento met the rebels on Monday. "We will strike back at anyone who attacks us," he said.'
    assert country(one(code(nlp, body), "THREATEN").actor) == "ARC"


def test_a_hyphenated_event_noun_is_found(nlp: Any) -> None:
    event = one(code(nlp, "Villagers staged sit-ins outside the barracks for a third day."), "PROTEST")
    assert event.actor is not None and event.actor.sector == "CVL"


def test_ground_taken_is_captured(nlp: Any) -> None:
    events = code(nlp, "Rebel fighters took four villages north of the dam on Sunday.")
    taken = one(events, "ASSAULT")
    assert taken.mode == "capture_territory" and taken.trigger.text == "took"


def test_taking_part_or_place_is_no_capture(nlp: Any) -> None:
    # contrast: "took" with nothing taken that is ground reports no act of its own
    events = code(nlp, "The mediators took part in the meeting, which took place behind closed doors.")
    assert not [e for e in events if e.trigger.text == "took"], [(e.type, e.trigger.text) for e in events]


def test_forces_moved_or_moving_are_deployed(nlp: Any) -> None:
    events = code(nlp, "Kenyan soldiers were moving towards the border town late on Friday.")
    assert one(events, "MOBILIZE").trigger.text == "moving"
    events = code(nlp, "The militia moved heavy artillery to the hills above the port.")
    assert one(events, "MOBILIZE").trigger.text == "moved"


def test_a_meeting_moved_elsewhere_is_no_deployment(nlp: Any) -> None:
    events = code(nlp, "The organisers moved the conference to a hotel near the airport.")
    assert not [e for e in events if e.type == "MOBILIZE"], [(e.type, e.trigger.text) for e in events]


def test_talks_told_as_when_a_deal_was_reached_were_held_by_its_parties(nlp: Any) -> None:
    events = code(nlp, "Arcadia and Borduria agreed to reopen the border after three days of talks in the capital.")
    talks = one(events, "CONSULT")
    assert talks.actor is not None and {m.country for m in talks.actor.members} == {"ARC", "BOR"}, talks.actor


def test_talks_told_beside_an_attack_are_not_the_attackers(nlp: Any) -> None:
    # contrast: an act of force after talks says nothing of who held them
    events = code(nlp, "The Bordurian army shelled the camp after the talks on the border.")
    talks = [e for e in events if e.type == "CONSULT"]
    assert not talks or talks[0].actor is None or talks[0].actor.country != "BOR", talks[0].actor


def test_forces_deployed_with_no_sender_named_are_the_deployment_s_actor(nlp: Any) -> None:
    events = code(nlp, "The Bordurian army had been sent to new positions around the dam.")
    sent = one(events, "MOBILIZE")
    assert country(sent.actor) == "BOR" and sent.recipient is None, (sent.actor, sent.recipient)


def test_forces_sent_by_a_named_sender_stay_what_is_sent(nlp: Any) -> None:
    # contrast: with a sender named, the sender is the actor
    events = code(nlp, "The Bordurian army was sent to the dam by the junta.")
    sent = one(events, "MOBILIZE")
    assert sent.actor is not None and sent.actor.sector == "GOV", sent.actor
