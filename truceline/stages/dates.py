"""Stage 2, dates: the publication date (with precision and evidence) and every time expression in the body."""

from __future__ import annotations

from datetime import date

from truceline.model import CleanedText, PubDate, RawDocument, TimeRef
from truceline.timex.pubdate import infer as _infer
from truceline.timex.tagger import tag as _tag


def infer_publication_date(raw: RawDocument, cleaned: CleanedText, *, story_hint: PubDate | None = None) -> PubDate:
    """Publication date from metadata, HTML, URL, datelines, captions, then reasoning over the text."""
    return _infer(raw, cleaned, story_hint=story_hint)


def tag_times(text: str, anchor: date | None) -> list[TimeRef]:
    """Every time expression in `text`, normalised TIMEX3-style and resolved against `anchor` when relative."""
    return _tag(text, anchor)
