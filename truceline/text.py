"""Text helpers shared by the stages: sentence boundaries as character offsets, without a parser.

Splitting sentences with a rule-based pass (instead of spaCy's parser) is what lets the pipeline parse only the
sentences that may hold an event: the rest of the text never reaches spaCy.

The split costs time linear in the text's length whatever the text holds (a 50 MB line, a million full stops, a
token of a million letters), and no sentence is longer than MAX_SENTENCE_CHARS: a longer run without a sentence
end (a scraped table, a list with no full stops) is cut at its last space before that length, so what reaches the
parser is always sentence-sized.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

# Words that end with a full stop without ending a sentence (titles, months, initials handled separately).
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "brig",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "est",
        "approx",
        "fig",
        "al",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    }
)

# A candidate boundary: sentence-final punctuation, optional closing quotes/brackets, whitespace.
# Possessive, and only from the start of a run of stops: a run of a million full stops (or of closing quotes) not
# followed by a space is given up at once instead of being retried from each of its characters.
_BOUNDARY = re.compile(r"""(?<![.!?…])[.!?…]++["'”’»)\]]*+(?=\s)""")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_NON_SPACE = re.compile(r"\S")
# No real sentence is this long (news sentences rarely pass 600 characters); spaCy parses pieces of this size fast.
MAX_SENTENCE_CHARS = 3_000
# The longest word read as a possible abbreviation ("approx", "u.s", initials): longer words never are one, and
# looking no further back keeps a million-letter token from being rescanned at each of its full stops.
_ABBREVIATION_MAX = 16
_WORD_OPENERS = "(\"'“‘"


def _ends_with_abbreviation(text: str, dot_index: int) -> bool:
    if text[dot_index] != ".":
        return False
    start = dot_index
    floor = max(0, dot_index - _ABBREVIATION_MAX - 1)
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _WORD_OPENERS:
        if start == floor:
            return False  # a longer word than any abbreviation
        start -= 1
    word = text[start:dot_index].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("George W. Bush") and dotted acronyms ("U.S.") do not end sentences.
    if len(word) == 1 and word.isalpha():
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _next_starts_sentence(text: str, pos: int) -> bool:
    found = _NON_SPACE.search(text, pos)  # not text[pos:].lstrip(): that copies the rest of the text at each stop
    if found is None:
        return True
    first = found.group()
    return first.isupper() or first.isdigit() or first in "\"'“‘(["


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in `text`, trimmed of surrounding whitespace.

    Line breaks always end a sentence (scraped reports put one paragraph per line); inside a line, a full stop,
    question or exclamation mark ends one unless it closes an abbreviation or an initial, or the next word
    starts in lower case.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        line_end = para.start() if para else len(text)
        _split_line(text, line_start, line_end, spans)
        if para is None:
            break
        line_start = para.end()
    return spans


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    seg_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        last_punct = m.start() + len(m.group().rstrip("\"'”’»)]")) - 1
        abbreviation = _ends_with_abbreviation(text, last_punct) and not text[m.start() : m.end()].startswith("...")
        if abbreviation and (not _next_starts_sentence(text, m.end()) or text[last_punct - 1 : last_punct].isalpha()):
            # "Mr. Kalin", "Jan. 12": an abbreviation followed by a name or number continues the sentence.
            continue
        if not _next_starts_sentence(text, m.end()):
            continue
        _append_trimmed(text, seg_start, m.end(), out)
        seg_start = m.end()
    _append_trimmed(text, seg_start, end, out)


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while True:
        found = _NON_SPACE.search(text, start, end)  # a run of spaces is skipped in one step, however long
        start = found.start() if found else end
        if end - start <= MAX_SENTENCE_CHARS:
            break
        # Too long for a sentence: cut at the last space of the first MAX_SENTENCE_CHARS (in its second half), else
        # right there.
        cut = start + MAX_SENTENCE_CHARS
        space = max(text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, cut), text.rfind("\t", start, cut))
        piece_end = space if space > start + MAX_SENTENCE_CHARS // 2 else cut
        _append_piece(text, start, piece_end, out)
        start = piece_end
    _append_piece(text, start, end, out)


def _append_piece(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    found = _NON_SPACE.search(text, start, end)
    start = found.start() if found else end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def sentence_at(sentences: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the sentence containing character `offset`, or None."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = sentences[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return mid
    return None


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _HasStart(Protocol):
    @property
    def start(self) -> int: ...


T = TypeVar("T", bound=_HasStart)


class StartIndex(Generic[T]):
    """Mentions (anything with a `start` offset) and, in O(log n), those starting in [start, end), in their own order.

    For stages that look at one sentence's mentions at a time: filtering the whole list for each sentence costs
    sentences x mentions, quadratic in a report's length. A list not in text order is filtered as before."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = items
        self._starts = [x.start for x in items]
        self._ordered = all(a <= b for a, b in zip(self._starts, self._starts[1:], strict=False))

    def within(self, start: int, end: int) -> Sequence[T]:
        if not self._ordered:
            return [x for x in self.items if start <= x.start < end]
        return self.items[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
