"""Agreement mentions resolved across reports, and the events that concern each agreement.

Each mention (truceline/link/mentions.py) is scored against the agreements known when its report was written (none
signed after it): its names against the agreement's ("Sochi"), its time expressions against the agreement's days
("last September's", "agreed last week", "2018"), the countries named with it against its parties and mediators,
its word against its kind (a truce is not a memorandum), the report's places against its zone (an Idlib report's
"the ceasefire" is not Libya's), what the report named before (the last agreement of the mention's kind), and, for
a bare "the truce", recency: the latest matching agreement known to precede the report (for a report dated only to a
span, made by its first possible day), never for an indefinite "a ceasefire". The best at ``RESOLVE`` points or more
wins. A mention that resolves to none but is specific enough (a date or a name, or a sentence that announces it: for
"the ceasefire", a verb that governs it) founds a corpus agreement, and the report's mentions that named nothing
before it are read again.

Events whose sentence holds a resolved mention are linked to its agreement with a relation (relations.py):
announcement, in force, violation, accusation (of a violation), denial, observance, extension, collapse, rejection,
or mention.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from truceline.actors.story import DATELINE_REACH
from truceline.geo.cues import dateline_spans
from truceline.link import agreements as objects
from truceline.link.mentions import Mention, find, intervals, side_of
from truceline.link.relations import (
    EXTEND,
    TAKES_EFFECT,
    VIOLATION,
    agreeing_intervals,
    agreement_days,
    countries_of,
    in_span,
    places_by_count,
    relation_of,
    report_zone,
    sentence_days,
)
from truceline.store.link import LinkTables, sort_key
from truceline.text import split_sentences
from truceline.timex.lexicon import parse_number

RESOLVE = 2.5
TERMS_CACHE = 4096  # reports whose term sentences are kept (speed only)
PROFILES = 8192  # candidate agreements whose scoring profile is kept (speed only)
CANDIDATES = 200  # the latest agreements of the report's countries (and of unknown place) it is scored against

# a sentence that brings an agreement into being (or into the news): one its mention may found
_CREATE = re.compile(
    r"\b(agreed|signed|announced|declared|brokered|reached|welcomed|accepted|took effect|came into force|"
    r"call(?:ed|s)?\s+(?:\S+\s+){0,3}?for)\b",  # "called on Wednesday for a pause"
    re.I,
)
MAX_TERMS = 6
SUCCESSORS = 256  # the later truces of its zone among which a truce's successor is looked for
HISTORY = 50  # the latest changes an agreement keeps in its history (its linked events are all kept)
# what its status reads
STATUS_RELATIONS = ("collapse", "extension", "violation", "accusation", "in force", "observance", "announcement")
_TERM = re.compile(
    r"^Under the (deal|plan|agreement|memorandum|protocol|accord)\b|"
    r"\b(must|will|shall|are expected to|is to|are to)\s+(be\s+)?(pull\w*|withdraw\w*|leave|patrol\w*|set up|"
    r"start joint|run|observe|halt|stop|hand)\b",
    re.I,
)
_GOVERNS_WITHIN = 30  # characters before a definite mention in which the verb that makes it stands
_VIOLATED_WITHIN = 30  # characters before a mention in which a verb of violation governs it
NEWS_DAYS = 31  # an announcement dated further back than this before its report tells history, not news
MADE_BEFORE_EFFECT = 366  # days: the making of a truce told with its own time, before the day it took effect
SIGNED_BEFORE_EFFECT = 14  # days: a truce known only by the day it took effect may have been agreed this much before
UNPLACED = -0.5  # an agreement not known to precede the report (undated, or made inside the report's span)
DISCOURSE = (2.0, 1.0)  # the agreement a report named last, and any other it named before
MADE_AGAIN = 1.0  # "The agreement, signed in ...": the making of the agreement the report founded just before
THEIRS = 1.0  # "agreed to extend their truce": a truce whose sides are those agreeing in the sentence
UNTOLD_LENGTH = 2.0  # an indefinite truce told by its length, against an agreement whose name tells none
_INDEFINITE = re.compile(r"^an?\b", re.IGNORECASE)
OTHER_DECLARER = 4.5  # a truce one side declared is not the one another side's truce names, however recent
TOLD_AGAIN = 2.5  # an indefinite truce announced again in the report that founded one (see _told_again)
# words that make a truce told again another one: "a new ceasefire", "a second truce", "an earlier deal"
_BARE_DEALS = frozenset({"deal", "agreement", "accord"})  # words that name any agreement, a truce among them
_ANOTHER_ONE = re.compile(r"\b(new|fresh|another|second|third|separate|earlier|previous|last|first|other)\b", re.I)
_THEIRS = re.compile(r"^(?:their|its)\b", re.IGNORECASE)
# a definite document word told with its making, right after it: "The agreement, signed in Jeddah", "The deal, reached"
_MADE_AS_TOLD = re.compile(
    r"s?(?:,\s+(?:which\s+was\s+)?|\s+(?:was|had\s+been)\s+)"  # "The ceasefire was agreed in Havana on June 9"
    r"(?:signed|agreed|reached|struck|sealed|concluded|brokered|mediated|negotiated)\b",
    re.I,
)
# "the truce announced by Moscow last January collapsed within hours", "the ceasefire broke down": the phrase's own
# verb tells the agreement is over (not "has not collapsed", not "after the truce collapsed": the phrase starts there)
_FELL = re.compile(
    r"(?:\s+(?!not\b|never\b|nearly\b|almost\b)[\w'-]+){0,8}?\s+(?:collapsed|broke down|fell apart|unravell?ed)\b",
    re.I,
)
_NATIONWIDE = re.compile(r"\b(?:nation-?wide|country-?wide|national)\b", re.I)
# "would declare martial law if the truce collapsed": a fall supposed, feared or asked about is none
_IF_IT = re.compile(r"\b(?:if|unless|whether|lest|should|fears?|feared|fearing|once)\s+$", re.I)
_BEGAN = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|pause|deal|agreement)\s+(?:began|begins|started|starts|kicked in|went into "
    r"effect|goes into effect)\b",
    re.I,
)
_EFFECT_TIME = 30  # characters after "took effect" within which the time it took effect at stands
# a call for a truce ("called on Wednesday for a pause", "urged a ceasefire", "a plea for a truce"), and what makes
# or begins one in the same sentence, which makes the call no mere proposal
_CALL = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+(?:\S+\s+){0,3}?for|urg(?:ed|es|ing)|propos(?:ed|es|ing|al)|appeal(?:ed|s|ing)?\s+for|"
    r"demand(?:ed|s|ing)?|(?:press|push)(?:ed|es|ing)?\s+for|pleas?\s+for)\b",
    re.I,
)
_MADE = re.compile(r"\b(?:agreed|signed|declared|reached|accepted|brokered|announced|began|begun|started)\b", re.I)
_FUTURE = re.compile(r"\b(would|will)\s+(observe|take effect|begin|start|come into force)\b", re.I)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value[:7] + "-01")
    except ValueError:
        return None


_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})\b(?!\s*[-/]\d)")


def _span(value: str | None) -> tuple[date, date] | None:
    """The days an agreement's date covers: one day, or its whole month or year when it is known only to those."""
    first = _day(value) if value and len(value) >= 7 else _day(f"{value}-01-01") if value else None
    if first is None or value is None:
        return None
    if len(value) >= 10:
        return first, first
    if len(value) == 7:
        return first, date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
    return first, date(first.year, 12, 31)


