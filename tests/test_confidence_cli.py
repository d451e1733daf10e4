"""`--min-confidence` on `timeline` and `events`, in every format, through the real CLI and the store's query; the
confidence in the exports; the migration that adds the column; the calibration blocks the evaluations print."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from truceline.cli import cli
from truceline.errors import ConfigError
from truceline.store import EventFilter, Store
from truceline.store.migrations import MIGRATIONS

FIXTURES = Path(__file__).parent / "fixtures"
README = Path(__file__).resolve().parents[1] / "README.md"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def jsonl(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("confidence") / "t.db")
    result = invoke("run", str(FIXTURES / "cli"), "--db", path)
    assert result.exit_code == 0, result.output
    return path


def _threshold(events: list[dict]) -> float:
    """A cut that keeps some events and drops others (the median of the distinct confidences)."""
    values = sorted({e["confidence"] for e in events})
    assert len(values) >= 2, "the fixture's events all have the same confidence"
    return float(values[len(values) // 2])


def test_every_stored_event_carries_its_confidences(db: str) -> None:
    events = jsonl(invoke("events", "--db", db))
    assert events
    for event in events:
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["date"] is None or 0.0 <= event["date_confidence"] <= 1.0
        for role in ("actor", "recipient", "place"):
            if event[role] is not None:
                assert 0.0 <= event[role]["confidence"] <= 1.0
        for figure in event["casualties"]:
            assert 0.0 <= figure["confidence"] <= 1.0


def test_min_confidence_keeps_exactly_the_events_at_or_above_it(db: str) -> None:
    everything = jsonl(invoke("events", "--db", db))
    cut = _threshold(everything)
    kept = jsonl(invoke("events", "--db", db, "--min-confidence", str(cut)))
    assert 0 < len(kept) < len(everything)
    assert {e["id"] for e in kept} == {e["id"] for e in everything if e["confidence"] >= cut}
    nearly_certain = jsonl(invoke("events", "--db", db, "--min-confidence", "0.9"))
    assert {e["id"] for e in nearly_certain} <= {e["id"] for e in everything}
    assert all(e["confidence"] >= 0.9 for e in nearly_certain)
    assert len(jsonl(invoke("events", "--db", db, "--min-confidence", "0"))) == len(everything)


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "acled", "plover", "geojson"])
def test_min_confidence_filters_every_format(db: str, fmt: str) -> None:
    everything = jsonl(invoke("events", "--db", db))
    cut = _threshold(everything)
    kept = {e["id"] for e in everything if e["confidence"] >= cut}
    # one row per stored event (--mentions), so rows and events can be compared one to one
    result = invoke("timeline", "--db", db, "--mentions", "--format", fmt, "--min-confidence", str(cut))
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "table":
        shown = [line for line in out.splitlines() if "confidence " in line]
        assert len(shown) == len(kept)
    elif fmt in ("csv", "acled"):
        rows = list(csv.DictReader(io.StringIO(out)))
        id_key = "id" if fmt == "csv" else "event_id_cnty"
        assert {r[id_key] for r in rows} == kept
        assert all(float(r["confidence"]) >= cut for r in rows)
    elif fmt in ("jsonl", "plover"):
        records = jsonl(result)
        assert {r["id"] for r in records} == kept
        assert all(r["confidence"] >= cut for r in records)
    else:
        features = json.loads(out)["features"]
        assert {f["id"] for f in features} <= kept
        assert all(f["properties"]["confidence"] >= cut for f in features)


def test_min_confidence_filters_the_canonical_timeline(db: str) -> None:
    # one row per real-world event: every row shown has a mention at or above the cut, and rows no mention of which
    # reaches it are gone
    everything = jsonl(invoke("events", "--db", db))
    cut = _threshold(everything)
    kept = {e["id"] for e in everything if e["confidence"] >= cut}
    rows = jsonl(invoke("timeline", "--db", db, "--format", "jsonl", "--min-confidence", str(cut)))
    all_rows = jsonl(invoke("timeline", "--db", db, "--format", "jsonl"))
    assert 0 < len(rows) < len(all_rows)
    assert all(set(r["mention_ids"]) & kept for r in rows)
    shown = {m for r in rows for m in r["mention_ids"]}
    assert kept <= shown


@pytest.mark.parametrize("bad", ["1.5", "-0.1", "high", "nan"])
def test_a_bad_min_confidence_is_a_one_line_error(db: str, bad: str) -> None:
    result = invoke("events", "--db", db, "--min-confidence", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [T002]") and "--min-confidence" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_the_filter_is_part_of_the_store_query(db: str) -> None:
    with Store.open(db, create=False) as store:
        everything = store.events()
        cut = _threshold(everything)
        assert store.events(EventFilter(min_confidence=cut)) == [e for e in everything if e["confidence"] >= cut]
        plan = " ".join(
            str(row[-1])
            for row in store.conn.execute("EXPLAIN QUERY PLAN SELECT data FROM events WHERE confidence >= ?", (cut,))
        )
        assert "events_confidence" in plan  # answered from the index, not by reading every row
    with pytest.raises(ConfigError):
        EventFilter(min_confidence=2.0)


def test_an_older_database_gains_the_confidence_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    from truceline.store.db import _split_sql

    for name, sql in MIGRATIONS[:2]:
        for statement in _split_sql(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, '2020-01-01')", (name,))
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert "0003_event_confidence" in store.applied_migrations()
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(events)")}
        assert "confidence" in columns
        assert store.events(EventFilter(min_confidence=0.5)) == []


def test_min_confidence_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "--min-confidence" in readme
    assert "truceline eval" in readme and "calibration" in readme


def test_evaluations_print_ece_and_a_reliability_table() -> None:
    from truceline.eval import casualties, geowebnews

    out = casualties.run(FIXTURES / "casualties" / "incidents.jsonl", {"limit": None, "baseline": None})
    killed = out["calibration"]["killed"]  # type: ignore[index]
    assert killed["n"] > 0 and 0.0 <= killed["ece"] <= 1.0
    assert sum(row["n"] for row in killed["reliability"]) == killed["n"]
    places = geowebnews.run(FIXTURES / "geo" / "lgl_sample.xml", {"limit": None})
    block = places["calibration"]["place"]  # type: ignore[index]
    assert block["n"] > 0 and {"ece", "reliability", "brier", "auc"} <= block.keys()


@pytest.mark.slow
def test_the_event_evaluations_print_calibration_too() -> None:
    from truceline.eval import acled_types

    out = acled_types.run(FIXTURES / "events" / "acled_snippets.tsv", {"limit": 12, "actors": [], "baseline": None})
    block = out["calibration"]["event"]  # type: ignore[index]
    assert block["n"] + block["unscored"] == out["snippets"]
    assert all(0.0 <= row["mean_confidence"] <= 1.0 for row in block["reliability"])
