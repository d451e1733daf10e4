"""Date, place and casualty figures for an event: the ones that govern its clause, not merely its sentence.

A time expression, place name or figure belongs to an event when, walking up the parse from the words that
express it, the first verb reached is the event's clause verb (or the trigger itself, for "the June 13 attack").
That is what keeps "said on Friday that forces are attacking" from dating the attack to Friday.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

from truceline.events.arguments import to_infinitive
from truceline.events.lexicon import load_lexicon
from truceline.events.triggers import Token, answered_act, doc_text, names_another_act, tokens_within
from truceline.model import Place, PubDate, Quantity, TimeRef
from truceline.timex.lexicon import parse_number

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
    tokens = tokens_within(doc, start - offset, end - offset)
    if not tokens:
        return False
    if any(t.i in clause for t in tokens):
        return True  # "..., killing at least four civilians, the governor said": the figure holds the act's own verb
    head = min(tokens, key=lambda t: len(list(t.ancestors)))
    verb = governing_verb(head, clause)
    if verb.i not in clause and verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.i in clause:
        return True  # "..., killing at least 20 people and wounding 73": the second participle is the act's too
    return verb.i in clause


def _of_another_act(doc: Any, start: int, end: int, offset: int, clause: set[int]) -> bool:
    tokens = tokens_within(doc, start - offset, end - offset)
    if not tokens or any(t.i in clause for t in tokens):
        return False
    return _in_another_act(min(tokens, key=lambda t: len(list(t.ancestors))), clause)


def _in_another_act(token: Token, clause: set[int]) -> bool:
    """A figure in a phrase naming another act, before the clause is reached: "fired rockets in response to the
    killing of one of its commanders", "days after an attack that killed nine": that act's toll, not this one's."""
    for up in (token, *token.ancestors):
        if up.i in clause:
            return False
        if names_another_act(up):
            return bool(up.tag_.startswith("NN"))
    return False


def _governed_times(
    doc: Any, offset: int, times: Sequence[TimeRef], clause: set[int], *, unresolved: bool = False
) -> list[TimeRef]:
    """The clause's own times, resolved ones; with `unresolved`, only those the report's own date was too loose to
    anchor ("in November" of no known year)."""
    sentence_end = offset + len(doc_text(doc))
    return [
        ref
        for ref in times
        if ref.type in _DATED
        and offset <= ref.start < sentence_end
        and ref.value
        and ref.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
        and ref.value.startswith("XXXX") == unresolved
        and _belongs(doc, ref.start, ref.end, offset, clause)
        and not _of_an_answered_act(doc, ref.start, ref.end, offset, clause)
        and not _dates_a_thing(doc, ref.start, ref.end, offset, clause)
    ]


_NOUN_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})


def _dates_a_thing(doc: Any, start: int, end: int, offset: int, clause: set[int]) -> bool:
    """A time written as a modifier of an agreement's noun dates that agreement, not the act: "shelled villages in
    breach of last September's deal", "in violation of the 2018 agreement" (the deal is of 2018; the shelling is of
    its own day). Not the act's own noun ("the 2018 agreement" signed), nor a subject whose act the clause tells."""
    tokens = tokens_within(doc, start - offset, end - offset)
    if not tokens or any(t.i in clause for t in tokens):
        return False
    head = min(tokens, key=lambda t: len(list(t.ancestors)))
    noun = head.head
    if head.dep_ not in _NOUN_MODIFIERS or noun.i == head.i or not noun.tag_.startswith("NN"):
        return False
    lex = load_lexicon()
    if noun.lemma_.lower() not in lex.document_nouns and noun.lemma_.lower() not in lex.ceasefire_nouns:
        return False  # "killed in Monday's shelling": the act's own circumstance
    return not (noun.i in clause or noun.dep_ in ("nsubj", "nsubjpass"))


def _of_an_answered_act(doc: Any, start: int, end: int, offset: int, clause: set[int]) -> bool:
    """A time in the phrase of the act answered: "fired rockets in retaliation for the killing of a commander last
    month" (the killing was last month, the firing is of its own day)."""
    tokens = tokens_within(doc, start - offset, end - offset)
    if not tokens or any(t.i in clause for t in tokens):
        return False
    for up in min(tokens, key=lambda t: len(list(t.ancestors))).ancestors:
        if up.i in clause:
            return False
        if up.tag_.startswith("NN") and answered_act(up):
            return True
    return False


# Verbs and prepositions that tell when a thing an act is about starts, runs or ends: "agreed to a truce starting at
# midnight on Monday", "a ceasefire to take effect on Saturday", "extended the truce until Friday", "a pause from 8
# a.m.": the thing's lifetime, not the day it was agreed, extended or asked for.
_LIFETIME_VERBS = frozenset(
    {"start", "begin", "take", "come", "go", "run", "last", "expire", "end", "commence", "enter", "kick", "hold"}
)
_LIFETIME_PREPS = frozenset({"from", "until", "till", "through"})
# ... and, on the noun itself, the time it covers: "a ceasefire over Orthodox Christmas", "a truce during Eid".
_NOUN_LIFETIME_PREPS = _LIFETIME_PREPS | {"over", "during", "for"}


