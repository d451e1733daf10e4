"""PostgreSQL behind the same interface as SQLite: `--db postgresql://USER@HOST:PORT/DBNAME`.

The store's queries are written once, in SQLite's dialect (truceline/store/db.py, browse.py, link.py).
`PgConnection` runs them on a PostgreSQL server through psycopg 3, translating each statement once (and caching
it) so that it means the same thing and gives the same rows:

- `?` placeholders become `%s` (and a literal `%` becomes `%%`);
- `INSERT OR IGNORE` becomes `ON CONFLICT DO NOTHING`; `INSERT OR REPLACE` deletes the row with the same key and
  inserts the new one, as SQLite does (so a replaced row also gets a new rowid, which orders link_mentions);
- `LIKE` becomes `ILIKE` over columns collated "C" (so case folds for ASCII letters only, as SQLite's LIKE), and a
  LIKE without ESCAPE gets `ESCAPE ''` (SQLite has no default escape character; PostgreSQL's is a backslash);
- `json_extract(col, '$.a.b')` becomes `col::jsonb #>> '{a,b}'`, `julianday(a) - julianday(b)` a difference of
  timestamps in days, the column `end` (a reserved word) is quoted;
- every ORDER BY term gets SQLite's placement of NULLs (first when ascending, last when descending);
- `BEGIN IMMEDIATE` (SQLite's single writer) becomes BEGIN plus a transaction-scoped advisory lock, so writers
  take turns exactly as on SQLite while readers never wait.

Text columns are created COLLATE "C" (truceline/store/migrations_pg.py), so comparisons and sorting are by code
point, as SQLite's BINARY collation. Rows come back as `PgRow`: a tuple that can also be read by column name, like
sqlite3.Row. psycopg is imported only here, only when a URL is opened, so SQLite users never load it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from truceline.errors import StoreError

URL_PREFIXES = ("postgresql://", "postgres://")
WRITE_LOCK = 0x7472_7563_656C  # the advisory lock key writers hold for a transaction ('trucel')
CONNECT_TIMEOUT = 10  # seconds
# The tables whose rows the queries address by SQLite's implicit rowid: on PostgreSQL an identity column of that
# name, the table's last column (so `INSERT INTO t VALUES (...)` without a column list still fills the same ones).
ROWID_TABLES = ("documents", "articles", "mentions", "events", "link_mentions")
# The key of each table written with INSERT OR REPLACE (what a replaced row is found by).
REPLACE_KEYS = {
    "link_reports": "article_id",
    "link_stories": "id",
    "link_clusters": "id",
    "link_mentions": "event_id",
    "link_canonical": "id",
    "link_agreements": "id",
}


def is_url(db: object) -> bool:
    """Whether a --db value names a PostgreSQL server rather than a SQLite file."""
    return isinstance(db, str) and db.startswith(URL_PREFIXES)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.netloc.rsplit("@", 1)[-1]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:
        return "the PostgreSQL URL"


def check_url(url: str) -> None:
    """A clear error for a malformed URL, before any connection is tried."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port raises ValueError on a bad one
    except ValueError as exc:
        raise StoreError(f"malformed PostgreSQL URL {redact(url)}: {exc}") from None
    if not parts.path.strip("/"):
        raise StoreError(
            f"malformed PostgreSQL URL {redact(url)}: no database name (postgresql://USER@HOST:PORT/DBNAME)"
        )


class PgRow(tuple[Any, ...]):
    """A row as a tuple that can also be read by column name (`row["id"]`, `dict(row)`), like sqlite3.Row."""

    _names: tuple[str, ...]
    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: tuple[str, ...], index: dict[str, int]) -> PgRow:
        row = super().__new__(cls, values)
        row._names = names
        row._index = index
        return row

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description or ())
    index = {n: i for i, n in enumerate(names)}

    def make(values: Sequence[Any]) -> PgRow:
        return PgRow(values, names, index)

    return make


