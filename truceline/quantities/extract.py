"""Finding casualty and displacement figures: one pass over the number mentions of a text.

1. `cue_windows`: spans of text near a casualty word ("kill", "wound", "toll", "fled", "refugee"...); text far
   from all of them is never scanned (the number regex is the costly part).
2. In those spans, every number ("1,300", "seven", "half a million", "dozens"), or "a"/"the"/"his" before a
   singular who-word ("a Turkish soldier"), or an elided "another", is read with its qualifier and range.
3. The who-phrase to its right ("Turkish soldiers", "of its soldiers", "members of the security forces").
4. The cues of `patterns`, in order: toll, verb after, verb before, mover, noun; else coordination with the
   previous figure ("seven soldiers and one civilian").
5. The clause around the figure says whether it is a period or war-long total (`cumulative`, `since`).
6. Its sentence says who gives the figure (`according_to`, see `sources`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from truceline.model import Quantity
from truceline.quantities.numbers import parse_number, qualifier_name
from truceline.quantities.patterns import TRANSITIVE, Patterns, patterns
from truceline.quantities.periods import period_cues
from truceline.quantities.sources import Attribution, attributions, source_for
from truceline.quantities.vocab import KINDS, vocabulary
from truceline.text import sentence_at, split_sentences

# "no one was hurt", "neither the driver nor his passenger was injured"
_NEGATED = re.compile(r"(?<![\w-])(?:no|not|nor)\s+\Z", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+\Z")  # "the toll rose from 5 to 12": the range's top is the new toll
_ELIDED_FOLLOW = re.compile(r"\s+(?:in|at|on|near|from)\s", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# An age, not a head count: "Harewood, 35, of Hillsboro, was found dead", "boys between ages 12 and 16 were hurt".
_AGE_BEFORE = re.compile(
    r"(?:[A-Z][\w'’.-]*,\s*|\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?(?:\d{1,3}\s*(?:and|to|-|through)\s*)?)\Z"
)
_AGE_AFTER = re.compile(r"\s*,")
_VAGUE_OF = frozenset({"dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions"})


@dataclass(slots=True)
class _Mention:
    start: int  # qualifier or number start
    end: int  # number end
    value: int
    high: int | None
    qualifier: str
    who: str | None = None
    who_country: str | None = None
    who_end: int | None = None
    singular_only: bool = False
    elided: bool = False  # "and another in X": the noun is the previous figure's
    known_who: bool = False  # the who-noun is in our list (not just any plural noun)

    @property
    def tail(self) -> int:
        return self.who_end if self.who_end is not None else self.end


# animals a report may count among what an attack hit: never casualties (people killed or hurt)
_ANIMAL = re.compile(
    r"(?:dog|cat|horse|cow|cattle|sheep|goat|camel|donkey|mule|pig|chicken|livestock|pet|puppy|puppies|kitten|"
    r"animal|bull|ox|oxen|calf|calves|deer)s?",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"\s+([A-Za-z]+)")


def _animals(text: str, mention: _Mention) -> bool:
    """The figure counts animals: its who-phrase ends in one ("one of the family dogs"), or, with none read, the word
    after the number is one ("three sheep")."""
    if mention.who:
        return _ANIMAL.fullmatch(mention.who.split()[-1]) is not None
    word = _FIRST_WORD.match(text, mention.end)
    return word is not None and _ANIMAL.fullmatch(word.group(1)) is not None


def _is_age(text: str, mention: _Mention) -> bool:
    """ "Harewood, 35, of Hillsboro", "between ages 12 and 16": the number is an age (cheap tests first)."""
    head = text[max(0, mention.start - 40) : mention.start]
    if not head.rstrip().endswith(",") and "age" not in head.lower():
        return False
    before = _AGE_BEFORE.search(head)
    return bool(before and (before.group().lower().startswith("age") or _AGE_AFTER.match(text, mention.end)))


def _kind_of(match: re.Match[str], prefix: str) -> str | None:
    last = match.lastgroup
    if last and last.startswith(prefix + "_"):
        return last[len(prefix) + 1 :]
    names = match.re.groupindex
    for kind in KINDS:
        name = f"{prefix}_{kind}"
        if name in names and match.group(name):
            return kind
    return None


def _read_mention(text: str, m: re.Match[str], pats: Patterns) -> _Mention | None:
    if _NEGATED.search(text, max(0, m.start() - 6), m.start()):
        return None  # "no one was hurt"
    if m.group("art"):
        return _Mention(m.start(), m.end("art"), 1, None, "exact", singular_only=True)
    if m.group("elided"):
        return _Mention(m.start(), m.end("elided"), 1, None, "exact", elided=True)
    vocab = vocabulary()
    if m.group("lo"):
        value, implied = parse_number(m.group("lo"), vocab)
        high: int | None = parse_number(m.group("hi"), vocab)[0]
    else:
        value, implied = parse_number(m.group("num"), vocab)
        high = parse_number(m.group("num2"), vocab)[0] if m.group("num2") else None
    qualifier = qualifier_name(m.group("qual"), vocab) or implied or "exact"
    if high is not None and high <= value:
        high = None
    return _Mention(m.start(), m.end(), value, high, qualifier)


def _read_who(text: str, mention: _Mention, number_text: str, pats: Patterns) -> None:
    w = pats.who.match(text, mention.end)
    if not w:
        return
    if w.group("bare_of") and " ".join(number_text.lower().split()) not in _VAGUE_OF:
        return
    noun = w.group("who")
    if mention.singular_only and (noun is None or noun.lower() not in pats.singular):
        return
    if mention.elided:
        return
    end = w.end()
    if noun and not w.group("of_group"):
        longer = pats.who_extend.match(text, end)
        if longer:  # "Tamil civilian refugees", "captive Polish officers"
            end = longer.end()
    start = w.start("mods") if w.group("mods") else w.start("who") if noun else w.start("generic")
    mention.who = " ".join(text[start:end].split())
    demonym = pats.demonym.search(mention.who)
    if demonym:
        mention.who_country = vocabulary().demonyms[demonym.group(1)]
    mention.who_end = end
    mention.known_who = noun is not None


def _after_kind(text: str, mention: _Mention, pats: Patterns) -> tuple[str, int] | None:
    a = pats.after.match(text, mention.tail)
    if not a:
        return None
    kind = _kind_of(a, "a")
    if kind is None:
        return None
    verb = a.group(f"a_{kind}")
    if a.group("pp") and not mention.who:
        return None
    if not a.group("aux").strip() and verb.lower().split()[-1] in TRANSITIVE and pats.object_start.match(text, a.end()):
        return None  # "two gunmen killed three policemen": the number is the killers
    if pats.alternative.match(text, a.end()):
        return None  # "killed or wounded": no single kind
    if verb.lower().startswith(("in ", "at ")) and not a.group("aux").strip():
        left = _left_kind(text, mention, pats)
        if left is not None and left[0] != kind:
            return None  # "killed 460 people at the hospital": the verb before tells; the hospital is where
    return kind, a.end()


_PART_OF_THE_TOLL = re.compile(r"\bwith\s+\Z", re.IGNORECASE)
_AMONG = re.compile(r"\bamong\b", re.IGNORECASE)

# "Ahmed Salem, 34, was killed", "Nour Haddad, 9, a pupil at the school, was wounded": a name, an age, maybe a
# description of the person, then the victim's fate
_NAME_BEFORE_AGE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s*\Z")
_DESCRIBED = re.compile(r"\s*,(?:\s+(?:an?|the|his|her|of)\s+[^,.;]{1,60},)?")
# "Mona, 7, and her brother Ali, 5, were killed": another named victim before, joined by "and"
_NAMED_BEFORE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s*\d{1,3},?\s+and\s+(?:(?:his|her|their)\s+[a-z]+\s+)?\Z"
)


def _named_victim(text: str, mention: _Mention, pats: Patterns) -> Quantity | None:
    name = _NAME_BEFORE_AGE.search(text, max(0, mention.start - 60), mention.start)
    described = _DESCRIBED.match(text, mention.end)
    if name is None or described is None or mention.high is not None:
        return None
    person = replace(mention, value=1, qualifier="exact", who=None, who_end=described.end())
    after = _after_kind(text, person, pats)
    if after is None or after[0] not in ("killed", "injured"):
        return None
    start, count = name.start(), 1
    who = text[start : name.end()].rstrip(", ")
    while (before := _NAMED_BEFORE.search(text, max(0, start - 80), start)) is not None:
        start, count = before.start(), count + 1
    return replace(_make(text, person, after[0], start, after[1]), who=who, value=count)


def _left_kind(text: str, mention: _Mention, pats: Patterns) -> tuple[str, int, int] | None:
    """(kind, span start, span end) from a verb, toll or mover before the number."""
    lo = max(0, mention.start - 45)
    b = pats.before.search(text, lo, mention.start)
    if b:
        kind = _kind_of(b, "b")
        if b.group().lower().startswith(("lost", "losing")) and not mention.known_who:
            kind = None  # "lost 3 helicopters": only people lost count
        if kind and (mention.who or pats.follow_free.match(text, mention.end)):
            return kind, b.start(), mention.tail
    if mention.who:
        mv = pats.mover.search(text, lo, mention.start)
        if mv:
            mov = pats.movement.match(text, mention.tail)
            if mov:
                return "displaced", mv.start(), mov.end()
    return None


TOLL_REACH = 130  # characters before a figure searched for its toll noun and verb


def _toll_kind(text: str, mention: _Mention, pats: Patterns) -> tuple[str, int, int] | None:
    """(kind, span start, span end) for "the death toll rose to 12": tried first, it names its kind itself."""
    # far enough back for a toll noun naming its people and the attack ("the number of Kenyan police officers killed
    # in Tuesday's shelling near Mandera has risen to"): the pattern itself bounds the words between noun and verb
    t = pats.toll.search(text, max(0, mention.start - TOLL_REACH), mention.start)
    kind = _kind_of(t, "t") if t else None
    if t is None or kind is None:
        return None
    counted = t.groupdict().get(f"counted_{kind}")
    if counted and mention.who is None:  # "the number of Turkish personnel killed ... has risen to eight"
        mention.who = " ".join(counted.split())
        demonym = pats.demonym.search(mention.who)
        if demonym:
            mention.who_country = vocabulary().demonyms[demonym.group(1)]
    return kind, t.start(), mention.tail


def _noun_kind(mention: _Mention) -> str | None:
    if not mention.who:
        return None
    words = mention.who.lower().split()
    if words[-1] == "refugees" or words[-2:] == ["asylum", "seekers"]:  # "the UN refugee agency" is no figure
        return "refugees"
    if "displaced" in words[:-1]:
        return "displaced"
    return None


def _make(text: str, m: _Mention, kind: str, start: int, end: int, toll_from: bool = False) -> Quantity:
    value, high = (m.high, None) if toll_from and m.high is not None else (m.value, m.high)
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,  # type: ignore[arg-type]
        value=value,
        qualifier=m.qualifier,  # type: ignore[arg-type]
        high=high,
        who=m.who,
        who_country=m.who_country,
    )


# How far from a cue word a figure can be: the who-phrase and an aside before a verb, a list after it.
_BEFORE_CUE = 150
_AFTER_CUE = 130


def cue_windows(text: str, gate: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged spans of `text` (lower-cased) around cue words, where figures can be.

    The number scan is the costly part of extraction, so it runs only near a cue stem; the stems are one
    trie-shaped regex over the lower-cased text, a quick pass.
    """
    spots = [m.start() for m in gate.finditer(text)]
    if not spots:
        return []
    windows: list[tuple[int, int]] = []
    for spot in spots:
        start, end = max(0, spot - _BEFORE_CUE), min(len(text), spot + _AFTER_CUE)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
            continue
        # Start at a word boundary (looking back at most 40 characters) so no number is cut in two.
        edge = max(text.rfind("\n", max(0, start - 40), start), text.rfind(" ", max(0, start - 40), start)) + 1
        windows.append((edge if edge > 0 else start, end))
    return windows


