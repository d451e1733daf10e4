"""A report's incident totals: how many were killed and injured in the incident it is about.

The rules, in order (documented in the eval's README section and tested one by one):
1. Only killed/injured figures count; war-long totals ("the war has killed 370,000") never do. A period total
   ("clashes have killed 14 so far") is used only when the report gives no incident figure of that kind.
2. A figure right after "including", "among them", "of whom" is part of one already counted and is skipped.
3. Within one sentence, figures for different victim groups add up ("seven soldiers and one civilian" -> 8),
   unless one figure equals the sum of the others (a total followed by its breakdown).
4. The first sentence with a figure of a kind (the lead) sets it. A later sentence then:
   - updates it when it states a toll ("the toll rose to 12", "later died"): the larger figure wins;
   - is ignored when it is about another incident ("last month", "in retaliation", "a separate attack");
   - adds to it when it says so ("also", "another", "two more");
   - otherwise, when it differs (sources disagree, or the lead was partial), the larger figure wins. We take the
     maximum rather than the first or the lowest: a later, fuller count is more often right in news reports,
     and one rule for both cases keeps the output predictable.
"""

from __future__ import annotations

from collections.abc import Sequence

from truceline.model import Quantity
from truceline.quantities.extract import find_quantities
from truceline.quantities.periods import PeriodCues, period_cues
from truceline.text import sentence_at, split_sentences

_COUNTED = ("killed", "injured")


def _sentence_value(values: list[int]) -> int:
    """Rule 3: sum distinct groups, unless the largest figure is the sum of the others (a breakdown)."""
    if len(values) > 1:
        top = max(values)
        if top * 2 == sum(values):
            return top
    return sum(values)


def _combine(sentences: list[tuple[str, int]], cues: PeriodCues) -> int | None:
    """Rule 4 over (sentence text, figure) pairs in text order."""
    total: int | None = None
    for sentence, value in sentences:
        if total is None:
            total = value
        elif cues.update.search(sentence):
            total = max(total, value)
        elif cues.other_incident.search(sentence):
            continue
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
    incident: dict[str, dict[int, list[int]]] = {kind: {} for kind in _COUNTED}
    period: dict[str, dict[int, list[int]]] = {kind: {} for kind in _COUNTED}
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
            period[q.kind].setdefault(index, []).append(q.value)
        else:
            incident[q.kind].setdefault(index, []).append(q.value)
    result: list[int | None] = []
    for kind in _COUNTED:
        chosen = incident[kind] or period[kind]
        pairs = [(text[bounds[i][0] : bounds[i][1]], _sentence_value(v)) for i, v in sorted(chosen.items())]
        result.append(_combine(pairs, cues))
    return result[0], result[1]
