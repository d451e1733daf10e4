"""Names that are also English words need evidence; datelines, origins and possessives are never scenes.

Sentences are our own; the PLOVER and sample-corpus checks read their texts at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from truceline.geo import gazetteer
from truceline.geo.normalise import fold
from truceline.geo.words import NOUN_ONLY, WORD, common_words
from truceline.model import Place
from truceline.stages.places import event_place, find_places
from truceline.text import split_sentences

SAMPLE = Path(__file__).resolve().parents[1] / "truceline" / "data" / "sample" / "reports"


def names(text: str, focus: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    return [(p.text, p.country) for p in find_places(text, focus=focus)]


def _event(text: str, trigger: str, statement: bool = False) -> Place | None:
    places = find_places(text)
    at = text.index(trigger)
    start, end = next((s, e) for s, e in split_sentences(text) if s <= at < e)
    return event_place(places, start, end, at, statement=statement)


def test_word_grades_come_from_the_model_lookups() -> None:
    gaz = gazetteer.get()
    assert gaz.common.get("split") == WORD and gaz.common.get("reading") == WORD  # adjective; verb form
    assert gaz.common.get("independence") == NOUN_ONLY
    assert "saraqib" not in gaz.common and "idlib" not in gaz.common
    # Without the model package only the stop words are known.
    assert common_words(["Split", "Nowhere", "Also"], fold, ["also"], package="no_such_model") == {"also": WORD}


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies asked both armies to let the convoys pass.",
        "Reading from a prepared text, the spokesman rejected the claim.",
        "Split over the plan, the council voted a second time.",
        "Mobile networks went down across the north after the strike.",
        "Bath houses and schools stayed shut for a week.",
        "Police counted four dead after the blast.",
        "Independence fighters took the ridge at dawn.",
    ],
)
def test_sentence_initial_words_are_not_places(text: str) -> None:
    assert names(text, ("SYR", "TUR")) == []


def test_words_with_evidence_stay_places() -> None:
    assert names("Fans filled the squares in Split after the match.") == [("Split", "HRV")]
    assert names("Bath council shut the pool on Monday.", ("GBR",)) == [("Bath", "GBR")]
    assert ("Cambridge", "GBR") in names("Students in Oxford and Cambridge marched on Friday.")


def test_alternate_names_that_are_words_stay_words() -> None:
    assert names("Leaders of the Christian community met in Beirut.") == [("Beirut", "LBN")]
    assert names("Crowds marked the end of Ramadan in Gaza City.") == [("Gaza City", "PSE")]
    assert names("Regulators fined Google and the MoD over the leak.") == []


def test_direction_before_a_country_is_that_country() -> None:
    found = find_places("Jets struck targets in South Lebanon overnight.")
    assert [(p.text, p.country, p.feature) for p in found] == [("South Lebanon", "LBN", "country")]


def test_region_after_a_comma_picks_the_country() -> None:
    found = find_places("A storm flattened barns near Paris, Texas, on Tuesday.")
    assert found[0].text == "Paris" and found[0].country == "USA" and found[0].admin1 == "Texas"


def test_dateline_places_are_marked_and_never_the_scene() -> None:
    text = "SOCHI, Russia, Oct 2 (Our Wire) - Rebels shelled a checkpoint, the army said."
    places = find_places(text)
    assert [(p.text, p.cue) for p in places] == [("SOCHI", "dateline"), ("Russia", "dateline")]
    assert _event(text, "shelled") is None
    assert find_places("Turkey - Syria talks resume")[0].cue != "dateline"


def test_dateline_city_serves_a_statement_with_no_other_place() -> None:
    text = "BEIRUT, May 4 (Our Wire) - The foreign minister met the envoy to discuss the truce."
    chosen = _event(text, "met", statement=True)
    assert chosen is not None and chosen.text == "BEIRUT" and chosen.country == "LBN"
    other = "BEIRUT, May 4 (Our Wire) - The minister met the envoy in Tyre."
    met = _event(other, "met", statement=True)
    assert met is not None and met.text == "Tyre"


def test_origins_and_possessives_are_not_scenes() -> None:
    assert _event("A monitoring group based in London reported clashes overnight.", "clashes") is None
    assert _event("Aleppo's governor said the shelling had stopped.", "shelling") is None
    chosen = _event("A group based in London said shelling hit Ariha.", "shelling")
    assert chosen is not None and chosen.text == "Ariha"


@pytest.mark.parametrize(
    ("text", "trigger", "precision"),
    [
        ("A car bomb exploded outside Saraqib at noon.", "bomb", 2),
        ("Militants attacked a post west of Ariha.", "attacked", 2),
        ("Fighting spread across Hama province.", "Fighting", 3),
        ("Shelling continued in Lebanon.", "Shelling", 4),
        ("Shelling continued in Saraqib.", "Shelling", 1),
    ],
)
def test_precision_codes(text: str, trigger: str, precision: int) -> None:
    chosen = _event(text, trigger)
    assert chosen is not None and chosen.precision == precision


def _word_places_without_evidence(text: str, focus: list[str]) -> list[str]:
    """One-word places outside the focus countries, with no place cue, that are English words: alternate names,
    verbs and adjectives, or nouns naming a mere town (WordNet lists "Tehran" as a noun too)."""
    gaz = gazetteer.get()
    out = []
    for p in find_places(text, focus=focus):
        grade = gaz.common.get(fold(p.text), 0)
        if not grade or p.country in focus or p.cue not in (None, "possessive", "based") or p.name is None:
            continue
        if p.feature in ("country", "admin1", "continent", "region"):
            continue
        alternate = fold(p.text) != fold(p.name)
        if alternate or grade == WORD or p.feature in ("town", "village"):
            out.append(f"{p.text} -> {p.name}, {p.country}")
    return out


def test_plover_sentences_pin_no_words(shared: Path) -> None:
    gold = json.loads((shared / "eval" / "plover" / "plover_gsr.json").read_text(encoding="utf-8"))
    bad = []
    for item in gold:
        if "text" not in item:
            continue
        actors = [a for key in ("source", "target") for a in item.get(key) or () if isinstance(a, dict)]
        focus = sorted({str(a.get("code", ""))[:3] for a in actors if len(str(a.get("code", ""))) >= 3})
        bad += _word_places_without_evidence(item["text"], focus)
    assert bad == []


def test_sample_reports_pin_no_words() -> None:
    paths = sorted(SAMPLE.glob("*.txt"))
    if not paths:
        pytest.skip("sample corpus not installed")
    bad = [w for path in paths for w in _word_places_without_evidence(path.read_text(encoding="utf-8"), ["SYR"])]
    assert bad == []
