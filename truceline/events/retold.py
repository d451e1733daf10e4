"""One act told twice in a report is one row: the lead's account and its retelling further down.

A report names its lead act again further down, often in the actor's own words ("agreed a truce last week" and then
"we signed the ceasefire in Moscow"; "the ministry said it had responded with air strikes" and then "our planes
carried out four strikes"). Event data codes one row per source, actor, target, type and day (the one-a-day rule);
`told_once` applies it to one report's events once they are all known: after a long report's parts are joined
(pipeline.py), so a report coded in parts and the same report coded whole get the same rows.

An act of the same type and manner by the same side, at no other target, place or toll, with no day of its own that
differs, told by the same source or by its actor, is that act again. A statement (a request, threat, accusation or
rejection) is an act of saying, and a quote after a summary of it may be another: those are left alone. A party
with no country, a joint party, a denial or a negation never matches: they cannot show it is the same side or act;
nor does a sentence that names a time, even one the report's date cannot resolve ("On Thursday, forces advanced" in
a report dated to a month is a day of its own). The earlier row is kept and takes the place or target the
retelling adds; links to the retelling point to it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from truceline.model import Actor, Event, TimeRef

_STATEMENTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})
_UNSURE = frozenset({"negated", "denied"})
_UMBRELLA_WORDS = frozenset({"operation", "operations", "campaign", "campaigns"})


def told_once(events: Sequence[Event], times: Sequence[TimeRef]) -> list[Event]:
    """`events` (one report's, in order) without the retellings of an earlier act, renumbered, links kept."""
    starts = sorted(t.start for t in times if t.type in ("DATE", "TIME"))
    kept: list[Event] = []
    where: dict[int, int] = {}  # old index -> new index
    for event in events:
        lo = bisect_left(starts, event.sentence_start)
        timed = lo < len(starts) and starts[lo] < event.sentence_end
        j = told_again(event, kept, timed)
        if j is None:
            where[event.index] = len(kept)
            kept.append(event)
        else:
            where[event.index] = j
            kept[j] = fill_from(kept[j], event)
    if len(kept) == len(events):
        return list(events)
    out = []
    for i, event in enumerate(kept):
        links = []
        for relation, target in event.links:
            moved = (relation, where.get(target, target))
            if moved[1] != i and moved not in links:
                links.append(moved)
        out.append(replace(event, index=i, links=tuple(links)))
    return out


def told_again(event: Event, earlier: Sequence[Event], timed: bool = False) -> int | None:
    """The index in `earlier` of the act `event` tells again (the rules of the module docstring), or None."""
    if event.type in _STATEMENTS or event.stance in _UNSURE:
        return None  # each statement is an act of saying: a quote after the lead's summary may be another one
    if event.actor is None or event.actor.country is None or event.actor.members:
        return None
    for i in range(len(earlier) - 1, -1, -1):
        other = earlier[i]
        if other.type != event.type or other.stance in _UNSURE or not _same_mode(event, other):
            continue
        if _umbrella(other) and event.mode != "general":
            continue  # "launched an operation", then "its jets shot down two warplanes": one act within it
        if other.actor is None or other.actor.members or _side(other.actor) != _side(event.actor):
            continue
        if event.recipient is not None and (
            other.recipient is None or other.recipient.country != event.recipient.country
        ):
            continue
        if event.place is not None and other.place is not None and event.place.name != other.place.name:
            continue
        if not _same_day(event, other, timed) or _other_toll(event, other) or not _same_teller(event, other):
            continue
        return i
    return None


def _same_mode(event: Event, other: Event) -> bool:
    """Air strikes and a ground offensive by one side are two acts; a mode left general says nothing either way."""
    return event.mode == other.mode or "general" in (event.mode, other.mode)


def _umbrella(event: Event) -> bool:
    """An operation or campaign named as a whole holds many acts: a specific one (air, ground, shelling) told
    after it is one of them, not the whole retold."""
    return event.mode == "general" and event.trigger.text.lower() in _UMBRELLA_WORDS


def _side(actor: Actor) -> tuple[str | None, str | None]:
    """A country's government and its forces are one side ("the defence ministry said it had responded with air
    strikes", then "its planes carried out four strikes"); its rebels or civilians are another."""
    return actor.country, "STATE" if actor.sector in (None, "GOV", "MIL") else actor.sector


def _same_teller(event: Event, other: Event) -> bool:
    """Told by the same source (the writer, or the same side's speaker), or by the actor of its own act ("we signed
    the ceasefire"): a side's claim about another's act is not the writer's account of it retold."""
    mine = event.claimed_by.country if event.claimed_by is not None else None
    theirs = other.claimed_by.country if other.claimed_by is not None else None
    own = event.actor is not None and mine is not None and mine == event.actor.country
    return mine == theirs or own


def _same_day(event: Event, other: Event, timed: bool) -> bool:
    return (event.date_from_publication and not timed) or (event.time is not None and event.date == other.date)


def _other_toll(event: Event, other: Event) -> bool:
    for kind in ("killed", "injured"):
        a, b = getattr(event, kind), getattr(other, kind)
        if a is not None and (b is None or a.value != b.value):
            return True
    return False


def fill_from(kept: Event, again: Event) -> Event:
    """The earlier telling with what the later one adds: a place or a target it lacked."""
    changes = {name: getattr(again, name) for name in ("place", "recipient") if getattr(kept, name) is None}
    changes = {k: v for k, v in changes.items() if v is not None}
    return replace(kept, **changes) if changes else kept
