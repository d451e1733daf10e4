"""Where the sides meet is not where the war is: the venue of talks, the dateline and a process named after a town do
not give a report its country, nor unnamed parties theirs. Reports are ours; the dictionary is the packaged one."""

from __future__ import annotations

from typing import Any

import pytest

from truceline.actors import ActorDictionary
from truceline.events.coding import code_text

TALKS_ABROAD = (
    "STOCKHOLM, Dec 13 (Northwind Wire) - Yemeni government envoys and Houthi delegates held a second day of "
    "consultations in Stockholm. Peace talks in the Swedish capital are due to end on Friday. Fighting continued in "
    "the Hodeidah region, residents said. An opposition delegate rejected the government's proposal on the port."
)


@pytest.fixture(scope="module")
def book() -> ActorDictionary:
    return ActorDictionary.load()


def test_the_venue_of_talks_is_not_the_reports_country(book: ActorDictionary) -> None:
    assert book.story_country(TALKS_ABROAD) == "YEM"
    # the same capital as the scene of what happens counts for its country
    fighting = "Clashes broke out in the Swedish capital on Friday. Police in Stockholm said calm had returned."
    assert book.story_country(fighting) == "SWE"


def test_a_town_named_with_its_area_counts_as_a_place(book: ActorDictionary) -> None:
    # "in the Hodeidah region": the town named as a place, the article between cue and name notwithstanding
    text = "Saudi officials spoke on Monday. Shelling hit homes in the Hodeidah region and in the Taiz countryside."
    assert book.story_country(text) == "YEM"


def test_an_unnamed_party_is_not_of_where_the_talks_were(nlp: Any, book: ActorDictionary) -> None:
    events, _docs = code_text(TALKS_ABROAD, book, nlp)
    rejection = next(e for e in events if e.type == "REJECT")
    assert rejection.actor is not None and rejection.actor.country == "YEM"
