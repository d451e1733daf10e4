"""Dictionary entries: what one line of an actor dictionary says, before it is matched in text.

An entry has one canonical name and the surface forms that name it. `kind` says how it combines with its
neighbours in a text: a country-bearing entry (country, demonym, capital, person, group) gives the country of
an agent that follows it ("Turkish" + "soldiers"), an agent gives the sector ("soldiers" -> MIL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# How an entry behaves in a text. "demonym" and "capital" are generated from country rows.
KINDS: tuple[str, ...] = ("country", "demonym", "capital", "org", "group", "person", "agent")
COUNTRY_BEARING = frozenset({"country", "demonym", "capital", "person", "group", "org"})
# Sectors of people who live or fight where a report's places are, whichever country speaks most about them:
# civilians, workers, doctors and medics, teachers and students, farmers, activists and the opposition, rebels.
# Unnamed, they are of the report's ground, not of the story's most-named country (often a foreign power that struck
# there). Never a state's bodies (GOV, MIL: "the ministry", "the army" may be the speaking state's), nor refugees
# (REF), who are of the country they fled, nor journalists (MED), whose outlets are often foreign.
ON_THE_GROUND = frozenset({"CVL", "LAB", "HLH", "EDU", "AGR", "OPP", "REB"})


@dataclass(frozen=True, slots=True)
class Office:
    """One office a person held (or one dated code of a PETRARCH actor): who they speak for, and when."""

    role: str
    sector: str | None
    start: date | None = None
    end: date | None = None
    country: str | None = None
    country_set: bool = False  # True when the office names its own country (None = an IGO post)
    code: str | None = None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor or agent of a dictionary, with every form it may take in a text."""

    name: str
    kind: str
    forms: tuple[str, ...]
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: bool = False  # an agent that is followed by a person's name: "Defence Minister Hulusi Akar"
    people: bool = False  # a demonym form naming the people ("Syrians"), not the adjective ("Syrian")
    offices: tuple[Office, ...] = ()
    about: str | None = None
    based_in: str | None = None
    side: str | None = None
    alone: bool = True  # False: an agent that is an actor only with an owner ("Russian planes", never "planes")
    group: str | None = None  # agents of one group share the country of their last mention ("regime forces")
    case: str = "auto"  # "auto": each word as written; "first": only the first word needs its capital (PETRARCH)
    prefix: bool = False  # PETRARCH agents written [NGO~]: the agent code goes before the actor's
    origin: str = ""  # file:line it came from, for error messages and debugging

    def office_at(self, when: date | None) -> Office | None:
        """The office held on `when`; without a date, the latest office (the one a current report means)."""
        if not self.offices:
            return None
        if when is None:
            return self.offices[-1]
        for office in reversed(self.offices):
            if office.covers(when):
                return office
        return None


def plural(word: str) -> str:
    """A regular English plural of the last word of `word` ("official" -> "officials", "ally" -> "allies")."""
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es" if not word.endswith("s") else word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"
