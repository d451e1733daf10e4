"""One act told twice in a report is one row: the lead's account and its retelling further down.

A report names its lead act again further down, often in the actor's own words ("agreed a truce last week" and then
"we signed the ceasefire in Moscow"; "the ministry said it had responded with air strikes" and then "our planes
carried out four strikes"). Event data codes one row per source, actor, target, type and day (the one-a-day rule);
`told_once` applies it to one report's events once they are all known: after a long report's parts are joined
(pipeline.py), so a report coded in parts and the same report coded whole get the same rows.

An act of the same type and manner by the same side, at no other target, place or toll, with no day of its own that
differs, told by the same source or by its actor, is that act again. A statement (a request, threat, accusation or
rejection) is an act of saying: the lead's summary ("Turkey urged Russia on Wednesday to act") and the quote further
down ("... and expect them to take measures," Erdogan said) are one act when the speaker is the same, by name, or
one side is the state itself, whose statement a minister's words are; two named speakers are two acts. A denial or
a negation matches only one of the same kind by the same claimant ("said a ceasefire had not been secured", then
the quote "it is not possible to say a ceasefire has been secured"); both only within ``SAID_AGAIN_CHARS`` of the
first telling, as the quote behind a lead follows it. A party with no country or a joint party never
matches: it cannot show it is the same side; nor does a sentence that names a time, even one the report's date
cannot resolve ("On Thursday, forces advanced" in a report dated to a month is a day of its own). The earlier row is
kept and takes the place or target the retelling adds; links to the retelling point to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from truceline.model import Actor, Event, Place, TimeRef

_STATEMENTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})
_UNSURE = frozenset({"negated", "denied"})
_UMBRELLA_WORDS = frozenset({"operation", "operations", "campaign", "campaigns"})
SHARED_WORDS = 2
SAID_AGAIN_CHARS = 1500  # a statement or denial retold: within this many characters of the first telling
_WORD = re.compile(r"[a-z]{4,}")
_WORD_ANY = re.compile(r"[a-z]+")


def told_once(events: Sequence[Event], times: Sequence[TimeRef]) -> list[Event]:
    """`events` (one report's, in order) without the retellings of an earlier act, renumbered, links kept."""
    starts = sorted(t.start for t in times if t.type in ("DATE", "TIME"))
    kept: list[Event] = []
    where: dict[int, int] = {}  # old index -> new index
    for event in events:
        lo = bisect_left(starts, event.sentence_start)
        timed = lo < len(starts) and starts[lo] < event.sentence_end
        event = salvo_doer(event, kept)
        j = None
        for find, merge in _RETELLINGS:  # the first rule that finds the act told again merges this telling into it
            j = find(event, kept, timed)
            if j is not None:
                kept[j] = merge(kept[j], event)
                break
        if j is None:
            where[event.index] = len(kept)
            kept.append(event)
        else:
            where[event.index] = j
    if len(kept) == len(events) and all(a is b for a, b in zip(kept, events, strict=True)):
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


def _told_before(event: Event, earlier: Sequence[Event], reach: int) -> Iterator[tuple[int, Event]]:
    """(index, act) of the acts `earlier` tells in sentences before `event`'s, nearest first, up to `reach`
    characters back (acts of its own sentence are the parse's to fold, not a retelling)."""
    for i in range(len(earlier) - 1, -1, -1):
        other = earlier[i]
        if other.sentence_end > event.sentence_start:
            continue
        if event.sentence_start - other.sentence_end > reach:
            return
        yield i, other


def _another_incident(event: Event) -> bool:
    """'In a separate incident', 'elsewhere', 'later': the sentence tells of another act."""
    return bool(_ANOTHER_INCIDENT & set(_WORD_ANY.findall(event.sentence.casefold())))


def told_again(event: Event, earlier: Sequence[Event], timed: bool = False) -> int | None:
    """The index in `earlier` of the act `event` tells again (the rules of the module docstring), or None."""
    if event.actor is None or event.actor.country is None or event.actor.members:
        return None
    for i in range(len(earlier) - 1, -1, -1):
        other = earlier[i]
        if other.type != event.type or not _same_mode(event, other) or not _same_stance(event, other):
            continue
        said = event.type in _STATEMENTS or event.stance in _UNSURE
        if said and event.sentence_start - other.sentence_end > SAID_AGAIN_CHARS:
            continue  # the quote behind a lead follows it closely; far apart, one may be said again another day
        if event.type in _STATEMENTS and not (_same_speaker(event, other) and _same_content(event, other)):
            continue
        if _umbrella(other) and event.mode != "general":
            continue  # "launched an operation", then "its jets shot down two warplanes": one act within it
        if other.actor is None or other.actor.members or _side(other.actor) != _side(event.actor):
            continue
        if event.recipient is not None and (
            other.recipient is None or other.recipient.country != event.recipient.country
        ):
            continue
        if event.place is not None and other.place is not None and not same_ground(event.place, other.place):
            continue
        if not _same_day(event, other, timed) or _other_toll(event, other) or not _same_teller(event, other):
            continue
        return i
    return None


_TOLL_WORDS = frozenset({"killed", "wounded", "injured", "hurt"})
_ANOTHER_INCIDENT = frozenset({"separate", "separately", "elsewhere", "another", "earlier", "later", "also"})
TOLL_AFTER_CHARS = 400  # a toll told again follows its attack closely: the next sentence or two


# "Dozens of militants were killed in the fighting": the act named again under the toll's "in the"
_IN_THE = re.compile(r"\b(?:killed|wounded|injured|hurt|died|dead)\b[^.;]*\bin\s+the\s+$", re.I)


def _before_trigger(event: Event) -> str:
    return event.sentence[: event.trigger.start - event.sentence_start]


def toll_told_again(event: Event, earlier: Sequence[Event], timed: bool = False) -> int | None:
    """The index in `earlier` of the attack whose toll `event` tells again, or None.

    "Shelling hit the post on Monday, the ministry said. Seven soldiers were among the dead, and nine others were
    wounded": a casualty verb with no doer of its own, no time, place or incident of its own, right after an attack
    and told by the same source, gives that attack's toll; it is no second act (and no act by its victims). Another
    source's toll is that source's claim and keeps its row. Its figures fill the ones the attack
    lacks; a figure the attack gives differently is another count (of another incident, or an update) and keeps its
    row."""
    if event.type != "ASSAULT":
        return None
    if event.trigger.text.casefold() not in _TOLL_WORDS and not _IN_THE.search(_before_trigger(event)):
        return None
    if event.actor is not None and not any(
        other.actor is not None and _name(other.actor) == _name(event.actor)
        for _i, other in _told_before(event, earlier, TOLL_AFTER_CHARS)
    ):
        return None  # a doer of its own; one lent by the act told before (merge.doer_told_before) is that act's
    if (event.killed is None and event.injured is None) or timed or event.stance in _UNSURE:
        return None
    if event.actor is not None and event.sentence_start <= event.actor.start < event.sentence_end:
        # "RSF gunmen killed 460 people at the hospital" after "the RSF seized the city": a doer the sentence names
        # itself tells an act of its own (one lent by the act before is named in an earlier sentence)
        return None
    if _another_incident(event):
        return None
    for i, other in _told_before(event, earlier, TOLL_AFTER_CHARS):
        if other.type not in ("ASSAULT", "FIGHT"):
            continue
        if other.stance in _UNSURE or (
            event.place is not None and (other.place is None or not same_ground(event.place, other.place))
        ):
            return None
        if event.claimed_by is not None and not (_same_teller(event, other) or _named_again(event, other)):
            return None  # "Israel's army said jets struck. The Hamas-run health ministry said four were killed."
        if event.claimed_by is None and event.stance == "claimed" and other.claimed_by is not None:
            return None  # "Baku said it took 60 posts. Karabakh's ombudsman said 32 were killed": a teller of its own
        for kind in ("killed", "injured"):
            a, b = getattr(event, kind), getattr(other, kind)
            if a is not None and b is not None and a.value != b.value:
                return None
        return i
    return None


# the attackers named again by what they are, as the subject of the next sentence's acts
_DOERS_AGAIN = frozenset(
    {"attackers", "assailants", "raiders", "gunmen", "fighters", "militants", "insurgents", "jihadists", "bandits"}
    | {"attacker", "assailant", "gunman", "bomber", "shooter", "suicide bomber"}
)
# "One missile struck the ship", "Two of the rockets hit a school": part of the salvo told before, as the subject
_PART_OF_A_SALVO = re.compile(
    r"^\s*(?:one|two|three|four|five|six|some|several|most|many)\s+(?:of\s+(?:the|them|those)\s+)?(?:[a-z-]+\s+)?"
    r"(?:missile|rocket|shell|strike|airstrike|air strike|drone|bomb|round|projectile)s?\s+$",
    re.I,
)
# "The missiles hit a residential area", "The shells landed near a school": the salvo itself named again
_THE_SALVO = re.compile(
    r"^\s*(?:the|these|those)\s+(?:[a-z-]+\s+)?(?:missile|rocket|shell|drone|bomb|projectile)s?\s+$", re.I
)
# "A fighter jet dropped bombs on the crowd", "An attack helicopter then fired on the area": the aircraft of an air
# strike told just before, doing it
_THE_CRAFT = re.compile(
    r"^\s*(?:a|an|the|one|two)\s+(?:[a-z-]+\s+){0,2}(?:jet|warplane|plane|aircraft|helicopter|gunship)s?\s+"
    r"(?:then\s+)?(?:dropped\s+|fired\s+|launched\s+)?$",  # "dropped bombs": the noun is the act
    re.I,
)
_NAMED_AGAIN = re.compile(
    r"\b(?:the|these|those)\s+(?:" + "|".join(sorted(_DOERS_AGAIN, key=len, reverse=True)) + r")\b", re.I
)
DETAIL_AFTER_CHARS = 400  # the account of an attack in detail follows it: the next sentence or two


def told_in_detail(event: Event, earlier: Sequence[Event], timed: bool = False) -> int | None:
    """The index in `earlier` of the attack `event` tells in detail, or None (also "One missile struck the ship"
    after "fired two missiles at a vessel": part of the salvo told before, with no doer of its own).

    "Suspected militants attacked a military base on Thursday, killing eight soldiers. The fighters detonated a car
    bomb at the gate before storming it": an attack whose doers are the attackers named again ("the fighters", "the
    gunmen"), told in the sentences right after an attack, on no other day and with no word of another incident,
    is that attack told in detail: one happening, one row. The attack takes what the detail adds and it lacks
    (place, target, figures, manner, its day when it had only the report's or the day it was told)."""
    actor = event.actor
    if event.type != "ASSAULT" or event.stance in _UNSURE:
        return None
    before = _before_trigger(event)
    named = f"{before}{event.trigger.text} "  # "One strike hit a tent": the trigger is the salvo's own word
    craft = bool(_THE_CRAFT.match(before))
    salvo = bool(_PART_OF_A_SALVO.match(before) or _PART_OF_A_SALVO.match(named) or _THE_SALVO.match(before) or craft)
    # the salvo named again may have been lent a doer by a claim told after it ("The missile struck the ship ...
    # A Houthi spokesman claimed the attack"): the words as written decide, not the actor they resolved to
    if not salvo and (actor is None or not _NAMED_AGAIN.search(before)):
        # "the attackers" may already have been lent the doer named before (merge.doer_told_before)
        return None
    if _another_incident(event):
        return None
    for i, other in _told_before(event, earlier, DETAIL_AFTER_CHARS):
        if other.type != "ASSAULT":
            continue
        if other.stance in _UNSURE or (craft and other.mode != "aerial"):
            return None
        theirs = other.actor.country if other.actor is not None else None
        if actor is not None and actor.country and theirs not in (None, actor.country):
            return None
        if timed and not _day_untold(other) and event.date != other.date:
            return None  # a day of its own that is not the attack's
        return i
    return None


AGREED_AGAIN_CHARS = 1500


def agreed_again(event: Event, earlier: Sequence[Event]) -> int | None:
    """'Ethiopia's government and Tigray forces agreed on Wednesday to a permanent cessation of hostilities ...
    Obasanjo said the two sides had agreed to orderly disarmament': the same two parties agreeing again in the
    report, with no day of its own, tell a term of the agreement told before, not a second agreement."""
    if event.type != "AGREE" or event.stance in _UNSURE or not _day_untold(event):
        return None
    mine = _dyad(event)
    if len(mine) != 2:
        return None  # two sides; three or more leaders meeting agree on several things (our gold codes each)
    for i, other in _told_before(event, earlier, AGREED_AGAIN_CHARS):
        if other.type == "AGREE" and other.stance not in _UNSURE and _dyad(other) == mine:
            return i
    return None


def _named_as(party: Actor, other: Actor | None) -> bool:
    """One party named twice ("the two sides agreed", each the other's counterpart: no recipient of its own)."""
    return other is not None and (party.name or party.text) == (other.name or other.text)


def _dyad(event: Event) -> frozenset[tuple[str | None, str | None]]:
    """The parties of an act as (country, sector) pairs: its actor's members, or its actor and recipient."""
    parties = [m for a in (event.actor, event.recipient) if a is not None for m in (a.members or (a,))]
    return frozenset((p.country, p.sector) for p in parties if p.country)


_CONFIRMING = re.compile(r"\b(?:confirm|confirmed|confirms|acknowledged|acknowledges|admitted|admits)\b", re.I)
CONFIRMED_AFTER_CHARS = 800


def confirmed(event: Event, earlier: Sequence[Event]) -> int | None:
    """'A spokesman confirmed that an air strike had taken place': an act of the kind told just before, with no
    doer, target, toll, place or day of its own, that someone confirms or acknowledges, is that act (the
    confirmation's teller stands beside the first telling's; the canonical event keeps both sources)."""
    if event.type != "ASSAULT" or event.stance in _UNSURE or not _day_untold(event):
        return None
    if any(x is not None for x in (event.actor, event.recipient, event.killed, event.injured, event.place)):
        return None
    if not _CONFIRMING.search(_before_trigger(event)):
        return None
    for i, other in _told_before(event, earlier, CONFIRMED_AFTER_CHARS):
        if other.type == event.type and other.stance not in _UNSURE:
            return i if _same_mode(event, other) or event.mode == "general" else None
    return None


_ONE_WEAPON = re.compile(r"\b(?:a|an|one|another)\s+(?:[a-z-]+\s+)?(drone|missile|rocket|shell)\s+$", re.I)
SALVO_REACH_CHARS = 600


def salvo_doer(event: Event, earlier: Sequence[Event]) -> Event:
    """'Russia launched 41 drones at Ukraine overnight ... In Kharkiv, a drone struck a residential building': a
    weapon of the kind a salvo told just before was made of, with no doer of its own, is that salvo's doer's. The
    strike keeps its own row (its town, its casualties)."""
    if event.type != "ASSAULT" or event.actor is not None:
        return event
    found = _ONE_WEAPON.search(_before_trigger(event))
    if found is None:
        return event
    weapon = found.group(1).casefold()
    for _i, other in _told_before(event, earlier, SALVO_REACH_CHARS):
        if other.type != "ASSAULT" or other.actor is None:
            continue
        if re.search(rf"\b{weapon}s\b", other.sentence, re.I):
            return replace(event, actor=other.actor)
    return event


_TOLL_FROM_THE = re.compile(r"\btoll\s+(?:from|in|of)\s+(?:the|this|that|last|[A-Z][a-z]+day's)\b", re.I)
_RISING = re.compile(r"\b(?:rose|risen|rises|climbed|climbs|reached|jumped|increased|stands|stood|grew)\b", re.I)
UPDATE_AFTER_CHARS = 800


def toll_updated(event: Event, earlier: Sequence[Event]) -> int | None:
    """'An Israeli strike on a school killed at least 30 people ... The death toll from the strike later rose to
    39': the act named again by a definite noun under a rising toll is the act told before, its figure the update.
    The index in `earlier` of that act, or None."""
    if event.type != "ASSAULT" or event.killed is None or event.stance in _UNSURE:
        return None
    if not rising_toll(event.sentence, event.trigger.start - event.sentence_start):
        return None
    for i, other in _told_before(event, earlier, UPDATE_AFTER_CHARS):
        if other.type != "ASSAULT" or other.killed is None:
            continue
        if event.actor is not None and other.actor is not None and event.actor.country != other.actor.country:
            return None
        return i if other.killed.value <= event.killed.value else None
    return None


def rising_toll(sentence: str, trigger_at: int) -> bool:
    """The act at `trigger_at` is named under a toll that rose ("The death toll from the strike later rose to 39")."""
    return bool(_TOLL_FROM_THE.search(sentence[:trigger_at]) and _RISING.search(sentence))


def with_update(attack: Event, update: Event) -> Event:
    """The act with its toll as updated later in the report (the update is the report's latest count), and a
    finer place when the update names one."""
    place = _finer_place(attack.place, update.place)
    return replace(attack, killed=update.killed, injured=update.injured or attack.injured, place=place)


def with_detail(attack: Event, detail: Event) -> Event:
    """The attack with what its account in detail adds: a place, target, figures or manner it lacked, and the day
    the detail gives when the attack had only the report's."""
    changes = {
        name: getattr(detail, name)
        for name in ("recipient", "killed", "injured")
        if getattr(attack, name) is None and getattr(detail, name) is not None
    }
    place = _finer_place(attack.place, detail.place)
    if place is not attack.place:
        changes["place"] = place
    if attack.mode == "general" and detail.mode != "general":
        changes["mode"] = detail.mode
    if _day_untold(attack) and not _day_untold(detail):
        changes.update(
            time=detail.time, date=detail.date, date_precision=detail.date_precision, date_from_publication=False
        )
    return replace(attack, **changes) if changes else attack


_AREAS = frozenset({"country", "admin1", "admin2", "district", "region", "zone", "province", "state"})


def _day_untold(event: Event) -> bool:
    """The act's own day is not told: it is dated by the report, or by the day it was told ("police said on
    Sunday": reported by then)."""
    return event.date_from_publication or event.date_precision == "reported by"


def _finer_place(kept: Place | None, told: Place | None) -> Place | None:
    """The place a later telling gives when the act had none, or when it lies inside the act's coarser one ("in
    southern Somalia", then "in Lower Shabelle"; the Gaza Strip, then a town); else the act's own."""
    if told is None or kept is None:
        return kept or told
    if kept.country != told.country:
        return kept
    if kept.precision != told.precision:
        return told if kept.precision > told.precision else kept
    return told if kept.feature in _AREAS and told.feature not in _AREAS else kept


NEAR_KM = 15.0  # two towns this close are one ground: a city and its district ("Port-au-Prince", "Delmas")


def same_ground(a: Place, b: Place) -> bool:
    """Two places a telling of one act may give: the same name, a country or region and a place within it, or towns
    of one country within NEAR_KM of each other (a city and a district of it, named by different sources or
    sentences)."""
    if a.name == b.name:
        return True
    if a.country != b.country:
        return False
    if a.feature == "country" or b.feature == "country":
        return True  # "in southern Lebanon", then "near the village of Naqoura": a place within the country told
    if a.feature in _AREAS or b.feature in _AREAS:
        return bool(a.admin1) and a.admin1 == b.admin1  # a region, and a town in it
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return _km(a, b) <= NEAR_KM


def _km(a: Place, b: Place) -> float:
    import math

    lat1, lon1, lat2, lon2 = (math.radians(x or 0.0) for x in (a.lat, a.lon, b.lat, b.lon))  # checked not None
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _named_again(event: Event, other: Event) -> bool:
    """The later teller is the earlier one named again by its head word ("the defence ministry said ...", then
    "according to the ministry"), whatever country each mention was given."""
    if event.claimed_by is None or other.claimed_by is None:
        return False
    words = event.claimed_by.text.casefold().removeprefix("the ").split()
    return len(words) == 1 and words[0] in other.claimed_by.text.casefold().split()


def with_toll(attack: Event, toll: Event) -> Event:
    """The attack with the figures its retold toll gives and it lacks (not the toll's party: its victims are often
    "others", with the ministry the figure is attributed to nearer than any side)."""
    changes = {name: getattr(toll, name) for name in ("killed", "injured") if getattr(attack, name) is None}
    changes = {k: v for k, v in changes.items() if v is not None}
    return replace(attack, **changes) if changes else attack


def _same_stance(event: Event, other: Event) -> bool:
    """An act told as fact or claim matches either; a denial or negation only one of its kind by the same claimant."""
    if event.stance not in _UNSURE and other.stance not in _UNSURE:
        return True
    return event.stance == other.stance and _name(event.claimed_by) == _name(other.claimed_by)


def _same_speaker(event: Event, other: Event) -> bool:
    """One speaker: the same name, or one of the two is the state itself ("Turkey said", then its minister's words)."""
    if event.actor is None or other.actor is None:
        return False
    return _name(event.actor) == _name(other.actor) or _state_itself(event.actor) or _state_itself(other.actor)


def _same_content(event: Event, other: Event) -> bool:
    """Two statements say the same when they are told in one sentence ("warned that its forces would hit back") or
    their sentences share at least ``SHARED_WORDS`` words of content beyond the speakers' names and the verbs that
    tell them: "forces are violating the ceasefire agreement" and "the regime is violating the ceasefire despite
    the agreement" do; "gave the army until the end of the month to pull back" and "we will hit back at whoever
    targets our soldiers" are two threats."""
    if event.sentence_start == other.sentence_start:
        return True
    return len(_content_words(event) & _content_words(other)) >= SHARED_WORDS


def _content_words(event: Event) -> set[str]:
    told = {event.trigger.text.casefold()}
    for actor in (event.actor, event.recipient, event.claimed_by):
        if actor is not None:
            told |= set(_WORD.findall((actor.name or actor.text).casefold()))
    return {w for w in _WORD.findall(event.sentence.casefold()) if w not in STOP_WORDS and w not in told}


def _name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text).casefold() if actor is not None else None


