"""Publication dates of news given as text alone: the gold layouts the scorer reads, and the clues news carries.

The layouts are read from small files of our own (tests/fixtures/time/news); the clues are tried on sentences of
our own through `date_text`, the function the scorer and users' plain-text reports go through.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from truceline.eval import pubdate_text
from truceline.eval.news_texts import read_news
from truceline.eval.pubdate_text import date_text

NEWS = Path(__file__).parent / "fixtures" / "time" / "news"


def test_timeml_reports_withhold_their_creation_time_and_metadata() -> None:
    news = read_news(NEWS / "tml")
    assert news is not None and news.layout == "timeml"
    by_key = {r.key: r for r in news.reports}
    assert set(by_key) == {"wire_a.tml", "wire_b.tml"}
    assert news.skipped == {"no readable creation time": 1}
    a = by_key["wire_a.tml"]
    assert a.gold == date(2015, 6, 12)
    assert a.text.startswith("Harbour talks resume after truce")  # the title comes first
    assert "PORTVILLE (Wire)" in a.text and "March 2014" in a.text
    for withheld in ("WIRE20150612", "06/12/2015", "1002EDT", "<TIMEX3"):
        assert withheld not in a.text


def test_cat_reports_withhold_the_date_line_under_the_title() -> None:
    news = read_news(NEWS / "cat")
    assert news is not None and news.layout == "cat"
    (report,) = news.reports
    assert report.gold == date(2011, 3, 18)
    lines = report.text.splitlines()
    assert lines[0] == "Harbour reopens after storm damage"
    assert "March 18, 2011" not in report.text and "2011-03-18" not in report.text
    assert "February 24, 2011" in report.text  # a date in the prose stays


def test_ecbplus_gold_is_the_first_full_date_line_that_is_no_update() -> None:
    news = read_news(NEWS / "ecbplus")
    assert news is not None and news.layout == "ecbplus"
    (report,) = news.reports
    assert (report.key, report.gold, report.story) == ("7_1ecbplus.xml", date(2013, 5, 3), "7")
    assert "example.org" not in report.text  # the URL
    assert "May 3" not in report.text and "May 4" not in report.text  # every date line, the update's too
    assert "crack" in report.text
    # "05 / 02 / 2013" may be May 2 or 5 February: no gold; an ECB page has no date line at all
    assert news.skipped == {"no full publication date in the header": 1, "an ECB page: no URL, no date line": 1}


def test_the_scorer_reads_news_layouts_and_splits_them_into_parts() -> None:
    out = {part: pubdate_text.run(NEWS / "tml", {"part": part}) for part in ("all", "tune", "check")}
    assert out["all"]["layout"] == "timeml"
    for key in ("reports", "contains", "exact", "wrong_days", "precision_counts", "median_days", "open_ended"):
        assert key in out["all"]
    assert out["tune"]["reports"] + out["check"]["reports"] == out["all"]["reports"] == 2


def test_a_folder_of_nothing_the_scorer_reads_is_a_clear_error(tmp_path: Path) -> None:
    from truceline.errors import EvalError

    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(EvalError, match=r"neither gold_dates\.json"):
        pubdate_text.run(tmp_path, {"part": "all"})


def _dated(body: str) -> tuple[date | None, date | None]:
    pub = date_text("Talks on the harbour\n\n" + body)
    return pub.earliest, pub.latest


@pytest.mark.parametrize(
    ("body", "earliest"),
    [
        ("Shares fell to their lowest level since 1997, traders said on Monday.", date(1997, 1, 1)),
        ("A nurse hurt in the 1998 clinic bombing was among those who came, organisers say.", date(1998, 1, 1)),
        ("The A380 first flew in April 2005 and is expected to enter service soon.", date(2005, 1, 1)),
        ("The club ended the 2008 season in third place, its manager said.", date(2008, 1, 1)),
        ("In fiscal 1989, the company earned $7.8 million, it said.", date(1988, 2, 1)),
        ("Two years after the 2003 invasion, the city is still divided, residents say.", date(2005, 1, 1)),
        ("He joined the company in 1985 and led it through two recessions, it said.", date(1985, 1, 1)),
    ],
)
def test_years_told_as_past_bound_the_report_from_below(body: str, earliest: date) -> None:
    lo, hi = _dated(body)
    assert lo == earliest and hi is not None and hi >= date.today() - timedelta(days=1)


@pytest.mark.parametrize(
    "body",
    [
        "If the sale had gone through, the aircraft would have been delivered by 2011, officials said.",
        "The firm released the 2011 version of its software on Wednesday, it said.",
        "Analysts were predicting 1990 earnings of $2 a share, the firm said.",
        "Thrifts must divest all such bonds by 1994 under the law passed last month.",
        "He said the company has no intention of tapping its lines for a good part of 1990.",
    ],
)
def test_years_ahead_or_under_a_modal_are_no_lower_bound(body: str) -> None:
    lo, _ = _dated(body)
    year = int(re.findall(r"\b(?:19|20)\d\d\b", body)[0])
    assert lo is None or lo < date(year, 1, 1)


def test_a_year_timing_a_future_verb_bounds_the_report_from_above() -> None:
    assert _dated("The first jets will be delivered in 2014, the airline said.")[1] == date(2014, 12, 31)
    assert _dated("In 2024, the right to choose will become irreversible, he wrote.")[1] == date(2024, 12, 31)
    # a plan told in the past may have been for a year long gone
    assert (
        _dated("We were prepared to move forward with the production of 100 tankers in 2003, he said.")[1]
        == date.today()
    )


def test_a_year_told_by_its_distance_from_the_report_bounds_both_ways() -> None:
    assert _dated("Last year's 2018 elections were disputed, observers said.") == (date(2019, 1, 1), date(2019, 12, 31))
    assert _dated("The protests began in 2014, five years ago, and go on.") == (date(2019, 1, 1), date(2020, 12, 31))


def test_office_holders_current_recalled_and_former() -> None:
    # a title given as current: within the terms (Akar was defence minister from July 2018 to June 2023)
    lo, hi = _dated("Defence Minister Hulusi Akar visited the troops on the border.")
    assert lo is not None and hi is not None and lo <= date(2018, 7, 9) and date(2023, 6, 1) <= hi <= date(2023, 7, 15)
    # recalled: only after the first term began
    lo, hi = _dated("The deal was reached under President Barack Obama, aides said.")
    assert lo is not None and date(2009, 1, 1) <= lo <= date(2009, 1, 20) and hi is not None and hi.year >= 2025
    # "of" after a body the holder leads is current; after a time ("the era of") it is recalled
    lo, hi = _dated("The government of Defence Minister Hulusi Akar's party asked for help, officials said.")
    assert lo is not None and hi is not None and hi <= date(2023, 7, 15)
    lo, hi = _dated("The ceasefire dates from the era of President Barack Obama, aides said.")
    assert lo is not None and date(2009, 1, 1) <= lo <= date(2009, 1, 20) and hi is not None and hi.year >= 2025
    # former, with the country between: after the first term ended
    lo, _ = _dated("The debate does not include former U.S. President Donald Trump, organisers said.")
    assert lo is not None and date(2021, 1, 1) <= lo <= date(2021, 1, 20)


def test_a_known_day_named_in_the_text_is_a_lower_bound() -> None:
    lo, _ = _dated("Since the Oct. 7 attack by Hamas, aid deliveries have slowed, agencies said.")
    assert lo == date(2023, 10, 7)


def test_a_dateline_on_its_own_line_dates_a_wire_report() -> None:
    text = (
        "President vows to find bombers\n\nWASHINGTON, August 8 (Xinhua) --\n\n"
        "President Bill Clinton Saturday vowed to bring those responsible for the bombings to justice."
    )
    pub = date_text(text)
    # the dateline names 8 August of one of Clinton's eight summers; "Saturday" chooses none of them (the weekday a
    # report tells of is its own day in about six reports of ten): the span of the eight, and no day
    assert (pub.earliest, pub.latest, pub.precision) == (date(1993, 8, 8), date(2000, 8, 9), "unknown"), pub.evidence
    assert any("dateline" in e for e in pub.evidence)
    # a term that holds one 8 August gives the day
    pub = date_text(text.replace("President Bill Clinton Saturday vowed", "Defense Secretary Les Aspin vowed"))
    assert (pub.precision, pub.earliest) == ("day", date(1993, 8, 8)), pub.evidence
