"""Turning dictionary matches into actors: nationality + agent, role + name, agent + "of" + country.

The dictionaries know words; a text combines them. "Turkish" gives a country, "soldiers" a sector, and
"Turkish soldiers" is one actor, TUR MIL. A title before a known person ("Defence Minister Hulusi Akar") lets
the person's office speak for the country; a title before an unknown name keeps the name and the title's sector.
An agent with no country in its words takes the country of an earlier mention of the same agent ("the Syrian
regime" ... "the regime"), else the story's country.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from truceline.actors.entries import COUNTRY_BEARING, Entry
from truceline.actors.matcher import Match, Tokens
from truceline.actors.words import COORDINATORS, GAP_WORDS, LOCATIVES, NOT_NAMES, PARTICLES
from truceline.model import Actor

# A first agent of these sectors keeps it when another agent follows: "army spokesman" is MIL, not GOV.
_KEEPS_SECTOR = frozenset({"MIL", "COP", "REB", "IGO", "NGO", "SPY"})


@dataclass(slots=True)
class Context:
    """What one text has said so far: the story's country and the countries earlier agents had."""

    when: date | None
    story_country: str | None
    agent_country: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # group -> (offset, country)
    surnames: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, Actor] = field(default_factory=dict)  # a person's first titled mention speaks for the rest
    bare: list[tuple[int, str]] = field(default_factory=list)  # (index in output, group) of agents alone

    def saw(self, agent: Entry, actor: Actor) -> None:
        if actor.country:
            self.agent_country.setdefault(agent.group or agent.name, []).append((actor.start, actor.country))

    def country_for(self, group: str, at: int) -> str | None:
        """The country of the last mention of this agent before `at`, else of the first after, else the story's."""
        seen = self.agent_country.get(group)
        if not seen:
            return self.story_country
        before = [c for s, c in seen if s < at]
        return before[-1] if before else seen[0][1]


def single(entry: Entry, start: int, end: int, text: str, when: date | None) -> Actor:
    """The actor one entry stands for on its own."""
    kind = entry.kind
    if kind == "person":
        return _person(entry, start, end, text, when)
    if kind == "agent":
        return Actor(start, end, text[start:end], name=entry.name, sector=entry.sector, code=entry.code or entry.sector)
    code = entry.code or _code(entry.country, entry.sector)
    country, sector = entry.country, entry.sector
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
    code = code or _code(country, sector)
    if code and code.startswith(("IGO", "NGO")) and not (office and office.country_set and office.country):
        country = None
    return Actor(start, end, text[start:end], name=entry.name, country=country, sector=sector, code=code)


def _code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


def _joined(text: str, tokens: Tokens, a: int, b: int) -> bool:
    """True when tokens a..b-1 are separated by spaces only (no comma, full stop or bracket between them)."""
    for i in range(a, b - 1):
        between = text[tokens.ends[i] : tokens.starts[i + 1]]
        if between.strip():
            return False
    return True


def _gap_ok(text: str, tokens: Tokens, last: int, first: int, limit: int = 3) -> bool:
    if first - last > limit or not _joined(text, tokens, last - 1, first + 1):
        return False
    return all(tokens.lows[i] in GAP_WORDS for i in range(last, first))


def with_owner(owner: Actor, agent: Entry, start: int, end: int, text: str, owner_kind: str = "") -> Actor:
    """An agent spoken for by a country, person or group: "Turkish" + "soldiers" -> TUR MIL."""
    sector = agent.sector
    country = owner.country
    if owner.code and owner.code.startswith(("IGO", "NGO", "IMG")):
        # An organisation's or a transnational group's people speak for it: "al-Qaeda leaders" is al-Qaeda.
        return Actor(start, end, text[start:end], name=owner.name, sector=owner.sector, code=owner.code)
    if owner_kind == "group" and owner.sector and not agent.prefix:
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
    return Actor(start, end, text[start:end], name=name, country=country, sector=sector, code=code)


