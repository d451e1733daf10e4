"""The bundled corpus against its linking gold (truceline/data/sample/link_gold.yaml): every agreement mention
resolves to the right object, every planted contradiction is surfaced, stories and event clusters score above
their floors, a digressing passage goes to its own story. The corpus and the gold are ours."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

import pytest
from click.testing import CliRunner

from truceline import api
from truceline.cli import cli
from truceline.eval.clustering import b3
from truceline.link.gold import load_link_gold, report_labels
from truceline.sample import REPORTS_DIR, report_key
from truceline.store import Store

# measured on this corpus when the floors were set (story 0.983, event 0.915); in-sample: the gold was written
# with the corpus. With reports 35-44 added (written for the per-report stages and labelled after linking was
# built, so unseen by it): story 0.986, event 0.885 (precision 0.794: happenings days apart in one story merged);
# with the event model that weighs the reports' numbers (trained on this corpus too): event 0.912 (precision 0.874);
# with undated reports dated from their story before their cluster is chosen: event 0.953 (precision 0.931); with a
# theatre needing more than one town named once: story 1.0
STORY_B3_FLOOR = 0.98
EVENT_B3_FLOOR = 0.93


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("gold") / "linked.db")
    with Store.open(db) as store:
        api.ingest(store, [str(REPORTS_DIR)])
        api.process(store)
    return db


@pytest.fixture(scope="module")
def keyed(linked: str) -> dict[str, Any]:
    """Article ids by gold key, bodies, and what linking stored for them."""
    with Store.open(linked) as store:
        arts = store.articles()
        by_key = {report_key(str(a["origin"])): str(a["id"]) for a in arts}
        return {
            "ids": by_key,
            "keys": {v: k for k, v in by_key.items()},
            "bodies": {str(a["id"]): str(a["body"]) for a in arts},
            "memberships": store.link.memberships(),
            "mentions": store.link.agreement_mentions(),
            "agreements": {a["id"]: a for a in store.link.agreements()},
            "contradictions": store.link.contradictions(),
            "passages": store.conn.execute("SELECT article_id, start, end, story_id FROM link_passages").fetchall(),
        }


def test_stories_and_event_clusters_match_the_gold(keyed: dict[str, Any]) -> None:
    labels = report_labels()
    gold_story = {keyed["ids"][k]: s for k, (s, _) in labels.items()}
    gold_event = {keyed["ids"][k]: e for k, (_, e) in labels.items()}
    placed = keyed["memberships"]
    assert set(placed) == set(gold_story), "every report is linked"
    story = b3({a: placed[a]["story_ids"][0] for a in placed}, gold_story)
    event = b3({a: placed[a]["cluster_ids"][0] for a in placed}, gold_event)
    assert story["b3_f1"] >= STORY_B3_FLOOR, story
    assert event["b3_f1"] >= EVENT_B3_FLOOR, event


def test_a_digressing_passage_joins_its_own_story(keyed: dict[str, Any]) -> None:
    labels = report_labels()
    stories = defaultdict(Counter)
    for key, (story, _) in labels.items():
        stories[story][keyed["memberships"][keyed["ids"][key]]["story_ids"][0]] += 1
    story_of = {gold: counts.most_common(1)[0][0] for gold, counts in stories.items()}
    for passage in load_link_gold()["passages"]:
        aid = keyed["ids"][passage["report"]]
        start = keyed["bodies"][aid].index(passage["starts"])
        attached = [row for row in keyed["passages"] if row[0] == aid and row[1] <= start < row[2]]
        assert attached, f"the passage {passage['starts']!r} of {passage['report']} was not attached to a story"
        assert attached[0][3] == story_of[passage["story"]]
        assert story_of[passage["story"]] in keyed["memberships"][aid]["story_ids"]


def _resolved(keyed: dict[str, Any], report: str, text: str) -> set[str]:
    """The agreements the stored mentions overlapping the phrase `text` of `report` resolved to."""
    aid = keyed["ids"][report]
    start = keyed["bodies"][aid].index(text)
    end = start + len(text)
    return {
        m["agreement_id"] for m in keyed["mentions"] if m["article_id"] == aid and m["start"] < end and start < m["end"]
    }


def _objects(keyed: dict[str, Any]) -> dict[str, str]:
    """The object each gold agreement maps to: the one most of its mentions resolve to, taken greedily (the
    best-supported pairs first) so no object serves two gold agreements."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in load_link_gold()["mentions"]:
        votes[m["agreement"]].update(_resolved(keyed, m["report"], m["text"]))
    pairs = sorted(((n, g, o) for g, c in votes.items() for o, n in c.items()), key=lambda x: (-x[0], x[1], x[2]))
    objects: dict[str, str] = {}
    for _, g, o in pairs:
        if g not in objects and o not in objects.values():
            objects[g] = o
    return objects


