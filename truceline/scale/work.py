"""What runs inside a worker process (a pool's or a Dask worker's): the per-report stages, loaded once per process.

A run is cut into batches of `batch_size` documents in store order, exactly as the one-process run cuts them, and a
batch is one task: `analyse_batch(raws)` -> its DocResults. Every report is analysed from itself alone (its own
metadata and text; the cross-report stage, truceline.link, runs afterwards in the one writing process), so a batch
needs nothing from the batches before it, and the rows are the same whatever the number of workers and however a
killed run is resumed. What a worker must share with the one-process path is its configuration: `PipelineConfig`
(actor dictionaries, batch size, input limits, event model), the one thing both paths build their pipeline from.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from truceline.model import RawDocument
from truceline.pipeline import Outcome, Pipeline
from truceline.scale import timeline
from truceline.settings import Limits
from truceline.store.rows import DocResult, article_rows

_PIPELINE: Pipeline | None = None
_LOCK = threading.Lock()  # a Dask worker may run several threads; the stages and spaCy run one batch at a time


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Everything a pipeline is built from, the same in this process, a pool's workers and a cluster's."""

    actor_files: tuple[Path, ...] = ()
    batch_size: int = field(default_factory=lambda: Pipeline().batch_size)
    limits: Limits = field(default_factory=Limits)
    event_model: Path | None = None  # None: the packaged event model

    def pipeline(self) -> Pipeline:
        return Pipeline(
            actor_files=self.actor_files,
            batch_size=self.batch_size,
            limits=self.limits,
            event_model=self.event_model,
        )


_CONFIG = PipelineConfig()  # what the next pipeline of this process is built with


def results(outcomes: Iterable[Outcome]) -> list[DocResult]:
    """Plain rows for the store, built here so the single writer only executes inserts."""
    out: list[DocResult] = []
    for o in outcomes:
        raw = o.raw
        if o.analysis is not None:
            out.append(DocResult(raw.id, raw.origin, "processed", None, article_rows(o.analysis)))
        elif o.skip:
            out.append(DocResult(raw.id, raw.origin, "skipped", o.skip))
        else:
            out.append(DocResult(raw.id, raw.origin, "failed", o.failure or "unknown failure"))
    return out


def init_worker(config: PipelineConfig, watch_parent: bool = True) -> None:
    """Load spaCy, the dictionaries, the event model, the gazetteer and the calibration once per worker process."""
    global _PIPELINE, _CONFIG
    _CONFIG = config
    if watch_parent:
        die_with_parent()
    from truceline.geo import gazetteer
    from truceline.learn.confidence import load_calibration
    from truceline.nlp import load_nlp

    pipeline = config.pipeline()
    pipeline.actors  # noqa: B018 - loads the dictionaries now, not in the first batch
    pipeline.typer  # noqa: B018 - and the event model
    load_nlp()
    gazetteer.get()
    load_calibration()
    _PIPELINE = pipeline


# A short report of our own, run once through a freshly loaded pipeline so that what its stages build on first use
# (compiled patterns, parsed data files, the gazetteer's fuzzy index) is built before the pool forks its workers.
WARM_UP = (
    "KABUL, 3 March 2020 - Shelling killed at least 12 civilians, including three children, and wounded 20 others "
    "in the village of Sangin in Helmand province on Tuesday, the provincial governor said. The Taliban denied any "
    "part in it. Government forces and the militants agreed to a ceasefire in Doha in February, a week after talks "
    "in Geneva; two soldiers were killed near Kandahar the next day, officials told reporters."
)


def warm_up(config: PipelineConfig) -> None:
    """Load this process's pipeline from `config` and run it over WARM_UP (its rows are dropped): a process forked
    afterwards starts with every stage ready, as a worker is after its first batch. Rows do not depend on it: every
    report is analysed from itself alone, whatever this process analysed before."""
    init_worker(config, watch_parent=False)
    pipeline = worker_pipeline()
    list(pipeline.run([RawDocument("warm-up", "text", WARM_UP, "warm-up.txt")]))


def release() -> None:
    """Drop this process's pipeline (the pool's writer, once its workers are forked from it: linking needs the
    dictionaries and the gazetteer, which stay cached, not spaCy or the event model)."""
    global _PIPELINE
    import gc

    from truceline.nlp import load_nlp

    _PIPELINE = None
    load_nlp.cache_clear()
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)  # give the freed heap back (glibc)
        except (OSError, AttributeError):
            pass


def configure(config: PipelineConfig) -> None:
    """Set what this process's pipeline is built with, on its first batch (a Dask worker plugin calls this: the
    loading then happens in a task thread, not in the worker's event loop)."""
    global _CONFIG, _PIPELINE
    if config != _CONFIG:
        _CONFIG = config
        _PIPELINE = None


def worker_pipeline() -> Pipeline:
    if _PIPELINE is None:
        init_worker(_CONFIG, watch_parent=False)
    assert _PIPELINE is not None
    return _PIPELINE


def analyse_batch(raws: Sequence[RawDocument]) -> list[DocResult]:
    """A batch's task: every per-report stage over its documents, in order."""
    with _LOCK, timeline.span("worker", "batch", str(len(raws))):
        pipeline = worker_pipeline()
        return results(pipeline.run(raws))


def die_with_parent() -> None:
    """A worker whose parent is killed (kill -9 leaves no time to stop a pool) exits instead of idling forever."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel kills us when the parent dies
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="truceline-parent-watch", daemon=True).start()
