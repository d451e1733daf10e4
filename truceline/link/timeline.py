"""The timeline of canonical events: one row per real-world event, however many reports tell of it.

Each item is the JSON of the mention that says most about the event (truceline/link/canonical.py's
`representative`), so every exporter of events reads it, with the canonical event's own fields added:
``canonical_id``, ``story_id``, ``cluster_id``, ``mentions``, ``reports``, ``independent_sources``, ``outlets``,
``confidence``, ``date_range``, ``figures`` (killed / injured: low, best, high, each value with its sources),
``claims``, ``mention_ids`` and ``contradictions`` (what its mentions dispute: kind, subject and who says what, as
`truceline contradictions` lists them).
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import replace
from typing import IO, Any

from truceline.export.formats import EventTableExporter
from truceline.store import EventFilter, Store
from truceline.store.db import event_conditions


def canonical_items(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    # the dates bound the canonical event's own date (the one a row shows), not its mentions' (a report days later
    # telling of it is one of its mentions)
    where, args = event_conditions(replace(flt, story=None, limit=None, since=None, until=None))
    items = []
    for row in store.link.canonical_events(where, args, flt.story, flt.limit, since=flt.since, until=flt.until):
        data = row["data"]
        item = dict(row["event"])
        item.update(
            {
                "canonical_id": row["id"],
                "story_id": row["story_id"],
                "cluster_id": row["cluster_id"],
                "mentions": row["n_mentions"],
                "reports": row["n_reports"],
                "independent_sources": row["n_sources"],
                "outlets": data.get("outlets", []),
                "confidence": row["confidence"],
                "date_range": [row["date_lo"], row["date_hi"]],
                "figures": {k: data[k] for k in ("killed", "injured") if k in data},
                "claims": data.get("claims", []),
                "mention_ids": [m["event_id"] for m in store.link.canonical_mentions(row["id"])],
            }
        )
        items.append(item)
    disputes = store.link.contradictions_of([str(item["canonical_id"]) for item in items])
    for item in items:
        item["contradictions"] = disputes.get(str(item["canonical_id"]), [])
    return items


def _figures(item: dict[str, object]) -> str:
    parts = []
    figures = item.get("figures")
    for kind, figure in (figures if isinstance(figures, dict) else {}).items():
        low, best, high = figure["low"], figure["best"], figure["high"]
        spread = f" ({low}-{high} by source)" if low != high else ""
        parts.append(f"{best} {kind}{spread}")
    return "; ".join(parts)


class CanonicalTableExporter(EventTableExporter):
    """The per-event table with, under each event, how many reports and independent sources tell of it."""

    def __init__(self, stream: IO[str], width: int = 110) -> None:
        super().__init__(stream, width)

    def export_item(self, item: dict[str, object]) -> None:
        support = (
            f"{item.get('independent_sources')} independent source(s), {item.get('reports')} report(s), "
            f"{item.get('mentions')} mention(s); confidence {item.get('confidence')}"
        )
        figures = _figures(item)
        lines = [support] + ([f"figures: {figures}"] if figures else [])
        raw_claims = item.get("claims")
        claims = [c for c in raw_claims if isinstance(c, dict)] if isinstance(raw_claims, list) else []
        denials = [c for c in claims if c.get("stance") == "denied"]
        if denials:
            lines.append("denied by: " + ", ".join(sorted({str(c.get("claimed_by") or "?") for c in denials})))
        disputes = item.get("contradictions")
        for dispute in disputes if isinstance(disputes, list) else []:
            if isinstance(dispute, dict) and dispute.get("kind") == "doer":
                told = "; ".join(f"{p.get('value')} ({p.get('who')})" for p in dispute.get("positions") or [])
                lines.append("who did it, by teller: " + told)
        out, self.stream = self.stream, io.StringIO()
        try:
            super().export_item(item)
            block = self.stream.getvalue().rstrip("\n") + "\n"
        finally:
            self.stream = out
        for line in lines:
            for wrapped in textwrap.wrap(line, self.width - 25):
                block += " " * 25 + wrapped + "\n"
        self.stream.write(block + "\n")
