"""Agreement mentions in a report's text, and the cues each carries: "the Sochi agreement", "a 2018 deal with
Russia", "last September's deal", "the truce agreed last week", "the humanitarian pause".

A mention is a noun phrase headed by an agreement word (ceasefire, truce, pause, memorandum, protocol, agreement,
accord, deal) with what surrounds it in its clause: capitalised names before the head ("Sochi", "Moscow"), a time
expression the time stage resolved inside the phrase or the words after it ("last September's", "agreed last
week", "of March 5, 2020"), the countries named with it ("with Russia", "between Turkey and Russia", "brokered by
..."), and the places of the sentence. Phrases that name no existing agreement are left out: a call for "an
immediate ceasefire", "a new ceasefire", "a lasting ceasefire", ceasefires in general, "reach agreement".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

TRUCE_WORDS = ("ceasefire", "cease-fire", "truce", "pause", "armistice", "halt", "cessation of hostilities")
DOCUMENT_WORDS = ("memorandum", "protocol", "agreement", "accord", "deal", "declaration")

_HEAD = re.compile(
    r"\b(ceasefire|cease-fire|truce|pause|armistice|memorandum|protocol|agreement|accord|deal|declaration|"
    r"cessation\s+of\s+hostilities)s?\b",
    re.IGNORECASE,
)
# the words right before a head that make it a description of one agreement
_DETERMINER = re.compile(r"\b(the|a|an|its|their|this|that|last|existing|\d{4}|[A-Z][a-z]+(?:'s|’s)?)\b", re.IGNORECASE)
_NOT_A_REFERENCE = re.compile(
    r"\b(new|immediate|lasting|permanent|future|possible|any|no|proposed|nationwide|fresh|another|durable|"
    r"previous|earlier|past|other|such)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# ... though "a fresh truce on Jan. 12", "another ceasefire from Saturday" name one: a new one, with its day
_NEW_ONE = re.compile(r"\b(new|fresh|another)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_DOCUMENT_AFTER = re.compile(r"\s+(?:memorandum|protocol|agreement|accord|deal)s?\b", re.IGNORECASE)
# "ran out at 9:45 p.m.", "expired on Monday", "ended at midnight" (not "the truce that ended the 2020 war")
_ENDED = re.compile(
    r"\b(?:ran|runs|run)\s+out\b|\b(?:expired|expires|lapsed|lapses)\b|\b(?:ended|ends)\s+(?=on|at|in|late|early)\b",
    re.IGNORECASE,
)
_HORIZON = re.compile(r"\b(?:beyond|until|till|by)\s+$", re.IGNORECASE)
_FOR_A_TRUCE = re.compile(
    r"\s+(?:for|on)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:ceasefire|cease-fire|truce|armistice)\b", re.IGNORECASE
)
_TRUCE_BEFORE = re.compile(r"\b(ceasefire|cease-fire|truce)\s+$", re.IGNORECASE)
# "a week-old ceasefire", "the two-month-old truce": its age dates it from the report's day
_AGE = re.compile(
    r"\b(a|one|two|three|four|five|six|\d+)[- ](day|week|month|year)s?[- ]old\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
# "brokered by Russia", "mediated by the UN": the mediators of a truce between others (a bare "by" after the
# phrase is more often who broke it: "violations of the truce by government forces")
_BROKER = re.compile(r"\b(brokered|mediated|sponsored|guaranteed)\s+(?:\S+\s+){0,2}?by\b", re.IGNORECASE)
# "to deal with", "would pause": the word is a verb here
_VERB_BEFORE = re.compile(r"\b(to|will|would|must|should|could|can|may|might|not)\s+$", re.IGNORECASE)
# a plural that names particular agreements ("the Sochi and Astana agreements", "existing agreements with Russia")
_PARTICULAR = re.compile(r"\b(the|its|their|these|those|existing|both|two|three|\d{4})\b|\b[A-Z][a-z]+\b")
_BEFORE_WORDS = 6
_AFTER_CHARS = 70
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:which|who|but|and|as|while|though|although|saying)\b|\.\s|$"
    # "The deal follows separate announcements in August": what it is set beside has its own times
    r"|\s+(?:follows|followed|comes\s+after|came\s+after|replaces|replaced|precedes|preceded)\b"
    r"|,\s+(?:[\w'’-]+\s+){0,6}?(?:said|says|told|added|announced|reported)\b"  # "..., Qatar said on Monday"
)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    head: str  # the agreement word, lower case, singular
    names: list[str]  # capitalised names in the phrase ("sochi", "moscow"), lower case
    dates: list[tuple[date, date]]  # intervals of the time expressions in the phrase
    date_texts: list[str]
    parties: list[str]  # ISO-3 of the countries named with it
    brokers: list[str]
    places: list[str]  # places of the sentence, in text order
    countries: list[str]  # countries of those places (ISO-3), in text order
    sentence: tuple[int, int]
    cues: dict[str, Any] = field(default_factory=dict)
    age: tuple[int, str] | None = None  # "a week-old truce": (1, "week"), dated from the report's day
    spelled: dict[str, str] = field(default_factory=dict)  # a place's name -> as the report writes it ("Hodeidah")
    owners: frozenset[str] = frozenset()  # whose truce the phrase says it is ("Ghani's truce"): sides, as side_of
    ended: list[tuple[date, date]] = field(default_factory=list)  # "ran out at 9:45 p.m.": when it ended

    @property
    def truce_like(self) -> bool:
        return self.head in TRUCE_WORDS


_GROUND_ORDER = {"sea": 1, "ocean": 1, "gulf": 1, "bay": 1, "strait": 1, "lake": 1, "river": 1, "country": 2}


_SIGNED_NEAR = re.compile(r"\b(?:signed|agreed|adopted|initialled|initialed)\b", re.IGNORECASE)


def _signed_declaration(sentence: str, start: int, end: int) -> bool:
    """A declaration that is an agreement: named by a place or name before it ("the Jeddah declaration") or signed
    ("a declaration signed in the same city on May 11", "The declaration was signed by ..."), never "a declaration
    of war" or "of a ceasefire" (what is declared is the thing)."""
    if re.match(r"\s+of\b", sentence[end:]):
        return False
    before = sentence[max(0, start - 30) : start]
    if re.search(r"\b[A-Z][a-z]+\s+$", before) and not re.search(r"^\s*(?:The|A|An)\s+$", before):
        return True
    return bool(
        _SIGNED_NEAR.search(sentence[end : end + 20]) or _SIGNED_NEAR.search(sentence[max(0, start - 25) : start])
    )


