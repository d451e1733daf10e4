"""The LSH bands' layout (migration 0106_link_lsh_one_tree): one tree keyed (band, bucket, seq, article id), to
which a store of the earlier layout (a rowid table and three indexes) upgrades in place, on SQLite and PostgreSQL
alike, linking on as a store built with the new layout does; a report's band rows are found and deleted by their
key when it is linked again or forgotten.

The reports are test_link_bounded.py's templates (our own words).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_link_bounded import _reports, _store

from truceline.link import link, minhash
from truceline.store import Store
from truceline.store.migrations import MIGRATIONS

LAYOUT = "0106_link_lsh_one_tree"
FIRST_DAYS = "2022-05-06"  # the reports linked before the upgrade: those of the corpus's first days


def _target(kind: str, tmp_path: Path, name: str, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return str(tmp_path / f"{name}.db")
    return str(request.getfixturevalue("pg_server").new_database(name))


def _bands(store: Store) -> set[tuple[int, int, int, str]]:
    rows = store.conn.execute("SELECT band, bucket, seq, article_id FROM link_lsh")
    return {(int(r[0]), int(r[1]), int(r[2]), str(r[3])) for r in rows}


def _link_on(store: Store) -> None:
    """Link the rest of the corpus, then a third of it again (processed anew: unlinked and linked again)."""
    assert link(store).linked > 40
    for aid in [f"r{i:05d}" for i in range(0, 96, 3)]:
        store.conn.execute("UPDATE articles SET processed_at = 'again' WHERE id = ?", (aid,))
    assert link(store).linked == 32


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_store_of_the_earlier_layout_upgrades_in_place_and_links_on_as_a_new_one(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    old, new = _target(kind, tmp_path, "upgraded", request), _target(kind, tmp_path, "fresh", request)
    monkeypatch.setattr("truceline.store.db.MIGRATIONS", [m for m in MIGRATIONS if m[0] != LAYOUT])
    with _store(old, _reports(96)) as store:  # type: ignore[arg-type]
        assert LAYOUT not in store.applied_migrations()
        link(store, until=FIRST_DAYS)
        before = _bands(store)
        assert len(before) > 32 * 20
    monkeypatch.undo()
    contents: list[dict[str, Any]] = []
    for target, first in ((old, None), (new, FIRST_DAYS)):
        with _store(target, _reports(96)) if first else Store.open(target) as store:  # type: ignore[arg-type]
            assert LAYOUT in store.applied_migrations()
            if first:
                link(store, until=first)
            assert _bands(store) == before  # the upgrade kept every row; the fresh store wrote the same ones
            _link_on(store)
            contents.append(store.content())
    assert contents[0] == contents[1]
    assert contents[0]["link_lsh"]


def test_the_bands_are_one_tree_without_a_rowid(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'link_lsh'").fetchone()[0]
        assert "WITHOUT ROWID" in sql and "PRIMARY KEY (band, bucket, seq, article_id)" in sql
        indexes = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'link_lsh'")
        assert [r[0] for r in indexes if not str(r[0]).startswith("sqlite_autoindex")] == []


def test_a_report_linked_again_or_forgotten_leaves_no_band_rows_behind(tmp_path: Path) -> None:
    with _store(tmp_path / "f.db", _reports(96)) as store:
        link(store, until=FIRST_DAYS)
        _link_on(store)
        # each report's rows are its current bands at its current seq (those of its earlier linking are gone)
        reports = store.conn.execute("SELECT article_id, seq, signature FROM link_reports").fetchall()
        expected = set()
        for aid, seq, blob in reports:
            expected |= {(b, k, seq, aid) for b, k in enumerate(minhash.bands(minhash.from_bytes(blob)))}
        assert _bands(store) == expected and len(expected) == minhash.BANDS * len(reports)
        gone, seq, blob = reports[0]
        with store.link.transaction():
            store.link.forget_report(gone, minhash.bands(minhash.from_bytes(blob)), seq)
        assert not [r for r in _bands(store) if r[3] == gone]
        assert len(_bands(store)) == minhash.BANDS * (len(reports) - 1)
