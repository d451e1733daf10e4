"""The figures a reader sees in the five seed reports (read from /work/shared at run time, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.model import Quantity
from truceline.stages.quantities import find_quantities, incident_totals

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def seed(prefix: str) -> tuple[str, list[Quantity]]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (the shared folder is absent)")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    text = paths[0].read_text(encoding="utf-8")
    return text, find_quantities(text)


def facts(found: list[Quantity]) -> set[tuple[str, int, str, str | None, bool]]:
    return {(q.kind, q.value, q.qualifier, q.who, q.cumulative) for q in found}


def test_seven_soldiers_and_one_civilian() -> None:
    text, found = seed("004")
    seen = facts(found)
    assert ("killed", 7, "exact", "Turkish soldiers", False) in seen
    assert ("killed", 1, "exact", "civilian", False) in seen
    assert ("killed", 70, "more_than", "regime troops", False) in seen
    assert any(q.kind == "refugees" and q.value == 3_600_000 and q.who_country == "SYR" for q in found)
    assert not any(q.value == 50 for q in found)  # "more than 50 positions" is not a figure
    # the retaliation is another incident; the war-long totals are flagged
    assert incident_totals(text, found) == (8, None)
    assert all(q.cumulative for q in found if q.value >= 200_000 and q.kind == "killed")


def test_three_soldiers_injured_and_period_totals() -> None:
    text, found = seed("002")
    seen = facts(found)
    assert ("injured", 3, "exact", "soldiers", False) in seen
    since = [q for q in found if q.value == 360]
    assert since and since[0].cumulative and since[0].qualifier == "more_than" and since[0].since == "XXXX-04"
    war = [q for q in found if q.value == 370_000]
    assert war and war[0].cumulative
    assert incident_totals(text, found) == (None, 3)


def test_more_than_fifty_soldiers() -> None:
    _, found = seed("001")
    assert ("killed", 50, "more_than", "soldiers", False) in facts(found)
    assert any(q.kind == "displaced" and q.value == 1_000_000 for q in found)
    assert any(q.kind == "refugees" and q.value == 4_000_000 and q.qualifier == "some" for q in found)


def test_war_tolls_are_cumulative() -> None:
    text, found = seed("000")
    assert found and all(q.cumulative for q in found)
    assert {(q.kind, q.value) for q in found} == {("killed", 500_000), ("displaced", 12_000_000)}
    assert incident_totals(text, found) == (None, None)


def test_percentages_and_distances_are_not_figures() -> None:
    _, found = seed("003")
    assert not any(q.value in (70, 4, 2, 24) for q in found)
    assert any(q.kind == "killed" and q.value == 1300 and q.cumulative for q in found)
