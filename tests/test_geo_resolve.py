"""Resolution with the report's focus, the admin hierarchy and country reference points."""

from __future__ import annotations

import pytest

from truceline.model import Place
from truceline.stages.places import find_places


def place(text: str, name: str, focus: tuple[str, ...] = ()) -> Place:
    return next(p for p in find_places(text, focus=focus) if p.text == name)


def test_tripoli_follows_the_story() -> None:
    libya = place("Forces loyal to the government in Libya repelled an attack on Tripoli.", "Tripoli")
    lebanon = place("Protests spread across Lebanon, from Beirut to Tripoli.", "Tripoli")
    assert libya.country == "LBY" and lebanon.country == "LBN"


def test_focus_argument_decides_a_bare_name() -> None:
    assert place("Crowds gathered in Tripoli on Friday.", "Tripoli", focus=("LBN",)).country == "LBN"
    assert place("Crowds gathered in Tripoli on Friday.", "Tripoli", focus=("LBY",)).country == "LBY"


def test_countries_resolve_to_reference_points() -> None:
    syria = place("Turkey and Russia discussed Syria.", "Syria")
    assert syria.feature == "country" and syria.precision == 4 and syria.country == "SYR"
    assert syria.lat == pytest.approx(35.0) and syria.lon == pytest.approx(38.0)
    assert place("Talks were held in the U.S. capital.", "U.S.").country == "USA"


def test_bare_idlib_is_the_city_unless_the_report_says_province() -> None:
    city = place("Shops reopened in Idlib after the storm.", "Idlib")
    assert city.feature == "city" and city.precision == 1
    region = [p for p in find_places("Idlib province was calm. Shelling resumed in Idlib.") if p.text == "Idlib"]
    assert all(p.feature == "admin1" for p in region)
    assert place("Only Idlib city held out.", "Idlib").feature == "city"


def test_focus_country_beats_bigger_namesake() -> None:
    # Ariha is also an alternate name of Jericho; in a Syrian story it is the Idlib town.
    ariha = place("Syrian jets struck Saraqib and Ariha in Idlib province.", "Ariha")
    assert ariha.country == "SYR"


def test_admin1_carries_region_name_for_towns() -> None:
    saraqib = place("Fighting reached Saraqib.", "Saraqib")
    assert saraqib.admin1 == "Idlib" and saraqib.geonameid == 164816


def test_empty_and_placeless_text() -> None:
    assert find_places("") == []
    assert find_places("   \n") == []
    assert find_places("nothing here names a place, all lower case") == []


def test_english_county_versus_american_town() -> None:
    assert place("Storms flooded roads in Kent and Essex, England, on Sunday.", "Kent").country == "GBR"
    assert place("Students at the university in Kent, Ohio, marched on Sunday.", "Kent").country == "USA"


def test_a_direction_word_before_a_country_is_not_a_part_when_the_phrase_is_a_place() -> None:
    assert place("A new clinic opened in Northern Ireland.", "Northern Ireland").country == "GBR"
    assert place("Exports to South America grew.", "South America").feature == "continent"
    assert place("Shelling hit South Lebanon overnight.", "South Lebanon").country == "LBN"


def test_the_name_after_town_and_comma_is_the_towns_region() -> None:
    atlanta = [(p.text, p.country, p.feature) for p in find_places("She was born in Atlanta, Georgia, in 1990.")]
    assert atlanta == [("Atlanta", "USA", "city"), ("Georgia", "USA", "admin1")]
    assert place("They met in Tbilisi, Georgia.", "Georgia").feature == "country"
    assert place("A bakery in Tacoma, Washington reopened.", "Washington").feature == "admin1"
    assert place("Officials in Washington said nothing.", "Washington").feature == "capital"


def test_a_region_named_beyond_doubt_is_what_its_bare_name_means() -> None:
    found = find_places("OLYMPIA, Wash. - The guard trained at home in Washington before flying south.")
    assert [p.feature for p in found if p.text == "Washington"] == ["admin1"]


def test_an_unknown_village_takes_the_country_of_the_reports_towns() -> None:
    text = (
        "Turkey said on Monday its soldiers would stay. Ankara and Moscow traded blame after the shelling of "
        "Saraqib and Maarat al-Numan. Rebels said they held the village of Kfar Zobin, Turkish officials said."
    )
    assert place(text, "Kfar Zobin").country == "SYR"


def test_a_spelling_match_far_from_the_reports_places_is_not_taken() -> None:
    # "Nairab" is in no gazetteer row; its consonants match Nyurba in Siberia, and the report names Russia twice
    syria = "Shelling hit Idlib and Saraqib in Syria on Monday. Russia and Russia's allies said the village of Nairab was hit."
    assert place(syria, "Nairab").country == "SYR" and place(syria, "Nairab").name != "Nyurba"
    # contrast: near the report's own Russian places a spelling of Nyurba is believable ("Nairab" shares only its
    # consonants with it, and is no spelling of it anywhere)
    yakutia = "Clashes in Yakutia near Yakutsk: Russia said the town of Niurba had been flooded. Russia sent aid."
    assert place(yakutia, "Niurba").name == "Nyurba"
    nairab = "Clashes in Yakutia near Yakutsk: Russia said the town of Nairab had been flooded. Russia sent aid."
    assert place(nairab, "Nairab").name != "Nyurba"


def test_names_that_share_only_their_consonants_are_no_spellings_of_one_place() -> None:
    # "Balyun" (a village of Idlib, in no gazetteer row) and Belen (a town of Turkey's Hatay) share the consonants
    # b-l-n; in a report about Turkey the spelling match was taken
    text = (
        "Turkey said 33 Turkish soldiers were killed in Idlib. Ankara and Istanbul held funerals for the soldiers "
        "killed in the strike near the village of Balyun, Turkey said."
    )
    assert place(text, "Balyun").name != "Belen"
    variant = "Turkey said Turkish troops reached Idleb on Monday, and Ankara and Istanbul sent aid."
    assert place(variant, "Idleb").name == "Idlib"  # one vowel apart: a spelling of the same town
