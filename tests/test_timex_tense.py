"""Which way a bare weekday, month or season is resolved: the tense of the verb that governs it.

The sentences are our own. Anchors: WED is a Wednesday (so "Friday" is 2019-05-10 behind it and 2019-05-17 ahead,
"Monday" 2019-05-13 behind and 2019-05-20 ahead); OCT is mid-October (January is 2019-01 behind, 2020-01 ahead).
"""

from __future__ import annotations

from datetime import date

import pytest

from truceline.timex.tagger import tag
from truceline.timex.tense import clause_bounds, tense_at

WED = date(2019, 5, 15)
OCT = date(2019, 10, 16)


def value_of(text: str, anchor: date, surface: str) -> str:
    refs = [r for r in tag(text, anchor) if r.text == surface]
    assert refs, f"{surface!r} not found in {[r.text for r in tag(text, anchor)]}"
    return refs[0].value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # A plan or a planned act governs the date: it lies ahead even under a past or perfect verb.
        ("Protesters planned a march through the capital on Friday.", "Friday", "2019-05-17"),
        ("The militia leaders were preparing to hand over their weapons on Monday.", "Monday", "2019-05-20"),
        ("The aid agency is planning to reopen its clinic on Monday.", "Monday", "2019-05-20"),
        ("The council has voted to lift the curfew in January, its chairman said.", "January", "2020-01"),
        ("The ministry agreed to release the remaining detainees in February.", "February", "2020-02"),
        ("The firm announced a deal to buy the port operator in January.", "January", "2020-01"),
        # A timetable in the present simple.
        ("The two delegations meet separately Friday with the mediator.", "Friday", "2019-05-17"),
        ("The tribunal reconvenes Monday to hear the last witnesses.", "Monday", "2019-05-20"),
        # A deferral points ahead even in a past clause.
        ("Officials postponed until Monday a decision on the border crossing.", "Monday", "2019-05-20"),
        ("The army extended the curfew until Friday morning.", "Friday morning", "2019-05-17TMO"),
        # An -ed adjective after a determiner is not a past tense.
        ("The bonus would be paid on a still undisclosed date in January.", "January", "2020-01"),
    ],
)
def test_forward(text: str, surface: str, value: str) -> None:
    assert value_of(text, WED if "day" in surface else OCT, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The spokesman said on Friday that the convoy was safe.", "Friday", "2019-05-10"),
        ("The envoy says Friday was the calmest day in weeks.", "Friday", "2019-05-10"),
        ("Monday's ruling angered the opposition.", "Monday", "2019-05-13"),
        ("A medic was killed on Monday near the crossing.", "Monday", "2019-05-13"),
        # The date governs the agreeing, not the talks agreed on.
        ("On Monday, the factions agreed to resume talks.", "Monday", "2019-05-13"),
        # A noun's infinitive after the date says what the deal is for, not when the clause's verb happens.
        (
            "The two envoys held a long round of indirect talks at the ministry on Monday on a plan to reopen the "
            "crossing.",
            "Monday",
            "2019-05-13",
        ),
        (
            "Mediators shuttled between the two camps of the divided town on Friday on a bid to free the hostages.",
            "Friday",
            "2019-05-10",
        ),
        # "as planned" only measures what happened.
        ("The relief flights resumed on Monday, as previously planned.", "Monday", "2019-05-13"),
        ("Relief flights resumed as previously planned Monday.", "Monday", "2019-05-13"),
        # A negated bare verb is not a timetable.
        ("The rival commanders did not meet on Friday after all.", "Friday", "2019-05-10"),
        # An infinitive under an implicative word is as past as its main clause.
        ("Shortages made it hard for the agency to begin deliveries well into the summer.", "the summer", "2019-SU"),
        ("The convoy failed to arrive in January, a report found.", "January", "2019-01"),
        # A relative clause's -ed verb is a past tense ("that" is not a determiner here).
        ("He is a suspect in raids that wounded two guards in April in the north.", "April", "2019-04"),
        # "Roe v. Wade"-style abbreviations do not end the sentence, so the verb after them still counts.
        ("In January, a week after the Smith v. Jones ruling, a bomb exploded near the court.", "January", "2019-01"),
    ],
)
def test_stays_past(text: str, surface: str, value: str) -> None:
    assert value_of(text, WED if "day" in surface else OCT, surface) == value


def test_clause_does_not_end_at_a_title_or_initial() -> None:
    text = "Gen. Smith met Col. J. Brown on Friday. Talks resumed later."
    start = text.index("Friday")
    left, right = clause_bounds(text, start, start + len("Friday"))
    assert (left, text[right - 1]) == (0, ".")
    assert text[left:right].endswith("Friday.")


