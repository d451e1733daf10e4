"""The library functions every command calls: the CLI is a thin skin over these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from truceline.errors import Skip
from truceline.link import LinkReport
from truceline.model import RawDocument
from truceline.pipeline import Outcome, Pipeline
from truceline.stages.ingest import iter_documents
from truceline.store import Store

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
    link: LinkReport | None = None


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    stdin: IO[bytes] | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read reports into the store. Known content hashes change nothing; skips are recorded with their reason."""
    report = IngestReport()
    chunk: list[RawDocument] = []
    for item in iter_documents(paths, stdin=stdin):
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


def process(
    store: Store,
    *,
    actors: Sequence[Path] = (),
    retry_failed: bool = False,
    progress: Callable[[int], None] | None = None,
    link_after: bool = True,
    agreements: Sequence[Path] = (),
    event_model: Path | None = None,
) -> ProcessReport:
    """Run every stage on the documents not processed yet; each article is written in its own transaction. Then,
    unless `link_after` is False, link the new reports across the corpus (truceline.link).

    `event_model` names a model file of `truceline train events` (None: the packaged event model)."""
    report = ProcessReport()
    pipeline = Pipeline(actor_files=actors, event_model=event_model)

    def done(out: Outcome) -> None:
        if out.analysis is not None:
            store.save_analysis(out.analysis)
            report.processed += 1
            report.events += len(out.analysis.events)
        elif out.skip:
            store.mark_document(out.raw.id, "skipped", out.skip)
            store.record_skip(out.raw.origin, out.skip, "process")
            report.skipped.append(f"{out.raw.origin}: {out.skip}")
        else:
            reason = out.failure or "unknown failure"
            store.mark_document(out.raw.id, "failed", reason)
            report.failed.append(f"{out.raw.origin}: {reason}")
        if progress:
            progress(1)

    docs = store.pending_documents(retry_failed=retry_failed)
    for _ in pipeline.run(docs, on_done=done):
        pass
    if link_after:
        report.link = link(store, agreements=agreements)
    return report


def link(store: Store, *, progress: Callable[[int], None] | None = None, agreements: Sequence[Path] = ()) -> LinkReport:
    """Link the reports not linked yet across the corpus: copies, stories, event clusters, canonical events,
    agreements (truceline.link); `agreements` are the user's agreements files."""
    from truceline.link import link as run_link

    return run_link(store, progress=progress, agreement_files=agreements)


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
