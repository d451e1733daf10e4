"""Who did it to whom across sentence shapes met in unseen news: nested doers, located people, possessives, states
and background clauses (PLOVER source and target, issue 10).

Sentences are ours; the packaged actor dictionaries are used so codes are real. Each test also holds the contrast
that keeps the rule from reaching too far.
"""

from __future__ import annotations

from typing import Any

from truceline.events.coding import actor_codes, code_text, load_dictionary


def test_the_doer_of_a_thing_acted_against_is_the_recipient(coder: Any) -> None:
    # "a rally staged by X", "abuses committed by X": whoever did what the act is aimed at
    assert coder("Kenyan police banned a rally organised by Somali traders in Nairobi.")[1] == {"SOM"}
    assert coder("Nigerian prosecutors began an investigation into abuses committed by Cameroonian soldiers.")[1] == {
        "CMR"
    }


def test_a_background_happening_lends_no_recipient(coder: Any) -> None:
    # "following an offensive by the government", "after 40 of its soldiers died": another happening's parties
    _actor, recipient, _ = coder("Two hundred Congolese militiamen surrendered following a government offensive.")
    assert recipient == set()
    _actor, recipient, _ = coder("Chad launched an operation in Niger after 40 of its soldiers were killed there.")
    assert "TCD" not in recipient


def test_the_subject_of_a_state_named_by_a_noun_is_its_actor(coder: Any) -> None:
    actor, _recipient, _ = coder("Greek troops stayed on alert along the northern border on Sunday.")
    assert actor == {"GRC"}


def test_their_withdrawal_from_a_town_is_done_by_the_clause_subject_not_the_town(coder: Any) -> None:
    actor, _recipient, kind = coder("Malian officials said their forces had finished their withdrawal from the town.")
    assert kind == "RETREAT" and actor == {"MLI"}
    actor, _recipient, kind = coder("Chadian officials said their troops had completed their pullout from Gao.")
    assert kind == "RETREAT" and actor == {"TCD"}
    # help 'from Europe and its NATO allies' is given by them: a place-named party after 'from' stays a party
    _actor, recipient, _ = coder("Jordan has called for more assistance from Europe and its NATO allies.")
    assert "IGO" in recipient


def test_people_placed_by_their_own_words_are_of_that_country(coder: Any) -> None:
    # CAMEO codes an ethnic group by the state it lives in; "X in Y" places unnamed people in Y
    assert coder("The Hungarians of northern Serbia are demanding cultural autonomy from Belgrade.")[0] == {"SRB"}
    assert coder("Dozens of ethnic Russians protested on Friday in Latvia over a schools law.")[0] == {"LVA"}
    assert coder("Students in Kampala marched to demand lower fees from the Kenyan government.")[0] == {"UGA"}


def test_a_nationality_on_a_group_keeps_its_country_wherever_it_is(coder: Any) -> None:
    # refugees are of the country they fled, troops of the state they serve, a people with nothing placing it its own
    assert coder("Afghan refugees in Pakistan protested against forced returns on Monday.")[0] == {"AFG"}
    assert coder("Armenians demonstrated outside the parliament on Friday.")[0] == {"ARM"}


def test_parties_coordinated_deep_in_the_recipient_phrase_are_all_recipients(coder: Any) -> None:
    _actor, recipient, _ = coder("Norway welcomed a resumption of talks between Sudan and Eritrea on Tuesday.")
    assert recipient == {"SDN", "ERI"}


def test_his_forces_are_of_the_person_named_before_the_pronoun(coder: Any, nlp: Any) -> None:
    events, _docs = code_text(
        "Iran sent advisers in support of Assad in 2013, helping his army to retake several towns from the rebels.",
        load_dictionary(),
        nlp,
    )
    helped = [e for e in events if e.type == "AID"]
    assert helped and actor_codes(helped[0].recipient) == {"SYR"}
    actor, recipient, _ = coder("The Turkish president said his forces would withdraw from the border area.")
    assert actor == {"TUR"} and recipient == set()


def test_a_country_fired_at_is_the_state_aimed_at_a_town_stays_a_place(coder: Any) -> None:
    assert coder("Houthi fighters fired two missiles at Saudi Arabia on Sunday.")[1] == {"SAU"}
    assert coder("Rebels fired mortars at the town of Maarat on Sunday.")[1] == set()


def test_parties_that_trade_fire_act_on_each_other(coder: Any) -> None:
    actor, recipient, _ = coder("Eritrea and Djibouti exchanged fire along their border on Tuesday.")
    assert actor == recipient == {"ERI", "DJI"}


def test_the_speakers_own_words_are_its_side(coder: Any) -> None:
    # 'its jets' told by a ministry: that state's forces, though the dictionary knows no party called 'jets'
    actor, recipient, _ = coder("The Saudi defence ministry said its jets had struck Houthi positions in Yemen.")
    assert actor == {"SAU"} and recipient == {"YEM"}


def test_a_foreign_place_acted_on_is_the_recipient_through_its_country(coder: Any) -> None:
    # CAMEO/PLOVER code an act of force done to a place abroad, with no one named there, as aimed at its country
    assert coder("Thai troops shelled a village in Cambodia on Monday.")[1] == {"KHM"}
    assert coder("A Cambodian village was shelled by Thai troops on Monday.")[1] == {"KHM"}
    assert coder("Turkish jets carried out air strikes on Afrin on Sunday.")[1] == {"SYR"}
    assert coder("Ethiopian troops began an incursion into Somalia's Gedo region.")[1] == {"SOM"}


def test_a_place_at_home_or_only_near_the_act_lends_no_recipient(coder: Any) -> None:
    # at home the place says nothing of who was hit; a place the act was only near is not what it was done to
    assert coder("Syrian forces shelled a village in Idlib on Monday.")[1] == set()
    assert coder("Thai troops shelled positions near the border with Cambodia on Monday.")[1] == set()
    # a party named on the receiving end keeps its own code, wherever it was
    assert coder("Thai troops attacked Cambodian soldiers in a village in Laos.")[1] == {"KHM"}


def test_a_protest_aimed_at_no_one_named_is_aimed_at_the_authorities_where_it_happens(coder: Any) -> None:
    # CAMEO's convention: a demonstration or strike with no target is against the state of its scene, else the
    # state of protesters whose own words name it
    assert coder("Hundreds of ethnic Hungarians demonstrated on Sunday in Romania.")[1] == {"ROU"}
    assert coder("Belgian dock workers went on strike on Monday.")[1] == {"BEL"}


def test_a_protest_in_a_sentence_naming_another_party_or_by_unnamed_people_gets_no_state(coder: Any) -> None:
    # another country's party in the sentence is what the protest is about; bare "workers" have no country of their own
    assert coder("Villagers in Idlib blocked the road as Russian troops tried to pass.")[1] != {"SYR"}
    assert coder("Dock workers went on strike on Monday.")[1] == set()


def test_a_phrase_opened_by_thanks_to_is_not_the_subject_of_a_second_verb(nlp: Any) -> None:
    # the parser makes "thanks" the subject of "seized"; the doer is the subject the two verbs share
    dictionary = load_dictionary()

    def doer(text: str, trigger: str) -> set[str]:
        events, _docs = code_text(text, dictionary, nlp)
        return next(actor_codes(e.actor) for e in events if e.trigger.text == trigger)

    assert doer("Kenyan troops shelled the camp for days, and thanks to air cover, seized the town.", "seized") == {
        "KEN"
    }
    text = "Somali militias launched raids on the villages in breach of the truce, and thanks to foreign air support, "
    assert doer(text + "took control of the valley.", "took") == {"SOM"}
    # a subject of its own still holds
    assert "KEN" not in doer("Kenyan troops shelled the camp and Somali rebels seized the town.", "seized")


def test_an_act_told_in_an_opening_phrase_lends_no_target(nlp: Any) -> None:
    # "As well as supporting some groups, X set up posts": the groups are another act's, parsed as a phrase here
    dictionary = load_dictionary()
    text = "As well as supporting some rebel groups, Kenya set up military observation posts near the border."
    events, _docs = code_text(text, dictionary, nlp)
    posts = next(e for e in events if e.trigger.text == "set")
    assert posts.recipient is None
    # an object of the act itself still is one
    events, _docs = code_text("As well as arming them, Kenya set up posts for Somali troops.", dictionary, nlp)
    assert any(actor_codes(e.recipient) == {"SOM"} for e in events if e.trigger.text == "set")


def test_talks_going_on_with_a_party_have_that_party_as_the_other_side(nlp: Any) -> None:
    # "talks were proceeding in a constructive fashion with X": the parser hangs "with X" on the manner phrase
    dictionary = load_dictionary()
    text = "Kenyan officials said talks were proceeding in a constructive fashion with Somalia to plan joint patrols."
    events, _docs = code_text(text, dictionary, nlp)
    assert actor_codes(next(e for e in events if e.trigger.text == "talks").recipient) == {"SOM"}
    # a manner phrase with no party names no other side
    events, _docs = code_text(
        "Kenyan officials said talks were proceeding in Nairobi with great care.", dictionary, nlp
    )
    assert next(e for e in events if e.trigger.text == "talks").recipient is None


def test_them_may_stand_for_a_state_named_before_it(nlp: Any) -> None:
    # "shared the findings with Somalia and expect them to act": a state is often "they"; a plural party comes first
    dictionary = load_dictionary()
    text = '"We are sharing these findings with Somalia and expect them to take measures," the Kenyan president said.'
    events, _docs = code_text(text, dictionary, nlp)
    assert actor_codes(next(e for e in events if e.trigger.text == "expect").recipient) == {"SOM"}
    text = "Kenya detained Somali traders in Nairobi and deported them."
    events, _docs = code_text(text, dictionary, nlp)
    assert "SOM" in actor_codes(next(e for e in events if e.trigger.text == "deported").recipient)
