"""Invariants of tag_times on any text: spans slice back to their text, sorted, disjoint, honest intervals."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from truceline.stages.dates import tag_times

# Fragments that exercise the rules, mixed with arbitrary text so boundaries fall anywhere.
PIECES = st.sampled_from(
    [
        "on Friday",
        "last September",
        "June 13, 2019",
        "13 June",
        "the 1990s",
        "two days ago",
        "since late April",
        "a week-old ceasefire",
        "every week",
        "now",
        "midnight on June 12",
        "the night of June 13",
        "March 11th",
        "Wednesday (March 11th)",
        "early 2011",
        "the third quarter",
        "this summer",
        "12/31/2020",
        "yesterday",
        "will arrive on Saturday",
        "in recent weeks",
        "the last twenty four hours",
        "2019-02-30",
        "Feb. 29",
        "Eid al-Fitr",
        "Easter 2019",
        "during Ramadan",
        "the previous Friday",
        "a fortnight ago",
        "Dec. 12-13",
        "17/09/2018",
        "the week-old truce",
        " ",
        ", ",
        ". ",
        "\n",
        "said",
        "the",
        "May",
        "March",
        "fall",
        "(",
        ")",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=14).map("".join)
ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(TEXTS, ANCHORS)
@example("June 13, 2019:midnight on June 12on Friday", None)  # a clock time on a day the text named, no anchor
def test_every_ref_is_a_true_slice_with_an_ordered_interval(text: str, anchor: date | None) -> None:
    refs = tag_times(text, anchor)
    last_end = -1
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
        assert ref.start >= last_end, "sorted and non-overlapping"
        last_end = ref.end
        if ref.earliest is not None and ref.latest is not None:
            assert ref.earliest <= ref.latest
        if anchor is None:
            assert not ref.anchored


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=40)))
def test_publication_date_never_crashes_and_is_ordered(text: str, published: str | None, url: str | None) -> None:
    from truceline.model import CleanedText, RawDocument
    from truceline.stages.dates import infer_publication_date

    raw = RawDocument(id="h", kind="text", content=text, origin="hypothesis", published=published, url=url)
    pub = infer_publication_date(raw, CleanedText(title=None, body=text))
    assert pub.evidence
    if pub.earliest is not None and pub.latest is not None:
        assert pub.earliest <= pub.latest
    if pub.precision == "day":
        assert pub.value is not None and pub.earliest == pub.latest


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Glass was blown here 2000 years ago and 10000 weeks later.", date(2019, 6, 14)),
        ("The shrine is 1992 years earlier than the wall, built 9000 years from now.", date(2019, 6, 14)),
        ("A metadata date at the calendar's edge: talks on Tuesday, the week after.", date(9999, 12, 30)),
        ("Talks resumed last Tuesday and 400 decades ago.", date(1, 1, 5)),
    ],
)
def test_offsets_past_the_calendar_never_raise(text: str, anchor: date) -> None:
    refs = tag_times(text, anchor)
    assert all(r.start < r.end for r in refs)


LINES = st.lists(TEXTS.map(lambda t: t.replace("\n", " ")), min_size=1, max_size=3)


@settings(max_examples=200, deadline=None)
@given(LINES, ANCHORS)
def test_lines_scanned_apart_read_each_line_as_its_own_text(lines: list[str], anchor: date | None) -> None:
    """The publication-date reasoning scans a title, standfirst and body apart, so the body it reasons over reads
    exactly as the body the tagger tags later (and reuses the same scan); nothing runs across a line break."""
    from truceline.timex.tagger import find_candidates, find_candidates_in_lines

    text, apart = find_candidates_in_lines(lines, anchor)
    assert text == "\n".join(lines)
    assert all("\n" not in text[c.start : c.end] for c in apart)
    body_at = len(text) - len(lines[-1])
    in_body = [(c.start - body_at, c.end - body_at, c.value, c.tense) for c in apart if c.start >= body_at]
    assert in_body == [(c.start, c.end, c.value, c.tense) for c in find_candidates(lines[-1], anchor)]


@given(TEXTS, ANCHORS, ANCHORS)
@settings(max_examples=100, deadline=None)
def test_a_reused_scan_resolves_as_a_fresh_one(text: str, first: date | None, second: date | None) -> None:
    """The rule matches of a text are cached across anchors: tagging with one anchor never leaks into another."""
    from truceline.timex import tagger

    tag_times(text, first)
    reused = tag_times(text, second)
    tagger._scan.cache_clear()
    assert reused == tag_times(text, second)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), st.integers(2, 400), st.data())
def test_between_two_days_only_what_every_day_between_agrees_on(
    text: str, earliest: date, days: int, data: st.DataObject
) -> None:
    """A report dated to an interval keeps a relative value only when it would read the same on any day of it, or
    else the span of days every such reading lies in (an ISO interval value)."""
    from datetime import timedelta

    from truceline.stages.dates import tag_times_between

    latest = earliest + timedelta(days=days)
    middle = earliest + timedelta(days=data.draw(st.integers(1, days - 1)))
    at_middle = {(r.start, r.end): r for r in tag_times(text, middle)}
    for ref in tag_times_between(text, earliest, latest):
        assert text[ref.start : ref.end] == ref.text
        if ref.anchored and (here := at_middle.get((ref.start, ref.end))) is not None:
            if "/" in ref.value:
                assert ref.earliest is not None and ref.latest is not None and here.earliest is not None
                assert here.latest is not None and ref.earliest <= here.earliest <= here.latest <= ref.latest
            else:
                assert here.value == ref.value, (ref, middle)
