"""The incident a report is about: victims named without figures, the attacker, updates, other incidents, page
furniture and the evidence behind each total. Every report here was written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.quantities.victims import find_victims
from truceline.stages.quantities import incident_totals, read_incident


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # one victim, no number
        ("A 6-year-old boy was shot and killed on Elm Street late Sunday, police said.", 1, None),
        ("Dorian, 22, was killed when a gunman opened fire outside a bakery.", 1, None),
        ("A hunter was found dead in a field near the river on Tuesday.", 1, None),
        ("A woman was wounded by a stray round while she sat on her porch.", None, 1),
        ("A 15-year-old girl is in critical condition after a shooting in a parking lot.", None, 1),
        ("Officers found a man suffering from a gunshot wound to the leg.", None, 1),
        ("Deputy Carla Moss died Friday after she was shot during a traffic stop.", 1, None),
        ("The toddler's shooting death was ruled an accident by the coroner.", 1, None),
        # hit, fate left open: injured unless a death is reported
        ("A teenager was shot in the arm outside a gas station.", None, 1),
        ("Three men were shot, one fatally, at a card game on Friday night.", 1, 2),
        ("Five people were shot at a block party; two of them died.", 2, 3),
        # coordination and lists
        ("A man and two girls were shot to death inside a house on Maple Avenue.", 3, None),
        ("Police say he killed his brother and his brother's wife.", 2, None),
        ("One woman was killed and two others were hurt when shots hit a bus stop.", 1, 2),
        # the shooter and the victim are different people
        ("A man shot his neighbour in the shoulder during an argument over a fence.", None, 1),
        ("The 8-year-old was shot by his cousin, who found the pistol in a drawer.", None, 1),
        # negation and what did not happen
        ("Shots were fired at a car on Oak Street, but no one was hurt.", None, None),
        ("He was shot at several times but was not hit.", None, None),
        ("Neither the driver nor his passenger was injured.", None, None),
        ("The bullet could have killed her, her mother said.", None, None),
    ],
)
def test_victims_named_without_figures(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the attacker counts when the report counts him
        ("A man shot his wife and then turned the gun on himself, deputies said.", 1, 1),
        ("Investigators say the father killed his two sons and himself.", 3, None),
        ("Police called it a murder-suicide: a woman and her former partner were found dead.", 2, None),
        # the one who shot himself is the victim named before, not a second person
        (
            "A 4-year-old boy is in stable condition after he accidentally shot himself with a relative's pistol.",
            None,
            1,
        ),
        ("Tomas Reyes, 41, was found dead in his yard from a self-inflicted gunshot wound.", 1, None),
    ],
)
def test_the_attacker_as_the_report_counts_him(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)


def test_a_victim_hurt_then_dead_is_counted_once() -> None:
    text = (
        "Teen shot near school\n"
        "A 16-year-old was shot near Lincoln High School on Monday afternoon and taken to a hospital in critical "
        "condition.\n"
        "Police said Tuesday that the teen has died from his injuries."
    )
    assert incident_totals(text) == (1, None)


def test_a_later_death_among_several_victims() -> None:
    text = (
        "Four people were wounded early Saturday when someone fired into a crowd outside a nightclub.\n"
        "One of the victims later died at the hospital, police said."
    )
    assert incident_totals(text) == (1, 3)


def test_other_incidents_are_kept_apart() -> None:
    text = (
        "Man killed in shooting on Walnut Street\n"
        "A 30-year-old man was shot and killed on Walnut Street on Saturday night, police said.\n"
        "Last month, three people were wounded in a separate shooting two blocks away.\n"
        "The city has recorded 48 homicides so far this year."
    )
    assert incident_totals(text) == (1, None)


def test_page_furniture_is_not_counted() -> None:
    text = (
        "Woman wounded in drive-by shooting\n"
        "A woman was wounded Thursday when someone in a passing car fired at her house, police said.\n"
        "She is expected to recover.\n"
        "1:42 Two killed in highway crash near Milford\n"
        "2:10 Five hurt as storm tears through trailer park\n"
        "Related: Three dead after shooting at apartment complex\n"
        "Copyright 2016 Channel Nine. All rights reserved.\n"
        "Teen Killed In Weekend Shooting Near Riverside Park"
    )
    assert incident_totals(text) == (None, 1)


def test_a_headline_that_counts_its_victims_stands_over_the_body() -> None:
    text = (
        "1 dead, 3 wounded in shooting at Eastside bar\n"
        "A man was killed and three other people were wounded when a gunman opened fire inside a bar early Sunday.\n"
        "A second man who was shot in the parking lot two hours later also died, in what police called an "
        "unrelated argument."
    )
    assert incident_totals(text) == (1, 3)


def test_quotes_retell_the_report_counts() -> None:
    text = (
        "A 12-year-old girl was grazed by a bullet on Sunday.\n"
        '"I thought they shot her and killed my little sister too," her brother said.'
    )
    assert incident_totals(text) == (None, 1)


def test_the_evidence_is_the_phrase_and_its_sentence() -> None:
    text = "Shooting on Birch Lane\nTwo men were killed and a woman was wounded on Birch Lane on Friday."
    incident = read_incident(text)
    assert (incident.killed.value, incident.injured.value) == (2, 1)
    assert [e.text for e in incident.killed.evidence] == ["Two men were killed"]
    assert [e.text for e in incident.injured.evidence] == ["a woman was wounded"]
    for evidence in (*incident.killed.evidence, *incident.injured.evidence):
        assert text[evidence.start : evidence.end] == evidence.text
        assert text[evidence.sentence_start : evidence.sentence_end].startswith("Two men were killed")


def test_no_victims_no_totals() -> None:
    incident = read_incident("The city council met on Tuesday to discuss parking rules.")
    assert incident.killed.value is None and incident.injured.value is None
    assert incident.killed.evidence == incident.injured.evidence == ()


_PARTS = [
    "A man was shot on Pine Street.",
    "Two women were wounded.",
    "He later died.",
    "The victim, Ana Ruiz, 19, was taken to a hospital.",
    "Police said no one else was hurt.",
    "Copyright 2017 News Six.",
    "1:05 Three killed in fire",
    "“He was shot twice,” a neighbour said.",
    "Four people, including a 9-year-old, were shot, one fatally.",
    "",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=8), st.sampled_from(["\n", " ", "\n\n"]))
def test_evidence_always_points_into_the_text(parts: list[str], glue: str) -> None:
    text = glue.join(parts)
    incident = read_incident(text)
    for total in (incident.killed, incident.injured):
        assert total.value is None or total.value >= 0
        for evidence in total.evidence:
            assert 0 <= evidence.sentence_start <= evidence.start < evidence.end <= evidence.sentence_end <= len(text)
            assert text[evidence.start : evidence.end] == evidence.text
    for victim in find_victims(text, 0, len(text)):
        assert 0 <= victim.start < victim.end <= len(text) and victim.count >= 1


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a verb before the number, in the present tense of a headline
        ("Gunman at a bus stop kills 1, wounds 4", 1, 4),
        ("Stray round injures 2 at a playground", None, 2),
        # an age range is no head count
        (
            "Van shooting wounds 3 girls, police say\nThree girls between ages 9 and 14 were wounded by shots from a van.",
            None,
            3,
        ),
        (
            "Van shooting wounds 3 girls, police say\nThree girls were wounded by shots from a van; 14 shots were fired.",
            None,
            3,
        ),
        ("A child was shot in the foot on Sunday; the boy, younger than 10 was shot by a stray round.", None, 1),
        # two verbs, then an object: the subject is the one who fired
        ("A 7-year-old boy shot and seriously wounded his cousin with a rifle he found.", None, 1),
        ("A 7-year-old boy was shot and seriously wounded by a rifle his cousin found.", None, 1),
        ("A man shot and killed his landlord during a dispute over rent.", 1, None),
    ],
)
def test_figures_and_their_subjects(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)


def test_related_headlines_in_sentence_case_are_furniture_but_updates_are_not() -> None:
    body = (
        "Man wounded on Cedar Road\n"
        "A man was shot in the leg on Cedar Road on Friday night and taken to a hospital, police said.\n"
        "Investigators have not named a suspect.\n"
    )
    related = "Driver dies after three-car crash on the interstate\nFour hurt as fire sweeps through motel"
    assert incident_totals(body + related) == (None, 1)
    update = "UPDATE: the man shot on Cedar Road has died at the hospital"
    killed, injured = incident_totals(body + update)
    assert (killed, injured or 0) == (1, 0)


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("4 shot, 1 killed outside a diner on Route 9", 1, 3),  # those hit first: the dead are among them
        ("1 killed, 4 others shot outside a diner on Route 9", 1, 4),  # "others": the dead are not among them
    ],
)
def test_a_headline_count_of_those_hit_and_its_dead(title: str, killed: int, injured: int) -> None:
    text = title + "\nGunfire broke out in the parking lot of a diner late on Saturday, police said."
    assert incident_totals(text) == (killed, injured)


def test_the_other_victims_are_the_rest_of_a_group_counted_before() -> None:
    lead = "A shooting outside a skating rink left a teenager dead and two others wounded on Friday night.\n"
    rest = "The other two victims, one of whom was also a teenager, suffered wounds to their legs, police said."
    assert incident_totals(lead + rest) == (1, 2)
    more = "Two other people were also wounded when the gunman fired at a passing car, police said."
    assert incident_totals(lead + more) == (1, 4)


def test_a_group_named_with_the_restates_it() -> None:
    lead = "Hikers found three bodies in a ravine near the old quarry on Sunday.\n"
    again = "Nothing suggests another person was involved, and it appears the three men died where they fell."
    assert incident_totals(lead + again) == (3, None)
    more = "Nothing suggests anyone else was involved, and three more men died in a second ravine."
    assert incident_totals(lead + more) == (6, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the victims after a group hit break the group down
        ("A masked man shot two cousins on a porch, killing a 19-year-old and wounding his 15-year-old cousin.", 1, 1),
        # "others" are more victims than the group
        ("A masked man shot two cousins on a porch, killing one of them and wounding two other people nearby.", 1, 3),
    ],
)
def test_a_group_hit_and_its_breakdown(text: str, killed: int, injured: int) -> None:
    assert incident_totals(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A man was shot and killed in his yard, injuring one of the family dogs as well.", 1, None),
        ("Two horses were injured when the gunman fired into the stable.", None, None),
        ("Raiders killed four herders and drove off 300 cattle; three sheep were also killed.", 4, None),
    ],
)
def test_animals_hit_are_no_casualties(text: str, killed: int | None, injured: int | None) -> None:
    incident = read_incident(text)
    assert (incident.killed.value, incident.injured.value) == (killed, injured)
