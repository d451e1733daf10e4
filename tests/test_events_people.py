"""Who a person named in a report speaks for (truceline/events/mentions.py, arguments.py): "a spokesman for X",
a name set beside a title, the surname alone later on, and "all parties" that are the conflict's sides. Sentences
written by us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

from test_events import pipeline_events

from truceline.model import Event


def events_of(text: str, published: str = "2022-06-02") -> list[Event]:
    return pipeline_events(text, published)


def by_trigger(events: list[Event], word: str) -> Event:
    found = [e for e in events if e.trigger.text == word]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def test_a_spokesman_for_a_group_is_the_groups(nlp: Any) -> None:
    # the finder joins the title and the group it speaks for; the row takes that mention, not a bare "spokesman"
    # given the story's country (Turkey is the most named state here)
    events = events_of(
        "Turkey said its drones had hit fuel depots near Qamishli. "
        "A spokesman for the Syrian Democratic Forces accused Turkey of shelling villages east of the town."
    )
    actor = by_trigger(events, "accused").actor
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "REB"), actor


def test_a_name_beside_a_title_comes_back_as_its_party(nlp: Any) -> None:
    events = events_of(
        "The African Union's peace envoy, Tomas Vendel, called on the army to reopen the road to the camps. "
        "Vendel urged donors to send more food before the rains."
    )
    first, later = by_trigger(events, "called").actor, by_trigger(events, "urged").actor
    assert first is not None and first.sector == "IGO", first
    assert later is not None and (later.code, later.sector) == (first.code, first.sector), later
    assert later.text == "Vendel"  # the row points at the words of its own sentence


def test_an_unknown_surname_stays_unknown(nlp: Any) -> None:
    # contrast: a surname never introduced with a party gets no party from anyone else
    events = events_of(
        "The African Union's peace envoy, Tomas Vendel, called on the army to reopen the road to the camps. "
        "Okafor urged donors to send more food before the rains."
    )
    later = by_trigger(events, "urged").actor
    assert later is None or later.sector != "IGO", later


def test_all_parties_are_no_political_party(nlp: Any) -> None:
    events = events_of("The European Union called on all parties to respect the truce in Tripoli.")
    recipient = by_trigger(events, "called").recipient
    assert recipient is None or recipient.sector != "PTY", recipient


def test_a_ruling_party_is_still_a_party(nlp: Any) -> None:
    # contrast: a party that is one stays a party
    events = events_of("The ruling party accused the opposition of planning riots in the capital.")
    actor = by_trigger(events, "accused").actor
    assert actor is not None and actor.sector == "PTY", actor
