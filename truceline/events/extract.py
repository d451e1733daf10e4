"""Per-article event coding: candidates → arguments → stance → attachments → claim, accusation and denial links.

Why links are made here and not later: the parse is what shows that "Turkey said the regime shelled Saraqib on
Monday" is Turkey's allegation (an ACCUSE by Turkey linked to an ASSAULT claimed by Turkey), not an attack the
writer asserts; once flattened into rows that structure is gone.

Per sentence: candidates that name a happening (eventhood.py) and those no trigger word names (recall.py) are
coded; then acts that are another statement's content are absorbed (absorb.py), a speaker's own threats and
demands are made theirs (speakers.speakers_own), parties are settled with what the report says elsewhere
(parties.py), the words of one happening are merged (merge.py) and a breach that is all an accusation says is
folded into it (absorb.fold_alleged).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from truceline.actors.names import display_name
from truceline.events.absorb import absorb, fold_alleged
from truceline.events.arguments import STATEMENT_NOUNS, dateline_end, statement_author, verbal_arguments
from truceline.events.attach import (
    clause_tokens,
    event_casualties,
    event_date,
    event_place,
    lifetime_words,
    outside,
    prepositional_relation,
)
from truceline.events.eventhood import STATEMENTS, describes_its_head, naming, not_an_event, unsaid_habit
from truceline.events.lexicon import load_lexicon
from truceline.events.mentions import ActorIndex, actor_for, only_modifies
from truceline.events.merge import (
    disowning,
    doer_told_before,
    faceless,
    merge_same,
    owned_up,
    owning_up,
    told_before,
)
from truceline.events.nominal import nominal_arguments
from truceline.events.ontology import load_ontology
from truceline.events.parties import same_party, settle
from truceline.events.quotes import containing, named_speakers, quotations
from truceline.events.rebuttal import ANSWERS, answered
from truceline.events.recall import NO_EVENT, extra_candidates, resense
from truceline.events.recipients import (
    antecedent,
    governing_subject,
    named_apart,
    own_side,
    purpose_recipient,
    recipient_of,
    relative_subject,
)
from truceline.events.retold import UPDATE_AFTER_CHARS, rising_toll
from truceline.events.speakers import losers_hit, speakers_own, told_root, toll_of
from truceline.events.stance import (
    Attribution,
    attribution,
    clause_verb,
    denial_without_event,
    modality,
    rejected_content,
)
from truceline.events.triggers import Candidate, Token, find_candidates, suffered, tokens_within
from truceline.events.weapons import refine_mode
from truceline.model import Actor, Analysis, Event, Place, PubDate, TimeRef, Trigger
from truceline.text import StartIndex

if TYPE_CHECKING:
    from truceline.learn.events import EventTyper

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_ANOTHER_INCIDENT = frozenset({"separate", "separately", "elsewhere", "another", "earlier"})
_SELF_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "its", "their", "his", "her", "our"})
_PERSONLIKE = frozenset({"person", None})  # dictionary kinds "he" or "she" may stand for (None: not in it)
_STANCE_RANK = {"denied": 0, "negated": 1, "threatened": 2, "planned": 3, "claimed": 4, "asserted": 5}


def _his_own(speaker: Token) -> bool:
    """'his office', 'her spokesman', 'his aides': a speaker that is a person's own, told by a pronoun."""
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in speaker.children)


def _speaking_for(speaker: Token, offset: int, actor: Actor) -> Actor:
    """'Erdogan urged Putin to act, his office said': the office (its words, the actor's country and sector) speaks
    for the one whose act it tells."""
    first = speaker.left_edge
    start, end = offset + first.idx, offset + speaker.idx + len(speaker.text)
    text = speaker.doc.text[first.idx : speaker.idx + len(speaker.text)]
    return Actor(start, end, text, country=actor.country, sector=actor.sector, code=actor.code)


def _event_picker() -> Any:
    try:
        from truceline.stages import places

        return getattr(places, "event_place", None)
    except ImportError:  # pragma: no cover - the places stage ships with the package
        return None


def _story_country(dictionary: Any, body: str) -> str | None:
    """The country the report is about, from the actors stage (it resolves "regime forces" with it)."""
    finder = getattr(dictionary, "story_country", None)
    if finder is None:
        return None
    try:
        value = finder(body)
    except (NotImplementedError, TypeError):
        return None
    return value if isinstance(value, str) else None


# acts of force a party says it will not allow another to carry out ("will not allow the regime to advance")
_FORCEFUL = frozenset(
    {
        "advance",
        "attack",
        "enter",
        "cross",
        "take",
        "seize",
        "capture",
        "push",
        "expand",
        "approach",
        "encircle",
        "strike",
        "besiege",
        "overrun",
        "occupy",
        "threaten",
        "target",
        "hit",
    }
)
_ALLOWING = frozenset({"allow", "permit", "let", "tolerate"})
_ARMED = frozenset(
    {
        "regime",
        "army",
        "force",
        "forces",
        "troops",
        "troop",
        "rebel",
        "rebels",
        "militant",
        "militants",
        "militia",
        "enemy",
        "government",
        "military",
        "fighter",
        "fighters",
        "terrorist",
        "terrorists",
        "junta",
    }
)


_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_NAMED = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?", re.IGNORECASE)


def _not_after_the_report(
    time: Any, date: str | None, published: Any, verb: Any, stance: str
) -> tuple[Any, str | None]:
    """'At least 14 civilians were killed ... on 22 July', in a report of 10 June: a day named without its year, in a
    past clause told as done, lies before the report, so last year's 22 July (the time rules keep a day up to eleven
    weeks ahead for a past clause, as schedules are told: "set Nov. 10 as the deadline"; an act done is no schedule)."""
    if time is None or date is None or published is None or published.latest is None or time.earliest is None:
        return time, date
    if stance in ("planned", "threatened") or time.type != "DATE" or _YEAR_WRITTEN.search(time.text):
        return time, date
    if not _MONTH_NAMED.search(time.text):
        return time, date  # "two weeks later", "on Thursday": counted from a day the text gives, not a month-day
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in _AHEAD_AUX for c in verb.children):
        return time, date
    if time.earliest <= published.latest or not time.value[:4].isdigit() or not date[:4].isdigit():
        return time, date
    try:
        earliest = time.earliest.replace(year=time.earliest.year - 1)
        latest = time.latest.replace(year=time.latest.year - 1) if time.latest is not None else None
    except ValueError:  # 29 February
        return time, date
    if earliest > published.latest:
        return time, date
    year = str(int(time.value[:4]) - 1)
    moved = replace(time, value=year + time.value[4:], earliest=earliest, latest=latest)
    return moved, str(int(date[:4]) - 1) + date[4:]


def _counted_past_the_report(time: Any, published: Any, verb: Any, stance: str) -> bool:
    """A past act told as done whose time, counted from another day ("two days later", "the next day", "a week
    after"), lies wholly after the report's latest day: the day it was counted from is not the one meant."""
    if time is None or published is None or published.latest is None or time.earliest is None:
        return False
    if stance in ("planned", "threatened") or time.type != "DATE" or _MONTH_NAMED.search(time.text):
        return False
    past = verb.tag_ in ("VBD", "VBN") or (verb.tag_ == "VBP" and verb.lower_ != verb.lemma_.lower())  # "retook"
    if not past or any(c.dep_ == "aux" and c.lower_ in _AHEAD_AUX for c in verb.children):
        return False
    return bool(time.earliest > published.latest)


_AHEAD_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
_DEADLINE_PREPS = frozenset({"until", "till", "by", "before"})


def _deadline_words(verb: Any) -> set[int]:
    """The words of an ultimatum's deadline ("until the end of August", "by Friday") under its verb."""
    return {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in _DEADLINE_PREPS for t in c.subtree}


def _official(actor: Actor | None) -> bool:
    """A state body or office holder speaking for a government (a ministry, a minister, the government itself)."""
    return actor is not None and not actor.members and actor.sector == "GOV"


def _forbidden_advance(cand: Candidate) -> bool:
    """'We will not allow the regime to advance further', 'Turkey would not permit attacks on its posts': refusing
    ahead of time to let an adversary act by force is a threat against it (as our gold and PLOVER code it)."""
    verb = cand.token
    if cand.nominal and verb.dep_ == "dobj" and cand.type == "ASSAULT":
        verb = verb.head  # "the army would not tolerate further attacks"
        if verb.lemma_.lower() not in _ALLOWING:
            return False
        children = list(verb.children)
        return any(c.dep_ == "neg" for c in children) and any(
            c.dep_ == "aux" and c.lower_ in _AHEAD_AUX for c in children
        )
    if cand.nominal or verb.lemma_.lower() not in _ALLOWING:
        return False
    children = list(verb.children)
    if not any(c.dep_ == "neg" for c in children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _AHEAD_AUX for c in children):
        return False
    for act in (c for c in children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in _FORCEFUL):
        doer = next((c for c in act.children if c.dep_ == "nsubj"), None)
        doer = doer or next((c for c in children if c.dep_ == "dobj"), None)
        if doer is not None and (doer.pos_ == "PROPN" or doer.lemma_.lower() in _ARMED):
            return True  # an armed side ("the regime", "Russian forces"), not aid convoys or journalists
    return any(c.dep_ == "dobj" and c.lemma_.lower() in {"attack", "advance", "offensive"} for c in children)


_STATE_WORDS = frozenset({"government", "regime"})
# an unnamed body that speaks for a state's forces: "the defence ministry", "the army", "the military"
_BARE_DEFENCE = re.compile(
    r"(?i)(?:the\s+)?(?:(?:defen[cs]e|war)\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e|army|military"
    r"|armed\s+forces|general\s+staff)"
)


def _state_word_on_attack(cand: Candidate, agent: Any, actor: Actor) -> bool:
    """ "Syrian government shelling", "a regime offensive": the state word just before an attack noun."""
    if actor.sector != "GOV" or actor.members or not actor.country or agent is None:
        return False
    return cand.type == "ASSAULT" and cand.nominal and agent.i == cand.token.i - 1 and agent.lower_ in _STATE_WORDS


def _filing_day(analysis: Analysis) -> PubDate:
    """The day a report tells of when a past act is dated by nothing of its own: the publication date, or the day
    its wire copy was filed (truceline.stages.dates.filing_day): "PORT SUDAN, Sept 1 (AP) -" on a page of September
    2, the army's blaming, told without a time, was by September 1."""
    from truceline.stages.dates import filing_day

    published = analysis.article.published
    day = filing_day(analysis.article.body, analysis.times, published)
    if day is None:
        return published
    why = f"the dateline's day ({day.isoformat()}), when the copy was filed"
    return replace(published, value=day.isoformat(), earliest=day, latest=day, evidence=(why,))


# a speech verb of a sentence telling what someone said; its teller is named within SUBJECT_REACH characters of
# the sentence's start ("Ukraine's military said on Thursday that ...")
_SAID = re.compile(r"\b(?:said|says|reported|claimed|alleged)\b")
SUBJECT_REACH = 40

# tellers who count the dead and hurt of their own side: health ministries and officials, medics, hospitals, civil
# defence
_COUNTS_ITS_OWN = re.compile(r"\b(?:health|medic\w*|hospital\w*|civil defen[cs]e|paramedics?|doctors?)\b", re.I)

_UNNAMED_PEOPLE = re.compile(r"(?:[a-z][\w-]*\s+)?(?:people|persons|civilians|residents|children|women|men|villagers)")

# acts whose victims a report counts: force, coercion, and protests (the protesters killed)
_HARMING = frozenset({"ASSAULT", "COERCE", "PROTEST"})


