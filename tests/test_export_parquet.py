"""`--format parquet`: written by the real CLI over the bundled sample corpus, read back with pyarrow, and compared
with what `--format jsonl` says of the same events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from truceline.cli import cli
from truceline.sample import REPORTS_DIR

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def jsonl(*args: str) -> list[dict[str, Any]]:
    result = invoke(*args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("parquet") / "sample.db")
    result = invoke("run", str(REPORTS_DIR), "--db", path)
    assert result.exit_code == 0, result.output
    return path


def parquet(tmp_path: Path, *args: str) -> Any:
    out = tmp_path / "out.parquet"
    result = invoke(*args, "--format", "parquet", "--output", str(out))
    assert result.exit_code == 0, result.output
    return pq.read_table(out)


def test_rows_and_values_equal_the_json_export(db: str, tmp_path: Path) -> None:
    events = jsonl("events", "--db", db)
    rows = parquet(tmp_path, "events", "--db", db).to_pylist()
    assert len(events) > 100
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    for ev, row in zip(events, rows, strict=True):
        for key in ("article_id", "type", "mode", "stance", "confidence", "date", "date_precision", "killed"):
            assert row[key] == ev[key], (ev["id"], key)
        assert (row["sentence"], row["start_char"], row["end_char"]) == (
            ev["sentence"],
            ev["start_char"],
            ev["end_char"],
        )
        for role in ("actor", "recipient", "claimed_by"):
            nested = ev[role] or {}
            for key in ("text", "name", "country", "sector", "code", "start_char", "end_char"):
                assert row[f"{role}_{key}"] == nested.get(key), (ev["id"], role, key)
            members = [m.get("name") or m["text"] for m in nested.get("members", [])]
            assert (row[f"{role}_members"] or []) == members
        place = ev["place"] or {}
        assert (row["place_name"], row["place_country"]) == (place.get("name"), place.get("country"))
        assert (row["latitude"], row["longitude"]) == (place.get("lat"), place.get("lon"))
        assert row["trigger_text"] == ev["trigger"]["text"]
        assert row["context"] == ev["context"]
        assert row["linked_events"] == [f"{x['relation']} {x['event']}" for x in ev["links"]]


def test_typed_dates_bound_the_exported_date(db: str, tmp_path: Path) -> None:
    rows = parquet(tmp_path, "events", "--db", db).to_pylist()
    dated = [r for r in rows if r["date_start"] is not None]
    assert len(dated) > len(rows) // 2
    for row in dated:
        assert row["date_start"] <= row["date_end"]
        assert int(row["date"][:4]) in (
            row["date_start"].year,
            row["date_end"].year,
        )  # ISO week 1 may start in December
        if len(row["date"]) == 10:  # a day
            assert row["date_start"] == row["date_end"] == date.fromisoformat(row["date"])
    assert any(r["date_start"] < r["date_end"] for r in dated), "no coarse date (a month, a week) in the corpus"
    assert all(r["date_end"] is None for r in rows if r["date_start"] is None)


def test_linked_events_carry_their_story_and_canonical_event(db: str, tmp_path: Path) -> None:
    rows = parquet(tmp_path, "events", "--db", db).to_pylist()
    stories = jsonl("stories", "--db", db)
    assert {r["story_id"] for r in rows if r["story_id"]} <= {s["id"] for s in stories}
    for story in stories[:3]:
        # the story filter of the store (its own SQL) and the exported column agree
        ids = {e["id"] for e in jsonl("events", "--db", db, "--story", story["id"])}
        assert ids == {r["id"] for r in rows if r["story_id"] == story["id"]}
    timeline = parquet(tmp_path, "timeline", "--db", db).to_pylist()
    assert {r["canonical_id"] for r in rows if r["canonical_id"]} == {r["canonical_id"] for r in timeline}


def test_timeline_rows_are_canonical_events_with_their_support(db: str, tmp_path: Path) -> None:
    table = parquet(tmp_path, "timeline", "--db", db)
    items = jsonl("timeline", "--db", db)
    rows = table.to_pylist()
    assert [r["canonical_id"] for r in rows] == [i["canonical_id"] for i in items]
    for item, row in zip(items, rows, strict=True):
        assert (row["reports"], row["independent_sources"], row["mentions"]) == (
            item["reports"],
            item["independent_sources"],
            item["mentions"],
        )
        assert row["story_id"] == item["story_id"] and row["confidence"] == item["confidence"]


def test_schema_types_every_column(db: str, tmp_path: Path) -> None:
    schema = parquet(tmp_path, "events", "--db", db, "--limit", "5").schema
    expected = {
        "id": pa.string(),
        "date": pa.string(),
        "date_precision": pa.string(),
        "date_start": pa.date32(),
        "date_end": pa.date32(),
        "killed": pa.int64(),
        "injured": pa.int64(),
        "confidence": pa.float64(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "date_from_publication": pa.bool_(),
        "place_resolved": pa.bool_(),
        "actor_name": pa.string(),
        "actor_country": pa.string(),
        "actor_sector": pa.string(),
        "actor_code": pa.string(),
        "actor_members": pa.list_(pa.string()),
        "recipient_name": pa.string(),
        "place_name": pa.string(),
        "place_country": pa.string(),
        "place_geonameid": pa.int64(),
        "start_char": pa.int64(),
        "end_char": pa.int64(),
        "article_id": pa.string(),
        "sentence": pa.string(),
        "story_id": pa.string(),
        "canonical_id": pa.string(),
    }
    for name, type_ in expected.items():
        assert schema.field(name).type == type_, name
    assert not [f.name for f in schema if pa.types.is_struct(f.type)], "nested records must be flattened"


def test_an_export_matching_nothing_is_an_empty_file_with_the_schema(db: str, tmp_path: Path) -> None:
    table = parquet(tmp_path, "events", "--db", db, "--since", "2999")
    assert table.num_rows == 0 and "actor_name" in table.schema.names


def test_parquet_is_refused_on_a_terminal(db: str) -> None:
    if not hasattr(os, "openpty"):
        pytest.skip("no pseudo-terminals on this platform")
    main, follower = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "truceline.cli", "events", "--db", db, "--format", "parquet"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(main)
    assert done.returncode == 2
    assert done.stderr.startswith("error: [T001]") and "--output" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_missing_pyarrow_is_a_one_line_error(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in {"pyarrow", "pyarrow.parquet", *(m for m in sys.modules if m.startswith("pyarrow."))}:
        monkeypatch.setitem(sys.modules, name, None)  # an import of it now fails as if it were not installed
    result = invoke("events", "--db", db, "--format", "parquet", "--output", str(tmp_path / "x.parquet"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [T002]") and "pyarrow" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_folder_that_does_not_exist_is_a_one_line_error(db: str, tmp_path: Path) -> None:
    result = invoke("events", "--db", db, "--format", "parquet", "--output", str(tmp_path / "no" / "x.parquet"))
    assert result.exit_code == 2 and result.stderr.startswith("error: [T001]")


def test_output_writes_text_formats_to_a_file_too(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert invoke("events", "--db", db, "--output", str(out)).exit_code == 0
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == jsonl("events", "--db", db)


def test_parquet_goes_to_standard_output_when_it_is_not_a_terminal(db: str, tmp_path: Path) -> None:
    result = invoke("events", "--db", db, "--format", "parquet", "--limit", "12")  # the runner's output is no tty
    assert result.exit_code == 0, result.stderr
    piped = pq.read_table(pa.BufferReader(result.stdout_bytes))
    assert piped.to_pylist() == parquet(tmp_path, "events", "--db", db, "--limit", "12").to_pylist()