def compose(text: str, tokens: Tokens, matches: list[Match], ctx: Context) -> list[Actor]:
    """The actors of a text from its dictionary matches, in text order, spans never overlapping."""
    out: list[Actor] = []
    k = 0
    n = len(matches)
    starts, ends = tokens.starts, tokens.ends
    while k < n:
        m = matches[k]
        e = m.entry
        s, t = starts[m.first], ends[m.last - 1]
        if e.kind == "capital" and m.first > 0 and tokens.lows[m.first - 1] in LOCATIVES:
            k += 1
            continue
        if e.kind in COUNTRY_BEARING:
            k = _owned(text, tokens, matches, k, ctx, out)
            continue
        # An agent first: "president of Armenia", or a title before a name, or an agent alone.
        nxt = matches[k + 1] if k + 1 < n else None
        if nxt is not None and nxt.entry.kind in ("country", "demonym", "capital") and _of_between(tokens, m, nxt):
            owner = single(nxt.entry, starts[nxt.first], ends[nxt.last - 1], text, ctx.when)
            actor = with_owner(owner, e, s, owner.end, text)
            ctx.saw(e, actor)
            out.append(actor)
            k += 2
            # "the foreign ministers of Turkey, Russia and Iran": each listed country gets the agent.
            while (
                k < n
                and matches[k].entry.kind in ("country", "demonym", "capital")
                and _listed(text, tokens, matches[k - 1], matches[k])
            ):
                listed = matches[k]
                owner = single(listed.entry, starts[listed.first], ends[listed.last - 1], text, ctx.when)
                out.append(with_owner(owner, e, owner.start, owner.end, text))
                k += 1
            continue
        k, e, bare = _agent_run(text, tokens, matches, k, ctx)
        t = bare.end
        actor, last = _titled(text, tokens, matches, k, bare, e, ctx)
        if actor.country is None and actor.end > t and last + 1 < n:
            actor, last = _of_country(text, tokens, matches, last + 1, actor, e, ctx)
        if e.title and actor.country is None and last + 1 < n:
            actor, last = _speaks_for(text, tokens, matches, last + 1, actor, ctx)
        if last > k or actor.end > t or e.alone:
            if actor.country is None and actor.sector not in ("IGO", "NGO", "IMG"):
                ctx.bare.append((len(out), e.group or e.name))
            out.append(actor)
        k = last + 1
    for index, group in ctx.bare:
        actor = out[index]
        country = ctx.country_for(group, actor.start)
        if country:
            code = _code(country, actor.code if actor.code and actor.code != actor.sector else actor.sector)
            out[index] = Actor(
                actor.start, actor.end, actor.text, name=actor.name, country=country, sector=actor.sector, code=code
            )
    if ctx.surnames:
        out = _later_surnames(text, tokens, out, ctx)
    return out


