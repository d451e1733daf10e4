"""`truceline process --workers N`: the per-report stages in N worker processes, the caller as the one writer.

Workers run the pipeline built from the caller's PipelineConfig (spaCy, the dictionaries, the event model, the
gazetteer), take batches of documents and send back plain rows (truceline.store.rows.DocResult); the caller writes
each batch in one transaction, in batch order. Where processes fork, one worker loads the pipeline itself while the
caller loads and warms it up, and the others are forked from the caller ready to work (see run_pool); elsewhere a
spawned pool's workers each load it. `--workers 1` runs the same batches in the calling process, with no pool.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
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
    (default: two per worker) are in the workers' hands or done and waiting.

    Where processes fork (Linux), one worker is forked at once and loads the pipeline itself, while this process
    loads it and runs it over a short text (work.warm_up); the other workers are forked from it then, ready to
    work: they neither load nor warm up (the cores would otherwise spend that twice at the start of every run),
    and the loaded actor dictionary and gazetteer are this process's own for linking. Elsewhere, a process pool
    whose workers each load the pipeline."""
    if not sys.platform.startswith("linux"):
        _run_spawned(docs, workers=workers, config=config, write=write, ahead=ahead, total=total)
        return
    pool = _ForkPool(config)
    ok = False
    try:
        pool.fork(1, loaded=False)
        if workers > 1:
            with timeline.span("writer", "warm"):
                work.warm_up(config)
            pool.fork(workers - 1, loaded=True)
            work.release()

        def finish(batch: Batch, results: Any) -> None:
            write(list(results))

        run_in_order(
            batches(docs, config.batch_size, total), submit=pool.submit, finish=finish, ahead=ahead or 2 * workers
        )
        ok = True
    finally:
        pool.close(ok)


class _ForkPool:
    """Worker processes forked from this one, fed batches through one task queue (whichever worker is free takes
    the next) and sending each batch's rows back on one result queue. Nothing is put on a queue before every worker
    is forked, so no thread of this process (a queue's feeder) is running when one forks."""

    def __init__(self, config: work.PipelineConfig) -> None:
        self.context = multiprocessing.get_context("fork")
        self.config = config
        self.tasks: Any = self.context.Queue()
        self.results: Any = self.context.Queue()
        self.processes: list[Any] = []
        self.arrived: dict[int, tuple[bool, Any]] = {}  # batch index -> (ok, rows or the worker's error)

    def fork(self, n: int, *, loaded: bool) -> None:
        for _ in range(n):
            process = self.context.Process(
                target=_serve,
                args=(self.config, self.tasks, self.results, loaded),
                name="truceline-worker",
                daemon=True,
            )
            process.start()
            self.processes.append(process)

    def submit(self, batch: Batch) -> Pending:
        self.tasks.put((batch.index, batch.raws))
        return _Job(self, batch.index)

    def wait(self, index: int) -> Any:
        while index not in self.arrived:
            try:
                got, ok, payload = self.results.get(timeout=1.0)
            except queue.Empty:
                if any(p.exitcode is not None for p in self.processes):
                    raise WorkerError(
                        "a worker process died (out of memory, or killed); every batch written so far is stored: "
                        "run `truceline process` again to go on, with fewer --workers if memory is short"
                    ) from None
                continue
            self.arrived[got] = (ok, payload)
        ok, payload = self.arrived.pop(index)
        if not ok:
            raise WorkerError(f"a worker failed on a batch: {payload}")
        return payload

    def close(self, ok: bool) -> None:
        """Stop the workers: after their last batch, or (`ok` False: the run failed or was interrupted) at once."""
        if ok:
            for _ in self.processes:
                self.tasks.put(None)
        else:
            self.tasks.cancel_join_thread()  # what is still queued is not wanted
            for process in self.processes:
                if process.exitcode is None:
                    process.kill()
        for process in self.processes:
            process.join()
        self.tasks.close()
        self.results.close()


class _Job:
    def __init__(self, pool: _ForkPool, index: int) -> None:
        self.pool, self.index = pool, index

    def result(self) -> Any:
        return self.pool.wait(self.index)


def _serve(config: work.PipelineConfig, tasks: Any, results: Any, loaded: bool) -> None:
    """A forked worker: a lower priority than the writer's (WORKER_NICENESS), the pipeline loaded unless it came
    loaded with the fork, then batches until told to stop (None)."""
    with contextlib.suppress(OSError):  # a system that refuses it: the workers keep the writer's priority
        os.nice(WORKER_NICENESS)
    if loaded:
        work.die_with_parent()
    else:
        with timeline.span("worker", "load"):
            work.init_worker(config)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches every process: the writer stops the run
        while (task := tasks.get()) is not None:
            index, raws = task
            try:
                results.put((index, True, work.analyse_batch(raws)))
            except Exception as exc:  # a bug in a stage the pipeline did not catch: the writer stops the run with it
                results.put((index, False, f"{exc.__class__.__name__}: {exc}"))


def _run_spawned(
    docs: Iterable[RawDocument],
    *,
    workers: int,
    config: work.PipelineConfig,
    write: Write,
    ahead: int | None = None,
    total: int | None = None,
) -> None:
    """Where processes cannot fork: a pool of spawned workers, each loading the pipeline (_init_worker)."""
    context = multiprocessing.get_context("spawn")
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
    """A spawned pool worker: a lower priority than the writer's (WORKER_NICENESS), then the pipeline loaded once."""
    with contextlib.suppress(OSError):  # a system that refuses it: the workers keep the writer's priority
        os.nice(WORKER_NICENESS)
    with timeline.span("worker", "load"):
        work.init_worker(config)
