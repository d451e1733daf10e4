"""Agreement mentions and their objects, class by class: which phrases name an agreement, who its parties and
mediators are, which object a mention resolves to when the report is loosely dated, and one object per agreement
when a report gives its day of effect before its day of signing or names the deal before the sentence that makes
it. The reports and sentences are our own; the seed reports are read from ../shared when it is there."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from truceline import api
from truceline.link.mentions import Mention, find
from truceline.link.resolve import recent_first
from truceline.store import Store
from truceline.text import split_sentences


def _ex(body: str, layer: str, text: str, **data: Any) -> dict[str, Any]:
    start = body.index(text)
    return {"layer": layer, "start": start, "end": start + len(text), "text": text, "label": None, "data": data}


def _find(body: str, *extractions: dict[str, Any], year: int | None = 2021) -> list[Mention]:
    return find(body, split_sentences(body), sorted(extractions, key=lambda e: e["start"]), year=year)


# -- which phrases name an agreement ------------------------------------------------------------------------------


def test_a_verb_or_agreements_in_general_are_no_mention() -> None:
    body = (
        "The governor urged the militia leaders to deal with the looting first. Previous deals between the clans did "
        "not last. Ceasefires seldom hold in the dry season. Both sides called for a new truce."
    )
    assert _find(body) == []


def test_a_new_truce_with_a_day_of_its_own_is_one() -> None:
    body = "The militias kept up their raids, breaking a fresh truce on Feb. 3 within hours, officials said."
    time = _ex(body, "time", "Feb. 3", value="2021-02-03", earliest="2021-02-03", latest="2021-02-03")
    (mention,) = _find(body, time)
    assert mention.head == "truce" and mention.dates == [(date(2021, 2, 3), date(2021, 2, 3))]
    assert mention.text.startswith("a fresh truce on Feb. 3")  # the phrase holds its time whole


def test_a_ceasefire_agreement_is_one_mention_of_a_ceasefire() -> None:
    body = "The two commanders signed a ceasefire agreement at the river crossing."
    (mention,) = _find(body)
    assert mention.head == "ceasefire" and mention.text.startswith("a ceasefire agreement")


def test_places_after_the_word_name_agreements_only_where_they_were_made() -> None:
    both = _find("The minister said the rebels had broken the agreements in Lisbon and Geneva.")
    assert both[0].names == ["lisbon", "geneva"]
    signed = _find("We signed the truce in Valletta, the envoy said.")
    assert signed[0].names == ["valletta"]
    applies = _find("Shelling went on despite the truce in Tartus, residents said.")
    assert applies[0].names == []
    # a bare plural is particular when the places it was made in follow it, and general otherwise
    bare = _find("The envoy said that despite agreements in Lisbon and Geneva the raids had gone on.")
    assert [m.names for m in bare] == [["lisbon", "geneva"]]
    assert _find("The envoy said that despite agreements the raids had gone on.") == []


def test_parties_and_mediators_by_the_word_that_links_them() -> None:
    body = "A truce was brokered with Kenya for the border district, the ministry said."
    (mention,) = _find(body, _ex(body, "actor", "Kenya", country="KEN"))
    assert (mention.parties, mention.brokers) == (["KEN"], [])
    body = "The raid was the worst breach of the truce by army units so far."
    (mention,) = _find(body, _ex(body, "actor", "army units", country="ETH"))
    assert (mention.parties, mention.brokers) == ([], [])  # "by" after a breach names who broke it
    body = "The two sides agreed a truce on Friday after talks mediated by Qatar and Egypt."
    qatar, egypt = _ex(body, "actor", "Qatar", country="QAT"), _ex(body, "actor", "Egypt", country="EGY")
    (mention,) = _find(body, qatar, egypt)
    assert mention.brokers == ["QAT", "EGY"] and mention.parties == []
    body = "Norway and Chile, which brokered the deal, urged both sides to hold their fire."
    norway, chile = _ex(body, "actor", "Norway", country="NOR"), _ex(body, "actor", "Chile", country="CHL")
    (mention,) = _find(body, norway, chile)
    assert mention.brokers == ["NOR", "CHL"]


def test_the_age_of_a_truce_is_read() -> None:
    (mention,) = _find("Aid workers said a two-week-old truce in the valley was fraying.")
    assert mention.age == (2, "week")


# -- which object a bare mention means ----------------------------------------------------------------------------


def _agreement(agreement_id: str, kind: str, signed: str, seq: int) -> dict[str, Any]:
    return {"id": agreement_id, "kind": kind, "signed": signed, "in_force": None, "seq": seq, "data": {}}


def test_a_loosely_dated_report_means_a_truce_known_to_be_older_before_one_that_may_be_younger() -> None:
    mention = _find("Both sides said the truce was holding.")[0]
    january = _agreement("K-jan", "ceasefire", "2021-01-10", 1)
    june = _agreement("K-jun", "ceasefire", "2021-06-01", 2)
    # a report from some day between 2021-01-20 and 2021-12-31: June's truce may postdate it, January's does not
    assert recent_first(mention, [june, january], set(), date(2021, 1, 20), "C-none-") == ["K-jan", "K-jun"]
    # dated to a day after both: the latest first, as before
    assert recent_first(mention, [june, january], set(), date(2021, 7, 1), "C-none-") == ["K-jun", "K-jan"]
    # one the report itself founded, undated like the report, is as recent as the report
    own = _agreement("C-report-12", "ceasefire", "", 3)
    own["signed"] = None
    assert recent_first(mention, [june, january, own], set(), None, "C-report-")[0] == "C-report-12"


# -- whole reports through the pipeline ---------------------------------------------------------------------------

REPORTS = {
    # dated: a pause in Yemen founded by this report, after the undated report's truce
    "pause.txt": (
        "UN calls for a humanitarian pause around Taiz\nWednesday 24 March 2021\nThe United Nations called on "
        "Wednesday for a humanitarian pause in the fighting around Taiz so that aid convoys could reach the city.\n"
        "Shelling hit the eastern districts of Taiz hours later, residents said, and each side accused the other of "
        "breaking the humanitarian pause.\n"
    ),
    # no year anywhere: a ceasefire it founds, a draft deal, then "the ceasefire" again
    "talks.txt": (
        "Yemen's rivals hold talks in Muscat as ceasefire holds\nMUSCAT, Jan 11 (Test Wire) - Envoys of the Yemeni "
        "government and the Houthis held a long round of indirect talks in Muscat on Monday on a plan to extend a "
        "ceasefire that took effect around Taiz on Saturday.\nThe government negotiator initialled the draft "
        "agreement, Omani officials said, but the Houthi envoy asked for more time.\nEach side accused the other of "
        "breaking the ceasefire near Taiz within hours.\n"
    ),
    # the day of effect before the day of signing, and mediators named after both
    "jeddah.txt": (
        "Truce in Darfur frays as both sides trade blame\nMonday 8 May 2023\nThe army and the Rapid Support Forces "
        "accused each other on Monday of violating a ceasefire that came into force in El Fasher at midnight on "
        "Saturday.\nThe two sides agreed the ceasefire in Jeddah on Thursday after talks mediated by Saudi Arabia "
        "and the United States.\nResidents said shelling had not stopped.\n"
    ),
    # the deal named ("Under the deal") before the sentence that makes it an object ("welcomed the accord")
    "wells.txt": (
        "Clan elders agree to pull militias back from wells\nSaturday 14 October 2023\nElders of the two clans "
        "agreed on Thursday to pull their militias back from the wells near Galkayo, after a week of talks.\nUnder "
        "the deal, neither militia may carry weapons within ten kilometres of the wells.\nThe regional president "
        "welcomed the accord and promised to send police to the area.\n"
    ),
    # a deal described before the sentence that names it: the name further on says which one it is
    "goma.txt": (
        "Kinshasa says rebels break truce around Goma\nFriday 10 June 2022\nKinshasa accused the rebels on Friday "
        "of breaking a truce deal agreed with Kigali for the hills around Goma.\nUnder the Kivu accord, both armies "
        "must keep out of a buffer strip, an army spokesman added.\n"
    ),
    # an accord known first to its month ("signed last month"), then by its day from another report
    "accord_month.txt": (
        "Ankara and Tripoli defend their security accord\nMonday 9 December 2019\nTurkish lawmakers debated on "
        "Monday the security accord the two governments signed last month, which lets Ankara send military "
        "advisers to Tripoli.\n"
    ),
    "accord_day.txt": (
        "Libya publishes its security accord with Turkey\nThursday 19 December 2019\nLibyan officials said on "
        "Thursday that the two governments signed the security accord in Istanbul on November 27.\nThe text was "
        "posted on the website of the government in Tripoli.\n"
    ),
}
# a user's agreements file: the deal the Goma report names
USER_AGREEMENTS = (
    "- {id: kivu-accord, name: Kivu accord, kind: agreement, signed: 2022-03-01, zone: Goma, parties: [COD, RWA]}\n"
)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("reports")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    user = tmp_path_factory.mktemp("user") / "agreements.yaml"
    user.write_text(USER_AGREEMENTS, encoding="utf-8")
    with Store.open(tmp_path_factory.mktemp("db") / "a.db") as store:
        api.ingest(store, [str(folder)])
        api.process(store, workers=1, agreements=[user])
        ids = {Path(str(a["origin"])).name: str(a["id"]) for a in store.articles()}
        return {
            "ids": ids,
            "bodies": {str(a["id"]): str(a["body"]) for a in store.articles()},
            "mentions": store.link.agreement_mentions(),
            "agreements": {a["id"]: a for a in store.link.agreements()},
        }


def _resolved(linked: dict[str, Any], report: str, words: str) -> set[str]:
    aid = linked["ids"][report]
    start = linked["bodies"][aid].index(words)
    return {m["agreement_id"] for m in linked["mentions"] if m["article_id"] == aid and m["start"] <= start < m["end"]}


@pytest.mark.slow
def test_an_undated_reports_ceasefire_is_the_one_it_founded_not_a_later_pause(linked: dict[str, Any]) -> None:
    founded = _resolved(linked, "talks.txt", "ceasefire that took effect")
    assert len(founded) == 1 and next(iter(founded)).startswith("C-")
    assert _resolved(linked, "talks.txt", "the ceasefire near Taiz") == founded
    pause = _resolved(linked, "pause.txt", "the humanitarian pause")
    assert pause and pause != founded


@pytest.mark.slow
def test_a_truce_told_by_its_day_of_effect_and_its_day_of_signing_is_one_object(linked: dict[str, Any]) -> None:
    first = _resolved(linked, "jeddah.txt", "a ceasefire that came into force")
    assert first and _resolved(linked, "jeddah.txt", "the ceasefire in Jeddah") == first
    truce = linked["agreements"][next(iter(first))]
    assert truce["signed"] == "2023-05-04" and str(truce["in_force"]).startswith("2023-05-0")
    assert truce["signed"] < truce["in_force"]
    assert set(truce["data"]["mediators"]) == {"SAU", "USA"}
    assert not set(truce["data"]["parties"]) & {"SAU", "USA"}


@pytest.mark.slow
def test_a_deal_named_before_the_sentence_that_makes_it_points_to_it(linked: dict[str, Any]) -> None:
    accord = _resolved(linked, "wells.txt", "the accord")
    assert len(accord) == 1 and _resolved(linked, "wells.txt", "the deal") == accord
    assert linked["agreements"][next(iter(accord))]["signed"] == "2023-10-12"  # "agreed on Thursday"
    assert not linked["agreements"][next(iter(accord))]["name"].lower().startswith("agreement agreement")


@pytest.mark.slow
def test_a_deal_described_before_its_name_is_the_named_one_not_a_new_object(linked: dict[str, Any]) -> None:
    assert _resolved(linked, "goma.txt", "the Kivu accord") == {"U-kivu-accord"}
    assert _resolved(linked, "goma.txt", "a truce deal agreed with Kigali") == {"U-kivu-accord"}
    assert not [a for a in linked["agreements"] if a.startswith("C-" + linked["ids"]["goma.txt"][:10])]


@pytest.mark.slow
def test_an_agreement_known_to_its_month_is_the_one_a_report_dates_to_a_day_of_it(linked: dict[str, Any]) -> None:
    month = _resolved(linked, "accord_month.txt", "the security accord")
    assert len(month) == 1 and _resolved(linked, "accord_day.txt", "the security accord") == month
    assert linked["agreements"][next(iter(month))]["signed"] == "2019-11-27"


# -- the seed reports ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_seed_reports_agreements_are_one_object_each_with_mentions_that_never_point_ahead(seeds_db: Path) -> None:
    with Store.open(seeds_db) as store:
        articles = {str(a["id"]): a for a in store.articles()}
        mentions = store.link.agreement_mentions()
        agreements = {a["id"]: a for a in store.link.agreements()}
    used = {m["agreement_id"] for m in mentions}
    # the known deals the seeds tell of are the known objects, not new ones beside them
    assert {"K-sochi-idlib-memorandum", "K-idlib-ceasefire-2020-01", "K-moscow-idlib-protocol"} <= used
    # a mention that names Sochi points to the Sochi memorandum (and, if it names another too, to that as well:
    # "despite agreements in Sochi and Astana")
    named: dict[tuple[str, int], set[str]] = {}
    for m in mentions:
        if "sochi" in m["text"].lower():
            named.setdefault((m["article_id"], m["start"]), set()).add(m["agreement_id"])
    assert named and all("K-sochi-idlib-memorandum" in ids for ids in named.values()), named
    assert {"K-sochi-idlib-memorandum", "K-astana-deescalation-memorandum"} in named.values()
    # no mention in a report of a known day resolves to an agreement made after it
    for m in mentions:
        article, agreement = articles[m["article_id"]], agreements[m["agreement_id"]]
        if article["published_precision"] == "day" and agreement["signed"]:
            assert str(agreement["signed"]) <= str(article["published"]), (m["text"], agreement["id"])
    # no verb ("to deal with") and no deals in general ("previous deals") is taken for an agreement
    for m in mentions:
        before = str(articles[m["article_id"]]["body"])[: m["start"]]
        assert not re.search(r"\b(to|previous|earlier)\s*$", before, re.I), m["text"]
    # in a report of a known day, a truce word names a truce of the weeks before it, not one of years before
    for m in mentions:
        article, agreement = articles[m["article_id"]], agreements[m["agreement_id"]]
        truce_word = re.match(r"^(a|the|this)\b.*\b(ceasefire|truce)\b", m["text"])
        if article["published_precision"] == "day" and truce_word and agreement["signed"]:
            gap = date.fromisoformat(str(article["published"])[:10]) - date.fromisoformat(agreement["signed"][:10])
            assert gap.days <= 60, (m["text"], agreement["id"])
    # one object per agreement: no two of the same kind and zone share a day
    days = [(a["kind"], a["data"].get("zone_country"), a["signed"]) for a in agreements.values() if a["id"] in used]
    dated = [d for d in days if d[2]]
    assert len(dated) == len(set(dated))
