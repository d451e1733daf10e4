"""The end of a run on several workers: its last stretch is cut into smaller batches so the workers finish together
(truceline.scale.schedule.batches), and the pool's workers yield a core to the writer, which links the reports as
they are stored (truceline.scale.pool), so little is left to link once they are done. Neither changes a row."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from truceline import api
from truceline.model import RawDocument
from truceline.sample import REPORTS_DIR
from truceline.scale import pool
from truceline.scale.schedule import TAIL_FLOOR, batches
from truceline.scale.work import PipelineConfig
from truceline.store import Store
from truceline.store.rows import DocResult


def _docs(n: int) -> list[RawDocument]:
    return [RawDocument(f"d{i:04d}", "text", f"Report {i} of a run.", f"d{i}.txt") for i in range(n)]


@pytest.mark.parametrize(("total", "size"), [(2000, 64), (56, 64), (130, 64), (64, 64), (7, 64), (300, 8), (5, 1)])
def test_the_last_stretch_is_cut_finer_and_every_report_sent_once_in_order(total: int, size: int) -> None:
    docs = _docs(total)
    cut = [len(b.raws) for b in batches(docs, size, total)]
    sent = [d for b in batches(docs, size, total) for d in b.raws]
    assert sent == docs, "a report lost, repeated or sent out of order"
    assert [b.index for b in batches(docs, size, total)] == list(range(len(cut)))
    assert cut == [len(b.raws) for b in batches(docs, size, total)], "the cuts are not a function of what is pending"
    assert all(1 <= n <= size for n in cut) and cut == sorted(cut, reverse=True)
    assert all(n >= max(1, size // TAIL_FLOOR) for n in cut[:-1])
    if total >= 8 * size:  # a long run keeps whole batches until its last stretch
        assert cut[: total // size // 2] == [size] * (total // size // 2)
    if total > size > TAIL_FLOOR:  # and ends in batches smaller than a whole one
        assert cut[-2] < size
    # without the total (a caller that does not know it), whole batches to the end, as before
    assert [len(b.raws) for b in batches(docs, size)] == [size] * (total // size) + (
        [total % size] if total % size else []
    )


@pytest.mark.slow
def test_the_rows_do_not_depend_on_how_a_run_is_cut(tmp_path: Path) -> None:
    # cutting the last stretch finer is sound only if a report's rows come from itself alone, whatever batch holds it
    contents = []
    for size in (56, 5):
        with Store.open(tmp_path / f"cut{size}.db") as store:
            api.ingest(store, [str(REPORTS_DIR)])
            pending = store.count_pending()
            cuts = [len(b.raws) for b in batches(store.pending_documents(), size, pending)]
            report = api.process(store, workers=1, batch_size=size)
            assert report.processed == pending > 50 and report.link is not None and report.link.new_stories >= 2
            contents.append((cuts, store.content()))
    (cut_a, a), (cut_b, b) = contents
    assert len(cut_a) != len(cut_b) and cut_a[0] != cut_b[0], "the two runs were not cut differently"
    assert set(a) == set(b)
    for table in a:
        assert a[table] == b[table], f"{table} differ between two cuts of the same run"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="scheduling priorities are checked on Linux")
def test_the_pool_workers_yield_the_cores_to_the_writer(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        api.ingest(store, [str(REPORTS_DIR)])
        docs = list(store.pending_documents())[:6]
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    seen: list[int] = []

    def write(results: list[DocResult]) -> None:
        import multiprocessing

        seen.extend(os.getpriority(os.PRIO_PROCESS, p.pid) for p in multiprocessing.active_children())

    config = PipelineConfig(batch_size=2)
    pool.run_pool(docs, workers=2, config=config, write=write, total=len(docs))
    assert seen, "no worker was seen"
    expected = min(mine + pool.WORKER_NICENESS, 19)
    assert set(seen) == {expected}, f"workers at nice {sorted(set(seen))}, the writer at {mine}"