def connect(url: str, *, read_only: bool = False) -> PgConnection:
    """A connection to the server at `url`, in autocommit mode (transactions are explicit, as on SQLite)."""
    check_url(url)
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "a postgresql:// database needs psycopg 3: run `make setup`, or pip install 'truceline[postgres]'"
        ) from None
    try:
        raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=CONNECT_TIMEOUT)
    except (psycopg.Error, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise StoreError(f"cannot connect to PostgreSQL at {redact(url)}: {reason}") from None
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return PgConnection(raw)


class PgConnection:
    """The subset of sqlite3.Connection the store uses, on a psycopg connection."""

    dialect = "postgresql"

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.total_changes = 0  # rows inserted, updated or deleted through this connection, as sqlite3's

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        plan = translate(sql)
        cur = self.raw.cursor()
        if plan.lock:
            cur.execute("BEGIN")
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            return cur
        values = _storable(params)
        if plan.delete is not None:
            cur.execute(plan.delete, (values[plan.key_index],))
        cur.execute(plan.sql, values)
        if plan.writes and cur.rowcount > 0:
            self.total_changes += cur.rowcount
        return cur

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        plan = translate(sql)
        rows = [_storable(p) for p in seq]
        cur = self.raw.cursor()
        if not rows:
            return cur
        if plan.delete is not None:
            cur.executemany(plan.delete, [(r[plan.key_index],) for r in rows])
        cur.executemany(plan.sql, rows)
        if plan.writes and cur.rowcount > 0:
            self.total_changes += cur.rowcount
        return cur

    def script(self, sql: str) -> None:
        """Statements run as written (no translation, no parameters): the PostgreSQL texts of the migrations."""
        self.raw.execute(sql.encode())

    def close(self) -> None:
        self.raw.close()


def _storable(params: Sequence[Any]) -> tuple[Any, ...]:
    """The values as PostgreSQL can store them: its text cannot hold NUL, so a NUL character (which a JSON line or a
    decoded report can carry) becomes U+FFFD, one character for one, so every offset into the text still holds."""
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in params)


# -- what differs beyond translation: the schema, search, introspection ------------------------------------------
def migrate(conn: PgConnection, migrations: Sequence[tuple[str, str]], now: str) -> None:
    """The migrations not applied yet, by name, in their PostgreSQL text (truceline/store/migrations_pg.py), each
    recorded in `migrations` as on SQLite; under the writers' lock, so two processes opening a new database at once
    apply each one once. A current database opens without waiting for that lock."""
    import psycopg

    from truceline.store.migrations_pg import pg_migrations

    try:
        if conn.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()[0]:
            done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
            if all(name in done for name, _ in migrations):
                return
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.script(
                'CREATE TABLE IF NOT EXISTS migrations (name TEXT COLLATE "C" PRIMARY KEY, applied_at TEXT NOT NULL)'
            )
            done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
            for name, sql in pg_migrations(list(migrations)):
                if name not in done:
                    conn.script(sql)
                    conn.execute("INSERT INTO migrations VALUES (?, ?)", (name, now))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except psycopg.Error as exc:  # e.g. a user without the right to create tables in the database's schema
        raise StoreError(f"cannot create or upgrade Truceline's tables: {' '.join(str(exc).split())}") from None


def search_articles(conn: PgConnection, query: str) -> list[str]:
    """Article ids matching a web-search query (words, "phrases", OR, -word) over titles and bodies, best first."""
    from truceline.store.migrations_pg import ARTICLES_TSV

    rows = conn.execute(
        f"SELECT id FROM articles WHERE {ARTICLES_TSV} @@ websearch_to_tsquery('simple', ?)"
        f" ORDER BY ts_rank({ARTICLES_TSV}, websearch_to_tsquery('simple', ?)) DESC, id",
        (query, query),
    ).fetchall()
    return [str(r[0]) for r in rows]


def integrity_check(conn: PgConnection) -> str:
    """PostgreSQL keeps its own files consistent (WAL, checksummed pages) and enforces every constraint; this checks
    what no constraint does: that the rows kept by triggers (event_parties) belong to stored events."""
    orphans = conn.execute(
        "SELECT COUNT(*) FROM event_parties p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.rowid = p.event_rowid)"
    ).fetchone()[0]
    return "ok" if orphans == 0 else f"{orphans} event_parties rows without their event"


def link_tables(conn: PgConnection) -> list[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_name LIKE 'link\\_%' ESCAPE '\\' ORDER BY table_name"
    )
    return [str(r[0]) for r in rows]


def columns(conn: PgConnection, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = ? ORDER BY ordinal_position",
        (table,),
    )
    return [str(r[0]) for r in rows]


# -- translation ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Plan:
    sql: str
    writes: bool = False
    lock: bool = False
    delete: str | None = None  # INSERT OR REPLACE: the DELETE of the row with the same key, run first
    key_index: int = 0  # ... and which parameter is the key


