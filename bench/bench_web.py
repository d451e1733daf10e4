"""How long the web app takes to answer: every page and endpoint on the demo database, then the events page and
/api/events (and the other pages that read the events table) with about 100,000 events stored.

    .venv/bin/python bench/bench_web.py [--events 100000] [--runs 5]

It builds the demo database from the bundled corpus (ingest + process + link, as `make demo`), times each URL
in-process through Starlette's test client (the app as uvicorn serves it, minus the socket), then copies the
demo's articles and events with new ids and dates shifted by whole weeks (direct inserts, in this benchmark only)
until the events table holds the number asked for, and times the pages again. The figure is the median of
--runs requests after one warm-up request; targets: < 300 ms for every page.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from truceline import api
from truceline.sample import REPORTS_DIR
from truceline.store import Store
from truceline.web import create_app

warnings.simplefilter("ignore")
from starlette.testclient import TestClient  # noqa: E402


def build_demo(path: Path) -> None:
    with Store.open(path) as store:
        api.ingest(store, [str(REPORTS_DIR)])
        api.process(store)


def grow(path: Path, target: int) -> int:
    """Copy the demo's documents, articles and events (each copy n shifted n weeks later) until `target` events."""
    conn = sqlite3.connect(path, isolation_level=None)
    base = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    copies = max(0, -(-target // base) - 1)
    doc_cols = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    art_cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    ev_cols = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    originals = [r[0] for r in conn.execute("SELECT id FROM articles")]
    conn.execute("CREATE TEMP TABLE originals (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO originals VALUES (?)", [(a,) for a in originals])
    conn.execute("BEGIN")
    for n in range(1, copies + 1):
        shift = f"+{7 * n} days"
        new_id = f"substr(id, 1, 12) || printf('%04x', {n})"

        def pick(cols: list[str], replace: dict[str, str]) -> str:
            return ", ".join(replace.get(c, c) for c in cols)

        conn.execute(
            f"INSERT INTO documents ({', '.join(doc_cols)}) SELECT"
            f" {pick(doc_cols, {'id': new_id, 'content': 'content || ' + repr(' ' * n)})}"
            " FROM documents WHERE id IN (SELECT id FROM originals)"
        )
        conn.execute(
            f"INSERT INTO articles ({', '.join(art_cols)}) SELECT"
            f" {pick(art_cols, {'id': new_id, 'published': f'COALESCE(date(published, {shift!r}), published)'})}"
            " FROM articles WHERE id IN (SELECT id FROM originals)"
        )
        new_article = f"substr(article_id, 1, 12) || printf('%04x', {n})"
        event_id = f"{new_article} || '-e' || idx"
        day = f"COALESCE(date(date, {shift!r}), date)"
        changes = {
            "id": event_id,
            "article_id": new_article,
            "date": day,
            "sort_date": f"COALESCE(date(sort_date, {shift!r}), sort_date)",
            "data": f"json_set(data, '$.id', {event_id}, '$.date', {day}, '$.article_id', {new_article})",
        }
        conn.execute(
            f"INSERT INTO events ({', '.join(ev_cols)}) SELECT {pick(ev_cols, changes)}"
            " FROM events WHERE article_id IN (SELECT id FROM originals)"
        )
    conn.execute("COMMIT")
    total = int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    conn.close()
    return total


def timed(client: TestClient, url: str, runs: int) -> float:
    r = client.get(url)
    if r.status_code != 200:
        raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:200]}")
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def urls(client: TestClient) -> dict[str, str]:
    stories = client.get("/api/stories").json()["stories"]
    story = max(stories, key=lambda s: s["reports"])
    article = story["report_ids"][0]
    return {
        "stories list": "/stories",
        "story page (largest story)": f"/stories/{story['id']}",
        "events page": "/events",
        "events page, page 40": "/events?page=40",
        "events page, type + stance": "/events?type=ASSAULT&stance=claimed",
        "events page, min confidence": "/events?min_confidence=0.8",
        "events page, actor TUR": "/events?actor=TUR",
        "events page, search": "/events?q=ceasefire",
        "map page": "/map",
        "article page": f"/articles/{article}",
        "agreements page": "/agreements",
        "/api/events": "/api/events",
        "/api/events, type + page 40": "/api/events?type=ASSAULT&page=40",
        "/api/places": "/api/places",
        "/api/stories/{id}": f"/api/stories/{story['id']}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events to store for the second table")
    parser.add_argument("--runs", type=int, default=5, help="timed requests per URL (the median is shown)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="truceline-bench-web-"))
    try:
        demo = folder / "demo.db"
        build_demo(demo)
        client = TestClient(create_app(demo))
        pages = urls(client)
        small = {name: timed(client, url, args.runs) for name, url in pages.items()}
        n_small = client.get("/api/events?limit=1").json()["total"]
        big_db = folder / "big.db"
        shutil.copy(demo, big_db)
        start = time.perf_counter()
        n_big = grow(big_db, args.events)
        grow_s = time.perf_counter() - start
        big_client = TestClient(create_app(big_db))
        big = {name: timed(big_client, url, args.runs) for name, url in pages.items()}
        print(f"demo database: {n_small} events; large database: {n_big} events (copied in {grow_s:.1f} s)")
        print(f"median of {args.runs} requests after a warm-up, in ms")
        print(f"{'page':<32} {'demo':>8} {f'{n_big} ev.':>12}")
        for name in pages:
            print(f"{name:<32} {small[name]:>8.1f} {big[name]:>12.1f}")
        worst = max(small.values())
        print(f"slowest on the demo: {worst:.0f} ms; slowest events page with {n_big}: "
              f"{max(v for k, v in big.items() if k.startswith('events page')):.0f} ms")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
