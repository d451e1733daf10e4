"""Agreement days that a report leaves open are not made up: a day named without its year, in a report dated across
years, is one of its readings (never a day between them); an agreeing dated by its own words to other days is not the
announcement of the agreement its sentence names; and the parties of the known agreements come from who
made them as well as from the places named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truceline.link import agreements as objects
from truceline.link.agreements import known_agreements
from truceline.link.mentions import intervals
from truceline.link.relations import sentence_days
from truceline.link.resolve import AgreementLinker
from truceline.store import Store


def test_a_year_less_day_across_years_is_one_of_its_readings() -> None:
    readings = intervals({"earliest": "2017-04-20", "latest": "2019-04-20", "value": "2017-04-20/2019-04-20"})
    assert readings == [(date(2017, 4, 20),) * 2, (date(2018, 4, 20),) * 2, (date(2019, 4, 20),) * 2]
    # an ordinary span stays a span, and a day stays a day
    assert intervals({"earliest": "2019-03-01", "latest": "2019-03-31"}) == [(date(2019, 3, 1), date(2019, 3, 31))]
    assert intervals({"value": "2019-03-07"}) == [(date(2019, 3, 7), date(2019, 3, 7))]
    # a leap day has no reading in most years: left as the span
    assert len(intervals({"earliest": "2016-02-29", "latest": "2020-02-29"})) == 1


def test_an_event_dated_to_a_span_gives_its_sentence_no_day() -> None:
    events = [
        {"start_char": 0, "end_char": 40, "date": "2017-04-20/2019-04-20", "date_precision": "year"},
        {"start_char": 50, "end_char": 90, "date": "2019-05-02", "date_precision": "day"},
    ]
    assert sentence_days((0, 45), events) == []
    assert sentence_days((45, 95), events) == [(date(2019, 5, 2), date(2019, 5, 2))]


def test_known_agreements_take_their_makers_as_parties() -> None:
    # "Erdogan and Putin agreed ..." names no country, only the two presidents
    known = {a["id"]: a for a in known_agreements()}
    assert set(known["K-moscow-idlib-protocol"]["data"]["parties"]) == {"RUS", "TUR"}
    assert all(len(a["data"]["parties"]) >= 2 for a in known.values() if a["kind"] in ("ceasefire", "protocol"))


def test_an_agreeing_dated_elsewhere_is_no_announcement_of_the_truce_its_sentence_names(tmp_path: Path) -> None:
    # "In the spring of last year the two sides agreed on a buffer zone, but its violations of the truce go on":
    # the agreeing, dated by its own words to a month, is not the announcement of a truce signed a year later
    with Store.open(tmp_path / "t.db") as store:
        tables = store.link
        with tables.transaction():
            truce = objects.new_agreement("C-later", "corpus", "Truce, Eastfield", "truce", "2021-06-12", None, None)
            truce["seq"] = objects.next_seq(tables)
            tables.save_agreement(truce)
        linker = AgreementLinker(tables)
        agreeing = {"type": "AGREE", "date": "2020-04", "date_precision": "month"}
        assert not linker._may_announce("C-later", agreeing)
        assert linker._may_announce("C-later", {**agreeing, "date": "2021-06"})  # the month it was signed in
        assert linker._may_announce("C-later", {**agreeing, "date": "2021-06-11", "date_precision": "day"})
        # a date the report's own window gave (no words of its own) says nothing against it
        assert linker._may_announce("C-later", {**agreeing, "date_from_publication": True})
        assert linker._may_announce("C-later", {**agreeing, "date_precision": "reported by"})
