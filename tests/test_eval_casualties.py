"""`eval casualties` on our own labelled incident reports, with a pinned floor, and its error handling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from truceline.errors import EvalError, InputError
from truceline.eval.casualties import run

FIXTURE = Path(__file__).parent / "fixtures" / "casualties" / "incidents.jsonl"


def test_floor_on_our_fixture() -> None:
    result = run(FIXTURE, {})
    assert set(result) >= {"articles", "killed_exact", "injured_exact", "both_exact"}
    assert result["articles"] >= 40
    # Pinned floors: raise them when the extractor improves, never lower them quietly. Target is 0.85.
    assert result["killed_exact"] >= 0.9
    assert result["injured_exact"] >= 0.9
    assert result["both_exact"] >= 0.88


def test_floor_on_our_second_fixture() -> None:
    """More reports in our words, in other styles (wire copy, monitor notes, several countries' wars)."""
    result = run(FIXTURE.with_name("incidents_extra.jsonl"), {})
    assert result["articles"] >= 80
    assert result["both_exact"] >= 0.9


def test_floor_on_our_shooting_reports() -> None:
    """Thirty local shooting reports in our own words, with headlines and page furniture (video lists, related
    links, copyright lines), the way crawled US news reads. Written after the victim reader, so in-sample: they
    scored 28/30 when written; the two misses (plural deaths "the wife and the children died", an aside "among
    them a 13-year-old girl") were mechanisms we then added. The real measure is the GVA check part."""
    result = run(FIXTURE.with_name("shootings.jsonl"), {})
    assert result["articles"] == 30
    assert result["both_exact"] >= 0.9


def test_null_and_zero_mean_the_same(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "text": "The truce held; no one was hurt.", "killed": None, "injured": 0},
        {"id": "b", "text": "A strike killed 4 people.", "killed": 4, "injured": None},
        {"id": "c", "text": "A strike killed 4 people.", "killed": 5, "injured": None},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    result = run(path, {"details": True})
    assert result["articles"] == 3
    assert result["killed_exact"] == round(2 / 3, 4)
    assert result["injured_exact"] == 1.0
    assert result["misses"] == [
        {"id": "c", "gold": [5, 0], "predicted": [4, None], "evidence": {"killed": ["killed 4 people"], "injured": []}}
    ]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("not json\n", EvalError),
        ('{"id": 1, "text": "x"}\n', EvalError),
        ('{"id": 1, "text": "x", "killed": -2, "injured": 0}\n', EvalError),
        ("\n\n", EvalError),
    ],
)
def test_bad_gold_files_raise_clear_errors(tmp_path: Path, content: str, error: type[Exception]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error):
        run(path, {})


def test_cli_options_protocol(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        run(tmp_path / "nope.jsonl", {})
    limited = run(FIXTURE, {"limit": 5, "actors": [], "baseline": None})
    assert limited["articles"] == 5
    with pytest.raises(EvalError, match="no baseline"):
        run(FIXTURE, {"baseline": "ner"})
    with pytest.raises(EvalError, match="limit"):
        run(FIXTURE, {"limit": 0})


def test_cli_command_prints_the_scores() -> None:
    from click.testing import CliRunner

    from truceline.cli import cli

    out = CliRunner().invoke(cli, ["eval", "casualties", str(FIXTURE), "--limit", "3"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["articles"] == 3
