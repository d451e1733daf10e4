from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run (a test suite that fails at random is no gate), and with
# TRUCELINE_FUZZ=1 new ones each time, to look for inputs that break a stage (bench/fuzz_ingest.py fuzzes longer).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("TRUCELINE_FUZZ") == "1" else "repeatable")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared development data (seeds and gold sets); tests using it skip on a user's clone without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (seeds and gold sets) is not present next to this clone")
    return SHARED


@pytest.fixture(scope="session")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed reports ingested, processed and linked once, for the tests that only read what they give."""
    from truceline import api
    from truceline.store import Store

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store.open(db) as store:
        api.ingest(store, [str(shared / "seeds")])
        api.process(store, workers=1)
    return db


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole run through the same loader the pipeline uses."""
    from truceline.errors import ModelError
    from truceline.nlp import load_nlp

    try:
        return load_nlp()
    except ModelError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def coder(nlp: Any) -> Any:
    """Codes one sentence as the PLOVER eval does: (actor codes, recipient codes, type) of its main event."""
    from truceline.events.coding import actor_codes, code_text, load_dictionary, main_event

    dictionary = load_dictionary()

    def run(text: str) -> tuple[set[str], set[str], str]:
        events, docs = code_text(text, dictionary, nlp)
        event = main_event(events, docs)
        assert event is not None, text
        return actor_codes(event.actor), actor_codes(event.recipient), event.type

    return run


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested, processed and linked into a database once per run: what the web app's tests
    (tests/test_web*.py, tests/test_browser*.py) serve. Tests copy it before changing anything."""
    from truceline import api
    from truceline.errors import ModelError
    from truceline.sample import REPORTS_DIR
    from truceline.store import Store

    path = tmp_path_factory.mktemp("web") / "demo.db"
    try:
        with Store.open(path) as store:
            api.ingest(store, [str(REPORTS_DIR)])
            api.process(store)
    except ModelError as exc:
        pytest.skip(str(exc))
    return path


HOSTILE_TITLE = '<script>alert("title")</script> Clashes "><img src=x onerror=alert(1)> near Saraqib'
HOSTILE_ACTOR = '"><svg onload=alert(3)>Brigade'


@pytest.fixture(scope="session")
def hostile_db(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web tests' database plus a report of our own whose title, body, URL, outlet and an actor's name (from a
    user dictionary) are attacks on a page: markup, event handlers, a javascript: URL."""
    import json
    import shutil

    from truceline import api
    from truceline.store import Store

    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "hostile.db"
    shutil.copy(web_db, db)
    actors = folder / "actors.yaml"
    actors.write_text(
        f"- name: {json.dumps(HOSTILE_ACTOR)}\n  kind: group\n  country: SYR\n  sector: REB\n"
        "  aliases: [Crimson Brigade]\n",
        encoding="utf-8",
    )
    body = (
        "The Crimson Brigade shelled Saraqib on Monday, killing four civilians, officials said. "
        '<script>alert("body")</script> The <b onmouseover=alert(4)>army</b> said it had hit back at the '
        "Crimson Brigade near Idlib. <img src=x onerror=alert(5)>"
    )
    report = {
        "id": "hostile-1",
        "title": HOSTILE_TITLE,
        "text": body,
        "url": "javascript:alert(6)",
        "source": "<script>alert(7)</script>",
        "published": "2020-02-10",
    }
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps(report) + "\n", encoding="utf-8")
    with Store.open(db) as store:
        assert api.ingest(store, [str(path)]).new == 1
        assert api.process(store, actors=[actors]).processed == 1
    return db


@pytest.fixture(scope="session")
def pg_server() -> Any:
    """A throwaway PostgreSQL server for the run (tests/pg.py), stopped at its end; the tests that need it skip
    with the reason where none can start."""
    from pg import start

    server = start()
    if isinstance(server, str):
        pytest.skip(server)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: Any) -> str:
    """The URL of a new, empty database of its own on the test server."""
    return str(pg_server.new_database())
