"""The web app and HTTP API under load and attack (issue 13, item 6), through a real uvicorn server on a free port
and Starlette's in-process client: concurrent reads while another process writes the same database, SQL and FTS5
injection through every filter and path parameter, path traversal on the static route, and oversized requests.
Every answer is a normal one or the one error shape; never a 500, never a file from outside the static folder,
never a change to the database."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from truceline.store import Store
from truceline.web import create_app
from truceline.web.limits import MAX_BODY, MAX_TARGET
from truceline.web.params import MAX_LIMIT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

WAIT = 60.0
STATIC = Path(__file__).resolve().parents[1] / "truceline" / "web" / "static"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path) -> Iterator[tuple[str, int]]:
    """The app served by uvicorn (as `truceline serve` runs it) in a thread on a free port; (host, port)."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=WAIT)


def raw(address: tuple[str, int], head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    """One request sent byte for byte (no client normalising `..` or encodings): the status and the body."""
    with socket.create_connection(address, timeout=WAIT) as conn:
        conn.sendall(head + body)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    status_line, _, rest = data.partition(b"\r\n")
    return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2]


def get_raw(address: tuple[str, int], target: str, extra: str = "") -> tuple[int, bytes]:
    return raw(address, f"GET {target} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n".encode("latin-1"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_answer(url: str, status: int, content_type: str, text: str, allowed: tuple[int, ...]) -> None:
    """A normal answer or the one error shape: JSON {"ok": false, "error", "status"} under /api/, an HTML page
    elsewhere; never a 500."""
    assert status in allowed, (url, status, text[:300])
    if content_type.startswith("application/json"):
        body = json.loads(text)
        if status == 200:
            assert body.get("ok", True) is True, url
        else:
            assert body == {"ok": False, "error": body["error"], "status": status}, url
            assert body["error"] and "internal error" not in body["error"], url
    elif status != 303:
        assert content_type.startswith("text/html"), (url, content_type)
        assert text.lstrip().lower().startswith("<!doctype html>"), url
        assert "internal error" not in text, url


@pytest.fixture(scope="module")
def served_db(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the web tests' database, so its bytes can be compared before and after the attacks."""
    db = tmp_path_factory.mktemp("hardening") / "served.db"
    shutil.copy(web_db, db)
    return db


@pytest.fixture(scope="module")
def client(served_db: Path) -> TestClient:
    return TestClient(create_app(served_db), raise_server_exceptions=False, follow_redirects=False)


# -- concurrent reads while another process writes ----------------------------------------------------------------
WRITER = """
import sys
from truceline import api
from truceline.sample import REPORTS_DIR
from truceline.store import Store
with Store.open(sys.argv[1]) as store:
    api.ingest(store, [str(REPORTS_DIR)])
    print("ingested", flush=True)
    api.process(store)
"""


def test_reads_during_a_long_write_all_succeed(web_db: Path, tmp_path: Path) -> None:
    """A writer process ingests and processes the bundled corpus into a database that a real server is serving;
    four clients read pages and the API all the while: every answer is a 200 with valid JSON or HTML."""
    db = tmp_path / "growing.db"
    Store.open(db).close()  # the schema, so the server can open it before the first report arrives
    urls = ["/api/events?limit=20", "/api/stories", "/api/places", "/events?q=killed", "/", "/api/agreements",
            "/api/events?type=ASSAULT&page=2&limit=5", "/map"]  # fmt: skip
    failures: list[tuple[str, int, str]] = []
    totals: dict[int, list[int]] = {n: [] for n in range(4)}
    requests_during_write = [0]
    lock = threading.Lock()
    with serve(db) as (host, port):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)

        def reader(n: int) -> None:
            with httpx.Client(base_url=f"http://{host}:{port}", timeout=WAIT) as http:
                i = n
                while writer.poll() is None:
                    url = urls[i % len(urls)]
                    i += 1
                    r = http.get(url)
                    try:
                        check_answer(url, r.status_code, r.headers.get("content-type", ""), r.text, (200,))
                    except (AssertionError, ValueError, KeyError):
                        with lock:
                            failures.append((url, r.status_code, r.text[:300]))
                    with lock:
                        requests_during_write[0] += 1
                    if url.startswith("/api/events?limit") and r.status_code == 200:
                        totals[n].append(int(r.json()["total"]))
                    time.sleep(0.02)  # many clients, not a busy loop starving the writer of the two cores

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        writer.wait(timeout=600)
        for t in threads:
            t.join(timeout=WAIT)
        assert writer.returncode == 0
        after = httpx.get(f"http://{host}:{port}/api/events?limit=1", timeout=WAIT).json()["total"]
    print(f"{requests_during_write[0]} requests during the write")
    assert not failures, failures[:5]
    assert requests_during_write[0] >= 20, "the readers hardly overlapped the write"
    # each client saw the database grow as the writer committed, a later read never older than an earlier one
    assert len({t for seen in totals.values() for t in seen}) >= 2, totals
    for seen in totals.values():
        assert seen == sorted(seen), seen
    with sqlite3.connect(web_db) as conn:
        expected = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert after == expected > 0


# -- SQL and FTS5 injection ----------------------------------------------------------------------------------------
INJECTIONS = [
    "'",
    '"',
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE events",
    "'; DROP TABLE events; --",
    "x') UNION SELECT sql FROM sqlite_master --",
    "%",
    "_",
    "\\",
    "\x00",
    "\ud800",
    "1e999",
    "-1",
    "9" * 40,
    "ASSAULT,'ACCUSE",
]
FTS = ['"', "*", "NEAR(", "-", ":", "killed*", '"killed', "NEAR(killed civilians, 2)", "data:killed", "^killed",
       "killed OR 1=1", "(killed", "killed)", "AND", "NOT killed", "{data}: x", "-killed", "+", "\x00"]  # fmt: skip
PARAMS = ["type", "actor", "recipient", "place", "since", "until", "stance", "story", "article", "min_confidence", "q",
          "page", "limit", "offset", "ids"]  # fmt: skip
NAMES = ("actor", "recipient", "place")
PATHS = ["/api/stories/{}", "/stories/{}", "/api/articles/{}", "/articles/{}", "/events/{}"]


def test_injection_through_every_parameter_is_harmless(client: TestClient, served_db: Path) -> None:
    before = sha256(served_db)
    with sqlite3.connect(f"{served_db.as_uri()}?mode=ro", uri=True) as conn:
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    total = client.get("/api/events").json()["total"]
    assert total == events > 0
    answers: dict[int, int] = {}
    for value in INJECTIONS:
        for key in PARAMS:
            for path in ("/api/events", "/api/places", "/events"):
                url = f"{path}?{key}={quote(value, errors='surrogatepass')}"
                r = client.get(url)
                check_answer(url, r.status_code, r.headers["content-type"], r.text, (200, 400))
                answers[r.status_code] = answers.get(r.status_code, 0) + 1
                if path == "/api/events" and r.status_code == 200 and key in NAMES:
                    # bound as text, a payload matches as a name would (LIKE's % and _ escaped): it can only narrow
                    # the events, never widen
                    assert r.json()["total"] < total, url
        for path in PATHS:
            url = path.format(quote(value, safe="", errors="surrogatepass"))
            r = client.get(url)
            check_answer(url, r.status_code, r.headers["content-type"], r.text, (404,))
        r = client.get(f"/api/agreements?story={quote(value, errors='surrogatepass')}")
        check_answer("/api/agreements", r.status_code, r.headers["content-type"], r.text, (200, 404))
    assert answers.get(400) and answers.get(200)  # values were refused and others searched for, both
    # the database is byte for byte what it was, and whole
    assert sha256(served_db) == before
    with sqlite3.connect(f"{served_db.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events


def test_fts5_syntax_in_search_is_a_literal_search(client: TestClient) -> None:
    """FTS5 operators and punctuation in `q` are never query syntax: the words in them are searched for as words."""
    killed = client.get("/api/events?q=killed").json()["total"]
    assert killed > 0
    for q in FTS:
        for path in ("/api/events", "/api/places", "/events", "/map"):
            url = f"{path}?q={quote(q)}"
            r = client.get(url)
            check_answer(url, r.status_code, r.headers["content-type"], r.text, (200, 400))
    for q in ("killed*", '"killed', "^killed", "(killed", "killed)", "-killed", "data:killed"):
        body = client.get(f"/api/events?q={quote(q)}").json()
        words = [w for w in ("killed", "data") if w in q]
        expected = client.get("/api/events?q=" + "+".join(words)).json()["total"]
        assert body["total"] == expected, q
    assert client.get("/api/events?q=killed").json()["total"] == killed
    # operators are words too: NOT narrows rather than excludes, OR does not widen
    assert client.get("/api/events?q=killed+OR+1=1").json()["total"] <= killed
    assert client.get("/api/events?q=NOT+killed").json()["total"] <= killed


def test_a_nul_byte_or_a_like_wildcard_is_not_a_filter_bypass(client: TestClient) -> None:
    """SQLite's LIKE stops at a NUL byte and reads % and _ as wildcards: none of them may widen a filter."""
    for key in ("actor", "recipient", "place", "article", "q"):
        r = client.get(f"/api/events?{key}=%00")
        assert r.status_code == 400 and "NUL" in r.json()["error"], key
    for story in ("%25", "_", "S-%25"):
        r = client.get(f"/api/events?story={story}")
        assert r.status_code == 400, story
        assert client.get(f"/stories/{story}").status_code == 404
    real = client.get("/api/stories").json()["stories"][0]["id"]
    assert client.get(f"/api/events?story={real}").status_code == 200
    assert client.get(f"/stories/{real}").status_code == 200


# -- path traversal ---------------------------------------------------------------------------------------------
TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/../app.py",
    "/static/../templates/base.html",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%2fapp.py",
    "/static/%252e%252e/app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/..\\app.py",
    "/static/%5c..%5c..%5cetc%5cpasswd",
    "/static/%00",
    "/static/app.css%00.txt",
    "/static/..%00/app.py",
    "/static/" + "a" * 4000,
    "/static/./../../../../../../../../etc/passwd",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
]
SECRETS = (b"root:", b"from __future__", b"{% block", b"import ")


def _static_refusal(target: str, status: int, body: bytes) -> None:
    assert status in (400, 404), (target, status)
    assert not any(s in body for s in SECRETS), target
    if status == 404:
        assert b"<!doctype html>" in body.lower() and b"404" in body, target  # the app's error page


def test_static_route_serves_nothing_outside_its_folder(served_db: Path, client: TestClient) -> None:
    css = (STATIC / "app.css").read_bytes()
    with serve(served_db) as address:
        assert get_raw(address, "/static/app.css") == (200, css)
        for target in TRAVERSALS:
            # byte for byte over a socket, so no client removes the dot segments first
            _static_refusal(target, *get_raw(address, target))
        assert get_raw(address, "/static/app.css") == (200, css)
    for target in TRAVERSALS:
        r = client.get(target)
        _static_refusal(target, r.status_code, r.content)


# -- oversized requests -----------------------------------------------------------------------------------------
def test_oversized_requests_are_refused_in_the_error_shape(client: TestClient) -> None:
    long_query = "/api/events?q=" + "a" * MAX_TARGET
    r = client.get(long_query)
    assert r.status_code == 414 and r.json()["status"] == 414 and r.json()["ok"] is False
    assert "content-security-policy" in r.headers
    r = client.get("/events?q=" + "a" * MAX_TARGET)
    assert r.status_code == 414 and "<!doctype html>" in r.text.lower()
    assert client.get("/api/stories/" + "a" * MAX_TARGET).status_code == 414
    # just under the limit is a normal request
    r = client.get("/api/events?q=" + "a" * (MAX_TARGET - 200))
    assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/events", headers={"x-padding": "a" * 20000})
    assert r.status_code == 431 and r.json()["status"] == 431
    # any request body over the limit, declared or not; a small one is ignored
    for method in ("GET", "POST", "PUT"):
        r = client.request(method, "/api/events", content=b"x" * (MAX_BODY + 1))
        assert r.status_code == 413 and r.json() == {"ok": False, "error": r.json()["error"], "status": 413}
    r = client.request("GET", "/api/events", content=iter([b"x" * 600, b"x" * 600]))  # streamed, no length
    assert r.status_code == 413
    assert client.request("GET", "/api/events", content=b"x" * 10).status_code == 200
    assert client.request("POST", "/api/events", content=b"x" * 10).status_code == 405
    # windows past the caps are a 400, not a huge or overflowing query
    for query in (f"limit={MAX_LIMIT + 1}", "limit=0", "limit=" + "9" * 5000, "offset=" + "9" * 30,
                  "page=" + "9" * 30, "page=0", "offset=-1", "limit=1.5"):  # fmt: skip
        r = client.get("/api/events?" + query)
        assert r.status_code == 400 and r.json()["status"] == 400, query
    assert len(client.get(f"/api/events?limit={MAX_LIMIT}").json()["events"]) <= MAX_LIMIT


def test_a_real_server_refuses_oversized_requests_and_keeps_serving(served_db: Path) -> None:
    with serve(served_db) as address:
        status, body = get_raw(address, "/api/events?q=" + "a" * MAX_TARGET)
        assert status == 414 and json.loads(body)["status"] == 414
        # past uvicorn's own buffer for a request head (16 kB) the server refuses before the app: never a 500
        status, _ = get_raw(address, "/api/events?q=" + "a" * 40000)
        assert 400 <= status < 500
        head = b"GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"
        status, body = raw(address, head, b"x" * 2000)  # refused on the declared length, before the body is read
        assert status == 413 and json.loads(body)["status"] == 413
        chunked = b"GET /api/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        status, body = raw(
            address, chunked, b"".join(b"400\r\n" + b"x" * 1024 + b"\r\n" for _ in range(4)) + b"0\r\n\r\n"
        )
        assert status == 413 and json.loads(body)["status"] == 413
        status, body = get_raw(address, "/api/events?limit=1")
        assert status == 200 and json.loads(body)["ok"] is True


def test_like_wildcards_in_a_name_are_text(client: TestClient) -> None:
    """'%' and '_' in a name filter match those characters, not any text (the command line shares the query)."""
    total = client.get("/api/events").json()["total"]
    turkey = client.get("/api/events?actor=Turk").json()["total"]
    assert 0 < turkey < total
    for key in ("actor", "recipient", "place", "article"):
        for value in ("%", "_", "%25", "T_rk", "%Turk%"):
            assert client.get(f"/api/events?{key}={quote(value)}").json()["total"] == 0, (key, value)