_LITERAL = re.compile(r"'(?:[^']|'')*'")
_JSON = re.compile(r"json_extract\(([\w.]+), '\$\.([\w.]+)'\)")
_JULIAN = re.compile(r"julianday\(([\w.]+)\) - julianday\(([\w.]+)\)")
_INSERT = re.compile(r"^\s*INSERT OR (IGNORE|REPLACE) INTO (\w+)\s*\(([^)]*)\)", re.S)


@lru_cache(maxsize=1024)
def translate(sql: str) -> Plan:
    """The PostgreSQL statement (or plan) for one statement of the store's SQLite dialect."""
    stripped = sql.strip()
    if stripped.upper() == "BEGIN IMMEDIATE":
        return Plan("BEGIN", lock=True)
    if stripped.upper() in ("BEGIN", "COMMIT", "ROLLBACK"):
        return Plan(stripped)
    text = _JSON.sub(lambda m: f"((({m[1]})::jsonb #>> '{{{','.join(m[2].split('.'))}}}') COLLATE \"C\")", sql)
    text = _JULIAN.sub(lambda m: f"(EXTRACT(EPOCH FROM ({m[1]})::timestamp - ({m[2]})::timestamp) / 86400.0)", text)
    delete: str | None = None
    key_index = 0
    insert = _INSERT.match(text)
    if insert:
        how, table, columns = insert[1], insert[2], [c.strip() for c in insert[3].split(",")]
        text = text.replace(f"INSERT OR {how} INTO", "INSERT INTO", 1)
        if how == "IGNORE":
            text = text.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
        else:
            key = REPLACE_KEYS.get(table)
            if key is None or key not in columns:
                raise StoreError(f"INSERT OR REPLACE into {table}: its key is not known on PostgreSQL")
            delete, key_index = f"DELETE FROM {table} WHERE {key} = %s", columns.index(key)
    text = _outside_literals(text, _plain)
    text = _null_order(text)
    writes = stripped[:6].upper() in ("INSERT", "UPDATE", "DELETE")
    return Plan(text, writes=writes, delete=delete, key_index=key_index)


def _outside_literals(sql: str, fn: Any) -> str:
    out: list[str] = []
    pos = 0
    for m in _LITERAL.finditer(sql):
        out.append(fn(sql[pos : m.start()]))
        out.append(m[0].replace("%", "%%"))
        pos = m.end()
    out.append(fn(sql[pos:]))
    return "".join(out)


_LIKE_ESCAPED = re.compile(r"\bLIKE (\?|%s) ESCAPE\b")
_LIKE_BARE = re.compile(r"\bLIKE (\?)(?! ESCAPE)")


def _plain(part: str) -> str:
    part = part.replace("%", "%%")
    part = re.sub(r'(?<![\w".])end\b(?!")', '"end"', part)
    part = _LIKE_ESCAPED.sub(r"ILIKE \1 ESCAPE", part)
    part = _LIKE_BARE.sub(r"ILIKE \1 ESCAPE ''", part)
    return part.replace("?", "%s")


_ORDER_END = re.compile(r"\s+(LIMIT|OFFSET)\b")


def _null_order(sql: str) -> str:
    """Every ORDER BY term placed NULLs as SQLite does: first when ascending, last when descending."""
    out = []
    pos = 0
    for m in re.finditer(r"\bORDER BY\s+", sql):
        if m.start() < pos:
            continue
        out.append(sql[pos : m.end()])
        end = _clause_end(sql, m.end())
        terms = _split_terms(sql[m.end() : end])
        out.append(", ".join(_null_term(t) for t in terms))
        pos = end
    out.append(sql[pos:])
    return "".join(out)


def _clause_end(sql: str, start: int) -> int:
    depth = 0
    i = start
    in_literal = False
    while i < len(sql):
        ch = sql[i]
        if ch == "'":
            in_literal = not in_literal
        elif not in_literal:
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    return i
                depth -= 1
            elif depth == 0 and ch.isspace():
                m = _ORDER_END.match(sql, i)
                if m:
                    return i
        i += 1
    return len(sql)


def _split_terms(clause: str) -> list[str]:
    terms: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in clause:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            terms.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    terms.append("".join(current).strip())
    return [t for t in terms if t]


def _null_term(term: str) -> str:
    words = term.rsplit(None, 1)
    direction = words[1].upper() if len(words) == 2 and words[1].upper() in ("ASC", "DESC") else ""
    expr = words[0] if direction else term
    if not re.fullmatch(r"[\w.\"]+", expr):
        expr = f"({expr})"
    nulls = "NULLS LAST" if direction == "DESC" else "NULLS FIRST"
    return f"{expr} {direction + ' ' if direction else ''}{nulls}"
