"""More shapes of conflict reporting met on reports nobody here had coded (Lebanon, eastern Congo, Kashmir,
Colombia): what a text grants, what people fled, how a group lives, plots and plans, descriptions of a named party,
tolls of a period, victims who died later, the statement a reaction is to. Sentences are ours, run through the
whole per-report pipeline (packaged dictionaries and event model)."""

from __future__ import annotations

from test_events import pipeline_events


def _rows(text: str, day: str = "2024-08-05") -> list[tuple[str, str, str]]:
    return [(e.type, e.trigger.text, e.stance) for e in pipeline_events(text, day)]


def test_what_a_text_gives_a_party_in_a_second_verb_is_a_term_not_an_ultimatum() -> None:
    rows = _rows(
        "The accord, brokered by Qatar and Egypt, requires the militia to move its fighters behind the river and "
        "gives the army 45 days to leave the valley.",
        "2024-11-27",
    )
    assert [r[0] for r in rows] == ["CONSULT"], rows  # the brokering, no ultimatum
    # a party giving the time is its ultimatum
    assert [r[0] for r in _rows("The army gave the rebels 30 days to leave the valley.")] == ["THREATEN"]


def test_what_people_fled_is_named_not_told() -> None:
    assert _rows("Hundreds of families who fled the shelling crossed into the next province on Tuesday.") == []
    assert _rows("Villagers escaping from the air strikes hid in caves.") == []
    # the doer named keeps the act a row
    rows = _rows("Hundreds of families fled the army's shelling of the valley.")
    assert [r[0] for r in rows] == ["ASSAULT"], rows


def test_acts_a_group_lives_by_are_no_happening() -> None:
    assert _rows("The militia pays its fighters through extortion, kidnapping and smuggling.") == []
    # a past act done through another keeps its row
    assert [r[0] for r in _rows("The army took the hill through heavy shelling on Monday.")] == ["ASSAULT"]


def test_a_plot_or_a_foiled_plan_is_an_aim() -> None:
    assert _rows("Investigators said they had uncovered a plot by militants to assassinate the governor.") == []
    assert _rows("The police foiled a plan to blow up the railway station.") == []
    # an attempt foiled was still made
    assert [r[0] for r in _rows("Guards thwarted an attempt to storm the prison on Sunday.")] == ["ASSAULT"]


def test_a_plan_announced_is_its_makers_plan() -> None:
    events = pipeline_events("The rebels announced a plan to free 15 prisoners on Saturday.", "2024-08-05")
    (freed,) = events
    assert freed.type == "RETREAT" and freed.stance == "planned"
    assert freed.actor is not None and freed.actor.sector == "REB", freed.actor
    events = pipeline_events("Russia announced its decision to pull troops out of the region.", "2024-08-05")
    (pulled,) = events
    assert pulled.stance == "planned" and pulled.actor is not None and pulled.actor.code == "RUSGOV"
    (none,) = pipeline_events("The rebels have no plans to attack the capital.", "2024-08-05")
    assert none.stance == "negated"


def test_a_description_of_a_named_party_is_of_that_party() -> None:
    events = pipeline_events(
        "Nabih Berri, the speaker who negotiated for the group, asked displaced people to go home.", "2024-11-27"
    )
    negotiated = next(e for e in events if e.type == "CONSULT")
    assert negotiated.actor is not None and negotiated.actor.name == "Nabih Berri", negotiated.actor
    # a relative clause the parser hung on the verb is still of the noun before it
    events = pipeline_events(
        "Congo accuses Rwanda of backing the M23 rebels, who have seized large parts of North Kivu province.",
        "2024-08-05",
    )
    taken = next(e for e in events if e.type == "ASSAULT")
    assert taken.actor is not None and taken.actor.code == "CODREBM23", taken.actor


def test_a_toll_over_a_period_named_before_is_no_attack() -> None:
    assert _rows("Pakistan says Indian fire killed 19 villagers over the same period.") == []
    assert _rows("Rebel attacks killed 40 soldiers during that period, the army said.") == []


def test_victims_who_died_later_count_with_the_act() -> None:
    events = pipeline_events(
        "Three farmers were shot dead as gunmen raided the village, and a fourth died later in hospital.",
        "2024-08-05",
    )
    assert [e.killed.value for e in events if e.killed is not None] == [4]
    events = pipeline_events("A drone strike killed five people, and two more died of their wounds.", "2024-08-05")
    assert [e.killed.value for e in events if e.killed is not None] == [7]
    # victims of a separate act are not added
    events = pipeline_events(
        "Two men were shot dead in the market, and two more were killed in a separate attack.", "2024-08-05"
    )
    assert 4 not in [e.killed.value for e in events if e.killed is not None]


