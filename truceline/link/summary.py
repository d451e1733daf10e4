"""`truceline summary --story ID [--since DATE]`: a short extractive summary of a story, every line sourced.

It is made of the reports' own sentences, never rewritten: the story's span, size and main places and actors; its
key events (the canonical events with the most independent sources, casualties and agreements, in date order),
each quoted from the mention that says most about it with its sources and offsets; its agreements and their
status; and what the sources dispute. With ``--since DATE`` it tells what changed from that day on: the events
since, the agreements whose state changed, and the disputes the new reports raised.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from truceline.link import views
from truceline.store import Store

KEY_EVENTS = 8
WEIGHTY = {"ASSAULT": 1.0, "AGREE": 1.0, "MOBILIZE": 0.5, "RETREAT": 0.5, "COERCE": 0.5}


def _weight(event: dict[str, Any]) -> float:
    """How much a canonical event matters in a summary: independent sources, then deaths, then its kind."""
    killed = ((event.get("figures") or {}).get("killed") or {}).get("best") or 0
    return (
        2.0 * int(event.get("independent_sources") or 1)
        + min(int(killed), 50) / 10
        + WEIGHTY.get(str(event.get("type")), 0.0)
        + float(event.get("confidence") or 0.0)
        - (1.0 if event.get("stance") in ("planned", "threatened", "negated") else 0.0)
        # a toll "since late April" sums a season of happenings; a summary tells happenings
        - (3.0 if event.get("date_precision") in ("since", "until", "before", "after", "month", "year") else 0.0)
    )


def _day_of(event: dict[str, Any]) -> str:
    """The first day an event can be on, as sortable text ('' when unknown)."""
    first = (event.get("date_range") or [None])[0]
    date = str(event.get("date") or "")
    return str(first) if first else (date if re.match(r"^\d{4}-\d{2}", date) else "")


def summarize(store: Store, story_id: str, since: str | None = None, key_events: int = KEY_EVENTS) -> dict[str, Any]:
    """The summary as data: story, key events, agreements, disputes (and, with `since`, what changed)."""
    from truceline.link.timeline import canonical_items
    from truceline.store import EventFilter

    sid = views.resolve_story(store, story_id)
    story = next((s for s in views.stories(store) if s["id"] == sid), None)
    events = canonical_items(store, EventFilter(story=sid))
    if since:
        events = [e for e in events if _day_of(e) >= since]
    chosen = sorted(events, key=lambda e: -_weight(e))[:key_events]
    chosen.sort(key=lambda e: (str(e.get("date") or ""), str(e["canonical_id"])))
    agreements = views.agreements(store, sid)
    disputes = store.link.contradictions(sid)
    if since:
        agreements = [a for a in agreements if any(str(e["date"] or "") >= since for e in a["events"])]
        disputes = [d for d in disputes if str(d["date"] or "") >= since]
    return {"story": story, "since": since, "events": chosen, "agreements": agreements, "disputes": disputes}


def render(summary: dict[str, Any], width: int = 110) -> str:
    """The summary as text, each claim followed by where it comes from."""
    story = summary["story"] or {}
    lines: list[str] = []
    head = f"Story {story.get('id')}: {story.get('headline') or ''}".rstrip()
    lines.append(head)
    places = ", ".join(n for n, _ in story.get("places", [])[:4])
    lines.append(
        f"{story.get('first')} to {story.get('last')}; {story.get('reports')} report(s) from "
        f"{story.get('independent_sources')} independent source(s); places: {places or '?'}"
    )
    if summary["since"]:
        lines.append(f"What changed since {summary['since']}:")
    lines.append("")
    lines.append("Events:" if not summary["since"] else "New events:")
    if not summary["events"]:
        lines.append("  none")
    for e in summary["events"]:
        outlets = ", ".join(e.get("outlets") or []) or f"{e.get('reports')} report(s)"
        figures = e.get("figures") or {}
        toll = ""
        if "killed" in figures:
            k = figures["killed"]
            toll = (
                f" [{k['best']} killed"
                + (f"; sources give {k['low']} to {k['high']}" if k["low"] != k["high"] else "")
                + "]"
            )
        cite = f"({e['independent_sources']} independent source(s): {outlets}; {e['article_id']} {e['start_char']}-{e['end_char']})"
        text = f'- {e.get("date") or "?"}: "{e["sentence"]}"{toll} {cite}'
        lines.extend(textwrap.wrap(text, width, subsequent_indent="    "))
    lines.append("")
    lines.append("Agreements:" if not summary["since"] else "Agreements whose state changed:")
    if not summary["agreements"]:
        lines.append("  none")
    for a in summary["agreements"]:
        when = a["signed"] or "?"
        after = f", superseded by {a['superseded_by']}" if a.get("superseded_by") else ""
        after += f", extended by {a['extended_by']}" if a.get("extended_by") else ""
        broken = [e for e in a["events"] if e["relation"] in ("violation", "accusation")]
        lines.append(f"- {a['name']} ({when}): {a['status']}{after}; {len(broken)} violation(s) or accusation(s)")
    lines.append("")
    lines.append("Disputed:" if not summary["since"] else "New disputes:")
    if not summary["disputes"]:
        lines.append("  none")
    for d in summary["disputes"]:
        said = "; ".join(f"{p['value']} per {p['who']}" for p in d["positions"])
        lines.extend(
            textwrap.wrap(f"- {d['date']} {d['event_type']} ({d['subject']}): {said}", width, subsequent_indent="    ")
        )
    return "\n".join(lines) + "\n"
