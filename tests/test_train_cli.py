"""`truceline train events` and the `event_model` setting, through the real command line, in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from truceline.cli import cli
from truceline.errors import ConfigError
from truceline.learn.events import EventTyper
from truceline.settings import load_settings

REPORT = "Clash near Homs\n\nRebels attacked an army post near Homs on Monday, a monitoring group said.\n"


def _labelled(tmp_path: Path) -> Path:
    """A user's own labels that read 'attacked' as a protest: a model trained on them must say so."""
    lines = []
    for place in ("Hama", "Idlib", "Aleppo", "Daraa", "Raqqa", "Tartus", "Latakia", "Qamishli", "Manbij", "Afrin"):
        lines.append({"text": f"Rebels attacked an army post near {place}.", "trigger": "attacked", "type": "PROTEST"})
        lines.append({"text": f"Farmers near {place} grow olives.", "trigger": "grow", "type": "NONE"})
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    return tmp_path


def test_train_writes_a_model_that_the_settings_file_puts_to_work(workdir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["train", "events", str(_labelled(workdir)), "--output", "mine.npz"])
    assert result.exit_code == 0, result.output
    assert "trained on 20 labelled trigger(s)" in result.stderr and "wrote mine.npz" in result.stderr
    model = EventTyper.load(workdir / "mine.npz").model
    assert model.meta["rebuild"].startswith("truceline train events") and model.meta["sources"]

    (workdir / "report.txt").write_text(REPORT)
    assert runner.invoke(cli, ["run", "report.txt", "--db", "packaged.db"]).exit_code == 0
    packaged = [json.loads(x) for x in runner.invoke(cli, ["events", "--db", "packaged.db"]).stdout.splitlines()]
    assert [e["type"] for e in packaged if e["trigger"]["text"] == "attacked"] == ["ASSAULT"]

    (workdir / "truceline.yaml").write_text("event_model: mine.npz\n")
    assert load_settings().event_model == (workdir / "mine.npz").resolve()
    assert runner.invoke(cli, ["run", "report.txt", "--db", "mine.db"]).exit_code == 0
    mine = [json.loads(x) for x in runner.invoke(cli, ["events", "--db", "mine.db"]).stdout.splitlines()]
    assert [e["type"] for e in mine if e["trigger"]["text"] == "attacked"] == ["PROTEST"]


def test_bad_labels_are_a_one_line_error(workdir: Path) -> None:
    (workdir / "bad.jsonl").write_text('{"text": "Rebels attacked.", "trigger": "attacked", "type": "WAR"}\n')
    result = CliRunner().invoke(cli, ["train", "events", "bad.jsonl"])
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output and "Traceback" not in result.output
    assert not (workdir / "events.npz").exists()


def test_train_without_data_is_a_usage_error(workdir: Path) -> None:
    result = CliRunner().invoke(cli, ["train", "events"])
    assert result.exit_code == 2 and "--packaged" in result.output


@pytest.mark.parametrize(
    ("value", "message"),
    [("missing.npz", "does not exist"), ("5", "must be the path of a model file"), ("model.txt", "(.npz)")],
)
def test_a_bad_event_model_setting_fails_early(workdir: Path, value: str, message: str) -> None:
    (workdir / "model.txt").write_text("x")
    (workdir / "truceline.yaml").write_text(f"event_model: {value}\n")
    with pytest.raises(ConfigError, match=r"event_model|event model"):
        load_settings()
    result = CliRunner().invoke(cli, ["process"])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
