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


def test_a_war_told_in_the_perfect_of_a_relative_clause_is_who_they_are() -> None:
    rows = pipeline_events(
        "The Rapid Support Forces, which have fought the army since mid-April, said army aircraft had bombed its "
        "positions on Monday.",
        DAY,
    )
    assert [e.trigger.text for e in rows if e.type == "ASSAULT"] == ["bombed"], [(e.type, e.trigger.text) for e in rows]
    # contrast: a fight told in the pluperfect is a past act, and a main clause's perfect is the war's own row
    rows = pipeline_events("The rebels, who had fought the army for a week, surrendered on Monday.", DAY)
    assert "fought" in [e.trigger.text for e in rows], [(e.type, e.trigger.text) for e in rows]


def test_what_a_refusal_refuses_is_no_agreement() -> None:
    rows = pipeline_events("The rebels refused to sign the truce.", DAY)
    assert [(e.type, e.mode) for e in rows] == [("REJECT", "ceasefire_rejected")], [(e.type, e.mode) for e in rows]
    rows = pipeline_events("The Houthis accused the government of refusing to accept passports issued in Sanaa.", DAY)
    assert "AGREE" not in [e.type for e in rows], [(e.type, e.trigger.text) for e in rows]


def test_nationality_words_on_a_thing_are_not_the_pair_the_parties_means() -> None:
    rows = pipeline_events(
        "The deal allows two flights a week between Sanaa and the Jordanian and Egyptian capitals. The parties are "
        "also to meet on reopening roads in Taiz.",
        DAY,
    )
    (meet,) = [e for e in rows if e.type == "CONSULT"]
    assert meet.actor is None or {m.country for m in meet.actor.members} != {"JOR", "EGY"}, meet.actor
    # contrast: a pair named with its head noun is the pair "the two sides" means
    rows = pipeline_events("Armenian and Azerbaijani forces clashed overnight. The two sides agreed to talks.", DAY)
    (talks,) = [e for e in rows if e.type == "AGREE"]
    assert talks.actor is not None and {m.country for m in talks.actor.members} == {"ARM", "AZE"}, talks.actor


def test_violations_a_speaker_counts_are_the_speakers_accusation() -> None:
    rows = pipeline_events("Berri said Israel had committed more than 50 violations since Wednesday.", DAY)
    (charge,) = rows
    assert charge.type == "ACCUSE", (charge.type, charge.trigger.text)
    assert charge.recipient is not None and charge.recipient.country == "ISR", charge.recipient
    # ... and an act committed is done, not planned
    (act,) = pipeline_events("Government troops committed a massacre in the village on Sunday.", DAY)
    assert act.stance == "asserted" and act.actor is not None and act.actor.sector == "MIL", (act.stance, act.actor)


def test_who_fight_for_a_side_is_who_they_are_and_views_that_clash_do_not_fight() -> None:
    rows = pipeline_events(
        "About 20,000 foreign fighters are in Libya, including Russians from the Wagner group who fight for the LNA.",
        DAY,
    )
    assert [e.type for e in rows] == [], [(e.type, e.trigger.text) for e in rows]
    rows = pipeline_events("That position appears to clash with the Geneva text.", DAY)
    assert [e.type for e in rows] == [], [(e.type, e.trigger.text) for e in rows]
    # contrast: people who clash fight
    rows = pipeline_events("Protesters clashed with police in the capital on Sunday.", DAY)
    assert [e.type for e in rows] == ["ASSAULT"], [(e.type, e.trigger.text) for e in rows]


def test_what_a_deal_allows_or_sets_as_a_deadline_is_its_term() -> None:
    assert _types("The pause can be renewed with the consent of both sides.") == []
    assert _types("Under the deal, Israeli troops have until late January to leave southern Lebanon.") == []
    # contrast: a party's ultimatum is its threat
    assert _types("The army gave the rebels until Friday to leave the town.") == ["THREATEN"]


def test_what_has_yet_to_happen_has_not_happened() -> None:
    for text in ("The rebels have yet to release the hostages.", "The rebels are yet to release the hostages."):
        (act,) = pipeline_events(text, DAY)
        assert act.stance == "negated", (text, act.stance)
    # no duty is laid by "has yet to"
    assert _types("The joint monitoring mechanism has yet to publish any findings.") == []
    # contrast: "has to" lays one
    assert "REQUEST" in _types("The army has to withdraw from the town, the envoy said.")


def test_a_commitment_to_a_truce_is_an_agreement() -> None:
    assert _types("The rebels committed to a ceasefire on Sunday.") == ["AGREE"]
    rows = pipeline_events("A spokesman said the eastern forces were committed to the truce.", DAY)
    assert [e.type for e in rows] == ["AGREE"], [(e.type, e.trigger.text) for e in rows]
    # contrast: committed to something else is no agreement
    assert "AGREE" not in _types("The army said it was committed to rebuilding the bridge.")


def test_according_to_names_no_accord() -> None:
    # "according" is read by its lemma as "accord", a word that makes "struck" strike a deal
    rows = pipeline_events(
        "Warplanes struck farm buildings sheltering displaced families in the province on Tuesday, killing at least "
        "12 people according to local rescuers.",
        DAY,
    )
    assert [e.type for e in rows] == ["ASSAULT"], [(e.type, e.trigger.text) for e in rows]
    # contrast: a deal struck is an agreement
    assert _types("The two leaders struck a deal on Tuesday.") == ["AGREE"]
