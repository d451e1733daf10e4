"""Who a figure is attributed to (`according_to`) and the period it covers (`since`), on sentences we wrote."""

from __future__ import annotations

import pytest

from truceline.model import Quantity
from truceline.quantities.periods import since_value
from truceline.quantities.sources import attributions
from truceline.serialize import quantity_json
from truceline.stages.quantities import find_quantities


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "according to X"
        (
            "Four herders were killed near the dam, according to the regional health office.",
            "the regional health office",
        ),
        ("According to Amnesty International, 16 detainees died in custody.", "Amnesty International"),
        # "X said / says / reported / told"
        ("The Norwegian Refugee Council said 9,000 families had fled the valley.", "The Norwegian Refugee Council"),
        ("Two guards were wounded in the raid, the interior ministry says.", "the interior ministry"),
        ("Kenya's army reported that 11 militants were killed overnight.", "Kenya's army"),
        ("A hospital director told reporters that 23 patients were injured.", "A hospital director"),
        ("Local officials have also said that five fishermen are missing.", "Local officials"),
        ("The coast guard on Sunday said 31 migrants were missing.", "The coast guard"),
        ("Three aid workers were abducted, said a spokeswoman for the agency.", "a spokeswoman for the agency"),
        # an appositive or relative clause between the source and its verb is skipped
        ("Ukraine's general staff, the army's top command, said 14 soldiers were killed.", "Ukraine's general staff"),
        ("The monitor, which counts deaths from hospital records, said 52 people died.", "The monitor"),
        # "X put the toll at"
        ("A local medic put the toll at 19 dead after the shelling.", "A local medic"),
        # "citing X": the cited source is where the figure comes from
        ("Seven policemen were killed, the agency reported citing a provincial governor.", "a provincial governor"),
        ("Radio Kabul, quoting a police chief, said 13 guards were captured.", "a police chief"),
        # "X's figures" and "figures from X"
        ("The ministry's latest figures show 340 people injured in the week.", "The ministry"),
        ("Figures from the Red Crescent showed that 60 villagers were displaced.", "the Red Crescent"),
        # a name with a clause word in it stays whole
        ("Doctors Without Borders said 40 civilians were wounded.", "Doctors Without Borders"),
    ],
)
def test_source_forms(text: str, source: str) -> None:
    assert only(text).according_to == source


@pytest.mark.parametrize(
    "text",
    [
        "Eight people were reported killed in the blast.",  # passive: nobody is named
        "He said 12 soldiers were killed.",  # a pronoun needs coreference we do not do
        "An estimated 4,000 people fled the district.",  # "an estimated" is no speaker
        "Ten civilians were killed in the market on Friday.",
        "According to official figures, 75 homes were destroyed and 30 people killed.",  # no one named
    ],
)
def test_no_source(text: str) -> None:
    assert all(q.according_to is None for q in find_quantities(text))


def test_each_clause_keeps_its_own_source() -> None:
    found = find_quantities("The monitor said 20 fighters were killed, while the army said only six soldiers died.")
    assert [(q.value, q.according_to) for q in found] == [(20, "The monitor"), (6, "the army")]


def test_source_does_not_move_offsets() -> None:
    text = "Five people were killed in the town, local police said."
    q = only(text)
    assert text[q.start : q.end] == q.text == "Five people were killed"


def test_source_is_exported() -> None:
    q = only("Four herders were killed, the district governor said.")
    assert quantity_json(q)["according_to"] == "the district governor"
    assert quantity_json(only("Four herders were killed."))["according_to"] is None


def test_attributions_are_in_text_order() -> None:
    found = attributions("According to the UN, 12 died; the government said 30 died.")
    assert [a.source for a in found] == ["the UN", "the government"]
    assert found[0].anchor < found[1].anchor


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("since late April", "XXXX-04"),
        ("since December", "XXXX-12"),
        ("since March 2011", "2011-03"),
        ("since Jan. 12", "XXXX-01-12"),
        ("since Sept 3", "XXXX-09-03"),
        ("since 14 February", "XXXX-02-14"),
        ("since the 2nd of June 2019", "2019-06-02"),
        ("since October 7, 2023", "2023-10-07"),
        ("since mid-2014", "2014"),
        ("since the beginning of 2020", "2020"),
        ("since the uprising began in March 2011", "2011-03"),
        # not computable without the publication date or knowing the war
        ("since the start of the war", None),
        ("since Monday", None),
        # "may" and "mar" are words, not months, without a capital or a day
        ("since marching", None),
    ],
)
def test_since_values(phrase: str, value: str | None) -> None:
    assert since_value(f"The toll has risen {phrase}.") == value


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("The fighting has killed 1,100 civilians since late April, a monitor said.", "XXXX-04"),
        ("More than 70 journalists have been detained since Jan. 12, a press union said.", "XXXX-01-12"),
        ("The war has driven 300,000 people from their homes since the start of the war.", None),
    ],
)
def test_period_and_source_together(text: str, since: str | None) -> None:
    q = only(text)
    assert q.cumulative and q.since == since
    assert q.according_to is not None or "monitor" not in text


def test_nested_speech_takes_the_nearest_speaker() -> None:
    q = only("Officials said the provincial council reported that 17 miners were missing.")
    assert q.according_to == "the provincial council"