class _Coder:
    def __init__(self, analysis: Analysis, dictionary: Any, typer: EventTyper | None = None) -> None:
        self.analysis = analysis
        self.typer = typer
        self.lex = load_lexicon()
        self.ontology = load_ontology()
        body = analysis.article.body
        self.index = ActorIndex(analysis.actors, dictionary, _story_country(dictionary, body), body)
        self.picker = _event_picker()
        # each event looks at its own sentence's times and figures: found by bisection, not by scanning the report's
        self.times = StartIndex(analysis.times)
        self.quantities = StartIndex(analysis.quantities)
        self.events: list[Event] = []
        self.last_speaker: Actor | None = None
        self.last_person: Actor | None = None  # "he said" after "President Erdogan gave ...": the person last named
        self.last_statement: Actor | None = None  # "a statement from X said": X, whom "the statement" then means
        self.quotes = quotations(body)
        self.named = named_speakers(body)
        self.report_day = _filing_day(analysis)
        # (token, earlier events) of the acts told before that this sentence names again and folds into them
        self._owned: list[tuple[int, tuple[int, ...]]] = []

    def _names_a_place(self, options: list[Token], start: int) -> bool:
        """The first object the clause offers is a place the places stage found (a town, not a party)."""
        first = next((t for t in options if t is not None), None)
        if first is None or not first.text[:1].isupper():
            return False
        at = start + first.idx
        return any(p.start <= at < p.end and p.resolved for p in self.analysis.places)

    def _recipient_of(self, options: list[Token], start: int, actor: Actor | None, threat: bool) -> Actor | None:
        return recipient_of(options, start, actor, threat, self.index, self.lex)

    def speaker_actor(self, att: Attribution, offset: int) -> Actor | None:
        if att.speaker is None:
            return None
        if att.speaker.lower_ in _PRONOUNS:
            # "The Israeli military said it believed ...": the one who says so, before whoever spoke last
            third = att.speaker.lower_ in ("he", "she", "it", "they")  # "we" and "I" speak in a quote: its speaker's
            told = governing_subject(att.speaker, offset, self.index) if third else None
            return told or self._pronoun_speaker(att.speaker.lower_, offset)
        statement = att.speaker.lemma_.lower() in STATEMENT_NOUNS
        actor = actor_for(statement_author(att.speaker) if statement else att.speaker, offset, self.index)
        if actor is None and statement:
            return self.last_statement  # "the statement said": the one whose statement the report brought in
        if actor is not None:
            self.last_speaker = actor
            self.last_statement = actor if statement else self.last_statement
        return actor

    def _pronoun_speaker(self, pronoun: str, before: int) -> Actor | None:
        """'he said': the person who last acted or spoke before this sentence, whichever the text names later
        (a speaker named in a sentence with no event counts: 'Le Drian said the priority must be calm')."""
        known = [a for a in (self.last_person, self.last_speaker) if a is not None]
        if pronoun in ("he", "she"):
            # a person, or a speaker of no known kind; never a ministry, an army or a country ("Turkey's defence
            # ministry denied ..." then "he said" after a minister's words)
            known = [a for a in known if a is self.last_person] or [a for a in known if self._kind(a) in _PERSONLIKE]
            for start, end in reversed(self.named):
                if end > before:
                    continue
                named = self.index.within(start, end)
                person = next((a for a in reversed(named) if self._kind(a) == "person"), None)
                if person is not None:
                    known.append(person)
                    break
        elif pronoun == "it":
            known = [a for a in known if a is not self.last_person and self._kind(a) != "person"]
        return max(known, key=lambda a: a.start, default=None)

    def _kind(self, actor: Actor) -> str | None:
        kind_of = getattr(self.index.dictionary, "kind_of", None)
        return kind_of(actor) if kind_of is not None else None

    def _speech_place(self, cue: Token, offset: int) -> Place | None:
        """'"We will not wait forever," Erdogan told reporters in Ankara': a statement is made where its speech verb
        says it was ("in" or "at" a place the places stage found); ", adding that ..." where the verb it adds to
        says."""
        verbs = [cue, cue.head] if cue.dep_ in ("advcl", "conj") and cue.tag_ == "VBG" else [cue]
        for prep in (c for verb in verbs for c in verb.children):
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                at = offset + pobj.idx
                found = next((p for p in self.analysis.places if p.start <= at < p.end and p.resolved), None)
                if found is not None and found.cue != "dateline":
                    return found
        return None

    def _quote_speaker(self, trigger_start: int, sentence_start: int) -> Actor | None:
        """The speaker of the quotation a trigger lies in, when its sentence names none (quotes.py)."""
        quote = containing(self.quotes, trigger_start)
        if quote is None:
            return None
        if quote.speaker is not None:
            named = self.index.within(*quote.speaker)
            actor = (
                named[-1]
                if named
                else self.index.resolve(self.analysis.article.body[slice(*quote.speaker)], quote.speaker[0])
            )
            if actor is not None:
                self.last_speaker = actor
            elif self.analysis.article.body[slice(*quote.speaker)].lower().split()[-1] in STATEMENT_NOUNS:
                return self.last_statement  # '"...," the statement read': the statement's author
            return actor
        if quote.pronoun is not None:
            return self._pronoun_speaker(quote.pronoun, sentence_start)
        return self.last_speaker if quote.start <= sentence_start + 1 else None  # a quotation that follows one

    def sentence(self, sentence_index: int, doc: Any) -> None:
        start, end = self.analysis.sentences[sentence_index]
        text = self.analysis.article.body[start:end]
        has_ceasefire = any(t.lemma_.lower() in self.lex.ceasefire_nouns for t in doc)
        attributed_cues: set[int] = set()
        own: list[tuple[Candidate, int, Attribution | None]] = []
        before = len(self.events)
        found = self._candidates(doc)[:MAX_SENTENCE_CANDIDATES]
        # the classifier keeps, retypes or drops the lexicon's candidates and may add words the lexicon misses; those
        # pass the same eventhood test as the lexicon's (an aim or a standing relation is no event whoever found it)
        typed = self.typer.decide(doc, found, self.lex) if self.typer is not None else [(c, None) for c in found]
        for cand, probability in typed:
            if not cand.lexical and not_an_event(cand, self.lex) is not None:
                continue
            if self._refers_back(cand) and not owning_up(cand):  # a claim of responsibility names a doer: coded,
                # then folded into the act it names (_owned_up)
                self._toll_risen(cand, start, end, text)
                continue
            index, att = self.code(cand, doc, start, end, text, has_ceasefire, probability)
            own.append((cand, index, att))
            if att is not None:
                attributed_cues.add(att.cue.i)
        by_trigger = {cand.token.i: i for cand, i, _ in own}
        self._remember_person(doc, start, [self.events[i] for _c, i, _a in own])
        self._inherit_recipients(own, by_trigger)
        own = self._absorb(own)
        by_trigger = {cand.token.i: i for cand, i, _ in own}
        for _cand, index, att in own:
            if att is not None:
                self.link(index, att, start, text, by_trigger)
        for token in doc:
            if (
                token.i not in attributed_cues
                and token.i not in by_trigger
                and denial_without_event(token, self.lex)
                and not describes_its_head(token, self.lex)
                and not unsaid_habit(token, self.lex)  # "the group often disputes government figures"
            ):
                self.denial(token, start, end, text)
        self._answer_rejections(doc, start, before)
        self._blamed_for_the_act_told(own)
        self._accused_of_an_act_told(own)
        if len(self.events) == before and before:
            self._toll_of_last(doc, start, end)

    def _accused_of_an_act_told(self, own: list[tuple[Candidate, int, Attribution | None]]) -> None:
        """'The RSF accused the army of carrying out the strike': the strike told before, named again as what one
        party charges another with (folded into it, _owned_up), is what the accusation alleges."""
        for token_i, found in self._owned:
            for cand, index, _att in own:
                accusing = self.events[index].type == "ACCUSE" and not cand.nominal
                if accusing and any(t.i == token_i for t in cand.token.subtree):
                    for i in found:
                        self._add_link(index, ("alleges", i))

    def _blamed_for_the_act_told(self, own: list[tuple[Candidate, int, Attribution | None]]) -> None:
        """'blamed Russian warplanes for the raid', and 'said 31 civilians died in the strike and blamed government
        aircraft' (a blame with no "for" of its own is for the act the sentence has just told): when that act names no
        doer, the one blamed is its doer as the blamer tells it, and the blame alleges it."""
        for cand, index, _att in own:
            blame = self.events[index]
            token = cand.token
            if (
                blame.type != "ACCUSE"
                or cand.nominal
                or token.lemma_.lower() not in _BLAMING
                or blame.recipient is None
            ):
                continue
            charged = [g.i for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
            if not charged and any(c.dep_ in ("prep", "xcomp", "ccomp", "advcl") for c in token.children):
                continue  # "accused X of shelling": the charge says its own act, and names its doer
            acts = [
                i
                for c, i, _a in own
                if (c.token.i in charged if charged else c.token.i < token.i)  # "blamed X for the raid"
                and self.events[i].type == "ASSAULT"
                and self.events[i].actor is None
                and self.events[i].stance in ("asserted", "claimed")
            ]
            if len(acts) != 1 or any(link == ("alleges", acts[0]) for link in blame.links):
                continue
            act = self.events[acts[0]]
            self.events[acts[0]] = replace(
                act, actor=blame.recipient, stance="claimed", claimed_by=act.claimed_by or blame.actor
            )
            self._add_link(index, ("alleges", acts[0]))

    def _answer_rejections(self, doc: Any, start: int, first: int) -> None:
        """A rejection, welcome or condemnation of something said, asked or done before ("rejected the accusation",
        "turned down the offer", "welcomed the decision") is aimed at whoever said, asked or did it (rebuttal.py),
        and a denial of what was said links to that telling."""
        if not any(self.events[index].type in ANSWERS for index in range(first, len(self.events))):
            return
        verbs = {start + t.idx: t for t in doc if t.pos_ in ("VERB", "AUX")}
        for index in range(first, len(self.events)):
            event = self.events[index]
            verb = verbs.get(event.trigger.start)
            if event.type not in ANSWERS or verb is None:
                continue
            others = self.events[:first] + [e for e in self.events[first:] if e is not event]
            found = answered(
                event, verb, start, others, self.lex, lambda t: actor_for(t, start, self.index), self._told_between
            )
            if found is None:
                continue
            party, telling = found
            links = event.links
            if telling is not None and not any(kind == "denies" for kind, _ in links):
                links = (*links, ("denies", telling))
            party = self.index.as_party(party, False) or party  # "Ukraine said ...": its state, as an actor would be
            self.events[index] = replace(event, recipient=party, links=links)

    def _told_between(self, lo: int, hi: int) -> Actor | None:
        """The teller of the last sentence between `lo` and `hi` that tells what someone said ("Ukraine's military
        said on Thursday that ..."): the first party named before its speech verb, or None."""
        body = self.index.body
        last = None
        for match in _SAID.finditer(body, lo, hi):
            last = match
        if last is None:
            return None
        stop, line = body.rfind(". ", lo, last.start()), body.rfind("\n", lo, last.start())
        opening = max(stop + 2 if stop >= 0 else lo, line + 1 if line >= 0 else lo)
        subject = [a for a in self.index.within(opening, last.start()) if a.start - opening < SUBJECT_REACH]
        return self.index.as_party(subject[0], False) or subject[0] if subject else None

    def _toll_of_last(self, doc: Any, start: int, end: int) -> None:
        """'Rebels attacked an army convoy on Monday. The army lost 12 soldiers.': a side's loss told in the sentence
        after an act of force with no toll of its own is that act's toll, and the side its target (speakers.py)."""
        last = self.events[-1]
        figures = [q for q in self.quantities.within(start, end) if q.kind == "killed"]
        if len(figures) != 1 or last.killed is not None or last.sentence_end > start or start - last.sentence_end > 2:
            self._suffered_after(doc, start, end)
            return
        told, loser = toll_of(doc, start, self.index, self.lex, last)
        if told:
            self.events[-1] = replace(last, killed=figures[0], recipient=last.recipient or loser)
        else:
            self._suffered_after(doc, start, end)

    def _suffered_after(self, doc: Any, start: int, end: int) -> None:
        """'A drone struck a wedding party, killing 14. A local official said nine people were hurt.': a sentence
        that only tells who died or was hurt ("were hurt", "died", "lost their lives", no verb of an act the lexicon
        knows), with no time or other incident of its own, right after an act of force that lacks that figure,
        gives the act's figure (the figure keeps its own sentence and teller)."""
        last = self.events[-1]
        if (
            last.type != "ASSAULT"
            or last.stance not in ("asserted", "claimed")
            or not 0 <= start - last.sentence_end <= 2
        ):
            return
        root = told_root(doc, self.lex)  # "..., a local official said"
        if root is None or not suffered(root) or any(c.dep_ == "neg" for c in root.children):
            return
        if self._times_of(doc, start, end) or _ANOTHER_INCIDENT & {t.lower_ for t in doc}:
            return
        figures = [q for q in self.quantities.within(start, end) if not q.cumulative and q.since is None]
        killed = [q for q in figures if q.kind == "killed"]
        injured = [q for q in figures if q.kind == "injured"]
        if len(killed) == 1 and last.killed is None:
            last = replace(last, killed=killed[0])
        if len(injured) == 1 and last.injured is None:
            last = replace(last, injured=injured[0])
        self.events[-1] = last

    def _spoken(self, cand: Candidate, event: Event) -> Event:
        """A statement the speaker makes in a quote takes the day and the place of the speech verb, when the quote
        has none ("... ," Erdogan told reporters in Ankara on Wednesday)."""
        att = attribution(cand, self.lex)
        if att is None:
            return event
        if event.place is None:
            place = self._speech_place(att.cue, event.sentence_start)
            event = replace(event, place=place) if place is not None else event
        if not event.date_from_publication:
            return event
        doc, offset = cand.token.doc, event.sentence_start
        time, date, precision, from_pub = event_date(doc, offset, self.analysis.times, {att.cue.i}, self.report_day)
        if from_pub or time is None:
            return event
        return replace(event, time=time, date=date, date_precision=precision, date_from_publication=False)

    def _times_of(self, doc: Any, start: int, end: int) -> list[TimeRef]:
        """The sentence's time expressions but its dateline's ("BOGOTA, Jan 20 (Wire) - ..."): the day the copy was
        filed, not when anything it tells happened."""
        return outside(self.times.within(start, end), doc, start, set(range(dateline_end(doc) + 1)))

    def _accused_when_told(self, cand: Candidate, event: Event) -> Event:
        """An accusation folded from the breach its teller tells takes the day of the telling: the breach's time,
        when it only said when it was told ("reported by"), is that day."""
        if event.date_precision != "reported by":
            return self._spoken(cand, event)
        told = self._spoken(cand, replace(event, date_from_publication=True))
        return told if not told.date_from_publication else event

    def _remember_person(self, doc: Any, offset: int, events: list[Event]) -> None:
        """The person who last acted, for a later 'he said'."""
        for event in events:
            actor = event.actor
            if actor is None or actor.members:
                continue
            words = tokens_within(doc, actor.start - offset, actor.end - offset)
            kind = self._kind(actor)  # a group the tagger calls a person ("Houthis") stays a group
            if kind == "person" or (kind is None and any(t.ent_type_ == "PERSON" for t in words)):
                self.last_person = actor

    def _candidates(self, doc: Any) -> list[Candidate]:
        """The lexicon's trigger candidates that name a happening (eventhood), then the threats, ultimatums and
        demands no trigger word names, at words no kept candidate holds."""
        found = find_candidates(doc, self.lex)
        for cand in found:
            if naming(cand.governor):
                cand.governor = None  # "called the agreement a first step": a name for it, not an act on it
            resense(cand, self.lex)
        found = [c for c in found if c.type != NO_EVENT and not_an_event(c, self.lex) is None]
        for c in found:
            if _forbidden_advance(c):  # "we will not allow the regime to advance": a threat to stop it
                c.type, c.mode = "THREATEN", "general"
        taken = {c.token.i for c in found} | {t.i for c in found for t in c.extra}
        taken |= {c.ceasefire_noun.i for c in found if c.ceasefire_noun is not None}
        more = [c for c in extra_candidates(doc, self.lex, taken) if not_an_event(c, self.lex) is None]
        return found + more

    def _inherit_recipients(
        self, own: list[tuple[Candidate, int, Attribution | None]], by_trigger: dict[int, int]
    ) -> None:
        """'threatened to deliver blows to X', 'agreed to provide aid for X': an act with no recipient of its own is
        aimed at whoever the act it governs (its to-infinitive) is aimed at."""
        for cand, index, _att in own:
            event = self.events[index]
            if event.recipient is not None or cand.nominal:
                continue
            for child in cand.token.children:
                inner = by_trigger.get(child.i) if child.dep_ == "xcomp" else None
                target = self.events[inner].recipient if inner is not None else None
                if target is not None and not same_party(target, event.actor):
                    self.events[index] = replace(event, recipient=target)
                    break

    def _absorb(
        self, own: list[tuple[Candidate, int, Attribution | None]]
    ) -> list[tuple[Candidate, int, Attribution | None]]:
        """Drop the sentence's threatened acts, wishes and hedged speculation (absorb.absorb) and renumber; no link
        points into this sentence yet, so only its own events move."""
        self._owned = []
        if not own:
            return own
        first = own[0][1]
        atts = {cand.token.i: att for cand, _i, att in own}
        kept = absorb([(cand, self.events[i]) for cand, i, _att in own], self.lex)
        offset, end = self.events[first].sentence_start, self.events[first].sentence_end
        kept = losers_hit(speakers_own(kept, offset, self.index, self.lex, self._spoken), offset, self.index, self.lex)
        kept = merge_same(settle(kept, offset, end, self.events[:first], self.index, self.analysis, self.lex))
        kept = [(c, e) for c, e in kept if not told_before(c, e, self.events[:first])]
        kept = [(c, e) for c, e in kept if not self._owned_up(c, e, first)]
        kept = [(c, doer_told_before(c, e, self.events[:first])) for c, e in kept]
        kept = fold_alleged(kept, atts)
        # a breach folded into its teller's accusation is made by the speech verb: "Turkey said on Friday that regime
        # forces are violating the ceasefire" accuses on Friday
        kept = [(c, self._accused_when_told(c, e) if e.type == "ACCUSE" and c.type != "ACCUSE" else e) for c, e in kept]
        # a speaker made the actor (an accusation, a threat told, a statement act) is a party acting like any other:
        # "Russia" is its state, whichever rule put it there
        kept = [(c, replace(e, actor=self.index.as_party(e.actor, e.type == "ASSAULT"))) for c, e in kept]
        del self.events[first:]
        out: list[tuple[Candidate, int, Attribution | None]] = []
        for cand, event in kept:
            self.events.append(replace(event, index=len(self.events)))
            out.append((cand, len(self.events) - 1, None if event.type == "ACCUSE" else atts[cand.token.i]))
        return out

    def _owned_up(self, cand: Candidate, event: Event, first: int) -> bool:
        """A claim of responsibility for an act told before ("Al-Shabaab claimed responsibility for the blast"): the
        act takes the claimant as its doer and the claim is no row of its own (merge.owned_up)."""
        if event.actor is None and owning_up(cand):
            # "A Houthi spokesman, Yahya Saree, claimed the attack": the claimant, past a name the dictionary lacks
            subject = next((c for c in (cand.governor or cand.token.head).children if c.dep_ == "nsubj"), None)
            claimant = actor_for(subject, event.sentence_start, self.index) if subject is not None else None
            event = replace(event, actor=self.index.as_party(claimant, True)) if claimant is not None else event
        found = owned_up(cand, event, self.events[:first])
        if found is None:
            return False
        self._owned.append((cand.token.i, tuple(found)))
        for i in found:
            told = self.events[i].actor
            if told is None or faceless(told):
                self.events[i] = replace(self.events[i], actor=event.actor)
        return True

    def _toll_risen(self, cand: Candidate, start: int, end: int, text: str) -> None:
        """'The death toll from the strike later rose to 39': the act named again takes the risen toll (the
        report's latest count; the figure keeps its own sentence)."""
        figures = [q for q in self.quantities.within(start, end) if q.kind == "killed"]
        if len(figures) != 1 or not rising_toll(text, cand.token.idx):
            return
        for i in range(len(self.events) - 1, -1, -1):
            event = self.events[i]
            if start - event.sentence_end > UPDATE_AFTER_CHARS:
                return
            if event.type == cand.type and event.killed is not None:
                if event.killed.value <= figures[0].value:
                    self.events[i] = replace(event, killed=figures[0])
                return

    def _refers_back(self, cand: Candidate) -> bool:
        """'the shelling', 'the memorandum', 'the attack came a week after': a definite noun with no words of its own
        (no agent, target, weapon or victims) names an event of the same type the report has already coded."""
        token = cand.token
        if cand.nominal and token.dep_ == "pobj" and token.head.head.lower_ in ("connection", "relation"):
            return True  # "arrested three suspects in connection with the bombing": the act the arrest is about
        if cand.nominal and token.dep_ == "oprd" and naming(token.head):
            # "condemned what he called a cowardly attack": a name given to the act told before
            return any(e.type == cand.type for e in self.events)
        if disowning(cand):  # "no group has said it carried out the bombing": the bombing told before, no one's
            return any(e.type == cand.type for e in self.events)
        if not cand.nominal or cand.extra or cand.governor is not None:
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            return False
        if token.dep_ == "pobj" and token.head.lower_ == "in":
            return False  # "31 civilians died in the market strike": the sentence adds its toll
        for child in token.children:
            if child.dep_ in ("poss", "prep", "relcl", "acl") or (child.dep_ == "nummod" and child.ent_type_ != "DATE"):
                return False
            if child.dep_ in ("compound", "amod", "nmod") and (
                child.ent_type_ in ("NORP", "ORG", "PERSON") or child.lemma_.lower() in self.lex.weapon_modes
            ):
                return False  # "the Turkish fire", "the artillery shelling": the words say more than a reference
        return any(e.type == cand.type for e in self.events)

    def code(
        self,
        cand: Candidate,
        doc: Any,
        start: int,
        end: int,
        text: str,
        has_ceasefire: bool,
        probability: float | None = None,
    ) -> tuple[int, Attribution | None]:
        rejected = rejected_content(cand, self.lex)
        if rejected is not None:  # the allegations called false: the caller rejects them
            cand = replace(cand, type="REJECT", mode="general")
        forbidding = cand.type == "THREATEN" and _forbidden_advance(cand)  # its "not" refuses the act, not the threat
        if cand.nominal:
            agent_tok, options, nearby = nominal_arguments(cand, self.index, start)
        else:
            agent_tok, options, nearby = verbal_arguments(cand)
        actor = actor_for(agent_tok, start, self.index) if agent_tok is not None else None
        threat = cand.type == "THREATEN"
        recipient = self._recipient_of(options, start, actor, threat)
        if recipient is None and not self._names_a_place(options, start):
            # a named actor near the trigger, never a bare common noun; not when the act's object is a place the
            # report names ("shelled Tartar overnight, a claim Yerevan denied": the town's country is hit, later)
            # ("a hostage deal": a lower-case word that only modifies another noun names what it is about)
            found = (actor_for(t, start, self.index) for t in nearby if not only_modifies(t))
            recipient = next(
                (a for a in found if a is not None and (a.country or a.code) and not own_side(actor, a, threat)), None
            )
        if recipient is None and cand.type == "THREATEN" and not cand.nominal:
            recipient = self._threatened_in(cand.token, start, actor)  # "warned that it was ready to act against X"
        if recipient is None and cand.type == "PROTEST" and not cand.nominal:  # "marched to urge X"
            recipient = purpose_recipient(cand.token, start, self.index, actor)
        if agent_tok is not None and agent_tok.lower_ in _SELF_PRONOUNS:
            actor = None  # "X said it would withdraw": resolved to the speaker below
        mode_record = self.ontology.mode(cand.type, cand.mode)
        ceasefire = mode_record.ceasefire
        mode = refine_mode(cand, agent_tok, self.lex)
        stance = "asserted" if forbidding else modality(cand, self.lex)
        att = attribution(cand, self.lex)
        claimed_by: Actor | None = None
        if att is not None:
            claimed_by = self.speaker_actor(att, start) or self._quote_speaker(start + cand.token.idx, start)
            speaker = att.speaker
            if claimed_by is None and speaker is not None and _his_own(speaker) and cand.type not in STATEMENTS:
                # "Akar spoke with Shoigu, his office said": claimed for him (a statement his office tells is his
                # own, and speakers.py makes it so)
                claimed_by = _speaking_for(speaker, start, actor) if actor is not None and actor.country else None
            kind = "denied" if att.kind == "denied" else "claimed"
            if _STANCE_RANK[kind] < _STANCE_RANK[stance]:
                stance = kind
        else:  # a sentence inside a quotation attributed in another sentence
            claimed_by = self._quote_speaker(start + cand.token.idx, start)
            if claimed_by is not None and _STANCE_RANK["claimed"] < _STANCE_RANK[stance]:
                stance = "claimed"
        if rejected is not None:
            # "Russia's spokeswoman said the allegations were absurd": she rejects them; whose they are (a possessor)
            # is the one answered
            rejecter = self.speaker_actor(rejected, start) if rejected.speaker is not None else None
            if rejecter is not None:
                owner = next((c for c in cand.token.children if c.dep_ == "poss"), None)
                answered = actor_for(owner, start, self.index) if owner is not None else None
                actor, recipient, claimed_by, stance = rejecter, answered, None, "asserted"
        pronoun = actor is None and agent_tok is not None and agent_tok.lower_ in _PRONOUNS
        relative = relative_subject(agent_tok) if pronoun and agent_tok is not None else None
        if relative is not None:  # "released 20 people they abducted": whoever released them, as already coded
            verb_at = start + relative[0].idx
            coded = next((e for e in reversed(self.events) if e.trigger.start == verb_at), None)
            actor = coded.actor if coded is not None else actor_for(relative[1], start, self.index)
        if actor is None and agent_tok is not None and agent_tok.lower_ in _SELF_PRONOUNS and claimed_by is not None:
            actor = claimed_by
        if actor is None and agent_tok is not None and agent_tok.lower_ in _PRONOUNS:
            actor = governing_subject(agent_tok, start, self.index)  # "X announced that they would"
            actor = actor or antecedent(agent_tok, start, self.index)  # "a statement from Guterres said he ..."
        if recipient is not None and actor is not None and recipient.start == actor.start:
            recipient = None
        if cand.type == "MOBILIZE" and actor is None and recipient is not None and not cand.nominal:
            # "Turkish troops had been sent to new positions": the forces deployed, with no sender named, are the
            # ones the deployment is coded for, not a party it is aimed at
            moved = next((c for c in cand.token.children if c.dep_ == "nsubjpass"), None)
            if moved is not None and start + moved.left_edge.idx <= recipient.start < start + moved.idx + len(moved):
                actor, recipient = recipient, None
        actor = self.index.as_party(actor, cand.type == "ASSAULT")
        if cand.type == "PROTEST" and not cand.nominal and _official(actor):
            # "the foreign ministry summoned the ambassador to protest against ...": a state's protest is a
            # statement of disapproval, not a demonstration; never against its own country
            cand, mode = replace(cand, type="ACCUSE", mode="disapprove"), "disapprove"
            if recipient is not None and actor is not None and recipient.country == actor.country:
                recipient = None
        if actor is not None and _state_word_on_attack(cand, agent_tok, actor):
            # "government shelling", "regime air strikes": the state's forces carried out the attack
            actor = replace(actor, sector="MIL", code=f"{actor.country}MIL")
        recipient = self.index.as_party(recipient, False)
        verb = clause_verb(cand)
        clause = clause_tokens(cand.token, verb, cand.extra)
        trigger_start = start + cand.token.idx
        published = self.analysis.article.published
        # "announced on Thursday that forces halted fire": a past act told under a dated report happened by then
        told = verb.dep_ == "ccomp" and verb.tag_ in ("VBD", "VBN") and verb.head.tag_.startswith("VB")
        # "said on Tuesday that Ankara was talking to Moscow": what was going on when it was said was so that day
        ongoing = verb.dep_ == "ccomp" and verb.tag_ == "VBG" and verb.head.tag_.startswith("VB") and _progressive(verb)
        reporting = verb.head if told or ongoing else None
        # "BOGOTA, Jan 20 (Wire) - Petro suspended talks on Friday": the dateline's day is when the copy was filed,
        # not when anything it tells happened (the report's date stands in when the sentence names no time)
        times = self._times_of(doc, start, end)
        order = prepositional_relation(cand.token, verb) if cand.nominal else None
        relation = (order, {t.i for t in cand.token.subtree}) if order else None
        if cand.type in _ABOUT_A_THING or (cand.type, cand.mode) == ("CONCEDE", "ceasefire_declared"):
            # "agreed to a truce starting on Monday": the truce's start is not the day it was agreed or asked for;
            # nor, declared, the day it was announced ("announced a ceasefire over Orthodox Christmas"); one observed
            # is dated by its own time ("would observe a ceasefire from 6 a.m. on Saturday")
            truce = cand.type in ("AGREE", "REQUEST", "CONCEDE") and (has_ceasefire or cand.ceasefire_noun is not None)
            times = outside(times, doc, start, lifetime_words(verb, cand.token, truce))
        if cand.type == "THREATEN" and cand.mode == "ultimatum":
            # "gave foreign forces until the end of August to leave": the deadline is not when it was given
            times = outside(times, doc, start, _deadline_words(verb))
        time, date, precision, from_pub = event_date(
            doc, start, times, clause, self.report_day, reporting, relation, ongoing=ongoing
        )
        if cand.type not in ("THREATEN", "REQUEST"):  # a deadline or a date asked for may lie ahead
            time, date = _not_after_the_report(time, date, published, verb, stance)
            if _counted_past_the_report(time, published, verb, stance):
                # "Two days later, rebels shelled the town" with no day before it: counted from the report's own day,
                # a past act would lie after its report; the report's day bounds it instead
                time, date, precision, from_pub = None, published.value, "reported by", True
        place = event_place(doc, start, self.analysis.places, clause, trigger_start, self.picker, cand.token, cand.type)
        if place is None and att is not None and att.kind == "said" and cand.type in STATEMENTS:
            place = self._speech_place(att.cue, start)
        if cand.type == "PROTEST" and place is not None and place.country:
            # "protesters gathered outside the government building in Yerevan": people protest where they live, and
            # the government they face is that place's, whatever country the rest of the report is about
            actor, recipient = self._of_place(actor, place.country), self._of_place(recipient, place.country)
        figures = self.quantities.within(start, end)
        killed, injured, others = event_casualties(doc, start, figures, clause, trigger_start)
        if cand.type not in _HARMING and (killed is not None or injured is not None):
            # "returned four of the bodies of 28 dead hostages", "a patrol ... wounding three": no release, patrol or
            # meeting kills; the figures stay with the sentence's other quantities
            others = (*others, *(q for q in (killed, injured) if q is not None))
            killed = injured = None
        claimed_by = self._defence_teller(claimed_by, actor, recipient, killed, injured)
        if (
            cand.type in _HARMING
            and claimed_by is not None
            and claimed_by.country
            and _COUNTS_ITS_OWN.search(claimed_by.text)
            and recipient is not None
            and recipient.sector == "CVL"
            and recipient.country != claimed_by.country
            and _UNNAMED_PEOPLE.fullmatch(recipient.text)
        ):
            # "The Gaza health ministry said 10 people had been killed": the dead a health ministry or its medics
            # count are its own people, not the report's other country's
            recipient = self._as_of(recipient, claimed_by.country, keep_name=False) or recipient
        context = ("ceasefire",) if ceasefire or has_ceasefire else ()
        event = Event(
            article_id=self.analysis.article.id,
            index=len(self.events),
            type=cand.type,
            mode=mode,
            sentence_start=start,
            sentence_end=end,
            sentence=text,
            trigger=Trigger(trigger_start, trigger_start + len(cand.token.text), cand.token.text, cand.token.lemma_),
            actor=actor,
            recipient=recipient,
            place=place,
            time=time,
            date=date,
            date_precision=precision,
            date_from_publication=from_pub,
            killed=killed,
            injured=injured,
            other_quantities=others,
            stance=stance,  # type: ignore[arg-type]
            claimed_by=claimed_by,
            context=context,
            ceasefire=ceasefire,
            type_probability=None if probability is None else round(probability, 4),
        )
        self.events.append(event)
        return event.index, att

    def _threatened_in(self, verb: Token, start: int, actor: Actor | None) -> Actor | None:
        """The party a warning's content acts against: "warned that Israel was ready to take strong action against
        Hezbollah" (the object of "against" in the clause it tells), when the warning names no one warned."""
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            for prep in (t for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "against"):
                target = next((g for g in prep.children if g.dep_ == "pobj"), None)
                party = actor_for(target, start, self.index) if target is not None else None
                if party is not None and (party.country or party.code) and not own_side(actor, party, True):
                    return party
        return None

    def _of_place(self, party: Actor | None, country: str) -> Actor | None:
        """`party` as the words name it where it is: a phrase whose country came from the report's story ("the
        government", "protesters") is of `country` instead; a phrase naming its own keeps it."""
        if party is None or party.members or party.country not in (None, self.index.story_country):
            return party
        if party.country == country:
            return party
        return self._as_of(party, country, keep_name=False) or party

    def _as_of(self, party: Actor, country: str, keep_name: bool) -> Actor | None:
        """`party` as its words name a body of `country` (resolved as if that were the report's country), named as
        that country's; None when its words name no body of it. The name falls back on the party's own
        (`keep_name`) or the body's."""
        again = self.index.resolve_as(party.text, party.start, country)
        if again is None or again.country != country or again.name is None:
            return None
        name = display_name(country, again.name, party.text) or (party.name if keep_name else again.name)
        return replace(party, name=name, country=country, code=again.code)

    def _defence_teller(
        self,
        teller: Actor | None,
        actor: Actor | None,
        recipient: Actor | None,
        killed: Any,
        injured: Any,
    ) -> Actor | None:
        """ "Turkish warplanes struck targets in northern Iraq, the defence ministry said": an unnamed defence
        ministry or army telling of an act is the one of the state whose forces took the losses it gives or, when
        none, whose forces acted; not the report's ground, where it happened (Iraq). Only when the body's country
        came from the story (no dateline names a capital: a report filed from Baghdad means Iraq's ministry)."""
        if teller is None or teller.members or not _BARE_DEFENCE.fullmatch(teller.text):
            return teller
        if teller.country != self.index.story_country or self._dateline_country() is not None:
            return teller
        lost = next((q.who_country for q in (killed, injured) if q is not None and q.who_country), None)
        if (
            lost is None
            and recipient is not None
            and not recipient.members
            and recipient.sector in (None, "MIL", "GOV")
        ):
            lost = recipient.country  # "struck a Turkish observation post, the defence ministry said": Turkey's
        acted = actor.country if actor is not None and not actor.members and actor.sector in ("MIL", "GOV") else None
        side = lost or acted
        if side is None or side == teller.country:
            return teller
        return self._as_of(teller, side, keep_name=True) or teller

    def _dateline_country(self) -> str | None:
        if "dateline" not in self.index.memo:
            from truceline.actors.story import dateline_country

            self.index.memo["dateline"] = dateline_country(self.index.body)
        return self.index.memo["dateline"]

    def link(self, index: int, att: Attribution, start: int, text: str, by_trigger: dict[int, int]) -> None:
        event = self.events[index]
        if att.kind == "denied":
            claim = self._earlier_claim(index, event.claimed_by)
            if claim is not None:
                self._add_link(index, ("denies", claim))
            return
        if att.kind not in ("said", "accused"):
            return
        # Only a reported ceasefire violation or rejection counts as an accusation by the speaker; other reported
        # acts are claims (stance + claimed_by) unless an accusation verb says so ("accused X of shelling").
        explicit = att.cue.i in by_trigger and self.events[by_trigger[att.cue.i]].type == "ACCUSE"
        alleging = explicit or event.ceasefire in ("violated", "rejected")
        if not alleging or event.claimed_by is None or same_party(event.claimed_by, event.actor):
            return
        if att.cue.i in by_trigger and self.events[by_trigger[att.cue.i]].type == "ACCUSE":
            self._add_link(by_trigger[att.cue.i], ("alleges", index))
            return
        cue_start = start + att.cue.idx
        accuse = Event(
            article_id=event.article_id,
            index=len(self.events),
            type="ACCUSE",
            mode="allege",
            sentence_start=event.sentence_start,
            sentence_end=event.sentence_end,
            sentence=text,
            trigger=Trigger(cue_start, cue_start + len(att.cue.text), att.cue.text, att.cue.lemma_),
            actor=self.index.as_party(event.claimed_by, False),
            recipient=event.actor,
            place=event.place,
            date=event.date,
            date_precision=event.date_precision,
            date_from_publication=event.date_from_publication,
            context=event.context,
            links=(("alleges", index),),
        )
        by_trigger[att.cue.i] = accuse.index
        self.events.append(accuse)

    def denial(self, verb: Token, start: int, end: int, text: str) -> None:
        """A denial of another party's claim with no event of its own: a REJECT by the denier, linked to the claim."""
        att = Attribution("denied", verb, next((c for c in verb.children if c.dep_ == "nsubj"), None))
        denier = self.speaker_actor(att, start)
        claim = self._earlier_claim(len(self.events), denier)
        # the one denied is whoever made the claim ("X said ..., a claim Y denied": X), as a rebuttal answers its
        # teller, when the claim is told in this sentence or the one before (a claim further back may be another's)
        near = claim is not None and self.events[claim].sentence_start >= self._previous_sentence_start(start)
        claimant = self.events[claim].claimed_by if claim is not None and near else None
        trigger_start = start + verb.idx
        # "in a statement issued late Thursday, the ministry denied that assertion": the denial's own day, else the
        # report's
        doc = verb.doc
        times = self._times_of(doc, start, end)
        time, date, precision, from_pub = event_date(doc, start, times, clause_tokens(verb, verb, ()), self.report_day)
        time, date = _not_after_the_report(time, date, self.analysis.article.published, verb, "asserted")
        self.events.append(
            Event(
                article_id=self.analysis.article.id,
                index=len(self.events),
                type="REJECT",
                mode="general",
                sentence_start=start,
                sentence_end=end,
                sentence=text,
                trigger=Trigger(trigger_start, trigger_start + len(verb.text), verb.text, verb.lemma_),
                actor=self.index.as_party(denier, False),  # "Russia denies": the state, as any bare country acting
                recipient=self.index.as_party(claimant, False) if claimant is not None else None,
                time=time,
                date=date,
                date_precision=precision,
                date_from_publication=from_pub,
                links=(("denies", claim),) if claim is not None else (),
            )
        )

    def _previous_sentence_start(self, start: int) -> int:
        starts = [s for s, _e in self.analysis.sentences if s < start]
        return starts[-1] if starts else start

    def _earlier_claim(self, before: int, denier: Actor | None) -> int | None:
        for i in range(before - 1, -1, -1):
            other = self.events[i]
            if other.stance == "claimed" and (
                not same_party(other.claimed_by, denier) or named_apart(other.claimed_by, denier)
            ):  # "the RSF said ..., a claim the army denied": two sides of one country
                return i
        return None

    def _add_link(self, index: int, link: tuple[str, int]) -> None:
        event = self.events[index]
        self.events[index] = replace(event, links=(*event.links, link))


# A sentence names a handful of acts; one with more candidates than this is no prose (a page of repeated phrases, an
# unpunctuated dump) and only its first ones are coded: the rules that weigh each act against the others of its
# sentence (merging, absorbing, settling parties) would otherwise cost the square of the count
MAX_SENTENCE_CANDIDATES = 40

# acts whose object's lifetime is not their own time (attach.lifetime_words); a ceasefire declared, observed or
# withdrawn under keeps the days its words give
_ABOUT_A_THING = frozenset({"AGREE", "CONSULT", "REQUEST", "SUPPORT", "REJECT", "ACCUSE"})


_BLAMING = frozenset({"blame"})


def _progressive(verb: Any) -> bool:
    """'was talking', 'were continuing': the past of 'be' before the -ing verb (not 'by continuing'). A present one
    ('said on Friday that rebels are attacking') goes on as the report is written: the report's date, not Friday."""
    return any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD" for c in verb.children)


def code_events(
    analysis: Analysis, parsed: Sequence[tuple[int, Any]], dictionary: Any, typer: EventTyper | None = None
) -> list[Event]:
    """All events of one article from its parsed candidate sentences, in text order, links by event index.

    `typer` decides the type of each candidate trigger with the lexicon (default: the packaged event model)."""
    if typer is None:
        from truceline.learn.events import load_typer

        typer = load_typer()
    coder = _Coder(analysis, dictionary, typer)
    for sentence_index, doc in sorted(parsed, key=lambda pair: pair[0]):
        if not 0 <= sentence_index < len(analysis.sentences):
            continue
        coder.sentence(sentence_index, doc)
    return [_by_ground_weapons(_named(event, coder.index)) for event in coder.events]


_BOMB_WORDS = frozenset({"bombing", "bomb", "bombings", "bombs"})
_WITHOUT_AIRCRAFT = frozenset({"REB", "IMG", "CRM", "CVL"})


def _by_ground_weapons(event: Event) -> Event:
    """A bombing by a group with no aircraft ("Al Shabaab said it carried out the bombing") is made with explosives:
    "bombing" alone reads as an air raid only when a state's forces, or no one named, did it."""
    if event.type != "ASSAULT" or event.mode != "aerial" or event.trigger.lemma.lower() not in _BOMB_WORDS:
        return event
    if event.actor is None or event.actor.members or event.actor.sector not in _WITHOUT_AIRCRAFT:
        return event
    return replace(event, mode="explosives")


def _named(event: Event, index: ActorIndex) -> Event:
    """An event whose parties a rule moved to another country ("50 of its soldiers were killed": Turkey's, not the
    story's) or gave a country after the dictionary named them ("junta warplanes") is named as that country's
    ("Turkish military", "Burmese warplane"), not by no name or the bare agent's word."""
    actor, recipient, claimed_by = (
        _renamed(p, index) if p is not None else None for p in (event.actor, event.recipient, event.claimed_by)
    )
    if (actor, recipient, claimed_by) == (event.actor, event.recipient, event.claimed_by):
        return event
    return replace(event, actor=actor, recipient=recipient, claimed_by=claimed_by)


def _renamed(party: Actor, index: ActorIndex) -> Actor:
    if party.members or not party.country or not party.sector:
        return party
    if party.name and (party.name[:1].isupper() or party.text[:1].isupper()):
        return party  # a name of its own ("al-Shabaab"); a bare agent's word ("warplane") is named as its country's
    again = index.resolve_as(party.text, party.start, party.country)
    if again is None or again.country != party.country or again.sector != party.sector or not again.name:
        return party
    if party.name is not None and party.name != again.name:
        return party  # "the militants" named as the group told before ("al-Shabaab"), not as their agent word
    name = display_name(party.country, again.name, party.text)
    return replace(party, name=name) if name else party
