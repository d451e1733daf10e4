"""Era evidence for reports given as text alone: names that exist only from a date, known events, office holders
named by title and surname, and the intervals the floor and today alone would make. Texts are our own words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from truceline.eval.pubdate_text import date_text
from truceline.timex.eras import era_mentions, era_names
from truceline.timex.known import known_dates
from truceline.timex.offices import office_clues
from truceline.timex.pubdate import PLAUSIBLE_FROM


def test_a_name_that_exists_from_a_date_bounds_the_report_from_below() -> None:
    pub = date_text(
        "Clinics reopen in the north\n\nHealth workers said clinics that had closed during the Covid-19 outbreak "
        "would reopen on Monday, and that volunteers had been trained to run them."
    )
    assert pub.earliest == date(2020, 2, 11)
    assert pub.latest is not None and pub.latest >= date.today() - timedelta(days=1)
    assert any("Covid" in e for e in pub.evidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank sold eurobonds to pension funds.", set()),  # not the currency
        ("Prices were quoted in euros at the border.", {"euro"}),
        ("A Euro-MP asked for a vote.", set()),  # the euro is written in lower case
        ("The firm posted the video on Twitter.", {"twitter"}),
        ("Birds twitter in the garden.", set()),
        ("Since 9/11 the airport has had armed guards.", {"nine-eleven"}),
        ("The meeting was on 19/11/2003 in the town hall.", set()),
        ("He fled to the former Soviet Union.", {"former-soviet-union"}),
        ("Banks blamed the sub-prime mortgage crisis for the loss.", {"subprime-crisis"}),
        ("Hong Kong and Macau are SARs of China.", set()),  # regions, not the disease of 2003
        ("Engineers fixed the Y2K bug in the payroll system.", {"y2k"}),
        # regnal names exist from the accession; the bare name of an older king is no sign
        ("Pope Francis called for a truce in the north.", {"pope-francis"}),
        ("Breeders showed a King Charles spaniel at the fair.", set()),
        ("King Charles III met the envoys at the palace.", {"king-charles-iii"}),
    ],
)
def test_era_names_are_matched_as_whole_words_and_with_their_case(text: str, expected: set[str]) -> None:
    assert {era.id for _, era in era_mentions(text)} == expected


def test_every_era_name_and_known_event_has_its_source_and_a_past_date() -> None:
    for era in era_names():
        assert era.source.strip() and era.what.strip()
        assert date(1990, 1, 1) <= era.since <= date.today()
    events = [k for k in known_dates() if k.kind == "event"]
    assert len(events) >= 20
    for k in events:
        assert k.source.strip() and k.cues and k.date <= date.today()


def test_a_known_event_the_report_names_bounds_it_from_below() -> None:
    pub = date_text(
        "Investigators question suspects\n\nPolice in East Africa questioned two men on Friday about the bombings "
        "of the U.S. embassies in Nairobi and Dar es Salaam, officials said."
    )
    assert pub.earliest == date(1998, 8, 7)
    assert any("known event" in e for e in pub.evidence)


@pytest.mark.parametrize(
    ("body", "since"),
    [
        ("Traders said it was the worst week since the collapse of Lehman Brothers.", date(2008, 9, 15)),
        # a bank's name alone is no happening: its analysts were quoted long before it failed
        ("A Lehman Brothers analyst said the bankruptcy filing was expected.", PLAUSIBLE_FROM),
        ("Crowds gathered where the Berlin Wall fell to hear the mayor.", date(1989, 11, 9)),
        # one of the two embassy bombings of 1998, by its city alone
        ("Builders said the bomb outside the U.S. Embassy in Tanzania cracked every window.", date(1998, 8, 7)),
    ],
)
def test_well_known_happenings_of_the_nineties_and_noughties_bound_the_report(body: str, since: date) -> None:
    assert date_text(f"News\n\n{body}").earliest == since


def test_a_title_before_a_surname_only_one_person_bears_dates_the_report() -> None:
    clues = list(office_clues("Chancellor Merkel told reporters the talks had gone well."))
    assert [c.how for c in clues] == ["current"]
    assert clues[0].spans[0][0] < date(2005, 11, 22) < clues[0].spans[0][1] < date(2022, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Raul Castro, younger brother of the president, spoke.",  # the title in the apposition is another's
        "Senator Bush said the talks would go on.",  # no one of that name held that title
        "Vice President Clinton met the visitors.",  # another office than the one Bill Clinton held
        "Prime Minister May Quit, Paper Says",  # a surname that is a common word, in a title-case headline
    ],
)
def test_a_title_no_bearer_of_the_name_held_gives_no_term(text: str) -> None:
    assert [c for c in office_clues(text) if c.how == "current"] == []


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # two presidents of that name: either presidency, not the years between
        ("President Bush met the visitors.", [(1989, 1993), (2001, 2009)]),
        # Bill and Hillary Clinton both bear the name; only one of them was president
        ("President Clinton said the talks would go on.", [(1993, 2001)]),
        ("Prime Minister Trudeau said so.", [(1968, 1979), (1980, 1984), (2015, 2025)]),
        ("Asked about the border, President Assad said little.", [(1971, 2000), (2000, 2024)]),
        # surnames no entry gives as a one-word alias: the last word of the full name
        ("President Aliyev inspected the troops.", [(1993, 2003), (2003, 9999)]),
        ("Prime Minister Major told the Commons he would not resign.", [(1990, 1997)]),
    ],
)
def test_a_title_before_a_surname_several_holders_bear_is_any_of_their_terms(
    text: str, terms: list[tuple[int, int]]
) -> None:
    clues = [c for c in office_clues(text) if c.how == "current"]
    assert len(clues) == 1
    assert [(lo.year, hi.year) for lo, hi in clues[0].spans] == terms


def test_a_report_naming_a_president_by_title_and_shared_surname_is_dated_within_either_term() -> None:
    pub = date_text("Talks resume\n\nPresident Bush told reporters on the lawn that the envoys would meet again.")
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest <= date(1989, 1, 20) and date(2009, 1, 20) <= pub.latest < date(2010, 1, 1)
    assert any("or" in e and "president" in e for e in pub.evidence)


def test_the_administration_of_a_shared_surname_bounds_from_the_first_bearer_in_office() -> None:
    clues = list(office_clues("Aides said the Clinton administration had pressed for the boy's return."))
    assert [(c.how, c.spans[0][0].year, c.spans[0][1]) for c in clues] == [("titled", 1993, date.max)]


def test_a_cuban_president_by_full_name_dates_the_report_to_his_presidency() -> None:
    clues = [c for c in office_clues("In a speech, President Fidel Castro praised the doctors.") if c.how == "current"]
    assert [(lo.year, hi.year) for lo, hi in clues[0].spans] == [(1976, 2008)]


def test_the_administration_of_a_holder_bounds_the_report_from_below_only() -> None:
    clues = list(office_clues("Critics of the Obama administration said the plan was late."))
    assert [(c.how, c.spans[0][1]) for c in clues] == [("titled", date.max)]
    assert clues[0].spans[0][0] <= date(2009, 1, 20)


def test_a_term_that_began_before_the_floor_is_the_honest_lower_end() -> None:
    pub = date_text(
        "Shares fall in London\n\nPrime Minister Margaret Thatcher told parliament that the government "
        "would not change course."
    )
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest < date(1980, 1, 1) and pub.latest <= date(1991, 1, 1)


def test_slivers_of_every_year_up_to_today_bound_the_report_by_nothing() -> None:
    pub = date_text(
        "Dividend declared\n\nThe company said it will pay a dividend of ten cents a share on Nov. 21 to holders "
        "of record on Nov. 7."
    )
    # the last of the slivers ("before Nov. 7" of each year) is the reasoning's, not the text's: before today
    assert (pub.earliest, pub.latest, pub.precision) == (PLAUSIBLE_FROM, date.today(), "unknown")
