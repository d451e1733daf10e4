"""A place acted on: when an act of force is done to a town, a region or something located there and the sentence
names no party on the receiving end, the place's country is the recipient.

This is how event-data coders code such a sentence (CAMEO, PLOVER, ICEWS: "Thai troops shelled a village in
Cambodia" is THA -> KHM): the act is aimed at whoever holds or lives in the place, and the place's country is all
the sentence says of them. Only the argument slots of the act are read ("shelled X", "X was shelled", "strikes on
X", "the occupation of X", "an incursion into X"), with a place named in them or in the words that locate the thing
acted on ("a market in X", "the town of X"); where the act happened ("fighting in X") lends no recipient.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from truceline.events.lexicon import load_lexicon
from truceline.events.mentions import ActorIndex
from truceline.events.triggers import Candidate, Token
from truceline.model import Actor, Place

Doc = Any

# acts of force, and the coercion of a place (seizing, occupying, besieging, blockading, demolishing)
_DONE_TO = frozenset({"ASSAULT", "COERCE"})
_VERB_PREPS = frozenset({"on", "against", "at", "upon", "into"})
_NOUN_PREPS = _VERB_PREPS | {"of"}
# the words that say which place a thing acted on is: "a village in X", "the town of X", "X's Idlib province"
_LOCATING = frozenset({"compound", "amod", "nmod", "appos", "poss", "pobj"})
_LOCATING_PREPS = frozenset({"of", "in", "inside"})


def _slots(cand: Candidate) -> list[Token]:
    """The tokens heading what the act is done to."""
    token = cand.token
    out: list[Token] = []
    if cand.nominal:
        heads = [token] + ([cand.governor] if cand.governor is not None else [])
        for head in heads:
            preps = _NOUN_PREPS if head is token else _VERB_PREPS
            out.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
                       if g.dep_ == "pobj")  # fmt: skip
        return out
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _VERB_PREPS and not (child.i < token.i and child.lower_ == "at"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _located(head: Token) -> set[int]:
    """Token indices of the object phrase and the words that locate it (not 'near X', 'from X', 'toward X')."""
    seen = {head.i}
    frontier = [head]
    while frontier:
        token = frontier.pop()
        for child in token.children:
            locating = child.dep_ in _LOCATING or (child.dep_ == "prep" and child.lower_ in _LOCATING_PREPS)
            if locating and child.i not in seen:
                seen.add(child.i)
                frontier.append(child)
    return seen


def _countries(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    return {m.country for m in actor.members or (actor,) if m.country}


def _named(
    tokens: set[int], doc: Doc, offset: int, places: Sequence[Place], index: ActorIndex
) -> tuple[set[str], set[str]]:
    """Countries the phrase names outright (a country, a nationality word on a place: 'a Cambodian village'), and
    countries of the other places in it (towns, regions, whose country the gazetteer gave)."""
    spans = [(offset + doc[i].idx, offset + doc[i].idx + len(doc[i].text)) for i in tokens]
    outright: set[str] = set()
    located: set[str] = set()
    for place in places:
        if place.cue == "based":
            continue  # "a U.S.-made launcher", "a London-based monitor": whose make or whence, not where
        if place.resolved and place.country and any(s < place.end and place.start < e for s, e in spans):
            (outright if place.feature == "country" else located).add(place.country)
    heads = load_lexicon().place_heads
    for i in tokens:
        word = doc[i]
        if word.dep_ in ("amod", "compound") and word.head.lemma_.lower() in heads - _SHARED:
            start = offset + word.idx
            outright.update(
                a.country for a in index.within(start, start + len(word.text)) if a.country and not a.members
            )
    return outright, located


# a border is two countries' ("the town of Ishasha on the Ugandan border" is in Congo): its nationality word names
# a neighbour, not the country the act is done to
_SHARED = frozenset({"border", "frontier", "boundary"})


def place_recipient(
    cand: Candidate, actor: Actor | None, places: Sequence[Place], offset: int, index: ActorIndex
) -> Actor | None:
    """The country of the place an act of force is done to, as the recipient, or None.

    None unless the act is one of force, a slot of it names one country (outright, else through the places in it),
    and that country is not the actor's own: a state's forces acting in their own country act on someone there the
    sentence does not name, and an actor of no known country may be acting at home.
    """
    if cand.type not in _DONE_TO:
        return None
    doc = cand.token.doc
    for slot in _slots(cand):
        phrase = _located(slot)
        outright, located = _named(phrase, doc, offset, places, index)
        countries = outright or located
        if countries:
            break
    else:
        return None
    if len(countries) != 1:
        return None
    country = countries.pop()
    own = _countries(actor)
    if not own or country in own:
        return None
    first, last = doc[min(phrase)], doc[max(phrase)]  # "a village in Cambodia": what was acted on, as written
    start, end = first.idx, last.idx + len(last.text)
    return Actor(offset + start, offset + end, doc.text[start:end], country=country, code=country)


def protest_recipient(
    actor: Actor | None,
    named_actor: bool,
    place: Place | None,
    claimant: Actor | None,
    sentence: tuple[int, int],
    places: Sequence[Place],
    index: ActorIndex,
) -> Actor | None:
    """A demonstration, strike or riot that names no one it is aimed at is aimed at the authorities where it takes
    place: the government of the scene's country, else of the protesters' own when their words name it ("French
    workers blocked a bridge"; not "workers", whose country only the story lent). CAMEO's examples, which the PLOVER
    records follow, code "ethnic Albanians demonstrated in Serbia" against Serbia.

    Only when the sentence names no party of another country besides the protesters and whoever reports it:
    "protesters blocked the road" in a sentence about a foreign patrol are aimed at the patrol, not at their state.
    Countries named as places ("a bridge from France to Germany") are no parties."""
    if place is not None and place.resolved and place.country:
        country, first, last = place.country, place.start, place.end
    elif actor is not None and named_actor and not actor.members and actor.country:
        country, first, last = actor.country, actor.start, actor.end
    else:
        return None
    start, end = sentence
    where = [p for p in places if start <= p.start < end and p.cue not in (None, "possessive", "based")]
    for named in index.within(start, end):
        if any(other is not None and other.start <= named.start < other.end for other in (actor, claimant)):
            continue
        if any(p.start <= named.start < p.end for p in where):
            continue
        if _countries(named) - {country}:
            return None
    text = index.body[first:last] if index.body else ""
    return Actor(first, last, text, country=country, sector="GOV", code=f"{country}GOV")