def _in_a_name(mentions: Sequence[Mapping[str, Any]], at: int) -> bool:
    """Whether the word at `at` is inside an actor's name that starts before it ("Government of National Accord")."""
    return any(m["layer"] == "actor" and int(m["start"]) < at < int(m["end"]) for m in mentions)


def _span_data(mentions: Sequence[Mapping[str, Any]], layer: str, lo: int, hi: int) -> list[Mapping[str, Any]]:
    return [m for m in mentions if m["layer"] == layer and lo <= int(m["start"]) and int(m["end"]) <= hi]


MORE_THAN_BACK = 30  # days before the day "more than a week ago" names that it may mean


def intervals(data: Mapping[str, Any]) -> list[tuple[date, date]]:
    """The days a time expression spans (a clock time, "one minute past midnight on Sunday", its day). A day
    named without its year in a report dated across years ("June 12" in a report from September 2018 to September
    2019) is stored as the span between its readings (truceline.stages.dates.tag_times_between); it is one of
    those readings, never a day between them, so an agreement of September 2018 is not its match."""
    one = _interval(data)
    if one is None:
        return []
    lo, hi = one
    if data.get("modifier") == "MORE_THAN" and lo == hi and re.search(r"\bago\b", str(data.get("text") or ""), re.I):
        # "took effect more than a week ago": that day or before it, not that day
        return [(lo - timedelta(days=MORE_THAN_BACK), hi)]
    if hi.year > lo.year and (lo.month, lo.day) == (hi.month, hi.day) and (lo.month, lo.day) not in ((1, 1), (2, 29)):
        return [(d, d) for d in (lo.replace(year=y) for y in range(lo.year, hi.year + 1))]
    return [one]


def _interval(data: Mapping[str, Any]) -> tuple[date, date] | None:
    try:
        lo, hi = data.get("earliest"), data.get("latest")
        if lo and hi:
            return date.fromisoformat(str(lo)), date.fromisoformat(str(hi))
        value = str(data.get("value") or "")
        if re.match(r"^\d{4}-\d{2}-\d{2}(T|$)", value):
            day = date.fromisoformat(value[:10])
            return day, day
    except ValueError:
        return None
    return None


