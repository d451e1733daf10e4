"""A third set of wire-copy shapes that gave a wrong doer, day, stance or row: the day a report was filed, the
subject of a relative clause, a group described rather than named, a halt in one's own attacks, a text's terms, a
duty still owed, "neither side", the toll of a stretch of fighting, a verb joined to a gerund. Sentences written for
these tests, run through the whole per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event
from truceline.nlp import load_nlp


def of_type(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def test_an_undated_act_takes_the_day_the_copy_was_filed() -> None:
    # the page is dated the day after the dateline: what the report tells without a time was by the dateline's day
    events = pipeline_events(
        "PORT SUDAN, Sept 1 (Wire) - Drones struck a fuel depot in Port Sudan on Monday, the army said. The "
        "paramilitary Rapid Support Forces denied any role in a statement.",
        "2025-09-02",
    )
    (denial,) = of_type(events, "REJECT")
    assert denial.date == "2025-09-01" and denial.date_precision == "reported by"
    (struck,) = of_type(events, "ASSAULT")
    assert struck.date == "2025-09-01"  # its own Monday, as before


def test_a_page_dated_long_after_its_dateline_keeps_the_page_date() -> None:
    events = pipeline_events(
        "GOMA, March 3 (Wire) - The rebels denied any role in a statement.",
        "2025-03-20",
    )
    (denial,) = of_type(events, "REJECT")
    assert denial.date == "2025-03-20"  # a dateline weeks old is no filing day of this page


def test_the_subject_of_a_relative_clause_is_the_noun_it_follows() -> None:
    events = pipeline_events(
        "The M23 rebels, who seized the city of Bukavu in February, were not party to the deal.", "2025-06-28"
    )
    (seized,) = of_type(events, "ASSAULT")
    assert seized.actor is not None and seized.actor.name == "M23"
    events = pipeline_events("Russian troops, who attacked the village in January, are still there.", "2025-06-28")
    (attacked,) = of_type(events, "ASSAULT")
    assert attacked.actor is not None and attacked.actor.country == "RUS"


def test_a_group_described_not_named_is_the_group_named_before() -> None:
    events = pipeline_events(
        "Washington will halt its strikes after the Houthis made a pledge. The Iran-aligned group agreed to stop "
        "attacking American ships, officials said.",
        "2025-05-06",
    )
    (agreed,) = of_type(events, "AGREE")
    assert agreed.actor is not None and agreed.actor.name == "Houthis"
    events = pipeline_events(
        "The M23 rebels were not party to the deal. A spokesman for the rebel alliance said on Saturday the group "
        "would hold separate talks with Kinshasa in Doha.",
        "2025-06-28",
    )
    (talks,) = of_type(events, "CONSULT")
    assert talks.claimed_by is not None and talks.claimed_by.name == "M23"


def test_a_rebel_alliance_with_no_group_named_is_still_rebels() -> None:
    events = pipeline_events("The rebel alliance said it had pulled its fighters out of the town.", "2025-06-28")
    (pulled,) = of_type(events, "RETREAT")
    assert pulled.actor is not None and pulled.actor.sector == "REB"


def test_stopping_ones_own_attacks_is_a_halt_not_an_attack() -> None:
    events = pipeline_events("The United States will stop bombing the Houthis, the Omani minister said.", "2025-05-06")
    assert not of_type(events, "ASSAULT")
    (halt,) = of_type(events, "CONCEDE")
    assert halt.mode == "ceasefire_declared" and halt.stance in ("planned", "claimed")
    assert halt.actor is not None and halt.actor.country == "USA"
    events = pipeline_events("The army suspended its air strikes on the town on Friday.", "2025-05-06")
    assert [(e.type, e.mode) for e in events] == [("CONCEDE", "ceasefire_declared")]
    events = pipeline_events("Donors halted aid to the government on Friday.", "2025-05-06")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "discontinue")]


def test_a_halt_agreed_is_the_agreement_of_a_truce() -> None:
    events = pipeline_events("The rebels agreed on Monday to stop attacking the convoys.", "2025-05-06")
    assert [(e.type, e.mode) for e in events] == [("AGREE", "ceasefire_agreed")]


def test_a_halt_laid_as_a_duty_is_still_a_demand() -> None:
    events = pipeline_events('"The army must stop shelling our villages," the governor said.', "2025-05-06")
    assert [e.type for e in events] == ["REQUEST"]


def test_stopping_work_is_still_a_strike() -> None:
    events = pipeline_events("Thousands of dock workers stopped work on Monday over unpaid wages.", "2025-05-06")
    assert [e.type for e in events] == ["PROTEST"]


def test_a_texts_terms_are_no_request() -> None:
    events = pipeline_events(
        "The accord commits Congo and Rwanda to pull their troops back within 90 days and calls for a joint "
        "security mechanism.",
        "2025-06-28",
    )
    assert not of_type(events, "REQUEST")


def test_an_act_still_owed_is_planned() -> None:
    events = pipeline_events("The peace text still has to be signed and ratified by both parliaments.", "2025-08-09")
    agreements = of_type(events, "AGREE")
    assert agreements and all(e.stance == "planned" for e in agreements)


def test_neither_side_acting_is_negated() -> None:
    events = pipeline_events('"Neither side will target the other," the minister wrote.', "2025-05-06")
    (target,) = of_type(events, "ASSAULT")
    assert target.stance == "negated"


def test_the_toll_of_days_of_fighting_is_no_row() -> None:
    events = pipeline_events(
        "The two countries agreed on Wednesday to a ceasefire after days of fighting along their border killed "
        "dozens of soldiers and civilians, officials said.",
        "2025-10-15",
    )
    assert not of_type(events, "ASSAULT")
    assert of_type(events, "AGREE")


def test_a_past_verb_joined_to_a_gerund_is_the_main_verbs_fellow() -> None:
    doc = load_nlp()(
        "The president accused Israel of violating the truce and called on France to press it to withdraw."
    )
    called = next(t for t in doc if t.text == "called")
    assert called.head.text == "accused"
    events = pipeline_events(
        "The president accused Israel of violating the truce and called on France to press it to withdraw.",
        "2025-11-04",
    )
    (request,) = of_type(events, "REQUEST")
    assert request.actor is not None and request.actor.name != "Israel" and request.stance == "asserted"


def test_a_pause_in_fighting_is_a_truce_and_a_pause_in_talks_is_none() -> None:
    events = pipeline_events("The shadow government announced a two-week pause on Saturday.", "2025-04-02")
    (pause,) = of_type(events, "CONCEDE")
    assert pause.mode == "ceasefire_declared" and pause.date == "2025-03-29"
    events = pipeline_events("Israel agreed on Sunday to a humanitarian pause in Gaza.", "2025-04-02")
    assert [(e.type, e.mode) for e in events] == [("AGREE", "ceasefire_agreed")]
    assert not pipeline_events("The mediators announced a pause in the talks on Friday.", "2025-04-02")


def test_what_a_strike_set_off_is_the_strikes_own_row() -> None:
    events = pipeline_events(
        "Drones struck fuel depots in the port on Monday, setting off fires and cutting electricity to much of the "
        "city, the army said.",
        "2025-09-01",
    )
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_missile_that_landed_is_a_strike_and_a_fired_one_lands_once() -> None:
    events = pipeline_events(
        "Israeli jets struck the airport on Tuesday, a day after a Houthi missile landed near Tel Aviv.", "2025-05-06"
    )
    landed = [e for e in of_type(events, "ASSAULT") if e.trigger.text == "landed"]
    assert len(landed) == 1 and landed[0].actor is not None and landed[0].actor.name == "Houthis"
    assert not [e for e in pipeline_events("The plane landed in Ankara on Friday.", "2025-05-06")]
    events = pipeline_events("A rocket fired from Lebanon landed in an open field, the army said.", "2025-05-06")
    assert len(of_type(events, "ASSAULT")) == 1


def test_where_fire_came_from_is_whose_fighters_not_the_target() -> None:
    events = pipeline_events("Militants fired rockets from Gaza at Sderot on Monday.", "2025-05-06")
    (fired,) = of_type(events, "ASSAULT")
    assert fired.actor is not None and fired.actor.country == "PSE"
    assert fired.recipient is None or fired.recipient.country != "PSE"


def test_an_accusation_joined_to_a_telling_still_holds_its_charge() -> None:
    events = pipeline_events(
        "The UN mission said shelling hit residential districts of the capital, and accused both sides of breaking "
        "the humanitarian pause.",
        "2020-03-25",
    )
    assert [e.type for e in events].count("ACCUSE") == 1
    assert not [e for e in events if e.mode == "ceasefire_violated"]  # the breach is the charge, no row of its own
    (shelling,) = of_type(events, "ASSAULT")
    assert shelling.actor is None or shelling.actor.sector != "IGO"  # the mission tells of the shelling


def test_shelling_that_opens_a_clause_is_its_subject() -> None:
    for text in ("Heavy shelling hit residential districts on Monday.", "Shelling hit a school on Monday."):
        doc = load_nlp()(text)
        shelling = next(t for t in doc if t.lower_ == "shelling")
        assert shelling.dep_ == "nsubj" and shelling.head.text == "hit" and shelling.pos_ == "NOUN"
        (row,) = of_type(pipeline_events(text, "2020-03-25"), "ASSAULT")
        assert row.mode == "shelling"
    (row,) = of_type(
        pipeline_events("He spoke two days after Syrian shelling killed Turkish soldiers near Saraqib.", "2020-02-05"),
        "ASSAULT",
    )
    assert row.recipient is not None and row.recipient.country == "TUR"


def test_fighting_at_a_named_town_told_beside_an_accusation_is_no_part_of_it() -> None:
    events = pipeline_events(
        "The two sides accused each other of violating the ceasefire, as fighting continued around the town of "
        "Debaltseve.",
        "2015-02-16",
    )
    fighting = [e for e in of_type(events, "ASSAULT") if e.trigger.text == "fighting"]
    assert len(fighting) == 1 and fighting[0].stance == "asserted" and fighting[0].claimed_by is None


def test_a_clause_after_the_dateline_told_by_a_closing_speaker_keeps_its_doer() -> None:
    events = pipeline_events(
        "MAIDUGURI, Nigeria, Sept 6 (Wire) - Suspected Boko Haram fighters killed at least 60 people in an attack on "
        "a village in Borno state, a local official said on Saturday.",
        "2025-09-07",
    )
    (attack,) = of_type(events, "ASSAULT")
    assert attack.actor is not None and attack.actor.name == "Boko Haram"


def test_overnight_in_copy_filed_the_day_before_the_page_is_that_night() -> None:
    events = pipeline_events(
        "KYIV, Sept 5 (Wire) - Russia launched 81 drones at Ukraine overnight, the air force said.", "2025-09-06"
    )
    (launched,) = of_type(events, "ASSAULT")
    assert launched.date is not None and launched.date.startswith("2025-09-04")  # the night before the 5th


def test_the_escort_named_in_a_things_phrase_is_the_target_not_the_place() -> None:
    events = pipeline_events(
        "Militants attacked a convoy of fuel tankers escorted by the army in western Mali on Sunday.", "2025-09-16"
    )
    (attack,) = of_type(events, "ASSAULT")
    assert attack.recipient is not None and attack.recipient.sector == "MIL"


def test_a_release_carries_no_dead() -> None:
    events = pipeline_events(
        "Israel said Hamas had returned only four of the bodies of 28 dead hostages it was due to hand over.",
        "2025-10-13",
    )
    returned = of_type(events, "RETREAT")
    assert returned and all(e.killed is None and e.injured is None for e in returned)


def test_what_would_end_an_attack_is_no_act() -> None:
    events = pipeline_events(
        "The minister said the strikes would continue until government forces withdrew from the province.",
        "2025-07-16",
    )
    assert not of_type(events, "RETREAT")


def test_killings_by_a_force_hung_on_the_verb_name_the_force() -> None:
    events = pipeline_events(
        "Residents described killings by Rapid Support Forces fighters in the streets.", "2025-10-27"
    )
    (killings,) = of_type(events, "ASSAULT")
    assert killings.actor is not None and killings.actor.name == "Rapid Support Forces"


def test_a_doer_named_in_its_own_sentence_tells_a_new_act_not_a_toll() -> None:
    events = pipeline_events(
        "The Rapid Support Forces seized the city on Sunday. A doctors' group said RSF gunmen killed 460 people at "
        "the hospital.",
        "2025-10-28",
    )
    seized = [e for e in of_type(events, "ASSAULT") if e.mode == "capture_territory"]
    assert seized and seized[0].killed is None
    killed = [e for e in of_type(events, "ASSAULT") if e.killed is not None]
    assert len(killed) == 1 and killed[0].killed is not None and killed[0].killed.value == 460
    assert killed[0].injured is None  # killed at the hospital, not treated there


def test_a_war_that_has_killed_thousands_is_a_toll() -> None:
    events = pipeline_events(
        "The two sides agreed on Wednesday to a lasting truce, two years after a war broke out that has killed "
        "thousands of people.",
        "2022-11-03",
    )
    assert not of_type(events, "ASSAULT")


def test_whose_make_a_weapon_is_names_no_target() -> None:
    events = pipeline_events(
        "The defence ministry said its forces had destroyed a U.S.-made air defence launcher.", "2024-02-24"
    )
    (destroyed,) = of_type(events, "ASSAULT")
    assert destroyed.recipient is None or destroyed.recipient.country != "USA"


def test_the_army_a_government_speaks_of_is_its_own() -> None:
    events = pipeline_events(
        "Israel pounded the suburbs on Tuesday. Lebanon's prime minister welcomed the ceasefire and said the army "
        "would deploy in the south.",
        "2024-11-27",
    )
    (deploy,) = of_type(events, "MOBILIZE")
    assert deploy.actor is not None and deploy.actor.country == "LBN"


def test_what_a_truce_is_meant_to_allow_is_no_act() -> None:
    events = pipeline_events(
        "The truce was meant to allow the two sides to exchange prisoners and the bodies of the dead.", "2020-10-11"
    )
    assert not of_type(events, "RETREAT")
    events = pipeline_events("Israel agreed to a pause to allow aid to enter the enclave.", "2023-11-20")
    assert [(e.type, e.mode) for e in events] == [("AGREE", "ceasefire_agreed")]


def test_truces_broken_over_and_over_are_no_one_breach() -> None:
    events = pipeline_events(
        "Several previous ceasefires announced since the war began have been violated.", "2023-05-21"
    )
    assert not events


def test_what_talks_are_about_is_no_act() -> None:
    events = pipeline_events(
        "Turkish and Russian officers began talks in Ankara on Tuesday on joint patrols along the highway.",
        "2020-03-10",
    )
    assert [e.type for e in events] == ["CONSULT"]


def test_a_resolve_told_after_a_first_will_is_a_threat() -> None:
    events = pipeline_events(
        '"We will enforce the agreement and respond forcefully to any violation," the prime minister said.',
        "2024-11-27",
    )
    assert [e.type for e in events] == ["THREATEN"]


def test_a_participle_on_the_truce_is_no_second_verb_of_the_accusers() -> None:
    events = pipeline_events(
        "Armenia and Azerbaijan accused each other on Sunday of violating a ceasefire agreed in Moscow a day "
        "earlier, as fighting continued.",
        "2020-10-11",
    )
    (accused,) = of_type(events, "ACCUSE")
    assert accused.place is None  # the truce was agreed in Moscow; the accusing was not done there
    fighting = of_type(events, "ASSAULT")
    assert all(e.claimed_by is None for e in fighting)  # the fighting is the writer's, no part of the charge


def test_a_town_named_after_central_or_besieged_is_the_scene() -> None:
    events = pipeline_events(
        "Israeli jets struck the defence ministry headquarters in central Damascus on Wednesday.", "2025-07-16"
    )
    (struck,) = of_type(events, "ASSAULT")
    assert struck.place is not None and struck.place.name == "Damascus"
    events = pipeline_events("Israeli strikes killed 20 people in besieged Gaza on Monday.", "2024-03-12")
    (strikes,) = of_type(events, "ASSAULT")
    assert strikes.recipient is not None and strikes.recipient.country == "PSE"  # people of the place struck


def test_missiles_launched_in_the_passive_are_a_launch() -> None:
    events = pipeline_events(
        "Two missiles were launched from the north on Tuesday and were intercepted, the army said.", "2025-06-24"
    )
    assert [e.trigger.text for e in of_type(events, "ASSAULT")] == ["launched"]


def test_a_blame_joined_to_a_clause_about_an_act_is_the_tellers() -> None:
    events = pipeline_events(
        "The secretary of state, Mike Pompeo, said there was no evidence the attacks came from Yemen and blamed "
        "Iran directly.",
        "2019-09-17",
    )
    (blamed,) = of_type(events, "ACCUSE")
    assert blamed.actor is not None and blamed.actor.country == "USA"
    assert blamed.recipient is not None and blamed.recipient.country == "IRN"


def test_the_charge_of_a_teller_who_accuses_in_a_second_verb_is_claimed_by_the_teller() -> None:
    events = pipeline_events(
        "Rebels in Idlib said they doubted the truce would last and accused government forces of shelling the town.",
        "2020-01-12",
    )
    (accused,) = of_type(events, "ACCUSE")
    assert accused.actor is not None and accused.actor.sector == "REB"


def test_accepting_by_a_vote_is_on_the_day_of_the_vote() -> None:
    events = pipeline_events(
        "The security cabinet voted unanimously on Thursday to accept an Egyptian proposal for the truce.",
        "2021-05-21",
    )
    (accepted,) = of_type(events, "AGREE")
    assert accepted.date == "2021-05-20"


def test_the_time_of_the_act_answered_is_not_the_answers() -> None:
    events = pipeline_events(
        "Hezbollah, which said it had fired hundreds of rockets at Israel in retaliation for the killing of a "
        "senior commander last month, denied that its operation had been foiled.",
        "2024-08-26",
    )
    fired = [e for e in of_type(events, "ASSAULT") if e.trigger.text == "fired"]
    assert len(fired) == 1 and fired[0].date is not None and not fired[0].date.startswith("2024-07")
    assert fired[0].claimed_by is not None and fired[0].claimed_by.name == "Hezbollah"


def test_what_a_deal_lets_others_do_is_its_provision() -> None:
    events = pipeline_events(
        "Under the deal, fuel ships will be allowed into the port and some flights will resume.", "2022-04-02"
    )
    assert not of_type(events, "RETREAT")
    events = pipeline_events("Under the deal, Israel will release 150 prisoners on Friday.", "2023-11-22")
    (release,) = of_type(events, "RETREAT")
    assert release.stance == "planned"  # a party's own act under it is its plan


def test_what_can_happen_is_no_fact() -> None:
    # what a truce allows, with no one doing it, is its term: no row at all
    assert pipeline_events("The truce can be renewed with the consent of the parties.", "2022-04-02") == []
    # ... and what its sides may do is a possibility, not a fact
    events = pipeline_events("The truce may be extended by the two sides.", "2022-04-02")
    assert events and all(e.stance == "threatened" for e in events)


def test_a_weapon_that_destroyed_a_building_struck_it_with_its_toll() -> None:
    events = pipeline_events(
        "A Russian missile destroyed part of an apartment building in Dnipro on Saturday, killing at least 20 "
        "people and wounding 73, officials said.",
        "2023-01-15",
    )
    (strike,) = of_type(events, "ASSAULT")
    assert strike.killed is not None and strike.killed.value == 20
    assert strike.injured is not None and strike.injured.value == 73
    assert not of_type(events, "COERCE")


def test_people_pulled_out_alive_were_rescued_not_withdrawn() -> None:
    assert not pipeline_events("The governor said 38 people had been pulled out alive from the rubble.", "2023-01-15")
    (pulled,) = of_type(pipeline_events("Russian troops pulled out of the town on Friday.", "2023-01-15"), "RETREAT")
    assert pulled.mode == "withdrawal"


def test_missiles_intercepted_with_an_allys_help_were_the_tellers_interception() -> None:
    events = pipeline_events(
        "The Israeli military said 99 percent of them had been intercepted with the help of the United States.",
        "2024-04-14",
    )
    (intercepted,) = of_type(events, "COERCE")
    assert intercepted.recipient is None or intercepted.recipient.country != "USA"
    assert intercepted.actor is not None and intercepted.actor.country == "ISR"


def test_troops_a_government_speaks_of_are_its_own() -> None:
    events = pipeline_events(
        "Afghanistan's Taliban government said Afghan forces had been told to respect the truce in Kabul and "
        "Kandahar. Pakistani officials said Taliban fighters attacked two border posts, and that troops repulsed the "
        "assault, killing 15 attackers.",
        "2025-10-15",
    )
    repulsed = [e for e in of_type(events, "ASSAULT") if e.trigger.text == "repulsed"]
    assert len(repulsed) == 1 and repulsed[0].actor is not None and repulsed[0].actor.country == "PAK"


def test_people_killed_in_a_country_named_after_in_are_of_it() -> None:
    events = pipeline_events(
        "Israel said it struck southern Lebanon with 100 jets on Sunday, and Hezbollah said it fired rockets at "
        "Israel. Three people were killed in Lebanon, the health ministry said. In Israel, a sailor was killed by "
        "debris from an interceptor missile, the military said.",
        "2024-08-26",
    )
    three = [e for e in of_type(events, "ASSAULT") if e.killed is not None and e.killed.value == 3]
    assert len(three) == 1 and three[0].recipient is not None and three[0].recipient.country == "LBN"


def test_a_deal_an_act_is_done_under_is_no_agreement_row() -> None:
    events = pipeline_events(
        "Israel began freeing nearly 2,000 Palestinian prisoners under a ceasefire deal brokered by the United States.",
        "2025-10-13",
    )
    assert not of_type(events, "AGREE")
    assert [e.type for e in events] == ["RETREAT", "CONSULT"]


def test_fire_exchanged_in_a_second_verb_is_the_first_verbs_subjects() -> None:
    events = pipeline_events(
        "Gunmen then entered the building and exchanged fire with security forces for several hours.", "2025-03-12"
    )
    (fire,) = of_type(events, "ASSAULT")
    assert fire.actor is not None and fire.actor.sector == "REB"
