"""The input limits as settings: defaults in one place, set in truceline.yaml, validated early, documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline.cli import cli
from truceline.errors import ConfigError
from truceline.settings import LIMIT_KEYS, LIMIT_MINIMUMS, Limits, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_limits_default_and_can_be_set(tmp_path: Path) -> None:
    path = tmp_path / "truceline.yaml"
    path.write_text("max_report_bytes: 5_000_000\n")
    settings = load_settings(path)
    assert settings.limits == Limits(max_report_bytes=5_000_000, max_part_chars=Limits().max_part_chars)
    path.write_text("db: x.db\n")
    assert load_settings(path).limits == Limits()


@pytest.mark.parametrize("value", ["'20MB'", "-1", "true", "12.5", str(LIMIT_MINIMUMS["max_part_chars"] - 1), "[1000]"])
def test_a_bad_limit_fails_early_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    (tmp_path / "truceline.yaml").write_text(f"max_part_chars: {value}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    with pytest.raises(ConfigError, match="'max_part_chars' must be a whole number of at least 2,000"):
        load_settings()
    result = CliRunner().invoke(cli, ["ingest", "."])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "max_part_chars" in result.output


def test_every_limit_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    for key in LIMIT_KEYS:
        default = f"{getattr(Limits(), key):,}"
        assert f"`{key}`" in text and default in text, f"README does not document {key} (default {default})"
