"""What an event does to the agreement its sentence names (announcement, in force, violation, accusation, denial,
observance, extension, collapse, rejection, or mention), and what a report's own rows say about its agreements: the
days its sentences and its agreeing are dated to, and the place it is mostly about."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from truceline.timex.calendar import value_interval

PlaceKey = tuple[str, Any, bool]  # a place's name, its country (or None) and whether it is a country

ANNOUNCE = re.compile(r"\b(agreed|agree|signed|sign|announced|announce|declared|declare|brokered|reached)\b", re.I)
IN_FORCE = re.compile(r"\b(took effect|in force|took hold|came into force|has held|have held)\b", re.I)
TAKES_EFFECT = re.compile(r"\b(take effect|takes effect|took effect|in force|came into force|took hold)\b", re.I)
# not "fighting broke out": a breaking out breaks nothing
VIOLATION = re.compile(
    r"\b(violat\w*|breach\w*|broke|break\w*|not abiding|failing to honour|flout\w*)\b(?!\s+out\b)", re.I
)
# not "a Moscow-brokered ceasefire ended the 2020 war": a truce that ends the fighting is not itself ended (though
# "the junta ended a 2015 peace agreement" ended one)
COLLAPSE = re.compile(
    r"\b(was over|is over|collapsed|collapses|"
    r"(?:ended|ends)(?!\s+(?:\S+\s+){0,3}?(?:wars?|conflict|fighting|hostilities|clashes|violence|bloodshed)\b)|"
    r"end of the truce|resumed military operations|expired|expires|lapsed)\b",
    re.I,
)
EXTEND = re.compile(r"\b(additional protocol to|protocol to|extended|extension of|prolonged)\b", re.I)
ACCUSE = re.compile(r"\b(accus\w*|blam\w*|charge\w*|alleg\w*)\b", re.I)


def relation_of(event: Mapping[str, Any], sentence: str) -> str:
    """What an event does to the agreement its sentence names."""
    cease = event.get("ceasefire")
    stance = event.get("stance")
    if stance == "denied":
        return "denial"
    if COLLAPSE.search(sentence) and not VIOLATION.search(sentence) and event.get("type") in ("ASSAULT", "REJECT"):
        return "collapse"  # "fighting broke out after the truce expired": fighting once it is over breaks nothing
    # an agreeing is not a violation though its sentence goes on to one ("agreed last September ... but since then
    # hundreds were killed in violations of the ceasefire")
    if cease == "violated" or (VIOLATION.search(sentence) and event.get("type") != "AGREE"):
        return (
            "accusation"
            if event.get("type") == "ACCUSE" or stance == "claimed" or ACCUSE.search(sentence)
            else "violation"
        )
    if COLLAPSE.search(sentence) and (event.get("type") in ("ASSAULT", "REJECT") or cease in ("rejected",)):
        return "collapse"
    if event.get("type") == "REJECT" and re.search(r"\b(criticism|accusation|charge|claim)s?\b", sentence, re.I):
        return "denial"  # "the Kremlin rejected the criticism, saying it remained committed to the memorandum"
    if cease == "rejected" or event.get("type") == "REJECT":
        return "rejection"
    if cease == "extended" or (EXTEND.search(sentence) and event.get("type") == "AGREE"):
        # "were working to extend the pause": an extension sought is talk of one, not one made
        return "extension" if stance in ("asserted", "claimed") else "mention"
    agreeing = cease in ("agreed", "declared") or event.get("type") == "AGREE"
    if agreeing and stance in ("asserted", "claimed") and ANNOUNCE.search(sentence) and not IN_FORCE.search(sentence):
        return "announcement"
    if event.get("type") in ("ASSAULT", "COERCE") and IN_FORCE.search(sentence):
        return "accusation" if stance == "claimed" else "violation"  # an attack "since the ceasefire took effect"
    if IN_FORCE.search(sentence):
        return "in force"
    if cease == "observed":
        return "observance"
    return "mention"


def sentence_days(span: tuple[int, int], events: Sequence[Mapping[str, Any]]) -> list[tuple[date, date]]:
    """The days the events of a sentence are dated to (what a sentence announcing an agreement dates it by)."""
    out = []
    for e in events:
        value = str(e.get("date") or "")
        # a day, not a span written from one ("2018-06-12/2019-06-12": the readings of a day named without its year)
        if (
            in_span(e, span)
            and re.match(r"^\d{4}-\d{2}-\d{2}(T|$)", value)
            and e.get("date_precision") != "reported by"
        ):
            day = date.fromisoformat(value[:10])
            if (day, day) not in out:
                out.append((day, day))
    return out


def agreeing_intervals(span: tuple[int, int], events: Sequence[Mapping[str, Any]]) -> list[tuple[date, date]]:
    """The days or weeks the sentence's agreeing events are dated to ("a week after ... agreed to a permanent
    cessation of hostilities": the week before), whatever else the sentence dates ("accused on Thursday")."""
    out = []
    for e in events:
        agreeing = e.get("type") == "AGREE" or e.get("ceasefire") in ("agreed", "declared")
        value = e.get("date")
        if not (agreeing and in_span(e, span) and isinstance(value, str)) or e.get("date_precision") == "reported by":
            continue
        first, last, _ = value_interval(value)
        if first is not None and last is not None and (last - first).days <= 31 and (first, last) not in out:
            out.append((first, last))
    return out


