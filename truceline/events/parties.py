"""Who did it to whom, once the clause's own words have been read: what the rest of the report says about them.

The parse gives each event the phrases in its argument slots; these rules settle what those phrases stand for:

* "accused each other": the recipient is the actor itself; "the government and the rebels accused each other",
  "... clashed", "... agreed": one country's two sides are actor and recipient, in the order named;
* "the two countries", "both sides": the pair the report last named together;
* "its troops returned fire", said by a ministry: the speaker's own forces;
* "returned fire", "hit back", "retaliated": against whoever last attacked the actor's side;
* "protesters", "residents" with no nationality: people of the country the sentence is in, not of the story's;
* a name the tagger took for a party that is a place ("struck Stepanakert"): no party at all;
* a nationality word on a thing: "a Turkish position" is the military, "an Egyptian proposal" the government,
  "a Syrian market" civilians;
* a civilian facility attacked ("struck four hospitals", "hit a school") is civilians attacked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from truceline.actors.entries import ON_THE_GROUND
from truceline.actors.names import display_name
from truceline.actors.story import venue_at
from truceline.events.arguments import verbal_arguments
from truceline.events.attach import NAMED_THINGS, made_at
from truceline.events.lexicon import Lexicon, load_lexicon
from truceline.events.mentions import ActorIndex, actor_for, backers, conjuncts
from truceline.events.nominal import blow_of, nominal_arguments
from truceline.events.ontology import load_ontology
from truceline.events.recipients import _own_name, named_apart, possessor_country
from truceline.events.targets import place_recipient, protest_recipient
from truceline.events.triggers import Candidate, Token, doc_text, weapon_noun
from truceline.geo.event import EXCLUDED_CUES
from truceline.model import Actor, Analysis, Event, Place

_PAIR = re.compile(
    r"\bthe\s+(?:parties|sides)\b(?!\s+(?:in|of|that|which|who)\b)|^(?:each|either)\s+(?:side|party)$|"
    r"\b(?:both|the two|two)\s+(?:(?:main|major|warring|rival|opposing)\s+){0,2}(?:sides|countries|parties|governments|armies|leaders|delegations|states|nations|"
    r"presidents|foreign ministers|defence ministers|defense ministers|camps|neighbours|neighbors|rivals)\b",
    re.I,
)
_HIT_BACK = frozenset({"retaliate", "respond", "reply", "answer"})
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def reciprocal(trigger: Token) -> bool:
    """'accused each other', 'traded blame with one another', 'X and Y exchanged fire', 'X and Y clashed' (not
    'X and Y clashed with Z': the other side is named)."""
    verbs = load_lexicon().reciprocal_verbs
    verb = trigger.head if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in verbs else trigger
    if verb.lemma_.lower() in verbs and not _other_side_named(verb):
        return True
    for token in trigger.subtree:
        if token.lower_ == "other" and any(c.lower_ == "each" for c in token.children):
            return True
        if token.lower_ == "another" and token.i > 0 and token.doc[token.i - 1].lower_ == "one":
            return True
        if token.lower_ == "other" and token.dep_ in ("dobj", "pobj") and _each_side(verb):
            return True  # "each side was accusing the other"
    return False


def _each_side(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(c.lower_ in ("each", "either") for c in subject.children)


def _other_side_named(verb: Token) -> bool:
    """'clashed with the rebels', 'exchanged fire with X': a side named after 'with' is the other side."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            other = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if other is not None and other.lower_ not in ("other", "another"):
                return True
    return False


def names_pair(phrase: str) -> bool:
    """'the foreign ministers of the two countries', 'both sides', 'the two leaders'."""
    return _PAIR.search(phrase) is not None


