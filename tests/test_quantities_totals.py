"""Incident totals: one test per rule of truceline/quantities/totals.py, in reports written for these tests."""

from __future__ import annotations

import pytest

from truceline.stages.quantities import find_quantities, incident_totals


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # different victim groups in one sentence add up
        ("Mortar fire killed six Turkish soldiers and one interpreter near the post.", 7, None),
        ("Two medics were killed and three patients were wounded when the clinic was hit.", 2, 3),
        # war-long totals never count
        ("A drone strike killed a shepherd on Monday. The war has killed over 350,000 people.", 1, None),
        ("Since 2011 the conflict has killed hundreds of thousands of Syrians.", None, None),
        # a subset is not added
        ("The blast killed 14 people, including six children, and injured 20.", 14, 20),
        # the toll update wins
        ("Five people were killed in the market. By night the death toll had climbed to nine.", 9, None),
        # another incident is ignored; the additive cue adds
        ("Three soldiers were wounded on Tuesday. Last month, an ambush nearby killed 11.", None, 3),
        ("Shells killed two farmers. A third farmer was also killed in a second strike.", 3, None),
        # sources differ: the larger figure
        ("The monitor said 12 were killed. State media said eight people died.", 12, None),
        # the same figure repeated is counted once
        ("Four civilians were killed in Ariha. The four killed were members of one family.", 4, None),
        # a period total is used only when there is no incident figure
        ("Clashes in the city have killed 17 people so far, medics said.", 17, None),
        # nothing reported
        ("The ceasefire held on Sunday, both sides said.", None, None),
        # a total followed by its breakdown
        ("The battle left 30 fighters dead, 18 soldiers and 12 rebels.", 30, None),
    ],
)
def test_incident_totals(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)


def test_precomputed_quantities_give_the_same_totals() -> None:
    text = "Rockets killed 3 people and wounded 8 in the town; the toll later rose to 5."
    assert incident_totals(text, find_quantities(text)) == incident_totals(text) == (5, 8)


def test_no_quantities_means_no_figures() -> None:
    assert incident_totals("Talks resumed in Astana.", []) == (None, None)


def test_a_stated_total_updates_the_count() -> None:
    text = (
        "A car bomb killed seven people in the market. A second device killed five near the mosque. "
        "In total, 12 people were killed in the two blasts, police said."
    )
    assert incident_totals(text) == (12, None)


def test_all_and_the_before_the_number() -> None:
    assert incident_totals("The crash killed all six passengers on board.") == (6, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a retaliation is another incident, even with the verb in scare quotes
        (
            "Rocket fire killed three Turkish soldiers at a base near Sarmin. "
            'Ankara said its artillery had "neutralised" 40 regime fighters in response.',
            3,
            None,
        ),
        # "another" with the noun left out, before its own verb
        ("Two policemen were killed and another wounded at the gate.", 2, 1),
        # a restatement with "more" in the sentence does not add
        ("Five soldiers killed in Jisr\nShelling killed five soldiers and wounded five more, the army said.", 5, 5),
        # a short period total is the report's figure when it has no incident figure at all
        ("Barrel bombs have killed at least 45 civilians since May 3, the monitor said.", 45, None),
        # but not a campaign-sized one
        ("Since the spring, more than 1,200 civilians have been killed in the province.", None, None),
    ],
)
def test_incident_versus_period_and_retaliation(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The army said it killed 25 insurgents and lost three soldiers near the border.", 28, None),
        ("Nine guards were killed, the group said, adding that the attackers had lost dozens of men.", 9, None),
        ("Dozens of people were wounded and a medic was killed in the shelling.", 1, 24),
    ],
)
def test_losses_and_vague_figures(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("One guard was killed at the north gate and two at the south gate.", 3, None),
        ("Four fighters died in the raid. A commander was among the wounded.", 4, 1),
        ("Seven people were killed. Two children were among the dead.", 7, None),
        ("Medics reported 'three martyrs and eight wounded' after the strike.", 3, 8),
    ],
)
def test_elided_numbers_among_the_dead_and_martyrs(text: str, killed: int | None, injured: int | None) -> None:
    assert incident_totals(text) == (killed, injured)
