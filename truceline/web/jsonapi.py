"""The JSON endpoints: the same data as the pages, the same filters and pagination as `truceline events`.

Every answer has "ok": true, every error {"ok": false, "error", "status"} (truceline.web.app). GET only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from truceline.web import data
from truceline.web.openapi import schema
from truceline.web.params import event_query, page_links

Endpoint = Callable[[Request], Response]


def ok(**body: Any) -> JSONResponse:
    return JSONResponse({"ok": True, **body})


def stories(request: Request) -> Response:
    with data.open_store(request) as store:
        items = data.stories(store)
    return ok(total=len(items), stories=items)


def story(request: Request) -> Response:
    with data.open_store(request) as store:
        item = data.story(store, request.path_params["story_id"])
    item.pop("days")
    return ok(**item)


def events(request: Request) -> Response:
    with data.open_store(request) as store:
        query = event_query(store, request.query_params)
        result = data.events(store, query)
    links = page_links("/api/events", query.given, query.offset, query.limit, result["total"])
    return ok(
        filters=query.given, page=links["page"], pages=links["pages"], prev=links["prev"], next=links["next"], **result
    )


def places(request: Request) -> Response:
    with data.open_store(request) as store:
        query = event_query(store, request.query_params)
        items = data.places(store, query)
    return ok(filters=query.given, total=len(items), places=items)


def article(request: Request) -> Response:
    with data.open_store(request) as store:
        item = data.article(store, request.path_params["article_id"])
    item.pop("segments")
    return ok(**item)


def agreements(request: Request) -> Response:
    with data.open_store(request) as store:
        items = data.agreements(store, request.query_params.get("story") or None)
    return ok(total=len(items), agreements=items)


def openapi(request: Request) -> Response:
    return JSONResponse(schema())


def routes() -> list[tuple[str, Endpoint]]:
    return [
        ("/api/stories", stories),
        ("/api/stories/{story_id}", story),
        ("/api/events", events),
        ("/api/places", places),
        ("/api/articles/{article_id}", article),
        ("/api/agreements", agreements),
        ("/openapi.json", openapi),
    ]
