"""`truceline process --cluster tcp://HOST:PORT --output DIR`: the per-report stages on a Dask distributed cluster.

The client (this process) reads the pending reports from the store and sends them in batches; each worker loads the
pipeline once (a worker plugin configures it with this process's configuration, dictionaries and event model sent
as contents; the first batch loads it), analyses a batch and writes it as Parquet under DIR
(truceline.scale.parquet: one file per publication month, then a marker saying the batch is complete). The store is
not written: `truceline load DIR` brings the rows in and links them (the cross-report stage runs where the store
is). DIR must be a folder every worker can write (on one machine, any folder; on a cluster, a shared file system).

Killed and started again with the same store, configuration and DIR, a run skips the batches whose markers exist
and does the others: each report ends up in exactly one complete batch.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from truceline.errors import ConfigError, WorkerError
from truceline.model import RawDocument
from truceline.scale import parquet, work
from truceline.scale.schedule import Batch, Pending, batches, run_in_order
from truceline.store.rows import DocResult

Summary = dict[str, Any]

# Dask settings for workers that run Truceline, measured on bench reports (README, Scale): the nanny's default
# MALLOC_TRIM_THRESHOLD_=65536 (hand freed memory back to the system at once) makes a worker spend about 23% more CPU
# on the same batch, and the statistical profiler (a stack sample every 10 ms) a little more again. Put these in the
# workers' Dask configuration (a YAML file under ~/.config/dask/, or DASK_* variables) where the cluster is yours.
WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None unsets it (the C library's default)
    "distributed.worker.profile.enabled": False,
}


def local_cluster(
    workers: int, memory_limit: str = "1.5GiB", *, dask_defaults: bool = False, start_timeout: float = 120.0
) -> Any:
    """A LocalCluster of `workers` processes with one thread each and WORKER_CONFIG (unless `dask_defaults`): what
    the tests and bench/bench_scale.py run on. Use it as a context manager; its address is `.scheduler_address`.
    One that has not started within `start_timeout` seconds (or cannot start) raises WorkerError."""
    import dask
    from distributed import LocalCluster

    made: dict[str, Any] = {}

    def build() -> None:
        try:
            made["cluster"] = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                memory_limit=memory_limit,
                dashboard_address=None,
                death_timeout=start_timeout,  # a worker that cannot reach its scheduler ends
            )
        except Exception as exc:  # Dask raises many types here (ports, spawning, timeouts)
            made["error"] = f"{exc.__class__.__name__}: {exc}"

    with dask.config.set({} if dask_defaults else WORKER_CONFIG):
        thread = threading.Thread(target=build, name="truceline-local-cluster", daemon=True)
        thread.start()
        thread.join(start_timeout)
    if "cluster" in made:
        return made["cluster"]
    why = made.get("error") or f"not started after {start_timeout:.0f} s"
    raise WorkerError(f"cannot start a Dask LocalCluster of {workers} worker(s) here ({why})")


Files = list[tuple[str, bytes]]  # (name, contents)


def _plugin_class() -> Any:
    from distributed import WorkerPlugin

    class TrucelineSetup(WorkerPlugin):
        """Gives each worker the client's pipeline configuration, its actor dictionaries and event model sent as
        contents (workers may not share our disk)."""

        idempotent = False

        def __init__(self, config: work.PipelineConfig, dictionaries: Files, event_model: Files) -> None:
            self.config = config
            self.dictionaries = dictionaries
            self.event_model = event_model

        def setup(self, worker: Any) -> None:
            paths = _materialise(self.dictionaries)
            model = _materialise(self.event_model)
            work.configure(replace(self.config, actor_files=tuple(paths), event_model=model[0] if model else None))

    return TrucelineSetup


def _materialise(files: Files) -> list[Path]:
    """Write files sent to a worker into a folder named by their contents, so the same files keep the same paths
    and a worker keeps its loaded pipeline from one run to the next (work.configure rebuilds it only on a change)."""
    if not files:
        return []
    digest = _digest(files)[:16]
    folder = Path(tempfile.gettempdir()) / f"truceline-files-{digest}"
    folder.mkdir(exist_ok=True)
    paths = []
    for i, (name, data) in enumerate(files):
        path = folder / f"{i:02d}-{name}"
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths


def _plan(config: work.PipelineConfig, dictionaries: Files, event_model: Files) -> str:
    """Names what a run's batches are computed with (configuration and file contents): a resumed run reuses only
    batches written with the same."""
    settings = repr(asdict(replace(config, actor_files=(), event_model=None)))
    return _digest([("settings", settings.encode()), *dictionaries, ("event_model", b""), *event_model])


def _digest(files: Files) -> str:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def summarise(batch: int, key: str, results: Sequence[DocResult], files: list[str]) -> Summary:
    return {
        "batch": batch,
        "key": key,
        "files": files,
        "documents": len(results),
        "processed": sum(1 for r in results if r.status == "processed"),
        "events": sum(r.events for r in results),
        "skipped": [f"{r.origin}: {r.reason}" for r in results if r.status == "skipped"],
        "failed": [f"{r.origin}: {r.reason}" for r in results if r.status == "failed"],
    }


def analyse_to_parquet(raws: Sequence[RawDocument], output: str, batch: int, key: str) -> Summary:
    """The task a worker runs: analyse a batch, write its Parquet files, then its marker; return a summary."""
    results = work.analyse_batch(raws)
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
    config: work.PipelineConfig,
    finish: Callable[[Summary], None],
    total: int | None = None,
) -> None:
    """Analyse `docs` on the cluster at `address` with `config`, writing Parquet under `output`; `finish` gets each
    batch's summary in batch order (batches done by an earlier run included). The batches are cut as
    schedule.batches cuts them given `total` (how many documents `docs` holds): from what is pending alone, so a
    killed run started again over the same pending documents cuts the same batches and skips those already done."""
    from distributed import KilledWorker

    output = output.resolve()  # the workers' working folder is not ours
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the output folder {output}: {exc.strerror}") from None
    dictionaries = [(Path(p).name, Path(p).read_bytes()) for p in config.actor_files]
    event_model = [(config.event_model.name, config.event_model.read_bytes())] if config.event_model else []
    plan = _plan(config, dictionaries, event_model)
    client = connect(address)
    try:
        client.register_plugin(_plugin_class()(config, dictionaries, event_model), name="truceline-setup")
        done = parquet.read_markers(output)
        keys: dict[int, str] = {}
        summaries: dict[int, Summary] = {}

        def items() -> Iterator[Batch]:
            for batch in batches(docs, config.batch_size, total):
                key = parquet.batch_key(plan, [r.id for r in batch.raws])
                keys[batch.index] = key
                summary = done.get((batch.index, key))
                if summary is not None:
                    batch.done = True
                    summaries[batch.index] = summary
                yield batch

        def submit(batch: Batch) -> Pending:
            key = keys[batch.index]
            return client.submit(analyse_to_parquet, batch.raws, str(output), batch.index, key, pure=False)

        def on_done(batch: Batch, summary: Summary | None) -> None:
            finish(summary if summary is not None else summaries.pop(batch.index))

        threads = max(1, sum(client.nthreads().values()))
        try:
            run_in_order(items(), submit=submit, finish=on_done, ahead=2 * threads)
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
    finally:
        client.close()
