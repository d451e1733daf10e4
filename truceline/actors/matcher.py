"""Finding dictionary forms in a text: a token trie built once, walked once per token.

Python's `re` tries the branches of a long alternation one by one, so a regex of thousands of names is slow; a
trie keyed by lower-cased tokens costs one dict look-up per token of the text. Case is checked after the look-up,
per token of the form: a lower-case form ("regime") matches any case, a capitalised form ("Ankara") needs a
capital, an acronym ("UN", "HTS") needs capitals throughout, so "us" is never the United States.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from truceline.actors.entries import Entry

# Dotted acronyms ("U.S.", "U.N."), a possessive "'s" as its own token (so "Russia's" matches "Russia"), words
# with inner hyphens or apostrophes ("al-Qaeda", "Hay'at"). Curly apostrophes are straightened first.
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|'[sS]\b|[^\W_]+(?:-[^\W_]+|'(?![sS]\b)[^\W_]+)*")
_ANY, _CAPITAL, _UPPER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one text as parallel lists (fast to build, fast to index)."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    lows: list[str]


def tokenize(text: str) -> Tokens:
    """Tokens with character offsets (straightening "’" keeps every offset: one character for one)."""
    norm = text.replace("’", "'")
    found = list(TOKEN.finditer(norm))
    words = [m.group() for m in found]
    return Tokens([m.start() for m in found], [m.end() for m in found], words, [w.lower() for w in words])


def _requirement(token: str) -> int:
    if not token[0].isupper():
        return _ANY
    letters = [c for c in token if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return _UPPER
    return _CAPITAL


def _satisfies(word: str, need: int, relaxed: bool) -> bool:
    if need == _ANY:
        return True
    if need == _CAPITAL:
        return relaxed or word[0].isupper()
    return word.isupper() or (relaxed and word[0].isupper() and len(word) > 3)


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens [first, last) of a text matched by one form of an entry."""

    first: int
    last: int
    entry: Entry


class _Node:
    __slots__ = ("children", "payloads")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.payloads: list[tuple[tuple[int, ...], Entry]] = []


class Matcher:
    """Every form of every entry in one trie; later entries win over earlier ones for the same form."""

    def __init__(self, entries: list[Entry]) -> None:
        self._root = _Node()
        for entry in entries:
            for form in entry.forms:
                self.add(form, entry)

    def add(self, form: str, entry: Entry) -> None:
        tokens = tokenize(form).words
        if not tokens:
            return
        node = self._root
        for token in tokens:
            key = token.lower()
            child = node.children.get(key)
            if child is None:
                child = node.children[key] = _Node()
            node = child
        needs = tuple(_requirement(t) for t in tokens)
        if entry.case == "first":
            needs = (needs[0],) + (_ANY,) * (len(needs) - 1)
        node.payloads.append((needs, entry))

    def split_nationalities(self, tokens: Tokens) -> Tokens:
        """'Russian-Turkish' is two nationality words, so "joint Russian-Turkish patrols" can be both sides' patrols:
        a hyphenated token whose every part is a capitalised nationality word (a demonym form) becomes its parts.
        Any other hyphenated word ("Russian-backed", "al-Qaeda") stays one token."""
        if not any("-" in w for w in tokens.words):
            return tokens
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for start, word in zip(tokens.starts, tokens.words, strict=True):
            parts = word.split("-")
            if len(parts) > 1 and all(self._nationality(p) for p in parts):
                at = start
                for part in parts:
                    starts.append(at)
                    ends.append(at + len(part))
                    words.append(part)
                    at += len(part) + 1
            else:
                starts.append(start)
                ends.append(start + len(word))
                words.append(word)
        return Tokens(starts, ends, words, [w.lower() for w in words])

    def _nationality(self, word: str) -> bool:
        node = self._root.children.get(word.lower())
        return (
            node is not None
            and word[:1].isupper()
            and any(entry.kind == "demonym" and len(needs) == 1 for needs, entry in node.payloads)
        )

    def matches(self, tokens: Tokens, *, relaxed: bool = False) -> list[Match]:
        """The longest valid match at each token, then the longest non-overlapping set, in text order."""
        words, lows = tokens.words, tokens.lows
        root = self._root.children
        found: list[Match] = []
        n = len(lows)
        for i in [i for i, low in enumerate(lows) if low in root]:
            node = root.get(lows[i])
            best: Match | None = None
            j = i
            while node is not None:
                j += 1
                for needs, entry in reversed(node.payloads):
                    if all(_satisfies(words[i + k], need, relaxed) for k, need in enumerate(needs)):
                        best = Match(i, j, entry)
                        break
                node = node.children.get(lows[j]) if j < n else None
            if best is not None:
                found.append(best)
        if len(found) < 2:
            return found
        taken = [False] * n
        chosen: list[Match] = []
        for m in sorted(found, key=lambda m: (m.first - m.last, m.first)):
            if not any(taken[m.first : m.last]):
                taken[m.first : m.last] = [True] * (m.last - m.first)
                chosen.append(m)
        chosen.sort(key=lambda m: m.first)
        return chosen
