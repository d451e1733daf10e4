"""Sides, grounds and casualties as conflict reporting tells them (fighting between two sides, what an attack "left",
bodies a group runs, fire sent into a country): sentences written for these tests,
run through the whole per-report pipeline (the packaged dictionaries, gazetteer and event model)."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event


def assaults(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type == "ASSAULT"]


def test_fighting_between_one_countrys_army_and_rebels_makes_them_actor_and_recipient() -> None:
    # the two are one country's sides (the report is about Yemen): a joint row would tell neither side
    text = (
        "Fighting between the army and the rebels in Yemen killed 14 people on Monday, officials in Yemen said. "
        "The fighting in Yemen has lasted a week."
    )
    (event,) = assaults(pipeline_events(text, "2022-03-09"))
    assert event.actor is not None and event.recipient is not None
    assert (event.actor.sector, event.recipient.sector) == ("MIL", "REB")
    assert event.actor.country == event.recipient.country == "YEM"


def test_clashes_between_two_unnamed_sides_are_split_too() -> None:
    (event,) = assaults(pipeline_events("Clashes between the army and the rebels broke out on Tuesday.", "2022-03-09"))
    assert event.actor is not None and event.recipient is not None
    assert (event.actor.sector, event.recipient.sector) == ("MIL", "REB")


def test_talks_between_two_countries_stay_one_joint_party() -> None:
    events = pipeline_events("A working group between Ankara and Moscow met on Friday.", "2022-03-09")
    (event,) = [e for e in events if e.type == "CONSULT"]
    assert event.actor is not None and {m.country for m in event.actor.members} == {"TUR", "RUS"}


def test_fighting_that_left_people_dead_is_an_attack() -> None:
    # "fighting" names a kind of event unless the clause makes it one happening: leaving 30 dead does
    (event,) = assaults(pipeline_events("Heavy fighting left 30 dead near the border on Monday.", "2022-03-09"))
    assert event.trigger.text == "fighting"
    assert event.date == "2022-03-07"


def test_wounded_left_by_shelling_are_the_shellings_not_a_second_attack() -> None:
    events = assaults(pipeline_events("Shelling left five people wounded in Donetsk on Monday.", "2022-03-09"))
    assert [e.trigger.text for e in events] == ["Shelling"]
    assert events[0].date == "2022-03-07"  # the day the clause gives, not the report's
    assert events[0].injured is not None and events[0].injured.value == 5


def test_congo_alone_is_the_democratic_republic_not_a_town_elsewhere() -> None:
    events = pipeline_events(
        "Fighting between the army and M23 rebels in Congo killed 12 people on Monday. "
        "Congo accused Rwanda on Tuesday of backing the rebels.",
        "2022-03-09",
    )
    places = {e.place.country for e in events if e.place is not None}
    assert places == {"COD"}
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert accusation.actor is not None and accusation.actor.country == "COD"


def test_a_town_shelled_is_the_recipient_not_a_party_named_later_in_the_sentence() -> None:
    events = pipeline_events(
        "Georgia said Russian forces had shelled Gori overnight, a claim Moscow denied.", "2022-03-09"
    )
    (attack,) = assaults(events)
    assert attack.recipient is not None and attack.recipient.country == "GEO"  # Gori's, never Moscow's


def test_a_claim_denied_in_a_relative_clause_is_a_rejection_of_its_teller() -> None:
    events = pipeline_events(
        "Ukraine said Russian troops shelled Kharkiv on Monday, an accusation Moscow rejected.", "2022-03-09"
    )
    (rejection,) = [e for e in events if e.type == "REJECT"]
    assert rejection.actor is not None and rejection.actor.country == "RUS"
    assert rejection.recipient is not None and rejection.recipient.country == "UKR"
    attack = assaults(events)[0]
    assert ("denies", attack.index) in rejection.links


def test_deaths_in_the_fighting_make_it_one_happening_but_a_toll_to_date_does_not() -> None:
    (event,) = assaults(
        pipeline_events("Six soldiers were killed in the fighting near the dam on Sunday.", "2022-03-09")
    )
    assert event.killed is not None and event.killed.value == 6
    assert event.date == "2022-03-06"
    assert (
        assaults(pipeline_events("More than 900 people have been killed in the fighting in the region.", "2022-03-09"))
        == []
    )
    assert assaults(pipeline_events("Thousands died in the violence since the uprising began.", "2022-03-09")) == []


def test_a_telling_beside_the_main_clause_does_not_attribute_it() -> None:
    (event,) = assaults(
        pipeline_events("The militia shelled the depot, while the army said it had repelled the raid.", "2022-03-09")
    )
    assert event.stance == "asserted" and event.claimed_by is None
    (told,) = assaults(pipeline_events("The militia shelled the depot on Monday, the army said.", "2022-03-09"))
    assert told.stance == "claimed" and told.claimed_by is not None


def test_a_body_a_group_runs_is_of_the_groups_country_not_the_reports_ground() -> None:
    events = pipeline_events(
        "Israeli jets struck the north of the Gaza Strip on Monday, Israel's army said. "
        "The Hamas-run health ministry said four people were killed. Israel said the strikes were a response.",
        "2022-03-09",
    )
    told = next(e for e in events if e.claimed_by is not None and "ministry" in e.claimed_by.text)
    assert told.claimed_by is not None and told.claimed_by.country == "PSE"


def test_unnamed_militants_firing_into_a_country_are_not_of_it() -> None:
    events = pipeline_events(
        "Militants fired rockets into southern Israel on Sunday, Israel's army said. Israel closed the crossings.",
        "2022-03-09",
    )
    fired = next(e for e in assaults(events) if e.trigger.text == "fired")
    assert fired.actor is not None and fired.actor.country != "ISR"


def test_a_toll_in_the_attacks_own_participle_is_its_own_whatever_the_parser_makes_of_the_speaker() -> None:
    # the parser takes "civilians" for the subject of "said" here; "killing" is still the shelling's own verb
    (event,) = assaults(
        pipeline_events(
            "Russian forces shelled the city of Kharkiv overnight, killing at least four civilians, "
            "regional governor Oleh Syniehubov said on Telegram.",
            "2022-03-09",
        )
    )
    assert event.killed is not None and event.killed.value == 4


def test_forces_loyal_to_a_leader_are_his_countrys_side() -> None:
    (event,) = assaults(pipeline_events("Troops loyal to President Assad shelled the town on Monday.", "2022-03-09"))
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("SYR", "MIL")


def test_both_casualty_verbs_go_to_the_fire_not_one_to_the_other() -> None:
    (event,) = assaults(
        pipeline_events(
            "A border guard was killed and three were wounded by mortar fire near the crossing on Friday.", "2022-03-09"
        )
    )
    assert event.killed is not None and event.killed.value == 1
    assert event.injured is not None and event.injured.value == 3


def test_condemning_an_attack_told_before_is_aimed_at_its_attacker_when_one_is_named() -> None:
    events = pipeline_events(
        "Syrian government warplanes bombed a market in Ariha on Tuesday. "
        "The opposition coalition condemned the attack.",
        "2022-03-09",
    )
    (condemned,) = [e for e in events if e.type == "ACCUSE"]
    assert condemned.recipient is not None and condemned.recipient.country == "SYR"
    assert condemned.recipient.sector == "MIL"
    nobody = pipeline_events(
        "Syrian government warplanes bombed a market in Ariha on Monday. A car bomb exploded in Azaz on Tuesday. "
        "Turkey condemned the attack.",
        "2022-03-09",
    )
    (unnamed,) = [e for e in nobody if e.type == "ACCUSE"]
    assert unnamed.recipient is None  # the attack condemned is the car bomb, whose author nobody names


def test_trading_blame_is_an_accusation_both_ways() -> None:
    events = pipeline_events(
        "Armenia and Azerbaijan traded blame for the collapse of the truce on Monday.", "2022-03-09"
    )
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert accusation.actor is not None and {m.country for m in accusation.actor.members} == {"ARM", "AZE"}


def test_agreeing_to_extend_a_truce_is_one_extension_on_the_day_agreed() -> None:
    events = pipeline_events("The two sides agreed on Sunday to extend the truce by three days.", "2022-03-09")
    (event,) = [e for e in events if e.type == "AGREE"]
    assert (event.mode, event.stance, event.date) == ("ceasefire_extended", "asserted", "2022-03-06")


def test_talks_due_to_resume_are_planned_for_the_day_and_place_they_are_to_be_held() -> None:
    events = pipeline_events("Peace talks are scheduled to resume in Geneva on Thursday.", "2022-03-09")
    (event,) = [e for e in events if e.type == "CONSULT"]
    assert (event.stance, event.date) == ("planned", "2022-03-10")
    assert event.place is not None and event.place.name == "Geneva"


def test_whoever_claims_responsibility_for_an_attack_carried_it_out() -> None:
    events = pipeline_events(
        "The Islamic State claimed responsibility for a suicide bombing at a mosque in Kunduz on Friday.", "2022-03-09"
    )
    (event,) = assaults(events)
    assert event.actor is not None and event.actor.sector == "IMG"


def test_strikes_a_speaker_calls_its_own_are_its_forces() -> None:
    events = pipeline_events(
        "Moscow said on Monday that its strikes were aimed at military infrastructure.", "2022-03-09"
    )
    strike = next(e for e in assaults(events) if e.trigger.text == "strikes")
    assert strike.actor is not None and (strike.actor.country, strike.actor.sector) == ("RUS", "MIL")


def test_fighting_that_raged_is_one_happening_whatever_the_tagger_makes_of_raged() -> None:
    (event,) = assaults(pipeline_events("Fighting raged in the south of the city on Sunday.", "2022-03-09"))
    assert event.trigger.text == "Fighting" and event.date == "2022-03-06"


def test_a_statement_set_against_anothers_by_while_is_not_told_by_the_other() -> None:
    events = pipeline_events(
        "The rebels said the army had shelled their positions, while the army accused the rebels of looting homes.",
        "2022-03-09",
    )
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert accusation.stance == "asserted" and accusation.claimed_by is None


def test_the_strikes_named_again_for_another_sources_toll_keep_their_doer() -> None:
    events = pipeline_events(
        "Turkish drones struck militant targets near Kobani on Tuesday, the Turkish defence ministry said. "
        "A Kurdish-led group said the strikes had killed three civilians.",
        "2022-03-09",
    )
    retold = next(e for e in assaults(events) if e.trigger.text == "strikes")
    assert retold.actor is not None and retold.actor.country == "TUR"
    assert retold.killed is not None and retold.killed.value == 3


def test_a_child_killed_is_a_civilian_victim() -> None:
    (event,) = assaults(
        pipeline_events("A 12-year-old girl was killed by shelling in the village on Monday.", "2022-03-09")
    )
    assert event.recipient is not None and event.recipient.sector == "CVL"
    assert event.killed is not None and event.killed.value == 1


def test_an_act_of_force_joined_to_a_reported_past_perfect_is_the_reported_clauses() -> None:
    events = pipeline_events(
        "Armenia's prime minister said on Tuesday that Azerbaijani troops had advanced into Armenian territory "
        "and seized several heights near Jermuk.",
        "2022-09-13",
    )
    seized = next(e for e in assaults(events) if e.trigger.text == "seized")
    assert seized.actor is not None and seized.actor.country == "AZE"
    assert seized.stance == "claimed"


def test_the_act_a_teller_accuses_another_of_is_claimed_by_the_teller() -> None:
    events = pipeline_events(
        "Damascus said rebels had violated the truce and accused Turkey of arming them.", "2022-09-13"
    )
    armed = next(e for e in events if e.trigger.text == "arming")
    assert armed.claimed_by is not None and armed.claimed_by.country == "SYR"


def test_where_a_speaker_sits_or_a_relative_clause_places_another_noun_is_not_the_acts_place() -> None:
    (killed,) = assaults(
        pipeline_events("At least 49 soldiers were killed, the defence ministry in Yerevan said.", "2022-09-13")
    )
    assert killed.place is None
    events = pipeline_events("Russia, which has a military base in Armenia, called for restraint.", "2022-09-13")
    (call,) = [e for e in events if e.type == "REQUEST"]
    assert call.place is None
