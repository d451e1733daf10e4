"""Who did it, told differently: a doer dispute is two sides of a conflict each named, in a claim of its own teller, as
the doer of one happening (truceline/link/contradictions.py). Mentions and the report are written for these tests."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from truceline import api
from truceline.link import contradictions
from truceline.link.timeline import CanonicalTableExporter, canonical_items
from truceline.store import EventFilter, Store


def mention(event_id: str, code: str | None, countries: list[str], teller: str, **more: Any) -> dict[str, Any]:
    return {
        "article_id": "a1",
        "event_id": event_id,
        "stance": "claimed",
        "actor": countries,
        "actor_code": code,
        "actor_name": code,
        "recipient": [],
        "recipient_code": None,
        "claimed_by": teller,
        "sentence": "...",
        **more,
    }


def doers(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in contradictions.find(mentions) if c["kind"] == "doer"]


def test_two_sides_each_named_by_its_own_teller_dispute_who_did_it() -> None:
    (found,) = doers(
        [mention("e0", "SDNMIL", ["SDN"], "the paramilitaries"), mention("e2", "SDNMILRSF", ["SDN"], "the army")]
    )
    assert {p["value"] for p in found["positions"]} == {"SDNMIL", "SDNMILRSF"}
    assert {p["who"] for p in found["positions"]} == {"the paramilitaries", "the army"}


def test_no_dispute_within_one_side_an_exchange_a_launch_ground_or_the_writers_own_telling() -> None:
    # a state's government and its forces are one side
    assert not doers([mention("e0", "SYRGOV", ["SYR"], "a monitor"), mention("e1", "SYRMIL", ["SYR"], "state media")])
    # each side's act on the other is an exchange of fire
    exchange = [
        mention("e0", "SYRREB", ["SYR"], "a monitor", recipient=["SYR"], recipient_code="SYRMIL"),
        mention("e1", "SYRMIL", ["SYR"], "state media", recipient=["SYR"], recipient_code="SYRREB"),
    ]
    assert not doers(exchange)
    # fire known only by the ground it came from names no side
    assert not doers([mention("e0", "LBNUAF", ["LBN"], "the army"), mention("e1", "LBNREBHEZ", ["LBN"], "the group")])
    # a doer the writer asserts is no teller's claim
    assert not doers(
        [mention("e0", "SDNMIL", ["SDN"], "x", stance="asserted"), mention("e1", "SDNMILRSF", ["SDN"], "y")]
    )


def test_a_report_of_a_strike_each_side_blames_on_the_other_shows_the_dispute(tmp_path: Path) -> None:
    report = tmp_path / "camp.txt"
    report.write_text(
        "Strike on displaced camp near El Fasher\n\n"
        "An air strike on a camp for displaced people near El Fasher in North Darfur killed at least 20 people on "
        "Tuesday, local activists said.\n\n"
        "The RSF accused the army of carrying out the strike with a warplane, while the army said the RSF had shelled "
        "the camp from positions east of the city.\n",
        encoding="utf-8",
    )
    with Store.open(str(tmp_path / "x.db")) as store:
        api.ingest(store, [str(report)])
        api.process(store)
        found = [c for c in store.link.contradictions() if c["kind"] == "doer"]
    assert len(found) == 1
    assert len(found[0]["positions"]) == 2


CLAIM = (
    "Ankara says Damascus shelled its post in Idlib\n\n"
    "Turkey's defence minister said on Thursday that Syrian government forces had fired mortars at a Turkish "
    "observation post in Idlib, wounding two soldiers.\n"
    "Russia's defence ministry said the attack on the Turkish post was the work of militants.\n"
)


def linked(tmp_path: Path, text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    """The doer contradictions, the ASSAULT rows of the timeline and the timeline as the table prints it."""
    report = tmp_path / "post.txt"
    report.write_text(text, encoding="utf-8")
    with Store.open(str(tmp_path / "x.db")) as store:
        api.ingest(store, [str(report)])
        api.process(store)
        found = [c for c in store.link.contradictions() if c["kind"] == "doer"]
        events = [e for e in canonical_items(store, EventFilter()) if e["type"] == "ASSAULT"]
    out = io.StringIO()
    exporter = CanonicalTableExporter(out)
    for event in events:
        exporter.export_item(event)
    return found, events, out.getvalue()


def test_a_claim_and_a_counter_claim_in_one_report_are_one_disputed_attack(tmp_path: Path) -> None:
    text = (
        CLAIM
        + '"Militants shelled the Turkish observation post in Idlib overnight," the ministry said in a statement.\n'
    )
    found, events, table = linked(tmp_path, text)
    assert len(events) == 1 and events[0]["mentions"] == 2
    assert len(found) == 1 and {p["value"] for p in found[0]["positions"]} == {"Syrian military", "Syrian rebel"}
    assert [c["kind"] for c in events[0]["contradictions"]] == ["doer"]
    assert "who did it, by teller:" in table


def test_attacks_at_two_places_told_by_two_sides_stay_two(tmp_path: Path) -> None:
    text = CLAIM + '"Militants shelled a Turkish convoy near Aleppo overnight," the ministry said in a statement.\n'
    found, events, _table = linked(tmp_path, text)
    assert len(events) == 2 and not found
