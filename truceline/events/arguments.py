"""Agent and recipient of a trigger, read off the dependency parse and resolved to actors.

Offsets: a token's body offset is the sentence start plus `token.idx`. Actor mentions come first from the
article-wide `ActorDictionary.find` results (so the actors stage stays the one authority on names); only a
phrase it did not cover is sent to `resolve`, and named entities it cannot map are kept as unknown actors.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from truceline.actors.story import is_town
from truceline.events.lexicon import load_lexicon
from truceline.events.triggers import Candidate, Token, trigger_lemma
from truceline.model import Actor

_AGENT_PREPS = frozenset({"by", "from"})
_RECIPIENT_PREPS = frozenset({"on", "against", "at", "upon", "toward", "towards", "with", "to", "into", "for"})
_WITH_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "SANCTION", "REJECT"})
_FORCE = frozenset({"ASSAULT", "COERCE", "THREATEN"})
_NER_ACTOR = frozenset({"PERSON", "ORG", "NORP"})  # an unknown GPE or FAC is a place, not a party
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "them", "who", "which", "that"})


def _party_words() -> frozenset[str]:
    return load_lexicon().party_words


def _place_heads() -> frozenset[str]:
    return load_lexicon().place_heads


class ActorIndex:
    """Actor mentions of one article sorted by start, looked up by span; resolves phrases the finder missed."""

    def __init__(self, actors: Sequence[Actor], dictionary: Any, story_country: str | None, body: str = "") -> None:
        self.body = body
        self._actors = sorted(actors, key=lambda a: a.start)
        self._starts = [a.start for a in self._actors]
        self._dictionary = dictionary
        self.story_country = story_country

    def within(self, start: int, end: int) -> list[Actor]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._actors) and self._actors[i].start < end:
            if self._actors[i].end <= end:
                out.append(self._actors[i])
            i += 1
        return out

    def resolve(self, phrase: str, start: int) -> Actor | None:
        resolve = getattr(self._dictionary, "resolve", None)
        if resolve is None:
            return None
        try:
            return resolve(phrase, start=start, story_country=self.story_country, towns=False)
        except TypeError:  # a user dictionary without the towns switch
            return resolve(phrase, start=start, story_country=self.story_country)
        except NotImplementedError:
            return None

    def as_party(self, actor: Actor | None, attack: bool) -> Actor | None:
        """A bare country acting is its state ("Turkey sent troops" → TUR GOV); a bare nationality word on an attack
        is that state's forces ("Turkish strikes" → TUR MIL). Other actors keep the sector their words gave."""
        if actor is None or not (actor.country or actor.members) or actor.sector:
            return actor
        if actor.members:
            members = tuple(self.as_party(m, attack) or m for m in actor.members)
            sectors = {m.sector for m in members}
            sector = sectors.pop() if len(sectors) == 1 else None
            return replace(actor, members=members, sector=sector)
        kind_of = getattr(self._dictionary, "kind_of", None)
        kind = kind_of(actor) if kind_of is not None else None
        if kind in ("country", "capital"):
            sector = "GOV"
        elif kind == "demonym" and attack:
            sector = "MIL"
        else:
            return actor
        return replace(actor, sector=sector, code=f"{actor.country}{sector}")

    def compound(self, members: list[Actor]) -> Actor:
        make = getattr(self._dictionary, "compound", None)
        if make is not None:
            try:
                made = make(members, text=self.body) if self.body else make(members)
                if isinstance(made, Actor):
                    return made
            except (NotImplementedError, TypeError):
                pass
        start, end = min(m.start for m in members), max(m.end for m in members)
        text = " and ".join(m.text for m in members)
        return Actor(start, end, text, members=tuple(members))


def _span(token: Token) -> tuple[Token, Token]:
    """The noun phrase of `token` without its conjuncts, relative clauses or trailing appositions."""
    left = token.left_edge
    right = token
    for child in token.rights:
        if child.dep_ in ("conj", "cc", "punct", "relcl", "acl", "appos", "advcl", "prep"):
            if child.dep_ == "prep" and child.lower_ == "of":
                right = child.right_edge
                continue
            break
        right = child.right_edge
    return left, right


def conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.tag_.startswith(("NN", "PRP")):
            out.extend(conjuncts(child))
    # spaCy sometimes hangs "and Russia" off the coordinating conjunction instead of the first conjunct
    for child in token.children:
        if child.dep_ == "cc":
            out.extend(g for g in child.children if g.dep_ == "conj" and g.tag_.startswith("NN"))
    return out


