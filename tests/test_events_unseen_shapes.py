"""Shapes of conflict reporting met on reports nobody here had coded: claims of an attack by name, bombings by
groups with no aircraft, drones as what they are, names of parties as their country's, the aim of an extension.
Sentences are ours, run through the whole per-report pipeline (packaged dictionaries and event model)."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.actors.names import display_name


def test_a_group_that_claims_an_attack_by_name_is_its_doer() -> None:
    events = pipeline_events("The Islamic State group claimed the attack on a church in the Sinai.", "2022-10-20")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.code == "IMGISL", attack.actor
    # no one owning up names no doer
    events = pipeline_events("No group has claimed the attack on the church.", "2022-10-20")
    assert all(e.actor is None for e in events if e.type == "ASSAULT")


def test_a_bombing_by_a_group_with_no_aircraft_is_made_with_explosives() -> None:
    events = pipeline_events("Al Shabaab said it carried out the bombing.", "2022-10-20")
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "explosives")]
    # a state's forces bombing from the air stay an air raid
    events = pipeline_events("Saudi-led warplanes bombed a wedding party in Hajjah.", "2022-10-20")
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "aerial")]


def test_drones_are_named_as_drones_and_parties_given_a_country_as_its() -> None:
    events = pipeline_events(
        "Russia's defence ministry said its air defences had shot down 15 Ukrainian drones over Belgorod.", "2022-10-20"
    )
    downed = next(e for e in events if e.type == "ASSAULT")
    assert downed.recipient is not None and downed.recipient.name == "Ukrainian drone"
    events = pipeline_events(
        "The Arakan Army said junta warplanes bombed a village in Rakhine state on Friday.", "2022-10-20"
    )
    raid = next(e for e in events if e.type == "ASSAULT")
    assert raid.actor is not None and raid.actor.code == "MMRMIL" and raid.actor.name == "Burmese warplane"


def test_a_name_already_of_its_country_is_not_named_twice() -> None:
    assert display_name("SAU", "Saudi coalition") == "Saudi coalition"
    assert display_name("SAU", "coalition") == "Saudi coalition"


def test_what_a_truce_is_extended_for_is_its_aim() -> None:
    text = (
        "The junta extended a unilateral ceasefire until the end of the month to help relief efforts after the floods."
    )
    events = pipeline_events(text, "2023-04-01")
    assert [e.type for e in events] == ["AGREE"], [(e.type, e.trigger.text) for e in events]


def test_the_parties_of_a_conflict_report_are_its_sides_not_political_parties() -> None:
    text = "Russia and Ukraine met in Istanbul on Monday. On March 3, the parties signed a framework agreement."
    signed = next(e for e in pipeline_events(text, "2022-10-20") if e.type == "AGREE")
    assert signed.actor is not None and signed.actor.code == "RUSGOV/UKRGOV", signed.actor
    # parties with words of their own are parties
    events = pipeline_events("The parties in parliament rejected the bill.", "2022-10-20")
    assert [e.actor.sector if e.actor else None for e in events] == ["PTY"]


def test_a_warning_and_the_threat_it_words_are_one_row() -> None:
    text = '"If the attacks continue, we will respond with force," the defence minister warned on Wednesday.'
    events = pipeline_events(text, "2022-10-20")
    assert [(e.type, e.mode, e.date) for e in events] == [("THREATEN", "violence", "2022-10-19")], [
        (e.type, e.trigger.text) for e in events
    ]


def test_a_named_armed_groups_own_fighters_are_the_group() -> None:
    events = pipeline_events(
        "Hezbollah said three of its fighters were killed in an Israeli strike on Monday.", "2022-10-20"
    )
    strike = next(e for e in events if e.type == "ASSAULT")
    assert strike.recipient is not None and strike.recipient.code == "LBNREBHEZ", strike.recipient
    assert strike.actor is not None and strike.actor.country == "ISR"


def test_charges_a_named_group_denied_are_its_rejection() -> None:
    text = (
        "Sudan's army and the Rapid Support Forces fought in Khartoum on Friday. The army accused the RSF of looting "
        "homes, charges the paramilitary group denied."
    )
    events = pipeline_events(text, "2023-05-20")
    rejections = [e for e in events if e.type == "REJECT"]
    assert len(rejections) == 1 and rejections[0].actor is not None, [(e.type, e.trigger.text) for e in events]
    assert rejections[0].actor.code == "SDNMILRSF"


def test_a_group_and_its_led_forms_are_told_apart_by_how_they_are_written() -> None:
    from truceline.stages.actors import ActorDictionary

    book = ActorDictionary.load()
    for written, kind in (("Hezbollah", "group"), ("RSF", "group"), ("Houthi-led", "demonym"), ("Turkish", "demonym")):
        found = book.resolve(written, start=0, story_country=None)
        assert found is not None and book.kind_of(found) == kind, (written, found)


def test_blocking_aid_is_a_restriction_whoever_does_it_and_the_breach_it_makes_one_act() -> None:
    text = "The rebels accused the army of breaching the deal by blocking aid trucks from reaching the north."
    events = pipeline_events(text, "2023-11-26")
    assert sorted(e.type for e in events) == ["ACCUSE", "COERCE"], [(e.type, e.trigger.text) for e in events]
    blocked = next(e for e in events if e.type == "COERCE")
    assert blocked.mode == "restrict" and blocked.stance == "claimed"
    # protesters blocking a road still protest
    events = pipeline_events("Protesters blocked the main road to the airport on Monday.", "2023-11-26")
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "obstruct")]


def test_an_act_over_every_one_of_a_kind_is_a_rule_not_a_happening() -> None:
    events = pipeline_events(
        "Under the deal, the government will release three prisoners for every hostage freed.", "2023-11-26"
    )
    assert [e.trigger.text for e in events] == ["release"], [(e.type, e.trigger.text) for e in events]
    # "each side" still acts
    events = pipeline_events("Each side accused the other of violating the truce.", "2023-11-26")
    assert [e.type for e in events] == ["ACCUSE"]


def test_working_to_extend_a_pause_beyond_a_day_is_a_plan_for_the_day_ahead() -> None:
    events = pipeline_events("The mediators were working to extend the pause beyond Monday.", "2023-11-26")
    assert [(e.type, e.stance, e.date) for e in events] == [("AGREE", "planned", "2023-11-27")]


def test_killed_and_injured_told_together_are_one_act_with_both_figures() -> None:
    for text in (
        "Two civilians were killed and seven injured in Kherson on Saturday.",
        "Two civilians were killed and seven were injured in Kherson on Saturday.",
    ):
        events = pipeline_events(text, "2025-04-20")
        assert [(e.type, e.killed and e.killed.value, e.injured and e.injured.value) for e in events] == [
            ("ASSAULT", 2, 7)
        ], text
        assert events[0].date == "2025-04-19" and events[0].place is not None


def test_a_wars_toll_told_on_a_word_inside_its_phrase_is_no_attack() -> None:
    text = "The clashes were the deadliest since the war in the autumn of 2020, which killed more than 6,500 people."
    events = pipeline_events(text, "2022-09-13")
    assert not [e for e in events if e.killed is not None], [(e.type, e.trigger.text, e.killed) for e in events]


def test_the_place_of_a_charge_is_not_where_the_blame_was_laid() -> None:
    text = (
        "Azerbaijan's defence ministry blamed Armenia for what it called provocations near the Lachin district on "
        "Tuesday."
    )
    (blamed,) = [e for e in pipeline_events(text, "2022-09-13") if e.type == "ACCUSE"]
    assert blamed.recipient is not None and blamed.recipient.country == "ARM"
    assert blamed.place is None, blamed.place


def test_a_place_written_inside_an_organisations_name_is_no_place() -> None:
    from truceline.model import RawDocument
    from truceline.pipeline import Pipeline

    text = (
        "The two sides will swap 800 prisoners under a deal brokered by the International Committee of the Red Cross. "
        "Fighting continued near Marib."
    )
    raw = RawDocument(id="red-cross", kind="text", content="Report\n\n" + text, origin="t", published="2023-04-13")
    analysis = next(iter(Pipeline().run([raw]))).analysis
    assert analysis is not None
    assert [p.text for p in analysis.places if p.resolved] == ["Marib"], [p.text for p in analysis.places]


def test_an_act_told_as_weeks_before_another_is_in_that_week_and_no_part_of_a_charge() -> None:
    text = (
        "The rebels on Thursday accused the army of shelling three villages, a week after the two sides agreed to a "
        "permanent cessation of hostilities."
    )
    agreed = next(e for e in pipeline_events(text, "2022-11-10") if e.type == "AGREE")
    assert (agreed.date, agreed.date_precision) == ("2022-W44", "week")  # the week of 2022-11-03
    assert agreed.stance == "asserted" and agreed.claimed_by is None  # the writer tells it, not the accusers
    events = pipeline_events(
        "Fighting resumed on Thursday, two weeks after the two sides agreed to a truce.", "2022-11-10"
    )
    assert [(e.date, e.date_precision) for e in events if e.type == "AGREE"] == [("2022-W43", "week")]
