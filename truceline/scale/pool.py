"""`truceline process --workers N`: the per-report stages in N worker processes, the caller as the one writer.

Workers load spaCy, the dictionaries, the event model and the gazetteer once (the pool's initializer, given the
caller's PipelineConfig), take batches of documents and send back plain rows (truceline.store.rows.DocResult); the
caller writes each batch in one transaction, in batch order. `--workers 1` runs the same batches in the calling
process, with no pool.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from truceline.errors import WorkerError
from truceline.model import RawDocument
from truceline.scale import work
from truceline.scale.schedule import Batch, Pending, batches, run_in_order
from truceline.store.rows import DocResult

Write = Callable[[list[DocResult]], None]


def run_inline(docs: Iterable[RawDocument], *, config: work.PipelineConfig, write: Write) -> None:
    """One process: the pipeline over every document, each batch written as it completes."""
    pipeline = config.pipeline()
    for batch in batches(docs, config.batch_size):
        write(work.results(pipeline.run(batch.raws)))


def run_pool(
    docs: Iterable[RawDocument], *, workers: int, config: work.PipelineConfig, write: Write, ahead: int | None = None
) -> None:
    """`workers` processes analyse batches; `write` is called with each batch's results, in batch order, while up to
    `ahead` batches (default: two per worker) are in the workers' hands or done and waiting."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=work.init_worker, initargs=(config,)
    )

    def submit(batch: Batch) -> Pending:
        return pool.submit(work.analyse_batch, batch.raws)

    def finish(batch: Batch, results: Any) -> None:
        write(list(results))

    try:
        run_in_order(batches(docs, config.batch_size), submit=submit, finish=finish, ahead=ahead or 2 * workers)
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (out of memory, or killed); every batch written so far is stored: "
            "run `truceline process` again to go on, with fewer --workers if memory is short"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
