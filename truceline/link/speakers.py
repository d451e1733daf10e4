"""Who says a statement. A verbal act (PLOVER's verbal types: a demand, an accusation, a threat, a meeting, ...) is
one happening across reports only when the same speaker says it: the defence minister's demand and the foreign
minister's, a week apart, are two statements however alike their words, their country and their story.

A mention's speakers are the people named as its actor (for a mutual act, an agreement or a meeting, also those
named as the other party, since a report may name either first): a person of the actor dictionaries, a name a
title introduced ("Foreign Minister Ahmet Yilmazoglu"), or a bare title the dictionaries resolve to the one person
holding that office of that country on the mention's days ("the Turkish defence minister"). Two people are the same
when their names are, or one name is the end of the other ("Akar", "Hulusi Akar").

`allows` is the gate canonical matching asks: named speakers on both sides must share a person; a named and an
unnamed or country-level speaker ("Turkey said") may be one statement only on strong evidence (the same day named,
a quoted phrase both give, or most of the words alike); two unnamed ones are left to the usual specifics. For a mutual
act, parties of the same countries on both sides are strong evidence too: "Turkey and Russia agreed" and "Erdogan
and Putin agreed" are how reports tell one deal. Mentions and canonical events stored before speakers were kept carry no `speakers` and pass the
gate as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from truceline.actors.dictionary import ActorDictionary
from truceline.actors.words import PARTICLES
from truceline.events.ontology import load_ontology
from truceline.model import Actor

QUOTE_WORDS = 5  # a phrase of this many words inside quotation marks, given by both: the same quote
QUOTES_KEPT = 200  # the quoted phrases a canonical event's summary keeps
MANY_WORDS = 8  # this many of a sentence's words shared, and most of them: a retelling of the same sentence
MOST_WORDS = 0.6

_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _norm(name: str) -> tuple[str, ...]:
    """A name's words, lower case, without accents or hyphens: "Bashar al-Assad" -> (bashar, al, assad)."""
    dotless = name.replace("ı", "i")  # the Turkish dotless i has no decomposition: "Yıldırım" is "Yildirim"
    plain = unicodedata.normalize("NFKD", dotless).encode("ascii", "ignore").decode().lower()
    return tuple(re.findall(r"[a-z]+", plain))


