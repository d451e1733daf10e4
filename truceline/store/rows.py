"""An analysed report as the plain rows the store writes: built where the work is done, written by one writer.

Worker processes (truceline.scale) turn each `Outcome` into a `DocResult` of tuples of str/int/float/None, so what
crosses a process boundary pickles cheaply and the single writer only executes inserts; the same rows go to
Parquet on a cluster run and come back from it with `truceline load`. No SQLite here: truceline.store.db writes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from truceline.model import Analysis
from truceline.serialize import event_json, place_json, quantity_json, time_json

ARTICLE_COLUMNS = (
    "id",
    "origin",
    "title",
    "url",
    "source",
    "body",
    "standfirst",
    "dateline",
    "captions",
    "bylines",
    "dropped_lines",
    "published",
    "published_earliest",
    "published_latest",
    "published_precision",
    "published_evidence",
    "processed_at",
)
MENTION_COLUMNS = ("article_id", "layer", "start", "end", "text", "label", "data")
EVENT_COLUMNS = (
    "id",
    "article_id",
    "idx",
    "type",
    "mode",
    "date",
    "sort_date",
    "date_precision",
    "stance",
    "actor_name",
    "actor_country",
    "recipient_name",
    "recipient_country",
    "place_name",
    "place_country",
    "killed",
    "injured",
    "confidence",
    "data",
)
LINK_COLUMNS = ("source_id", "relation", "target_id")

Row = tuple[object, ...]
STATUSES = ("processed", "skipped", "failed")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """Everything stored for one article, in the column orders above: written together or not at all."""

    article: Row
    mentions: tuple[Row, ...]
    events: tuple[Row, ...]
    links: tuple[Row, ...]

    @property
    def id(self) -> str:
        return str(self.article[0])


@dataclass(frozen=True, slots=True)
class DocResult:
    """What processing one stored document produced: its new status, and its rows when it was processed."""

    doc_id: str
    origin: str
    status: str  # processed | skipped | failed
    reason: str | None = None
    rows: ArticleRows | None = None

    @property
    def events(self) -> int:
        return len(self.rows.events) if self.rows else 0


def article_rows(analysis: Analysis, processed_at: str | None = None) -> ArticleRows:
    """The rows of one analysed article: the article, its mentions, its events and the links between them."""
    art = analysis.article
    pub = art.published
    c = art.cleaned
    article: Row = (
        art.id,
        art.origin,
        art.title,
        art.url,
        art.source,
        c.body,
        c.standfirst,
        c.dateline,
        json.dumps([{"text": x.text, "credit": x.credit} for x in c.captions]),
        json.dumps(list(c.bylines)),
        json.dumps([{"text": d.text, "reason": d.reason} for d in c.dropped_lines]),
        pub.value,
        pub.earliest.isoformat() if pub.earliest else None,
        pub.latest.isoformat() if pub.latest else None,
        pub.precision,
        json.dumps(list(pub.evidence)),
        processed_at or now(),
    )
    mentions: list[Row] = []
    for t in analysis.times:
        mentions.append((art.id, "time", t.start, t.end, t.text, t.value, json.dumps(time_json(t))))
    for a in analysis.actors:
        mentions.append((art.id, "actor", a.start, a.end, a.text, a.code or a.name, json.dumps(a.as_json())))
    for p in analysis.places:
        mentions.append((art.id, "place", p.start, p.end, p.text, p.name, json.dumps(place_json(p))))
    for q in analysis.quantities:
        mentions.append((art.id, "quantity", q.start, q.end, q.text, q.kind, json.dumps(quantity_json(q))))
    events: list[Row] = []
    links: list[Row] = []
    # an undated event sorts under its report's date; not under one of over three years ("published before today",
    # or after 2006): that dates no event (truceline.events.attach), and would file the report's events under today
    anchor = pub.anchor.isoformat() if pub.anchor and pub.precision != "unknown" else None
    for ev in analysis.events:
        events.append(
            (
                ev.id,
                art.id,
                ev.index,
                ev.type,
                ev.mode,
                ev.date,
                sort_date(ev.date, anchor),
                ev.date_precision,
                ev.stance,
                ev.actor.name or ev.actor.text if ev.actor else None,
                ev.actor.country if ev.actor else None,
                ev.recipient.name or ev.recipient.text if ev.recipient else None,
                ev.recipient.country if ev.recipient else None,
                ev.place.name or ev.place.text if ev.place else None,
                ev.place.country if ev.place else None,
                ev.killed.value if ev.killed else None,
                ev.injured.value if ev.injured else None,
                ev.confidence,
                json.dumps(event_json(ev)),
            )
        )
        for relation, target in ev.links:
            links.append((ev.id, relation, f"{art.id}-e{target}"))
    return ArticleRows(article, tuple(mentions), tuple(events), tuple(links))


def sort_date(value: str | None, fallback: str | None) -> str | None:
    """The first day an event date can denote, as text that sorts chronologically (e.g. '2019-06' -> '2019-06')."""
    if value and value[:4].isdigit():
        return value
    return fallback


def time_window(rows: ArticleRows | None) -> tuple[str, str]:
    """The (year, month) an article is filed under on a cluster run: the month its publication interval lies in,
    else the year with month 'undated', else ('undated', 'undated') (also for reports that were not processed)."""
    if rows is None:
        return ("undated", "undated")
    earliest, latest = rows.article[12], rows.article[13]
    if not isinstance(earliest, str) or not isinstance(latest, str):
        return ("undated", "undated")
    if earliest[:7] == latest[:7]:
        return (earliest[:4], earliest[5:7])
    if earliest[:4] == latest[:4]:
        return (earliest[:4], "undated")
    return ("undated", "undated")
