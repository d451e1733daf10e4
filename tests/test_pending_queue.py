"""The queue of reports to link (migration 0107_link_pending_queue, truceline/store/link.py pending_ids): the
database keeps it by triggers, so it must hold, after any sequence of writes to articles and link_reports, exactly
what joining every article to its link_reports row gives (the definition the store used before the queue); and an
existing store is upgraded in place with nothing it held changed. On SQLite and, where a throwaway server starts
(tests/pg.py), on PostgreSQL.

The reports are short texts of our own, written in this file.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from truceline.link import link
from truceline.model import Analysis, Article, CleanedText, PubDate, RawDocument
from truceline.store import Store, db
from truceline.store.migrations import MIGRATIONS

QUEUE_MIGRATION = "0107_link_pending_queue"
SPAN_MAX = 40

# What pending meant before the queue: every article joined to its link_reports row, none left out.
REFERENCE = (
    "SELECT a.id FROM articles a JOIN documents d ON d.id = a.id LEFT JOIN link_reports l ON l.article_id = a.id"
    " WHERE (l.article_id IS NULL OR l.processed_at != a.processed_at){extra}"
    " ORDER BY (COALESCE(a.published_earliest, a.published) IS NULL"
    " OR julianday(a.published_latest) - julianday(a.published_earliest) > ?),"
    " COALESCE(a.published_earliest, a.published), d.rowid"
)


def reference_ids(store: Store, before: int | None = None) -> list[str]:
    extra, args = ("", [SPAN_MAX]) if before is None else (" AND d.rowid < ?", [before, SPAN_MAX])
    return [str(r[0]) for r in store.conn.execute(REFERENCE.format(extra=extra), args).fetchall()]


def reference_first(store: Store) -> int | None:
    row = store.conn.execute(
        "SELECT MIN(d.rowid) FROM articles a JOIN documents d ON d.id = a.id LEFT JOIN link_reports l"
        " ON l.article_id = a.id WHERE l.article_id IS NULL OR l.processed_at != a.processed_at"
    ).fetchone()
    return None if row[0] is None else int(row[0])


def assert_queue_right(store: Store) -> None:
    want = reference_ids(store)
    queued = sorted(str(r[0]) for r in store.conn.execute("SELECT article_id FROM link_queue").fetchall())
    assert queued == sorted(want)
    assert store.link.pending_ids(span_max=SPAN_MAX) == want
    assert store.link.count_pending() == len(want)
    assert store.link.first_pending_position() == reference_first(store)
    last = store.end_position() or 0
    for before in (1, last // 2 + 1, last + 1):
        assert store.link.pending_ids(span_max=SPAN_MAX, before=before) == reference_ids(store, before)


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database of either backend (the PostgreSQL one skips, with its reason, where no server starts)."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return str(request.getfixturevalue("pg_url"))


def report(key: str, day: date | None, words: str) -> Analysis:
    body = f"Talks on the truce around {words} resumed, officials said, after shelling on the road to {words}."
    pub = PubDate(day.isoformat() if day else None, day, day, "day" if day else "unknown", ())
    return Analysis(Article(key, f"{key}.txt", None, None, None, pub, CleanedText(None, body)))


def store_reports(store: Store, reports: list[Analysis]) -> None:
    for a in reports:
        store.add_documents(
            [RawDocument(id=a.article.id, kind="text", content=a.article.body, origin=a.article.origin)]
        )
        store.save_analysis(a)


def test_the_queue_is_the_join_after_any_sequence_of_writes(location: str) -> None:
    """Writes as the store and the link stage make them (an article replaced, deleted or redated, a link row
    replaced, deleted or moved to another story), drawn at random, each followed by the check."""
    rng = random.Random(7)
    ids = [f"doc{i}" for i in range(8)]
    stamps = ["2024-01-01T00:00:00+00:00", "2024-01-01T00:00:01+00:00", "2024-01-02T00:00:00+00:00"]
    with Store.open(location) as store:
        store.add_documents([RawDocument(id=i, kind="text", content=f"text {i}", origin=f"{i}.txt") for i in ids])
        conn = store.conn
        seq = 0
        for _ in range(160):
            key, stamp, op = rng.choice(ids), rng.choice(stamps), rng.randrange(8)
            day = rng.choice([None, "2024-03-01", "2024-03-05", "2023-12-30"])
            conn.execute("BEGIN")
            if op == 0:  # (re)written, as Store._write_article does
                conn.execute("DELETE FROM articles WHERE id = ?", (key,))
                conn.execute(
                    "INSERT INTO articles (id, origin, body, captions, bylines, dropped_lines, published,"
                    " published_earliest, published_latest, published_precision, published_evidence, processed_at)"
                    " VALUES (?, ?, 'b', '[]', '[]', '[]', ?, ?, ?, 'day', '[]', ?)",
                    (key, f"{key}.txt", day, day, day, stamp),
                )
            elif op == 1:
                conn.execute("DELETE FROM articles WHERE id = ?", (key,))
            elif op == 2:  # linked, as LinkTables.save_report writes it
                seq += 1
                conn.execute(
                    "INSERT OR REPLACE INTO link_reports (article_id, seq, processed_at, copy_of, terms, names,"
                    " lead_names) VALUES (?, ?, ?, ?, '{}', '{}', '[]')",
                    (key, seq, stamp, key),
                )
            elif op == 3:
                conn.execute("DELETE FROM link_reports WHERE article_id = ?", (key,))
            elif op == 4:
                conn.execute("UPDATE link_reports SET processed_at = ? WHERE article_id = ?", (stamp, key))
            elif op == 5:
                conn.execute("UPDATE articles SET processed_at = ? WHERE id = ?", (stamp, key))
            elif op == 6:  # what linking also changes: a report's story, an article's dates
                conn.execute("UPDATE link_reports SET story_id = ? WHERE article_id = ?", (f"s{seq}", key))
                conn.execute(
                    "UPDATE articles SET published = ?, published_earliest = ?, published_latest = ? WHERE id = ?",
                    (day, day, day, key),
                )
            else:  # a key changed (nothing does this today; the triggers still follow it)
                other = rng.choice(ids)
                if not conn.execute("SELECT 1 FROM link_reports WHERE article_id = ?", (other,)).fetchone():
                    conn.execute("UPDATE link_reports SET article_id = ? WHERE article_id = ?", (other, key))
            conn.execute("COMMIT")
            assert_queue_right(store)


def test_linking_and_reprocessing_keep_the_queue_right(location: str) -> None:
    start = date(2024, 5, 1)
    towns = ["Narvel", "Osk", "Tamrin", "Vedra", "Kolm", "Ust"]
    reports = [report(f"r{i}", start + timedelta(days=i % 4) if i % 5 else None, towns[i % 6]) for i in range(12)]
    with Store.open(location) as store:
        store_reports(store, reports[:8])
        assert_queue_right(store)
        assert store.link.count_pending() == 8
        middle = store.end_position()
        link(store, before=(middle or 0) - 2)  # the first window, as process links them
        assert_queue_right(store)
        link(store)
        assert_queue_right(store)
        assert store.link.count_pending() == 0
        store_reports(store, reports[8:])  # new reports, then two old ones analysed again
        store.save_analysis(report("r1", start, "Osk and Ust"))
        store.conn.execute("UPDATE link_reports SET processed_at = 'an earlier analysis' WHERE article_id = 'r2'")
        assert_queue_right(store)
        assert {"r2", "r8", "r9", "r10", "r11"} <= set(store.link.pending_ids())
        link(store)
        assert_queue_right(store)
        assert store.link.count_pending() == 0


def tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted (the queue and the migrations record left out)."""
    if store.dialect == "postgresql":
        names = [
            str(r[0])
            for r in store.conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                " AND table_type = 'BASE TABLE'"
            ).fetchall()
        ]
    else:
        names = [str(r[0]) for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {}
    for name in sorted(set(names) - {"link_queue", "migrations", "sqlite_sequence"}):
        rows = [tuple(r) for r in store.conn.execute(f"SELECT * FROM {name}").fetchall()]
        out[name] = sorted(rows, key=repr)
    return out


def downgrade(store: Store) -> None:
    """Take the queue's migration back out: the layout every store had before it."""
    conn = store.conn
    conn.execute("BEGIN")
    if store.dialect == "postgresql":
        conn.execute("DROP FUNCTION truceline_link_queue() CASCADE")  # its triggers with it
        conn.execute("DROP INDEX documents_status_position")
    else:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'link_queue_%'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE link_queue")
    conn.execute("DELETE FROM migrations WHERE name = ?", (QUEUE_MIGRATION,))
    conn.execute("COMMIT")


def schema(store: Store) -> list[tuple[Any, ...]]:
    if store.dialect == "postgresql":
        return sorted(
            tuple(r)
            for r in store.conn.execute(
                "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = current_schema() UNION ALL SELECT tgname, 't' FROM pg_trigger WHERE NOT tgisinternal"
                " UNION ALL SELECT proname, 'f' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                " WHERE n.nspname = current_schema()"
            ).fetchall()
        )
    return sorted(
        tuple(r) for r in store.conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    )


def test_a_store_of_the_old_layout_is_upgraded_in_place(
    location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """A store linked and then written by the code before the queue (its layout: the queue's migration taken back
    out, checked against a new store made by the other migrations) opens upgraded: every row as it was, the queue
    what the join gives, linking then empties it."""
    without_queue = [m for m in MIGRATIONS if m[0] != QUEUE_MIGRATION]
    assert len(without_queue) == len(MIGRATIONS) - 1
    start = date(2024, 2, 1)
    towns = ["Narvel", "Osk", "Tamrin", "Vedra", "Kolm"]
    reports = [report(f"u{i}", start + timedelta(days=i % 3) if i % 4 else None, towns[i % 5]) for i in range(10)]
    with Store.open(location) as old:
        store_reports(old, reports[:7])
        link(old)
        downgrade(old)
        layout = schema(old)
        store_reports(old, reports[7:])  # stored by the old code, not linked
        old.conn.execute("UPDATE link_reports SET processed_at = 'an earlier analysis' WHERE article_id = 'u3'")
        before = tables(old)
        want = reference_ids(old)
    assert set(want) == {"u3", "u7", "u8", "u9"}
    # the later migrations (0108_link_cluster_bounds: columns the linking code writes) stay: the layout is the
    # current one without the queue
    monkeypatch.setattr(db, "MIGRATIONS", without_queue)
    fresh = request.getfixturevalue("pg_server").new_database("o") if "://" in location else str(tmp_path / "o.db")
    with Store.open(fresh) as made_old:
        assert schema(made_old) == layout, "the downgrade did not give the layout before the queue"
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS)
    with Store.open(location) as new:
        assert QUEUE_MIGRATION in new.applied_migrations()
        if new.dialect == "sqlite":
            assert new.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert tables(new) == before, "the migration changed a stored row"
        assert new.link.pending_ids() == want
        assert_queue_right(new)
        link(new)
        assert new.link.count_pending() == 0
        assert_queue_right(new)
    with Store.open(location) as again:  # opened again: nothing is applied twice
        assert again.applied_migrations().count(QUEUE_MIGRATION) == 1


def test_the_first_document_to_process_is_found_whatever_the_statuses(location: str) -> None:
    """Store.first_pending_position reads each status's first position from the index: the same answer as the
    smallest position of the documents in those statuses, with failed ones retried or not."""
    rng = random.Random(3)
    with Store.open(location) as store:
        assert store.first_pending_position() is None
        ids = [f"d{i}" for i in range(30)]
        store.add_documents([RawDocument(id=i, kind="text", content=f"text {i}", origin=f"{i}.txt") for i in ids])
        for _ in range(40):
            store.mark_document(rng.choice(ids), rng.choice(["processed", "skipped", "failed", "pending", "processed"]))
            for retry, statuses in ((False, "('pending')"), (True, "('pending', 'failed')")):
                row = store.conn.execute(f"SELECT MIN(rowid) FROM documents WHERE status IN {statuses}").fetchone()
                assert store.first_pending_position(retry_failed=retry) == row[0]
