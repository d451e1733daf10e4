"""What a truce's end and its extensions tell of it: a truce known only by its end ("after a seven-day truce expired
at 7 a.m.") was not made on the day it ended; a truce extended runs longer than its name says, so "the six-day
truce" after a four-day pause was extended by two days is that pause; and a known agreement a report announces may
be told again by its document's word ("an additional protocol"), not founded anew; "agreed to an immediate and
unconditional ceasefire" makes one, though a call for an immediate ceasefire names none. The reports are our own
words."""

from __future__ import annotations

from typing import Any

import pytest
from test_link_agreement_life import agreements_by_report, link_reports

from truceline.link.mentions import find
from truceline.link.relations import relation_of
from truceline.text import split_sentences

REPORTS = {
    "expired.txt": (
        "Fighting resumes after truce ends\nFriday 1 December 2023\nRAFAH (Test Wire) - Air strikes resumed in the "
        "south of the Gaza Strip on Friday after a seven-day truce between Israel and Hamas expired at 7 a.m., "
        "health officials said.\n"
    ),
}
EXTENDED = {
    "agreed.txt": (
        "Rivals agree four-day pause\nWednesday 22 November 2023\nDOHA (Test Wire) - Israel and Hamas agreed on "
        "Wednesday to a four-day pause in the fighting in Gaza, Qatar said.\n"
    ),
    "extended.txt": (
        "Gaza pause extended\nMonday 27 November 2023\nDOHA (Test Wire) - Israel and Hamas agreed on Monday to "
        "extend the pause in Gaza by two days, Qatar said.\n"
    ),
    "ended.txt": (
        "Fighting resumes in Gaza\nSaturday 2 December 2023\nGAZA (Test Wire) - Fighting resumed in Gaza on "
        "Saturday after the six-day truce between Israel and Hamas ended, officials said.\n"
    ),
}


IMMEDIATE = {
    "putrajaya.txt": (
        "Neighbours agree to stop border fighting\nMonday 28 July 2025\nPUTRAJAYA, July 28 (Test Wire) - Thailand and "
        "Cambodia agreed on Monday to an immediate and unconditional ceasefire from midnight, the host said after "
        "talks.\nUnder Monday's agreement, commanders of both armies are to meet on Tuesday.\n"
    ),
}
TOOK_HOLD = {
    "moscow.txt": (
        "Russia and Turkey agree Idlib truce\nThursday 5 March 2020\nMOSCOW, March 5 (Test Wire) - Russia and Turkey "
        "agreed on Thursday in Moscow to a ceasefire in Syria's Idlib province from midnight, the two presidents "
        "said.\n"
    ),
    "quiet.txt": (
        "Quiet skies over Idlib\nFriday 6 March 2020\nIDLIB, March 6 (Other Wire) - No warplanes were seen over Idlib "
        "on Friday, a monitor said, as a ceasefire agreed by Moscow and Ankara came into force across the "
        "province.\n"
    ),
}
MADE_EARLIER = {
    "bogota.txt": (
        "Truce with rebels begins\nThursday 3 August 2023\nBOGOTA, Aug 3 (Test Wire) - A bilateral ceasefire between "
        "the Colombian government and the ELN rebels took effect on Thursday.\nThe truce is to last 180 days.\nThe "
        "ceasefire was agreed in Havana on June 9 by the president and the rebel commanders.\n"
    ),
}
WEEK_AGO = {
    **TOOK_HOLD,
    "patrol.txt": (
        "Joint patrol on Idlib highway\nMonday 16 March 2020\nIDLIB (Test Wire) - Russian and Turkish troops held "
        "their first joint patrol on the M4 highway on Sunday.\nSince the truce took effect more than a week ago, the "
        "skies over Idlib have been largely free of air strikes, though shelling was reported in the south.\n"
    ),
}
PROTOCOL = {
    "moscow.txt": (
        "Russia and Turkey agree Idlib truce\nThursday 5 March 2020\nMOSCOW, March 5 (Test Wire) - Russia and Turkey "
        "agreed on Thursday in Moscow to a ceasefire in Syria's Idlib province from midnight, the two presidents "
        "said.\nIts terms are set out in an additional protocol to the memorandum on Idlib that the two countries "
        "signed in Sochi in 2018.\nThe protocol sets up a security corridor along the M4 highway.\n"
    ),
}


