"""The publication-date cascade on reports we wrote: each source in its order of trust, and the reasoning."""

from __future__ import annotations

from datetime import date

from truceline.model import Caption, CleanedText, PubDate, RawDocument
from truceline.stages.dates import infer_publication_date, tag_times
from truceline.timex.pubdate import PLAUSIBLE_FROM


def doc(body: str, *, url: str | None = None, published: str | None = None) -> RawDocument:
    return RawDocument(id="t", kind="text", content=body, origin="test", url=url, published=published)


def cleaned(body: str, **kw: object) -> CleanedText:
    return CleanedText(title=None, body=body, **kw)  # type: ignore[arg-type]


def test_metadata_wins_over_everything() -> None:
    body = "Officials said on Monday, March 2, 2015 that talks failed."
    pub = infer_publication_date(
        doc(body, published="2019-06-13T10:00:00Z", url="https://x.org/2018/01/02/a"), cleaned(body)
    )
    assert (pub.value, pub.precision) == ("2019-06-13", "day")
    assert pub.evidence[0].startswith("metadata")


def test_rfc2822_metadata_and_html_date() -> None:
    assert (
        infer_publication_date(doc("x", published="Thu, 13 Jun 2019 08:00:00 +0000"), cleaned("x")).value
        == "2019-06-13"
    )
    pub = infer_publication_date(doc("x"), cleaned("x", html_date="2020-02-07"))
    assert pub.value == "2020-02-07" and "htmldate" in pub.evidence[0]


def test_url_patterns() -> None:
    for url in ("https://news.example/2019/06/13/truce-holds", "https://news.example/world/20190613-truce"):
        assert infer_publication_date(doc("x", url=url), cleaned("x")).value == "2019-06-13"
    month = infer_publication_date(doc("x", url="https://news.example/2019/06/truce"), cleaned("x"))
    assert (month.value, month.precision) == ("2019-06", "month")


def test_dateline() -> None:
    pub = infer_publication_date(doc("x"), cleaned("x", dateline="ANKARA, June 13, 2019"))
    assert pub.value == "2019-06-13"


def test_weekday_admits_only_some_years() -> None:
    # 11 March falls on a Wednesday in 2015, 2020 and 2026 (among recent years); the 2018 deal rules out 2015.
    body = "Officials met on Wednesday (March 11th) to discuss a 2018 deal that still holds."
    pub = infer_publication_date(doc(body), cleaned(body))
    assert pub.earliest == date(2020, 3, 10)  # that day, or the day before for copy sent out ahead
    assert any("Wednesday only in" in e and "2020" in e for e in pub.evidence)


def test_caption_date_and_weekday_pin_that_day_or_the_next() -> None:
    # news names the day it is published and the day before alike (truceline.timex.pubdate_days.CUE_DAY_SHARE)
    body = "The envoy said on Tuesday that the talks would go on."
    caption = Caption("Families leave the town on December 24, 2019. / Agency photo")
    pub = infer_publication_date(doc(body), cleaned(body, captions=(caption,)))
    assert (pub.earliest, pub.latest, pub.precision) == (date(2019, 12, 24), date(2019, 12, 25), "week")
    assert any(e.startswith("caption") for e in pub.evidence)
    assert any("that day or the next" in e for e in pub.evidence)


def test_interval_with_evidence_when_text_allows_no_day() -> None:
    body = "Rebels fought on in the country's eight-year-old civil war in Syria, officials said on Friday."
    pub = infer_publication_date(doc(body), cleaned(body))
    assert pub.precision not in ("day", "unknown")
    assert pub.earliest == date(2019, 3, 15) and pub.latest == date(2020, 3, 14)
    assert any("2011-03-15" in e for e in pub.evidence)


