"""A defence ministry strikes through its forces: the doer of an attack it tells of as its own is its country's
military, while its statements stay the ministry's. Sentences are ours; the fake actor dictionary and the `code`
helper come from test_events."""

from __future__ import annotations

from typing import Any

import pytest
from test_events import NAMES, code, one


@pytest.fixture
def ministry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(NAMES, "Borduria's defence ministry", ("BOR", "GOV"))


def test_an_attack_by_a_defence_ministry_is_by_its_forces(nlp: Any, ministry: None) -> None:
    event = one(code(nlp, "Borduria's defence ministry said it had shelled rebel positions on Monday."), "ASSAULT")
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("BOR", "MIL")


def test_a_defence_ministrys_statement_stays_the_ministrys(nlp: Any, ministry: None) -> None:
    event = one(code(nlp, "Borduria's defence ministry accused Arcadia on Monday of breaking the truce."), "ACCUSE")
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("BOR", "GOV")
