"""Actors built from dictionary entries: one entry alone, an agent with its owner, and what a text has said.

`Context` carries what one text has established so far (the story's country, the countries earlier agents had,
the people it introduced with a title), so later mentions can lean on earlier ones.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from truceline.actors.entries import Entry
from truceline.actors.matcher import Tokens
from truceline.actors.names import display_name, owner_is_country
from truceline.model import Actor

# The body a title holder speaks for, as the dictionary's agent groups name them: a bare "the ministry" after a
# country's minister is that minister's, "the presidency" after a president that president's.
INSTITUTION_OF = {"minister": "ministry", "president": "presidency"}
STATE_BODIES = ("ministry", "presidency")  # agent groups a capital's dateline tells the country of


@dataclass(slots=True)
class Context:
    """What one text has said so far: the story's country and the countries earlier agents had."""

    when: date | None
    story_country: str | None
    agent_country: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # group -> (offset, country)
    surnames: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, Actor] = field(default_factory=dict)  # a person's first titled mention speaks for the rest
    bare: list[tuple[int, str]] = field(default_factory=list)  # (index in output, group) of agents alone
    regime_country: str | None = None  # whose government a bare "the regime" means (story.regime_country)
    place_country: str | None = None  # where the report's places are (story.place_country)
    dateline_country: str | None = None  # the country whose capital the report is datelined in (story.dateline_country)
    named_countries: frozenset[str] = frozenset()  # countries the text names by name or capital, not by an adjective

    def saw(self, agent: Entry, actor: Actor) -> None:
        if actor.country:
            group = agent.group or agent.name
            self.agent_country.setdefault(group, []).append((actor.start, actor.country))
            if group in INSTITUTION_OF:  # "Defence Minister X said ... the ministry said": the minister's ministry
                self.agent_country.setdefault(INSTITUTION_OF[group], []).append((actor.start, actor.country))

    def country_for(self, group: str, at: int, on_the_ground: bool = False) -> str | None:
        """The country of the last mention of this agent before `at`; else, for a body that speaks for a state, of
        the capital the report is datelined in ("ANKARA (Wire) - ... the defence ministry said": Turkey's), else of the
        first mention after, else the story's; people on the ground (rebels, civilians: `on_the_ground`) are of
        where the report's places are first."""
        seen = self.agent_country.get(group)
        if not seen:
            if group == "regime" and self.regime_country:
                return self.regime_country
            if self._speaks_for_a_state(group):
                return self.dateline_country
            return (self.place_country if on_the_ground else None) or self.story_country
        # Mentions are recorded in text order, so a binary search keeps long texts linear-logarithmic.
        i = bisect_left(seen, (at, ""))
        if i:
            return seen[i - 1][1]
        if self._speaks_for_a_state(group):
            return self.dateline_country
        later = seen[0][1]
        if (
            self.story_country
            and later != self.story_country
            and later not in self.named_countries
            and group in _SIDE_WORDS
        ):
            # "rebels had opened fire on government positions", in a report on Ukraine that later quotes "a statement
            # from the German government": a side of the report's own war, not a government named in passing (one
            # of a country the report names, "send troops to Libya to support its government", may be it)
            return (self.place_country if on_the_ground else None) or self.story_country
        return later

    def _speaks_for_a_state(self, group: str) -> bool:
        """A body that issues a state's statements (a ministry, the presidency), when the report has a capital's
        dateline; never "the government" or its forces, which reports from abroad use of the other side."""
        return self.dateline_country is not None and any(word in group for word in STATE_BODIES)


# bare words for a side of the report's own war, which a government named later in passing does not take over ("the
# regime" is not one: the word is used of one named government, wherever the report is)
_SIDE_WORDS = frozenset({"government", "military", "army", "armed forces", "security forces", "rebels"})


def single(entry: Entry, start: int, end: int, text: str, when: date | None) -> Actor:
    """The actor one entry stands for on its own."""
    kind = entry.kind
    if kind == "person":
        return _person(entry, start, end, text, when)
    if kind == "agent":
        return Actor(start, end, text[start:end], name=entry.name, sector=entry.sector, code=entry.code or entry.sector)
    code = entry.code or code_of(entry.country, entry.sector)
    country, sector = entry.country, entry.sector
    if country is None and sector == "NGO" and entry.about:
        country = entry.about  # a national NGO ("Syrian Observatory") is scored and filtered by the country it watches
    if code and "/" in code:
        # PETRARCH "THE_SHIRE [FRO/BIL/SAM]": one name for several actors, a compound.
        members = tuple(
            Actor(start, end, text[start:end], name=entry.name, country=c[:3], code=c) for c in code.split("/")
        )
        return Actor(start, end, text[start:end], name=entry.name, code=code, members=members)
    if entry.offices and when is not None:
        # Dated codes (PETRARCH restrictions): the first restriction covering the date wins over the default.
        dated = next((o for o in entry.offices if o.covers(when)), None)
        if dated is not None and dated.code:
            code, country, sector = dated.code, dated.code[:3], dated.code[3:6] or None
    elif entry.offices and code is None:
        # No date to choose by and no default: whatever period it is, a name whose dated codes all share one country
        # is of that country (PETRARCH "GOLLUM [HOB <950601] [HOBGOV 19950601-19990815]" is HOB); the sector waits
        # for a date.
        roots = {o.code[:3] for o in entry.offices if o.code}
        if len(roots) == 1:
            country = code = roots.pop()
    return Actor(start, end, text[start:end], name=entry.name, country=country, sector=sector, code=code)