@pytest.fixture(scope="module")
def expired(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, REPORTS))


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, EXTENDED))


@pytest.mark.slow
def test_a_truce_known_by_its_end_was_not_made_that_day(expired: dict[str, Any]) -> None:
    (truce,) = expired["expired.txt"]
    assert truce["signed"] != "2023-12-01" and truce["in_force"] != "2023-12-01", truce


@pytest.mark.slow
def test_an_extended_truce_is_named_by_the_length_it_ran_to(extended: dict[str, Any]) -> None:
    (pause,) = extended["agreed.txt"]
    assert [a["id"] for a in extended["extended.txt"]] == [pause["id"]], extended["extended.txt"]
    assert [a["id"] for a in extended["ended.txt"]] == [pause["id"]], extended["ended.txt"]


@pytest.mark.slow
def test_a_known_agreement_the_report_announces_is_told_again_by_its_document(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    run = link_reports(tmp_path_factory, PROTOCOL)
    named = {m["agreement_id"] for m in run["mentions"]}
    assert "K-moscow-idlib-protocol" in named, named
    # no corpus protocol founded beside it (nor one that "extends" the Sochi memorandum in its place)
    assert not [a for a in named if a.startswith("C-")], [run["agreements"].get(a) for a in named]


def _mentions(body: str) -> list[str]:
    return [m.text for m in find(body, split_sentences(body), [], year=2025)]


def test_an_immediate_ceasefire_agreed_is_one_and_one_called_for_is_none() -> None:
    assert _mentions("The two sides agreed on Monday to an immediate and unconditional ceasefire.") == [
        "an immediate and unconditional ceasefire."
    ]
    assert _mentions("The envoy called for an immediate and unconditional ceasefire.") == []
    assert _mentions("The two sides agreed on the need for an immediate ceasefire.") == []


@pytest.mark.slow
def test_a_truce_agreed_as_immediate_is_made_that_day_and_named_by_what_it_is(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    made = agreements_by_report(link_reports(tmp_path_factory, IMMEDIATE))["putrajaya.txt"]
    assert len(made) == 1, [(a["name"], a["signed"]) for a in made]
    assert made[0]["signed"] == "2025-07-28", made[0]
    # "immediate" tells when, "Monday's" when it was made: neither names it
    assert made[0]["name"].split(",")[0] == "Unconditional ceasefire", made[0]["name"]


@pytest.mark.slow
def test_a_truce_taking_effect_on_the_one_day_its_sentence_tells_is_the_known_one(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    run = link_reports(tmp_path_factory, TOOK_HOLD)
    quiet = {m["agreement_id"] for m in run["mentions"] if m["article_id"] == run["ids"]["quiet.txt"]}
    assert quiet == {"K-moscow-idlib-protocol"}, quiet


def test_a_truce_that_ended_a_war_is_not_ended() -> None:
    event = {"type": "ASSAULT", "stance": "asserted"}
    assert relation_of(event, "Troops have been there since a Moscow-brokered ceasefire ended the 2020 war.") != (
        "collapse"
    )
    assert relation_of(event, "Fighting resumed after the truce ended on Monday.") == "collapse"
    reject = {"type": "REJECT", "stance": "asserted"}
    assert relation_of(reject, "The junta ended a 2015 peace agreement with armed groups in January.") == "collapse"


@pytest.mark.slow
def test_a_truce_told_in_force_and_then_made_months_before_is_one_signed_then(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    made = agreements_by_report(link_reports(tmp_path_factory, MADE_EARLIER))["bogota.txt"]
    assert len(made) == 1, [(a["name"], a["signed"], a["in_force"]) for a in made]
    assert (made[0]["signed"], made[0]["in_force"]) == ("2023-06-09", "2023-08-03"), made[0]


@pytest.mark.slow
def test_a_truce_that_took_effect_more_than_a_week_ago_took_effect_that_day_or_before(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    run = link_reports(tmp_path_factory, WEEK_AGO)
    named = {m["agreement_id"] for m in run["mentions"] if m["article_id"] == run["ids"]["patrol.txt"]}
    # the Moscow protocol of March 5, not a truce of its own that took effect on March 9
    assert named == {"K-moscow-idlib-protocol"}, [run["agreements"].get(a, a) for a in named]
