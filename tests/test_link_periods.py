"""A report whose dateline leaves its year open is from one of a few days of its story, not from the months between:
its story's happenings choose the year when only one of those days has any, its event cluster when its words do,
and it never makes two happenings a year apart one. Short reports we wrote for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_link_dates import write_reports

from truceline import api
from truceline.link import link
from truceline.model import PubDate
from truceline.stages.clean import clean
from truceline.stages.dates import infer_publication_date
from truceline.store import Store

# Feb 3 was a Sunday in 2019 and a Monday in 2020; the report tells of "Sunday", the day before its dateline, as wire
# copy often does: a rule pairing the dateline's day with the weekdays a report names would choose 2019.
OPEN = (
    "Turkish soldiers killed by Syrian artillery near Saraqib\nANKARA, Feb 3 (Test Wire) - Syrian government "
    "artillery killed five Turkish soldiers at a new Turkish position near Saraqib on Sunday, Turkey's defence "
    "ministry said, and Turkish guns answered by shelling Syrian army positions around the town.\nThe ministry said "
    "the Turkish position near Saraqib had been set up under the Sochi deal the two countries signed in 2018, and "
    "that Damascus had been told where it was.\nPresident Tayyip Erdogan said Turkey would not let the attack on "
    "its soldiers near Saraqib go unanswered.\nTurkey and Russia agreed in January to halt the fighting in the "
    "region, the ministry said.\n"
)
SARAQIB = {
    "s1.txt": (
        "Turkey buries soldiers killed near Saraqib\nTuesday 4 February 2020\nTurkey buried five soldiers killed "
        "by Syrian government artillery near Saraqib, as President Tayyip Erdogan warned Damascus that Turkish "
        "positions around the town would be defended.\nThe defence ministry said Turkish guns had struck dozens of "
        "Syrian army targets around Saraqib after the attack on its soldiers.\nRussia, which backs the Syrian "
        "army, said Turkey had not told it about the new positions near Saraqib.\n"
    ),
    "s2.txt": (
        "Syrian army closes in on Saraqib after clash with Turkish troops\nWednesday 5 February 2020\nSyrian "
        "government forces advanced to the edge of Saraqib a day after Turkish and Syrian guns exchanged fire around "
        "the town, in which five Turkish soldiers were killed.\nTurkey sent more armoured vehicles to its positions "
        "near Saraqib, a Turkish security source said.\n"
    ),
}
# a year earlier, within days of Feb 3 2019: a different happening of the same story, in other words and another town
MOREK = {
    "m1.txt": (
        "Shells land near Turkish observation post at Morek\nFriday 1 February 2019\nShells fired from Syrian "
        "government lines landed near the Turkish observation post at Morek in northern Hama, damaging a watchtower, "
        "rebel sources said.\nNo one at the post was hurt, and the Turkish army did not comment on the shelling of "
        "Morek.\nThe post is one of twelve Turkey set up around the rebel-held region under the Sochi deal of 2018.\n"
    ),
}
# the story before them, from December 2018 on: it spans both Feb 3s, and only the later one has happenings within
# two weeks (reports over a year apart are one story through the ones between)
EARLIER = {
    "h1.txt": (
        "Russia says rebels in Idlib shelled Aleppo despite Sochi deal\nThursday 20 December 2018\nRussia's defence "
        "ministry said rebel groups in Idlib fired rockets at western districts of Aleppo, and urged Turkey to rein "
        "in the fighters under the Sochi deal for the Idlib region.\nTurkey said it was keeping its side of the Sochi "
        "deal and that its observation posts in Idlib were in place.\n"
    ),
    "h2.txt": (
        "Air strikes on Kafr Nabl market kill nine in Idlib\nMonday 10 June 2019\nAir strikes hit a market in Kafr "
        "Nabl in southern Idlib, killing nine people, rescue workers said, as the Syrian army pressed its offensive "
        "on the region.\nTurkey urged Russia to hold the Syrian army to the Sochi deal for Idlib.\n"
    ),
    "h3.txt": (
        "Turkish convoy resupplies observation post in Idlib\nTuesday 15 October 2019\nA Turkish military convoy "
        "reached the observation post at Morek on the edge of Idlib to bring fuel and food, a Turkish security "
        "source said.\nRussia said the Syrian army would respect the Sochi deal around the Turkish posts in Idlib.\n"
    ),
}


def _open_alone() -> PubDate:
    from truceline.model import RawDocument

    raw = RawDocument(id="open", kind="text", content=OPEN, origin="open.txt")
    return infer_publication_date(raw, clean(raw))


def test_the_dateline_s_day_and_a_weekday_told_choose_no_year() -> None:
    pub = _open_alone()
    # every Feb 3 from 2018 on is open: "Sunday" is the day before the dateline here, and it might have been its day
    days = {lo for lo, _ in pub.periods}
    assert {lo.year for lo in days} >= {2019, 2020} and pub.precision != "day", pub.evidence
    assert pub.earliest is not None and pub.earliest.year == 2018


def _linked(tmp_path: Path, files: dict[str, str]) -> tuple[Store, dict[str, Any], dict[str, str]]:
    db = tmp_path / "d.db"
    store = Store.open(db)
    api.ingest(store, [str(write_reports(tmp_path / "dated", files))])
    api.ingest(store, [str(write_reports(tmp_path / "open", {"open.txt": OPEN}))])
    api.process(store, link_after=False)
    link(store)
    by_name = {Path(str(a["origin"])).name: a for a in store.articles()}
    clusters = {name: store.link.linked_report(a["id"])["cluster_id"] for name, a in by_name.items()}
    return store, by_name["open.txt"], clusters


@pytest.mark.slow
def test_a_report_of_one_of_two_feb_3s_joins_the_happening_its_words_tell(tmp_path: Path) -> None:
    # both Feb 3s have happenings of the story within days: its words choose the Saraqib clash of 2020
    store, opened, clusters = _linked(tmp_path, {**EARLIER, **SARAQIB, **MOREK})
    with store:
        assert clusters["open.txt"] == clusters["s1.txt"] == clusters["s2.txt"]
        # the shelling of Morek a year before is its own happening, not joined to the clash through the open report
        assert clusters["m1.txt"] != clusters["s1.txt"]
        assert str(opened["published_earliest"]) >= "2020-02-02" and str(opened["published_latest"]) <= "2020-02-04"


@pytest.mark.slow
def test_the_story_s_happenings_choose_the_year_when_one_feb_3_has_some(tmp_path: Path) -> None:
    store, opened, _ = _linked(tmp_path, {**EARLIER, **SARAQIB})
    with store:
        assert str(opened["published_earliest"]) >= "2020-02-02" and str(opened["published_latest"]) <= "2020-02-04"
        assert any("within 14 days of the happenings" in e for e in opened["published_evidence"]), opened
        # the time its own sentence gives an act, unresolved while its year was open, is resolved with the year
        agreed = [e for e in store.events() if e["article_id"] == opened["id"] and e.get("date_text") == "January"]
        assert agreed and all((e["date"], e["date_precision"]) == ("2020-01", "month") for e in agreed), agreed
