"""PostgreSQL as the store (`--db postgresql://...`), against a real throwaway server (tests/pg.py): the same
migrations, queries and results as SQLite, through the store, the command line, the Python API and the web app's
JSON API. Every test skips with the reason where no server can start."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_store import BODY, analysis, raw

import truceline
from truceline.errors import StoreError
from truceline.model import Actor, Analysis, PubDate
from truceline.store import EventFilter, Store, browse
from truceline.store.migrations import MIGRATIONS
from truceline.store.rows import DocResult, article_rows

psycopg = pytest.importorskip("psycopg", reason="psycopg (the 'postgres' extra) talks to the server")


def undated(doc_id: str) -> Analysis:
    """test_store.py's report with no publication date and its events undated: NULLs to sort and compare."""
    a = analysis(doc_id)
    article = replace(a.article, published=PubDate(None, None, None, "unknown", ()))
    return replace(a, article=article, events=[replace(e, date=None, place=None) for e in a.events])


def filled(store: Store) -> Store:
    """Reports of our own (test_store.py's): one with a compound actor, one undated, one skipped."""
    a = analysis()
    north, south = a.actors
    a.events[0] = replace(a.events[0], actor=Actor(0, 30, "Northland and Southland", members=(north, south)))
    store.add_documents([raw(), raw("b2", BODY + " "), raw("c_3%", BODY + "  "), raw("d4", BODY + "   ")])
    store.save_analysis(a)
    store.save_analysis(analysis("b2", day=9))
    store.save_analysis(undated("d4"))
    store.save_results([DocResult("c_3%", "c_3%", "skipped", "no article text")])
    return store


FILTERS = [
    EventFilter(),
    EventFilter(type="assault"),
    EventFilter(actor="sth"),
    EventFilter(actor="NTH"),
    EventFilter(actor="%"),
    EventFilter(actor="_"),
    EventFilter(place="vel"),
    EventFilter(place="V_ll"),
    EventFilter(article="a"),
    EventFilter(article="%"),
    EventFilter(since="2020-02-05"),
    EventFilter(until="2020-02-05", stance="asserted"),
    EventFilter(recipient="STH"),
    EventFilter(min_confidence=0.5),
    EventFilter(limit=1),
]


def answers(store: Store) -> dict[str, Any]:
    """What every reading query of the store gives."""
    out: dict[str, Any] = {f"events {f}": store.events(f) for f in FILTERS}
    out["articles"] = store.articles()
    out["articles a"] = store.articles("a")
    out["mentions"] = store.mentions("a1")
    out["search"] = store.search_articles("shelled")
    out["stats"] = store.stats()
    out["skips"] = [(s["origin"], s["reason"], s["stage"]) for s in store.skips()]
    out["content"] = store.content()
    out["integrity"] = store.integrity_check()
    for words in ("shelled", "Vell shelled", "nothing-like-this", "%"):
        out[f"count {words}"] = browse.count_events(store, EventFilter(), words)
        out[f"page {words}"] = browse.events_page(store, EventFilter(), search=words)
    out["places"] = browse.event_places(store, EventFilter())
    out["types"] = browse.event_values(store, "type")
    out["titles"] = browse.article_titles(store, ["a1", "b2", "zz"])
    return out


def test_migrations_are_the_same_names_applied_once(pg_url: str) -> None:
    Store.open(pg_url).close()
    with Store.open(pg_url) as store:
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
        assert store.dialect == "postgresql"


def test_every_store_query_gives_the_same_answer_on_both_backends(tmp_path: Path, pg_url: str) -> None:
    with filled(Store.open(tmp_path / "t.db")) as lite, filled(Store.open(pg_url)) as server:
        expected, got = answers(lite), answers(server)
        assert expected["events {}".format(EventFilter(actor="sth"))], "the filters select something"
        assert expected["count shelled"] == 3 and expected["integrity"] == "ok"
        for key in expected:
            assert got[key] == expected[key], key