def lifetime_words(verb: Token, trigger: Token, truce: bool = False) -> set[int]:
    """The words under the act's verb that tell the lifetime of a noun other than the trigger (_LIFETIME_VERBS); with
    `truce` (the act agrees to or asks for a ceasefire), also the verb's own "from", "until" or "starting" ("agreed to
    a truce from midnight on Saturday", the parser hanging them on the verb)."""
    out: set[int] = set()
    if truce:  # "agreed to a truce starting at dawn on Tuesday", the participle hung on the verb
        for child in verb.children:
            starts = child.dep_ in ("xcomp", "advcl") and child.tag_ == "VBG" and child.lemma_ in _LIFETIME_VERBS
            if starts or (child.dep_ == "prep" and child.lower_ in _LIFETIME_PREPS):
                out |= {t.i for t in child.subtree}
    for noun in verb.subtree:
        if noun.i == trigger.i or not noun.tag_.startswith("NN"):
            continue
        for child in noun.children:
            timed = child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _LIFETIME_VERBS
            if timed or (child.dep_ == "prep" and child.lower_ in _NOUN_LIFETIME_PREPS):
                out |= {t.i for t in child.subtree}
    return out


def outside(times: Sequence[TimeRef], doc: Any, offset: int, words: set[int]) -> list[TimeRef]:
    """The times none of whose words are among `words`."""
    if not words:
        return list(times)
    return [
        ref for ref in times if not any(t.i in words for t in tokens_within(doc, ref.start - offset, ref.end - offset))
    ]


def _governed_time(doc: Any, offset: int, times: Sequence[TimeRef], clause: set[int]) -> TimeRef | None:
    found = _governed_times(doc, offset, times, clause)
    return found[0] if found else None


def _only_time(doc: Any, offset: int, times: Sequence[TimeRef], clause: set[int]) -> TimeRef | None:
    """The one time of another clause, to be shared: "met on Saturday and again on Monday but failed to agree"
    names two, and which of them the failure shares the sentence does not say."""
    found = _governed_times(doc, offset, times, clause)
    return found[0] if len({r.value for r in found}) == 1 else None


# Subordinators of a clause that has its own time: "after 50 soldiers were killed last month" dates the killing,
# not the operation launched after it. Their relation to the main clause's time is what _SUBORDINATE_TIME says.
_SUBORDINATE_TIME = {
    "when": None, "as": None, "while": None, "once": None, "whenever": None,  # the same time
    "after": "after", "since": "after", "before": "before", "until": "before", "till": "before",
}  # fmt: skip
_MARKED_OTHER = frozenset({"because", "if", "unless", "although", "though", "whether", "so", "than", "lest"})


def _marker(token: Token) -> str | None:
    """The subordinator opening the clause `token` heads ("when", "after", ...), if any."""
    for child in token.children:
        if (
            child.dep_ in ("mark", "advmod")
            and child.i < token.i
            and child.lower_ in (*_SUBORDINATE_TIME, *_MARKED_OTHER)
        ):
            return str(child.lower_)
    return None


def _subordinate(token: Token) -> bool:
    """A finite clause under the event's verb with a subordinator of its own (it has its own time)."""
    return token.dep_ == "advcl" and _marker(token) is not None


def _own_clause(doc: Any, clause: set[int]) -> set[int]:
    """The clause without the subordinate clauses attach.clause_tokens lets in ("launched an operation after
    soldiers were killed last month": "were killed" keeps its own time)."""
    return {i for i in clause if not (_subordinate(doc[i]) and doc[i].head.i in clause and doc[i].head.i != i)}


def _clause_head(doc: Any, clause: set[int]) -> Token:
    return min((doc[i] for i in clause), key=lambda t: (sum(1 for _ in t.ancestors), t.i))


def _shifted(ref: TimeRef, relation: str | None) -> tuple[TimeRef, str | None, str, bool]:
    precision = relation or (ref.modifier if ref.modifier in _BOUNDS else ref.precision)
    return ref, ref.value, precision, False


