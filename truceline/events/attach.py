"""Date, place and casualty figures for an event: the ones that govern its clause, not merely its sentence.

A time expression, place name or figure belongs to an event when, walking up the parse from the words that
express it, the first verb reached is the event's clause verb (or the trigger itself, for "the June 13 attack").
That is what keeps "said on Friday that forces are attacking" from dating the attack to Friday.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from truceline.events.triggers import Token
from truceline.model import Place, PubDate, Quantity, TimeRef

_DATED = ("DATE", "TIME")
_BOUNDS = ("since", "until", "before", "after")  # the date bounds the act rather than dating it


def governing_verb(token: Token, stop: set[int]) -> Token:
    """Walk up from `token` to the first verb (or a word in `stop`, e.g. the trigger noun itself).

    A gerund modifying a noun ("hit a school sheltering families on Tuesday") is passed over: the parser hangs a
    clause-final date on it far more often than the writer meant it for the gerund."""
    current = token
    for _ in range(12):
        if current.i in stop or current.dep_ == "ROOT":
            return current
        if current.tag_.startswith("VB") and not (current.tag_ == "VBG" and current.dep_ == "acl"):
            return current
        current = current.head
    return current


def _belongs(doc: Any, start: int, end: int, offset: int, clause: set[int]) -> bool:
    tokens = [t for t in doc if start - offset <= t.idx < end - offset]
    if not tokens:
        return False
    head = min(tokens, key=lambda t: len(list(t.ancestors)))
    return governing_verb(head, clause).i in clause


def _governed_time(doc: Any, offset: int, times: Sequence[TimeRef], clause: set[int]) -> TimeRef | None:
    sentence_end = offset + len(doc.text)
    for ref in times:
        if (
            (
                ref.type in _DATED
                and offset <= ref.start < sentence_end
                and _belongs(doc, ref.start, ref.end, offset, clause)
            )
            and ref.value
            and ref.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
            and not ref.value.startswith("XXXX")  # unresolved: the report's own date was too loose to anchor it
        ):
            return ref
    return None


def event_date(
    doc: Any,
    offset: int,
    times: Sequence[TimeRef],
    clause: set[int],
    published: PubDate,
    reporting: Token | None = None,
) -> tuple[TimeRef | None, str | None, str, bool]:
    """(time, date value, precision, from_publication) for the clause.

    When no time governs the clause of a past act told in reported speech, the next best is the day of the report
    it is told in (`reporting`, the speech verb): "announced on Thursday that forces halted fire" dates the halt no
    later than Thursday (precision "reported by"). Failing that, the publication date (also "reported by", and
    flagged as from the publication). A present act ("said on Friday that rebels are attacking") gets no speech
    date: the caller passes none."""
    ref = _governed_time(doc, offset, times, clause)
    if ref is not None:
        # "killed 105 civilians since April 28": not a day's event but a stretch from it, and the precision says so
        return ref, ref.value, ref.modifier if ref.modifier in _BOUNDS else ref.precision, False
    told = _governed_time(doc, offset, times, {reporting.i}) if reporting is not None else None
    if told is not None and told.precision == "day":
        return told, told.value, "reported by", False
    if published.precision == "unknown":
        # A report whose date is unknown dates nothing: an interval spanning decades is not a date to print.
        return None, None, "unknown", True
    return None, published.value, "reported by", True


# Events that are said or agreed rather than done: what they are about is not where they were made.
_SAID = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "CONSULT", "SUPPORT", "CONCEDE"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})
_NAMED_THINGS = frozenset({"agreement", "deal", "memorandum", "protocol", "accord", "treaty", "process", "format"})


def _content(trigger: Token, verb: Token) -> set[int]:
    """Token indexes that are not where a statement was made: its complement clauses ('urged X to withdraw from
    Idlib', 'accused X of shelling villages in Y', 'gave them until the end of the month to leave Z'), and the
    words outside its own clause ('..., and state media accused Turkish troops': the other clause's places)."""
    out: set[int] = set()
    root = verb
    if _infinitive(verb) and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        root = verb.head  # "arrived in Ankara to discuss": the purpose stands for the visit, made in Ankara
    own = {t.i for t in root.subtree} | {t.i for t in trigger.subtree}
    out.update(t.i for t in trigger.doc if t.i not in own)
    for head in {trigger.i: trigger, verb.i: verb}.values():
        for child in head.children:
            pcomp = child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children)
            clause = child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            if child.dep_ in _CONTENT_DEPS or pcomp or clause:
                out.update(t.i for t in child.subtree)
    for token in trigger.subtree:  # an infinitive anywhere below: what is to be done, not where it was said
        if token.i not in (trigger.i, verb.i) and token.dep_ in ("acl", "xcomp", "advcl") and _infinitive(token):
            out.update(t.i for t in token.subtree)
    return out


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _names_a_thing(token: Token, trigger: Token) -> bool:
    """'the Sochi agreement', 'the Astana process': a place naming a text or a process is not this event's scene."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod") and head.i != trigger.i and str(head.lemma_).lower() in _NAMED_THINGS
    )


def event_place(
    doc: Any,
    offset: int,
    places: Sequence[Place],
    clause: set[int],
    trigger_start: int,
    picker: Any,
    trigger: Token | None = None,
    kind: str | None = None,
) -> Place | None:
    """The places stage's choice of where the event happened, or None.

    Places the sentence gives for something else are not offered: one naming a text ("the Sochi agreement"), and,
    for a statement, an agreement or a meeting (`kind`), the places of what it is about ("urged Russia to act in
    Idlib" happened where it was said, not in Idlib).

    There is no fallback to "the nearest place in the clause": that pinned events to datelines, organisations'
    bases and possessive countries ("Turkey's ministry"), and on the bundled corpus gold it was wrong more often
    than right (place accuracy 0.70 with it, 0.80 without). No pin beats a wrong one.
    """
    if picker is None:
        return None
    if trigger is not None:
        verb = _clause_verb(trigger, clause)
        content = _content(trigger, verb) if kind in _SAID else set()
        content.discard(trigger.i)
        kept = []
        for place in places:
            tokens = [t for t in doc if place.start - offset <= t.idx < place.end - offset]
            if tokens and (any(t.i in content for t in tokens) or any(_names_a_thing(t, trigger) for t in tokens)):
                continue
            kept.append(place)
        places = kept
    try:
        chosen: Place | None = picker(places, offset, offset + len(doc.text), trigger_start)
        return chosen
    except NotImplementedError:
        return None


def _clause_verb(trigger: Token, clause: set[int]) -> Token:
    """The verb of the trigger's clause among `clause` (the trigger itself for a verb)."""
    if trigger.tag_.startswith("VB"):
        return trigger
    return next((t for t in trigger.doc if t.i in clause and t.tag_.startswith("VB")), trigger)


def event_casualties(
    doc: Any, offset: int, quantities: Sequence[Quantity], clause: set[int], trigger_start: int
) -> tuple[Quantity | None, Quantity | None, tuple[Quantity, ...]]:
    """Killed, injured and other figures stated in the event's clause (the nearest one of each kind)."""
    sentence_end = offset + len(doc.text)
    inside = [
        q for q in quantities if offset <= q.start < sentence_end and _belongs(doc, q.start, q.end, offset, clause)
    ]
    inside.sort(key=lambda q: abs(q.start - trigger_start))
    killed = next((q for q in inside if q.kind == "killed"), None)
    injured = next((q for q in inside if q.kind == "injured"), None)
    others = tuple(q for q in inside if q.kind not in ("killed", "injured"))
    return killed, injured, others


def clause_tokens(trigger: Token, clause_verb: Token, extra: Sequence[Token]) -> set[int]:
    """Token indexes that count as 'this event's clause' for attaching dates, places and figures."""
    ids = {trigger.i, clause_verb.i}
    ids.update(t.i for t in extra)
    for token in (clause_verb, *extra):  # "launched attacks ..., injuring three": participles hang off the verb
        for child in token.children:
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            if child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ in ("VBG", "VBN") and not own_subject:
                ids.add(child.i)  # "... but since then 1,300 civilians have been killed": another clause's toll
    return ids
