"""Event dates come from the sentence when it gives one, across sentence shapes, with the publication window only as
the fallback (truceline/events/attach.py event_date). Sentences written by us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

import pytest

from truceline.model import Event, RawDocument
from truceline.pipeline import Pipeline


def events_of(text: str, published: str = "2020-02-07") -> dict[str, Event]:
    raw = RawDocument(
        id=str(abs(hash(text))), kind="text", content="Report\n\n" + text, origin="t", published=published
    )
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None, out.failure or out.skip
    return {e.trigger.text: e for e in out.analysis.events}


# (sentence, trigger, expected date, expected precision); the report is from Friday 7 February 2020
CASES = [
    # the clause's own time
    ("Earlier this week, regime attacks killed seven Turkish soldiers.", "attacks", "2020-W06", "week"),
    ("The attack, on Thursday, killed three Turkish soldiers near Saraqib.", "attack", "2020-02-06", "day"),
    ("The army shelled the village on Wednesday. Rebels had attacked a checkpoint the previous day.", "attacked",
     "2020-02-04", "day"),
    # a conjunct and a participle share their clause's time (a purpose infinitive, "met ... to discuss", is an aim
    # and no event of its own: truceline/events/eventhood.py)
    ("Troops advanced on Thursday and seized the town of Saraqib.", "seized", "2020-02-06", "day"),
    ("Troops entered the town on Monday, killing three civilians.", "killing", "2020-02-03", "day"),
    # a when-clause shares the time both ways
    ("When rebels shelled the town on Tuesday, the army responded with air strikes.", "strikes", "2020-02-04", "day"),
    ("The ceasefire collapsed on Monday when jets bombed a market in Idlib.", "bombed", "2020-02-03", "day"),
    # an after-clause's time is a bound, not the act's day
    ("Turkey launched an operation in Idlib after 50 soldiers were killed there last month.", "operation", "2020-01",
     "after"),
    # reported speech: the day of the report it is told in
    ("The minister said on Friday that government forces had shelled the town.", "shelled", "2020-02-07", "reported by"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "value", "precision"), CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)]
)
def test_event_date_from_the_sentence(nlp: Any, text: str, trigger: str, value: str, precision: str) -> None:
    event = events_of(text)[trigger]
    assert (event.date, event.date_precision) == (value, precision), event
    assert not event.date_from_publication


def test_a_clause_of_its_own_or_a_plan_does_not_share_the_time(nlp: Any) -> None:
    # a conjunct with its own subject, a relative clause's time, a planned act and two times to choose from
    for text, trigger in (
        ("Erdogan agreed a truce last week, but previous deals have proved temporary.", "deals"),
        ("Rebels, who attacked the checkpoint on Tuesday, withdrew from the town.", "withdrew"),
        ("Envoys met in Ankara on Saturday and again on Monday but failed to reach agreement.", "failed"),
    ):
        event = events_of(text).get(trigger)
        if event is not None:
            assert event.date_from_publication and event.date_precision == "reported by", (text, event)
    agreed = events_of("The two sides agreed last week to launch joint patrols along the highway.")
    for trigger, event in agreed.items():
        if trigger != "agreed":
            assert event.date != "2020-W05", (trigger, event)
