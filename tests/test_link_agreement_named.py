"""What a report's words make of an agreement it founds: "The deal, brokered by ..." told right after a truce is that
truce (with its go-betweens); a place the report names only in its dateline, where the copy was filed, or as who
announced the truce ("announced by Moscow") is not the ground the truce covers; "a similar truce" is named without
"similar"; a truce the report says collapsed is collapsed; one that took effect on the report's day, told again
with the month it was agreed in, was signed that month and is in force; a nationwide truce covers its country.
A truce agreed on the report's day "due to start at midnight on Sunday" was signed that day and is in force from
Sunday; "a deal had been reached" right after it is it, and the terms the report states are its, not those of the
protocol it "builds on"; a later "Minsk deal" is it (the town names it, it is no party), and a deadline ("by
Tuesday") does not date it. The reports are our own words."""

from __future__ import annotations

from typing import Any

import pytest
from test_link_agreement_life import agreements_by_report, link_reports

REPORTS = {
    "brokered.txt": (
        "Border truce takes hold\nWednesday 4 December 2024\nNICOSIA, Dec 4 (Test Wire) - A ceasefire between Israel "
        "and Hezbollah came into effect at dawn on Wednesday, and families began returning to villages in southern "
        "Lebanon.\nThe deal, brokered by Egypt and Qatar, gives both sides 30 days to pull their fighters back from "
        "the frontier.\nIsrael's defence minister said the army would return to the villages if the truce collapsed.\n"
    ),
    "filed_from.txt": (
        "Guns fall silent on the frontier\nThursday 15 September 2022\nMOSCOW, Sept 15 (Test Wire) - A truce "
        "brokered with foreign help took effect on Wednesday evening after two days of fighting on the border "
        "between Armenia and Azerbaijan, an Armenian official said.\nResidents of border villages said the shelling "
        "had stopped.\n"
    ),
    "similar.txt": (
        "Kyiv says Easter truce broken\nSunday 20 April 2025\nKYIV (Test Wire) - Ukraine said on Sunday that Russian "
        "forces had broken an Easter ceasefire declared by the Kremlin, shelling positions near Kupiansk.\nA similar "
        "truce announced by Moscow last January collapsed within hours.\n"
    ),
    "made_before.txt": (
        "Government and rebels begin three-month truce\nMonday 4 September 2023\nMANILA, Sept 4 (Test Wire) - A "
        "three-month ceasefire between the Philippine government and communist rebels took effect on Monday, "
        "officials said.\nThe truce, agreed in Oslo in July, will be watched by church monitors.\n"
    ),
    "nationwide.txt": (
        "Rivals agree nationwide truce\nSaturday 6 July 2024\nJEDDAH, July 6 (Test Wire) - Sudan's army and the "
        "Rapid Support Forces agreed to a nationwide ceasefire on Saturday so that food can reach El Fasher.\nAid "
        "groups said convoys were ready to leave for El Fasher and Nyala.\n"
    ),
    "summit.txt": (
        "Leaders agree truce after night of talks\nThursday 12 February 2015\nMINSK, Feb 12 (Test Wire) - The "
        "leaders of Russia, Ukraine, Germany and France agreed on Thursday on a ceasefire for eastern Ukraine that is "
        "due to start "
        "at midnight on Sunday.\nThe French president told reporters that a deal had been reached after 15 hours of "
        "talks.\nUnder the package, heavy guns are to be pulled back from the front within two weeks.\nThe deal "
        "builds on a ceasefire protocol signed in Minsk last September that collapsed within weeks.\n"
    ),
    "summit_after.txt": (
        "Kyiv says rebels broke truce\nWednesday 18 February 2015\nKYIV, Feb 18 (Test Wire) - Ukraine said "
        "separatists had broken the Minsk deal by storming the town of Debaltseve.\nThe pullback of heavy guns "
        "under the Minsk agreement was to have begun by Tuesday.\n"
    ),
    "welcomed.txt": (
        "Foes agree humanitarian truce\nSaturday 10 October 2020\nMOSCOW, Oct 10 (Test Wire) - Armenia and "
        "Azerbaijan agreed to a humanitarian ceasefire in Nagorno-Karabakh on Saturday after talks in Moscow.\nThe "
        "truce was due to take effect at noon.\nIran, which borders both countries, welcomed the agreement.\n"
    ),
    "port.txt": (
        "Yemen's sides agree port truce\nThursday 13 December 2018\nSTOCKHOLM, Dec 13 (Test Wire) - Yemen's "
        "government and the Houthis agreed on Thursday to a ceasefire in the Red Sea port city of Hodeidah.\n"
    ),
    "two_sides.txt": (
        "Taliban announce holiday truce\nSaturday 9 June 2018\nKABUL, June 9 (Test Wire) - The Taliban on Saturday "
        "announced a three-day ceasefire over the Eid holiday.\nThe announcement came two days after President "
        "Ashraf Ghani declared a halt to operations against the group.\nGhani's truce does not cover Islamic State."
        "\n"
    ),
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, REPORTS))