def test_every_agreement_mention_resolves_to_its_object(keyed: dict[str, Any]) -> None:
    gold = load_link_gold()
    objects = _objects(keyed)
    assert set(objects) == set(gold["agreements"]), (
        f"agreements never resolved: {set(gold['agreements']) - set(objects)}"
    )
    assert len(set(objects.values())) == len(objects), f"two gold agreements share one object: {objects}"
    wrong = [
        (m["report"], m["text"], m["agreement"], sorted(_resolved(keyed, m["report"], m["text"])))
        for m in gold["mentions"]
        if objects[m["agreement"]] not in _resolved(keyed, m["report"], m["text"])
    ]
    assert not wrong, "mentions resolved to the wrong agreement (or to none):\n" + "\n".join(map(str, wrong))


def test_agreement_objects_have_their_dates_kinds_and_status(keyed: dict[str, Any]) -> None:
    objects = _objects(keyed)
    for gid, spec in load_link_gold()["agreements"].items():
        obj = keyed["agreements"][objects[gid]]
        if spec.get("known"):
            assert obj["id"] == f"K-{spec['known']}", (gid, obj["id"])
        if not spec.get("undated_in_corpus"):
            assert str(obj["signed"]).startswith(str(spec["signed"])), (gid, obj["signed"], spec["signed"])
        if spec.get("in_force"):
            assert str(obj["in_force"]).startswith(str(spec["in_force"])), (gid, obj["in_force"], spec["in_force"])
        if spec.get("status"):
            assert obj["status"] == spec["status"], (gid, obj["status"], spec["status"])


def test_every_planted_contradiction_is_surfaced(keyed: dict[str, Any]) -> None:
    missing = []
    for planted in load_link_gold()["contradictions"]:
        wanted = {(keyed["ids"][report], str(v)) for report, values in planted["says"].items() for v in values}
        found = False
        for c in keyed["contradictions"]:
            if c["kind"] != planted["kind"]:
                continue
            said = {(p["article_id"], str(p["value"])) for p in c["positions"]}
            if wanted <= said:
                found = True
                break
        if not found:
            missing.append((planted["kind"], planted["event"], sorted(wanted)))
    assert not missing, "planted contradictions not surfaced:\n" + "\n".join(map(str, missing))


def test_timeline_shows_canonical_events_and_keeps_the_mentions(linked: str) -> None:
    runner = CliRunner()

    def rows(*args: str) -> list[dict[str, Any]]:
        out = runner.invoke(cli, [*args, "--db", linked], catch_exceptions=False).stdout
        return [json.loads(x) for x in out.splitlines() if x.strip()]

    mentions = rows("timeline", "--mentions", "--format", "jsonl")
    assert mentions == rows("events", "--format", "jsonl")  # the per-report rows, exactly
    canonical = rows("timeline", "--format", "jsonl")
    assert 0 < len(canonical) < len(mentions)
    assert sum(len(c["mention_ids"]) for c in canonical) >= len(mentions)
    balyun = [c for c in canonical if c.get("figures", {}).get("killed", {}).get("high") == 34]
    assert balyun and balyun[0]["independent_sources"] >= 3
    assert {v["value"] for v in balyun[0]["figures"]["killed"]["values"]} >= {22, 33, 34}
    table = runner.invoke(cli, ["timeline", "--db", linked, "--limit", "5"]).stdout
    assert "independent source(s)" in table
    # the dates bound the date each row shows, however far apart its mentions are
    window = rows("timeline", "--since", "2020-03-05", "--until", "2020-03-06", "--format", "jsonl")
    assert window and {c["canonical_id"] for c in window} <= {c["canonical_id"] for c in canonical}
    assert all("2020-03-05" <= c["date"][:10] <= "2020-03-06" for c in window)


def test_a_story_has_its_own_timeline_summary_and_disputes(linked: str, keyed: dict[str, Any]) -> None:
    runner = CliRunner()
    stories = [
        json.loads(x) for x in runner.invoke(cli, ["stories", "--db", linked, "--format", "jsonl"]).stdout.splitlines()
    ]
    idlib = max(stories, key=lambda s: s["reports"])
    timeline = runner.invoke(cli, ["timeline", "--db", linked, "--story", idlib["id"][:8], "--format", "jsonl"]).stdout
    items = [json.loads(x) for x in timeline.splitlines()]
    assert items and all(i["story_id"] == idlib["id"] for i in items)
    summary = runner.invoke(cli, ["summary", "--db", linked, "--story", idlib["id"]], catch_exceptions=False).stdout
    assert "Events:" in summary and "Agreements:" in summary and "Disputed:" in summary
    quoted = [line for line in summary.splitlines() if line.startswith("- 20") and '"' in line]
    assert quoted, "the summary quotes the reports"
    later = runner.invoke(cli, ["summary", "--db", linked, "--story", idlib["id"], "--since", "2020-03-01"]).stdout
    assert "What changed since 2020-03-01" in later
    assert all(line[2:12] >= "2020-03-01" for line in later.splitlines() if line.startswith("- 20") and '"' in line)
    disputes = runner.invoke(cli, ["contradictions", "--db", linked, "--format", "jsonl"]).stdout
    assert len(disputes.splitlines()) == len(keyed["contradictions"])
    agreements = runner.invoke(cli, ["agreements", "--db", linked]).stdout
    assert "Sochi" in agreements and "violation" in agreements