def agreement_days(events: Sequence[Mapping[str, Any]]) -> list[date]:
    """The days a report's asserted agreeing is dated to by its own words ("agreed on Thursday")."""
    days = []
    for e in events:
        value = str(e.get("date") or "")
        if (
            e.get("type") == "AGREE"
            and e.get("stance") == "asserted"
            and e.get("date_precision") == "day"
            and not e.get("date_from_publication")
            and re.match(r"^\d{4}-\d{2}-\d{2}", value)
        ):
            day = date.fromisoformat(value[:10])
            if day not in days:
                days.append(day)
    return days


def _place_counts(extractions: Sequence[Mapping[str, Any]]) -> tuple[dict[PlaceKey, int], dict[PlaceKey, int]]:
    """How often each place (name, country, whether a country) is named, and where first."""
    counts: dict[PlaceKey, int] = {}
    first: dict[PlaceKey, int] = {}
    for m in extractions:
        if m["layer"] != "place":
            continue
        data = m["data"]
        key = (str(data.get("name") or m["text"]), data.get("country"), data.get("feature") == "country")
        counts[key] = counts.get(key, 0) + 1
        first[key] = min(first.get(key, 10**9), int(m["start"]))
    return counts, first


def report_zone(extractions: Sequence[Mapping[str, Any]]) -> tuple[str | None, str | None]:
    """The place a report is mostly about: its most named place below country level (else country)."""
    counts, first = _place_counts(extractions)
    if not counts:
        return None, None
    # a tie goes to the place named first (the lead's), not to the one last in the alphabet
    best = max(counts, key=lambda k: (not k[2], counts[k], -first[k]))
    return best[0], best[1]


def places_by_count(extractions: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(place, its country) of a report's places with a country, the most named first (a tie: the first named)."""
    counts, first = _place_counts(extractions)
    ranked = sorted((k for k in counts if k[1]), key=lambda k: (-counts[k], first[k]))
    return list(dict.fromkeys((name, str(country)) for name, country, _ in ranked))


def in_span(event: Mapping[str, Any], span: tuple[int, int]) -> bool:
    start = event.get("start_char")
    return isinstance(start, int) and span[0] <= start < span[1]


def countries_of(actor: Mapping[str, Any]) -> list[str]:
    found = [actor.get("country")] + [m.get("country") for m in actor.get("members") or []]
    return [str(c) for c in found if c]
