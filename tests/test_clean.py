"""Clean: chrome dropped with reasons, captions and bylines kept apart, title/standfirst found, HTML offline."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.clean.rules import load_rules
from truceline.errors import Skip
from truceline.model import CleanedText, RawDocument
from truceline.stages.clean import clean
from truceline.stages.ingest import content_id

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
INGEST_FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def text_doc(text: str, title: str | None = None, kind: str = "text") -> RawDocument:
    return RawDocument(id=content_id(text), kind=kind, content=text, origin="test", title=title)  # type: ignore[arg-type]


def clean_fixture(name: str) -> CleanedText:
    return clean(text_doc((FIXTURES / name).read_text(encoding="utf-8")))


def paragraphs(cleaned: CleanedText) -> list[str]:
    return cleaned.body.split("\n\n")


def reasons(cleaned: CleanedText) -> list[str]:
    return [d.reason for d in cleaned.dropped_lines]


def test_section_label_comment_widgets_and_bracket_credits() -> None:
    c = clean_fixture("section_comments_captions.txt")
    assert c.title == "Mediators press both sides to hold the southern truce"
    assert reasons(c) == ["chrome:section-label", "chrome:comments", "chrome:comments", "chrome:comments"]
    assert [cap.credit for cap in c.captions] == ["Lina Haddad/AFP", "Karim Nassar/Reuters"]
    assert c.captions[0].text.startswith("A boy walks past") and c.captions[0].text.endswith("stopped.")
    assert c.standfirst is None  # a caption sits between title and lede
    assert paragraphs(c)[0].startswith("Mediators urged both armies on Tuesday")
    assert len(paragraphs(c)) == 4
    assert "[" not in c.body and "Comment" not in c.body


def test_breadcrumb_and_repeated_title_dropped_quoted_subheading_kept() -> None:
    c = clean_fixture("breadcrumb_repeated_title.txt")
    assert c.title == "Talks on prisoner exchange stall in the capital"
    assert reasons(c) == ["chrome:section-label", "repeated-title"]
    assert "‘A question of trust’" in paragraphs(c)
    assert c.standfirst is None  # the lede names a day and a speaker
    assert c.body.count("Talks on prisoner exchange") == 0


def test_translation_banner_topshot_caption_and_unpunctuated_standfirst() -> None:
    c = clean_fixture("banner_topshot_standfirst.txt")
    assert c.standfirst is not None and c.standfirst.startswith("The area around the dam")
    assert reasons(c) == ["chrome:translation-banner"]
    (caption,) = c.captions
    assert caption.text.startswith("TOPSHOT - A woman carries water")
    assert caption.credit == "AFP / Samir KHALED"
    assert "TOPSHOT" not in c.body and "Powered by" not in c.body
    assert len(paragraphs(c)) == 3


def test_capitals_label_agency_label_symbol_and_cookie_notice() -> None:
    c = clean_fixture("agency_symbol_cookie.txt")
    assert c.title == "Monitors to deploy along the eastern line on Monday: envoy"
    assert reasons(c) == [
        "chrome:section-label",
        "repeated-title",
        "chrome:agency-label",
        "chrome:symbol",
        "chrome:cookie-notice",
    ]
    assert c.standfirst is not None and c.standfirst.endswith("signed the protocol")
    # The body repeats the standfirst as a sentence: that paragraph is article text and stays.
    assert "The envoy said the first forty monitors would travel to the line" in c.body
    assert "cookie" not in c.body.lower()


def test_masthead_byline_with_date_share_row_and_policy_lines() -> None:
    c = clean_fixture("masthead_byline_stamp.txt")
    assert c.title == "Fishing boats return to port as naval blockade eases"
    assert c.bylines == ("By Mara Quintal",)
    assert c.dateline == "12.04.2021"  # split off the byline: it is the page's date
    assert reasons(c) == [
        "chrome:site-name",
        "chrome:share",
        "chrome:share",
        "chrome:comments",
        "chrome:policy",
    ]
    (caption,) = c.captions
    assert caption.credit == "Harbour Evening Courier" and caption.text.endswith("April 2021.")
    assert len(paragraphs(c)) == 3 and paragraphs(c)[0].startswith("Fishing boats returned")


def test_breadcrumb_date_becomes_dateline_staff_byline_and_photo_suffix_credit() -> None:
    c = clean_fixture("breadcrumb_date_staff.txt")
    assert reasons(c) == ["chrome:section-label"]
    assert c.dateline == "Tuesday 9 March 2021"
    assert c.title == "Militia hands over heavy weapons under disarmament deal"
    assert c.bylines == ("Lowland Gazette staff",)
    (caption,) = c.captions
    assert caption.credit == "Ilse Brandt / Lowland Gazette"
    assert caption.text.endswith("March 8, 2021.")
    assert len(paragraphs(c)) == 2


def test_short_title_case_title_is_kept_when_the_text_follows() -> None:
    c = clean(text_doc("Truce Holds\nThe truce held through the night, both sides said.\nMore talks are planned.\n"))
    assert c.title == "Truce Holds"
    assert not c.dropped_lines


def test_text_starting_with_a_paragraph_has_no_title() -> None:
    first = (
        "Engineers restored power to the eastern districts on Thursday after a week of outages. The grid operator "
        "said repairs to the main substation would take another month"
    )
    c = clean(text_doc(f"{first}\nResidents queued for fuel at the two stations still open.\n"))
    assert c.title is None and c.standfirst is None
    assert paragraphs(c)[0] == first


def test_teaser_with_more_in_brackets_is_not_a_caption() -> None:
    c = clean(text_doc("Weekly round-up\nWhy the talks stalled. (More)\nWhat comes next for the monitors.\n"))
    assert not c.captions


def test_period_ended_summary_without_speaker_or_day_is_a_standfirst() -> None:
    text = (
        "Rival forces agree to pull back heavy weapons\n"
        "The deal creates a buffer zone along the old railway line within the framework of earlier accords.\n"
        "Rival commanders signed the agreement on Saturday, mediators said.\n"
        "Heavy weapons are to be withdrawn within two weeks.\n"
    )
    c = clean(text_doc(text))
    assert c.standfirst is not None and c.standfirst.startswith("The deal creates a buffer zone")
    assert paragraphs(c)[0].startswith("Rival commanders signed")


def test_known_title_from_metadata_is_used_and_its_repeat_dropped() -> None:
    text = "Ceasefire holds for a second week\n\nThe ceasefire held for a second week on Friday, monitors said.\n"
    c = clean(text_doc(text, title="Ceasefire holds for a second week"))
    assert c.title == "Ceasefire holds for a second week"
    assert reasons(c) == ["repeated-title"]
    assert c.body == "The ceasefire held for a second week on Friday, monitors said."


def test_bylines_datelines_and_date_stamps() -> None:
    text = (
        "Shelling hits border villages\n"
        "By Jane Okafor and Tom Reyes\n"
        "Updated: Friday 14 June 2019, 10:32 GMT\n"
        "KYIV (Reuters) - Shelling hit three border villages overnight, officials said on Friday.\n"
        "By Friday evening, the firing had stopped.\n"
        "Reporting by Jane Okafor; Editing by Sam Lee\n"
    )
    c = clean(text_doc(text))
    assert c.bylines == ("By Jane Okafor and Tom Reyes", "Reporting by Jane Okafor; Editing by Sam Lee")
    assert c.dateline == "Updated: Friday 14 June 2019, 10:32 GMT"
    assert paragraphs(c)[0].startswith("KYIV (Reuters) - Shelling")  # the lead stays in the text it belongs to
    assert "By Friday evening, the firing had stopped." in paragraphs(c)  # prose, not a byline


def test_lead_dateline_is_recorded_when_no_date_line() -> None:
    text = "Convoy attacked\nBEIRUT, June 14 (Reuters) - A convoy was attacked on the coast road, police said.\nMore.\n"
    c = clean(text_doc(text))
    assert c.dateline == "BEIRUT, June 14 (Reuters)"


def test_body_is_exactly_the_paragraphs_joined_and_whitespace_normalised() -> None:
    text = "Title line\r\n\r\nFirst\u00a0 paragraph   here.\r\n\u200bSecond\tparagraph.\r\n"
    c = clean(text_doc(text))
    assert c.body == "First paragraph here.\n\nSecond paragraph."


def test_one_line_report_is_body_not_title() -> None:
    c = clean(text_doc("Shelling stopped at dawn, residents said."))
    assert c.title is None and c.body == "Shelling stopped at dawn, residents said."


def test_only_chrome_is_skipped() -> None:
    with pytest.raises(Skip, match="no article text"):
        clean(text_doc("Local News\n\nShare this article\n\n+\n"))
    with pytest.raises(Skip, match="no article text"):
        clean(text_doc("   \n"))


def test_html_title_date_and_main_text_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the clean stage tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    html = (INGEST_FIXTURES / "page.html").read_text(encoding="utf-8")
    raw = RawDocument(id=content_id(html), kind="html", content=html, origin="page.html", url="https://example.org/x")
    c = clean(raw)
    assert c.title == "Convoy reaches the besieged district"
    assert c.html_date == "2021-03-04"
    (caption,) = c.captions  # from the page's <figcaption>, credit split off
    assert caption.credit == "Dana Mrad / Example News" and caption.text.startswith("Trucks wait at the checkpoint")
    assert paragraphs(c)[0].startswith("An aid convoy of twelve trucks")
    assert "Copyright" not in c.body and "Home | World" not in c.body


def test_html_without_article_is_skipped() -> None:
    html = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(Skip, match="no article text found in HTML"):
        clean(RawDocument(id="x", kind="html", content=html, origin="empty.html"))


# --- the real seeds (read at run time; their sentences are not ours to copy) -------------------------------------

SEEDS = SHARED / "seeds"
CREDIT_TRAILER = re.compile(r"\[[^\[\]]+/[^\[\]]+\]$|/ AFP / [^/]+$")


def seed_files() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the shared seed reports are only on the development machine")
    return sorted(SEEDS.glob("*.txt"))


def test_seeds_every_line_lands_somewhere_and_no_chrome_survives() -> None:
    rules = load_rules()
    seen_reasons: set[str] = set()
    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        c = clean(text_doc(text))
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        assert c.title is not None and c.title in lines[:3], path.name
        assert rules.reason(c.title) is None
        for para in paragraphs(c):
            assert para in lines, f"{path.name}: body paragraph not from the source"
            assert rules.reason(para, in_body=True) is None, f"{path.name}: chrome survived: {para[:60]}"
            assert not CREDIT_TRAILER.search(para), f"{path.name}: caption left in body: {para[:60]}"
        # Nothing is lost silently: every source line is the title, standfirst, a paragraph, caption or dropped.
        placed = {c.title, c.standfirst, *paragraphs(c), *(d.text for d in c.dropped_lines), *c.bylines}
        caption_texts = [f"{cap.text} {cap.credit or ''}" for cap in c.captions]
        for line in lines:
            assert line in placed or any(line.startswith(cap.text) for cap in c.captions), (path.name, line[:60])
        for line in lines:
            if CREDIT_TRAILER.search(line):
                assert any(line.startswith(cap.text) and cap.credit for cap in c.captions), line[:60]
        assert len(caption_texts) == sum(1 for line in lines if CREDIT_TRAILER.search(line))
        seen_reasons.update(reasons(c))
    assert {
        "chrome:section-label",
        "chrome:comments",
        "chrome:translation-banner",
        "chrome:agency-label",
        "chrome:symbol",
        "chrome:cookie-notice",
        "repeated-title",
    } <= seen_reasons


# --- invariants on arbitrary input ------------------------------------------------------------------------------

NOISE = st.sampled_from(
    [
        "Region News",
        "MIDDLE EAST",
        "Share this article",
        "12 Comment(s)",
        "+",
        "News Service ZZ",
        "We use cookies; see our cookie policy.",
        "A man stands by a wall on May 1st. [Ann Lee/AFP]",
        "By Sam Doe",
        "Monday 3 May 2021",
        "",
        "Troops withdrew from the ridge on Monday, officials said.",
    ]
)
LINE = st.one_of(NOISE, st.text(st.characters(blacklist_categories=["Cs"]), max_size=80))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=15), st.one_of(st.none(), st.text(max_size=30)))
def test_clean_never_crashes_and_never_keeps_a_dropped_line(lines: list[str], title: str | None) -> None:
    raw = text_doc("\n".join(lines), title=title)
    try:
        c = clean(raw)
    except Skip as skip:
        assert "no article text" in skip.reason
        return
    body_paragraphs = paragraphs(c)
    assert all(p and p == p.strip() for p in body_paragraphs)
    assert "\n\n\n" not in c.body
    dropped = {d.text for d in c.dropped_lines}
    assert not dropped.intersection(body_paragraphs)