def find(
    body: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[Mapping[str, Any]], year: int | None = None
) -> list[Mention]:
    """Every agreement mention of a report, with its cues; `mentions` are the report's stored extractions and
    `year` the year it was written in (for a bare month: "the March protocol")."""
    found: list[Mention] = []
    for s_start, s_end in sentences:
        sentence = body[s_start:s_end]
        for m in _HEAD.finditer(sentence):
            head = re.sub(r"\s+", " ", m.group(1).lower())
            before = sentence[: m.start()]
            if _DOCUMENT_AFTER.match(sentence, m.end()):
                continue  # "a ceasefire agreement": one phrase, read at its last word
            modifier = _TRUCE_BEFORE.search(before)
            if modifier and head in DOCUMENT_WORDS:
                head = modifier.group(1).lower()  # ... and a ceasefire agreement is a ceasefire
            words = re.findall(r"\S+", before)[-_BEFORE_WORDS:]
            lead_in = " ".join(words)
            if not words or _VERB_BEFORE.search(before):
                continue
            kind_of = _NOT_A_REFERENCE.search(before)
            general = bool(kind_of) and not (kind_of and _made_so(kind_of.group(1), before))
            if general and not _NEW_ONE.search(before):
                continue
            if head == "agreement" and re.search(r"\b(reach|reached|reaching|in)\s*$", before, re.IGNORECASE):
                continue  # "failed to reach agreement", "in agreement": not an agreement object
            if re.match(r"\s+to\s+(formalise|formalize|end|secure|reach|agree|halt|stop)\b", sentence[m.end() :]):
                continue  # "a deal to formalise a ceasefire": the ceasefire is the agreement named
            if head in DOCUMENT_WORDS and _FOR_A_TRUCE.match(sentence, m.end()):
                continue  # "signed an agreement for a seven-day ceasefire": the ceasefire is the agreement
            if head == "declaration" and not _signed_declaration(sentence, m.start(), m.end()):
                continue  # "a joint declaration", "a declaration of war": a statement, unless named or signed
            if _in_a_name(mentions, s_start + m.start()):
                continue  # "the Government of National Accord": a body's name, not an agreement
            phrase_start = s_start + _phrase_start(before)
            own_words = body[phrase_start : s_start + m.start()]
            if phrase_start == s_start and not any(
                int(x["start"]) == s_start and str(x["text"]) in str(x["data"].get("name") or "") for x in mentions
            ):
                # "Military training agreements with foreign states": a capital the sentence gives is no name
                own_words = re.sub(r"^\S+", "", own_words)
            plural = len(m.group(0)) > len(m.group(1))
            if plural and not (_PARTICULAR.search(own_words) or _IN_PLACES.match(sentence[m.end() :])):
                continue  # "ceasefires before", "previous deals": in general; "agreements in Sochi and Astana" name two
            if not _DETERMINER.search(words[-1]) and not _DETERMINER.search(lead_in):
                continue
            tail = sentence[m.end() : m.end() + _AFTER_CHARS]
            # the clause's end is looked for past the window too ("..., Angola's presidency said" cut mid-word)
            cut = _CLAUSE_END.search(sentence[m.end() : m.end() + _AFTER_CHARS + 40])
            cut = cut if cut is not None and cut.start() <= len(tail) else None
            # the phrase ends before the next agreement it names ("a protocol | to the 2018 Sochi memorandum")
            nxt = _HEAD.search(tail)
            ends = [
                x
                for x in (cut.start() if cut else None, _next_phrase(tail, nxt.start()) if nxt else None)
                if x is not None
            ]
            phrase_end = s_start + m.end() + (min(ends) if ends else len(tail))
            lo, hi = phrase_start, phrase_end
            head_at = s_start + m.start()
            # a time that starts in the phrase is its own ("a fresh truce on Jan. 12": the phrase ends at "Jan.")
            times = [t for t in mentions if t["layer"] == "time" and lo <= int(t["start"]) < hi]
            # "extend the pause beyond Monday", "the truce until Friday": a horizon, not the day it was made
            times = [t for t in times if not _HORIZON.search(body, max(lo, int(t["start"]) - 12), int(t["start"]))]
            # "the original truce ran out at 9:45 p.m.": when it ended, not when it was made
            head_end = s_start + m.end()
            ending = [
                t for t in times if int(t["start"]) >= head_end and _ENDED.search(body, head_end, int(t["start"]))
            ]
            times = [t for t in times if t not in ending]
            hi = max([hi, *(int(t["end"]) for t in times)])
            dates = [iv for t in times for iv in intervals(t["data"])]
            date_texts = [str(t["text"]) for t in times]
            month = _MONTH_BEFORE.search(body[lo:head_at])
            if month and not dates and year:
                dates.append(_month(year, month.group(1)))
                date_texts.append(month.group(1))
            if general and not dates:
                continue  # "a new ceasefire", with no day of its own: one hoped for
            aged = _AGE.search(body[lo:head_at])
            parties, brokers = _countries_named(body, lo, hi, head_at, mentions)
            for c in _brokers_of_sentence(body, s_start, s_end, mentions):
                if c not in brokers:
                    brokers.append(c)
            parties = [c for c in parties if c not in brokers]
            near = _span_data(mentions, "place", lo, hi) or _span_data(mentions, "place", s_start, s_end)
            # towns and regions first, then a sea or river ("the Red Sea port city of Hodeidah": the port), then
            # countries
            places = sorted(near, key=lambda p: _GROUND_ORDER.get(str(p["data"].get("feature")), 0))
            found.append(
                Mention(
                    start=lo,
                    end=hi,
                    text=body[lo:hi],
                    head="cease-fire" if head == "cease-fire" else head,
                    names=_names(body[lo:head_at]) + _names_after(body[head_at:hi], sentence[: m.start()]),
                    dates=dates,
                    date_texts=date_texts,
                    parties=parties,
                    brokers=brokers,
                    places=list(dict.fromkeys(str(p["data"].get("name") or p["text"]) for p in places)),
                    countries=list(
                        dict.fromkeys(str(p["data"]["country"]) for p in places if p["data"].get("country"))
                    ),
                    sentence=(s_start, s_end),
                    age=_age(aged.group(1), aged.group(2)) if aged else None,
                    spelled={str(p["data"].get("name") or p["text"]): str(p["text"]) for p in places},
                    owners=_owners(body, lo, head_at, mentions),
                    ended=[iv for t in ending for iv in intervals(t["data"])],
                )
            )
    return found


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_BEFORE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b(?!\s+\d)")
# "agreed in Moscow", "the ceasefire brokered in Moscow": where it was made names it
_MADE_IN = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:agreed|signed|brokered|reached|struck|concluded|sealed)\s+(?:\w+\s+){0,2}?in\s+"
    r"([A-Z][a-z-]+)"
)


