"""Tokens of a report and the mention records the recogniser passes between its steps.

Per-token facts (capitalised? which context kinds?) are computed once per text: the matcher and every pattern
ask them many times, and this is what keeps recognition near a millisecond per report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from truceline.geo.gazetteer import Gazetteer

# A word, a dotted acronym ("U.S."), or a word with inner apostrophes ("Ma'arrat"); never "'s" or "'m".
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]\w*(?:['’‘`ʿ](?!(?:s|m|ll|re|ve|d|t)\b)\w+)*")
_JOINERS = frozenset((" ", "-", "\u00a0", "‑"))
_DOTTED_PREFIXES = frozenset(("St", "Ft", "Mt"))  # "St. Louis": the full stop does not end the name
_ENGLISH_PARTICLES = frozenset(("at", "as", "an", "ad", "es"))
_SENTENCE_END = frozenset('.!?"“”:;•|')
STRONG_KINDS = frozenset(("country", "admin1", "continent"))
BIG_CITY = 200_000  # a name this well known is kept even next to other capitalised words ("Toronto Police")
MAX_RUN = 5


@dataclass(slots=True)
class Mention:
    """A candidate toponym span with its gazetteer candidates and what its context says about it."""

    start: int
    end: int
    text: str
    key: str
    entries: tuple[int, ...] = ()
    hint: str = ""  # "region" (X province), "settlement" (town of X), "near" (north of X), "" otherwise
    forced: bool = False  # a pattern vouches for it: kept even when the gazetteer does not know it
    locative: bool = False  # introduced by a locative preposition ("in X")
    region: str | None = None  # enclosing region named with it ("the Idlib province village of X")
    country_hint: str | None = None  # ISO-2 from a demonym before it ("the Syrian town of X")
    inner: tuple[int, ...] = ()  # for "Manila Cathedral": the candidates of the place inside the name
    common: int = 0  # a one-word name that is also an English word: its grade (truceline.geo.words)
    initial: bool = False  # a one-word name opening a sentence ("Aid groups said ...")


@dataclass(slots=True)
class Found:
    mentions: list[Mention]
    demonyms: list[tuple[str, int]]  # (ISO-2, start) of each demonym seen ("Syrian" -> "SY"), in text order


class Tokens:
    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        matches = list(TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [m.group() for m in matches]
        self.lower_words = {w for w in self.words if w.islower()}
        # Per-token facts computed once: the matcher and the patterns ask them many times.
        self.cap = [w[:1].isupper() for w in self.words]
        context, empty = gaz.context, frozenset[str]()
        self.kind = [context.get(w.lower(), empty) for w in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def kinds(self, i: int) -> frozenset[str]:
        return self.kind[i] if 0 <= i < len(self.kind) else frozenset()

    def joined(self, i: int) -> bool:
        """True when token i and i+1 are separated by one space or hyphen (same name possible)."""
        if i < 0 or i + 1 >= len(self.words):
            return False
        gap = self.text[self.ends[i] : self.starts[i + 1]]
        return gap in _JOINERS or (gap == ". " and self.words[i] in _DOTTED_PREFIXES)

    def spaced(self, i: int) -> bool:
        """True when token i and i+1 are separated only by whitespace (same clause)."""
        return i >= 0 and i + 1 < len(self.words) and not self.text[self.ends[i] : self.starts[i + 1]].strip()

    def sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.text[self.ends[i - 1] : self.starts[i]]
        before = gap.strip()
        return "\n" in gap or (bool(before) and before[-1] in _SENTENCE_END)

    def particle_join(self, j: int) -> bool:
        """Token j+1 is a name particle that links token j to a capitalised token j+2 ("Maaret al-Numan")."""
        if not (self.joined(j) and "particle" in self.kinds(j + 1) and self.joined(j + 1) and self.cap[j + 2]):
            return False
        # "at", "as", "an" are English words too: as particles they are hyphenated ("Tall at-Tamr").
        return self.words[j + 1] not in _ENGLISH_PARTICLES or self.text[self.ends[j + 1]] == "-"

    def run_after(self, i: int) -> tuple[int, int] | None:
        """The capitalised run starting at token i (name particles allowed inside), as token indices [i, j]."""
        if i >= len(self.words) or not self.cap[i]:
            return None
        j = i
        while j - i < MAX_RUN:
            if self.joined(j) and self.cap[j + 1]:
                j += 1
            elif self.particle_join(j):
                j += 2
            else:
                break
        return i, j

    def run_before(self, i: int) -> tuple[int, int] | None:
        """The capitalised run ending at token i-1."""
        j = i - 1
        if j < 0 or not self.spaced(j) or not self.cap[j]:
            return None
        while j > 0 and i - j < MAX_RUN:
            if self.joined(j - 1) and self.cap[j - 1]:
                j -= 1
            elif j > 1 and self.cap[j - 2] and self.particle_join(j - 2):
                j -= 2
            else:
                break
        return j, i - 1


class Spans(dict[tuple[int, int], Mention]):
    """Mentions keyed by token span [i, j], with a per-token owner index so overlaps are found in O(span length).

    The pattern passes ask "what already covers tokens i..j?" for every hit; scanning all mentions each time
    would make long texts quadratic.
    """

    def __init__(self, size: int) -> None:
        super().__init__()
        self.owner: list[tuple[int, int] | None] = [None] * size

    def __setitem__(self, span: tuple[int, int], mention: Mention) -> None:
        super().__setitem__(span, mention)
        for t in range(span[0], min(span[1], len(self.owner) - 1) + 1):
            self.owner[t] = span

    def __delitem__(self, span: tuple[int, int]) -> None:
        super().__delitem__(span)
        for t in range(span[0], min(span[1], len(self.owner) - 1) + 1):
            if self.owner[t] == span:
                self.owner[t] = None

    def overlapping(self, i: int, j: int) -> list[tuple[int, int]]:
        """Spans sharing a token with [i, j], each once, in text order."""
        seen: dict[tuple[int, int], None] = {}
        for t in range(max(i, 0), min(j, len(self.owner) - 1) + 1):
            span = self.owner[t]
            if span is not None and span in self:
                seen[span] = None
        return list(seen)
