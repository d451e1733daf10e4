"""What each page and endpoint shows, gathered from the library: the same functions `truceline stories`,
`timeline --story`, `summary`, `agreements`, `contradictions`, `events` and `show` call. Plain data out; the pages
render it as HTML and the API as JSON."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

from truceline.errors import TrucelineError
from truceline.link import summary as link_summary
from truceline.link import views
from truceline.link.timeline import canonical_items
from truceline.store import EventFilter, Store, browse
from truceline.web.highlight import segments, sentence_anchor
from truceline.web.params import STORY_ID, EventQuery

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """The database, read-only, for one request."""
    store = browse.open_readonly(request.app.state.db_path)
    try:
        yield store
    finally:
        store.close()


def not_found(what: str) -> HTTPException:
    return HTTPException(404, what)


def stories(store: Store) -> list[dict[str, Any]]:
    return views.stories(store)


def _story_id(store: Store, story_id: str) -> str:
    if STORY_ID.fullmatch(story_id):
        try:
            return views.resolve_story(store, story_id)
        except TrucelineError:
            pass
    raise not_found(f"no story {story_id!r}")


def _day(item: dict[str, Any]) -> str:
    """The day a canonical event is filed under in a timeline: its date when it names a day, else its first
    possible day, else 'undated'."""
    date = str(item.get("date") or "")
    if DAY.match(date):
        return date[:10]
    first = (item.get("date_range") or [None])[0]
    if first and DAY.match(str(first)):
        return str(first)[:10]
    return date or "undated"


def denials(item: dict[str, Any]) -> list[str]:
    """Who denies a canonical event (its claims with a 'denied' stance)."""
    return sorted(
        {
            str(c.get("claimed_by") or c.get("source") or "?")
            for c in item.get("claims", [])
            if c.get("stance") == "denied"
        }
    )


def story(store: Store, story_id: str) -> dict[str, Any]:
    """A story: its facts, its canonical events by day, its extractive summary and its contradictions."""
    sid = _story_id(store, story_id)
    facts = next((s for s in views.stories(store) if s["id"] == sid), None)
    if facts is None:
        raise not_found(f"story {story_id!r} has no reports")
    timeline = canonical_items(store, EventFilter(story=sid))
    for item in timeline:
        item["day"] = _day(item)
        item["denied_by"] = denials(item)
        item["anchor"] = sentence_anchor(int(item.get("start_char") or 0), int(item.get("end_char") or 0))
    days: list[dict[str, Any]] = []
    for item in timeline:
        if not days or days[-1]["day"] != item["day"]:
            days.append({"day": item["day"], "events": []})
        days[-1]["events"].append(item)
    summary = link_summary.summarize(store, sid)
    return {
        "story": facts,
        "days": days,
        "timeline": timeline,
        "summary": {
            "events": summary["events"],
            "agreements": [{k: a[k] for k in ("id", "name", "status", "signed")} for a in summary["agreements"]],
            "disputes": summary["disputes"],
        },
        "contradictions": store.link.contradictions(sid),
    }


def events(store: Store, query: EventQuery) -> dict[str, Any]:
    """One page of the events table and the total the filters leave."""
    total = browse.count_events(store, query.flt, query.search)
    rows = browse.events_page(store, query.flt, offset=query.offset, limit=query.limit, search=query.search)
    linked = browse.canonical_of(store, [str(r["id"]) for r in rows])
    for row in rows:
        row["anchor"] = sentence_anchor(int(row.get("start_char") or 0), int(row.get("end_char") or 0))
        row["canonical"] = linked.get(str(row["id"]))
    return {"total": total, "offset": query.offset, "limit": query.limit, "events": rows}


def places(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    return browse.event_places(store, query.flt, query.search)


def article(store: Store, article_id: str) -> dict[str, Any]:
    """An article: its cleaned text cut into marked pieces, its extractions, events, captions and dropped lines."""
    found = store.articles(article_id) if re.fullmatch(r"[0-9a-f]{4,64}", article_id) else []
    if len(found) != 1:
        raise not_found(f"no article {article_id!r}" if not found else f"{article_id!r} matches several articles")
    art = found[0]
    mentions = store.mentions(str(art["id"]))
    evs = store.events(EventFilter(article=str(art["id"])))
    evs = [e for e in evs if e.get("article_id") == art["id"]]
    for ev in evs:
        ev["anchor"] = sentence_anchor(int(ev.get("start_char") or 0), int(ev.get("end_char") or 0))
    stories = store.link.memberships([str(art["id"])]).get(str(art["id"]), {}).get("story_ids", [])
    return {
        "article": art,
        "segments": segments(str(art["body"]), mentions, evs),
        "mentions": mentions,
        "events": evs,
        "story_ids": stories,
    }


def event(store: Store, event_id: str) -> dict[str, Any]:
    found = browse.event_by_id(store, event_id)
    if found is None:
        raise not_found(f"no event {event_id!r}")
    return found


def agreements(store: Store, story_id: str | None = None) -> list[dict[str, Any]]:
    sid = _story_id(store, story_id) if story_id else None
    items = views.agreements(store, sid)
    for item in items:
        for ev in item["events"]:
            ev["href"] = f"/events/{ev['event_id']}"
    return items


def filter_choices(store: Store) -> dict[str, list[str]]:
    """The values the events page offers for its choice filters."""
    return {
        "types": browse.event_values(store, "type"),
        "stances": browse.event_values(store, "stance"),
        "stories": [s["id"] for s in store.link.stories() if s["n_reports"]],
    }
