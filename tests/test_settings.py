"""The settings file: defaults, a truceline.yaml that changes them, and clear errors for bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline.cli import cli
from truceline.errors import ConfigError
from truceline.settings import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = "Clash at the river\n\nThe Northern Shield Brigade attacked an army post near Homs on Monday.\n"


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    assert load_settings() == Settings()


def test_a_settings_file_sets_the_database_and_adds_dictionaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURES / "actors/user_actors.yaml", tmp_path / "mine.yaml")
    (tmp_path / "truceline.yaml").write_text("db: store/events.db\nactors: [mine.yaml]\n")
    (tmp_path / "store").mkdir()
    (tmp_path / "report.txt").write_text(REPORT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    runner = CliRunner()
    result = runner.invoke(cli, ["run", "report.txt"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "store/events.db").exists()
    events = [json.loads(x) for x in runner.invoke(cli, ["events"]).stdout.splitlines()]
    codes = {(e["actor"] or {}).get("code") for e in events}
    assert "SYRREBNSB" in codes  # the user's dictionary named the attacker


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("database: x.db\n", "unknown key(s) database; allowed keys: db, actors, agreements, event_model"),
        ("actors: 5\n", "'actors' must be a list of file paths"),
        ("actors: [missing.yaml]\n", "does not exist"),
        ("- just\n- a list\n", "must be a mapping"),
        ("db: [unclosed\n", "cannot read settings file"),
        ("link_window: -5\n", "'link_window' must be a whole number of reports, 0 (link at the end) or more"),
        ("link_window: many\n", "'link_window' must be a whole number of reports"),
    ],
)
def test_bad_settings_fail_early_with_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    (tmp_path / "truceline.yaml").write_text(content)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    with pytest.raises(ConfigError, match=r"truceline\.yaml"):
        load_settings()
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_the_environment_can_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "conf"
    elsewhere.mkdir()
    (elsewhere / "s.yaml").write_text("db: data.db\n")
    monkeypatch.setenv("TRUCELINE_SETTINGS", str(elsewhere / "s.yaml"))
    assert load_settings().db == str(elsewhere.resolve() / "data.db")
    monkeypatch.setenv("TRUCELINE_SETTINGS", str(tmp_path / "nope.yaml"))
    with pytest.raises(ConfigError, match="not a file"):
        load_settings()
