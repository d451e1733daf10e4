"""A report's incident totals: how many were killed and injured in the incident it is about.

The rules, in order (documented in the eval's README section and tested one by one):
1. Only killed/injured figures count; war-long totals ("the war has killed 370,000", any total of 1,000 or more)
   never do. A period total ("clashes have killed 14 so far", "105 civilians since April 28") is used only when
   the report gives no incident figure of either kind: then the period is what the report is about.
2. A figure right after "including", "among them", "of whom" is part of one already counted and is skipped;
   a vague one ("dozens", "hundreds") or one "among the dead" counts only when there is no other figure of its
   kind.
3. Within one clause, figures for different victim groups add up ("seven soldiers and one civilian" -> 8),
   unless one of three or more figures equals the sum of the others (a total and its breakdown). Clauses of one
   sentence ("..., while ...", "...; ...") add up when they name different groups, and are read as two sources
   for one toll (the larger wins) when they name the same group or a generic one ("people", none).
4. A sentence about another incident ("last month", "in retaliation", "a separate attack") is ignored, unless it
   is the report's first sentence with a figure (then it is the incident the report is about).
5. The first remaining sentence with a figure of a kind (the lead) sets it. A later sentence then:
   - updates it when it states a toll ("the toll rose to 12", "later died"): the larger figure wins;
   - adds to it when it says so ("also", "another", "two more") about a group not counted yet;
   - adds to it when it names a victim group not named before ("19 militants ..." then "two soldiers ...");
   - otherwise, when it differs (sources disagree, or the lead was partial), the larger figure wins. We take the
     maximum rather than the first or the lowest: a later, fuller count is more often right in news reports,
     and one rule for both cases keeps the output predictable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from truceline.model import Quantity
from truceline.quantities.extract import clause_bounds, clause_breaks, find_quantities
from truceline.quantities.numbers import number_patterns
from truceline.quantities.periods import PeriodCues, period_cues
from truceline.text import sentence_at, split_sentences

_COUNTED = ("killed", "injured")
# "another in Al-Bara", "a third was hurt": one more victim, though the noun is left out.
_ELIDED = re.compile(r"(?:another|an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b", re.I)
# Period totals this large are a campaign's, not one flare-up's ("1,300 civilians killed since then").
_WAR_SCALE = 1000
_WEAK = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|among\s+(?:the|those))\b", re.IGNORECASE)
_GENERIC_WHO = frozenset({"people", "persons", "individuals", "civilians", "victims"})
# A figure read from a toll ("the death toll rose to 9") updates the count instead of adding to it.
_TOLL = re.compile(r"\btoll\b|\bnumber\s+of\b|\bcount\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Row:
    """One sentence's figure of one kind, with what the combining rules need to know about it."""

    index: int
    sentence: str
    value: int
    toll: bool
    heads: frozenset[str]  # head nouns of the victim groups ("soldiers", "civilians")
    generic: bool  # a figure for "people" or with no noun: it may restate any other


def _head(q: Quantity) -> str | None:
    return q.who.split()[-1].lower() if q.who else None


def _generic(q: Quantity) -> bool:
    head = _head(q)
    return head is None or head in _GENERIC_WHO


def _adds(q: Quantity) -> bool:
    """A later figure in a clause adds when it names its group, or its noun and verb were left out ("... and
    three in the second"); a bare "25 were hospitalised" after "59 people were hurt" restates part of it."""
    return bool(q.who or _ELIDED.match(q.text) or number_patterns().mention.fullmatch(q.text))


def _clause_value(group: list[Quantity]) -> int:
    """Rule 3 in one clause: groups add up, a total and its breakdown do not, a bare restatement is a source."""
    adding = [q.value for n, q in enumerate(group) if n == 0 or _adds(q)]
    total = sum(adding)
    if len(adding) > 2 and max(adding) * 2 == total:
        total = max(adding)
    restated = [q.value for n, q in enumerate(group) if n > 0 and not _adds(q)]
    return max([total, *restated])


