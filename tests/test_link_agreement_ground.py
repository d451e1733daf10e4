"""An agreement covers the ground of its sides, never that of the country where it was signed, of a go-between or of
the sentence's first place; a ceasefire made "permanent" or "nationwide" is one made, not one hoped for; and the land
a side keeps "that it captured" is no breach of the deal that lets it keep it. The reports are our own words."""

from __future__ import annotations

from typing import Any

import pytest
from test_link_agreement_life import agreements_by_report, link_reports

REPORTS = {
    "luanda.txt": (
        "Congo and Rwanda agree truce in Luanda talks, Angola says\nMonday 5 August 2024\nLUANDA, Aug 5 (Test "
        "Wire) - The Democratic Republic of Congo and Rwanda have agreed to a ceasefire in eastern Congo "
        "starting at midnight on August 4, Angola's presidency said on Monday after talks between the two "
        "countries' foreign ministers.\nAngola, which has mediated between the neighbours since 2022, said a "
        "mechanism led by Angolan officers would monitor the truce.\nCongo accuses Rwanda of arming and "
        "commanding the M23 rebels, who have seized large parts of North Kivu province. Rwanda denies the "
        "charge and says Congo's army works with a militia founded by Hutu extremists.\nOn Sunday, M23 "
        "fighters captured the town of Ishasha on the Ugandan border, residents said. A local official said "
        "two civilians were shot dead as the rebels entered the town, and a third died later in "
        "hospital.\nThe M23, which is not a party to the deal, said it was not bound by it. Congolese "
        "government spokesman Patrick Muyaya said the army would respect the truce but would defend the "
        "population if attacked.\nFighting has displaced more than 1.7 million people in North Kivu, the "
        "United Nations says.\n"
    ),
    "brokered.txt": (
        "Truce on the border takes hold\nWednesday 27 November 2024\nBEIRUT, Nov 27 (Test Wire) - A ceasefire "
        "between Israel and Lebanon's Hezbollah took hold on Wednesday.\nThe deal, brokered by the United States "
        "and France, requires Hezbollah to pull its fighters back from the border.\n"
    ),
    "geneva.txt": (
        "Rivals sign lasting truce\nFriday 23 October 2020\nGENEVA, Oct 23 (Test Wire) - Libya's two main warring "
        "sides signed a permanent ceasefire on Friday at talks hosted by the United Nations in Geneva.\n"
        "Forces of both sides face each other near Sirte.\n"
    ),
    "karabakh.txt": (
        "Deal ends war in the mountains\nTuesday 10 November 2020\nMOSCOW, Nov 10 (Test Wire) - Armenia and "
        "Azerbaijan signed an agreement on Tuesday to end six weeks of fighting over Nagorno-Karabakh.\nUnder the "
        "deal, Azerbaijan will keep the areas it captured, and Armenia will hand back several districts it has held "
        "since the 1990s.\n"
    ),
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    of_report = agreements_by_report(link_reports(tmp_path_factory, REPORTS))
    return {"of": of_report}


def _zones(agreements: list[dict[str, Any]]) -> set[str | None]:
    return {a["data"].get("zone_country") for a in agreements}


@pytest.mark.slow
def test_a_truce_signed_abroad_covers_its_sides_ground(linked: dict[str, Any]) -> None:
    (truce,) = linked["of"]["luanda.txt"]
    assert truce["data"].get("zone_country") == "COD" and truce["zone"] != "Angola", truce  # its name and ground agree


@pytest.mark.slow
def test_a_go_betweens_country_is_no_zone(linked: dict[str, Any]) -> None:
    zones = _zones(linked["of"]["brokered.txt"])
    assert zones and not zones & {"USA", "FRA"}, zones
    # and the party the deal binds, named after the go-betweens, is none of them
    mediators = {c for a in linked["of"]["brokered.txt"] for c in a["data"].get("mediators") or []}
    assert "LBN" not in mediators and "ISR" not in mediators, mediators


@pytest.mark.slow
def test_a_permanent_ceasefire_signed_is_an_agreement(linked: dict[str, Any]) -> None:
    (geneva,) = linked["of"]["geneva.txt"]
    assert geneva["kind"] == "ceasefire" and geneva["signed"] == "2020-10-23", geneva
    assert geneva["data"].get("zone_country") == "LBY", geneva


@pytest.mark.slow
def test_land_kept_that_was_captured_is_no_breach(linked: dict[str, Any]) -> None:
    (deal,) = linked["of"]["karabakh.txt"]
    assert deal["status"] != "violated", deal