def actor_for(token: Token, offset: int, index: ActorIndex) -> Actor | None:
    """One noun phrase to an actor: dictionary mentions inside it, else resolve(), else an unknown NER actor."""
    members = [a for a in (_single_actor(t, offset, index) for t in conjuncts(token)) if a is not None]
    if not members:
        return None
    if len(members) == 1:
        return members[0]
    return index.compound(members)


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _as_place(token: Token) -> bool:
    """A name in a place's slot: after a locative preposition ("met in Ankara") or naming a thing ("the Sochi deal")."""
    if token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS:
        # "hit back at the regime", "fired at soldiers": a common noun for people is a target, not a place
        return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC") or not _group_head(token)
    return token.dep_ in _MODIFIER_DEPS and token.ent_type_ in ("GPE", "LOC", "FAC")


def _group_head(token: Token) -> bool:
    """A noun standing for people ("leaders of X", "a group of diplomats", "thousands of Nigerians")."""
    return (
        trigger_lemma(token, _party_words()) in _party_words()
        or token.ent_type_ == "CARDINAL"
        or (token.tag_ == "NNS" and token.lower_ in _MULTITUDES)
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _names_people(text: str) -> bool:
    """'militant positions', 'rebel bases': a lower-case word for people still names whose the thing is."""
    words = _party_words()
    last = text.rsplit(" ", 1)[-1].lower()
    return last in words or last.rstrip("s") in words


def _event_chain(token: Token) -> bool:
    """'a resumption of ties with X': an event noun, or one whose 'of' names an event, lets its words name parties."""
    nouns = load_lexicon().nouns
    if token.lemma_.lower() in nouns:
        return True
    of = _prep_object(token, frozenset({"of"}))
    return of is not None and of.lemma_.lower() in nouns


_MULTITUDES = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many"})


def _single_actor(token: Token, offset: int, index: ActorIndex) -> Actor | None:
    if token.lower_ in _PRONOUNS:
        return None
    if _as_place(token):
        return None  # a capital acts only as a subject or object ("Ankara said", "urged Moscow"), a town never
    if token.tag_.startswith("NN") and token.lemma_.lower() in _place_heads():
        return None  # "the besieged Bosnian town", "the Russian language": a nationality word on a place or thing
    left, right = _span(token)
    start, end = offset + left.idx, offset + right.idx + len(right.text)
    head_start = offset + token.idx
    mentions = index.within(start, end)
    inside = [a for a in mentions if not _on_place(a, token.doc.text, offset) and not _backer(a, index.body)]
    if mentions and not inside:
        return None  # only nationality words on places ("the use of the Russian language")
    if inside:
        # prefer the mention covering the head ("Turkish soldiers"), else the one nearest before it
        covering = [a for a in inside if a.start <= head_start < a.end]
        named = [a for a in inside if a.end <= head_start and a.text[:1].isupper() and (a.country or a.code)]
        if covering and named and covering[0].text.islower() and not covering[0].members:
            return named[-1]  # "a Houthi military spokesman": the group's spokesman, not the story's government
        if covering:
            return covering[0]
        if not _group_head(token) and not _event_chain(token) and index.resolve(token.text, head_start) is None:
            # a thing's words name an actor only when written as a name ("Turkish strikes", not "a general strike"
            # or "military equipment")
            inside = [a for a in inside if a.text[:1].isupper() or _names_people(a.text)]
            if not inside:
                return None
        before = [a for a in inside if a.start <= head_start]
        return (before or inside)[-1]
    phrase = token.doc.text[left.idx : right.idx + len(right.text)]
    resolved = index.resolve(phrase, start)
    if resolved is not None:
        return resolved
    for child in token.children:  # "Kenzo Oshima, the UN relief coordinator": the apposition says who he is
        if child.dep_ == "appos" and child.tag_.startswith("NN"):
            renamed = _single_actor(child, offset, index)
            if renamed is not None and (renamed.country or renamed.code):
                return renamed
    if token.dep_ in _MODIFIER_DEPS and is_town(phrase):
        return None  # "the 2018 Sochi memorandum", "the Sochi deal": the town names the deal, no party
    if token.ent_type_ in _NER_ACTOR:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and not is_town(ent.text):  # a town the tagger took for an organisation is a place
            return Actor(offset + ent.start_char, offset + ent.end_char, ent.text, ner=ent.label_)
    if token.tag_.startswith("NN") and trigger_lemma(token, _party_words()) in _party_words():
        # an unnamed party ("three villagers", "gunmen"): kept with its text so victims and sides stay visible
        return Actor(start, end, phrase)
    return None


_BACKING = re.compile(r"-(?:backed|sponsored|brokered|mediated|supported|allied|aligned|funded|armed|trained)\b")


def _backer(actor: Actor, body: str) -> bool:
    """'UN-sponsored talks', 'Iran-backed militias': the name before the hyphen backs the party or the act; it is
    not the one acting (a group led by X is still X's, so 'X-led forces' stays with the forces' own words)."""
    return bool(body) and _BACKING.match(body, actor.end) is not None


def _on_place(actor: Actor, sentence: str, offset: int) -> bool:
    """'a stronghold on the Thai border', 'the Syrian town of X': a nationality word on a place names no party."""
    if actor.members or actor.sector:
        return False
    following = sentence[actor.end - offset :].split(None, 2)
    if not following or following[0].lower().strip(",.;:") not in _place_heads():
        return False
    # the place word ends the phrase ("U.S. border patrol agents" are people, "the Kenyan border after" a place)
    return len(following) == 1 or following[0][-1:] in ",.;:" or following[1].lower() in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(
    {
        "of",
        "on",
        "in",
        "at",
        "near",
        "after",
        "before",
        "with",
        "for",
        "to",
        "from",
        "and",
        "or",
        "where",
        "that",
        "which",
        "since",
        "during",
        "by",
        "into",
        "as",
        "but",
        "was",
        "is",
        "were",
        "are",
        "had",
        "has",
    }
)


def _subject(verb: Token) -> Token | None:
    """The agent of a verb, following xcomp/conj/relcl chains ("agreed to turn", "forces that attacked")."""
    seen = 0
    raised = False
    while verb is not None and seen < 6:
        seen += 1
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj") or (raised and child.dep_ == "nsubjpass"):
                return _past_dateline(child)  # "X are expected to send envoys": X sends
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        raised = verb.dep_ == "xcomp"
        if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("of", "for") and verb.head.dep_ == "prep":
            # "accused X of shelling", "blamed X for firing": the one accused is the agent
            accused = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
            if accused is not None:
                return accused
        if verb.dep_ in ("relcl", "acl") and verb.head.tag_.startswith("NN"):
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and _issued(verb.head):
                verb = verb.head.head  # "issued a statement demanding": whoever issued it demands
                continue
            return verb.head if verb.dep_ == "relcl" or verb.tag_ == "VBG" else None
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "pobj" or verb.dep_ == "prep":
            verb = verb.head
            continue
        return None
    return None


def _issued(noun: Token) -> bool:
    """A thing, not a party, that is the object of a verb ('a declaration', 'a letter'): its author is that verb's
    subject. Parties ('forces attacking', 'Hamas fighters demanding') keep the noun as the agent."""
    if noun.dep_ != "dobj" or not noun.head.tag_.startswith("VB") or noun.ent_type_:
        return False
    return noun.lemma_.lower() not in _party_words()


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def dateline_end(doc: Any) -> int:
    """Index of the dash closing a wire dateline ("SOCHI, Russia, Sept 17 (Agency) -"), or -1 when there is none.

    The small model often makes the dateline city the sentence's subject; the real subject is the phrase after
    the dash, which it hangs off that city as an apposition.
    """
    if len(doc) < 3 or not (doc[0].is_upper and len(doc[0].text) > 2) or doc[1].text != ",":
        return -1
    for token in doc[2:20]:
        if token.text in _DASHES:
            return int(token.i)
    return -1


def _past_dateline(subject: Token) -> Token | None:
    end = dateline_end(subject.doc)
    if end < 0 or subject.i > end:
        return subject
    return next((c for c in subject.children if c.i > end and c.dep_ in ("appos", "conj", "nsubj")), None)


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    """The object of the first matching preposition, skipping times ("on 6 November") and fronted phrases."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            if child.i < token.i and child.lower_ in ("on", "at", "in"):
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def _first(tokens: list[Token | None]) -> list[Token]:
    seen: set[int] = set()
    out = []
    for token in tokens:
        if token is not None and token.i not in seen:
            seen.add(token.i)
            out.append(token)
    return out


_SKIP_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "punct", "cc", "aux", "auxpass", "neg", "mark", "advmod", "poss"}
)


def nearby_nouns(head: Token, agent: Token | None, depth: int = 3) -> list[Token]:
    """Nouns below `head`, nearest first: where a coder looks for the target when no argument slot names one
    ("offered to hand over to Great Britain", "demanded that Hamas renounce")."""
    blocked = set() if agent is None else {t.i for t in agent.subtree}
    out: list[Token] = []
    frontier = [head]
    for _ in range(depth):
        nxt: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in blocked or (child.dep_ in _SKIP_DEPS and token.i != head.i and child.dep_ != "nsubj"):
                    continue
                if token.i == head.i and child.dep_ in _SKIP_DEPS:
                    continue
                if child.lemma_.lower() in _speech() and (
                    child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "advcl" and _has_subject(child))
                ):  # what someone said, or "while inspectors said ...", is another clause ("saying its jets" is not)
                    continue
                if child.dep_ == "conj" and child.tag_.startswith("VB") and _has_subject(child):
                    continue  # "jets struck a tunnel, and militants fired rockets": another act with its own doer
                if child.tag_.startswith(("NN", "PRP")) and child.tag_ != "PRP$":
                    out.append(child)
                nxt.append(child)
        frontier = nxt
    return out


def _speech() -> frozenset[str]:
    return load_lexicon().speech_verbs


def _stative(verb: Token) -> bool:
    """'X is opposed to', 'X is committed to': a participle naming the subject's own stance, so no passive."""
    return verb.lemma_.lower() in load_lexicon().stative_participles and _prep_object(verb, _BY) is None


_BY = frozenset({"by"})
_BETWEEN = frozenset({"with", "between", "among", "amongst"})
_GIVEN_TO = frozenset({"to", "for", "into"})


_CONDITIONS = frozenset({"if", "unless", "should"})
_AIMED = frozenset({"on", "against", "at", "upon", "toward", "towards"})  # not "respond with force"


def _threatened(clause: Token) -> list[Token | None]:
    """'warned that its forces would hit back at X if Y attacked': when the threatened clause's subject is the
    speaker's own side (dropped by the coder), the one threatened is whom that clause acts on, then whoever its
    condition names as the one who would provoke it."""
    out: list[Token | None] = [next((c for c in clause.children if c.dep_ == "dobj"), None)]
    out.append(_prep_object(clause, _AIMED))
    for part in clause.children:  # "hit back hard at X": the particle or adverb carries the preposition
        if part.dep_ in ("prt", "advmod"):
            out.append(_prep_object(part, _AIMED))
    for sub in clause.children:
        if sub.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in sub.children):
            out.append(next((c for c in sub.children if c.dep_ == "nsubj"), None))
    return out