def _addressed(verb: Token) -> list[Token]:
    """Whom a verb addresses: its object ("urged both sides"), or the object of its "on" ("called on both
    sides")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
        out.extend(g for g in prep.children if g.dep_ == "pobj")
    return out


_OWN = ("its ", "their ")


def _its_own(recipient: Actor, actor: Actor | None, body: str, event_type: str = "") -> bool:
    """A recipient phrase owned by a pronoun ("its fighters") and of the actor's own side; forces a side pulls
    out or moves ("withdrew its fighters from Bakhmut") are its own whatever the place lent them."""
    said = (body[max(0, recipient.start - 6) : recipient.start] + recipient.text).casefold()
    if actor is None or actor.members or recipient.members or not any(f" {w}" in f" {said}" for w in _OWN):
        return False
    if event_type in ("RETREAT", "MOBILIZE") and recipient.sector in ("MIL", "REB", "IMG"):
        return True
    if actor.name is not None and actor.name == recipient.name and actor.sector == recipient.sector:
        return True
    return actor.country is not None and same_party(actor, recipient) and actor.sector == recipient.sector


def _same_forces(recipient: Actor, actor: Actor | None) -> bool:
    if actor is None or actor.members or recipient.members:
        return False
    return recipient.country == actor.country and recipient.sector == actor.sector == "MIL"


def _countries(actor: Actor) -> frozenset[str | None]:
    return frozenset(m.country for m in actor.members) if actor.members else frozenset({actor.country})


def _one_of(recipient: Actor | None, pair: Actor) -> bool:
    return recipient is not None and not recipient.members and recipient.country in {m.country for m in pair.members}


def last_pair(events: Sequence[Event], index: ActorIndex, before: int, other: Actor | None = None) -> Actor | None:
    """The pair the report last named together ('Armenia and Azerbaijan'), for 'the two countries' after it; two
    sides made actor and recipient of one act (`two_sides`) are still the pair they were named as. A pair the text
    names together in no coded act ('a ceasefire between Armenia and Azerbaijan took effect') counts when it is
    named later than the last pair of an act, unless it is `other`, the one who addresses them ('Germany and
    France urged both sides')."""
    split: dict[tuple[int, int], Actor] = index.memo.get("sides", {})
    found: Actor | None = None
    for event in reversed(events):
        if event.type == "CONSULT" and event.mode in ("mediate", "negotiate"):
            continue  # "negotiations mediated by the US and Saudi Arabia": the go-betweens, not the two sides
        if event.actor is not None and event.recipient is not None:
            found = split.get((event.actor.start, event.recipient.start))
            if found is not None:
                break
        found = next(
            (
                a
                for a in (event.actor, event.recipient)
                if a is not None and len(a.members) == 2 and not backers(index.body, a.end)
            ),
            None,
        )
        if found is not None:
            break
    named = index.pair_named_before(before)
    if named is not None and other is not None and _countries(named) == _countries(other):
        named = None
    if named is not None and any(_mediated_by(e, named) for e in events):
        named = None  # the pair the report names together as go-betweens
    if named is not None and (found is None or named.start > found.start):
        return named
    return found or _last_dyad(events, index, other) or _sides_named(index, before, other)


# "Libya's rival governments", "Yemen's warring parties": one country's sides named together by a common noun
_SIDES_NOUN = re.compile(
    r"(?:'s|’s)?\s+(?:two\s+)?(?:(?:main|major|principal|biggest)\s+)?(?:rival|warring|opposing|competing)\s+"
    r"(?:sides|parties|governments|factions|camps|administrations|forces)\b"
)


def _sides_named(index: ActorIndex, before: int, other: Actor | None) -> Actor | None:
    """With no pair named and no act between two sides, 'both sides' are the country whose sides the report named
    together by a common noun ("both of Libya's rival governments welcomed ... the UN accused both sides"): its
    state, as a coder codes a country's warring parties when the text does not tell them apart."""
    for actor in reversed(index.within(0, before)):
        if actor.members or not actor.country or (other is not None and other.country == actor.country):
            continue
        if _SIDES_NOUN.match(index.body, actor.end):
            return index.as_party(replace(actor, sector=None, code=None), False) or actor
    return None


def _within(actor: Actor, token: Token, offset: int) -> bool:
    return offset + token.left_edge.idx <= actor.start < offset + token.right_edge.idx + len(token.right_edge.text)


def _mediated_by(event: Event, pair: Actor) -> bool:
    """`event` is talks the `pair` mediates or holds for others ("negotiations mediated by the US and Saudi Arabia")."""
    return (
        event.type == "CONSULT"
        and event.mode in ("mediate", "negotiate")
        and event.actor is not None
        and event.actor.start == pair.start
        and event.actor.end == pair.end  # the pair itself, not the first of them holding talks with the other
        and event.recipient is None
    )


_HOSTILE = frozenset({"ASSAULT", "THREATEN", "COERCE", "ACCUSE"})


def _last_dyad(events: Sequence[Event], index: ActorIndex, other: Actor | None) -> Actor | None:
    """With no pair named together, 'both sides' are the two of the last hostile act between parties of two
    countries ("Israel's defence minister warned Hezbollah ... The United States urged both sides to show restraint"),
    or two sides of one country's war ("The RSF accused the army ... The UN urged both sides")."""
    for event in reversed(events):
        actor, recipient = event.actor, event.recipient
        if event.type not in _HOSTILE or actor is None or recipient is None or actor.members or recipient.members:
            continue
        if not actor.country or not recipient.country:
            continue
        if actor.country == recipient.country and not _sides_of_one_war(actor, recipient):
            continue
        if other is not None and other.country in (actor.country, recipient.country):
            continue
        return index.compound([actor, recipient])
    return None


_ARMED = frozenset({"GOV", "MIL", "COP", "REB", "IMG"})
_NON_STATE = frozenset({"REB", "IMG"})


def _sides_of_one_war(actor: Actor, recipient: Actor) -> bool:
    """Two armed sides of one country's war ("the RSF accused the army", "the government shelled rebel positions"):
    a state's and a non-state group's, or two differently named forces; not two bodies of one side."""
    sectors = {actor.sector, recipient.sector}
    if not sectors <= _ARMED:
        return False
    if sectors & _NON_STATE and not sectors <= _NON_STATE:
        return True
    return bool(actor.name and recipient.name and actor.name != recipient.name and actor.code != recipient.code)


def two_sides(
    actor: Actor, recipient: Actor | None, cand: Candidate, agent: Token | None, paired: bool, index: ActorIndex
) -> tuple[Actor, Actor] | None:
    """'Ukrainian forces and Russian-backed separatists accused each other', 'the government and the rebels agreed':
    an act two sides do to each other (a reciprocal object, a clash, an exchange) or together (the ontology's mutual
    types, agreements and meetings) whose subject names the two sides as two noun phrases ('both sides' for a pair
    so named before) is coded as one direction of the dyad CAMEO codes both ways, the first named the actor and the
    other the recipient, when the two are one country's sides of different sectors: their joint row would be that
    country with no sector ('YEM': neither the government nor the Houthis) and tell neither side. Sides of two
    countries keep their joint row, which names both ('TUR+RUS-GOV agreed', as the PLOVER gold codes 'X and Y
    agreed': both sources, no target), and so do two of one sector ('the army and the RSF': SDN-MIL) and a pair
    the subject does not name as two phrases."""
    sides = _one_country_sides(actor) if agent is not None else None
    if sides is None or not sides[0].country:
        return None
    first, second = sides
    if not paired and len(conjuncts(agent)) < 2:
        return None  # one name or phrase the dictionary gave two members, not two phrases of the subject
    mutual = cand.type in load_ontology().mutual_types and recipient is None
    if not (mutual or (reciprocal(cand.token) and recipient in (None, actor))):
        return None
    index.memo.setdefault("sides", {})[(first.start, second.start)] = actor
    return first, second


def _pair_of_sector(pair: Actor, head: Token, index: ActorIndex) -> Actor:
    """'Military commanders from both sides', after "Thailand and Cambodia agreed": each side's body of the sector
    the phrase's head names (its military), not the two states."""
    if head.lemma_.lower() in ("side", "party", "country", "nation", "state"):
        return pair  # "the two sides", "both countries": the pair themselves
    sector = index.head_sector(head)
    if sector is None or len(pair.members) != 2 or any(not m.country for m in pair.members):
        return pair
    if all(m.sector == sector for m in pair.members):
        return pair
    members = [replace(m, sector=sector, code=f"{m.country}{sector}", name=None) for m in pair.members]
    return index.compound(members)


_HOLDING = frozenset({"control", "hold", "occupy", "run"})


def _fired_from(trigger: Token) -> Token | None:
    """The party whose ground an attack came from, when the attack names no doer of its own: "fired from
    Houthi-controlled areas", "launched from rebel-held territory" (the name before the hyphened participle), or a
    country or territory named outright ("rockets fired from Lebanon", "missiles launched from Iran struck a base":
    the weapon's participle, under the act's subject), as event coders code a launch's origin."""
    heads = [trigger]
    # "drones launched from Ukraine attacked ...", parsed as two verbs joined by "and": the first one's too
    clauses = [trigger, trigger.head] if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" else [trigger]
    for clause in clauses:
        for arg in clause.children:  # "missiles launched from Iran struck": the weapon's own participle
            if arg.dep_ in ("nsubj", "nsubjpass") and weapon_noun(arg, load_lexicon()):
                heads.extend(c for c in arg.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD"))
                if clause is not trigger:
                    heads.append(clause)
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            for ground in prep.children:
                for held in ground.children:
                    if held.dep_ in ("amod", "compound") and held.lemma_.lower() in _HOLDING and held.tag_ == "VBN":
                        holder = next(
                            (c for c in held.children if c.i + 2 == held.i and c.pos_ in ("PROPN", "NOUN")), None
                        )
                        if holder is not None and holder.doc[holder.i + 1].text == "-":
                            return holder
                if ground.dep_ == "pobj" and ground.ent_type_ == "GPE":
                    return ground
    return None


_FIGHTERS = frozenset({"MIL", "REB", None})


_THE_ARMY = frozenset({"army", "military", "troops", "forces", "soldiers"})


def _its_interceptors(teller: Actor) -> Actor | None:
    """The forces of a state's army or government that tells of an interception, or None for any other teller."""
    if teller.members or not teller.country or teller.sector not in ("MIL", "GOV"):
        return None
    return replace(teller, sector="MIL", code=f"{teller.country}MIL", name=None)


def _its_bare_army(agent: Token, speaker: Actor) -> bool:
    """'the army', or bare 'troops', told by a government: what it calls its forces without naming whose."""
    if speaker.sector != "GOV" or speaker.members or not (agent.lower_ in _THE_ARMY or agent.lemma_ in _THE_ARMY):
        return False
    return [c.lower_ for c in agent.children] in (["the"], [])


def _owned(agent: Token | None, speaker: Actor | None) -> bool:
    """'its troops', 'their fighters', 'our forces', told by a speaker of a known country; or 'the army' told by a
    state's government ('Lebanon's prime minister said the army would deploy': its own army)."""
    if agent is None or speaker is None or not speaker.country:
        return False
    if _its_bare_army(agent, speaker):
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in agent.children)


_BARE_TROOPS = frozenset({"troops", "soldiers", "forces", "the troops", "the soldiers", "the army", "a patrol"})


def _tellers_troops(recipient: Actor, actor: Actor | None, teller: Actor | None, event_type: str) -> Actor:
    """'The Israeli army said militants had fired on troops': bare troops attacked, told by a state's army or
    government, are its own, whatever country the bare word was lent (the story's)."""
    if event_type != "ASSAULT" or teller is None or teller.members or not teller.country:
        return recipient
    if teller.sector not in ("MIL", "GOV") or recipient.members or recipient.text.lower() not in _BARE_TROOPS:
        return recipient
    if recipient.country == teller.country or (actor is not None and actor.country == teller.country):
        return recipient
    return replace(recipient, country=teller.country, sector="MIL", code=f"{teller.country}MIL", name=None)


def own_forces(agent: Token | None, actor: Actor | None, speaker: Actor | None) -> Actor | None:
    """'its troops returned fire', told by Azerbaijan's ministry: the troops are Azerbaijan's, whatever country the
    bare word 'troops' was given."""
    if speaker is None or actor is None or actor.members or not _owned(agent, speaker):
        return None
    if speaker.sector in ("MIL", "REB") and not speaker.members and _own_name(speaker) and actor.sector in _FIGHTERS:
        # "the RSF said its fighters had taken the town": a named armed group's fighters are the group
        return replace(speaker, start=actor.start, end=actor.end, text=actor.text)
    if actor.country == speaker.country:
        return None
    # the name the dictionary gave the bare word ("Syrian military") was of the country it was lent: it goes too
    return replace(actor, country=speaker.country, code=f"{speaker.country}{actor.sector or ''}" or None, name=None)


def speakers_own(agent: Token | None, speaker: Actor | None, offset: int, lex: Lexicon) -> Actor | None:
    """'the ministry said its jets had struck', 'X said their fighters withdrew': words the dictionary does not know
    as a party, owned by the speaker ('its', 'their', 'our'), are the speaker's side: its forces when they are
    military things or fighting people, else the speaker itself."""
    if agent is None or speaker is None or not speaker.country or speaker.members:
        return None
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in agent.children):
        return None
    word = agent.lemma_.lower()
    military = word in lex.military_things or agent.lower_ in lex.military_things
    sector = "MIL" if military else speaker.sector
    left, right = agent.left_edge, agent
    return Actor(
        offset + left.idx,
        offset + right.idx + len(right.text),
        doc_text(agent.doc)[left.idx : right.idx + len(right.text)],
        name=display_name(speaker.country, "military") if military else speaker.name,
        country=speaker.country,
        sector=sector,
        code=f"{speaker.country}{sector or ''}",
    )


