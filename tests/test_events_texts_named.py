"""Texts named by where they were made: "the Minsk agreements", "a truce agreed in Moscow". The place names the text,
so it is no party to what the sentence tells, no scene of it, and its making is no happening of this report unless
the sentence dates it or says who made it. Reports are ours, run through the whole per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events


def test_a_capital_written_on_a_text_is_no_party_to_it() -> None:
    events = pipeline_events("Kyiv said Moscow had never respected the Minsk agreements.", "2021-11-20")
    assert events, "the unkept agreement is coded"
    assert all(e.recipient is None or e.recipient.country != "BLR" for e in events), [
        (e.type, e.recipient) for e in events
    ]
    events = pipeline_events("The government accused the militia of violating the Berlin truce.", "2020-02-20")
    codes = {p.code for e in events for p in (e.actor, e.recipient) if p is not None}
    assert codes and not any(c and c.startswith("DEU") for c in codes), codes


def test_an_undated_making_of_a_text_is_no_row_and_its_place_no_scene() -> None:
    text = "Azerbaijan accused Armenian forces of shelling Terter, in breach of a ceasefire agreed in Moscow."
    events = pipeline_events(text, "2020-10-12")
    assert "AGREE" not in [e.type for e in events], [(e.type, e.trigger.text) for e in events]
    shelling = next(e for e in events if e.type == "ASSAULT")
    assert shelling.place is None or shelling.place.country == "AZE", shelling.place


def test_a_making_dated_or_told_with_its_makers_stays_a_row() -> None:
    dated = pipeline_events("The rebels said the truce agreed on Saturday was holding.", "2022-10-20")
    assert [(e.type, e.date) for e in dated if e.type == "AGREE"] == [("AGREE", "2022-10-15")]
    makers = pipeline_events("A truce agreed between Armenia and Azerbaijan took effect at noon.", "2020-10-10")
    assert "AGREE" in [e.type for e in makers]


def test_a_text_described_after_its_news_is_no_second_agreement_and_its_terms_no_acts() -> None:
    text = (
        "The army and the rebels agreed on Saturday to a week-long truce, the mediators said. The agreement, signed in "
        "Jeddah after ten days of talks, also commits both sides to allowing food to reach the besieged towns."
    )
    events = pipeline_events(text, "2023-05-20")
    agreements = [e for e in events if e.type == "AGREE"]
    assert len(agreements) == 1 and agreements[0].trigger.text == "agreed", [(e.type, e.trigger.text) for e in events]
    assert not [e for e in events if e.type in ("CONCEDE", "AID")], [(e.type, e.trigger.text) for e in events]
