"""The process pool of `process --workers N` (truceline.scale.pool): workers forked from the writer once it has
loaded and warmed up the pipeline, fed from one queue; a worker that dies stops the run with a one-line error,
every batch written before it kept, and no worker left behind. (That a pool stores exactly the rows of one process
is tests/test_parallel.py's.)"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path

import pytest

from truceline import api
from truceline.errors import WorkerError
from truceline.sample import REPORTS_DIR
from truceline.scale import pool
from truceline.scale.work import PipelineConfig
from truceline.store import Store
from truceline.store.rows import DocResult

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked pool is the Linux path"),
]


def test_a_dead_worker_stops_the_run_with_a_clear_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        api.ingest(store, [str(REPORTS_DIR)])
        docs = list(store.pending_documents())
    assert len(docs) >= 40
    written: list[list[str]] = []

    def write(results: list[DocResult]) -> None:
        if not written:  # the first batch is in: kill every worker (as the out-of-memory killer would)
            for child in multiprocessing.active_children():
                assert child.pid is not None
                os.kill(child.pid, signal.SIGKILL)
        written.append([r.doc_id for r in results])

    with pytest.raises(WorkerError, match="a worker process died"):
        pool.run_pool(docs, workers=2, config=PipelineConfig(batch_size=2), write=write, total=len(docs))
    stored = [doc_id for batch in written for doc_id in batch]
    assert stored and stored == [d.id for d in docs[: len(stored)]] and len(stored) < len(docs)
    assert multiprocessing.active_children() == [], "a worker was left running"
