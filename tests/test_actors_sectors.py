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