def _owned_by_speaker(noun: Token, speaker: Actor | None, event_type: str, offset: int) -> Actor | None:
    """'its strikes', 'their offensive' told by a speaker: the speaker's own act; an attack so owned is its forces'
    (the actor is the possessive word itself, with the speaker's country)."""
    if speaker is None or not speaker.country or speaker.members:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None)
    if owner is None:
        return None
    sector = "MIL" if event_type == "ASSAULT" else speaker.sector
    start = offset + owner.idx
    return Actor(
        start, start + len(owner.text), owner.text, country=speaker.country, sector=sector,
        code=f"{speaker.country}{sector or ''}",
    )  # fmt: skip


def hits_back(trigger: Token, extra: Sequence[Token]) -> bool:
    """'returned fire', 'hit back', 'struck back', 'retaliated': an answer to an attack."""
    if trigger.lemma_.lower() in _HIT_BACK:
        return True
    if any(c.lower_ == "back" for c in trigger.children):
        return True
    return trigger.lemma_.lower() == "return" or any(t.lemma_.lower() == "return" for t in extra)


def attacker_of(events: Sequence[Event], side: Actor) -> Actor | None:
    """Who last attacked `side`'s country, for an answer to that attack with no target of its own."""
    for event in reversed(events):
        if event.type != "ASSAULT" or event.actor is None or event.recipient is None:
            continue
        if event.recipient.country == side.country and event.actor.country not in (None, side.country):
            return event.actor
    return None


