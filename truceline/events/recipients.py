"""Choosing among recipient candidates: the actor's own side is a theme, not a target; pronouns in reported clauses.

Split from extract.py; these rules look at resolved actors, not at the parse alone.
"""

from __future__ import annotations

from dataclasses import replace

from truceline.actors.names import display_name
from truceline.events.arguments import _past_dateline, accompanying, done_by, statement_author
from truceline.events.lexicon import Lexicon
from truceline.events.mentions import ActorIndex, actor_for, conjuncts, only_modifies
from truceline.events.nominal import nominal_arguments
from truceline.events.triggers import Candidate, Token
from truceline.model import Actor

_SELF_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "its", "their", "his", "her", "our"})


_STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "SPY"})


def own_side(actor: Actor | None, other: Actor, threat: bool = False) -> bool:
    """`other` is a common-noun phrase for the actor's own state or people ("its troops", "the military", "their
    refugees"), or one of the parties of a compound actor: a theme or a participant, never the one acted upon.

    With `threat`, any phrase of the actor's own country is its side ("X warned that Turkish forces would hit back"):
    a threat is made against another party, never against one's own forces."""
    if actor is None or not other.country or other.members:
        return False
    if actor.members:
        # a party of the compound, or its state's people; not the civilians, schools or hospitals of a member's
        # country ("Russian and Syrian air strikes hit a school": the school is the target)
        return other.country in {m.country for m in actor.members} and (
            other.text[:1].isupper() or other.sector in _STATE_SECTORS
        )
    if threat and other.country == actor.country and other.sector in _STATE_SECTORS:
        return True
    if other.text[:1].isupper():
        return False
    if other.country == actor.country and _own_name(actor) and not _own_name(other):
        return False  # "the RSF accused the army": a force with a name of its own is not its country's state
    return other.country == actor.country and actor.sector in _STATE_SECTORS and other.sector in _STATE_SECTORS


def owned(token: Token) -> bool:
    """'their forces', 'our soldiers', 'its posts': the speaker's or actor's own people or things, never the party
    acted on."""
    return any(c.dep_ == "poss" and c.lower_ in _SELF_PRONOUNS | {"my"} for c in token.children)


def relative_subject(pronoun: Token) -> tuple[Token, Token] | None:
    """(verb, its subject) for a pronoun subject of a relative clause on the verb's object: 'gunmen released 20
    people they abducted', 'Hamas freed hostages it had seized' (the pronoun is that subject, not whoever tells the
    sentence)."""
    head = pronoun.head
    if head.dep_ != "relcl" or pronoun.dep_ != "nsubj":
        return None
    noun = head.head
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if verb is None or subject is None or subject.i == noun.i or subject.lower_ in _SELF_PRONOUNS:
        return None
    return verb, subject


def governing_subject(pronoun: Token, offset: int, index: ActorIndex) -> Actor | None:
    """'Leaders of X announced that they are willing to': a pronoun subject in a reported clause is the reporter."""
    head = pronoun.head
    for _ in range(4):
        if head.dep_ == "ccomp" and head.head.i != head.i:
            subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in _SELF_PRONOUNS:
                return None
            subject = _past_dateline(subject)  # "NEW DELHI, Feb 25 - India and Pakistan said they": not the city
            if subject is None:
                return None
            subject = statement_author(subject)  # "a statement from X said he would": X
            return actor_for(subject, offset, index)
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def antecedent(pronoun: Token, offset: int, index: ActorIndex) -> Actor | None:
    """'A statement from a representative of Guterres said he was concerned and called for': he or she is the party
    named last before it in the sentence. 'The parliament was readying a bill that would allow it to send troops':
    it is the last state or body named before it, never a person."""
    if pronoun.lower_ not in ("he", "she", "it"):
        return None
    named = [a for a in index.within(offset, offset + pronoun.idx) if a.country or a.code]
    if pronoun.lower_ == "it":
        kind_of = getattr(index.dictionary, "kind_of", None)
        named = [a for a in named if not a.members and (kind_of(a) if kind_of else None) != "person"]
        named = [a for a in named if a.text[:1].isupper() or a.sector in ("GOV", "MIL", "LEG", "JUD")]
    else:
        named = [a for a in named if a.text[:1].isupper()]
    return named[-1] if named else None


_PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def _purpose_clauses(verb: Token) -> list[Token]:
    """'blocked a road to show their anger at X', 'rioted demanding Y from X': clauses saying what the act is for."""
    out = []
    for child in verb.children:
        if child.dep_ not in _PURPOSE_DEPS or not child.tag_.startswith("VB"):
            continue
        if child.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            out.append(child)
    return out


def purpose_recipient(verb: Token, offset: int, index: ActorIndex, actor: Actor | None) -> Actor | None:
    """A protest aims at whoever its purpose clause names: the first named party there that is not the
    protesters' own side ('marched to urge the Ugandan government to reopen' → UGA)."""
    for clause in _purpose_clauses(verb):
        # "rioted, joining demonstrators in demanding X": those joined are co-actors, their demand names whom
        joined = (
            {t.i for c in clause.children if c.dep_ == "dobj" for t in c.subtree} if accompanying(clause) else set()
        )
        for token in clause.subtree:
            if not token.tag_.startswith("NN") or token.i == clause.i or token.i in joined or only_modifies(token):
                continue
            found = actor_for(token, offset, index)
            named = found is not None and bool(found.country or found.code)
            if (
                named
                and found is not None
                and not own_side(actor, found)
                and (actor is None or found.start != actor.start)
            ):
                return found
    return None


def _head_of(actor: Actor, doc_tokens: Token, start: int) -> Token | None:
    """The token heading an actor's words in the parse (the one whose head lies outside them)."""
    inside = [t for t in doc_tokens.doc if actor.start <= start + t.idx < actor.end]
    heads = [t for t in inside if not actor.start <= start + t.head.idx < actor.end or t.head.i == t.i]
    return heads[0] if len(heads) == 1 else None


def with_conjuncts(found: Actor | None, token: Token, start: int, index: ActorIndex) -> Actor | None:
    """'a resumption of ties between X and Y', 'talks with leaders of X and Y': a party named deep in the phrase
    comes with the parties coordinated with it, as one compound."""
    if found is None or found.members:
        return found
    head = _head_of(found, token, start)
    while head is not None and head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "between X and Y" names Y as X's conjunct: the coordination starts at X
    if head is None or head.i == token.i or len(conjuncts(head)) < 2:
        return found
    return actor_for(head, start, index) or found


def possessor_country(token: Token | None, found: Actor | None, offset: int, index: ActorIndex) -> Actor | None:
    """'helping his forces', 'her government', 'X launched an operation after 50 of its soldiers were killed': a
    party named only by common nouns under 'his', 'her' or 'its' is of the party the pronoun stands for, whatever
    country the story or the sentence's places lent the bare words."""
    if token is None or found is None or found.members or any(w[:1].isupper() for w in found.text.split()):
        return found
    owner = possessor(token, offset, index, its=True)
    if owner is None or owner.start == found.start:
        return found
    if owner.sector in ("REB", "IMG") and found.sector in ("MIL", "REB", None) and _own_name(owner):
        # "a strike that killed three of its fighters", told of Hezbollah: a named armed group's fighters are it
        return replace(owner, start=found.start, end=found.end, text=found.text)
    if owner.country == found.country:
        return found
    country = owner.country
    return replace(found, country=country, code=f"{country}{found.sector or ''}", name=None)


def possessor(token: Token, offset: int, index: ActorIndex, its: bool = False) -> Actor | None:
    """Whom 'his' or 'her' on `token` stands for: the party with a country named last before the pronoun. With
    `its`, also whom 'its' stands for, on `token` or on its 'of' phrase ('50 of its soldiers'): the subject of the
    nearest clause above it that names a single party with a country ('Turkey launched an operation after 50 of its
    soldiers were killed': Turkey), not the last name before it, which is often a place ('in Syria')."""
    owners = ("his", "her", "its") if its else ("his", "her")
    holders = [token]
    if its:
        holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    pronoun = next((c for t in holders for c in t.children if c.dep_ == "poss" and c.lower_ in owners), None)
    if pronoun is None:
        return None
    if pronoun.lower_ == "its":
        return _clause_owner(pronoun, offset, index)
    named = [a for a in index.within(offset, offset + pronoun.idx) if a.text[:1].isupper() and a.country]
    named = [a for a in named if not a.members and not a.start <= offset + token.idx < a.end]
    return named[-1] if named else None


