"""The bundled sample corpus and its gold: the gold must agree with the reports, and the scorer must be able to fail.

The end-to-end test runs the real pipeline over the corpus and checks floors; it skips until the pipeline exists.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from truceline.model import (
    Actor,
    Analysis,
    Article,
    Caption,
    CleanedText,
    Event,
    Place,
    PubDate,
    Quantity,
    Trigger,
)
from truceline.sample import GOLD_PATH, PLOVER_TYPES, REPORTS_DIR, load_gold, report_key, report_texts, score
from truceline.text import split_sentences

GOLD = load_gold()
TEXTS = report_texts()


def test_every_report_has_gold_and_every_gold_entry_a_report() -> None:
    assert set(TEXTS) == set(GOLD)


def test_corpus_has_the_promised_shape() -> None:
    suffixes = {Path(key.split(":")[0]).name.split(".", 1)[1] for key in GOLD}
    assert {"txt", "html", "jsonl", "txt.gz"} <= suffixes
    assert len(GOLD) >= 28
    # the reports added for linking (link_*) are counted apart: they were written for the cross-report stage
    events = [ev for key, entry in GOLD.items() if not key.startswith("link_") for ev in entry["events"]]
    assert 80 <= len(events) <= 300
    # some reports list every event of the report, so that rows which are no event at all are counted
    assert sum(1 for entry in GOLD.values() if entry.get("exhaustive")) >= 8
    counts = {t: sum(ev.type == t for ev in events) for t in PLOVER_TYPES}
    for core in ("ACCUSE", "ASSAULT", "AGREE", "CONSULT", "REQUEST", "REJECT"):
        assert counts[core] >= 6, core
    # Reports are short news items, not one-liners or long features.
    for key, text in TEXTS.items():
        words = len(text.split())
        assert 120 <= words <= 400, (key, words)


@pytest.mark.parametrize("key", sorted(GOLD))
def test_evidence_phrases_sit_in_exactly_one_sentence(key: str) -> None:
    text = TEXTS[key]
    sentences = [text[s:e] for s, e in split_sentences(text)]
    for ev in GOLD[key]["events"]:
        holders = [s for s in sentences if ev.evidence in s]
        assert len(holders) == 1, (key, ev.evidence, len(holders))


@pytest.mark.parametrize("key", sorted(GOLD))
def test_gold_dates_chrome_and_titles_are_consistent(key: str) -> None:
    entry: dict[str, Any] = GOLD[key]
    text = TEXTS[key]
    lines = {line.strip() for line in text.splitlines()}
    for chrome in entry["chrome"]:
        assert chrome in lines, (key, chrome)
    published = date.fromisoformat(entry["published"])
    if entry["precision"] == "unknown":
        assert entry["earliest"] is None and entry["latest"] is None, key
    else:
        earliest, latest = date.fromisoformat(entry["earliest"]), date.fromisoformat(entry["latest"])
        assert earliest <= published <= latest
        assert (earliest == latest) == (entry["precision"] == "day"), key
    assert entry["title"] and entry["title"] in text
    for ev in entry["events"]:
        if ev.date is not None:
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", ev.date)
            date.fromisoformat(ev.date if len(ev.date) == 10 else ev.date + "-01")
        assert ev.type in PLOVER_TYPES


def test_origins_map_to_gold_keys() -> None:
    assert report_key(str(REPORTS_DIR / "01_levant_wire_sochi_memorandum.txt")) == "01_levant_wire_sochi_memorandum.txt"
    assert report_key("/somewhere/else/x.jsonl:3") == "x.jsonl:3"
    assert report_key("/somewhere/else/x.jsonl:12 (id=lw-1)") == "x.jsonl:12"
    assert report_key("relative/y.txt.gz") == "y.txt.gz"
    assert GOLD_PATH.is_file()


# --- the scorer must reward a right reading and punish a wrong one ---------------------------------------------

_BODY = (
    "Syrian artillery shelled a Turkish post near Saraqib on Monday, killing five soldiers, Ankara said.\n"
    "Russia denied any role in the attack."
)
_KEY = "unit.txt"
_UNIT_GOLD_YAML = """
reports:
  unit.txt:
    title: Post shelled
    published: 2020-02-11
    precision: day
    earliest: 2020-02-11
    latest: 2020-02-11
    captions: 1
    chrome: ["Share this article"]
    events:
      - {type: ASSAULT, actor: SYR-MIL, recipient: TUR-MIL, stance: claimed, claimed_by: TUR, date: 2020-02-10,
         place: "Saraqib, SYR", killed: 5, evidence: "shelled a Turkish post near Saraqib"}
      - {type: REJECT, actor: RUS-GOV, evidence: "Russia denied any role"}
"""


@pytest.fixture
def unit_gold(tmp_path: Path) -> dict[str, dict[str, Any]]:
    path = tmp_path / "gold.yaml"
    path.write_text(_UNIT_GOLD_YAML, encoding="utf-8")
    return load_gold(path)


def _actor(text: str, country: str, sector: str) -> Actor:
    start = _BODY.index(text)
    return Actor(start, start + len(text), text, name=text, country=country, sector=sector)


def _analysis(*, right: bool) -> Analysis:
    s1_end = _BODY.index("\n")
    first, second = _BODY[:s1_end], _BODY[s1_end + 1 :]
    pub = (
        PubDate("2020-02-11", date(2020, 2, 11), date(2020, 2, 11), "day")
        if right
        else PubDate("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month")
    )
    body = _BODY if right else "Share this article\n" + _BODY
    cleaned = CleanedText(title="Post shelled", body=body, captions=(Caption("A post.", None),) if right else ())
    article = Article("a1", f"/data/{_KEY}", "Post shelled" if right else "Share", None, None, pub, cleaned)
    place_at = _BODY.index("Saraqib")
    killed_at = _BODY.index("five")
    assault = Event(
        article_id="a1",
        index=0,
        type="ASSAULT",
        mode="shelling",
        sentence_start=0,
        sentence_end=s1_end,
        sentence=first,
        trigger=Trigger(_BODY.index("shelled"), _BODY.index("shelled") + 7, "shelled", "shell"),
        actor=_actor("Syrian artillery", "SYR", "MIL") if right else _actor("Turkish post", "TUR", "MIL"),
        recipient=_actor("Turkish post", "TUR", "MIL") if right else None,
        place=Place(place_at, place_at + 7, "Saraqib", name="Saraqib", country="SYR" if right else "TUR"),
        date="2020-02-10" if right else "2020-02-11",
        killed=Quantity(killed_at, killed_at + 4, "five", "killed", 5 if right else 4),
        stance="claimed" if right else "asserted",
        claimed_by=_actor("Ankara", "TUR", "GOV") if right else None,
    )
    reject = Event(
        article_id="a1",
        index=1,
        type="REJECT" if right else "ACCUSE",
        mode=None,
        sentence_start=s1_end + 1,
        sentence_end=len(_BODY),
        sentence=second,
        trigger=Trigger(_BODY.index("denied"), _BODY.index("denied") + 6, "denied", "deny"),
        actor=_actor("Russia", "RUS", "GOV"),
    )
    return Analysis(article=article, events=[assault, reject])


def test_scorer_gives_full_marks_to_a_right_reading(unit_gold: dict[str, dict[str, Any]]) -> None:
    scores = score([_analysis(right=True)], unit_gold)
    assert all(value == 1.0 for value in scores.values()), scores


def test_scorer_fails_a_wrong_reading(unit_gold: dict[str, dict[str, Any]]) -> None:
    scores = score([_analysis(right=False)], unit_gold)
    assert scores["pubdate_exact"] == 0.0
    assert scores["pubdate_precision_match"] == 0.0
    assert scores["captions_ok"] == 0.0
    assert scores["chrome_dropped"] == 0.0
    assert scores["title_exact"] == 0.0
    assert scores["event_recall"] == 0.5  # the REJECT was coded as ACCUSE: wrong type does not match
    assert scores["event_precision"] == 0.5
    for field in ("actor_country_accuracy", "recipient_country_accuracy", "stance_accuracy", "claimed_by_accuracy"):
        assert scores[field] == 0.0, field
    for field in ("date_accuracy", "place_accuracy", "killed_accuracy"):
        assert scores[field] == 0.0, field


def test_exhaustive_gold_counts_every_row_and_all_fields_must_agree(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(_UNIT_GOLD_YAML.replace("    events:", "    exhaustive: true\n    events:"), encoding="utf-8")
    gold = load_gold(path)
    right = _analysis(right=True)
    extra = Event(
        article_id="a1",
        index=2,
        type="SUPPORT",
        mode=None,
        sentence_start=0,
        sentence_end=10,
        sentence="Unrelated.",
        trigger=Trigger(0, 3, "Unr", "unr"),
    )
    scores = score([Analysis(article=right.article, events=[*right.events, extra])], gold)
    assert scores["event_precision_exhaustive"] == 2 / 3  # the stray row counts although no gold sentence holds it
    assert scores["event_recall_exhaustive"] == 1.0
    assert scores["event_all_fields"] == 1.0
    wrong = score([_analysis(right=False)], gold)
    assert wrong["event_all_fields"] == 0.0


def test_an_international_body_is_scored_by_its_code(unit_gold: dict[str, dict[str, Any]]) -> None:
    """The gold writes the UN as UNO and NATO as NAT; our actors carry no country but a code that says so."""
    right = _analysis(right=True)
    reject = right.events[1]
    for code, expected in (("IGOUNOOCHA", 1.0), ("IGOWSTNAT", 0.0)):
        body = Actor(reject.actor.start, reject.actor.end, "the UN", name="UN", sector="IGO", code=code)  # type: ignore[union-attr]
        gold = {_KEY: {**unit_gold[_KEY], "events": unit_gold[_KEY]["events"][1:]}}
        gold[_KEY]["events"] = [replace(gold[_KEY]["events"][0], actor=(frozenset({"UNO"}), "IGO"))]
        events = [replace(reject, index=0, actor=body)]
        scores = score([Analysis(article=right.article, events=events)], gold)
        assert scores["actor_country_accuracy"] == expected, code


def test_scorer_counts_a_lost_article_as_wrong(unit_gold: dict[str, dict[str, Any]]) -> None:
    scores = score([], unit_gold)
    assert scores["articles_found"] == 0.0
    assert scores["event_recall"] == 0.0
    assert scores["pubdate_exact"] == 0.0


# --- end to end -----------------------------------------------------------------------------------------------

# Floors set a little under what the whole pipeline measures on this corpus (python -m truceline.sample);
# raise them as stages improve, never lower them quietly.
FLOORS = {
    "articles_found": 1.0,
    "title_exact": 0.97,
    "captions_ok": 0.97,
    "chrome_dropped": 0.97,
    "pubdate_exact": 0.88,  # measured 0.886 (0.932 when this was last written; likely the day cues of fa11c44, which give a weekday-and-date pair "that day or the next", not verified)
    "event_recall": 0.90,  # measured 0.920 (0.916 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.912 before tear gas fired at migrants was crowd control, as the gold has it)
    "event_precision": 0.83,  # measured 0.849 (0.846 before the third wire shapes of 2026-12-07; 0.839 before the second wire shapes of 2026-12-07; 0.835 before two sides agreeing again told a term of one agreement; 0.832 before the dead of an act a truce or an answer follows were that act's; 0.829 before who comes under fire was its target, an act answered kept its toll, a town after a direction told the ground and an apartment block hit was civilians; 0.824 before a warning that foretells was no threat and tear gas was crowd control; 0.817 before cutting a road was no sanction, 0.824 before ground taken and forces moved were events; 0.811 before who a party is and relations held made no row; 0.808 before a strike was a walkout only by its own words; 0.805 before a statement's quote by its speaker was one row; 0.802 before restraint, conditions and "any" acts made no rows; 0.795 before one act told twice became one row)
    "event_precision_exhaustive": 0.88,  # measured 0.904 (0.882 before the second wire shapes of 2026-12-07; 0.872 before a warning that foretells was no threat and tear gas was crowd control; 0.862 before cutting a road was no sanction; 0.852 before what a campaign is to take was its aim; 0.824 before who a party is and relations held made no row; 0.815 before a strike was a walkout only by its own words; reports 35-44, whose gold lists every event)
    "event_all_fields": 0.70,  # measured 0.721 (0.716 before a charge's place was not the blaming's; 0.707 before parties moved to another country were named, an agreement named for a place lent no ground and a breach told beside another charge was its own accusation; 0.702 when last written; 0.697 before the one blamed was the doer of the act blamed; 0.683 before a body said to be led by a state was that state's; 0.678 before a blame joined to a clause about an act was the teller's; 0.673 before "in central Khartoum" gave its town; 0.659 before the second wire shapes of 2026-12-07; 0.654 before the wire shapes of 2026-12-07; earlier 0.660 (0.655 before casualty verbs went to the act rather than to another casualty verb, clashes between one country's sides and a "while" clause's teller; 0.650 before forces deployed with no sender were the actor; 0.646 before an answer with a party for object was aimed at that party; 0.641 before talks told as when a deal was reached took its parties; 0.636 before ground taken and forces moved were events; 0.578 before the sectors branch: head nouns, state media, facilities attacked; 0.573 before a welcome or condemnation answered who did what it names; 0.568 before a truce's start was not the day it was agreed; 0.558 before "a spokesman for X", surnames and "all parties"; 0.549 before a rejection answered who said or asked what it rejects; 0.524 before victims, speech places and the teller's own acts; 0.519 before Nairab stayed in Syria; actor, recipient, date and place all right; 0.471 before branch target)
    "actor_country_accuracy": 0.93,  # measured 0.947 (0.942 before an agreement named for a place lent no ground to unnamed parties; 0.938 before the venue of talks gave no country; 0.933 before the one blamed was the doer of the act blamed; 0.928 before names sharing only their consonants were no spellings of one place; 0.918 before a body said to be led by a state was that state's; 0.913 before an accusation in a teller's second verb was the teller's; 0.903 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.898 before forces deployed with no sender were the actor; 0.888 before talks told as when a deal was reached took its parties; 0.879 before hyphened nationalities; 0.874 before "a spokesman for X" and surnames of titled names; 0.869 before the teller's own conjoined act; 0.864 before Nairab stayed in Syria; 0.830 before branch target: blows, the accused, listed owners)
    "recipient_country_accuracy": 0.88,  # measured 0.899 (0.894 before who comes under fire was its target, an act answered kept its toll, a town after a direction told the ground and an apartment block hit was civilians; 0.879 before casualty verbs went to the act rather than to another casualty verb and a town struck gave no nearby party; 0.874 before forces deployed with no sender were the actor; 0.869 before an answer with a party for object was aimed at that party; 0.864 before two sides of one country, of different sectors, were actor and recipient; 0.850 before a welcome or condemnation answered who did what it names and a second verb kept its own object; 0.840 before a rejection answered who said or asked what it rejects; 0.820 before harm verbs' victims and "its" of a plural; 0.801 before rebels and civilians took the report's ground)
    "actor_sector_accuracy": 0.905,  # measured 0.923 (0.918 before an accusation in a teller's second verb was the teller's; 0.908 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.893 with the sectors branch alone, 0.874 with the other rules of this session alone; 0.854 before state media were GOV, head nouns gave sectors, a bare country denying was its state and "workers from" a body were the body)
    "recipient_sector_accuracy": 0.875,  # measured 0.894 (0.889 before the wire shapes of 2026-12-07; 0.888 (0.874 before casualty verbs went to the act rather than to another casualty verb; 0.840 before the sectors branch; 0.796 before head nouns, facilities attacked and a side's figures)
    "claimed_by_accuracy": 0.88,  # measured 0.899 (0.894 before a charge made in a teller's second verb was claimed by the teller; 0.889 before an act charged with 'of' hung on the accused was the accuser's claim; 0.884 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.883 before a body in a capital was that state's; 0.879 before a "while" clause's teller stopped attributing the main clause; 0.864 before people of the ground who tell of an act were of the ground; 0.845 before datelines, "his office" and the teller's acts; 0.825 before "the ministry" was the minister's named before it)
    "stance_accuracy": 0.945,  # measured 0.962 (0.957 before a charge made in a teller's second verb was claimed by the teller; 0.952 before an act charged with 'of' hung on the accused was the accuser's claim; 0.947 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.942 when last written; 0.932 before the teller's own conjoined act; 0.926 before a modal on the embedding verb made the act a plan)
    "date_accuracy": 0.935,  # measured 0.957 (0.947 before the second wire shapes of 2026-12-07; 0.951 when last written; 0.947 before ground taken and forces moved were events; 0.937 before a truce's start was not the day it was agreed; 0.956 before the eventhood rules; 0.941 -> 0.937 with the retrained classifier)
    "place_accuracy": 0.88,  # measured 0.899 (0.894 before a charge's place was not the blaming's; written as 0.899 earlier, 0.894 before names sharing only their consonants were no spellings of one place; 0.889 before "in central Khartoum" gave its town; 0.888 before the second wire shapes of 2026-12-07; 0.874 before speech places and described capitals; 0.869 before a spelling match had to lie near the report's places; 0.854 before a meeting's aim stopped giving its place)
    "killed_accuracy": 0.975,  # measured 0.995 (0.975 before casualty verbs went to the act rather than to another casualty verb)
    "injured_accuracy": 0.98,  # measured 1.000 (0.995 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.985 before casualty verbs went to the act rather than to another casualty verb)
}


# The reports added for linking (reports/link_*: wire copies, a story in Libya, planted disagreements) are scored
# apart, so the floors above keep measuring the reports they were set on; measured on the link_ reports:
# pubdate 0.917, recall 0.744, precision 0.615 (0.767 / 0.647 before the classifier was retrained with the CAMEO
# sentences: one event missed and two rows more of 43 gold events), actor country 0.636, recipient country 0.697, claimed_by 0.818,
# stance 0.939, date 0.848, place 0.909, killed 0.939 (their actors, Libya's among them, are new to the dictionaries)
LINK_REPORT_FLOORS = {
    "articles_found": 1.0,
    "pubdate_exact": 0.98,  # measured 1.000
    "event_recall": 0.885,  # measured 0.907 (0.884 before being in contact was consulting; 0.837 before forces that began moving, a vote to let troops go and a "where" clause; 0.814 before refusing to let an armed side advance was a threat; 0.767 before ground taken and forces moved were events; 0.744 before a response held ready was a threat whatever its verb's type)
    "event_precision": 0.76,  # measured 0.780 (0.765 before a group "which is fighting" others was who it is, not an act; 0.735 before forces that began moving and a vote to let troops go were deployments; 0.720 before the third wire shapes of 2026-12-07; 0.706 before the second wire shapes of 2026-12-07; 0.686 before refusing to let an armed side advance was a threat; 0.673 before cutting a road was no sanction; 0.647 before ground taken and forces moved were events; 0.627 before a response held ready was a threat; 0.615 before a statement's quote by its speaker was one row)
    "actor_country_accuracy": 0.95,  # measured 0.974 (0.944 before "both sides" were never the backers of the sides; 0.914 before a title or descriptor taken for a second subject modified the names after it: "Presidents Vladimir Putin and Tayyip Erdogan held talks"; 0.886 before who comes under fire was its target, an act answered kept its toll, a town after a direction told the ground and an apartment block hit was civilians; 0.829 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.818 when last written; 0.788 before a head noun gave its sector; 0.781 before; 0.750 before the teller's own conjoined act; "its troops" of the party the clause is about; 0.719 before)
    "recipient_country_accuracy": 0.76,  # measured 0.778 (0.771 before refusing to let an armed side advance was a threat; 0.743 before who comes under fire was its target, an act answered kept its toll, a town after a direction told the ground and an apartment block hit was civilians; 0.727 before a relative pronoun object stood for its head; 0.688 before rebels and civilians took the report's ground)
    "actor_sector_accuracy": 0.925,  # measured 0.943 (0.914 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns; 0.879 before a head noun's sector)
    "recipient_sector_accuracy": 0.765,  # measured 0.788
    "claimed_by_accuracy": 0.95,  # measured 0.971 (0.943 before an unnamed defence ministry was of the side whose losses or act it tells; 0.914 before a body in a capital was that state's: "the defence ministry in Ankara"; 0.909 when last written; 0.848 before people of the ground who tell of an act were of the ground, 0.844 when last written; 0.812 before the teller's own conjoined act)
    "stance_accuracy": 0.945,  # measured 0.969 (0.938 before the teller's own conjoined act)
    "date_accuracy": 0.84,  # measured 0.861 (0.833 before a dateline's weekday stopped choosing the report's year)
    "place_accuracy": 0.90,  # measured 0.917 (0.914 before refusing to let an armed side advance was a threat; 0.886 before a speaker's seat and relative clauses on other nouns stopped placing acts)
    "killed_accuracy": 0.95,  # measured 0.971 (0.943 before a toll told again after its attack, attack nouns the parser misreads and state words on attack nouns)
}


@pytest.mark.slow
def test_pipeline_meets_gold_floors() -> None:
    from truceline.pipeline import analyse_paths

    analyses = analyse_paths([str(REPORTS_DIR)])
    for floors, gold in (
        (FLOORS, {k: v for k, v in GOLD.items() if not k.startswith("link_")}),
        (LINK_REPORT_FLOORS, {k: v for k, v in GOLD.items() if k.startswith("link_")}),
    ):
        scores = score(analyses, gold)
        low = {name: (round(scores[name], 3), floor) for name, floor in floors.items() if scores[name] < floor}
        assert not low, f"below floor (score, floor): {low}; all scores: {scores}"
