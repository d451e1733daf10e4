"""Sectors the actor dictionaries give: conventions a coder would otherwise have to guess (sentences are ours)."""

from __future__ import annotations

import pytest

from truceline.actors import ActorDictionary


@pytest.fixture(scope="module")
def book() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(
    "phrase",
    ["Iranian state media", "Egyptian state television", "the Libyan state news agency", "Iraq's state-run TV"],
)
def test_state_media_speak_for_the_government(book: ActorDictionary, phrase: str) -> None:
    actor = book.resolve(phrase)
    assert actor is not None and actor.sector == "GOV", actor


def test_media_that_no_state_runs_stay_media(book: ActorDictionary) -> None:
    actor = book.resolve("a Lebanese newspaper")
    assert actor is not None and (actor.country, actor.sector) == ("LBN", "MED")


@pytest.mark.parametrize(
    ("noun", "sector"),
    [("warplanes", "MIL"), ("bombers", "MIL"), ("officers", "MIL"), ("patrols", "MIL"), ("police officers", "COP")],
)
def test_a_head_noun_names_its_sector(book: ActorDictionary, noun: str, sector: str) -> None:
    assert book.head_sector(noun) == sector


@pytest.mark.parametrize("noun", ["presence", "Turkey", "Syrian", "warplanes over Idlib"])
def test_words_that_are_no_agent_name_no_sector(book: ActorDictionary, noun: str) -> None:
    assert book.head_sector(noun) is None


def test_people_from_an_organisation_are_the_organisation(book: ActorDictionary) -> None:
    found = book.find("Rescue workers from the White Helmets pulled two boys from the rubble.")
    # the rescuers are the organisation; the boys they pulled out are civilians, not of it
    assert [(a.text, a.sector) for a in found] == [("workers from the White Helmets", "NGO"), ("boys", "CVL")]


def test_people_held_by_a_group_are_not_its_members(book: ActorDictionary) -> None:
    found = book.find("The prisoners of the Houthis were freed on Sunday.")
    assert [a.sector for a in found] == ["CRM", "REB"]


def test_a_body_that_is_a_persons_title_stays_with_the_person(book: ActorDictionary) -> None:
    found = book.find("An aide of UN Secretary-General Antonio Guterres spoke on Monday.")
    assert found[-1].text == "UN Secretary-General Antonio Guterres"


def test_two_nationalities_joined_by_a_hyphen_own_the_noun_together(book: ActorDictionary) -> None:
    (patrols,) = book.find("Joint Georgian-Armenian patrols resumed along the road.")
    assert patrols.text == "Georgian-Armenian patrols" and patrols.sector == "MIL"
    assert [(m.country, m.sector) for m in patrols.members] == [("GEO", "MIL"), ("ARM", "MIL")]


@pytest.mark.parametrize("text", ["They met on the Georgian-Armenian border.", "Russian-backed separatists advanced."])
def test_a_hyphened_nationality_pair_with_no_agent_names_no_party(book: ActorDictionary, text: str) -> None:
    assert all(not a.members for a in book.find(text))
    assert "Georgian" not in [a.text for a in book.find(text)]


def test_the_last_of_adjacent_agents_after_a_nationality_is_the_head(book: ActorDictionary) -> None:
    found = book.find("Iraqi government helicopters fired on the village.")
    assert [(a.text, a.country, a.sector) for a in found] == [("Iraqi government helicopters", "IRQ", "MIL")]


def test_an_agent_before_the_head_still_lends_its_country_to_later_mentions(book: ActorDictionary) -> None:
    found = book.find("A Georgian military source said the army had not fired on the Armenian post in Armenia.")
    army = next(a for a in found if a.text == "army")
    assert army.country == "GEO"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The Yemeni government signed the deal. Saudi Arabia, which leads a coalition backing the government, "
            "welcomed it. Coalition jets struck rebel positions near the port on Friday.",
            "SAU",
        ),
        ("A coalition led by the United States struck positions near Mosul. Coalition aircraft returned later.", "USA"),
    ],
)
def test_a_body_said_to_be_led_by_a_state_is_that_states_in_later_mentions(
    book: ActorDictionary, text: str, country: str
) -> None:
    coalition = [a for a in book.find(text) if "oalition" in a.text]
    assert len(coalition) == 2 and all(a.country == country for a in coalition), coalition


@pytest.mark.parametrize(
    "text", ["An opposition spokesman rejected the offer.", "The opposition delegation walked out."]
)
def test_a_spokesman_or_delegation_of_the_opposition_speaks_for_the_opposition(
    book: ActorDictionary, text: str
) -> None:
    (found,) = book.find(text)
    assert found.sector == "OPP", found


def test_a_delegate_is_a_member_of_a_delegation(book: ActorDictionary) -> None:
    found = book.find("A Syrian delegate walked out of the talks.")
    assert [(a.country, a.sector) for a in found] == [("SYR", "GOV")]


@pytest.mark.parametrize(
    ("phrase", "country"), [("a British-flagged tanker", "GBR"), ("a Greek-owned bulk carrier", "GRC")]
)
def test_a_ships_flag_or_owner_is_whose_ship_it_is(book: ActorDictionary, phrase: str, country: str) -> None:
    actor = book.resolve(phrase)
    assert actor is not None and actor.country == country, actor