def _mentions(text: str, pats: Patterns) -> Iterator[re.Match[str]]:
    low = text.lower()
    # Lower-casing keeps offsets unless a rare character changes length ("İ"); then match case-insensitively.
    scan, pattern = (low, pats.mention_lower) if len(low) == len(text) else (text, pats.mention)
    for start, end in cue_windows(low, pats.gate):
        yield from pattern.finditer(scan, start, end)


def _raw_quantities(text: str, pats: Patterns) -> list[Quantity]:
    found: list[Quantity] = []
    pending: list[_Mention] = []  # who-phrases without a cue yet, joined by coordinators
    last_end = -1
    last_kind: str | None = None
    consumed = -1  # end of the last who-phrase read: a number inside it ("a 14-year-old boy") is not a figure
    for m in _mentions(text, pats):
        if m.start() < consumed:
            continue
        mention = _read_mention(text, m, pats)
        if mention is None or pats.unit.match(text, mention.end):
            continue
        if _is_age(text, mention):
            named = _named_victim(text, mention, pats)
            if named is not None:  # "Ahmed Salem, 34, a teacher, was killed": one victim, named
                found.append(named)
                pending, last_end, last_kind = [], named.end, named.kind
                consumed = max(consumed, named.end)
            continue
        number_text = m.group("num") or m.group("lo") or ""
        _read_who(text, mention, number_text, pats)
        consumed = mention.tail
        if mention.who is None and _YEAR.fullmatch(number_text):
            continue  # "in 2016 badly hurt": a year, not a head count
        if mention.singular_only and mention.who is None:
            continue
        if _animals(text, mention):
            continue  # "injuring one of the family dogs", "three sheep were killed": no casualty
        if pending and not pats.coordinator.match(text[pending[-1].tail : mention.start]):
            pending = []
        gap = text[last_end : mention.start] if last_end >= 0 else ""
        if mention.elided:
            joined = last_end >= 0 and bool(pats.elided_join.match(gap))
        else:
            comma_only = "and" not in gap and mention.singular_only
            joined = last_end >= 0 and not comma_only and bool(pats.coordinator.match(gap)) and bool(mention.who)
        left = _toll_kind(text, mention, pats)
        after = None if left else _after_kind(text, mention, pats)
        if (
            after
            and _PART_OF_THE_TOLL.search(
                text, max(0, (pending[0] if pending else mention).start - 6), (pending[0] if pending else mention).start
            )
            and _AMONG.search(text, mention.tail, after[1])
        ):
            # "the toll rose to eight, with seven soldiers and a civilian among the dead": who the eight were
            pending, last_end, last_kind = [], after[1], after[0]
            consumed = max(consumed, after[1])
            continue
        if after:
            kind, end = after
            for p in pending:
                found.append(_make(text, p, kind, p.start, p.tail))
            found.append(_make(text, mention, kind, mention.start, end))
            pending, last_end, last_kind = [], end, kind
            consumed = max(consumed, end)  # numbers in an aside before the verb are part of this figure
            continue
        left = left or _left_kind(text, mention, pats)
        if left:
            kind, start, end = left
            toll_from = bool(_FROM.search(text, max(0, mention.start - 6), mention.start))
            found.append(_make(text, mention, kind, min(start, mention.start), end, toll_from))
            pending, last_end, last_kind = [], end, kind
            continue
        noun = _noun_kind(mention)
        if noun:
            found.append(_make(text, mention, noun, mention.start, mention.tail))
            pending, last_end, last_kind = [], mention.tail, noun
            continue
        if not joined and not mention.who and last_kind is not None and last_end >= 0:
            # "two were killed in the first blast and three in the second": the noun and verb are left out
            joined = bool(pats.elided_join.match(gap)) and bool(_ELIDED_FOLLOW.match(text, mention.end))
        if joined and last_kind is not None and not pending:
            found.append(_make(text, mention, last_kind, mention.start, mention.tail))
            last_end = mention.tail
            continue
        if mention.who:
            pending.append(mention)
            last_end, last_kind = mention.tail, None
        else:
            pending, last_kind = [], None
            last_end = mention.end
    return found


