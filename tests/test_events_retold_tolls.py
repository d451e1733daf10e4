"""Tolls told again after their attack, toll updates, and attack nouns the small parser misreads: sentences written
for these tests, run through the whole per-report pipeline (the packaged dictionaries, gazetteer and event model)."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event
from truceline.quantities import find_quantities


def assaults(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type == "ASSAULT"]


def test_a_toll_told_in_the_next_sentence_is_the_attacks_not_a_second_act() -> None:
    events = pipeline_events(
        "Rebel fighters stormed an army checkpoint near Kidal on Sunday, the army said. "
        "Six soldiers and a driver were among the dead, and eleven others were wounded, according to the army.",
        "2022-05-16",
    )
    (attack,) = assaults(events)  # no row whose actor is the victims
    assert attack.actor is not None and attack.actor.sector == "REB"
    assert attack.injured is not None and attack.injured.value == 11
    assert attack.injured.start > attack.sentence_end  # the figure keeps the sentence it came from


def test_a_toll_of_another_incident_keeps_its_row() -> None:
    events = pipeline_events(
        "Rebel fighters stormed an army checkpoint near Kidal on Sunday, the army said. "
        "In a separate incident, two herders were wounded, the army said.",
        "2022-05-16",
    )
    assert len(assaults(events)) == 2
    assert assaults(events)[0].injured is None


def test_a_toll_that_differs_from_the_attacks_own_keeps_its_row() -> None:
    events = pipeline_events(
        "Rebel fighters stormed an army checkpoint near Kidal on Sunday, killing three soldiers, the army said. "
        "Five soldiers were killed, the army said.",
        "2022-05-16",
    )
    killed = sorted(e.killed.value for e in assaults(events) if e.killed is not None)
    assert killed == [3, 5]


def test_the_number_of_people_killed_in_an_attack_rising_is_a_toll() -> None:
    (toll,) = find_quantities(
        "The number of Kenyan police officers killed in the ambush near Mandera has risen to nine."
    )
    assert (toll.kind, toll.value) == ("killed", 9)
    (hurt,) = find_quantities("The number of children wounded in the blast stands at 14, medics said.")
    assert (hurt.kind, hurt.value) == ("injured", 14)
    # "a number of" is some, not the number: no toll of 12 read from the graves
    assert find_quantities("A number of soldiers killed in the war were buried at 12 sites.") == []


def test_an_attack_noun_the_parser_misreads_after_its_doer_is_that_doers_attack() -> None:
    # the small model takes "Rebel" for the subject of "left" and "shelling" for an auxiliary
    (shelling,) = assaults(pipeline_events("Rebel shelling left two soldiers dead.", "2022-03-12"))
    assert shelling.trigger.text == "shelling"
    assert shelling.actor is not None and shelling.actor.sector == "REB"
    assert shelling.killed is not None and shelling.killed.value == 2


def test_a_nationality_before_a_misread_attack_noun_is_its_doer_not_a_place() -> None:
    # parsed as "in Somali" (a place) with "shelling" a second object of "in"
    (shelling,) = assaults(
        pipeline_events(
            "The number of Kenyan police officers killed in Tuesday's Somali shelling near Mandera has risen to nine.",
            "2022-03-12",
        )
    )
    assert shelling.actor is not None and shelling.actor.country == "SOM"
    assert shelling.killed is not None and shelling.killed.value == 9


def test_a_state_word_on_an_attack_noun_is_its_forces() -> None:
    events = pipeline_events(
        "Syrian government shelling killed four Turkish soldiers near Saraqib on Monday, Ankara said.", "2020-02-04"
    )
    (attack,) = assaults(events)
    assert attack.actor is not None and (attack.actor.country, attack.actor.sector) == ("SYR", "MIL")
    assert attack.recipient is not None and attack.recipient.country == "TUR"


def test_a_ranking_of_the_act_told_is_no_second_act() -> None:
    events = pipeline_events(
        "Militia shelling killed three villagers near Kadugli on Monday, officials said, the deadliest attack in the "
        "region since the truce.",
        "2022-03-08",
    )
    (attack,) = assaults(events)
    assert attack.killed is not None and attack.killed.value == 3


def test_those_among_the_dead_did_not_wound_the_others() -> None:
    events = pipeline_events(
        "Six soldiers and a driver were among the dead, and eleven others were wounded, according to the army.",
        "2022-03-08",
    )
    (toll,) = assaults(events)
    assert toll.actor is None
    assert toll.injured is not None and toll.injured.value == 11


def test_a_region_named_like_a_small_town_abroad_is_the_region() -> None:
    # GeoNames also spells a small German town "Borno"; the Nigerian state is meant
    events = pipeline_events(
        "Fighters attacked a military base in Borno on Monday, killing six soldiers, the army said.", "2022-03-08"
    )
    (attack,) = assaults(events)
    assert attack.place is not None and attack.place.country == "NGA"
    assert attack.recipient is not None and attack.recipient.country == "NGA"


def test_the_country_across_a_border_is_not_the_reports_ground() -> None:
    events = pipeline_events(
        "Rebels seized the hill town of Kivuye near the Rwandan border on Monday after fighting, residents said.",
        "2022-03-08",
    )
    seized = [e for e in assaults(events) if e.trigger.text == "seized"]
    assert seized and all(e.actor is not None and e.actor.country != "RWA" for e in seized)


def test_soldiers_on_patrol_are_no_deployment() -> None:
    events = pipeline_events(
        "A landmine killed three soldiers on patrol near the town of Menaka on Sunday, the army said.", "2022-03-08"
    )
    assert [e.type for e in events] == ["ASSAULT"]


def test_fighting_that_resumes_breaking_a_truce_is_one_violation() -> None:
    events = pipeline_events(
        "Fighting between the army and the rebels resumed in the north on Sunday, breaking a truce that had held "
        "since March.",
        "2022-05-10",
    )
    (fighting,) = assaults(events)
    assert fighting.mode == "ceasefire_violated"


def test_a_dateline_city_is_not_the_victims() -> None:
    events = pipeline_events(
        "KABUL, May 3 (Wire) - At least seven people were killed when a bomb exploded outside a mosque on Friday, "
        "police said.",
        "2022-05-06",
    )
    (bomb,) = assaults(events)
    assert bomb.recipient is not None and bomb.recipient.sector == "CVL"


def test_an_unnamed_defence_ministry_is_of_the_forces_whose_act_it_tells_not_of_the_ground() -> None:
    events = pipeline_events(
        "Turkish warplanes struck Kurdish militant targets in northern Iraq on Saturday, the defence ministry said.",
        "2022-05-09",
    )
    (strike,) = assaults(events)
    assert strike.claimed_by is not None and strike.claimed_by.country == "TUR"


def test_an_unnamed_defence_ministry_giving_its_losses_is_of_the_side_that_lost() -> None:
    events = pipeline_events(
        "The number of Kenyan soldiers killed in Tuesday's Somali shelling near Mandera has risen to nine, the "
        "defence ministry said.",
        "2022-05-12",
    )
    (attack,) = assaults(events)
    assert attack.killed is not None and attack.killed.who_country == "KEN"
    assert attack.claimed_by is not None and attack.claimed_by.country == "KEN"


def test_a_ministry_that_is_not_of_defence_keeps_the_ground() -> None:
    events = pipeline_events("Israeli jets struck targets in Gaza overnight, the health ministry said.", "2022-05-12")
    (strike,) = assaults(events)
    assert strike.claimed_by is not None and strike.claimed_by.country == "PSE"


def test_who_comes_under_fire_is_fired_at_not_the_shooter() -> None:
    events = pipeline_events(
        "A Kenyan army convoy came under fire from Shabaab fighters near Mandera on Tuesday, police said.",
        "2022-05-12",
    )
    (fire,) = assaults(events)
    assert fire.recipient is not None and fire.recipient.country == "KEN"
    assert fire.actor is not None and fire.actor.sector != "MIL"


def test_rockets_fired_by_the_dozen_are_shelling_and_an_act_answered_keeps_its_toll() -> None:
    events = pipeline_events(
        "The militia said it had fired dozens of rockets at the airport in response to the killing of two of its "
        "commanders.",
        "2022-05-12",
    )
    (fired,) = assaults(events)  # the killing answered is told as the reason, not as an act of this report
    assert fired.mode == "shelling"
    assert fired.killed is None  # the two commanders died in the act answered


def test_a_figure_of_the_act_after_which_something_happened_is_not_its_toll() -> None:
    events = pipeline_events(
        "Troops were deployed to the district on Friday, days after the ambush that killed 14 police officers.",
        "2022-05-12",
    )
    assert all(e.killed is None for e in events if e.type != "ASSAULT")


def test_an_apartment_block_hit_is_civilians_hit() -> None:
    events = pipeline_events(
        "Two children were among nine people killed on Monday when Russian missiles hit an apartment block in "
        "Zaporizhzhia, officials said.",
        "2022-05-12",
    )
    (strike,) = assaults(events)
    assert strike.recipient is not None and strike.recipient.sector == "CVL"


def test_a_drone_attack_that_sets_fire_to_a_depot_is_one_act() -> None:
    events = pipeline_events(
        "A drone attack set fire to a fuel depot in the city of Belgorod overnight, the regional governor said.",
        "2022-05-12",
    )
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_town_after_a_direction_tells_the_ground() -> None:
    # the report names no country; "in southern Idlib" is Syria's ground, so "the regime" is Syria's government
    events = pipeline_events(
        "Turkish officials said the regime shelled villages in southern Idlib on Sunday, despite the truce.",
        "2022-05-12",
    )
    shelled = [e for e in assaults(events) if e.trigger.text == "shelled"]
    assert shelled and shelled[0].actor is not None and shelled[0].actor.country == "SYR"


def test_protesters_gathering_is_a_protest_and_officials_gathering_is_not() -> None:
    events = pipeline_events(
        "Hundreds of protesters gathered outside the parliament in Tbilisi on Saturday, demanding a new vote.",
        "2023-05-08",
    )
    assert "PROTEST" in [e.type for e in events]
    events = pipeline_events("Officials gathered in Doha on Monday for a new round of talks.", "2023-05-08")
    assert "PROTEST" not in [e.type for e in events]


def test_ground_captured_is_no_attack_on_civilians() -> None:
    (capture,) = assaults(
        pipeline_events("Russian forces captured the village of Robotyne on Sunday, Moscow said.", "2023-05-08")
    )
    assert capture.mode == "capture_territory"
    assert capture.recipient is None or capture.recipient.sector != "CVL"


def test_an_offensive_someone_is_accused_of_preparing_is_theirs_and_planned() -> None:
    events = pipeline_events(
        "Armenia's prime minister accused Azerbaijan of preparing a new offensive in Nagorno-Karabakh.", "2023-05-08"
    )
    (offensive,) = assaults(events)
    assert offensive.actor is not None and offensive.actor.country == "AZE"
    assert offensive.stance == "planned"


def test_who_calls_an_act_a_provocation_is_the_teller_not_the_doer() -> None:
    events = pipeline_events(
        "Azerbaijan's defence ministry said Armenian forces had opened fire on its positions overnight, calling it a "
        "provocation.",
        "2023-11-23",
    )
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and all(e.actor is not None and e.actor.country == "AZE" for e in accusations)


def test_people_hurt_when_a_boat_capsizes_make_no_attack() -> None:
    events = pipeline_events(
        "At least 20 people died and dozens were injured when a boat carrying migrants capsized off the coast.",
        "2023-11-23",
    )
    assert assaults(events) == []
    # a rocket is someone's act, whoever fired it
    events = pipeline_events("Two people were injured when a rocket hit a house in the village.", "2023-11-23")
    assert len(assaults(events)) == 1


def test_where_talks_are_held_is_not_whose_government_talks() -> None:
    events = pipeline_events(
        "Peace talks between the government and the rebels are due to resume in Nairobi next week, officials said.",
        "2023-11-23",
    )
    (talks,) = [e for e in events if e.type == "CONSULT"]
    assert talks.actor is None or talks.actor.country != "KEN"


def test_a_deal_brokered_by_a_third_state_is_not_that_states_agreement() -> None:
    events = pipeline_events(
        "Russia and Ukraine swapped 90 prisoners of war on Sunday in a deal brokered by the United Arab Emirates.",
        "2023-11-23",
    )
    deals = [e for e in events if e.type == "AGREE"]
    assert all(e.actor is None or e.actor.country != "ARE" for e in deals)
    assert any(e.type == "CONSULT" and e.actor is not None and e.actor.country == "ARE" for e in events)


def test_a_toll_goes_to_the_attack_told_not_to_one_in_an_aside() -> None:
    events = pipeline_events(
        "At least 15 civilians were killed and dozens wounded in the shelling, according to the city's main "
        "hospital, which has itself been hit several times.",
        "2024-06-14",
    )
    shelling = next(e for e in assaults(events) if e.trigger.text == "shelling")
    assert shelling.killed is not None and shelling.killed.value == 15
    assert all(e.killed is None for e in assaults(events) if e.trigger.text == "hit")


def test_the_speaker_after_a_dateline_is_the_teller_not_the_city() -> None:
    events = pipeline_events(
        "KHARTOUM, June 14 (Wire) - Sudan's army said on Friday it had repelled a large attack by the paramilitary "
        "Rapid Support Forces on the city of El Fasher.",
        "2024-06-14",
    )
    (attack,) = assaults(events)
    assert attack.claimed_by is not None and attack.claimed_by.sector == "MIL"
    assert attack.actor is not None and attack.actor.name == "Rapid Support Forces"  # not "paramilitary" alone


def test_a_named_groups_claim_denied_by_its_countrys_army_answers_the_group() -> None:
    events = pipeline_events(
        "The RSF said in a statement that its fighters had taken control of several army positions, a claim the "
        "army denied.",
        "2024-06-14",
    )
    (taken,) = assaults(events)
    assert taken.actor is not None and taken.actor.name == "Rapid Support Forces"  # its fighters are the group
    (denial,) = [e for e in events if e.type == "REJECT"]
    assert denial.recipient is not None and denial.recipient.name == "Rapid Support Forces"


def test_rockets_fired_as_retaliation_are_one_act_and_the_act_answered_keeps_its_dead() -> None:
    events = pipeline_events(
        "The militia fired a barrage of rockets at the border town on Tuesday, saying it was retaliating for an air "
        "strike that killed one of its commanders.",
        "2024-03-08",
    )
    (fired,) = assaults(events)
    assert fired.mode == "shelling"
    assert fired.killed is None
    assert fired.claimed_by is None  # the writer tells the firing; the militia only says why


def test_a_ship_seized_is_property_taken_not_ground() -> None:
    events = pipeline_events("The rebels seized a cargo ship off the coast on Sunday.", "2024-03-08")
    (seized,) = [e for e in events if e.trigger.text == "seized"]
    assert (seized.type, seized.mode) == ("COERCE", "seize")


def test_the_toll_of_the_fighting_a_truce_follows_is_no_row() -> None:
    events = pipeline_events(
        "The government agreed on Thursday to a conditional ceasefire, officials said, after three months of "
        "fighting that has killed hundreds of civilians.",
        "2024-03-08",
    )
    assert [e.type for e in events] == ["AGREE"]


def test_claims_that_an_act_happened_called_false_deny_it() -> None:
    # "false" in the list of words of falsity had been read by YAML as the boolean False
    events = pipeline_events(
        "The foreign ministry said Moscow's claims that Kyiv had attacked a school in Lysychansk were false.",
        "2023-11-20",
    )
    (attack,) = assaults(events)
    assert attack.stance == "denied"


def test_allegations_called_absurd_are_the_speakers_rejection_not_an_accusation() -> None:
    events = pipeline_events("The Kremlin called Kyiv's accusations baseless.", "2023-11-20")
    assert [e.type for e in events] == ["REJECT"]
    (rejection,) = events
    assert rejection.actor is not None and rejection.actor.country == "RUS"
    assert rejection.recipient is not None and rejection.recipient.country == "UKR"


def test_no_word_of_the_packaged_lists_is_read_as_a_boolean() -> None:
    # YAML 1.1 reads bare no/yes/false/true/on/off as booleans: every list of words must hold strings only
    from pathlib import Path

    import yaml

    import truceline

    root = Path(truceline.__file__).parent / "data"
    found: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, bool):
                    found.append(f"{where} key {key}")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, bool):
                    found.append(f"{where} item {item}")
                walk(item, where)

    for path in sorted(root.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    assert found == []


def test_the_attackers_named_again_are_the_doers_of_the_attack_told_before() -> None:
    events = pipeline_events(
        "Gunmen killed at least 11 people in an overnight attack on a village in central Nigeria's Plateau state, "
        "police said on Sunday. The attackers stormed the village at around 11 p.m. on Saturday, shooting "
        "residents, police said.",
        "2023-04-09",
    )
    stormed = next(e for e in assaults(events) if e.trigger.text == "stormed")
    first = assaults(events)[0]
    assert first.actor is not None and stormed.actor is not None
    assert (stormed.actor.country, stormed.actor.sector) == (first.actor.country, first.actor.sector)


def test_refusing_to_let_an_armed_side_advance_is_a_threat_against_it() -> None:
    events = pipeline_events("Turkey will not allow Syrian forces to take the town, the president said.", "2020-02-12")
    assert [e.type for e in events] == ["THREATEN"]  # the taking refused is the threat's, no row of its own
    (threat,) = events
    assert threat.stance == "asserted"
    assert threat.recipient is not None and threat.recipient.country == "SYR"
    # refusing to let aid convoys in is no threat
    events = pipeline_events("The government will not allow aid convoys to enter the region.", "2020-02-12")
    assert "THREATEN" not in [e.type for e in events]


def test_a_suicide_bomber_is_the_doer_not_a_second_attack_and_worshippers_are_civilians() -> None:
    events = pipeline_events(
        "A suicide bomber blew himself up at a mosque in Peshawar during Friday prayers, killing at least 50 "
        "worshippers.",
        "2023-11-20",
    )
    (attack,) = assaults(events)
    assert attack.mode == "suicide"
    assert attack.recipient is not None and attack.recipient.sector == "CVL"


def test_protesters_taking_to_the_streets_protest_and_ministers_taking_to_twitter_do_not() -> None:
    events = pipeline_events("On Saturday, protesters again took to the streets of the capital.", "2024-03-08")
    assert [e.type for e in events] == ["PROTEST"]
    events = pipeline_events("The minister took to Twitter to deny the report.", "2024-03-08")
    assert "PROTEST" not in [e.type for e in events]


def test_shelling_that_has_not_stopped_goes_on() -> None:
    events = pipeline_events(
        "Residents said the shelling, which started on Sunday evening, had not stopped.", "2024-03-08"
    )
    (shelling,) = assaults(events)
    assert shelling.stance == "claimed"  # told by the residents, not negated
    assert shelling.date is not None and shelling.date.startswith("2024-03-03")  # Sunday evening
    # what must stop has not happened as told: a demand, no attack row
    assert assaults(pipeline_events("The attacks must stop, the envoy said.", "2024-03-08")) == []


def test_a_party_noun_compounded_on_an_act_is_its_doer() -> None:
    events = pipeline_events(
        "Thousands of refugees crossed into Bangladesh over the weekend, fleeing army operations in Rakhine.",
        "2023-11-20",
    )
    (operations,) = assaults(events)
    assert operations.actor is not None and operations.actor.sector == "MIL"
    assert operations.recipient is None or operations.recipient.sector != "MIL"


def test_an_attack_with_explosives_is_made_with_explosives() -> None:
    events = pipeline_events(
        "Dissidents attacked a police station in the town with explosives, wounding four officers.", "2023-11-20"
    )
    (attack,) = assaults(events)
    assert attack.mode == "explosives"


def test_an_act_charged_with_of_on_the_accused_is_the_accusers_claim() -> None:
    # the small model hangs "of shelling" on "rebels", not on "accused"
    events = pipeline_events(
        "State media accused rebels of shelling government positions near the town on Monday.", "2020-03-06"
    )
    (shelling,) = assaults(events)
    assert shelling.stance == "claimed" and shelling.claimed_by is not None


def test_violating_a_truce_by_shelling_is_one_act() -> None:
    events = pipeline_events(
        "Ukraine said Russian forces had violated the Easter truce by shelling positions near Bakhmut.", "2023-04-18"
    )
    (violation,) = assaults(events)
    assert violation.mode == "ceasefire_violated"


def test_a_done_act_named_by_a_day_without_its_year_lies_before_the_report() -> None:
    (strikes,) = assaults(
        pipeline_events("At least 14 civilians were killed in airstrikes on the town on 22 July.", "2023-06-10")
    )
    assert strikes.date == "2022-07-22"
    # what is planned, a deadline set and a year written stay as told
    (talks,) = pipeline_events("The talks will resume on 22 July.", "2023-06-10")
    assert talks.date == "2023-07-22"
    (deadline,) = pipeline_events("The army set 22 July as the deadline for the rebels to withdraw.", "2023-06-10")
    assert deadline.date == "2023-07-22"
    (dated,) = assaults(pipeline_events("Rebels attacked the base on 22 July 2023.", "2023-06-10"))
    assert dated.date == "2023-07-22"


def test_what_a_meeting_is_about_is_neither_its_place_nor_its_party() -> None:
    (call,) = pipeline_events(
        "Putin and Erdogan discussed the situation in Idlib in a phone call on Tuesday, the Kremlin said.", "2023-06-10"
    )
    assert call.place is None
    talks = [
        e for e in pipeline_events("Blinken arrived in Cairo on Monday for talks on a Gaza ceasefire.", "2023-06-10")
    ]
    assert all(e.place is not None and e.place.name == "Cairo" for e in talks)
    assert all(e.recipient is None or e.recipient.country != "PSE" for e in talks)
    # where leaders met on the sidelines of a summit is the summit's town
    (met,) = pipeline_events("The two leaders met on the sidelines of the summit in Munich.", "2023-06-10")
    assert met.place is not None and met.place.name == "Munich"


def test_a_ministrys_own_positions_are_its_states_forces() -> None:
    (fire,) = assaults(
        pipeline_events(
            "The Azerbaijani defence ministry said Armenian forces had opened fire on its positions overnight.",
            "2023-11-23",
        )
    )
    assert fire.recipient is not None and (fire.recipient.country, fire.recipient.sector) == ("AZE", "MIL")


def test_a_place_hit_several_times_is_no_single_attack_but_three_times_on_a_day_is_kept() -> None:
    events = pipeline_events(
        "At least 15 civilians were killed in the shelling, according to the city's main hospital, which has itself "
        "been hit several times.",
        "2024-06-14",
    )
    assert [e.trigger.text for e in assaults(events)] == ["shelling"]
    assert len(assaults(pipeline_events("Rebels attacked the town three times on Monday.", "2024-06-14"))) == 1


def test_a_time_that_dates_the_deal_broken_does_not_date_the_breach() -> None:
    (shelled,) = assaults(pipeline_events("Rebels shelled the town in violation of the 2018 agreement.", "2024-03-05"))
    assert shelled.date == "2024-03-05" and shelled.date_precision == "reported by"
    (attacked,) = assaults(
        pipeline_events("Government forces attacked the village in breach of last September's truce.", "2024-03-05")
    )
    assert attacked.date == "2024-03-05"
    # the act's own noun, and the subject whose act the clause tells, keep their day
    (attack,) = assaults(pipeline_events("Monday's attack killed five people in Kabul.", "2024-03-05"))
    assert attack.date == "2024-03-04"
