"""Precision of event coding: words that name an event without asserting one are not coded as events.

Sentences are ours; the fake actor dictionary and the `code` helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one

from truceline.model import RawDocument
from truceline.pipeline import Pipeline


def types(events: list[Any]) -> list[str]:
    return sorted(e.type for e in events)


def test_an_offensive_that_was_put_off_or_feared_is_not_an_event(nlp: Any) -> None:
    events = code(
        nlp,
        "Arcadia and Borduria agreed on Sunday to open a corridor, a deal that seemed to put off a rebel offensive "
        "that relief agencies had feared for months.",
    )
    assert types(events) == ["AGREE"]


def test_an_attack_named_as_what_a_verb_prevents_or_fears_is_not_asserted(nlp: Any) -> None:
    assert types(code(nlp, "The junta feared an offensive by the rebels.")) == []
    assert "ASSAULT" not in types(code(nlp, "Arcadia moved troops to the hills to stave off a rebel attack."))


def test_aid_agencies_are_actors_not_aid(nlp: Any) -> None:
    events = code(nlp, "Aid agencies asked Arcadia on Friday to open a road for the villagers.")
    assert "AID" not in types(events)
    assert one(events, "REQUEST").actor is not None


def test_a_definite_bare_noun_refers_back_to_an_event_already_coded(nlp: Any) -> None:
    events = code(
        nlp, "The rebels shelled a Bordurian army post on Monday. Arcadia later condemned the shelling in a statement."
    )
    assert [e.type for e in events].count("ASSAULT") == 1


def test_a_definite_noun_with_its_own_toll_or_agent_is_kept(nlp: Any) -> None:
    events = code(nlp, "The rebels shelled a village on Monday. Nine villagers died in the shelling.")
    assert [e.type for e in events].count("ASSAULT") == 2


def test_hours_of_talks_are_the_talks(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia and Borduria held six hours of talks in the capital."), "CONSULT")
    assert event.actor is not None and len(event.actor.members) == 2


def test_an_apposition_that_renames_the_deal_is_not_a_second_deal(nlp: Any) -> None:
    events = code(nlp, "Arcadia and Borduria signed a border protocol, an agreement that both sides hailed.")
    assert types(events) == ["AGREE"]


def test_a_dateline_city_is_not_the_subject(nlp: Any) -> None:
    events = code(nlp, "KESSEL, Borduria, May 3 (Plain Wire) - The Bordurian army attacked rebels near the river.")
    event = one(events, "ASSAULT")
    assert event.actor is not None and event.actor.sector == "MIL"


def test_a_nationality_word_on_a_town_is_not_a_target(nlp: Any) -> None:
    event = one(code(nlp, "The rebels captured the Bordurian town of Kessel."), "ASSAULT")
    assert event.recipient is None


def test_a_country_after_in_is_where_not_whom(nlp: Any) -> None:
    event = one(code(nlp, "Minister Lento met the rebels in Borduria."), "CONSULT")
    assert event.recipient is not None and event.recipient.sector == "REB"


def test_towns_are_never_resolved_as_actors_when_asked() -> None:
    from truceline.stages.actors import ActorDictionary

    book = ActorDictionary.load()
    town = book.resolve("Samarra")
    assert town is not None and town.country == "IRQ"  # PLOVER-style coding still can
    assert book.resolve("Samarra", towns=False) is None
    assert book.resolve("Samarra police", towns=False) is not None


def test_a_bare_country_acting_is_its_state_and_a_nationality_on_an_attack_its_forces(nlp: Any) -> None:
    from truceline.events.coding import code_text, load_dictionary

    book = load_dictionary()
    events, _ = code_text("Greece accused Albania of moving troops to the border.", book, nlp)
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.actor is not None and (accuse.actor.country, accuse.actor.sector) == ("GRC", "GOV")
    assert accuse.recipient is not None and (accuse.recipient.country, accuse.recipient.sector) == ("ALB", "GOV")
    events, _ = code_text("Greek shelling hit a depot on the hill.", book, nlp)
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.actor is not None and (assault.actor.country, assault.actor.sector) == ("GRC", "MIL")


def test_a_national_ngo_carries_the_country_it_watches() -> None:
    from truceline.stages.actors import ActorDictionary

    book = ActorDictionary.load()
    found = book.find("The Turkish Red Crescent and Amnesty International sent observers.")
    by_text = {a.text: a for a in found}
    assert by_text["Turkish Red Crescent"].country == "TUR" and by_text["Turkish Red Crescent"].sector == "NGO"
    assert by_text["Amnesty International"].country is None  # an international NGO has none
    kinds = {a.text: book.kind_of(a) for a in book.find("Greece said Greek troops left.")}
    assert kinds["Greece"] == "country"


def test_a_strike_is_a_labour_strike_only_by_its_own_words(nlp: Any) -> None:
    # "workers" elsewhere in the sentence (the ones who tell it) do not make the strike a walkout; the victims of
    # the casualty verb go to the strike that hit
    text = "Five shoppers were killed when a strike hit a bakery in Ariha on Monday, hospital workers said."
    raw = RawDocument(id="strike", kind="text", content="Report\n\n" + text, origin="t", published="2020-02-25")
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None
    kinds = [(e.type, e.trigger.text) for e in out.analysis.events]
    assert ("PROTEST", "strike") not in kinds, kinds
    hit = [e for e in out.analysis.events if e.type == "ASSAULT"]
    assert len(hit) == 1 and hit[0].killed is not None and hit[0].killed.value == 5, kinds


def test_a_strike_by_teachers_is_still_a_walkout(nlp: Any) -> None:
    text = "Teachers went on strike in Kabul on Monday over unpaid wages."
    raw = RawDocument(id="walkout", kind="text", content="Report\n\n" + text, origin="t", published="2020-02-25")
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None
    assert ("PROTEST", "strike") in [(e.type, e.trigger.text) for e in out.analysis.events]
