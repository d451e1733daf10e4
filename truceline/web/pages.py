"""The HTML pages: server-rendered, autoescaped, complete without JavaScript (which adds the map and quicker
filters). Each gathers its data through truceline.web.data and renders one template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from truceline.web import data
from truceline.web.params import STANCES, event_query, page_links

Endpoint = Callable[[Request], Response]


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(name).render(request_path=request.url.path, tile_url=request.app.state.tile_url, **context)
    return HTMLResponse(html)


def stories_page(request: Request) -> Response:
    with data.open_store(request) as store:
        items = data.stories(store)
    return render(request, "stories.html", title="Stories", stories=items)


def story_page(request: Request) -> Response:
    with data.open_store(request) as store:
        item = data.story(store, request.path_params["story_id"])
    return render(request, "story.html", title=item["story"]["headline"] or item["story"]["id"], **item)


def events_page(request: Request) -> Response:
    with data.open_store(request) as store:
        query = event_query(store, request.query_params)
        result = data.events(store, query)
        choices = data.filter_choices(store)
    given = query.given
    return render(
        request,
        "events.html",
        title="Events",
        given=given,
        choices={**choices, "all_stances": STANCES},
        places_url="/api/places?" + urlencode(given),
        pager=page_links("/events", given, query.offset, query.limit, result["total"]),
        **result,
    )


def map_page(request: Request) -> Response:
    with data.open_store(request) as store:
        query = event_query(store, request.query_params)
        places = data.places(store, query)
        choices = data.filter_choices(store)
    given = query.given
    return render(
        request,
        "map.html",
        title="Map",
        given=given,
        places=places,
        choices={**choices, "all_stances": STANCES},
        places_url="/api/places?" + urlencode(given),
    )


def article_page(request: Request) -> Response:
    with data.open_store(request) as store:
        item = data.article(store, request.path_params["article_id"])
    return render(request, "article.html", title=item["article"]["title"] or item["article"]["id"], **item)


def event_redirect(request: Request) -> Response:
    """/events/ID: the event's evidence sentence in its article."""
    with data.open_store(request) as store:
        ev = data.event(store, request.path_params["event_id"])
    start, end = int(ev.get("start_char") or 0), int(ev.get("end_char") or 0)
    return RedirectResponse(f"/articles/{ev['article_id']}#s-{start}-{end}", status_code=303)


def agreements_page(request: Request) -> Response:
    story = request.query_params.get("story") or None
    with data.open_store(request) as store:
        items = data.agreements(store, story)
    return render(request, "agreements.html", title="Agreements", agreements=items, story=story)


def routes() -> list[tuple[str, Endpoint]]:
    return [
        ("/", stories_page),
        ("/stories", stories_page),
        ("/stories/{story_id}", story_page),
        ("/events", events_page),
        ("/events/{event_id}", event_redirect),
        ("/map", map_page),
        ("/articles/{article_id}", article_page),
        ("/agreements", agreements_page),
    ]
