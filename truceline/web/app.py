"""The Starlette application: routes, security headers on every response, one error shape for every error.

The database is opened read-only (SQLite mode=ro) once per request, so serving can never change it and every
request sees what is committed. Pages and endpoints are plain (sync) functions Starlette runs in its thread pool.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from truceline.store import browse
from truceline.web import jsonapi, pages
from truceline.web.limits import RequestLimits

HERE = Path(__file__).resolve().parent


def csp(tile_url: str | None) -> str:
    """A strict Content-Security-Policy: our own files only, no inline script or style; a tile server's origin
    is allowed for images when the user set one."""
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url)
        # a subdomain placeholder ({s}.tiles.example.org) allows every subdomain: CSP wildcards the leftmost label
        host = re.sub(r"^[^.]*\{s\}[^.]*", "*", parts.netloc)
        img += f" {parts.scheme}://{host}"
    return (
        f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {img}; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


class SecurityHeaders:
    """Adds the CSP and the other hardening headers to every response, errors and static files included."""

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """Every error: {"ok": false, "error", "status"} under /api/, the same words in an HTML page elsewhere."""
    if _wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(status=status, error=message, tile_url=None)
    return HTMLResponse(html, status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) and exc.detail else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    if exc.status_code == 405:
        message = f"{request.method} is not allowed here: this server is read-only and answers GET only"
    return error_response(request, exc.status_code, message, dict(exc.headers or {}))


async def _server_error(request: Request, exc: Exception) -> Response:
    # this handler answers outside the middleware stack, so it sets the security headers itself
    headers = {"content-security-policy": request.app.state.csp, "x-content-type-options": "nosniff"}
    return error_response(request, 500, f"internal error: {type(exc).__name__}: {exc}", headers)


def safe_url(value: object) -> str | None:
    """A link target only when it is an http(s) URL: a report's `javascript:` or `data:` URL is shown as text."""
    text = str(value or "").strip()
    return text if urlsplit(text).scheme in ("http", "https") else None


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["conf"] = lambda v: "" if v is None else f"{float(v):.2f}"
    return env


def create_app(db_path: str | Path, *, tile_url: str | None = None) -> Starlette:
    """The web app over an existing database, read-only. Fails at once (StoreError) when it cannot be opened."""
    browse.open_readonly(db_path).close()
    routes: list[Any] = [
        *pages.routes(),
        *jsonapi.routes(),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=[r if isinstance(r, Mount) else Route(r[0], r[1], methods=["GET"]) for r in routes],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.state.db_path = str(db_path)
    app.state.tile_url = tile_url
    app.state.templates = _templates()
    app.state.csp = csp(tile_url)
    app.add_middleware(RequestLimits, respond=error_response)  # inside SecurityHeaders: refusals get the headers too
    app.add_middleware(SecurityHeaders, policy=app.state.csp)
    return app
