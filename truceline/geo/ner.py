"""Merging spaCy entity spans (when the pipeline has them) into the gazetteer's mentions.

NER is good at span boundaries and at telling people from places; the gazetteer is good at knowing places. So:
a GPE/LOC/FAC span replaces the gazetteer hits inside it (its boundaries win; its own name is looked up, else the
inner hit's candidates are kept); an unknown GPE/LOC span becomes an unresolved place; hits inside a PERSON span
are dropped ("Vladimir" in "Vladimir Putin"). ORG spans are left alone: "Washington" in "Washington Post" is still
a toponym, just not where anything happened.
"""

from __future__ import annotations

from collections.abc import Sequence

from truceline.geo.gazetteer import Gazetteer
from truceline.geo.normalise import fold, name_key
from truceline.geo.recognise import STRONG_KINDS, Found, Mention

PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))


def merge_ner(found: Found, text: str, ner: Sequence[tuple[int, int, str]], gaz: Gazetteer) -> None:
    mentions = found.mentions
    for start, end, label in sorted(ner):
        if not (0 <= start < end <= len(text)):
            continue
        inside = [m for m in mentions if m.start < end and start < m.end]
        if label == "PERSON":
            for m in inside:
                if not m.forced and not any(gaz.kind[e] in STRONG_KINDS for e in m.entries[:1]):
                    mentions.remove(m)
            continue
        if label not in PLACE_LABELS:
            continue
        span = text[start:end]
        folded = fold(span)
        if folded in gaz.demonyms or folded in gaz.stopwords or not span[:1].isupper():
            continue
        if any(m.start == start and m.end == end for m in inside):
            continue
        if any(m.start < start or m.end > end for m in inside):
            continue  # NER cut a name the gazetteer knows whole: keep ours
        key = name_key(span)
        entries = gaz.lookup(key)
        if not entries and len(inside) == 1:
            entries = inside[0].entries
        merged = Mention(start, end, span, key, entries, forced=True)
        for m in inside:
            merged.hint = merged.hint or m.hint
            merged.locative = merged.locative or m.locative
            merged.region = merged.region or m.region
            mentions.remove(m)
        mentions.append(merged)
    mentions.sort(key=lambda m: m.start)
