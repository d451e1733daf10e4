"""Office holders as evidence of when a report was written: "Defence Minister Hulusi Akar said" is written while
Hulusi Akar is defence minister.

A title the report gives as current dates it to the terms of that office. A title recalled can be kept after the
term ("under President Barack Obama", "President Trump's 2019 tariffs"): a title in a paragraph that names a year,
or one after "under", "by", "during" and the like or before "'s administration", only says that the report was
written after the first term began. "Former", "ex-", "late", "slain" before the title (a country's name or adjective
may come between: "former U.S. President") say it was written after the first term ended; "then-", "incoming",
"-designate" and the like give nothing.

The people and their offices (role, start, end) are the packaged actor dictionaries' (truceline/data/actors/,
sources named there). A person counts only when the text gives the office with the name, as a title before it
("Turkish Foreign Minister Mevlut Cavusoglu", "Chancellor Merkel") or in an apposition after it ("Hulusi Akar,
Turkey's defence minister,"): a title alone may be another holder's. A surname is any of the people of the
dictionaries who bear it and held that title ("President Bush": either presidency, the union of their terms).
Terms carry a few days' grace either side (a title used the day a successor takes over, a report filed late).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from truceline.timex.intervals import Span

if TYPE_CHECKING:
    from truceline.actors.entries import Entry

BEFORE_GRACE = timedelta(days=3)
AFTER_GRACE = timedelta(days=14)
# A word just before the title (or inside the apposition) that says the office is not held now.
_NOT_NOW = frozenset(
    {"former", "ex", "then", "late", "incoming", "designate", "elect", "future", "onetime", "one-time", "erstwhile",
     "nominee", "nominated", "would-be", "previous", "past", "retired", "slain", "assassinated", "deceased"}
)  # fmt: skip
# A word just before the title that makes it another office ("Vice President", "Deputy Foreign Minister").
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "under", "associate", "junior", "co", "shadow", "state"})
_WORD = re.compile(r"[a-z][a-z'-]*")
# A country or its adjective ("U.S.", "French", "South Korean", "Israel's") between a word like "former" and the
# title it qualifies.
_COUNTRY_WORD = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z'’]*)$")


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    roles: tuple[tuple[str, tuple[Span, ...]], ...]  # (role as written in lower case, its terms), longest first


def _spelling(text: str) -> str:
    """One spelling for both sides of the Atlantic ("defense" / "defence")."""
    return text.replace("defense", "defence")


def _holder_of(entry: Entry) -> Holder | None:
    """The entry's offices as a Holder (None for a person without dated offices)."""
    terms: dict[str, list[Span]] = {}
    for office in entry.offices:
        role = _spelling(office.role.strip().lower())
        if not role or office.start is None:
            continue
        end = office.end or date.max - AFTER_GRACE
        terms.setdefault(role, []).append((office.start - BEFORE_GRACE, end + AFTER_GRACE))
    if not terms:
        return None
    return Holder(entry.name, tuple((r, tuple(t)) for r, t in sorted(terms.items(), key=lambda rt: -len(rt[0]))))


def _people() -> list[Entry]:
    from truceline.actors.loading import packaged_entries, packaged_sectors

    return [e for e in packaged_entries(packaged_sectors()) if e.kind == "person"]


@cache
def _holders() -> dict[str, dict[str, list[Holder]]]:
    """First word of a full name -> {the full name as written -> the office holders who go by it}."""
    index: dict[str, dict[str, list[Holder]]] = {}
    for entry in _people():
        holder = _holder_of(entry)
        if holder is None:
            continue
        for form in {entry.name, *entry.forms}:
            # a full name only: a surname alone ("Bush", "Akar") may be someone else's
            if len(form.split()) >= 2 and form[:1].isupper():
                index.setdefault(form.split()[0], {}).setdefault(form, []).append(holder)
    return index


_HEADLINE_VERBS = frozenset(
    {"may", "will", "can", "must", "might", "shall", "should", "would", "could", "says", "said"}
)
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at)-", re.I)


def _surname_keys(entry: Entry) -> set[str]:
    """The one-word names a person may go by: one-word aliases, and the last word of every longer form ("Assad" of
    "Hafez al-Assad")."""
    keys = set()
    for form in {entry.name, *entry.forms}:
        words = form.split()
        if len(words) == 1:
            keys.add(words[0])
        elif words:
            keys.add(_NAME_PARTICLE.sub("", words[-1]))
    return {k[:1].upper() + k[1:] for k in keys if k}