def test_story_hint_settles_an_open_year() -> None:
    body = "Officials said on Thursday that shells fell on the night of June 13."
    alone = infer_publication_date(doc(body), cleaned(body))
    assert alone.value != "2019-06-13"  # June 13 is a Thursday in several years: the text alone cannot choose
    hint = PubDate("2019-06-14", date(2019, 6, 14), date(2019, 6, 14), "day")
    pub = infer_publication_date(doc(body), cleaned(body), story_hint=hint)
    # another report of the story is from 2019-06-14, so this one is near it, and after the June 13 it tells of
    assert pub.earliest == date(2019, 6, 13) and pub.latest is not None and pub.latest <= date(2019, 7, 31)
    assert any("same story" in e for e in pub.evidence)


def test_nothing_to_go_on_is_unknown_not_a_guess() -> None:
    # the text bounds the report by nothing: published some day before today, and no finer (events take no date
    # from it, truceline.events.attach)
    body = "Fighting continued in the north."
    pub = infer_publication_date(doc(body), cleaned(body))
    assert (pub.earliest, pub.latest, pub.precision) == (PLAUSIBLE_FROM, date.today(), "unknown")
    assert any("nothing in the text bounds it" in e for e in pub.evidence)


def test_anchor_resolves_last_september_for_a_december_report() -> None:
    body = "The envoy said on Tuesday that the rivals met last September. Photo taken on December 24, 2019."
    pub = infer_publication_date(doc(body), cleaned(body))
    refs = {r.text: r for r in tag_times(body, pub.anchor)}
    assert refs["last September"].value == "2019-09"


def test_year_less_dateline_with_text_clues() -> None:
    # The dateline gives the day, the text the years: "a 2018 deal" told in the past leaves every June 13 from 2018
    # on. "On Thursday" chooses none of them: the day a report tells of by its weekday is its own day in only about
    # six reports of ten on the tune parts (the rest tell of the day before, or earlier in the week), so the answer
    # is the span of them all, not the years where June 13 is a Thursday.
    body = "Officials said on Thursday that a 2018 deal still held."
    pub = infer_publication_date(doc(body), cleaned(body, dateline="ANKARA, June 13 (Agency)"))
    assert (pub.earliest, pub.latest) == (date(2018, 6, 13), date(2026, 6, 14)) and pub.precision != "day"
    assert any("dateline" in e for e in pub.evidence)
    # A minister in his term leaves six June 13s: the span of them, and no day
    body = "Foreign Minister Mevlut Cavusoglu said on Thursday that the deal still held.\n\nIt was signed in 2018."
    pub = infer_publication_date(doc(body), cleaned(body, dateline="ANKARA, June 13 (Agency)"))
    assert (pub.earliest, pub.latest) == (date(2018, 6, 13), date(2023, 6, 14)) and pub.precision != "day"
    # a term that holds one January 13 gives the day
    body = "Defence Secretary Grant Shapps said on Thursday that the deal still held."
    pub = infer_publication_date(doc(body), cleaned(body, dateline="LONDON, Jan 13 (Agency)"))
    assert (pub.value, pub.precision) == ("2024-01-13", "day")


def test_year_hint_keeps_a_weekday_only_report_inside_the_story_year() -> None:
    # Nothing in the text names a year: only the batch's other reports (dated in 2020) can supply it.
    body = "The minister spoke on Tuesday, two days after artillery fire killed four soldiers near the border town."
    hint = PubDate("2020", date(2020, 1, 1), date(2020, 12, 31), "year", ("story: 5 other reports dated in 2020",))
    pub = infer_publication_date(doc(body), cleaned(body), story_hint=hint)
    assert pub.earliest is not None and pub.latest is not None
    assert date(2020, 1, 1) <= pub.earliest <= pub.latest <= date(2020, 12, 31)
    assert pub.precision == "year"
    assert any("year comes from the same story" in e and "2020" in e for e in pub.evidence)


def test_year_hint_that_contradicts_the_text_is_reported_not_forced() -> None:
    body = "The truce signed on 5 March 2020 held, officials said on Monday."
    hint = PubDate("2015", date(2015, 1, 1), date(2015, 12, 31), "year", ("story: 2 other reports dated in 2015",))
    pub = infer_publication_date(doc(body), cleaned(body), story_hint=hint)
    assert pub.earliest is not None and pub.earliest >= date(2020, 3, 5)
    assert any("contradicts" in e for e in pub.evidence)


