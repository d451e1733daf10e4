"""What runs inside a worker process (a pool's or a Dask worker's): the per-report stages, loaded once per process.

A run is cut into batches of `Pipeline.batch_size` documents in store order, exactly as the one-process run cuts
them. One thing ties a batch to the ones before it: the story hint (the year most reports so far were dated in, for
reports that leave their year open) counts the day-dated reports of every earlier batch. So each batch goes through
two tasks:

    date_batch(raws)                         -> Dated: the years its reports are dated to the day by their own
                                                evidence, and the cleaned, dated articles (cleaning and
                                                publication dates: about 7% of a batch's work)
    analyse_batch(raws, years_before, dated) -> its DocResults, with the story hint the one-process run would have
                                                given, the rest of the stages taking the articles over

and the caller hands each batch the years of all batches before it. The output is then the same whatever the
number of workers, and a resumed run gives the same as an uninterrupted one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from truceline.model import Article, RawDocument
from truceline.pipeline import Outcome, Pipeline
from truceline.store.rows import DocResult, article_rows

_PIPELINE: DatingPipeline | None = None
_CONFIG: tuple[tuple[Path, ...], int] = ((), 64)  # (actor files, batch size) the next pipeline is built with
_LOCK = threading.Lock()  # a Dask worker may run several threads; the stages and spaCy run one batch at a time


class DatingPipeline(Pipeline):
    """The pipeline, noting the year each report was dated to the day by its own evidence when it was cleaned (the
    years the story hint counts), so the store can keep them for a resumed run."""

    def __init__(self, actor_files: Sequence[Path] = (), batch_size: int = 64) -> None:
        super().__init__(actor_files=actor_files, batch_size=batch_size)
        self.dated: dict[str, int] = {}
        self.cleaned: dict[str, Article] = {}  # articles the dating task already cleaned and dated, by document id

    def _article(self, raw: RawDocument) -> Article:
        art = self.cleaned.pop(raw.id, None) or Pipeline._article(self, raw)
        year = _day_year(art)
        if year:
            self.dated[raw.id] = year
        return art

    def date(self, raw: RawDocument) -> tuple[int, Article | None]:
        """The year counted for the story hint, and the cleaned article it came from (the first of a batch's two
        tasks; the second reuses the article). A report that fails here is tried again, and recorded, there."""
        art = None
        with contextlib.suppress(Exception):
            art = Pipeline._article(self, raw)
        return (_day_year(art) if art else 0), art


def _day_year(art: Article) -> int:
    """The year the story hint counts for this article (the test Pipeline._run_batch applies), else 0."""
    pub = art.published
    return pub.earliest.year if pub.precision == "day" and pub.earliest else 0


def results(pipeline: DatingPipeline, outcomes: Iterable[Outcome]) -> list[DocResult]:
    """Plain rows for the store, built here so the single writer only executes inserts."""
    out: list[DocResult] = []
    for o in outcomes:
        raw = o.raw
        dated = pipeline.dated.pop(raw.id, 0)
        if o.analysis is not None:
            out.append(DocResult(raw.id, raw.origin, "processed", None, dated, article_rows(o.analysis)))
        elif o.skip:
            out.append(DocResult(raw.id, raw.origin, "skipped", o.skip, dated))
        else:
            out.append(DocResult(raw.id, raw.origin, "failed", o.failure or "unknown failure", dated))
    return out


def init_worker(actor_files: Sequence[Path] = (), batch_size: int = 64, watch_parent: bool = True) -> None:
    """Load spaCy, the dictionaries, the gazetteer and the calibration once per worker process."""
    global _PIPELINE, _CONFIG
    _CONFIG = (tuple(actor_files), batch_size)
    if watch_parent:
        _die_with_parent()
    from truceline.geo import gazetteer
    from truceline.learn.confidence import load_calibration
    from truceline.nlp import load_nlp

    pipeline = DatingPipeline(actor_files=actor_files, batch_size=batch_size)
    pipeline.actors  # noqa: B018 - loads the dictionaries now, not in the first batch
    load_nlp()
    gazetteer.get()
    load_calibration()
    _PIPELINE = pipeline


def configure(actor_files: Sequence[Path], batch_size: int) -> None:
    """Set what this process's pipeline is built with, on its first batch (a Dask worker plugin calls this: the
    loading then happens in a task thread, not in the worker's event loop)."""
    global _CONFIG, _PIPELINE
    config = (tuple(actor_files), batch_size)
    if config != _CONFIG:
        _CONFIG = config
        _PIPELINE = None


def worker_pipeline() -> DatingPipeline:
    if _PIPELINE is None:
        init_worker(*_CONFIG, watch_parent=False)
    assert _PIPELINE is not None
    return _PIPELINE


@dataclass(frozen=True, slots=True)
class Dated:
    """What the first task of a batch found: the years its reports are dated to the day in, in order (reports not
    so dated left out), and the cleaned, dated articles, which the second task takes instead of redoing them."""

    years: list[int]
    articles: dict[str, Article]


def date_batch(raws: Sequence[RawDocument]) -> Dated:
    """The first task of a batch: cleaning and publication dates."""
    with _LOCK:
        pipeline = worker_pipeline()
        years: list[int] = []
        articles: dict[str, Article] = {}
        for raw in raws:
            year, art = pipeline.date(raw)
            if year:
                years.append(year)
            if art is not None:
                articles[raw.id] = art
        return Dated(years, articles)


def years_of(dated: Dated) -> list[int]:
    return dated.years


def analyse_batch(
    raws: Sequence[RawDocument], years_before: Counter[int], dated: Dated | None = None
) -> list[DocResult]:
    """The second task of a batch: every per-report stage, given the dated years of all earlier batches in order
    (and the batch's own cleaned articles when the first task's result is at hand)."""
    with _LOCK:
        pipeline = worker_pipeline()
        pipeline.cleaned = dict(dated.articles) if dated else {}
        # Pipeline.run builds its year count as Counter(known_years): a Counter passed here is copied with its
        # counts and its order (the order breaks ties between equally common years), in O(distinct years).
        known = cast(Sequence[int], years_before)
        try:
            return results(pipeline, pipeline.run(raws, known_years=known))
        finally:
            pipeline.cleaned = {}


def _die_with_parent() -> None:
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