def _state_itself(actor: Actor) -> bool:
    """A country named as an actor ("Turkey", "Ankara") or its government as a whole."""
    text = actor.text.casefold().removeprefix("the ")
    return text in _country_forms() or text.endswith(" government")


@cache
def _country_forms() -> frozenset[str]:
    """Every name and capital of the packaged countries table, folded."""
    from truceline.actors.loading import country_entries

    return frozenset(form.casefold() for entry in country_entries() for form in (entry.name, *entry.forms))


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
    """The earlier telling with what the later one adds: a target it lacked, a place it lacked or one within its
    coarser one ("in southern Lebanon", then "near the village of Naqoura")."""
    changes = {name: getattr(again, name) for name in ("recipient",) if getattr(kept, name) is None}
    changes = {k: v for k, v in changes.items() if v is not None and not _named_as(v, kept.actor)}
    place = _finer_place(kept.place, again.place)
    if place is not kept.place:
        changes["place"] = place
    return replace(kept, **changes) if changes else kept


_Find = Callable[[Event, Sequence[Event], bool], "int | None"]


def _untimed(find: Callable[[Event, Sequence[Event]], int | None]) -> _Find:
    return lambda event, kept, _timed: find(event, kept)


# the retelling rules of told_once, in order: (the act a telling tells again, or None; that act with what it adds)
_RETELLINGS: tuple[tuple[_Find, Callable[[Event, Event], Event]], ...] = (
    (told_again, fill_from),
    (toll_told_again, with_toll),
    (told_in_detail, with_detail),
    (_untimed(agreed_again), fill_from),
    (_untimed(confirmed), with_detail),
    (_untimed(toll_updated), with_update),
)
