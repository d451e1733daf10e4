"""Linking stays flat as the corpus grows: every per-report lookup walks an index up to a LIMIT, a canonical event's
counts are kept as its mentions come and go (not counted again over all of them), an LSH bucket is read newest
first, and the SQL work of linking a report does not grow with the reports linked before it.

The reports are written here from templates of our own (a few happenings in a few towns, retold and copied).
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from truceline.link import link
from truceline.model import (
    Actor,
    Analysis,
    Article,
    CleanedText,
    Event,
    Place,
    PubDate,
    Quantity,
    RawDocument,
    Trigger,
)
from truceline.store import Store
from truceline.store.db import CACHE_MB
from truceline.store.link import Decoded

LINK_TABLES = (
    "link_reports", "link_lsh", "link_df", "link_stories", "link_clusters", "link_keys", "link_passages",
    "link_canonical", "link_mentions", "link_agreements", "link_agreement_mentions", "link_agreement_events",
    "link_contradictions",
)  # fmt: skip


def _reports(n: int, seed: int = 3) -> list[Analysis]:
    """n reports of strikes in four valleys over n / 8 days, each telling a recent happening of its valley; one in
    five a light rewrite of a recent one (a wire copy)."""
    rng = random.Random(seed)
    valleys = [
        ("Oskarra", ["Velmo", "Tarsin", "Quell"], "Ridge Brigade", "OSK"),
        ("Pemberlin", ["Dunmor", "Ashkel", "Ferrow"], "River Militia", "PEM"),
        ("Hollant", ["Graven", "Lisk", "Morrow"], "Plain Guard", "HOL"),
        ("Sarrow", ["Kettle", "Brannock", "Wend"], "Hill Legion", "SAR"),
    ]
    happenings: dict[str, list[tuple[date, str, int]]] = {v[0]: [] for v in valleys}
    made: list[tuple[str, str, str, str, date]] = []
    out = []
    start = date(2022, 5, 1)
    for i in range(n):
        day = start + timedelta(days=i // 8)
        if made and rng.random() < 0.2:
            body, town, force, country, when = rng.choice(made[-12:])
            body = body.replace(" said", " told reporters", 1)
        else:
            valley, towns, force, country = rng.choice(valleys)
            past = happenings[valley]
            if not past or rng.random() < 0.3 or (day - past[-1][0]).days > 2:
                past.append((day, rng.choice(towns), rng.randrange(3, 40)))
            when, town, killed = rng.choice(past[-2:])
            body = (
                f"The {force} shelled {town} in {valley} valley on {when:%A}, killing {killed} people, medics "
                f"said in dispatch {i}.\nResidents of {town} said the shelling went on for hours and that "
                f"{rng.randrange(20, 900)} families left for the hills above {valley} before dawn.\nThe council "
                f"of {valley} asked both sides to respect the truce agreed in the spring."
            )
        made.append((body, town, force, country, when))
        out.append(_analysis(f"r{i:05d}", body, day, town, force, country, when))
    return out


def _analysis(aid: str, body: str, day: date, town: str, force: str, country: str, when: date) -> Analysis:
    pub = PubDate(day.isoformat(), day, day, "day", (f"dateline: {day.isoformat()}",))
    art = Article(aid, f"{aid}.txt", body.split("\n", 1)[0][:50], None, None, pub, CleanedText(None, body))
    at = body.index(town)
    place = Place(at, at + len(town), town, name=town, country=country, precision=1, feature="city")
    actor = Actor(4, 4 + len(force), force, name=force, country=country, sector="REB")
    k_at = body.index("killing")
    figure = body[k_at:].split()[1]
    killed = Quantity(k_at, k_at + 8 + len(figure), body[k_at : k_at + 8 + len(figure)], "killed", int(figure))
    end = body.index("\n")
    event = Event(
        aid, 0, "ASSAULT", None, 0, end, body[:end], Trigger(body.index("shelled"), body.index("shelled") + 7,
        "shelled", "shell"), actor=actor, place=place, date=when.isoformat(), date_precision="day", killed=killed,
    )  # fmt: skip
    return Analysis(art, actors=[actor], places=[place], quantities=[killed], events=[event])


def _store(path: Path, analyses: list[Analysis]) -> Store:
    store = Store.open(path)
    store.add_documents([RawDocument(a.article.id, "text", a.article.body, a.article.origin) for a in analyses])
    for a in analyses:
        store.save_analysis(a)
    return store


def _recounted(store: Store) -> dict[str, tuple[int, int, int]]:
    ids = [r[0] for r in store.conn.execute("SELECT id FROM link_canonical")]
    return {i: store.link.canonical_counts(i) for i in ids}


def _stored(store: Store) -> dict[str, tuple[int, int, int]]:
    rows = store.conn.execute("SELECT id, n_mentions, n_reports, n_sources FROM link_canonical")
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_canonical_counts_are_kept_exactly_as_reports_are_linked_and_linked_again(tmp_path: Path) -> None:
    with _store(tmp_path / "c.db", _reports(120)) as store:
        assert link(store).linked == 120
        counts = _stored(store)
        assert counts == _recounted(store)
        # copies make some events' independent sources fewer than their reports
        assert any(s < r for _, r, s in counts.values()) and any(r > 2 for _, r, _ in counts.values())
        # processing a third of the reports again (a new processed_at) links them again: their mentions leave
        # their canonical events and come back, and every count follows
        store.conn.execute("UPDATE articles SET processed_at = 'again' WHERE CAST(substr(id, 2) AS INTEGER) % 3 = 0")
        assert link(store).linked == 40
        assert _stored(store) == _recounted(store)


def test_an_lsh_bucket_is_read_newest_first(tmp_path: Path) -> None:
    with Store.open(tmp_path / "l.db") as store:
        for seq in range(1, 101):
            store.conn.execute(
                "INSERT INTO link_reports (article_id, seq, processed_at, copy_of, terms, names, lead_names)"
                " VALUES (?, ?, 'x', ?, '{}', '{}', '[]')",
                (f"a{seq:03d}", seq, f"a{seq:03d}"),
            )
            store.link.add_lsh(f"a{seq:03d}", [7, seq], seq)  # band 0 shared by all, band 1 by none
        found = [r[0] for r in store.link.lsh_candidates([7, 999], limit=50, recent=10)]
        assert found == [f"a{seq:03d}" for seq in range(91, 101)]  # the oldest first among the newest ten
        # a report sharing two bands comes first, however old
        found = [r[0] for r in store.link.lsh_candidates([7, 5], limit=3, recent=200)]
        assert found == ["a005", "a001", "a002"]


@contextmanager
def _statements(conn: sqlite3.Connection) -> Iterator[list[str]]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        conn.set_trace_callback(None)


def _plans(conn: sqlite3.Connection, seen: Sequence[str]) -> list[tuple[str, str]]:
    """(query plan step, statement) for every distinct statement linking ran, but the one that picks the reports
    to link (per run, not per report) and writes that plan nothing."""
    out = []
    for sql in dict.fromkeys(seen):
        if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")) or "FROM articles a" in sql:
            continue
        out += [(str(row[3]), sql) for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return out


def _scans_link_table(detail: str) -> bool:
    return detail.startswith("SCAN ") and detail.split()[1] in LINK_TABLES


def test_every_lookup_of_linking_a_report_walks_an_index(tmp_path: Path) -> None:
    """No statement run while linking reads a link table whole; the one that picks the reports to link is per run."""
    with _store(tmp_path / "p.db", _reports(60)) as store:
        link(store, until="2022-05-04")
        with _statements(store.conn) as seen:
            assert link(store).linked > 20
        scans = {f"{detail}: {sql[:120]}" for detail, sql in _plans(store.conn, seen) if _scans_link_table(detail)}
        assert not scans, sorted(scans)


def _work(store: Store, tables: str = "") -> tuple[int, int]:
    """(SQLite virtual-machine steps in thousands, reports linked) of linking what is pending; with `tables`, only
    the steps of the statements that name it (e.g. "link_agreement")."""
    ticks = [0]
    counted = [not tables]

    def tick() -> int:
        ticks[0] += counted[0]
        return 0

    def statement(sql: str) -> None:
        counted[0] = not tables or tables in sql

    store.conn.set_progress_handler(tick, 100 if tables else 1000)
    store.conn.set_trace_callback(statement)
    try:
        linked = link(store).linked
    finally:
        store.conn.set_progress_handler(None, 0)
        store.conn.set_trace_callback(None)
    return ticks[0], linked


def test_the_sql_work_of_linking_a_report_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    """The same 24 days of reports linked after 3 days and after 30 days of corpus: the database work per report
    (counted in virtual-machine steps, not timed) stays within a quarter."""
    per_report = []
    for days in (3, 30):
        analyses = _reports(8 * days + 8 * 24)
        with _store(tmp_path / f"w{days}.db", analyses) as store:
            link(store, until=(date(2022, 5, 1) + timedelta(days=days - 1)).isoformat())
            ticks, linked = _work(store)
            assert linked == 8 * 24
            per_report.append(ticks / linked)
    assert per_report[1] <= 1.25 * per_report[0], per_report


def _truce_reports(n: int, seed: int = 5) -> list[Analysis]:
    """n reports over n / 8 days of the truce of each of four valleys: the first report of each announces it, every
    later one tells of a strike that broke it (the strike's event in the sentence that names the truce), so each
    truce gathers the links of a quarter of the corpus."""
    rng = random.Random(seed)
    valleys = [("Oskarra", "OSK"), ("Pemberlin", "PEM"), ("Hollant", "HOL"), ("Sarrow", "SAR")]
    forces = ["Ridge Brigade", "River Militia", "Plain Guard", "Hill Legion"]
    out = []
    for i in range(n):
        day = date(2022, 5, 1) + timedelta(days=i // 8)
        valley, country = valleys[i % 4] if i < 4 else rng.choice(valleys)
        force, other = rng.sample(forces, 2)
        if i < 4:
            first = f"The {force} and the {other} agreed a truce in {valley} on {day:%A}, envoys said in note {i}."
            kind, verb, when = "AGREE", "agreed", day
        else:
            when = day - timedelta(days=rng.randrange(0, 2))
            first = f"The {force} shelled a village in {valley} on {when:%A}, breaking the truce, medics said in {i}."
            kind, verb, when = "ASSAULT", "shelled", when
        body = first + f"\nResidents said {rng.randrange(20, 900)} families had left."
        pub = PubDate(day.isoformat(), day, day, "day", (f"dateline: {day.isoformat()}",))
        art = Article(f"t{i:05d}", f"t{i:05d}.txt", first[:50], None, None, pub, CleanedText(None, body))
        at = body.index(valley)
        place = Place(at, at + len(valley), valley, name=valley, country=country, precision=1, feature="region")
        actor = Actor(4, 4 + len(force), force, name=force, country=country, sector="REB")
        v_at = body.index(verb)
        event = Event(f"t{i:05d}", 0, kind, None, 0, len(first), first, Trigger(v_at, v_at + len(verb), verb, verb),
                      actor=actor, place=place, date=when.isoformat(), date_precision="day")  # fmt: skip
        out.append(Analysis(art, actors=[actor], places=[place], events=[event]))
    return out


def test_linking_reports_of_long_truces_walks_indexes_and_stays_flat(tmp_path: Path) -> None:
    """Reports that each link an event to a truce many reports name before them: no statement reads an agreement
    table whole, and the SQL work per report (an agreement's refresh adds the report's links to what is stored,
    its successor is read from the day after it began) does not grow with the links its truce holds."""
    with _store(tmp_path / "a.db", _truce_reports(60)) as store:
        link(store, until="2022-05-04")
        with _statements(store.conn) as seen:
            assert link(store).linked > 20
        assert any("later" in s or "truce_start" in s for s in seen)  # the successor lookup ran
        scans = {
            f"{detail}: {sql[:120]}"
            for detail, sql in _plans(store.conn, seen)
            if _scans_link_table(detail)
            # every agreement of a zone sorted, to keep a few
            or (detail == "USE TEMP B-TREE FOR ORDER BY" and re.search(r"\blink_agreements\b", sql))
        }
        assert not scans, sorted(scans)
    per_report = []
    for days in (3, 30):
        with _store(tmp_path / f"t{days}.db", _truce_reports(8 * days + 8 * 24)) as store:
            link(store, until=(date(2022, 5, 1) + timedelta(days=days - 1)).isoformat())
            links = store.conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM link_agreement_events"
                                       " GROUP BY agreement_id) AS counts").fetchone()[0]  # fmt: skip
            ticks, linked = _work(store, "link_agreement")  # the statements of agreements, in hundreds of steps
            assert linked == 8 * 24
            per_report.append((ticks / linked, links))
    assert per_report[1][1] > 4 * per_report[0][1], per_report  # the truces hold many more links
    assert per_report[1][0] <= 1.25 * per_report[0][0], per_report


def test_linking_reads_through_its_caches_what_it_would_read_without_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed centroids, canonical events, mentions and agreements linking keeps between reports are what the
    stored text decodes to: a corpus linked (and partly linked again) with caches that hold one value, emptied at
    every read, ends with the same rows as with the caches."""
    contents = []
    for limit in (None, 1):
        if limit is not None:
            for name in ("GROUP_CACHE", "CANONICAL_CACHE", "MENTION_CACHE", "AGREEMENT_CACHE", "EVENT_CACHE"):
                monkeypatch.setattr(f"truceline.store.link.{name}", limit)
        with _store(tmp_path / f"cache{limit}.db", _reports(96)) as store:
            link(store, until="2022-05-06")
            assert link(store).linked > 40
            for aid in [f"r{i:05d}" for i in range(0, 96, 3)]:  # processed again: unlinked and linked again
                store.conn.execute("UPDATE articles SET processed_at = 'again' WHERE id = ?", (aid,))
            assert link(store).linked == 32
            contents.append(store.content())
    assert contents[0] == contents[1]


def test_a_cache_of_decoded_values_stays_within_its_limit_and_never_serves_a_changed_value() -> None:
    cache = Decoded(3)
    first = cache('{"a": 1.5}')
    assert first == {"a": 1.5} and cache('{"a": 1.5}') is first  # decoded once
    assert cache('{"a": 2.5}') == {"a": 2.5}  # a changed value is other text
    for i in range(10):
        cache.put(json.dumps({"k": i}), {"k": i})
        assert len(cache.values) <= 3
    assert cache('{"k": 9}') == {"k": 9}


def test_the_page_cache_is_a_setting(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as store:
        assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == -1024 * CACHE_MB
    with Store.open(tmp_path / "p.db", cache_mb=8) as store:
        assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == -8 * 1024
