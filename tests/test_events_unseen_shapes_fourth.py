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
