"""Who speaks in a quotation that runs across sentences, and who was last named as speaking.

'"We signed the temporary ceasefire in Moscow. The matter now is to make it permanent," Erdogan said.' The first
sentence has no speech verb of its own; the quotation's attribution comes after it closes. A sentence inside
quotation marks with no attribution of its own is the speaker's: the one named right after the closing mark
(', Erdogan said', ', he told reporters', ', said the minister'), else right before the opening one ('Erdogan
said: "...'), else (a quotation that follows one) whoever spoke last. Found on the text, not on the parse,
because the parse of one sentence cannot see the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPEECH = (
    r"(?:said|says|told|added|stated|declared|warned|wrote|insisted|stressed|noted|explained|argued|tweeted|"
    r"continued|went on|according to|read|reads)"
)
_NAME = r"(?:he|she|they|it|we|[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|of|the|for))*|the [a-z][\w ]{2,40}?)"
_AFTER = re.compile(
    r"\s*,?\s*(?:(?P<who>" + _NAME + r")\s+" + _SPEECH + r"|" + _SPEECH + r"\s+(?P<who2>" + _NAME + r"))\b"
)
_BEFORE = re.compile(r"(?P<who>" + _NAME + r")\s+" + _SPEECH + r"(?:\s+\w+){0,3}\s*:\s*$")
_OPEN = {"“": "”", '"': '"', "«": "»"}


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    speaker: tuple[int, int] | None  # the speaker's words in the body, when the text names them
    pronoun: str | None  # "he", "she", ... when the attribution is a pronoun


def quotations(body: str) -> list[Quote]:
    """Every quotation of the body, paired by its marks, with the words that say who speaks."""
    out: list[Quote] = []
    i = 0
    while i < len(body):
        closer = _OPEN.get(body[i])
        if closer is None:
            i += 1
            continue
        j = body.find(closer, i + 1)
        if j < 0:
            break
        out.append(_attributed(body, i, j + 1))
        i = j + 1
    return out


def _attributed(body: str, start: int, end: int) -> Quote:
    after = _AFTER.match(body, end, min(len(body), end + 120))
    if after is not None:
        group = "who" if after.group("who") else "who2"
        return _quote(start, end, after.start(group), after.end(group), after.group(group))
    before = _BEFORE.search(body, max(0, start - 120), start)
    if before is not None:
        return _quote(start, end, before.start("who"), before.end("who"), before.group("who"))
    return Quote(start, end, None, None)


def _quote(start: int, end: int, who_start: int, who_end: int, who: str) -> Quote:
    word = who.lower()
    if word in ("he", "she", "they", "it", "we"):
        return Quote(start, end, None, word)
    return Quote(start, end, (who_start, who_end), None)


def containing(quotes: list[Quote], offset: int) -> Quote | None:
    """The quotation whose marks enclose `offset` (a trigger's start), if any."""
    return next((q for q in quotes if q.start < offset < q.end), None)


_NAMED = re.compile(
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin))*)\s+" + _SPEECH + r"\b"
    r"|" + r"\b(?:said|says|added|told reporters)\s+(?P<who2>(?:[A-Z][\w'’.-]*\s?){1,6})"
)


def named_speakers(body: str) -> list[tuple[int, int]]:
    """Spans of names written as speaking anywhere in the body ('Le Drian said', 'said Minister X'), in order:
    'he said' in a later sentence may mean any of them, even one whose own sentence held no event."""
    out = []
    for match in _NAMED.finditer(body):
        group = "who" if match.group("who") else "who2"
        start, end = match.start(group), match.end(group)
        out.append((start, end - (len(match.group(group)) - len(match.group(group).rstrip()))))
    return out
