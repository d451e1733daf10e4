"""An act told only inside a report that someone calls false is that someone's denial, not an act the writer
asserts: "saying false reports that it shelled the market do not reflect the facts", "said reports that it shelled
the market were baseless", "called the claims that its troops shelled the market unfounded". A report of an act
called accurate, or told without a verdict, keeps its old stance.

Sentences are ours; the fake actor dictionary and the `code` helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code


def shelling(nlp: Any, body: str) -> tuple[str, str | None]:
    rows = [e for e in code(nlp, body) if e.trigger.text == "shelled"]
    assert len(rows) == 1, [(e.type, e.trigger.text) for e in code(nlp, body)]
    by = rows[0].claimed_by
    return rows[0].stance, None if by is None else by.name


def test_a_report_called_false_in_a_saying_clause_is_the_speakers_denial(nlp: Any) -> None:
    body = (
        "The Bordurian army rejected the claim on Friday, saying false media reports that it had shelled the market "
        "did not reflect the facts."
    )
    assert shelling(nlp, body) == ("denied", "Bordurian army")


def test_a_report_that_said_to_be_baseless_is_denied(nlp: Any) -> None:
    body = "Borduria's foreign ministry said reports that the rebels had shelled the market were baseless."
    assert shelling(nlp, body) == ("denied", "Borduria's foreign ministry")


def test_a_report_called_accurate_or_told_without_verdict_is_not_denied(nlp: Any) -> None:
    body = "Borduria's foreign ministry said reports that the rebels had shelled the market were accurate."
    assert shelling(nlp, body)[0] != "denied"
    body = "Reports that the rebels shelled the market spread quickly through the capital on Friday."
    assert shelling(nlp, body)[0] != "denied"
