"""Who a casualty figure is attributed to: "according to the UN", "Russia's defence ministry said", "citing X".

Issue 4 asks each figure to carry the source saying it, because tolls differ by source and a reader must be able
to tell the monitor's count from a ministry's claim. We read attribution from the figure's own sentence only, with
plain regexes and short word walks (no parse), in three forms:
  marker    "according to X", "citing X", "figures from X"          the source follows the marker
  verb      "X said", "X told reporters", "X put the toll at"        the source precedes the verb
            ", said X" (nothing before the verb in its clause)       the source follows the verb
  possessed "X's figures", "X's latest count"                         the source precedes "'s"
The phrase found is trimmed to a noun phrase: clause words ("and", "while", "that") and punctuation end it, an
appositive is skipped ("the Observatory, a Britain-based monitor, said" gives "the Observatory"), pronouns and
bare "figures" are no source. A figure takes the nearest attribution in its clause, else in its sentence; a cited
source ("citing X") wins over the one citing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from truceline.quantities.vocab import phrase_alternation, vocabulary

_MAX_WORDS = 10
# Words that start a new clause: a source phrase never spans them.
_CLAUSE_WORD = (
    r"and|but|while|whereas|as|that|which|who|whom|when|after|before|because|although|though|where|if|so|since|"
    r"until|then|amid|with|without"
)
# Lower case only: "Doctors Without Borders" is a name. A sentence-initial "While" is trimmed by `_clean`.
_BOUNDARY_BEFORE = rf"(?:[,;:()\[\]\"“”]|--|\s[—–]\s|(?<![\w-])(?:{_CLAUSE_WORD})(?![\w-]))"
_LEADING_CLAUSE_WORD = re.compile(rf"(?i:{_CLAUSE_WORD})\s+")
# Between a speaker and its verb: "the ministry on Tuesday said", "officials have also told".
_VERB_LEAD = (
    r"(?<![\w-])(?:(?:has|have|had|also|later|earlier|separately|previously|then|again|further|itself|themselves|"
    r"(?:late\s+|early\s+)?on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:night|morning|evening))?)\s+)+\Z"
)
# What cannot directly precede a reporting verb that has a speaker: "were reported", "an estimated".
_NOT_SPEAKER_END = re.compile(
    r"(?:^|\s)(?:is|are|was|were|be|been|being|an?|the|not|no|widely|officially|unofficially|initially|as)\s*\Z",
    re.I,
)
# After "claimed", "the lives of" or a number means the verb is the toll's ("the blast claimed 12 lives").
_CLAIMED_TOLL = re.compile(r"\s+(?:the\s+)?(?:lives|(?:at\s+least\s+|more\s+than\s+|some\s+)?\d|dozens|scores)", re.I)
# The end of a source phrase read forwards: punctuation, a clause word, a time or place tail.
_FORWARD_STOP = frozenset(
    (
        f"{_CLAUSE_WORD.replace('|', ' ')} said says on in at last earlier this yesterday today released published "
        "issued cited told reported which to from over during late early show shows showed indicate indicates "
        "indicated suggest suggests suggested is are was were has have had put puts gave give gives"
    ).split()
)
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”—–]+|[,;:()\[\]\"“”—–]")
_PRONOUN_LIKE = re.compile(r"[^\w'’.&-]")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source phrase found in a sentence; offsets are sentence-relative."""

    anchor: int  # the marker or verb: distance to a figure is measured from here
    source: str
    cited: bool = False  # "citing X", "quoting X": X is where the reporter got the figure


@dataclass(frozen=True, slots=True)
class _SourcePatterns:
    # Each scan pattern twice: without IGNORECASE for the lower-cased sentence (faster), with it for the rare
    # sentence whose lower-casing changes its length.
    marker: re.Pattern[str]
    verb: re.Pattern[str]
    possessed: re.Pattern[str]
    marker_lower: re.Pattern[str]
    verb_lower: re.Pattern[str]
    possessed_lower: re.Pattern[str]
    verb_lead: re.Pattern[str]
    boundary: re.Pattern[str]  # where a source read backwards starts: punctuation, a clause word, a verb
    possessed_tail: re.Pattern[str]
    not_sources: frozenset[str]
    forward_stop: frozenset[str]  # words that end a source read forwards: clause words and verbs


@cache
def _patterns() -> _SourcePatterns:
    vocab = vocabulary()
    possessed = phrase_alternation(vocab.source_possessed)
    marker = rf"(?<![\w-]){phrase_alternation([m.lower() for m in vocab.source_markers])}\s+"
    verb = rf"(?<![\w-])(?:{phrase_alternation([v.lower() for v in vocab.source_verbs])})(?![\w-])"
    possessed_source = (
        rf"['’]s\s+(?:(?:latest|own|official|new|updated|preliminary|final|daily|overall)\s+)?"
        rf"{phrase_alternation([w.lower() for w in vocab.source_possessed])}(?![\w-])"
    )
    return _SourcePatterns(
        marker=re.compile(marker, re.I),
        verb=re.compile(verb, re.I),
        possessed=re.compile(possessed_source, re.I),
        marker_lower=re.compile(marker),
        verb_lower=re.compile(verb),
        possessed_lower=re.compile(possessed_source),
        verb_lead=re.compile(_VERB_LEAD, re.I),
        boundary=re.compile(rf"{_BOUNDARY_BEFORE}|{verb}|(?<![\w-])(?:is|are|was|were|showed|shows)(?![\w-])"),
        possessed_tail=re.compile(rf"\s*['’]s\s+(?:[\w-]+\s+)?{possessed}\Z", re.I),
        not_sources=vocab.not_sources,
        forward_stop=_FORWARD_STOP | {w.lower() for phrase in vocab.source_verbs for w in phrase.split()[:1]},
    )