def _owned(text: str, tokens: Tokens, matches: list[Match], k: int, ctx: Context, out: list[Actor]) -> int:
    """A country, person, group or organisation, with the agent it owns if one follows; returns the next match."""
    starts, ends, n = tokens.starts, tokens.ends, len(matches)
    m = matches[k]
    e = m.entry
    chain = [m]
    j = k + 1
    # "Hungarian and Romanian officials": coordinated nationalities share the agent that follows.
    while (
        e.kind == "demonym"
        and j + 1 < n
        and matches[j].entry.kind == "demonym"
        and matches[j].first == chain[-1].last + 1
        and tokens.lows[chain[-1].last] in COORDINATORS
    ):
        chain.append(matches[j])
        j += 1
    nxt = matches[j] if j < n else None
    if nxt is not None and nxt.entry.kind == "agent" and _gap_ok(text, tokens, chain[-1].last, nxt.first):
        for owner_match in chain[:-1]:
            owner = single(owner_match.entry, starts[owner_match.first], ends[owner_match.last - 1], text, ctx.when)
            out.append(with_owner(owner, nxt.entry, owner.start, owner.end, text, owner_match.entry.kind))
        last = chain[-1]
        owner = single(last.entry, starts[last.first], ends[last.last - 1], text, ctx.when)
        actor = with_owner(owner, nxt.entry, owner.start, ends[nxt.last - 1], text, last.entry.kind)
        ctx.saw(nxt.entry, actor)
        actor, j = _titled(text, tokens, matches, j, actor, nxt.entry, ctx)
        out.append(actor)
        return j + 1
    s, t = starts[m.first], ends[m.last - 1]
    if e.kind == "org":
        # "UN Secretary-General Antonio Guterres", "Arab League Secretary General X": the first organisation
        # absorbs the organisations, titles and people written right after it.
        upto, j = m.last, k + 1
        while j < n and matches[j].first == upto and _joined(text, tokens, upto - 1, upto + 1):
            follower = matches[j].entry
            if follower.kind not in ("org", "person") and not (follower.kind == "agent" and follower.title):
                break
            upto, j = matches[j].last, j + 1
        if j > k + 1:
            out.append(single(e, s, ends[upto - 1], text, ctx.when))
            return j
    actor = single(e, s, t, text, ctx.when)
    known = ctx.people.get(e.name) if e.kind == "person" else None
    if known is not None:
        actor = Actor(s, t, text[s:t], name=known.name, country=known.country, sector=known.sector, code=known.code)
    out.append(actor)
    return k + 1


def _of_country(
    text: str, tokens: Tokens, matches: list[Match], k: int, actor: Actor, agent: Entry, ctx: Context
) -> tuple[Actor, int]:
    """ "Interior Minister Adel Qorani of Jordan": a titled name followed by "of" + a country takes it."""
    owner_match = matches[k]
    if owner_match.entry.kind not in ("country", "demonym", "capital"):
        return actor, k - 1
    first = bisect_left(tokens.starts, actor.end)
    if tokens.lows[first : owner_match.first] not in (["of"], ["of", "the"]):
        return actor, k - 1
    owner = single(
        owner_match.entry, tokens.starts[owner_match.first], tokens.ends[owner_match.last - 1], text, ctx.when
    )
    merged = with_owner(owner, agent, actor.start, owner.end, text)
    named = Actor(
        merged.start,
        merged.end,
        merged.text,
        name=actor.name,
        country=merged.country,
        sector=merged.sector,
        code=merged.code,
    )
    for key, value in list(ctx.surnames.items()):
        if value is actor:
            ctx.surnames[key] = named
    return named, k


def _speaks_for(
    text: str, tokens: Tokens, matches: list[Match], k: int, actor: Actor, ctx: Context
) -> tuple[Actor, int]:
    """ "a spokesman for the rebels", "an envoy for the UN": the title speaks for what follows "for"."""
    follower = matches[k]
    first = bisect_left(tokens.starts, actor.end)
    if tokens.lows[first : follower.first] not in (["for"], ["for", "the"]):
        return actor, k - 1
    start, end = tokens.starts[follower.first], tokens.ends[follower.last - 1]
    other = single(follower.entry, start, end, text, ctx.when)
    return Actor(
        actor.start,
        end,
        text[actor.start : end],
        name=other.name,
        country=other.country,
        sector=other.sector,
        code=other.code,
    ), k


def _agent_run(text: str, tokens: Tokens, matches: list[Match], k: int, ctx: Context) -> tuple[int, Entry, Actor]:
    """Adjacent agents are one: "government troops" (MIL), "army spokesman" (MIL), "rebel commander" (REB).

    The second word is the head, but a first word naming an armed or international body keeps its sector.
    Returns the last match used, the entry whose title flag counts (the last) and the merged actor.
    """
    first = matches[k]
    entry = first.entry
    sector = entry.sector
    code = entry.code or entry.sector
    last = first.last
    while (
        k + 1 < len(matches)
        and matches[k + 1].entry.kind == "agent"
        and matches[k + 1].first == last
        and _joined(text, tokens, last - 1, last + 1)
    ):
        k += 1
        entry = matches[k].entry
        if sector not in _KEEPS_SECTOR:
            sector, code = entry.sector, entry.code or entry.sector
        last = matches[k].last
    s, t = tokens.starts[first.first], tokens.ends[last - 1]
    return k, entry, Actor(s, t, text[s:t], name=entry.name, sector=sector, code=code)


