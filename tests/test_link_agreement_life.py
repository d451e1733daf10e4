"""One truce told over its life by several reports (agreed, taking effect, extended, expired) is one object with its
day of signing, its day of effect and its end. Each report below names it differently: "a seven-day ceasefire"
signed, "a week-long ceasefire ... took effect", "their truce" extended "..., the mediators said on Monday",
"the truce expired". The reports are our own words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from truceline import api
from truceline.store import Store

REPORTS = {
    "signed.txt": (
        "Sudan's warring sides sign week-long truce\nSunday 21 May 2023\nJEDDAH, May 21 (Test Wire) - Sudan's army "
        "and the Rapid Support Forces signed a seven-day ceasefire in Jeddah on Saturday, Saudi Arabia and the "
        "United States said in a joint statement.\nThe truce is due to take effect on Monday evening.\n"
    ),
    "effect.txt": (
        "Sudan truce begins amid sporadic gunfire\nTuesday 23 May 2023\nKHARTOUM, May 23 (Test Wire) - A week-long "
        "ceasefire between Sudan's army and the Rapid Support Forces took effect on Monday evening, though residents "
        "of Khartoum reported sporadic gunfire overnight.\nAid convoys waited at the edge of the city.\n"
    ),
    "extended.txt": (
        "Sudan's rivals extend truce by five days\nTuesday 30 May 2023\nJEDDAH, May 30 (Test Wire) - Sudan's army "
        "and the Rapid Support Forces agreed to extend their truce by five days, the mediators said on Monday, hours "
        "before it was due to lapse.\nThe army said the RSF had kept shelling positions in Omdurman.\n"
    ),
    "ended.txt": (
        "Fighting flares in Khartoum as truce ends\nSunday 4 June 2023\nKHARTOUM, June 4 (Test Wire) - Heavy "
        "fighting broke out across Khartoum on Sunday after the truce between Sudan's army and the Rapid Support "
        "Forces expired, residents said.\n"
    ),
}


def link_reports(tmp_path_factory: pytest.TempPathFactory, reports: dict[str, str]) -> dict[str, Any]:
    """Run `reports` (file name -> text) through every stage into a fresh store: the article ids by file name, the
    agreement mentions and the agreements the corpus founded."""
    folder = tmp_path_factory.mktemp("reports")
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path_factory.mktemp("db") / "a.db") as store:
        api.ingest(store, [str(folder)])
        api.process(store, workers=1)
        ids = {Path(str(a["origin"])).name: str(a["id"]) for a in store.articles()}
        return {
            "ids": ids,
            "mentions": store.link.agreement_mentions(),
            "agreements": {a["id"]: a for a in store.link.agreements() if a["origin"] == "corpus"},
        }


def agreements_by_report(run: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The corpus agreements each report's mentions resolved to, by file name (from `link_reports`)."""
    of_report: dict[str, list[dict[str, Any]]] = {}
    for name, aid in run["ids"].items():
        mine = {m["agreement_id"] for m in run["mentions"] if m["article_id"] == aid}
        of_report[name] = [run["agreements"][a] for a in sorted(mine) if a in run["agreements"]]
    return of_report


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return link_reports(tmp_path_factory, REPORTS)


@pytest.mark.slow
def test_every_report_of_the_truce_points_to_one_object(linked: dict[str, Any]) -> None:
    per_report = {
        name: {m["agreement_id"] for m in linked["mentions"] if m["article_id"] == aid}
        for name, aid in linked["ids"].items()
    }
    objects = set().union(*per_report.values())
    assert len(objects) == 1, per_report
    assert all(per_report.values())


@pytest.mark.slow
def test_the_truce_has_its_day_of_signing_its_day_of_effect_and_its_end(linked: dict[str, Any]) -> None:
    (truce,) = linked["agreements"].values()
    assert str(truce["signed"]).startswith("2023-05-20")
    assert str(truce["in_force"]).startswith("2023-05-22")
    assert truce["status"] == "collapsed"
