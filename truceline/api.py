"""The library functions every command calls: the CLI is a thin skin over these."""

from __future__ import annotations

import os
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO

from truceline.errors import ConfigError, Skip
from truceline.link import LinkReport
from truceline.model import RawDocument
from truceline.scale import timeline
from truceline.scale.work import PipelineConfig
from truceline.settings import DEFAULT_LINK_WINDOW, Limits
from truceline.stages.ingest import iter_documents
from truceline.store import Store
from truceline.store.rows import DocResult

INGEST_CHUNK = 500


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    new: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ProcessReport:
    processed: int = 0
    events: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    link: LinkReport | None = None  # what linking did after processing (None: not linked, as on a cluster run)
    workers: int = 1  # processes that ran the per-report stages (0: a Dask cluster)
    output: Path | None = None  # the Parquet folder of a cluster run

    def add(self, results: Sequence[DocResult]) -> None:
        for r in results:
            if r.status == "processed":
                self.processed += 1
                self.events += r.events
            elif r.status == "skipped":
                self.skipped.append(f"{r.origin}: {r.reason}")
            else:
                self.failed.append(f"{r.origin}: {r.reason}")


@dataclass(slots=True)
class LoadReport:
    files: int = 0
    read: int = 0
    loaded: int = 0
    already: int = 0  # already stored by an earlier load or run, or not a document of this store
    link: LinkReport | None = None


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    stdin: IO[bytes] | None = None,
    progress: Callable[[int], None] | None = None,
    limits: Limits | None = None,
) -> IngestReport:
    """Read reports into the store. Known content hashes change nothing; skips are recorded with their reason."""
    report = IngestReport()
    chunk: list[RawDocument] = []
    for item in iter_documents(paths, stdin=stdin, limits=limits):
        if isinstance(item, Skip):
            report.skipped.append(str(item))
            store.record_skip(item.origin, item.reason, "ingest")
            continue
        report.read += 1
        chunk.append(item)
        if len(chunk) >= INGEST_CHUNK:
            report.new += store.add_documents(chunk)
            chunk = []
        if progress:
            progress(1)
    report.new += store.add_documents(chunk)
    return report


def default_workers() -> int:
    """`workers` in truceline.yaml, else the machine's cores."""
    from truceline.settings import load_settings

    configured = load_settings().workers
    return configured if configured else max(1, os.cpu_count() or 1)