def _spans(agreement: Mapping[str, Any]) -> list[tuple[date, date]]:
    """The days an agreement is known by: its signing and its entry into force, each as precise as it is known; a
    truce known only by the day it took effect may have been agreed in the days before it."""
    signed, in_force = agreement.get("signed"), agreement.get("in_force")
    effect = _day(in_force) if in_force and (in_force == signed or not signed) else None
    if effect is not None:
        return [(effect - timedelta(days=SIGNED_BEFORE_EFFECT), effect)]
    return [x for x in (_span(signed), _span(in_force)) if x is not None]


@dataclass(frozen=True, slots=True)
class _Profile:
    """What scoring reads of a candidate agreement, worked out once per candidate list."""

    id: str
    names: frozenset[str]
    spans: tuple[tuple[date, date], ...]
    allies: frozenset[str]
    kind: str
    truce_kind: bool
    made: str  # its signing, entry into force or first report (ISO), "" when none is known
    zone_country: str | None
    zone: Any
    # a truce agreed on a day with no day of effect yet: the days it may take effect in (a report of it "taking
    # effect" on one of them speaks of it)
    awaiting: tuple[tuple[date, date], ...] = ()
    mediators: frozenset[str] = frozenset()
    length: str | None = None  # "three-day": how long it was made to last, as its name says
    declared: frozenset[str] = frozenset()  # a unilateral truce's declarer (country and sector: "AFGREB")
    extended: bool = False  # a report has told it extended: it runs longer than its name says


def _overlaps(spans: Sequence[tuple[date, date]], others: Sequence[tuple[date, date]]) -> bool:
    """Some span meets some other one, with a day's slack either side (a deal agreed late on one day is reported
    as of the next)."""
    one = timedelta(days=1)
    return any(lo - one <= last and first <= hi + one for lo, hi in spans for first, last in others)


def _profile(a: Mapping[str, Any]) -> _Profile:
    data = a["data"]
    return _Profile(
        a["id"],
        frozenset(data.get("names", [])),
        tuple(_spans(a)),
        frozenset(data.get("parties", [])) | frozenset(data.get("mediators", [])),
        a["kind"],
        a["kind"] in objects.TRUCE_KINDS,
        str(a.get("signed") or a.get("in_force") or data.get("first_reported") or ""),
        data.get("zone_country"),
        a.get("zone"),
        _awaiting(a),
        frozenset(data.get("mediators", [])),
        _length(str(a.get("name") or "")),
        frozenset(data.get("declared_by", [])),
        a.get("status") == "extended" or any(h.get("relation") == "extension" for h in data.get("history") or []),
    )


# "a five-day ceasefire", "the 72-hour truce", "a two-month truce", "a week-long pause": how long it was made to last
# (not "a week-old"), in days, so that "week-long" and "seven-day" are one length
_LENGTH = re.compile(r"\b(\w+)[- ](hour|day|week|month|year)s?\b(?![- ]old)", re.IGNORECASE)
_LENGTH_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}


def _length(text: str) -> str | None:
    """How long a phrase says its truce lasts, in days as text ("7", "0.125"), or None."""
    found = _LENGTH.search(text)
    if found is None:
        return None
    count, unit = found.group(1).lower(), found.group(2).lower()
    number = 1.0 if count == "the" else parse_number(count)  # "the week-long pause": one week
    if number is None:
        return None
    return f"{number * _LENGTH_DAYS[unit]:g}"


def _same_length(one: str, other: str) -> bool:
    """Two lengths in days told alike: "two-month" and "60-day" within a tenth of each other."""
    a, b = float(one), float(other)
    return abs(a - b) <= 0.1 * max(a, b)


def _awaiting(a: Mapping[str, Any]) -> tuple[tuple[date, date], ...]:
    signed, in_force = a.get("signed"), a.get("in_force")
    day = _day(signed) if signed and len(str(signed)) >= 10 and not in_force else None
    if day is None or a["kind"] not in objects.TRUCE_KINDS:
        return ()
    return ((day, day + timedelta(days=SIGNED_BEFORE_EFFECT)),)


@dataclass(frozen=True, slots=True)
class _Candidates:
    key: tuple[str, tuple[str, ...]]
    rows: list[dict[str, Any]]
    profiles: list[_Profile]
    vocabulary: set[str]

    @property
    def kinds(self) -> dict[str, str]:
        return {p.id: str(p.kind) for p in self.profiles}