# Clause boundaries inside a sentence: a cue like "since December" only covers its own clause.
_CLAUSE_BREAK = re.compile(
    r",\s*(?=(?:while|whereas|but|although|though|even\s+as|as|and\s+on)\b)|;|\s[—–]\s|:\s"
    r"|\s(?=(?:that|which)\s+(?:has|have|had)\s)"
)


def clause_breaks(sentence: str) -> list[int]:
    """Sentence-relative offsets where a new clause starts."""
    return [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]


def clause_bounds(breaks: list[int], length: int, offset: int) -> tuple[int, int]:
    """(start, end) of the clause holding `offset`, given a sentence's `clause_breaks` and its length."""
    i = bisect_right(breaks, offset)
    return (breaks[i - 1] if i else 0), (breaks[i] if i < len(breaks) else length)


def find_quantities(text: str) -> list[Quantity]:
    """Every casualty or displacement figure in `text`, in text order, offsets into `text`."""
    if not text:
        return []
    raw = _raw_quantities(text, patterns())
    if not raw:
        return []
    sentences = split_sentences(text)
    cues = period_cues()
    breaks: dict[int, list[int]] = {}
    periods: dict[tuple[int, int], tuple[bool, str | None]] = {}  # (sentence, clause start) -> period reading
    sources: dict[int, list[Attribution]] = {}
    out = []
    for q in raw:
        index = sentence_at(sentences, q.start)
        if index is None:
            out.append(q)
            continue
        s, e = sentences[index]
        if index not in breaks:
            breaks[index] = clause_breaks(text[s:e])
            sources[index] = attributions(text[s:e])
        start, end = clause_bounds(breaks[index], e - s, q.start - s)
        if (index, start) not in periods:
            periods[index, start] = cues.read(text[s + start : s + end])
        cumulative, since = periods[index, start]
        according_to = source_for(sources[index], q.start - s, (start, end))
        if cumulative:
            out.append(replace(q, since=since, cumulative=True, according_to=according_to))
        else:
            out.append(replace(q, according_to=according_to) if according_to else q)
    return out
