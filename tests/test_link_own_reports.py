"""Event clusters of our own linked reports of ceasefire stories (bench/linked/README.md): one happening told by
several outlets is one cluster, a quiet story's different happenings days apart are not. Floors sit within 0.02 of
the measured figures; raise them when work improves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.eval import clusters

LINKED = Path(__file__).resolve().parents[1] / "bench" / "linked"
# measured event B3 F1: tune (the set the rules were first written against) 0.947, tune2 (written blind as a check,
# 0.814 there, then its failures looked at) 0.914, check (written blind after both rounds, measured once) 0.795;
# before the reports' leads told happenings apart: 0.667, 0.630 and 0.732. Stories are all right (1.0) in all three
FLOORS = {"tune.jsonl": 0.93, "tune2.jsonl": 0.895, "check.jsonl": 0.775}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_clusters_of_our_linked_reports(name: str) -> None:
    out = clusters.run(LINKED / name, {})
    event, story = out["event"], out["story"]
    assert isinstance(event, dict) and isinstance(story, dict)
    assert out["documents"] == sum(1 for line in (LINKED / name).read_text().splitlines() if line.strip())
    assert story["b3_f1"] >= 0.98, story
    assert event["b3_f1"] >= FLOORS[name], event
