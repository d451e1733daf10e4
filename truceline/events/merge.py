"""One happening told with several words is one event: the words of one sentence that name the same act are merged.

A writer often names one act twice in a sentence: a verb and the noun of the manner it was done in ("advanced in a
brutal ground offensive", "launched attacks in violation of the agreements"), a noun and the participle that says
what it did ("the increased attacks by the regime, targeting hospitals", "a deal signed in September"), two nouns
joined by "and" ("rocket fire and airstrikes by the regime"), or a verb and the participle that spells it out
("hit back the same day, pounding government positions"), or an agreement and what was agreed to ("agreed on Sunday
to extend the truce": the extension, on Sunday). The parse shows each of these links; when both ends are
events of the same type, the sentence holds one happening. The merged event keeps the main words (the verb a manner
noun hangs on, the noun a participle describes, of two nouns the one that says who) and takes from the other
whatever it lacks: actor, recipient, place, time, figures.
"""

from __future__ import annotations

from dataclasses import replace

from truceline.events.lexicon import VIOLATING, load_lexicon
from truceline.events.triggers import Candidate, Token, disowned, weapon_noun
from truceline.model import Actor, Event

_STATEMENTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})
_MANNER_PREPS = frozenset({"in", "with", "through", "under", "by", "via", "during"})
_FILLED = ("actor", "recipient", "place", "killed", "injured", "claimed_by")


