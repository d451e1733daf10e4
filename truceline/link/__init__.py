"""Linking across reports: the corpus-level stage that runs after the per-report stages.

    reports as stored ─ copies (MinHash/LSH) ─ stories ─ event clusters ─ canonical events ─ agreements
                      ─ contradictions ─ dates fed back from each report's story

It is incremental: `link(store)` links only the reports not linked yet (or processed again since), in publication
order, ``BATCH`` reports to a transaction, against what is stored; nothing is re-clustered. A run killed at any moment
(kill -9 included) leaves whole batches only, and the next run links the rest in the same order, so linking a corpus
in one run, in several, or killed and resumed gives the same stories, clusters and canonical events. Every lookup is blocked (LSH buckets, a story index by
month, a story's clusters by days), never all pairs. Its tables are its own (truceline/store/link.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from truceline.link import agreements, passages
from truceline.link.canonical import Merger
from truceline.link.cluster import Decide, Linker, model_decider, periods_met
from truceline.link.dates import feed_back
from truceline.link.features import DATE_SPAN_MAX, Report, build_report
from truceline.link.resolve import AgreementLinker
from truceline.link.score import Scorer
from truceline.store import Store
from truceline.store.link import Group

__all__ = ["LinkReport", "link", "pending_reports"]

CONFIDENT = 0.8  # a report placed in its cluster this surely dates itself by the cluster rather than the story
BATCH = 32  # reports linked per transaction: a killed run loses at most these, and links them again when resumed


@dataclass(slots=True)
class LinkReport:
    linked: int = 0
    copies: int = 0
    new_stories: int = 0
    new_clusters: int = 0
    passages: int = 0  # passages attached to a story other than their report's
    new_events: int = 0  # canonical events founded
    agreement_mentions: int = 0  # agreement mentions resolved (or founding a corpus agreement)
    agreements_seeded: int = 0  # known and user agreements stored on this run
    redated: int = 0  # reports whose open year their story settled
    compared: int = 0  # candidate groups scored (blocking keeps this a small multiple of `linked`)
    stories: set[str] = field(default_factory=set)
    clusters: set[str] = field(default_factory=set)


def pending_reports(
    store: Store, *, since: str | None = None, until: str | None = None, rows: dict[str, dict[str, Any]] | None = None
) -> list[Report]:
    """The reports `link` would link now, in the order it links them (`rows` collects their article rows)."""
    out = []
    for art in store.link.pending(since=since, until=until, span_max=DATE_SPAN_MAX):
        mentions = store.link.mentions(str(art["id"]), ("actor", "place"))
        out.append(build_report(art, mentions, store.link.article_events(str(art["id"]))))
        if rows is not None:
            rows[str(art["id"])] = art
    return out


def link(
    store: Store,
    *,
    scorer: Scorer | None = None,
    decide: Decide | None = None,
    since: str | None = None,
    until: str | None = None,
    progress: Callable[[int], None] | None = None,
    agreement_files: Sequence[Path] = (),
    before: int | None = None,
) -> LinkReport:
    """Link every report not linked yet (see the module docstring); returns what changed. `agreement_files` are
    the user's agreements files (`agreements:` in truceline.yaml); `before` (a position in the documents table)
    links only the reports stored before it: `process` links a run window by window (truceline.api)."""
    report = LinkReport()
    ids = store.link.pending_ids(since=since, until=until, span_max=DATE_SPAN_MAX, before=before)
    with store.link.transaction():
        report.agreements_seeded = agreements.seed(store.link, agreement_files)
    if not ids:
        return report
    if decide is None:
        scorer = scorer or Scorer.packaged()
        linker = Linker(store.link, model_decider(scorer), scorer)
    else:
        linker = Linker(store.link, decide)
    merger = Merger(store.link)
    resolver = AgreementLinker(store.link)
    for start in range(0, len(ids), BATCH):
        with store.link.transaction():
            for article_id in ids[start : start + BATCH]:
                art = store.link.article_row(article_id)
                if art is None:
                    continue
                rep = build_report(
                    art, store.link.mentions(article_id, ("actor", "place")), store.link.article_events(article_id)
                )
                _link_one(store, linker, merger, resolver, rep, art, report)
        if progress:
            progress(min(BATCH, len(ids) - start))
    report.compared = linker.compared + merger.compared
    return report


def _link_one(
    store: Store,
    linker: Linker,
    merger: Merger,
    resolver: AgreementLinker,
    rep: Report,
    article: dict[str, Any],
    report: LinkReport,
) -> None:
    """Link one report: its place in a story and cluster, its passages, dates, canonical events and agreements."""
    merger.forget_report(rep.id)
    for agreement_id in store.link.forget_agreement_links(rep.id):
        resolver.refresh(agreement_id)

    def redate(rep: Report, story: Group) -> Report | None:
        periods: list[tuple[date, date]] = []
        if not feed_back(store.link, rep, article, None, story, False, narrow_only=True, periods=periods):
            return replace(rep, periods=tuple(periods)) if periods else None
        report.redated += 1
        fresh = store.link.article_row(rep.id)
        if fresh is None:
            return None
        article.update(fresh)  # the stored row as re-dated, for what follows the placement
        return build_report(fresh, store.link.mentions(rep.id, ("actor", "place")), store.link.article_events(rep.id))

    placed = linker.place(rep, redate)
    rep = placed.report or rep
    story = store.link.group("link_stories", placed.story_id)
    attached = passages.attach(linker, rep, story) if story is not None else []
    latest = rep.latest.isoformat() if rep.latest else None
    cluster = store.link.group("link_clusters", placed.cluster_id)
    confident = placed.cluster_score >= CONFIDENT and not placed.new_cluster
    if cluster is not None and not placed.new_cluster:
        # of the few periods its text leaves in its story, the cluster it was placed in meets one: that is when the
        # happening it tells was reported (its placement among that period's clusters was the choice)
        confident = confident or len(periods_met(rep, cluster) or ()) == 1
    if story is not None and feed_back(store.link, rep, article, cluster, story, confident):
        report.redated += 1
        latest = store.link.published_latest(rep.id) or latest
    report.passages += len(attached)
    row = {
        "story_id": placed.story_id,
        "cluster_id": placed.cluster_id,
        "source": rep.source,
        "copy_of": placed.copy_of,
        "date_lo": rep.date_lo.isoformat() if rep.date_lo else None,
        "date_hi": rep.date_hi.isoformat() if rep.date_hi else None,
        # what the text bounds the report's day to, when no stated date does: it tells events apart, not together
        "bound_lo": article.get("published_earliest"),
        "bound_hi": article.get("published_latest"),
    }
    report.new_events += merger.add_report(rep.id, row, [(s, e, sid) for s, e, sid, _ in attached], rep.body)
    dated = {**row, "article_id": rep.id, "latest": latest, "earliest": article.get("published_earliest")}
    report.agreement_mentions += len(resolver.add_report(rep.id, rep.body, dated))
    report.linked += 1
    report.copies += placed.copy_of != rep.id
    report.new_stories += placed.new_story
    report.new_clusters += placed.new_cluster
    report.stories.add(placed.story_id)
    report.clusters.add(placed.cluster_id)
