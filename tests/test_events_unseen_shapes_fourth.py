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
