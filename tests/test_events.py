"""Event coding on sentences we wrote, one construction per test, with a hand-built Analysis.

The actor dictionary here is a tiny fake with the same methods as ActorDictionary, so these tests pin the
event logic alone and keep passing whatever the actors stage's data says.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from truceline.model import Actor, Analysis, Article, CleanedText, Event, Place, PubDate, Quantity, TimeRef
from truceline.stages.events import extract_events, select_sentences
from truceline.text import split_sentences

NAMES = {
    "Arcadia": ("ARC", None),
    "Arcadian": ("ARC", None),
    "Borduria": ("BOR", None),
    "Bordurian": ("BOR", None),
    "Bordurian army": ("BOR", "MIL"),
    "the junta": ("BOR", "GOV"),
    "Arcadia's interior ministry": ("ARC", "GOV"),
    "Borduria's foreign ministry": ("BOR", "GOV"),
    "the rebels": (None, "REB"),
    "rebels": (None, "REB"),
    "villagers": (None, "CVL"),
    "Minister Lento": ("ARC", "GOV"),
}


class FakeActors:
    """find/resolve over NAMES: longest name first, no overlaps (the ActorDictionary contract)."""

    def find(self, text: str, **_: Any) -> list[Actor]:
        out: list[Actor] = []
        taken: set[int] = set()
        for name in sorted(NAMES, key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text, re.IGNORECASE):
                if taken & set(range(m.start(), m.end())):
                    continue
                taken |= set(range(m.start(), m.end()))
                country, sector = NAMES[name]
                out.append(Actor(m.start(), m.end(), m.group(), name=name, country=country, sector=sector))
        return sorted(out, key=lambda a: a.start)

    def resolve(self, phrase: str, *, start: int = 0, **_: Any) -> Actor | None:
        found = self.find(phrase)
        if not found:
            return None
        a = found[-1]
        return Actor(start + a.start, start + a.end, a.text, a.name, a.country, a.sector)

    def compound(self, members: list[Actor]) -> Actor:
        return Actor(members[0].start, members[-1].end, "+".join(m.text for m in members), members=tuple(members))


def code(
    nlp: Any,
    body: str,
    *,
    times: list[TimeRef] | None = None,
    places: list[Place] | None = None,
    quantities: list[Quantity] | None = None,
) -> list[Event]:
    sentences = split_sentences(body)
    published = PubDate("2031-05-02", None, None, "day")
    article = Article("t1", "test", None, None, None, published, CleanedText(None, body))
    dictionary = FakeActors()
    analysis = Analysis(
        article,
        times=times or [],
        actors=dictionary.find(body),
        places=places or [],
        quantities=quantities or [],
        sentences=sentences,
    )
    chosen = select_sentences(body, sentences)
    parsed = [(i, nlp(body[sentences[i][0] : sentences[i][1]])) for i in chosen]
    events = extract_events(analysis, parsed, dictionary)  # type: ignore[arg-type]
    for event in events:  # every offset must point back into the body
        assert body[event.trigger.start : event.trigger.end] == event.trigger.text
        for actor in (event.actor, event.recipient, event.claimed_by):
            if actor is not None:
                assert body[actor.start : actor.end] == actor.text or actor.members
    return events


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def country(actor: Actor | None) -> str | None:
    return None if actor is None else actor.country


def test_a_reported_breach_with_nothing_of_its_own_is_one_accusation(nlp: Any) -> None:
    """'X said Y is breaking the ceasefire' is X's accusation, one row: the breach says nothing the accusation
    does not (no day, no toll, no act), so it is not a second event."""
    events = code(nlp, "Arcadia said the junta is breaking the ceasefire.")
    assert [e.type for e in events] == ["ACCUSE"]
    accuse = events[0]
    assert country(accuse.actor) == "ARC" and country(accuse.recipient) == "BOR"
    assert accuse.stance == "asserted" and accuse.claimed_by is None


def test_reported_violation_with_its_own_day_is_a_claimed_assault_linked_to_the_accusation(nlp: Any) -> None:
    body = "Arcadia said the junta broke the ceasefire on Monday."
    monday = body.index("Monday")
    events = code(nlp, body, times=[TimeRef(monday, monday + 6, "Monday", "DATE", "2031-04-28", precision="day")])
    assault = one(events, "ASSAULT")
    accuse = one(events, "ACCUSE")
    assert assault.ceasefire == "violated" and assault.stance == "claimed"
    assert country(assault.actor) == "BOR" and country(assault.claimed_by) == "ARC"
    assert country(accuse.actor) == "ARC" and country(accuse.recipient) == "BOR"
    assert accuse.links == (("alleges", assault.index),)
    assert "ceasefire" in assault.context


def test_passive_voice_takes_the_by_agent_and_the_subject_as_target(nlp: Any) -> None:
    event = one(code(nlp, "The villagers were attacked by the rebels near the river."), "ASSAULT")
    assert event.actor is not None and event.actor.sector == "REB"
    assert event.recipient is not None and event.recipient.sector == "CVL"


def test_coordinated_subjects_make_one_compound_actor(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia and Borduria agreed a truce on the border."), "AGREE")
    assert event.ceasefire == "agreed"
    assert event.actor is not None
    assert sorted(m.country or "" for m in event.actor.members) == ["ARC", "BOR"]


def test_negation_marks_the_event_negated(nlp: Any) -> None:
    event = one(code(nlp, "A truce between Arcadia and Borduria had not been reached."), "AGREE")
    assert event.stance == "negated"


def test_threat_and_plan_modality(nlp: Any) -> None:
    threatened = code(nlp, "The junta said it might bomb the rebels.")
    assert [e.stance for e in threatened if e.type == "ASSAULT"] == ["threatened"]
    # with a threat verb the act is the THREATEN's own (its mode), not a second event (test_events_absorb)
    assert [e.type for e in code(nlp, "The junta threatened to bomb the rebels.")] == ["THREATEN"]
    planned = code(nlp, "Borduria will withdraw its troops from the valley.")
    assert one(planned, "RETREAT").stance == "planned"


def test_nominal_triggers_with_possessor_and_adjective_agents(nlp: Any) -> None:
    events = code(nlp, "Bordurian airstrikes hit the market. The junta's offensive stalled in the hills.")
    modes = {e.mode: country(e.actor) for e in events if e.type == "ASSAULT"}
    assert modes.get("aerial") == "BOR"
    assert modes.get("ground_offensive") == "BOR"


def test_light_verb_lends_its_subject_and_weapon_sets_the_mode(nlp: Any) -> None:
    event = one(code(nlp, "The rebels launched rocket attacks on an Arcadian outpost."), "ASSAULT")
    assert event.mode == "shelling" and event.actor is not None and event.actor.sector == "REB"
    assert country(event.recipient) == "ARC"


def test_denial_links_to_the_claim_it_denies(nlp: Any) -> None:
    body = (
        "Arcadia's interior ministry said the rebels attacked a police station. "
        "Borduria's foreign ministry denied that claim."
    )
    events = code(nlp, body)
    claim = next(e for e in events if e.type == "ASSAULT")
    assert claim.stance == "claimed" and country(claim.claimed_by) == "ARC"
    denials = [e for e in events if any(kind == "denies" for kind, _ in e.links)]
    assert denials and denials[0].links[0] == ("denies", claim.index)
    assert country(denials[0].actor) == "BOR"


def test_according_to_attributes_the_event(nlp: Any) -> None:
    event = one(code(nlp, "Bordurian jets bombed two villages, according to Minister Lento."), "ASSAULT")
    assert event.stance == "claimed" and country(event.claimed_by) == "ARC"


def test_time_in_the_clause_dates_the_event_else_publication(nlp: Any) -> None:
    body = "On the night of March 3, the rebels shelled the town."
    start = body.index("March 3")
    ref = TimeRef(start, start + 7, "March 3", "DATE", "2031-03-03", precision="day")
    event = one(code(nlp, body, times=[ref]), "ASSAULT")
    assert event.date == "2031-03-03" and not event.date_from_publication
    bare = one(code(nlp, "The rebels shelled the town."), "ASSAULT")
    assert bare.date == "2031-05-02" and bare.date_from_publication and bare.date_precision == "reported by"


def test_time_of_the_speech_verb_does_not_date_the_reported_attack(nlp: Any) -> None:
    body = "Arcadia said on Friday that the rebels are attacking the dam."
    start = body.index("Friday")
    ref = TimeRef(start, start + 6, "Friday", "DATE", "2031-05-01", precision="day")
    event = one(code(nlp, body, times=[ref]), "ASSAULT")
    assert event.date_from_publication


def test_a_date_that_bounds_the_act_says_so_in_its_precision(nlp: Any) -> None:
    body = "Bordurian troops have shelled the villages around Velka since March 3."
    start = body.index("March 3")
    ref = TimeRef(start, start + 7, "March 3", "DATE", "2031-03-03", date(2031, 3, 3), date(2031, 5, 2), "day", "since")
    event = one(code(nlp, body, times=[ref]), "ASSAULT")
    assert (event.date, event.date_precision) == ("2031-03-03", "since")


def test_a_past_act_told_under_a_dated_report_happened_by_that_day(nlp: Any) -> None:
    body = "Arcadia announced on Thursday that its troops shelled the dam."
    start = body.index("Thursday")
    ref = TimeRef(start, start + 8, "Thursday", "DATE", "2031-04-30", precision="day")
    event = one(code(nlp, body, times=[ref]), "ASSAULT")
    assert (event.date, event.date_precision, event.date_from_publication) == ("2031-04-30", "reported by", False)


def test_an_act_going_on_when_it_was_told_is_dated_that_day(nlp: Any) -> None:
    body = "Arcadia said on Thursday that its troops were shelling the dam."
    start = body.index("Thursday")
    ref = TimeRef(start, start + 8, "Thursday", "DATE", "2031-04-30", precision="day")
    event = one(code(nlp, body, times=[ref]), "ASSAULT")
    assert (event.date, event.date_precision, event.date_from_publication) == ("2031-04-30", "day", False)


def test_a_date_the_parser_hangs_on_a_gerund_dates_the_main_act(nlp: Any) -> None:
    body = "Bordurian jets bombed a school sheltering displaced families in Velka on Tuesday."
    start = body.index("Tuesday")
    ref = TimeRef(start, start + 7, "Tuesday", "DATE", "2031-04-29", precision="day")
    event = one(code(nlp, body, times=[ref]), "ASSAULT")
    assert (event.date, event.date_precision) == ("2031-04-29", "day")


def test_casualties_and_place_in_the_clause(nlp: Any) -> None:
    body = "Bordurian army units fired mortars at an outpost in Velka, injuring three soldiers."
    q_start = body.index("three soldiers")
    injured = Quantity(q_start, q_start + 14, "three soldiers", "injured", 3)
    p_start = body.index("Velka")
    place = Place(p_start, p_start + 5, "Velka", name="Velka", country="ARC")
    event = one(code(nlp, body, places=[place], quantities=[injured]), "ASSAULT")
    assert event.injured is not None and event.injured.value == 3
    assert event.place is not None and event.place.text == "Velka"
    assert event.mode == "shelling"


def test_select_sentences_keeps_event_sentences_only() -> None:
    body = (
        "The weather in the capital was mild. Rebels shelled the airport. "
        "Markets opened late. The two sides agreed a truce. Prices of bread rose."
    )
    sentences = split_sentences(body)
    chosen = select_sentences(body, sentences)
    texts = [body[sentences[i][0] : sentences[i][1]] for i in chosen]
    assert texts == ["Rebels shelled the airport.", "The two sides agreed a truce."]
    assert select_sentences("", []) == []


def test_pronoun_subject_of_reported_speech_is_the_speaker(nlp: Any) -> None:
    event = one(code(nlp, "Borduria said it would withdraw from the valley."), "RETREAT")
    assert event.stance == "planned"
    assert country(event.actor) == "BOR" and country(event.claimed_by) == "BOR"


def test_target_read_from_the_complement_clause(nlp: Any) -> None:
    event = one(code(nlp, "Arcadia demanded that Borduria release the prisoners."), "REQUEST")
    assert country(event.actor) == "ARC" and country(event.recipient) == "BOR"


def test_mentions_of_earlier_or_hypothetical_attacks_are_not_new_events(nlp: Any) -> None:
    body = (
        "Arcadia held talks about the fighting. "
        "Borduria would answer any attack. "
        "The junta will retaliate if attacks on its posts continue."
    )
    triggers = [e.trigger.text for e in code(nlp, body) if e.type == "ASSAULT"]
    assert "fighting" not in triggers and "attack" not in triggers and "attacks" not in triggers


def test_casualty_verb_folds_into_the_attack_it_reports(nlp: Any) -> None:
    events = code(nlp, "Bordurian airstrikes killed four villagers.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].mode == "aerial"
    assert events[0].recipient is not None and events[0].recipient.text.endswith("villagers")


def test_explicit_accusation_links_to_the_act_it_alleges(nlp: Any) -> None:
    events = code(nlp, "Arcadia accused the junta of shelling the border villages.")
    accuse = one(events, "ACCUSE")
    assault = one(events, "ASSAULT")
    assert assault.stance == "claimed" and country(assault.claimed_by) == "ARC"
    assert ("alleges", assault.index) in accuse.links


def test_a_reported_ordinary_attack_is_a_claim_not_an_accusation(nlp: Any) -> None:
    events = code(nlp, "Arcadia said the rebels attacked a checkpoint.")
    assert [e.type for e in events] == ["ASSAULT"] and events[0].stance == "claimed"


def test_trailing_source_attributes_and_a_saying_clause_does_not(nlp: Any) -> None:
    claimed = code(nlp, "Before dawn, rebel rockets hit the depot in the valley, Minister Lento said.")
    assert [e.stance for e in claimed if e.type == "ASSAULT"] == ["claimed"]
    assert country(next(e for e in claimed if e.type == "ASSAULT").claimed_by) == "ARC"
    rejected = one(code(nlp, "Borduria rejected the accusation, saying its jets hit only depots."), "REJECT")
    assert rejected.stance == "asserted" and rejected.claimed_by is None


def pipeline_events(text: str, published: str) -> list[Event]:
    """The events of one report, `text` under a title line, dated `published` by metadata, through the whole
    per-report pipeline (the packaged dictionaries, gazetteer and event model)."""
    from truceline.model import RawDocument
    from truceline.pipeline import Pipeline

    raw = RawDocument(
        id=str(abs(hash(text))), kind="text", content="Report\n\n" + text, origin="t", published=published
    )
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None, out.failure or out.skip
    return out.analysis.events
