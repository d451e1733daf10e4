"""A report can touch more than one story: an Idlib report that ends on Turkish troops sent to Libya. After a report
is placed, each of its passages (paragraphs) long enough to judge that reads less like the report's own story than
the report does as a whole is offered to the other stories its words point to; it is attached to one when the story
scorer accepts it there and it reads more like that story than like its own. The stories offered are those the
report itself could have joined: filed under the passage's keys in the months before the report (any month when it
is undated). The events whose sentences lie in an attached passage then belong to that story
(truceline/link/canonical.py). A passage never founds a story: a digression is not a situation until reports are
written about it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from truceline.link.cluster import JOIN, STORY_CANDIDATES, Linker, index_keys, story_window, tfidf
from truceline.link.features import Report
from truceline.link.score import features
from truceline.link.text import terms_and_names
from truceline.store.link import Group

MIN_WORDS = 25
MAX_PASSAGES = 8  # per report: the longest ones, so a very long report costs the same as a long one
OWN_SHARE = 0.5  # a passage is offered elsewhere when its likeness to its story is under this share of the report's


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the body (reports keep one paragraph per line)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]


def _likeness(vector: dict[str, float], group: Group) -> float:
    n = max(group.n_reports, 1)
    return sum(x * group.centroid.get(t, 0.0) for t, x in vector.items()) / n


def attach(linker: Linker, rep: Report, story: Group) -> list[tuple[int, int, str, float]]:
    """Attach the report's digressing passages to other stories; returns (start, end, story id, probability)."""
    spans = [(s, e) for s, e in paragraphs(rep.body) if len(rep.body[s:e].split()) >= MIN_WORDS]
    if linker.scorer is None or len(spans) < 2 or story.n_reports < 2:
        return []
    spans = sorted(spans, key=lambda se: se[0] - se[1])[:MAX_PASSAGES]
    whole = _likeness(tfidf(rep.terms, linker.idf), story)
    attached: list[tuple[int, int, str, float]] = []
    for start, end in sorted(spans):
        terms, names, _ = terms_and_names(None, rep.body[start:end])
        if not terms:
            continue
        part = replace(rep, title=None, body=rep.body[start:end], terms=terms, names=names, lead=frozenset(names))
        vector = tfidf(terms, linker.idf)
        own = _likeness(vector, story)
        if own >= OWN_SHARE * whole:
            continue
        ids = linker.tables.story_candidates(index_keys(part, vector), *story_window(rep), STORY_CANDIDATES)
        best: tuple[float, str] | None = None
        for other in linker.tables.groups("link_stories", [i for i in ids if i != story.id]):
            # a story of one report is a situation reports are written about (the first report of a story that
            # leaves its year open is linked after the dated ones, so the story may hold one report when another's
            # digression reaches it)
            if _likeness(vector, other) <= own:
                continue
            members = [linker.member_vector(a, raw) for a, raw in linker.tables.members("story_id", other.id, 20)]
            row = features("story", part, vector, other, members, linker.idf)
            prob = linker.probability("story", row)
            linker.compared += 1
            if prob >= JOIN["story"] and (best is None or prob > best[0]):
                best = (prob, other.id)
        if best is not None:
            linker.tables.add_passage(rep.id, start, end, best[1], round(best[0], 4))
            attached.append((start, end, best[1], best[0]))
    return attached