def _participle(token: Token) -> bool:
    return bool(token.tag_ == "VBG") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _object_of(token: Token, verb: Token) -> bool:
    """`token` is the verb's object, or a conjunct of it."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "dobj" and token.head.i == verb.i


def _same_happening(a: Candidate, b: Candidate, kind: str, other: str) -> bool:
    """True when `b`'s words name, again, the act `a` names (same type, joined by the parse as above); `a` is then
    the one to keep: the verb that a manner noun hangs on, the noun a participle describes, the first of two nouns."""
    if kind == "PROTEST" and other == "REQUEST" and _demanding(a.token, b.token):
        return True  # "protesters gathered ..., demanding his resignation": what the protest demands, one act
    if kind == "ASSAULT" and other == "COERCE" and b.mode == "destroy" and _outcome(a, b):
        return True  # "jets bombed and destroyed a house": the destruction is what the bombing did
    if kind != other and not a.nominal and _breached_by(b, a):
        return True  # "breaching the deal by blocking aid trucks": the blocking is the breach, one act
    if kind != other or a.token.i == b.token.i:
        return False
    x, y = a.token, b.token
    if b.nominal and y.dep_ == "pobj" and y.head.lower_ in _MANNER_PREPS:
        owner = y.head.head.i
        if owner == x.i or (a.governor is not None and owner == a.governor.i):
            return True  # "advanced in a ground offensive", "launched attacks in violation of the agreements"
        if not a.nominal and _object_of(y.head.head, x):
            return True  # "struck an airfield and an oil depot in overnight drone attacks": hung on the object
        if kind == "AGREE" and not a.nominal and any(t.i == y.i for t in x.subtree) and _indefinite(y):
            # "agreed to a truce to allow the release of 50 hostages ..., in a deal brokered by Qatar": the deal is
            # the agreement the verb tells, however deep the parser hangs it
            return True
    if a.nominal and not b.nominal and y.dep_ in ("acl", "relcl") and y.head.i == x.i:
        return True  # "a deal signed in September", "attacks targeting hospitals"
    if a.nominal and b.nominal and y.dep_ == "conj" and y.head.i == x.i:
        return True  # "rocket fire and airstrikes by the regime"
    if kind in _STATEMENTS and not a.nominal and not b.nominal and y.dep_ == "conj" and y.head.i == x.i:
        return True  # "we will not only retaliate, but we will respond much more heavily": one threat
    if _agreed_to(a, b):
        return True  # "agreed on Sunday to extend the truce": one agreement, an extension
    if kind == "THREATEN" and not a.nominal and x.lemma_.lower() in _WARNING and _told_in(y, x):
        return True  # '"we will respond with force," the minister warned': the warning is the threat it words
    if kind == "ASSAULT" and not a.nominal and not b.nominal and _one_weapon(x, y):
        return True  # "shells fired by the army hit a market": the weapon fired is the one that hit
    if not a.nominal and not b.nominal and y.dep_ == "pcomp" and y.head.lower_ == "by" and y.head.head.i == x.i:
        return True  # "violated the truce by shelling positions": the shelling is how it was violated
    if not a.nominal and not b.nominal and _said_of_itself(y, x):
        return True  # "fired rockets into Israel, saying it was retaliating for a strike": the firing, answered
    if b.nominal or y.dep_ not in ("advcl", "conj") or not _participle(y):
        return False
    charged_under = (x.head.head, x.head.head.head) if x.dep_ == "pcomp" else ()  # "accused (troops) of opening"
    if not a.nominal and y.i > x.i and any(t.i == y.head.i for t in charged_under):
        # "accused Indian troops of opening fire on villages, killing a woman": the parser hangs the participle on
        # the accusing verb; it spells out the act charged
        return True
    if not a.nominal:
        # "hit back the same day, pounding government positions"; "Fighting resumed on Sunday, breaking the truce":
        # the participle hangs on the verb a gerund subject's clause is told with
        return y.head.i == x.i or any(y.head.i == t.i for t in a.extra)
    return x.dep_ in ("dobj", "nsubj") and y.head.i == x.head.i  # "seeing attacks by the regime, targeting hospitals"


_WARNING = frozenset({"warn", "threaten", "vow", "pledge", "promise"})


def _told_in(word: Token, verb: Token) -> bool:
    """`word` lies in what `verb` says (its complement clause, a quote the parser hangs on it)."""
    return any(c.dep_ in ("ccomp", "xcomp") and word.i in {t.i for t in c.subtree} for c in verb.children)


def _breached_by(breach: Candidate, act: Candidate) -> bool:
    """`breach` is a verb of breaking a text that `act` ("by blocking ...") says how it was broken."""
    verb = breach.token
    if breach.nominal or verb.lemma_.lower() not in VIOLATING or breach.type not in ("REJECT", "ASSAULT"):
        return False
    return act.token.dep_ == "pcomp" and act.token.head.lower_ == "by" and act.token.head.head.i == verb.i


def _outcome(a: Candidate, b: Candidate) -> bool:
    """`b`, a verb joined to the verb `a` by "and" with no subject of its own, after it: the same doer's next word
    for what the act did."""
    x, y = a.token, b.token
    if a.nominal or b.nominal or y.dep_ != "conj" or y.head.i != x.i or y.i < x.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in y.children)


def _one_weapon(x: Token, y: Token) -> bool:
    """`x`'s subject is a weapon ("shells", "rockets") and `y` tells that same weapon's firing or landing: the
    participle that describes it ("shells fired by the army hit"), or a verb the parser hangs on `x` with no subject
    of its own ("rockets fired from Lebanon hit the town", read as "fired ... hit")."""
    subject = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not weapon_noun(subject, load_lexicon()):
        return False
    if y.dep_ in ("acl", "relcl") and y.head.i == subject.i:
        return True
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in y.children)
    return y.dep_ in ("dep", "conj") and y.head.i == x.i and y.i > x.i and not own_subject


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _demanding(protest: Token, demand: Token) -> bool:
    """A participle of demanding with no subject of its own on a protest verb ("marched ..., demanding") or noun ("a
    protest demanding")."""
    if not _participle(demand) or demand.head.i != protest.i:
        return False
    return demand.dep_ in ("advcl", "conj") if protest.tag_.startswith("VB") else demand.dep_ == "acl"


_ANSWERING = frozenset({"retaliate", "respond", "avenge", "reply"})
_SAYING = frozenset({"say", "add", "claim", "state", "explain", "insist"})


def _said_of_itself(y: Token, x: Token) -> bool:
    """`y`, an act of answering told in the complement of a participle of saying on `x`: the doer says what `x` was."""
    said = y.head
    return (
        y.dep_ == "ccomp"
        and y.lemma_.lower() in _ANSWERING
        and said.dep_ == "advcl"
        and said.head.i == x.i
        and said.lemma_.lower() in _SAYING
    )


def _agreed_to(inner: Candidate, outer: Candidate) -> bool:
    """'agreed to extend the truce', 'agreed to observe a ceasefire': the verb agreed to says what was agreed (its
    mode), the agreeing verb when and how surely; both are one agreement."""
    x, y = inner.token, outer.token
    return (
        not inner.nominal
        and not outer.nominal
        and x.dep_ == "xcomp"
        and x.head.i == y.i
        and y.lemma_.lower() == "agree"
    )


def _as_told_by(kept: Event, agreeing: Event) -> Event:
    """The agreement's day and certainty are the agreeing verb's ("agreed on Sunday", "have not agreed")."""
    return replace(
        kept,
        stance=agreeing.stance,
        time=agreeing.time,
        date=agreeing.date,
        date_precision=agreeing.date_precision,
        date_from_publication=agreeing.date_from_publication,
    )


def _fill(kept: Event, other: Event) -> Event:
    changes: dict[str, object] = {
        name: getattr(other, name)
        for name in _FILLED
        if getattr(kept, name) is None and getattr(other, name) is not None
    }
    if kept.time is None and other.time is not None:
        changes.update(
            time=other.time,
            date=other.date,
            date_precision=other.date_precision,
            date_from_publication=other.date_from_publication,
        )
    if kept.mode == "general" and other.mode not in (None, "general") and other.type == kept.type:
        changes["mode"] = other.mode  # "Fighting resumed, breaking the truce": a violation of it
    if kept.recipient is not None and "actor" in changes and changes["actor"] == kept.recipient:
        del changes["actor"]
    return replace(kept, **changes) if changes else kept  # type: ignore[arg-type]


def merge_same(own: list[tuple[Candidate, Event]]) -> list[tuple[Candidate, Event]]:
    """The sentence's (candidate, event) pairs with the words of one happening merged into one event, in order."""
    out = list(own)
    merged = True
    while merged:
        merged = False
        for i, (ca, ea) in enumerate(out):
            for j, (cb, eb) in enumerate(out):
                if i == j or not _same_happening(ca, cb, ea.type, eb.type):
                    continue
                keep, drop = i, j
                if ca.nominal and cb.nominal and ea.actor is None and eb.actor is not None:
                    keep, drop = j, i  # of two nouns joined by "and", the one that says who did it
                kc, ke = out[keep]
                if _agreed_to(kc, out[drop][0]):
                    ke = _as_told_by(ke, out[drop][1])
                filled = _fill(ke, out[drop][1])
                if _said_of_itself(out[drop][0].token, kc.token):
                    filled = replace(filled, claimed_by=ke.claimed_by)  # what the doer says of it is not who told it
                out[keep] = (kc, filled)
                del out[drop]
                merged = True
                break
            if merged:
                break
    return out


def told_before(cand: Candidate, event: Event, earlier: list[Event]) -> bool:
    """'the attack on the Turkish post', after a sentence reporting an attack on a Turkish post: a definite noun
    with no doer of its own, aimed at the same side as an event of its type the report already has, is that
    event named again, not a second one. One that gives a toll of its own ("31 civilians died in the market
    strike") is kept: the figure is this source's, and may differ from the first telling's."""
    token = cand.token
    if event.killed is not None or event.injured is not None:
        return False
    if cand.nominal and token.dep_ == "nsubj" and event.actor is None and _bare_definite_act(token):
        # "several soldiers were also hurt when the blast hit a vehicle", "the shelling hit a school": the blast or
        # shelling told just before, whoever it hit
        near = [e for e in earlier if event.sentence_start - e.sentence_end <= _BACK_DISTANCE]
        if any(e.type == event.type and e.mode == event.mode for e in near):
            return True
    if not cand.nominal or cand.governor is not None or event.actor is not None or event.recipient is None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children):
        return False
    country = event.recipient.country
    return country is not None and any(
        e.type == event.type and e.recipient is not None and e.recipient.country == country for e in earlier
    )


