"""Whom a rejection, a welcome or a condemnation answers.

"Moscow rejected the accusation", "an army spokesman denied the report", "Damascus rejected the demand", "the envoy
welcomed the decision": the thing rejected (welcomed, condemned) names something an earlier sentence told another
party saying, asking or doing, and that party is the answer's recipient. The rejecting sentence itself names nobody else, or names a party that is not the one answered ("...,
saying its planes had only hit rebel depots": the depots' rebels are not whom Moscow rejects).

The kinds of thing are word lists of triggers.yaml: ``said_nouns`` (an accusation, a claim, a report, figures)
answer the actor of an accusation or the claimant of a claimed act; ``asked_nouns`` (a demand, an ultimatum, a
proposal) the actor of a request, a threat or an offer; ``done_nouns`` (a decision, a move, a step) the actor of any
act; ``struck_nouns`` (an attack, a strike, a killing) the attacker of an attack. The nearest such telling before the sentence, within
``ANSWER_CHARS``, by a party other than the rejecter, is the one answered; a denial of what was said is also linked
to it ("denies"). A thing with its own owner ("Ankara's demand", "the claims by the monitor") is left to the
sentence's own words, and one qualified by a nationality ("the Turkish figures") answers only a party of that
country. Nothing found, the rejection keeps what it had.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from truceline.events.lexicon import Lexicon
from truceline.model import Actor, Event

ANSWER_CHARS = 1500  # how far back the telling answered may be (as a statement retold: events/retold.py)
UNCODED_CHARS = 400  # how far back a telling that held no coded act may be
_ASKING = frozenset({"REQUEST", "THREATEN"})
# statements that are documents of their own, which a report names when it tells them
_WRITTEN = frozenset({"statement", "communique", "declaration", "communiqué"})
ANSWERS = frozenset({"REJECT", "SUPPORT", "ACCUSE"})  # the acts that may answer another's telling
_SPOKEN = ANSWERS | _ASKING


def rejected_thing(verb: Any, lex: Lexicon) -> tuple[Any, str] | None:
    """The noun an answering verb takes as its object when it names something said, asked or done, and which; none
    when the verb also has a party for object ("accuses Ankara of failing ..., a commitment Turkey made")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    if any(c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for c in objects):
        return None
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        for noun in (child, *child.conjuncts):
            lemma = noun.lemma_.lower()
            if lemma in lex.said_nouns:
                return noun, "said"
            if lemma in lex.asked_nouns:
                return noun, "asked"
            if lemma in lex.done_nouns:
                return noun, "done"
            if lemma in lex.struck_nouns:
                return noun, "struck"
    if verb.dep_ == "relcl" and not objects:  # "..., an accusation Moscow rejected": the noun it hangs on
        lemma = verb.head.lemma_.lower()
        kinds = (("said", lex.said_nouns), ("asked", lex.asked_nouns), ("done", lex.done_nouns))
        for kind, words in (*kinds, ("struck", lex.struck_nouns)):
            if lemma in words:
                return verb.head, kind
    return None


_NAMED = frozenset({"ORG", "GPE", "PERSON", "NORP"})


def _owned(noun: Any, answer: Any = None) -> bool:
    """'Ankara's demand', 'its claims', 'the claims by the monitor', 'the figures given by Ankara', 'the demand of
    the rebels': the thing names whose it is in its own words ('reports of shelling' names only what they tell).
    The answering clause itself ("an accusation Moscow rejected") names the one who answers, not the owner."""
    for c in noun.children:
        if answer is not None and c.i == answer.i:
            continue
        if c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ in _NAMED for g in c.children):
            return True
        if c.dep_ in ("acl", "relcl") and any(
            g.dep_ in ("agent", "nsubj") and g.tag_ not in ("WDT", "WP") for g in c.children
        ):
            return True  # "the claims made by X", "a commitment Turkey made"
    return False


def _same(a: Actor | None, b: Actor | None) -> bool:
    """One party: the same name, or the same country and sector (a ministry answering its own state's claim)."""
    if a is None or b is None:
        return False
    if (a.name or a.text).lower() == (b.name or b.text).lower():
        return True
    if a.code and b.code and a.code != b.code:
        return False  # "the army denied" what the RSF claimed: one country's army and its paramilitary are two sides
    return a.country is not None and a.country == b.country and a.sector == b.sector


def _teller(event: Event, kind: str) -> Actor | None:
    if kind == "said":
        if event.type == "ACCUSE":
            return event.actor
        return event.claimed_by if event.stance == "claimed" else None
    if kind == "struck":  # "condemned the attack": the one who attacked, as told, not a denied or negated attack
        return event.actor if event.type == "ASSAULT" and event.stance not in ("negated", "denied") else None
    if kind == "done":  # an act, not a statement: "condemned the move" is not aimed at the last one to speak
        done = event.type not in _SPOKEN and event.stance not in ("negated", "denied")
        return event.actor if done else None
    if event.type in _ASKING or (event.type == "AGREE" and event.mode == "offer"):
        return event.actor
    return None


