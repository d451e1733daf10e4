"""Shapes of conflict reporting met on reports nobody here had coded (the Minsk summit of 2015, Nagorno-Karabakh in
October 2020, Hodeidah, the Afghan Eid truce, Gaza in August 2022). Sentences are ours, run through the whole
per-report pipeline (packaged dictionaries and event model)."""

from __future__ import annotations

from test_events import pipeline_events

DAY = "2015-02-12"  # a Thursday


def _rejections(text: str, day: str = DAY) -> list:  # type: ignore[type-arg]
    return [e for e in pipeline_events(text, day) if e.type == "REJECT"]


def test_a_report_dismissed_answers_the_teller_just_before_though_nothing_it_told_was_coded() -> None:
    # the tanks crossing holds no act the pipeline codes; the one whose report is dismissed is still its teller
    (no,) = _rejections(
        "Ukraine's army said on Thursday that about 40 tanks had crossed the border overnight. Moscow dismissed the "
        "report."
    )
    assert no.recipient is not None and no.recipient.country == "UKR", no.recipient
    # ... and is not a party whose claim was told two sentences before it
    (no,) = _rejections(
        "Germany's chancellor said the agreement was a real chance. Ukraine's army said on Thursday that about 40 "
        "tanks had crossed the border overnight. Moscow dismissed the report."
    )
    assert no.recipient is not None and no.recipient.country == "UKR", no.recipient


def test_what_a_deal_arranges_a_level_down_is_planned() -> None:
    # "are to begin pulling": the arrangement governs the verb that governs the act
    rows = pipeline_events("Both armies are to begin pulling their heavy guns back from the front on Sunday.", DAY)
    pull = next(e for e in rows if e.type == "RETREAT")
    assert pull.stance == "planned", pull.stance
    rows = pipeline_events("The rebels are due to hand over 30 prisoners next week.", DAY)
    hand = next(e for e in rows if e.type == "RETREAT")
    assert hand.stance == "planned", hand.stance
    # contrast: "it is not possible to say ... has been secured" arranges nothing
    rows = pipeline_events("It is not possible to say that a full ceasefire has been secured, the minister said.", DAY)
    assert all(e.stance != "planned" for e in rows), [(e.type, e.stance) for e in rows]


def test_a_participle_gapped_after_a_passive_is_passive() -> None:
    # "homes had been damaged and civilians wounded": the civilians were wounded, they wounded no one
    rows = pipeline_events(
        "Officials in Tartar said homes had been damaged and civilians wounded, without giving a figure.", DAY
    )
    hurt = next(e for e in rows if e.trigger.text == "wounded")
    assert hurt.actor is None or hurt.actor.sector != "CVL", hurt.actor
    assert hurt.recipient is not None and hurt.recipient.sector == "CVL", hurt.recipient


def test_who_denies_or_resumes_an_act_told_by_its_gerund_is_its_doer() -> None:
    text = "Georgia said an Armenian rocket had hit a depot in Rustavi, while Armenia denied firing on the town."
    firing = next(e for e in pipeline_events(text, DAY) if e.trigger.text == "firing")
    assert firing.stance == "denied" and firing.actor is not None and firing.actor.country == "ARM", firing.actor
    # contrast: the one who reports a gerund did not do it
    text = "Azerbaijan's defence ministry reported no new shelling overnight."
    rows = [e for e in pipeline_events(text, DAY) if e.trigger.text == "shelling"]
    assert all(e.actor is None or e.actor.country != "AZE" for e in rows), [(e.actor) for e in rows]


def test_the_strike_named_again_is_the_one_on_the_same_side() -> None:
    # two strikes in the lead, on each side's town; "the strike on Georgia's capital" is the first one, the rocket
    text = (
        "Georgia said on Sunday that an Armenian rocket had hit a market in Tbilisi, killing five people, while "
        "Armenia accused Georgian forces of shelling Gyumri. A Georgian official said the strike on Georgia's "
        "capital had also wounded 20 people."
    )
    rows = pipeline_events(text, "2020-10-11")
    strike = next(e for e in rows if e.trigger.text == "strike")
    assert strike.actor is not None and strike.actor.country == "ARM", strike.actor


def test_the_karabakh_leadership_is_the_enclave_s_authorities() -> None:
    rows = pipeline_events("The Karabakh leadership said it had targeted military sites in the city.", DAY)
    (hit,) = [e for e in rows if e.trigger.text == "targeted"]
    assert hit.actor is not None and hit.actor.code == "AZEREBNKR", hit.actor


