"""Choosing the one actor a noun phrase stands for: its head, coordination, and genitives.

"a Turkish delegation, including Deputy Foreign Minister Sedat Önal" is the delegation (the head comes before
the comma and "including"); "the Syrian regime and its allies" is the regime (the unknown conjunct adds
nothing); "Turkey and Russia" is a compound of both; "Ankara's Cankaya district administration" is an
administration whose country comes from "Ankara's".
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from truceline.actors.matcher import Tokens
from truceline.actors.words import HEAD_ENDS
from truceline.model import Actor

if TYPE_CHECKING:
    from truceline.actors.dictionary import ActorDictionary

_COORD = frozenset({"and", "or", "&"})


def _head_end(phrase: str, tokens: Tokens) -> int:
    """The character offset where the head chunk ends (a comma, bracket, colon or a head-ending word)."""
    for i, low in enumerate(tokens.lows):
        if i and low in HEAD_ENDS:
            return tokens.starts[i]
    return len(phrase)


def pick(phrase: str, tokens: Tokens, actors: list[Actor], book: ActorDictionary) -> Actor | None:
    """The actor the phrase is about; a compound when the head chunk coordinates several known actors."""
    if not actors:
        return None
    limit = _head_end(phrase, tokens)
    for mark in (",", "(", ";", ":", " - ", " – "):
        at = phrase.find(mark)
        if 0 < at < limit and any(a.end <= at for a in actors):
            limit = at
    head = [a for a in actors if a.start < limit]
    rest = [a for a in actors if a.start >= limit]
    if not head:
        return _borrow(actors[0], actors[1:])
    groups = _conjuncts(phrase, head)
    if len(groups) > 1:
        members = [_best(g, rest) for g in groups]
        return book.compound(members, phrase)
    return _best(head, rest)


def _conjuncts(phrase: str, head: list[Actor]) -> list[list[Actor]]:
    """Split head actors at "and"/"or"/commas between them; an unknown conjunct adds no group."""
    groups: list[list[Actor]] = [[head[0]]]
    for prev, cur in pairwise(head):
        between = phrase[prev.end : cur.start].strip().lower()
        words = set(between.replace(",", " , ").split())
        if words and (words & _COORD or between == ","):
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups


def _best(group: list[Actor], rest: list[Actor]) -> Actor:
    """The rightmost actor of a chunk is its head; a head with no country borrows the nearest one before it."""
    head = group[-1]
    return _borrow(head, [*reversed(group[:-1]), *rest])


def _borrow(head: Actor, others: list[Actor]) -> Actor:
    if head.country or (head.code and head.code[:3] in ("IGO", "NGO", "IMG")):
        return head
    for other in others:
        if other.country:
            sector = head.sector or other.sector
            code = other.country + (head.code or head.sector or "") if head.sector else other.code
            return Actor(
                head.start, head.end, head.text, name=head.name, country=other.country, sector=sector, code=code
            )
    return head
