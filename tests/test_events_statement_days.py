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


def test_a_day_between_the_speech_verb_and_its_clause_is_the_speechs() -> None:
    # "said on Monday it had repelled": the parser hangs "on Monday" on "repelled", but it says when it was said; the
    # attack happened by then
    for body in (
        "The army said on Monday it had repelled an attack near the airport.",
        "The army said on Monday that it had repelled an attack near the airport.",
    ):
        attack = next(e for e in pipeline_events(body, "2026-05-08") if e.type == "ASSAULT")
        assert (attack.date, attack.date_precision) == ("2026-05-04", "reported by"), body
    # a day the reported clause gives itself stays its own
    body = "The army said it had repelled an attack near the airport on Monday."
    attack = next(e for e in pipeline_events(body, "2026-05-08") if e.type == "ASSAULT")
    assert (attack.date, attack.date_precision) == ("2026-05-04", "day")


def test_a_day_after_a_verb_of_calling_is_when_not_a_name() -> None:
    # "called Thursday on Arab states": the parser takes the day for what the states are called; it is when
    events = pipeline_events(
        "The Syrian newspaper called Thursday on Arab states to unite against Israel.", "2026-05-08"
    )
    request = next((e for e in events if e.type == "REQUEST"), None)
    assert request is not None and request.actor is not None and request.actor.country == "SYR"
    assert request.date == "2026-05-07"
