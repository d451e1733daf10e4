"""`truceline process --cluster tcp://HOST:PORT --output DIR`: the per-report stages on a Dask distributed cluster.

The client (this process) reads the pending reports from the store and sends them in batches; each worker loads the
pipeline once (a worker plugin configures it, the first batch loads it), analyses a batch and writes it as Parquet
under DIR (truceline.scale.parquet: one file per publication month, then a marker saying the batch is complete).
The store is not written: `truceline load DIR` brings the rows in. DIR must be a folder every worker can write
(on one machine, any folder; on a cluster, a shared file system).

Killed and started again with the same store and DIR, a run skips the batches whose markers exist and does the
others: each report ends up in exactly one complete batch.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from truceline.errors import ConfigError, WorkerError
from truceline.model import RawDocument
from truceline.scale import parquet, work
from truceline.scale.schedule import Batch, Pending, batches, run_in_order
from truceline.store.rows import DocResult, time_window

Summary = dict[str, Any]

# Dask settings for workers that run Truceline, measured on bench reports (README, Scale): the nanny's default
# MALLOC_TRIM_THRESHOLD_=65536 (hand freed memory back to the system at once) makes a worker spend about 16% more CPU
# on the same batch, and the statistical profiler (a stack sample every 10 ms) a little more again. Put these in the
# workers' Dask configuration (a YAML file under ~/.config/dask/, or DASK_* variables) where the cluster is yours.
WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None unsets it (the C library's default)
    "distributed.worker.profile.enabled": False,
}


def local_cluster(workers: int, memory_limit: str = "1.5GiB", *, dask_defaults: bool = False) -> Any:
    """A LocalCluster of `workers` processes with one thread each and WORKER_CONFIG (unless `dask_defaults`): what
    the tests and bench/bench_scale.py run on. Use it as a context manager; its address is `.scheduler_address`."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({} if dask_defaults else WORKER_CONFIG):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=None,
        )


def _plugin_class() -> Any:
    from distributed import WorkerPlugin

    class TrucelineSetup(WorkerPlugin):
        """Tells each worker which actor dictionaries to load (sent as contents: workers may not share our disk)."""

        idempotent = False

        def __init__(self, dictionaries: list[tuple[str, bytes]], batch_size: int) -> None:
            self.dictionaries = dictionaries
            self.batch_size = batch_size

        def setup(self, worker: Any) -> None:
            if not self.dictionaries:
                work.configure((), self.batch_size)
                return
            # named by content: the same dictionaries keep the same paths, so a worker keeps its loaded pipeline
            # from one run to the next (truceline.scale.work.configure rebuilds it only when they change)
            digest = hashlib.sha256(repr(self.dictionaries).encode()).hexdigest()[:16]
            folder = Path(tempfile.gettempdir()) / f"truceline-actors-{digest}"
            folder.mkdir(exist_ok=True)
            paths = []
            for i, (name, data) in enumerate(self.dictionaries):
                path = folder / f"{i:02d}-{name}"
                path.write_bytes(data)
                paths.append(path)
            work.configure(paths, self.batch_size)

    return TrucelineSetup


def summarise(batch: int, key: str, results: Sequence[DocResult], files: list[str]) -> Summary:
    return {
        "batch": batch,
        "key": key,
        "files": files,
        "documents": len(results),
        "years": [r.dated_year for r in results if r.dated_year],
        "processed": sum(1 for r in results if r.status == "processed"),
        "events": sum(r.events for r in results),
        "skipped": [f"{r.origin}: {r.reason}" for r in results if r.status == "skipped"],
        "failed": [f"{r.origin}: {r.reason}" for r in results if r.status == "failed"],
        "windows": sorted({time_window(r.rows) for r in results if r.rows is not None}),
    }


def analyse_to_parquet(
    raws: Sequence[RawDocument], years_before: Counter[int], dated: work.Dated, output: str, batch: int, key: str
) -> Summary:
    """The task a worker runs: analyse a batch, write its Parquet files, then its marker; return a summary."""
    results = work.analyse_batch(raws, years_before, dated)
    folder = Path(output)
    files = parquet.write_batch(folder, batch, key, results)
    summary = summarise(batch, key, results, files)
    parquet.write_marker(folder, batch, key, summary)
    return summary


def connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError(
            "--cluster needs Dask: install the 'cluster' extra (`pip install truceline[cluster]`; `make setup` does)"
        ) from None
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise WorkerError(
            f"cannot reach the Dask scheduler at {address} ({exc.__class__.__name__}): start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS --nthreads 1`, or check the address"
        ) from None


def run_cluster(
    docs: Iterable[RawDocument],
    *,
    address: str,
    output: Path,
    actor_files: Sequence[Path],
    known_years: Sequence[int],
    batch_size: int,
    finish: Callable[[Summary], None],
    after: Callable[[Any], None] | None = None,
) -> None:
    """Analyse `docs` on the cluster at `address`, writing Parquet under `output`; `finish` gets each batch's
    summary in batch order (batches done by an earlier run included); `after` gets the client at the end."""
    from distributed import KilledWorker, wait

    output = output.resolve()  # the workers' working folder is not ours
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the output folder {output}: {exc.strerror}") from None
    client = connect(address)
    try:
        dictionaries = [(Path(p).name, Path(p).read_bytes()) for p in actor_files]
        client.register_plugin(_plugin_class()(dictionaries, batch_size), name="truceline-setup")
        plan = hashlib.sha256(json.dumps(list(known_years)).encode()).hexdigest()
        done = parquet.read_markers(output)
        keys: dict[int, str] = {}
        summaries: dict[int, Summary] = {}

        def items() -> Iterator[Batch]:
            for batch in batches(docs, batch_size):
                key = parquet.batch_key(plan, [r.id for r in batch.raws])
                keys[batch.index] = key
                summary = done.get((batch.index, key))
                if summary is not None:
                    batch.years = list(summary["years"])
                    summaries[batch.index] = summary
                yield batch

        dating: dict[int, Any] = {}  # batch -> the future of its first task, left on the workers

        def date(batch: Batch) -> Pending:
            dating[batch.index] = client.submit(work.date_batch, batch.raws, pure=False)
            return client.submit(work.years_of, dating[batch.index], pure=False)  # only the years come here

        def analyse(batch: Batch, _years: list[int], years_before: Counter[int]) -> Pending:
            key = keys[batch.index]
            dated = dating.pop(batch.index)  # passed as a future: the worker gets it from the worker that has it
            return client.submit(
                analyse_to_parquet, batch.raws, years_before, dated, str(output), batch.index, key, pure=False
            )

        def on_done(batch: Batch, summary: Summary | None) -> None:
            finish(summary if summary is not None else summaries.pop(batch.index))

        threads = max(1, sum(client.nthreads().values()))
        try:
            run_in_order(
                items(),
                known_years=known_years,
                date=date,
                years_of=lambda years: list(years),
                analyse=analyse,
                finish=on_done,
                wait_any=lambda pending: wait(pending, return_when="FIRST_COMPLETED"),
                ahead=2 * threads,
            )
        except KilledWorker as exc:
            raise WorkerError(
                f"Dask workers died running a batch ({exc}): the batches already written are kept; give the workers "
                "more memory (each needs about 600 MB) and run the same command again to go on"
            ) from None
        except OSError as exc:
            raise WorkerError(
                f"a worker could not write under {output} ({exc.__class__.__name__}: {exc}): every worker must be "
                "able to write there (a shared file system on a multi-machine cluster)"
            ) from None
        if after is not None:
            after(client)
    finally:
        client.close()
