"""The link stage's tables (truceline/link): reports as linked, near-copies, term counts, stories, event clusters.

Only the link stage writes these; `truceline stories`, `articles` and the timeline read them. Every lookup the
stage makes per report is an indexed one bounded by a LIMIT or a window (the newest reports of an LSH bucket, a
story's keys in a window of months, a story's clusters in a window of days and its largest ones, the canonical events
of a story and type that end on or after a day, a canonical event's latest mentions), and a canonical event's counts
of mentions, reports and independent sources are kept as its mentions come and go rather than counted again, so
linking a report costs the same in a corpus of a thousand reports as in one of a hundred thousand
(tests/test_link_bounded.py; bench/bench_link.py).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from truceline.model import RawDocument


@dataclass(slots=True)
class Group:
    """A story or an event cluster as stored: its size, dates, centroid and name counts."""

    id: str
    seq: int
    n_reports: int
    date_lo: str | None
    date_hi: str | None
    centroid: dict[str, float]
    names: dict[str, float]
    story_id: str | None = None  # for a cluster: the story it belongs to
    # for a cluster: the first and last day its reports can be from, by their stated dates or the bounds their text
    # gives, however wide (truceline/link/bounds.py): the days no report bounded elsewhere can join
    bound_lo: str | None = None
    bound_hi: str | None = None
    # for a cluster: how many of its reports lead with each kind of happening (truceline/link/features.py lead_kinds)
    kinds: dict[str, float] = field(default_factory=dict)


class Decoded:
    """Parsed JSON of stored text, keyed by the text itself: linking reads the same centroids, canonical events,
    mentions and agreements again at every report, and decoding them was a sixth of its time. A changed value is
    another text, so the cache never serves a stale one; it holds at most `limit` values (emptied when full). The
    values are shared: callers copy what they change."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.values: dict[str, Any] = {}

    def __call__(self, raw: str) -> Any:
        found = self.values.get(raw)
        if found is None:
            if len(self.values) >= self.limit:
                self.values.clear()
            found = self.values[raw] = json.loads(raw)
        return found

    def put(self, raw: str, value: Any) -> None:
        """What `raw` decodes to, known as it is written (`value` as json.loads would give it back; the caller's
        own copy)."""
        if len(self.values) >= self.limit:
            self.values.clear()
        self.values[raw] = value


# how many parsed values each cache holds: a report reads a few groups (centroids of up to 500 terms), up to 50
# canonical events per mention, 60 mentions per canonical event refreshed, up to 500 agreements and the events
# linked to those refreshed. A quarter of the first sizes: linking 800 realistic reports took the same CPU (17.4 and
# 18.0 s) and 50 MB less memory, which `process --workers 2` needs (its writer links while the workers run)
GROUP_CACHE = 64
CANONICAL_CACHE = 512
MENTION_CACHE = 1024
AGREEMENT_CACHE = 512
EVENT_CACHE = 1024  # events linked to agreements, read at each refresh of their agreement


TRUCE_PAGE = 32  # agreements read at a time when looking for what superseded a truce
SUPERSEDING = ("ceasefire", "truce", "pause", "protocol")  # the kinds that may supersede a truce: truce_start is theirs


def sort_key(key: tuple[str | None, str]) -> tuple[bool, str, str]:
    """(sort date, event id) as `ORDER BY e.sort_date, event_id` orders them: an undated event first."""
    return (key[0] is not None, key[0] or "", key[1])


