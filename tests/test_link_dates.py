"""Stories feed dates back, and agreements come from a user's own file: through the store, the library and the CLI,
on short reports we wrote for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline import api
from truceline.cli import cli
from truceline.errors import ConfigError
from truceline.link import dates as link_dates
from truceline.link import link
from truceline.link.agreements import load_user_file
from truceline.model import PubDate
from truceline.store import Store

DATED = {
    "m1.txt": (
        "Houthi fighters push toward Marib as government lines hold\nWednesday 10 February 2021\n"
        "Houthi fighters attacked government positions west of the city of Marib on Wednesday, local officials "
        "said, in the heaviest fighting around the city this year.\nGovernment forces backed by Saudi-led coalition "
        "air strikes held their lines in the Sirwah district, the officials said.\nAid agencies said thousands of "
        "displaced families living in camps near Marib were at risk.\n"
    ),
    "m2.txt": (
        "Coalition jets strike Houthi columns near Marib\nFriday 12 February 2021\nSaudi-led coalition jets struck "
        "Houthi columns advancing on Marib on Friday, the coalition said, as fighting in the Sirwah district "
        "entered its third day.\nGovernment commanders said they had pushed the Houthi fighters back from two "
        "hills west of Marib.\nThe United Nations called on the Houthis to halt the offensive on the city, which "
        "shelters about a million displaced people.\n"
    ),
}
YEAR_OPEN = (
    "Fighting for Marib spreads to camps for the displaced\nADEN, Feb 14 (Test Wire) - Fighting between Houthi "
    "fighters and government forces west of Marib reached camps for displaced families on Sunday, aid workers "
    "said.\nGovernment commanders said coalition air strikes had stopped a new Houthi push in the Sirwah district "
    "since the Marib truce broke down.\nThe United Nations repeated its call on the Houthis to halt their "
    "offensive on Marib.\n"
)


def write_reports(folder: Path, files: dict[str, str]) -> Path:
    """The reports `files` (name -> text) written into `folder`, for ingesting as a user's folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_report_that_leaves_its_year_open_takes_it_from_its_story(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    with Store.open(db) as store:
        # processed on its own first, so no other report can lend it a year before linking
        api.ingest(store, [str(write_reports(tmp_path / "open", {"m3.txt": YEAR_OPEN}))])
        api.process(store, link_after=False)
        before = store.articles()[0]
        assert before["published_precision"] not in ("day", "week")
        api.ingest(store, [str(write_reports(tmp_path / "dated", DATED))])
        api.process(store, link_after=False)
        report = link(store)
        assert report.redated == 1
        after = next(a for a in store.articles() if a["id"] == before["id"])
        assert after["published"] == "2021-02-14" and after["published_precision"] == "day"
        assert after["published_evidence"][0].startswith("story: ")
        # dated before its event cluster was chosen: it was placed with its day, not as an undated report
        placed = store.link.linked_report(before["id"])
        assert placed is not None and placed["date_lo"] == placed["date_hi"] == "2021-02-14"
        events = store.events()
        mine = [e for e in events if e["article_id"] == before["id"]]
        assert mine and all(not str(e["date"]).startswith("XXXX") for e in mine)
        sunday = [e for e in mine if e.get("date_text") == "Sunday"]
        assert all(e["date"] == "2021-02-14" for e in sunday)
        assert link(store).linked == 0  # re-dating did not make it pending again


def test_user_agreements_are_validated_with_clear_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, name: X truce, signed: someday}\n")
    with pytest.raises(ConfigError, match="not a date"):
        load_user_file(bad)
    bad.write_text("- {id: x, name: X truce, signed: 2021-02-01, partys: [YEM]}\n")
    with pytest.raises(ConfigError, match="unknown field"):
        load_user_file(bad)
    bad.write_text("- {name: X truce}\n")
    with pytest.raises(ConfigError, match="'id' and 'name'"):
        load_user_file(bad)
    bad.write_text("nonsense: [\n")
    with pytest.raises(ConfigError, match="cannot read"):
        load_user_file(bad)


@pytest.mark.slow
def test_a_users_agreement_is_an_object_mentions_resolve_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "deals.yaml").write_text(
        "- id: marib-truce\n  name: Marib truce\n  kind: truce\n  signed: 2021-01-20\n  zone: Marib\n"
        "  parties: [YEM]\n  aliases: [Marib truce]\n"
    )
    (tmp_path / "truceline.yaml").write_text("agreements: [deals.yaml]\n")
    monkeypatch.chdir(tmp_path)
    reports = write_reports(tmp_path / "reports", {**DATED, "m3.txt": YEAR_OPEN})
    runner = CliRunner()
    result = runner.invoke(cli, ["run", str(reports), "--db", "u.db"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [
        json.loads(x)
        for x in runner.invoke(cli, ["agreements", "--db", "u.db", "--format", "jsonl"]).stdout.splitlines()
    ]
    mine = next(a for a in rows if a["id"] == "U-marib-truce")
    assert mine["origin"] == "user" and mine["signed"] == "2021-01-20" and mine["parties"] == ["YEM"]
    assert any("Marib truce" in m["text"] for m in mine["mentions"])
    (tmp_path / "truceline.yaml").write_text("agreements: [missing.yaml]\n")
    failed = runner.invoke(cli, ["link", "--db", "u.db"])
    assert failed.exit_code != 0 and "does not exist" in failed.output and "Traceback" not in failed.output


def test_an_unknown_story_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    Store.open(db).close()
    result = CliRunner().invoke(cli, ["summary", "--db", str(db), "--story", "S-nothing"])
    assert result.exit_code == 2 and result.stderr.startswith("error: [T001]") and "Traceback" not in result.output


class _OneReport:
    """The one call `dates._events` makes on the link tables: the stored events of a report."""

    def __init__(self, events: list[dict[str, object]]) -> None:
        self.events = events

    def article_events(self, article_id: str) -> list[dict[str, object]]:
        return [dict(e) for e in self.events]


def test_a_time_the_narrower_date_leaves_unresolved_dates_the_act_by_the_report() -> None:
    # Processed alone, the report was dated to the year after a day it names, and "on Saturday" ahead of it read as
    # some Saturday of that year. Its story narrows the report to five weeks, across which "Saturday" is no single
    # day: the act is dated by the report's days, as a report processed with that date is, not by the year-wide
    # reading, which runs eleven months past the report.
    body = "A delegation from the capital is expected to arrive in the port city on Saturday to discuss the truce."
    start = body.index("Saturday")
    stored = {
        "id": "r1-e0",
        "date": "2020-01-18/2021-01-16",
        "date_precision": "year",
        "date_text": "Saturday",
        "date_from_publication": False,
        "start_char": 0,
        "end_char": len(body),
    }
    pub = PubDate("2020-01-12/2020-02-15", date(2020, 1, 12), date(2020, 2, 15), "week")
    assert start > 0
    [(event_id, value, _sort, data)] = link_dates._events(_OneReport([stored]), "r1", pub, body)
    assert event_id == "r1-e0"
    assert value == pub.value == data["date"]
    assert data["date_precision"] == "reported by" and data["date_from_publication"] is True
