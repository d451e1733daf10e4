"""The OpenAPI 3.1 description of the JSON endpoints, served at /openapi.json (written by hand: it is small)."""

from __future__ import annotations

from typing import Any

from truceline import __version__
from truceline.web.params import DEFAULT_LIMIT, MAX_LIMIT, STANCES


def _q(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _path(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


FILTERS = [
    _q("type", "PLOVER type(s), comma-separated, e.g. ASSAULT,ACCUSE"),
    _q("actor", "actor or recipient: a name (substring) or an ISO-3 country"),
    _q("recipient", "recipient only: a name (substring) or an ISO-3 country"),
    _q("place", "place name (substring) or ISO-3 country"),
    _q("since", "events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    _q("until", "events on or before this date"),
    _q("stance", "the event's stance", type="string", enum=list(STANCES)),
    _q("story", "a story id (or a prefix of one)"),
    _q("article", "an article id (or a prefix of one)"),
    _q(
        "min_confidence",
        "only events whose calibrated confidence is at least this",
        type="number",
        minimum=0,
        maximum=1,
    ),
    _q("q", "full-text search: words that must all be in the evidence sentence"),
]
PAGING = [
    _q("limit", "events per page", type="integer", minimum=1, maximum=MAX_LIMIT, default=DEFAULT_LIMIT),
    _q("offset", "events to skip", type="integer", minimum=0, default=0),
    _q("page", "page number (1-based), instead of offset", type="integer", minimum=1),
]


def _ok(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["ok"],
                        "properties": {"ok": {"type": "boolean", "const": True}, **properties},
                    }
                }
            },
        },
        "default": {"$ref": "#/components/responses/Error"},
    }


def _get(
    summary: str, parameters: list[dict[str, Any]], description: str, properties: dict[str, Any]
) -> dict[str, Any]:
    return {"get": {"summary": summary, "parameters": parameters, "responses": _ok(description, properties)}}


LIST = {"type": "array", "items": {"type": "object"}}
COUNT = {"type": "integer"}


def schema() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Truceline",
            "version": __version__,
            "description": "Read-only access to a Truceline database: stories, events, articles, agreements. "
            "Every error is {ok: false, error, status}.",
        },
        "paths": {
            "/api/stories": _get("The stories", [], "every story", {"total": COUNT, "stories": LIST}),
            "/api/stories/{story_id}": _get(
                "One story",
                [_path("story_id", "a story id or a prefix of one")],
                "the story, its canonical events, summary and contradictions",
                {"story": {"type": "object"}, "timeline": LIST, "summary": {"type": "object"}, "contradictions": LIST},
            ),
            "/api/events": _get(
                "Events (one row per report's mention), filtered and paginated",
                FILTERS + PAGING,
                "one page of events and the total",
                {
                    "total": COUNT,
                    "offset": COUNT,
                    "limit": COUNT,
                    "page": COUNT,
                    "pages": COUNT,
                    "prev": {"type": ["string", "null"]},
                    "next": {"type": ["string", "null"]},
                    "filters": {"type": "object"},
                    "events": LIST,
                },
            ),
            "/api/places": _get(
                "The places of the filtered events that have coordinates, with counts",
                FILTERS,
                "places with latitude, longitude and event counts",
                {"total": COUNT, "filters": {"type": "object"}, "places": LIST},
            ),
            "/api/articles/{article_id}": _get(
                "One article",
                [_path("article_id", "an article id or a prefix of one")],
                "the article with its extractions (mentions) and events",
                {"article": {"type": "object"}, "mentions": LIST, "events": LIST, "story_ids": LIST},
            ),
            "/api/agreements": _get(
                "The agreements",
                [_q("story", "only those the reports of this story name")],
                "agreements with parties, dates, status and linked events",
                {"total": COUNT, "agreements": LIST},
            ),
        },
        "components": {
            "responses": {
                "Error": {
                    "description": "any error: 400 bad parameter, 404 not found, 405 not GET, 413 a request body, 414 a URL over"
                    " 8 kB, 431 headers over 16 kB, 500 server error",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["ok", "error", "status"],
                                "properties": {
                                    "ok": {"type": "boolean", "const": False},
                                    "error": {"type": "string"},
                                    "status": {"type": "integer"},
                                },
                            }
                        }
                    },
                }
            }
        },
    }
