from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from truceline.errors import StoreError
from truceline.model import (
    Actor,
    Analysis,
    Article,
    Caption,
    CleanedText,
    DroppedLine,
    Event,
    Place,
    PubDate,
    Quantity,
    RawDocument,
    TimeRef,
    Trigger,
)
from truceline.store import EventFilter, Store
from truceline.store.migrations import MIGRATIONS

BODY = "Northland shelled the border town of Vell on Monday, killing four people.\n\nSouthland denied the report."


def raw(doc_id: str = "a1", content: str = BODY) -> RawDocument:
    return RawDocument(id=doc_id, kind="text", content=content, origin=f"{doc_id}.txt")


def analysis(doc_id: str = "a1", day: int = 3) -> Analysis:
    pub = PubDate(f"2020-02-0{day}", date(2020, 2, day), date(2020, 2, day), "day", ("metadata: given",))
    cleaned = CleanedText(
        title="Border town shelled",
        body=BODY,
        captions=(Caption("A photo of the town.", "Staff"),),
        dropped_lines=(DroppedLine("Share this", "chrome:share"),),
    )
    art = Article(doc_id, f"{doc_id}.txt", "Border town shelled", None, "Test Wire", pub, cleaned)
    north = Actor(0, 9, "Northland", "Northland", "NTH", "GOV")
    place = Place(BODY.index("Vell"), BODY.index("Vell") + 4, "Vell", "Vell", "NTH", 1.0, 2.0)
    killed = Quantity(BODY.index("four"), BODY.index("four") + 11, "four people", "killed", 4)
    monday = TimeRef(BODY.index("Monday"), BODY.index("Monday") + 6, "Monday", "DATE", "2020-02-03")
    s1_end = BODY.index("\n")
    assault = Event(
        doc_id,
        0,
        "ASSAULT",
        "shelling",
        0,
        s1_end,
        BODY[:s1_end],
        Trigger(10, 17, "shelled", "shell"),
        actor=north,
        place=place,
        time=monday,
        date=f"2020-02-0{day}",
        date_precision="day",
        killed=killed,
    )
    deny_start = BODY.index("Southland")
    south = Actor(deny_start, deny_start + 9, "Southland", "Southland", "STH", "GOV")
    denial = Event(
        doc_id,
        1,
        "REJECT",
        None,
        deny_start,
        len(BODY),
        BODY[deny_start:],
        Trigger(deny_start + 10, deny_start + 16, "denied", "deny"),
        actor=south,
        stance="asserted",
        date=None,
        date_precision="reported by",
        date_from_publication=True,
        links=(("denies", 0),),
    )
    return Analysis(
        art, times=[monday], actors=[north, south], places=[place], quantities=[killed], events=[assault, denial]
    )


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(db).close()
    with Store.open(db) as store:
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)


def test_reingesting_the_same_document_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        assert store.add_documents([raw()]) == 1
        assert store.add_documents([raw(), raw()]) == 0
        assert store.stats()["documents_pending"] == 1


def test_analysis_round_trip_keeps_offsets_and_links(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([raw()])
        store.save_analysis(analysis())
        events = store.events()
        assert [e["type"] for e in events] == ["ASSAULT", "REJECT"]
        first = events[0]
        assert BODY[first["start_char"] : first["end_char"]] == first["sentence"]
        assert first["killed"] == 4 and first["place"]["name"] == "Vell"
        assert events[1]["links"] == [{"relation": "denies", "event": "a1-e0"}]
        art = store.articles()[0]
        assert art["published"] == "2020-02-03" and art["captions"][0]["credit"] == "Staff"
        assert store.stats()["documents_processed"] == 1
        layers = {m["layer"] for m in store.mentions("a1")}
        assert layers == {"time", "actor", "place", "quantity"}


def test_saving_again_replaces_rather_than_duplicates(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([raw()])
        store.save_analysis(analysis())
        store.save_analysis(analysis())
        assert store.stats()["events"] == 2
        assert store.search_articles("shelled") == ["a1"]


def test_filters_select_by_actor_type_and_date(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([raw(), raw("b2", BODY + " ")])
        store.save_analysis(analysis())
        store.save_analysis(analysis("b2", day=9))
        assert len(store.events(EventFilter(type="assault"))) == 2
        assert len(store.events(EventFilter(actor="STH"))) == 2
        assert [e["article_id"] for e in store.events(EventFilter(type="ASSAULT", since="2020-02-05"))] == ["b2"]
        assert [e["article_id"] for e in store.events(EventFilter(type="ASSAULT", until="2020-02-05"))] == ["a1"]
        assert store.events(EventFilter(place="Vell", type="REJECT")) == []


def test_a_failed_write_leaves_earlier_data_intact(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([raw()])
        store.save_analysis(analysis())
        broken = analysis()
        # Two events with the same id violate the primary key half-way through the write.
        broken.events.append(broken.events[0])
        with pytest.raises(sqlite3.IntegrityError):
            store.save_analysis(broken)
        assert store.stats()["events"] == 2
        assert len(store.articles()) == 1


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open(bad)


def test_reading_a_missing_database_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="truceline run"):
        Store.open(tmp_path / "none.db", create=False)


def test_actor_filter_finds_members_of_compound_actors(tmp_path: Path) -> None:
    a = analysis()
    north, south = a.actors
    pair = Actor(0, 30, "Northland and Southland", members=(north, south))
    a.events[0] = replace(a.events[0], actor=pair)
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([raw()])
        store.save_analysis(a)
        assert [e["type"] for e in store.events(EventFilter(actor="sth"))] == ["ASSAULT", "REJECT"]
        assert [e["type"] for e in store.events(EventFilter(actor="NTH"))] == ["ASSAULT"]
        assert store.events(EventFilter(actor="XYZ")) == []
