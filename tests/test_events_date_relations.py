"""Event dates a clause gives through another phrase (truceline/events/attach.py): a "when" clause on a time, and
a noun of an act in an "after" or "before" phrase; and the place of a meeting, not of its aim. Sentences written by
us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

from truceline.model import Event, RawDocument
from truceline.pipeline import Pipeline


def events_of(text: str, published: str = "2020-02-07") -> dict[str, Event]:
    raw = RawDocument(
        id=str(abs(hash(text))), kind="text", content="Report\n\n" + text, origin="t", published=published
    )
    out = next(iter(Pipeline().run([raw])))
    assert out.analysis is not None, out.failure or out.skip
    return {e.trigger.text: e for e in out.analysis.events}


def test_a_when_clause_on_a_time_is_dated_to_that_time(nlp: Any) -> None:
    # the time a relative "when" clause hangs on is its time, even under "since", which bounds the main clause only
    event = events_of("The province has been unstable since 2014, when militias overran the airport.")["overran"]
    assert (event.date, event.date_precision, event.date_from_publication) == ("2014", "year", False)
    event = events_of("Talks collapsed in March 2017, when rebels shelled the delegation's hotel.")["shelled"]
    assert (event.date, event.date_precision) == ("2017-03", "month")


def test_a_relative_clause_without_when_keeps_its_own_time(nlp: Any) -> None:
    # contrast: "which" and "where" clauses on a time or place say nothing of when their act happened
    event = events_of("The deal of 2014, which militias attacked in their statements, is dead.")["attacked"]
    assert event.date != "2014"


def test_a_noun_in_an_after_phrase_is_before_the_clause_time(nlp: Any) -> None:
    # (weeks of attacks are a stretch of acts, no row: test_events_wire_shapes_more; weeks of talks are one meeting)
    events = events_of("A truce was reached on Monday after weeks of talks in Doha.")
    assert (events["talks"].date, events["talks"].date_precision) == ("2020-02-03", "before")
    events = events_of("A truce was agreed on Monday before weeks of talks in Doha.")
    assert (events["talks"].date, events["talks"].date_precision) == ("2020-02-03", "after")
    # contrast: a noun that is the clause's object shares the clause's day
    events = events_of("The army kept up air strikes on the town on Monday.")
    assert (events["strikes"].date, events["strikes"].date_precision) == ("2020-02-03", "day")


def test_a_noun_with_a_time_of_its_own_keeps_it_in_an_after_phrase(nlp: Any) -> None:
    from datetime import date

    from truceline.events.attach import event_date, prepositional_relation
    from truceline.model import PubDate
    from truceline.stages.dates import tag_times

    text = "A truce was reached on Monday after the January 30 air strikes by the army."
    doc = nlp(text)
    noun = next(t for t in doc if t.text == "strikes")
    verb = next(t for t in doc if t.text == "reached")
    order = prepositional_relation(noun, verb)
    assert order == "before"
    published = PubDate("2020-02-07", date(2020, 2, 7), date(2020, 2, 7), "day")
    _, value, precision, _ = event_date(
        doc,
        0,
        tag_times(text, date(2020, 2, 7)),
        {noun.i, verb.i},
        published,
        None,
        (order, {t.i for t in noun.subtree}),
    )
    assert (value, precision) == ("2020-01-30", "day")


def test_the_aim_of_a_meeting_is_not_where_it_was_held(nlp: Any) -> None:
    # "with the aim of reaching a truce in X": X is where the truce is meant to hold, not where the talks are
    events = events_of("Qatar was talking to Israel with the aim of securing a truce in Gaza.")
    assert events["talking"].place is None or events["talking"].place.name != "Gaza"
    # contrast: the place of the talks themselves is kept
    events = events_of("Sudan's army was talking to the paramilitaries in Jeddah about a truce.")
    assert events["talking"].place is not None and events["talking"].place.name == "Jeddah"


def test_deaths_in_a_clause_at_another_time_are_an_act_of_their_own(nlp: Any) -> None:
    # "after 40 soldiers were killed last month": the killing is its own act, with its own month and toll
    events = events_of("Chad launched an offensive against the rebels after 40 of its soldiers were killed last month.")
    killing, offensive = events["killed"], events["offensive"]
    assert (killing.type, killing.date) == ("ASSAULT", "2020-01")
    assert killing.killed is not None and killing.killed.value == 40
    assert offensive.killed is None and offensive.date_precision == "after"
    # contrast: deaths told by a participle of the act are that act's toll
    events = events_of("Jets bombed the market on Monday, killing 12 people.")
    assert "killing" not in events and events["bombed"].killed is not None and events["bombed"].killed.value == 12


def test_a_since_phrase_under_an_infinitive_bounds_the_perfect_verb_above_it(nlp: Any) -> None:
    # "since" needs a verb in the perfect: under "to retake" the parse hangs it on the wrong verb
    event = events_of("The army has been fighting to retake the town since December.")["fighting"]
    assert (event.date, event.date_precision) == ("2019-12", "since")
    # contrast: no perfect above it, no bound taken
    event = events_of("The army was fighting to retake the town since December.")["fighting"]
    assert event.date_precision != "since"
