"""Pinned quality floors of the date engine on the whole development gold sets (TimeBank + AQUAINT, MEANTIME,
htmldate's pages). Raise a floor when work improves it; never lower one quietly."""

from __future__ import annotations

from pathlib import Path

from truceline.eval import pubdate, timeml


def test_timeml_floors_on_tbaq(shared: Path) -> None:
    out = timeml.run(shared / "eval/timeml/TBAQ-cleaned", {"baseline": None, "limit": None})
    strict, relaxed = out["strict"], out["relaxed"]
    assert isinstance(strict, dict) and isinstance(relaxed, dict)
    assert strict["f1"] >= 0.869  # measured 0.872
    assert relaxed["f1"] >= 0.938  # measured 0.941
    assert out["value_f1"] >= 0.818  # measured 0.821 (HeidelTime 0.771 on the same files and scorer)
    assert out["type_f1"] >= 0.895  # measured 0.898


def test_timeml_floors_on_meantime(shared: Path) -> None:
    out = timeml.run(shared / "eval/meantime_en/intra-doc_annotation", {"baseline": None, "limit": None})
    relaxed = out["relaxed"]
    assert isinstance(relaxed, dict) and relaxed["f1"] >= 0.938  # measured 0.942
    assert out["value_f1"] >= 0.858  # measured 0.862


def test_pubdate_floors(shared: Path) -> None:
    out = pubdate.run(shared / "eval/pubdate", {"baseline": None, "limit": None})
    assert out["exact"] >= 0.895  # measured 0.897 (htmldate alone: 0.893)
    assert out["within_1_day"] >= 0.92  # measured 0.926
    assert out["missing"] <= 0.02  # measured 0.018
