"""Text helpers shared by the stages: sentence boundaries as character offsets, without a parser.

Splitting sentences with a rule-based pass (instead of spaCy's parser) is what lets the pipeline parse only the
sentences that may hold an event: the rest of the text never reaches spaCy.
"""

from __future__ import annotations

import re

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
_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s)""")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def _ends_with_abbreviation(text: str, dot_index: int) -> bool:
    if text[dot_index] != ".":
        return False
    start = dot_index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'“‘":
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
    rest = text[pos:].lstrip()
    if not rest:
        return True
    first = rest[0]
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
    while start < end and text[start].isspace():
        start += 1
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
