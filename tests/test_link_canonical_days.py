"""Canonical events do not join what cannot be one happening: a report the text bounds to a few days (no stated
date) has those days; an undated report is still bounded, however widely, and never joins an event whose days lie
outside its bounds; two rows of one report join only on a specific told twice (a reference back, a figure of the same
kind, a claim and its denial, the same day); a figure the per-report stages gave one row is not lent to another row
of its sentence.

Pure functions of truceline.link.canonical on rows of our own, and the seed reports end to end.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from truceline.link.canonical import _apart, _told_again, match_score, mention, summary


def _event(**extra: Any) -> dict[str, Any]:
    row = {"type": "ASSAULT", "date": None, "date_precision": "reported by", "date_from_publication": True}
    return {**row, **extra}


def test_a_report_bounded_to_two_days_by_its_text_has_those_days() -> None:
    m = mention(_event(), {"date_lo": None, "date_hi": None, "bound_lo": "2020-03-11", "bound_hi": "2020-03-12"})
    assert (m["lo"], m["hi"]) == ("2020-03-08", "2020-03-12") and m["bound"] is None
    # bounded only to a year: no days of its own, but the year still bounds it
    m = mention(_event(), {"date_lo": None, "date_hi": None, "bound_lo": "2020-01-12", "bound_hi": "2021-01-12"})
    assert m["lo"] is None and m["bound"] == ["2020-01-07", "2021-01-12"]


def test_an_undated_mention_never_joins_an_event_outside_its_bounds() -> None:
    m = mention(_event(), {"date_lo": None, "date_hi": None, "bound_lo": "2020-01-12", "bound_hi": "2021-01-12"})
    june_2019 = {"date_lo": "2019-06-10", "date_hi": "2019-06-14"}
    february_2020 = {"date_lo": "2020-02-01", "date_hi": "2020-02-29"}
    assert _apart(m, june_2019, {}) and not _apart(m, february_2020, {})
    # an undated event is bounded by its mentions' reports
    assert _apart(m, {"date_lo": None, "date_hi": None}, {"bound": ["2019-03-10", "2019-09-30"]})
    # two dated ones are left to the day window that found them
    dated = mention(_event(date="2020-02-03", date_precision="day", date_from_publication=False), {})
    assert not _apart(dated, june_2019, {})


def test_two_rows_of_one_report_join_only_on_a_specific_told_twice() -> None:
    m = mention(_event(), {"date_lo": "2020-02-03", "date_hi": "2020-02-03"})
    event = {"stances": {"asserted": 1}, "days": {}}
    assert not _told_again(m, event)
    assert _told_again({**m, "stance": "denied"}, event)  # the denial of what the report asserted
    assert _told_again({**m, "killed": {"value": 13}}, {**event, "killed_example": {"value": 76}})
    day = mention(_event(date="2020-02-03", date_precision="day", date_from_publication=False), {})
    assert _told_again(day, {**event, "days": {"2020-02-03": 1}})


def test_a_month_named_in_the_past_is_a_specific_as_a_day_is() -> None:
    # "agreed last September" in reports of other weeks and other event clusters: the month, the parties and the
    # kind of act make one deal; another month makes another
    def agreed(month: str, report: str) -> dict[str, Any]:
        row = _event(type="AGREE", date=month, date_precision="month", date_from_publication=False)
        row["actor"] = {"text": "Kenya and Somalia", "members": [{"country": "KEN"}, {"country": "SOM"}]}
        return {**mention(row, {"date_lo": report, "date_hi": report}), "article_id": report, "source": None}

    deal = summary([agreed("2018-09", "2019-06-13")])
    same, other = agreed("2018-09", "2019-12-24"), agreed("2018-11", "2019-12-24")
    assert match_score(same, deal, same_cluster=False) >= 2.0
    assert match_score(other, deal, same_cluster=False) < match_score(same, deal, same_cluster=False) - 1.0


@pytest.mark.slow
def test_the_seed_reports_canonical_events_hold_mentions_whose_days_can_meet(seeds_db: Path) -> None:
    conn = sqlite3.connect(seeds_db)
    events: dict[str, list[dict[str, Any]]] = {}
    for canonical_id, data in conn.execute("SELECT canonical_id, data FROM link_mentions"):
        events.setdefault(canonical_id, []).append(json.loads(data))
    assert any(len(ms) > 1 for ms in events.values())  # the seeds do tell some happenings twice (the Sochi deal)
    for canonical_id, ms in events.items():
        spans = [(m["lo"], m["hi"]) if m.get("lo") else tuple(m.get("bound") or ()) for m in ms]
        spans = [s for s in spans if s]
        for a in spans:
            for b in spans:
                assert not (a[1] < b[0] or b[1] < a[0]), (canonical_id, spans)
        # rows of one report in one event: only when told again (the per-report stages kept them apart)
        per_report: dict[str, int] = {}
        for m in ms:
            per_report[m["article_id"]] = per_report.get(m["article_id"], 0) + 1
        assert all(n <= 2 for n in per_report.values()), (canonical_id, per_report)