def _related_time(doc: Any, offset: int, times: Sequence[TimeRef], head: Token) -> tuple[TimeRef, str | None] | None:
    """The time of a clause the event's clause hangs on, or of a temporal clause under it, when its own gives none:
    "advanced on Thursday and seized the town" (a conjunct), "met officials on Monday to discuss" (a purpose
    infinitive), "carried out strikes on Thursday, destroying ..." (a participle), "the ceasefire collapsed on Monday
    when jets bombed a market" (a when-clause, both ways), "launched an operation after 50 soldiers were killed last
    month" (after that time). A reported clause ("said on Friday that ...") is not one of these: its speech verb's
    time is the day it was reported by (see event_date). Returns (time, relation) with relation None for the same
    time, else "after" / "before"."""
    for child in head.children:  # a temporal clause under the event's clause
        if child.dep_ == "advcl" and (marker := _marker(child)) in _SUBORDINATE_TIME:
            ref = _only_time(doc, offset, times, {child.i} | _participles(child))
            if ref is not None:
                return _days_from(ref, _SUBORDINATE_TIME[marker], child)
    for child in head.children:
        # "had looted shops and detained dozens of men last week": a time closing a coordination of one subject's
        # verbs is both verbs' (not "seized the town and on Tuesday shelled the base": told before the second verb's object)
        if child.dep_ == "conj" and child.tag_.startswith("VB") and not _own_subject_of(child):
            ref = _only_time(doc, offset, times, {child.i})
            objects = [c.right_edge.idx for c in child.children if c.dep_ in ("dobj", "attr", "dative", "prt")]
            if ref is not None and ref.start - offset > max([child.idx, *objects]):
                return ref, None
    if _perfect(head):  # "has been fighting to retake the town since December": "since" needs the perfect verb
        for child in head.children:
            if child.dep_ == "xcomp" and to_infinitive(child):
                bound = _only_time(doc, offset, times, {child.i})
                if bound is not None and bound.modifier == "since":
                    return bound, None
    if head.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in head.children):
        named = _time_at(doc, offset, times, head.head)  # "in 2011, when the regime cracked down": that time
        if named is not None:  # the day itself, whatever bounds it in its own clause ("since 2011, when ...")
            return replace(named, modifier=None) if named.modifier in _BOUNDS else named, None
    current = head
    for _ in range(3):  # up the clauses the event's clause depends on
        dep = current.dep_
        marker = _marker(current) if dep == "advcl" else None
        if dep not in ("conj", "xcomp", "advcl", "acl") or marker in _MARKED_OTHER:
            return None
        parent = current.head
        if dep == "acl" and current.tag_ in ("VBN", "VBD") and parent.pos_ in ("NOUN", "PROPN"):
            # "shot down on Sunday a missile fired from Houthi areas": the firing is no later than the shooting
            governor = _governing_verb_of(parent)
            if governor is None:
                return None
            ref = _only_time(doc, offset, times, {governor.i} | _participles(governor))
            return (ref, "before") if ref is not None else None
        if not parent.tag_.startswith("VB"):
            return None
        if dep == "conj" and _own_subject_of(current):
            return None  # "agreed a truce last week, but previous deals have proved temporary": a clause of its own
        decided = dep == "xcomp" and current.lemma_.lower() in _DECIDED_BY_VOTING
        if (dep == "xcomp" or (dep == "advcl" and marker not in _SUBORDINATE_TIME)) and _plans(parent) and not decided:
            # "agreed last September to turn Idlib into a zone": the turning is planned, not dated (a temporal
            # clause is no plan: "agreed on Wednesday to disarm, a day after Baku launched an offensive")
            return None
        relation = None
        if marker in _SUBORDINATE_TIME:
            # the event is in a temporal clause of its parent: "when" shares the time, "after X" puts X after it
            relation = {"after": "before", "before": "after"}.get(_SUBORDINATE_TIME[marker] or "")
        parent_clause = {parent.i} | _participles(parent)
        parent_clause = {i for i in parent_clause if not _subordinate(doc[i]) or i == current.i}
        ref = _only_time(doc, offset, times, parent_clause - {current.i})
        if ref is not None:
            return _days_from(ref, relation, current)
        current = parent
    return None