def _clean(phrase: str, pats: _SourcePatterns) -> str | None:
    phrase = pats.possessed_tail.sub("", " ".join(phrase.split())).strip(" '’")
    phrase = _LEADING_CLAUSE_WORD.sub("", phrase, count=1) if _LEADING_CLAUSE_WORD.match(phrase) else phrase
    if phrase.endswith(".") and phrase.count(".") == 1:
        phrase = phrase[:-1]  # the sentence's full stop, not "U.N."
    words = phrase.split()
    if not words or len(words) > _MAX_WORDS or any(c.isdigit() for c in phrase):
        return None
    if phrase.lower() in pats.not_sources or (words[-1].lower() in pats.not_sources and len(words) <= 2):
        return None  # "they", "official figures"
    if _PRONOUN_LIKE.search(phrase.replace(" ", "")):
        return None
    return phrase


def _forward(sentence: str, start: int, pats: _SourcePatterns) -> str | None:
    """The noun phrase starting at `start`: words up to punctuation or a clause, time or place word."""
    end = start
    for count, tok in enumerate(_TOKEN.finditer(sentence, start)):
        word = tok.group()
        if not word[0].isalnum() and word[0] not in "'’&":
            break
        if count and word == "and":
            nxt = _TOKEN.match(sentence, tok.end() + 1)
            if nxt and nxt.group()[0].isupper():
                end = tok.end()  # "the UN and Unicef" is one source pair; "the UN and fighting resumed" is not
                continue
            break
        if count and word in pats.forward_stop:
            break
        if count >= _MAX_WORDS:
            return None
        end = tok.end()
    return _clean(sentence[start:end], pats)


def _backward(sentence: str, end: int, pats: _SourcePatterns) -> str | None:
    """The noun phrase ending at `end`, back to the last clause boundary; an appositive before it is skipped."""
    lo = max(0, end - 160)
    head = sentence[lo:end]
    bounds = list(pats.boundary.finditer(head))
    start = bounds[-1].end() if bounds else 0
    segment = head[start:].strip()
    if not segment and bounds and bounds[-1].group() == "," and len(bounds) >= 2:
        # "the Observatory, a Britain-based monitor, said" / "the ministry, which ..., said"
        inner = bounds[-2]
        aside = head[inner.end() : bounds[-1].start()].strip().lower()
        if inner.group() in (",", "which", "who", "whose") and (
            inner.group() != "," or aside.startswith(("a ", "an ", "the ", "itself", "based", "one of", "citing"))
        ):
            before = head[: inner.start()] if inner.group() == "," else head[: inner.start()].rstrip(" ,")
            more = list(pats.boundary.finditer(before))
            segment = before[more[-1].end() :].strip() if more else before.strip()
    if not segment or segment[0].isdigit():
        return None
    return _clean(segment, pats)


def attributions(sentence: str) -> list[Attribution]:
    """Every attribution in a sentence, in text order."""
    pats = _patterns()
    found: list[Attribution] = []
    low = sentence.lower()
    if len(low) == len(sentence):
        scan, marker, verbs, possessed = low, pats.marker_lower, pats.verb_lower, pats.possessed_lower
    else:
        scan, marker, verbs, possessed = sentence, pats.marker, pats.verb, pats.possessed
    for m in marker.finditer(scan):
        source = _forward(sentence, m.end(), pats)
        if source:
            found.append(Attribution(m.start(), source, m.group().lower().startswith(("citing", "quoting"))))
    for m in verbs.finditer(scan):
        verb = m.group().lower()
        if verb == "claimed" and _CLAIMED_TOLL.match(sentence, m.end()):
            continue
        lead = pats.verb_lead.search(sentence, max(0, m.start() - 60), m.start())
        speaker_end = lead.start() if lead else m.start()  # "the ministry on Tuesday said"
        if _NOT_SPEAKER_END.search(sentence, max(0, speaker_end - 20), speaker_end):
            continue
        before = sentence[max(0, speaker_end - 40) : speaker_end].rstrip()  # bounded: linear on long sentences
        source = None
        if before and before[-1] not in ',"“”:;(':
            source = _backward(sentence, speaker_end, pats)
        elif verb in ("said", "says", "added", "stated", "told", "reported", "announced", "confirmed"):
            source = _forward(sentence, m.end() + 1, pats)  # '"...," said the ministry'
            if source is None:
                source = _backward(sentence, speaker_end, pats)  # "the ministry, a ..., said"
        if source:
            found.append(Attribution(m.start(), source))
    for m in possessed.finditer(scan):
        source = _backward(sentence, m.start(), pats)
        if source:
            found.append(Attribution(m.start(), source))
    found.sort(key=lambda a: a.anchor)
    return found


def source_for(found: list[Attribution], offset: int, clause: tuple[int, int]) -> str | None:
    """The source of a figure at sentence offset `offset`: the nearest attribution in its clause, else sentence.

    A cited source wins over the one citing it ("state TV, citing a local official, said" -> the official).
    """
    if not found:
        return None
    inside = [a for a in found if clause[0] <= a.anchor < clause[1]]
    pool = inside or found
    pool = [a for a in pool if a.cited] or pool
    return min(pool, key=lambda a: abs(a.anchor - offset)).source
