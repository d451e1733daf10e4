"""Toponym recognition without a parser: gazetteer phrase matching over capitalised token runs, plus patterns.

Why not only NER: the pipeline parses just the sentences that may hold an event, and small NER models miss
transliterated village names. The matcher walks the text once, tries the longest gazetteer name that starts at
each capitalised token (pruned by the longest known name starting with that word), and rejects likely false hits
with stop-lists and context (person names, sentence-initial common words, the tail of a longer proper name).
Patterns ("X province", "the town of X", "north of X") also keep names the gazetteer does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from truceline.geo.gazetteer import Gazetteer
from truceline.geo.normalise import fold, name_key

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]\w*(?:['’‘`ʿ](?!s\b)\w+)*")
CONNECTORS = frozenset(
    [
        "al",
        "el",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ad",
        "az",
        "ez",
        "ed",
        "es",
        "de",
        "del",
        "della",
        "di",
        "du",
        "da",
        "dos",
        "das",
        "do",
        "la",
        "le",
        "les",
        "los",
        "las",
        "of",
        "the",
        "upon",
        "on",
        "sur",
        "y",
        "bin",
        "ibn",
        "bani",
        "ul",
    ]
)
# Inside a name the gazetteer does not know, only particles that are clearly part of names may join its words.
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ad",
        "az",
        "ez",
        "ed",
        "es",
        "de",
        "del",
        "di",
        "du",
        "da",
        "bin",
        "ibn",
        "bani",
        "ul",
    ]
)
_JOINERS = frozenset((" ", "-", "\u00a0", "‑"))
_SENTENCE_END = frozenset('.!?\n"“”:;•|')
STRONG_KINDS = frozenset(("country", "admin1", "continent"))
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


@dataclass(slots=True)
class Found:
    mentions: list[Mention]
    demonyms: list[str]  # ISO-2 codes of demonyms seen ("Syrian" -> "SY"), in text order


def _cap(word: str) -> bool:
    return word[:1].isupper()


class _Tokens:
    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [m.group() for m in matches]
        self.lower_words = {w for w in self.words if w.islower()}

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, i: int) -> bool:
        """True when token i and i+1 are separated by one space or hyphen (same name possible)."""
        return i + 1 < len(self.words) and self.text[self.ends[i] : self.starts[i + 1]] in _JOINERS

    def spaced(self, i: int) -> bool:
        """True when token i and i+1 are separated only by whitespace (same clause)."""
        return i + 1 < len(self.words) and not self.text[self.ends[i] : self.starts[i + 1]].strip()

    def sentence_initial(self, i: int) -> bool:
        before = self.text[self.ends[i - 1] if i else 0 : self.starts[i]].strip()
        return (
            i == 0
            or (bool(before) and before[-1] in _SENTENCE_END)
            or "\n" in self.text[self.ends[i - 1] : self.starts[i]]
        )

    def run_after(self, i: int) -> tuple[int, int] | None:
        """The capitalised run starting at token i (connectors allowed inside), as token indices [i, j]."""
        if i >= len(self.words) or not _cap(self.words[i]):
            return None
        j = last = i
        while j - i < MAX_RUN and self.joined(j):
            nxt = self.words[j + 1]
            if _cap(nxt):
                j += 1
                last = j
            elif nxt.lower() in NAME_PARTICLES and self.joined(j + 1) and _cap(self.words[j + 2]):
                j += 1
            else:
                break
        return i, last

    def run_before(self, i: int) -> tuple[int, int] | None:
        """The capitalised run ending at token i-1."""
        j = i - 1
        if j < 0 or not self.spaced(j) or not _cap(self.words[j]):
            return None
        first = j
        while j - 1 >= 0 and i - j < MAX_RUN and self.joined(j - 1):
            prev = self.words[j - 1]
            if _cap(prev):
                j -= 1
                first = j
            elif prev.lower() in NAME_PARTICLES and j - 2 >= 0 and self.joined(j - 2) and _cap(self.words[j - 2]):
                j -= 1
            else:
                break
        return first, i - 1


def recognise(text: str, gaz: Gazetteer) -> Found:
    toks = _Tokens(text)
    found: dict[tuple[int, int], Mention] = {}
    demonyms: list[str] = []
    i = 0
    while i < len(toks):
        word = toks.words[i]
        if not _cap(word):
            i += 1
            continue
        folded = fold(word)
        iso2 = gaz.demonyms.get(folded)
        if iso2:
            demonyms.append(iso2)
        best = _longest(toks, i, gaz, folded)
        if best is None:
            i += 1
            continue
        j, key = best
        mention = Mention(toks.starts[i], toks.ends[j], text[toks.starts[i] : toks.ends[j]], key, gaz.exact[key])
        mention.locative = i > 0 and toks.spaced(i - 1) and "locative" in gaz.context.get(toks.words[i - 1].lower(), ())
        if _plausible(toks, i, j, mention, gaz):
            found[(i, j)] = mention
        i = j + 1
    _apply_patterns(toks, gaz, found)
    mentions = sorted(found.values(), key=lambda m: m.start)
    return Found(mentions, demonyms)


def _longest(toks: _Tokens, i: int, gaz: Gazetteer, folded: str) -> tuple[int, str] | None:
    first = folded.split(" ", 1)[0] if folded else ""
    limit = gaz.first_parts.get(first, 0)
    if not limit:
        return None
    best: tuple[int, str] | None = None
    j = i
    parts = len(folded.split())
    while True:
        if _cap(toks.words[j]) or toks.words[j][:1].isdigit():
            key = name_key(toks.text[toks.starts[i] : toks.ends[j]])
            if key in gaz.exact:
                best = (j, key)
        if parts >= limit or not toks.joined(j):
            break
        nxt = toks.words[j + 1]
        if not (_cap(nxt) or nxt.lower() in CONNECTORS or nxt[:1].isdigit()):
            break
        j += 1
        parts += len(fold(nxt).split()) or 1
    return best


def _plausible(toks: _Tokens, i: int, j: int, mention: Mention, gaz: Gazetteer) -> bool:
    """Reject hits that are more likely a common word, a person's name or part of a longer proper name."""
    strong = any(gaz.kind[e] in STRONG_KINDS for e in mention.entries[:3])
    folded = fold(mention.text)
    if folded in gaz.demonyms:
        return False
    if folded in gaz.stopwords:
        return False
    if i == j and toks.sentence_initial(i) and toks.words[i].lower() in toks.lower_words:
        return False
    if strong:
        return True
    if i == j and toks.words[i].isupper() and len(toks.words[i]) <= 4:
        return False  # "UN", "NATO": acronyms, not the village of Nato
    if i > 0 and toks.joined(i - 1) and _cap(toks.words[i - 1]) and not toks.sentence_initial(i - 1):
        prev = toks.words[i - 1].lower()
        if "prefix" not in gaz.context.get(prev, ()) and prev not in gaz.stopwords:
            return False  # "Hulusi Akar": the tail of a person's or an organisation's name
    after = j + 1
    if toks.joined(j) and toks.words[after].lower() in NAME_PARTICLES and toks.joined(after):
        after += 1  # "Ahmad al-Atrash": a particle then a capitalised word continues a person's name
    if toks.joined(after - 1) and _cap(toks.words[after]):
        nxt = toks.words[after].lower()
        if not gaz.context.get(nxt, frozenset()) & {"head", "region", "settlement"}:
            return False  # "Vladimir Putin", "Aleppo Media Centre" style runs
    return True


