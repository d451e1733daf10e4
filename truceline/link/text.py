"""Words, names and shingles of a report: the pure text features linking compares.

Three views of one report, each built from its title and cleaned body alone:

- ``terms``: content words (lower case, spaCy's English stop words dropped, a trailing possessive cut), numbers
  as ``#33``, each counted with the title and the first ``LEAD_LINES`` lines weighted ``LEAD_WEIGHT`` times (the
  happening a report is about sits in its headline and lead), then sublinear: ``1 + log(count)``.
- ``names``: capitalised words inside a sentence (not its first word, unless the line is a Title Case headline), without
  weekday, month and time-zone words: who and where a report is about ("rahman", "saraqib").
- ``shingles``: overlapping runs of ``SHINGLE`` lower-case words, for near-duplicate detection (MinHash).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache

LEAD_LINES = 3
LEAD_WEIGHT = 3.0
SHINGLE = 5
MAX_TERMS = 300  # the report's strongest terms kept (by count) so stored vectors stay small

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")
_LOWER_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_CALENDAR = frozenset(
    re.findall(
        r"\w+",
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
        " september october november december jan feb mar apr jun jul aug sep sept oct nov dec pm am et est edt gmt"
        " pst pdt cst cdt ist bst utc cet mr mrs ms dr",
    )
)


@cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "reported", "reuters", "ap", "afp"}


def _lines(title: str | None, body: str) -> list[tuple[str, bool]]:
    out = [(title, True)] if title and title.strip() else []
    out.extend((line, False) for line in body.split("\n") if line.strip())
    return out


def _norm(token: str) -> str:
    low = token.lower().replace("’", "'")
    return low[:-2] if low.endswith("'s") else low


def _title_case(tokens: list[str]) -> bool:
    words = [t for t in tokens if t[0].isalpha()]
    return len(words) > 1 and sum(1 for t in words if t[0].isupper()) > 0.6 * len(words)


def terms_and_names(title: str | None, body: str) -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """(terms, names, lead names) of a report; see the module docstring. Weights are sublinear counts."""
    stops = stop_words()
    terms: dict[str, float] = {}  # weighted counts
    names: dict[str, float] = {}
    lead: set[str] = set()
    body_lines = 0
    for line, is_title in _lines(title, body):
        tokens = _WORD.findall(line)
        in_lead = is_title or body_lines < LEAD_LINES
        weight = LEAD_WEIGHT if in_lead else 1.0
        if not is_title:
            body_lines += 1
        headline = _title_case(tokens)
        for i, tok in enumerate(tokens):
            low = _norm(tok)
            if low in stops or (len(low) < 2 and not low.isdigit()):
                continue
            if tok[0].isdigit():
                key = "#" + low.replace(",", "")
                terms[key] = terms.get(key, 0.0) + weight
                continue
            terms[low] = terms.get(low, 0.0) + weight
            if tok[0].isupper() and (i > 0 or headline) and low not in _CALENDAR and len(low) > 2:
                names[low] = names.get(low, 0.0) + weight
                if in_lead:
                    lead.add(low)
    return _sublinear(terms, MAX_TERMS), _sublinear(names, MAX_TERMS), frozenset(lead)


def _sublinear(counts: Mapping[str, float], cap: int) -> dict[str, float]:
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
    return {t: round(1.0 + math.log(c), 4) for t, c in top if c > 0}


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Overlapping runs of `size` lower-case words ("turkish soldiers were killed in"); short texts give one."""
    words = _LOWER_WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def cosine(u: dict[str, float], v: dict[str, float], weight: dict[str, float] | None = None) -> float:
    """Cosine of two sparse vectors, each term scaled by `weight` (an idf, say) when given; 0 for an empty one."""
    if not u or not v:
        return 0.0
    if weight is None:
        small, large = (u, v) if len(u) <= len(v) else (v, u)
        num = sum(x * large.get(t, 0.0) for t, x in small.items())
        nu = math.sqrt(sum(x * x for x in u.values()))
        nv = math.sqrt(sum(x * x for x in v.values()))
    else:
        num = sum(x * v.get(t, 0.0) * weight.get(t, 1.0) ** 2 for t, x in u.items())
        nu = math.sqrt(sum((x * weight.get(t, 1.0)) ** 2 for t, x in u.items()))
        nv = math.sqrt(sum((x * weight.get(t, 1.0)) ** 2 for t, x in v.items()))
    return num / (nu * nv) if nu and nv else 0.0
