"""More shapes of wire copy that gave a wrong doer, place, day or row: a dateline the parser hangs inside the
subject, a clause subject read as the object of "after", a participle after the closing speaker, a series an act
belongs to, a warning that forecasts, a claim of responsibility by a spokesman with a name, the attackers named
again as victims. Sentences written for these tests, run through the whole per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event
from truceline.nlp import load_nlp


def assaults(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type == "ASSAULT"]


def test_a_dateline_hung_inside_the_subject_is_not_part_of_the_doer() -> None:
    events = pipeline_events(
        "NAIROBI, June 3 (Wire) - Suspected al-Shabaab-linked gunmen shot dead four herders in northeastern Kenya's "
        "Mandera county over the weekend, a police officer said on Monday.",
        "2024-06-03",
    )
    (shot,) = assaults(events)
    assert shot.actor is not None and shot.actor.sector != "GOV"  # not Kenya's government, from the capital
    assert shot.date is not None and "WE" in shot.date  # the weekend, not the dateline's day


def test_the_dateline_city_is_no_second_subject_of_a_named_force() -> None:
    events = pipeline_events(
        "KHARTOUM (Wire) - Sudan's paramilitary Rapid Support Forces shelled a market in Omdurman on Friday, killing "
        "12 people, medics said.",
        "2024-01-15",
    )
    (shelled,) = assaults(events)
    assert shelled.actor is not None and shelled.actor.name == "Rapid Support Forces"
    doc = load_nlp()("CAIRO (Wire) - Sudan's paramilitary Rapid Support Forces attacked the city of El Fasher.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert [c.text for c in attacked.children if c.dep_ == "nsubj" and c.i > 4] == ["Forces"]


def test_the_subject_of_an_after_clause_read_as_its_object_is_the_clause_doer() -> None:
    events = pipeline_events(
        "Armenian fighters in the enclave agreed on Friday to surrender their weapons, two days after Azerbaijan "
        "launched a large offensive.",
        "2023-09-22",
    )
    (offensive,) = [e for e in assaults(events) if e.trigger.text == "offensive"]
    assert offensive.actor is not None and offensive.actor.country == "AZE"


def test_a_participle_after_the_closing_speaker_is_the_speaker_s_act() -> None:
    events = pipeline_events(
        "BAMENDA (Wire) - Gunmen killed five pupils at a school on Monday, the government said, blaming separatists "
        "fighting for an independent state.",
        "2024-01-15",
    )
    (blame,) = [e for e in events if e.type == "ACCUSE"]
    assert blame.actor is not None and blame.actor.sector == "GOV"
    assert blame.recipient is not None and blame.recipient.sector == "REB"
    # who the separatists are is no act for the killing to fold into
    (killed,) = assaults(events)
    assert killed.trigger.text == "killed" and killed.killed is not None and killed.killed.value == 5


def test_a_verb_joined_to_an_adjective_in_a_reported_clause_is_the_speaker_s() -> None:
    events = pipeline_events(
        "The Communist Party of the Philippines said in a statement the fighters had been killed while asleep and "
        "accused the army of murder.",
        "2023-03-12",
    )
    (accused,) = [e for e in events if e.type == "ACCUSE"]
    assert accused.actor is not None and accused.actor.sector == "PTY"
    # a copula of its own tense keeps the verb joined to it: the colonel attacked, not the officials
    (attack,) = assaults(
        pipeline_events("Officials said the colonel was furious and attacked the village.", "2023-03-12")
    )
    assert attack.actor is not None and attack.actor.sector == "MIL"


def test_a_leader_of_an_armed_group_is_named_by_the_group() -> None:
    events = pipeline_events("Separatist leaders denied any role in the ambush.", "2022-10-25")
    # a share disowned is the act denied by its would-be doer, as "denied responsibility for" is
    (denial,) = [e for e in events if e.stance == "denied"]
    assert denial.actor is not None and denial.actor.name == "rebel"


def test_the_speaker_s_own_forces_keep_its_country_wherever_they_fight() -> None:
    events = pipeline_events(
        "Russia's defence ministry said its forces had taken the village of Ocheretyne.", "2024-04-25"
    )
    (taken,) = assaults(events)
    assert taken.actor is not None and taken.actor.country == "RUS"


def test_talks_due_to_be_held_are_planned_for_their_day() -> None:
    events = pipeline_events("Talks on a prisoner exchange are due to be held in Muscat on Thursday.", "2023-09-19")
    (talks,) = [e for e in events if e.type == "CONSULT"]
    assert talks.stance == "planned"
    assert talks.date == "2023-09-21"


def test_a_toll_from_another_teller_is_not_folded_into_the_ministry_s_act() -> None:
    events = pipeline_events(
        "Baku's defence ministry said its troops had seized 40 positions. The enclave's ombudsman said at least 27 "
        "people had been killed and 150 wounded in the fighting.",
        "2023-09-20",
    )
    seized = next(e for e in events if e.trigger.text == "seized")
    assert seized.killed is None and seized.injured is None
    assert any(e.killed is not None and e.killed.value == 27 for e in events)


def test_what_a_halt_is_called_for_is_no_act() -> None:
    events = pipeline_events("The plan calls for a three-week halt in fighting and a pause in shelling.", "2024-11-27")
    assert assaults(events) == []


def test_what_a_force_is_deployed_to_help_do_is_its_aim_and_a_standing_deployment_is_no_row() -> None:
    events = pipeline_events(
        "Kenyan police, deployed in the country since 2024 to help Haiti fight the gangs, launched a raid on a slum "
        "on Tuesday.",
        "2024-10-02",
    )
    assert [e.trigger.text for e in events] == ["raid"]


def test_an_act_in_a_series_it_is_the_latest_of_is_one_row() -> None:
    events = pipeline_events(
        "Houthi rebels fired a missile at a cargo ship in the Gulf of Aden on Monday, the navy said, the latest in a "
        "series of attacks on shipping. The missile struck the vessel, causing a small fire.",
        "2024-01-15",
    )
    assert [e.trigger.text for e in assaults(events)] == ["fired"]


def test_a_hyphened_country_is_whose_not_where() -> None:
    events = pipeline_events("Rebels fired a missile at a U.S.-owned ship on Monday.", "2024-02-10")
    (fired,) = assaults(events)
    assert fired.place is None or fired.place.country != "USA"


def test_a_warning_that_forecasts_is_no_threat_and_its_hypothetical_act_no_row() -> None:
    events = pipeline_events(
        "The European Union urged the militia to stop its advance, warning that a siege of the city would leave "
        "thousands without food.",
        "2024-05-11",
    )
    assert [e.type for e in events] == ["REQUEST"]
    threats = pipeline_events("The army warned that the rebels would pay for the ambush.", "2024-05-11")
    assert [e.type for e in threats] == ["THREATEN"]


def test_a_spokesman_with_a_name_claiming_the_attack_names_its_doer_and_is_no_row() -> None:
    events = pipeline_events(
        "A missile struck a cargo ship off Yemen on Monday, the navy said. A Houthi military spokesman, Ahmed Kassem, "
        "claimed the attack in a televised statement.",
        "2024-01-15",
    )
    (attack,) = assaults(events)
    assert attack.actor is not None and attack.actor.name == "Houthis"
    # no one owning up leaves the act as it was and adds no row
    unclaimed = pipeline_events(
        "A car bomb exploded near a market in Mogadishu on Monday. No group claimed the attack.", "2024-01-15"
    )
    assert len(assaults(unclaimed)) == 1


def test_a_missile_fired_from_ground_a_party_holds_is_that_party_s_and_of_the_day_it_was_downed() -> None:
    events = pipeline_events(
        "On Saturday, a French frigate shot down a missile fired from Houthi-controlled territory toward a tanker, "
        "the ministry said.",
        "2024-03-11",
    )
    launched = next(e for e in events if e.trigger.text == "fired")
    assert launched.actor is not None and launched.actor.name == "Houthis"
    assert launched.date == "2024-03-09" and launched.date_precision == "before"


def test_the_attackers_named_again_as_victims_are_the_doers_of_the_attack_before() -> None:
    events = pipeline_events(
        "Dozens of ISWAP fighters attacked an army base in Borno state on Thursday, killing five soldiers, the army "
        "said. Troops killed 20 of the attackers, it said.",
        "2023-06-09",
    )
    attack = next(e for e in assaults(events) if e.killed is not None and e.killed.value == 5)
    hit_back = next(e for e in assaults(events) if e.killed is not None and e.killed.value == 20)
    assert attack.actor is not None and hit_back.recipient is not None
    assert (hit_back.recipient.name, hit_back.recipient.code) == (attack.actor.name, attack.actor.code)
    # the attackers as the object of a second verb folded into the first
    shot = pipeline_events(
        "A gunman from Hamas killed three people at a bus stop on Thursday, police said. The army said it had shot "
        "and killed the attackers.",
        "2023-11-30",
    )
    answer = next(e for e in assaults(shot) if e.trigger.text == "shot")
    assert answer.recipient is not None and answer.recipient.name == "Hamas"


def test_a_city_s_suburbs_are_the_scene_and_a_joined_clause_s_place_is_not_the_next_act_s() -> None:
    events = pipeline_events(
        "Israeli jets struck Beirut's southern suburbs on Tuesday, and Hezbollah launched drones at Haifa.",
        "2024-10-01",
    )
    struck = next(e for e in events if e.trigger.text == "struck")
    assert struck.place is not None and struck.place.name == "Beirut"
    launched = next(e for e in events if e.trigger.text == "launched")
    assert launched.place is None or launched.place.name != "Beirut"


def test_a_standing_charge_of_support_is_no_act_of_support() -> None:
    events = pipeline_events(
        "India blames Pakistan for backing militants in Kashmir, a charge Islamabad denies.", "2024-05-08"
    )
    assert [e for e in events if e.type == "SUPPORT"] == []
    assert [e.type for e in events if e.type == "ACCUSE"] == ["ACCUSE"]
    # a charge made on a day charges an act
    told = pipeline_events(
        "India accused Pakistan on Monday of backing the gunmen who attacked the convoy.", "2024-05-08"
    )
    assert [e.type for e in told if e.type == "SUPPORT"] == ["SUPPORT"]


def test_a_name_given_to_the_act_told_before_is_no_second_act() -> None:
    events = pipeline_events(
        "Gunmen killed six villagers in Bossangoa on Sunday. The prefect condemned what he called a barbaric attack.",
        "2022-10-25",
    )
    assert len(assaults(events)) == 1


def test_the_dateline_s_day_is_when_the_copy_was_filed_not_the_act_s() -> None:
    events = pipeline_events(
        "BOGOTA, Jan 20 (Wire) - Colombia's president suspended peace talks with the ELN rebels on Friday.",
        "2025-01-20",
    )
    (suspended,) = [e for e in events if e.trigger.text == "suspended"]
    assert suspended.date == "2025-01-17"


def test_people_sent_fleeing_are_no_deployment() -> None:
    events = pipeline_events("The rebel advance sent thousands of villagers fleeing towards the lake.", "2025-01-27")
    assert [e for e in events if e.type == "MOBILIZE"] == []
    sent = pipeline_events("The army sent troops to the town, prompting residents to flee.", "2025-01-27")
    assert [e.type for e in sent if e.type == "MOBILIZE"] == ["MOBILIZE"]


def test_a_city_made_the_subject_of_a_dateline_gives_way_to_the_phrase_after_the_dash() -> None:
    events = pipeline_events(
        "GOMA, Congo (Wire) - Rwanda-backed M23 rebels said on Monday they had taken control of Goma, the biggest city "
        "in the east.",
        "2025-01-27",
    )
    (seized,) = assaults(events)
    assert seized.actor is not None and seized.actor.name == "M23"
    assert seized.place is not None and seized.place.name != "Democratic Republic of the Congo"


def test_a_country_adjective_or_a_body_s_name_is_no_place() -> None:
    events = pipeline_events(
        "A land mine wounded three Thai soldiers near the border on Thursday. The rebels handed the body of a soldier "
        "to the Red Cross on Friday.",
        "2025-07-26",
    )
    for event in events:
        assert event.place is None or event.place.country in ("THA", None)


def test_two_kinds_of_people_counted_together_are_one_figure() -> None:
    events = pipeline_events(
        "At least 13 peacekeepers and foreign soldiers were killed in fighting with the rebels last week.", "2025-01-27"
    )
    assert any(e.killed is not None and e.killed.value == 13 for e in events)
    apart = pipeline_events("Five soldiers and two civilians were killed in the attack.", "2025-01-27")
    assert any(e.killed is not None and e.killed.value == 7 for e in apart)


def test_days_of_strikes_are_a_stretch_but_days_of_talks_one_meeting() -> None:
    events = pipeline_events(
        "The two countries agreed to a ceasefire on Saturday after four days of missile and drone strikes.",
        "2025-05-10",
    )
    assert assaults(events) == []
    talks = pipeline_events("The envoys failed to reach a deal after two days of talks in Doha.", "2025-05-10")
    assert [e.type for e in talks if e.type == "CONSULT"] == ["CONSULT"]


def test_strikes_of_two_kinds_as_the_subject_are_one_act_with_their_verb() -> None:
    events = pipeline_events(
        "The army said Israeli air and artillery strikes had hit targets in Gaza before the truce began.", "2025-01-19"
    )
    assert len(assaults(events)) == 1


def test_a_sanction_joined_to_a_clause_about_an_act_is_the_teller_s() -> None:
    events = pipeline_events(
        "Kinshasa said the rebels' offensive amounted to an invasion by Rwanda and cut diplomatic ties with Kigali.",
        "2025-01-27",
    )
    (cut,) = [e for e in events if e.type == "SANCTION"]
    assert cut.actor is not None and cut.actor.sector == "GOV" and cut.actor.country == "COD"
    # an act of force joined to such a clause stays the act's: "the shelling intensified and killed five"
    shelling = pipeline_events("The monitor said the shelling had intensified and killed five people.", "2025-01-27")
    assert all(e.actor is None or e.actor.sector != "NGO" for e in assaults(shelling))


def test_officers_of_both_sides_are_each_side_s_body_of_their_sector() -> None:
    events = pipeline_events(
        "Thailand and Cambodia agreed to a ceasefire on Monday. Military commanders from both sides will meet on "
        "Tuesday morning, the mediator said.",
        "2025-07-28",
    )
    (meet,) = [e for e in events if e.type == "CONSULT"]
    assert meet.actor is not None and meet.actor.sector == "MIL"
    assert {m.country for m in meet.actor.members} == {"THA", "KHM"}


def test_people_sent_fleeing_with_the_gerund_hung_elsewhere_are_no_deployment() -> None:
    events = pipeline_events(
        "The rebels entered Goma after a lightning advance that sent thousands of residents fleeing.", "2025-01-27"
    )
    assert [e for e in events if e.type == "MOBILIZE"] == []


def test_the_one_prompted_to_act_is_its_doer() -> None:
    events = pipeline_events(
        "Heavy gunfire erupted in the capital late on Monday, residents said, prompting the UN mission to call for "
        "calm.",
        "2025-05-13",
    )
    (call,) = [e for e in events if e.type == "REQUEST"]
    assert call.actor is not None and call.actor.sector == "IGO"


def test_refusing_ahead_to_tolerate_attacks_is_a_threat() -> None:
    events = pipeline_events("An army spokesman said the army would not tolerate further attacks.", "2024-12-23")
    assert [e.type for e in events] == ["THREATEN"]


def test_a_second_clause_s_subject_joined_to_the_first_clause_s_day_is_its_doer() -> None:
    events = pipeline_events(
        "Hamas freed eight more hostages on Thursday and Israel released 30 Palestinian prisoners under the truce.",
        "2023-11-30",
    )
    released = next(e for e in events if e.trigger.text == "released")
    assert released.actor is not None and released.actor.country == "ISR"


def test_attacks_an_act_was_done_in_hung_on_its_object_are_that_act() -> None:
    events = pipeline_events(
        "Ukraine's military said it had struck a Russian airfield in the Rostov region and an oil depot in the Kursk "
        "region in overnight drone attacks.",
        "2024-08-03",
    )
    (struck,) = assaults(events)
    assert struck.mode == "aerial"
    assert struck.place is not None and struck.place.feature == "admin1"


def test_the_militia_with_no_group_named_before_is_a_militia() -> None:
    events = pipeline_events("The militia accused the army of bringing in new troops.", "2024-12-23")
    (accused,) = [e for e in events if e.type == "ACCUSE"]
    assert accused.actor is not None and accused.actor.sector == "MIL"


def test_whom_a_side_clashed_with_is_the_recipient_before_the_dead() -> None:
    events = pipeline_events(
        "At least 20 people were killed when members of the White Army militia clashed with government soldiers in "
        "Nasir county over the weekend, officials said.",
        "2024-12-23",
    )
    (clash,) = assaults(events)
    assert clash.recipient is not None and clash.recipient.sector == "MIL"
    assert clash.killed is not None and clash.killed.value == 20


def test_police_tell_for_where_they_serve() -> None:
    events = pipeline_events(
        "Hamas freed eight hostages in Gaza on Thursday under the truce, Qatar said. A gunman from Hamas killed three "
        "people at a bus stop in Jerusalem on Thursday morning, police said.",
        "2023-11-30",
    )
    shooting = next(e for e in assaults(events) if e.killed is not None and e.killed.value == 3)
    assert shooting.claimed_by is not None and shooting.claimed_by.country == "ISR"