def _own_subject_of(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


# "voted on Thursday to accept a proposal": accepting, approving or rejecting is done by the vote or decision
_DECIDED_BY_VOTING = frozenset({"accept", "approve", "endorse", "adopt", "ratify", "reject"})


def _governing_verb_of(noun: Token) -> Token | None:
    """The verb whose object (or an object's preposition) a noun is: "shot down [a missile]", "fired at [a ship]"."""
    current = noun
    for _ in range(3):
        if (
            current.dep_ in ("dobj", "nsubjpass", "pobj", "prep", "prt", "appos", "conj")
            and current.head.i != current.i
        ):
            current = current.head
            if current.tag_.startswith("VB"):
                return current
        else:
            return None
    return None


def _days_from(ref: TimeRef, relation: str | None, clause: Token) -> tuple[TimeRef, str | None]:
    """A temporal clause measured in days ("on Monday, a day after rebels shelled the airport", "two days before
    the talks opened on Friday") puts the act that many days from the other's day: the day itself, not a bound; one
    measured in weeks ("a week after the sides agreed") puts it in the week that many weeks away. Otherwise (ref,
    relation) as they are."""
    if relation not in ("before", "after") or ref.precision != "day" or ref.earliest is None:
        return ref, relation
    measure = next((c for c in clause.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS), None)
    if measure is None and clause.dep_ == "advcl":
        # "took place a day after the truce began": the measure hung on the verb the clause depends on, right
        # before the clause's "after"
        marker = next((c for c in clause.children if c.dep_ == "mark"), None)
        measure = next(
            (
                c
                for c in (*clause.head.children, *(marker.children if marker is not None else ()))
                if c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS and marker is not None and c.i == marker.i - 1
            ),
            None,
        )  # (or on the "after" itself: "..., a week after the sides agreed")
    if measure is None:
        return ref, relation
    count = next((c for c in measure.children if c.dep_ in ("det", "nummod")), None)
    number = parse_number(count.text) if count is not None else None  # "a day", "two days", "3 days"
    if number is None or number != int(number) or not 1 <= number <= 31:
        return ref, relation
    days = int(number) * _SPANS[measure.lemma_.lower()]
    day = ref.earliest + timedelta(days=days if relation == "after" else -days)
    if measure.lemma_.lower() == "week":  # "a week after the sides agreed": about seven days, told as that week
        monday = day - timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return replace(
            ref,
            value=f"{year}-W{week:02d}",
            earliest=monday,
            latest=monday + timedelta(days=6),
            precision="week",
            modifier=None,
        ), None
    return replace(ref, value=day.isoformat(), earliest=day, latest=day, modifier=None), None


_SPANS = {"day": 1, "week": 7}  # the lengths a temporal clause may be measured in ("two days", "a week after")


def _perfect(verb: Token) -> bool:
    """'has been fighting', 'have held': a verb in the perfect, the only one a "since" phrase can bound."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _time_at(doc: Any, offset: int, times: Sequence[TimeRef], token: Token) -> TimeRef | None:
    """The resolved date or time expression `token` is part of, if any."""
    at = offset + token.idx
    return next(
        (
            ref
            for ref in times
            if ref.type in _DATED
            and ref.start <= at < ref.end
            and ref.value
            and not ref.value.startswith("X")
            and ref.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
        ),
        None,
    )


# A noun of an act under one of these prepositions of the clause is before or after the clause's own time: "a truce
# was reached on June 12, after weeks of airstrikes" (the airstrikes came before June 12).
_PREP_RELATION = {"after": "before", "following": "before", "before": "after", "ahead": "after", "prior": "after"}


def prepositional_relation(trigger: Token, verb: Token) -> str | None:
    """How the time of `verb`'s clause relates to the act the noun `trigger` names when the noun stands in an
    "after"/"before" phrase of that clause ("after weeks of airstrikes", "before talks on the truce"): "before" or
    "after" (the act is before or after that time), else None."""
    current = trigger
    for _ in range(6):
        if current.i == verb.i or current.dep_ == "ROOT":
            return None
        parent = current.head
        if current.dep_ == "pobj" and parent.dep_ == "prep" and parent.head.i == verb.i:
            return _PREP_RELATION.get(parent.lower_)
        if current.dep_ == "pobj" and parent.lower_ in ("to", "of") and parent.head.lower_ in ("prior", "ahead"):
            parent = parent.head  # "prior to the talks", "ahead of the vote"
            if parent.head.i == verb.i:
                return _PREP_RELATION.get(parent.lower_)
        if current.dep_ not in ("pobj", "prep", "conj", "compound", "nmod", "pcomp"):
            return None
        current = parent
    return None


def _participles(verb: Token) -> set[int]:
    return {
        c.i for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ in ("VBG", "VBN") and not _subordinate(c)
    }


def event_date(
    doc: Any,
    offset: int,
    times: Sequence[TimeRef],
    clause: set[int],
    published: PubDate,
    reporting: Token | None = None,
    relation: tuple[str, set[int]] | None = None,
    *,
    ongoing: bool = False,
) -> tuple[TimeRef | None, str | None, str, bool]:
    """(time, date value, precision, from_publication) for the clause.

    The clause's own time expression first; then the time of the clause it depends on or of a temporal clause under
    it (_related_time). When no time is found for a past act told in reported speech, the next best is the day of
    the report it is told in (`reporting`, the speech verb): "announced on Thursday that forces halted fire" dates
    the halt no later than Thursday (precision "reported by"). Failing that, the publication date (also "reported
    by", and flagged as from the publication). A present act ("said on Friday that rebels are attacking") gets no
    speech date: the caller passes none. `relation` ("before" or "after", and the noun phrase's tokens) says the
    act is before or after its clause's time, when the noun stands in an "after" phrase (prepositional_relation):
    a time inside the noun's own phrase ("after the June 13 attack") is still its own. `ongoing`: the act is told in
    the progressive under the speech verb ("said on Tuesday that Ankara was talking to Moscow"): it was going on that
    day, so the speech verb's time is its own, not a bound."""
    own = _own_clause(doc, clause)
    found = _governed_times(doc, offset, times, own)
    fronted = _before_the_subject(reporting, _clause_head(doc, own or clause)) if reporting is not None else set()
    if fronted:
        # "said on Monday it had repelled an attack": the parser hangs the speech's day on the reported verb
        found = [r for r in found if not _within(doc, offset, r, fronted)]
    if relation is not None:  # the noun's own time first, then the clause's as a bound
        found.sort(key=lambda r: _relation_to(doc, offset, r, relation) is not None)
        if found and _relation_to(doc, offset, found[0], relation) is None:
            # "after the January 30 strikes": the preposition bounds the clause, the day is the noun's own
            return found[0], found[0].value, found[0].precision, False
    if found:
        # "killed 105 civilians since April 28": not a day's event but a stretch from it, and the precision says so
        return _shifted(found[0], _relation_to(doc, offset, found[0], relation))
    related = _related_time(doc, offset, times, _clause_head(doc, own or clause))
    if related is not None:
        return _shifted(related[0], _relation_to(doc, offset, related[0], relation) or related[1])
    told = _governed_time(doc, offset, times, {reporting.i} | fronted) if reporting is not None else None
    if told is not None and reporting is not None and (ongoing or not _speaks(reporting)):
        # "On Tuesday, the army shelled Saraqib and rebels fired rockets": the parser's complement of a verb that
        # reports nothing shares its time
        return _shifted(told, None)
    if told is not None and told.precision == "day":
        return told, told.value, "reported by", False
    if published.precision == "unknown":
        # A report whose date is unknown dates nothing: an interval spanning decades is not a date to print. The
        # act's own time expression, unresolved ("signed in November" of no known year), stays with it undated:
        # once its story gives the report its year, linking resolves it (truceline.link.dates), as the per-report
        # stages would have with that date
        pending = _governed_times(doc, offset, times, own, unresolved=True)
        return (pending[0], None, "unknown", False) if pending else (None, None, "unknown", True)
    return None, published.value, "reported by", True


def _before_the_subject(speech: Token, verb: Token) -> set[int]:
    """The words between a speech verb and the subject of the clause it reports ("said [on Monday] it had ..."):
    they are the speech's, wherever the parser hung them."""
    if verb.head.i != speech.i or verb.i <= speech.i:
        return set()
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i <= speech.i + 1:
        return set()
    words = range(speech.i + 1, subject.left_edge.i)
    if any(verb.doc[i].lower_ == "that" for i in words):
        return set()  # "said on Monday that ...": the parser hangs such a time on the speech verb already
    return set(words)


def _within(doc: Any, offset: int, ref: TimeRef, words: set[int]) -> bool:
    tokens = tokens_within(doc, ref.start - offset, ref.end - offset)
    return bool(tokens) and all(t.i in words for t in tokens)


def _relation_to(doc: Any, offset: int, ref: TimeRef, relation: tuple[str, set[int]] | None) -> str | None:
    if relation is None:
        return None
    kind, phrase = relation
    inside = any(t.i in phrase for t in tokens_within(doc, ref.start - offset, ref.end - offset))
    return None if inside else kind


def _plans(verb: Token) -> bool:
    """A verb of planning, promising or asking, whose infinitive is an act still ahead of its own time."""
    from truceline.events.lexicon import load_lexicon
    from truceline.timex.lexicon import lexicon

    lemma = verb.lemma_.lower()
    lex = load_lexicon()
    return (
        lemma in lexicon().prospective_governors
        or lemma in lex.plan_cues
        or lemma in lex.threat_cues
        or lemma in _ASKING
    )


_ASKING = frozenset({"urge", "ask", "call", "demand", "request", "press", "order", "promise", "pledge", "invite"})


def _speaks(verb: Token) -> bool:
    from truceline.events.lexicon import load_lexicon

    lex = load_lexicon()
    return verb.lemma_.lower() in lex.speech_verbs or verb.lemma_.lower() in lex.denial_verbs


# Events that are said or agreed rather than done: what they are about is not where they were made.
_SAID = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "CONSULT", "SUPPORT", "CONCEDE"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})
# texts and processes a place's name may name ("the Sochi agreement", "the Astana format"); parties.report_ground reads
# the same list
NAMED_THINGS = frozenset({"agreement", "deal", "memorandum", "protocol", "accord", "treaty", "process", "format"})
# "a ceasefire agreed in Moscow", "the truce signed at Doha": where a text was made, not the scene of what the
# sentence tells of it (violations, a collapse), nor the ground of its parties
_MADE_AT = re.compile(
    r"\b(?:agreements?|deals?|memorand(?:um|a)|protocols?|accords?|treat(?:y|ies)|truces?|cease-?fires?|armistices?|"
    r"arrangements?)(?:,\s*|\s+)(?:agreed|signed|reached|brokered|struck|sealed|concluded|negotiated|mediated)(?:\s+upon)?\s+"
    r"(?:in|at)\s+(?:the\s+)?$",
    re.I,
)


def made_at(text: str, start: int) -> bool:
    """Whether the place at `start` of `text` is where a text was made ("a truce agreed in Moscow")."""
    return _MADE_AT.search(text, max(0, start - 80), start) is not None


def _content(trigger: Token, verb: Token) -> set[int]:
    """Token indexes that are not where a statement was made: its complement clauses ('urged X to withdraw from
    Idlib', 'accused X of shelling villages in Y', 'gave them until the end of the month to leave Z'), and the
    words outside its own clause ('..., and state media accused Turkish troops': the other clause's places)."""
    out: set[int] = set()
    root = verb
    if to_infinitive(verb) and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        root = verb.head  # "arrived in Ankara to discuss": the purpose stands for the visit, made in Ankara
    own = {t.i for t in root.subtree} | {t.i for t in trigger.subtree}
    out.update(t.i for t in trigger.doc if t.i not in own)
    for head in {trigger.i: trigger, verb.i: verb}.values():
        for child in head.children:
            if _topic(child, head):  # "talks on a Gaza ceasefire", "discussed the situation in Idlib"
                out.update(t.i for t in child.subtree)
            pcomp = child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children)
            clause = child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            if child.dep_ in _CONTENT_DEPS or pcomp or clause:
                out.update(t.i for t in child.subtree)
    for token in trigger.subtree:  # an infinitive anywhere below: what is to be done, not where it was said
        if token.i not in (trigger.i, verb.i) and token.dep_ in ("acl", "xcomp", "advcl") and to_infinitive(token):
            out.update(t.i for t in token.subtree)
        elif token.i != trigger.i and token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in _AIMS:
            out.update(t.i for t in token.subtree)  # "talking with the aim of reaching a truce in Idlib"
    return out


_TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning"})
_DISCUSSING = frozenset({"discuss", "debate", "review", "address", "examine"})
_ASIDE_OF = frozenset({"sideline", "sidelines", "margin", "margins"})  # "on the sidelines of a summit in Munich"


def _topic(child: Token, head: Token) -> bool:
    """What a statement or meeting is about: a topic preposition ("talks about/on X"), or what is discussed."""
    if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS:
        return True
    if child.dep_ == "prep" and child.lower_ == "on" and head.tag_.startswith("NN"):
        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
        return pobj is not None and pobj.lower_ not in _ASIDE_OF and pobj.ent_type_ not in ("DATE", "TIME")
    return child.dep_ == "dobj" and head.lemma_.lower() in _DISCUSSING


_AIMS = frozenset({"of", "for", "towards", "toward"})  # "the aim of reaching", "talks for ending", "steps towards"


def _names_a_thing(token: Token, trigger: Token) -> bool:
    """'the Sochi agreement', 'the Astana process': a place naming a text or a process is not this event's scene."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod") and head.i != trigger.i and str(head.lemma_).lower() in NAMED_THINGS
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
    content: set[int] = set()
    if trigger is not None:
        verb = _clause_verb(trigger, clause)
        content = _content(trigger, verb) if kind in _SAID else set()
        for own in _said_to_do(trigger, verb):  # "talks are due to resume in Geneva": where they are held
            content -= {t.i for t in own.subtree}
        content |= _asides(doc, trigger, kind)
        if kind == "ACCUSE":  # "blamed Armenia for provocations near Lachin": the charge's place, not the blaming's
            content |= {
                t.i
                for head in (trigger, verb)
                for c in head.children
                # "called it a provocation near X": the name given, with its place, is the charge too (wherever the
                # parser hangs the place: on the name or on the verb of naming)
                if (c.dep_ == "prep" and (c.lower_ in ("for", "over") or _names(head))) or c.dep_ == "oprd"
                for t in c.subtree
            }
        if kind == "MOBILIZE":  # "sent troops to Libya to support the government in Tripoli": the aim's place is
            # not where the troops go
            content |= {
                t.i
                for head in (trigger, verb)
                for c in head.children
                if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)
                for t in c.subtree
            }
        content.discard(trigger.i)
        kept = []
        sentence = doc_text(doc)
        for place in places:
            tokens = tokens_within(doc, place.start - offset, place.end - offset)
            if tokens and (any(t.i in content for t in tokens) or any(_names_a_thing(t, trigger) for t in tokens)):
                continue
            if made_at(sentence, place.start - offset) and not (tokens and _made_by(trigger, tokens[0])):
                continue  # "shelled Terter in breach of a truce agreed in Moscow": not where the shelling was
            if tokens and tokens[0].i < trigger.i and _in_a_conjunct_before(tokens[0], verb):
                continue  # "jets pounded Beirut's suburbs, and Hezbollah fired rockets": the first clause's place
            kept.append(place)
        places = kept
        struck = None
        if kind == "ASSAULT":
            struck = _struck_place(doc, offset, places, trigger, clause)
        elif kind == "MOBILIZE":
            struck = _struck_place(doc, offset, places, trigger, clause, _SENT_TO, objects=False)
        if struck is not None:
            return struck
        there = _where_clause_place(doc, offset, places, trigger)
        if there is not None:
            return there
    try:
        chosen: Place | None = picker(places, offset, offset + len(doc_text(doc)), trigger_start)
    except NotImplementedError:
        return None
    if chosen is None and trigger is not None:
        return _described_place(doc, offset, trigger, clause, content)
    return chosen


def _names(verb: Token) -> bool:
    """A verb that names its object ("what it called provocations")."""
    return any(c.dep_ == "oprd" for c in verb.children)


def _made_by(trigger: Token, token: Token) -> bool:
    """The trigger is the making the place hangs on ("the truce agreed in Moscow on Saturday": agreed there)."""
    return token.head.dep_ == "prep" and token.head.head.i == trigger.i


def _where_clause_place(doc: Any, offset: int, places: Sequence[Place], trigger: Token) -> Place | None:
    """The place a "where" clause holding the act hangs on ("Ankara's attention is also on Libya, where Erdogan said
    that Turkish soldiers had begun moving"): what the clause tells happens there, however far the name is."""
    token = trigger
    for _ in range(8):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in token.children):
            at = offset + head.idx
            return next((p for p in places if p.start <= at < p.end and p.resolved), None)
        token = head
    return None


