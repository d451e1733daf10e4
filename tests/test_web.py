"""The web app and HTTP API through Starlette's in-process client, over the bundled corpus processed once per run
(conftest's `web_db`): every page renders, filters narrow what they should, pages are consistent, every error has
one shape, and nothing a report says reaches a page as markup."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import HOSTILE_ACTOR

from truceline.cli import cli
from truceline.web import create_app
from truceline.web.app import csp

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    return TestClient(create_app(web_db))


def api(client: TestClient, url: str, status: int = 200) -> dict[str, Any]:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    body: dict[str, Any] = r.json()
    return body


def total(client: TestClient, query: str = "") -> int:
    return int(api(client, "/api/events?" + query)["total"])


# -- pages ---------------------------------------------------------------------------------------------------------
def test_every_page_renders(client: TestClient) -> None:
    stories = api(client, "/api/stories")["stories"]
    assert stories, "the bundled corpus forms stories"
    story = max(stories, key=lambda s: s["reports"])
    article_id = story["report_ids"][0]
    agreements = api(client, "/api/agreements")["agreements"]
    pages = {
        "/": story["headline"],
        "/stories": story["id"],
        f"/stories/{story['id']}": "Timeline",
        "/events": "event(s)",
        "/map": "Map of event locations",
        f"/articles/{article_id}": "Dropped lines",
        "/agreements": agreements[0]["name"],
    }
    for url, expected in pages.items():
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
        assert expected in r.text, url
        assert "<script>" not in r.text  # scripts come only as files: <script src=...>


def test_story_page_shows_its_timeline_summary_and_contradictions(client: TestClient) -> None:
    stories = api(client, "/api/stories")["stories"]
    story = max(stories, key=lambda s: s["reports"])
    detail = api(client, f"/api/stories/{story['id']}")
    html = client.get(f"/stories/{story['id']}").text
    timeline = detail["timeline"]
    assert timeline and all(e["story_id"] == story["id"] for e in timeline)
    # one row per canonical event, each linking to its evidence sentence
    assert html.count('class="event-row"') == len(timeline)
    for e in timeline[:5]:
        assert f'href="/articles/{e["article_id"]}#s-{e["start_char"]}-{e["end_char"]}"' in html
    assert detail["summary"]["events"], "a story of many reports has key events"
    assert detail["contradictions"], "the bundled corpus plants contradictions in its main story"
    for c in detail["contradictions"]:
        assert c["kind"] in html and c["subject"] in html
    # a prefix of the id finds the story too
    assert api(client, f"/api/stories/{story['id'][:8]}")["story"]["id"] == story["id"]


def test_article_page_marks_extractions_and_anchors_evidence(client: TestClient) -> None:
    ev = api(client, "/api/events?type=ASSAULT&limit=1")["events"][0]
    detail = api(client, f"/api/articles/{ev['article_id']}")
    html = client.get(f"/articles/{ev['article_id']}").text
    assert f'id="s-{ev["start_char"]}-{ev["end_char"]}"' in html
    assert f'id="ev-{ev["id"]}"' in html
    for layer in ("actor", "place", "time", "trigger"):
        assert f"mark mark-{layer}" in html, layer
    # the marked body is the cleaned text, character for character, once the tags are gone
    body_html = html.split('id="body">', 1)[1].split("</div>", 1)[0]
    import html as html_lib

    assert html_lib.unescape(re.sub(r"<[^>]+>", "", body_html)) == detail["article"]["body"]
    # the event page leads to the sentence
    r = client.get(f"/events/{ev['id']}", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == f"/articles/{ev['article_id']}#s-{ev['start_char']}-{ev['end_char']}"


def test_agreements_list_parties_status_and_linked_events(client: TestClient) -> None:
    items = api(client, "/api/agreements")["agreements"]
    html = client.get("/agreements").text
    broken = [a for a in items if any(e["relation"] in ("violation", "accusation", "denial") for e in a["events"])]
    assert broken, "the bundled corpus reports violations of its ceasefires"
    for a in items:
        assert f'id="{a["id"]}"' in html
        assert a["status"] in html
    for e in broken[0]["events"]:
        assert f'href="/events/{e["event_id"]}"' in html
    story = max(api(client, "/api/stories")["stories"], key=lambda s: s["reports"])
    some = api(client, f"/api/agreements?story={story['id']}")["agreements"]
    assert 0 < len(some) <= len(items)


# -- filters, search, pagination ------------------------------------------------------------------------------------
def test_filters_narrow_the_events(client: TestClient) -> None:
    everything = total(client)
    assert everything > 100
    assault = api(client, "/api/events?type=ASSAULT&limit=500")
    assert 0 < assault["total"] < everything
    assert {e["type"] for e in assault["events"]} == {"ASSAULT"}
    both = total(client, "type=ASSAULT,ACCUSE")
    assert both > assault["total"]
    denied = api(client, "/api/events?type=ASSAULT&stance=claimed&limit=500")
    assert 0 < denied["total"] < assault["total"]
    assert {e["stance"] for e in denied["events"]} == {"claimed"}
    sure = api(client, "/api/events?min_confidence=0.8&limit=500")
    assert 0 < sure["total"] < everything
    assert all(e["confidence"] >= 0.8 for e in sure["events"])
    window = api(client, "/api/events?since=2020-02-01&until=2020-02-29&limit=500")
    assert 0 < window["total"] < everything
    assert all("2020-02-01" <= e["date"][:10] <= "2020-02-29" for e in window["events"] if e["date"][:4].isdigit())
    turkey = total(client, "actor=TUR")
    to_turkey = api(client, "/api/events?recipient=TUR&limit=500")
    assert 0 < to_turkey["total"] < turkey < everything
    # a name matches as a substring, a code as the country: "Turkish military" answers recipient=TUR too
    assert all(e["recipient"] and "TUR" in json.dumps(e["recipient"]).upper() for e in to_turkey["events"])
    idlib = api(client, "/api/events?place=Idlib&limit=500")
    assert 0 < idlib["total"] < everything
    stories = api(client, "/api/stories")["stories"]
    small = min(stories, key=lambda s: s["reports"])
    in_story = api(client, f"/api/events?story={small['id']}&limit=500")
    assert 0 < in_story["total"] < everything
    assert {e["article_id"] for e in in_story["events"]} <= set(small["report_ids"])
    # filters combine: each added one can only narrow
    assert total(client, "type=ASSAULT&place=Idlib") <= min(assault["total"], idlib["total"])


def test_full_text_search_over_evidence_sentences(client: TestClient) -> None:
    found = api(client, "/api/events?q=ceasefire&limit=500")
    assert 0 < found["total"] < total(client)
    assert all("ceasefire" in e["sentence"].lower() for e in found["events"])
    narrower = api(client, "/api/events?q=ceasefire+violated&limit=500")
    assert narrower["total"] <= found["total"]
    assert all({"ceasefire", "violated"} <= set(re.findall(r"\w+", e["sentence"].lower())) for e in narrower["events"])
    # words the index has never seen, and characters FTS5 would read as syntax, find nothing without an error
    assert total(client, "q=zzzqqqxx") == 0
    assert total(client, "q=" + "%22%28*%29%3A-") == 0
    page = client.get("/events?q=ceasefire").text
    assert page.count('class="event-row"') == min(found["total"], 50)


def test_pagination_is_consistent(client: TestClient) -> None:
    whole = api(client, "/api/events?type=ASSAULT&limit=500")
    ids = [e["id"] for e in whole["events"]]
    assert len(ids) == whole["total"] == len(set(ids))
    paged: list[str] = []
    offset = 0
    while True:
        page = api(client, f"/api/events?type=ASSAULT&limit=20&offset={offset}")
        assert page["total"] == whole["total"]
        if not page["events"]:
            break
        paged += [e["id"] for e in page["events"]]
        offset += 20
    assert paged == ids
    # the links an answer gives lead through the same pages
    followed: list[str] = []
    url: str | None = "/api/events?type=ASSAULT&limit=30"
    while url:
        page = api(client, url)
        followed += [e["id"] for e in page["events"]]
        url = page["next"]
    assert followed == ids and page["page"] == page["pages"] == -(-len(ids) // 30)
    assert (
        api(client, "/api/events?type=ASSAULT&limit=20&page=3")["events"]
        == api(client, "/api/events?type=ASSAULT&limit=20&offset=40")["events"]
    )
    html = client.get("/events?type=ASSAULT&limit=20&offset=20").text
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "page 2 of" in html
    assert html.count('class="event-row"') == 20


def test_map_places_follow_the_filters(client: TestClient) -> None:
    everywhere = api(client, "/api/places")["places"]
    assert everywhere and all(isinstance(p["lat"], float) and isinstance(p["lon"], float) for p in everywhere)
    syria = api(client, "/api/places?place=SYR")["places"]
    assert 0 < len(syria) < len(everywhere)
    assert {p["country"] for p in syria} == {"SYR"}
    html = client.get("/map?place=SYR").text
    assert 'data-places="/api/places?place=SYR"' in html
    assert 'src="/static/leaflet/leaflet.js"' in html
    for name in ("/static/leaflet/leaflet.js", "/static/basemap/countries-110m.geojson", "/static/map.js"):
        assert client.get(name).status_code == 200, name
    outlines = client.get("/static/basemap/countries-110m.geojson").json()
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert {"Syria", "Turkey", "Libya", "Ukraine"} <= names


# -- errors --------------------------------------------------------------------------------------------------------
def test_every_error_has_one_shape(client: TestClient) -> None:
    cases = {
        "/api/events?min_confidence=abc": 400,
        "/api/events?min_confidence=2": 400,
        "/api/events?since=last+week": 400,
        "/api/events?stance=maybe": 400,
        "/api/events?type=DROP%20TABLE": 400,
        "/api/events?limit=0": 400,
        "/api/events?limit=abc": 400,
        "/api/events?offset=5&page=2": 400,
        "/api/events?story=S-nothing": 400,
        "/api/stories/S-nothing": 404,
        "/api/articles/ffffffffffff": 404,
        "/api/articles/..%2F..%2Fetc%2Fpasswd": 404,
        "/api/nowhere": 404,
    }
    for url, status in cases.items():
        body = api(client, url, status)
        assert body["ok"] is False and body["status"] == status and body["error"], url
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405
        assert r.json() == {"ok": False, "error": r.json()["error"], "status": 405}
    # pages answer the same errors as HTML
    r = client.get("/events?min_confidence=abc")
    assert r.status_code == 400 and "min_confidence must be a number" in r.text
    assert client.get("/stories/S-nothing").status_code == 404


def test_server_errors_have_the_shape_too(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "gone.db"
    shutil.copy(web_db, db)
    app = create_app(db)
    db.unlink()  # the database disappears under a running server
    client = TestClient(app, raise_server_exceptions=False)
    r = client.get("/api/events")
    assert r.status_code == 500
    assert r.json()["ok"] is False and r.json()["status"] == 500 and "no database" in r.json()["error"]
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    schema = api(client, "/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/events",
        "/api/articles/{article_id}",
        "/api/agreements",
    }
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names >= {"type", "actor", "recipient", "place", "since", "until", "stance", "story", "min_confidence"}
    assert names >= {"q", "limit", "offset", "page"}


def test_serving_never_changes_the_database(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    shutil.copy(web_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    client = TestClient(create_app(db))
    for url in ("/", "/events?q=ceasefire", "/map", "/agreements", "/api/events?page=2", "/api/stories"):
        assert client.get(url).status_code == 200
    assert client.post("/api/events").status_code == 405
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_serve_without_a_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: [T003] no database at")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


# -- hostile reports -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile(hostile_db: Path) -> TestClient:
    return TestClient(create_app(hostile_db))


def _no_markup_from_data(html: str) -> None:
    for attack in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", 'href="javascript:'):
        assert attack not in html, attack
    # every script the page loads is one of our files
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.fullmatch(r'<script src="/static/[\w./-]+\.js">', tag), tag


def test_hostile_report_is_escaped_everywhere(hostile: TestClient) -> None:
    events = api(hostile, "/api/events?q=Crimson+Brigade")["events"]
    assert events, "the hostile report's events are stored"
    article_id = events[0]["article_id"]
    assert any(HOSTILE_ACTOR in json.dumps(e, ensure_ascii=False) for e in events), "the hostile actor name is used"
    urls = [
        "/",
        f"/articles/{article_id}",
        "/events?q=Crimson",
        "/events?actor=Brigade",
        "/map?q=Crimson",
        "/agreements",
    ]
    for story in api(hostile, "/api/stories")["stories"]:
        if article_id in story["report_ids"]:
            urls.append(f"/stories/{story['id']}")
    for url in urls:
        r = hostile.get(url)
        assert r.status_code == 200, url
        _no_markup_from_data(r.text)
        assert "default-src 'self'" in r.headers["content-security-policy"]
    page = hostile.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page  # shown, as text
    assert "&lt;svg onload=alert(3)&gt;Brigade" in hostile.get("/events?q=Crimson").text
    assert "javascript:alert(6)" in page and 'href="javascript' not in page


def test_hostile_query_parameters_are_escaped(hostile: TestClient) -> None:
    attack = '"><script>alert(8)</script>'
    for url in (f"/events?actor={attack}", f"/events?place={attack}&q={attack}", f"/map?recipient={attack}"):
        r = hostile.get(url)
        assert r.status_code == 200
        _no_markup_from_data(r.text)
        assert "&#34;&gt;&lt;script&gt;alert(8)&lt;/script&gt;" in r.text
    for url in (f"/events?since={attack}", f"/stories/{attack}", f"/api/events?stance={attack}"):
        r = hostile.get(url)
        assert r.status_code in (400, 404)
        if r.headers["content-type"].startswith("text/html"):
            _no_markup_from_data(r.text)


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/api/events", "/nowhere", "/api/events?limit=x", "/static/app.css", "/openapi.json"):
        r = client.get(url)
        policy = r.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert r.headers["x-content-type-options"] == "nosniff"


def test_tile_url_setting_is_checked_and_allowed_by_the_policy(tmp_path: Path) -> None:
    from truceline.errors import ConfigError
    from truceline.settings import load_settings

    good = tmp_path / "good.yaml"
    good.write_text("tile_url: https://{s}.tiles.example.org/{z}/{x}/{y}.png\n", encoding="utf-8")
    url = load_settings(good).tile_url
    assert url == "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    assert "https://*.tiles.example.org" in csp(url)
    assert "tiles.example.org" not in csp(None)
    assert "https://*.example.org;" in csp("https://tiles-{s}.example.org/{z}/{x}/{y}.png")
    assert "http://localhost:8080;" in csp("http://localhost:8080/{z}/{x}/{y}.png")
    for value in ("javascript:alert(1)//{z}/{x}/{y}", "https://example.org/tiles.png", "ftp://x.org/{z}/{x}/{y}"):
        bad = tmp_path / "bad.yaml"
        bad.write_text(f"tile_url: {json.dumps(value)}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="tile_url"):
            load_settings(bad)


def test_an_old_database_is_named_with_its_upgrade(web_db: Path, tmp_path: Path) -> None:
    import sqlite3

    from truceline.errors import StoreError

    db = tmp_path / "old.db"
    shutil.copy(web_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM migrations WHERE name = '0004_event_browsing'")
    with pytest.raises(StoreError, match=r"predates this version .*truceline status --db"):
        create_app(db)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 2 and result.output.startswith("error: [T003]")


def test_the_serve_command_serves(web_db: Path) -> None:
    """`truceline serve` as a user runs it: a process listening on localhost, answering until it is stopped."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "truceline.cli", "serve", "--db", str(web_db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {server.communicate()[1]}")
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["ok"] is True and r.json()["total"] > 0
        assert "default-src 'self'" in r.headers["content-security-policy"]
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"read-only at http://127.0.0.1:{port}/" in err
    assert "Traceback" not in err


