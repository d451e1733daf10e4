"""Sets of day intervals: the publication date's candidates, narrowed one constraint at a time.

A constraint is a union of [lo, hi] intervals ("June 13 fell on a Thursday in 2013, 2019 and 2024: the report
came out within a week after one of those"); intersecting keeps the candidates every trusted clue allows.
"""

from __future__ import annotations

from datetime import date, timedelta

Span = tuple[date, date]


def intersect(a: list[Span], b: list[Span]) -> list[Span]:
    out: list[Span] = []
    for lo1, hi1 in a:
        for lo2, hi2 in b:
            lo, hi = max(lo1, lo2), min(hi1, hi2)
            if lo <= hi:
                out.append((lo, hi))
    return merge(out)


def merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def hull(spans: list[Span]) -> Span:
    return min(s[0] for s in spans), max(s[1] for s in spans)


def days(span: Span) -> int:
    return (span[1] - span[0]).days + 1
