"""`truceline process --workers N`: the per-report stages in N worker processes, the caller as the one writer.

Workers load spaCy, the dictionaries and the gazetteer once (the pool's initializer), take batches of documents and
send back plain rows (truceline.store.rows.DocResult); the caller writes each batch in one transaction, in batch
order. `--workers 1` runs the same batches in the calling process, with no pool.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, cast

from truceline.errors import WorkerError
from truceline.model import RawDocument
from truceline.scale import work
from truceline.scale.schedule import Batch, Pending, batches, run_in_order
from truceline.store.rows import DocResult

Write = Callable[[list[DocResult]], None]


def run_inline(
    docs: Iterable[RawDocument],
    *,
    actor_files: Sequence[Path],
    known_years: Sequence[int],
    batch_size: int,
    write: Write,
) -> None:
    """One process: the pipeline over every document, each batch written as it completes."""
    pipeline = work.DatingPipeline(actor_files=actor_files, batch_size=batch_size)
    done: list[DocResult] = []
    for result in work.results(pipeline, pipeline.run(docs, known_years=known_years)):
        done.append(result)
        if len(done) >= batch_size:  # Pipeline.run yields whole batches of batch_size, in order
            write(done)
            done = []
    write(done)


def run_pool(
    docs: Iterable[RawDocument],
    *,
    workers: int,
    actor_files: Sequence[Path],
    known_years: Sequence[int],
    batch_size: int,
    write: Write,
) -> None:
    """`workers` processes analyse batches; `write` is called with each batch's results, in batch order."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=work.init_worker,
        initargs=(tuple(actor_files), batch_size),
    )

    def date(batch: Batch) -> Pending:
        return pool.submit(work.date_batch, batch.raws)

    def analyse(batch: Batch, dated: work.Dated, years_before: Counter[int]) -> Pending:
        return pool.submit(work.analyse_batch, batch.raws, years_before, dated)

    def finish(batch: Batch, results: Any) -> None:
        write(list(results))

    def wait_any(pending: list[Pending]) -> None:
        wait(cast(list[Future[Any]], pending), return_when=FIRST_COMPLETED)

    try:
        run_in_order(
            batches(docs, batch_size),
            known_years=known_years,
            date=date,
            years_of=work.years_of,
            analyse=analyse,
            finish=finish,
            wait_any=wait_any,
            ahead=2 * workers,
        )
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (out of memory, or killed); every batch written so far is stored: "
            "run `truceline process` again to go on, with fewer --workers if memory is short"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
