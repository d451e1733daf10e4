"""Phrases to actors: the noun phrase in an argument slot, resolved against the article's actor mentions.

Offsets: a token's body offset is the sentence start plus `token.idx`. Actor mentions come first from the
article-wide `ActorDictionary.find` results (so the actors stage stays the one authority on names); only a
phrase it did not cover is sent to `resolve`, and named entities it cannot map are kept as unknown actors. Split
from arguments.py, which reads the argument slots off the parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from truceline.actors.build import joint_code
from truceline.actors.names import display_name
from truceline.actors.story import is_town
from truceline.events.lexicon import load_lexicon
from truceline.events.triggers import Token, doc_text, trigger_lemma, weapon_noun
from truceline.model import Actor

_NER_ACTOR = frozenset({"PERSON", "ORG", "NORP"})  # an unknown GPE or FAC is a place, not a party
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "them", "who", "which", "that"})


def _party_words() -> frozenset[str]:
    return load_lexicon().party_words


def _place_heads() -> frozenset[str]:
    return load_lexicon().place_heads


_ARMED_GROUPS = frozenset({"REB", "IMG", "INS"})  # sectors of the groups "the group" may mean
# words before a group named only to describe another ("allied with al Qaeda", "an offshoot of Islamic State")
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")
_DESCRIBING = re.compile(
    r"\b(?:allied|linked|affiliated|aligned|tied|loyal|close)\s+(?:with|to)\s+$|\boffshoot\s+of\s+$"
)


# "Russia and Turkey, which back opposing sides": a pair told as the sides' backers, not as the sides
_BACKERS = re.compile(
    r"^,?\s+(?:which|who)\s+(?:(?:are|were|have)\s+)?(?:back|backs|backed|backing|support|supports|supported|"
    r"supporting|arm|arms|armed|sponsor|sponsors)\s+(?:the\s+)?(?:opposing|rival|opposite|competing|warring|"
    r"different|two|both)\b"
)


def backers(body: str, end: int) -> bool:
    """The phrase ending at `end` is told as the backers of the sides of a war ("Russia and Turkey, which back
    opposing sides"): whom "both sides" later means are the sides, not them."""
    return _BACKERS.match(body[end : end + 80]) is not None


_DEFENCE = re.compile(r"\bdefen[cs]e\s+minist|\bministry\s+of\s+defen[cs]e\b|\bpentagon\b", re.I)


def _defence_body(actor: Actor) -> bool:
    """A state's defence ministry (or its department of defence), named as a body of government."""
    if actor.members or actor.sector != "GOV" or not actor.country:
        return False
    return _DEFENCE.search(f"{actor.text} {actor.name or ''}") is not None


class ActorIndex:
    """Actor mentions of one article sorted by start, looked up by span; resolves phrases the finder missed."""

    def __init__(self, actors: Sequence[Actor], dictionary: Any, story_country: str | None, body: str = "") -> None:
        self.body = body
        self._actors = sorted(actors, key=lambda a: a.start)
        self._starts = [a.start for a in self._actors]
        self._dictionary = dictionary
        self.story_country = story_country
        self.memo: dict[str, Any] = {}  # what rules work out once per report (parties.report_ground)

    @property
    def dictionary(self) -> Any:
        return self._dictionary

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

    def resolve_as(self, phrase: str, start: int, country: str) -> Actor | None:
        """`phrase` resolved as if `country` were the report's: whose an unnamed body is, once an event shows it."""
        resolve = getattr(self._dictionary, "resolve", None)
        if resolve is None:
            return None
        try:
            return resolve(phrase, start=start, story_country=country)
        except (TypeError, NotImplementedError):
            return None

    def as_party(self, actor: Actor | None, attack: bool) -> Actor | None:
        """A bare country acting is its state ("Turkey sent troops" → TUR GOV); a bare nationality word on an attack
        is that state's forces ("Turkish strikes" → TUR MIL). Other actors keep the sector their words gave."""
        if actor is not None and actor.country and attack and _defence_body(actor):
            # "Russia's defence ministry said it had responded with airstrikes": a ministry strikes through its forces
            country = actor.country
            return replace(actor, sector="MIL", code=f"{country}MIL", name=display_name(country, "military"))
        if actor is None or not (actor.country or actor.members) or actor.sector:
            return actor
        if actor.members:
            members = tuple(self.as_party(m, attack) or m for m in actor.members)
            sectors = {m.sector for m in members}
            sector = sectors.pop() if len(sectors) == 1 else None
            return replace(actor, members=members, sector=sector, code=joint_code(members))
        kind_of = getattr(self._dictionary, "kind_of", None)
        kind = kind_of(actor) if kind_of is not None else None
        if kind in ("country", "capital"):
            sector = "GOV"
        elif kind == "demonym" and attack:
            sector = "MIL"
        else:
            return actor
        return replace(actor, sector=sector, code=f"{actor.country}{sector}")

    def headed(self, owner: Actor, head: Token, head_start: int) -> Actor:
        """A bare nationality or country before the phrase's head takes the sector its head noun names, when the
        dictionary's agents know that noun: "two Syrian Su-24 warplanes" (SYR MIL), "Russia's new bombers"."""
        if owner.sector or owner.members or not owner.country or owner.end > head_start:
            return owner
        sector = self.head_sector(head)
        if sector is None:
            return owner
        return replace(owner, sector=sector, code=f"{owner.country}{sector}")

    def head_sector(self, head: Token) -> str | None:
        """The sector a phrase's head noun names as one of the dictionary's agents ("bombers": MIL), else None."""
        named = getattr(self._dictionary, "head_sector", None)
        if named is None:
            return None
        # "air strikes": a compound word written right before the head is part of the noun
        words = [c for c in head.lefts if c.dep_ == "compound" and c.i == head.i - 1]
        return (named(f"{words[0].text} {head.text}") if words else None) or named(head.text)

    def pair_named_before(self, before: int) -> Actor | None:
        """The last two parties of two countries the text names together before `before` ("a ceasefire between
        Armenia and Azerbaijan", "Armenia and Azerbaijan agreed"), joined: whom "the two countries" or "both sides"
        means when no act of theirs was coded."""
        for k in range(bisect.bisect_left(self._starts, before) - 1, 0, -1):
            first, second = self._actors[k - 1], self._actors[k]
            if second.end > before or self.body[first.end : second.start] not in (" and ", ", and ", " and the "):
                continue
            if first.members or second.members or not first.country or not second.country:
                continue
            if backers(self.body, second.end) or self._describes_a_thing(second):
                continue
            if first.country != second.country or (first.sector and second.sector and first.sector != second.sector):
                # two countries, or one country's two sides ("Colombia's government and the ELN rebels")
                return self.compound([first, second])
        return None

    def _describes_a_thing(self, actor: Actor) -> bool:
        """A nationality word on a noun that names no party ("the Jordanian and Egyptian capitals"): whom "the
        parties" later means are not these."""
        kind_of = getattr(self._dictionary, "kind_of", None)
        named = getattr(self._dictionary, "head_sector", None)
        if kind_of is None or named is None or " " in actor.text.strip() or kind_of(actor) != "demonym":
            return False  # a nationality word alone, not a phrase with its head noun
        word = _NEXT_WORD.match(self.body, actor.end)
        return word is not None and named(word.group(1)) is None

    def group_named_before(self, before: int) -> Actor | None:
        """The last group the text names by name before `before` ("Hamas", "al-Shabaab"): whom "the group" means."""
        kind_of = getattr(self._dictionary, "kind_of", None)
        for k in range(bisect.bisect_left(self._starts, before) - 1, -1, -1):
            actor = self._actors[k]
            kind = kind_of(actor) if kind_of is not None else None
            if _DESCRIBING.search(self.body[max(0, actor.start - 30) : actor.start]) or self.body[
                actor.end : actor.end + 7
            ].startswith(("-linked", "-backed", "-allied", "-aligned")):
                continue  # "al Shabaab, which is allied with al Qaeda", "an al Qaeda-linked group": who it is tied to
            group = kind == "group"
            if actor.members or not (actor.text[:1].isupper() or group):  # "al Shabaab" is a name in lower case
                continue
            if (actor.sector in _ARMED_GROUPS and kind not in (None, "person")) or group:  # not its leader
                return actor
        return None

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
        return Actor(start, end, text, code=joint_code(members), members=tuple(members))


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
    """The heads of the parties coordinated with `token` ("Russia and Turkey"), itself first, as the parties are
    named: a description in a coordination gives way to the name it describes ("Russia and rebel backer Turkey",
    "Iran and its ally Hezbollah": Turkey, Hezbollah; never "rebel" or "ally")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.tag_.startswith(("NN", "PRP")):
            out.extend(conjuncts(_described(child, token)))
    # spaCy sometimes hangs "and Russia" off the coordinating conjunction instead of the first conjunct
    for child in token.children:
        if child.dep_ == "cc":
            out.extend(_described(g, token) for g in child.children if g.dep_ == "conj" and g.tag_.startswith("NN"))
    out.extend(_listed_appositions(token))
    out.extend(_split_conjunct(token, out))
    return list({t.i: t for t in out}.values())


def _name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")


def _described(conj: Token, first: Token) -> Token:
    """'rebel backer Turkey', 'key ally Damascus', 'its ally Hezbollah': a common-noun conjunct followed at once by a
    name the parser hung elsewhere (as an apposition of the conjunct or of the first party, or as a second subject
    of the verb) is a description of that name, which is the party."""
    if _name(conj) or any(c.dep_ in ("compound", "amod") and _name(c) for c in conj.children):
        return conj  # "the Arnor delegation Gondor": a name of its own words is no description
    nxt = conj.i + 1
    if nxt >= len(conj.doc):
        return conj
    name = conj.doc[nxt]
    while name.dep_ == "compound" and name.head.i > name.i and _name(name.head):
        name = name.head  # "its ally Recep Erdogan": the name's head
    if not _name(name) or name.ent_type_ in ("DATE", "TIME"):
        return conj  # "between the army and rebels Saturday": a day, not a name
    if name.dep_ in ("npadvmod", "dep", "nmod"):
        return name  # "signed between Russia and rebel backer Turkey": the parser left the name adrift
    top = first
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "Syria, Iran and Russia's ally Hezbollah": the coordination's first party
    if name.dep_ in ("appos", "conj") and name.head.i in (conj.i, first.i, top.i):
        return name
    if name.dep_ == top.dep_ and name.head.i == top.head.i and name.head.i != top.i:
        return name  # "Iran and its ally Hezbollah condemned": Hezbollah is the verb's second subject
    return conj


def _listed_appositions(token: Token) -> list[Token]:
    """'Israel, Egypt, and Jordan': a name the parser took for an apposition of the first party, in a list that a
    comma and a coordinator close, is a party of the list (a description, 'Turkey, a rebel backer, and Russia', is
    not a name and stays out)."""
    cc = [c for c in token.children if c.dep_ == "cc"]
    if not cc:
        return []
    out = []
    for child in token.children:
        if child.dep_ != "appos" or not _name(child) or child.i > cc[-1].i:
            continue
        after = child.doc[child.right_edge.i + 1] if child.right_edge.i + 1 < len(child.doc) else None
        if after is not None and after.text == ",":
            out.append(child)
    return out


def _split_conjunct(token: Token, found: list[Token]) -> list[Token]:
    """'Turkey, a rebel backer, and Russia agreed': the parser made the party after the coordinator a second
    subject (or object) of the verb; a coordinator on the first party with no conjunct of its own joins them."""
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or token.head.i == token.i:
        return []
    cc = [c for c in token.children if c.dep_ == "cc" and c.lower_ in ("and", "or", "nor")]
    if not cc or any(t.i > cc[-1].i for t in found if t.i != token.i):
        return []
    after = next((c for c in token.head.children if c.dep_ == token.dep_ and c.i > cc[-1].i), None)
    if after is None or after.left_edge.i != cc[-1].i + 1 or not after.tag_.startswith("NN"):
        return []
    return [after]


def actor_for(token: Token, offset: int, index: ActorIndex) -> Actor | None:
    """One noun phrase to an actor: dictionary mentions inside it, else resolve(), else an unknown NER actor."""
    members = []
    for t in conjuncts(token):
        found = _single_actor(t, offset, index)
        if found is not None:
            _remember_person(t, found, index)
            members.append(found)
    if not members:
        return None
    if len(members) == 1:
        return members[0]
    return index.compound(members)


_NO_ONE = frozenset({"nobody", "none", "no-one", "noone", "neither"})


def no_one(token: Token) -> bool:
    """'No group has said it carried out the bombing', 'nobody', 'neither': a party denied, never a party."""
    # ("Neither Kyiv nor Moscow commented": the parties named, each with its own "nor")
    return token.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})
_AIMING = frozenset({"fire", "shoot", "aim", "direct", "launch", "lob", "hurl", "throw", "point"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _as_place(token: Token) -> bool:
    """A name in a place's slot: after a locative preposition ("met in Ankara") or naming a thing ("the Sochi deal")."""
    if token.dep_ == "pobj" and token.head.lower_ == "at" and token.head.head.lemma_.lower() in _AIMING:
        return False  # "fired at a Turkish observation post", "fired rockets at a convoy": what is aimed at, no place
    if token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS and token.ent_type_ != "NORP":
        # "hit back at the regime", "fired at soldiers": a common noun for people is a target, not a place; a
        # nationality is none ("killed in Syrian shelling", misparsed: the adjective of the attack noun)
        return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC") or not _group_head(token)
    return token.dep_ in _MODIFIER_DEPS and token.ent_type_ in ("GPE", "LOC", "FAC")


def _group_head(token: Token) -> bool:
    """A noun standing for people ("leaders of X", "a group of diplomats", "thousands of Nigerians")."""
    return (
        trigger_lemma(token, _party_words()) in _party_words()
        or token.ent_type_ == "CARDINAL"
        or (token.tag_ == "NNS" and token.lower_ in _MULTITUDES)
    )


def only_modifies(token: Token) -> bool:
    """'a hostage deal', 'prisoner exchange': a lower-case noun written only to say what a thing is about, never a
    party looked for on its own ('civilian refugees' are people all the same)."""
    if token.dep_ != "compound" or not token.is_lower:
        return False
    head = token.head
    return head.lemma_.lower() not in _party_words() and head.lower_ not in _party_words()  # "civilian refugees"


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
    of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
    return of is not None and of.dep_ == "pobj" and of.lemma_.lower() in nouns


_MULTITUDES = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many"})


def _named_in_apposition(token: Token, index: ActorIndex, offset: int) -> Actor | None:
    """A named party in an apposition of a lower-case descriptor ("the paramilitary Rapid Support Forces")."""
    for child in token.children:
        if child.dep_ != "appos":
            continue
        start, end = offset + child.left_edge.idx, offset + child.right_edge.idx + len(child.right_edge.text)
        head = offset + child.idx  # the apposition is the name itself, not a phrase naming someone inside it
        found = [a for a in index.within(start, end) if a.text[:1].isupper() and a.start <= head < a.end]
        if found and (found[0].country or found[0].code):
            return found[0]
    return None


_GROUP_NOUNS = frozenset({"group", "movement", "militia", "faction"})
_AGENT_GROUP_NOUNS = frozenset({"militia"})
_CHARGING = frozenset({"accuse", "suspect", "charge", "blame"})


# words that describe an armed group without naming it: "the rebel alliance", "the armed group"
_KIND_OF_GROUP = frozenset(
    {"rebel", "militant", "armed", "jihadist", "insurgent", "islamist", "extremist", "separatist", "paramilitary"}
)
# "the Iran-aligned group", "the al Qaeda-linked group": a tie to another, named, is a description, not a name
_TIED = frozenset({"aligned", "allied", "backed", "linked", "affiliated", "led", "based", "inspired"})


def _describes(word: Token) -> bool:
    """A modifier of "group" that says what kind of group it is without naming it, so that "the rebel alliance"
    and "the Iran-aligned group" still mean the group the report last named."""
    if word.lower_ in _KIND_OF_GROUP:
        return all(c.dep_ == "advmod" for c in word.children)
    # its tie's name hangs below it: "Iran" of "Iran-aligned" is whom it is tied to
    return word.lower_ in _TIED or word.lower_.split("-")[-1] in _TIED


def _the_group(token: Token) -> bool:
    """'the group', 'the movement' with no word of its own, or only words that say what kind of group it is ("the
    rebel alliance", "the Iran-aligned group"): the group the report last named."""
    described = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and _describes(c)]
    if token.lower_ not in _GROUP_NOUNS and not (token.lower_ == "alliance" and described):
        return False
    # "of operating from civilian sites" hung on it by the parser is the charge, not a word of the noun's
    charged = token.dep_ == "dobj" and token.head.lemma_.lower() in _CHARGING
    charge = next((c.i for c in token.children if charged and c.dep_ == "prep" and c.lower_ == "of"), None)
    kids = [
        c
        for c in token.children
        if not (c.dep_ == "prep" and (any(g.dep_ == "pcomp" for g in c.children) or (charged and c.lower_ == "of")))
        and not (charge is not None and c.dep_ == "relcl" and c.i > charge)  # "of activity that violated": the charge's
    ]
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and not any(
        c.dep_ in ("compound", "amod", "nmod", "poss", "prep", "relcl", "acl", "appos") and c not in described
        for c in kids
    )


