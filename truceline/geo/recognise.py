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


@dataclass(slots=True)
class Found:
    mentions: list[Mention]
    demonyms: list[str]  # ISO-2 codes of demonyms seen ("Syrian" -> "SY"), in text order


def _cap(word: str) -> bool:
    return word[:1].isupper()


class _Tokens:
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


def recognise(text: str, gaz: Gazetteer) -> Found:
    toks = _Tokens(text, gaz)
    found: dict[tuple[int, int], Mention] = {}
    demonyms: list[str] = []
    person_parts: set[str] = set()
    single: list[tuple[int, Mention]] = []
    i, n = 0, len(toks.words)
    caps = toks.cap
    while i < n:
        if not caps[i]:
            i += 1
            continue
        word = toks.words[i]
        folded = fold(word)
        if folded in gaz.demonyms:
            demonyms.append(gaz.demonyms[folded])
        best = _longest(toks, i, folded)
        if best is None:
            i += 1
            continue
        j, key = best
        end = toks.ends[j] + (1 if key in gaz.dotted and text[toks.ends[j] : toks.ends[j] + 1] == "." else 0)
        mention = Mention(toks.starts[i], end, text[toks.starts[i] : end], key, gaz.lookup(key))
        mention.locative = toks.spaced(i - 1) and "locative" in toks.kinds(i - 1)
        verdict = _plausible(toks, i, j, mention)
        if verdict == "ok":
            found[(i, j)] = mention
            if i == j:
                single.append((i, mention))
        elif verdict in ("tail", "head"):
            # Names come back alone: "Charlie Chen ... Chen said", "Jae Lee ... Jae told".
            person_parts.add(word if i == j else toks.words[j])
        i = j + 1
    for i, mention in single:
        # "Bruce Chen ... Chen said": a word already seen inside a person's name is that person again.
        if mention.text in person_parts and not mention.locative and not _strong(mention, gaz):
            del found[(i, i)]
    _apply_patterns(toks, found)
    _extend_suffixes(toks, found)
    _extend_official_names(toks, found)
    _facilities(toks, found)
    mentions: list[Mention] = []
    for m in sorted(found.values(), key=lambda m: (m.start, -m.end)):
        if mentions and m.start < mentions[-1].end:
            continue  # inside a longer name found by a later pass ("D.C." in "Washington, D.C.")
        mentions.append(m)
    return Found(mentions, demonyms)


def _strong(mention: Mention, gaz: Gazetteer) -> bool:
    return any(gaz.kind[e] in STRONG_KINDS for e in mention.entries[:3])


def _longest(toks: _Tokens, i: int, folded: str) -> tuple[int, str] | None:
    gaz = toks.gaz
    first = folded.split(" ", 1)[0] if folded else ""
    limit = gaz.first_parts.get(first, 0)
    if not limit:
        return None
    best: tuple[int, str] | None = None
    j = i
    parts = len(folded.split())
    while True:
        if toks.cap[j] or toks.words[j][:1].isdigit():
            key = name_key(toks.text[toks.starts[i] : toks.ends[j]])
            if key in gaz.exact:
                best = (j, key)
        if parts >= limit or not toks.joined(j):
            break
        nxt = toks.words[j + 1]
        if not (_cap(nxt) or nxt[:1].isdigit() or toks.kinds(j + 1) & {"particle", "connector"}):
            break
        j += 1
        parts += len(fold(nxt).split()) or 1
    return best


def _plausible(toks: _Tokens, i: int, j: int, mention: Mention) -> str:
    """'ok', or why a hit is rejected: 'word' (common word, acronym), 'tail' or 'head' of a longer proper name."""
    gaz = toks.gaz
    folded = fold(mention.text)
    if folded in gaz.demonyms or folded in gaz.stopwords:
        return "word"
    if mention.key in gaz.dotted and toks.text[mention.end - 1 : mention.end] != ".":
        return "word"  # "Mass." is Massachusetts; "Mass" without the full stop is not
    if i == j and toks.sentence_initial(i) and toks.words[i].lower() in toks.lower_words:
        return "word"
    strong = _strong(mention, gaz)
    if i == j and toks.words[i].isupper() and toks.words[i].isalpha() and len(toks.words[i]) <= 4:
        # An acronym ("EU", "UN", "NATO") names a country, region or curated place, never a hamlet called Eu.
        mention.entries = tuple(e for e in mention.entries if _acronym_target(gaz, e))
        if not mention.entries:
            return "word"
    curated = any(not gaz.source[e].startswith("geonames") for e in mention.entries[:1])
    if i == j and len(mention.key.replace(" ", "")) <= 2 and mention.key.isalpha() and not (strong or curated):
        return "word"
    if strong:
        return "ok"
    top = mention.entries[0]
    if gaz.population[top] >= BIG_CITY and name_key(gaz.name[top]) == mention.key:
        return "ok"
    if toks.joined(i - 1) and toks.cap[i - 1]:
        prev = toks.words[i - 1].lower()
        # A sentence-initial "In" or "The" is an ordinary word; a sentence-initial "Charlie" is a first name.
        initial_word = toks.sentence_initial(i - 1) and (prev in toks.lower_words or prev in gaz.stopwords)
        common = bool(toks.kinds(i - 1)) or initial_word
        if not common:
            return "tail"  # "Hulusi Akar": the tail of a person's or an organisation's name
    after = j + 2 if toks.particle_join(j) else j + 1
    continues = toks.joined(after - 1) and toks.cap[after]
    if continues and not toks.kinds(after) & {"head", "region", "settlement", "suffix", "facility"}:
        return "head"  # "Vladimir Putin", "Ahmad al-Atrash", "Aleppo Media Centre"
    return "ok"


def _acronym_target(gaz: Gazetteer, e: int) -> bool:
    return gaz.kind[e] in STRONG_KINDS or not gaz.source[e].startswith("geonames")


def _apply_patterns(toks: _Tokens, found: dict[tuple[int, int], Mention]) -> None:
    """'X province', 'X and Y provinces', 'province of X', 'the town of X', 'north of X' (plus enclosing region)."""
    for k in [k for k, kinds in enumerate(toks.kind) if kinds]:
        word, kinds = toks.words[k], toks.kind[k]
        if word == "city":
            run = toks.run_before(k)
            if run:
                _force(toks, found, run, "settlement", only_known=True)
        if "region" in kinds:
            run = toks.run_before(k)
            if run:
                _force(toks, found, run, "region")
                and_at = run[0] - 1
                if and_at > 0 and toks.words[and_at] == "and" and toks.spaced(and_at - 1):
                    other = toks.run_before(and_at)
                    if other:
                        _force(toks, found, other, "region")
        if kinds & {"region", "settlement", "direction"} and k + 2 < len(toks) and toks.words[k + 1] == "of":
            if not (toks.spaced(k) and toks.spaced(k + 1)):
                continue
            run = toks.run_after(k + 2)
            if not run:
                continue
            hint = "region" if "region" in kinds else "near" if "direction" in kinds else "settlement"
            mention = _force(toks, found, run, hint)
            if mention is not None and hint == "settlement":
                _enclosing(toks, k, mention)


def _extend_suffixes(toks: _Tokens, found: dict[tuple[int, int], Mention]) -> None:
    """'Benue State', 'Suffolk County', 'Idlib province': the admin word is part of the name."""
    gaz = toks.gaz
    for (i, j), m in list(found.items()):
        suffix = toks.words[j + 1] if j + 1 < len(toks) else ""
        if not ("suffix" in toks.kinds(j + 1) and toks.spaced(j) and _cap(suffix)) or suffix.endswith("s"):
            continue  # "Idlib province" keeps its name as "Idlib"; "Benue State" is the name itself
        top = m.entries[0] if m.entries else None
        if top is not None and (
            gaz.kind[top] in ("country", "continent")
            or (gaz.kind[top] == "admin1" and gaz.country[top] == "US" and suffix == "State")
        ):
            continue
        m.end = toks.ends[j + 1]
        m.text = toks.text[m.start : m.end]
        m.hint = m.hint or "region"
        del found[(i, j)]
        found[(i, j + 1)] = m


