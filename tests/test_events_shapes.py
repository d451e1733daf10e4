"""Actor and recipient across sentence shapes: coordinations with descriptions and appositions in them, lists the
parser splits, and the other shapes the parse reading must hold on.

Sentences are ours; the packaged actor dictionaries are used so codes are real. Each test names the shape, and the
sentences in it vary the words so that a rule fitted to one sentence would not pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from truceline.events.coding import code_text, load_dictionary, main_event


@pytest.fixture(scope="module")
def members(nlp: Any) -> Any:
    """The country codes of the main event's actor, member by member (a compound actor lists each party)."""
    dictionary = load_dictionary()

    def run(text: str) -> list[str | None]:
        events, docs = code_text(text, dictionary, nlp)
        event = main_event(events, docs)
        assert event is not None and event.actor is not None, text
        return [m.country for m in event.actor.members or (event.actor,)]

    return run


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Russia and rebel backer Turkey agreed a ceasefire in Idlib.", ["RUS", "TUR"]),
        ("Moscow and key ally Damascus rejected the plan.", ["RUS", "SYR"]),
        ("Iran and its ally Hezbollah condemned the strike.", ["IRN", "LBN"]),
        ("Syria, Iran and Russia's ally Hezbollah condemned the strike.", ["SYR", "IRN", "LBN"]),
    ],
)
def test_a_description_in_a_coordination_is_the_name_it_describes(members: Any, text: str, parties: list) -> None:
    assert members(text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Israel, Egypt, and Jordan signed the accord.", ["ISR", "EGY", "JOR"]),
        ("Turkey, a rebel backer, and Russia agreed a ceasefire.", ["TUR", "RUS"]),
        ("Hulusi Akar, Turkey's defence minister, and Sergei Shoigu held talks.", ["TUR", "RUS"]),
    ],
)
def test_every_party_of_a_list_is_a_member_and_no_apposed_description_is(
    members: Any, text: str, parties: list
) -> None:
    assert members(text) == parties


def test_a_name_inside_a_conjunct_keeps_the_conjunct(members: Any) -> None:
    # the conjunct has a name of its own words ("the Kenyan delegation"): what follows it is not what it describes
    assert members("Uganda and the Kenyan delegation welcomed the talks.") == ["UGA", "KEN"]


def _report_events(text: str) -> list[Any]:
    import truceline

    (report,) = truceline.process([{"text": text, "title": "Raids", "published": "2020-01-16"}])
    return list(report.events)


def test_unnamed_fighters_in_a_sentence_without_places_are_of_where_the_report_happens(nlp: Any) -> None:
    # the report's places (on, on, hit) are all in one country, but another country speaks most, in capitals and
    # nationality words: 'militants' in a sentence naming no place are of where the fighting is
    text = (
        "Air raids on Idlib killed 18 people on Wednesday, rescuers said. "
        "The strikes hit Saraqib and Binnish overnight. "
        "Russia's defence ministry said Russian aircraft had flown no missions, and Moscow said Russia would keep its "
        "promises to Turkey. "
        "Moscow blamed militants for the attacks."
    )
    (blame,) = [e for e in _report_events(text) if e.type == "ACCUSE"]
    assert blame.actor.country == "RUS" and blame.recipient.text == "militants"
    assert blame.recipient.country == "SYR"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Witnesses said government jets bombed the market.", "government jets"),
        ("Monitors said regime artillery pounded the villages.", "regime artillery"),
    ],
)
def test_a_government_with_its_weapons_is_a_party(text: str, words: str) -> None:
    # 'jets' and 'artillery' are actors only with an owner ('Russian jets'); 'government' or 'regime' is an owner
    from truceline.actors import ActorDictionary

    found = ActorDictionary.load().find(text + " The fighting in Syria went on. Shells hit Aleppo in Syria.")
    (weapons,) = [a for a in found if a.text == words]
    assert weapons.sector == "MIL" and weapons.country == "SYR"
    assert not [a for a in ActorDictionary.load().find("Witnesses said the jets bombed the market.") if a.sector]


def test_a_death_in_a_blow_is_the_striker_s_act(coder: Any) -> None:
    # "killed in the X response" / "killed in a X raid": no agent in the clause, the blow's words say who struck
    actor, recipient, kind = coder("The governor said 20 Somali soldiers were killed in the Kenyan response.")
    assert kind == "ASSAULT" and actor == {"KEN"} and recipient == {"SOM"}
    actor, _recipient, _ = coder("Police said six villagers were wounded in a retaliation by Chadian troops.")
    assert actor == {"TCD"}


def test_whoever_drops_or_fires_the_weapon_does_the_act(coder: Any) -> None:
    actor, _recipient, kind = coder("Ethiopian helicopters dropped bombs on the market at dawn.")
    assert kind == "ASSAULT" and actor == {"ETH"}


@pytest.mark.parametrize(
    ("text", "aimed_at"),
    [
        # no one named: the authorities where it happens, not the traders who joined it
        ("Farmers protested in Lagos, accompanied by Nigerian traders, against the new tax.", {"NGA"}),
        # the demand of those joined names whom it is aimed at; the teachers are no target
        ("Dockers struck in Mombasa on Monday, joining Kenyan teachers in demanding higher pay from Uganda.", {"UGA"}),
    ],
)
def test_those_who_join_an_act_are_on_the_actor_s_side_not_its_target(
    coder: Any, text: str, aimed_at: set[str]
) -> None:
    _actor, recipient, kind = coder(text)
    assert kind == "PROTEST" and recipient == aimed_at


def test_the_one_accused_of_an_act_is_its_actor_wherever_the_parser_hangs_of(nlp: Any) -> None:
    # the parser hangs "of shelling" on the noun accused rather than on "accused": the accused still acts
    dictionary = load_dictionary()
    for text in (
        "Rebels accused government forces of shelling villages near Kassala.",
        "Villagers accused the soldiers of burning their houses in Gao in Mali.",
    ):
        events, _docs = code_text(text, dictionary, nlp)
        acts = [e for e in events if e.type != "ACCUSE"]
        assert acts and all(e.actor is not None and e.actor.sector == "MIL" for e in acts), text


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The prime ministers of Kenya, Uganda and Rwanda met in Kigali on Friday.", ["KEN", "UGA", "RWA"]),
        ("The defence ministers of Chad and Niger signed a border pact.", ["TCD", "NER"]),
    ],
)
def test_an_agent_of_listed_countries_is_one_party_of_each(members: Any, text: str, parties: list) -> None:
    assert members(text) == parties


def test_a_described_party_in_a_between_pair_is_the_name(nlp: Any) -> None:
    # "between Russia and rebel backer Turkey": the pair is Russia and Turkey, whatever the parser makes of Turkey
    dictionary = load_dictionary()
    events, _docs = code_text(
        "The truce follows a pact signed between Iran and militia backer Syria in May.", dictionary, nlp
    )
    (pact,) = [e for e in events if e.type == "AGREE"]
    assert pact.actor is not None and [m.country for m in pact.actor.members] == ["IRN", "SYR"]
