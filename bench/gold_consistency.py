"""How often a TimeML gold set disagrees with itself on deictic expressions.

For every gold TIMEX3 whose text has no digits, month or weekday names ("last week", "a year ago", "the quarter"),
the value is rewritten relative to the document's creation date ("last week" in a W44 document -> "W-1"). A
resolver that sees only the phrase and the creation date can get at most the commonest rewrite of each phrase
right; the rest is the floor of its errors on that set, whatever its rules.

    .venv/bin/python bench/gold_consistency.py ../shared/eval/timeml/TBAQ-cleaned [--show 20]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from truceline.eval.timeml import load

_NAMED = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\d",
    re.I,
)


def relative(value: str, dct: date) -> str:
    """`value` written relative to `dct` (week, day, month, quarter or year offsets); other values unchanged."""
    if m := re.fullmatch(r"(\d{4})-W(\d\d?)(.*)", value):
        year, week, _ = dct.isocalendar()
        return f"W{(int(m[1]) - year) * 52 + int(m[2]) - week}{m[3]}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(.*)", value):
        try:
            return f"D{(date(int(m[1]), int(m[2]), int(m[3])) - dct).days}{m[4]}"
        except ValueError:
            return value
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return f"M{(int(m[1]) - dct.year) * 12 + int(m[2]) - dct.month}"
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        return f"Q{(int(m[1]) - dct.year) * 4 + int(m[2]) - (dct.month - 1) // 3 - 1}"
    if m := re.fullmatch(r"(\d{4})(.*)", value):
        return f"Y{int(m[1]) - dct.year}{m[2]}"
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a folder of .tml (or CAT XML) files")
    parser.add_argument("--show", type=int, default=15, help="how many of the most inconsistent phrases to list")
    args = parser.parse_args()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in load(args.path):
        if doc.dct is None:
            continue
        for gold in doc.gold:
            phrase = " ".join(doc.text[gold.start : gold.end].lower().split())
            if not _NAMED.search(phrase):
                forms[phrase][relative(gold.value, doc.dct)] += 1
    total = sum(sum(c.values()) for c in forms.values())
    spread = sorted(
        ((sum(c.values()) - c.most_common(1)[0][1], phrase, c) for phrase, c in forms.items()), reverse=True
    )
    floor = sum(n for n, _, _ in spread)
    for n, phrase, counts in spread[: args.show]:
        if n:
            print(f"{n:4d}  {phrase!r}: {dict(counts)}")
    print(f"deictic gold values: {total}; at odds with the commonest form of their phrase: {floor}")


if __name__ == "__main__":
    main()
