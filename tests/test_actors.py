"""find() and resolve() on sentences written for these tests (not taken from any report)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from truceline.actors import ActorDictionary
from truceline.model import Actor


@pytest.fixture(scope="module")
def book() -> ActorDictionary:
    return ActorDictionary.load()


def codes(actors: list[Actor]) -> list[tuple[str, str | None]]:
    return [(a.text, a.code) for a in actors]


def one(book: ActorDictionary, phrase: str, **kw: object) -> Actor:
    actor = book.resolve(phrase, **kw)  # type: ignore[arg-type]
    assert actor is not None, phrase
    return actor


def test_load_is_cached(book: ActorDictionary) -> None:
    assert ActorDictionary.load() is book


def test_offsets_slice_the_text(book: ActorDictionary) -> None:
    text = "On Sunday Turkish soldiers and Russian planes struck positions held by rebels near the border."
    actors = book.find(text)
    assert actors, "expected actors"
    for a in actors:
        assert text[a.start : a.end] == a.text
    assert codes(actors)[:2] == [("Turkish soldiers", "TURMIL"), ("Russian planes", "RUSMIL")]


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Turkish soldiers", "TUR", "MIL"),
        ("Russian planes", "RUS", "MIL"),
        ("a Turkish official", "TUR", "GOV"),
        ("Syrian refugees", "SYR", "REF"),
        ("Russia's defense ministry", "RUS", "GOV"),
        ("the Iranian foreign ministry", "IRN", "GOV"),
        ("French troops", "FRA", "MIL"),
        ("Egyptian police", "EGY", "COP"),
        ("the president of Armenia", "ARM", "GOV"),
        ("Lebanese civilians", "LBN", "CVL"),
        ("Palestinians", "PSE", "CVL"),
    ],
)
def test_nationality_gives_the_country_and_the_agent_the_sector(
    book: ActorDictionary, phrase: str, country: str, sector: str
) -> None:
    actor = one(book, phrase)
    assert (actor.country, actor.sector) == (country, sector)


def test_a_bare_country_has_no_sector(book: ActorDictionary) -> None:
    actor = one(book, "Turkey")
    assert (actor.country, actor.sector, actor.code) == ("TUR", None, "TUR")


def test_case_matters_for_proper_names(book: ActorDictionary) -> None:
    assert book.find("they told us to leave") == []
    assert [a.country for a in book.find("the US said")] == ["USA"]
    assert [a.sector for a in book.find("The regime denied it")] == ["GOV"]


def test_longest_match_wins_and_spans_never_overlap(book: ActorDictionary) -> None:
    text = "The Syrian Observatory for Human Rights counted the dead."
    actors = book.find(text)
    assert (actors[0].text, actors[0].sector) == ("Syrian Observatory for Human Rights", "NGO")
    spans = sorted((a.start, a.end) for a in actors)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))


def test_role_and_name_speak_for_the_country(book: ActorDictionary) -> None:
    actor = one(book, "Defence Minister Hulusi Akar")
    assert (actor.name, actor.country, actor.sector, actor.text) == (
        "Hulusi Akar",
        "TUR",
        "GOV",
        "Defence Minister Hulusi Akar",
    )
    kalin = one(book, "Turkish presidential spokesman Ibrahim Kalin")
    assert (kalin.country, kalin.sector) == ("TUR", "GOV")


def test_surname_alone_and_an_unknown_name_after_a_title(book: ActorDictionary) -> None:
    text = "Interior Minister Adel Qorani of Jordan spoke first. Later Qorani said the border would stay shut."
    actors = book.find(text, story_country="EGY")
    named = [a for a in actors if a.name == "Adel Qorani"]
    assert [a.text for a in named] == ["Interior Minister Adel Qorani of Jordan", "Qorani"]
    assert all((a.country, a.sector) == ("JOR", "GOV") for a in named)


def test_hyphenated_leaders_own_the_agent_but_backers_do_not(book: ActorDictionary) -> None:
    assert one(book, "the Saudi-led coalition").code == "SAUMIL"
    assert one(book, "Turkish Kurd refugees").code == "TURREF"
    backed = book.find("Moscow-backed fighters attacked", story_country="UKR")
    assert [(a.text, a.country) for a in backed] == [("fighters", "UKR")]


def test_members_of_a_group_are_the_group(book: ActorDictionary) -> None:
    assert one(book, "Taliban fighters").code == "AFGREBTAL"
    assert one(book, "Islamic Jihad militants").code == "PSEREBPIJ"
    assert one(book, "Kremlin spokesman Dmitry Peskov").code == "RUSGOV"


def test_a_spokesman_speaks_for_what_follows_for(book: ActorDictionary) -> None:
    actor = one(book, "a spokesman for the rebels", story_country="MMR")
    assert (actor.text, actor.country, actor.sector) == ("spokesman for the rebels", "MMR", "REB")
    envoy = one(book, "an envoy for the Arab League")
    assert envoy.code == "IGOARBALL"


def test_adjacent_agents_are_one_actor(book: ActorDictionary) -> None:
    text = "Government troops and a rebel commander met an army spokesman."
    found = [(a.text, a.sector) for a in book.find(text)]
    assert found == [("Government troops", "MIL"), ("rebel commander", "REB"), ("army spokesman", "MIL")]


def test_an_agent_of_listed_countries(book: ActorDictionary) -> None:
    found = book.find("The foreign ministers of Turkey, Russia and Iran met in Astana.")
    assert [(a.text, a.code) for a in found] == [
        ("foreign ministers of Turkey", "TURGOV"),
        ("Russia", "RUSGOV"),
        ("Iran", "IRNGOV"),
    ]
    assert [a.code for a in book.find("Soldiers from Chad crossed.")] == ["TCDMIL"]


def test_known_surname(book: ActorDictionary) -> None:
    assert (one(book, "Cavusoglu").country, one(book, "Cavusoglu").sector) == ("TUR", "GOV")
    assert one(book, "Le Drian").country == "FRA"


def test_roles_with_a_country(book: ActorDictionary) -> None:
    for phrase in ("the Turkish foreign minister", "his French counterpart", "Turkey's foreign minister"):
        actor = one(book, phrase)
        assert actor.sector == "GOV" and actor.country in ("TUR", "FRA"), phrase


def test_organisations(book: ActorDictionary) -> None:
    assert one(book, "the UN").code == "IGOUNO"
    assert one(book, "NATO").sector == "IGO"
    sohr = one(book, "the Syrian Observatory for Human Rights")
    # a national NGO takes the country its work is about (what the corpus gold and PLOVER code it as)
    assert (sohr.sector, sohr.country, sohr.code) == ("NGO", "SYR", "NGOSOHR")
    entry = next(e for e in book.entries if e.name == "Syrian Observatory for Human Rights")
    assert (entry.about, entry.based_in) == ("SYR", "GBR")


def test_armed_groups_and_generic_fighters_take_the_story_country(book: ActorDictionary) -> None:
    hts = one(book, "HTS")
    assert (hts.country, hts.sector) == ("SYR", "REB")
    for word in ("jihadists", "rebels", "terrorists", "opposition groups"):
        actor = one(book, word, story_country="SYR")
        assert (actor.text, actor.country, actor.sector) == (word, "SYR", "REB")
    assert one(book, "militants").country is None  # no story, no guess


def test_metonyms_are_governments_but_not_after_a_locative(book: ActorDictionary) -> None:
    text = "Ankara accused Moscow of stalling, while talks went on in Damascus."
    actors = book.find(text)
    assert [(a.text, a.code) for a in actors] == [("Ankara", "TURGOV"), ("Moscow", "RUSGOV")]
    assert book.kind_of(actors[0]) == "capital"


def test_agents_through_the_story(book: ActorDictionary) -> None:
    text = (
        "Turkey said the Syrian regime had broken the truce. Turkey and Russia discussed it. "
        "Later the regime shelled a village and regime forces advanced, Turkish officials said."
    )
    actors = book.find(text)
    regime = [a for a in actors if a.text in ("regime", "regime forces")]
    assert [(a.text, a.country, a.sector) for a in regime] == [
        ("regime", "SYR", "GOV"),
        ("regime forces", "SYR", "MIL"),
    ]
    assert one(book, "the Assad regime").code == "SYRGOV"


def test_agent_country_from_a_later_mention_when_none_before(book: ActorDictionary) -> None:
    text = "The regime's shelling went on. Turkey protested. The Syrian regime did not reply."
    first = book.find(text)[0]
    assert (first.text, first.country) == ("regime", "SYR")


def test_story_country_prefers_places_over_speakers(book: ActorDictionary) -> None:
    text = (
        "Turkey's foreign minister said Turkey wants calm. Turkish officials met in Ankara. "
        "Fighting continued in Syria, where shelling hit Syria's north."
    )
    assert book.story_country(text) == "SYR"
    assert book.story_country("No countries here at all.") is None


def test_compound_actors(book: ActorDictionary) -> None:
    both = one(book, "Turkey and Russia")
    assert [m.country for m in both.members] == ["TUR", "RUS"]
    assert (both.start, both.end, both.text) == (0, 17, "Turkey and Russia")
    pair = one(book, "senior Hungarian and Romanian officials")
    assert [(m.country, m.sector) for m in pair.members] == [("HUN", "GOV"), ("ROU", "GOV")]
    direct = book.compound(book.find("Iran, Russia and Turkey"))
    assert direct.country is None and len(direct.members) == 3


def _members(actor: Actor) -> list[tuple[str | None, str | None]]:
    return [(m.country, m.sector) for m in actor.members]


def test_coordinated_nationalities_make_one_compound_actor(book: ActorDictionary) -> None:
    text = "Witnesses said Syrian and Russian jets bombed the market before French and German troops arrived."
    found = [a for a in book.find(text) if a.members]
    assert [a.text for a in found] == ["Syrian and Russian jets", "French and German troops"]
    assert _members(found[0]) == [("SYR", "MIL"), ("RUS", "MIL")]
    assert _members(found[1]) == [("FRA", "MIL"), ("DEU", "MIL")]
    for actor in found:
        assert text[actor.start : actor.end] == actor.text
        assert actor.country is None and actor.sector == "MIL"
        assert all(text[m.start : m.end] == m.text for m in actor.members)
    assert not any(a.text in ("Syrian", "Russian jets", "French") for a in book.find(text))


def test_a_listed_nationality_run_shares_the_head_noun(book: ActorDictionary) -> None:
    text = "On Monday, Iranian, Russian and Turkish envoys gathered for a second round."
    (envoys,) = [a for a in book.find(text) if a.members]
    assert envoys.text == "Iranian, Russian and Turkish envoys" == text[envoys.start : envoys.end]
    assert _members(envoys) == [("IRN", "GOV"), ("RUS", "GOV"), ("TUR", "GOV")]
    oxford = one(book, "Iranian, Russian, and Turkish envoys")
    assert [m.country for m in oxford.members] == ["IRN", "RUS", "TUR"]


def test_a_single_nationality_or_an_open_list_stays_as_it_was(book: ActorDictionary) -> None:
    alone = book.find("Turkish officials denied the report.")
    assert [(a.text, a.code, a.members) for a in alone] == [("Turkish officials", "TURGOV", ())]
    # A comma with no closing "and" is not a coordination: no compound is built.
    assert not any(a.members for a in book.find("The Iranian, Russian officials said nothing."))
    # Sentence-crossing words are not coordinated either.
    assert not any(a.members for a in book.find("He was Russian. And Turkish officials left."))


def test_resolve_takes_the_head_noun(book: ActorDictionary) -> None:
    regime = one(book, "the Syrian regime and its allies")
    assert (regime.country, regime.sector, regime.members) == ("SYR", "GOV", ())
    delegation = one(book, "a Turkish delegation, including Deputy Foreign Minister Sedat Önal")
    assert (delegation.text, delegation.country) == ("Turkish delegation", "TUR")
    refugees = one(book, "families fleeing the fighting in Yemen")
    assert (refugees.country, refugees.sector) == ("YEM", "CVL")


def test_resolve_offsets_are_shifted_by_start(book: ActorDictionary) -> None:
    text = "Yesterday the Iranian army moved."
    actor = one(book, "the Iranian army", start=10)
    assert text[actor.start : actor.end] == actor.text == "Iranian army"


def test_resolve_is_case_insensitive_enough_for_parse_spans(book: ActorDictionary) -> None:
    assert one(book, "turkish soldiers").code == "TURMIL"
    assert one(book, "TURKISH SOLDIERS").code == "TURMIL"
    assert book.resolve("us") is None  # an acronym still needs its capitals


def test_long_texts_stay_correct(book: ActorDictionary) -> None:
    text = "The Syrian regime shelled the town. The regime denied it. " * 2000
    actors = book.find(text)
    assert len(actors) == 4000 and all(a.country == "SYR" for a in actors)


def test_resolve_returns_none_for_unknown_phrases(book: ActorDictionary) -> None:
    assert book.resolve("a large crate of oranges") is None
    assert book.resolve("") is None


def test_office_holders_checked_against_the_date(book: ActorDictionary) -> None:
    in_office = one(book, "Cavusoglu", when=date(2019, 6, 13))
    assert in_office.sector == "GOV"
    retired = one(book, "Cavusoglu", when=date(2024, 6, 1))
    assert (retired.country, retired.sector) == ("TUR", "ELI")
    guterres_un = one(book, "Guterres", when=date(2020, 1, 1))
    assert (guterres_un.code, guterres_un.country) == ("IGOUNO", None)
    guterres_pm = one(book, "Guterres", when=date(1999, 1, 1))
    assert (guterres_pm.country, guterres_pm.sector) == ("PRT", "GOV")
    putin = one(book, "Putin", when=date(2010, 1, 1))
    assert putin.code == "RUSGOV"  # prime minister then, still government


def test_weapons_are_actors_only_with_an_owner(book: ActorDictionary) -> None:
    assert [a.text for a in book.find("Airstrikes hit the town.", story_country="SYR")] == []
    assert [a.code for a in book.find("Russian airstrikes hit the town.")] == ["RUSMIL"]


def test_story_country_from_found_actors(book: ActorDictionary) -> None:
    text = "Iraqi troops and Iraqi police met Kurdish leaders. The UN and Ankara watched."
    assert book.story_country(book.find(text)) == "IRQ"
    assert book.story_country([]) is None


def test_an_organisation_absorbs_the_title_and_person_after_it(book: ActorDictionary) -> None:
    actor = one(book, "Arab League Secretary General Ahmed Aboul Gheit")
    assert (actor.code, actor.text) == ("IGOARBALL", "Arab League Secretary General Ahmed Aboul Gheit")
    envoy = one(book, "UN envoy Geir Pedersen")
    assert envoy.code == "IGOUNO"


def test_communities_give_a_country_and_agents_the_sector(book: ActorDictionary) -> None:
    assert one(book, "Rohingya refugees").code == "MMRREF"
    assert one(book, "Karen guerrillas").code == "MMRREB"
    kurds = one(book, "Kurds", story_country="IRQ")
    assert (kurds.country, kurds.sector) == ("IRQ", "CVL")


def test_a_town_is_a_last_resort(book: ActorDictionary) -> None:
    town = one(book, "Aleppo")
    assert (town.text, town.country, town.sector) == ("Aleppo", "SYR", None)
    officials = one(book, "local officials in Mosul", story_country="SYR")
    assert (officials.country, officials.sector) == ("IRQ", "GOV")  # the phrase's own town beats the story
    assert book.resolve("Federal Express") is None  # not a town-named phrase as a whole


def test_a_capital_named_as_a_place_is_not_its_government(book: ActorDictionary) -> None:
    assert book.find("Shells fell outside the capital Damascus.") == []


def test_the_regime_is_the_government_where_the_places_are_not_the_most_quoted_country(book: ActorDictionary) -> None:
    # A Lebanese report quoting Beirut at length about shelling in Syria: "regime" means Damascus.
    text = (
        "Lebanon's army said regime troops shelled a Lebanese border post near Homs. Lebanese officials said "
        "Lebanon would complain. Beirut summoned envoys, and Lebanese ministers met twice."
    )
    found = {a.text: a.code for a in book.find(text)}
    assert found["regime troops"] == "SYRMIL"
    # with no place in the text, the story's country stands
    plain = "Lebanese officials said regime troops crossed. Lebanon's army said Lebanese troops were on alert."
    assert {a.text: a.code for a in book.find(plain)}["regime troops"] == "LBNMIL"
    # a regime named with its owner wins over the places
    owned = "The Iranian regime denied it. Lebanese officials said regime troops shelled a post near Homs."
    assert {a.text: a.code for a in book.find(owned)}["regime troops"] == "IRNMIL"


def test_an_ethnic_people_of_a_country_take_the_country_they_live_in(book: ActorDictionary) -> None:
    found = {a.text: a.code for a in book.find("Gendarmes clashed with ethnic Greeks of southern Albania.")}
    assert found["Greeks"] == "ALBCVL"
    assert {a.text: a.code for a in book.find("Ethnic Russians in eastern Ukraine voted.")}["Russians"] == "UKRCVL"
    # without "ethnic", a nationality abroad keeps its own country ("Syrian refugees in Turkey")
    assert {a.text: a.code for a in book.find("Syrian refugees in Turkey marched.")}["Syrian refugees"] == "SYRREF"
    # "in southern X" names a place, so X is where the story happens
    assert book.story_country("Greeks marched in southern Albania.") == "ALB"


def test_display_names_read_well_and_codes_stay(book: ActorDictionary) -> None:
    text = (
        "Chile's foreign ministry said Peruvian soldiers had crossed. The Bolivian regime denied it, and regime "
        "troops stayed in Bolivia."
    )
    found = {a.text: (a.name, a.code) for a in book.find(text)}
    assert found["Chile's foreign ministry"] == ("Chilean Foreign Ministry", "CHLGOV")
    assert found["Peruvian soldiers"] == ("Peruvian military", "PERMIL")
    assert found["Bolivian regime"] == ("Bolivian government", "BOLGOV")
    assert found["regime troops"] == ("Bolivian government forces", "BOLMIL")


def test_rebels_and_civilians_are_of_where_the_report_places_them_not_of_the_country_quoted_most(
    book: ActorDictionary,
) -> None:
    # A report quoting Moscow at length about fighting in Syria: the militants and civilians there are Syria's
    text = (
        "Russia's defence ministry said militants fired shells near Aleppo. Russian officials said Russia would "
        "respond, and Moscow summoned envoys. Russian jets later struck targets in Syria, killing civilians."
    )
    found = {a.text: a.code for a in book.find(text)}
    assert found["militants"] == "SYRREB" and found["civilians"] == "SYRCVL"
    # a place named once (a venue) is not where the report's people are: the story's country stands
    venue = (
        "Yemeni officials said rebels broke the truce, and Yemeni ministers said Yemen's army and Yemeni tribes "
        "would answer. The two sides met in Sweden."
    )
    assert {a.text: a.code for a in book.find(venue)}["rebels"] == "YEMREB"


@pytest.mark.parametrize(
    "minister",
    ["Norwegian Foreign Minister Kari Holm", "Defence Minister Hulusi Akar"],  # a demonym's title; a known office
)
def test_a_bare_ministry_is_the_ministry_of_the_minister_named_before_it(book: ActorDictionary, minister: str) -> None:
    text = (
        f"Fighting raged in Khartoum and Omdurman in Sudan. {minister} said the talks had failed. "
        "The ministry later said a new round would start."
    )
    found = book.find(text)
    titled = next(a for a in found if a.text == minister)
    ministry = next(a for a in found if a.text == "ministry")
    assert titled.country != "SDN" and ministry.country == titled.country  # not the story's country


def test_a_bare_ministry_with_no_minister_before_it_is_the_storys(book: ActorDictionary) -> None:
    text = "Fighting raged in Khartoum and Omdurman in Sudan. The ministry later said a new round would start."
    assert next(a for a in book.find(text) if a.text == "ministry").country == "SDN"


def test_a_bare_ministry_in_a_report_datelined_in_a_capital_is_that_states(book: ActorDictionary) -> None:
    # filed from Nairobi, "the defence ministry" is Kenya's, though the report is about Somalia and a Somali
    # ministry is named later on
    text = (
        "NAIROBI, May 3 (Test Wire) - Two soldiers were killed in an ambush near the Somali border at Mandera, "
        "the defence ministry said. Somalia's foreign ministry condemned the attack in Mogadishu."
    )
    first = next(a for a in book.find(text) if a.text == "defence ministry")
    assert first.country == "KEN"
    # contrast: without the dateline, the later Somali ministry lends its country, as before
    assert next(a for a in book.find(text.split(" - ", 1)[1]) if a.text == "defence ministry").country == "SOM"
    # and "the government" is not a ministry: a capital's dateline says nothing of whose forces it means
    troops = "NAIROBI, May 3 (Test Wire) - Government troops retook the town of Beledweyne in Somalia, officials said."
    assert next(a for a in book.find(troops) if "overnment" in a.text).country != "KEN"


def test_military_things_are_their_forces_named_for_what_they_are(book: ActorDictionary) -> None:
    for text, name in (
        ("Israeli tanks advanced.", "Israeli armour"),
        ("Turkish artillery fired.", "Turkish artillery"),
        ("Russian warships fired.", "Russian warship"),
        ("Russian jets bombed.", "Russian warplane"),
    ):
        (actor,) = book.find(text)
        assert (actor.name, actor.sector) == (name, "MIL"), text