def test_it_in_a_clause_told_by_a_body_is_that_body() -> None:
    # the health ministry spoke last; "it believed" is the military's, whose strikes they are
    text = (
        "Gaza's health ministry said 12 people had been killed by Saturday. The Israeli army said it believed about "
        "20 fighters had been killed in its strikes."
    )
    rows = pipeline_events(text, "2022-08-06")
    strikes = next(e for e in rows if e.trigger.text == "strikes")
    assert strikes.claimed_by is not None and strikes.claimed_by.country == "ISR", strikes.claimed_by
    assert strikes.actor is not None and strikes.actor.country == "ISR", strikes.actor


def test_the_people_a_health_ministry_counts_are_its_own() -> None:
    # a report of Israel's strikes on Gaza: the dead the Gaza ministry counts are Palestinians
    text = (
        "Israel struck targets across Gaza on Friday, and militants fired rockets at Israel. Israel's army said "
        "Israel had hit 30 targets. The Gaza health ministry said 12 people had been killed."
    )
    rows = pipeline_events(text, "2022-08-06")
    dead = next(e for e in rows if e.killed is not None and e.killed.value == 12)
    assert dead.recipient is not None and dead.recipient.country == "PSE", dead.recipient


def test_reservists_called_up_are_a_mobilisation() -> None:
    (row,) = [e for e in pipeline_events("The army called up 10,000 reservists on Friday.", DAY) if e.type != "NONE"]
    assert row.type == "MOBILIZE", (row.type, row.mode)


def test_a_force_a_party_says_was_used_repeatedly_is_its_claim_not_a_habit() -> None:
    text = "The coalition said rebel fighters had repeatedly fired on army positions with mortars overnight."
    rows = [e for e in pipeline_events(text, "2018-12-18") if e.type == "ASSAULT"]
    assert len(rows) == 1 and rows[0].stance == "claimed", rows
    # contrast: what a party says goes on, in the present, is a habit
    text = "The coalition said rebel fighters often fire on army positions with mortars."
    assert not [e for e in pipeline_events(text, "2018-12-18") if e.type == "ASSAULT"]


def test_a_group_which_is_fighting_others_is_who_it_is_not_an_act() -> None:
    text = "The Islamic State group, which is fighting both the army and the Taliban in Kunar, claimed the attack."
    assert not [e for e in pipeline_events(text, "2018-06-17") if e.trigger.text == "fighting"]
    # contrast: a past relative clause tells a happening
    text = "The rebels, who were fighting troops near the dam on Friday, fled into the hills."
    assert [e for e in pipeline_events(text, "2018-06-17") if e.trigger.text == "fighting"]


def test_a_feast_is_no_place() -> None:
    text = "Both sides halted attacks on each other from Friday, the first day of Eid."
    rows = pipeline_events(text, "2018-06-17")
    assert rows and all(e.place is None or e.place.country != "ERI" for e in rows), [(e.place) for e in rows]


def test_a_bare_government_is_the_report_s_own_not_one_named_later_in_passing() -> None:
    # a report on Ukraine whose only government named in full is Germany's, as a source
    text = (
        "Separatists opened fire on government positions near Debaltseve after midnight, Ukraine's army said.\n"
        "The leaders agreed that monitors should reach the town, according to a statement from the German "
        "government."
    )
    fire = next(e for e in pipeline_events(text, "2015-02-15") if e.type == "ASSAULT")
    assert fire.recipient is not None and fire.recipient.country == "UKR", fire.recipient


def test_a_deal_struck_is_an_agreement_and_images_released_free_no_one() -> None:
    rows = pipeline_events("The two presidents struck a deal on Thursday after talks in Minsk.", DAY)
    assert [e.type for e in rows] == ["AGREE"], [(e.type, e.trigger.text) for e in rows]
    rows = pipeline_events("The State Department released satellite images of artillery near the town.", DAY)
    assert not [e for e in rows if e.type == "RETREAT"], [(e.type, e.trigger.text) for e in rows]
    # contrast: prisoners released are freed, a town struck is attacked
    assert [e.type for e in pipeline_events("Rebels released 20 prisoners on Friday.", DAY)] == ["RETREAT"]
    assert [e.type for e in pipeline_events("Government jets struck the town on Friday.", DAY)] == ["ASSAULT"]


def test_a_resolution_that_endorses_is_the_council_s_act_and_the_minsk_package_no_party() -> None:
    text = "The U.N. Security Council adopted a resolution that endorsed the Minsk package."
    (row,) = [e for e in pipeline_events(text, "2015-02-18") if e.trigger.text == "endorsed"]
    assert row.actor is not None and row.actor.sector == "IGO", row.actor
    assert row.recipient is None or row.recipient.country != "BLR", row.recipient
