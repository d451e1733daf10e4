"""Who a pronoun or an impersonal "it" in an attribution stands for: "he" is a person (or a speaker the dictionaries
do not know), never a ministry, an army or a country; "it" is never a person; "it is not possible to say" names no
speaker, so the quotation's speaker is the claimant.

Sentences are ours; the fake actor dictionary and the `code` helper come from test_events, given kinds here.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_events import FakeActors, code, one

from truceline.model import RawDocument
from truceline.pipeline import Pipeline

KINDS = {"Minister Lento": "person", "Borduria's foreign ministry": "agent", "Borduria": "country"}


@pytest.fixture(autouse=True)
def kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FakeActors, "kind_of", lambda self, actor: KINDS.get(actor.name), raising=False)


def claimant(events: list[Any], type_: str) -> str | None:
    by = one(events, type_).claimed_by
    return None if by is None else by.name


def test_he_is_not_the_ministry_that_spoke_last(nlp: Any) -> None:
    body = (
        "Minister Lento said the roads were open again. Borduria's foreign ministry denied the report. "
        '"Rebels shelled the airport," he said.'
    )
    assert claimant(code(nlp, body), "ASSAULT") == "Minister Lento"


def test_he_with_only_a_ministry_before_it_names_no_claimant(nlp: Any) -> None:
    body = 'Borduria\'s foreign ministry denied the report. "Rebels shelled the airport," he said.'
    assert claimant(code(nlp, body), "ASSAULT") is None


def test_it_is_the_ministry_not_the_minister(nlp: Any) -> None:
    body = (
        "Borduria's foreign ministry denied the report. Minister Lento said the roads were open again. "
        '"Rebels shelled the airport," it said.'
    )
    assert claimant(code(nlp, body), "ASSAULT") == "Borduria's foreign ministry"


def test_an_impersonal_it_leaves_the_claim_to_the_quotations_speaker(nlp: Any) -> None:
    body = '"It is not possible to say a ceasefire has been secured," Minister Lento told reporters.'
    assert claimant(code(nlp, body), "AGREE") == "Minister Lento"


def test_the_statement_is_the_statement_brought_in_before(nlp: Any) -> None:
    # '"...," the statement read': the author of the statement the report introduced, not the last speaker
    body = (
        "A statement from an aide of Minister Lento said he was alarmed by the fighting and called for calm. "
        "Borduria's foreign ministry said talks would go on. "
        '"The minister is alarmed by reported attacks on the roads out of the city," the statement read.'
    )
    assert claimant(code(nlp, body), "ASSAULT") == "Minister Lento"
    # a statement nobody was named as making names no claimant
    body = (
        "Borduria's foreign ministry said talks would go on. "
        '"The minister is alarmed by reported attacks on the roads out of the city," the statement read.'
    )
    assert claimant(code(nlp, body), "ASSAULT") is None


def test_his_office_tells_an_act_for_the_one_who_did_it(nlp: Any) -> None:
    # no party is named in "his office": it speaks for the minister whose act it tells
    events = code(nlp, "Minister Lento met the Arcadian envoy in Velka on Sunday, his office said.")
    by = one(events, "CONSULT").claimed_by
    assert by is not None and (by.text, by.country) == ("his office", "ARC")
    # contrast: an office with no pronoun names no one
    events = code(nlp, "Minister Lento met the Arcadian envoy in Velka on Sunday, a regional office said.")
    by = one(events, "CONSULT").claimed_by
    assert by is None or by.country != "ARC"


def test_a_simple_past_after_a_reported_past_perfect_is_the_tellers_own_act(nlp: Any) -> None:
    # the parser hangs "accused" on "had shelled"; its tense is the telling's: the ministry accused Arcadia
    body = "Borduria's foreign ministry said rebels had shelled the villages and accused Arcadia of arming them."
    accusations = [e for e in code(nlp, body) if e.trigger.text == "accused"]
    assert len(accusations) == 1, accusations
    event = accusations[0]
    assert event.actor is not None and event.actor.country == "BOR"
    assert event.stance == "asserted" and event.claimed_by is None
    # contrast: a past perfect conjunct stays in the reported clause, the rebels' act as the ministry tells it
    body = "Borduria's foreign ministry said rebels had shelled the villages and had attacked Arcadia."
    attacks = [e for e in code(nlp, body) if e.trigger.text == "attacked"]
    assert len(attacks) == 1 and attacks[0].stance == "claimed", attacks


def test_the_word_before_statement_says_whose_it_is(nlp: Any) -> None:
    # "a military statement": the military's (the army named before), so the accusation it makes is the army's
    def accusers(text: str) -> list[str | None]:
        raw = RawDocument(id=str(abs(hash(text))), kind="text", content="Report\n\n" + text, origin="t")
        out = next(iter(Pipeline().run([raw])))
        assert out.analysis is not None
        return [e.actor.country if e.actor else None for e in out.analysis.events if e.type == "ACCUSE"]

    lead = "The Kenyan army pulled back from the town on Monday. "
    assert accusers(lead + "A military statement said rebels had violated the truce near the town.") == ["KEN"]
    # contrast: "a joint statement" says nothing of whose
    assert accusers(lead + "A joint statement said rebels had violated the truce near the town.") != ["KEN"]