class LinkTables:
    """Queries and writes of the link stage over one open connection (Store.link)."""

    def __init__(self, conn: Any, dialect: str = "sqlite") -> None:
        self.conn = conn  # sqlite3.Connection or truceline.store.pg.PgConnection (the same SQL on both)
        self.dialect = dialect
        self._groups = Decoded(GROUP_CACHE)
        self._canonicals = Decoded(CANONICAL_CACHE)
        self._mentions = Decoded(MENTION_CACHE)
        self._agreements = Decoded(AGREEMENT_CACHE)
        self._events = Decoded(EVENT_CACHE)

    # -- transactions ------------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- state ---------------------------------------------------------------------------------------------------
    def state(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM link_state WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def set_state(self, key: str, value: int) -> None:
        self.conn.execute(
            "INSERT INTO link_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- what is to be linked --------------------------------------------------------------------------------------
    def pending(
        self, *, since: str | None = None, until: str | None = None, span_max: int = 40
    ) -> list[dict[str, Any]]:
        """Articles never linked, or re-processed since they were, oldest publication first (undated last); with
        `since` / `until`, only the dated ones of that window."""
        rows = (self.article_row(i) for i in self.pending_ids(since=since, until=until, span_max=span_max))
        return [r for r in rows if r is not None]

    def pending_ids(
        self, *, since: str | None = None, until: str | None = None, span_max: int = 40, before: int | None = None
    ) -> list[str]:
        """The ids of `pending`'s articles, in its order (so a long run holds ids, not reports, in memory); with
        `before`, only those whose document was stored before that position (rowid) in the documents table."""
        where: list[str] = []
        args: list[object] = []
        if before is not None:
            where.append("d.rowid < ?")
            args.append(before)
        # a report dated to a span wider than span_max days counts as undated: a time window (since / until, the
        # unit a cluster of workers links by) leaves it out, and a run without one links it after the dated
        loose = (
            "(COALESCE(a.published_earliest, a.published) IS NULL"
            " OR julianday(a.published_latest) - julianday(a.published_earliest) > ?)"
        )
        if since or until:
            where.append(f"NOT {loose}")
            args.append(span_max)
        if since:
            where.append("COALESCE(a.published_latest, a.published) >= ?")
            args.append(since)
        if until:
            where.append("COALESCE(a.published_earliest, a.published) <= ?")
            args.append(until + "\uffff")
        # the queue (migration 0107_link_pending_queue) is read first: CROSS JOIN keeps SQLite from starting at
        # articles, which holds the whole corpus, and ordering by the documents' position is a sort of the few queued
        rows = self.conn.execute(
            "SELECT a.id FROM link_queue q CROSS JOIN articles a CROSS JOIN documents d"
            f" WHERE a.id = q.article_id AND d.id = a.id{''.join(' AND ' + w for w in where)}"
            f" ORDER BY {loose}, COALESCE(a.published_earliest, a.published), d.rowid",
            [*args, span_max],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def first_pending_position(self) -> int | None:
        """The position (documents rowid) of the first article `pending_ids` would return, whatever its date."""
        row = self.conn.execute(
            "SELECT MIN(d.rowid) FROM link_queue q CROSS JOIN documents d WHERE d.id = q.article_id"
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def article_row(self, article_id: str) -> dict[str, Any] | None:
        """What linking reads of an article (its text, dates and outlet)."""
        r = self.conn.execute(
            "SELECT a.id, a.title, a.body, a.url, a.source, a.published, a.published_earliest, a.published_latest,"
            " a.published_precision, a.published_evidence, a.processed_at, d.rowid AS doc_order FROM articles a"
            " JOIN documents d ON d.id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if r is None:
            return None
        row = dict(r)
        row["published_evidence"] = json.loads(row["published_evidence"] or "[]")
        return row

    def count_pending(self) -> int:
        row = self.conn.execute("SELECT COUNT(*) FROM link_queue").fetchone()
        return int(row[0])

    def mentions(self, article_id: str, layers: Sequence[str]) -> list[dict[str, Any]]:
        marks = ",".join("?" * len(layers))
        rows = self.conn.execute(
            f"SELECT layer, start, end, text, label, data FROM mentions WHERE article_id = ? AND layer IN ({marks})"
            " ORDER BY start, end, layer, rowid",
            (article_id, *layers),
        )
        return [
            {"layer": r[0], "start": r[1], "end": r[2], "text": r[3], "label": r[4], "data": json.loads(r[5])}
            for r in rows
        ]

    # -- term counts ----------------------------------------------------------------------------------------------
    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(terms))
        out: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for term, n in self.conn.execute(f"SELECT term, n FROM link_df WHERE term IN ({marks})", chunk):
                out[term] = int(n)
        return out

    def add_document_frequencies(self, terms: Iterable[str], delta: int) -> None:
        rows = [(t, delta) for t in terms]
        self.conn.executemany(
            "INSERT INTO link_df (term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = link_df.n + excluded.n",
            rows,
        )
        if delta < 0:
            self.conn.executemany("DELETE FROM link_df WHERE term = ? AND n <= 0", [(t,) for t, _ in rows])

    # -- copies ---------------------------------------------------------------------------------------------------
    def lsh_candidates(self, buckets: Sequence[int], limit: int = 20, recent: int = 64) -> list[tuple[str, str, bytes]]:
        """(article id, copy_of, signature) of reports sharing at least one LSH band bucket, most shared first
        (the earliest linked on a tie). Each band reads only the `recent` latest reports of its bucket: a bucket
        that boilerplate fills grows with the corpus, the wire copies of a report are among the latest."""
        if not buckets:
            return []
        parts = " UNION ALL ".join(
            f"SELECT * FROM (SELECT article_id, seq FROM link_lsh WHERE band = ? AND bucket = ? ORDER BY seq DESC"
            f" LIMIT ?) AS band{i}"
            for i in range(len(buckets))
        )
        args: list[object] = []
        for band, bucket in enumerate(buckets):
            args += [band, bucket, recent]
        if self.dialect == "sqlite":
            # up to 32 x `recent` rows as plain tuples, tallied without a Row object or a Python step for each
            cursor = self.conn.cursor()
            cursor.row_factory = None
            found = cursor.execute(parts, args).fetchall()
        else:
            found = [(r[0], r[1]) for r in self.conn.execute(parts, args)]
        shared = Counter(map(itemgetter(0), found))  # the bands each report shares
        order = dict(found)  # a report's seq (the same on each of its rows)
        best = sorted(shared, key=lambda a: (-shared[a], order[a], a))[:limit]
        if not best:
            return []
        marks = ",".join("?" * len(best))
        rows = {
            r[0]: (r[0], r[1], r[2])
            for r in self.conn.execute(
                f"SELECT article_id, copy_of, signature FROM link_reports WHERE article_id IN ({marks})", best
            )
        }
        return [rows[a] for a in best if a in rows]

    def add_lsh(self, article_id: str, buckets: Sequence[int], seq: int) -> None:
        self.conn.executemany(
            "INSERT INTO link_lsh (band, bucket, article_id, seq) VALUES (?, ?, ?, ?)",
            [(band, bucket, article_id, seq) for band, bucket in enumerate(buckets)],
        )

    def forget_lsh(self, article_id: str, buckets: Sequence[int], seq: int) -> None:
        """Delete a report's band rows by their key (band, bucket, seq, article id): the caller gives the bands of
        the signature its link_reports row keeps and that row's seq (cluster.py writes both with the band rows), so
        the rows are found without an index by article, which every insert would also have to write."""
        self.conn.executemany(
            "DELETE FROM link_lsh WHERE band = ? AND bucket = ? AND seq = ? AND article_id = ?",
            [(band, bucket, seq, article_id) for band, bucket in enumerate(buckets)],
        )

    # -- reports ----------------------------------------------------------------------------------------------
    def linked_report(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM link_reports WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["terms"] = json.loads(out["terms"])
        out["names"] = json.loads(out["names"])
        out["lead_names"] = json.loads(out["lead_names"])
        out["kinds"] = json.loads(out["kinds"]) if out.get("kinds") else []
        return out

    def save_report(self, row: dict[str, Any]) -> None:
        data = dict(row)
        data["terms"] = json.dumps(data["terms"])
        data["names"] = json.dumps(data["names"])
        data["lead_names"] = json.dumps(sorted(data["lead_names"]))
        data["kinds"] = json.dumps(sorted(data.get("kinds") or ()))
        cols = list(data)
        self.conn.execute(
            f"INSERT OR REPLACE INTO link_reports ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [data[c] for c in cols],
        )

    def forget_report(self, article_id: str, buckets: Sequence[int] = (), seq: int | None = None) -> None:
        """Delete a report's link rows; `buckets` and `seq`: its LSH bands and seq, as forget_lsh takes them."""
        if seq is not None:
            self.forget_lsh(article_id, buckets, seq)
        self.conn.execute("DELETE FROM link_passages WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM link_reports WHERE article_id = ?", (article_id,))

    def members(self, column: str, group_id: str, limit: int) -> list[tuple[str, str]]:
        """(article id, its stored tf-idf vector as JSON) of the `limit` most recently linked reports of a story
        (column 'story_id') or cluster ('cluster_id'); the caller parses and caches the vectors."""
        if column not in ("story_id", "cluster_id"):
            raise ValueError(column)
        rows = self.conn.execute(
            f"SELECT article_id, terms FROM link_reports WHERE {column} = ? ORDER BY seq DESC LIMIT ?",
            (group_id, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def move_reports(self, column: str, old: str, new: str) -> None:
        if column not in ("story_id", "cluster_id"):
            raise ValueError(column)
        self.conn.execute(f"UPDATE link_reports SET {column} = ? WHERE {column} = ?", (new, old))
        if column == "cluster_id":
            self.conn.execute("UPDATE link_canonical SET cluster_id = ? WHERE cluster_id = ?", (new, old))

    # -- stories and clusters -----------------------------------------------------------------------------------
    def group(self, table: str, group_id: str) -> Group | None:
        rows = self.groups(table, [group_id])
        return rows[0] if rows else None

    def groups(self, table: str, ids: Sequence[str]) -> list[Group]:
        if table not in ("link_stories", "link_clusters"):
            raise ValueError(table)
        if not ids:
            return []
        extra = "story_id, bound_lo, bound_hi, kinds" if table == "link_clusters" else "NULL, NULL, NULL, NULL"
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT id, seq, n_reports, date_lo, date_hi, centroid, names, {extra} FROM {table} WHERE id IN ({marks})",
            list(ids),
        ).fetchall()
        decoded = self._groups  # a group's centroid and names are changed in place by its caller: copies
        by_id = {
            r[0]: Group(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                dict(decoded(r[5])),
                dict(decoded(r[6])),
                r[7],
                r[8],
                r[9],
                dict(decoded(r[10])) if r[10] else {},
            )
            for r in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    def save_group(self, table: str, group: Group) -> None:
        centroid, names = json.dumps(group.centroid), json.dumps(group.names)
        # the next report reads the group back: its flat {term: number} maps decode to copies of what they were
        self._groups.put(centroid, dict(group.centroid))
        self._groups.put(names, dict(group.names))
        if table == "link_stories":
            self.conn.execute(
                "INSERT OR REPLACE INTO link_stories (id, seq, n_reports, date_lo, date_hi, centroid, names)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    group.id,
                    group.seq,
                    group.n_reports,
                    group.date_lo,
                    group.date_hi,
                    centroid,
                    names,
                ),
            )
        elif table == "link_clusters":
            self.conn.execute(
                "INSERT OR REPLACE INTO link_clusters"
                " (id, story_id, seq, n_reports, date_lo, date_hi, centroid, names, bound_lo, bound_hi, kinds)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    group.id,
                    group.story_id,
                    group.seq,
                    group.n_reports,
                    group.date_lo,
                    group.date_hi,
                    centroid,
                    names,
                    group.bound_lo,
                    group.bound_hi,
                    json.dumps(group.kinds, sort_keys=True) if group.kinds else None,
                ),
            )
        else:
            raise ValueError(table)

    def delete_group(self, table: str, group_id: str) -> None:
        if table not in ("link_stories", "link_clusters"):
            raise ValueError(table)
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (group_id,))

    def merge_story(self, old: str, new: str) -> None:
        """Point everything of story `old` at story `new` (the caller has merged the centroids)."""
        self.conn.execute("UPDATE link_reports SET story_id = ? WHERE story_id = ?", (new, old))
        self.conn.execute("UPDATE link_clusters SET story_id = ? WHERE story_id = ?", (new, old))
        self.conn.execute("UPDATE link_passages SET story_id = ? WHERE story_id = ?", (new, old))
        self.conn.execute("UPDATE link_canonical SET story_id = ? WHERE story_id = ?", (new, old))
        self.conn.execute(
            "INSERT OR IGNORE INTO link_keys (key, bucket, story_id) SELECT key, bucket, ? FROM link_keys"
            " WHERE story_id = ?",
            (new, old),
        )
        self.conn.execute("DELETE FROM link_keys WHERE story_id = ?", (old,))
        self.conn.execute("UPDATE link_stories SET merged_into = ?, n_reports = 0 WHERE id = ?", (new, old))
        self.conn.execute("UPDATE link_stories SET merged_into = ? WHERE merged_into = ?", (new, old))

    def story_candidates(self, keys: Sequence[str], lo: int | None, hi: int | None, limit: int) -> list[str]:
        """Stories sharing the most keys with a report in months lo..hi (any month, and undated ones, when None)."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        args: list[object] = list(keys)
        window = ""
        if lo is not None and hi is not None:
            window = " AND (bucket BETWEEN ? AND ? OR bucket = -1)"
            args += [lo, hi]
        rows = self.conn.execute(
            f"SELECT story_id, COUNT(DISTINCT key) AS shared FROM link_keys WHERE key IN ({marks}){window}"
            " GROUP BY story_id ORDER BY shared DESC, story_id LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def add_keys(self, story_id: str, bucket: int, keys: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO link_keys (key, bucket, story_id) VALUES (?, ?, ?)",
            [(k, bucket, story_id) for k in keys],
        )

    def cluster_candidates(self, story_id: str, lo: str | None, hi: str | None, limit: int) -> list[str]:
        """The story's clusters that began within the window lo..hi (or are undated), the largest first; the
        story's largest clusters when the report itself is undated (a walk of link_clusters_largest)."""
        if lo is not None and hi is not None:
            # two index ranges of link_clusters_story, ordered here (an ORDER BY would draw the planner to the
            # size index, a walk of the whole story)
            rows = self.conn.execute(
                "SELECT id, n_reports, seq FROM link_clusters WHERE story_id = ? AND date_lo BETWEEN ? AND ?",
                (story_id, lo, hi),
            ).fetchall()
            rows += self.conn.execute(
                "SELECT id, n_reports, seq FROM link_clusters WHERE story_id = ? AND date_lo IS NULL", (story_id,)
            ).fetchall()
            return [r[0] for r in sorted(rows, key=lambda r: (-int(r[1]), int(r[2]), str(r[0])))[:limit]]
        rows = self.conn.execute(
            "SELECT id FROM link_clusters WHERE story_id = ? ORDER BY n_reports DESC, seq LIMIT ?",
            (story_id, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def clusters_between(self, story_id: str, first: str, last: str, exclude: str, cap: int = 50) -> int:
        """How many clusters of the story (other than `exclude`) began after `first` and up to `last` (at most
        `cap`: the count only needs to tell quiet stories from busy ones)."""
        lo, hi = (first, last) if first <= last else (last, first)
        row = self.conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM link_clusters WHERE story_id = ? AND date_lo > ? AND date_lo <= ?"
            " AND id != ? LIMIT ?) AS found",
            (story_id, lo, hi, exclude, cap),
        ).fetchone()
        return int(row[0])

    def add_passage(self, article_id: str, start: int, end: int, story_id: str, score: float) -> None:
        self.conn.execute(
            "INSERT INTO link_passages (article_id, start, end, story_id, score) VALUES (?, ?, ?, ?, ?)",
            (article_id, start, end, story_id, score),
        )

    # -- reading -------------------------------------------------------------------------------------------------
    def memberships(self, article_ids: Sequence[str] | None = None) -> dict[str, dict[str, list[str]]]:
        """{article id: {"story_ids": [...], "cluster_ids": [...]}}: its own story and cluster first, then the
        stories its passages were attached to."""
        out: dict[str, dict[str, list[str]]] = {}
        rows = self.conn.execute("SELECT article_id, story_id, cluster_id FROM link_reports").fetchall()
        wanted = set(article_ids) if article_ids is not None else None
        for aid, story, cluster in rows:
            if wanted is not None and aid not in wanted:
                continue
            entry = out.setdefault(aid, {"story_ids": [], "cluster_ids": []})
            if story:
                entry["story_ids"].append(story)
            if cluster:
                entry["cluster_ids"].append(cluster)
        for aid, story in self.conn.execute("SELECT article_id, story_id FROM link_passages ORDER BY start"):
            if aid in out and story not in out[aid]["story_ids"]:
                out[aid]["story_ids"].append(story)
        return out

    def stories(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, seq, n_reports, date_lo, date_hi, names FROM link_stories WHERE merged_into IS NULL"
            " ORDER BY date_lo IS NULL, date_lo, seq"
        ).fetchall()
        return [
            {"id": r[0], "seq": r[1], "n_reports": r[2], "date_lo": r[3], "date_hi": r[4], "names": json.loads(r[5])}
            for r in rows
        ]

    def story_reports(self, story_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT l.article_id, l.cluster_id, l.copy_of, l.source, l.date_lo, l.date_hi, a.title"
            " FROM link_reports l JOIN articles a ON a.id = l.article_id WHERE l.story_id = ? ORDER BY l.seq",
            (story_id,),
        ).fetchall()
        return [dict(r) for r in rows]

    def clusters_of(self, story_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, n_reports, date_lo, date_hi FROM link_clusters WHERE story_id = ?"
            " ORDER BY date_lo IS NULL, date_lo, seq",
            (story_id,),
        ).fetchall()
        return [dict(r) for r in rows]

    def resolve_story(self, story_id: str) -> str | None:
        """A story id (or a prefix of one), following merges to the story that absorbed it."""
        row = self.conn.execute(
            "SELECT id, merged_into FROM link_stories WHERE id = ? OR id LIKE ? ORDER BY id = ? DESC LIMIT 2",
            (story_id, story_id + "%", story_id),
        ).fetchall()
        if not row:
            return None
        current, merged = row[0][0], row[0][1]
        seen = {current}
        while merged and merged not in seen:
            seen.add(merged)
            current = merged
            nxt = self.conn.execute("SELECT merged_into FROM link_stories WHERE id = ?", (current,)).fetchone()
            merged = nxt[0] if nxt else None
        return str(current)

    # -- story summaries ------------------------------------------------------------------------------------------
    def story_counts(self, story_id: str) -> dict[str, Any]:
        """Reports, independent sources (groups of near-copies), outlets and clusters of a story."""
        row = self.conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT copy_of), COUNT(DISTINCT source), COUNT(DISTINCT cluster_id)"
            " FROM link_reports WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        return {"reports": row[0], "independent": row[1], "outlets": row[2], "clusters": row[3]}

    def story_mentions(self, story_id: str, layer: str, limit: int) -> list[tuple[str, int]]:
        """The names most often mentioned in a story's reports: place names, or actor countries."""
        field = "$.name" if layer == "place" else "$.country"
        rows = self.conn.execute(
            "SELECT name, COUNT(DISTINCT article_id) AS n FROM"
            f" (SELECT json_extract(m.data, '{field}') AS name, m.article_id AS article_id"
            " FROM link_reports l JOIN mentions m ON m.article_id = l.article_id AND m.layer = ?"
            " WHERE l.story_id = ?) AS named WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name LIMIT ?",
            (layer, story_id, limit),
        ).fetchall()
        return [(str(r[0]), int(r[1])) for r in rows]

    # -- canonical events ----------------------------------------------------------------------------------------
    def article_events(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT data FROM events WHERE article_id = ? ORDER BY idx", (article_id,))
        return [json.loads(r[0]) for r in rows]

    def canonical_candidates(
        self, story_id: str, type_: str, lo: str | None, hi: str | None, cluster_id: str | None, limit: int
    ) -> list[dict[str, Any]]:
        """Canonical events of a story and type whose days overlap lo..hi, or (for an undated mention) those of
        its own event cluster; the most recent first. The dated ones are read from those ending on or after `lo`
        (an index range that holds the recent events of the story, not all of it), the undated ones of the cluster
        apart, each up to `limit`, then merged."""
        cols = "id, seq, cluster_id, date_lo, date_hi, data"
        rows: list[Any] = []
        if lo is not None and hi is not None:
            rows += self.conn.execute(
                f"SELECT {cols} FROM link_canonical WHERE story_id = ? AND type = ? AND date_hi >= ? AND date_lo <= ?"
                " ORDER BY seq DESC LIMIT ?",
                (story_id, type_, lo, hi, limit),
            ).fetchall()
        if cluster_id is not None:
            undated = " AND date_lo IS NULL" if lo is not None and hi is not None else ""
            rows += self.conn.execute(
                f"SELECT {cols} FROM link_canonical WHERE cluster_id = ? AND story_id = ? AND type = ?{undated}"
                " ORDER BY seq DESC LIMIT ?",
                (cluster_id, story_id, type_, limit),
            ).fetchall()
        rows = sorted({r["id"]: r for r in rows}.values(), key=lambda r: -int(r["seq"]))[:limit]
        return [{**dict(r), "data": self._canonicals(r["data"])} for r in rows]

    def canonical_mentions(self, canonical_id: str, limit: int | None = None) -> list[dict[str, Any]]:
        """A canonical event's mentions in the order they were linked; with `limit`, only the latest ones."""
        if limit:
            rows = self.conn.execute(
                "SELECT * FROM (SELECT rowid AS r, event_id, article_id, score, data FROM link_mentions"
                " WHERE canonical_id = ? ORDER BY rowid DESC LIMIT ?) AS latest ORDER BY r",
                (canonical_id, limit),
            ).fetchall()
            return [{"event_id": r[1], "article_id": r[2], "score": r[3], **self._mentions(r[4])} for r in rows]
        rows = self.conn.execute(
            "SELECT event_id, article_id, score, data FROM link_mentions WHERE canonical_id = ? ORDER BY rowid",
            (canonical_id,),
        ).fetchall()
        return [{"event_id": r[0], "article_id": r[1], "score": r[2], **json.loads(r[3])} for r in rows]

    def event_memberships(self, event_ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
        """{event id: {"canonical_id", "story_id", "cluster_id"}} for the events linking placed (the others absent)."""
        out: dict[str, dict[str, str | None]] = {}
        ids = list(event_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self.conn.execute(
                "SELECT m.event_id, m.canonical_id, c.story_id, c.cluster_id FROM link_mentions m"
                f" JOIN link_canonical c ON c.id = m.canonical_id WHERE m.event_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for r in rows:
                out[r[0]] = {"canonical_id": r[1], "story_id": r[2], "cluster_id": r[3]}
        return out

    def canonical_counts(self, canonical_id: str) -> tuple[int, int, int]:
        """(mentions, reports, independent sources: groups of near-copies) of a canonical event, counted over all
        its mentions (what `save_mention` and `forget_mentions` keep in link_canonical as they go)."""
        row = self.conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT article_id), COUNT(DISTINCT COALESCE(json_extract(data, '$.copy_of'),"
            " article_id)) FROM link_mentions WHERE canonical_id = ?",
            (canonical_id,),
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def stored_counts(self, canonical_id: str) -> tuple[int, int, int]:
        """(mentions, reports, independent sources) of a canonical event as kept in link_canonical."""
        row = self.conn.execute(
            "SELECT n_mentions, n_reports, n_sources FROM link_canonical WHERE id = ?", (canonical_id,)
        ).fetchone()
        return (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)

    def mentioned_among(self, canonical_ids: Sequence[str], article_id: str) -> set[str]:
        """Which of these canonical events the article has a mention in (one indexed lookup of the article's
        mentions, rather than one per canonical event)."""
        if not canonical_ids:
            return set()
        marks = ",".join("?" * len(canonical_ids))
        rows = self.conn.execute(
            f"SELECT DISTINCT canonical_id FROM link_mentions WHERE article_id = ? AND canonical_id IN ({marks})",
            (article_id, *canonical_ids),
        )
        return {str(r[0]) for r in rows}

    def mentioned_in(self, canonical_id: str, article_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM link_mentions WHERE canonical_id = ? AND article_id = ? LIMIT 1", (canonical_id, article_id)
        ).fetchone()
        return row is not None

    def _group_in(self, canonical_id: str, copy_group: str, besides: str) -> bool:
        """Whether a report of the group of near-copies `copy_group` other than `besides` has a mention in the
        canonical event: one indexed probe per report of the group (a report's mentions carry the copy_of its
        link_reports row has: both are written when it is linked)."""
        rows = self.conn.execute(
            "SELECT m.article_id, m.data FROM link_mentions m WHERE m.canonical_id = ? AND m.article_id IN"
            " (SELECT article_id FROM link_reports WHERE copy_of = ? AND article_id != ?)",
            (canonical_id, copy_group, besides),
        )
        return any(str(json.loads(r[1]).get("copy_of") or r[0]) == copy_group for r in rows)

    def _count(self, canonical_id: str, mentions: int, reports: int, sources: int) -> None:
        self.conn.execute(
            "UPDATE link_canonical SET n_mentions = n_mentions + ?, n_reports = n_reports + ?,"
            " n_sources = n_sources + ? WHERE id = ?",
            (mentions, reports, sources, canonical_id),
        )

    def save_mention(
        self, event_id: str, canonical_id: str, article_id: str, score: float, data: dict[str, Any]
    ) -> None:
        """Store a mention and count it into its canonical event's mentions, reports and independent sources."""
        old = self.conn.execute(
            "SELECT canonical_id, article_id, data FROM link_mentions WHERE event_id = ?", (event_id,)
        ).fetchone()
        if old is not None:
            self.conn.execute("DELETE FROM link_mentions WHERE event_id = ?", (event_id,))
            self._uncount(str(old[0]), str(old[1]), [json.loads(old[2])])
        group = str(data.get("copy_of") or article_id)
        new_report = not self.mentioned_in(canonical_id, article_id)
        new_source = new_report and not self._group_in(canonical_id, group, article_id)
        self.conn.execute(
            "INSERT INTO link_mentions (event_id, canonical_id, article_id, score, data) VALUES (?, ?, ?, ?, ?)",
            (event_id, canonical_id, article_id, score, json.dumps(data)),
        )
        self._count(canonical_id, 1, int(new_report), int(new_source))

    def _uncount(self, canonical_id: str, article_id: str, gone: Sequence[dict[str, Any]]) -> None:
        """Count an article's mentions `gone` (already deleted) out of a canonical event."""
        left = self.mentioned_in(canonical_id, article_id)
        group = str(gone[0].get("copy_of") or article_id)
        source_left = left or self._group_in(canonical_id, group, article_id)
        self._count(canonical_id, -len(gone), -int(not left), -int(not source_left))

    def forget_mentions(self, article_id: str) -> list[str]:
        """Drop an article's mentions (counting them out of their canonical events); returns the canonical events
        they belonged to (to be recomputed)."""
        gone: dict[str, list[dict[str, Any]]] = {}
        for cid, data in self.conn.execute(
            "SELECT canonical_id, data FROM link_mentions WHERE article_id = ? ORDER BY rowid", (article_id,)
        ):
            gone.setdefault(str(cid), []).append(json.loads(data))
        self.conn.execute("DELETE FROM link_mentions WHERE article_id = ?", (article_id,))
        for cid in sorted(gone):
            self._uncount(cid, article_id, gone[cid])
        return sorted(gone)

    def save_canonical(self, row: dict[str, Any]) -> None:
        data = dict(row)
        data["data"] = json.dumps(data["data"], sort_keys=True)
        cols = list(data)
        self.conn.execute(
            f"INSERT OR REPLACE INTO link_canonical ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [data[c] for c in cols],
        )

    def delete_canonical(self, canonical_id: str) -> None:
        self.conn.execute("DELETE FROM link_canonical WHERE id = ?", (canonical_id,))

    def canonical(self, canonical_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM link_canonical WHERE id = ?", (canonical_id,)).fetchone()
        return {**dict(row), "data": json.loads(row["data"])} if row else None

    def move_canonical_story(self, old: str, new: str) -> None:
        self.conn.execute("UPDATE link_canonical SET story_id = ? WHERE story_id = ?", (new, old))

    def move_canonical_cluster(self, old: str, new: str) -> None:
        self.conn.execute("UPDATE link_canonical SET cluster_id = ? WHERE cluster_id = ?", (new, old))

    def canonical_events(
        self,
        where: Sequence[str],
        args: Sequence[object],
        story_id: str | None,
        limit: int | None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Canonical events with at least one mention matching the event conditions (truceline.store.db's
        event_conditions), of one story when given, dated (their own date, the one shown) from `since` to `until`,
        in date order; each with its representative event's JSON."""
        conds: list[str] = []
        params: list[object] = []
        if since:
            conds.append("c.sort_date >= ?")
            params.append(since)
        if until:
            conds.append("c.sort_date <= ?")
            params.append(until + "\uffff")
        if where:
            conds.append(
                "c.id IN (SELECT canonical_id FROM link_mentions WHERE event_id IN"
                f" (SELECT id FROM events WHERE {' AND '.join(where)}))"
            )
            params += list(args)
        if story_id:
            conds.append("c.story_id = ?")
            params.append(story_id)
        sql = "SELECT c.*, e.data AS event FROM link_canonical c JOIN events e ON e.id = c.representative"
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        sql += " ORDER BY c.sort_date IS NULL, c.sort_date, c.seq"
        if limit:
            sql += f" LIMIT {int(limit)}"
        out = []
        for r in self.conn.execute(sql, params):
            row = dict(r)
            row["data"] = json.loads(row["data"])
            row["event"] = json.loads(row["event"])
            out.append(row)
        return out

    def has_canonical_events(self) -> bool:
        return self.conn.execute("SELECT 1 FROM link_canonical LIMIT 1").fetchone() is not None

    # -- agreements ----------------------------------------------------------------------------------------------
    def agreements(
        self,
        *,
        until: str | None = None,
        zones: Sequence[str] | None = None,
        limit: int | None = 500,
        shared: bool = False,
    ) -> list[dict[str, Any]]:
        """Agreements signed (or known) up to `until`, the latest first, at most `limit`; with `zones`, only those
        covering a place in one of these countries or of unknown place (the candidates a report's mentions need).
        Without `until`, the earliest first (every one with no `limit`: for listings, never for linking). With
        `shared`, their `data` comes from a cache and is shared with later calls: for readers that change nothing
        (linking reads hundreds at every report)."""
        decode = self._agreements if shared else json.loads
        if until and zones is not None and limit is not None:
            # each zone (and no zone) read along link_agreements_zone_signed up to the limit, dated and undated
            # apart, then merged as ORDER BY signed DESC, seq would: the latest first, the undated last
            found = []
            for zone in [None, *dict.fromkeys(zones)]:
                part, given = ("zone_country IS NULL", ()) if zone is None else ("zone_country = ?", (zone,))
                for sql, more in (
                    (f"WHERE {part} AND signed <= ? ORDER BY signed DESC, seq LIMIT ?", (until, limit)),
                    (f"WHERE {part} AND signed IS NULL ORDER BY seq LIMIT ?", (limit,)),
                ):
                    found += self.conn.execute(f"SELECT * FROM link_agreements {sql}", (*given, *more)).fetchall()
            found.sort(key=lambda r: r["seq"])
            found.sort(key=lambda r: r["signed"] or "", reverse=True)  # stable: by seq on one day
            return [{**dict(r), "data": decode(r["data"])} for r in found[:limit]]
        if until:
            where = "(signed IS NULL OR signed <= ?)"
            args: list[object] = [until]
            if zones is not None:
                marks = ",".join("?" * len(zones)) or "NULL"
                where += f" AND (zone_country IS NULL OR zone_country IN ({marks}))"
                args += list(zones)
            sql = f"SELECT * FROM link_agreements WHERE {where} ORDER BY signed DESC, seq"
        else:
            sql, args = "SELECT * FROM link_agreements ORDER BY signed IS NULL, signed, seq", []
        if limit is not None:
            sql, args = sql + " LIMIT ?", [*args, limit]
        rows = self.conn.execute(sql, args).fetchall()
        return [{**dict(r), "data": decode(r["data"])} for r in rows]

    def later_truces(self, start: str, zone_country: str | None, *, any_zone: bool) -> Iterator[dict[str, Any]]:
        """The truces, ceasefires, pauses and protocols that began (came into force, else were signed) after
        `start`, the earliest first (on one day: signed first, undated signing last, then by seq), of the zone's
        country (of unknown zone when `zone_country` is None) or of any zone: what may supersede a truce. Read along
        an index a page at a time for a caller that stops at the first that fits; their `data` is shared (a
        cache): callers copy what they change."""
        where, args = ("", []) if any_zone else (" AND zone_country IS NULL", [])
        if not any_zone and zone_country is not None:
            where, args = " AND zone_country = ?", [zone_country]
        sql = f"SELECT * FROM link_agreements WHERE truce_start {{}} ?{where} ORDER BY truce_start, seq"
        after = start
        while True:
            rows = self.conn.execute(sql.format(">") + " LIMIT ?", (after, *args, TRUCE_PAGE)).fetchall()
            if not rows:
                return
            full = len(rows) == TRUCE_PAGE
            if full:  # the last day's truces may go on past the page: all of that day's
                after = rows[-1]["truce_start"]
                rows = [r for r in rows if r["truce_start"] != after]
                rows += self.conn.execute(sql.format("="), (after, *args)).fetchall()
            rows.sort(key=lambda r: (r["truce_start"], r["signed"] is None, r["signed"] or "", r["seq"]))
            for r in rows:
                yield {**dict(r), "data": self._agreements(r["data"])}
            if not full:
                return

    def agreement_relations(self, agreement_id: str, relations: Sequence[str]) -> set[str]:
        """Which of `relations` an agreement has a linked event of (one indexed probe each)."""
        if not relations:
            return set()
        probe = "SELECT relation FROM link_agreement_events WHERE agreement_id = ? AND relation = ? LIMIT 1"
        sql = " UNION ALL ".join(f"SELECT * FROM ({probe}) AS r{i}" for i in range(len(relations)))
        args = [x for relation in relations for x in (agreement_id, relation)]
        return {r[0] for r in self.conn.execute(sql, args)}

    def agreement_events_of(self, agreement_id: str, article_id: str) -> list[dict[str, Any]]:
        """The events of one article linked to an agreement, in date order, each with its `sort_date`; `event` is
        shared (a cache)."""
        rows = self.conn.execute(
            "SELECT ae.event_id, ae.article_id, ae.relation, e.data, a.published, e.sort_date"
            " FROM link_agreement_events ae JOIN events e ON e.id = ae.event_id JOIN articles a ON a.id = ae.article_id"
            " WHERE ae.article_id = ? AND ae.agreement_id = ? ORDER BY e.sort_date, ae.event_id",
            (article_id, agreement_id),
        )
        return [
            {"event_id": r[0], "article_id": r[1], "relation": r[2], "event": self._events(r[3]), "published": r[4],
             "sort_date": r[5]}
            for r in rows
        ]  # fmt: skip

    def event_sort_dates(self, event_ids: Sequence[str]) -> dict[str, str | None]:
        """The sort date of each of these events (those stored)."""
        if not event_ids:
            return {}
        marks = ",".join("?" * len(event_ids))
        return {
            r[0]: r[1] for r in self.conn.execute(f"SELECT id, sort_date FROM events WHERE id IN ({marks})", event_ids)
        }

    def first_announcements(self, agreement_id: str, article_ids: Sequence[str]) -> dict[str, tuple[str | None, str]]:
        """For each of these articles that announces an agreement, (sort date, event id) of its first event that
        does, as `agreement_events` orders them."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self.conn.execute(
            "SELECT ae.article_id, e.sort_date, ae.event_id FROM link_agreement_events ae JOIN events e"
            f" ON e.id = ae.event_id WHERE ae.article_id IN ({marks}) AND ae.agreement_id = ?"
            " AND ae.relation = 'announcement'",
            (*article_ids, agreement_id),
        )
        out: dict[str, tuple[str | None, str]] = {}
        for article_id, sort_date, event_id in rows:
            key = (sort_date, event_id)
            if article_id not in out or sort_key(key) < sort_key(out[article_id]):
                out[article_id] = key
        return out

    def agreement(self, agreement_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM link_agreements WHERE id = ?", (agreement_id,)).fetchone()
        return {**dict(row), "data": json.loads(row["data"])} if row else None

    def save_agreement(self, row: dict[str, Any]) -> None:
        data = dict(row)
        data["zone_country"] = data["data"].get("zone_country")
        truce = data["kind"] in SUPERSEDING
        data["truce_start"] = (data.get("in_force") or data.get("signed") or None) if truce else None
        data["data"] = json.dumps(data["data"], sort_keys=True)
        cols = list(data)
        self.conn.execute(
            f"INSERT OR REPLACE INTO link_agreements ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [data[c] for c in cols],
        )

    def add_agreement_mention(
        self, agreement_id: str, article_id: str, start: int, end: int, text: str, score: float, how: dict[str, Any]
    ) -> None:
        self.conn.execute(
            "INSERT INTO link_agreement_mentions (agreement_id, article_id, start, end, text, score, how)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (agreement_id, article_id, start, end, text, score, json.dumps(how, sort_keys=True)),
        )

    def add_agreement_event(self, agreement_id: str, event_id: str, article_id: str, relation: str) -> None:
        self.conn.execute(
            "INSERT INTO link_agreement_events (agreement_id, event_id, article_id, relation) VALUES (?, ?, ?, ?)",
            (agreement_id, event_id, article_id, relation),
        )

    def forget_agreement_links(self, article_id: str) -> list[str]:
        """Drop an article's agreement mentions and event links; returns the agreements they concerned."""
        ids = {
            r[0]
            for r in self.conn.execute(
                "SELECT agreement_id FROM link_agreement_mentions WHERE article_id = ?"
                " UNION SELECT agreement_id FROM link_agreement_events WHERE article_id = ?",
                (article_id, article_id),
            )
        }
        self.conn.execute("DELETE FROM link_agreement_mentions WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM link_agreement_events WHERE article_id = ?", (article_id,))
        return sorted(ids)

    def agreement_mentions(self, agreement_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT agreement_id, article_id, start, end, text, score, how FROM link_agreement_mentions"
        args: tuple[object, ...] = ()
        if agreement_id:
            sql += " WHERE agreement_id = ?"
            args = (agreement_id,)
        rows = self.conn.execute(sql + " ORDER BY article_id, start", args)
        return [
            {"agreement_id": r[0], "article_id": r[1], "start": r[2], "end": r[3], "text": r[4], "score": r[5],
             "how": json.loads(r[6])}
            for r in rows
        ]  # fmt: skip

    def agreement_events(self, agreement_id: str, *, shared: bool = False) -> list[dict[str, Any]]:
        """The events linked to an agreement, in date order; with `shared`, their `event` comes from a cache and is
        shared with later calls (for readers that change nothing: an agreement's refresh reads them all)."""
        decode = self._events if shared else json.loads
        rows = self.conn.execute(
            "SELECT ae.event_id, ae.article_id, ae.relation, e.data, a.published FROM link_agreement_events ae"
            " JOIN events e ON e.id = ae.event_id JOIN articles a ON a.id = ae.article_id"
            " WHERE ae.agreement_id = ? ORDER BY e.sort_date, ae.event_id",
            (agreement_id,),
        )
        return [
            {"event_id": r[0], "article_id": r[1], "relation": r[2], "event": decode(r[3]), "published": r[4]}
            for r in rows
        ]

    def latest_report_date(self) -> str | None:
        row = self.conn.execute("SELECT MAX(date_hi) FROM link_reports").fetchone()
        return row[0] if row else None

    # -- contradictions ----------------------------------------------------------------------------------------
    def replace_contradictions(self, canonical_id: str, story_id: str | None, items: Sequence[dict[str, Any]]) -> None:
        self.conn.execute("DELETE FROM link_contradictions WHERE canonical_id = ?", (canonical_id,))
        self.conn.executemany(
            "INSERT INTO link_contradictions (id, canonical_id, story_id, kind, subject, data) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (f"{canonical_id}:{c['kind']}:{c['subject']}", canonical_id, story_id, c["kind"], c["subject"],
                 json.dumps(c["positions"], sort_keys=True))
                for c in items
            ],
        )  # fmt: skip

    def contradictions_of(self, canonical_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The contradictions of each of `canonical_ids` (kind, subject, positions), by canonical event."""
        out: dict[str, list[dict[str, Any]]] = {}
        ids = list(dict.fromkeys(canonical_ids))
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"SELECT canonical_id, kind, subject, data FROM link_contradictions WHERE canonical_id IN ({marks})"
                " ORDER BY id",
                tuple(chunk),
            )
            for r in rows:
                out.setdefault(r[0], []).append({"kind": r[1], "subject": r[2], "positions": json.loads(r[3])})
        return out

    def contradictions(self, story_id: str | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT c.id, c.canonical_id, c.story_id, c.kind, c.subject, c.data, k.type, k.sort_date"
            " FROM link_contradictions c JOIN link_canonical k ON k.id = c.canonical_id"
        )
        args: tuple[object, ...] = ()
        if story_id:
            sql += " WHERE c.story_id = ?"
            args = (story_id,)
        rows = self.conn.execute(sql + " ORDER BY k.sort_date IS NULL, k.sort_date, c.id", args)
        return [
            {"id": r[0], "canonical_id": r[1], "story_id": r[2], "kind": r[3], "subject": r[4],
             "positions": json.loads(r[5]), "event_type": r[6], "date": r[7]}
            for r in rows
        ]  # fmt: skip

    # -- dates fed back from stories ---------------------------------------------------------------------------
    def document(self, doc_id: str) -> RawDocument | None:
        r = self.conn.execute(
            "SELECT id, kind, content, origin, title, url, published_meta, source FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        return RawDocument(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]) if r else None

    def redate(
        self,
        article_id: str,
        published: dict[str, Any],
        times: Sequence[tuple[int, int, str, str, dict[str, Any]]],
        events: Sequence[tuple[str, str | None, str | None, dict[str, Any]]],
    ) -> None:
        """A new publication date for an article (fields of the articles table), its time expressions resolved
        again (start, end, text, value, data) and its events re-dated (id, date, sort_date, data)."""
        self.conn.execute(
            "UPDATE articles SET published = ?, published_earliest = ?, published_latest = ?, published_precision = ?,"
            " published_evidence = ? WHERE id = ?",
            (
                published["published"],
                published["published_earliest"],
                published["published_latest"],
                published["published_precision"],
                json.dumps(published["published_evidence"]),
                article_id,
            ),
        )
        self.conn.execute("DELETE FROM mentions WHERE article_id = ? AND layer = 'time'", (article_id,))
        self.conn.executemany(
            "INSERT INTO mentions VALUES (?, 'time', ?, ?, ?, ?, ?)",
            [(article_id, s, e, text, value, json.dumps(data)) for s, e, text, value, data in times],
        )
        self.conn.executemany(
            "UPDATE events SET date = ?, sort_date = ?, data = ? WHERE id = ?",
            [(d, sort, json.dumps(data), eid) for eid, d, sort, data in events],
        )

    def published_latest(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT published_latest FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def article_text(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_of_articles(self, article_ids: Sequence[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self.conn.execute(
            f"SELECT article_id, story_id FROM link_reports WHERE article_id IN ({marks})", list(article_ids)
        )
        return {r[0]: r[1] for r in rows}

    def canonical_row(self, canonical_id: str) -> dict[str, Any] | None:
        """A canonical event's row with its data left as stored JSON (for a caller that makes the data anew)."""
        row = self.conn.execute("SELECT * FROM link_canonical WHERE id = ?", (canonical_id,)).fetchone()
        return dict(row) if row else None
