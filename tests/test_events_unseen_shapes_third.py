"""Shapes of conflict reporting met on reports nobody here had coded (Tigray, central Mali, northern Shan,
Mogadishu): victims told in a clause of their own with the act in a "when" clause, named victims with their ages,
munitions that fell or rained, a killing told beside an earlier attack, a wedding party, what a blast destroyed, a time
closing two verbs, a war's toll in a relative clause, no one owning up, a people addressed by its own. Sentences are
ours, run through the whole per-report pipeline (packaged dictionaries and event model)."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.stages.quantities import find_quantities

DAY = "2024-03-18"  # a Monday


def _assaults(text: str, day: str = DAY) -> list:  # type: ignore[type-arg]
    return [e for e in pipeline_events(text, day) if e.type == "ASSAULT"]


def test_victims_told_before_a_when_clause_are_the_acts() -> None:
    (bomb,) = _assaults("At least eleven people were hurt when a roadside bomb went off beside a bus stop.")
    assert bomb.injured is not None and bomb.injured.value == 11, bomb.injured
    assert bomb.recipient is not None and bomb.recipient.sector == "CVL", bomb.recipient
    (shell,) = _assaults("Four villagers died when a shell landed on their house.")
    assert shell.killed is not None and shell.killed.value == 4, shell.killed
    (ambush,) = _assaults("Six policemen lost their lives when their patrol was ambushed near the dam.")
    assert ambush.killed is not None and ambush.killed.value == 6
    (fire,) = _assaults("Three herders were wounded after soldiers opened fire on their camp.")
    assert fire.injured is not None and fire.injured.value == 3
    # "among the wounded" names people, no second act, and they are the strike's
    (strike,) = _assaults("Two nurses were among the wounded when missiles hit the clinic.")
    assert strike.trigger.text == "hit" and strike.injured is not None and strike.injured.value == 2
    # a clause with its own doer stays its own act: no figure moves into a later one
    rows = _assaults("Rebels killed two guards on Friday, a day after soldiers raided their base.")
    killed = next(e for e in rows if e.trigger.text == "killed")
    raid = next(e for e in rows if e.trigger.text == "raided")
    assert killed.killed is not None and killed.killed.value == 2
    assert raid.killed is None and raid.actor is not None and raid.actor.sector == "MIL", raid.actor


def test_munitions_that_fell_or_rained_are_a_strike() -> None:
    (fell,) = _assaults("Three rockets fell on the harbour overnight.")
    assert fell.trigger.text == "fell"
    (rained,) = _assaults("Residents said shells rained on the market for an hour, wounding seven.")
    assert rained.injured is not None and rained.injured.value == 7
    assert _assaults("The provincial capital fell to the insurgents after a week.") == []
    assert pipeline_events("Fuel prices fell after the ceasefire was announced.", DAY)[0].type != "ASSAULT"


def test_a_named_victim_with_an_age_is_one_victim() -> None:
    text = "Samir Haddad, 41, a baker, was killed when a drone hit his shop."
    (figure,) = [q for q in find_quantities(text) if q.kind == "killed"]
    assert figure.value == 1 and figure.who == "Samir Haddad"
    (strike,) = _assaults(text)
    assert strike.killed is not None and strike.killed.value == 1
    two = "Lina, 6, and her cousin Omar, 9, were wounded by shrapnel."
    assert [(q.kind, q.value) for q in find_quantities(two)] == [("injured", 2)]
    # an age alone with no fate is no victim
    assert find_quantities("The commander, Yusuf Adan, 52, was arrested at the border.") == []


def test_a_word_for_people_before_another_is_its_modifier() -> None:
    got = find_quantities("An elderly fisherman was shot dead off the coast.")
    assert [(q.kind, q.value) for q in got] == [("killed", 1)]
    got = find_quantities("Two brothers, aged 14 and 16, were hurt by shrapnel.")
    assert [(q.kind, q.value) for q in got] == [("injured", 2)]


def test_a_wedding_party_is_its_guests_not_a_political_party() -> None:
    (strike,) = _assaults("Villagers said an air strike hit a wedding party on Saturday, killing nine civilians.")
    assert strike.recipient is not None and strike.recipient.sector == "CVL", strike.recipient
    (rally,) = _assaults("Police attacked an opposition party rally in the capital.")
    assert rally.recipient is not None and rally.recipient.sector == "OPP", rally.recipient


def test_what_a_blast_destroyed_is_the_blasts_doing() -> None:
    rows = pipeline_events("Dozens were wounded in the explosion, which destroyed a petrol station and two homes.", DAY)
    assert [e.type for e in rows] == ["ASSAULT"], [(e.type, e.trigger.text) for e in rows]
    # a relative clause with a doer of its own is not the noun's doing
    rows = pipeline_events("The raid, which the army said killed ten militants, took place at dawn.", DAY)
    assert [e.type for e in rows] == ["ASSAULT"] and rows[0].killed is not None and rows[0].killed.value == 10


def test_a_time_closing_two_verbs_of_one_subject_dates_both() -> None:
    rows = pipeline_events("Residents said the militiamen had burned shops and abducted a dozen men last week.", DAY)
    assert len(rows) == 2 and {e.date for e in rows} == {"2024-W11"}, [(e.trigger.text, e.date) for e in rows]
    # a time told before the second verb's object is that verb's alone
    rows = pipeline_events("Rebels seized the town and on Thursday shelled the airport.", DAY)
    seized = next(e for e in rows if e.trigger.text == "seized")
    shelled = next(e for e in rows if e.trigger.text == "shelled")
    assert shelled.date == "2024-03-14" and seized.date != shelled.date


def test_a_wars_toll_in_a_relative_clause_is_no_attack() -> None:
    rows = pipeline_events(
        "Both sides agreed to end a conflict that began in the east and has killed tens of thousands of people.", DAY
    )
    assert [e.type for e in rows if e.type == "ASSAULT"] == [], [(e.type, e.trigger.text) for e in rows]


def test_no_one_owning_up_names_no_doer() -> None:
    text = (
        "A car bomb killed eight people at a checkpoint on Saturday. No group has said it carried out the bombing, "
        "but the police blamed the insurgents."
    )
    rows = pipeline_events(text, DAY)
    bombs = [e for e in rows if e.type == "ASSAULT"]
    assert len(bombs) == 1, [(e.type, e.trigger.text) for e in rows]
    assert bombs[0].actor is None or bombs[0].actor.text.lower() != "no group", bombs[0].actor
    assert all(e.actor is None or not e.actor.text.lower().startswith("no ") for e in rows)


def test_a_people_addressed_by_one_of_its_own_is_its_people() -> None:
    (appeal,) = pipeline_events("The Somali president urged Somalis to give blood for the wounded.", DAY)
    assert appeal.recipient is not None and appeal.recipient.code == "SOMCVL", appeal.recipient
    # addressed by another state, a people stands for its state
    (accused,) = [
        e for e in pipeline_events("Moscow accused the Ukrainians of shelling the plant.", DAY) if e.type == "ACCUSE"
    ]
    assert accused.recipient is not None and accused.recipient.code == "UKRGOV", accused.recipient


def test_a_known_surname_inside_someone_elses_name_is_not_that_person() -> None:
    (strike,) = _assaults("Hassan Saleh, 30, a farmer, was killed when a shell struck his field.")
    assert strike.recipient is None or "Abdullah" not in (strike.recipient.name or ""), strike.recipient
    (talks,) = pipeline_events("Yemen's President Saleh met the UN envoy in Sanaa.", "2010-05-03")
    assert talks.actor is not None and talks.actor.name == "Ali Abdullah Saleh", talks.actor


def test_who_the_dead_were_is_no_figure_of_its_own() -> None:
    text = "The toll from the raid rose to nine, with six guards and a driver among the dead, officials said."
    assert [(q.kind, q.value) for q in find_quantities(text)] == [("killed", 9)]
    # told as a figure of its own, "among the wounded" still counts
    assert [(q.kind, q.value) for q in find_quantities("Five pupils were among the wounded.")] == [("injured", 5)]


def test_the_blast_named_again_with_another_victim_is_the_same_blast() -> None:
    text = (
        "A mine exploded under a joint patrol on the coast road on Monday, wounding two Greek sailors. Officials said "
        "several Cypriot officers were also hurt when the blast hit a truck near the harbour."
    )
    rows = _assaults(text)
    assert len(rows) == 1 and rows[0].injured is not None and rows[0].injured.value == 2, [
        (e.trigger.text, e.recipient) for e in rows
    ]
    # an act of another kind told after it stays its own
    rows = _assaults("Gunmen shot dead a guard on Monday. The bombing of the bridge followed on Tuesday.")
    assert len(rows) == 2, [(e.trigger.text, e.mode) for e in rows]


def test_a_sentence_of_who_was_hurt_gives_the_act_before_it_its_figure() -> None:
    text = "A rocket hit a bus station on Friday, killing six people. A nurse at the clinic said 15 people were hurt."
    (strike,) = _assaults(text)
    assert strike.killed is not None and strike.killed.value == 6
    assert strike.injured is not None and strike.injured.value == 15, strike.injured
    # another incident, or a time of its own, is not the act's figure
    text = "A rocket hit a bus station on Friday. In a separate incident, four people were hurt in the port."
    (strike,) = _assaults(text)
    assert strike.injured is None, strike.injured
    text = "A rocket hit a bus station on Friday. On Sunday, four people died in the port."
    assert all(e.killed is None for e in _assaults(text) if e.trigger.text == "hit")


def test_a_casualty_verb_folds_into_the_verb_it_is_joined_to() -> None:
    text = (
        "The navy said pirates had fired on a tanker off the coast, while the port authority said coastguards shot "
        "and wounded three fishermen near the harbour."
    )
    rows = _assaults(text)
    fired = next(e for e in rows if e.trigger.text == "fired")
    shot = next(e for e in rows if e.trigger.text == "shot")
    assert fired.injured is None and shot.injured is not None and shot.injured.value == 3


def test_bare_troops_attacked_are_the_tellers_own() -> None:
    # the place is Palestinian ground, which alone would make bare troops Palestinian
    text = "The Israeli army said militants had fired on troops near Khan Younis."
    fire = next(e for e in _assaults(text) if e.trigger.text == "fired")
    assert fire.recipient is not None and fire.recipient.code == "ISRMIL", fire.recipient
    # troops with a country of their own keep it
    (other,) = _assaults("The Israeli army said militants had fired on Egyptian troops near Rafah.")
    assert other.recipient is not None and other.recipient.country == "EGY", other.recipient


def test_what_fire_destroyed_is_the_fires_doing() -> None:
    rows = pipeline_events("Residents said two shops were destroyed by mortar fire overnight.", DAY)
    assert [e.type for e in rows] == ["ASSAULT"], [(e.type, e.trigger.text) for e in rows]


def test_truces_broken_counted_are_a_tally_not_a_breach() -> None:
    text = "Several earlier truces announced since fighting began in May were violated within hours."
    assert [e.mode for e in pipeline_events(text, DAY) if e.type == "ASSAULT"] == []
    rows = pipeline_events("The truce was violated on Monday, the monitors said.", DAY)
    assert [e.mode for e in rows if e.type == "ASSAULT"] == ["ceasefire_violated"]


def test_an_armys_denial_of_its_paramilitary_rivals_claim_answers_the_rival() -> None:
    text = (
        "Sudan's army and the paramilitary Rapid Support Forces signed a five-day truce on Sunday, the United States "
        "and Saudi Arabia said in a joint statement. The RSF said it had downed a military helicopter over Bahri, a "
        "claim the army denied."
    )
    (denial,) = [e for e in pipeline_events(text, "2023-05-21") if e.type == "REJECT"]
    assert denial.recipient is not None and denial.recipient.code == "SDNMILRSF", denial.recipient