def _its_forces(owner: Actor, thing: Token, lex: Lexicon) -> Actor:
    """A state body's military things are its state's forces: "the defence ministry said Armenian forces had fired on
    its positions": Azerbaijan's military, not its ministry."""
    military = thing.lemma_.lower() in lex.military_things or thing.lower_ in lex.military_things
    if not military or owner.sector != "GOV" or not owner.country or owner.members:
        return owner
    return replace(owner, sector="MIL", code=f"{owner.country}MIL", name=display_name(owner.country, "military"))


def _its_other_owner(token: Token, offset: int, index: ActorIndex, lex: Lexicon) -> Actor | None:
    """Whom 'its' on an object stands for when the clause's subject is plural and so cannot be its owner ('the RSF
    said army jets had bombed its bases'), and whom 'their' on what an attack hits stands for when a party above the
    clause tells it ('Ukraine's military said Russian troops attacked their positions': no side attacks its own
    positions): the nearest single party above that clause; None otherwise."""
    pronoun = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if pronoun is None or not verb.tag_.startswith("VB"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if pronoun.lower_ == "their":
        if lex.verbs.get(verb.lemma_.lower(), ("",))[0] != "ASSAULT" or token.dep_ != "dobj":
            return None
        if any(c.lower_ == "own" for c in token.children):
            return None  # "shelled their own positions by mistake": the attackers' own
    elif subject.tag_ not in ("NNS", "NNPS"):
        return None
    return _clause_owner(verb, offset, index)


def _clause_owner(pronoun: Token, offset: int, index: ActorIndex) -> Actor | None:
    head = pronoun
    for _ in range(12):  # "in retaliation for a strike that killed three of its fighters": nine steps up
        if head.head.i == head.i:
            return None
        joined = head.dep_ == "conj"
        head = head.head
        if joined or not head.tag_.startswith("VB"):
            continue  # "X shelled the city and its troops returned fire": a conjoined clause's subject is not above it
        for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
                continue  # "its troops advanced": the subject holding the pronoun is not its owner
            found = actor_for(subject, offset, index)
            if found is not None and found.country and not found.members and found.text[:1].isupper():
                return found
    return None


def aimed_at_state(token: Token, start: int, index: ActorIndex) -> Actor | None:
    """'fired rockets at Israel', 'angry at the United States': a country after 'at' is the state aimed at, not a
    spot on the map (a town or a capital there stays a place)."""
    if token.dep_ != "pobj" or token.head.lower_ != "at" or token.pos_ != "PROPN":
        return None
    kind_of = getattr(index.dictionary, "kind_of", None)
    if kind_of is None:
        return None
    at = start + token.idx
    named = [a for a in index.within(start + token.left_edge.idx, at + len(token.text)) if a.start <= at < a.end]
    if len(named) != 1 or named[0].members or kind_of(named[0]) != "country":
        return None
    return named[0]


def _recipient(token: Token, start: int, index: ActorIndex, lex: Lexicon) -> Actor | None:
    found = with_conjuncts(actor_for(token, start, index), token, start, index) or aimed_at_state(token, start, index)
    found = possessor_country(token, found, start, index)
    if found is None and (doer := done_by(token, agreement=True)) is not None:
        # "launched an investigation into crimes committed by X", "prevented a rally staged by students": the one
        # acted against is whoever did the thing the act is aimed at (not who brokered it: "agreed to a ceasefire
        # brokered by the United States")
        found = actor_for(doer, start, index)
    if found is None and token.lemma_.lower() in lex.nouns:
        # "condemned an attack by X soldiers": the one condemned is the attack's agent
        inner = Candidate(token, *lex.nouns[token.lemma_.lower()], True)
        inner_agent, inner_options, _ = nominal_arguments(inner, index, start)
        found = actor_for(inner_agent, start, index) if inner_agent is not None else None
        if found is None and inner_agent is None:  # "called for sanctions against X": the one they would hit
            others = (t for t in inner_options if not owned(t))  # "any attack on our forces": not a target
            found = next((a for a in (actor_for(t, start, index) for t in others) if a), None)
    if found is None:  # "mobilized reservists for a war against X", "a campaign against X"
        against = next(
            (
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "against"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        found = actor_for(against, start, index) if against is not None else None
    return found


def recipient_of(
    options: list[Token], start: int, actor: Actor | None, threat: bool, index: ActorIndex, lex: Lexicon
) -> Actor | None:
    """The first option that is an actor and not the actor's own people ("offered its troops to X": the troops
    are what is given; "Israeli and Syrian officials discussed Syrian refugees": no one else is involved)."""
    for token in options:
        owner = possessor(token, start, index)
        if owned(token) and (owner is None or actor is None or owner.country in (None, actor.country)):
            other = _its_other_owner(token, start, index, lex)
            if (
                other is not None
                and not own_side(actor, other, threat)
                and (actor is None or other.start != actor.start)
            ):
                return _its_forces(other, token, lex)  # "the RSF said army jets had bombed its bases": the RSF's
            continue  # "withdraw their forces", "reinforce its posts": the actor's own, not a party acted on
        found = _recipient(token, start, index, lex) or object_antecedent(token, start, actor, index)
        if found is not None and not own_side(actor, found, threat):
            return found
    return None


_OBJECT_PRONOUNS = {"them": ("NNS", "NNPS"), "him": ("NNP",), "her": ("NNP",)}


def object_antecedent(token: Token, start: int, actor: Actor | None, index: ActorIndex) -> Actor | None:
    """'paid compensation to British nationals ... when Amin expelled them', 'detained Somali traders and deported
    them': an object pronoun stands for the nearest party before it in the sentence named by a noun of its number
    (a plural for 'them', a name for 'him' or 'her'), besides the one acting."""
    tags = _OBJECT_PRONOUNS.get(token.lower_)
    clause_subject = token.dep_ == "nsubj" and token.head.dep_ in ("ccomp", "xcomp")  # "expect them to act"
    if tags is None or (token.dep_ not in ("dobj", "pobj", "nsubjpass") and not clause_subject):
        return None
    for noun in reversed(token.doc[: token.i]):
        if noun.tag_ not in tags or (actor is not None and actor.start <= start + noun.idx < actor.end):
            continue
        if tags == ("NNP",) and noun.ent_type_ != "PERSON":
            continue
        found = actor_for(noun, start, index)
        if found is not None and (found.country or found.code or found.members):
            return found
    if (
        token.lower_ == "them"
    ):  # "shared the findings with Russia and expect them to act": a state spoken of as its people
        for noun in reversed(token.doc[: token.i]):
            if noun.ent_type_ not in ("GPE", "ORG") or (
                actor is not None and actor.start <= start + noun.idx < actor.end
            ):
                continue
            found = actor_for(noun, start, index)
            if found is not None and found.country and (actor is None or found.country != actor.country):
                return found
    return None


def named_apart(a: Actor | None, b: Actor | None) -> bool:
    """Two sides of one country that their names keep apart: a named group ("Rapid Support Forces", "M23") and any
    other party of its country ("Sudanese military"); not a state's organs among themselves ("Turkish military",
    "Turkish Defence Ministry")."""
    if a is None or b is None or a.country is None or a.country != b.country:
        return False
    return (_own_name(a) or _own_name(b)) and (a.name or a.text).lower() != (b.name or b.text).lower()


def _own_name(actor: Actor) -> bool:
    """A name of its own, not its country's adjective or name with a body's word ("Syrian military", "Syria")."""
    from truceline.actors.names import owner_is_country

    name = actor.name or actor.text
    if owner_is_country(name) or actor.members:
        return False
    shown = display_name(actor.country, "body") if actor.country else None  # "Sudanese body"
    return shown is None or not name.startswith(shown.removesuffix(" body"))