_COMMON_FIRST = frozenset({"government", "security", "opposition", "state", "armed", "local", "unidentified"})
_PLURAL = ("s", "es")


def _not_of_the_country_struck(
    actor: Actor | None, recipient: Actor | None, cand: Candidate, event_type: str, offset: int, lex: Lexicon
) -> Actor | None:
    """'militants fired rockets into southern Israel': fire sent into a country comes from outside it, so an
    unnamed attacker does not take the struck country the report's ground lent it."""
    if actor is None or recipient is None or event_type != "ASSAULT" or not actor.country:
        return actor
    if actor.country != recipient.country or not unnamed(actor, offset, lex):
        return actor
    if not any(c.dep_ == "prep" and c.lower_ == "into" for c in (cand.token, *cand.token.children)):
        return actor
    return replace(actor, country=None, name=None, code=actor.sector)


def unnamed(actor: Actor, sentence_start: int, lex: Lexicon) -> bool:
    """A party named by common nouns alone ('protesters', 'Government troops' opening a sentence): no name or
    nationality word says whose it is, so the country it has was only lent by the story."""
    words = actor.text.split()
    if actor.members or not words or any(w[:1].isupper() for w in words[1:]):
        return False
    first = words[0]
    if not first[:1].isupper():
        return True
    low = first.lower()
    # "Protesters blocked the road", "Doctors said": a plural party word opening the sentence is still a common noun
    common = (
        low in lex.party_words or low in _COMMON_FIRST or any(low[: -len(end)] in lex.party_words for end in _PLURAL)
    )
    return actor.start == sentence_start and common


_RESIDENTS = frozenset({None, "ETH"} | (ON_THE_GROUND - {"REB"}))
# unnamed parties a sentence's setting tells the country of ("protesters", "rebels", "government troops" fighting
# in Idlib); a bare "ministry", "parliament" or "leaders" is an institution of the story's own state, and refugees
# are of the country they fled
_PLACED = _RESIDENTS | {"REB", "MIL", "COP"}