def _facilities(toks: _Tokens, found: dict[tuple[int, int], Mention]) -> None:
    """'Royal Street', 'Al-Shifa Hospital', 'Manila Cathedral': a capitalised run closed by a facility word.

    Such names are rarely in the gazetteer; the resolver places them in the town inside their name or, failing
    that, in the town the report is about.
    """
    gaz = toks.gaz
    for k in [k for k, kinds in enumerate(toks.kind) if "facility" in kinds and toks.cap[k]]:
        run = toks.run_before(k)
        if run is None:
            continue
        i = run[0]
        while i < k and ("article" in toks.kinds(i) or fold(toks.words[i]) in gaz.demonyms):
            i += 1  # "the Syrian Al-Shifa Hospital" -> "Al-Shifa Hospital"; "South Kilburn Estate" stays whole
        if i >= k:
            continue
        inside = [(a, b) for (a, b) in found if a <= k and i <= b]
        if any(a < i or b > k for a, b in inside):
            continue  # a longer known name already covers part of it
        inner: tuple[int, ...] = ()
        for span in inside:
            inner = inner or found[span].entries
            del found[span]
        text = toks.text[toks.starts[i] : toks.ends[k]]
        key = name_key(text)
        mention = Mention(toks.starts[i], toks.ends[k], text, key, gaz.lookup(key), "facility", True)
        mention.inner = inner
        mention.locative = toks.spaced(i - 1) and "locative" in toks.kinds(i - 1)
        found[(i, k)] = mention


_STATE_WORDS = frozenset(("Republic", "Kingdom", "Federation", "Commonwealth", "Sultanate", "Emirate", "Principality"))


def _extend_official_names(toks: _Tokens, found: dict[tuple[int, int], Mention]) -> None:
    """'Republic of Armenia', 'Islamic Republic of Iran', 'Washington, D.C.': the whole official name."""
    gaz = toks.gaz
    for (i, j), m in list(found.items()):
        top = m.entries[0] if m.entries else None
        if top is None:
            continue
        if gaz.kind[top] == "country" and i >= 2 and toks.words[i - 1] == "of" and toks.spaced(i - 2):
            if toks.words[i - 2] in _STATE_WORDS and toks.spaced(i - 1):
                run = toks.run_before(i - 1) or (i - 2, i - 2)
                start = run[0]
                while start < i - 2 and "article" in toks.kind[start]:
                    start += 1
                m.start = toks.starts[start]
                m.text = toks.text[m.start : m.end]
                del found[(i, j)]
                found[(start, j)] = m
        elif toks.text[m.end : m.end + 6] == ", D.C.":
            m.end += 6
            m.text = toks.text[m.start : m.end]


def _trim(toks: _Tokens, run: tuple[int, int]) -> tuple[tuple[int, int] | None, str | None]:
    """Drop leading demonyms and common words ("Syrian Idlib" -> "Idlib"), remembering the demonym's country."""
    gaz = toks.gaz
    i, j = run
    country = None
    while i <= j:
        folded = fold(toks.words[i])
        if folded in gaz.demonyms:
            country = gaz.demonyms[folded]
        elif folded not in gaz.stopwords and not toks.kinds(i) & {"particle", "connector"}:
            break
        i += 1
    while j >= i and (fold(toks.words[j]) in gaz.stopwords or toks.kinds(j) & {"particle", "connector"}):
        j -= 1
    return ((i, j) if i <= j else None), country


def _force(
    toks: _Tokens, found: dict[tuple[int, int], Mention], run: tuple[int, int], hint: str, only_known: bool = False
) -> Mention | None:
    trimmed, country = _trim(toks, run)
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
        mention = Mention(toks.starts[i], toks.ends[j], text, key, toks.gaz.lookup(key))
        found[(i, j)] = mention
    mention.hint, mention.forced = hint, True
    mention.country_hint = mention.country_hint or country
    return mention


def _enclosing(toks: _Tokens, k: int, mention: Mention) -> None:
    """'the Idlib province village of X': the region word and the name before the settlement noun."""
    at = k - 1
    if at >= 0 and "region" in toks.kinds(at):
        run = toks.run_before(at)
        if run:
            trimmed, _ = _trim(toks, run)
            if trimmed:
                mention.region = toks.text[toks.starts[trimmed[0]] : toks.ends[trimmed[1]]]
                return
    run = toks.run_before(k)
    if run:
        trimmed, country = _trim(toks, run)
        mention.country_hint = mention.country_hint or country
        if trimmed:
            mention.region = toks.text[toks.starts[trimmed[0]] : toks.ends[trimmed[1]]]