def _person(entry: Entry, start: int, end: int, text: str, when: date | None) -> Actor:
    """A person coded by the office they hold on `when` (the latest office without a date); ELI out of office."""
    office = entry.office_at(when)
    if office is not None:
        country = office.country if office.country_set else entry.country
        sector, code = office.sector, office.code
    else:
        country, code = entry.country, None
        sector = entry.sector or ("ELI" if entry.offices else None)
    code = code or code_of(country, sector)
    if code and code.startswith(("IGO", "NGO")) and not (office and office.country_set and office.country):
        country = None
    return Actor(start, end, text[start:end], name=entry.name, country=country, sector=sector, code=code)


def compound(members: Sequence[Actor], text: str | None = None) -> Actor:
    """One actor for "Turkey and Russia": spans all members; country and sector only when they all agree.

    Its code is the joint code, the members' codes in text order joined by "/" ("TURGOV/RUSGOV"; the notation a
    dictionary entry uses for one name that stands for several actors, read back by `single`), so a row's code
    says who acted together; a member without a code is left out of it, and one code shared by all is the code.
    Scorers and exports read the members themselves.

    Pass the text the members' offsets index into to get `text` right; otherwise the members' texts are
    joined with " and " (a label, not a slice).
    """
    parts = sorted(members, key=lambda a: a.start)
    if len(parts) == 1:
        return parts[0]
    s, t = parts[0].start, max(a.end for a in parts)
    label = text[s:t] if text is not None else " and ".join(a.text for a in parts)
    countries = {a.country for a in parts}
    sectors = {a.sector for a in parts}
    return Actor(
        s,
        t,
        label,
        name=" and ".join(a.name or a.text for a in parts),
        country=countries.pop() if len(countries) == 1 else None,
        sector=sectors.pop() if len(sectors) == 1 else None,
        code=joint_code(parts),
        members=tuple(parts),
    )


def joint_code(members: Sequence[Actor]) -> str | None:
    """'TURGOV/RUSGOV' for Turkey's and Russia's governments together; 'TURGOV' when every member has that code.
    A member with a country or sector but no code is coded by them."""
    codes: list[str] = []
    for member in members:
        for code in (member.code or code_of(member.country, member.sector) or "").split("/"):
            if code and code not in codes:
                codes.append(code)
    return "/".join(codes) or None


def code_of(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


def joined(text: str, tokens: Tokens, a: int, b: int) -> bool:
    """True when tokens a..b-1 are separated by spaces only (no comma, full stop or bracket between them)."""
    for i in range(a, b - 1):
        between = text[tokens.ends[i] : tokens.starts[i + 1]]
        if between.strip():
            return False
    return True


def with_owner(owner: Actor, agent: Entry, start: int, end: int, text: str, owner_kind: str = "") -> Actor:
    """An agent spoken for by a country, person or group: "Turkish" + "soldiers" -> TUR MIL."""
    sector = agent.sector
    country = owner.country
    if owner.code and owner.code.startswith(("IGO", "NGO", "IMG")):
        # An organisation's or a transnational group's people speak for it: "al-Qaeda leaders" is al-Qaeda.
        return Actor(start, end, text[start:end], name=owner.name, sector=owner.sector, code=owner.code)
    if owner_kind == "group" and owner.sector and owner.sector != "CVL" and not agent.prefix:
        # "Taliban fighters", "Hezbollah officials": the group's members are the group.
        return Actor(
            start, end, text[start:end], name=owner.name, country=country, sector=owner.sector, code=owner.code
        )
    code: str | None
    if agent.prefix and agent.code:
        code = agent.code + (owner.code or "")
    else:
        root = owner.code if owner.code and (owner.sector is None or owner.code == country) else country
        code = (root or "") + (agent.code or agent.sector or "") or None
    name = f"{owner.name} {agent.name}" if owner.name else agent.name
    if country and owner_is_country(owner.name):
        written = text[start:end].replace(owner.text, "", 1)
        name = display_name(country, agent.name, written) or name
    return Actor(start, end, text[start:end], name=name, country=country, sector=sector, code=code)
