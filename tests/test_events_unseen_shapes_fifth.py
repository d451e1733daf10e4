"""Shapes of conflict reporting met on reports nobody here had coded (a fifth batch). Sentences are ours, run
through the whole per-report pipeline (packaged dictionaries and event model)."""

from __future__ import annotations

from test_events import pipeline_events

DAY = "2021-11-10"  # a Wednesday


def _types(text: str, day: str = DAY) -> list[str]:
    return [e.type for e in pipeline_events(text, day)]


def test_an_agreement_a_request_asks_for_is_the_requests() -> None:
    # the envoy asks; no one has agreed to anything
    assert _types("The United States urged both sides to agree to a ceasefire.") == ["REQUEST"]
    assert _types("The envoy asked the rebels to sign the truce on Tuesday.") == ["REQUEST"]
    assert _types("Turkey demanded that Russia accept the deal.") == ["REQUEST"]
    # contrast: an agreement that describes a thing the request is about was made, and is coded
    rows = pipeline_events(
        "The government asked Ankara for help last month under a security accord the two sides signed in November.",
        DAY,
    )
    assert sorted(e.type for e in rows) == ["AGREE", "REQUEST"], [(e.type, e.trigger.text) for e in rows]
    # ... and an agreement reached after a request is the agreeing side's own act
    rows = pipeline_events("The rebels agreed to a ceasefire after the envoy urged them to.", DAY)
    assert sorted(e.type for e in rows) == ["AGREE", "REQUEST"], [(e.type, e.trigger.text) for e in rows]
