"""What reasoning over a report's text keeps: the candidate periods, the evidence, and every clue offered.

Each clue the text gives becomes a set of candidate intervals (truceline.timex.intervals); `Reasoning.apply`
narrows the candidates to it, or skips it when it contradicts the clues applied before (and says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from truceline.timex.context import Candidate
from truceline.timex.intervals import Span, intersect
from truceline.timex.tense import clause_bounds

WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(slots=True)
class Reasoning:
    spans: list[Span]
    evidence: list[str] = field(default_factory=list)
    news_days: list[date] = field(default_factory=list)  # days the report dates events to, by date and weekday
    weekdays: set[int] = field(default_factory=set)  # weekdays named in past or present clauses
    latest_explicit: date | None = None  # the latest full date the body recounts
    dateline_days: list[date] = field(default_factory=list)  # candidate days a year-less dateline names
    told_days: list[date] = field(default_factory=list)  # days the report calls today ("today, Monday 4 May")
    offered: list[tuple[str, list[Span]]] = field(default_factory=list)  # every clue offered, kept or not
    # the clues offered whose ends the text states by itself: one period, or a few the text names each of ("President
    # Bush": either presidency), not a sliver of every year a year-less day leaves
    stated: list[tuple[str, list[Span]]] = field(default_factory=list)

    def apply(self, clue: list[Span], why: str, *, periods_stated: bool = False) -> bool:
        """Narrow the candidates to `clue`, when they meet it. `periods_stated`: each period of the clue is one the
        text names (terms of office), so its ends bound the report as a single period's would."""
        if not clue:
            return False
        self.offered.append((why, clue))
        if periods_stated or len(clue) == 1:
            self.stated.append((why, clue))
        narrowed = intersect(self.spans, clue)
        if not narrowed:
            self.evidence.append(f"ignored (contradicts stronger clues): {why}")
            return False
        if narrowed != self.spans:
            self.spans = narrowed
            self.evidence.append(why)
        return True


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def sentence_of(text: str, cand: Candidate) -> str:
    left, right = clause_bounds(text, cand.start, cand.end)
    return text[left:right]


def c_text(text: str, c: Candidate) -> str:
    return text[c.start : c.end]


def tense_of(text: str, c: Candidate) -> str:
    """The tense of the clause `c` stands in: the tagger's reading when it made one, else tense.tense_at's."""
    if c.tense is not None:
        return c.tense
    return _tense_at(text, c.start, c.end)


@lru_cache(maxsize=4096)
def _tense_at(text: str, start: int, end: int) -> str:
    from truceline.timex.tense import tense_at

    return tense_at(text, start, end)
