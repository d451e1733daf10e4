"""A truce asked for is a proposal: "The African Union called on Tuesday for a humanitarian truce" founds an
agreement object whose status is `proposed` (no signing day: the day of the call is not one; who asked, and when,
kept with it), until a report tells it agreed ("agreed on Friday to the humanitarian truce the African Union had
proposed"): then it is signed that day. The reports are our own words."""

from __future__ import annotations

from typing import Any

import pytest
from test_link_agreement_life import agreements_by_report, link_reports

CALL = (
    "African Union seeks pause in fighting around Kaya\nTuesday 14 May 2024\nOUAGADOUGOU, May 14 (Test Wire) - The "
    "African Union called on Tuesday for a humanitarian truce around the town of Kaya so that food convoys could "
    "reach families cut off by the fighting.\n"
)
MADE = (
    "Burkina rivals accept truce around Kaya\nSaturday 18 May 2024\nOUAGADOUGOU, May 18 (Test Wire) - Burkina Faso's "
    "army and the militants besieging Kaya agreed on Friday to the humanitarian truce the African Union had "
    "proposed, a mediator said.\nThe first food convoy reached the town on Saturday.\n"
)


@pytest.fixture(scope="module")
def asked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, {"call.txt": CALL}))


@pytest.fixture(scope="module")
def agreed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return agreements_by_report(link_reports(tmp_path_factory, {"call.txt": CALL, "made.txt": MADE}))


def test_a_truce_called_for_is_proposed_not_signed(asked: dict[str, Any]) -> None:
    (truce,) = asked["call.txt"]
    assert truce["status"] == "proposed", truce
    assert truce["signed"] is None and truce["in_force"] is None, truce
    assert truce["data"]["proposed"] == "2024-05-14", truce["data"]
    assert any("AU" in code for code in truce["data"]["proposed_by"]), truce["data"]


def test_a_proposal_agreed_later_is_the_same_object_signed_that_day(agreed: dict[str, Any]) -> None:
    (truce,) = agreed["call.txt"]
    assert [a["id"] for a in agreed["made.txt"]] == [truce["id"]], agreed["made.txt"]
    assert truce["signed"] == "2024-05-17", truce
    assert truce["status"] != "proposed", truce
