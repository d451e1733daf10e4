"""Publication dates never claim more than the text supports (issue 10, item 4): reports we wrote, dated from their
text alone, and the text-only scorer on pages of our own (tests/fixtures/time/pubdate_text)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truceline.eval import pubdate_text
from truceline.model import Caption, CleanedText, PubDate, RawDocument
from truceline.pipeline import Pipeline
from truceline.stages.dates import infer_publication_date, tag_times

FIXTURE = Path(__file__).parent / "fixtures" / "time" / "pubdate_text"


def date_of(body: str, **kw: object) -> PubDate:
    raw = RawDocument(id="t", kind="text", content=body, origin="test")
    return infer_publication_date(raw, CleanedText(title=None, body=body, **kw))  # type: ignore[arg-type]


def test_several_years_fitting_a_weekday_give_their_span_not_the_first() -> None:
    # 11 March is a Wednesday in 2015, 2020 and 2026; "in 2018" rules out 2015 and nothing chooses between the rest
    pub = date_of("Officials met on Wednesday (March 11th). The old deal was signed in 2018.")
    assert pub.precision != "day"
    assert pub.earliest == date(2020, 3, 10) and pub.latest is not None and pub.latest >= date(2026, 3, 11)
    assert any("several periods fit" in e and "2020-03-10" in e and "2026-03-10" in e for e in pub.evidence)


def test_a_minister_speaking_in_office_narrows_the_years() -> None:
    body = "Defence Minister Hulusi Akar said on Wednesday (March 11th) that patrols would start.\n\nThe deal was signed in 2018."
    pub = date_of(body)
    assert (pub.value, pub.precision) == ("2020-03-11/2020-03-12", "week")
    assert any("Hulusi Akar" in e and "defence minister" in e for e in pub.evidence)


def test_an_office_recalled_or_left_gives_no_term() -> None:
    """Recalled or left, the office bounds the report only from below (tests/test_pubdate_news.py)."""
    for body in (
        "Former Defence Minister Hulusi Akar said on Wednesday (March 11th) that patrols would start.",
        "Troops were sent on Wednesday (March 11th), as under Defence Minister Hulusi Akar.",
        "Defence Minister Hulusi Akar said in 2019 that on Wednesday (March 11th) patrols would start.",
    ):
        pub = date_of(body)
        assert not any("held the office" in e for e in pub.evidence), (body, pub.evidence)


def test_a_day_announced_ahead_does_not_place_the_report_after_it() -> None:
    # the Saturday 3 October the rule starts is ahead: the report is from before it (2020 or 2026, not after)
    pub = date_of("If you arrive from 4am Saturday 3 October, you will need to self-isolate, the minister said.")
    assert pub.latest is not None and pub.latest <= date(2026, 10, 3)
    assert any("announces it ahead" in e for e in pub.evidence)
    assert pub.precision != "day"
    # "the truce begins on Monday" and "talks set for March 3" place nothing
    for body in ("The truce begins on Monday, officials said.", "Talks are set for March 3, the envoy said."):
        pub = date_of(body)
        assert pub.earliest is None or pub.earliest < date(2000, 1, 1), (body, pub.evidence)


def test_a_month_announced_ahead_bounds_the_report() -> None:
    # a photo of February 2020 and a deadline "by the end of February" still ahead: February 2020
    caption = Caption("Troops drive past the crossing, February 2020. (Photo: Example)")
    pub = date_of("Forces will have to withdraw by the end of February, the president said.", captions=(caption,))
    # the caption is only a lower bound (photos may come from the archive), the deadline ahead an upper one in
    # whichever year the report is from: February 2020 first, then the months before a later February
    assert pub.earliest == date(2020, 2, 1), pub.evidence
    assert any("2020-02-01..2020-02-29, 2020-05-" in e for e in pub.evidence), pub.evidence


def test_years_still_ahead_are_no_lower_bound() -> None:
    for body in (
        "The senator said the party would win the 2024 race, officials said on Friday. It was founded in 1995.",
        "The plan will cost the state dearly in 2024, officials said. It was founded in 1995.",
        "Officials said elections slated for 2024 would go ahead. It was founded in 1995.",
    ):
        pub = date_of(body)
        assert pub.earliest == date(1995, 1, 1), (body, pub.evidence)


def test_a_month_day_told_in_the_past_excludes_the_months_before_it() -> None:
    # "June 12" in the past, in a report of 2019 (its page gives the year): from June 12 to the year's end
    pub = date_of("Police searched his home on June 12, the court heard.", html_date="2019-01-01")
    assert (pub.earliest, pub.latest) == (date(2019, 6, 12), date(2019, 12, 31))
    assert any("told in the past without its year" in e for e in pub.evidence)
    # a day that closes a period ("put in place through April 30") may lie ahead: no bound
    pub = date_of("Restrictions put in place through April 30 will be extended.", html_date="2019-01-01")
    assert pub.earliest == date(2019, 1, 1)


def test_last_september_of_a_known_agreement_still_dates_the_report() -> None:
    pub = date_of("Turkey and Russia agreed last September to turn Idlib into a de-escalation zone, officials said.")
    assert (pub.earliest, pub.latest) == (date(2018, 10, 1), date(2019, 9, 30))
    refs = {r.text: r for r in tag_times("They agreed last September.", pub.anchor)}
    assert refs["last September"].value.startswith("2019-09") or refs["last September"].value.startswith("2018-09")


def test_the_batch_year_is_no_evidence_for_another_report() -> None:
    # three reports dated in 2020 and one whose text leaves the year open: it stays open
    dated = [
        RawDocument(f"d{i}", "text", f"Talks {i}\n\nANKARA, March {i + 2}, 2020 - Officials met on Monday.", "x")
        for i in range(3)
    ]
    open_year = RawDocument("o", "text", "Shelling resumed\n\nShelling resumed on Monday, residents said.", "y")
    out = {o.raw.id: o for o in Pipeline().run([*dated, open_year])}
    assert all(out[d.id].analysis is not None for d in dated)
    analysis = out["o"].analysis
    assert analysis is not None
    assert analysis.article.published.precision == "unknown"
    assert not any("story" in e for e in analysis.article.published.evidence)


def test_text_only_scorer_withholds_metadata_and_url() -> None:
    out = pubdate_text.run(FIXTURE, {"part": "all", "limit": None, "baseline": None})
    # three pages, each with its date in the HTML metadata and URL: the scorer sees only the text, which bounds
    # two pages (a year-less dateline in a minister's term: every June 13 of the term, "on Thursday" choosing none
    # of them) and the third by nothing: published before today, which holds the day and says little
    assert (out["reports"], out["exact"], out["contains"], out["undated"]) == (3, 0.0, 1.0, 0)
    assert (out["wrong_days"], out["no_lower_bound"]) == (0, 1)
    assert out["precision_counts"] == {"unknown": 3}
    assert out["english"]["reports"] == 3
    tune = pubdate_text.run(FIXTURE, {"part": "tune", "limit": None, "baseline": None})
    check = pubdate_text.run(FIXTURE, {"part": "check", "limit": None, "baseline": None})
    assert tune["reports"] + check["reports"] == 3


def test_scorer_counts() -> None:
    day = date(2020, 3, 11)
    given = [
        (PubDate("2020-03-11", day, day, "day"), day),
        (PubDate("2020-03-12", date(2020, 3, 12), date(2020, 3, 12), "day"), day),
        (PubDate("2020", date(2020, 1, 1), date(2020, 12, 31), "year"), day),
        (PubDate(None, None, None, "unknown"), day),
    ]
    out = pubdate_text.score(given)
    assert (out["contains"], out["exact"], out["wrong_days"], out["undated"]) == (0.5, 0.25, 1, 1)
    assert out["precision_counts"] == {"day": 2, "unknown": 1, "year": 1}
    assert pubdate_text.is_english("The talks went on for a day and the envoys said that they would meet again.")
    assert not pubdate_text.is_english(
        "Die Gespräche dauerten einen Tag, und die Gesandten wollen sich wieder treffen."
    )


def test_a_report_bounded_by_nothing_files_no_event_under_today(tmp_path: Path) -> None:
    # its publication interval runs to today; its events have no date, and are not filed under today's month
    from truceline import api
    from truceline.store import Store
    from truceline.store.db import EventFilter

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "r.txt").write_text(
        "Clashes in the hills\n\nGovernment troops shelled a rebel camp in the hills, killing four fighters.\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "d.db") as store:
        api.ingest(store, [str(folder)])
        api.process(store, link_after=False)
        article = store.articles()[0]
        assert article["published_precision"] == "unknown" and article["published_latest"] == date.today().isoformat()
        assert store.events(), "the shelling is a row"
        assert not store.events(EventFilter(since=date.today().isoformat()[:7]))
