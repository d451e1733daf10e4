"""Acts that belong to another event or to none: a threat's act, a hoped-for outcome, hedged speculation.

Sentences are ours; the fake actor dictionary and the `code` helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one


def types(events: list[Any]) -> list[str]:
    return sorted(e.type for e in events)


def test_the_act_a_threat_threatens_is_the_threat_not_a_second_event(nlp: Any) -> None:
    events = code(nlp, "The Arcadian president warned that his forces would strike the rebels if they attacked again.")
    assert types(events) == ["THREATEN"]
    assert one(events, "THREATEN").mode == "violence"
    events = code(nlp, "Borduria threatened to bomb the rebel camps.")
    assert types(events) == ["THREATEN"]


def test_an_act_after_a_threat_in_its_own_right_stays(nlp: Any) -> None:
    events = code(nlp, "Arcadia warned the rebels on Monday and shelled their camps on Tuesday.")
    assert "THREATEN" in types(events) and "ASSAULT" in types(events)


def test_an_outcome_someone_hopes_for_is_not_an_event(nlp: Any) -> None:
    events = code(nlp, "The Arcadian envoy said he hoped the accord would help end the fighting in the valley.")
    assert "CONCEDE" not in types(events) and "ASSAULT" not in types(events)
    assert types(code(nlp, "Borduria hoped the truce would be respected.")) == []


def test_a_hedged_consequence_with_no_party_is_not_an_event(nlp: Any) -> None:
    events = code(nlp, "Aid groups said that more fighting in the valley could cause a humanitarian catastrophe.")
    assert "ASSAULT" not in types(events)


def test_a_hedged_act_with_a_party_stays_with_its_stance(nlp: Any) -> None:
    events = code(nlp, "Arcadia said its army might launch an offensive against the rebels.")
    assault = one(events, "ASSAULT")
    assert assault.stance == "threatened"


def test_the_act_a_request_asks_for_is_the_request_not_a_second_event(nlp: Any) -> None:
    events = code(nlp, "The Arcadian envoy urged Borduria to withdraw its troops from the valley.")
    assert types(events) == ["REQUEST"]
    events = code(nlp, "The envoy called on both sides to respect the truce.")
    assert "RETREAT" not in types(events) and "REQUEST" in types(events)
