"""Turning dictionary matches into actors: nationality + agent, role + name, agent + "of" + country.

The dictionaries know words; a text combines them. "Turkish" gives a country, "soldiers" a sector, and
"Turkish soldiers" is one actor, TUR MIL. A title before a known person ("Defence Minister Hulusi Akar") lets
the person's office speak for the country; a title before an unknown name keeps the name and the title's sector.
An agent with no country in its words takes the country of an earlier mention of the same agent ("the Syrian
regime" ... "the regime"), else the story's country.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace

from truceline.actors.build import Context, code_of, compound, joined, single, with_owner
from truceline.actors.entries import COUNTRY_BEARING, ON_THE_GROUND, Entry
from truceline.actors.matcher import Match, Tokens
from truceline.actors.names import display_name
from truceline.actors.story import town_countries
from truceline.actors.titles import later_surnames, member_of, of_country, speaks_for, titled
from truceline.actors.words import COORDINATORS, GAP_WORDS, LOCATIVES
from truceline.model import Actor

# A first agent of these sectors keeps it when another agent follows: "army spokesman" is MIL, not GOV, and an
# "opposition spokesman" or "opposition delegation" speaks for the opposition.
_KEEPS_SECTOR = frozenset({"MIL", "COP", "REB", "IGO", "NGO", "SPY", "OPP"})


def _gap_ok(text: str, tokens: Tokens, last: int, first: int, limit: int = 3) -> bool:
    if first - last > limit or not joined(text, tokens, last - 1, first + 1):
        return False
    return all(tokens.lows[i] in GAP_WORDS for i in range(last, first))


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
        first = m.entry
        k0 = k
        k, e, bare = _agent_run(text, tokens, matches, k, ctx)
        # "government jets", "regime artillery": an agent that stands alone lends a thing-like agent ("jets",
        # alone: false) its standing; the run is the government's forces
        run_alone = k > k0 and first.alone
        t = bare.end
        actor, last = titled(text, tokens, matches, k, bare, e, ctx)
        if e.title and actor.country and last > k:
            ctx.saw(e, actor)  # "Defence Minister Hulusi Akar": a later bare "the minister" or "the ministry" is his
        if actor.country is None and actor.end > t and last + 1 < n:
            actor, last = of_country(text, tokens, matches, last + 1, actor, e, ctx)
        if e.title and actor.country is None and last + 1 < n:
            actor, last = speaks_for(text, tokens, matches, last + 1, actor, ctx)
        if actor.country is None and actor.end == t and last + 1 < n:
            actor, last = member_of(text, tokens, matches, last + 1, actor, ctx)
        seat = _seated_in(text, actor, matches[last + 1], tokens) if actor.country is None and last + 1 < n else None
        if seat is not None:
            actor = _of_capital(actor, seat)
            ctx.saw(e, actor)
            last += 1
        if last > k or actor.end > t or e.alone or run_alone:
            if actor.country is None and actor.sector not in ("IGO", "NGO", "IMG"):
                lender = first if run_alone else e  # "regime artillery" is of whatever country "regime" means
                ctx.bare.append((len(out), lender.group or lender.name))
            out.append(actor)
        k = last + 1
    for index, group in ctx.bare:
        actor = out[index]
        leader = _led_by(text, actor, out)
        if leader is not None:  # "Saudi Arabia, which leads a coalition": later "coalition warplanes" are its too
            insort(ctx.agent_country.setdefault(group, []), (actor.start, leader))
        country = (
            leader
            or _town_before(text, tokens, actor)
            or ctx.country_for(group, actor.start, actor.sector in ON_THE_GROUND)
        )
        if country:
            code = code_of(country, actor.code if actor.code and actor.code != actor.sector else actor.sector)
            agent_alone = actor.name is not None and (actor.name == group or group == "regime")
            name = display_name(country, actor.name, actor.text) if agent_alone and actor.name else None
            out[index] = Actor(
                actor.start,
                actor.end,
                actor.text,
                name=name or actor.name,
                country=country,
                sector=actor.sector,
                code=code,
            )
    if ctx.surnames:
        out = later_surnames(text, tokens, out, ctx)
    return _ethnic_residents(text, out)


_LEADS = re.compile(r",?\s+(?:which|who|that)\s+(?:leads|led|heads|headed|commands)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$")
_LED_BY = re.compile(r"\s+(?:led|headed|commanded)\s+by\s+(?:the\s+)?")


def _led_by(text: str, actor: Actor, out: list[Actor]) -> str | None:
    """The country of the state said to lead a body named without one: "Saudi Arabia, which leads a coalition
    backing the government", "a coalition led by the United States"."""
    others = [a for a in out if a.country and not a.members and a is not actor]
    before = _LEADS.search(text, max(0, actor.start - 60), actor.start)
    if before is not None:
        leader = next((a for a in reversed(others) if a.end == before.start()), None)
        if leader is not None:
            return leader.country
    after = _LED_BY.match(text, actor.end)
    if after is not None:
        leader = next((a for a in others if after.end() - 4 <= a.start <= after.end()), None)
        if leader is not None:
            return leader.country
    return None


