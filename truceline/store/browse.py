"""Read-only queries for browsing a database page by page (the web app, truceline/web): counted and paginated
events, full-text search over their evidence sentences, events by place for a map, one event by id.

Every query takes the same EventFilter as `truceline events` (truceline.store.db.event_conditions), so a filter
means the same thing on the command line, in the pages and in the HTTP API. The order is the events table's
(`events_order`, migration 0004), so a page deep into 100,000 events is an index walk, not a sort.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from truceline.errors import StoreError
from truceline.store import pg
from truceline.store.db import EventFilter, Store, event_conditions
from truceline.store.migrations import MIGRATIONS

ORDER = "sort_date IS NULL, sort_date, article_id, idx"
# How long a read waits on a lock before it fails, in seconds. In WAL mode readers and the writer rarely meet, but
# a reader opening while a writer checkpoints or resets the log briefly needs one; without a wait, a request to the
# web app served during `truceline process` is a 500 ("database is locked": tests/test_web_hardening.py).
BUSY_TIMEOUT = 10.0


def open_readonly(path: str | Path) -> Store:
    """An existing database opened read-only (SQLite's mode=ro; on PostgreSQL, read-only transactions): nothing
    done through it can change the database. Its schema must be current, since a read-only connection cannot
    migrate it."""
    if pg.is_url(str(path)):
        store = Store._open_server(str(path), create=False, read_only=True)
        return _current(store, store.path, store.applied_migrations())
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"no database at {p}: run `truceline run REPORTS --db {p}` first, or pass --db")
    try:
        conn = sqlite3.connect(
            f"{p.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {p}: {exc} (is it a Truceline database?)") from None
    return _current(Store(conn, str(p)), str(p), done)


def _current(store: Store, name: str, done: Iterable[str]) -> Store:
    applied = set(done)
    missing = [m for m, _ in MIGRATIONS if m not in applied]
    if missing:
        store.close()
        raise StoreError(
            f"database {name} predates this version ({', '.join(missing)} not applied): run "
            f"`truceline status --db {name}` once to upgrade it, then serve it"
        )
    return store


def fts_query(text: str) -> str | None:
    """A user's words as an FTS5 query that cannot be a syntax error: each word quoted, all of them required."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or None


def _where(store: Store, flt: EventFilter, search: str | None) -> tuple[str, list[object]]:
    dialect = store.dialect
    where, args = event_conditions(replace(flt, limit=None))
    query = fts_query(search) if search else None
    if search and query is None:
        where.append("1 = 0")  # a search of no words at all matches nothing
    elif query and dialect == "postgresql":
        from truceline.store.migrations_pg import EVENTS_TSV

        where.append(f"{EVENTS_TSV} @@ to_tsquery('simple', ?)")
        args.append(" & ".join(f"'{w}'" for w in re.findall(r"\w+", search or "")))  # every word required
    elif query:
        where.append("rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        args.append(query)
    return (" WHERE " + " AND ".join(where)) if where else "", args


def count_events(store: Store, flt: EventFilter, search: str | None = None) -> int:
    """How many stored events match the filter (and the search words, when given)."""
    where, args = _where(store, flt, search)
    return int(store.conn.execute(f"SELECT COUNT(*) FROM events{where}", args).fetchone()[0])


def events_page(
    store: Store, flt: EventFilter, *, offset: int = 0, limit: int = 50, search: str | None = None
) -> list[dict[str, Any]]:
    """One page of the matching events in timeline order, each the exported event object (as `events` gives)."""
    where, args = _where(store, flt, search)
    rows = store.conn.execute(
        f"SELECT data FROM events{where} ORDER BY {ORDER} LIMIT ? OFFSET ?", [*args, int(limit), int(offset)]
    )
    return [json.loads(r[0]) for r in rows]


def event_places(store: Store, flt: EventFilter, search: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """The places of the matching events that have coordinates, with how many events each: what a map shows.
    Events are grouped by their place's name and country (an index walk, `events_place`); the coordinates are
    read from one event of each group, so reading JSON costs a row per place, not per event."""
    where, args = _where(store, flt, search)
    cond = where + (" AND " if where else " WHERE ") + "place_name IS NOT NULL"
    groups = store.conn.execute(
        f"SELECT place_name, place_country, COUNT(*) AS n, MIN(rowid), MIN(sort_date), MAX(sort_date) FROM events{cond}"
        " GROUP BY place_name, place_country ORDER BY n DESC, place_name",
        args,
    ).fetchall()
    out: list[dict[str, Any]] = []
    for name, country, n, rowid, first, last in groups:
        row = store.conn.execute("SELECT data FROM events WHERE rowid = ?", (rowid,)).fetchone()
        place = json.loads(row[0]).get("place") if row else None
        lat, lon = (place.get("lat"), place.get("lon")) if isinstance(place, dict) else (None, None)
        if lat is None or lon is None:
            continue
        out.append({"name": name, "country": country, "lat": lat, "lon": lon, "events": n, "first": first,
                    "last": last})  # fmt: skip
        if len(out) >= limit:
            break
    return out


def event_by_id(store: Store, event_id: str) -> dict[str, Any] | None:
    """One stored event (the exported object) by its id, or None."""
    row = store.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def event_values(store: Store, column: str) -> list[str]:
    """The distinct values of an indexed column of the events table ('type' or 'stance'), for filter choices."""
    if column not in ("type", "stance"):
        raise ValueError(column)
    return [r[0] for r in store.conn.execute(f"SELECT DISTINCT {column} FROM events ORDER BY {column}")]


def article_titles(store: Store, article_ids: list[str]) -> dict[str, str | None]:
    """{article id: title} for the given ids (one query, for labelling links)."""
    if not article_ids:
        return {}
    ids = sorted(set(article_ids))
    out: dict[str, str | None] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk):
            out[r[0]] = r[1]
    return out


def canonical_of(store: Store, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """{event id: the canonical event linking placed it in (id, story, independent sources, reports, mentions)} for
    the given events; events not linked yet are absent."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT m.event_id, c.id, c.story_id, c.n_sources, c.n_reports, c.n_mentions FROM link_mentions m"
            f" JOIN link_canonical c ON c.id = m.canonical_id WHERE m.event_id IN ({marks})",
            chunk,
        )
        for r in rows:
            out[r[0]] = {"id": r[1], "story_id": r[2], "independent_sources": r[3], "reports": r[4], "mentions": r[5]}
    return out