def process(
    store: Store,
    *,
    actors: Sequence[Path] = (),
    retry_failed: bool = False,
    progress: Callable[[int], None] | None = None,
    link_after: bool = True,
    agreements: Sequence[Path] = (),
    event_model: Path | None = None,
    limits: Limits | None = None,
    workers: int | None = None,
    cluster: str | None = None,
    output: Path | None = None,
    batch_size: int | None = None,
    link_window: int = DEFAULT_LINK_WINDOW,
) -> ProcessReport:
    """Run every stage on the documents not processed yet, then, unless `link_after` is False, link the new reports
    across the corpus (truceline.link) in this process.

    Documents go in batches (`batch_size`, the pipeline's by default) through `workers` processes (None: the
    settings' `workers`, else the machine's cores; 1: this process, no pool), every one building its pipeline from
    the same `actors`, `event_model` (a model file of `truceline train events`; None: the packaged one) and `limits`.
    Every report is analysed from itself alone, so the rows are the same whatever the number of workers. This
    process is the one writer: each batch is stored in one transaction, in order, every document with its rows and
    its new status together, so a run killed at any point goes on where it stopped and gives exactly what an
    uninterrupted run gives. With `cluster` (a Dask scheduler address) the batches run on that cluster and are
    written as Parquet under `output` instead, and nothing is linked: `load` brings them into the store and links.

    Linking goes window by window (`link_window` consecutive stored documents, by their position in the store;
    0: the whole run at its end): a window is linked, in publication order, as soon as its last report is stored,
    while the workers go on with the next batches, so linking overlaps the per-report stages. Windows are fixed by
    position, not by how the run was cut into batches, so any number of workers, a killed and resumed run, and
    `load` after a cluster run all link the same windows in the same order and store the same stories, clusters
    and canonical events.
    """
    setup = time.monotonic(), time.process_time()  # for the optional timeline (truceline.scale.timeline)
    config = PipelineConfig(
        actor_files=tuple(actors),
        batch_size=batch_size or PipelineConfig().batch_size,
        limits=limits or Limits(),
        event_model=event_model,
    )
    if config.batch_size < 1:
        raise ConfigError(f"the batch size must be at least 1, got {config.batch_size}")
    wanted = default_workers() if workers is None else workers
    if wanted < 1:
        raise ConfigError(f"--workers must be at least 1, got {wanted}")
    report = ProcessReport()
    docs = store.pending_documents(retry_failed=retry_failed)
    # how many there are: the run's last stretch is cut into smaller batches by it (scale.schedule.batches)
    pending = store.count_pending(retry_failed=retry_failed)
    if cluster:
        if output is None:
            raise ConfigError("--cluster writes Parquet: name the folder with --output DIR (then `truceline load DIR`)")
        _process_on_cluster(report, docs, pending, cluster, output, config, progress)
        return report

    from truceline.scale.pool import run_inline, run_pool

    windows = _Windows(store, link_window if link_after else 0, agreements)
    windows.start(store.first_pending_position(retry_failed=retry_failed))

    def write(results: list[DocResult]) -> None:
        with timeline.span("writer", "store", str(len(results))):
            store.save_results(results)
            report.add(results)
        if progress and results:
            progress(len(results))
        windows.stored([r.doc_id for r in results])

    # never more processes than batches of the full size: a small run stays in this process
    report.workers = max(1, min(wanted, -(-pending // config.batch_size)))
    timeline.since("writer", "setup", *setup, f"{report.workers} workers")
    if report.workers == 1:
        run_inline(docs, config=config, write=write, total=pending)
    else:
        # enough batches in flight that the workers keep busy while this process links a window
        ahead = 2 * report.workers + min(MAX_AHEAD, windows.size // config.batch_size)
        run_pool(docs, workers=report.workers, config=config, write=write, ahead=ahead, total=pending)
    if link_after:
        report.link = windows.finish()
    return report


def link_leftover(
    store: Store, *, agreements: Sequence[Path] = (), link_window: int = DEFAULT_LINK_WINDOW
) -> LinkReport:
    """Link what a run killed after its last batch was stored left unlinked, by the windows `process` links (the
    windows wholly stored first, then the rest), so the result is the uninterrupted run's."""
    windows = _Windows(store, link_window, agreements)
    last = store.end_position()
    if last is not None:
        windows.start(last + 1)
    return windows.finish()


TAIL_PARTS = 4  # the stretch after a run's last full link window is linked in windows of a quarter of what is left
TAIL_FLOOR = 32  # ... down to windows this many times smaller than a whole one (16 reports of 512)
MAX_AHEAD = 32  # batches held beyond two per worker while a window is linked (their rows wait in memory)


class _Windows:
    """Links a run's reports window by window: the documents at positions [k*size, (k+1)*size) of the store once
    the last of them is stored (see `process`), each window in its own `link` call; `finish` links the rest.

    The stretch after the last full window, when the store holds at least one full window before it, is linked in
    windows that shrink toward the store's end, each a quarter of what is left (TAIL_PARTS), down to `size` //
    TAIL_FLOOR reports: what is left to link once the per-report stages are done (on one core while the others
    idle) is then at most that floor (16 reports) rather than up to a whole window. The windows follow
    from the positions and the store's last position alone, so every run over the same stored documents (any number
    of workers, killed and resumed, `load` after a cluster run) links the same windows in the same order."""

    def __init__(self, store: Store, size: int, agreements: Sequence[Path]) -> None:
        self.store = store
        self.size = size
        self.agreements = agreements
        self.below = 0  # every window under this position is linked
        self.report = LinkReport()
        self.ends = _window_ends(size, store.end_position() or 0)

    def start(self, first_pending: int | None) -> None:
        """Link the windows wholly stored before the run (a killed run's, which it had not linked yet)."""
        if not self.size or first_pending is None:
            return
        edge = self._aligned(first_pending)
        lowest = self.store.link.first_pending_position()
        self.below = edge if lowest is None else min(edge, self._aligned(lowest))
        self._link_below(edge)

    def stored(self, doc_ids: Sequence[str]) -> None:
        """A whole batch is stored (documents in position order, every one before it stored too)."""
        if not self.size or not doc_ids:
            return
        top = self.store.last_position(doc_ids)
        if top is not None:
            # documents are stored in position order: one at `top` means every one before it is stored
            self._link_below(self._aligned(top))

    def finish(self) -> LinkReport:
        with timeline.span("writer", "final"):
            self._add(link(self.store, agreements=self.agreements))
        return self.report

    def _aligned(self, position: int) -> int:
        """The start of the window holding `position` (the end of the last window wholly below it)."""
        return self.ends[bisect_right(self.ends, position) - 1] if self.ends and position >= self.ends[0] else 0

    def _link_below(self, edge: int) -> None:
        for end in self.ends[bisect_right(self.ends, self.below) : bisect_right(self.ends, edge)]:
            with timeline.span("writer", "link", str(end)):
                self._add(link(self.store, agreements=self.agreements, before=end))
        self.below = max(self.below, edge)

    def _add(self, part: LinkReport) -> None:
        for f in fields(part):
            mine, theirs = getattr(self.report, f.name), getattr(part, f.name)
            if isinstance(mine, set):
                mine.update(theirs)
            else:
                setattr(self.report, f.name, mine + theirs)


def _window_ends(size: int, last: int) -> list[int]:
    """The ends (exclusive positions) of the windows below the store's `last` position: multiples of `size`, then,
    past the last of them and when there is one, windows of a quarter of what is left to the store's end (at most a
    quarter window, TAIL_PARTS), down to `size` // TAIL_FLOOR reports (see _Windows)."""
    if size <= 0:
        return []
    ends = list(range(size, last + 1, size))
    if ends:
        floor = max(1, size // TAIL_FLOOR)
        end = ends[-1]
        while True:
            step = max(floor, -(-(last + 1 - end) // TAIL_PARTS))
            if end + step > last:
                break
            end += step
            ends.append(end)
    return ends


def _process_on_cluster(
    report: ProcessReport,
    docs: Iterable[RawDocument],
    pending: int,
    address: str,
    output: Path,
    config: PipelineConfig,
    progress: Callable[[int], None] | None,
) -> None:
    from truceline.scale.cluster import Summary, run_cluster

    report.workers = 0
    report.output = output

    def finish(summary: Summary) -> None:
        report.processed += summary["processed"]
        report.events += summary["events"]
        report.skipped.extend(summary["skipped"])
        report.failed.extend(summary["failed"])
        if progress:
            progress(summary["documents"])

    run_cluster(docs, address=address, output=output, config=config, finish=finish, total=pending)


def load(
    store: Store,
    folder: Path,
    *,
    progress: Callable[[int], None] | None = None,
    link_after: bool = True,
    agreements: Sequence[Path] = (),
    link_window: int = DEFAULT_LINK_WINDOW,
) -> LoadReport:
    """Bring the Parquet output of a cluster run into the store, a file per transaction, in the run's batch order,
    then, unless `link_after` is False, link what is not linked yet, in the same windows as `process` (so a cluster
    run and its load store what a run on this machine stores).
    Documents already processed (by an earlier load or run) are left as they are, so loading twice stores nothing
    twice; a document the store does not hold is not loaded (ingest it first)."""
    from truceline.scale.parquet import iter_results

    report = LoadReport()
    windows = _Windows(store, link_window if link_after else 0, agreements)
    windows.start(store.first_pending_position())
    batch_name, batch_ids = (
        "",
        list[str](),
    )  # a batch's files (one per publication month) share a name and come together
    for path, results in iter_results(folder):
        if path.name != batch_name:
            windows.stored(batch_ids)  # the batch before is wholly loaded: its windows may be linked
            batch_name, batch_ids = path.name, []
        written = store.load_results(results)
        batch_ids.extend(r.doc_id for r in written)
        report.files += 1
        report.read += len(results)
        report.loaded += len(written)
        report.already += len(results) - len(written)
        if progress:
            progress(len(results))
    windows.stored(batch_ids)
    if link_after:
        report.link = windows.finish()
    return report


def link(
    store: Store,
    *,
    progress: Callable[[int], None] | None = None,
    agreements: Sequence[Path] = (),
    before: int | None = None,
) -> LinkReport:
    """Link the reports not linked yet across the corpus: copies, stories, event clusters, canonical events,
    agreements (truceline.link); `agreements` are the user's agreements files; `before` (a position in the store's
    documents) links only the reports stored before it."""
    from truceline.link import link as run_link

    return run_link(store, progress=progress, agreement_files=agreements, before=before)


def show(store: Store, article_id: str) -> str:
    """The cleaned text of one article with every extraction marked inline, then a legend of what was found."""
    from truceline.errors import InputError

    found = store.articles(article_id)
    if not found:
        raise InputError(f"no article {article_id!r} in {store.path}: list ids with `truceline articles`")
    if len(found) > 1:
        raise InputError(f"{article_id!r} matches {len(found)} articles: give more of the id")
    art = found[0]
    body = str(art["body"])
    mentions = store.mentions(str(art["id"]))
    marks = {"time": "T", "actor": "A", "place": "P", "quantity": "Q"}
    # Mark non-overlapping mentions, earliest first, longest first; overlapped ones are still listed below.
    pieces: list[str] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (int(m["start"]), -int(m["end"]))):
        start, end = int(m["start"]), int(m["end"])
        if start < pos:
            continue
        pieces.append(body[pos:start])
        pieces.append(f"[{body[start:end]}]{marks.get(str(m['layer']), '?')}")
        pos = end
    pieces.append(body[pos:])
    lines = [f"# {art['title'] or '(no title)'}", f"id {art['id']}  origin {art['origin']}"]
    lines.append(f"published {art['published']} ({art['published_precision']})")
    for ev in art["published_evidence"]:
        lines.append(f"  evidence: {ev}")
    lines.append("")
    lines.append("".join(pieces))
    lines.append("")
    lines.append("legend: [..]T time  [..]A actor  [..]P place  [..]Q quantity")
    for m in mentions:
        lines.append(f"  {m['layer']:<8} {m['start']:>5}-{m['end']:<5} {m['text']!r} -> {m['label']}")
    from truceline.store import EventFilter

    events = store.events(EventFilter(article=str(art["id"])))
    lines.append("")
    lines.append(f"events ({len(events)}):")
    for ev in events:
        actor = ev.get("actor") or {}
        recipient = ev.get("recipient") or {}
        trig = ev.get("trigger") or {}
        lines.append(
            f"  {ev['id']} {ev['type']}/{ev.get('mode')} {ev['stance']} "
            f"{actor.get('name') or actor.get('text')} -> {recipient.get('name') or recipient.get('text')} "
            f"trigger {trig.get('text')!r} date {ev['date']} ({ev['date_precision']})"
            + (f" confidence {ev['confidence']}" if ev.get("confidence") is not None else "")
        )
    if art["captions"]:
        lines.append("")
        lines.append("captions:")
        for cap in art["captions"]:
            lines.append(f"  {cap['text']}")
    if art["dropped_lines"]:
        lines.append("")
        lines.append("dropped lines:")
        for d in art["dropped_lines"]:
            lines.append(f"  [{d['reason']}] {d['text']}")
    return "\n".join(lines)