_MEMBER_NOUNS = frozenset({"militants", "insurgents", "jihadists", "fighters", "rebels", "guerrillas"})


def _the_members(token: Token) -> bool:
    """'the militants', 'the rebels' with no word of their own: the armed group the report last named, whose
    members they are."""
    kids = list(token.children)
    return (
        token.lower_ in _MEMBER_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
        and not any(c.dep_ in ("compound", "amod", "nmod", "poss", "prep", "relcl", "acl", "appos") for c in kids)
    )


# words the dictionary knows as people that are also plain adjectives: "a general strike", "an official visit"
# (not "rebel positions" or "military posts", whose adjective still names whose they are)
_PLAIN_ADJECTIVES = frozenset({"general", "official"})


def _first_word(actor: Actor, doc: Any, offset: int) -> Token | None:
    """The token of the sentence `doc` (starting at `offset` in the body) where the mention begins."""
    return next((t for t in doc if offset + t.idx == actor.start), None)


def _adjective_word(actor: Actor, doc: Any, offset: int) -> bool:
    """'a general strike': a word the dictionary knows as a party ("general", the officer) used as a plain
    adjective of the phrase names no one."""
    if actor.text.lower() not in _PLAIN_ADJECTIVES or not actor.text[:1].islower() or actor.members:
        return False
    word = _first_word(actor, doc, offset)
    return word is not None and word.tag_ == "JJ" and word.dep_ == "amod"


