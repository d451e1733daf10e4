"""Reports of one quiet story read alike whatever happening they tell (a truce signed, fighting three days into it,
its extension a week on), and their days are close: what their headlines and first paragraphs tell as done sets them
apart (truceline/link/features.py lead_kinds, truceline/link/cluster.py kinds_apart). Reports we wrote for these
tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_link_dates import write_reports

from truceline import api
from truceline.link import link
from truceline.link.cluster import kinds_apart, other_kind
from truceline.link.features import Report, lead_kinds
from truceline.store import Store
from truceline.store.link import Group

TITLE = "Rivals agree truce for Taiz"
BODY = (
    "Rivals agree truce for Taiz\n\n"
    "TAIZ, March 4 (Test Wire) - The two sides agreed on Monday to stop fighting around the city.\n\n"
    "Gunmen attacked a checkpoint on the road to the airport later in the day, residents said.\n"
)
FIRST = BODY.index("TAIZ")
SECOND = BODY.index("Gunmen")


def _event(start: int, kind: str, **over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "start_char": start,
        "stance": "asserted",
        "date": "2024-03-04",
        "date_precision": "day",
        "date_from_publication": False,
        "ceasefire": None,
        "type": "AGREE",
    }
    if kind == "agreed":
        base["ceasefire"] = "agreed"
    elif kind == "extended":
        base["ceasefire"] = "extended"
    else:
        base["type"] = "ASSAULT"
    base.update(over)
    return base


def test_the_lead_tells_a_truce_made_and_the_second_paragraph_is_not_the_lead() -> None:
    kinds = lead_kinds(TITLE, BODY, [_event(FIRST + 20, "agreed"), _event(SECOND, "attack")], date(2024, 3, 4))
    assert kinds == {"made"}


def test_an_act_told_in_the_lead_but_done_weeks_before_is_background() -> None:
    old = _event(FIRST + 20, "agreed", date="2024-02-01")
    assert lead_kinds(TITLE, BODY, [old], date(2024, 3, 4)) == frozenset()
    # ... an act of a month, not a day, says nothing; one the report is dated by is its own
    month = _event(FIRST + 20, "agreed", date="2024-03", date_precision="month")
    assert lead_kinds(TITLE, BODY, [month], date(2024, 3, 4)) == frozenset()
    own = _event(FIRST + 20, "agreed", date_from_publication=True, date="2024-03-04")
    assert lead_kinds(TITLE, BODY, [own], date(2024, 3, 4)) == {"made"}


def test_an_accusation_of_breaching_the_truce_tells_an_attack() -> None:
    sentence = "The two sides traded accusations of breaches around the city on Sunday."
    blamed = _event(FIRST + 20, "attack", type="ACCUSE", sentence=sentence)
    assert lead_kinds(TITLE, BODY, [blamed], date(2024, 3, 4)) == {"attack"}
    # an accusation of anything else tells no attack
    other = _event(FIRST + 20, "attack", type="ACCUSE", sentence="The minister accused the envoy of bias on Sunday.")
    assert lead_kinds(TITLE, BODY, [other], date(2024, 3, 4)) == frozenset()


@pytest.mark.parametrize("stance", ["planned", "negated", "denied", "hypothetical"])
def test_acts_not_told_as_done_tell_no_happening(stance: str) -> None:
    assert lead_kinds(TITLE, BODY, [_event(FIRST + 20, "attack", stance=stance)], date(2024, 3, 4)) == frozenset()


def test_a_truce_taking_hold_is_told_by_the_words_of_the_lead() -> None:
    held = "Truce takes hold in Taiz\n\nTAIZ, March 5 (Test Wire) - Guns fell silent overnight around the city.\n"
    assert lead_kinds("Truce takes hold in Taiz", held, [], date(2024, 3, 5)) == {"in force"}
    past = "Quiet in Taiz\n\nTAIZ, March 5 (Test Wire) - A truce took effect at midnight around the city.\n"
    assert lead_kinds("Quiet in Taiz", past, [], date(2024, 3, 5)) == {"in force"}
    # a truce that will begin is not one in force
    ahead = "Rivals agree truce\n\nTAIZ, March 4 (Test Wire) - A truce will take effect at midnight.\n"
    assert lead_kinds("Rivals agree truce", ahead, [], date(2024, 3, 4)) == frozenset()


@pytest.mark.parametrize(
    ("mine", "theirs", "apart"),
    [
        ({"made"}, {"extended"}, True),
        ({"in force", "attack"}, {"made"}, True),
        ({"made", "attack"}, {"made"}, False),
        ({"attack"}, {"made", "attack"}, True),  # attacks alone, after a truce made
        ({"attack"}, {"attack"}, False),
        ({"in force"}, {"attack"}, True),
        (set(), {"made"}, False),  # a lead that tells nothing says nothing
        ({"attack", "made"}, {"attack"}, True),
    ],
)
def test_kinds_apart(mine: set[str], theirs: set[str], apart: bool) -> None:
    assert kinds_apart(mine, theirs, 3) is apart
    assert kinds_apart(theirs, mine, 3) is apart


def test_a_truce_holding_and_its_breaches_a_day_apart_are_one_happening() -> None:
    # a state, not an act of a day: its first day's breach claims and the next day's "fragile truce holds" go together
    assert not kinds_apart({"in force"}, {"attack"}, 1)
    assert kinds_apart({"in force"}, {"attack"}, 2)
    # an act of a truce and the next day's attacks are not one happening
    assert kinds_apart({"made"}, {"attack"}, 1)


@pytest.mark.parametrize(
    ("lead", "kinds"),
    [
        ("A truce that mediators said had been prolonged by two days held through Monday.", {"extended", "in force"}),
        ("The two sides agreed a truce that can be extended by the mediators.", set()),
        ("Israel and Hamas have agreed to extend the truce in Gaza by two days, Qatar said.", {"extended"}),
        ("A ceasefire between the two appeared to be holding on Thursday after two days of fighting.", {"in force"}),
        ("Warplanes struck a village on Thursday, hours before the ceasefire took effect.", set()),
        ("Gunmen attacked a checkpoint on Tuesday, shortly after the truce came into force.", set()),
        ("A ceasefire took effect at midnight, the army said.", {"in force"}),
    ],
)
def test_the_words_of_the_lead_tell_a_truce_held_or_extended(lead: str, kinds: set[str]) -> None:
    body = f"Headline\n\nTAIZ, March 5 (Test Wire) - {lead}\n\nMore.\n"
    assert lead_kinds("Headline", body, [], date(2024, 3, 5)) == kinds


def test_an_agreement_on_a_truce_dated_to_the_report_s_days_is_a_truce_made() -> None:
    sentence = "The two armies agreed on Thursday to strictly observe the ceasefire along the line from midnight."
    agreed = _event(FIRST + 20, "agreed", ceasefire=None, sentence=sentence, date="2024-03-04T24:00")
    assert lead_kinds(TITLE, BODY, [agreed], date(2024, 3, 4)) == {"made"}
    # ... not one dated by the report alone ("as soon as the deal was announced"), nor one of another matter
    dated_by_report = dict(agreed, date_from_publication=True)
    assert lead_kinds(TITLE, BODY, [dated_by_report], date(2024, 3, 4)) == frozenset()
    aid = dict(agreed, sentence="The commanders agreed on Saturday to let aid convoys through.")
    assert lead_kinds(TITLE, BODY, [aid], date(2024, 3, 4)) == frozenset()


def _report(day: date, kinds: set[str]) -> Report:
    return Report("r", "", None, "", None, day, day, {}, {}, frozenset(), kinds=frozenset(kinds))


def test_only_a_later_day_sets_a_lead_apart() -> None:
    cluster = Group("C-1", 1, 1, "2024-03-04", "2024-03-04", {}, {}, kinds={"made": 1.0})
    assert other_kind(_report(date(2024, 3, 7), {"attack"}), cluster)
    # the same day: two outlets may lead one happening with different acts
    assert not other_kind(_report(date(2024, 3, 4), {"attack"}), cluster)
    # more than a week after a truce act's first day, whatever the report's lead tells; an attack's cluster may
    # take a follow-up weeks later (a shooting and its trial)
    assert other_kind(_report(date(2024, 3, 12), set()), cluster)
    assert not other_kind(_report(date(2024, 3, 10), set()), cluster)
    shooting = Group("C-3", 1, 1, "2024-03-04", "2024-03-04", {}, {}, kinds={"attack": 1.0})
    assert not other_kind(_report(date(2024, 5, 1), set()), shooting)
    # a cluster linked before kinds were kept has none: no rule
    assert not other_kind(_report(date(2024, 3, 7), {"attack"}), Group("C-2", 1, 1, "2024-03-04", None, {}, {}))


STORY = {
    "signed.txt": (
        "Yemen's government and Houthis agree truce for Taiz\nMonday 4 March 2024\nTAIZ, March 4 (Test Wire) - "
        "Yemen's government and the Houthi movement agreed on Monday to a ceasefire around the besieged city of "
        "Taiz, the United Nations envoy said, after two weeks of talks in Muscat.\nThe truce for Taiz is to take "
        "effect at midnight and to last one month, the envoy said, and the roads into Taiz are to open to aid "
        "lorries.\nThe Houthi movement said it would keep its side of the Taiz truce if government forces kept "
        "theirs.\n"
    ),
    "shelled.txt": (
        "Shells fall on Taiz as Yemen's rivals agree truce\nMonday 4 March 2024\nTAIZ, March 4 (Other Wire) - "
        "Houthi shells hit a market in Taiz on Monday, killing three people, hours before Yemen's government and "
        "the Houthi movement agreed to a ceasefire around the city, the United Nations envoy said.\nThe truce for "
        "Taiz is to take effect at midnight, the envoy said after talks in Muscat, and aid lorries are to use the "
        "roads into Taiz.\nThe government said the Houthi movement must keep to the Taiz truce.\n"
    ),
    "broken.txt": (
        "Fighting flares in Taiz three days into truce\nThursday 7 March 2024\nTAIZ, March 7 (Test Wire) - "
        "Houthi fighters attacked government positions on the eastern edge of Taiz on Thursday, killing two "
        "soldiers, the government said, three days into the truce for Taiz agreed by Yemen's government and the "
        "Houthi movement.\nThe Houthi movement said it had kept its side of the Taiz truce and that government "
        "forces had fired first.\nThe United Nations envoy urged both sides to respect the truce for Taiz.\n"
    ),
    "extended.txt": (
        "Yemen's government and Houthis extend Taiz truce\nWednesday 13 March 2024\nTAIZ, March 13 (Test Wire) - "
        "Yemen's government and the Houthi movement extended their ceasefire around Taiz by another month on "
        "Wednesday, the United Nations envoy said, despite fighting on the eastern edge of the city last week.\n"
        "The envoy said aid lorries had reached Taiz since the truce for Taiz began, and that talks in Muscat would "
        "go on.\nThe Houthi movement said it would keep its side of the Taiz truce.\n"
    ),
}


@pytest.mark.slow
def test_one_quiet_story_s_happenings_are_its_clusters(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        api.ingest(store, [str(write_reports(tmp_path / "in", STORY))])
        api.process(store, link_after=False)
        link(store)
        placed = {Path(str(a["origin"])).name: store.link.linked_report(a["id"]) for a in store.articles()}
        assert placed["signed.txt"] is not None
        assert len({p["story_id"] for p in placed.values() if p}) == 1, placed
        clusters = {name: p["cluster_id"] for name, p in placed.items() if p}
        # the truce agreed, told by two outlets leading with different acts on its day, is one happening
        assert clusters["signed.txt"] == clusters["shelled.txt"], placed
        # fighting three days into it and its extension a week later are happenings of their own
        assert clusters["broken.txt"] != clusters["signed.txt"], placed
        assert clusters["extended.txt"] not in (clusters["signed.txt"], clusters["broken.txt"]), placed
        assert placed["extended.txt"]["kinds"] == ["extended"]