def _sentence_row(index: int, sentence: str, sentence_start: int, figures: list[Quantity]) -> _Row:
    """Rule 3 across the clauses of one sentence: "4 people were killed, while the council reported 6 dead" is two
    sources for one toll (the larger wins); "three soldiers died in X; two civilians died in Y" is two groups."""
    breaks = clause_breaks(sentence)
    clauses: dict[int, list[Quantity]] = {}
    for q in figures:
        clauses.setdefault(clause_bounds(breaks, len(sentence), q.start - sentence_start)[0], []).append(q)
    total: int | None = None
    heads: set[str] = set()
    generic = False
    for group in clauses.values():
        value = _clause_value(group)
        group_heads = {h for q in group if (h := _head(q))}
        group_generic = any(_generic(q) for q in group)
        if total is None:
            total = value
        elif group_generic or generic or group_heads & heads:
            total = max(total, value)
        else:
            total += value
        heads |= group_heads
        generic = generic or group_generic
    return _Row(index, sentence, total or 0, False, frozenset(heads), generic)


def _combine(rows: list[_Row], first: int, cues: PeriodCues) -> int | None:
    """Rules 4-5 over the rows of one kind in text order; `first` is the index of the report's lead sentence."""
    total: int | None = None
    heads: set[str] = set()
    generic = False
    for row in rows:
        sentence = row.sentence
        updates = row.toll or bool(cues.update.search(sentence))
        if row.index != first and not updates and cues.other_incident.search(sentence):
            continue
        if total is None:
            total = row.value
        elif updates:
            total = max(total, row.value)
        elif cues.additive.search(sentence) and heads.isdisjoint(row.heads):
            total += row.value  # "two more", "also": unless it names the group already counted (a restatement)
        elif not (row.generic or generic) and heads.isdisjoint(row.heads):
            total += row.value  # another group of victims named in its own sentence
        else:
            total = max(total, row.value)
        heads |= row.heads
        generic = generic or row.generic
    return total


def _drop_weak_beside_firm(by_sentence: dict[int, list[Quantity]]) -> None:
    """Rule 2b: a vague figure ("dozens") or one "among the dead" counts only when the report gives no other figure
    of its kind ("11 of our fighters were killed ..., adding that the regime had lost dozens of men" is 11)."""
    figures = [q for group in by_sentence.values() for q in group]
    if not any(_WEAK.search(q.text) for q in figures) or all(_WEAK.search(q.text) for q in figures):
        return
    for index in list(by_sentence):
        kept = [q for q in by_sentence[index] if not _WEAK.search(q.text)]
        if kept:
            by_sentence[index] = kept
        else:
            del by_sentence[index]


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
            if q.value >= _WAR_SCALE or cues.war_long(text[start:end]):
                continue
            period[q.kind].setdefault(index, []).append(q)
        else:
            incident[q.kind].setdefault(index, []).append(q)
    for table in (incident, period):
        for kind in _COUNTED:
            _drop_weak_beside_firm(table[kind])
    has_incident = any(incident[kind] for kind in _COUNTED)
    chosen = {kind: incident[kind] if has_incident else period[kind] for kind in _COUNTED}
    first = min((i for kind in _COUNTED for i in chosen[kind]), default=-1)
    result: list[int | None] = []
    for kind in _COUNTED:
        rows: list[_Row] = []
        for i, figures in sorted(chosen[kind].items()):
            sentence = text[bounds[i][0] : bounds[i][1]]
            plain = [q for q in figures if not _TOLL.search(q.text)]
            if plain:
                rows.append(_sentence_row(i, sentence, bounds[i][0], plain))
            rows.extend(_Row(i, sentence, q.value, True, frozenset(), True) for q in figures if _TOLL.search(q.text))
        result.append(_combine(rows, first, cues))
    return result[0], result[1]