def _apply_patterns(toks: _Tokens, gaz: Gazetteer, found: dict[tuple[int, int], Mention]) -> None:
    """'X province', 'X and Y provinces', 'province of X', 'the town of X', 'north of X' (plus enclosing region)."""
    for k, word in enumerate(toks.words):
        kinds = gaz.context.get(word.lower())
        if not kinds:
            continue
        if word == "city":
            run = toks.run_before(k)
            if run:
                _force(toks, gaz, found, run, "settlement", only_known=True)
        if "region" in kinds:
            run = toks.run_before(k)
            if run:
                _force(toks, gaz, found, run, "region")
                and_at = run[0] - 1
                if and_at > 0 and toks.words[and_at] == "and" and toks.spaced(and_at - 1):
                    other = toks.run_before(and_at)
                    if other:
                        _force(toks, gaz, found, other, "region")
        if kinds & {"region", "settlement", "direction"} and k + 2 < len(toks) and toks.words[k + 1] == "of":
            if not (toks.spaced(k) and toks.spaced(k + 1)):
                continue
            run = toks.run_after(k + 2)
            if not run:
                continue
            hint = "region" if "region" in kinds else "near" if "direction" in kinds else "settlement"
            mention = _force(toks, gaz, found, run, hint)
            if mention is not None and hint == "settlement":
                _enclosing(toks, gaz, k, mention)


def _trim(toks: _Tokens, gaz: Gazetteer, run: tuple[int, int]) -> tuple[tuple[int, int] | None, str | None]:
    """Drop leading demonyms and common words ("Syrian Idlib" -> "Idlib"), remembering the demonym's country."""
    i, j = run
    country = None
    while i <= j:
        folded = fold(toks.words[i])
        if folded in gaz.demonyms:
            country = gaz.demonyms[folded]
        elif folded not in gaz.stopwords and folded not in CONNECTORS:
            break
        i += 1
    while j >= i and (fold(toks.words[j]) in gaz.stopwords or toks.words[j].lower() in CONNECTORS):
        j -= 1
    return ((i, j) if i <= j else None), country


def _force(toks: _Tokens, gaz: Gazetteer, found: dict[tuple[int, int], Mention], run: tuple[int, int],
           hint: str, only_known: bool = False) -> Mention | None:  # fmt: skip
    trimmed, country = _trim(toks, gaz, run)
    if trimmed is None:
        return None
    i, j = trimmed
    if only_known and (i, j) not in found:
        return None
    for (a, b), existing in list(found.items()):
        if a <= j and i <= b and (a, b) != (i, j):
            if a <= i and j <= b and existing.entries:
                existing.hint, existing.forced = existing.hint or hint, True
                return existing
            del found[(a, b)]
    text = toks.text[toks.starts[i] : toks.ends[j]]
    mention = found.get((i, j))
    if mention is None:
        key = name_key(text)
        mention = Mention(toks.starts[i], toks.ends[j], text, key, gaz.exact.get(key, ()))
        found[(i, j)] = mention
    mention.hint, mention.forced = hint, True
    mention.country_hint = mention.country_hint or country
    return mention


def _enclosing(toks: _Tokens, gaz: Gazetteer, k: int, mention: Mention) -> None:
    """'the Idlib province village of X': the region word and the name before the settlement noun."""
    at = k - 1
    if at >= 0 and "region" in gaz.context.get(toks.words[at].lower(), ()):
        run = toks.run_before(at)
        if run:
            trimmed, _ = _trim(toks, gaz, run)
            if trimmed:
                mention.region = toks.text[toks.starts[trimmed[0]] : toks.ends[trimmed[1]]]
                return
    run = toks.run_before(k)
    if run:
        trimmed, country = _trim(toks, gaz, run)
        mention.country_hint = mention.country_hint or country
        if trimmed:
            mention.region = toks.text[toks.starts[trimmed[0]] : toks.ends[trimmed[1]]]