def test_tense_markers_kinds() -> None:
    text = "They were planning to drive to the airport on Monday."
    start = text.index("Monday")
    assert tense_at(text, start, start + 6) == "future"
    text = "They were driving to the airport on Monday."
    start = text.index("Monday")
    assert tense_at(text, start, start + 6) == "past"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # A verb after "and" belongs to the next clause, not to the date before it.
        ("Veterans planned a vigil on Friday and were hoping for a large crowd.", "Friday", "2019-05-17"),
        # Reported speech: "would" is the future of the saying.
        ("Officials said the ferries would leave the port on Monday.", "Monday", "2019-05-20"),
        ("The agency said new flights would start from the capital in February.", "February", "2020-02"),
    ],
)
def test_forward_across_clauses(text: str, surface: str, value: str) -> None:
    assert value_of(text, WED if "day" in surface else OCT, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The truce, which would have taken effect in January, collapsed.", "January", "2019-01"),
        ("The gunmen may have left the village on Monday.", "Monday", "2019-05-13"),
        ("The governor could not be reached for comment on Friday.", "Friday", "2019-05-10"),
        ("Nobody in the village could find the missing shepherd on Monday.", "Monday", "2019-05-13"),
        ("Neither the mayor nor his deputy could be contacted on Friday.", "Friday", "2019-05-10"),
        # A positive "could" still looks ahead.
        ("The envoys could sign the accord on Friday, diplomats said.", "Friday", "2019-05-17"),
        ("He said he would study Friday's verdict.", "Friday", "2019-05-10"),
    ],
)
def test_modal_perfects_and_failures_look_back(text: str, surface: str, value: str) -> None:
    assert value_of(text, WED if "day" in surface else OCT, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # A marker sharing the date's comma-free stretch outweighs a verb past the next comma.
        ("The general, who returns to the capital on Friday, denied the report.", "Friday", "2019-05-17"),
        ("The talks, which begin Monday, were announced by the mediator.", "Monday", "2019-05-20"),
        ("Protesters planned a march on Saturday, police said.", "Saturday", "2019-05-18"),
        ("The minister, who was sacked on Monday, said he would appeal.", "Monday", "2019-05-13"),
    ],
)
def test_relative_and_reporting_clauses(text: str, surface: str, value: str) -> None:
    assert value_of(text, WED, surface) == value


@pytest.mark.parametrize(
    "text",
    [
        "The mediators had hoped to meet both leaders on Monday but the talks collapsed.",
        "The permit had been due to expire on Monday.",
        "The vote had originally been scheduled for Monday.",
    ],
)
def test_overtaken_plans_look_back(text: str) -> None:
    assert value_of(text, WED, "Monday") == "2019-05-13"


def test_a_subordinate_clause_between_verb_and_date_has_its_own_tense() -> None:
    # The month belongs to "was signed", not to "would hold".
    text = "The truce would hold only if the accord from March was signed by both sides, a mediator said."
    assert tense_at(text, text.index("March"), text.index("March") + 5) == "past"
    # With no verb of its own, the clause falls back to the main verb.
    text = "The truce would hold only if fighters withdraw before March, a mediator said."
    assert tense_at(text, text.index("March"), text.index("March") + 5) == "future"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # an -ed ending that is no past tense leaves the future marker in charge
        ("The deputy will succeed the governor on Friday, the council said.", "Friday", "2019-10-18"),
        ("Aid convoys need a week to proceed past the checkpoints by Friday.", "Friday", "2019-10-18"),
    ],
)
def test_words_ending_in_eed_are_no_past_tense(text: str, surface: str, value: str) -> None:
    assert value_of(text, OCT, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # told in mid-October: a day about eleven weeks ahead or more in a past clause is last year's ...
        ("Rebels attacked the garrison on Jan. 20, killing four soldiers.", "Jan. 20", "2019-01-20"),
        ("The militia shelled the port from Feb. 2 until the ceasefire.", "Feb. 2", "2019-02-02"),
        # ... a nearer one is a schedule the past clause reports
        ("The court set Nov. 20 as the deadline for the appeal.", "Nov. 20", "2019-11-20"),
        ("Both sides agreed to exchange prisoners on Dec. 1.", "Dec. 1", "2019-12-01"),
    ],
)
def test_a_past_clause_keeps_a_day_ahead_only_when_it_is_near(text: str, surface: str, value: str) -> None:
    assert value_of(text, OCT, surface) == value


def test_a_range_start_is_no_since() -> None:
    refs = {r.text: r for r in tag("The truce held from March 3 to March 10, monitors said.", OCT)}
    start = refs["March 3"]
    assert start.modifier is None and start.earliest == start.latest == date(2019, 3, 3)
    since = {r.text: r for r in tag("The truce has held since March 3, monitors said.", OCT)}["March 3"]
    assert since.modifier == "since" and since.latest == OCT
