"""Shapes wire copy uses all the time that lost a row, a doer or a teller: a lede given as the first line of a plain
text, "shot dead" misparsed, a closing speaker the parser hung elsewhere, a view told as a habit, and "the two
countries" after a pair named in no coded act. Sentences written for these tests, run through the whole per-report
pipeline (the packaged dictionaries, gazetteer and event model)."""

from __future__ import annotations

from truceline.model import Event, RawDocument
from truceline.stages.clean import clean


def assaults(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type == "ASSAULT"]


def test_a_full_stopped_lede_on_the_first_line_is_body_not_title() -> None:
    lede = "Rebels fired 30 rockets at the garrison town of Ayod overnight, the army said on Tuesday."
    cleaned = clean(RawDocument(id="a", kind="text", content=f"{lede}\n\nTwo soldiers were hurt.\n", origin="a"))
    assert cleaned.title is None
    assert cleaned.body.startswith("Rebels fired")
    # a headline keeps its place: no full stop, or no speaker and no day
    headline = "Rebels fire rockets at garrison town of Ayod, army says"
    cleaned = clean(RawDocument(id="b", kind="text", content=f"{headline}\n\n{lede}\n", origin="b"))
    assert cleaned.title == headline


def test_the_lede_of_a_plain_text_without_a_title_is_coded() -> None:
    from truceline.pipeline import Pipeline

    text = (
        "Rebels fired 30 rockets at the garrison town of Ayod overnight, the army said on Tuesday.\n\n"
        "The army said it had shot down a drone near the airstrip."
    )
    raw = RawDocument(id="lede", kind="text", content=text, origin="t", published="2023-08-15")
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None
    triggers = [e.trigger.text for e in out.analysis.events]
    assert "fired" in triggers