# "signed a permanent ceasefire on Friday", "have agreed to a nationwide two-month truce": the words that make a
# ceasefire hoped for ("calls for a permanent ceasefire") describe one once it is made
# "agreed on Monday to an immediate and unconditional ceasefire": one made, though "a call for an immediate
# ceasefire" names none
_MADE_WITH = frozenset({"permanent", "lasting", "nationwide", "durable", "immediate"})
_MADE_BEFORE = re.compile(
    r"\b(signed|agreed|reached|struck|concluded|sealed|accepted|declared)\s+(?:on\s+\w+\s+)?(?:to\s+)?(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)


def _made_so(word: str, before: str) -> bool:
    # "an immediate and unconditional ceasefire": the second of two joined words is the first's
    before = _JOINED_LAST.sub(" ", before)
    return word.lower() in _MADE_WITH and _MADE_BEFORE.search(before) is not None


_JOINED_LAST = re.compile(r"\s+and\s+[\w-]+\s+$")
# words that describe a truce, two of which may be joined in one phrase ("an immediate and unconditional ceasefire")
_TRUCE_ADJECTIVES = frozenset(
    {
        "immediate", "unconditional", "lasting", "permanent", "comprehensive", "nationwide", "humanitarian", "full",
        "complete", "temporary", "durable", "total", "general", "bilateral", "unilateral", "mutual", "partial",
    }
)  # fmt: skip


_IN_PLACES = re.compile(r"^\s+(?:in|at)\s+([A-Z][a-z-]+)(?:\s+and\s+([A-Z][a-z-]+))?\b")
_MAKING_BEFORE = re.compile(r"\b(signed|agreed|reached|struck|concluded|sealed)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _age(number: str, unit: str) -> tuple[int, str]:
    return (int(number) if number.isdigit() else _NUMBERS[number.lower()]), unit.lower()


def _next_phrase(tail: str, head_at: int) -> int:
    """Where the noun phrase of the next agreement word in `tail` begins."""
    return _phrase_start(tail[:head_at]) or head_at


def _month(year: int, name: str) -> tuple[date, date]:
    month = _MONTHS.index(name.lower()) + 1
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, date.fromordinal(nxt.toordinal() - 1)


def _names_after(text: str, before: str = "") -> list[str]:
    """The places named where it was made, after the head word: "the ceasefire agreed in Moscow", "agreements in
    Sochi and Astana" (two places joined: the places of two agreements), "we signed the truce in Moscow" (a verb of
    making before it). A lone place after the head is otherwise where it applies ("the truce in Idlib")."""
    rest = re.sub(r"^\S+", "", text)
    made = _MADE_IN.match(rest)
    if made:
        return [made.group(1).lower()]
    at = _IN_PLACES.match(rest)
    if at and (at.group(2) or _MAKING_BEFORE.search(before)):
        return [g.lower() for g in at.groups() if g]
    return []


def side_of(code: str) -> str:
    """A party's side as a truce is declared by it: its country and sector ("AFGGOV" of "AFGGOV", "AFGREB" of
    "AFGREBTAL"); a state's government and forces are one side."""
    side = code[:6]
    return side[:3] + "GOV" if side[3:] == "MIL" else side


_OWNED = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?")  # "Ghani's truce", "the government's new ceasefire"


def _owners(body: str, lo: int, head_at: int, mentions: Sequence[Mapping[str, Any]]) -> frozenset[str]:
    """The sides a phrase names as whose truce it is: a possessive or a word right before the agreement word ("Ghani's
    truce", "the government's ceasefire", "the government ceasefire"), not a place that names it ("the Minsk deal")."""
    out = set()
    for a in _span_data(mentions, "actor", lo, head_at):
        between = body[int(a["end"]) : head_at]
        code = str(a["data"].get("code") or "")
        if (
            len(code) >= 6
            and not a["data"].get("members")
            and _OWNED.fullmatch(between)
            and not _venue(body, a, head_at, mentions)
        ):
            out.add(side_of(code))
    return frozenset(out)


def _countries_named(
    body: str, lo: int, hi: int, head_at: int, mentions: Sequence[Mapping[str, Any]]
) -> tuple[list[str], list[str]]:
    """The countries a mention names as parties ("a Russian-Turkish truce", "a deal with Russia", "between Turkey
    and Russia") and as brokers ("brokered by Moscow"); other actors of the clause are not its parties."""
    parties: list[str] = []
    brokers: list[str] = []
    after = body[head_at:hi]
    maker = re.search(r"\b(?:that|which)\s+(\S+\s+){1,3}?(?:agreed|declared|announced|signed|brokered)\b", after)
    for a in _span_data(mentions, "actor", lo, hi):
        start = int(a["start"])
        # the last linking word before the actor says its role: "brokered by Russia" a broker, "brokered with
        # Turkey" or "between Turkey and Russia" a party
        # ("and" joins: "between Turkey and Russia"); any other preposition ("over Syria's Idlib", "in Libya") says
        # where or what about, not who
        links = [w.lower() for w in _LINK_WORD.findall(after[: max(0, start - head_at)]) if w.lower() != "and"]
        if start < head_at:
            if _venue(body, a, head_at, mentions):
                continue  # "the Minsk deal", "the Sochi agreement": where it was made names it, not a party
            target = parties
        elif maker and head_at + maker.start() <= start < head_at + maker.end():
            target = parties  # "the truce that Moscow declared"
        elif links and links[-1] in ("with", "between"):
            target = parties
        elif links and (by := _BROKER.search(after[: start - head_at])):
            if _LIST_ENDS.search(after[by.end() : start - head_at]):
                continue  # "brokered by the US and France, requires Hezbollah to": past the mediators' list
            target = brokers
        else:
            continue
        country = a["data"].get("country")
        codes = [country] if country else [x.get("country") for x in a["data"].get("members") or []]
        target.extend(c for c in codes if c and c not in target)
    return parties, brokers


def _venue(body: str, actor: Mapping[str, Any], head_at: int, mentions: Sequence[Mapping[str, Any]]) -> bool:
    """Whether an actor named right before the agreement word is a town naming it ("the Minsk deal"), not a
    party joined to another ("the Ankara-Moscow deal", "a Baku and Yerevan truce")."""
    start, end = int(actor["start"]), int(actor["end"])
    if not re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", body[end:head_at]):
        return False
    if re.search(r"[-–/]\s*$|\band\s+$", body[max(0, start - 6) : start]):
        return False
    return any(
        m["layer"] == "place" and int(m["start"]) == start and m["data"].get("feature") not in (None, "country")
        for m in mentions
    )


_LINK_WORD = re.compile(r"\b(with|between|by|and|over|in|on|for|of|from|to|at|near|around|across)\b", re.I)
_BROKER_WORD = re.compile(r"\b(brokered|mediated|sponsored|guaranteed)\b", re.IGNORECASE)
_BROKER_REACH = 60  # characters: how far from the verb its mediators are named
# the list of mediators ends at a comma that no further name follows ("brokered by the United States and France,
# requires Hezbollah to ...": Hezbollah is no mediator; "by Qatar, Egypt and the US" goes on)
_LIST_ENDS = re.compile(r",\s+(?!and\b|the\s+[A-Z]|[A-Z])")


def _brokers_of_sentence(body: str, s_start: int, s_end: int, mentions: Sequence[Mapping[str, Any]]) -> list[str]:
    """The mediators a sentence names anywhere in it: "after talks mediated by the United States and Saudi Arabia",
    "Germany and France, which brokered the deal"."""
    sentence = body[s_start:s_end]
    spans: list[tuple[int, int]] = []
    for m in _BROKER_WORD.finditer(sentence):
        by = re.match(r"\s+by\b", sentence[m.end() :])
        if by:
            tail = sentence[m.end() + by.end() : m.end() + by.end() + _BROKER_REACH]
            ends = [c.start() for c in (_CLAUSE_END.search(tail), _LIST_ENDS.search(tail)) if c is not None]
            spans.append((s_start + m.end() + by.end(), s_start + m.end() + by.end() + min(ends, default=len(tail))))
        elif re.search(r",?\s+(?:which|who)\s+$", sentence[: m.start()]):
            lead = sentence[max(0, m.start() - _BROKER_REACH) : m.start()]
            begin = max(lead.rfind(";"), lead.rfind(". "))
            spans.append((s_start + m.start() - len(lead) + begin + 1, s_start + m.start()))
    out: list[str] = []
    for lo, hi in spans:
        for a in _span_data(mentions, "actor", lo, hi):
            country = a["data"].get("country")
            codes = [country] if country else [x.get("country") for x in a["data"].get("members") or []]
            out.extend(c for c in codes if c and c not in out)
    return out


def _phrase_start(before: str) -> int:
    """Where the noun phrase before the head begins: after the last comma, verb-like word or preposition."""
    words = list(re.finditer(r"\S+", before))[-_BEFORE_WORDS:]
    start = len(before)
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        token = w.group().strip(",;:\"'“”")
        if token.lower() in ("the", "a", "an", "its", "their", "this", "that"):
            return w.start()
        # "the Sochi and Astana agreements": two names joined by "and" are one phrase
        joined = (
            token == "and"
            and i > 0
            and (words[i - 1].group()[:1].isupper() or words[i - 1].group().lower() in _TRUCE_ADJECTIVES)
            and start < len(before)
        )
        if not joined and (w.group().endswith((",", ";", ":")) or token.lower() in _STOP_BEFORE):
            break
        start = w.start()
    return start


_STOP_BEFORE = frozenset(
    [
        "of",
        "to",
        "in",
        "on",
        "by",
        "for",
        "with",
        "under",
        "from",
        "into",
        "at",
        "as",
        "and",
        "or",
        "but",
        "said",
        "says",
        "that",
        "which",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "not",
        "about",
        "after",
        "before",
        "during",
        "since",
        "despite",
        "against",
    ]
)


def _names(text: str) -> list[str]:
    """Capitalised words before the head ("the 2018 Sochi", "last September's"), minus months and articles."""
    out = []
    for word in re.findall(r"\b[A-Z][A-Za-z-]+", text):
        low = word.lower()
        if low in _NOT_NAMES:
            continue
        out.append(low)
    return out


_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "this",
        "that",
        "last",
        *_MONTHS,
    ]
)
