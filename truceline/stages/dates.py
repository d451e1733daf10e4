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


def tag_times_between(text: str, earliest: date, latest: date) -> list[TimeRef]:
    """Every time expression in `text` when the report is known only to lie between two days: a relative
    expression keeps its value when it resolves alike against both ends ("last September" in a report from March to
    September 2019 is September 2018, wherever in between it was written), and is left unresolved otherwise (an
    X value, as with no anchor). Resolution moves one way as the anchor moves, so agreeing ends mean agreement
    everywhere between them."""
    if earliest >= latest:
        return _tag(text, latest)
    early = {(r.start, r.end): r for r in _tag(text, earliest)}
    loose: dict[tuple[int, int], TimeRef] | None = None  # the unanchored reading, made only when an end disagrees
    out: list[TimeRef] = []
    for ref in _tag(text, latest):
        other = early.get((ref.start, ref.end))
        if other is not None and (other.value, other.earliest, other.latest) == (ref.value, ref.earliest, ref.latest):
            out.append(ref)
            continue
        if loose is None:
            loose = {(r.start, r.end): r for r in _tag(text, None)}
        if (key := (ref.start, ref.end)) in loose:
            out.append(loose[key])
    return out
