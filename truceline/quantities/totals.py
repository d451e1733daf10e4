"""A report's incident totals: how many were killed and injured in the incident it is about.

The rules, in order (documented in the eval's README section and tested one by one):
1. Only killed/injured figures count; war-long totals ("the war has killed 370,000") never do. A period total
   ("clashes have killed 14 so far") is used only when the report gives no incident figure of that kind.
2. A figure right after "including", "among them", "of whom" is part of one already counted and is skipped.
3. Within one sentence, figures for different victim groups add up ("seven soldiers and one civilian" -> 8),
   unless one of three or more figures equals the sum of the others (a total and its breakdown).
4. A sentence about another incident ("last month", "in retaliation", "a separate attack") is ignored, unless it
   is the report's first sentence with a figure (then it is the incident the report is about).
5. The first remaining sentence with a figure of a kind (the lead) sets it. A later sentence then:
   - updates it when it states a toll ("the toll rose to 12", "later died"): the larger figure wins;
   - adds to it when it says so ("also", "another", "two more");
   - otherwise, when it differs (sources disagree, or the lead was partial), the larger figure wins. We take the
     maximum rather than the first or the lowest: a later, fuller count is more often right in news reports,
     and one rule for both cases keeps the output predictable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from truceline.model import Quantity
from truceline.quantities.extract import find_quantities
from truceline.quantities.periods import PeriodCues, period_cues
from truceline.text import sentence_at, split_sentences

_COUNTED = ("killed", "injured")
# A figure read from a toll ("the death toll rose to 9") updates the count instead of adding to it.
_TOLL = re.compile(r"\btoll\b|\bnumber\s+of\b|\bcount\b", re.IGNORECASE)


def _sentence_value(values: list[int]) -> int:
    """Rule 3: sum distinct groups, unless the largest figure is the sum of the others (a breakdown)."""
    if len(values) > 2:
        top = max(values)
        if top * 2 == sum(values):
            return top
    return sum(values)


def _combine(rows: list[tuple[int, str, int, bool]], first: int, cues: PeriodCues) -> int | None:
    """Rules 4-5 over (sentence index, sentence text, figure, is a toll) in text order; `first`: the lead sentence."""
    total: int | None = None
    for index, sentence, value, toll in rows:
        if index != first and not toll and cues.other_incident.search(sentence) and not cues.update.search(sentence):
            continue
        if total is None:
            total = value
        elif toll or cues.update.search(sentence):
            total = max(total, value)
        elif cues.additive.search(sentence):
            total += value
        else:
            total = max(total, value)
    return total


def incident_totals(text: str, quantities: Sequence[Quantity] | None = None) -> tuple[int | None, int | None]:
    """(killed, injured) for the incident the report is about, each None when the report gives no figure."""
    if quantities is None:
        quantities = find_quantities(text)
    if not quantities:
        return None, None
    cues = period_cues()
    bounds = split_sentences(text)
    incident: dict[str, dict[int, list[Quantity]]] = {kind: {} for kind in _COUNTED}
    period: dict[str, dict[int, list[Quantity]]] = {kind: {} for kind in _COUNTED}
    for q in quantities:
        if q.kind not in _COUNTED:
            continue
        index = sentence_at(bounds, q.start)
        if index is None:
            continue
        start, end = bounds[index]
        if cues.subset_before.search(text, max(start, q.start - 40), q.start):
            continue
        if q.cumulative:
            if q.since is not None or cues.war_long(text[start:end]):
                continue
            period[q.kind].setdefault(index, []).append(q)
        else:
            incident[q.kind].setdefault(index, []).append(q)
    chosen = {kind: incident[kind] or period[kind] for kind in _COUNTED}
    first = min((i for kind in _COUNTED for i in chosen[kind]), default=-1)
    result: list[int | None] = []
    for kind in _COUNTED:
        rows: list[tuple[int, str, int, bool]] = []
        for i, figures in sorted(chosen[kind].items()):
            sentence = text[bounds[i][0] : bounds[i][1]]
            plain = [q.value for q in figures if not _TOLL.search(q.text)]
            if plain:
                rows.append((i, sentence, _sentence_value(plain), False))
            rows.extend((i, sentence, q.value, True) for q in figures if _TOLL.search(q.text))
        result.append(_combine(rows, first, cues))
    return result[0], result[1]
