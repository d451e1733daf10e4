"""`truceline process --workers N`: the per-report stages in N worker processes, the caller as the one writer.

Workers load spaCy, the dictionaries, the event model and the gazetteer once (the pool's initializer, given the
caller's PipelineConfig), take batches of documents and send back plain rows (truceline.store.rows.DocResult); the
caller writes each batch in one transaction, in batch order. `--workers 1` runs the same batches in the calling
process, with no pool.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from truceline.errors import WorkerError
from truceline.model import RawDocument
from truceline.scale import timeline, work
from truceline.scale.schedule import Batch, Pending, batches, run_in_order
from truceline.store.rows import DocResult

Write = Callable[[list[DocResult]], None]

# How much lower than the writer's the workers' scheduling priority is (their nice value over the writer's). The writer
# links the reports across the corpus, which runs in that one process and can follow the workers only as fast as it
# gets a core: at equal priority, N workers and the writer share the machine's cores evenly, the writer falls behind,
# and what it has left to link when the workers are done runs on one core while the others idle. A lower priority
# for the workers lets the writer take a core whenever it has a window to link; they have the rest (and every core
# whenever it waits), so no core idles while there is work and the run ends soon after its last batch is stored.
WORKER_NICENESS = 5


def run_inline(
    docs: Iterable[RawDocument], *, config: work.PipelineConfig, write: Write, total: int | None = None
) -> None:
    """One process: the pipeline over every document, each batch written as it completes (batches cut as
    schedule.batches cuts them, given `total`, how many documents `docs` holds)."""
    pipeline = config.pipeline()
    for batch in batches(docs, config.batch_size, total):
        with timeline.span("writer", "batch", f"{batch.index} {len(batch.raws)}"):
            rows = work.results(pipeline.run(batch.raws))
        write(rows)


def run_pool(
    docs: Iterable[RawDocument],
    *,
    workers: int,
    config: work.PipelineConfig,
    write: Write,
    ahead: int | None = None,
    total: int | None = None,
) -> None:
    """`workers` processes analyse batches (cut as schedule.batches cuts them, given `total`, how many documents
    `docs` holds); `write` is called with each batch's results, in batch order, while up to `ahead` batches
    (default: two per worker) are in the workers' hands or done and waiting."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(config,))

    def submit(batch: Batch) -> Pending:
        return pool.submit(work.analyse_batch, batch.raws)

    def finish(batch: Batch, results: Any) -> None:
        write(list(results))

    try:
        run_in_order(batches(docs, config.batch_size, total), submit=submit, finish=finish, ahead=ahead or 2 * workers)
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (out of memory, or killed); every batch written so far is stored: "
            "run `truceline process` again to go on, with fewer --workers if memory is short"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _init_worker(config: work.PipelineConfig) -> None:
    """A pool worker: a lower priority than the writer's (WORKER_NICENESS), then the pipeline loaded once."""
    with contextlib.suppress(OSError):  # a system that refuses it: the workers keep the writer's priority
        os.nice(WORKER_NICENESS)
    with timeline.span("worker", "load"):
        work.init_worker(config)
