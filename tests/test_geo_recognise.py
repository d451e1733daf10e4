"""Toponym recognition without NER: stop-lists, patterns and transliteration variants (sentences written by us)."""

from __future__ import annotations

import pytest

from truceline.geo.normalise import name_key, skeleton
from truceline.stages.places import find_places


def texts(text: str) -> list[str]:
    return [p.text for p in find_places(text)]


def test_name_key_joins_transliterations() -> None:
    variants = ["Maaret al-Numan", "Maarat al-Numan", "Ma'arrat an-Nu'man", "Ma‘arrat an Nu‘mān"]
    assert len({skeleton(name_key(v)) for v in variants}) == 1
    assert name_key("İdlib") == name_key("Idlib") == "idlib"
    assert name_key("Deir ez-Zor") == name_key("Deir al-Zor")


@pytest.mark.parametrize("variant", ["Maaret al-Numan", "Maarat al-Numan", "Ma'arrat an-Nu'man"])
def test_transliteration_variants_resolve_to_one_place(variant: str) -> None:
    places = find_places(f"Families left {variant} in Idlib province as the shelling went on.")
    town = next(p for p in places if p.text == variant)
    assert town.resolved and town.country == "SYR"
    assert town.lat == pytest.approx(35.65, abs=0.1) and town.lon == pytest.approx(36.68, abs=0.1)


def test_person_names_and_common_words_are_not_places() -> None:
    found = texts("Vladimir Putin met Mary Jones. Human rights groups praised the Victory Day truce in Moscow.")
    assert found == ["Moscow"]


def test_tail_of_a_person_name_is_dropped_everywhere() -> None:
    found = texts("Defence Minister Hulusi Akar spoke on Monday. Later Akar flew to Ankara.")
    assert "Akar" not in found and "Ankara" in found


def test_demonyms_and_acronyms_are_not_places() -> None:
    found = texts("Syrian and Turkish officials met UN and NATO envoys in Geneva.")
    assert found == ["Geneva"]


def test_sentence_initial_common_word_is_not_a_place() -> None:
    # "Mission" is a Texas city, but here it opens a sentence and the same word appears in lower case.
    assert texts("Mission accomplished, he said, before the mission ended in Aleppo.") == ["Aleppo"]


def test_province_pattern_gives_region() -> None:
    places = find_places("Clashes were reported in Idlib and Hama provinces on Sunday.")
    by_text = {p.text: p for p in places}
    assert by_text["Idlib"].feature == "admin1" and by_text["Idlib"].precision == 3
    assert by_text["Hama"].feature == "admin1"


def test_unknown_village_kept_with_its_region() -> None:
    text = "Rockets fell on the Idlib province village of Qarnabtun Sharqi overnight, and later on Saraqib."
    places = find_places(text)
    village = next(p for p in places if p.text == "Qarnabtun Sharqi")
    assert not village.resolved and village.region == "Idlib" and village.country == "SYR"
    assert any(p.text == "Saraqib" and p.resolved for p in places)  # one unknown name never empties the rest


def test_town_of_and_direction_patterns() -> None:
    places = find_places("Troops advanced on the town of Kafr Nabl, then took hills north of Khan Shaykhun.")
    names = {p.text: p for p in places}
    assert names["Kafr Nabl"].resolved and names["Kafr Nabl"].country == "SYR"
    assert names["Khan Shaykhun"].cue == "north of"


def test_curated_features_are_found() -> None:
    text = "Patrols drove along the M4 highway to the Bab al-Hawa crossing, far from Eastern Ghouta."
    places = {p.text: p for p in find_places(text)}
    assert places["M4"].feature == "road"
    assert places["Bab al-Hawa"].feature == "crossing" and places["Bab al-Hawa"].country == "SYR"
    assert places["Eastern Ghouta"].source == "curated:eastern-ghouta"


def test_capitalised_suffix_belongs_to_the_name() -> None:
    assert "Benue State" in texts("Herders clashed with farmers in Benue State last week.")
    assert "Idlib" in texts("Shelling continued in Idlib province.")


def test_ner_spans_are_merged_without_overwriting() -> None:
    text = "Mary Jones said Vladimir Putin spoke about Idlib and the Kurdish town of Zor Maghar."
    ner = [(0, 10, "PERSON"), (16, 29, "PERSON"), (43, 48, "GPE")]
    found = [(p.text, p.resolved) for p in find_places(text, ner=ner)]
    assert ("Idlib", True) in found
    assert not any(t in ("Mary", "Vladimir", "Putin") for t, _ in found)


def test_streets_and_buildings_are_placed_in_their_town() -> None:
    text = "Shells hit Aleppo on Monday. Doctors at the Al-Razi Hospital treated 30 people; Aleppo Airport closed."
    places = {p.text: p for p in find_places(text)}
    hospital = places["Al-Razi Hospital"]
    assert hospital.feature == "facility" and hospital.resolved and hospital.precision == 2
    assert hospital.source == "host:Aleppo" and hospital.country == "SYR"
    airport = places["Aleppo Airport"]
    assert airport.feature == "facility" and airport.country == "SYR" and airport.precision == 1


def test_facility_without_any_town_stays_unresolved() -> None:
    places = {p.text: p for p in find_places("Protesters marched down Qasr Street at noon.")}
    assert not places["Qasr Street"].resolved


def test_official_names_are_one_place() -> None:
    text = "Envoys of the Islamic Republic of Iran met officials in Washington, D.C. and later the Republic of Armenia."
    assert texts(text) == ["Islamic Republic of Iran", "Washington, D.C.", "Republic of Armenia"]


def test_acronyms_only_name_countries_or_regions() -> None:
    assert texts("EU and UN envoys met NATO staff; US and UK troops stayed.") == ["EU", "US", "UK"]


def test_ner_person_label_does_not_erase_a_known_town() -> None:
    text = "Shelling hit Daraa and Quneitra overnight."
    ner = [(13, 18, "ORG"), (23, 31, "PERSON"), (0, 8, "GPE")]  # a small model's typical mistakes
    found = {p.text: p for p in find_places(text, ner=ner)}
    assert found["Quneitra"].resolved and found["Daraa"].resolved
    assert "Shelling" not in found  # an unknown NER "place" needs a preposition presenting it as one
    unknown = find_places("Families fled to Kherbet Ghazaleh.", ner=[(17, 33, "GPE")])
    assert [(p.text, p.resolved) for p in unknown] == [("Kherbet Ghazaleh", False)]
    syrian = "Fighting flared in Syrian Idlib."
    assert [p.text for p in find_places(syrian, ner=[(19, 31, "GPE")])] == ["Idlib"]


def test_an_acronym_heading_a_longer_name_is_still_a_place_alone() -> None:
    text = "The EU Transport Commissioner spoke first. EU airlines and EU member states agreed."
    assert [p.text for p in find_places(text)] == ["EU", "EU"]


def test_an_abbreviation_needs_its_full_stop_even_when_another_place_shares_the_key() -> None:
    assert find_places("The longest Mass of the year was held at night.") == []
    assert find_places("Miss Hart, of Leeds, was not the target.")[0].text == "Leeds"
    dateline = find_places("BOSTON, Mass. - Officials said.")
    assert [(p.text, p.feature) for p in dateline] == [("BOSTON", "city"), ("Mass", "admin1")]
