"""Property tests (hypothesis) on the cleaner and the rule-based stages that read its body.

Whatever the text or page: cleaning raises nothing but Skip; the body is made of the input's own lines (the cleaner
drops and separates lines, it never rewrites one), and every offset the stages after it return (sentences, times,
figures, actors, places) lies inside the body and indexes the text it names.
"""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.clean.lines import PARAGRAPH_SEPARATOR, normalised_lines
from truceline.errors import Skip
from truceline.model import CleanedText, RawDocument
from truceline.stages import clean, dates, places, quantities
from truceline.stages.actors import ActorDictionary
from truceline.stages.ingest import content_id
from truceline.text import MAX_SENTENCE_CHARS, split_sentences

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that wake the rules up (dates, figures, actors, places, chrome, captions, bylines), and the glue between them.
WORDS = [
    "Monday",
    "March",
    "12",
    "2019",
    "last",
    "week",
    "since",
    "April",
    "28",
    "on",
    "Friday",
    "10:30",
    "GMT",
    "2020-03-05",
    "03/05/2020",
    "the",
    "day",
    "before",
    "killed",
    "wounded",
    "at",
    "least",
    "35",
    "civilians",
    "dozens",
    "of",
    "soldiers",
    "three",
    "hundred",
    "displaced",
    "Turkey",
    "Russia",
    "Syrian",
    "army",
    "rebels",
    "Erdogan",
    "Putin",
    "Idlib",
    "Aleppo",
    "Saraqib",
    "the",
    "village",
    "of",
    "Kafr",
    "Nabl",
    "near",
    "Ankara",
    "said",
    "according",
    "to",
    "officials",
    "By",
    "Photo:",
    "AFP",
    "Reuters",
    "Getty",
    "Images",
    "Share",
    "this",
    "article",
    "Advertisement",
    "Read",
    "more",
    "Updated",
    "Published",
    "Copyright",
]
GLUE = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " - ", "'s ", " (", ") ", '"', ": ", "...", "\t", "\u00a0", "/"]


@st.composite
def reports(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 120))):
        parts.append(draw(st.one_of(st.sampled_from(WORDS), st.text(max_size=6))))
        parts.append(draw(st.sampled_from(GLUE)))
    return "".join(parts)


def cleaned(text: str, kind: str = "text") -> CleanedText | None:
    try:
        return clean.clean(RawDocument(content_id(text), kind, text, "fuzz"))  # type: ignore[arg-type]
    except Skip as skip:
        assert skip.reason and "\n" not in skip.reason
        return None


@FUZZ
@given(st.one_of(st.text(max_size=3000), reports()))
def test_the_body_is_made_of_the_inputs_own_lines(text: str) -> None:
    result = cleaned(text)
    if result is None:
        return
    lines = set(normalised_lines(text))
    paragraphs = result.body.split(PARAGRAPH_SEPARATOR)
    assert result.body.strip() and all(p and p == p.strip() for p in paragraphs)
    assert all(p in lines for p in paragraphs), "the cleaner rewrote a line"
    for part in (result.title, result.standfirst):
        assert part is None or part in lines


@FUZZ
@given(reports())
def test_every_offset_after_cleaning_indexes_the_body(text: str) -> None:
    result = cleaned(text)
    if result is None:
        return
    body = result.body
    spans = split_sentences(body)
    assert all(0 <= s < e <= len(body) and e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(body[s:e] == body[s:e].strip() for s, e in spans)
    actors = ActorDictionary.load()
    found = [
        *dates.tag_times(body, date(2020, 3, 5)),
        *quantities.find_quantities(body),
        *actors.find(body, story_country=actors.story_country(body), when=date(2020, 3, 5)),
        *places.find_places(body),
    ]
    for m in found:
        assert 0 <= m.start <= m.end <= len(body) and body[m.start : m.end] == m.text, m


_TAGS = ["p", "div", "article", "span", "b", "figure", "figcaption", "h1", "title", "script", "table", "td", "a"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    out = [draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>', "<!DOCTYPE x [<!ENTITY e 'x'>]>"]))]
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(st.sampled_from(_TAGS))
        choice = draw(st.integers(0, 5))
        if choice == 0:
            attrs = " ".join(f'a{i}="{draw(st.text(max_size=4))}"' for i in range(draw(st.integers(0, 80))))
            out.append(f"<{tag} {attrs}>")
        elif choice == 1:
            out.append(f"</{tag}>")
        elif choice == 2:
            out.append(draw(st.sampled_from(["&amp;", "&e;", "&#0;", "&#x110000;", "&nbsp;", "<!--", "-->", "]]>"])))
        else:
            out.append(draw(st.one_of(reports(), st.text(max_size=30))))
    return "".join(out)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # trafilatura per page
@given(pages())
def test_any_page_is_cleaned_or_skipped(page: str) -> None:
    result = cleaned(page, "html")
    if result is not None:
        assert result.body.strip()
        assert all(p == p.strip() and p for p in result.body.split(PARAGRAPH_SEPARATOR))
