"""Stage 7 figure extraction: one test per pattern family, in sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.model import Quantity
from truceline.quantities.numbers import parse_number
from truceline.stages.quantities import find_quantities


def figures(text: str) -> list[tuple[str, int]]:
    return [(q.kind, q.value) for q in find_quantities(text)]


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("words", "value", "qualifier"),
    [
        ("1,300", 1300, None),
        ("3.6 million", 3_600_000, None),
        ("370,000", 370_000, None),
        ("seven", 7, None),
        ("twenty-one", 21, None),
        ("two hundred and fifty", 250, None),
        ("a dozen", 12, None),
        ("half a million", 500_000, None),
        ("a million", 1_000_000, None),
        ("dozens", 24, "at_least"),
        ("hundreds of thousands", 200_000, "at_least"),
        ("four million", 4_000_000, None),
    ],
)
def test_numbers_are_parsed(words: str, value: int, qualifier: str | None) -> None:
    assert parse_number(words) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the victims after an active verb
        ("Rocket fire on the suburb killed eleven residents on Monday.", [("killed", 11)]),
        ("The blast went off at noon, injuring 4 policemen.", [("injured", 4)]),
        ("Drones struck the convoy, killing more than 20 fighters.", [("killed", 20)]),
        # the victims before a passive or adjectival verb
        ("At least 9 villagers were killed overnight.", [("killed", 9)]),
        ("Officials said 26 of their soldiers had been wounded.", [("injured", 26)]),
        ("The bombing left 8 dead and 30 wounded.", [("killed", 8), ("injured", 30)]),
        ("Seventeen civilians died when the bridge was shelled.", [("killed", 17)]),
        ("Two others were hurt in the crossfire.", [("injured", 2)]),
        # coordination shares the verb
        ("The ambush killed five Iraqi soldiers and two civilians.", [("killed", 5), ("killed", 2)]),
        ("Four soldiers and a doctor were killed at the gate.", [("killed", 4), ("killed", 1)]),
        # tolls
        ("By evening the death toll had risen to 42.", [("killed", 42)]),
        ("Rescuers put the toll at 15.", [("killed", 15)]),
        # one person, written as a noun phrase
        ("A Kurdish fighter was killed in the raid.", [("killed", 1)]),
        # displacement, refugees, missing, detained
        ("About 6,000 people have fled the valley.", [("displaced", 6000)]),
        ("The shelling forced 900 families to flee their villages.", [("displaced", 900)]),
        ("Lebanon hosts roughly 1.5 million Syrian refugees.", [("refugees", 1_500_000)]),
        ("Nine fishermen remain missing after the storm of shells.", [("missing", 9)]),
        ("Security forces detained 31 protesters in the square.", [("detained", 31)]),
        # the Turkish euphemism is filed as killed
        ("The ministry said it had neutralized 14 militants.", [("killed", 14)]),
    ],
)
def test_pattern_families(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army shelled 40 positions and advanced 12 kilometres.",
        "The regime holds about 70 per cent of the country.",
        "The talks in 2018 lasted three days.",
        "Police said two gunmen fled on a motorbike at 9 pm on 4 March.",  # the gunmen are not displaced
        "Four strikes hit the town; 12 tanks were destroyed.",
        "No one was hurt in the fire.",
        "A spokesman said the convoy of 30 trucks arrived.",
        "The vote passed by 230 to 41.",
    ],
)
def test_non_casualty_numbers_are_rejected(text: str) -> None:
    kinds = {q.kind for q in find_quantities(text)}
    assert not kinds & {"killed", "injured"}, find_quantities(text)


def test_killers_are_not_victims() -> None:
    assert figures("Two gunmen killed three guards at the checkpoint.") == [("killed", 3)]


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "high"),
    [
        ("At least 9 people were killed.", "at_least", 9, None),
        ("More than 60 people were injured.", "more_than", 60, None),
        ("Over 70 soldiers were killed.", "more_than", 70, None),
        ("Nearly 200 people were wounded.", "about", 200, None),
        ("Around 30 fighters were killed.", "about", 30, None),
        ("Up to 15 people were killed.", "up_to", 15, None),
        ("As many as 80 people were injured.", "up_to", 80, None),
        ("Fewer than ten people were hurt.", "less_than", 10, None),
        ("The camp shelters some 4,000 refugees.", "some", 4000, None),
        ("Between 12 and 18 soldiers were killed.", "exact", 12, 18),
        ("Dozens of people were wounded.", "at_least", 24, None),
    ],
)
def test_qualifiers(text: str, qualifier: str, value: int, high: int | None) -> None:
    q = only(text)
    assert (q.qualifier, q.value, q.high) == (qualifier, value, high)


@pytest.mark.parametrize(
    ("text", "who", "country"),
    [
        ("The strike killed seven Turkish soldiers.", "Turkish soldiers", "TUR"),
        ("Three Russian military police officers were wounded.", "Russian military police officers", "RUS"),
        ("The shelling killed 12 civilians.", "civilians", None),
        ("Rebels said they had killed 40 regime troops.", "regime troops", None),
        ("Jordan hosts 600,000 Syrian refugees.", "Syrian refugees", "SYR"),
        ("The bomb killed four members of the security forces.", "members of the security forces", None),
    ],
)
def test_who_and_country(text: str, who: str, country: str | None) -> None:
    q = only(text)
    assert (q.who, q.who_country) == (who, country)


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("The war has killed more than 400,000 people.", None),
        ("Since March 2011, over 300,000 people have been killed.", "2011-03"),
        ("Air strikes have killed more than 500 civilians since late April.", "XXXX-04"),
        ("The conflict has displaced 6 million people since it began in 2011.", "2011"),
        ("So far, 23 people have died in the clashes.", None),
    ],
)
def test_cumulative_figures_are_flagged(text: str, since: str | None) -> None:
    q = only(text)
    assert q.cumulative and q.since == since


def test_incident_figures_are_not_cumulative() -> None:
    q = only("It was the deadliest attack since 2016: nine soldiers were killed.")
    assert not q.cumulative
    clause = find_quantities("Some 5,000 people have fled since May, while a strike on Monday killed two children.")
    assert [(q.kind, q.cumulative) for q in clause] == [("displaced", True), ("killed", False)]


def test_offsets_point_into_the_text() -> None:
    text = "Header line\n\nThe attack killed 5 people and wounded 9 others in Idlib."
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    assert [q.text for q in find_quantities(text)] == ["killed 5 people", "wounded 9 others"]


_PIECES = st.sampled_from(
    [
        "killed",
        "wounded",
        "seven",
        "1,300",
        "at least",
        "soldiers",
        "a",
        "were",
        "and",
        ",",
        ".",
        "the toll rose to",
        "dozens of",
        "Turkish",
        "since",
        "2011",
        "per cent",
        "another",
        "fled",
        " ",
        "\n",
        "no",
        "3.6 million",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25))
def test_spans_and_values_hold_for_any_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.value >= 0
        assert q.high is None or q.high > q.value


def test_empty_text() -> None:
    assert find_quantities("") == []


def test_every_cue_phrase_passes_the_gate() -> None:
    """The number scan only runs near a gate stem: a cue phrase without one would never be seen."""
    from truceline.quantities.vocab import KINDS, vocabulary

    vocab = vocabulary()
    phrases = [p for kind in KINDS for p in vocab.after[kind] + vocab.before[kind]]
    phrases += [p for nouns in vocab.toll_nouns.values() for p in nouns] + vocab.movements
    missing = [p for p in phrases if not any(stem in p.lower() for stem in vocab.gate_stems)]
    assert missing == []


def test_far_from_any_cue_nothing_is_scanned() -> None:
    text = "The delegation of 12 ministers met for three hours. " * 20
    assert find_quantities(text) == []


def test_longest_who_phrase_is_kept() -> None:
    q = only("Gunmen seized 16 Russian civilian workers at the plant.")
    assert (q.kind, q.who, q.who_country) == ("detained", "Russian civilian workers", "RUS")


@pytest.mark.parametrize(
    "text",
    [
        "Investors said the tariffs were hurting the two economies.",
        "Her brother said the blast killed her family.",
        "Prices rose in 2016 badly hurt by the drought.",
    ],
)
def test_more_non_casualty_readings(text: str) -> None:
    assert find_quantities(text) == []


def test_a_singular_refugee_noun_is_an_adjective() -> None:
    assert find_quantities("The UN refugee agency said the camp was full.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monitors recorded the deaths of 12 civilians in the raid.", [("killed", 12)]),
        ("One guard was killed and another critically wounded.", [("killed", 1), ("injured", 1)]),
        ("Four more villagers suffered shrapnel wounds.", [("injured", 4)]),
        ('Officials said troops had "neutralised" 31 insurgents.', [("killed", 31)]),
    ],
)
def test_more_phrasings(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


def test_lost_counts_only_people() -> None:
    assert figures("The unit lost 3 helicopters and 40 per cent of its armour.") == []
    assert figures("The battalion lost 14 soldiers in the assault.") == [("killed", 14)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forty people – mostly women – were hurt in the crush.", [("injured", 40)]),
        ("Seven soldiers, the ministry said, were killed in the ambush.", [("killed", 7)]),
        ("Nine guards (two of them officers) died.", [("killed", 9)]),
    ],
)
def test_asides_between_figure_and_verb(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected
