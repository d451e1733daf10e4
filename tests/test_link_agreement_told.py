"""How a report tells an agreement it speaks of, met on reports nobody here had read (Libya 2020, Sudan and Ethiopia
2022-23): a body's name is no agreement ("the Government of National Accord"); a capital letter a sentence gives
is no name ("Military training agreements"); what a deal "follows" has its own times; "week-long" and "seven-day"
are one length, and a truce introduced by its length is not one whose name gives none; "ran out at 9:45 p.m." is
when a truce ended, not when it was made; "a permanent cessation of hostilities" is a ceasefire, and "a week after
... agreed to" one dates its agreeing to that week; a truce "declared during Kuwait peace talks in 2016" was made
that year, and Kuwait is where the talks were, not its ground. The reports are our own words."""

from __future__ import annotations

from typing import Any

import pytest
from test_link_agreement_life import agreements_by_report, link_reports

from truceline.link.mentions import find
from truceline.text import split_sentences

REPORTS = {
    "accord.txt": (
        "Rivals sign truce in Valletta\nFriday 23 October 2020\nVALLETTA, Oct 23 (Test Wire) - The two armed camps of "
        "Libya signed a permanent nationwide ceasefire on Friday at talks in Valletta.\nThe agreement was signed by "
        "officers of the Tripoli-based Government of National Accord and of the eastern forces.\nMilitary training "
        "agreements with foreign states are to be suspended.\nThe deal follows separate calls in August by the two "
        "sides for a halt to fighting.\n"
    ),
    "signed.txt": (
        "Army and militia sign week-long truce\nSaturday 20 May 2023\nJEDDAH, May 20 (Test Wire) - Sudan's army and the "
        "Rapid Support Forces signed a seven-day ceasefire on Saturday after talks in Jeddah.\n"
    ),
    "first_night.txt": (
        "Truce tested on first night\nTuesday 23 May 2023\nKHARTOUM (Test Wire) - Fighting went on in Omdurman on "
        "Tuesday despite a week-long ceasefire that took effect the previous evening, residents said.\n"
    ),
    "ran_out.txt": (
        "Sudan truce extended\nTuesday 30 May 2023\nKHARTOUM (Test Wire) - The army and the RSF agreed on Monday to "
        "extend their ceasefire by five days, hours before the original truce ran out at 9:45 p.m.\n"
    ),
    "pretoria.txt": (
        "Ethiopia rivals agree to stop fighting\nWednesday 2 November 2022\nPRETORIA, Nov 2 (Test Wire) - Ethiopia's "
        "government and the Tigray People's Liberation Front agreed on Wednesday to a permanent cessation of "
        "hostilities, the African Union said.\nFighting had resumed in August after a five-month humanitarian truce "
        "broke down.\n"
    ),
    "week_after.txt": (
        "Tigrayan forces accuse Eritrea\nThursday 10 November 2022\nMEKELLE (Test Wire) - Tigrayan forces on Thursday "
        "accused Eritrean troops of killing civilians, a week after Ethiopia's government and the Tigray People's "
        "Liberation Front agreed to a permanent cessation of hostilities.\n"
    ),
    "kuwait.txt": (
        "Yemen truce announced\nFriday 1 April 2022\nADEN, April 1 (Test Wire) - Yemen's warring parties accepted a "
        "two-month truce on Friday.\nA ceasefire declared during Kuwait peace talks in 2016 collapsed within "
        "months.\n"
    ),
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, REPORTS))


def _mention_texts(body: str, actors: list[tuple[str, str]]) -> list[str]:
    extractions = []
    for text, name in actors:
        start = body.index(text)
        extractions.append(
            {"layer": "actor", "start": start, "end": start + len(text), "text": text, "data": {"name": name}}
        )
    return [m.text for m in find(body, split_sentences(body), extractions, year=2020)]


def test_a_bodys_name_and_a_sentences_capital_are_no_agreement() -> None:
    body = "Officers of the Government of National Accord signed it. Military training agreements are to be suspended."
    texts = _mention_texts(
        body, [("Government of National Accord", "Government of National Accord"), ("Military", "Libyan military")]
    )
    assert texts == [], texts
    # contrast: a place that starts the sentence names particular agreements
    body = "Sochi and Astana agreements were broken, the minister said."
    assert _mention_texts(body, [("Sochi", "Sochi")]), "a place before the plural names agreements"


def test_the_deal_that_follows_calls_made_in_august_is_the_one_signed_that_day(linked: dict[str, Any]) -> None:
    (deal,) = linked["accord.txt"]
    assert deal["signed"] == "2020-10-23", deal


def test_a_week_long_truce_and_the_original_truce_are_the_seven_day_one(linked: dict[str, Any]) -> None:
    (truce,) = linked["signed.txt"]
    assert [a["id"] for a in linked["first_night.txt"]] == [truce["id"]], linked["first_night.txt"]
    assert [a["id"] for a in linked["ran_out.txt"]] == [truce["id"]], linked["ran_out.txt"]
    assert truce["signed"] == "2023-05-20", truce


def test_a_cessation_of_hostilities_is_a_ceasefire_dated_by_its_agreeing(linked: dict[str, Any]) -> None:
    permanent = [a for a in linked["pretoria.txt"] if a["signed"] == "2022-11-02"]
    assert len(permanent) == 1, [(a["name"], a["signed"]) for a in linked["pretoria.txt"]]
    (truce,) = permanent
    assert truce["kind"] == "ceasefire" and truce["status"] != "collapsed", truce  # the five-month truce fell
    assert [a["id"] for a in linked["week_after.txt"]] == [truce["id"]], linked["week_after.txt"]


def test_a_truce_of_past_talks_is_dated_by_its_year_and_not_placed_at_the_talks(linked: dict[str, Any]) -> None:
    old = [a for a in linked["kuwait.txt"] if a["signed"] == "2016"]
    assert len(old) == 1, [(a["name"], a["signed"], a["zone"]) for a in linked["kuwait.txt"]]
    assert old[0]["zone"] != "Kuwait", old[0]


def test_a_declaration_is_an_agreement_only_when_named_or_signed() -> None:
    body = (
        "The leaders backed the plan in a joint declaration. Russia's declaration of war came later. The deal builds "
        "on a declaration signed in the same city on May 11. The Jeddah declaration was ignored."
    )
    texts = [t for t in _mention_texts(body, []) if "declaration" in t.lower()]
    assert [t.split()[0:2] for t in texts] == [["a", "declaration"], ["The", "Jeddah"]], texts


DECLARED = {
    "declared.txt": (
        "Sudan rivals sign truce\nSunday 21 May 2023\nJEDDAH, May 21 (Test Wire) - Sudan's army and the Rapid Support "
        "Forces signed a seven-day ceasefire on Saturday.\nThe truce builds on a declaration signed in the same city "
        "on May 11, in which both sides pledged to protect civilians.\n"
    ),
}


def test_a_declaration_signed_earlier_is_an_object_of_its_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    found = agreements_by_report(link_reports(tmp_path_factory, DECLARED))["declared.txt"]
    signed = {str(a["signed"]): a for a in found}
    assert sorted(signed) == ["2023-05-11", "2023-05-20"], [(a["name"], a["signed"]) for a in found]
    assert signed["2023-05-11"]["name"].startswith("Declaration"), signed["2023-05-11"]  # not the truce's words
    assert signed["2023-05-20"]["kind"] == "ceasefire", signed["2023-05-20"]
