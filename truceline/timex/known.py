"""Dated anchors (truceline/data/known_dates.yaml): when a war began, when an agreement was signed.

Two uses: a report saying "agreed last September" about an agreement known to date from September a year
earlier is resolved to that September rather than the latest one; and "the eight-year-old civil war" dates the
report itself (truceline.timex.pubdate_text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from truceline.errors import ModelError
from truceline.timex.context import Candidate
from truceline.timex.tense import clause_bounds

_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class KnownDate:
    id: str
    kind: str
    date: date
    what: str
    cues: tuple[tuple[str, ...], ...]
    source: str

    def applies_to(self, sentence: str) -> bool:
        return self.applies_to_lower(sentence.lower())

    def applies_to_lower(self, low: str) -> bool:
        """`applies_to` on a sentence already in lower case (one lowering for all the rows, not one per row)."""
        return all(any(cue in low for cue in group) for group in self.cues)


@cache
def known_dates() -> tuple[KnownDate, ...]:
    try:
        text = resources.files("truceline.data").joinpath("known_dates.yaml").read_text(encoding="utf-8")
        rows = yaml.safe_load(text)
        return tuple(
            KnownDate(
                id=str(r["id"]),
                kind=str(r["kind"]),
                date=r["date"] if isinstance(r["date"], date) else date.fromisoformat(str(r["date"])),
                what=str(r["what"]),
                cues=tuple(tuple(str(c).lower() for c in group) for group in r["cues"]),
                source=str(r["source"]),
            )
            for r in rows
        )
    except (FileNotFoundError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"truceline/data/known_dates.yaml is unreadable ({exc}); restore it from git") from exc


# The rows that can re-date a month or month-day the anchor resolved: agreements and days that name events.
_OVERRIDE_KINDS = ("agreement", "named-day")


@cache
def _override_months() -> frozenset[int]:
    return frozenset(k.date.month for k in known_dates() if k.kind in _OVERRIDE_KINDS)


@cache
def _rows_and_gate(kinds: tuple[str, ...]) -> tuple[tuple[KnownDate, ...], re.Pattern[str] | None]:
    """The rows of these kinds, and one pattern of the cues of their first groups: a row applies only when one of
    its first group's cues is in the sentence, so a sentence the pattern does not find in applies to no row (most
    sentences name no known date; one search instead of a test per row)."""
    rows = tuple(k for k in known_dates() if k.kind in kinds)
    cues = sorted({cue for k in rows for cue in k.cues[0]}, key=len, reverse=True)
    if not rows or not all(cues):
        return rows, None  # an empty cue is in every sentence: no gate
    return rows, re.compile("|".join(map(re.escape, cues)))


def matching(sentence: str, kinds: tuple[str, ...] = ("war", "agreement", "event")) -> list[KnownDate]:
    low = sentence.lower()
    rows, gate = _rows_and_gate(kinds)
    if gate is not None and gate.search(low) is None:
        return []
    return [k for k in rows if k.applies_to_lower(low)]


def known_month_override(text: str, cand: Candidate, anchor: date) -> str | None:
    """A month or month-day resolved from the anchor ("last September" -> 2019-09, "Jan. 12" -> 2021-01-12)
    that the sentence ties to a known agreement of that month (day) a year or two earlier (the September 2018
    Sochi deal, the 12 January 2020 truce) is re-dated to the agreement; a month-day that names an event ("the
    September 11 attacks") is that event's day, however long ago."""
    if cand.type != "DATE" or not cand.anchored:
        return None
    m = _MONTH_VALUE.match(cand.value)
    if not m or re.search(r"\d{4}|['’]\d\d\b", text[cand.start : cand.end]):
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if month not in _override_months():
        return None  # the common case, settled before looking at the sentence
    day = int(m.group(3)) if m.group(3) else None
    left, right = clause_bounds(text, cand.start, cand.end)
    for known in matching(text[left:right], _OVERRIDE_KINDS):
        if known.date.month != month or known.date.year == year or known.date > anchor:
            continue
        if known.kind == "named-day":
            if day == known.date.day:
                return known.date.isoformat()  # "the September 11 attacks": the day that names them
            continue
        if day is None and known.date.year == year - 1:
            return f"{known.date.year:04d}-{month:02d}"
        if day == known.date.day and year - 2 <= known.date.year < year:
            return known.date.isoformat()
    return None