@cache
def _surnames() -> dict[str, tuple[Holder, ...]]:
    """A surname a person of the dictionaries goes by (a one-word alias, or the last word of a longer name:
    "Merkel", "Major", "Aliyev") -> every office holder who bears it. It counts only with a title right before or
    after it, read as any of its bearers who held that title: "Chancellor Merkel" is Angela Merkel's terms, "President
    Bush" either Bush's presidency, "President Clinton" only Bill Clinton's (Hillary Clinton held no presidency)."""
    bearers: dict[str, list[Entry]] = {}
    for entry in _people():
        for key in _surname_keys(entry):
            bearers.setdefault(key, []).append(entry)
    out: dict[str, tuple[Holder, ...]] = {}
    for key, entries in bearers.items():
        holders = tuple(dict.fromkeys(h for e in entries if (h := _holder_of(e)) is not None))
        # a surname that is also a verb a title-case headline puts after a title is left to the full name: "Prime
        # Minister May Quit" may be of any year
        if holders and key.lower() not in _HEADLINE_VERBS:
            out[key] = holders
    return out


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")


def _names(text: str) -> Iterator[tuple[int, int, str, list[Holder], bool]]:
    """(start, end, name, holders, full) for each name of an office holder in `text`: a full name, longest first at
    a place (full), else a surname (not full: it counts only with its title, "Chancellor Merkel", "Akar, the defence
    minister,"), with every person of the dictionaries who bears it ("President Bush": both)."""
    index = _holders()
    surnames = _surnames()
    for m in _CAPITALISED.finditer(text):
        forms = index.get(m.group().rstrip(".'’-")) or {}
        for form in sorted(forms, key=len, reverse=True):
            end = m.start() + len(form)
            if text.startswith(form, m.start()) and not (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                yield m.start(), end, form, forms[form], True
                break
        else:
            word = re.match(r"[\w-]+", m.group())
            key = word.group().rstrip("-") if word else ""
            if bearers := surnames.get(key):
                yield (
                    m.start(),
                    m.start() + len(key),
                    bearers[0].name if len(bearers) == 1 else key,
                    list(bearers),
                    False,
                )


def _held_before(text: str, start: int, role: str) -> bool | None:
    """True when `role` is written as the title right before `start` ("Defence Minister " + name), False when it is
    written there but marked as not held now ("former Defence Minister"), None when it is not there."""
    before = _spelling(text[max(0, start - len(role) - 30) : start].lower())
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped.endswith(role):
        return None
    head = stripped[: len(stripped) - len(role)]
    if head and (head[-1].isalnum()):
        return None  # the role's first word is the end of a longer word
    words = _WORD.findall(head[-20:])
    if words and words[-1].strip("-") in _OTHER_OFFICE and not (words[-1] == "under" and "secretary" not in role):
        return None  # "Vice President", "Deputy Foreign Minister", "Under Secretary"; not "under President X"
    # "former U.S. President", "the late French President": the country's name or adjective sits between
    tokens = text[max(0, start - len(role) - 40) : start - len(role) - 1].split()
    for _ in range(2):
        if tokens and _COUNTRY_WORD.match(tokens[-1]) and tokens[-1].lower().strip("-") not in _NOT_NOW:
            tokens.pop()
    marks = _WORD.findall(" ".join(tokens[-2:]).lower())
    return not (marks and marks[-1].strip("-") in _NOT_NOW)


# Words of an apposition that tie the title to someone else: "brother of President X", "adviser to the president".
_OF_ANOTHER = frozenset({"of", "to", "for", "with", "and", "by", "under"})


def _held_after(text: str, end: int, role: str) -> bool | None:
    """ "Hulusi Akar, Turkey's defence minister," / "Cavusoglu, the foreign minister,": the role in an apposition."""
    after = _spelling(text[end : end + len(role) + 40].lower())
    if not after.startswith(", "):
        return None
    at = after.find(role)
    if at < 0:
        return None
    between = after[2:at]
    rest = after[at + len(role) : at + len(role) + 1]
    if rest.isalnum() or len(between) > 25 or any(c in between for c in ",;.()"):
        return None
    words = _WORD.findall(between)
    if _OF_ANOTHER & set(words) or re.match(r"\s+(?:[A-Z]\.\s*)*[A-Z][a-z]", text[end + at + len(role) :]):
        return None  # "Raul Castro, younger brother of President Fidel Castro": the title is another person's
    return not any(w.strip("-") in _NOT_NOW for w in words)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _no_year_near(text: str, start: int, end: int) -> bool:
    """No year in the paragraph of the mention: one that names a year may be telling the past ("With the 2008 crash
    ... President Obama declared")."""
    para_left = text.rfind("\n", 0, start) + 1
    para_right = text.find("\n", end)
    return not _YEAR.search(text, para_left, para_right if para_right >= 0 else len(text))


_RECALLED_BEFORE = re.compile(
    r"(?i)\b(?:under|during|by|from|since|before|after|until|to"
    # "of" only after a time ("the era of President X"): "the government of Prime Minister X asked" is current
    r"|(?:administration|tenure|era|presidency|premiership|term|reign|rule|time|days|years)\s+of)"
    r"\s+(?:the\s+)?(?:(?:[A-Z]\.){2,}\s+|[A-Z][\w'’]*\s+){0,2}$"
)
_RECALLED_AFTER = re.compile(
    r"^(?:'s|’s)\s+(?:administration|tenure|era|presidency|premiership|term|reign|rule|time|days)\b"
)


def _recalled(text: str, title_start: int, end: int) -> bool:
    """ "under President Barack Obama", "appointed by President X", "President X's administration": a time the
    title belongs to, which may be long past."""
    return bool(_RECALLED_BEFORE.search(text, max(0, title_start - 40), title_start)) or bool(
        _RECALLED_AFTER.match(text[end : end + 30])
    )


# "the Obama administration", "Merkel's government", "the Putin presidency": the time of a holder in office.
_ADMINISTRATION = re.compile(r"(?:'s|’s)?\s+(?:administration|government|presidency|premiership|cabinet)\b")


@dataclass(frozen=True, slots=True)
class OfficeClue:
    said: str  # the words of the text that give the clue
    office: str  # "<holder> as <role>"
    spans: tuple[Span, ...]  # when a report saying so can have been written
    how: str  # "current" (within the terms), "titled" (after the first term began), "former" (after it ended)


# Words before a title that say the office was held before the report ("former Prime Minister X", "the late
# President Y"): the report is from after the first term's end. "then-" says only that it was held at some time.
_ENDED = frozenset(
    {"former", "ex", "late", "onetime", "one-time", "erstwhile", "previous", "past", "retired", "slain",
     "assassinated", "deceased"}
)  # fmt: skip


def office_clues(text: str) -> Iterator[OfficeClue]:
    """What each titled mention of an office holder says of when the report was written. A title the report
        gives as current ("Defence Minister Hulusi Akar said", "talks with President Vladimir Putin") dates it to the terms
        of that office. A title in a paragraph that names a year, or one that names a time it belongs to ("under
        President Barack Obama", "appointed by President X", "President X's administration"), may be long past: it only
        says the report was written after the first of those terms began. "Former" or "the late" before the title says
        after the first term ended. A name several holders of the title bear ("President Bush") is any of them: a title
    given as current dates the report to the union of their terms; lower bounds take the earliest."""
    for start, end, name, holders, _full in _names(text):
        found: list[tuple[Holder, str, tuple[Span, ...], bool, int]] = []
        for holder in holders:
            for role, terms in holder.roles:
                held = _held_before(text, start, role)
                title_start = start - len(role) - 1
                if held is None:  # "Akar, the defence minister,": a surname only one holder bears, too
                    held = _held_after(text, end, role)
                    title_start = start
                if held is None:
                    continue
                found.append((holder, role, terms, held, title_start))
                break
        if not found:
            if admin := _ADMINISTRATION.match(text, end):
                # "the Obama administration", "Merkel's government": written after that office was first theirs; "the
                # Clinton administration": after the first of the bearers of the name took an office
                first = min(t[0] for h in holders for _, terms in h.roles for t in terms)
                said = text[start : admin.end()]
                yield OfficeClue(said, f"{_either(h.name for h in holders)} in office", ((first, date.max),), "titled")
            continue
        holder, role, terms, held, title_start = found[0]
        said = text[title_start:end] if title_start < start else f"{name}, {role}"
        # one title, several people who held it ("President Bush", "President George Bush"): any of their terms
        one_title = all(f[1] == role and f[3] == held for f in found)
        office = f"{_either(f[0].name for f in found) if one_title else holder.name} as {role}"
        if held and one_title and _no_year_near(text, start, end) and not _recalled(text, title_start, end):
            yield OfficeClue(said, office, tuple(sorted({t for f in found for t in f[2]})), "current")
        elif held:
            first = min(t[0] for f in found for t in f[2])
            yield OfficeClue(said, office, ((first, date.max),), "titled")
        elif _ENDED & {w.strip("-") for w in _WORD.findall(_marks(text, title_start, start, end))}:
            ends = [min(t[1] for t in f[2]) for f in found]
            if max(ends) < date.max - AFTER_GRACE:
                yield OfficeClue(said, office, ((min(ends) - AFTER_GRACE - BEFORE_GRACE, date.max),), "former")


def _either(names: Iterable[str]) -> str:
    """The people a name may be, each once (a person may be in both dictionaries): "A or B"."""
    return " or ".join(dict.fromkeys(names))


def _marks(text: str, title_start: int, start: int, end: int) -> str:
    """The words that may mark a title as no longer held: just before it, or inside the apposition after the name."""
    if title_start < start:
        return text[max(0, title_start - 20) : title_start].lower()
    return text[end : end + 60].split(")")[0].lower()


def office_terms(text: str) -> Iterator[tuple[str, str, list[Span]]]:
    """(what the text says, the office, the terms it was held in) for each office holder speaking in the news."""
    for clue in office_clues(text):
        if clue.how == "current":
            yield clue.said, clue.office, list(clue.spans)