def _town_before(text: str, tokens: Tokens, actor: Actor) -> str | None:
    """ "the Jenin refugee camp", "Kharkiv residents", "Idlib rebels": a town named right before an agent is where its
    people are (the country of the most populous town of that name), whatever the report's country."""
    at = bisect_left(tokens.starts, actor.start)
    if at == 0 or at >= len(tokens.starts) or tokens.starts[at] != actor.start:
        return None
    word = tokens.words[at - 1]
    if not word[:1].isupper() or text[tokens.ends[at - 1] : actor.start] != " ":
        return None
    if at >= 2 and tokens.words[at - 2][:1].isupper() and tokens.starts[at - 1] - tokens.ends[at - 2] == 1:
        return None  # "North Waziristan residents": a longer name than a town of one word
    return town_countries().get(word.lower())


def _seated_in(text: str, actor: Actor, nxt: Match, tokens: Tokens) -> str | None:
    """ "the defence ministry in Ankara", "officials in Kyiv": a state's body or people written with the capital
    they sit in are that state's, whatever country the report is about (organisations excepted: "UN officials in
    Damascus" stay the UN's). The capital's country, or None."""
    if nxt.entry.kind != "capital" or actor.sector in ("IGO", "NGO", "IMG"):
        return None
    return nxt.entry.country if text[actor.end : tokens.starts[nxt.first]].casefold() == " in " else None


def _of_capital(actor: Actor, country: str) -> Actor:
    name = display_name(country, actor.name, actor.text) if actor.name else None
    code = code_of(country, actor.code if actor.code and actor.code != actor.sector else actor.sector)
    return Actor(
        actor.start, actor.end, actor.text, name=name or actor.name, country=country, sector=actor.sector, code=code
    )


_ETHNIC = re.compile(r"\bethnic\s+$", re.IGNORECASE)
_LIVING_IN = re.compile(
    r"^\s+(?:of|in|from)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?$",
    re.IGNORECASE,
)


def _ethnic_residents(text: str, out: list[Actor]) -> list[Actor]:
    """'ethnic Albanians of southern Serbia', 'ethnic Russians in eastern Ukraine': a people named by "ethnic" and
    the country they live in is coded to that country (the state they live under), keeping its people sector."""
    for i in range(len(out) - 1):
        people, place = out[i], out[i + 1]
        if not (people.country and place.country and not place.sector and people.country != place.country):
            continue
        if not _ETHNIC.search(text[max(0, people.start - 12) : people.start]):
            continue
        if not _LIVING_IN.match(text[people.end : place.start]):
            continue
        code = code_of(place.country, people.sector) if people.sector else place.country
        out[i] = Actor(
            people.start,
            people.end,
            people.text,
            name=people.name,
            country=place.country,
            sector=people.sector,
            code=code,
        )
    return out


