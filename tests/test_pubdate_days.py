"""Days a report given as text alone tells as its own (truceline.timex.pubdate_days), and the clues of a war's age
and of conflict-era names (truceline.timex.pubdate_anchors, truceline/data/timex/eras.yaml). Reports written by us."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.model import CleanedText, PubDate, RawDocument
from truceline.stages.dates import infer_publication_date
from truceline.timex.pubdate import PLAUSIBLE_FROM
from truceline.timex.pubdate_days import CUE_DAY_SHARE, GIVE_DAY_FROM, day_cues, gives_day
from truceline.timex.tagger import find_candidates

MINISTER = "Defence Minister Hulusi Akar was at the meeting."  # in office July 2018 to June 2023


def date_of(body: str) -> PubDate:
    raw = RawDocument(id="t", kind="text", content=body, origin="test")
    return infer_publication_date(raw, CleanedText(title=None, body=body))


def test_today_with_its_date_is_the_day() -> None:
    # 4 May is a Monday in 2015, 2020 and 2026: the minister's term leaves 2020
    pub = date_of(f"Officials said today, Monday 4 May, that the truce held. {MINISTER}")
    assert (pub.value, pub.precision) == ("2020-05-04", "day")
    assert any("tells its own day" in e for e in pub.evidence)


def test_yesterday_with_its_date_is_the_day_before() -> None:
    # the war's ninth year leaves 2019 and the spring of 2020; 10 March 2020 was a Tuesday
    body = "The talks began yesterday, Tuesday 10 March, in Ankara. The war in Syria, now in its ninth year, goes on."
    pub = date_of(body)
    assert (pub.value, pub.precision) == ("2020-03-11", "day")


def test_a_date_on_the_weekday_the_report_names_is_that_day_or_the_next() -> None:
    # 14 June is a Friday in 2019 and a Sunday in 2020: of the years the minister and "last year's 2018 vote" leave,
    # only 2019 fits "on Friday"
    body = f"Shelling hit the town on the night of June 14, residents said on Friday. {MINISTER} Last year's 2018 vote."
    pub = date_of(body)
    assert (pub.earliest, pub.latest) == (date(2019, 6, 14), date(2019, 6, 15)), pub.evidence
    assert pub.precision != "day"


def test_several_weekdays_make_no_pair() -> None:
    # "Friday" and "Thursday" both named: the June 14 of the background says nothing of the report's day
    body = (
        f"Shelling hit the town on the night of June 14, residents said on Friday. Talks resumed on Thursday. "
        f"{MINISTER} Last year's 2018 vote."
    )
    pub = date_of(body)
    assert not (pub.latest is not None and pub.earliest is not None and (pub.latest - pub.earliest).days <= 1)


def test_a_day_announced_ahead_is_no_cue() -> None:
    text = "The vote is set for Friday, Dec. 6, officials said."
    cands = find_candidates(text, None)
    ahead = [c.tense == "future" for c in cands]
    assert [q for q in day_cues(text, cands, range(2019, 2021), {5}, ahead) if q.kind == "pair"] == []


def test_no_day_is_given_from_a_cue_measured_under_the_threshold() -> None:
    for kind, (same, after, other) in CUE_DAY_SHARE.items():
        told = kind in ("today", "yesterday")
        assert gives_day(kind) == (told or same / max(1, same + after + other) >= GIVE_DAY_FROM)
    assert not gives_day("weekday")  # measured under the threshold: "that day or the next"


@pytest.mark.parametrize(
    ("body", "lo", "hi"),
    [
        # the war began in March 2011; writers round its age by some months either way
        (
            "Syria's eight-year war has killed hundreds of thousands, the monitor said.",
            date(2018, 9, 13),
            date(2020, 6, 15),
        ),
        ("The war in Syria, now in its ninth year, has emptied the town.", date(2018, 9, 13), date(2020, 6, 15)),
        ("Crowds marked the 10th anniversary of the Syrian war in Idlib.", date(2021, 1, 29), date(2021, 4, 29)),
        # an anniversary of a known day: within some weeks of it
        ("Turks marked the fifth anniversary of the July 15 coup attempt.", date(2021, 5, 31), date(2021, 8, 29)),
    ],
)
def test_a_war_s_age_dates_the_report(body: str, lo: date, hi: date) -> None:
    pub = date_of(body)
    assert (pub.earliest, pub.latest) == (lo, hi), pub.evidence


def test_an_anniversary_of_a_year_is_left_to_the_years() -> None:
    # "the 20th anniversary of the 2003 invasion": the year's rule (truceline.timex.pubdate_years), not a known row
    pub = date_of("It was the 20th anniversary of the 2003 invasion of Iraq.")
    assert pub.earliest == date(2022, 1, 1) and not any("Hamas" in e for e in pub.evidence)


def test_a_term_of_years_that_is_no_war_s_age_dates_nothing() -> None:
    pub = date_of("He served a two-year term in the war ministry in Syria.")
    assert pub.earliest == PLAUSIBLE_FROM


@pytest.mark.parametrize(
    ("body", "since"),
    [
        ("Fighters of Hayat Tahrir al-Sham held the town.", date(2017, 1, 28)),
        ("The Syrian Democratic Forces said they had taken the village.", date(2015, 10, 10)),
        ("Turkey's Operation Peace Spring pushed south.", date(2019, 10, 9)),
        ("Shells fell in the de-escalation zone, the monitor said.", date(2017, 5, 4)),
        ("Moscow called it a special military operation.", date(2022, 2, 24)),
        ("The Rapid Support Forces shelled the market.", date(2013, 8, 1)),
        ("Turkish officials said the killing of Jamal Khashoggi was planned.", date(2018, 10, 2)),
        ("As the coronavirus spread, the pandemic closed the crossing.", date(2020, 1, 1)),
    ],
)
def test_names_of_the_conflicts_bound_the_report_from_below(body: str, since: date) -> None:
    pub = date_of(body)
    assert pub.earliest == since, pub.evidence
    assert pub.precision != "day"


@pytest.mark.parametrize(
    ("body", "since"),
    [
        ("The envoy urged all sides to respect UN Security Council resolution 2254.", date(2015, 12, 18)),
        # the highest number named counts; a number between two landmarks is bounded by the lower one
        ("Under U.N. resolutions 2216 and 2451, the fighters must withdraw.", date(2018, 12, 21)),
        ("The Security Council adopted resolution 2300 on the town.", date(2015, 12, 18)),
        # no word of the UN in the sentence: another body's resolution
        ("House Resolution 1234 passed after a long debate.", PLAUSIBLE_FROM),
    ],
)
def test_un_resolutions_bound_the_report_from_below(body: str, since: date) -> None:
    assert date_of(body).earliest == since


@pytest.mark.parametrize(
    ("body", "since"),
    [
        ("Zelensky, Ukraine's president, said the attack had failed.", date(2019, 5, 17)),
        ("Lavrov, the foreign minister, said the talks would go on.", date(2004, 3, 6)),
        ("Castro, brother of the president, spoke at length.", PLAUSIBLE_FROM),  # the title is another person's
    ],
)
def test_a_surname_with_its_office_in_apposition_dates_the_report(body: str, since: date) -> None:
    assert date_of(body).earliest == since
