"""Request limits, checked before any route runs: a read-only, GET-only server has no use for long URLs, large
header blocks or request bodies, and refusing them early keeps one client from tying up a worker.

- the request target (path and query string, as sent) over MAX_TARGET bytes: 414
- the request headers over MAX_HEADERS bytes in all: 431
- a request body over MAX_BODY bytes (a declared Content-Length, or a streamed body counted as it arrives): 413
- a NUL byte in the path, which names no route and no file: 404

Each refusal is the app's one error shape (truceline.web.app.error_response). The server in front (uvicorn) refuses
a request head past its own buffer (16 kB) before the app sees it, with its own plain 400.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_TARGET = 8192
MAX_HEADERS = 16384
MAX_BODY = 1024

Respond = Callable[[Request, int, str], Response]


class RequestLimits:
    """ASGI middleware refusing oversized requests (and NUL bytes in paths) in the app's error shape."""

    def __init__(self, app: ASGIApp, respond: Respond) -> None:
        self.app = app
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is None and _may_have_body(scope):
            body, too_large = await _read_body(receive)
            if too_large:
                refusal = (413, f"a request body over {MAX_BODY} bytes is refused: this API answers GET only")
            else:
                receive = _replay(body, receive)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, message = refusal
        await self.respond(Request(scope), status, message)(scope, receive, send)

    @staticmethod
    def _refusal(scope: Scope) -> tuple[int, str] | None:
        raw_path = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8", "replace")
        target = len(raw_path) + len(scope.get("query_string") or b"")
        if target > MAX_TARGET:
            return 414, f"the request's URL is {target} bytes long; the limit is {MAX_TARGET}"
        headers = scope.get("headers") or []
        size = sum(len(k) + len(v) + 4 for k, v in headers)
        if size > MAX_HEADERS:
            return 431, f"the request's headers are {size} bytes long; the limit is {MAX_HEADERS}"
        for key, value in headers:
            if key == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    return 400, "the request's Content-Length is not a number"
                if length > MAX_BODY:
                    return 413, f"a request body over {MAX_BODY} bytes is refused: this API answers GET only"
        if "\x00" in str(scope.get("path", "")):
            return 404, "nothing at a path with a NUL byte"
        return None


def _may_have_body(scope: Scope) -> bool:
    for key, value in scope.get("headers") or []:
        if key == b"transfer-encoding" or (key == b"content-length" and value.strip() not in (b"", b"0")):
            return True
    return False


async def _read_body(receive: Receive) -> tuple[list[Message], bool]:
    """The body's messages, read up to one byte past the limit (and no further)."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, False
        size += len(message.get("body", b""))
        if size > MAX_BODY:
            return messages, True
        if not message.get("more_body", False):
            return messages, False


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive callable that gives the body already read, then what the server sends after it."""
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay
