"""The places stage contract: offsets, event places on our own sentences, and the seed reports."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.geo.sources import data_dir
from truceline.model import Place
from truceline.stages.places import event_place, find_places
from truceline.text import split_sentences

WORDS = ["Idlib", "Saraqib", "in", "near", "the", "town", "of", "province", "Syria's", "Maaret", "al-Numan", "Ankara",
         "Vladimir", "Putin", "U.S.", "-based", "north", "Kansafra", ",", ".", "\n", "İdlib", "Ma'arrat", "an-Nu'man"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=30))
def test_spans_always_match_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for place in find_places(text):
        assert text[place.start : place.end] == place.text
        assert place.resolved == (place.lat is not None)


def _event(text: str, trigger: str) -> Place | None:
    places = find_places(text)
    at = text.index(trigger)
    start, end = next((s, e) for s, e in split_sentences(text) if s <= at < e)
    return event_place(places, start, end, at)


def test_event_place_prefers_the_scene_over_the_speaker() -> None:
    text = "Speaking at a news conference in Ankara, the minister said Syrian airstrikes hit Ariha."
    chosen = _event(text, "airstrikes")
    assert chosen is not None and chosen.text == "Ariha" and chosen.country == "SYR"


def test_event_place_skips_actor_countries_and_origins() -> None:
    text = "Turkey said the Britain-based monitor counted 12 dead in Saraqib."
    chosen = _event(text, "dead")
    assert chosen is not None and chosen.text == "Saraqib" and chosen.precision == 1


def test_near_and_direction_lower_the_precision() -> None:
    near = _event("Two soldiers died in a blast near Saraqib.", "blast")
    east = _event("Jets bombed villages east of Saraqib.", "bombed")
    assert near is not None and near.text == "Saraqib" and near.precision == 2
    assert east is not None and east.text == "Saraqib" and east.precision == 2


def test_region_and_country_precision() -> None:
    region = _event("Clashes erupted in Idlib province overnight.", "Clashes")
    country = _event("Fighting went on in Libya all week.", "Fighting")
    assert region is not None and region.precision == 3
    assert country is not None and country.precision == 4 and country.country == "LBY"


def test_town_of_pattern_is_a_scene() -> None:
    chosen = _event("Government forces shelled the town of Kafr Nabl in Idlib province.", "shelled")
    assert chosen is not None and chosen.text == "Kafr Nabl"


def test_unknown_village_falls_back_to_its_region() -> None:
    chosen = _event("Shelling hit the Idlib province village of Qarnabtun Sharqi on Monday.", "Shelling")
    assert chosen is not None and chosen.text == "Qarnabtun Sharqi" and not chosen.resolved
    assert chosen.admin1 == "Idlib" and chosen.precision == 2 and chosen.lat is not None


def test_no_place_when_the_sentence_names_only_actors() -> None:
    assert _event("Russia and Turkey agreed a ceasefire.", "agreed") is None


# --- seeds: every place our gazetteer knows resolves within 25 km; expected points are facts from GeoNames
# (CC BY 4.0) and, for curated rows, read from our own features.csv.
GEONAMES_POINTS = {
    "Idlib": ("SYR", 35.93, 36.63), "Hama": ("SYR", 35.13, 36.76), "Ankara": ("TUR", 39.92, 32.85),
    "Moscow": ("RUS", 55.75, 37.62), "Saraqib": ("SYR", 35.86, 36.81), "Maaret al-Numan": ("SYR", 35.65, 36.68),
    "Damascus": ("SYR", 33.51, 36.29), "Daraa": ("SYR", 32.62, 36.10), "Quneitra": ("SYR", 33.13, 35.82),
    "Astana": ("KAZ", 51.18, 71.45), "Sochi": ("RUS", 43.60, 39.72), "Libya": ("LBY", 28.0, 17.0),
    "Syria": ("SYR", 35.0, 38.0), "Turkey": ("TUR", 39.0, 35.0), "Kazakhstan": ("KAZ", 48.0, 68.0),
}  # fmt: skip
CURATED = {"Kansafra": "kansafra", "Kefraya": "kafriya", "Bab al-Hawa": "bab-al-hawa", "M4": "m4",
           "Eastern Ghouta": "eastern-ghouta"}  # fmt: skip
SEED_COUNTRIES = {"SYR", "TUR", "RUS", "KAZ", "LBY", "IRQ", "IRN", "GBR", None}


def _expected() -> dict[str, tuple[str, float, float]]:
    expected = dict(GEONAMES_POINTS)
    with (data_dir() / "features.csv").open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(line for line in handle if not line.startswith("#"))}
    for name, row_id in CURATED.items():
        row = rows[row_id]
        expected[name] = ("SYR" if row["iso2"] == "SY" else row["iso2"], float(row["lat"]), float(row["lon"]))
    return expected


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))


def test_seed_places_resolve_within_25_km(shared: Path) -> None:
    expected = _expected()
    checked = 0
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        places = find_places(text)
        for place in places:
            assert place.country in SEED_COUNTRIES, f"{path.name}: {place.text!r} resolved to {place.country}"
        for name, (country, lat, lon) in expected.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
                hit = next((p for p in places if p.start <= m.start() < p.end), None)
                assert hit is not None, f"{path.name}: {name!r} at {m.start()} not found"
                assert hit.resolved and hit.country == country, f"{path.name}: {name!r} -> {hit}"
                assert hit.lat is not None and hit.lon is not None
                assert _km(hit.lat, hit.lon, lat, lon) <= 25.0, f"{path.name}: {name!r} -> {hit.name}"
                checked += 1
    assert checked > 50


def test_seed_event_places_are_scenes(shared: Path) -> None:
    """In the seeds, no event sentence gets an origin ("Britain-based") or a possessive country as its place."""
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        places = find_places(text)
        for start, end in split_sentences(text):
            chosen = event_place(places, start, end, start)
            if chosen is not None:
                assert chosen.cue not in ("based", "from") and start <= chosen.start < end
                assert not (chosen.cue == "possessive" and chosen.feature == "country")


def test_capitals_as_governments_are_not_scenes() -> None:
    assert _event("Moscow kept up pressure on Ankara to begin an offensive.", "offensive") is None
    held = _event("The two delegations held talks in Ankara on Monday.", "talks")
    assert held is not None and held.text == "Ankara" and held.feature == "capital"


def test_a_place_in_another_clause_is_not_the_scene() -> None:
    text = (
        "The shelling went on all night and displaced hundreds of families, the minister said, adding that "
        "despite the agreements reached in Sochi the offensive had not stopped."
    )
    assert _event(text, "shelling") is None
