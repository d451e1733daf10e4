"""The web app and HTTP API (`truceline serve`): server-rendered pages and JSON over a database opened read-only.

    app.py        the Starlette application: routes, security headers, one error shape
    params.py     query parameters -> EventFilter and pagination (bad values are 400s, never tracebacks)
    data.py       what a page or an endpoint shows, gathered from the library (store queries, link views)
    highlight.py  an article's body cut into sentences and marked extractions, for the article page
    pages.py      the HTML pages (Jinja2, autoescaped; they read fully without JavaScript)
    jsonapi.py    the JSON endpoints; openapi.py their schema at /openapi.json
    cli.py        registers `truceline serve` on the command line

Nothing here talks to SQLite: the pages call truceline.store (browse.py for paging and search) and
truceline.link (views, timeline, summary), as the command line does.
"""

from truceline.web.app import create_app

__all__ = ["create_app"]
