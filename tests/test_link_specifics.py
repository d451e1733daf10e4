"""What tells one happening or story from another when the words are alike: the numbers a report states
(truceline/link/score.py) and how alike two stories read across against within each (truceline/link/cluster.py).

The reports are written here, in our own words.
"""

from __future__ import annotations

import math

from truceline.link.cluster import MERGE_STORIES, cohesion, reads_as_one
from truceline.link.features import Report
from truceline.link.score import features, salient_numbers
from truceline.link.text import terms_and_names
from truceline.store.link import Group


def _report(title: str, body: str) -> Report:
    terms, names, lead = terms_and_names(title, body)
    return Report("r", "", title, body, None, None, None, terms, names, lead)


def _unit(rep: Report) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in rep.terms.values()))
    return {t: x / norm for t, x in rep.terms.items()}


def _group(reps: list[Report]) -> Group:
    centroid: dict[str, float] = {}
    names: dict[str, float] = {}
    for rep in reps:
        for t, x in _unit(rep).items():
            centroid[t] = centroid.get(t, 0.0) + x
        for t in rep.names:
            names[t] = names.get(t, 0.0) + 1
    return Group("G", 1, len(reps), None, None, centroid, names)


FERRY = _report(
    "Ferry capsizes off the coast with 41 aboard",
    "A ferry carrying 41 people capsized in rough seas on Monday, the coastguard said.\n"
    "Rescuers had pulled 30 survivors from the water by nightfall.",
)
SAME_FERRY = _report(
    "Coastguard searches for missing after ferry sinks",
    "The coastguard said 41 people were on the ferry when it went down and that 11 are still missing.",
)
OTHER_FERRY = _report(
    "Second ferry accident this year",
    "A ferry with 120 passengers ran aground near the harbour; all 120 were brought ashore.",
)
NO_NUMBERS = _report("Ferry sinks in a storm", "A ferry sank in a storm and rescuers searched the sea.")


def test_the_numbers_of_a_headline_or_lead_are_salient_a_passing_one_is_not() -> None:
    body = "An explosion killed 12 workers.\nThe depot was closed.\nInspectors arrived.\nIn 1998 a fire hit it."
    rep = _report("Blast kills 12 at a depot", body)
    assert "#12" in salient_numbers(rep.terms)
    assert "#1998" not in salient_numbers(rep.terms)  # once, after the lead (title and three lines)


def test_a_cluster_giving_the_report_s_numbers_agrees_one_giving_others_clashes() -> None:
    def event_features(members: list[Report]) -> dict[str, float]:
        vector = _unit(FERRY)
        return features("event", FERRY, vector, _group(members), [_unit(m) for m in members], lambda t: 1.0)

    agree = event_features([SAME_FERRY])
    assert agree.get("num_agree") == 1.0 and "num_clash" not in agree
    clash = event_features([OTHER_FERRY])
    assert clash.get("num_clash") == 1.0 and "num_agree" not in clash
    silent = event_features([NO_NUMBERS])
    assert "num_agree" not in silent and "num_clash" not in silent  # nothing to compare: no evidence either way


FIRE = [
    _report("Fire destroys supermarket in town centre", "A fire destroyed the supermarket on the high street."),
    _report("Supermarket gutted by fire", "Firefighters fought the blaze at the supermarket on the high street."),
    _report("Man charged over supermarket fire", "Police charged a man with arson after the supermarket fire."),
    _report("Supermarket fire was arson, police say", "Police said the fire at the supermarket was arson."),
]
BOXING = [
    _report("Champion keeps his title", "The champion stopped the challenger in the sixth round to keep the title."),
    _report("Title fight ends in sixth round", "The challenger was stopped in the sixth round of the title fight."),
]


def test_two_halves_of_one_story_read_as_one_two_stories_do_not() -> None:
    first, second, boxing = _group(FIRE[:2]), _group(FIRE[2:]), _group(BOXING)

    def link(a: Group, b: Group) -> float:
        return sum(x * b.centroid.get(t, 0.0) for t, x in a.centroid.items()) / (a.n_reports * b.n_reports)

    assert all(c is not None and c > 0 for c in (cohesion(first), cohesion(second), cohesion(boxing)))
    assert link(first, second) >= MERGE_STORIES
    assert reads_as_one(link(first, second), first, second)
    assert not reads_as_one(link(first, boxing), first, boxing)
    single = _group(FIRE[:1])
    assert cohesion(single) is None  # a single report has no links of its own to compare
    assert not reads_as_one(link(single, second), single, second)