def same_person(a: str, b: str) -> bool:
    """The same person: the same name, or one is the other's last words (a surname, "Tayyip Erdogan")."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long[len(long) - len(short) :] == short


@cache
def _holders() -> dict[tuple[str, str], list[tuple[str, date | None, date | None]]]:
    """(country, role) -> the people of the dictionaries who held that office, with its first and last day."""
    out: dict[tuple[str, str], list[tuple[str, date | None, date | None]]] = {}
    for entry in ActorDictionary.load().entries:
        if entry.kind != "person":
            continue
        for office in entry.offices:
            country = office.country if office.country_set else entry.country
            if country:
                out.setdefault((country, _role(office.role)), []).append((entry.name, office.start, office.end))
    return out


def _role(words: str) -> str:
    return " ".join(_norm(words)).replace("defense", "defence")


def _title_holder(name: str, country: str | None, lo: str | None, hi: str | None) -> str | None:
    """The one person holding the office a bare title names ("Turkish defence minister") on all the days."""
    if not country or not lo or not hi:
        return None
    words = _norm(name)
    if len(words) < 2:
        return None
    first, last = date.fromisoformat(lo[:10]), date.fromisoformat(hi[:10])
    held = {
        person
        for person, start, end in _holders().get((country, _role(" ".join(words[1:]))), [])
        if (start is None or start <= first) and (end is None or last <= end)
    }
    return held.pop() if len(held) == 1 else None


def _person(actor: Mapping[str, Any], lo: str | None, hi: str | None) -> list[str]:
    """The people an actor names (each member of a compound actor on its own)."""
    members = actor.get("members") or []
    if members:
        return [p for member in members for p in _person(member, lo, hi)]
    text = str(actor.get("text") or "")
    if actor.get("ner") == "PERSON":
        return [str(actor.get("name") or text)]  # a name no dictionary knows, that the tagger calls a person
    name = str(actor.get("name") or "")
    if not name:
        return []
    kind = ActorDictionary.load().kind_of(Actor(0, 0, text, name=name))
    if kind == "person":
        return [name]
    if kind is None and name != text and text.endswith(name) and _capitalised(name):
        return [name]  # a title before a name the dictionaries do not know: "Foreign Minister Ahmet Yilmazoglu"
    if kind is None or kind == "agent":
        holder = _title_holder(name, actor.get("country"), lo, hi)
        return [holder] if holder else []
    return []


def _capitalised(name: str) -> bool:
    words = name.split()
    return bool(words) and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)


def speakers(
    type_: object, actor: Mapping[str, Any] | None, recipient: Mapping[str, Any] | None, lo: str | None, hi: str | None
) -> list[str] | None:
    """The people who say a verbal act (none named: []); None for an act that is not verbal."""
    ontology = load_ontology()
    if str(type_) not in ontology.verbal_types:
        return None
    parties = [actor, recipient] if str(type_) in ontology.mutual_types else [actor]
    found: list[str] = []
    for party in parties:
        for person in _person(party or {}, lo, hi):
            if not any(same_person(person, p) for p in found):
                found.append(person)
    return found


def quotes(sentence: str | None) -> list[str]:
    """The phrases of `QUOTE_WORDS` words inside a sentence's quotation marks. A sentence with an odd number of marks
    holds the end or the start of a quote told over sentences: the part before its first mark is quoted ("... is what
    we want," he said), unless the sentence opens with the mark (then what follows it is)."""
    text = str(sentence or "").replace("‘", "'").replace("’", "'")
    parts = _QUOTE_MARKS.split(text)
    if len(parts) == 1:
        return []
    closes_one = len(parts) % 2 == 0 and not _QUOTE_MARKS.match(text.lstrip())  # an odd number of marks
    inside = [parts[0], *parts[2::2]] if closes_one else parts[1::2]
    found: list[str] = []
    for part in inside:
        words = _TOKEN.findall(part.lower())
        found += [" ".join(words[i : i + QUOTE_WORDS]) for i in range(len(words) - QUOTE_WORDS + 1)]
    return found


def summarise(mentions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What a canonical event keeps of its speakers: {"speakers": {name: mentions}, "quotes": [...]}, or nothing
    when no mention says who spoke (not a verbal act, or stored before speakers were kept)."""
    told = [m for m in mentions if isinstance(m.get("speakers"), list)]
    if not told:
        return {}
    counts: dict[str, int] = {}
    for m in told:
        for person in m["speakers"]:
            counts[person] = counts.get(person, 0) + 1
    phrases = sorted({q for m in told for q in quotes(m.get("sentence"))})[:QUOTES_KEPT]
    return {"speakers": counts, "quotes": phrases}


def _strong(m: Mapping[str, Any], c: Mapping[str, Any]) -> bool:
    """Evidence that a named and an unnamed speaker's statements are one: the same day named, a quoted phrase both
    give, most of the sentence's words the event's, or (a mutual act) parties of the same countries."""
    if m.get("precision") == "day" and m.get("date") in (c.get("days") or {}):
        return True
    if str(m.get("type")) in load_ontology().mutual_types:
        parties = {*(m.get("actor") or ()), *(m.get("recipient") or ())}
        if parties and parties == {*(c.get("actors") or {}), *(c.get("recipients") or {})}:
            return True
    if set(quotes(m.get("sentence"))).intersection(c.get("quotes") or ()):
        return True
    words: Iterable[str] = m.get("words") or ()
    mine = set(words)
    shared = len(mine.intersection(c.get("words") or ()))
    return shared >= MANY_WORDS and shared >= MOST_WORDS * len(mine)


def allows(m: Mapping[str, Any], c: Mapping[str, Any]) -> bool:
    """Whether mention `m` may tell canonical event `c` as far as who speaks goes (see the module docstring)."""
    mine, theirs = m.get("speakers"), c.get("speakers")
    if not isinstance(mine, list) or not isinstance(theirs, dict):
        return True  # not a verbal act, or stored before speakers were kept: the usual specifics decide
    if mine and theirs:
        return any(same_person(a, b) for a in mine for b in theirs)
    if mine or theirs:
        return _strong(m, c)
    return True