def answered(
    event: Event,
    verb: Any,
    offset: int,
    earlier: Sequence[Event],
    lex: Lexicon,
    party_of: Callable[[Any], Actor | None] | None = None,
    told_between: Callable[[int, int], Actor | None] | None = None,
) -> tuple[Actor, int | None] | None:
    """(the party an answer is aimed at, the index of the telling a rejection denies or None), or None when its
    object names nothing said, asked or done before, or the answer is not to be found."""
    found = rejected_thing(verb, lex)
    if found is None:
        return None
    noun, kind = found
    if _owned(noun, verb):
        return None
    # "X said ..., an accusation Y rejected": the telling is the same sentence's, before the answer
    in_sentence = noun.i == verb.head.i and verb.dep_ == "relcl"
    lo, hi = offset + noun.left_edge.idx, offset + noun.right_edge.idx + len(noun.right_edge.text)
    mine = event.recipient
    named = mine if mine is not None and lo <= mine.start and mine.end <= hi else None  # "the Turkish figures"
    if kind == "said" and noun.lemma_.lower() in _WRITTEN and not in_sentence:
        # "welcomed the statement": the one whose statement the report told of ("in a rare joint statement by their
        # armies"), not whoever spoke last
        words = re.compile(rf"\b{re.escape(noun.lower_)}\b", re.IGNORECASE)
        told = [o for o in earlier if o.sentence_start < event.sentence_start and words.search(o.sentence)]
        # a party telling of its own act ("India and Pakistan said they had agreed") is its teller
        tellers = [(o, _teller(o, kind) or (o.actor if o.stance == "claimed" else None)) for o in reversed(told)]
        told_by = next(((o, p) for o, p in tellers if p is not None and not _same(p, event.actor)), None)
        if told_by is not None:
            return told_by[1], (told_by[0].index if event.type == "REJECT" else None)
    coded = any(
        o.sentence_start == event.sentence_start and o.trigger.start < event.trigger.start and _teller(o, kind)
        for o in earlier
    )
    if in_sentence and kind == "said" and party_of is not None and not coded:
        # "..., a claim Kyiv rejected": no telling coded in the sentence, so its speaker is the one answered
        told = _teller_in_sentence(noun, lex)
        party = party_of(told) if told is not None else None
        if party is not None and not _same(party, event.actor):
            return party, None
    for other in reversed(earlier):
        if event.sentence_start - other.sentence_end > ANSWER_CHARS:
            break
        if other.sentence_start > event.sentence_start or (
            other.sentence_start == event.sentence_start
            and not (in_sentence and other.trigger.start < event.trigger.start)
        ):
            continue
        party = _teller(other, kind)
        if kind == "struck" and other.type == "ASSAULT" and party is None:
            bare = other.recipient is None and other.killed is None and other.injured is None and other.place is None
            if bare and other.date_from_publication:  # no target, toll, place or day of its own
                continue  # "confirmed that an air strike had taken place": the attack told before, named again
            return None  # the nearest attack is the one condemned, and nobody is said to have carried it out
        if party is None or _same(party, event.actor):
            continue
        if named is not None and named.country is not None and party.country != named.country:
            continue
        if kind == "said" and told_between is not None and other.sentence_end < event.sentence_start:
            # "Ukraine's military said tanks had crossed the border. Moscow dismissed the report.": a telling
            # nearer than the coded one, though it held no act coded, is the one answered
            nearer = _uncoded_teller(told_between, other.sentence_end, event, named)
            if nearer is not None:
                return nearer, None
        return party, (other.index if kind == "said" and event.type == "REJECT" else None)
    if kind == "said" and told_between is not None and not in_sentence:
        # nothing coded was said before: the teller of the sentences just before, if they tell what someone said
        nearer = _uncoded_teller(told_between, max(0, event.sentence_start - UNCODED_CHARS), event, named)
        if nearer is not None:
            return nearer, None
    return None


def _uncoded_teller(
    told_between: Callable[[int, int], Actor | None], lo: int, event: Event, named: Actor | None
) -> Actor | None:
    """The teller of a sentence between `lo` and the answer's own that tells what someone said, when it is another
    party than the answer's and of the country a qualified thing names ("the Turkish figures": a Turkish teller)."""
    nearer = told_between(lo, event.sentence_start)
    if nearer is None or _same(nearer, event.actor):
        return None
    if named is not None and named.country is not None and nearer.country != named.country:
        return None
    return nearer


def _teller_in_sentence(noun: Any, lex: Lexicon) -> Any:
    """ "X said Ukraine had mined its ports, a claim Kyiv rejected": the subject of the speech verb the claim names
    what was said of (the clause it hangs on, or the verb above it)."""
    head = noun.head
    for _ in range(4):
        if head.lemma_.lower() in lex.speech_verbs and head.tag_.startswith("VB"):
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
        if head.head.i == head.i:
            return None
        head = head.head
    return None
