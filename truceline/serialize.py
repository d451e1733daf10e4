"""The JSON shapes users' scripts rely on (`truceline articles` / `truceline events`), built from the model.

These dictionaries are the public contract: add keys freely, never rename or remove one.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from truceline.model import Actor, Article, Event, Place, Quantity, TimeRef


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def actor_json(actor: Actor | None) -> dict[str, object] | None:
    return actor.as_json() if actor else None


def place_json(place: Place | None) -> dict[str, object] | None:
    return place.as_json() if place else None


def quantity_json(q: Quantity) -> dict[str, object]:
    return {
        "kind": q.kind,
        "value": q.value,
        "high": q.high,
        "qualifier": q.qualifier,
        "who": q.who,
        "who_country": q.who_country,
        "since": q.since,
        "cumulative": q.cumulative,
        "according_to": q.according_to,
        "confidence": q.confidence,
        "text": q.text,
        "start_char": q.start,
        "end_char": q.end,
    }


def time_json(t: TimeRef) -> dict[str, object]:
    return {
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "earliest": _iso(t.earliest),
        "latest": _iso(t.latest),
        "precision": t.precision,
        "modifier": t.modifier,
        "anchored": t.anchored,
        "confidence": t.confidence,
        "start_char": t.start,
        "end_char": t.end,
    }


def event_json(event: Event, events: list[Event] | None = None) -> dict[str, object]:
    """The exported event. `events` (the article's list) lets links name their target ids."""
    links = []
    for relation, target in event.links:
        links.append({"relation": relation, "event": f"{event.article_id}-e{target}"})
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "confidence": event.confidence,
        "type_probability": event.type_probability,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_from_publication": event.date_from_publication,
        "date_confidence": event.date_confidence,
        "date_text": event.time.text if event.time else None,
        "actor": actor_json(event.actor),
        "recipient": actor_json(event.recipient),
        "place": place_json(event.place),
        "killed": event.killed.value if event.killed else None,
        "injured": event.injured.value if event.injured else None,
        "casualties": [quantity_json(q) for q in (event.killed, event.injured, *event.other_quantities) if q],
        "stance": event.stance,
        "claimed_by": actor_json(event.claimed_by),
        "ceasefire": event.ceasefire,
        "context": list(event.context),
        "links": links,
        "trigger": {"text": event.trigger.text, "start_char": event.trigger.start, "end_char": event.trigger.end},
        "article_id": event.article_id,
        "sentence": event.sentence,
        "start_char": event.sentence_start,
        "end_char": event.sentence_end,
    }


def article_json(article: Article, *, with_body: bool = True) -> dict[str, object]:
    pub = article.published
    c = article.cleaned
    out: dict[str, object] = {
        "id": article.id,
        "origin": article.origin,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": pub.value,
        "published_earliest": _iso(pub.earliest),
        "published_latest": _iso(pub.latest),
        "published_precision": pub.precision,
        "published_evidence": list(pub.evidence),
        "published_confidence": pub.confidence,
        "standfirst": c.standfirst,
        "dateline": c.dateline,
        "bylines": list(c.bylines),
        "captions": [asdict(cap) for cap in c.captions],
        "dropped_lines": [asdict(d) for d in c.dropped_lines],
    }
    if with_body:
        out["body"] = c.body
    return out