def verbal_arguments(cand: Candidate) -> tuple[Token | None, list[Token], list[Token]]:
    """Agent, recipient candidates from argument slots (best first), and nouns nearby as a last resort."""
    verb = cand.token
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and not _stative(verb)
    options: list[Token | None] = []
    if passive:  # "X was attacked by Y": Y acts, X receives
        agent = _prep_object(verb, _BY)
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is None and verb.dep_ == "conj":  # "must lay down its arms or be crushed": the shared subject
            patient = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif agent is None and verb.dep_ in ("xcomp", "conj"):
            agent = _subject(verb.head)
        options.append(patient)
    else:
        agent = _subject(verb)
        if agent is None:
            agent = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # a stative "is opposed"
        phrase = {t.i for t in cand.extra} | ({cand.ceasefire_noun.i} if cand.ceasefire_noun is not None else set())
        if verb.lemma_.lower() in load_lexicon().transfer_verbs:
            # "offered its troops to X", "gave X weapons": the one given to, not the thing given
            options.append(next((c for c in verb.children if c.dep_ == "dative" and c.tag_.startswith("NN")), None))
            options.append(_prep_object(verb, _GIVEN_TO))
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in phrase), None)
            options.append(_prep_object(obj, _GIVEN_TO) if obj is not None else None)  # "aid for X"
        options.append(next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in phrase), None))
    # "hit it with a force it has not seen": for an act of force, "with" gives the weapon, not a party
    options.append(_prep_object(verb, _RECIPIENT_PREPS - {"with"} if cand.type in _FORCE else _RECIPIENT_PREPS))
    if cand.type in _WITH_TYPES:  # "signed a protocol with X", "restored ties with X"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        options.append(_prep_object(obj, _BETWEEN) if obj is not None else None)
    if cand.ceasefire_noun is not None:
        options.append(_prep_object(cand.ceasefire_noun, _BETWEEN))
    for extra in cand.extra:  # a casualty verb folded into this event names the victims; an obliged clause, whom
        options.append(next((c for c in extra.children if c.dep_ in ("dobj", "nsubjpass")), None))
        if cand.type == "REQUEST":
            options.append(next((c for c in extra.children if c.dep_ == "nsubj"), None))
    for child in verb.children:  # "demanded that the US cancel": the one asked is the complement's subject
        if child.dep_ == "ccomp" and child.lemma_.lower() not in _speech():
            options.append(next((c for c in child.children if c.dep_ == "nsubj"), None))
            if cand.type == "THREATEN":
                options.extend(_threatened(child))
    return agent, _first(options), nearby_nouns(verb, agent)