def test_reingesting_and_reprocessing_duplicate_nothing(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        store.add_documents([raw(), raw("b2", BODY + " ")])
        store.save_analysis(analysis())
        before = store.content()
        assert store.add_documents([raw(), raw("b2", BODY + " ")]) == 0
        store.save_analysis(analysis())
        assert store.load_results([DocResult("a1", "a1", "processed", rows=article_rows(analysis()))]) == []
        assert store.content() == before


def test_a_nul_character_is_stored_as_a_replacement_character_at_the_same_offset(pg_url: str) -> None:
    # PostgreSQL's text cannot hold NUL, which a JSON line ("\u0000") can carry into a report
    with Store.open(pg_url) as store:
        assert store.add_documents([raw("n1", "Northland shelled\x00 Vell."), raw("n2", "Plain.")]) == 2
        stored = {d.id: d.content for d in store.pending_documents()}
        assert stored == {"n1": "Northland shelled\ufffd Vell.", "n2": "Plain."}
        assert store.events(EventFilter(actor="shelled\x00")) == []


def test_a_failed_write_leaves_earlier_data_intact(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        store.add_documents([raw()])
        store.save_analysis(analysis())
        broken = analysis()
        broken.events.append(broken.events[0])  # two events with one id: the write fails half-way
        with pytest.raises(psycopg.IntegrityError):
            store.save_analysis(broken)
        assert store.stats()["events"] == 2 and len(store.articles()) == 1


def test_writers_on_several_connections_each_store_whole_reports(pg_url: str) -> None:
    ids = [f"w{i}" for i in range(8)]
    errors: list[BaseException] = []

    def write(doc_ids: list[str]) -> None:
        try:
            with Store.open(pg_url) as store:
                for doc_id in doc_ids:
                    store.add_documents([raw(doc_id, BODY + doc_id)])
                    store.save_results([DocResult(doc_id, doc_id, "processed", rows=article_rows(analysis(doc_id)))])
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    # both open the new database at once: one applies the migrations, the other waits for them
    threads = [threading.Thread(target=write, args=(ids[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    with Store.open(pg_url) as store:
        assert store.stats()["documents_processed"] == len(ids) and store.stats()["events"] == 2 * len(ids)
        assert store.integrity_check() == "ok"
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)


def test_the_python_api_opens_a_server_read_only(tmp_path: Path, pg_url: str) -> None:
    filled(Store.open(pg_url)).close()
    filled(Store.open(tmp_path / "t.db")).close()
    with truceline.open(pg_url) as db, truceline.open(tmp_path / "t.db") as twin:
        assert [e.id for e in db.events(actor="sth")] == [e.id for e in twin.events(actor="sth")]
        assert len(db.events(actor="sth")) == 4
        assert [a.id for a in db.articles(search="shelled")] == [a.id for a in twin.articles(search="shelled")]
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            db.store.add_documents([raw("new")])
    with truceline.open(pg_url, write=True) as db:
        assert db.store.add_documents([raw("new")]) == 1


def test_bad_urls_and_servers_are_one_line_errors(pg_server: Any, tmp_path: Path) -> None:
    from truceline.cli import cli

    socket = f"host={pg_server.socket}&port=54329"
    cases = {
        f"postgresql://postgres@/no_such_db?{socket}": "cannot connect",
        f"postgresql://nobody@/postgres?{socket}": "cannot connect",
        f"postgresql://postgres@/postgres?host={tmp_path}/none&port=1": "cannot connect",
        "postgresql://postgres@localhost:port/x": "malformed PostgreSQL URL",
        "postgresql://postgres@localhost:5432/": "no database name",
    }
    for url, message in cases.items():
        result = CliRunner().invoke(cli, ["status", "--db", url])
        assert result.exit_code == 2, (url, result.output)
        assert message in result.output and "Traceback" not in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
    empty = pg_server.new_database()
    result = CliRunner().invoke(cli, ["events", "--db", empty])
    assert result.exit_code == 2 and "no Truceline database" in result.output
    with pytest.raises(StoreError, match="no Truceline database"):
        browse.open_readonly(empty)
    # a user who may log in but not create tables there (PostgreSQL 15 gives PUBLIC no CREATE on schema public)
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute("CREATE ROLE reader LOGIN")
    report = tmp_path / "report.txt"
    report.write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(report), "--db", empty.replace("postgres@", "reader@")])
    assert result.exit_code == 2 and "cannot create or upgrade Truceline's tables" in result.output, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_a_url_in_the_settings_file_or_the_environment_names_the_server(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from truceline.cli import cli
    from truceline.settings import load_settings

    filled(Store.open(pg_url)).close()
    settings = tmp_path / "truceline.yaml"
    settings.write_text(f"db: {json.dumps(pg_url)}\n", encoding="utf-8")
    assert load_settings(settings).db == pg_url, "a URL is not a path relative to the settings file"
    monkeypatch.setenv("TRUCELINE_SETTINGS", str(settings))
    by_file = CliRunner().invoke(cli, ["events", "--actor", "sth"])
    monkeypatch.delenv("TRUCELINE_SETTINGS")
    monkeypatch.setenv("TRUCELINE_DB", pg_url)
    by_env = CliRunner().invoke(cli, ["events", "--actor", "sth"])
    assert by_file.exit_code == by_env.exit_code == 0, by_file.output + by_env.output
    assert by_file.output == by_env.output and by_file.output.count("\n") == 4


# -- end to end: the bundled corpus on both backends ----------------------------------------------------------------
CORPUS_REPORTS = 18  # a part of the bundled corpus, enough for stories, agreements and contradictions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from truceline.sample import REPORTS_DIR

    folder = tmp_path_factory.mktemp("pg-corpus")
    for path in sorted(Path(REPORTS_DIR).iterdir())[:CORPUS_REPORTS]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def pair(corpus: Path, pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(SQLite path, PostgreSQL URL): the same reports run by `truceline run`, one worker into SQLite and two into
    PostgreSQL."""
    from test_kill import finish

    folder = tmp_path_factory.mktemp("pg-pair")
    lite, server = str(folder / "corpus.db"), pg_server.new_database("corpus")
    finish(["run", str(corpus), "--db", lite, "--workers", "1"], folder / "lite.log")
    finish(["run", str(corpus), "--db", server, "--workers", "2"], folder / "server.log")
    yield lite, server


def cli_output(args: list[str], db: str) -> str:
    from truceline.cli import cli

    result = CliRunner().invoke(cli, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_every_command_prints_the_same_on_both_backends(pair: tuple[str, str]) -> None:
    lite, server = pair
    with Store.open(lite) as store:
        rows = store.content()
        articles = [a["id"] for a in store.articles()]
        stories = [s["id"] for s in store.link.stories()]
    assert len(articles) == CORPUS_REPORTS and stories and rows["link_canonical"] and rows["link_agreements"]
    with Store.open(server) as store:
        assert store.content() == rows, "every table holds the same rows"
    commands = [
        ["status"],
        ["events"],
        ["events", "--format", "jsonl"],
        ["events", "--actor", "syr", "--type", "ASSAULT,ACCUSE"],
        ["events", "--actor", "%"],
        ["events", "--place", "_"],
        ["events", "--article", "_"],
        ["events", "--since", "2020-02", "--until", "2020-03-05"],
        ["events", "--min-confidence", "0.8"],
        ["articles"],
        ["articles", "--format", "jsonl"],
        ["articles", "--search", "ceasefire"],
        ["timeline"],
        ["timeline", "--format", "jsonl"],
        ["timeline", "--place", "idlib"],
        ["stories"],
        ["stories", "--format", "jsonl"],
        ["agreements"],
        ["agreements", "--format", "jsonl"],
        ["contradictions"],
        *(["show", a] for a in articles),
        *(["summary", "--story", s] for s in stories[:3]),
        *(["timeline", "--story", s] for s in stories[:3]),
    ]
    for args in commands:
        assert cli_output(args, server) == cli_output(args, lite), args
    assert cli_output(["events", "--actor", "%"], lite).count("\n") <= 2, "a % in a filter widens nothing"


@pytest.mark.slow
def test_reingesting_the_corpus_into_the_server_stores_nothing_twice(
    pair: tuple[str, str], corpus: Path, pg_server: Any
) -> None:
    _, server = pair
    with Store.open(server) as store:
        before = store.content()
    cli_output(["ingest", str(corpus)], server)
    cli_output(["process"], server)
    with Store.open(server) as store:
        assert store.content() == before


@pytest.mark.slow
def test_the_web_api_reads_the_server_as_it_reads_sqlite(pair: tuple[str, str]) -> None:
    pytest.importorskip("httpx", reason="Starlette's test client needs httpx")
    from starlette.testclient import TestClient

    from truceline.web import create_app

    lite, server = (TestClient(create_app(db)) for db in pair)
    stories = lite.get("/api/stories").json()["stories"]
    event = lite.get("/api/events?limit=1").json()["events"][0]
    urls = [
        "/api/stories",
        "/api/events",
        "/api/events?limit=7&offset=5",
        "/api/events?q=ceasefire",
        "/api/events?actor=%25&place=_",
        "/api/events?type=ASSAULT&since=2020-02",
        "/api/places",
        "/api/agreements",
        f"/api/articles/{event['article_id']}",
        *(f"/api/stories/{s['id']}" for s in stories),
    ]
    for url in urls:
        a, b = lite.get(url), server.get(url)
        assert (b.status_code, json.loads(b.text)) == (a.status_code, json.loads(a.text)), url
    assert json.loads(lite.get("/api/events?q=ceasefire").text)["total"] > 0


def test_serve_never_prints_the_servers_password(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`truceline serve --db URL` says what it serves, with the password of the URL hidden."""
    import uvicorn
    from click.testing import CliRunner

    from truceline.cli import cli

    filled(Store.open(pg_url)).close()
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(app))
    with_password = pg_url.replace("postgres@", "postgres:s3cret-word@", 1)
    result = CliRunner().invoke(cli, ["serve", "--db", with_password])
    assert result.exit_code == 0, result.output
    assert len(served) == 1
    assert "s3cret-word" not in result.output and "postgres:***@" in result.output
