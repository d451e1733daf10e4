"""One exported event (its public JSON, truceline/serialize.py) as one flat row of typed values: nested actor,
recipient, claimant and place become prefixed columns, dates get their first and last day. The Parquet export
writes these rows; the Python API's `.to_pandas()` builds its frames from them.

`COLUMNS` names every column with its kind, in order; a kind is one of "string", "int", "float", "bool", "date"
and "strings" (a list of strings). A value the event does not have is None, never a placeholder.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from truceline.timex.calendar import value_interval

_ACTOR = (
    ("text", "string"),
    ("name", "string"),
    ("country", "string"),
    ("sector", "string"),
    ("code", "string"),
    ("members", "strings"),
    ("confidence", "float"),
    ("start_char", "int"),
    ("end_char", "int"),
)
_PLACE = (
    ("text", "string"),
    ("name", "string"),
    ("country", "string"),
    ("admin1", "string"),
    ("feature", "string"),
    ("geonameid", "int"),
    ("precision", "int"),
    ("resolved", "bool"),
    ("confidence", "float"),
    ("start_char", "int"),
    ("end_char", "int"),
)

COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("article_id", "string"),
    ("type", "string"),
    ("mode", "string"),
    ("stance", "string"),
    ("confidence", "float"),
    ("type_probability", "float"),
    ("date", "string"),
    ("date_precision", "string"),
    ("date_start", "date"),
    ("date_end", "date"),
    ("date_from_publication", "bool"),
    ("date_confidence", "float"),
    ("date_text", "string"),
    *((f"actor_{k}", kind) for k, kind in _ACTOR),
    *((f"recipient_{k}", kind) for k, kind in _ACTOR),
    *((f"claimed_by_{k}", kind) for k, kind in _ACTOR),
    *((f"place_{k}", kind) for k, kind in _PLACE),
    ("latitude", "float"),
    ("longitude", "float"),
    ("killed", "int"),
    ("injured", "int"),
    ("ceasefire", "string"),
    ("context", "strings"),
    ("linked_events", "strings"),
    ("trigger_text", "string"),
    ("trigger_start_char", "int"),
    ("trigger_end_char", "int"),
    ("sentence", "string"),
    ("start_char", "int"),
    ("end_char", "int"),
    # linking (truceline/link), where the event was linked: its canonical event, story and event cluster; on a
    # timeline row (one per canonical event) also how many mentions, reports and independent sources tell of it
    ("canonical_id", "string"),
    ("story_id", "string"),
    ("cluster_id", "string"),
    ("mentions", "int"),
    ("reports", "int"),
    ("independent_sources", "int"),
)

_CONVERT: dict[str, Any] = {
    "string": lambda v: v if isinstance(v, str) else None,
    "int": lambda v: v if isinstance(v, int) and not isinstance(v, bool) else None,
    "float": lambda v: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None,
    "bool": lambda v: v if isinstance(v, bool) else None,
    "date": lambda v: v if isinstance(v, date) else None,
    "strings": lambda v: [str(x) for x in v] if isinstance(v, list) else None,
}


def _member_labels(actor: Mapping[str, Any]) -> list[str] | None:
    members = actor.get("members")
    if not isinstance(members, list) or not members:
        return None
    return [str(m.get("name") or m.get("text") or "") for m in members if isinstance(m, dict)]


def _nested(prefix: str, value: object, fields: tuple[tuple[str, str], ...], row: dict[str, Any]) -> None:
    data: Mapping[str, Any] = value if isinstance(value, dict) else {}
    for key, _ in fields:
        row[f"{prefix}_{key}"] = _member_labels(data) if key == "members" else data.get(key)


def flat_row(item: Mapping[str, Any]) -> dict[str, Any]:
    """The typed flat row of one exported event (a mention's JSON, or a timeline item with its canonical fields)."""
    row: dict[str, Any] = {name: item.get(name) for name, _ in COLUMNS}
    value = item.get("date")
    first, last, _ = value_interval(value) if isinstance(value, str) else (None, None, "unknown")
    row["date_start"], row["date_end"] = first, last
    for role in ("actor", "recipient", "claimed_by"):
        _nested(role, item.get(role), _ACTOR, row)
    place = item.get("place")
    _nested("place", place, _PLACE, row)
    row["latitude"] = place.get("lat") if isinstance(place, dict) else None
    row["longitude"] = place.get("lon") if isinstance(place, dict) else None
    context = item.get("context")
    row["context"] = list(context) if isinstance(context, list | tuple) else None
    links = item.get("links")
    if isinstance(links, list):
        row["linked_events"] = [f"{x.get('relation')} {x.get('event')}" for x in links if isinstance(x, dict)]
    trigger = item.get("trigger")
    trig: Mapping[str, Any] = trigger if isinstance(trigger, dict) else {}
    row["trigger_text"] = trig.get("text")
    row["trigger_start_char"] = trig.get("start_char")
    row["trigger_end_char"] = trig.get("end_char")
    return {name: _CONVERT[kind](row[name]) for name, kind in COLUMNS}


def with_links(
    items: list[dict[str, Any]], memberships: Mapping[str, Mapping[str, str | None]]
) -> list[dict[str, Any]]:
    """The items with the canonical event, story and cluster linking placed each in (from
    `store.link.event_memberships`); items that already carry them (timeline rows) are left as they are."""
    for item in items:
        if "canonical_id" not in item:
            item.update(memberships.get(str(item.get("id")), {}))
    return items
