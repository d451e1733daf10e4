"""Combining one report's figures into the incident's totals: which add up, which restate, which update.

The reading of the report (sentences, page furniture, figures and victims) is truceline/quantities/incident.py;
this module holds the rules that turn the figures of one kind into one total, sentence by sentence.

Within a sentence (`sentence_row`):
- Figures for different victim groups add up ("seven soldiers and one civilian" -> 8), unless one of three or
  more figures equals the sum of the others (a total and its breakdown).
- Clauses of one sentence ("..., while ...", "...; ...") add up when they name different groups, and are read as
  two sources for one toll (the larger wins) when they name the same group or a generic one ("people", none).

Across sentences (`combine`), in text order; a sentence about another incident ("last month", "in
retaliation", "a separate attack") is skipped unless it is the report's first sentence with a figure. The first
remaining row sets the total; a later row:
- updates it when it states a toll ("the toll rose to 12", "later died"): the larger figure wins;
- adds to it when it says so ("also", "another", "two others") and names victims not counted yet ("a woman",
  "two others"; not "the boy" or "he", who may be counted already);
- adds to it when it names a victim group not named before ("19 militants ..." then "two soldiers ...");
- otherwise, when it differs (sources disagree, the lead was partial, a victim is described again), the larger
  figure wins: a later, fuller count is more often right in news reports, and one rule keeps output predictable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from truceline.model import Quantity
from truceline.quantities.extract import clause_bounds, clause_breaks
from truceline.quantities.numbers import number_patterns
from truceline.quantities.periods import PeriodCues

# "another in Al-Bara", "a third was hurt": one more victim, though the noun is left out.
_ELIDED = re.compile(r"(?:another|an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b", re.I)
_GENERIC_WHO = frozenset({"people", "persons", "individuals", "civilians", "victims", "others"})
# A figure read from a toll ("the death toll rose to 9") updates the count instead of adding to it.
TOLL = re.compile(r"\btoll\b|\bnumber\s+of\b|\bcount\b", re.IGNORECASE)
_SINGLE = re.compile(r"(?:an?|the|his|her|their|its|another|one\s+more)\s", re.IGNORECASE)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Row:
    """One sentence's figure of one kind, with what the combining rules need to know about it."""

    index: int
    sentence: str
    value: int
    toll: bool
    heads: frozenset[str]  # head nouns of the victim groups ("soldiers", "civilians")
    generic: bool  # a figure for "people", a lone person or no noun: it may restate any other
    evidence: tuple[Span, ...] = ()  # the phrases the value was read from, offsets into the report
    fresh: bool = True  # names victims that cannot be ones already counted ("a woman", "two others")
    additive: bool = False  # says it adds ("also", "another", "two others")
    restates: bool = False  # names a victim already named ("the father and two children were wounded")
    shot: bool = False  # counts victims hit whose fate it leaves open ("six people were shot")


@dataclass(frozen=True, slots=True)
class Combined:
    value: int | None
    evidence: tuple[Span, ...]


def _head(q: Quantity) -> str | None:
    return q.who.split()[-1].lower() if q.who else None


def _generic(q: Quantity) -> bool:
    head = _head(q)
    # "the man died", "a soldier was killed": one person, who may be the one another sentence describes
    return head is None or head in _GENERIC_WHO or (q.value == 1 and bool(_SINGLE.match(q.text)))


def _adds(q: Quantity) -> bool:
    """A later figure in a clause adds when it names its group, or its noun and verb were left out ("... and
    three in the second"); a bare "25 were hospitalised" after "59 people were hurt" restates part of it."""
    return bool(q.who or _ELIDED.match(q.text) or number_patterns().mention.fullmatch(q.text))


def _clause_value(group: list[Quantity]) -> int:
    adding = [q.value for n, q in enumerate(group) if n == 0 or _adds(q)]
    total = sum(adding)
    if len(adding) > 2 and max(adding) * 2 == total:
        total = max(adding)
    restated = [q.value for n, q in enumerate(group) if n > 0 and not _adds(q)]
    return max([total, *restated])


def sentence_row(index: int, sentence: str, sentence_start: int, figures: Sequence[Quantity]) -> Row:
    """The within-sentence rules for numbered figures of one kind (see the module docstring)."""
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
    spans = tuple((q.start, q.end) for q in figures)
    return Row(index, sentence, total or 0, False, frozenset(heads), generic, spans)


def toll_rows(index: int, sentence: str, figures: Sequence[Quantity]) -> list[Row]:
    return [Row(index, sentence, q.value, True, frozenset(), True, ((q.start, q.end),)) for q in figures]


@dataclass(slots=True)
class SentenceCues:
    """Which sentences update a toll and which tell of another incident, read once per sentence."""

    cues: PeriodCues
    other: re.Pattern[str]
    _seen: dict[int, tuple[bool, bool]] = field(default_factory=dict)

    def read(self, row: Row) -> tuple[bool, bool]:
        """(updates a toll, is about another incident) for the row's sentence."""
        if row.index not in self._seen:
            self._seen[row.index] = (bool(self.cues.update.search(row.sentence)), bool(self.other.search(row.sentence)))
        return self._seen[row.index]


def combine(rows: list[Row], first: int, sentence_cues: SentenceCues) -> Combined:
    """The across-sentence rules over the rows of one kind in text order; `first` is the lead sentence's index."""
    total: int | None = None
    evidence: tuple[Span, ...] = ()
    heads: set[str] = set()
    generic = False
    for row in rows:
        update_cue, other_cue = sentence_cues.read(row)
        updates = row.toll or update_cue
        if row.index != first and not updates and row.fresh and other_cue:
            continue  # "last month, an ambush killed 11"; not "the man who died last week", who is ours
        if total is None:
            total, evidence = row.value, row.evidence
        elif updates:
            if row.value > total:
                total, evidence = row.value, row.evidence
        elif row.additive and row.fresh and heads.isdisjoint(row.heads):
            total += row.value  # "two more", "a woman was also shot": unless it names the group already counted
            evidence += row.evidence
        elif not (row.generic or generic) and heads.isdisjoint(row.heads):
            total += row.value  # another group of victims named in its own sentence
            evidence += row.evidence
        elif row.value > total:
            total, evidence = row.value, row.evidence
        heads |= row.heads
        generic = generic or row.generic
    return Combined(total, evidence)