def test_a_victim_told_after_others_in_a_clause_of_its_own_is_of_the_same_act() -> None:
    events = pipeline_events("Four police officers were killed in the ambush and another was wounded.", "2024-08-05")
    (ambush,) = events
    assert ambush.killed is not None and ambush.killed.value == 4
    assert ambush.injured is not None and ambush.injured.value == 1


def test_a_pronoun_after_a_dateline_is_the_parties_named_after_it() -> None:
    text = (
        "India and Pakistan agree to hold fire in Kashmir\n\n"
        "NEW DELHI, Feb 25 - India and Pakistan said on Thursday they had agreed to strictly observe the truce "
        "along the frontier from midnight, in a joint statement by their armies.\n"
    )
    agreed = next(e for e in pipeline_events(text, "2021-02-25") if e.type == "AGREE")
    assert agreed.actor is not None and {m.country for m in agreed.actor.members} == {"IND", "PAK"}, agreed.actor


def test_the_statement_welcomed_is_the_one_the_report_told_of() -> None:
    text = (
        "ISLAMABAD, Feb 25 - India and Pakistan said on Thursday they had agreed to stop firing across the frontier, "
        "in a joint statement by their armies.\n\n"
        "Pakistan's army said Indian troops shot dead a farmer near Kotli last week.\n\n"
        "Washington welcomed the statement."
    )
    welcomed = next(e for e in pipeline_events(text, "2021-02-25") if e.type == "SUPPORT")
    assert welcomed.recipient is not None and {m.country for m in welcomed.recipient.members} == {"IND", "PAK"}


def test_a_border_named_by_a_neighbour_is_not_the_country_attacked() -> None:
    text = (  # a town the gazetteer does not know, so only the border's word names a country
        "Congo and Rwanda agree truce\n\nLUANDA, Aug 5 - Congo and Rwanda have agreed to a ceasefire in eastern "
        "Congo, Angola said on Monday.\n\n"
        "On Sunday, M23 fighters captured the town of Ishasha on the Ugandan border, residents said.\n"
    )
    events = pipeline_events(text, "2024-08-05")
    taken = next(e for e in events if e.type == "ASSAULT")
    assert taken.actor is not None and taken.actor.code == "CODREBM23"
    assert taken.recipient is None or taken.recipient.country != "UGA", taken.recipient


def test_a_years_toll_and_a_toll_of_the_hostilities_are_no_attack() -> None:
    assert _rows("Fighting in 2014 and 2015 killed thousands of civilians, according to the UN.", "2020-10-23") == []
    assert _rows("Medics said 90 people had been killed during the hostilities.", "2021-05-21") == []
    # a day's fighting that killed people is one happening
    rows = _rows("Fighting near the airport killed 12 fighters on Tuesday.", "2020-10-23")
    assert [r[0] for r in rows] == ["ASSAULT"], rows


def test_who_backs_whom_told_in_the_present_passive_is_a_relation() -> None:
    assert _rows("The militia is backed by Iran and Syria.", "2020-10-23") == []
    # backed in the past, an act with its day, stays
    rows = _rows("The offensive was backed by Russian warplanes on Monday.", "2020-10-23")
    assert rows, rows


def test_one_countrys_warring_sides_are_that_country_and_talks_hosted_by_a_body_are_no_recipient() -> None:
    events = pipeline_events(
        "Yemen's two main warring parties signed a truce on Friday at talks hosted by the United Nations.", "2020-10-23"
    )
    (signed,) = events
    assert signed.actor is not None and signed.actor.country == "YEM", signed.actor
    assert signed.recipient is None, signed.recipient


def test_acts_refrained_from_are_not_done() -> None:
    assert _rows("Israel said it had refrained from further strikes on Iran after the call.", "2025-06-24") == []
    assert _rows("The rebels have refrained from shelling the city since Sunday.", "2025-06-24") == []


def test_a_claim_rejected_in_its_own_sentence_answers_its_teller_there() -> None:
    text = (
        "Ukraine's navy said it had sunk a Russian patrol boat near the island.\n\n"
        "Last month Russia's defence minister said Ukraine had mined its own harbours, a claim Kyiv rejected.\n"
    )
    rejected = next(e for e in pipeline_events(text, "2022-07-23") if e.type == "REJECT")
    assert rejected.recipient is not None and rejected.recipient.country == "RUS", rejected.recipient


