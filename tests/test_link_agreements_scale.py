"""Agreements past the first 500: a truce is superseded by the right later one however many agreements the corpus
holds, and an agreement's refresh, kept from the new report's links, ends where a refresh from all its links does.

The agreements are made here through the store API (objects.new_agreement, LinkTables.save_agreement) and the
reports from templates of our own.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from truceline.link import agreements as objects
from truceline.link import link
from truceline.link.resolve import HISTORY, MAX_TERMS, AgreementLinker
from truceline.model import Actor, Analysis, Article, CleanedText, Event, Place, PubDate, RawDocument, Trigger
from truceline.store import Store
from truceline.store.link import LinkTables


def _save(tables: LinkTables, row: dict[str, Any]) -> str:
    row["seq"] = objects.next_seq(tables)
    tables.save_agreement(row)
    return str(row["id"])


def _day(rng: random.Random, first: date, days: int) -> str:
    return (first + timedelta(days=rng.randrange(days))).isoformat()


def _fill(tables: LinkTables, n: int, rng: random.Random, zones: list[str | None], first: date) -> None:
    """n agreements of every kind over 900 days from `first`, some known only by their day in force, some on the
    same day as others."""
    for i in range(n):
        kind = rng.choice(objects.KINDS)
        signed = _day(rng, first, 900)
        in_force = rng.choice([None, None, signed, _day(rng, first, 900)])
        zone_country = rng.choice(zones)
        parties = rng.sample(["AAA", "BBB", "CCC", "DDD", "EEE"], rng.randrange(0, 3))
        row = objects.new_agreement(
            f"F-{i:04d}", "corpus", f"Deal {i}", kind, rng.choice([signed, signed, None]) if in_force else signed,
            in_force, f"place {zone_country}" if zone_country and rng.random() < 0.9 else None, parties=parties,
            zone_country=zone_country,
        )  # fmt: skip
        _save(tables, row)


def test_a_late_truce_supersedes_the_right_one_past_500_agreements(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        tables = store.link
        rng = random.Random(5)
        _fill(tables, 700, rng, ["QQA", "QQB", "QQC", None], date(2017, 1, 1))  # other zones (and none), before
        truce = objects.new_agreement("C-first", "corpus", "Truce, Vell", "truce", "2020-01-10", None, "Vell",
                                      parties=["AAA", "BBB"], zone_country="ZZZ")  # fmt: skip
        ids = {"truce": _save(tables, truce)}
        for name, kind, day, parties, country in (
            ("older", "ceasefire", "2020-01-05", ["AAA"], "ZZZ"),  # began before it
            ("memo", "memorandum", "2020-02-01", ["AAA"], "ZZZ"),  # not a truce
            ("elsewhere", "ceasefire", "2020-03-01", ["AAA"], "QQA"),  # another zone
            ("others", "ceasefire", "2020-04-01", ["CCC", "DDD"], "ZZZ"),  # other parties
            ("next", "ceasefire", "2021-06-01", ["BBB"], "ZZZ"),  # the one
            ("later", "truce", "2021-09-01", ["AAA", "BBB"], "ZZZ"),
        ):
            ids[name] = _save(tables, objects.new_agreement(f"C-{name}", "corpus", name, kind, day, None, "Vell",
                                                            parties=parties, zone_country=country))  # fmt: skip
        assert store.conn.execute("SELECT COUNT(*) FROM link_agreements").fetchone()[0] > 700
        # the 500 oldest agreements (what a listing without a limit of its own reads) hold none of them
        assert not {a["id"] for a in tables.agreements()} & set(ids.values())
        AgreementLinker(tables).refresh(ids["truce"])
        first, following = tables.agreement(ids["truce"]), tables.agreement(ids["next"])
        assert first is not None and following is not None
        assert first["data"]["superseded_by"] == ids["next"] and first["status"] == "superseded"
        assert following["data"]["supersedes"] == ids["truce"]
        assert (
            len(tables.agreements(limit=None))
            == store.conn.execute("SELECT COUNT(*) FROM link_agreements").fetchone()[0]
        )


def _expected(a: dict[str, Any], everything: list[dict[str, Any]]) -> str | None:
    """What supersedes `a`, read the plain way: every agreement, the earliest to begin first."""
    start = a.get("in_force") or a.get("signed")
    if a["kind"] not in objects.TRUCE_KINDS or not start:
        return None
    allies = set(a["data"]["parties"]) | set(a["data"]["mediators"])
    ordered = sorted(everything, key=lambda o: (o["signed"] is None, o["signed"] or "", o["seq"]))
    for other in sorted(ordered, key=lambda o: str(o.get("in_force") or o.get("signed") or "")):
        other_start = other.get("in_force") or other.get("signed")
        if other["id"] == a["id"] or not other_start or str(other_start) <= str(start):
            continue
        if other["kind"] == "pause" and a["kind"] != "pause":
            continue  # a pause supersedes only a pause
        same_zone = other["data"]["zone_country"] == a["data"]["zone_country"] or not a["zone"]
        theirs = set(other["data"]["parties"]) | set(other["data"]["mediators"])
        if same_zone and (not allies or not theirs or allies & theirs) and other["kind"] in (*objects.TRUCE_KINDS,
                                                                                             "protocol"):  # fmt: skip
            return str(other["id"])
    return None


def test_what_supersedes_each_truce_is_what_reading_every_agreement_finds(tmp_path: Path) -> None:
    """700 agreements in three zones (and none), many on the same days: each truce's successor, read along the
    index a page at a time, is the one a reading of all of them in order finds."""
    with Store.open(tmp_path / "p.db") as store:
        tables = store.link
        _fill(tables, 700, random.Random(9), ["ZZA", "ZZB", "ZZC", None], date(2019, 1, 1))
        everything = tables.agreements(limit=None)
        assert len(everything) == 700
        linker = AgreementLinker(tables)
        found = 0
        for a in everything:
            want = _expected(a, everything)
            linker.refresh(a["id"])
            got = tables.agreement(a["id"])
            assert got is not None and got["data"]["superseded_by"] == want, a["id"]
            found += want is not None
        assert found > 100


def test_a_pause_does_not_supersede_the_ceasefire_before_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        tables = store.link
        ids = {}
        for name, kind, day in (
            ("truce", "ceasefire", "2021-01-10"),
            ("pause", "pause", "2021-03-01"),
            ("pause2", "pause", "2021-04-01"),
            ("next", "ceasefire", "2021-06-01"),
        ):
            ids[name] = _save(tables, objects.new_agreement(f"C-{name}", "corpus", name, kind, day, None, "Vell",
                                                            parties=["AAA"], zone_country="ZZZ"))  # fmt: skip
        linker = AgreementLinker(tables)
        for name in ("truce", "pause"):
            linker.refresh(ids[name])
        first, pause = tables.agreement(ids["truce"]), tables.agreement(ids["pause"])
        assert first is not None and pause is not None
        assert first["data"]["superseded_by"] == ids["next"]  # not the pauses between
        assert pause["data"]["superseded_by"] == ids["pause2"]  # a pause by the next pause


# -- refresh from the new report's links ---------------------------------------------------------------------------

_SAY = (
    "The {force} and the {other} agreed a truce in {valley} on {when:%A}, {who} said.",
    "The {force} shelled {town} in {valley} on {when:%A}, breaking the truce, {who} said.",
    "The {force} said it would observe the truce in {valley}, {who} said.",
)
_TERMS = (
    "Under the deal, fighters must be pulled back from {town} by March {n}.",
    "Monitors will patrol the road to {town} from March {n}.",
)


def _truce_reports(n: int, seed: int) -> list[Analysis]:
    """n reports of one truce in one valley over a month: the first days' reports announce it (each with a term
    of its own), the later ones tell of it broken or observed."""
    rng = random.Random(seed)
    out = []
    forces = [("Ridge Brigade", "OSK"), ("River Militia", "PEM"), ("Plain Guard", "HOL")]
    for i in range(n):
        day = date(2022, 3, 1) + timedelta(days=i // 3)
        (force, country), (other, _) = rng.sample(forces, 2)
        kind = 0 if i < 9 else rng.randrange(1, len(_SAY))
        when = date(2022, 3, 1) if kind == 0 else day - timedelta(days=rng.randrange(0, 3))
        town = rng.choice(["Velmo", "Tarsin", "Quell"])
        first = _SAY[kind].format(force=force, other=other, valley="Oskarra", when=when, who=f"dispatch {i}",
                                  town=town)  # fmt: skip
        body = first + " " + _TERMS[i % 2].format(town=town, n=10 + i % 20)
        out.append(_analysis(f"t{n - i:04d}", body, day, first, force, country, when))  # the latest, the first id
    return out


def _analysis(aid: str, body: str, day: date, first: str, force: str, country: str, when: date) -> Analysis:
    pub = PubDate(day.isoformat(), day, day, "day", (f"dateline: {day.isoformat()}",))
    art = Article(aid, f"{aid}.txt", first[:50], None, None, pub, CleanedText(None, body))
    at = body.index("Oskarra")
    place = Place(at, at + 7, "Oskarra", name="Oskarra", country="OSK", precision=1, feature="region")
    actor = Actor(4, 4 + len(force), force, name=force, country=country, sector="REB")
    verb = next(v for v in ("agreed", "shelled", "observe") if v in first)
    kind = {"agreed": "AGREE", "shelled": "ASSAULT", "observe": "CEASEFIRE"}[verb]
    v_at = body.index(verb)
    event = Event(aid, 0, kind, None, 0, len(first), first, Trigger(v_at, v_at + len(verb), verb, verb), actor=actor,
                  place=place, date=when.isoformat(), date_precision="day")  # fmt: skip
    return Analysis(art, actors=[actor], places=[place], events=[event])


def test_a_refresh_from_the_new_links_ends_where_a_refresh_from_all_of_them_does(tmp_path: Path) -> None:
    """A corpus linked report by report keeps each agreement's parties, terms, history and status as they are read
    again from every link it has."""
    analyses = _truce_reports(150, seed=4)
    with Store.open(tmp_path / "r.db") as store:
        store.add_documents([RawDocument(a.article.id, "text", a.article.body, a.article.origin) for a in analyses])
        for a in analyses:
            store.save_analysis(a)
        assert link(store).linked == 150
        kept = {a["id"]: a for a in store.link.agreements(limit=None)}
        linked = store.conn.execute("SELECT COUNT(*), COUNT(DISTINCT relation) FROM link_agreement_events").fetchone()
        assert linked[0] > 60 and linked[1] >= 2, linked
        # a truce announced by more reports than it keeps terms of, and changed more often than it keeps history
        assert any(len(a["data"]["terms"]) == MAX_TERMS for a in kept.values())
        assert any(len(a["data"]["history"]) == HISTORY for a in kept.values())
        # those the last report names (refreshed last, when the corpus's latest date was what it is now)
        last = {
            m["agreement_id"] for m in store.link.agreement_mentions() if m["article_id"] == analyses[-1].article.id
        }
        assert last
        linker = AgreementLinker(store.link)
        for agreement_id in last:
            linker.refresh(agreement_id)  # from all its links
        again = {a["id"]: a for a in store.link.agreements(limit=None)}
        assert {i: again[i] for i in last} == {i: kept[i] for i in last}