def _of_between(tokens: Tokens, a: Match, b: Match) -> bool:
    """ "president of Armenia", "soldiers from Gondor": the agent belongs to the country after it."""
    between = tokens.lows[a.last : b.first]
    return between in (["of"], ["of", "the"], ["from"])


def _listed(text: str, tokens: Tokens, a: Match, b: Match) -> bool:
    """True when b continues a list after a: "Turkey, Russia and Iran"."""
    between = text[tokens.ends[a.last - 1] : tokens.starts[b.first]].replace(",", " ").split()
    return between in ([], ["and"], ["or"])


def _titled(
    text: str, tokens: Tokens, matches: list[Match], k: int, actor: Actor, agent: Entry, ctx: Context
) -> tuple[Actor, int]:
    """Extend an actor ending in a title with the name after it; returns the actor and the last match used.

    A title with a country in the text ("Turkish Foreign Minister X") is the evidence: it gives country and
    sector. A bare title before a known person ("President Erdogan") lets the person's office speak.
    """
    if not agent.title:
        return actor, k
    last = matches[k].last
    nxt = matches[k + 1] if k + 1 < len(matches) else None
    if (
        nxt is not None
        and nxt.entry.kind == "person"
        and nxt.first == last
        and _joined(text, tokens, last - 1, last + 1)
    ):
        person = single(nxt.entry, tokens.starts[nxt.first], tokens.ends[nxt.last - 1], text, ctx.when)
        end = person.end
        country: str | None
        sector: str | None
        code: str | None
        if actor.country:
            country, sector, code = actor.country, actor.sector, actor.code
        elif person.sector in (None, "ELI"):
            country, sector = person.country, actor.sector
            code = _code(country, sector)
        else:
            country, sector, code = person.country, person.sector, person.code
        titled = Actor(
            actor.start, end, text[actor.start : end], name=person.name, country=country, sector=sector, code=code
        )
        ctx.people.setdefault(nxt.entry.name, titled)
        return titled, k + 1
    stop = nxt.first if nxt is not None else len(tokens.words)
    i = last
    while i < stop and i - last < 4 and _joined(text, tokens, i - 1, i + 1):
        word = tokens.words[i]
        if (word[0].isupper() and word not in NOT_NAMES and word != "'s") or (
            tokens.lows[i] in PARTICLES and i + 1 < stop and tokens.words[i + 1][:1].isupper()
        ):
            i += 1
        else:
            break
    if i == last:
        return actor, k
    end = tokens.ends[i - 1]
    name = text[tokens.starts[last] : end]
    named = Actor(
        actor.start,
        end,
        text[actor.start : end],
        name=name,
        country=actor.country,
        sector=actor.sector,
        code=actor.code,
    )
    ctx.surnames[tokens.lows[i - 1]] = named
    return named, k


def _later_surnames(text: str, tokens: Tokens, actors: list[Actor], ctx: Context) -> list[Actor]:
    """A surname alone after its full mention ("Defence Minister Sedat Xy ... Xy said") is the same actor."""
    full = {a.name: a for a in actors}  # the titled mention, with the country the story gave it
    extra: list[Actor] = []
    for i, low in enumerate(tokens.lows):
        first = ctx.surnames.get(low)
        if first is None or tokens.starts[i] < first.end or not tokens.words[i][0].isupper():
            continue
        s, t = tokens.starts[i], tokens.ends[i]
        if any(a.start <= s < a.end for a in actors):
            continue
        actor = full.get(first.name, first)
        extra.append(
            Actor(s, t, text[s:t], name=actor.name, country=actor.country, sector=actor.sector, code=actor.code)
        )
    return sorted([*actors, *extra], key=lambda a: a.start) if extra else actors
