"""Exactly once under kill -9 on PostgreSQL: real `truceline process --workers 2` runs into a server database are
killed (SIGKILL) at seeded random moments and resumed; after each kill every report is stored whole with its status
or still pending, and the resumed run ends with exactly the rows of an uninterrupted one. The generated reports
and the helpers are tests/test_kill.py's (which does the same, at more kill points, on SQLite); two kill points
here keep the test short."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from test_kill import CHROME_PAGE, SEED, _report, finish, kill_at, start

from truceline import api
from truceline.store import Store

pytest.importorskip("psycopg", reason="psycopg (the 'postgres' extra) talks to the server")

REPORTS = 40
KILL_POINTS = 2


@pytest.fixture(scope="module")
def base(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A server database with the generated reports ingested and nothing processed."""
    corpus = tmp_path_factory.mktemp("pg-kill")
    rng = random.Random(SEED)
    with (corpus / "reports.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(REPORTS):
            handle.write(json.dumps(_report(rng, i)) + "\n")
    for i in range(2):
        (corpus / f"menu{i}.html").write_text(CHROME_PAGE.replace("{i}", str(i)), encoding="utf-8")
    url = str(pg_server.new_database("base"))
    with Store.open(url) as store:
        api.ingest(store, [str(corpus)])
        assert store.count_pending() == REPORTS + 2
    return url


def whole_reports_only(url: str) -> None:
    with Store.open(url, create=False) as store:
        conn = store.conn
        assert store.integrity_check() == "ok"
        processed = {r[0] for r in conn.execute("SELECT id FROM documents WHERE status = 'processed'")}
        articles = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert sorted(articles) == sorted(processed), "an article without its status, or a status without its rows"
        skipped = conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'skipped'").fetchone()[0]
        skips = conn.execute("SELECT COUNT(*) FROM skips WHERE stage != 'ingest'").fetchone()[0]
        assert skips == skipped, f"{skips} skip records for {skipped} skipped reports"
        linked = {r[0] for r in conn.execute("SELECT article_id FROM link_reports")}
        assert linked <= processed, "a report linked that is not stored"
        orphans = conn.execute(
            "SELECT COUNT(*) FROM link_mentions m LEFT JOIN link_reports r ON r.article_id = m.article_id"
            " WHERE r.article_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0, "canonical event mentions of a report that is not linked (half a report linked)"


@pytest.mark.slow
def test_process_on_postgresql_is_exactly_once_under_kill_9(base: str, pg_server: Any, tmp_path: Path) -> None:
    def command(url: str) -> list[str]:
        return ["process", "--db", url, "--workers", "2"]

    log = tmp_path / "kill.log"
    reference_url = pg_server.new_database("reference", copy_of=base)
    run_length = finish(command(reference_url), log)
    with Store.open(reference_url) as store:
        reference = store.content()
    assert len(reference["articles"]) == REPORTS and len(reference["skips"]) == 2 and reference["link_canonical"]

    rng = random.Random(SEED)
    url = pg_server.new_database("killed", copy_of=base)
    kills = 0
    for _ in range(KILL_POINTS):
        if kill_at(start(command(url), log), rng.uniform(0.2, 0.9) * run_length):
            kills += 1
            whole_reports_only(url)
    finish(command(url), log)
    whole_reports_only(url)
    with Store.open(url) as store:
        got = store.content()
    for table in reference:
        assert got[table] == reference[table], f"{table} differ after {kills} kill(s) (seed {SEED})"
    assert kills, "no run was cut short: the kill points fell after the end"
