"""What a report's words make of an agreement it founds: "The deal, brokered by ..." told right after a truce is that
truce (with its go-betweens), and a place the report names only in its dateline, where the copy was filed, is not
the ground the truce covers. The reports are our own words."""

from __future__ import annotations

from typing import Any

import pytest
from test_link_agreement_life import agreements_by_report, link_reports

REPORTS = {
    "brokered.txt": (
        "Border truce takes hold\nWednesday 4 December 2024\nNICOSIA, Dec 4 (Test Wire) - A ceasefire between Israel "
        "and Hezbollah came into effect at dawn on Wednesday, and families began returning to villages in southern "
        "Lebanon.\nThe deal, brokered by Egypt and Qatar, gives both sides 30 days to pull their fighters back from "
        "the frontier.\n"
    ),
    "filed_from.txt": (
        "Guns fall silent on the frontier\nThursday 15 September 2022\nMOSCOW, Sept 15 (Test Wire) - A truce "
        "brokered with foreign help took effect on Wednesday evening after two days of fighting on the border "
        "between Armenia and Azerbaijan, an Armenian official said.\nResidents of border villages said the shelling "
        "had stopped.\n"
    ),
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, REPORTS))


def test_the_deal_brokered_is_the_truce_just_told(linked: dict[str, Any]) -> None:
    (truce,) = linked["brokered.txt"]
    assert truce["kind"] == "ceasefire", truce
    assert set(truce["data"]["mediators"]) == {"EGY", "QAT"}, truce


def test_a_place_named_only_in_the_dateline_is_not_the_zone(linked: dict[str, Any]) -> None:
    (truce,) = linked["filed_from.txt"]
    assert truce["zone"] in ("Armenia", "Azerbaijan"), truce
