"""Titles and names: "Defence Minister Hulusi Akar", "Interior Minister X of Jordan", "a spokesman for the
rebels", and a surname alone after its full mention.

A title with a country in the text is the evidence for that mention; a bare title before a known person lets the
person's office (checked against the date) speak; a title before an unknown name keeps the name.
"""

from __future__ import annotations

from bisect import bisect_left

from truceline.actors.build import Context, code_of, joined, single, with_owner
from truceline.actors.entries import Entry
from truceline.actors.matcher import Match, Tokens
from truceline.actors.words import NOT_NAMES, PARTICLES
from truceline.model import Actor


def of_country(
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


def speaks_for(
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


# People held, harmed or driven out by a body are not its members: "prisoners of the rebels", "civilians of X".
_NOT_MEMBERS = frozenset({"CVL", "REF", "CRM"})


def member_of(text: str, tokens: Tokens, matches: list[Match], k: int, actor: Actor, ctx: Context) -> tuple[Actor, int]:
    """ "rescue workers from the White Helmets", "fighters of the Front": a generic person noun followed by "of" or
    "from" + an organisation or armed group is that body's, whatever sector the noun alone has."""
    follower = matches[k]
    if actor.sector in _NOT_MEMBERS or follower.entry.kind not in ("org", "group"):
        return actor, k - 1
    first = bisect_left(tokens.starts, actor.end)
    if tokens.lows[first : follower.first] not in (["of"], ["of", "the"], ["from"], ["from", "the"]):
        return actor, k - 1
    after = matches[k + 1] if k + 1 < len(matches) else None
    if after is not None and after.first == follower.last and (after.entry.kind == "person" or after.entry.title):
        return actor, k - 1  # "an aide of UN Secretary-General X": the body is the person's title, X is the owner
    end = tokens.ends[follower.last - 1]
    body = single(follower.entry, tokens.starts[follower.first], end, text, ctx.when)
    return Actor(
        actor.start,
        end,
        text[actor.start : end],
        name=body.name,
        country=body.country,
        sector=body.sector,
        code=body.code,
    ), k


def titled(
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
        and joined(text, tokens, last - 1, last + 1)
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
            code = code_of(country, sector)
        else:
            country, sector, code = person.country, person.sector, person.code
        titled = Actor(
            actor.start, end, text[actor.start : end], name=person.name, country=country, sector=sector, code=code
        )
        ctx.people.setdefault(nxt.entry.name, titled)
        return titled, k + 1
    stop = nxt.first if nxt is not None else len(tokens.words)
    i = last
    while i < stop and i - last < 4 and joined(text, tokens, i - 1, i + 1):
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


def later_surnames(text: str, tokens: Tokens, actors: list[Actor], ctx: Context) -> list[Actor]:
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
