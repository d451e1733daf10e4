"""Event clusters keep to the days a report's text bounds it to (truceline.link.cluster, truceline.link.bounds): reports
of one story that state no date, whose words read alike but whose texts put them months apart, tell different
happenings and end in different clusters; two of the same week telling the same happening share one; a report
bounded only to a season never joins a cluster of another season.

The reports are our own, linked through the real Linker, store and packaged scorer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truceline.link.bounds import apart, narrow, open_ended, publication_days, text_bounds, widened
from truceline.link.cluster import Linker, closed_bounds, model_decider, out_of_bounds
from truceline.link.features import Report, build_report
from truceline.link.score import Scorer
from truceline.store import Store

# one story's shellings, each told in other words (near-copies would join their original's cluster outright)
TOLD = {
    "march-a": "Shells struck the market in Eastfield on Tuesday, killing four people, residents said, as the truce "
    "between the army and the Northern Front came under strain. Traders closed their stalls.",
    "march-b": "Four people died when army shells hit the Eastfield market on Tuesday, the Northern Front said, "
    "accusing the army of breaking the truce. Doctors at the town hospital counted the dead.",
    "july": "The Northern Front said army gunners shelled Eastfield again on Tuesday and two people were killed near "
    "the market, the worst breach of the truce in weeks. The army blamed fire from the hills.",
    "november": "Army shelling killed six people in Eastfield on Tuesday, the town council said, after the Northern "
    "Front raided an army post; the truce between the two sides looked close to collapse.",
    "later": "A Northern Front spokesman said on Tuesday that the army shelling of the Eastfield market, which killed "
    "four people, showed the truce meant nothing; traders have not reopened their stalls since.",
    "autumn": "Shelling of the Eastfield market by the army killed four people, a Northern Front commander said, "
    "calling the truce dead. Residents said the shells came on Tuesday at dawn.",
}


def _report(rid: str, first: str, last: str, read_on: str = "2022-06-01") -> Report:
    # the days come from the text alone (a weekday read with a day of the month): bounds, not a stated date
    return build_report(
        {
            "id": rid,
            "processed_at": f"{read_on}T10:00:00+00:00",
            "title": f"Eastfield shelling strains truce between army and Northern Front ({rid})",
            "body": TOLD[rid],
            "published_earliest": first,
            "published_latest": last,
            "published_evidence": ["'Tuesday' with the day of the month named: that day or the next"],
        }
    )


def _link(tmp_path: Path, reports: list[Report]) -> tuple[dict[str, str], dict[str, str]]:
    """{report id: its event cluster} once all are linked, and {cluster id: "first day/last day"}."""
    with Store.open(tmp_path / "bounds.db") as store:
        linker = Linker(store.link, model_decider(Scorer.packaged()), Scorer.packaged())
        placed = {}
        with store.link.transaction():
            for rep in reports:
                placed[rep.id] = linker.place(rep).cluster_id
        # a merge moves a cluster's reports: read where each one ended
        clusters = {aid: m["cluster_ids"][0] for aid, m in store.link.memberships().items() if aid in placed}
        groups = store.link.groups("link_clusters", sorted(set(clusters.values())))
        return clusters, {g.id: f"{g.date_lo}/{g.date_hi}" for g in groups}


def test_alike_reports_bounded_months_apart_tell_different_happenings(tmp_path: Path) -> None:
    reports = [
        _report("march-a", "2021-03-02", "2021-03-03"),
        _report("march-b", "2021-03-03", "2021-03-04"),
        _report("july", "2021-07-20", "2021-07-21"),
        _report("november", "2021-11-09", "2021-11-10"),
    ]
    assert all(r.date_lo is None for r in reports)  # undated for linking: only their text bounds them
    clusters, days = _link(tmp_path, reports)
    assert clusters["march-a"] == clusters["march-b"]  # the same week, the same shelling
    assert len({clusters["march-a"], clusters["july"], clusters["november"]}) == 3
    # bounded to a few days, the reports date their clusters (and so choose among the clusters of their days)
    assert days[clusters["march-a"]] == "2021-03-02/2021-03-04"
    assert days[clusters["november"]] == "2021-11-09/2021-11-10"


def test_a_report_bounded_to_a_season_never_joins_a_cluster_of_another(tmp_path: Path) -> None:
    reports = [
        _report("march-a", "2021-03-02", "2021-03-03"),
        _report("march-b", "2021-03-03", "2021-03-04"),
        _report("autumn", "2021-09-01", "2021-11-30"),  # wide: no days of its own
    ]
    clusters, _ = _link(tmp_path, reports)
    assert clusters["march-a"] == clusters["march-b"] != clusters["autumn"]


def test_a_report_bounded_from_below_only_is_held_to_no_days() -> None:
    # its text says only "not before March 2021" (the last day is the day it was read): a follow-up of any later
    # day, or a misread note, it is kept from no cluster; bounded on both ends, or narrowly, it is held to them
    assert closed_bounds(_report("later", "2021-03-05", "2022-06-01", read_on="2022-06-01")) is None
    assert closed_bounds(_report("later", "2021-03-05", "2021-12-31", read_on="2022-06-01")) is not None
    assert closed_bounds(_report("later", "2022-05-20", "2022-06-01", read_on="2022-06-01")) is not None
    assert open_ended((date(2021, 3, 5), date(2022, 6, 1)), date(2022, 6, 1))
    assert not open_ended((date(2021, 3, 5), date(2022, 6, 1)), None)


def test_bounds_are_read_one_way() -> None:
    row = {"date_lo": None, "date_hi": None, "bound_lo": "2020-03-11", "bound_hi": "2020-03-12"}
    assert publication_days(row) == (date(2020, 3, 11), date(2020, 3, 12))
    # a stated date comes first; bounds wider than BOUND_DAYS are no days for matching, though still bounds
    assert publication_days({**row, "date_lo": "2020-03-10", "date_hi": "2020-03-10"}) == (date(2020, 3, 10),) * 2
    wide = {"bound_lo": "2020-01-12", "bound_hi": "2021-01-12"}
    assert publication_days(wide) is None and narrow(text_bounds(wide)) is None
    assert text_bounds({"bound_lo": "2020-02", "bound_hi": "2020"}) == (date(2020, 2, 1), date(2020, 12, 31))
    assert widened((date(2020, 3, 11), date(2020, 3, 12)), 5) == (date(2020, 3, 6), date(2020, 3, 12))
    # the days an act may precede its report: a report of Thursday can tell Monday's happening, not last month's
    monday, thursday = (date(2020, 3, 9),) * 2, (date(2020, 3, 12),) * 2
    assert not out_of_bounds(thursday, monday) and out_of_bounds(thursday, (date(2020, 2, 3),) * 2)
    assert out_of_bounds(thursday, None) is False and apart((date(2020, 1, 1),) * 2, (date(2020, 1, 2),) * 2)
