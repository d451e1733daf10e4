"""Which sentences of a crawled report are page furniture rather than the report: never read for its victims.

A crawled page keeps what sat around the story: video playlists ("1:48 Man surrenders after Fresno standoff"),
newsletter and copyright lines, "READ MORE" links, the headlines of related stories after the body, captions
repeated under a gallery. A casualty figure read from any of them belongs to another incident, or to none.

The rules, each a cheap test on one line (lines are the unit: scraped reports put one paragraph per line):
1. A line matching one of the `noise_lines` patterns of truceline/data/victims.yaml.
2. A sentence that repeats an earlier one word for word (captions under a gallery, a headline printed twice)
   adds nothing; it is dropped so that it is never counted twice.
3. A headline-shaped line after the story has begun: no closing full stop and at most 16 words, in title case
   or not. The report's own title is the first line and is kept; headlines of related stories come later. A line
   that opens with "UPDATE", "BREAKING" or "NEW" is the report's own news told later ("UPDATE: the teen has
   died") and is read.
4. A line in capitals after the title: a broadcast transcript retelling the story loosely.
"""

from __future__ import annotations

import re
from functools import cache

from truceline.quantities.victim_grammar import grammar

_TERMINAL = re.compile(r"""[.!?]["'”’)\]]*\s*\Z""")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LONG = 400
_UPDATE = re.compile(r"\s*(?:update|breaking|new)\b", re.IGNORECASE)  # the report's own news, told later
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


@cache
def _noise_pattern() -> re.Pattern[str]:
    expressions = grammar().raw.get("noise_lines") or []
    return re.compile("|".join(f"(?:{e})" for e in expressions) or "(?!)", re.MULTILINE | re.IGNORECASE)


def _headline_shaped(line: str) -> bool:
    if _TERMINAL.search(line) or _UPDATE.match(line):
        return False
    # title case or not: related stories are headlined in either ("Driver dies after crash on I-75")
    return 2 <= len(_WORD.findall(line)) <= 16


def _shouted(line: str) -> bool:
    """A broadcast transcript in capitals, which retells the story loosely ("A CHILD WAS SHOT ...")."""
    upper, lower = len(_UPPER.findall(line)), len(_LOWER.findall(line))
    return upper + lower >= 40 and upper >= 0.8 * (upper + lower)


def _is_body(line: str) -> bool:
    return bool(_TERMINAL.search(line)) and len(_WORD.findall(line)) >= 8


def noise_sentences(text: str, bounds: list[tuple[int, int]]) -> set[int]:
    """Indices (into `bounds`, the report's sentences) of sentences that are page furniture."""
    pattern = _noise_pattern()
    noise: set[int] = set()
    seen: set[str] = set()
    body_started = False
    line_noise: dict[int, bool] = {}  # line start -> is the whole line furniture
    for index, (start, end) in enumerate(bounds):
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in line_noise:
            line_end = text.find("\n", start)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            # furniture is short; a long line is a paragraph of the report even if it names a newsletter
            furniture = (len(line) <= _LONG and bool(pattern.search(line))) or (
                index > 0 and ((body_started and _headline_shaped(line)) or _shouted(line))
            )
            line_noise[line_start] = furniture
            body_started = body_started or (index > 0 and _is_body(line))
        key = " ".join(text[start:end].lower().split())
        if line_noise[line_start] or key in seen:
            noise.add(index)
        seen.add(key)
    return noise