def test_a_day_that_opens_a_period_is_not_the_day_of_the_news() -> None:
    # "since Dec. 1" bounds a count of displaced people; pairing it with "on Wednesday" would date the report to
    # a week after some Wednesday December 1 (1999, 2004, 2010, ...), which nothing in the text says.
    body = (
        "The president said on Wednesday that the army would hold its positions.\n\n"
        "More than 500,000 people have fled the fighting since Dec. 1, the agency says."
    )
    raw = RawDocument("x", "text", "Deadline set\n\n" + body, "x.txt")
    pub = infer_publication_date(raw, CleanedText(title="Deadline set", body=body))
    assert not any("Dec. 1" in e and "weekday" in e for e in pub.evidence), pub.evidence
    assert pub.precision != "day"


def test_a_day_first_dotted_dateline_is_the_day() -> None:
    pub = infer_publication_date(doc("x"), cleaned("Talks resumed on Monday.", dateline="19.08.2019"))
    assert (pub.value, pub.precision) == ("2019-08-19", "day")


def test_htmldate_first_of_january_is_a_year_at_most() -> None:
    # htmldate answers 1 January when a page shows only a year (a copyright line): the URL's day wins over it ...
    body = "Shelling resumed overnight, residents said."
    pub = infer_publication_date(doc(body, url="https://x.org/2019/06/13/a"), cleaned(body, html_date="2019-01-01"))
    assert pub.value == "2019-06-13"
    # ... and with nothing finer it stands as a year, not a day
    pub = infer_publication_date(doc(body), cleaned(body, html_date="2020-01-01"))
    assert (pub.precision, pub.earliest, pub.latest) == ("year", date(2020, 1, 1), date(2020, 12, 31))


def test_within_the_page_year_a_day_told_in_the_past_is_a_lower_bound() -> None:
    body = "Troops have kept crossing since the truce took hold on March 6, a monitor said."
    pub = infer_publication_date(doc(body), cleaned(body, html_date="2020-01-01"))
    assert (pub.earliest, pub.latest) == (date(2020, 3, 6), date(2020, 12, 31))
    # a day still ahead says nothing about when the report was written
    body = "The truce is due to take hold on March 6, a monitor said."
    pub = infer_publication_date(doc(body), cleaned(body, html_date="2020-01-01"))
    assert pub.earliest == date(2020, 1, 1)


STORY_2020 = PubDate("2020", date(2020, 1, 1), date(2020, 12, 31), "year", ("story: reports dated in 2020",))


def test_within_the_story_year_a_day_told_in_the_past_is_a_lower_bound() -> None:
    body = "Troops have kept crossing since the truce took hold on March 6, a monitor said."
    pub = infer_publication_date(doc(body), cleaned(body), story_hint=STORY_2020)
    assert (pub.earliest, pub.latest) == (date(2020, 3, 6), date(2020, 12, 31))
    assert any("same story" in e for e in pub.evidence) and any("March 6" in e for e in pub.evidence)


def test_a_late_day_told_in_the_past_may_be_last_years() -> None:
    # "Dec. 1" in a February report is last December: it cannot push the report to December
    body = "Convoys have crossed the border every night since the offensive began on Dec. 1, a monitor said."
    pub = infer_publication_date(doc(body), cleaned(body, html_date="2020-01-01"))
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest <= date(2020, 2, 14) <= pub.latest


def test_an_implausible_metadata_date_is_ignored_with_its_reason() -> None:
    body = "Officials said on Thursday, June 13, 2019 that talks failed."
    for bad in ("2091-05-01", "Mon, 05 Jan 1750 00:00:00 +0000"):
        pub = infer_publication_date(doc(body, published=bad), cleaned(body, dateline="June 13, 2019"))
        assert pub.value == "2019-06-13"  # the next source in the cascade, the dateline
        assert any("no plausible publication date" in e for e in pub.evidence)