def test_events_lead_to_their_canonical_event_in_its_story(client: TestClient) -> None:
    events = api(client, "/api/events?type=ASSAULT&limit=100")["events"]
    linked = [e for e in events if e["canonical"]]
    assert linked, "the bundled corpus is linked: its events belong to canonical events"
    multi = [e for e in linked if e["canonical"]["reports"] > 1]
    assert multi, "some events are told by several reports"
    e = multi[0]
    story = api(client, f"/api/stories/{e['canonical']['story_id']}")
    row = next(t for t in story["timeline"] if t["canonical_id"] == e["canonical"]["id"])
    assert e["id"] in row["mention_ids"]
    assert row["independent_sources"] == e["canonical"]["independent_sources"]
    html = client.get("/events?type=ASSAULT&limit=100").text
    assert f'href="/stories/{e["canonical"]["story_id"]}#{e["canonical"]["id"]}"' in html
    assert f'id="{e["canonical"]["id"]}"' in client.get(f"/stories/{e['canonical']['story_id']}").text


def test_a_tile_url_reaches_the_map(web_db: Path) -> None:
    url = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    client = TestClient(create_app(web_db, tile_url=url))
    r = client.get("/map")
    assert f'data-tiles="{url}"' in r.text
    assert "img-src 'self' data: https://*.tiles.example.org;" in r.headers["content-security-policy"]
    assert "data-tiles" not in TestClient(create_app(web_db)).get("/map").text
