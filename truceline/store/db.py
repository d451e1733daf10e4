"""The only code that talks to the database: a SQLite file, or a PostgreSQL server for a postgresql:// URL
(truceline/store/pg.py translates the same queries). Writes are transactional; re-ingesting never duplicates or
loses anything."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from truceline.errors import ConfigError, StoreError
from truceline.model import Analysis, RawDocument
from truceline.store import pg
from truceline.store.link import LinkTables
from truceline.store.migrations import MIGRATIONS
from truceline.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    LINK_COLUMNS,
    MENTION_COLUMNS,
    STATUSES,
    ArticleRows,
    DocResult,
    article_rows,
)
from truceline.store.rows import now as _now


def _quoted(columns: Iterable[str]) -> list[str]:
    """Column names as SQL, `end` (a reserved word in PostgreSQL) quoted."""
    return [f'"{c}"' if c == "end" else c for c in columns]


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(_quoted(columns))}) VALUES ({', '.join('?' * len(columns))})"


_INSERT_ARTICLE = _insert("articles", ARTICLE_COLUMNS)
_INSERT_MENTION = _insert("mentions", MENTION_COLUMNS)
_INSERT_EVENT = _insert("events", EVENT_COLUMNS)
_INSERT_LINK = _insert("event_links", LINK_COLUMNS)
PENDING_PAGE = 256  # documents read per query while processing, so a large backlog is never all in memory


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


# SQLite's page cache per connection, in MB (SQLite's own default is 2): linking reads the recent part of every
# link table and index at each report (the newest reports of LSH buckets, a story's recent clusters and canonical
# events, their latest mentions), a working set of tens of MB in a corpus of 10,000 reports, which a 2 MB cache
# reads again from the file system at each report. Memory is taken only as pages are read.
CACHE_MB = 64


class Store:
    """A Truceline database. Open with `Store.open(path)` (a SQLite file, or a postgresql:// URL); use as a context
    manager to close it."""

    def __init__(self, conn: Any, path: str) -> None:
        self.conn = conn  # a sqlite3.Connection, or a pg.PgConnection that takes the same SQL
        self.path = path
        self.dialect: str = getattr(conn, "dialect", "sqlite")
        self._link: LinkTables | None = None

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, cache_mb: int = CACHE_MB) -> Store:
        """`cache_mb`: SQLite's page cache for this connection (see CACHE_MB)."""
        p = str(path)
        if pg.is_url(p):
            return cls._open_server(p, create=create)
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
            conn.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")  # in KiB when negative
            store = cls(conn, p)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {p}: {exc} (is it a Truceline database?)") from None
        return store

    @classmethod
    def _open_server(cls, url: str, *, create: bool, read_only: bool = False) -> Store:
        conn = pg.connect(url, read_only=read_only)
        store = cls(conn, pg.redact(url))
        try:
            known = conn.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()[0]
            if not known and not create:
                raise StoreError(
                    f"no Truceline database at {store.path}: run `truceline ingest` or `truceline run` with this --db"
                    " first"
                )
            if not read_only:
                store._migrate()
        except Exception:
            conn.close()
            raise
        return store

    def set_read_only(self) -> None:
        """Refuse every write through this connection from now on."""
        if self.dialect == "postgresql":
            self.conn.execute("SET default_transaction_read_only = on")
        else:
            self.conn.execute("PRAGMA query_only = ON")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        if self.dialect == "postgresql":
            self._migrate_server()
            return
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

    def _migrate_server(self) -> None:
        pg.migrate(self.conn, MIGRATIONS, _now())

    @property
    def link(self) -> LinkTables:
        """The link stage's tables (truceline/store/link.py): one object per store, whose caches of parsed values
        last as long as the store is open."""
        if self._link is None:
            self._link = LinkTables(self.conn, self.dialect)
        return self._link

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
        """The documents still to process, in the order they were stored, read a page at a time."""
        statuses = ("pending", "failed") if retry_failed else ("pending",)
        marks = ",".join("?" * len(statuses))
        after = 0
        while True:
            rows = self.conn.execute(
                f"SELECT rowid, id, kind, content, origin, title, url, published_meta, source FROM documents"
                f" WHERE status IN ({marks}) AND rowid > ? ORDER BY rowid LIMIT {PENDING_PAGE}",
                (*statuses, after),
            ).fetchall()
            for r in rows:
                yield RawDocument(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])
            if len(rows) < PENDING_PAGE:
                return
            after = rows[-1][0]

    def count_pending(self, *, retry_failed: bool = False) -> int:
        statuses = ("pending", "failed") if retry_failed else ("pending",)
        marks = ",".join("?" * len(statuses))
        row = self.conn.execute(f"SELECT COUNT(*) FROM documents WHERE status IN ({marks})", statuses).fetchone()
        return int(row[0])

    def first_pending_position(self, *, retry_failed: bool = False) -> int | None:
        """The position (rowid) of the first document still to process, None when there is none."""
        statuses = ("pending", "failed") if retry_failed else ("pending",)
        # each status's first position read from the index on (status, position), then the smaller: a bare
        # MIN(rowid) WHERE status IN (...) is, on PostgreSQL, a walk of the documents in position order until the
        # first pending one, past every processed document when (as always) the pending ones are the newest
        firsts = " UNION ALL ".join(
            "SELECT (SELECT rowid FROM documents WHERE status = ? ORDER BY rowid LIMIT 1) AS position" for _ in statuses
        )
        row = self.conn.execute(f"SELECT MIN(position) FROM ({firsts}) AS firsts", statuses).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def last_position(self, doc_ids: Sequence[str]) -> int | None:
        """The largest position (rowid) among these documents, None when none is stored."""
        if not doc_ids:
            return None
        marks = ",".join("?" * len(doc_ids))
        row = self.conn.execute(f"SELECT MAX(rowid) FROM documents WHERE id IN ({marks})", list(doc_ids)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def end_position(self) -> int | None:
        """The position (rowid) of the last stored document, None when the store holds none."""
        row = self.conn.execute("SELECT MAX(rowid) FROM documents").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def mark_document(self, doc_id: str, status: str, reason: str | None = None) -> None:
        with self._transaction():
            self.conn.execute(
                "UPDATE documents SET status = ?, status_reason = ? WHERE id = ?", (status, reason, doc_id)
            )

    # -- analyses ---------------------------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis) -> None:
        """Write one article and everything found in it, replacing an earlier analysis of it, atomically."""
        with self._transaction():
            self._write_article(article_rows(analysis))
            self.conn.execute(
                "UPDATE documents SET status = 'processed', status_reason = NULL WHERE id = ?", (analysis.article.id,)
            )

    def save_results(self, results: Sequence[DocResult], *, stage: str = "process") -> None:
        """Write the outcomes of several documents in ONE transaction: each one's rows and its new status together,
        so a kill at any point leaves every document either wholly stored and marked or untouched and pending."""
        if not results:
            return
        with self._transaction():
            for result in results:
                self._write_result(result, stage)

    def load_results(self, results: Sequence[DocResult], *, stage: str = "process") -> list[DocResult]:
        """Write, in one transaction, the results whose document is stored and still pending (or failed); return
        those written. Loading the same results twice writes nothing the second time."""
        if not results:
            return []
        ids = [r.doc_id for r in results]
        marks = ",".join("?" * len(ids))
        with self._transaction():
            open_ids = {
                row[0]
                for row in self.conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({marks}) AND status IN ('pending', 'failed')", ids
                )
            }
            wanted = [r for r in results if r.doc_id in open_ids]
            for result in wanted:
                self._write_result(result, stage)
        return wanted

    def _write_result(self, result: DocResult, stage: str) -> None:
        if result.status not in STATUSES:
            raise StoreError(f"unknown document status {result.status!r}; expected one of {', '.join(STATUSES)}")
        if result.rows is not None:
            self._write_article(result.rows)
        self.conn.execute(
            "UPDATE documents SET status = ?, status_reason = ? WHERE id = ?",
            (result.status, result.reason, result.doc_id),
        )
        if result.status == "skipped":
            self.conn.execute(
                "INSERT INTO skips (origin, reason, stage, at) VALUES (?, ?, ?, ?)",
                (result.origin, result.reason or "", stage, _now()),
            )

    def _write_article(self, rows: ArticleRows) -> None:
        art_id = rows.id
        self.conn.execute("DELETE FROM event_links WHERE source_id LIKE ?", (art_id + "-e%",))
        self.conn.execute("DELETE FROM events WHERE article_id = ?", (art_id,))
        self.conn.execute("DELETE FROM mentions WHERE article_id = ?", (art_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (art_id,))
        self.conn.execute(_INSERT_ARTICLE, rows.article)
        self.conn.executemany(_INSERT_MENTION, rows.mentions)
        self.conn.executemany(_INSERT_EVENT, rows.events)
        self.conn.executemany(_INSERT_LINK, rows.links)

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
        """Article ids matching an FTS5 query over titles and bodies (on PostgreSQL, a web-search query over the
        same text: words, "phrases", OR and -word)."""
        if self.dialect == "postgresql":
            return pg.search_articles(self.conn, query)
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
            "SELECT layer, start, end, text, label, data FROM mentions WHERE article_id = ? ORDER BY start, end, layer, rowid",
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

    def integrity_check(self) -> str:
        """SQLite's own check of the file ('ok' when intact). PostgreSQL keeps its own files consistent (WAL and
        checksummed pages); there this checks what no constraint enforces: that the rows kept by triggers
        (event_parties) belong to stored events."""
        if self.dialect == "postgresql":
            return pg.integrity_check(self.conn)
        return "; ".join(str(r[0]) for r in self.conn.execute("PRAGMA integrity_check"))

    def content(self) -> dict[str, list[tuple[object, ...]]]:
        """Every stored row of every table (the link stage's too), in a fixed order, without the times rows were
        written: two stores that processed and linked the same reports the same way have equal content (used to check
        runs against each other)."""
        tables = {
            "documents": "SELECT id, status, status_reason FROM documents ORDER BY id",
            "articles": "SELECT " + ", ".join(c for c in ARTICLE_COLUMNS if c != "processed_at") + " FROM articles"
            " ORDER BY id",
            "mentions": f"SELECT {', '.join(_quoted(MENTION_COLUMNS))} FROM mentions ORDER BY article_id, rowid",
            "events": f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY article_id, idx",
            "event_links": "SELECT * FROM event_links ORDER BY source_id, relation, target_id",
            "skips": "SELECT origin, reason, stage FROM skips ORDER BY id",
        }
        out = {name: [tuple(r) for r in self.conn.execute(sql)] for name, sql in tables.items()}
        # the link stage's tables (truceline/link): every column but the time an analysis was written, every row
        # ordered by all its columns
        for name in self._link_tables():
            listed = ", ".join(_quoted(c for c in self._columns(name) if c not in ("processed_at", "rowid")))
            out[name] = [tuple(r) for r in self.conn.execute(f"SELECT {listed} FROM {name} ORDER BY {listed}")]
        return out

    def _link_tables(self) -> list[str]:
        if self.dialect == "postgresql":
            return pg.link_tables(self.conn)
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'link\\_%' ESCAPE '\\' ORDER BY name"
        return [str(r[0]) for r in self.conn.execute(sql).fetchall()]

    def _columns(self, table: str) -> list[str]:
        if self.dialect == "postgresql":
            return pg.columns(self.conn, table)
        return [str(r[1]) for r in self.conn.execute(f"PRAGMA table_info({table})")]

    # -- plumbing ----------------------------------------------------------------------------------------------
    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)