class AgreementLinker:
    """Resolves the agreement mentions of newly linked reports (the caller holds the transaction)."""

    def __init__(self, tables: LinkTables) -> None:
        self.tables = tables
        self.report_zone: tuple[str | None, str | None] = (None, None)
        self.report_places: list[tuple[str, str]] = []  # (place, its country), the most named first
        self._ground: tuple[str | None, str | None] = (None, None)  # report_zone without the dateline
        self._filed_only: set[str] = set()  # places the report names in its dateline alone
        self._filed_from: tuple[str, str | None] | None = None  # the dateline's place and its country
        # the agreements a report's mentions are scored against, read once per report (and after a founding)
        self._candidates: _Candidates | None = None
        self._first = ""  # the report's first possible day (ISO), as _score compares it
        self._taking_effect = False  # the mention's sentence tells it taking effect
        self._profiles: dict[str, tuple[Any, tuple[Any, ...], _Profile]] = {}  # see _profile (speed only)
        self.sentence_days: list[tuple[date, date]] = []
        self.agreeing_days: list[tuple[date, date]] = []  # the days the agreeing of the sentence read is dated to
        self._days_of_effect = False  # the sentence's days are the day it tells an agreement took effect
        self._own_prefix = "C-"  # the id prefix of the agreements the report being resolved founds
        self._founded_here: list[str] = []  # the agreements the report being resolved has founded so far
        self._agreeing: set[str] = set()  # the countries of the sides agreeing in the mention's sentence
        self.earliest: date | None = None  # the first day the report can be from
        self._terms_cache: dict[str, tuple[str, list[tuple[int, int, str]]]] = {}  # see _term_sentences
        self._redo: set[str] = set()  # agreements whose next refresh reads all their links (see refresh)

    def add_report(self, article_id: str, body: str, report: Mapping[str, Any]) -> list[tuple[Mention, str]]:
        """Resolve (or found) the agreement of each mention in one report and link its events; returns the
        resolved mentions with their agreement ids. `report` gives its dates (date_lo, date_hi, and earliest and
        latest: the first and last day it can be from, however loosely dated) and article_id."""
        extractions = self.tables.mentions(article_id, ("time", "actor", "place"))
        latest = _day(report.get("latest")) or _day(report.get("date_hi"))
        self.earliest = _day(report.get("earliest")) or _day(report.get("date_lo"))
        when = _day(report.get("date_hi")) or _day(report.get("date_lo"))
        found = find(body, split_sentences(body), extractions, year=latest.year if latest else None)
        if not found:
            return []
        countries = {
            str(m["data"]["country"]) for m in extractions if m["layer"] == "place" and m["data"].get("country")
        }
        events = self.tables.article_events(article_id)
        self.report_zone = report_zone(extractions)
        self.report_places = places_by_count(extractions)
        # the dateline names where the copy was filed, not ground a truce covers ("YEREVAN, Sept 13 - ... a truce
        # brokered with international help took effect"): a place named there alone names no agreement's zone
        spans = dateline_spans(body[:DATELINE_REACH])
        filed: list[Mapping[str, Any]] = []
        grounds: list[Mapping[str, Any]] = []
        for m in extractions:
            (filed if any(lo <= int(m["start"]) < hi for lo, hi in spans) else grounds).append(m)
        self._ground = report_zone(grounds)
        self._filed_only = {name for name, _ in self.report_places} - {name for name, _ in places_by_count(grounds)}
        town = next((m for m in filed if m["layer"] == "place"), None)
        self._filed_from = (
            (str(town["data"].get("name") or town["text"]), town["data"].get("country")) if town else None
        )
        self._own_prefix = f"C-{article_id[:10]}-"
        self._candidates = None
        self._founded_here = []
        resolved: list[tuple[Mention, str]] = []
        said: list[str] = []  # the agreements this report has named so far, in order
        left: list[Mention] = []  # mentions that named nothing known when they were read

        def record(mention: Mention, choices: Sequence[tuple[str, float, dict[str, Any]]]) -> None:
            for agreement_id, score, how in choices:
                if mention.brokers and not how.get("founded"):
                    self._mediated(agreement_id, mention.brokers)
                self.tables.add_agreement_mention(
                    agreement_id, article_id, mention.start, mention.end, mention.text, round(score, 2), how
                )
                resolved.append((mention, agreement_id))
                if how.get("made again") and len(mention.dates) == 1:
                    self._made_in(agreement_id, mention.dates[0])
                if _FELL.match(mention.text, mention.text.lower().find(mention.head) + len(mention.head)) and not (
                    _IF_IT.search(body, max(mention.sentence[0], mention.start - 30), mention.start)
                ):
                    self._fell(agreement_id)
                if agreement_id in said:
                    said.remove(agreement_id)
                said.append(agreement_id)

        # the agreements the report names by name further on ("a ceasefire deal reached with Russia ... the Sochi
        # agreement requires"): a mention before them may mean them, with less weight than one named before it
        named: list[tuple[int, str]] = []
        for mention in found:
            if mention.names:
                sentence = self._read_sentence(body, mention, events)
                named += [(mention.start, a) for a, _, _ in self._resolve(mention, latest, countries, (), sentence)]
        for mention in found:
            sentence = self._read_sentence(body, mention, events)
            effect = _effect_day(body, mention.sentence, extractions) if not self.sentence_days else None
            self._days_of_effect = effect is not None
            if effect is not None:  # "A ceasefire ... took effect at midnight on Sunday": the day it was in force
                self.sentence_days = [(effect, effect)]
            ahead = {a for at, a in named if at > mention.start}
            choices = self._resolve(mention, latest, countries, said, sentence, ahead)
            if not choices:
                agreement_id = self._found(mention, when, events, report, sentence)
                if agreement_id is None:
                    left.append(mention)
                    continue
                choices = [(agreement_id, 0.0, {"founded": True})]
            record(mention, choices)
        if left and any(a.startswith(self._own_prefix) for a in said):
            # "Under the deal, ..." read before the sentence that announces the deal: read again once it is known
            for mention in left:
                sentence = self._read_sentence(body, mention, events)
                record(mention, self._resolve(mention, latest, countries, said, sentence))
        self._link_events(article_id, body, resolved, events, when)
        self._took_effect(body, resolved, extractions)
        for agreement_id in sorted({a for _, a in resolved}):
            self.refresh(agreement_id, article_id)
        return resolved

    def _read_sentence(self, body: str, mention: Mention, events: Sequence[Mapping[str, Any]]) -> str:
        """The mention's sentence, with what scoring reads of it set: the days its events are dated to, the days of
        its agreeing, and the countries agreeing in it (the day it tells a truce took effect is set by the caller)."""
        self.sentence_days, self._days_of_effect = sentence_days(mention.sentence, events), False
        self.agreeing_days = agreeing_intervals(mention.sentence, events)
        self._agreeing = _agreeing_countries(events, mention.sentence)
        return body[mention.sentence[0] : mention.sentence[1]]

    # -- resolution ----------------------------------------------------------------------------------------------
    def _resolve(
        self,
        m: Mention,
        latest: date | None,
        countries: set[str],
        said: Sequence[str],
        sentence: str,
        ahead: Collection[str] = (),
    ) -> list[tuple[str, float, dict[str, Any]]]:
        """The agreement(s) a mention names, best first; two when it names two ("the Sochi and Astana
        agreements"); none when no agreement reaches RESOLVE."""
        until = (latest + timedelta(days=1)).isoformat() if latest else "9999-12-31"
        key = (until, tuple(sorted(countries)))
        if self._candidates is None or self._candidates.key != key:
            self._candidates = self._load(key)
        candidates, profiles, vocabulary = (
            self._candidates.rows,
            self._candidates.profiles,
            self._candidates.vocabulary,
        )
        if not candidates:
            return []
        recent = self._recency(m, candidates, countries)
        # "a unilateral ceasefire from Saturday" in a sentence announcing it is a new one unless its name or its
        # date (or the day the sentence announces it) says which known one it is
        if m.age and not m.dates and self.earliest and latest:
            m.dates = [_aged(m.age, self.earliest, latest)]
            m.date_texts = [f"{m.age[0]}-{m.age[1]}-old"]
        # ... but "violating a ceasefire agreed with Russia" speaks of one that exists
        at = m.start - m.sentence[0]
        violated = bool(VIOLATION.search(sentence[max(0, at - _VIOLATED_WITHIN) : at]))
        announcing = (
            bool(_INDEFINITE.match(m.text))
            and bool(_CREATE.search(sentence) or _FUTURE.search(sentence))
            and not violated
        )
        if announcing and not m.dates:
            # the days of the sentence's agreeing, when it dates one, else the sentence's days
            m.dates = list(self.sentence_days if self._days_of_effect else self.agreeing_days or self.sentence_days)
            told = "the day it took effect" if self._days_of_effect else "the day it was announced"
            m.date_texts = [told] if m.dates else []
        kinds = self._candidates.kinds
        # "a ceasefire had not been secured": an indefinite phrase names a known agreement by its own cues (name,
        # day, parties), never as the latest one around
        indefinite = bool(_INDEFINITE.match(m.text))
        self._first = self.earliest.isoformat() if self.earliest else ""
        # "a four-day truce took effect on Friday", "the truce began at 7 a.m."
        self._taking_effect = bool(TAKES_EFFECT.search(sentence) or _BEGAN.search(sentence))
        scored: list[tuple[float, str, dict[str, Any]]] = []
        for a in profiles:
            score, how = self._score(m, a, vocabulary, countries)
            if announcing and self._told_again(m, a, kinds.get(a.id), how, said[-1:], said):
                # "a ceasefire announced by Yerevan appeared to be holding ... a truce brokered with international
                # help took effect": the report's own truce, told again in other words
                score += TOLD_AGAIN
                how["told again"] = TOLD_AGAIN
            elif announcing and not (how.get("name") or how.get("date")):
                continue
            if a.id in recent and not indefinite:
                bonus = 1.5 if recent[0] == a.id else 0.5
                score += bonus
                how["recency"] = bonus
            if _THEIRS.match(m.text) and self._agreeing and self._agreeing <= a.allies:
                # "Israel and Hamas agreed to extend their truce": the truce of the sides agreeing in its sentence
                score += THEIRS
                how["theirs"] = sorted(self._agreeing)
            if a.id in said and not announcing:
                # "the ceasefire" takes up the last truce the report named, though a draft deal came between
                alike = [i for i in said if i == a.id or _same_kind(m, kinds.get(i))]
                bonus = DISCOURSE[0] if alike[-1] == a.id else DISCOURSE[1]
                score += bonus
                how["discourse"] = bonus
                if (
                    a.id in self._founded_here
                    and said[-1] == a.id
                    and _MADE_AS_TOLD.match(m.text, m.text.lower().find(m.head) + len(m.head))
                ):
                    # "... agreed to a seven-day ceasefire. The agreement, signed in Jeddah after two weeks of
                    # talks, ...": the making of the one the report has just told, told again
                    score += MADE_AGAIN
                    how["made again"] = MADE_AGAIN
            elif a.id in ahead and not announcing:
                score += DISCOURSE[1]
                how["named after"] = DISCOURSE[1]
            scored.append((score, a.id, how))
        scored.sort(key=lambda x: (-x[0], x[1]))
        named = [x for x in scored if x[2].get("name") and x[0] >= RESOLVE]
        if len({n for x in named for n in x[2]["name"]}) >= 2:
            return [(i, s, h) for s, i, h in named]
        if not scored or scored[0][0] < RESOLVE:
            return []
        return [(scored[0][1], scored[0][0], scored[0][2])]

    def _told_again(
        self,
        m: Mention,
        a: _Profile,
        kind: str | None,
        how: Mapping[str, Any],
        last: Sequence[str] = (),
        said: Collection[str] = (),
    ) -> bool:
        """An indefinite truce announced in a report that has already founded one of its kind, or named a known one
        made on the report's days, with no word that makes it another ("a new", "a second", "an earlier") and no day
        or length against it ("the truce will apply from Friday ... Its terms are set out in an additional protocol",
        after the Moscow protocol the report announces); or a bare "a deal" made right after the report founded a
        truce ("agreed on a ceasefire ... Putin told reporters that a deal had been reached")."""
        if a.id not in self._founded_here and not (a.id in said and self._made_on_report_days(a)):
            return False
        bare_deal = m.head in _BARE_DEALS and a.id in last and _bare(m)
        # a known one the report announces may be told by its document's word ("an additional protocol")
        alike = _same_kind(m, kind) and (
            (m.truce_like and a.truce_kind) or (a.id not in self._founded_here and m.head == kind)
        )
        if not bare_deal and not alike:
            return False
        if _ANOTHER_ONE.search(m.text[: max(0, m.text.lower().find(m.head))]):
            return False
        return "length" not in how and not (m.dates and a.spans and not how.get("date"))

    def _made_on_report_days(self, a: _Profile) -> bool:
        """Whether an agreement was made on the report's first day or the day before it (a deal agreed late on one
        day is reported as of the next): the one the report announces."""
        made = _day(a.made[:10]) if len(a.made) >= 10 else None
        return made is not None and self.earliest is not None and 0 <= (self.earliest - made).days <= 1

    def _load(self, key: tuple[str, tuple[str, ...]]) -> _Candidates:
        """The agreements a report's mentions are scored against (read once per report and after a founding) with
        what scoring reads of each, worked out once rather than at every mention."""
        until, countries = key
        rows = self.tables.agreements(until=until, zones=list(countries), limit=CANDIDATES, shared=True)
        # an agreement first reported after this report was written is not one it can mean, signed day or not
        rows = [a for a in rows if str(a["data"].get("first_reported") or "") < until]
        # one this report founded is one it can mean, though it was dated by a day the report looks ahead to ("a
        # ceasefire that will take effect on Monday ... The agreement, signed in Jeddah"): read by its id
        known = {a["id"] for a in rows}
        for agreement_id in self._founded_here:
            own = self.tables.agreement(agreement_id) if agreement_id not in known else None
            if own is not None:
                rows.append(own)
        return _Candidates(
            key,
            rows,
            [self._profile(a) for a in rows],
            {n for a in rows for n in a["data"].get("names", [])},
        )

    def _profile(self, a: Mapping[str, Any]) -> _Profile:
        """A candidate's profile, kept while its row is unchanged: the store shares an unchanged row's decoded data
        between reads (LinkTables.agreements(shared=True)), so the same data object with the same columns is the
        same agreement as before (the cache holds the object, so its identity cannot pass to another)."""
        kept = self._profiles.get(a["id"])
        columns = (a.get("signed"), a.get("in_force"), a["kind"], a.get("zone"))
        if kept is not None and kept[0] is a["data"] and kept[1] == columns:
            return kept[2]
        if len(self._profiles) >= PROFILES:
            self._profiles.clear()
        profile = _profile(a)
        self._profiles[a["id"]] = (a["data"], columns, profile)
        return profile

    def _score(
        self, m: Mention, a: _Profile, vocabulary: set[str], countries: set[str]
    ) -> tuple[float, dict[str, Any]]:
        score = 0.0
        how: dict[str, Any] = {}
        shared = a.names.intersection(m.names)
        if shared:
            score += 3.0
            how["name"] = sorted(shared)
        elif not vocabulary.isdisjoint(m.names):
            score -= 3.0  # the mention names another agreement
        if m.dates and a.spans:
            if _overlaps(m.dates, a.spans) or (self._taking_effect and _overlaps(m.dates, a.awaiting)):
                score += 3.0
                how["date"] = m.date_texts
            else:
                score -= 3.0
        if a.allies:
            for c in m.parties:
                score += 1.0 if c in a.allies else -1.0
            for c in m.brokers:  # go-betweens an agreement was told without ("The deal, brokered by the US and
                # France" after "a ceasefire between Israel and Hezbollah"): nothing said against it
                score += 1.0 if c in a.allies else (-1.0 if a.mediators else 0.0)
        if m.owners and a.declared:
            # "Ghani's truce", "the government's ceasefire": not the truce the Taliban declared
            if m.owners & a.declared:
                score += 1.5
                how["declared by"] = sorted(m.owners & a.declared)
            else:
                score -= OTHER_DECLARER
                how["declared by"] = sorted(a.declared)
        mine = _length(m.text[: max(0, m.text.lower().find(m.head))])
        if mine and a.length and not _same_length(mine, a.length):
            if a.extended and float(mine) > float(a.length):
                # "the seven-day truce" after a four-day pause was extended by two days and then one more: an
                # extended truce's length is what it ran to, not what its name said
                how["length"] = [mine, a.length, "extended"]
            else:
                score -= 3.0  # "a five-day ceasefire" is not the three-day truce of a fortnight before
                how["length"] = [mine, a.length]
        elif mine and not a.length and _INDEFINITE.match(m.text) and not a.extended:
            # "after a five-month humanitarian truce broke down", told after the permanent one the report announces:
            # a truce introduced by its length is not one whose name gives none
            score -= UNTOLD_LENGTH
            how["length"] = [mine, None]
        if m.head == "pause":
            score += 1.5 if a.kind == "pause" else -1.0
        elif m.head in ("memorandum", "protocol"):
            score += 0.5 if a.kind == m.head else (-1.0 if a.truce_kind else 0.0)
        elif m.truce_like:
            score += 0.5 if a.truce_kind else -0.5
        if not a.id.startswith(self._own_prefix) and (not a.made or a.made[:10] > self._first):
            # no day places it in time, or it may be younger than a loosely dated report: weaker evidence
            score += UNPLACED
            how["unplaced"] = UNPLACED
        if a.zone_country:
            if a.zone_country in m.countries:
                score += 1.5
                how["zone"] = a.zone
            elif a.zone_country == self.report_zone[1]:
                score += 1.0
                how["zone"] = a.zone
            elif countries and a.zone_country not in countries:
                score -= 2.5
        return score, how

    def _recency(self, m: Mention, candidates: Sequence[Mapping[str, Any]], countries: set[str]) -> list[str]:
        return recent_first(m, candidates, countries, self.earliest, self._own_prefix)

    def _found(
        self,
        m: Mention,
        when: date | None,
        events: Sequence[Mapping[str, Any]],
        report: Mapping[str, Any],
        sentence: str,
    ) -> str | None:
        """A new corpus agreement for a mention specific enough to be one (None when it is not): it has a date or
        a name, or its sentence brings it into being ("agreed", "took effect", "welcomed a call for")."""
        head_at = m.text.lower().find(m.head)
        pre = m.text[:head_at] if head_at >= 0 else ""
        pre_names = [n for n in m.names if n in pre.lower()]
        if _INDEFINITE.match(m.text):
            creating = bool(_CREATE.search(sentence) or _FUTURE.search(sentence))
        else:
            # "the ceasefire" presupposes a known one: it founds one only when the verb that makes it governs it
            # ("welcomed the accord", "the truce took effect"), not for a verb elsewhere in the sentence
            at = m.start - m.sentence[0]
            near = sentence[max(0, at - _GOVERNS_WITHIN) : at] + m.text[head_at:]
            creating = bool(_CREATE.search(near) or _FUTURE.search(near))
        if not (m.dates or pre_names or creating or m.ended):
            return None  # ("A three-day truce ... ended at midnight on Sunday": one that was, known by its end)
        # one day, or none: the readings of a year-less day in a report dated across years are alternatives
        days = {lo for lo, hi in m.dates if lo == hi}
        own = min(days) if len(days) == 1 else None
        # "agreed on Thursday on a ceasefire ... due to start at midnight on Sunday": a day of its own after the
        # report is when it is to take effect; it was made on the sentence's day of agreeing, if any
        ahead = own if own is not None and when is not None and own > when else None
        # a truce known only by its end ("after a seven-day truce expired at 7 a.m. on Friday") was not made on the
        # days its sentence tells: they are its end's
        known_by_end = bool(m.ended) and not creating
        day = (None if ahead else own) or (
            None if known_by_end else next((lo for lo, hi in self.sentence_days if lo != ahead), None)
        )
        if ahead and day is None and report.get("date_lo") == report.get("date_hi"):
            day = when  # "Russia said on Friday that ... would observe a ceasefire from Saturday": made by the report
        signed = day.isoformat() if day else None
        written = _YEAR_BEFORE.search(pre)
        if written is not None:
            # "ended a 2015 peace agreement ... in January": the year before the word is when it was made; a time
            # after it tells what befell it
            signed = written.group(1)
        if signed is None:
            month = next((lo for lo, hi in m.dates if lo.day == 1 and (hi - lo).days < 31), None)
            signed = month.isoformat()[:7] if month else None
        if signed is None:  # "a ceasefire declared during peace talks in 2016": that year
            year = next(
                (
                    lo
                    for lo, hi in m.dates
                    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year
                ),
                None,
            )
            signed = str(year.year) if year else None
        if signed is None and not known_by_end:
            # "welcomed the accord" in a report whose one agreeing was "agreed on Thursday": that day
            agreed = agreement_days(events)
            day = agreed[0] if len(agreed) == 1 else None
            signed = day.isoformat() if day else None
        # "The United Nations called for a ceasefire in northern Ethiopia": a truce asked for is a proposal, made by
        # no one yet; the day of the call is not its signing, a day asked for not its day of effect
        proposed_by = _proposers(events, m, sentence)
        if proposed_by is not None:
            data_proposed: dict[str, Any] = {"proposed": (day or when or ahead or date.min).isoformat()}
            if proposed_by:
                data_proposed["proposed_by"] = proposed_by
            if ahead:
                data_proposed["proposed_start"] = ahead.isoformat()
            signed, ahead, day = None, None, None
        # a place the phrase names as who announced or brokered it ("a truce announced by Moscow") is no ground
        phrase_places = [p for p in m.places if _named_as_ground(m.spelled.get(p, p), m.text)]
        zone: str | None = phrase_places[0] if phrase_places else self.report_zone[0]
        zone_country = self.report_zone[1]
        if phrase_places:  # the country of the place named, not of whichever place the sentence named first
            of_place = dict(self.report_places)
            zone_country = of_place.get(phrase_places[0]) or (m.countries[0] if m.countries else None)
        if zone_country in m.brokers:
            # "The deal, brokered by the United States and France": a go-between's country covers nothing
            ground = next(((p, c) for p, c in self.report_places if c not in m.brokers), None)
            zone, zone_country = ground if ground else (None, None)
        sides = _agreeing_countries(events, m.sentence) | set(m.parties)
        if sides and zone_country not in sides:
            # "Sudan's army and the RSF signed a ceasefire in Jeddah", "Congo and Rwanda agreed in Luanda to a
            # ceasefire in eastern Congo": where it was signed, who brokered it or where the report was filed is not
            # the ground it covers; the sides' is, at the place of theirs the report names most (else the first
            # side's country)
            ground = next(((p, c) for p, c in self.report_places if c in sides and p in m.places), None) or next(
                ((p, c) for p, c in self.report_places if c in sides), None
            )
            zone_country = ground[1] if ground else sorted(sides, key=lambda c: (c not in m.parties, c))[0]
            zone = ground[0] if ground else _country_name(zone_country)
        if zone in self._filed_only:
            zone, zone_country = self._ground if self._ground[0] else (None, zone_country)
        if _NATIONWIDE.search(pre) and zone_country:
            zone = _country_name(zone_country) or zone  # "a nationwide truce" covers its country, not a port named
        kind = objects.kind_of(m.head)
        words = [
            w
            for w in re.findall(r"[A-Za-z0-9][\w-]*", re.sub(r"['’]s\b", "", pre))
            if w.lower() not in _DETERMINERS and w.lower() not in _NOT_NAMING and not w.isdigit() and w.lower() != "and"
        ]
        label = " ".join(words[-2:]) or ("declaration" if m.head == "declaration" else kind)
        if label.lower() != kind and m.head not in label.lower() and objects.kind_of(label) == "agreement":
            label = f"{label} {kind}"  # "Security agreement", "Unilateral ceasefire"
        name = f"{label[:1].upper()}{label[1:]}" + (f", {zone}" if zone else "")
        agreement_id = f"C-{report['article_id'][:10]}-{m.start}"
        in_force = ahead.isoformat() if ahead else day.isoformat() if day and TAKES_EFFECT.search(sentence) else None
        row = objects.new_agreement(
            agreement_id,
            "corpus",
            name,
            kind,
            signed,
            in_force,
            zone,
            parties=m.parties,
            mediators=m.brokers,
            names=[n for n in pre_names if objects.kind_of(n) == "agreement"]
            + self._venue(signed, when, sides, zone_country),
            source=f"{report['article_id']} {m.start}-{m.end}: {m.text!r}",
            zone_country=zone_country,
        )
        declared = sorted(m.owners) or _declarers(events, m.sentence)
        if declared:
            row["data"]["declared_by"] = declared
        if proposed_by is not None:
            row["data"].update(data_proposed)
        if m.ended and len(m.ended) == 1:
            row["data"]["ended"] = m.ended[0][0].isoformat()
        if row["signed"] is None:
            row["data"]["first_reported"] = when.isoformat() if when else None
        row["seq"] = objects.next_seq(self.tables)
        self.tables.save_agreement(row)
        self._candidates = None
        self._founded_here.append(agreement_id)
        return agreement_id

    def _venue(self, signed: str | None, when: date | None, sides: set[str], zone_country: str | None) -> list[str]:
        """The town a report is filed from, when it announces an agreement made that day far from the sides' own
        ground ("MINSK, Feb 12 - ... agreed on a ceasefire for eastern Ukraine"): the talks were held there, and
        later reports call it by it ("the Minsk deal", "the Jeddah agreement")."""
        made = _day(signed) if signed and len(signed) >= 10 else None
        if self._filed_from is None or made is None or when is None or abs((when - made).days) > 1:
            return []
        town, country = self._filed_from
        if not country or country in sides or country == zone_country or "/" in town:
            return []
        return [w.lower() for w in re.findall(r"[A-Z][\w'-]+", town)][:1]

    # -- events ------------------------------------------------------------------------------------------------
    def _link_events(
        self,
        article_id: str,
        body: str,
        resolved: Sequence[tuple[Mention, str]],
        events: Sequence[Mapping[str, Any]],
        when: date | None,
    ) -> None:
        by_sentence: dict[tuple[int, int], list[tuple[Mention, str]]] = {}
        for mention, agreement_id in resolved:
            by_sentence.setdefault(mention.sentence, []).append((mention, agreement_id))
        for span, items in by_sentence.items():
            sentence = body[span[0] : span[1]]
            ids = list(dict.fromkeys(a for _, a in items))
            extension = EXTEND.search(sentence)
            if extension and len(ids) >= 2:
                self._extends(ids, items, extension.start() + span[0])
            for event in (e for e in events if in_span(e, span)):
                relation = relation_of(event, sentence)
                for agreement_id in ids:
                    if relation == "announcement" and not self._may_announce(agreement_id, event):
                        relation_here = "mention"
                    else:
                        relation_here = relation
                    self.tables.add_agreement_event(agreement_id, str(event["id"]), article_id, relation_here)
                    if relation_here == "in force":
                        self._in_force(agreement_id, event, when)
                    elif relation_here == "announcement":
                        self._agreed_on(agreement_id, event)

    def _may_announce(self, agreement_id: str, event: Mapping[str, Any]) -> bool:
        """Whether an agreeing event can be the announcement of an agreement: not when the event's own words date it
        to days the agreement was neither signed nor put in force on ("Last September, X and Y agreed to ... but
        since then ... violations of the ceasefire" names a later truce in the sentence of an older deal)."""
        value = str(event.get("date") or "")
        own = event.get("date_precision") in ("day", "month", "year") and not event.get("date_from_publication")
        told = _span(value) if own and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
        a = self.tables.agreement(agreement_id) if told else None
        days = _spans(a) if a else []
        if told is None or not days:
            return True
        return _overlaps([told], days)

    def _extends(self, ids: Sequence[str], items: Sequence[tuple[Mention, str]], at: int) -> None:
        """ "an additional protocol to the 2018 Sochi memorandum": the agreement named after the word extends is
        extended by the one named before it."""
        before = [a for m, a in items if m.start <= at]
        after = [a for m, a in items if m.start > at]
        if not before or not after or before[-1] == after[0]:
            return
        newer, older = self.tables.agreement(before[-1]), self.tables.agreement(after[0])
        if newer is None or older is None:
            return
        newer["data"]["extends"] = older["id"]
        older["data"]["extended_by"] = newer["id"]
        self.tables.save_agreement(newer)
        self.tables.save_agreement(older)

    def _took_effect(
        self, body: str, resolved: Sequence[tuple[Mention, str]], extractions: Sequence[Mapping[str, Any]]
    ) -> None:
        """'A four-day ceasefire took effect on Friday morning', 'The truce began at 7 a.m.': a sentence telling an
        agreement taking effect, with no event of its own, dates its entry into force by the one day its time
        expressions name (not one it will take effect on: "would begin on Monday")."""
        for mention, agreement_id in resolved:
            day = _effect_day(body, mention.sentence, extractions)
            if day is None:
                continue
            a = self.tables.agreement(agreement_id)
            if a is None or a.get("in_force"):
                continue
            if a.get("signed") and str(a["signed"])[:10] > day.isoformat():
                continue  # took effect before it was agreed: another truce
            a["in_force"] = day.isoformat()
            self.tables.save_agreement(a)

    def _in_force(self, agreement_id: str, event: Mapping[str, Any], when: date | None) -> None:
        a = self.tables.agreement(agreement_id)
        day = _day(str(event.get("date") or "")) if event.get("date_precision") == "day" else None
        if a is None or a.get("in_force") or day is None:
            return
        a["in_force"] = day.isoformat()
        self.tables.save_agreement(a)

    def _mediated(self, agreement_id: str, brokers: Sequence[str]) -> None:
        """Mediators a later sentence names ("Germany and France, which brokered the deal") join a corpus
        agreement's, and leave its parties."""
        a = self.tables.agreement(agreement_id)
        if a is None or a["origin"] != "corpus":
            return
        data = a["data"]
        new = [c for c in brokers if c not in data.get("mediators", [])]
        if new:
            data["mediators"] = [*data.get("mediators", []), *new]
            data["parties"] = [c for c in data.get("parties", []) if c not in data["mediators"]]
            self.tables.save_agreement(a)
            self._redo.add(agreement_id)  # its parties may now be taken from events linked before

    def _agreed_on(self, agreement_id: str, event: Mapping[str, Any]) -> None:
        """An agreement known only by the day it took effect, or only to a month or a year, takes the day its
        announcement says it was agreed ("came into force on Sunday" ... "agreed in Minsk on Thursday"; "signed last
        month" ... "signed on November 27")."""
        a = self.tables.agreement(agreement_id)
        day = _day(str(event.get("date") or "")) if event.get("date_precision") == "day" else None
        if a is None or day is None or a["origin"] == "known":
            return
        signed = str(a.get("signed") or "")
        asked = a["data"].get("proposed")
        if asked and not signed and not a.get("in_force"):
            if day.isoformat() >= str(asked):  # a truce proposed, then agreed ("agreed on Friday to the truce the
                a["signed"] = day.isoformat()  # African Union had proposed"): signed that day
                self.tables.save_agreement(a)
            return
        effect = _day(a.get("in_force")) if a.get("in_force") and (a.get("in_force") == signed or not signed) else None
        coarse = _span(signed) if signed and len(signed) < 10 else None  # known to its month or year only
        if (effect is not None and 0 < (effect - day).days <= SIGNED_BEFORE_EFFECT) or (
            coarse is not None and coarse[0] <= day <= coarse[1]
        ):
            a["signed"] = day.isoformat()
            self.tables.save_agreement(a)

    def _made_in(self, agreement_id: str, when: tuple[date, date]) -> None:
        """The truce a report founded by the day it took effect, told again with when it was made ("took effect on
        Thursday ... The truce, agreed in Havana in June,"): it was signed then, to the day or month told."""
        a = self.tables.agreement(agreement_id)
        if a is None or not a.get("in_force") or a.get("signed") != a.get("in_force"):
            return
        effect = _day(a.get("in_force"))
        lo, hi = when
        if effect is None or hi >= effect or (effect - lo).days > MADE_BEFORE_EFFECT:
            return
        if lo == hi:
            a["signed"] = lo.isoformat()
        elif lo.day == 1 and (hi + timedelta(days=1)).day == 1 and lo.month == hi.month:
            a["signed"] = lo.isoformat()[:7]
        else:
            return
        self.tables.save_agreement(a)

    def _fell(self, agreement_id: str) -> None:
        """A report tells of the agreement itself that it collapsed ("A similar truce ... collapsed within hours"),
        with no act of anyone's that ended it: it is over."""
        a = self.tables.agreement(agreement_id)
        if a is not None and a["data"].get("fate") != "collapse":
            a["data"]["fate"] = "collapse"
            self.tables.save_agreement(a)

    # -- status -----------------------------------------------------------------------------------------------
    def refresh(self, agreement_id: str, article_id: str | None = None) -> None:
        """Recompute an agreement's parties, terms, history, supersession and status from what is linked to it:
        from all its links (after links were dropped, or its mediators changed), or, given the report just
        linked, from that report's links added to what is stored (the same result, read in a bounded time however
        many reports name the agreement)."""
        a = self.tables.agreement(agreement_id)
        if a is None:
            return
        data = a["data"]
        relations = self.tables.agreement_relations(agreement_id, STATUS_RELATIONS)
        if article_id is None or agreement_id in self._redo:
            self._redo.discard(agreement_id)
            linked = self.tables.agreement_events(agreement_id, shared=True)
            if _needs_parties(a):
                data["parties"] = _parties(data, linked, any(x["relation"] == "announcement" for x in linked))
            if not data.get("terms") or all(t.get("article_id") for t in data["terms"]):
                data["terms"] = self._terms(linked)
            data["history"] = [_change(x) for x in linked if x["relation"] != "mention"][-HISTORY:]
        else:
            new = self.tables.agreement_events_of(agreement_id, article_id)
            if new and _needs_parties(a):
                announced = bool(self.tables.agreement_relations(agreement_id, ("announcement",)))
                data["parties"] = _parties(data, new, announced)
            announcing = any(x["relation"] == "announcement" for x in new)
            if announcing and (not data.get("terms") or all(t.get("article_id") for t in data["terms"])):
                data["terms"] = self._more_terms(agreement_id, data.get("terms") or [], article_id)
            changes = [x for x in new if x["relation"] != "mention"]
            if changes:
                data["history"] = self._history(data.get("history") or [], changes)
        if "collapse" not in relations and data.get("fate") != "collapse":
            self._supersede(a)
        a["status"] = objects.status_of(a, relations, self.tables.latest_report_date())
        self.tables.save_agreement(a)

    def _history(self, stored: Sequence[Mapping[str, Any]], changes: Sequence[Mapping[str, Any]]) -> list[Any]:
        """The latest HISTORY changes of an agreement, in the order of their events' dates: those stored (the
        latest of all before) with the new ones among them."""
        days = self.tables.event_sort_dates(sorted({str(x["event_id"]) for x in stored}))
        keyed = [(sort_key((days.get(str(x["event_id"])), str(x["event_id"]))), dict(x)) for x in stored]
        keyed += [(sort_key((x["sort_date"], x["event_id"])), _change(x)) for x in changes]
        keyed.sort(key=lambda k: k[0])
        return [x for _, x in keyed][-HISTORY:]

    def _more_terms(self, agreement_id: str, stored: Sequence[Mapping[str, Any]], article_id: str) -> list[Any]:
        """An agreement's terms once a report announces it: the sentences of the reports that gave the stored
        terms and of the new one, in the order of their first announcing events, as `_terms` would read them from
        every announcing report (the reports whose sentences fell past the first MAX_TERMS cannot come back)."""
        articles = list(dict.fromkeys([*(str(t["article_id"]) for t in stored), article_id]))
        first = self.tables.first_announcements(agreement_id, articles)
        out: list[dict[str, Any]] = []
        for aid in sorted(first, key=lambda x: sort_key(first[x])):
            if not self._news(aid, first[aid][0]):
                continue
            for start, end, sentence in self._term_sentences(aid):
                if not any(t["text"] == sentence for t in out):
                    out.append({"text": sentence, "article_id": aid, "start_char": start, "end_char": end})
        return out[:MAX_TERMS]

    def _terms(self, linked: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """What the reports that announce an agreement say it provides: their sentences under it ("Under the
        deal, ...") or binding someone ("must be pulled out by Oct. 10", "will patrol it together")."""
        out: list[dict[str, Any]] = []
        news = [
            x for x in linked if x["relation"] == "announcement" and self._news(x["article_id"], x["event"].get("date"))
        ]
        for article_id in dict.fromkeys(x["article_id"] for x in news):
            for start, end, sentence in self._term_sentences(article_id):
                if not any(t["text"] == sentence for t in out):
                    out.append({"text": sentence, "article_id": article_id, "start_char": start, "end_char": end})
        return out[:MAX_TERMS]

    def _news(self, article_id: str, announced: object) -> bool:
        """Whether a report announces an agreement as news, not as history ("The deal builds on a ceasefire protocol
        signed in Minsk last September"): the terms it states ("Under the package, ...") are the new one's."""
        told = _span(str(announced or "")[:10])
        latest = _day(self.tables.published_latest(article_id))
        return told is None or latest is None or (latest - told[1]).days <= NEWS_DAYS

    def _term_sentences(self, article_id: str) -> list[tuple[int, int, str]]:
        """The sentences of a report that may state an agreement's terms (each agreement refreshed reads its
        announcing reports' again: kept for as long as the report's text is the same, TERMS_CACHE reports)."""
        body = self.tables.article_text(article_id) or ""
        found = self._terms_cache.get(article_id)
        if found is None or found[0] != body:
            if len(self._terms_cache) >= TERMS_CACHE:
                self._terms_cache.clear()
            sentences = [(start, end, body[start:end]) for start, end in split_sentences(body)]
            found = self._terms_cache[article_id] = (body, [x for x in sentences if _TERM.search(x[2])])
        return found[1]

    def _supersede(self, a: dict[str, Any]) -> None:
        """A truce superseded by the next truce for the same zone and parties that came into force after it (read
        from the day after it began, along an index, up to the first that fits among the next SUCCESSORS). A pause
        supersedes only a pause: a humanitarian pause is a short halt within a war, and does not replace the
        ceasefire before it (which stays violated or collapsed, as its own links say)."""
        if a["kind"] not in objects.TRUCE_KINDS or a["data"].get("superseded_by"):
            return
        start = a.get("in_force") or a.get("signed")
        if not start:
            return
        allies = set(a["data"].get("parties", [])) | set(a["data"].get("mediators", []))
        later = self.tables.later_truces(str(start), a["data"].get("zone_country"), any_zone=not a["zone"])
        for other in itertools.islice(later, SUCCESSORS):
            if other["id"] == a["id"] or (other["kind"] == "pause" and a["kind"] != "pause"):
                continue
            theirs = set(other["data"].get("parties", [])) | set(other["data"].get("mediators", []))
            if not allies or not theirs or allies & theirs:
                a["data"]["superseded_by"] = other["id"]
                other = {**other, "data": dict(other["data"])}  # the data read is shared (a cache): a copy
                other["data"]["supersedes"] = other["data"].get("supersedes") or a["id"]
                self.tables.save_agreement(other)
                return


def _country_name(iso3: str) -> str | None:
    """A country's name as the packaged countries table gives it first ("Sudan" for SDN)."""
    from truceline.actors.names import _countries

    return next((name for name, code in _countries()[0].items() if code == iso3), None)


def _agreeing_countries(events: Sequence[Mapping[str, Any]], span: tuple[int, int]) -> set[str]:
    """The countries of the parties of the agreeing events told in a sentence."""
    out: set[str] = set()
    for event in events:
        if event.get("type") != "AGREE" or not in_span(event, span):
            continue
        actor = event.get("actor") or {}
        for party in actor.get("members") or [actor]:
            if party.get("country"):
                out.add(str(party["country"]))
    return out


def _needs_parties(a: Mapping[str, Any]) -> bool:
    """Whether an agreement takes its parties from its linked events: its phrase named none (fewer than two, for
    one the corpus founded)."""
    parties = a["data"].get("parties")
    return not parties or (a["origin"] == "corpus" and len(parties) < 2)


def _parties(data: Mapping[str, Any], linked: Sequence[Mapping[str, Any]], announced: bool) -> list[str]:
    """An agreement's parties with those of `linked` added: who announced it (not who reported that) when any
    event of it is an announcement (`announced`), else who was said to observe it (and who said so); never its
    mediators."""
    wanted = ("announcement",) if announced else ("observance", "in force")
    parties: list[str] = list(data.get("parties") or [])
    for item in (x for x in linked if x["relation"] in wanted):
        event = item["event"]
        said_by = [] if announced else countries_of(event.get("claimed_by") or {})
        for c in countries_of(event.get("actor") or {}) + said_by:
            if c not in parties and c not in data.get("mediators", []):
                parties.append(c)
    return parties


def _bare(m: Mention) -> bool:
    """Whether the mention's phrase has nothing before its word but an article ("a deal", not "a prisoner deal")."""
    pre = m.text[: max(0, m.text.lower().find(m.head))]
    return re.fullmatch(r"\s*(?:an?|the)?\s*", pre, re.I) is not None


def _declarers(events: Sequence[Mapping[str, Any]], span: tuple[int, int]) -> list[str]:
    """The one side that declares a truce in its sentence ("The Taliban announced a three-day ceasefire"), as its
    country and sector, or none (two sides agreeing, or none named)."""
    sides = {
        side_of(str((e.get("actor") or {}).get("code") or ""))
        for e in events
        if in_span(e, span) and e.get("mode") == "ceasefire_declared" and not (e.get("actor") or {}).get("members")
    }
    sides.discard("")
    return sorted(sides) if len(sides) == 1 else []


def _proposers(events: Sequence[Mapping[str, Any]], m: Mention, sentence: str) -> list[str] | None:
    """Who asks for the agreement a mention founds, as actor codes (empty when unnamed), or None when its sentence
    makes or begins it: "The UN called for a humanitarian pause" (a request in the sentence, or a call before the
    mention) and nothing in the sentence agreed, signed, declared or began it."""
    if _MADE.search(sentence) or TAKES_EFFECT.search(sentence):
        return None
    asking = [
        e for e in events if in_span(e, m.sentence) and e.get("type") == "REQUEST" and e.get("stance") != "denied"
    ]
    if not asking and not _CALL.search(sentence[: m.start - m.sentence[0]]):
        return None
    return sorted({str((e.get("actor") or {}).get("code")) for e in asking if (e.get("actor") or {}).get("code")})


def _named_as_ground(place: str, text: str) -> bool:
    """Whether `text` names `place` other than as the agent after "by" ("announced by Yerevan")."""
    return any(
        not re.search(r"\bby\s+(?:the\s+)?$", text[: m.start()], re.IGNORECASE)
        and not _TALKS_AFTER.match(text, m.end())  # "declared during Kuwait peace talks": where talks were held
        and not re.search(r"\b(?:talks|negotiations|summit|conference)\s+in\s+$", text[: m.start()], re.IGNORECASE)
        for m in re.finditer(re.escape(place), text, re.IGNORECASE)
    )


_TALKS_AFTER = re.compile(r"\s+(?:peace\s+)?(?:talks|negotiations|summit|conference)\b", re.IGNORECASE)


def _change(link: Mapping[str, Any]) -> dict[str, Any]:
    return {"relation": link["relation"], "date": link["event"].get("date"), "event_id": link["event_id"]}


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that", "last", "existing"})
# words that compare, order or judge an agreement rather than name it ("a similar truce", "the fragile ceasefire")
_NOT_NAMING = frozenset(
    {
        "similar", "same", "such", "another", "other", "new", "fresh", "renewed", "earlier", "previous", "latest",
        "second", "third", "current", "fragile", "shaky", "uneasy", "tenuous", "brief", "so-called", "proposed",
        "possible", "potential", "planned", "tentative", "original", "first", "immediate",
        # "Tuesday's agreement": when it was made, not its name
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip


def recent_first(
    m: Mention, candidates: Sequence[Mapping[str, Any]], countries: set[str], earliest: date | None, own_prefix: str
) -> list[str]:
    """The ids of the agreements a bare "the truce" most likely means: those of its kind and the report's zone, the
    latest first (the two latest). For a report dated only to a span (from `earliest`), those known to be older
    than it (made by its first possible day, or founded by the report itself: ids starting with `own_prefix`) come
    before those that may be younger: a report of 2019 or 2020 that says "the truce" does not mean one of March 2020
    on recency alone."""
    fitting = []
    first = earliest.isoformat() if earliest else ""
    for a in candidates:
        zone = (a.get("data") or {}).get("zone_country")
        if _same_kind(m, a["kind"]) and (zone is None or zone in countries or not countries):
            start = str(a.get("in_force") or a.get("signed") or (a.get("data") or {}).get("first_reported") or "")
            made = str(a.get("signed") or start)
            own = a["id"].startswith(own_prefix)
            older = own or (bool(made) and made[:10] <= first)
            fitting.append((older, "9999" if own and not start else start, a["seq"], a["id"]))
    return [i for *_, i in sorted(fitting, reverse=True)[:2]]


def _same_kind(m: Mention, kind: str | None) -> bool:
    """Whether an agreement of `kind` is what a mention's word may mean: a truce word a truce (or a protocol, often
    the ceasefire itself), a document word a document."""
    if kind is None:
        return False
    truce = kind in (*objects.TRUCE_KINDS, "protocol")
    document = kind in ("memorandum", "protocol", "agreement")
    if m.head in _BARE_DEALS and m.text[:4].lower() == "the ":
        # "Iran welcomed the agreement", after a report of a humanitarian ceasefire: the words that name any
        # agreement mean a truce as well as a document
        return truce or document
    return (truce if m.truce_like else document) or kind == m.head


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _aged(age: tuple[int, str], earliest: date, latest: date) -> tuple[date, date]:
    """The days an agreement "a week old" (give or take half its unit) in a report of [earliest, latest] began."""
    days = age[0] * _UNIT_DAYS[age[1]]
    slack = _UNIT_DAYS[age[1]] // 2 + 1
    return earliest - timedelta(days=days + slack), latest - timedelta(days=days - slack)


def _effect_day(body: str, span: tuple[int, int], extractions: Sequence[Mapping[str, Any]]) -> date | None:
    """The one day a sentence telling an agreement taking effect names with those words ("took effect at one minute
    past midnight on Sunday"), or None (none, several, or one it will take effect on: "would begin on Monday")."""
    lo, hi = span
    sentence = body[lo:hi]
    took = TAKES_EFFECT.search(sentence) or _BEGAN.search(sentence)
    if took is None or _FUTURE.search(sentence):
        return None
    if re.search(r"\b(?:will|would|is to|are to|due to|set to|expected to)\b", sentence, re.I):
        return None
    # the time told with the words of taking effect ("took effect on Monday evening, though ... overnight"), past a
    # length of time told just before it ("at one minute past midnight on Sunday")
    after = lo + took.end()
    near = sorted(
        (t for t in extractions if t["layer"] == "time" and after <= int(t["start"]) <= after + 2 * _EFFECT_TIME),
        key=lambda t: int(t["start"]),
    )
    dated = [t for t in near if intervals(t["data"])]
    if not dated and not _TIME_APART.search(sentence):
        # "No warplanes were seen over Idlib on Friday ... as a ceasefire came into force": with no time of its own,
        # it took effect on the one day its sentence tells, when it tells one and nothing that sets it apart
        told = {
            iv
            for t in extractions
            if t["layer"] == "time" and lo <= int(t["start"]) < hi
            for iv in intervals(t["data"])
        }
        days = [iv for iv in told if iv[0] == iv[1]]
        return days[0][0] if len(days) == 1 and len(told) == 1 else None
    if not dated or (int(dated[0]["start"]) > after + _EFFECT_TIME and dated[0] is near[0]):
        return None
    days = [iv for iv in intervals(dated[0]["data"]) if iv[0] == iv[1]]
    return days[0][0] if len(days) == 1 else None


# words that set a sentence's day apart from the taking effect it tells ("a week after the truce took effect")
_TIME_APART = re.compile(r"\b(?:after|since|before|ago|until|earlier|later|previous|prior)\b", re.I)