def local_country(
    actor: Actor, places: Sequence[Place], start: int, end: int, index: ActorIndex, lex: Lexicon
) -> Actor:
    """An unnamed party the story's country was lent to, in a sentence set in another country, is of that one:
    'protesters blocked the road' in a sentence about Idlib are Syrians, in a report about Turkey."""
    story = index.story_country
    # the country lent is the story's; people of the ground may have been lent another by the actors stage ("Three
    # people were killed in Lebanon" given Israel's, the next sentence's ground): theirs is re-read either way
    lent = actor.country == story or actor.sector in ON_THE_GROUND
    if not unnamed(actor, start, lex) or actor.country is None or not lent:
        return actor
    if actor.sector not in _PLACED:
        return actor  # "the ministry", "parliament", "refugees": a state's institutions and people who fled are
        # not of wherever the sentence is set
    # a country or capital that acts or speaks ("Russia said", "Ankara denied") is a party, not where it happens
    countries = {
        p.country
        for p in places
        if start <= p.start < end
        and p.country
        and p.resolved
        and (p.cue in _WHERE_CUES or not _in_a_party(p, index.within(start, end)))  # "killed in Lebanon": where
        and not _not_the_ground(p)
        and not _names_a_text(index.body, p)  # "violated the Sochi agreement", "a truce agreed in Moscow"
    }
    origins = {p.country for p in places if start <= p.start < end and p.country and p.resolved and p.cue == "from"}
    if actor.sector == "REB" and len(origins) == 1:
        countries = origins  # "militants fired rockets from Gaza at Sderot": fighters are of where they fired from
    if not countries and actor.sector in ON_THE_GROUND:
        # the sentence names no place: rebels, civilians, workers and doctors are of where the report's places are,
        # as its other sentences name them ("militants fired rockets", in a report of raids on Idlib quoting Moscow)
        ground = report_ground(places, index)
        countries = {ground} if ground else set()
    if len(countries) != 1:
        return actor
    country = countries.pop()
    if country == actor.country:
        return actor
    # the name the dictionary gave the bare words ("Russian civilian") was of the story's country: it goes too
    return replace(actor, country=country, code=f"{country}{actor.sector or ''}", name=None)


_THING_NAMED = re.compile(rf"\s+(?:{'|'.join(sorted(NAMED_THINGS | {'talks'}))})\b", re.I)


def _names_a_thing(body: str, end: int) -> bool:
    """A place that names a text or a process ("the Astana format", "the Sochi memorandum"), not the ground."""
    return _THING_NAMED.match(body, end) is not None


def _names_a_text(body: str, place: Place) -> bool:
    """A place that names a text ("the Sochi agreement") or where one was made ("a truce agreed in Moscow"): no
    ground of the sentence or the report."""
    return _names_a_thing(body, place.end) or made_at(body, place.start)


def _not_the_ground(place: Place) -> bool:
    """A place that tells whose or whence ("a U.S.-owned ship", "a London-based monitor", "Israel's army") or a
    country struck from outside ("fired rockets at Israel", "into Israel"): not where unnamed fighters are from."""
    cue = place.cue or ""
    return cue in EXCLUDED_CUES or (place.feature == "country" and cue in ("at", "into", "towards", "toward", "on"))


_LOCATED = re.compile(
    r"\s+(?:in|of|from|near|across|throughout)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
    r"(?:(?:besieged|occupied|rural|coastal|greater|war-torn)\s+)?",
    re.I,
)
_ETHNIC = re.compile(r"\bethnic\s+$", re.I)
_WHERE = re.compile(
    r"\b(?:in|near|of|across|throughout|outside|inside)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?$",
    re.I,
)


def _people_word(actor: Actor) -> bool:
    """'Albanians', 'Kurds', 'Serbs': a people named by the plural of its name, no government or force word."""
    words = actor.text.split()
    return (
        len(words) == 1
        and words[0][:1].isupper()
        and words[0].endswith("s")
        and actor.sector in (None, "CVL", "ETH")
        and not actor.members
    )


def located_people(actor: Actor, body: str, places: Sequence[Place], start: int, end: int) -> Actor:
    """People placed by their own words in a country are coded as that country's, as CAMEO and PLOVER code them:
    'demonstrators in Baghdad' are Iraqis whatever country the story lent the bare word, 'the Albanians of southern
    Serbia' and 'ethnic Albanians' demonstrating in Serbia are Serbia's (an ethnic group is coded by the state it
    lives in, its kin state only when nothing places it). A nationality word on a group of another kind keeps its
    country ('Syrian refugees in Turkey' are Syrian)."""
    if actor.members or not actor.country:
        return actor
    words = actor.text.split()
    party_words = load_lexicon().party_words
    unnamed_party = (
        actor.sector in _RESIDENTS
        and all(w.islower() for w in words[1:])
        and (not words[0][:1].isupper() or words[0].lower() in party_words or words[0].lower()[:-1] in party_words)
    )  # troops and officials work abroad and refugees flee, so only civilians are placed by where they are
    people = _people_word(actor)
    if not (unnamed_party or people):
        return actor
    country = None
    after = _LOCATED.match(body, actor.end)
    if after is not None:
        country = next((p.country for p in places if p.start == after.end() and p.country and p.resolved), None)
    if country is None and people and _ETHNIC.search(body, max(0, actor.start - 10), actor.start):
        named = sorted(
            (p for p in places if start <= p.start < end and p.country and p.resolved and p.country != actor.country
             and _WHERE.search(body, max(start, p.start - 30), p.start)),
            key=lambda p: p.start,
        )  # fmt: skip
        country = named[0].country if named else None
    if country is None or country == actor.country:
        return actor
    # the name the dictionary gave the words ("Albanian people", "American civilian") was of the other country
    return replace(actor, country=country, code=f"{country}{actor.sector or ''}", name=None)


def report_ground(places: Sequence[Place], index: ActorIndex) -> str | None:
    """The country where the report's places are: the one most of its resolved places (not a country or capital
    that acts or speaks as a party) lie in, named at least twice and more often than any other; None otherwise."""
    if "ground" in index.memo:
        ground: str | None = index.memo["ground"]
        return ground
    counts: dict[str, int] = {}
    for place in places:
        if not place.country or not place.resolved or _not_the_ground(place):
            continue  # the dateline (where the reporter filed from), an origin, a possessive
        near = index.within(max(0, place.start - 80), place.end + 80)
        if any(a.start < place.end and place.start < a.end for a in near):
            continue  # a country or capital that acts or speaks as a party
        if venue_at(index.body, place.start) or _names_a_text(index.body, place):
            continue  # where sides met; "the Astana format", "the Sochi agreement", "a truce agreed in Moscow"
        counts[place.country] = counts.get(place.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ground = None
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        ground = ranked[0][0]
    index.memo["ground"] = ground
    return ground


_WHERE_CUES = frozenset({"in", "near", "across", "throughout", "inside", "outside"})


def _in_a_party(place: Place, actors: Sequence[Actor]) -> bool:
    return any(a.start < place.end and place.start < a.end for a in actors)


def is_place(actor: Actor | None, places: Sequence[Place]) -> bool:
    """A name with no country, code or members that the places stage found as a place: not a party."""
    if actor is None or actor.country or actor.code or actor.members:
        return False
    return any(p.start <= actor.start and actor.end <= p.end + 1 for p in places)


def thing_sector(actor: Actor | None, body: str, lex: Lexicon) -> Actor | None:
    """The sector a nationality word takes from the thing it is said of: 'a Turkish position' (MIL), 'government
    positions' (MIL), 'an Egyptian proposal' (GOV), 'a Syrian market' (CVL)."""
    if actor is None or actor.members or not actor.country:
        return actor
    match = _WORD.match(body, actor.end + 1) if body[actor.end : actor.end + 1] == " " else None
    if match is None:
        return actor
    word = match.group().lower()
    things = lex.military_things | lex.civilian_things | lex.document_nouns | lex.state_things
    after = _WORD.match(body, match.end() + 1) if body[match.end() : match.end() + 1] == " " else None
    if after is not None and word.rstrip("s") not in things and word not in things and word.islower():
        word = after.group().lower()  # "a Turkish observation post": the thing is the post
    for words, sector in (
        (lex.military_things, "MIL"),
        (lex.civilian_things, "CVL"),
        (lex.document_nouns | lex.state_things, "GOV"),
    ):
        if (word in words or word.rstrip("s") in words) and actor.sector != sector:
            if sector == "GOV" and actor.sector is not None:
                return actor
            if sector in ("CVL", "MIL") and actor.sector not in (None, "GOV"):
                return actor  # "Houthi positions" stay the group's
            return replace(actor, sector=sector, code=f"{actor.country}{sector}")
    return actor


_BEFORE_PREP = re.compile(r"\s+(?:in|of|near|at|on|outside|inside)\s+", re.IGNORECASE)


def struck_facility(recipient: Actor | None, event_type: str, lex: Lexicon, mode: str | None = None) -> Actor | None:
    """A civilian facility attacked is civilians attacked: 'struck four hospitals', 'hit a school' (CVL, not HLH or
    EDU), as ACLED codes attacks on hospitals, schools and markets; the people in them (doctors, teachers) keep
    their sector, and so does a facility named in anything but an attack."""
    if recipient is None or recipient.members or event_type != "ASSAULT" or recipient.sector == "CVL":
        return recipient
    if mode == "capture_territory":
        return recipient  # "captured the village of X": ground taken from a side, not civilians attacked
    if recipient.sector is None and recipient.country is None:
        return recipient
    # the phrase's head and the word before it, before any preposition: "an apartment block in Dnipro"
    words = _WORD.findall(_BEFORE_PREP.split(recipient.text)[0])
    named = [w.lower() for w in words[-2:]]
    if not any(w in lex.civilian_things or w.removesuffix("s") in lex.civilian_things for w in named):
        return recipient
    code = f"{recipient.country}CVL" if recipient.country else "CVL"
    return replace(recipient, sector="CVL", code=code)


def between(token: Token, offset: int, index: ActorIndex) -> Actor | None:
    """'a working group between Ankara and Moscow', 'a deal signed between Russia and Turkey': the two named are
    the parties, together."""
    for head in (token, *(c for c in token.children if c.dep_ in ("acl", "relcl"))):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "between":
                continue
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            found = actor_for(pobj, offset, index) if pobj is not None else None
            if (
                found is not None
                and len(found.members) >= 2
                and all(_named_side(m) for m in found.members)
                and (
                    not same_party(found.members[0], found.members[1])
                    or named_apart(found.members[0], found.members[1])
                    or _one_country_sides(found) is not None
                )
            ):
                return found
    return None


def _one_country_sides(pair: Actor) -> tuple[Actor, Actor] | None:
    """The two members of a pair when they are one country's sides of different sectors ("the army and the rebels"
    of one war, whether or not the report says whose): each the other's counterpart, not one party."""
    if len(pair.members) != 2:
        return None
    first, second = pair.members
    if first.country != second.country:
        return None
    if not (first.sector and second.sector) or first.sector == second.sector:
        return None
    return first, second


def _named_pair(pair: Actor) -> bool:
    """Two members a name keeps apart though they are of one country and sector ("Sudan's army and the RSF")."""
    return len(pair.members) == 2 and named_apart(pair.members[0], pair.members[1])


def _named_side(member: Actor) -> bool:
    """A party 'between' can pair: a name ("Ankara"), or a common noun the dictionaries give a side ("the army",
    "rebels"); not a bare word with neither."""
    return member.text[:1].isupper() or bool(member.country or member.sector)


_ADDRESSED = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "CONSULT", "SUPPORT"})


def _own_people(people: Actor, actor: Actor | None) -> bool:
    """'The president called on Somalis to donate blood', 'the rebels urged Afghans to stay home': a people addressed
    by one of its own country is its people, not its state."""
    return actor is not None and not actor.members and bool(actor.country) and actor.country == people.country


def nation_as_state(actor: Actor) -> Actor:
    """'what we want from the Russians', 'accused the Turks of': a people named as the one addressed by a demand,
    an accusation or talks is its state, not its civilians."""
    word = actor.text.split()[-1] if actor.text else ""
    if (
        actor.members
        or actor.sector != "CVL"
        or not word[:1].isupper()
        or not word.endswith("s")
        or " " in actor.text.strip()
    ):
        return actor
    # the people's name ("Russian people") becomes its state's, as a capital's reads ("Russian government")
    name = (
        f"{actor.name.removesuffix(' people')} government"
        if actor.name and actor.name.endswith(" people")
        else actor.name
    )
    return replace(actor, sector="GOV", code=f"{actor.country}GOV" if actor.country else actor.code, name=name)


def same_party(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    if a.country and b.country:
        return a.country == b.country
    return (a.name or a.text).lower() == (b.name or b.text).lower()


def agent_token(cand: Candidate, index: ActorIndex, offset: int) -> Token | None:
    if cand.nominal:
        return nominal_arguments(cand, index, offset)[0]
    return verbal_arguments(cand)[0]


def settle(
    own: list[tuple[Candidate, Event]],
    offset: int,
    end: int,
    earlier: list[Event],
    index: ActorIndex,
    analysis: Analysis,
    lex: Lexicon,
) -> list[tuple[Candidate, Event]]:
    """The sentence's events with their parties as the rest of the report shows them (the rules above)."""
    places = analysis.places
    body = analysis.article.body
    out: list[tuple[Candidate, Event]] = []
    for cand, event in own:
        actor = None if is_place(event.actor, places) else event.actor
        recipient = None if is_place(event.recipient, places) else event.recipient
        agent = agent_token(cand, index, offset)
        phrase = " ".join(t.text for t in agent.subtree) if agent is not None else ""
        # "Libya's rival sides", "Sudan's warring parties": one country's sides, as "both sides" names a pair
        paired = names_pair(phrase) or (
            agent is not None
            and any(c.dep_ == "poss" for c in agent.children)
            and _SIDES_NOUN.search(phrase) is not None
        )
        if paired and agent is not None:
            # "the foreign ministers of the two countries agreed"
            pair = last_pair(earlier, index, offset + agent.left_edge.idx)
            if pair is None:  # "Libya's two main warring sides signed": the country whose sides the phrase names
                pair = _sides_named(index, offset + agent.right_edge.idx + len(agent.right_edge.text), None)
            actor = _pair_of_sector(pair, agent, index) if pair is not None else actor
        # "the truce between X and Y was extended, the White House said": with no agent, the speaker made the actor
        # is no party; the pair the agreement is between are
        agreed = (
            next((c for c in cand.token.children if c.dep_ == "nsubjpass"), None) if event.type == "AGREE" else None
        )
        spoken_for = agreed is not None and agent is None and same_party(actor, event.claimed_by) and not cand.nominal
        if actor is None or not (actor.country or actor.members) or spoken_for:
            pair = (
                between(agent if agent is not None else cand.token, offset, index)
                or between(cand.token, offset, index)
                or (between(agreed, offset, index) if agreed is not None else None)
            )
            if pair is not None:
                actor = pair
                recipient = None if recipient is not None and recipient.start >= pair.start else recipient
                sides = _one_country_sides(pair) if recipient is None else None
                if sides is None and recipient is None and event.type == "ASSAULT" and _named_pair(pair):
                    # "fighting between Sudan's army and the RSF": one country's forces of one sector, fighting each
                    # other; their joint row (SDN-MIL) would tell no side (an agreement or talks keep it)
                    sides = pair.members[0], pair.members[1]
                if sides is not None:  # "fighting between the army and the rebels", "talks between X's two sides"
                    actor, recipient = sides
                    index.memo.setdefault("sides", {})[(actor.start, recipient.start)] = pair
        addressed = next((c for c in _addressed(cand.token) if names_pair(" ".join(t.text for t in c.subtree))), None)
        if addressed is not None and (recipient is None or not _within(recipient, addressed, offset)):
            # "urged both sides to release prisoners": the two sides, never the prisoners (None when the report
            # names no pair)
            recipient = last_pair(earlier, index, offset + addressed.left_edge.idx, actor)
        sides = two_sides(actor, recipient, cand, agent, paired, index) if actor is not None else None
        if sides is not None:
            actor, recipient = sides  # "the government and the rebels accused each other"
        elif actor is not None and actor.members and recipient is None and reciprocal(cand.token):
            recipient = actor  # "accused each other"; a recipient the clause names stays
        elif actor is not None and actor.members and event.type == "RETREAT" and reciprocal(cand.token):
            recipient = actor  # "X and Y exchanged prisoners": each frees the other's; those freed are no party
        elif actor is not None and len(actor.members) == 2 and event.type == "AGREE" and _one_of(recipient, actor):
            recipient = None  # "the two countries agreed to exchange prisoners": both agree; those swapped no party
        if actor is None and not cand.nominal and event.type == "ASSAULT" and agent is None:
            blow = blow_of(cand.token, index, offset)  # "killed in the Turkish response": whoever struck it
            actor = index.as_party(actor_for(blow, offset, index), True) if blow is not None else None
        if actor is None and event.type == "ASSAULT" and (agent is None or weapon_noun(agent, load_lexicon())):
            holder = _fired_from(cand.token)  # "a missile fired from Houthi-controlled areas": the Houthis
            actor = index.as_party(actor_for(holder, offset, index), False) if holder is not None else None
            if actor is not None and holder is not None and holder.ent_type_ == "GPE" and not actor.members:
                # the country a weapon came from says whose ground, not whose forces or which group fired: CAMEO's
                # unidentified armed forces of that country
                actor = replace(actor, sector="UAF", code=f"{actor.country}UAF", name=None)
        owned = _owned(agent, event.claimed_by)
        actor = own_forces(agent, actor, event.claimed_by) or actor
        actor = possessor_country(agent, actor, offset, index)  # "his forces advanced", told of a named leader
        actor = actor or speakers_own(agent, event.claimed_by, offset, lex)  # "the ministry said its jets struck"
        teller = event.claimed_by
        if actor is None and agent is None and event.mode == "disrupt_weapons" and teller is not None:
            # "the military said the missiles had been intercepted": a state's forces tell of their own interceptions
            actor = _its_interceptors(teller)
        if actor is None and agent is None and cand.nominal:  # "Moscow said its strikes were aimed at ...": the
            actor = _owned_by_speaker(cand.token, event.claimed_by, event.type, offset)  # speaker's own act
        if recipient is None and actor is not None and event.type == "ASSAULT" and hits_back(cand.token, cand.extra):
            recipient = attacker_of(earlier + [e for _c, e in out], actor)  # "its troops returned fire"
        if actor is not None and not owned:  # the speaker's own forces are its, wherever they fight
            actor = located_people(actor, body, places, offset, end)
            actor = thing_sector(local_country(actor, places, offset, end, index, lex), body, lex)
        if recipient is not None:
            recipient = located_people(recipient, body, places, offset, end)
            recipient = thing_sector(local_country(recipient, places, offset, end, index, lex), body, lex)
            recipient = _tellers_troops(recipient, actor, teller, event.type) if recipient is not None else None
        if recipient is None:  # "shelled a village in Cambodia": the place's country (targets.py)
            recipient = place_recipient(cand, actor, places, offset, index)
        recipient = struck_facility(recipient, event.type, lex, event.mode)  # "hit an apartment block": its people
        if recipient is None and event.type == "PROTEST":  # "demonstrated in Serbia": against its authorities
            named = actor is not None and not unnamed(actor, offset, lex)
            recipient = protest_recipient(actor, named, event.place, event.claimed_by, (offset, end), places, index)
        if recipient is not None and actor is not None and recipient is not actor and recipient == actor:
            recipient = None
        if recipient is not None and _its_own(recipient, actor, body, event.type):
            recipient = None  # "pulled out its fighters", "deployed their troops": the actor's own, not a target
        elif recipient is not None and event.type == "MOBILIZE" and _same_forces(recipient, actor):
            recipient = None  # "the army said it had deployed troops": the forces it moves are its own
        actor = _not_of_the_country_struck(actor, recipient, cand, event.type, offset, lex)
        if recipient is not None and event.type in _ADDRESSED and not _own_people(recipient, actor):
            recipient = nation_as_state(recipient)
        claimed_by = event.claimed_by
        if claimed_by is not None and (claimed_by.sector in ON_THE_GROUND or claimed_by.sector == "COP"):
            # police speak for where they serve: "a gunman killed three at a bus stop in Jerusalem, police said"
            # "residents said", "rescue workers said": people of the ground who tell of it, as the parties are
            claimed_by = local_country(claimed_by, places, offset, end, index, lex)
        out.append((cand, replace(event, actor=actor, recipient=recipient, claimed_by=claimed_by)))
    return out
