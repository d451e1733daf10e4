"""Publication dates of HTML pages: the date a page shows under its title and its own time zone, weighed against
htmldate's pick (truceline/timex/pubdate_html.py, truceline/clean/html.py). Pages written by us."""

from __future__ import annotations

from datetime import date

import pytest
import trafilatura

from truceline.clean.html import extract_html, weigh_htmldate
from truceline.model import RawDocument
from truceline.stages.clean import clean
from truceline.stages.dates import infer_publication_date
from truceline.timex.pubdate_html import MODIFIED, PUBLISHED, Signal, overrule, shown_date, signals, visible_date

BODY = (
    "<p>Negotiators from both sides met in a lakeside hotel for a third round of talks on the exchange of prisoners "
    "held since the fighting of the previous winter, according to two officials who attended the meeting.</p>"
    "<p>The officials said that the lists of names had been agreed and that the first buses could leave within a "
    "week, although the crossing point on the northern road remained closed to all traffic for the time being.</p>"
    "<p>Relatives of the detainees gathered outside the hotel gates with photographs, asking the delegations to "
    "include the wounded and the elderly in the first group to be released before the winter begins.</p>"
)


def page(head: str = "", above: str = "", below: str = "") -> str:
    return (
        f"<html><head><title>Prisoner exchange agreed</title>{head}</head><body>"
        f"<article><h1>Prisoner exchange agreed</h1>{above}{BODY}</article>{below}</body></html>"
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Posted 07.03.2021, 14:20", date(2021, 3, 7)),
        ("2019/11/04 - 08:15", date(2019, 11, 4)),
        ("By our correspondent | 3 mars 2017", date(2017, 3, 3)),
        ("Veröffentlicht am 9. Okt. 2018", date(2018, 10, 9)),
        ("Updated: October 9th, 2018 at 5 PM", date(2018, 10, 9)),
        ("2016年05月21日", date(2016, 5, 21)),
        ("5. 6. 2020", date(2020, 6, 5)),
    ],
)
def test_shown_dates_in_several_orders_and_languages(text: str, day: date) -> None:
    assert shown_date(text) == day


@pytest.mark.parametrize("text", ["05/02/2020", "Page 3 of 12", "31.02.2020", "Filed 2020 with 14 others"])
def test_ambiguous_or_impossible_dates_are_not_read(text: str) -> None:
    assert shown_date(text) is None


def test_the_date_under_the_title_overrules_htmldate_and_says_so() -> None:
    # htmldate reads the meta tag; the page shows its own day under the title
    html = page(
        head='<meta name="date" content="2021-04-19">',
        above='<div class="article-meta">By A. Writer, 12.04.2021</div>',
    )
    out = extract_html(html, url="https://news.example/exchange")
    assert out.date == "2021-04-12"
    assert out.date_why is not None and "shown on the page" in out.date_why and "2021-04-19" in out.date_why
    raw = RawDocument(id="p", kind="html", content=html, origin="t", url="https://news.example/exchange")
    pub = infer_publication_date(raw, clean(raw))
    assert (pub.value, pub.precision) == ("2021-04-12", "day")
    assert "shown on the page" in pub.evidence[0]


def test_dates_of_other_articles_and_comments_are_not_the_pages() -> None:
    related = '<aside class="related-stories"><span class="date">02.02.2020</span></aside>'
    comment = '<div class="comment-list"><span class="comment-date">03.02.2020</span></div>'
    tree = trafilatura.load_html(page(below=related + comment))
    assert visible_date(tree) is None
    tree = trafilatura.load_html(page(above='<time class="entry-date">1 February 2020</time>', below=related))
    found = visible_date(tree)
    assert found is not None and found[0] == date(2020, 2, 1)


def test_htmldate_kept_when_the_page_shows_the_same_day_or_nothing() -> None:
    assert weigh_htmldate("2020-05-06", [], (date(2020, 5, 6), "shown")) == ("2020-05-06", None)
    assert weigh_htmldate("2020-05-06", [], None) == ("2020-05-06", None)
    # a shown date in the future is no publication date
    assert weigh_htmldate("2020-05-06", [], (date(2999, 1, 1), "shown")) == ("2020-05-06", None)
    # htmldate found none, or only a year: the shown day fills in
    assert weigh_htmldate(None, [], (date(2020, 5, 6), "shown"))[0] == "2020-05-06"


def test_json_ld_and_meta_signals_are_read_with_their_kind() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-08-30T23:30:00-04:00",'
        ' "dateModified": "2022-09-02T10:00:00-04:00"}</script>'
        '<meta property="article:published_time" content="2022-08-31T03:30:00+00:00">'
    )
    found = {(s.kind, s.day, s.where) for s in signals(trafilatura.load_html(page(head=head)))}
    assert (PUBLISHED, date(2022, 8, 30), "JSON-LD datePublished") in found
    assert (MODIFIED, date(2022, 9, 2), "JSON-LD dateModified") in found
    assert (PUBLISHED, date(2022, 8, 31), "meta article:published_time") in found


def test_the_pages_local_day_wins_over_htmldates_utc_day_of_the_same_instant() -> None:
    local = Signal(PUBLISHED, date(2022, 8, 30), "JSON-LD datePublished", "2022-08-30T23:30:00-04:00")
    utc = Signal(PUBLISHED, date(2022, 8, 31), "meta article:published_time", "2022-08-31T03:30:00+00:00")
    better = overrule(date(2022, 8, 31), [local, utc])
    assert better is not None and better[0] == date(2022, 8, 30)
    # a page stating only UTC gives no local day to prefer; one stating htmldate's day in its own zone backs it
    assert overrule(date(2022, 8, 31), [utc]) is None
    own = Signal(PUBLISHED, date(2022, 8, 31), "meta date", "2022-08-31T09:00:00-04:00")
    assert overrule(date(2022, 8, 31), [local, utc, own]) is None
