"""Query parameters -> the library's EventFilter and a page window; a bad value is a 400 with a clear message."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException

from truceline.errors import TrucelineError
from truceline.link import views
from truceline.store import EventFilter, Store

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# a story id or a prefix of one (S-1a2b3c4d5e): the store matches prefixes with LIKE, where % and _ are wildcards
STORY_ID = re.compile(r"[A-Za-z0-9-]+")
TYPE = re.compile(r"^[A-Za-z_]+(,[A-Za-z_]+)*$")
STANCES = ("asserted", "claimed", "denied", "planned", "threatened", "negated")
FILTERS = ("type", "actor", "recipient", "place", "since", "until", "stance", "story", "article", "min_confidence", "q")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # far past any real table; keeps offset and page * limit within SQLite's integers


def bad(message: str) -> HTTPException:
    return HTTPException(400, message)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What the events page and /api/events were asked for: the filter, the search words and the window."""

    flt: EventFilter
    search: str | None
    offset: int
    limit: int
    given: dict[str, str]  # the filter parameters as given (non-empty ones), for links that keep them

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1


def _int(params: Mapping[str, str], key: str, default: int, lo: int, hi: int | None = None) -> int:
    raw = params.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad(f"{key} must be a whole number, got {raw!r}") from None
    if value < lo or (hi is not None and value > hi):
        raise bad(f"{key} must be between {lo} and {hi}, got {value}" if hi else f"{key} must be at least {lo}")
    return value


def event_query(store: Store, params: Mapping[str, str]) -> EventQuery:
    """Parse the filters (type, actor, recipient, place, since, until, stance, story, article, min_confidence),
    the search words (q) and the window (limit with offset or page)."""
    given = {k: params[k].strip() for k in FILTERS if params.get(k, "").strip()}
    for key, value in given.items():
        if "\x00" in value:  # SQLite's LIKE stops at a NUL: "a\x00b" would match as "a", or as anything
            raise bad(f"{key} must not contain a NUL byte")
    for key in ("since", "until"):
        if key in given and not DATE.match(given[key]):
            raise bad(f"{key} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got {given[key]!r}")
    if "type" in given and not TYPE.match(given["type"]):
        raise bad(f"type must be event type names separated by commas (e.g. ASSAULT,ACCUSE), got {given['type']!r}")
    if "stance" in given and given["stance"] not in STANCES:
        raise bad(f"stance must be one of {', '.join(STANCES)}, got {given['stance']!r}")
    min_conf: float | None = None
    if "min_confidence" in given:
        try:
            min_conf = float(given["min_confidence"])
        except ValueError:
            raise bad(f"min_confidence must be a number from 0 to 1, got {given['min_confidence']!r}") from None
        if not 0 <= min_conf <= 1:
            raise bad(f"min_confidence must be a number from 0 to 1, got {given['min_confidence']!r}")
    story = None
    if "story" in given:
        try:
            story = views.resolve_story(store, given["story"]) if STORY_ID.fullmatch(given["story"]) else None
        except TrucelineError:
            story = None
        if story is None:
            raise bad(f"no story {given['story']!r}: list them at /api/stories")
    limit = _int(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    if params.get("offset") not in (None, "") and params.get("page") not in (None, ""):
        raise bad("give offset or page, not both")
    offset = _int(params, "offset", 0, 0, MAX_OFFSET)
    if params.get("page") not in (None, ""):
        offset = (_int(params, "page", 1, 1, MAX_OFFSET // limit + 1) - 1) * limit
    flt = EventFilter(
        actor=given.get("actor"),
        recipient=given.get("recipient"),
        place=given.get("place"),
        type=given.get("type"),
        since=given.get("since"),
        until=given.get("until"),
        article=given.get("article"),
        stance=given.get("stance"),
        story=story,
        min_confidence=min_conf,
    )
    return EventQuery(flt, given.get("q"), offset, limit, given)


def page_links(path: str, given: dict[str, str], offset: int, limit: int, total: int) -> dict[str, Any]:
    """Where this page sits among all of them, and the links to the previous and next ones (None at the ends)."""

    def link(new_offset: int) -> str:
        return path + "?" + urlencode({**given, "offset": new_offset, "limit": limit})

    return {
        "page": offset // limit + 1,
        "pages": max(1, -(-total // limit)),
        "first": offset + 1 if total and offset < total else 0,
        "last": min(offset + limit, total),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }
