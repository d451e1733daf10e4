"""The Python API (`import truceline`) over a database the real CLI built from the bundled sample corpus: what it
returns agrees with the CLI's JSON, its records are typed and frozen, bad input is a one-line Truceline error, it
refuses to write unless opened for writing, and importing it does not load spaCy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import truceline
from truceline import errors
from truceline.cli import cli
from truceline.sample import REPORTS_DIR

README = Path(__file__).resolve().parents[1] / "README.md"


def cli_json(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, [*args, "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database built through the Python API itself: create, ingest, process (and link)."""
    db_path = str(tmp_path_factory.mktemp("pyapi") / "sample.db")
    with truceline.open(db_path, create=True) as db:
        ingested = db.ingest(REPORTS_DIR)
        assert ingested.new > 40 and not ingested.skipped
        processed = db.process()
        assert processed.processed == ingested.new and not processed.failed
        assert processed.link is not None and processed.link.linked == processed.processed
    return db_path


@pytest.fixture
def db(path: str) -> Any:
    with truceline.open(path) as opened:
        yield opened


def _same(record_json: Any, exported: Any) -> bool:
    """A record's JSON against the CLI's: keys the export leaves out (an actor without a code) are empty."""
    if isinstance(exported, dict):
        return all(_same(record_json.get(k), v) for k, v in exported.items()) and all(
            v in (None, [], {}) for k, v in record_json.items() if k not in exported
        )
    if isinstance(exported, list):
        return len(record_json) == len(exported) and all(map(_same, record_json, exported))
    return bool(record_json == exported)


# -- the public names ------------------------------------------------------------------------------------------
def test_every_public_name_exists_and_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    section = section[: section.index("\n## ", 4)]
    assert len(truceline.__all__) == len(set(truceline.__all__))
    for name in truceline.__all__:
        obj = getattr(truceline, name)
        assert name in section, f"{name} is not in the README's Python API section"
        if issubclass(obj, truceline.TrucelineError) if isinstance(obj, type) else False:
            assert name in (errors.__doc__ or "")
        else:
            assert inspect.getdoc(obj), f"{name} has no docstring"
    public = {n for n in dir(truceline) if not n.startswith("_") and not inspect.ismodule(getattr(truceline, n))}
    assert public == set(truceline.__all__)


def test_importing_truceline_does_not_load_spacy() -> None:
    code = (
        "import sys, truceline; [getattr(truceline, name) for name in truceline.__all__]; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'pyarrow', 'pandas')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


# -- reading ---------------------------------------------------------------------------------------------------
def test_events_are_the_cli_events_as_typed_frozen_records(db: Any, path: str) -> None:
    exported = cli_json("events", "--db", path)
    events = db.events()
    assert [e.id for e in events] == [e["id"] for e in exported]
    for record, item in zip(events, exported, strict=True):
        assert isinstance(record, truceline.EventRecord)
        linked = {"canonical_id", "story_id", "cluster_id"}  # the record adds where linking placed it
        assert _same({k: v for k, v in record.to_json().items() if k not in linked}, item), record.id
        assert record.actor is None or isinstance(record.actor, truceline.ActorRecord)
        assert record.place is None or isinstance(record.place, truceline.PlaceRecord)
    first = events[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.type = "AID"  # type: ignore[misc]
    assert sum(e.story_id is not None for e in events) > len(events) // 2  # linked: stories and canonical ids


@pytest.mark.parametrize(
    ("api", "cli_args"),
    [
        ({"actor": "TUR", "since": "2020-01-01"}, ["--actor", "TUR", "--since", "2020-01-01"]),
        (
            {"type": ["ASSAULT", "ACCUSE"], "until": dt.date(2020, 2, 1)},
            ["--type", "ASSAULT,ACCUSE", "--until", "2020-02-01"],
        ),
        ({"stance": "denied"}, ["--stance", "denied"]),
        (
            {"place": "SYR", "min_confidence": 0.8, "limit": 7},
            ["--place", "SYR", "--min-confidence", "0.8", "--limit", "7"],
        ),
    ],
)
def test_filters_select_what_the_cli_selects(db: Any, path: str, api: dict[str, Any], cli_args: list[str]) -> None:
    got = [e.id for e in db.events(**api)]
    assert got == [e["id"] for e in cli_json("events", "--db", path, *cli_args)]
    assert got, f"the filter {api} selects nothing in the sample corpus"


def test_story_filter_and_timeline(db: Any, path: str) -> None:
    stories = db.stories()
    assert [s.id for s in stories] == [s["id"] for s in cli_json("stories", "--db", path)]
    story = max(stories, key=lambda s: s.reports)
    assert isinstance(story, truceline.StoryRecord) and story.reports >= 2
    events = db.events(story=story.id[:6] if len(story.id) > 6 else story.id)
    assert events and {e.story_id for e in events} == {story.id}
    timeline = db.timeline(story=story.id)
    exported = cli_json("timeline", "--db", path, "--story", story.id)
    assert [t.canonical_id for t in timeline] == [t["canonical_id"] for t in exported]
    assert all(isinstance(t, truceline.TimelineRecord) and t.reports >= 1 for t in timeline)
    assert {t.canonical_id for t in timeline} == {e.canonical_id for e in events}


def test_articles_agreements_and_contradictions(db: Any, path: str) -> None:
    articles = db.articles()
    assert [a.id for a in articles] == [a["id"] for a in cli_json("articles", "--db", path)]
    one = db.article(articles[0].id[:8])
    assert one.id == articles[0].id and one.body and one.story_ids
    for event in db.events(article=one.id):
        assert one.body[event.start_char : event.end_char] == event.sentence
    agreements = db.agreements()
    assert [a.id for a in agreements] == [a["id"] for a in cli_json("agreements", "--db", path)]
    assert any(a.events for a in agreements) and isinstance(agreements[0].mentions[0], truceline.AgreementMentionRecord)
    contradictions = db.contradictions()
    assert all(isinstance(c, truceline.ContradictionRecord) and c.positions for c in contradictions)
    assert db.stats()["articles"] == len(articles)
    assert db.articles(search="ceasefire") and not db.articles(search="zzzqqq")


def test_dates_are_typed(db: Any) -> None:
    event = next(e for e in db.events() if e.date and len(e.date) == 10)
    assert event.date_start == event.date_end == dt.date.fromisoformat(event.date)


# -- errors ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ({"stance": "maybe"}, "T002"),
        ({"since": "last week"}, "T002"),
        ({"type": "BOMBING"}, "T002"),
        ({"limit": 0}, "T002"),
        ({"min_confidence": 1.5}, "T002"),
        ({"actor": ""}, "T002"),
        ({"story": "no-such-story"}, "T001"),
    ],
)
def test_a_bad_filter_is_a_one_line_error(db: Any, bad: dict[str, Any], code: str) -> None:
    with pytest.raises(truceline.TrucelineError) as caught:
        db.events(**bad)
    assert str(caught.value).startswith(f"[{code}]") and "\n" not in str(caught.value)


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(truceline.StoreError):
        truceline.open(missing)
    assert not missing.exists()
    with pytest.raises(truceline.InputError):
        truceline.open(tmp_path / "new.db", create=True).ingest(tmp_path / "no-such-folder")


def test_read_only_refuses_every_write(db: Any, path: str) -> None:
    for write in (lambda: db.ingest(REPORTS_DIR), db.process, db.link):
        with pytest.raises(truceline.StoreError, match="read-only"):
            write()
    with pytest.raises(Exception, match=r"readonly|read-only"):
        db.store.conn.execute("DELETE FROM events")  # SQLite itself refuses it on this connection
    assert db.events(limit=1)


def test_to_pandas_gives_the_flat_typed_columns(db: Any) -> None:
    pandas = pytest.importorskip("pandas")
    frame = db.events().to_pandas()
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(db.events())
    assert {"actor_name", "place_country", "latitude", "date_start", "story_id"} <= set(frame.columns)
    assert str(frame["killed"].dtype) == "Int64" and str(frame["latitude"].dtype) == "float64"
    assert list(frame["id"]) == [e.id for e in db.events()]
    stories = db.stories().to_pandas()
    assert list(stories["id"]) == [s.id for s in db.stories()] and "headline" in stories.columns


def test_to_pandas_without_pandas_names_it(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(truceline.ConfigError, match="pandas"):
        db.stories().to_pandas()


# -- in memory ---------------------------------------------------------------------------------------------------
def test_process_texts_in_memory() -> None:
    texts = [
        "Government artillery shelled the rebel-held town of Kafr Nabl on Tuesday, killing four people, "
        "a local monitor said.",
        {"text": "  ", "title": "nothing"},
        {
            "text": "Rebel fighters attacked an army checkpoint near Saraqib on 3 March 2020, the ministry said.",
            "title": "Checkpoint attacked",
            "published": "2020-03-05",
            "id": "mine-1",
        },
    ]
    reports = truceline.process(texts)
    assert [r.origin for r in reports] == ["text 1", "text 2", "text 3 (id=mine-1)"]
    shelling, empty, attack = reports
    assert empty.skipped and empty.article is None and not empty.events
    assert attack.article is not None and attack.article.title == "Checkpoint attacked"
    assert attack.article.published == "2020-03-05"
    assert any(e.type == "ASSAULT" and e.date == "2020-03-03" for e in attack.events)
    for report in (shelling, attack):
        assert report.events and all(isinstance(e, truceline.EventRecord) for e in report.events)
        assert report.article is not None
        for e in report.events:
            assert report.article.body[e.start_char : e.end_char] == e.sentence
    assert shelling.events[0].killed == 4


def test_process_rejects_what_is_not_a_text() -> None:
    with pytest.raises(truceline.InputError, match="text 2"):
        truceline.process(["fine", 42])  # type: ignore[list-item]
