"""A third set of wire-copy shapes that gave a wrong doer, day, stance or row: the day a report was filed, the
subject of a relative clause, a group described rather than named, a halt in one's own attacks, a text's terms, a
duty still owed, "neither side", the toll of a stretch of fighting, a verb joined to a gerund. Sentences written for
these tests, run through the whole per-report pipeline."""

from __future__ import annotations

from test_events import pipeline_events

from truceline.model import Event
from truceline.nlp import load_nlp


def of_type(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def test_an_undated_act_takes_the_day_the_copy_was_filed() -> None:
    # the page is dated the day after the dateline: what the report tells without a time was by the dateline's day
    events = pipeline_events(
        "PORT SUDAN, Sept 1 (Wire) - Drones struck a fuel depot in Port Sudan on Monday, the army said. The "
        "paramilitary Rapid Support Forces denied any role in a statement.",
        "2025-09-02",
    )
    (denial,) = of_type(events, "REJECT")
    assert denial.date == "2025-09-01" and denial.date_precision == "reported by"
    (struck,) = of_type(events, "ASSAULT")
    assert struck.date == "2025-09-01"  # its own Monday, as before


def test_a_page_dated_long_after_its_dateline_keeps_the_page_date() -> None:
    events = pipeline_events(
        "GOMA, March 3 (Wire) - The rebels denied any role in a statement.",
        "2025-03-20",
    )
    (denial,) = of_type(events, "REJECT")
    assert denial.date == "2025-03-20"  # a dateline weeks old is no filing day of this page


def test_the_subject_of_a_relative_clause_is_the_noun_it_follows() -> None:
    events = pipeline_events(
        "The M23 rebels, who seized the city of Bukavu in February, were not party to the deal.", "2025-06-28"
    )
    (seized,) = of_type(events, "ASSAULT")
    assert seized.actor is not None and seized.actor.name == "M23"
    events = pipeline_events("Russian troops, who attacked the village in January, are still there.", "2025-06-28")
    (attacked,) = of_type(events, "ASSAULT")
    assert attacked.actor is not None and attacked.actor.country == "RUS"


def test_a_group_described_not_named_is_the_group_named_before() -> None:
    events = pipeline_events(
        "Washington will halt its strikes after the Houthis made a pledge. The Iran-aligned group agreed to stop "
        "attacking American ships, officials said.",
        "2025-05-06",
    )
    (agreed,) = of_type(events, "AGREE")
    assert agreed.actor is not None and agreed.actor.name == "Houthis"
    events = pipeline_events(
        "The M23 rebels were not party to the deal. A spokesman for the rebel alliance said on Saturday the group "
        "would hold separate talks with Kinshasa in Doha.",
        "2025-06-28",
    )
    (talks,) = of_type(events, "CONSULT")
    assert talks.claimed_by is not None and talks.claimed_by.name == "M23"


def test_a_rebel_alliance_with_no_group_named_is_still_rebels() -> None:
    events = pipeline_events("The rebel alliance said it had pulled its fighters out of the town.", "2025-06-28")
    (pulled,) = of_type(events, "RETREAT")
    assert pulled.actor is not None and pulled.actor.sector == "REB"


def test_stopping_ones_own_attacks_is_a_halt_not_an_attack() -> None:
    events = pipeline_events("The United States will stop bombing the Houthis, the Omani minister said.", "2025-05-06")
    assert not of_type(events, "ASSAULT")
    (halt,) = of_type(events, "CONCEDE")
    assert halt.mode == "ceasefire_declared" and halt.stance in ("planned", "claimed")
    assert halt.actor is not None and halt.actor.country == "USA"
    events = pipeline_events("The army suspended its air strikes on the town on Friday.", "2025-05-06")
    assert [(e.type, e.mode) for e in events] == [("CONCEDE", "ceasefire_declared")]
    events = pipeline_events("Donors halted aid to the government on Friday.", "2025-05-06")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "discontinue")]


def test_a_halt_agreed_is_the_agreement_of_a_truce() -> None:
    events = pipeline_events("The rebels agreed on Monday to stop attacking the convoys.", "2025-05-06")
    assert [(e.type, e.mode) for e in events] == [("AGREE", "ceasefire_agreed")]


def test_a_halt_laid_as_a_duty_is_still_a_demand() -> None:
    events = pipeline_events('"The army must stop shelling our villages," the governor said.', "2025-05-06")
    assert [e.type for e in events] == ["REQUEST"]


def test_stopping_work_is_still_a_strike() -> None:
    events = pipeline_events("Thousands of dock workers stopped work on Monday over unpaid wages.", "2025-05-06")
    assert [e.type for e in events] == ["PROTEST"]


def test_a_texts_terms_are_no_request() -> None:
    events = pipeline_events(
        "The accord commits Congo and Rwanda to pull their troops back within 90 days and calls for a joint "
        "security mechanism.",
        "2025-06-28",
    )
    assert not of_type(events, "REQUEST")


def test_an_act_still_owed_is_planned() -> None:
    events = pipeline_events("The peace text still has to be signed and ratified by both parliaments.", "2025-08-09")
    agreements = of_type(events, "AGREE")
    assert agreements and all(e.stance == "planned" for e in agreements)


def test_neither_side_acting_is_negated() -> None:
    events = pipeline_events('"Neither side will target the other," the minister wrote.', "2025-05-06")
    (target,) = of_type(events, "ASSAULT")
    assert target.stance == "negated"


def test_the_toll_of_days_of_fighting_is_no_row() -> None:
    events = pipeline_events(
        "The two countries agreed on Wednesday to a ceasefire after days of fighting along their border killed "
        "dozens of soldiers and civilians, officials said.",
        "2025-10-15",
    )
    assert not of_type(events, "ASSAULT")
    assert of_type(events, "AGREE")


def test_a_past_verb_joined_to_a_gerund_is_the_main_verbs_fellow() -> None:
    doc = load_nlp()(
        "The president accused Israel of violating the truce and called on France to press it to withdraw."
    )
    called = next(t for t in doc if t.text == "called")
    assert called.head.text == "accused"
    events = pipeline_events(
        "The president accused Israel of violating the truce and called on France to press it to withdraw.",
        "2025-11-04",
    )
    (request,) = of_type(events, "REQUEST")
    assert request.actor is not None and request.actor.name != "Israel" and request.stance == "asserted"
