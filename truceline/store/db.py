"""The only code that talks to SQLite. Writes are transactional; re-ingesting never duplicates or loses anything."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from truceline.errors import ConfigError, StoreError
from truceline.model import Analysis, RawDocument
from truceline.serialize import event_json, place_json, quantity_json, time_json
from truceline.store.link import LinkTables
from truceline.store.migrations import MIGRATIONS


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None
    place: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    article: str | None = None
    stance: str | None = None
    limit: int | None = None
    story: str | None = None  # a story id of the link stage (truceline/link)
    min_confidence: float | None = None  # only events whose confidence is at least this (0..1)
    recipient: str | None = None  # as `actor`, but only on the recipient's side

    def __post_init__(self) -> None:
        value = self.min_confidence
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1):
            raise ConfigError(f"minimum confidence (--min-confidence) must be a number from 0 to 1, got {value!r}")


class Store:
    """A Truceline database. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        p = str(path)
        if p != ":memory:":
            if not create and not Path(p).exists():
                raise StoreError(f"no database at {p}: run `truceline ingest` or `truceline run` first, or pass --db")
            parent = Path(p).parent
            if not parent.exists():
                raise StoreError(f"cannot create database {p}: folder {parent} does not exist")
        try:
            conn = sqlite3.connect(p, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, p)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {p}: {exc} (is it a Truceline database?)") from None
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.conn.execute("BEGIN")
            try:
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                self.conn.execute("ROLLBACK")
                raise

    @property
    def link(self) -> LinkTables:
        """The link stage's tables (truceline/store/link.py)."""
        return LinkTables(self.conn)

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    # -- documents ------------------------------------------------------------------------------------------
    def add_documents(self, docs: Sequence[RawDocument]) -> int:
        """Insert new documents in one transaction; return how many were new (known content hashes are ignored)."""
        if not docs:
            return 0
        now = _now()
        with self._transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO documents (id, kind, origin, title, url, published_meta, source, content,"
                " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(d.id, d.kind, d.origin, d.title, d.url, d.published, d.source, d.content, now) for d in docs],
            )
            return self.conn.total_changes - before

    def record_skip(self, origin: str, reason: str, stage: str) -> None:
        with self._transaction():
            self.conn.execute(
                "INSERT INTO skips (origin, reason, stage, at) VALUES (?, ?, ?, ?)", (origin, reason, stage, _now())
            )

    def pending_documents(self, *, retry_failed: bool = False) -> Iterator[RawDocument]:
        statuses = ("pending", "failed") if retry_failed else ("pending",)
        marks = ",".join("?" * len(statuses))
        rows = self.conn.execute(
            f"SELECT id, kind, content, origin, title, url, published_meta, source FROM documents"
            f" WHERE status IN ({marks}) ORDER BY rowid",
            statuses,
        ).fetchall()
        for r in rows:
            yield RawDocument(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])

    def count_pending(self, *, retry_failed: bool = False) -> int:
        statuses = ("pending", "failed") if retry_failed else ("pending",)
        marks = ",".join("?" * len(statuses))
        row = self.conn.execute(f"SELECT COUNT(*) FROM documents WHERE status IN ({marks})", statuses).fetchone()
        return int(row[0])

    def mark_document(self, doc_id: str, status: str, reason: str | None = None) -> None:
        with self._transaction():
            self.conn.execute(
                "UPDATE documents SET status = ?, status_reason = ? WHERE id = ?", (status, reason, doc_id)
            )

    # -- analyses ---------------------------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis) -> None:
        """Write one article and everything found in it, replacing an earlier analysis of it, atomically."""
        art = analysis.article
        pub = art.published
        c = art.cleaned
        with self._transaction():
            self.conn.execute("DELETE FROM event_links WHERE source_id LIKE ?", (art.id + "-e%",))
            self.conn.execute("DELETE FROM events WHERE article_id = ?", (art.id,))
            self.conn.execute("DELETE FROM mentions WHERE article_id = ?", (art.id,))
            self.conn.execute("DELETE FROM articles WHERE id = ?", (art.id,))
            self.conn.execute(
                "INSERT INTO articles (id, origin, title, url, source, body, standfirst, dateline, captions, bylines,"
                " dropped_lines, published, published_earliest, published_latest, published_precision,"
                " published_evidence, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    art.id,
                    art.origin,
                    art.title,
                    art.url,
                    art.source,
                    c.body,
                    c.standfirst,
                    c.dateline,
                    json.dumps([{"text": x.text, "credit": x.credit} for x in c.captions]),
                    json.dumps(list(c.bylines)),
                    json.dumps([{"text": d.text, "reason": d.reason} for d in c.dropped_lines]),
                    pub.value,
                    pub.earliest.isoformat() if pub.earliest else None,
                    pub.latest.isoformat() if pub.latest else None,
                    pub.precision,
                    json.dumps(list(pub.evidence)),
                    _now(),
                ),
            )
            mentions: list[tuple[object, ...]] = []
            for t in analysis.times:
                mentions.append((art.id, "time", t.start, t.end, t.text, t.value, json.dumps(time_json(t))))
            for a in analysis.actors:
                mentions.append((art.id, "actor", a.start, a.end, a.text, a.code or a.name, json.dumps(a.as_json())))
            for p in analysis.places:
                mentions.append((art.id, "place", p.start, p.end, p.text, p.name, json.dumps(place_json(p))))
            for q in analysis.quantities:
                mentions.append((art.id, "quantity", q.start, q.end, q.text, q.kind, json.dumps(quantity_json(q))))
            self.conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
            rows = []
            links = []
            for ev in analysis.events:
                data = event_json(ev)
                sort_date = _sort_date(ev.date, pub.anchor.isoformat() if pub.anchor else None)
                rows.append(
                    (
                        ev.id,
                        art.id,
                        ev.index,
                        ev.type,
                        ev.mode,
                        ev.date,
                        sort_date,
                        ev.date_precision,
                        ev.stance,
                        ev.actor.name or ev.actor.text if ev.actor else None,
                        ev.actor.country if ev.actor else None,
                        ev.recipient.name or ev.recipient.text if ev.recipient else None,
                        ev.recipient.country if ev.recipient else None,
                        ev.place.name or ev.place.text if ev.place else None,
                        ev.place.country if ev.place else None,
                        ev.killed.value if ev.killed else None,
                        ev.injured.value if ev.injured else None,
                        ev.confidence,
                        json.dumps(data),
                    )
                )
                for relation, target in ev.links:
                    links.append((ev.id, relation, f"{art.id}-e{target}"))
            self.conn.executemany(
                "INSERT INTO events (id, article_id, idx, type, mode, date, sort_date, date_precision, stance,"
                " actor_name, actor_country, recipient_name, recipient_country, place_name, place_country, killed,"
                " injured, confidence, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            self.conn.executemany("INSERT INTO event_links VALUES (?, ?, ?)", links)
            self.conn.execute("UPDATE documents SET status = 'processed', status_reason = NULL WHERE id = ?", (art.id,))

    # -- queries ---------------------------------------------------------------------------------------------
    def articles(self, article_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM articles"
        args: tuple[object, ...] = ()
        if article_id:
            sql += " WHERE id = ? OR id LIKE ?"
            args = (article_id, article_id + "%")
        sql += " ORDER BY COALESCE(published_earliest, published), origin"
        out = []
        for r in self.conn.execute(sql, args):
            out.append(
                {
                    "id": r["id"],
                    "origin": r["origin"],
                    "title": r["title"],
                    "url": r["url"],
                    "source": r["source"],
                    "published": r["published"],
                    "published_earliest": r["published_earliest"],
                    "published_latest": r["published_latest"],
                    "published_precision": r["published_precision"],
                    "published_evidence": json.loads(r["published_evidence"]),
                    "standfirst": r["standfirst"],
                    "dateline": r["dateline"],
                    "bylines": json.loads(r["bylines"]),
                    "captions": json.loads(r["captions"]),
                    "dropped_lines": json.loads(r["dropped_lines"]),
                    "body": r["body"],
                }
            )
        return out

    def search_articles(self, query: str) -> list[str]:
        """Article ids matching an FTS5 query over titles and bodies."""
        try:
            rows = self.conn.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?"
                " ORDER BY rank",
                (query,),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from None
        return [r[0] for r in rows]

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        flt = flt or EventFilter()
        where, args = event_conditions(flt)
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY sort_date IS NULL, sort_date, article_id, idx"
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        return [json.loads(r[0]) for r in self.conn.execute(sql, args)]

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT layer, start, end, text, label, data FROM mentions WHERE article_id = ? ORDER BY start, end",
            (article_id,),
        )
        return [
            {"layer": r[0], "start": r[1], "end": r[2], "text": r[3], "label": r[4], "data": json.loads(r[5])}
            for r in rows
        ]

    def known_publication_years(self) -> list[int]:
        rows = self.conn.execute(
            "SELECT substr(published, 1, 4) FROM articles WHERE published_precision = 'day' AND published IS NOT NULL"
        )
        return [int(r[0]) for r in rows if r[0] and r[0].isdigit()]

    def stats(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for status, n in self.conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status"):
            out[f"documents_{status}"] = n
        out["articles"] = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        out["events"] = self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        out["skips"] = self.conn.execute("SELECT COUNT(*) FROM skips").fetchone()[0]
        return out

    def skips(self) -> list[dict[str, str]]:
        rows = self.conn.execute("SELECT origin, reason, stage, at FROM skips ORDER BY id")
        return [{"origin": r[0], "reason": r[1], "stage": r[2], "at": r[3]} for r in rows]

    # -- plumbing ----------------------------------------------------------------------------------------------
    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def event_conditions(flt: EventFilter) -> tuple[list[str], list[object]]:
    """SQL conditions (over the events table) and their arguments for a filter; the limit is the caller's."""
    where: list[str] = []
    args: list[object] = []
    if flt.actor:
        # A name or text matches as a substring; a country code matches the actor, the recipient, or any member
        # of a compound actor ("Turkey and Russia"), wherever it sits in the exported object (event_parties,
        # migration 0004, holds those codes and texts in rows).
        where.append(
            "(actor_name LIKE ? OR recipient_name LIKE ? OR rowid IN (SELECT event_rowid FROM event_parties"
            " WHERE text LIKE ? OR country = ?))"
        )
        like = f"%{flt.actor}%"
        args += [like, like, like, flt.actor.upper()]
    if flt.recipient:
        where.append(
            "(recipient_name LIKE ? OR rowid IN (SELECT event_rowid FROM event_parties WHERE role = 'recipient'"
            " AND (text LIKE ? OR country = ?)))"
        )
        like = f"%{flt.recipient}%"
        args += [like, like, flt.recipient.upper()]
    if flt.place:
        where.append("(place_name LIKE ? OR place_country = ? OR json_extract(data, '$.place.text') LIKE ?)")
        args += [f"%{flt.place}%", flt.place.upper(), f"%{flt.place}%"]
    if flt.type:
        types = [t.strip().upper() for t in flt.type.split(",") if t.strip()]
        where.append(f"type IN ({','.join('?' * len(types))})")
        args += types
    if flt.stance:
        where.append("stance = ?")
        args.append(flt.stance)
    if flt.since:
        where.append("sort_date >= ?")
        args.append(flt.since)
    if flt.until:
        where.append("sort_date <= ?")
        args.append(flt.until + "\uffff")
    if flt.article:
        where.append("(article_id = ? OR article_id LIKE ?)")
        args += [flt.article, flt.article + "%"]
    if flt.min_confidence is not None:
        where.append("confidence >= ?")
        args.append(flt.min_confidence)
    if flt.story:
        # the events linking placed in a story (truceline/link): its reports' events and its attached passages'
        where.append(
            "id IN (SELECT m.event_id FROM link_mentions m JOIN link_canonical c ON c.id = m.canonical_id"
            " WHERE c.story_id = ?)"
        )
        args.append(flt.story)
    return where, args


def _sort_date(value: str | None, fallback: str | None) -> str | None:
    """The first day an event date can denote, as text that sorts chronologically (e.g. '2019-06' -> '2019-06')."""
    if value and value[:4].isdigit():
        return value
    return fallback


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    current: list[str] = []
    in_trigger = False
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger:
            if upper == "END;":
                statements.append("\n".join(current))
                current = []
                in_trigger = False
        elif stripped.endswith(";"):
            statements.append("\n".join(current))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements
