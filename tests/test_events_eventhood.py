"""Which trigger words report a happening a careful coder would code, and one happening told with several words.

Sentences are ours; the fake actor dictionary (Arcadia, Borduria, the junta, the rebels, villagers) and the `code`
helper come from test_events. Each test pairs a sentence that is not an event with one that is, so a rule that
dropped everything would fail.
"""

from __future__ import annotations

from typing import Any

from test_events import code, one


def types(events: list[Any]) -> list[str]:
    return sorted(e.type for e in events)


def test_an_aim_is_not_an_event_but_the_act_that_serves_it_is(nlp: Any) -> None:
    assert types(code(nlp, "Arcadia and Borduria set up a joint committee in a bid to end the clashes.")) == []
    events = code(nlp, "The Bordurian army launched an offensive to capture the rebel town.")
    assert types(events) == ["ASSAULT"] and events[0].trigger.text == "offensive"
    assert types(code(nlp, "Arcadia was talking to Borduria with the aim of reaching a truce.")) == ["CONSULT"]
    # an attempt named as an argument is the act itself, attempted
    assert types(code(nlp, "The rebels' attempt to storm the barracks failed on Sunday.")) == ["ASSAULT"]


def test_a_rule_is_not_an_act_but_a_ban_someone_imposes_is(nlp: Any) -> None:
    events = code(nlp, "Arcadia and Borduria agreed to a buffer zone where heavy weapons would be banned.")
    assert types(events) == ["AGREE"]
    assert types(code(nlp, "The truce requires a withdrawal of heavy guns from the river.")) == []
    assert types(code(nlp, "The junta banned all rallies in the capital on Friday.")) == ["COERCE"]


def test_a_standing_relation_is_not_an_act_but_a_past_backing_is(nlp: Any) -> None:
    assert types(code(nlp, "Arcadia is backing the junta while Borduria supports the rebels.")) == []
    assert types(code(nlp, "The rebels, backed by Bordurian artillery, held the bridge.")) == []
    assert types(code(nlp, "Arcadia, which backs the junta, said nothing.")) == []
    assert types(code(nlp, "Arcadia backed the peace plan in a vote on Monday.")) == ["SUPPORT"]


def test_a_habit_is_not_one_happening(nlp: Any) -> None:
    assert types(code(nlp, "The junta constantly shells the villages along the river.")) == []
    assert types(code(nlp, "Villagers fled frequent attacks by the rebels.")) == []
    assert types(code(nlp, "The junta shelled the villages along the river on Monday.")) == ["ASSAULT"]
    # a statement made over and over is still a position stated
    assert types(code(nlp, "Arcadia has repeatedly called on the junta to free the prisoners.")) == ["REQUEST"]


def test_a_kind_of_event_or_a_trend_is_not_one(nlp: Any) -> None:
    assert types(code(nlp, "The province has seen a surge in violence since the spring.")) == []
    assert types(code(nlp, "Arcadia said the bridge lies inside a de-escalation zone.")) == []
    assert types(code(nlp, "The patrol route was changed after the storm.")) == []
    events = code(nlp, "Heavy fighting continued around the river crossing on Tuesday.")
    assert types(events) == ["ASSAULT"]


def test_what_a_condition_or_whoever_would_do_is_not_an_event(nlp: Any) -> None:
    events = code(
        nlp, "The junta said it would answer any attack on its posts if the rebels did not stop shelling them."
    )
    assert "ASSAULT" not in types(events)
    assert types(code(nlp, "Arcadia will punish whoever attacks its border posts, Minister Lento said.")) == [
        "THREATEN"
    ]


def test_a_toll_added_up_over_time_is_not_an_attack(nlp: Any) -> None:
    assert types(code(nlp, "Bordurian shelling has killed 40 villagers since March.")) == []
    assert types(code(nlp, "The war has killed more than 9,000 people so far.")) == []
    assert types(code(nlp, "Bordurian shelling killed four villagers on Monday.")) == ["ASSAULT"]


def test_a_reference_to_a_text_is_not_an_agreement_but_signing_it_is(nlp: Any) -> None:
    assert types(code(nlp, "Arcadia set up four posts under the 2029 border deal.")) == ["MOBILIZE"]
    events = code(nlp, "Arcadia and Borduria signed a border deal in the capital on Friday.")
    assert types(events) == ["AGREE"]


def test_naming_an_act_is_no_telephone_call(nlp: Any) -> None:
    events = code(nlp, "The junta shelled the villages, the rebels said, in what they called a breach of the truce.")
    assert "CONSULT" not in types(events)
    assert "ACCUSE" in types(events)


def test_one_happening_told_with_several_words_is_one_event(nlp: Any) -> None:
    events = code(nlp, "Bordurian troops advanced along the river in a ground offensive.")
    assert types(events) == ["ASSAULT"]
    events = code(nlp, "Rocket fire and air strikes by the junta hit the market.")
    assert types(events) == ["ASSAULT"]
    events = code(nlp, "The junta hit back the same day, pounding rebel positions with artillery.")
    assert types(events) == ["ASSAULT"] and events[0].trigger.text == "hit"
    # two acts by two parties stay two
    events = code(nlp, "The junta shelled the bridge, and the rebels fired rockets at the barracks.")
    assert types(events) == ["ASSAULT", "ASSAULT"]


def test_what_an_agreement_or_a_refusal_is_about_is_its_content(nlp: Any) -> None:
    assert types(code(nlp, "Arcadia agreed on Thursday to withdraw its troops from the border.")) == ["AGREE"]
    assert types(code(nlp, "The rebels refused to withdraw from the bridge.")) == ["REJECT"]
    events = code(nlp, "Arcadia agreed on Thursday to withdraw its troops, at the end of a week of talks.")
    assert types(events) == ["AGREE", "CONSULT"]


def test_a_release_of_figures_is_no_release(nlp: Any) -> None:
    assert "RETREAT" not in types(code(nlp, "Both sides released casualty figures on Monday."))
    assert types(code(nlp, "The rebels released twelve prisoners on Monday.")) == ["RETREAT"]


def test_an_answer_to_an_attack_already_told_is_not_told_again(nlp: Any) -> None:
    body = (
        "The rebels shelled a Bordurian army post on Monday. Arcadia said the attack on the Bordurian post was a crime."
    )
    events = code(nlp, body)
    assert [e.type for e in events].count("ASSAULT") == 1
    assert one(events, "ASSAULT").sentence_start == 0


def test_what_a_campaign_is_to_take_is_its_aim(nlp: Any) -> None:
    events = code(nlp, "The shelling is part of a campaign by the Bordurian army to retake the northern valleys.")
    assert [e.trigger.text for e in events if e.mode == "capture_territory"] == [], [
        (e.type, e.trigger.text) for e in events
    ]


def test_ground_taken_during_a_campaign_is_taken(nlp: Any) -> None:
    # contrast: a capture told as done stays
    events = code(nlp, "During the campaign, the Bordurian army retook the northern valleys.")
    assert [e.trigger.text for e in events if e.mode == "capture_territory"] == ["retook"]


def test_cutting_a_road_or_output_is_no_sanction(nlp: Any) -> None:
    events = code(nlp, "The Bordurian army retook the pass on Friday, cutting the northern road again.")
    assert "SANCTION" not in types(events), [(e.type, e.trigger.text) for e in events]


def test_cutting_aid_is_a_sanction(nlp: Any) -> None:
    # contrast: what is cut is withheld from a party
    events = code(nlp, "Arcadia cut aid to the junta on Friday.")
    assert one(events, "SANCTION").trigger.text == "cut"


def test_how_often_acts_happen_is_no_act(nlp: Any) -> None:
    for body in (
        "Air strikes are a daily occurrence in the villages near the river.",
        "Shelling has become routine along the front line.",
    ):
        assert all(e.type != "ASSAULT" for e in code(nlp, body)), body
    # one act told with what it was like stays an act
    assert [e.type for e in code(nlp, "The junta's shelling of the village on Monday was intense.")] == ["ASSAULT"]