def _in_a_conjunct_before(token: Token, verb: Token) -> bool:
    """A word of a clause with its own subject that `verb`'s clause is joined to ("X pounded Beirut, and Y fired")."""
    if verb.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.head.left_edge.i <= token.i < verb.left_edge.i


_AT = frozenset({"in", "at", "near", "outside", "around"})
_STRUCK_AT = frozenset({"on", "at"})
_SENT_TO = frozenset({"to", "into", "towards", "toward"})


def _struck_place(
    doc: Any,
    offset: int,
    places: Sequence[Place],
    trigger: Token,
    clause: set[int],
    preps: frozenset[str] = _STRUCK_AT,
    objects: bool = True,
) -> Place | None:
    """The town an attack hits is where it happened: "drones had struck Stepanakert", "fired on Ganja", "shelled the
    city of Ganja" (the object of the act, or of its "on"/"at"), whatever other places the sentence names; and where
    forces are sent is where a deployment is ("sent troops to Libya", `preps` "to", "into")."""
    verb = _clause_verb(trigger, clause)
    moved = [c for c in verb.children if c.dep_ == "dobj"]
    heads = list(moved) if objects else []
    for head in (verb, *([] if objects else moved)):  # "sent troops to Libya", the parser hanging "to" on the troops
        heads += [g for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ in preps for g in c.children]
    if objects and trigger.i != verb.i and trigger.pos_ == "NOUN":  # "responded with air strikes on Sanaa", "the
        # bombing of Raqqa": the noun's own target
        heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in (*preps, "of") for g in c.children]
    heads += [
        g
        for h in list(heads)
        if h.lower_ in ("city", "control")  # "shelled the city of Ganja", "took control of Goma"
        for c in h.children
        if c.lower_ == "of"
        for g in c.children
    ]
    for head in heads:
        if head.dep_ not in ("dobj", "pobj") or head.pos_ != "PROPN":
            continue
        at = offset + head.idx
        found = next((p for p in places if p.start <= at < p.end and p.resolved), None)
        if found is not None:
            return found
    return None


