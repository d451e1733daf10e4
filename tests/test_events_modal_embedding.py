"""A modal on the verb that embeds an act carries over to the act: "a bill that would allow the army to send troops"
is a plan to send troops, not a sending; "could force them to withdraw" is a possibility. A speech verb's own
modal does not ("he will say the army shelled the town" is still his claim), and an embedding verb with no modal
leaves the act as told ("allowed the army to send troops").

Sentences are ours; the fake actor dictionary and the `code` helper come from test_events.
"""

from __future__ import annotations

from typing import Any

from test_events import code


def stance_of(nlp: Any, body: str, trigger: str) -> str:
    rows = [e for e in code(nlp, body) if e.trigger.text == trigger]
    assert len(rows) == 1, [(e.type, e.trigger.text) for e in code(nlp, body)]
    return rows[0].stance


def test_would_on_the_embedding_verb_makes_the_act_a_plan(nlp: Any) -> None:
    body = "The junta drafted a bill that would allow the Bordurian army to send troops to Arcadia."
    assert stance_of(nlp, body, "send") == "planned"


def test_an_embedding_verb_without_a_modal_leaves_the_act_as_told(nlp: Any) -> None:
    body = "The junta allowed the Bordurian army to send troops to Arcadia last week."
    assert stance_of(nlp, body, "send") == "asserted"


def test_it_under_the_embedding_verb_is_the_body_named_before_it(nlp: Any) -> None:
    # "it" is no speaker's pronoun here (nothing reports it): it is the last state or body the sentence names
    body = "Minister Lento said the junta was readying a bill that would allow it to send troops to Arcadia."
    rows = [e for e in code(nlp, body) if e.trigger.text == "send"]
    assert len(rows) == 1 and rows[0].actor is not None, rows
    assert (rows[0].actor.text, rows[0].actor.country) == ("the junta", "BOR")
    # contrast: with no state or body named before it, "it" stays no one (never a party named after it)
    body = "The draft bill would allow it to send troops to Arcadia."
    rows = [e for e in code(nlp, body) if e.trigger.text == "send"]
    assert len(rows) == 1 and rows[0].actor is None, rows