def _owned(text: str, tokens: Tokens, matches: list[Match], k: int, ctx: Context, out: list[Actor]) -> int:
    """A country, person, group or organisation, with the agent it owns if one follows; returns the next match."""
    starts, ends, n = tokens.starts, tokens.ends, len(matches)
    m = matches[k]
    e = m.entry
    chain = [m]
    j = k + 1
    # "Hungarian and Romanian officials", "Iranian, Russian and Turkish envoys": coordinated nationalities share
    # the agent that follows. A comma-only list counts only when a coordinator closes it.
    closed = True
    while e.kind == "demonym" and j + 1 < n and matches[j].entry.kind == "demonym":
        link = _demonym_link(text, tokens, chain[-1], matches[j])
        if link is None:
            break
        closed = link
        chain.append(matches[j])
        j += 1
    if not closed:
        chain, j = [m], k + 1
    nxt = matches[j] if j < n else None
    if nxt is not None and nxt.entry.kind == "agent" and _gap_ok(text, tokens, chain[-1].last, nxt.first):
        # Each nationality owns the head noun: "Russian and Turkish officials" is one compound actor of
        # RUS GOV + TUR GOV spanning the phrase (one party to the event, as coders read it), not two.
        # Adjacent agents after it are one, the last the head: "Syrian government aircraft" are SYR MIL.
        j, agent, run = _agent_run(text, tokens, matches, j, ctx)
        if run.sector != agent.sector:
            agent = replace(agent, sector=run.sector, code=None if run.code == run.sector else run.code)
        members: list[Actor] = []
        for owner_match in chain[:-1]:
            owner = single(owner_match.entry, starts[owner_match.first], ends[owner_match.last - 1], text, ctx.when)
            members.append(with_owner(owner, agent, owner.start, owner.end, text, owner_match.entry.kind))
        last = chain[-1]
        owner = single(last.entry, starts[last.first], ends[last.last - 1], text, ctx.when)
        actor = with_owner(owner, agent, owner.start, run.end, text, last.entry.kind)
        ctx.saw(nxt.entry, actor)  # "a Syrian military source": a later bare "the army" is Syria's too
        if agent.name != nxt.entry.name:
            ctx.saw(agent, actor)
        actor, j = titled(text, tokens, matches, j, actor, agent, ctx)
        out.append(compound([*members, actor], text) if members else actor)
        return j + 1
    if e.kind == "demonym":
        # "the Turkish-Syrian border": two nationality words in one are of no party when no agent follows
        j = k + 1
        while j < n and matches[j].entry.kind == "demonym" and _hyphened(text, tokens, matches[j - 1], matches[j]):
            j += 1
        if j > k + 1:
            return j
    s, t = starts[m.first], ends[m.last - 1]
    if e.kind == "org":
        # "UN Secretary-General Antonio Guterres", "Arab League Secretary General X": the first organisation
        # absorbs the organisations, titles and people written right after it.
        upto, j = m.last, k + 1
        while j < n and matches[j].first == upto and joined(text, tokens, upto - 1, upto + 1):
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


def _agent_run(text: str, tokens: Tokens, matches: list[Match], k: int, ctx: Context) -> tuple[int, Entry, Actor]:
    """Adjacent agents are one: "government troops" (MIL), "army spokesman" (MIL), "rebel commander" (REB).

    The second word is the head, but a first word naming an armed or international body keeps its sector.
    Returns the last match used, the entry whose title flag counts (the last) and the merged actor.
    """
    first = matches[k]
    entry = first.entry
    sector = entry.sector
    code = entry.code or entry.sector
    name = entry.name
    last = first.last
    while (
        k + 1 < len(matches)
        and matches[k + 1].entry.kind == "agent"
        and matches[k + 1].first == last
        and joined(text, tokens, last - 1, last + 1)
    ):
        k += 1
        entry = matches[k].entry
        if sector not in _KEEPS_SECTOR:
            sector, code, name = entry.sector, entry.code or entry.sector, entry.name
        elif entry.sector == sector:
            name = entry.name  # "rebel commander" of the rebels' own sector: the commander
        last = matches[k].last
    s, t = tokens.starts[first.first], tokens.ends[last - 1]
    # "separatist leaders", "army spokesman": one who speaks for the body of the first word is named by it
    return k, entry, Actor(s, t, text[s:t], name=name, sector=sector, code=code)


def _demonym_link(text: str, tokens: Tokens, a: Match, b: Match) -> bool | None:
    """How demonym b continues a list after a: True by "and"/"or" ("Russian, and Turkish" too), False by a comma
    alone ("Iranian, Russian"), None when it does not."""
    if b.first == a.last:
        between = text[tokens.ends[a.last - 1] : tokens.starts[b.first]]
        if between == "-":
            return True  # "Russian-Turkish patrols": one word naming both
        return False if between.strip() == "," else None
    if b.first != a.last + 1 or tokens.lows[a.last] not in COORDINATORS:
        return None
    before = text[tokens.ends[a.last - 1] : tokens.starts[a.last]].strip()
    after = text[tokens.ends[a.last] : tokens.starts[b.first]].strip()
    return True if before in ("", ",") and not after else None


def _hyphened(text: str, tokens: Tokens, a: Match, b: Match) -> bool:
    return b.first == a.last and text[tokens.ends[a.last - 1] : tokens.starts[b.first]] == "-"


def _of_between(tokens: Tokens, a: Match, b: Match) -> bool:
    """ "president of Armenia", "soldiers from Gondor": the agent belongs to the country after it."""
    between = tokens.lows[a.last : b.first]
    return between in (["of"], ["of", "the"], ["from"])


def _listed(text: str, tokens: Tokens, a: Match, b: Match) -> bool:
    """True when b continues a list after a: "Turkey, Russia and Iran"."""
    between = text[tokens.ends[a.last - 1] : tokens.starts[b.first]].replace(",", " ").split()
    return between in ([], ["and"], ["or"])
