"""A statement is one happening across reports only when the same speaker says it: two ministers of one country
accusing the same enemy in one week are two canonical events; one minister told by two outlets on one day is one; a
country-level or unnamed speaker joins a named one only on strong evidence (truceline/link/speakers.py).

The reports and names are written here (the ministers are invented); the seed reports are read end to end.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from truceline import api
from truceline.link import speakers
from truceline.link.canonical import mention, summary
from truceline.store import Store

DEFENCE = """ANKARA, June 10, 2021 (Harbour Wire) - Turkish Defence Minister Orhan Demirkaya on Thursday accused Syrian \
government forces of shelling a Turkish observation post near the town of Sarmin in Idlib province.
No soldiers were hurt in the shelling, the ministry said, but the post lost a radio mast and two vehicles.
The truce around Idlib has frayed in recent weeks as government troops and rebel fighters trade fire along the front \
line.
"""
DEFENCE_ELSEWHERE = """ISTANBUL, June 10, 2021 (Bosphorus Daily) - Defence Minister Orhan Demirkaya accused Syrian \
government forces on Thursday of firing on a Turkish observation post at Sarmin, in Idlib province.
Demirkaya said the post was hit by artillery but that no Turkish soldier was wounded.
Fighting around Idlib has picked up in recent weeks despite the truce.
"""
FOREIGN = """ANKARA, June 11, 2021 (Cedar Courier) - Turkish Foreign Minister Selim Karaduman on Friday accused Syrian \
government forces of breaking the truce around Idlib with repeated attacks on rebel-held villages.
Karaduman spoke after talks with European envoys about the refugees who have fled the fighting toward the Turkish \
border.
The truce around Idlib has frayed in recent weeks as government troops and rebel fighters trade fire along the front \
line.
"""


def _accusations(folder: Path, reports: dict[str, str]) -> dict[str, set[str]]:
    """Run the reports through every stage and linking; {speaker: the canonical events of their accusations}."""
    folder.mkdir()
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder.parent / "linked.db"
    with Store.open(db) as store:
        api.ingest(store, [str(folder)])
        api.process(store, workers=1)
    conn = sqlite3.connect(db)
    found: dict[str, set[str]] = {}
    for canonical_id, data in conn.execute("SELECT canonical_id, data FROM link_mentions"):
        m = json.loads(data)
        if m["type"] == "ACCUSE":
            found.setdefault(str(m["actor_name"]), set()).add(canonical_id)
    conn.close()
    return found


@pytest.mark.slow
def test_two_ministers_of_one_country_in_one_week_are_two_statements(tmp_path: Path) -> None:
    found = _accusations(tmp_path / "reports", {"defence.txt": DEFENCE, "foreign.txt": FOREIGN})
    assert set(found) == {"Orhan Demirkaya", "Selim Karaduman"}, found
    assert not found["Orhan Demirkaya"] & found["Selim Karaduman"], found


@pytest.mark.slow
def test_one_minister_told_by_two_outlets_on_one_day_is_one_statement(tmp_path: Path) -> None:
    reports = {"defence.txt": DEFENCE, "elsewhere.txt": DEFENCE_ELSEWHERE, "foreign.txt": FOREIGN}
    found = _accusations(tmp_path / "reports", reports)
    assert len(found["Orhan Demirkaya"]) == 1, found  # both outlets' rows in one canonical event
    assert not found["Orhan Demirkaya"] & found["Selim Karaduman"], found


def test_a_person_is_the_same_by_full_name_or_by_surname() -> None:
    assert speakers.same_person("Orhan Demirkaya", "Demirkaya")
    assert speakers.same_person("Bashar al-Assad", "Bashar Al Assad")
    assert speakers.same_person("Recep Tayyip Erdoğan", "Tayyip Erdogan")
    assert speakers.same_person("Binali Yıldırım", "Yildirim")
    assert not speakers.same_person("Orhan Demirkaya", "Selim Karaduman")
    assert not speakers.same_person("Orhan Demirkaya", "Orhan")  # a first name is not a surname


def _actor(text: str, name: str, country: str = "TUR", **extra: Any) -> dict[str, Any]:
    return {"text": text, "name": name, "country": country, "sector": "GOV", **extra}


def test_the_speakers_of_a_statement_are_the_people_it_names() -> None:
    titled = _actor("Foreign Minister Selim Karaduman", "Selim Karaduman")
    assert speakers.speakers("ACCUSE", titled, None, "2021-06-11", "2021-06-11") == ["Selim Karaduman"]
    # a country, a government or a ministry names no person
    assert speakers.speakers("ACCUSE", _actor("Turkey", "Turkey"), None, "2021-06-11", "2021-06-11") == []
    ministry = _actor("Turkey's defence ministry", "Turkish Defense Ministry")
    assert speakers.speakers("REJECT", ministry, None, "2021-06-11", "2021-06-11") == []
    # a bare title is the one person the dictionaries give that office of that country on those days
    title = _actor("Turkey's defence minister", "Turkish defence minister")
    assert speakers.speakers("REQUEST", title, None, "2019-06-10", "2019-06-13") == ["Hulusi Akar"]
    # days over a change of minister: no one held the office on all of them
    assert speakers.speakers("REQUEST", title, None, "2023-05-30", "2023-06-10") == []
    # a meeting is done by both parties: a report may name either first; an accusation is its speaker's alone
    other = _actor("Foreign Minister Ana Petrova", "Ana Petrova", "BGR")
    assert speakers.speakers("CONSULT", titled, other, "2021-06-11", "2021-06-11") == ["Selim Karaduman", "Ana Petrova"]
    assert speakers.speakers("ACCUSE", titled, other, "2021-06-11", "2021-06-11") == ["Selim Karaduman"]
    assert speakers.speakers("ASSAULT", titled, None, "2021-06-11", "2021-06-11") is None  # not a statement


def _said(actor: dict[str, Any] | None, sentence: str, day: str | None = None) -> dict[str, Any]:
    event = {"type": "REQUEST", "actor": actor, "sentence": sentence, "date_precision": "reported by"}
    if day:
        event.update(date=day, date_precision="day", date_from_publication=False)
    m = mention(event, {"date_lo": "2021-06-12", "date_hi": "2021-06-12", "source": "x"})
    m["article_id"] = m["event_id"] = sentence[:12]
    return m


def test_a_country_level_speaker_joins_a_named_one_only_on_strong_evidence() -> None:
    named = _said(
        _actor("Foreign Minister Selim Karaduman", "Selim Karaduman"),
        'Karaduman said: "We expect every side to hold its fire along the whole front," and asked Moscow to help.',
        "2021-06-10",
    )
    event = summary([named])
    assert event["speakers"] == {"Selim Karaduman": 1}
    country = _actor("Turkey", "Turkey")
    assert not speakers.allows(_said(country, "Turkey asked Moscow to rein in the Syrian army near the front."), event)
    # the same day named, a quoted phrase both give, or most of the words: strong enough
    assert speakers.allows(_said(country, "Turkey asked Moscow on Thursday to help.", "2021-06-10"), event)
    quoted = 'Ankara said "every side to hold its fire along the whole front" was all it asked.'
    assert speakers.allows(_said(country, quoted), event)
    # another named minister: never, whatever the evidence
    minister = _actor("Defence Minister Orhan Demirkaya", "Orhan Demirkaya")
    assert not speakers.allows(_said(minister, str(named["sentence"]), "2021-06-10"), event)
    # the same minister by surname: the usual specifics decide
    by_surname = _said(_actor("Demirkaya", "Demirkaya", ner="PERSON"), "Demirkaya asked.")
    assert speakers.allows(by_surname, summary([_said(minister, "Demirkaya asked again.")]))


def test_a_deal_told_by_its_states_joins_the_one_told_by_their_leaders() -> None:
    def agreed(actor: dict[str, Any], sentence: str) -> dict[str, Any]:
        event = {"type": "AGREE", "actor": actor, "sentence": sentence, "date_precision": "reported by"}
        m = mention(event, {"date_lo": "2021-06-12", "date_hi": "2021-06-12", "source": "x"})
        m["article_id"] = m["event_id"] = sentence[:12]
        return m

    def pair(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
        text = f"{first['text']} and {second['text']}"
        return {"text": text, "name": text, "country": None, "members": [first, second]}

    leaders = pair(
        _actor("President Kemal Aksoy", "Kemal Aksoy"), _actor("President Ivan Volkov", "Ivan Volkov", "RUS")
    )
    states = pair(_actor("Turkey", "Turkey"), _actor("Russia", "Russia", "RUS"))
    event = summary([agreed(leaders, "Aksoy and Volkov agreed to reopen the highway.")])
    assert event["speakers"] == {"Kemal Aksoy": 1, "Ivan Volkov": 1}
    assert speakers.allows(agreed(states, "Turkey and Russia agreed on a new corridor."), event)
    other_pair = pair(_actor("Turkey", "Turkey"), _actor("France", "France", "FRA"))
    assert not speakers.allows(agreed(other_pair, "Turkey and France agreed on a new corridor."), event)


def test_rows_stored_before_speakers_were_kept_still_match_as_before() -> None:
    named = _said(_actor("Foreign Minister Selim Karaduman", "Selim Karaduman"), "Karaduman asked Moscow to help.")
    old = {k: v for k, v in named.items() if k != "speakers"}
    assert "speakers" not in summary([old])  # an event made of old mentions says nothing of its speakers
    assert speakers.allows(old, summary([named])) and speakers.allows(named, summary([old]))


def test_a_quote_is_read_inside_its_marks_even_when_it_spans_sentences() -> None:
    assert speakers.quotes('He said "we will not leave the posts at all" on Monday.') == [
        "we will not leave the", "will not leave the posts", "not leave the posts at", "leave the posts at all"
    ]  # fmt: skip
    # the end of a quote opened in the sentence before; the start of one that goes on after
    assert speakers.quotes('The posts stay where they are today," he said.') == ["the posts stay where they",
        "posts stay where they are", "stay where they are today"]  # fmt: skip
    assert speakers.quotes('"The posts stay where they are today') == speakers.quotes('The posts stay where they are'
        ' today," he said.')  # fmt: skip
    assert speakers.quotes("No quotation marks here at all today.") == []


@pytest.mark.slow
def test_the_seed_reports_statements_join_only_their_own_speakers(seeds_db: Path) -> None:
    conn = sqlite3.connect(seeds_db)
    rows = {str(e["id"]): e for e in (json.loads(d) for (d,) in conn.execute("SELECT data FROM events"))}
    events: dict[str, list[dict[str, Any]]] = {}
    for canonical_id, data in conn.execute("SELECT canonical_id, data FROM link_mentions"):
        events.setdefault(canonical_id, []).append(json.loads(data))
    conn.close()
    for canonical_id, ms in events.items():
        # who says each statement, read from its report's row
        said = [(rows.get(m["event_id"]) or {}, m) for m in ms]
        named = [
            speakers.speakers(e.get("type"), e.get("actor"), e.get("recipient"), m["lo"], m["hi"]) for e, m in said
        ]
        named = [n for n in named if n]
        for a in named:
            for b in named:
                assert any(speakers.same_person(x, y) for x in a for y in b), (canonical_id, named)
    # the Sochi deal, told by four of the reports, stays one event
    agreed = [ms for ms in events.values() if ms[0]["type"] == "AGREE"]
    assert max(len({m["article_id"] for m in ms}) for ms in agreed) == 4
