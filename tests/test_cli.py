"""The command-line contract, through the real CLI in-process (click's runner), on reports we wrote ourselves."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from truceline.cli import EVALS, cli

FIXTURES = Path(__file__).parent / "fixtures"
README = Path(__file__).resolve().parents[1] / "README.md"
EVENT_KEYS = {"id", "type", "mode", "date", "date_precision", "actor", "recipient", "place", "killed", "injured",
              "stance", "claimed_by", "article_id", "sentence", "start_char", "end_char"}  # fmt: skip
ARTICLE_KEYS = {"id", "title", "url", "published", "published_precision", "published_evidence", "body", "captions",
                "dropped_lines"}  # fmt: skip


def invoke(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def jsonl(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "t.db")
    result = invoke("run", str(FIXTURES / "cli"), str(FIXTURES / "cli_bad"), "--db", path)
    assert result.exit_code == 0, result.output
    return path


def test_run_stores_articles_with_the_documented_fields(db: str) -> None:
    articles = jsonl(invoke("articles", "--db", db, "--format", "jsonl"))
    assert len(articles) == 3
    for art in articles:
        assert art.keys() >= ARTICLE_KEYS
        assert art["body"].strip()
    clash = next(a for a in articles if "Shelling hits" in (a["title"] or ""))
    assert "Share this article" not in clash["body"]
    assert "Border Desk" not in clash["body"]
    assert any("armoured vehicles" in c["text"] for c in clash["captions"])
    assert "armoured vehicles" not in clash["body"]
    dumped = next(a for a in articles if a["url"])
    assert dumped["published"] == "2020-02-20" and dumped["published_precision"] == "day"


def test_events_cite_their_sentence_by_offsets(db: str) -> None:
    events = jsonl(invoke("events", "--db", db))
    assert events
    bodies = {a["id"]: a["body"] for a in jsonl(invoke("articles", "--db", db, "--format", "jsonl"))}
    for ev in events:
        assert ev.keys() >= EVENT_KEYS
        assert bodies[ev["article_id"]][ev["start_char"] : ev["end_char"]] == ev["sentence"]
        assert ev["stance"] in {"asserted", "claimed", "denied", "planned", "threatened", "negated"}


def test_accusation_and_denial_are_coded_with_their_speakers(db: str) -> None:
    events = jsonl(invoke("events", "--db", db, "--type", "ACCUSE"))
    accuse = [e for e in events if "accused" in e["sentence"]]
    assert accuse and accuse[0]["actor"]["country"] == "TUR"


def test_rerunning_the_same_files_adds_nothing(db: str) -> None:
    before = jsonl(invoke("events", "--db", db))
    result = invoke("run", str(FIXTURES / "cli"), "--db", db)
    assert "0 new" in result.stderr
    assert jsonl(invoke("events", "--db", db)) == before


def test_bad_lines_are_skipped_with_their_reason(db: str) -> None:
    status = invoke("status", "--db", db).stdout
    assert "dump.jsonl:2" in status and "dump.jsonl:3" in status


def test_timeline_is_chronological_and_filters(db: str) -> None:
    table = invoke("timeline", "--db", db)
    assert table.exit_code == 0 and "[" in table.stdout
    dates = [e["date"] for e in jsonl(invoke("timeline", "--db", db, "--format", "jsonl")) if e["date"]]
    assert dates, "no dated events"
    turkish = jsonl(invoke("events", "--db", db, "--actor", "TUR"))
    assert turkish and all("TUR" in _countries(e["actor"]) | _countries(e["recipient"]) for e in turkish)
    assert jsonl(invoke("events", "--db", db, "--since", "2100-01-01")) == []
    assert "no events match" in invoke("timeline", "--db", db, "--type", "SANCTION").stdout


def _countries(actor: dict | None) -> set[str]:
    """The countries of an actor and, for a compound actor, of its members."""
    if not actor:
        return set()
    return {actor.get("country")} | {c for m in actor.get("members", []) for c in _countries(m)}


def test_csv_export_has_one_row_per_event(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert len(rows) == len(jsonl(invoke("events", "--db", db)))
    assert rows and rows[0]["sentence"]


def test_show_marks_extractions_in_the_text(db: str) -> None:
    art_id = jsonl(invoke("articles", "--db", db, "--format", "jsonl"))[0]["id"]
    out = invoke("show", art_id[:8], "--db", db).stdout
    assert re.search(r"\[[^\]]+\][TAPQ]", out)
    assert "legend:" in out


def test_show_unknown_article_is_a_one_line_error(db: str) -> None:
    result = invoke("show", "nope", "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [T001]") and "Traceback" not in result.output


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.txt").write_bytes(b"Caf\xe9 \xff\xfe\x80 bytes that are not text \x00\x00\x81")
    good = gzip.compress(b"Talks resume\n\nOfficials from both sides met to discuss the truce.\n")
    (folder / "truncated.txt.gz").write_bytes(good[: len(good) // 2])
    (folder / "menu.html").write_text("<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>")
    (folder / "lines.jsonl").write_text('{"text": "Short wire text about a truce holding in the north."}\n{oops\n')
    return folder


def test_bad_input_never_shows_a_traceback(tmp_path: Path, bad_folder: Path) -> None:
    result = invoke("run", str(bad_folder), "--db", str(tmp_path / "bad.db"))
    assert "Traceback" not in result.output
    assert result.exit_code == 0  # the one good JSONL line was processed
    status = invoke("status", "--db", str(tmp_path / "bad.db")).stdout
    for name in ("empty.txt", "binary.txt", "truncated.txt.gz", "lines.jsonl:2"):
        assert name in status, name


def test_nothing_processable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke("run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_process_no_link_stores_the_rows_and_leaves_linking_to_link(tmp_path: Path) -> None:
    from truceline.store import Store

    path = str(tmp_path / "x.db")
    assert invoke("ingest", str(FIXTURES / "cli"), "--db", path).exit_code == 0
    result = invoke("process", "--db", path, "--workers", "1", "--no-link")
    assert result.exit_code == 0, result.output
    with Store.open(path) as store:
        processed = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert processed > 0 and store.link.count_pending() == processed
    assert "linked" not in result.stderr
    result = invoke("link", "--db", path)
    assert result.exit_code == 0, result.output
    with Store.open(path) as store:
        assert store.link.count_pending() == 0


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [T001]")


def test_reading_before_creating_a_database_says_what_to_do(tmp_path: Path) -> None:
    result = invoke("events", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "truceline run" in result.stderr


def test_stdin_is_read_with_a_dash(tmp_path: Path) -> None:
    text = (FIXTURES / "cli" / "talks.txt").read_bytes()
    result = invoke("run", "-", "--db", str(tmp_path / "s.db"), stdin=text)
    assert result.exit_code == 0, result.output
    assert len(jsonl(invoke("articles", "--db", str(tmp_path / "s.db"), "--format", "jsonl"))) == 1


def test_a_folder_of_5000_files_is_ingested_whole(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5000):
        (folder / f"r{i:04d}.txt").write_text(f"Report {i}\n\nNote number {i} on the situation in the north.\n")
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "m.db"))
    assert result.exit_code == 0
    assert "5000 new" in result.stderr


def test_every_command_has_help_and_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name in cli.commands:
        assert invoke(name, "--help").exit_code == 0
        assert f"truceline {name}" in readme, f"`truceline {name}` is not documented in README.md"
    for name in EVALS:
        assert invoke("eval", name, "--help").exit_code == 0
        assert f"truceline eval {name}" in readme, f"`truceline eval {name}` is not documented in README.md"


def test_demo_runs_the_bundled_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("[") >= 20  # every row cites its article and offsets