def _a_gathering(token: Token, mention: Actor, offset: int, index: ActorIndex) -> bool:
    """'a wedding party', 'a search party': a party named by what it gathers for, a common noun no dictionary knows
    (not "the opposition party", "the ruling party")."""
    if mention.sector != "PTY" or not mention.text.islower():
        return False
    return any(
        c.dep_ == "compound"
        and c.tag_ == "NN"
        and c.text.islower()
        and not index.within(offset + c.idx, offset + c.idx + len(c.text))
        for c in token.children
    )


def _single_actor(token: Token, offset: int, index: ActorIndex) -> Actor | None:
    if token.lower_ in _PRONOUNS or _the_sides(token) or no_one(token):
        return None
    if _the_group(token):  # "accused the group of operating from civilian sites": the group named before
        group = index.group_named_before(offset + token.idx)
        plain = not any(c.dep_ in ("compound", "amod", "nmod") for c in token.children)
        if group is not None or (plain and token.lower_ not in _AGENT_GROUP_NOUNS):
            # with none named before, "the militia" is still a militia and "the rebel alliance" rebels (the
            # dictionary's agent)
            return group

    owner = next(
        (
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("for", "of")
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if owner is not None and token.tag_.startswith("NN") and _the_group(owner):
        # "a spokesman for the rebel alliance", "a commander of the group": one speaking for the group named before
        group = index.group_named_before(offset + owner.idx)
        if group is not None:
            return group
    if _the_members(token):  # "al Shabaab militants ... The militants said": the group's fighters named again
        members_of = index.group_named_before(offset + token.idx)
        if members_of is not None:
            return replace(
                members_of,
                start=offset + token.left_edge.idx,
                end=offset + token.idx + len(token.text),
                text=token.doc.text[token.left_edge.idx : token.idx + len(token.text)],
            )
    if _as_place(token):
        return None  # a capital acts only as a subject or object ("Ankara said", "urged Moscow"), a town never
    if token.dep_ in _MODIFIER_DEPS and token.head.lemma_.lower() in load_lexicon().document_nouns:
        at = offset + token.idx
        if any(_names_a_text(a, index) for a in index.within(at, at + len(token.text))):
            return None  # "the Minsk agreements" (the tagger's organisation): where the text was agreed
    if token.tag_.startswith("NN") and token.lemma_.lower() in _place_heads():
        return None  # "the besieged Bosnian town", "the Russian language": a nationality word on a place or thing
    loyal = _loyal_to(token)
    if loyal is not None:
        side = _sworn_side(token, loyal, offset, index)
        if side is not None:
            return side
    left, right = _span(token)
    start, end = offset + left.idx, offset + right.idx + len(right.text)
    head_start = offset + token.idx
    # "rescue workers from the Civil Defence", "a spokesman for the Front": the dictionary read the head with the
    # body it belongs to, past where the parse ends the phrase; its reading is the party
    past = [a for a in index.within(start, offset + len(doc_text(token.doc))) if a.end > end and a.start <= head_start]
    if past:  # `within` gives only mentions starting inside the phrase
        return past[0]
    mentions = index.within(start, end)
    if not mentions:
        mentions = _speaking_for(token, offset, start, index)
    inside = [a for a in mentions if not _on_place(a, doc_text(token.doc), offset) and not _backer(a, index.body)]
    inside = [a for a in inside if not _adjective_word(a, token.doc, offset)]
    if mentions and not inside:
        return None  # only nationality words on places ("the use of the Russian language")
    if inside and not any(a.start <= head_start < a.end for a in inside):
        # "a convoy of tankers escorted by the army in western Mali": the party named, not where the thing was (a
        # place alone still stands for its state)
        inside = [a for a in inside if not _placed_in(a, token.doc, offset)] or inside
    if inside:
        # prefer the mention covering the head ("Turkish soldiers"), else the one nearest before it
        covering = [a for a in inside if a.start <= head_start < a.end]
        named = [a for a in inside if a.end <= head_start and a.text[:1].isupper() and (a.country or a.code)]
        if covering and named and covering[0].text.islower() and not covering[0].members:
            return named[-1]  # "a Houthi military spokesman": the group's spokesman, not the story's government
        if covering and covering[0].text.islower() and not covering[0].members:
            renamed = _named_in_apposition(token, index, offset)
            if renamed is not None:
                return renamed  # "the paramilitary Rapid Support Forces", parsed as a descriptor and its apposition
        listed = _listed_owners(token, inside)
        if listed:
            return index.compound(listed)  # "the presidents of Turkey, Russia and Iran": each one's president
        if covering and _a_gathering(token, covering[0], offset, index):
            return None  # "a drone struck a wedding party": the guests, no political party
        if covering:
            return covering[0]
        if not _group_head(token) and not _event_chain(token) and index.resolve(token.text, head_start) is None:
            # a thing's words name an actor only when written as a name ("Turkish strikes", not "a general strike"
            # or "military equipment")
            inside = [a for a in inside if a.text[:1].isupper() or _names_people(a.text)]
            if not inside:
                return None
        if token.lemma_.lower() in load_lexicon().document_nouns:
            # "a hostage deal", "a prisoner agreement": a lower-case word for people says what the deal is about,
            # not who is party to it
            inside = [a for a in inside if a.text[:1].isupper() or a.members]
            inside = [a for a in inside if not _names_a_text(a, index)]
            if not inside:
                return None
        before = [a for a in inside if a.start <= head_start]
        return index.headed((before or inside)[-1], token, head_start)
    phrase = doc_text(token.doc)[left.idx : right.idx + len(right.text)]
    resolved = index.resolve(phrase, start) or _known_person(token, offset, index)
    if resolved is not None:
        return resolved
    for child in token.children:  # "Kenzo Oshima, the UN relief coordinator": the apposition says who he is
        if child.dep_ == "appos" and child.tag_.startswith("NN"):
            renamed = _single_actor(child, offset, index)
            if renamed is not None and (renamed.country or renamed.code):
                return renamed
    if token.dep_ in _MODIFIER_DEPS and is_town(phrase):
        return None  # "the 2018 Sochi memorandum", "the Sochi deal": the town names the deal, no party
    # a weapon's common noun, capitalised at the head of a sentence, that the tagger took for a name ("Missiles
    # launched from Iran struck ...") is no party
    if token.ent_type_ in _NER_ACTOR and not weapon_noun(token, load_lexicon()):
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and not is_town(ent.text):  # a town the tagger took for an organisation is a place
            return Actor(offset + ent.start_char, offset + ent.end_char, ent.text, ner=ent.label_)
    if token.tag_.startswith("NN") and trigger_lemma(token, _party_words()) in _party_words():
        # an unnamed party ("three villagers", "gunmen"): kept with its text so victims and sides stay visible, with
        # the sector its head noun names ("its Su-24 bombers": MIL, whoever "its" turns out to be)
        sector = index.head_sector(token)
        return Actor(start, end, phrase, sector=sector, code=sector)
    return None


def _names_a_text(actor: Actor, index: ActorIndex) -> bool:
    """A capital written on a text ("the Minsk agreements", "the Berlin truce") names where it was agreed, not a
    party to it (a capital's state is a party only as a subject or object: "Moscow violated the agreement")."""
    kind_of = getattr(index.dictionary, "kind_of", None)
    return kind_of is not None and not actor.members and kind_of(actor) == "capital"


_LOYAL = {"loyal": ("to",), "allied": ("to", "with"), "affiliated": ("to", "with")}


def _loyal_to(token: Token) -> Token | None:
    """'forces loyal to Haftar', 'militias allied with the government': whom the unnamed fighters serve."""
    for child in token.children:
        ways = _LOYAL.get(child.lower_, ()) if child.dep_ in ("amod", "acl") else ()
        for prep in child.children if ways else ():
            if prep.dep_ == "prep" and prep.lower_ in ways:
                return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _sworn_side(token: Token, loyal: Token, offset: int, index: ActorIndex) -> Actor | None:
    """Fighters loyal to a group are the group; loyal to a person, a government or a country, they are that
    country's side of the sector their head noun names ('troops loyal to President Assad': Syrian military)."""
    owner = actor_for(loyal, offset, index)
    if owner is None or owner.members or not owner.country:
        return None
    kind_of = getattr(index.dictionary, "kind_of", None)
    kind = kind_of(owner) if kind_of is not None else None
    if kind in ("group", "org") and owner.sector in ("MIL", "REB", "INS", "PTY"):
        return owner
    sector = index.head_sector(token) or owner.sector
    left, right = _span(token)
    start, end = offset + left.idx, offset + right.idx + len(right.text)
    text = doc_text(token.doc)[left.idx : right.idx + len(right.text)]
    return Actor(start, end, text, country=owner.country, sector=sector, code=f"{owner.country}{sector or ''}")


_SIDES = frozenset({"party", "side"})
_ALL_SIDES = frozenset({"all", "both", "each", "either", "warring", "two", "various", "conflicting", "rival", "other"})


def _the_sides(token: Token) -> bool:
    """'all parties', 'both sides', 'the warring parties', 'the parties to the truce': the sides of the conflict, named
    elsewhere, not a political party of the story's country."""
    if token.lemma_.lower() not in _SIDES:
        return False
    if token.lower_ == "parties" and _bare_definite(token):
        return True  # "the parties signed a framework agreement": the sides, as a report of a conflict says it
    return any(c.lower_ in _ALL_SIDES for c in token.children) or any(
        c.dep_ == "prep" and c.lower_ == "to" for c in token.children
    )


def _bare_definite(token: Token) -> bool:
    """'the parties' with no word of its own ('the political parties', 'the parties in parliament' are others)."""
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and all(
        c.dep_ in ("det", "punct") for c in children
    )


def _person_named(token: Token) -> Any:
    """The name of a person a noun phrase is about: the phrase itself ("Farhad Xy, a spokesman for ...") or the
    name set beside its title ("The UN's relief chief, Mark Xy, said")."""
    for t in (token, *(c for c in token.children if c.dep_ == "appos")):
        if t.ent_type_ == "PERSON":
            return next((e for e in token.doc.ents if e.start <= t.i < e.end and e.label_ == "PERSON"), None)
    return None


def _remember_person(token: Token, found: Actor, index: ActorIndex) -> None:
    """A person first named with whom they speak for (a title, an apposition) is that party when their surname comes
    back alone ("... Xy urged donors"): kept per report in the index's memo."""
    if not (found.country or found.code) or found.members:
        return
    ent = _person_named(token)
    if ent is None or len(ent) < 2:
        return
    index.memo.setdefault("people", {}).setdefault(ent[-1].lower_, found)


def _known_person(token: Token, offset: int, index: ActorIndex) -> Actor | None:
    """A surname alone (one proper noun, whatever the tagger made of it) whose full name came earlier with the party
    it speaks for."""
    if token.pos_ != "PROPN" or token.left_edge.i != token.i or token.ent_type_ not in ("", "PERSON"):
        return None
    found: Actor | None = index.memo.get("people", {}).get(token.lower_)
    if found is None:
        return None
    return replace(found, start=offset + token.idx, end=offset + token.idx + len(token.text), text=token.text)


def _speaking_for(token: Token, offset: int, start: int, index: ActorIndex) -> list[Actor]:
    """'a spokesman for the Syrian Democratic Forces': the finder made one mention of the title and the party it
    speaks for (actors/titles.py), which runs past the noun phrase without its "for"; that mention is the title's."""
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if prep is None:
        return []
    head = offset + token.idx
    end = offset + prep.right_edge.idx + len(prep.right_edge.text)
    return [a for a in index.within(start, end) if a.start <= head < a.end]


def _listed_owners(token: Token, inside: list[Actor]) -> list[Actor]:
    """'the leaders of Russia, Ukraine, France and Germany': an agent of several countries listed after 'of' is one
    party of each (the dictionary gives each listed country the agent); [] when the phrase lists no such parties."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or len(conjuncts(pobj)) < 2 or len(inside) < 2:
        return []
    parties = [a for a in inside if a.country and not a.members]
    if len(parties) != len(inside) or len({a.sector for a in parties}) != 1 or len({a.country for a in parties}) < 2:
        return []
    return parties


# ... and "a U.S.-made launcher", "Iranian-built drones": whoever made or sold a weapon is not whose it is
_BACKING = re.compile(
    r"-(?:backed|sponsored|brokered|mediated|supported|allied|aligned|funded|armed|trained|made|built|supplied"
    r"|manufactured|designed|produced|donated|provided)\b"
)


def _backer(actor: Actor, body: str) -> bool:
    """'UN-sponsored talks', 'Iran-backed militias': the name before the hyphen backs the party or the act; it is
    not the one acting (a group led by X is still X's, so 'X-led forces' stays with the forces' own words)."""
    return bool(body) and _BACKING.match(body, actor.end) is not None


_LOCATIVE = frozenset({"in", "inside", "across", "throughout", "near", "outside", "around"})


def _placed_in(actor: Actor, doc: Any, offset: int) -> bool:
    """A name inside a noun phrase only as where ("in western Mali", "near the Syrian border")."""
    word = _first_word(actor, doc, offset)
    if word is None:
        return False
    while word.dep_ in ("compound", "amod") and word.head.i != word.i:
        word = word.head
    return word.dep_ == "pobj" and word.head.lower_ in _LOCATIVE


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
