"""Who answers for an act: "X denied responsibility for the attack", "X said it was not behind the strike", "X had
nothing to do with the killing" are X's denials of its own act, coded on the act (as "X denied firing" is), and
"officials said the rebels were behind the attack" names the act's doer as the officials tell it. Sentences written
for these tests, run through the whole per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event


def attacks(text: str) -> list[Event]:
    return [e for e in pipeline_events(text, "2024-03-05") if e.type == "ASSAULT"]


def test_denying_responsibility_is_the_doers_denial_of_the_act() -> None:
    events = pipeline_events("The rebels denied responsibility for the attack on the market on Monday.", "2024-03-05")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.stance == "denied"
    assert attack.actor is not None and attack.actor.sector == "REB"
    assert not [e for e in events if e.type == "REJECT"]  # the denial is told on the act, not as a row of its own


def test_saying_it_was_not_behind_an_act_denies_it() -> None:
    for text in (
        "The army said it was not responsible for the blast at the checkpoint on Monday.",
        "The army said it was not behind the strike on the hospital on Monday.",
    ):
        (act,) = attacks(text)
        assert act.stance == "denied", text
        assert act.actor is not None and act.actor.sector == "MIL", text


def test_being_behind_an_act_names_its_doer_as_the_teller_says() -> None:
    (attack,) = attacks("Officials said the rebels were behind the attack on the convoy on Monday.")
    assert attack.stance == "claimed"
    assert attack.actor is not None and attack.actor.sector == "REB"


def test_the_one_blamed_is_the_doer_of_the_act_the_blame_is_for() -> None:
    events = pipeline_events("The monitor blamed Russian warplanes for the raid near the town on Monday.", "2024-03-05")
    (raid,) = [e for e in events if e.type == "ASSAULT"]
    assert raid.actor is not None and (raid.actor.country, raid.actor.sector) == ("RUS", "MIL")
    assert raid.stance == "claimed"
    (blame,) = [e for e in events if e.type == "ACCUSE"]
    assert ("alleges", raid.index) in blame.links


def test_a_blame_joined_to_a_toll_is_the_tellers_and_names_the_acts_doer() -> None:
    # the parser hangs "blamed" on "died": those who died blame no one; the monitor does, and names the doer
    events = pipeline_events(
        "The monitor said 31 civilians died in the market strike on Monday and blamed government aircraft.",
        "2024-03-05",
    )
    (blame,) = [e for e in events if e.type == "ACCUSE"]
    assert blame.actor is None or blame.actor.sector != "CVL"
    (strike,) = [e for e in events if e.type == "ASSAULT"]
    assert strike.actor is not None and strike.actor.sector == "MIL"
    assert strike.killed is not None and strike.killed.value == 31


def test_a_statement_joined_to_a_progressive_told_inside_the_report_is_the_tellers() -> None:
    events = pipeline_events(
        "Ankara said it had told Moscow in advance where its troops were moving and accused Damascus of breaking "
        "the deal.",
        "2024-03-05",
    )
    (accused,) = [e for e in events if e.type == "ACCUSE"]
    assert accused.actor is not None and (accused.actor.country, accused.actor.sector) == ("TUR", "GOV")
    assert accused.recipient is not None and accused.recipient.country == "SYR"
    (moving,) = [e for e in events if e.type == "MOBILIZE"]
    assert moving.recipient is None  # the accused is no target of the troops' move


def test_an_accusation_of_an_act_told_before_alleges_that_act() -> None:
    events = pipeline_events(
        "An air strike on a camp near El Fasher killed at least 20 people on Tuesday, activists said. The RSF "
        "accused the army of carrying out the strike with a warplane.",
        "2024-03-06",
    )
    (strike,) = [e for e in events if e.type == "ASSAULT"]
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert ("alleges", strike.index) in accusation.links


def test_both_sides_of_one_countrys_war_are_the_last_hostile_pair() -> None:
    events = pipeline_events(
        "The RSF accused the army of carrying out the strike on Tuesday. The United Nations urged both sides to "
        "return to talks in Jeddah.",
        "2024-03-06",
    )
    (urged,) = [e for e in events if e.type == "REQUEST"]
    assert urged.recipient is not None and len(urged.recipient.members) == 2
    assert {m.country for m in urged.recipient.members} == {"SDN"}


def test_confirming_a_report_makes_its_content_the_confirmers_claim() -> None:
    events = pipeline_events(
        "The minister also confirmed an earlier report that government forces had shelled a Turkish post on Monday.",
        "2024-03-06",
    )
    (shelled,) = [e for e in events if e.type == "ASSAULT"]
    assert shelled.stance == "claimed"
