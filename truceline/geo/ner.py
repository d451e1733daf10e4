"""Merging spaCy entity spans (when the pipeline has them) into the gazetteer's mentions.

NER is good at span boundaries and at telling people from places; the gazetteer is good at knowing places. So:
a GPE/LOC/FAC span replaces the gazetteer hits inside it (its boundaries win; its own name is looked up, else the
inner hit's candidates are kept); an unknown GPE/LOC span becomes an unresolved place; hits inside a PERSON span
are dropped ("Vladimir" in "Vladimir Putin"). ORG spans are left alone ("Washington" in "Washington Post" is still
a toponym, just not where anything happened), except one that is exactly a small place's name ("the Red Cross").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from truceline.geo.gazetteer import Gazetteer
from truceline.geo.normalise import fold, name_key
from truceline.geo.recognise import STRONG_KINDS, Found, Mention

PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))


def _person(m: Mention, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether a PERSON span overrules a gazetteer hit: always inside a longer name ("Vladimir Putin"); for a
    one-word PERSON span only when the place is small and unintroduced (small models call "Quneitra" a person)."""
    if m.forced or any(gaz.kind[e] in STRONG_KINDS for e in m.entries[:1]):
        return False
    if start < m.start or end > m.end:
        return True
    top = m.entries[0] if m.entries else None
    known = top is not None and (gaz.population[top] >= 15000 or not gaz.source[top].startswith("geonames"))
    return not (known or m.locative)


def _named_body(m: Mention, start: int, end: int, gaz: Gazetteer) -> bool:
    """An ORG span that is exactly a small place's name ("handed the hostages to the Red Cross"): the body, not the
    hamlet that shares its name. Big or introduced places stay ("the Washington Post" is not all of the span)."""
    if (m.start, m.end) != (start, end) or m.forced or m.locative or not m.entries:
        return False
    top = m.entries[0]
    return gaz.kind[top] in ("village", "town") and gaz.population[top] < 15000


def _introduced(text: str, start: int, gaz: Gazetteer) -> bool:
    before = text[max(0, start - 20) : start].split()
    words = [w.lower() for w in before[-3:]]
    return any("locative" in gaz.context.get(w, ()) or "settlement" in gaz.context.get(w, ()) for w in words)


def _skip_demonyms(text: str, start: int, end: int, gaz: Gazetteer) -> int:
    """'Syrian Idlib' -> 'Idlib': NER spans sometimes take the adjective in."""
    while True:
        space = text.find(" ", start, end)
        if space < 0 or fold(text[start:space]) not in gaz.demonyms:
            return start
        start = space + 1


def merge_ner(found: Found, text: str, ner: Sequence[tuple[int, int, str]], gaz: Gazetteer) -> None:
    original = sorted(found.mentions, key=lambda m: m.start)
    starts = [m.start for m in original]
    dropped: set[int] = set()  # ids of replaced or rejected gazetteer mentions
    added: list[Mention] = []
    for start, end, label in sorted(ner):
        if not (0 <= start < end <= len(text)):
            continue
        # Mentions are sorted and never overlap, so the ones touching [start, end) sit next to this position.
        at = max(0, bisect.bisect_left(starts, start) - 1)
        inside = []
        while at < len(original) and original[at].start < end:
            m = original[at]
            if start < m.end and id(m) not in dropped:
                inside.append(m)
            at += 1
        if label == "PERSON":
            dropped.update(id(m) for m in inside if _person(m, start, end, gaz))
            continue
        if label == "ORG":
            first = start + 4 if text[start : start + 4].lower() == "the " else start
            dropped.update(id(m) for m in inside if _named_body(m, first, end, gaz))
            continue
        if label not in PLACE_LABELS:
            continue
        start = _skip_demonyms(text, start, end, gaz)
        span = text[start:end]
        folded = fold(span)
        if folded in gaz.demonyms or folded in gaz.stopwords or not span[:1].isupper():
            continue
        if any(m.start == start and m.end == end for m in inside):
            continue
        if any(m.start < start or m.end > end for m in inside):
            continue  # NER cut a name the gazetteer knows whole: keep ours
        if len(inside) > 1:
            continue  # "Daraa and Quneitra" as one span: the gazetteer's two names are better
        key = name_key(span)
        entries = gaz.lookup(key) or (inside[0].entries if inside else ())
        if not entries and not _introduced(text, start, gaz):
            continue  # an unknown name is kept only when a preposition presents it as a place ("in X")
        if any(a.start < end and start < a.end for a in added[-3:]):
            continue  # NER spans overlapping each other: the first one stands
        merged = Mention(start, end, span, key, entries, forced=True)
        for m in inside:
            merged.hint, merged.locative, merged.region = m.hint, m.locative, m.region
            dropped.add(id(m))
        added.append(merged)
    kept = [m for m in original if id(m) not in dropped]
    found.mentions[:] = sorted(kept + added, key=lambda m: m.start)
