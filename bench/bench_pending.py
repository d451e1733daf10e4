"""What finding the pending reports costs a small run into a large store: `python bench/bench_pending.py`.

For each size N (`--sizes`, 1,000 / 10,000 / 100,000 by default) it writes N old reports into a fresh SQLite file
straight as rows (a processed document, its article and its link_reports row, as a linked report leaves them: no
pipeline, no linking, so a store of 100,000 is built in seconds), stores `--new` new documents (200) written from
bench_link.py's templates, dated by metadata, then times `truceline.api.process` over them as `truceline process
--workers 1` runs it (the per-report stages, the store's writes, and linking window by window). Every call that asks
the store what is pending (the documents still to process, the articles still to link: `count_pending`,
`first_pending_position`, `pending_documents`, `pending_ids`) is timed on its own. It prints, per size, the run's
wall and CPU ms per new report (the models' loading left out), the pending calls' ms per new report and their share
of the run's CPU, and the CPU ms per new report of the store's writes of its rows (`save_results`) and of linking
(whose pending calls are counted in both). The old reports are dated years before the new ones, so linking the new ones reads none of them: what
grows with N is only what does not need to.

`--code DIR` imports truceline from DIR instead of this checkout (e.g. an export of an older commit made with
`git archive COMMIT | tar -x -C DIR`), so the code before and after a change can be timed by the same script, side
by side, under the same load. Figures are ratios between sizes and between codes; on a shared machine the load moves
the absolute times.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="old reports in the store")
    parser.add_argument("--new", type=int, default=200, help="new reports the timed run processes and links")
    parser.add_argument("--code", type=Path, help="import truceline from this folder (an older commit's export)")
    parser.add_argument("--repeat", type=int, default=1, help="time each size this many times, report the fastest")
    return parser.parse_args()


ARGS = _args() if __name__ == "__main__" else None
if ARGS and ARGS.code:  # an editable install's finder would import this checkout's truceline whatever sys.path says
    sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
sys.path.insert(0, str((ARGS.code if ARGS and ARGS.code else HERE.parent).resolve()))
sys.path.insert(1, str(HERE))

from truceline import api  # noqa: E402
from truceline.model import RawDocument  # noqa: E402
from truceline.store import Store  # noqa: E402

# the store's pending calls: (module, class, method)
PENDING_CALLS = [
    ("truceline.store.db", "Store", "count_pending"),
    ("truceline.store.db", "Store", "first_pending_position"),
    ("truceline.store.db", "Store", "pending_documents"),
    ("truceline.store.link", "LinkTables", "pending_ids"),
    ("truceline.store.link", "LinkTables", "first_pending_position"),
    ("truceline.store.link", "LinkTables", "count_pending"),
]
OLD_PROCESSED_AT = "2015-01-01T00:00:00+00:00"


class Clock:
    """Wall and CPU seconds spent inside the wrapped calls (a generator's time counted while it runs)."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self.calls: dict[str, int] = {}
        self.each: dict[str, float] = {}  # CPU seconds per call name

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        clock = self

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            clock.calls[name] = clock.calls.get(name, 0) + 1
            w, c = time.perf_counter(), time.process_time()
            try:
                out = fn(*args, **kwargs)
            finally:
                clock.wall += time.perf_counter() - w
                clock.cpu += time.process_time() - c
                clock.each[name] = clock.each.get(name, 0.0) + time.process_time() - c
            if hasattr(out, "__next__"):
                return clock.drain(name, out)
            return out

        return timed

    def drain(self, name: str, it: Iterator[Any]) -> Iterator[Any]:
        while True:
            w, c = time.perf_counter(), time.process_time()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                self.wall += time.perf_counter() - w
                self.cpu += time.process_time() - c
                self.each[name] = self.each.get(name, 0.0) + time.process_time() - c
            yield item


def old_reports(store: Store, n: int) -> None:
    """N processed and linked reports as rows, in one transaction: what pending calls must look past."""
    conn = store.conn
    docs, arts, links = [], [], []
    for i in range(n):
        aid = f"old{i:08d}"
        day = f"{2010 + i * 5 // n:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        body = f"Old report {i}: nothing happened in the town of Oldplace {i % 97}."
        docs.append((aid, "text", f"old/{i}.txt", body, OLD_PROCESSED_AT, "processed"))
        arts.append((aid, f"old/{i}.txt", body, "[]", "[]", "[]", day, day, day, "day", "[]", OLD_PROCESSED_AT))
        links.append((aid, i + 1, OLD_PROCESSED_AT, day, day, aid, "{}", "{}", "[]"))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO documents (id, kind, origin, content, ingested_at, status) VALUES (?, ?, ?, ?, ?, ?)", docs
    )
    conn.executemany(
        "INSERT INTO articles (id, origin, body, captions, bylines, dropped_lines, published, published_earliest,"
        " published_latest, published_precision, published_evidence, processed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        arts,
    )
    conn.executemany(
        "INSERT INTO link_reports (article_id, seq, processed_at, date_lo, date_hi, copy_of, terms, names, lead_names)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        links,
    )
    conn.execute("INSERT INTO link_state (key, value) VALUES ('reports', ?), ('seq', ?)", (n, n))
    conn.execute("COMMIT")


