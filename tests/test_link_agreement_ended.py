"""An agreement a party casts off is collapsed, and the year written before its word is the year it was made, not the
month it was cast off ("ended a 2015 peace agreement ... in January"); "an agreement for a ceasefire" is one object, the
ceasefire, and so is "The agreement, signed in Doha" told right after a truce; "extend the pause beyond Monday" is
the truce told before it, and "agreed to extend their truce" that truce, extended. The reports are our own words."""

from __future__ import annotations

from typing import Any

import pytest
from test_events import pipeline_events
from test_link_agreement_life import agreements_by_report, link_reports

REPORTS = {
    "ended.txt": (
        "Junta tears up accord with northern groups\nFriday 26 January 2024\nNIAMEY, Jan 26 (Test Wire) - Niger's "
        "military government ended a 2019 peace agreement with armed groups in the north of the country on "
        "Thursday, saying they had repeatedly broken its terms.\nThe groups said they would defend their positions "
        "around Agadez.\n"
    ),
    "for_a_truce.txt": (
        "Rivals sign short truce\nSaturday 11 May 2024\nJUBA, May 11 (Test Wire) - The army and the rebel movement "
        "signed an agreement for a ten-day ceasefire on Saturday, South Sudan's government said.\n"
    ),
    "signed_in.txt": (
        "Rivals agree five-day truce\nSaturday 18 May 2024\nDOHA, May 18 (Test Wire) - Sudan's army and the "
        "paramilitary Rapid Support Forces have agreed to a five-day ceasefire that will take effect on Monday "
        "evening, Qatar said on Saturday.\nThe agreement, signed in Doha after a week of talks, also commits both "
        "sides to letting aid convoys reach Khartoum.\n"
    ),
    "pause.txt": (
        "Truce in the valley holds\nSaturday 8 June 2024\nGENEVA, June 8 (Test Wire) - A three-day truce between "
        "Armenia and Azerbaijan held for a second day on Saturday, the mediators said.\nThe mediators were working "
        "to extend the pause beyond Monday.\n"
    ),
    "extended.txt": (
        "Valley truce extended\nTuesday 11 June 2024\nGENEVA, June 11 (Test Wire) - Armenia and Azerbaijan agreed on "
        "Monday to extend their truce in the valley by two days, the mediators said.\n"
    ),
    "told_twice.txt": (
        "Border calm after clashes\nThursday 20 June 2024\nBAKU, June 20 (Test Wire) - Azerbaijan said on "
        "Thursday that 40 of its soldiers had been killed since fighting with Armenia broke out on Tuesday, as a "
        "ceasefire announced by Baku appeared to be holding.\nA government adviser said a truce brokered with "
        "foreign help took effect at 6 p.m. on Wednesday.\n"
    ),
    "ran_out.txt": (
        "Short truce runs out\nMonday 6 May 2024\nKHARTOUM, May 6 (Test Wire) - A three-day truce between the army "
        "and the paramilitary forces in Sudan ended at midnight on Sunday, residents said, and shelling resumed in "
        "Omdurman.\n"
    ),
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    of_report = agreements_by_report(link_reports(tmp_path_factory, REPORTS))
    return of_report


def test_an_agreement_a_party_ends_is_collapsed_and_keeps_its_year(linked: dict[str, Any]) -> None:
    (accord,) = linked["ended.txt"]
    assert accord["status"] == "collapsed", accord
    assert accord["signed"] == "2019", accord


def test_an_agreement_for_a_ceasefire_is_that_ceasefire(linked: dict[str, Any]) -> None:
    (truce,) = linked["for_a_truce.txt"]
    assert truce["kind"] == "ceasefire", truce


def test_the_making_of_the_truce_just_told_is_that_truce(linked: dict[str, Any]) -> None:
    # the truce was dated by the Monday it takes effect, after the report: the report's own is still one it can mean
    assert len(linked["signed_in.txt"]) == 1, [(a["name"], a["kind"]) for a in linked["signed_in.txt"]]


def test_a_day_a_truce_may_be_extended_beyond_is_not_its_day(linked: dict[str, Any]) -> None:
    # "extend the pause beyond Monday" takes up the truce told just before, not a pause of that Monday
    assert len(linked["pause.txt"]) == 1, [(a["name"], a["signed"]) for a in linked["pause.txt"]]


def test_their_truce_extended_is_that_truce_and_extended(linked: dict[str, Any]) -> None:
    (truce,) = linked["extended.txt"]
    assert truce["id"] == linked["pause.txt"][0]["id"], (truce["name"], linked["pause.txt"][0]["name"])
    assert truce["status"] == "extended", truce


def test_a_truce_told_twice_in_other_words_is_one(linked: dict[str, Any]) -> None:
    assert len(linked["told_twice.txt"]) == 1, [(a["name"], a["signed"]) for a in linked["told_twice.txt"]]


def test_a_truce_that_ran_out_is_no_ones_rejection(linked: dict[str, Any]) -> None:
    (truce,) = linked["ran_out.txt"]
    assert truce["status"] != "announced", truce
    rows = pipeline_events(REPORTS["ran_out.txt"].split("- ", 1)[1], "2024-05-06")
    assert all(e.type != "REJECT" for e in rows), [(e.type, e.trigger.text) for e in rows]
