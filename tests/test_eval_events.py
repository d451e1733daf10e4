"""Event evaluations: output keys and pinned floors (raise a floor when work improves it, never lower it quietly).

Floors were measured on the development gold sets with the packaged dictionaries; the gold files are read from
../shared at run time and the tests skip without it. The ACLED fixture is ours (tests/fixtures/events).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline.errors import EvalError
from truceline.eval import acled_types, petrarch, plover

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ACLED_FIXTURE = REPO / "tests" / "fixtures" / "events" / "acled_snippets.tsv"
PLOVER_GOLD = SHARED / "eval" / "plover" / "plover_gsr.json"
PETRARCH = SHARED / "eval" / "petrarch2_unittests"

pytest.importorskip("spacy")


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared gold sets live next to the clone)")


def test_plover_gold_scores_and_reports_its_mappings() -> None:
    _need(PLOVER_GOLD)
    result = plover.run(PLOVER_GOLD, {"actors": [], "limit": None})
    assert {"records", "type_accuracy", "type_macro_f1", "source_accuracy", "target_accuracy", "triple"} <= set(result)
    assert result["records"] == 163
    assert result["legacy_type_map"] == {
        "DEMAND": "REQUEST",
        "DISAPPROVE": "ACCUSE",
        "FIGHT": "ASSAULT",
        "INVESTIGATE": "ACCUSE",
    }
    # floors on the check part are in test_quality_floors.py
    assert "IGO" in str(result["code_equivalences"])
    triple = result["triple"]
    assert isinstance(triple, dict) and set(triple) == {"p", "r", "f1"}


def test_plover_limit_and_bad_file(tmp_path: Path) -> None:
    _need(PLOVER_GOLD)
    assert plover.run(PLOVER_GOLD, {"actors": [], "limit": 5})["records"] == 5
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalError):
        plover.run(bad, {})


def test_petrarch_uses_the_user_dictionaries() -> None:
    _need(PETRARCH)
    dicts = [PETRARCH / "PETR.Validate.actors.txt", PETRARCH / "PETR.Validate.agents.txt"]
    result = petrarch.run(PETRARCH / "PETR.UnitTest.records.xml", {"actors": dicts, "limit": None})
    assert result["records"] == 284 and "CAMEO root" in str(result["level"])
    dyad = result["dyad"]
    assert isinstance(dyad, dict) and dyad["f1"] >= 0.40  # measured 0.45: fictional actors found and placed
    with pytest.raises(EvalError):
        petrarch.run(PETRARCH / "PETR.UnitTest.records.xml", {"actors": []})


def test_acled_types_on_our_snippets_through_the_cli() -> None:
    result = CliRunner().invoke(
        __import__("truceline.cli", fromlist=["cli"]).cli, ["eval", "acled-types", str(ACLED_FIXTURE)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) >= {"snippets", "accuracy", "macro_f1", "per_type"}
    assert scores["snippets"] == 46
    assert scores["macro_f1"] >= 0.85  # measured 0.92 (in-sample: the file was written alongside the mapping)
    assert scores["per_type"]["AIR_DRONE_STRIKE"]["n"] == 4


def test_acled_types_rejects_a_file_without_the_columns(tmp_path: Path) -> None:
    bad = tmp_path / "x.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(EvalError):
        acled_types.run(bad, {})


@pytest.mark.parametrize(("name", "rows"), [("acled_snippets_heldout.tsv", 24), ("acled_snippets_third.tsv", 15)])
def test_acled_types_on_snippet_files_in_other_styles(name: str, rows: int) -> None:
    """Each written before the mapping was tuned on it (first looks: macro-F1 0.59 and 0.76); now regression guards."""
    result = acled_types.run(ACLED_FIXTURE.with_name(name), {})
    assert result["snippets"] == rows
    assert result["macro_f1"] >= 0.85  # measured 1.0 after the general fixes they prompted
