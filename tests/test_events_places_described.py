"""A capital named by its country's adjective is the event's place ("met in the Turkish capital" were in Ankara),
from the gazetteer's demonyms and capitals (truceline/geo/described.py). Sentences written by us."""

from __future__ import annotations

from typing import Any

import pytest

from truceline.model import Event, RawDocument
from truceline.pipeline import Pipeline


def events_of(text: str) -> list[Event]:
    raw = RawDocument(
        id=str(abs(hash(text))), kind="text", content="Report\n\n" + text, origin="t", published="2022-03-10"
    )
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None, out.failure or out.skip
    return out.analysis.events


def only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "kind", "name", "country", "precision"),
    [
        ("Envoys of the two governments met in the Kenyan capital on Tuesday to discuss the border.", "CONSULT",
         "Nairobi", "KEN", 1),
        ("Rebels shelled the Yemeni capital overnight, killing three civilians.", "ASSAULT", "Sanaa", "YEM", 1),
        ("Gunmen attacked a police station near the Libyan capital on Sunday.", "ASSAULT", "Tripoli", "LBY", 2),
    ],
)  # fmt: skip
def test_a_capital_described_by_its_countrys_adjective_is_the_place(
    nlp: Any, sentence: str, kind: str, name: str, country: str, precision: int
) -> None:
    event = only(events_of(sentence), kind)
    assert event.place is not None, event
    assert (event.place.name, event.place.country, event.place.feature) == (name, country, "capital")
    assert event.place.precision == precision
    assert event.place.confidence is not None and 0.0 <= event.place.confidence <= 1.0  # scored like a named place
    # the place points at the words that describe it
    assert event.sentence[event.place.start - event.sentence_start : event.place.end - event.sentence_start].endswith(
        "capital"
    )


def test_what_a_statement_is_about_is_not_where_it_was_made(nlp: Any) -> None:
    event = only(events_of("Kenya urged Ethiopia on Monday to halt the fighting in the Ethiopian capital."), "REQUEST")
    assert event.place is None
    # contrast: an adjective that names no country leaves the place empty
    event = only(events_of("Envoys of the two governments met in the old capital on Tuesday."), "CONSULT")
    assert event.place is None


def test_a_statement_is_made_where_its_speech_verb_says(nlp: Any) -> None:
    text = (
        '"We will not wait much longer," the Kenyan president told reporters in Nairobi on Monday, adding that Kenya '
        "would act on its own if the raids did not stop."
    )
    threat = only(events_of(text), "THREATEN")
    assert threat.place is not None and threat.place.name == "Nairobi"
    # contrast: a speech verb that names no place leaves the statement's place open
    threat = only(events_of(text.replace(" in Nairobi", "")), "THREATEN")
    assert threat.place is None


def test_the_town_an_attack_hits_is_where_it_happened(nlp: Any) -> None:
    # the sentence names another town first, for another act; the attack's own object is its place
    text = "Baku denied firing on Kapan and said Armenian artillery had shelled Tartar on Friday."
    raw = RawDocument(id="struck", kind="text", content="Report\n\n" + text, origin="t", published="2020-10-11")
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None
    shelled = next(e for e in out.analysis.events if e.trigger.text == "shelled")
    assert shelled.place is not None and shelled.place.name == "Tartar", shelled.place


def test_where_forces_are_sent_is_where_the_deployment_is(nlp: Any) -> None:
    # the aim's town ("to guard the airport in Kismayo") is not where the troops go
    text = "Kenya sent troops to Somalia to guard the airport in Kismayo, officials said."
    raw = RawDocument(id="sent", kind="text", content="Report\n\n" + text, origin="t", published="2022-11-03")
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None
    sent = next(e for e in out.analysis.events if e.type == "MOBILIZE")
    assert sent.place is not None and sent.place.name == "Somalia", sent.place