def _described_place(doc: Any, offset: int, trigger: Token, clause: set[int], content: set[int]) -> Place | None:
    """A capital the clause names by its country's adjective ("met in the Turkish capital", "shelled the Syrian
    capital"): at its verb or the trigger, by a preposition of place or as the object of the act; never within
    what a statement is about."""
    from truceline.geo.described import capital_described

    if "capital" not in doc_text(doc).lower():  # most sentences name none: no walk over their tokens
        return None
    verb = _clause_verb(trigger, clause)
    for token in doc:
        if token.lower_ != "capital" or token.i in content:
            continue
        head = token.head
        at = head.head
        if at.dep_ in ("dobj", "nsubjpass") and at.head.i == verb.i:  # "attacked a post near the Libyan capital"
            at = verb
        while at.dep_ == "pobj" and at.head.lower_ in _AT and at.i not in (verb.i, trigger.i):
            at = at.head.head  # "exploded outside a restaurant in the Somali capital": a place within a place
        if token.dep_ == "pobj" and head.lower_ in _AT and at.i in (verb.i, trigger.i):
            cue: str | None = head.lower_
        elif token.dep_ == "dobj" and head.i == trigger.i == verb.i:
            cue = None
        else:
            continue
        adjective = next((c for c in token.children if c.dep_ in ("amod", "compound") and c.i == token.i - 1), None)
        if adjective is None:
            continue
        start, end = offset + adjective.idx, offset + token.idx + len(token.text)
        return capital_described(
            adjective.text, start, end, doc_text(doc)[adjective.idx : token.idx + len(token.text)], cue
        )
    return None


def _clause_verb(trigger: Token, clause: set[int]) -> Token:
    """The verb of the trigger's clause among `clause` (the trigger itself for a verb)."""
    if trigger.tag_.startswith("VB"):
        return trigger
    doc = trigger.doc
    return next((doc[i] for i in sorted(clause) if 0 <= i < len(doc) and doc[i].tag_.startswith("VB")), trigger)


def event_casualties(
    doc: Any, offset: int, quantities: Sequence[Quantity], clause: set[int], trigger_start: int
) -> tuple[Quantity | None, Quantity | None, tuple[Quantity, ...]]:
    """Killed, injured and other figures stated in the event's clause (the nearest one of each kind)."""
    sentence_end = offset + len(doc_text(doc))
    inside = [
        q
        for q in quantities
        if offset <= q.start < sentence_end
        and _belongs(doc, q.start, q.end, offset, clause)
        and not _of_another_act(doc, q.start, q.end, offset, clause)
    ]
    inside.sort(key=lambda q: abs(q.start - trigger_start))
    # victims added in a clause of their own ("..., and a third died later in hospital") count with the act's
    added = [
        q
        for q in quantities
        if offset <= q.start < sentence_end
        and q not in inside
        and _ADDED_VICTIMS.match(q.text)
        and _DIED.search(q.text)
    ]
    killed = _with_conjuncts(next((q for q in inside if q.kind == "killed"), None), inside + added, doc, offset)
    injured = _with_conjuncts(next((q for q in inside if q.kind == "injured"), None), inside + added, doc, offset)
    others = tuple(q for q in inside if q.kind not in ("killed", "injured"))
    return killed, injured, others


_JOINED_VICTIMS = re.compile(r"\s+and\s+(?:(?:his|her|their|its|the)\s+)?$")
# a figure of victims added to those told before it in the sentence: "and a third died later in hospital", "; two
# more died of their wounds", "and another was found dead"
_ADDED_VICTIMS = re.compile(
    r"(?:an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|another|\w+\s+more)\b", re.IGNORECASE
)
_JOINED_LATER = re.compile(r"(?:\band|;)\s*$")
_DIED = re.compile(
    r"\b(?:died|dies|succumbed|dead)\b", re.IGNORECASE
)  # not "two more were killed in a separate strike"


