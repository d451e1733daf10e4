"""Ultimatums, exchanges of prisoners, crowd control and speakers seated in a capital, as conflict reporting tells
them: sentences written for these tests, run through the whole per-report pipeline (the packaged dictionaries,
gazetteer and event model)."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event


def of_type(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def test_hours_given_to_surrender_are_an_ultimatum_not_a_surrender() -> None:
    # the time given is parsed with a relative clause on it ("72 hours to surrender"): still a time limit
    events = pipeline_events("The junta on Tuesday gave the rebel militia 72 hours to surrender.", "2022-03-10")
    assert not of_type(events, "RETREAT")  # what the ultimatum demands has not happened
    (threat,) = of_type(events, "THREATEN")
    assert threat.mode == "ultimatum"
    assert threat.actor is not None and threat.recipient is not None
    assert threat.recipient.sector == "REB"
    assert threat.date == "2022-03-08"


def test_until_a_day_to_surrender_is_an_ultimatum_when_until_hangs_on_the_act() -> None:
    events = pipeline_events("The army gave the rebels until Friday to surrender.", "2022-03-10")
    assert not of_type(events, "RETREAT")
    assert [e.mode for e in of_type(events, "THREATEN")] == ["ultimatum"]


def test_what_an_ultimatum_noun_demands_is_no_event() -> None:
    events = pipeline_events("The army issued an ultimatum to the rebels to surrender.", "2022-03-10")
    assert [e.type for e in events] == ["THREATEN"]


def test_a_party_told_it_has_hours_to_surrender_is_threatened_once() -> None:
    events = pipeline_events("The rebels have 48 hours to surrender, the army said.", "2022-03-10")
    assert [e.type for e in events] == ["THREATEN"]


def test_two_sides_exchanging_prisoners_each_free_the_others() -> None:
    events = pipeline_events("Armenia and Azerbaijan exchanged 20 prisoners of war on Saturday.", "2022-03-10")
    (swap,) = of_type(events, "RETREAT")
    assert swap.mode == "release"
    assert swap.actor is not None and {m.country for m in swap.actor.members} == {"ARM", "AZE"}
    assert swap.recipient is not None and {m.country for m in swap.recipient.members} == {"ARM", "AZE"}
    assert swap.date == "2022-03-05"


def test_swapped_captives_are_a_release_too() -> None:
    events = pipeline_events("The two militias swapped captives near the front line on Sunday.", "2022-03-10")
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "release")]


def test_exchanged_fire_stays_an_attack_and_exchanged_views_are_nothing() -> None:
    fire = pipeline_events("Rebels and soldiers exchanged fire near the bridge on Sunday.", "2022-03-10")
    assert [e.type for e in fire] == ["ASSAULT"]
    views = pipeline_events("The two ministers exchanged views on trade on Sunday.", "2022-03-10")
    assert not of_type(views, "RETREAT")


def test_tear_gas_fired_at_marchers_disperses_them_and_is_no_chemical_attack() -> None:
    events = pipeline_events("Riot police fired tear gas at marchers in the capital on Sunday.", "2022-03-10")
    assert not [e for e in events if e.mode == "chemical"]
    assert [(e.type, e.mode) for e in events] == [("COERCE", "disperse")]


def test_gas_without_tear_is_still_a_chemical_attack() -> None:
    events = pipeline_events("The regime attacked the town with chlorine gas on Sunday.", "2022-03-10")
    assert [e.mode for e in of_type(events, "ASSAULT")] == ["chemical"]


def test_a_ministry_in_a_capital_is_that_capitals_states() -> None:
    # the report is about Iraq, where the strikes fell; the ministry is Turkey's by the city it sits in
    events = pipeline_events(
        "Turkish jets struck targets in northern Iraq on Friday, the defence ministry in Ankara said.", "2022-03-12"
    )
    (strike,) = of_type(events, "ASSAULT")
    assert strike.claimed_by is not None and strike.claimed_by.country == "TUR"


def test_an_organisations_officials_in_a_capital_stay_the_organisations() -> None:
    events = pipeline_events(
        "Rebels shelled the airport in Sanaa on Friday, United Nations officials in Sanaa said.", "2022-03-12"
    )
    (strike,) = of_type(events, "ASSAULT")
    assert strike.claimed_by is not None and strike.claimed_by.sector == "IGO"


def test_air_strikes_on_a_capital_are_placed_there_when_the_clause_verb_is_another() -> None:
    events = pipeline_events(
        "The rebels fired a missile at Riyadh, and the coalition responded with air strikes on Sanaa.", "2022-03-12"
    )
    (strikes,) = [e for e in of_type(events, "ASSAULT") if e.trigger.text == "strikes"]
    assert strikes.place is not None and strikes.place.country == "YEM"


def test_fighting_as_a_gerund_subject_keeps_the_dead_it_left() -> None:
    events = pipeline_events("Fighting in the eastern province left 20 dead.", "2022-03-12")
    (fight,) = of_type(events, "ASSAULT")
    assert fight.killed is not None and fight.killed.value == 20


def test_a_governorate_of_yemen_is_yemens_not_a_namesake_town_abroad() -> None:
    events = pipeline_events("Fighting in Shabwa province left 20 dead, Yemeni officials said.", "2022-03-12")
    (fight,) = of_type(events, "ASSAULT")
    assert fight.place is not None and fight.place.country == "YEM"
    assert fight.place.precision == 3  # a region, not a town


def test_a_news_agencys_capitals_acronym_is_no_place() -> None:
    events = pipeline_events(
        "Syria's state news agency SANA said the army repelled an attack by militants on the village of Kafr Zeita.",
        "2022-03-12",
    )
    places = [e.place for e in events if e.place is not None]
    assert all(p.country != "YEM" for p in places)


def test_a_day_after_puts_the_earlier_act_on_the_day_before() -> None:
    events = pipeline_events(
        "The foreign minister met the envoy on Monday, a day after rebels shelled the airport.", "2022-03-12"
    )
    (shelling,) = of_type(events, "ASSAULT")
    assert (shelling.date, shelling.date_precision) == ("2022-03-06", "day")


def test_days_before_a_dated_clause_count_back_from_its_day() -> None:
    events = pipeline_events("Rebels shelled the airport two days before the talks opened on Friday.", "2022-03-12")
    (shelling,) = of_type(events, "ASSAULT")
    assert (shelling.date, shelling.date_precision) == ("2022-03-09", "day")


def test_hours_after_stay_a_bound() -> None:
    events = pipeline_events("Rebels shelled the airport hours after the talks opened on Friday.", "2022-03-12")
    (shelling,) = of_type(events, "ASSAULT")
    assert shelling.date_precision == "after"


def test_an_attack_which_took_place_on_a_day_is_of_that_day() -> None:
    # the parser hangs the relative clause on the post, which cannot take place: it tells the attack's day
    events = pipeline_events(
        "The attack on the border post, which took place on Thursday, killed three guards.", "2022-03-12"
    )
    (attack,) = of_type(events, "ASSAULT")
    assert (attack.date, attack.date_precision) == ("2022-03-10", "day")


def test_talks_that_ended_were_held_and_shelling_that_must_stop_is_no_row() -> None:
    events = pipeline_events("Talks in Geneva ended without agreement last Friday.", "2022-03-12")
    (talks,) = of_type(events, "CONSULT")
    assert (talks.date, talks.date_precision) == ("2022-03-11", "day")
    assert not of_type(pipeline_events("The shelling of the city must stop.", "2022-03-12"), "ASSAULT")


def test_a_town_the_text_puts_in_a_country_is_of_that_country_not_its_namesakes() -> None:
    # Palma in Mozambique is not in the gazetteer; Palma in Spain is: the text says which it is
    events = pipeline_events(
        "Insurgents killed 12 residents in an attack on the town of Palma in northern Mozambique on Sunday.",
        "2022-03-12",
    )
    (attack,) = of_type(events, "ASSAULT")
    assert attack.actor is not None and attack.actor.country == "MOZ"
    assert attack.recipient is not None and attack.recipient.country == "MOZ"
    assert attack.place is None or attack.place.country == "MOZ"


def test_a_demonym_before_the_town_word_chooses_the_towns_country() -> None:
    events = pipeline_events("Rebels shelled the Syrian town of Saraqib on Monday.", "2022-03-12")
    (attack,) = of_type(events, "ASSAULT")
    assert attack.place is not None and attack.place.country == "SYR"


def test_those_accused_by_others_of_a_killing_carried_it_out() -> None:
    # the parser hangs "of executing" on the accusers ("rights groups of executing"): the accused still did it
    events = pipeline_events(
        "Mercenaries were accused by rights groups of executing dozens of villagers in the town in March.",
        "2022-06-12",
    )
    (killing,) = of_type(events, "ASSAULT")
    assert killing.actor is not None and killing.actor.sector == "MIL"
    assert killing.date == "2022-03"


def test_a_warning_that_foretells_threatens_no_one() -> None:
    assert not pipeline_events("Aid agencies warned that the fighting could spread to the capital.", "2022-03-12")
    assert not pipeline_events("The agency warned of a cholera outbreak in the camps.", "2022-03-12")


def test_a_warning_to_a_party_or_of_what_it_will_face_is_a_threat() -> None:
    for text in (
        "The army warned the rebels against any attack on the port.",
        "The government warned of retaliation for any attack on the port.",
        "The militia warned that it would respond to any attack on the port.",
    ):
        types = [e.type for e in pipeline_events(text, "2022-03-12")]
        assert types and set(types) == {"THREATEN"}, text


def test_a_two_word_place_is_not_a_one_word_town_abroad() -> None:
    # "North" alone is a town in the United States; "North Waziristan" is no town of the gazetteer at all
    events = pipeline_events(
        "Two soldiers and five militants were killed in a gunfight in North Waziristan, Pakistan's army said.",
        "2023-11-15",
    )
    parties = [p for e in events for p in (e.actor, e.recipient) if p is not None]
    countries = {m.country for p in parties for m in (p.members or (p,))}
    assert "USA" not in countries and "PAK" in countries


def test_hostages_killed_are_civilians() -> None:
    events = pipeline_events("The group said an air strike had killed three hostages in the city.", "2023-11-15")
    (strike,) = of_type(events, "ASSAULT")
    assert strike.recipient is not None and strike.recipient.sector == "CVL"


def test_the_toll_from_a_days_strike_dates_the_strike_to_that_day() -> None:
    events = pipeline_events(
        "The death toll from Saturday's air strike on a school has risen to 30, the health ministry said.",
        "2023-11-15",
    )
    (strike,) = of_type(events, "ASSAULT")
    assert (strike.date, strike.date_precision) == ("2023-11-11", "day")


def test_orthodox_christmas_is_the_seventh_of_january() -> None:
    events = pipeline_events("Rebels shelled the town on Orthodox Christmas, residents said.", "2023-01-09")
    dated = [e for e in events if e.date_precision == "day"]
    assert dated and all(e.date == "2023-01-07" for e in dated)


def test_a_truce_declared_over_a_holiday_is_declared_when_reported_not_on_the_holiday() -> None:
    events = pipeline_events(
        "Moscow announced a unilateral 36-hour ceasefire over Orthodox Christmas, which Kyiv dismissed.", "2023-01-05"
    )
    (declared,) = [e for e in events if e.type == "CONCEDE"]
    assert declared.date == "2023-01-05" and declared.date_precision == "reported by"


def test_what_a_proposal_asks_is_no_act() -> None:
    events = pipeline_events("The rebels rejected the envoy's proposal to extend the truce on Monday.", "2023-01-05")
    assert [e.type for e in events] == ["REJECT"]


def test_victims_joined_by_and_are_one_toll() -> None:
    events = pipeline_events("Shelling killed three soldiers and two civilians in the village on Monday.", "2023-11-15")
    (shelling,) = of_type(events, "ASSAULT")
    assert shelling.killed is not None and shelling.killed.value == 5


def test_victims_counted_within_others_are_not_added() -> None:
    events = pipeline_events("The strike killed five people, including two children, medics said.", "2023-11-15")
    (strike,) = of_type(events, "ASSAULT")
    assert strike.killed is not None and strike.killed.value == 5


def test_the_weapon_an_advcl_act_names_as_its_own_object_is_its_weapon() -> None:
    events = pipeline_events(
        "One soldier was killed and another injured when their vehicle hit a landmine on Monday.", "2023-11-15"
    )
    (blast,) = of_type(events, "ASSAULT")
    assert blast.mode == "explosives"


def test_a_town_named_before_its_people_gives_their_country() -> None:
    events = pipeline_events(
        "Israeli forces raided the Jenin refugee camp on Monday, killing two men, medics said.", "2023-11-15"
    )
    (raid,) = of_type(events, "ASSAULT")
    assert raid.recipient is not None and raid.recipient.country == "PSE"


def test_a_report_naming_only_a_town_is_about_that_towns_country() -> None:
    events = pipeline_events("Gunmen abducted more than 80 pupils from a school in Kaduna on Thursday.", "2023-11-15")
    (abduction,) = of_type(events, "ASSAULT")
    assert abduction.recipient is not None and abduction.recipient.country == "NGA"


def test_a_gerund_subject_of_resumed_takes_the_verbs_clause_and_its_time() -> None:
    events = pipeline_events("Shelling resumed hours after the ceasefire took effect on Monday.", "2023-11-18")
    (shelling,) = of_type(events, "ASSAULT")
    assert (shelling.date, shelling.date_precision) == ("2023-11-13", "after")


def test_a_day_after_hung_on_the_main_verb_still_counts_from_the_clauses_day() -> None:
    # the parser hangs "a day" on "took", right before the clause's "after"
    events = pipeline_events("The attack took place a day after the truce began on March 1.", "2024-03-05")
    (attack,) = of_type(events, "ASSAULT")
    assert (attack.date, attack.date_precision) == ("2024-03-02", "day")
