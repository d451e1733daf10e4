"""Shapes of conflict reporting met on reports nobody here had coded (a fifth batch). Sentences are ours, run
through the whole per-report pipeline (packaged dictionaries and event model)."""

from __future__ import annotations

from test_events import pipeline_events

DAY = "2021-11-10"  # a Wednesday


def _types(text: str, day: str = DAY) -> list[str]:
    return [e.type for e in pipeline_events(text, day)]


def test_an_agreement_a_request_asks_for_is_the_requests() -> None:
    # the envoy asks; no one has agreed to anything
    assert _types("The United States urged both sides to agree to a ceasefire.") == ["REQUEST"]
    assert _types("The envoy asked the rebels to sign the truce on Tuesday.") == ["REQUEST"]
    assert _types("Turkey demanded that Russia accept the deal.") == ["REQUEST"]
    # contrast: an agreement that describes a thing the request is about was made, and is coded
    rows = pipeline_events(
        "The government asked Ankara for help last month under a security accord the two sides signed in November.",
        DAY,
    )
    assert sorted(e.type for e in rows) == ["AGREE", "REQUEST"], [(e.type, e.trigger.text) for e in rows]
    # ... and an agreement reached after a request is the agreeing side's own act
    rows = pipeline_events("The rebels agreed to a ceasefire after the envoy urged them to.", DAY)
    assert sorted(e.type for e in rows) == ["AGREE", "REQUEST"], [(e.type, e.trigger.text) for e in rows]


def test_a_share_in_an_act_disowned_is_a_denial_by_its_would_be_doer() -> None:
    for text, country in (
        ("Hamas said it was not involved in the attack on the checkpoint.", "PSE"),
        ("The Taliban denied any role in the blast at the mosque.", "AFG"),
        ("The Taliban said they played no part in the bombing of the market.", "AFG"),
    ):
        rows = [e for e in pipeline_events(text, DAY) if e.type == "ASSAULT"]
        assert len(rows) == 1, (text, [(e.type, e.stance) for e in rows])
        (act,) = rows
        assert act.stance == "denied", (text, act.stance)
        assert act.actor is not None and act.actor.country == country, (text, act.actor)
        assert act.claimed_by is not None and act.claimed_by.country == country, (text, act.claimed_by)
    # contrast: a share told without a denial makes its subject the doer, as the teller says
    (act,) = [
        e for e in pipeline_events("The army said the militia was involved in the attack.", DAY) if e.type == "ASSAULT"
    ]
    assert act.stance == "claimed", act.stance


def test_each_side_accusing_the_other_is_the_pair_named_before() -> None:
    rows = pipeline_events(
        "Yemen's government and the Houthi movement agreed on Thursday to a ceasefire in Hodeidah. By Tuesday each "
        "side was accusing the other of breaking the agreement.",
        DAY,
    )
    (charge,) = [e for e in rows if e.type == "ACCUSE"]
    assert charge.actor is not None and charge.recipient is not None, charge
    assert {charge.actor.code, charge.recipient.code} == {"YEMGOV", "YEMREBHTH"}, (charge.actor, charge.recipient)