def test_a_past_act_counted_from_no_day_before_it_is_not_dated_after_its_report() -> None:
    (shelled,) = pipeline_events("Two days later, rebels shelled the town, killing three people.", "2024-08-05")
    assert shelled.date == "2024-08-05" and shelled.date_from_publication, (shelled.date, shelled.date_precision)
    (attacked,) = pipeline_events("The next day, gunmen attacked a police post.", "2024-08-05")
    assert attacked.date is not None and attacked.date <= "2024-08-05", attacked.date
    # counted from a day the report gives, it is that day's
    events = pipeline_events("Rebels attacked the town on Monday. Two days later, they shelled it again.", "2024-08-09")
    assert [e.date for e in events] == ["2024-08-05", "2024-08-07"]


def test_a_persons_name_or_a_church_is_no_place() -> None:
    from truceline.model import RawDocument
    from truceline.pipeline import Pipeline

    text = (
        "Colombian President Gustavo Petro met the guerrillas' envoys in Havana. A rebel attack in March prompted "
        "Petro to suspend the talks. Egyptian President Abdel Fattah al-Sisi offered to host the next round, and the "
        "Catholic Church will help monitor the truce."
    )
    raw = RawDocument(id="petro", kind="text", content="Report\n\n" + text, origin="t", published="2023-08-03")
    analysis = next(iter(Pipeline().run([raw]))).analysis
    assert analysis is not None
    assert [p.text for p in analysis.places] == ["Havana"], [(p.text, p.name) for p in analysis.places]


def test_the_dateline_city_is_no_party_to_what_the_lead_tells() -> None:
    (agreed,) = [
        e
        for e in pipeline_events(
            "PARIS, Dec 10 - The leaders of Ukraine and Russia agreed at their first talks on Monday to swap all "
            "remaining prisoners by the end of the year.",
            "2019-12-10",
        )
        if e.type == "AGREE"
    ]
    assert agreed.recipient is None or agreed.recipient.country != "FRA", agreed.recipient


def test_kiev_is_a_spelling_of_kyiv() -> None:
    events = pipeline_events(
        "Separatist leaders in Donetsk accused Kiev of violating the truce last September, a charge Ukraine denied.",
        "2019-12-10",
    )
    accused = next(e for e in events if e.type == "ACCUSE")
    assert accused.recipient is not None and accused.recipient.code == "UKRGOV", accused.recipient


def test_the_sides_after_a_pair_are_that_pair() -> None:
    text = (
        "Armenia and Azerbaijan traded fire along the border on Monday.\n\n"
        "The sides agreed on Tuesday to withdraw their troops from the border."
    )
    agreed = next(e for e in pipeline_events(text, "2021-05-20") if e.type == "AGREE")
    assert agreed.actor is not None and {m.country for m in agreed.actor.members} == {"ARM", "AZE"}, agreed.actor


def test_what_hits_a_mine_is_struck_not_striking_nor_deployed() -> None:
    events = pipeline_events(
        "A soldier was killed and another wounded when their patrol hit a roadside bomb.", "2024-08-05"
    )
    assert [(e.type, e.trigger.text) for e in events] == [("ASSAULT", "hit")], events
    (struck,) = pipeline_events("An army convoy hit a landmine near the border, killing two soldiers.", "2024-08-05")
    assert struck.actor is None and struck.recipient is not None and struck.recipient.sector == "MIL"
    # a side that hits others with a bomb is the doer
    (bombed,) = pipeline_events("Rebels hit the convoy with a roadside bomb.", "2024-08-05")
    assert bombed.actor is not None and bombed.actor.sector == "REB"


def test_a_teacher_or_a_school_is_named_as_what_it_is() -> None:
    (struck,) = pipeline_events("A teacher was killed when a shell struck his home in Taiz.", "2024-08-05")
    assert struck.recipient is not None and struck.recipient.sector == "EDU", struck.recipient
    assert "teacher" in (struck.recipient.name or ""), struck.recipient.name
    (hit,) = pipeline_events("An airstrike hit a school in Khan Younis on Monday.", "2024-08-05")
    assert hit.recipient is not None and "student" not in (hit.recipient.name or ""), hit.recipient.name


def test_talks_that_are_to_begin_are_planned_for_the_day_ahead() -> None:
    (talks,) = pipeline_events(
        "Talks on the region's future are to begin in the town of Yevlakh on Thursday.", "2023-09-20"
    )
    assert talks.stance == "planned" and talks.date == "2023-09-21", (talks.stance, talks.date)
