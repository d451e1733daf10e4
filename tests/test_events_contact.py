"""Being in contact is consulting: "Arcadia was in contact with Borduria about the violations". Sentences are ours;
the fake actor dictionary and the `code` helper come from test_events."""

from __future__ import annotations

from typing import Any

from test_events import code, one


def test_being_or_staying_in_contact_with_a_party_is_consulting_it(nlp: Any) -> None:
    for body in (
        "Arcadia was in contact with Borduria about the violations on Monday.",
        "Arcadia is in close contact with Borduria over the border crossings.",
        "Minister Lento has been in touch with Borduria since the truce began.",
        "Arcadia stayed in contact with Borduria throughout the talks.",
    ):
        event = one(code(nlp, body), "CONSULT")
        assert event.actor is not None and event.actor.country == "ARC", body
        assert event.recipient is not None and event.recipient.country == "BOR", body


def test_losing_contact_or_a_line_of_contact_is_no_consultation(nlp: Any) -> None:
    for body in (
        "Villagers lost contact with relatives in Borduria on Monday.",
        "The rebels shelled positions along the line of contact on Monday.",
    ):
        assert all(e.type != "CONSULT" for e in code(nlp, body)), body