def new_documents(n: int) -> list[RawDocument]:
    # imported after truceline: bench_link puts this checkout first on sys.path, which --code must not follow
    generate = importlib.import_module("bench_link").generate
    out = []
    for a in generate(n, seed=29):
        body = a.article.body
        day = a.article.published.value if a.article.published else None
        out.append(RawDocument(f"new-{a.article.id}", "text", body, f"new/{a.article.id}.txt", published=day))
    return out


def run(size: int, new: int) -> dict[str, Any]:
    from truceline.scale import work

    clock = Clock()
    saved = []
    for module, cls, method in PENDING_CALLS:
        owner = getattr(importlib.import_module(module), cls)
        fn = owner.__dict__.get(method)
        if fn is not None:
            saved.append((owner, method, fn))
            setattr(owner, method, clock.wrap(f"{cls}.{method}", fn))
    writes = Clock()  # the store's writes of the new reports' rows (what the queue's triggers add to)
    save = Store.save_results
    Store.save_results = writes.wrap("save_results", save)  # type: ignore[method-assign]
    linking = Clock()  # the link stage (its writes to link_reports fire the queue's triggers too)
    link_module = importlib.import_module("truceline.link")
    run_link = getattr(link_module, "link")  # noqa: B009
    setattr(link_module, "link", linking.wrap("link", run_link))  # noqa: B010
    loading = Clock()
    pipeline = work.PipelineConfig.pipeline
    work.PipelineConfig.pipeline = loading.wrap("pipeline", pipeline)  # type: ignore[method-assign]
    try:
        with (
            tempfile.TemporaryDirectory(prefix="truceline-bench-pending-") as tmp,
            Store.open(Path(tmp) / "b.db") as store,
        ):
            t0 = time.perf_counter()
            old_reports(store, size)
            built = time.perf_counter() - t0
            store.add_documents(new_documents(new))
            w, c = time.perf_counter(), time.process_time()
            report = api.process(store, workers=1)
            wall, cpu = time.perf_counter() - w - loading.wall, time.process_time() - c - loading.cpu
            linked = report.link.linked if report.link else 0
    finally:
        for owner, method, fn in saved:
            setattr(owner, method, fn)
        work.PipelineConfig.pipeline = pipeline  # type: ignore[method-assign]
        Store.save_results = save  # type: ignore[method-assign]
        setattr(link_module, "link", run_link)  # noqa: B010
    return {
        "size": size,
        "build_s": built,
        "processed": report.processed,
        "linked": linked,
        "ms_per_report": 1000 * wall / new,
        "cpu_ms_per_report": 1000 * cpu / new,
        "pending_ms_per_report": 1000 * clock.wall / new,
        "pending_cpu_ms_per_report": 1000 * clock.cpu / new,
        "pending_share": clock.cpu / cpu if cpu else 0.0,
        "write_cpu_ms_per_report": 1000 * writes.cpu / new,
        "link_cpu_ms_per_report": 1000 * linking.cpu / new,
        "calls": sum(clock.calls.values()),
        "each": {k: (clock.calls[k], 1000 * v) for k, v in sorted(clock.each.items())},
    }


def main() -> None:
    assert ARGS is not None
    print(f"code: {Path(api.__file__).parents[1]}  new reports per run: {ARGS.new}")
    print(
        f"{'old reports':>11} {'build s':>8} {'processed':>9} {'linked':>6} {'ms/report':>9} {'CPU ms':>7}"
        f" {'pending ms':>10} {'pending CPU':>11} {'share':>6} {'calls':>5} {'write CPU':>9} {'link CPU':>8}"
    )
    for size in ARGS.sizes:
        runs = [run(size, ARGS.new) for _ in range(ARGS.repeat)]
        r = min(runs, key=lambda x: x["cpu_ms_per_report"])
        print(
            f"{size:>11,} {r['build_s']:>8.1f} {r['processed']:>9} {r['linked']:>6} {r['ms_per_report']:>9.2f}"
            f" {r['cpu_ms_per_report']:>7.2f} {r['pending_ms_per_report']:>10.3f} {r['pending_cpu_ms_per_report']:>11.3f}"
            f" {r['pending_share']:>6.1%} {r['calls']:>5} {r['write_cpu_ms_per_report']:>9.3f}"
            f" {r['link_cpu_ms_per_report']:>8.2f}",
            flush=True,
        )
        print("    CPU ms (calls) per call:", ", ".join(f"{k} {v[1]:.1f} ({v[0]})" for k, v in r["each"].items()))


if __name__ == "__main__":
    main()
