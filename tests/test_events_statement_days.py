"""A statement act is dated by the day its sentence gives it, not by the report's: a denial "on Tuesday", a
rejection "in a statement released on Monday". Reports are ours, run through the whole per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events


def test_a_denial_of_a_claim_takes_its_own_day() -> None:
    body = "Arcadian officials said on Monday that their posts had been shelled. Borduria denied the claim on Tuesday."
    denial = next(e for e in pipeline_events(body, "2026-05-08") if e.type == "REJECT")
    assert (denial.date, denial.date_precision, denial.date_from_publication) == ("2026-05-05", "day", False)
    # with no day of its own, the report's day, flagged as such
    body = "Arcadian officials said on Monday that their posts had been shelled. Borduria denied the claim."
    denial = next(e for e in pipeline_events(body, "2026-05-08") if e.type == "REJECT")
    assert denial.date_from_publication and denial.date_precision == "reported by"


def test_a_statement_act_takes_the_day_its_statement_came_out() -> None:
    for body, day in (
        ("In a statement released on Monday, the rebels rejected the offer of talks.", "2026-05-04"),
        ("In a video posted late on Sunday, the rebels threatened to attack the capital.", "2026-05-03"),
    ):
        event = next(e for e in pipeline_events(body, "2026-05-08") if e.type in ("REJECT", "THREATEN"))
        assert (event.date, event.date_from_publication) == (day, False), body
