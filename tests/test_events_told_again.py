"""One act told twice in a report is one row (truceline/events/merge.py told_again): the lead's account and the
actor's own words further down. Sentences written by us; each report is dated by metadata."""

from __future__ import annotations

from typing import Any

from test_events import pipeline_events

from truceline.model import Event, RawDocument
from truceline.pipeline import Pipeline


def events_of(text: str, published: str = "2021-05-14") -> list[Event]:
    return pipeline_events(text, published)


LEAD = "Armenia's prime minister agreed a truce with Azerbaijan's president last week. "


def test_the_actors_own_telling_of_an_act_is_that_act(nlp: Any) -> None:
    events = events_of(LEAD + '"We signed the ceasefire in Geneva," the prime minister told parliament.')
    agreements = [e for e in events if e.type == "AGREE"]
    assert len(agreements) == 1, agreements
    # the earlier row keeps its own day and takes the place the later telling adds
    assert agreements[0].time is not None and agreements[0].time.text == "last week"
    assert agreements[0].place is not None and agreements[0].place.name == "Geneva"


def test_a_telling_with_a_day_of_its_own_is_another_act(nlp: Any) -> None:
    # contrast: the second sentence names its own day, so it may be a second agreement
    events = events_of(LEAD + '"On Monday we signed a second deal in Geneva," the prime minister told parliament.')
    assert len([e for e in events if e.type == "AGREE"]) == 2


def test_another_side_is_not_told_again(nlp: Any) -> None:
    # contrast: the same kind of act by another side is another act
    events = events_of(LEAD + "Georgia signed a truce with its neighbours in Geneva, officials said.")
    assert len([e for e in events if e.type == "AGREE"]) == 2


def requests(text: str) -> list[Event]:
    return [e for e in events_of(text) if e.type == "REQUEST"]


def test_the_quote_behind_a_statements_summary_is_that_statement(nlp: Any) -> None:
    # the lead sums up what the state asked, the quote further down is the asking itself: one act of saying
    lead = "Armenia urged Russia on Wednesday to send monitors to the border. "
    found = requests(lead + '"We expect Moscow to send monitors soon," the Armenian prime minister told reporters.')
    assert len(found) == 1, found
    assert found[0].time is not None and found[0].time.text == "Wednesday"


def test_statements_of_two_speakers_or_of_two_contents_are_two(nlp: Any) -> None:
    # contrast: two named speakers are two acts of saying, however alike their words
    two = (
        "Prime Minister Nikol Pashinyan urged Russia on Wednesday to send monitors to the border. "
        '"We expect Moscow to send monitors soon," Foreign Minister Ararat Mirzoyan told reporters.'
    )
    assert len(requests(two)) == 2
    # contrast: one speaker asking two different things
    lead = "Armenia urged Russia on Wednesday to send monitors to the border. "
    assert len(requests(lead + '"We expect Moscow to reopen the railway," the prime minister told reporters.')) == 2


def test_a_negation_retold_by_its_speaker_is_one_row(nlp: Any) -> None:
    text = (
        "Kenya's foreign minister said on Monday that a ceasefire had not been secured in the border region. "
        '"We cannot say that a ceasefire has been secured yet," the minister told a news conference in Nairobi.'
    )
    negated = [e for e in events_of(text) if e.type == "AGREE" and e.stance == "negated"]
    assert len(negated) == 1, negated


def test_a_government_and_its_forces_are_one_side(nlp: Any) -> None:
    said = "Kenya's defence ministry said it had responded with air strikes. "
    quote = '"{} carried out six strikes," the ministry said in a statement.'
    strikes = [e for e in events_of(said + quote.format("Kenyan jets")) if e.type == "ASSAULT"]
    assert len(strikes) == 1, strikes
    # contrast: the country's rebels are another side
    strikes = [e for e in events_of(said + quote.format("Rebel fighters")) if e.type == "ASSAULT"]
    assert len(strikes) == 2, strikes


def test_a_report_in_parts_tells_an_act_once_as_the_whole_report_does() -> None:
    # the retelling falls in another part than the lead (and names its side itself, as a part knows only its own
    # words): the rows are those of the report coded whole
    from truceline.settings import Limits

    filler = "The weather in the capital was mild and the markets stayed open.\n\n" * 30
    quote = '"We signed the ceasefire in Geneva," Armenia\'s prime minister told parliament.'
    text = LEAD + "\n\n" + filler + quote
    rows = []
    for limit in (100_000, 1_500):
        raw = RawDocument(id=f"p{limit}", kind="text", content="Report\n\n" + text, origin="t", published="2021-05-14")
        out = next(iter(Pipeline(limits=Limits(max_part_chars=limit)).run([raw])))
        assert out.analysis is not None, out.failure or out.skip
        rows.append([(e.index, e.type, e.trigger.text) for e in out.analysis.events])
    assert rows[0] == rows[1] and [r[1] for r in rows[0]].count("AGREE") == 1, rows


def test_an_act_within_an_operation_is_not_the_operation_told_again(nlp: Any) -> None:
    said = "Kenya launched a military operation against Somali militants in Kismayo on Tuesday. "
    act = "{} on Tuesday, the Kenyan defence ministry said."
    strikes = [
        e
        for e in events_of(said + act.format("Kenyan jets bombed two militant camps in Kismayo"))
        if e.type == "ASSAULT"
    ]
    assert len(strikes) == 2, [(e.trigger.text, e.mode) for e in strikes]


def test_a_definite_act_named_again_with_a_toll_of_its_own_is_kept(nlp: Any) -> None:
    # the second telling names the strike again but gives another source's toll: kept, so the two figures stay
    lead = "Air strikes hit a crowded Kenyan market on Monday, killing 20 people, medics said. "
    events = events_of(lead + "A monitor said 17 civilians died in the market strike.")
    strikes = [e for e in events if e.type == "ASSAULT"]
    assert len(strikes) == 2, strikes
    assert sorted(e.killed.value for e in strikes if e.killed is not None) == [17, 20]