def _bare_definite_act(noun: Token) -> bool:
    """'the blast', 'the attack': a definite noun with no word of its own but its article."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children) and all(
        c.dep_ in ("det", "punct") for c in children
    )


_BACK_DISTANCE = 1500  # how far back (characters) the act a definite noun names again may be told


_DOER_NOUNS = frozenset({"attackers", "assailants", "raiders", "perpetrators", "gunmen", "kidnappers", "killers"})


def _doers_named_again(cand: Candidate) -> bool:
    """'The attackers stormed the village', 'the gunmen fled': a definite noun for whoever did the attack told before,
    as the subject of this act."""
    subject = next((c for c in cand.token.children if c.dep_ == "nsubj"), None)
    if cand.nominal or subject is None or subject.lower_ not in _DOER_NOUNS:
        return False
    return _definite(subject)


def _doers_hit(cand: Candidate) -> bool:
    """'killed 12 of the attackers', 'captured the gunmen': the doers of the attack told before, as this act's object
    (or the whole a figure of them is taken from)."""
    verbs = [cand.token, *cand.extra]  # "shot and killed the attackers": the object of the verb folded in
    for obj in (c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")):
        whole = [
            g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        if any(noun.lower_ in _DOER_NOUNS and _definite(noun) for noun in (obj, *whole)):
            return True
    return False


def _last_doers(event: Event, earlier: list[Event]) -> Actor | None:
    """The doer of the nearest attack told before `event` that names one, within _BACK_DISTANCE."""
    for other in reversed(earlier):
        if event.sentence_start - other.sentence_end > _BACK_DISTANCE:
            return None
        if other.type == "ASSAULT" and other.actor is not None:
            return other.actor
    return None


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)


def doer_told_before(cand: Candidate, event: Event, earlier: list[Event]) -> Event:
    """'The SDF said the strikes had killed three civilians', after 'Turkish drones struck ...': a definite attack
    noun with no doer of its own, kept for the toll it gives, names the attack told just before, and so its doer.
    Only the nearest earlier act of its type is read, and only when it names a doer. Likewise the attackers named
    again as the object of an act are the doers of the attack told before."""
    token = cand.token
    struck = event.recipient is None or not (event.recipient.country or event.recipient.sector or event.recipient.name)
    if struck and event.type == "ASSAULT" and not cand.nominal and _doers_hit(cand):
        doers = _last_doers(event, earlier)  # "Militants attacked two posts ... Troops killed 12 of the attackers"
        if doers is not None and (event.actor is None or doers.name != event.actor.name):
            event = replace(event, recipient=doers)
    unknown = event.actor is None or not (event.actor.country or event.actor.sector or event.actor.name)
    if unknown and event.type == "ASSAULT" and _doers_named_again(cand):
        doers = _last_doers(event, earlier)  # "Gunmen killed 11 ... The attackers stormed the village": the gunmen
        return replace(event, actor=doers) if doers is not None else event
    if not cand.nominal or event.actor is not None or event.type != "ASSAULT":
        return event
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that") for c in token.children):
        return event
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.pos_ == "PROPN" for c in token.children):
        return event
    acts = []
    for other in reversed(earlier):
        if event.sentence_start - other.sentence_end > _BACK_DISTANCE:
            break
        if other.type == event.type:
            acts.append(other)
    if not acts:
        return event
    # "the strike on Azerbaijan's second-largest city", after a lead telling a missile strike on Ganja and then a
    # shelling of Stepanakert: the act on the same side's people, not merely the nearest
    hit = event.recipient.country if event.recipient is not None else None
    same = [o for o in acts if hit is not None and o.recipient is not None and o.recipient.country == hit]
    other = same[0] if same else acts[0]
    return replace(event, actor=other.actor) if other.actor is not None else event


# verbs whose subject says it did the act its definite object names ("said it carried out the attack")
_OWNING_UP_VERBS = frozenset({"carry", "conduct", "perpetrate", "commit", "stage", "mount", "execute"})


def owning_up(cand: Candidate) -> bool:
    """'X claimed responsibility for the blast', 'X said it carried out the attack': a definite noun with no words
    of its own (no possessor, modifier, figure or phrase) whose doer is named only by owning up to it."""
    return _owned(cand, disowning=False)


def disowning(cand: Candidate) -> bool:
    """'No group has claimed the blast', 'no one said it carried out the attack': the act told before, owned by no
    one (no row of its own, and no doer)."""
    return _owned(cand, disowning=True)


def _owned(cand: Candidate, disowning: bool) -> bool:
    token = cand.token
    if not cand.nominal or cand.extra:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return False
    if any(c.dep_ not in ("det", "punct") and not _when(c) and not _channel(c) for c in token.children):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        return disowned(head.head.head) == disowning
    if token.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return disowned(head) == disowning  # "a spokesman claimed the attack", not "no group claimed the blast"
    governor = cand.governor
    if token.dep_ != "dobj" or governor is None or governor.lemma_.lower() not in _OWNING_UP_VERBS:
        return False
    # "No group has said it carried out the bombing": the speaker disowns it
    said = governor.head if governor.dep_ == "ccomp" and governor.head.i != governor.i else None
    return (disowned(governor) or (said is not None and disowned(said))) == disowning


_CHANNELS = frozenset(
    {"statement", "address", "speech", "video", "message", "post", "broadcast", "interview", "communique", "letter"}
)


def _channel(child: Token) -> bool:
    """'claimed the attack in a televised address': how the claim was made, hung on the act by the parser."""
    return (
        child.dep_ == "prep"
        and child.lower_ in ("in", "on", "via", "through")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _CHANNELS for g in child.children)
    )


def _when(child: Token) -> bool:
    """'the attack on Tuesday': a phrase that dates the act, no words of its own about it."""
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def owned_up(cand: Candidate, event: Event, earlier: list[Event]) -> list[int] | None:
    """The indexes in `earlier` of the act a claim of responsibility is about: the nearest earlier act of its type,
    when the claim names it again by a bare definite noun and that act has no doer of its own (none, or one told only
    by what it did: "unidentified gunmen"), or has the claimant; and with it the acts of its type told just before it
    with no doer of their own either (a lede and its detail, "The attackers opened fire ...", not yet one row). The
    claim is then no second happening: it names the act's doer. None when the claim names a new act, or another
    doer's (a contradiction, kept as two rows)."""
    if event.actor is None or event.type != "ASSAULT" or not owning_up(cand):
        return None
    found: list[int] = []
    for i in range(len(earlier) - 1, -1, -1):
        other = earlier[i]
        if event.sentence_start - other.sentence_end > _BACK_DISTANCE:
            break
        if other.type != event.type:
            continue
        if other.actor is None or faceless(other.actor):
            found.append(i)
            continue
        if not found and _named(other.actor) == _named(event.actor):
            return [i]
        break
    return found or None


def _named(actor: Actor) -> str:
    return (actor.name or actor.text).lower()


# nouns for doers a report cannot yet name, and words that leave them unnamed ("unidentified gunmen")
_FACELESS = _DOER_NOUNS | {"militants", "insurgents", "bomber", "bombers", "men", "fighters", "jihadists"}
_VAGUE = frozenset({"unidentified", "unknown", "suspected", "armed", "masked", "islamist", "jihadist", "some"})


def faceless(actor: Actor) -> bool:
    """'Unidentified gunmen', 'suspected militants': a doer told only by what it did, whom a claim may name."""
    words = actor.text.split()
    if actor.members or not words or words[-1].lower() not in _FACELESS:
        return False
    return all(w[:1].islower() or w.lower() in _VAGUE for w in words[:-1])