def _with_conjuncts(first: Quantity | None, inside: Sequence[Quantity], doc: Any, offset: int) -> Quantity | None:
    """'killed a woman and her two children': figures of one kind joined by 'and' are one toll, their sum (not 'five
    people, including two children', whose figures overlap)."""
    if first is None:
        return None
    text = doc_text(doc)
    group = [first]
    for q in sorted((q for q in inside if q.kind == first.kind), key=lambda q: q.start):
        last = group[-1]
        between = text[last.end - offset : q.start - offset]
        if q.start > last.end and _JOINED_VICTIMS.match(between):
            group.append(q)
        elif (
            q.start > last.end
            and _ADDED_VICTIMS.match(q.text)
            and _DIED.search(q.text)
            and _JOINED_LATER.search(between)
        ):
            group.append(q)  # "two civilians were shot dead ..., and a third died later in hospital": three
        elif q.end < group[0].start and _JOINED_VICTIMS.match(text[q.end - offset : group[0].start - offset]):
            group.insert(0, q)
    if len(group) == 1 or any(q.high is not None or q.cumulative for q in group):
        return first
    start, end = group[0].start, group[-1].end
    whos = [q.who for q in group if q.who]
    return replace(
        first,
        start=start,
        end=end,
        text=text[start - offset : end - offset],
        value=sum(q.value for q in group),
        qualifier=first.qualifier if all(q.qualifier == "exact" for q in group) else "at_least",
        who=" and ".join(whos) or first.who,
    )


def clause_tokens(trigger: Token, clause_verb: Token, extra: Sequence[Token]) -> set[int]:
    """Token indexes that count as 'this event's clause' for attaching dates, places and figures."""
    ids = {trigger.i, clause_verb.i}
    ids.update(t.i for t in extra)
    for token in (clause_verb, *extra):  # "launched attacks ..., injuring three": participles hang off the verb
        for child in token.children:
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            if child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ in ("VBG", "VBN") and not own_subject:
                ids.add(child.i)  # "... but since then 1,300 civilians have been killed": another clause's toll
    ids.update(t.i for t in _said_to_do(trigger, clause_verb))
    ids.update(_issued(clause_verb))
    if trigger.tag_.startswith("NN"):  # "the attack, which took place on Thursday, killed": when the act was
        ids.update(t.i for t in trigger.subtree if t.dep_ == "relcl" and _tells_when(t, t.head.i == trigger.i))
    return ids


# what an act is told in: "denied it in a statement issued late Thursday"
_CHANNELS = frozenset({"statement", "communique", "communiqué", "post", "tweet", "message", "interview", "speech",
                       "broadcast", "letter", "release", "video"})  # fmt: skip


def _issued(verb: Token) -> set[int]:
    """The participle that says when the statement a verb's act was made in came out ("in a statement issued late
    Thursday", "in a video released on Monday"): its time is the act's."""
    return {
        participle.i
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ in ("in", "via", "through")
        for noun in child.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in _CHANNELS
        for participle in noun.children
        if participle.dep_ == "acl" and participle.tag_ == "VBN"
    }


_OCCURRED = frozenset({"happen", "occur"})
_STARTED = frozenset({"begin", "start"})


def _tells_when(verb: Token, on_trigger: bool) -> bool:
    """A relative clause in an event noun's phrase that says only that it happened ("which took place", "that
    happened", wherever the parser hung it: no post or town takes place), or on the noun itself that it began."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "dobj" and c.lower_ != "place" for c in verb.children):
        return False
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in _OCCURRED or (on_trigger and lemma in _STARTED)


def _asides(doc: Any, trigger: Token, kind: str | None) -> set[int]:
    """Words that place something other than the act: a relative clause on another noun ("Russia, which has a base
    in Armenia, called for restraint") and, for an act a speaker tells of, where the speaker sits ("49 soldiers were
    killed, the defence ministry in Yerevan said")."""
    from truceline.events.lexicon import load_lexicon

    speech = load_lexicon().speech_verbs
    out: set[int] = set()
    for token in doc:
        aside = token.dep_ == "relcl" or (
            kind not in _SAID and token.dep_ == "nsubj" and token.head.lemma_.lower() in speech
        )
        if aside:
            words = {t.i for t in token.subtree}
            if trigger.i not in words:
                out |= words
    return out


def _passive_infinitive(verb: Token) -> bool:
    """'to be held', 'to be signed'."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children)


def _said_to_do(trigger: Token, clause_verb: Token) -> list[Token]:
    """'talks are scheduled to resume in Geneva next week': what an act named as its verb's subject is said to do
    (the infinitives under that verb, with no subject of their own) is the act's own clause: its day and place."""
    out: list[Token] = []
    if trigger.dep_ not in ("nsubj", "nsubjpass") or trigger.head.i != clause_verb.i or trigger.i == clause_verb.i:
        return out
    verb: Token | None = clause_verb
    for _ in range(2):
        if verb is None:
            break
        # "talks are due to be held": the infinitive hangs on the copula's complement
        under = [*verb.children, *(g for c in verb.children if c.dep_ == "acomp" for g in c.children)]
        verb = next((c for c in under if c.dep_ == "xcomp" and (c.tag_ == "VB" or _passive_infinitive(c))), None)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        out.append(verb)
    return out