class _Transaction:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


# A user's text inside a LIKE pattern is matched as text: its % and _ are escaped, so they widen nothing.
_LIKE = "LIKE ? ESCAPE '\\'"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(text: str) -> str:
    return f"%{_escape_like(text)}%"


def event_conditions(flt: EventFilter) -> tuple[list[str], list[object]]:
    """SQL conditions (over the events table) and their arguments for a filter; the limit is the caller's."""
    where: list[str] = []
    args: list[object] = []
    if flt.actor:
        # A name or text matches as a substring; a country code matches the actor, the recipient, or any member
        # of a compound actor ("Turkey and Russia"), wherever it sits in the exported object (event_parties,
        # migration 0004, holds those codes and texts in rows).
        where.append(
            f"(actor_name {_LIKE} OR recipient_name {_LIKE} OR rowid IN (SELECT event_rowid FROM event_parties"
            f" WHERE text {_LIKE} OR country = ?))"
        )
        like = _contains(flt.actor)
        args += [like, like, like, flt.actor.upper()]
    if flt.recipient:
        where.append(
            f"(recipient_name {_LIKE} OR rowid IN (SELECT event_rowid FROM event_parties WHERE role = 'recipient'"
            f" AND (text {_LIKE} OR country = ?)))"
        )
        like = _contains(flt.recipient)
        args += [like, like, flt.recipient.upper()]
    if flt.place:
        where.append(f"(place_name {_LIKE} OR place_country = ? OR json_extract(data, '$.place.text') {_LIKE})")
        args += [_contains(flt.place), flt.place.upper(), _contains(flt.place)]
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
        where.append(f"(article_id = ? OR article_id {_LIKE})")
        args += [flt.article, _escape_like(flt.article) + "%"]
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