def test_the_deal_brokered_is_the_truce_just_told(linked: dict[str, Any]) -> None:
    (truce,) = linked["brokered.txt"]
    assert truce["kind"] == "ceasefire", truce
    assert set(truce["data"]["mediators"]) == {"EGY", "QAT"}, truce
    assert truce["status"] != "collapsed", truce  # "if the truce collapsed": a fall supposed is none


def test_a_place_named_only_in_the_dateline_is_not_the_zone(linked: dict[str, Any]) -> None:
    (truce,) = linked["filed_from.txt"]
    assert truce["zone"] in ("Armenia", "Azerbaijan"), truce


def test_a_truce_told_as_collapsed_is_collapsed_and_not_named_by_its_announcer(linked: dict[str, Any]) -> None:
    earlier = [a for a in linked["similar.txt"] if str(a["signed"]).startswith("2025-01")]
    assert len(earlier) == 1, [(a["name"], a["signed"]) for a in linked["similar.txt"]]
    (truce,) = earlier
    assert truce["status"] == "collapsed", truce
    assert "similar" not in truce["name"].lower(), truce
    assert truce["zone"] != "Moscow", truce


def test_a_truce_told_again_with_when_it_was_made_was_signed_then(linked: dict[str, Any]) -> None:
    (truce,) = linked["made_before.txt"]
    assert truce["in_force"] == "2023-09-04", truce
    assert truce["signed"] == "2023-07", truce
    assert truce["status"] == "in force", truce


def test_a_nationwide_truce_covers_its_country(linked: dict[str, Any]) -> None:
    (truce,) = linked["nationwide.txt"]
    assert truce["zone"] == "Sudan", truce


def test_a_truce_due_to_start_later_is_one_object_with_its_terms(linked: dict[str, Any]) -> None:
    new = [a for a in linked["summit.txt"] if a["signed"] == "2015-02-12"]
    assert len(new) == 1, [(a["name"], a["signed"], a["in_force"]) for a in linked["summit.txt"]]
    (truce,) = new
    assert truce["in_force"] == "2015-02-15", truce
    old = [a for a in linked["summit.txt"] if a["id"] != truce["id"]]
    assert [a["signed"] for a in old] == ["2014-09"], [(a["name"], a["signed"]) for a in old]
    assert any("heavy guns" in t["text"] for t in truce["data"].get("terms", [])), truce
    assert not old[0]["data"].get("terms"), old[0]


def test_the_minsk_deal_named_later_is_the_same_object(linked: dict[str, Any]) -> None:
    (truce,) = [a for a in linked["summit.txt"] if a["signed"] == "2015-02-12"]
    assert [a["id"] for a in linked["summit_after.txt"]] == [truce["id"]], [
        (a["name"], a["signed"], a["in_force"]) for a in linked["summit_after.txt"]
    ]


def test_the_agreement_welcomed_after_a_truce_is_that_truce(linked: dict[str, Any]) -> None:
    assert len(linked["welcomed.txt"]) == 1, [(a["name"], a["kind"]) for a in linked["welcomed.txt"]]


def test_a_truce_in_a_port_city_of_a_sea_covers_the_port_as_written(linked: dict[str, Any]) -> None:
    # the gazetteer names the town "Al Hudaydah" with its diacritics; the report writes "Hodeidah"
    (truce,) = linked["port.txt"]
    assert truce["zone"] != "Red Sea" and truce["data"]["zone_country"] == "YEM", (truce["zone"], truce["data"])


def test_one_side_s_truce_is_not_the_truce_the_other_side_declared(linked: dict[str, Any]) -> None:
    # the Taliban's three-day truce and Ghani's: two objects, each named by its own side
    names = sorted(a["name"] for a in linked["two_sides.txt"])
    assert len(names) == 2, names
