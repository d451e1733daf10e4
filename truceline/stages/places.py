"""Stage 6, places: toponyms found with the offline gazetteer (and NER), resolved with the report's focus.

The work lives in `truceline.geo`; this module is the stage contract the pipeline calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from truceline.geo import gazetteer
from truceline.geo.event import choose_event_place
from truceline.geo.ner import merge_ner
from truceline.geo.recognise import recognise
from truceline.geo.resolve import resolve
from truceline.model import Place


def find_places(text: str, *, focus: Sequence[str] = (), ner: Sequence[tuple[int, int, str]] = ()) -> list[Place]:
    """Every place named in `text`, resolved when the gazetteer knows it; `focus` = ISO-3 codes the report is about.

    Unknown names found by a pattern ("the village of X") stay as `Place(resolved=False)` with their region; they
    never empty the rest. The gazetteer is loaded once per process, on the first call.
    """
    if not text or not text.strip():
        return []
    gaz = gazetteer.get()
    found = recognise(text, gaz)
    if ner:
        merge_ner(found, text, ner, gaz)
    return resolve(found, gaz, text, focus)


# sectors of bodies whose names may hold a place's ("the International Committee of the Red Cross", "the Kurdistan
# Workers' Party", "the Syrian Observatory for Human Rights in London" keeps London: it lies outside the name)
_NAMED_BODIES = frozenset({"IGO", "NGO", "REB", "IMG", "MED", "PTY", "OPP"})


def outside_names(
    found: Sequence[Place], actors: Sequence[Any], person: Callable[[Any], bool] | None = None
) -> list[Place]:
    """The places that are not words of an organisation's or group's own name the actors stage found around them,
    nor of a person's name (`person` tells which actors the dictionary knows as people: "prompting Petro to suspend
    talks" is Colombia's president, not Petros, a village in the United States; "al-Sisi" is no town in Greece)."""
    names = [
        (a.start, a.end)
        for a in actors
        if a.sector in _NAMED_BODIES
        and not a.members
        and a.code not in (None, a.sector, f"{a.country or ''}{a.sector}")
    ]  # a body of its own code ("NGOHLHIRC"), not rebels or civilians of a country ("SYRREB")
    people = [a for a in actors if not a.members and a.name and person is not None and person(a)]
    return [
        p
        for p in found
        if not any(lo <= p.start and p.end <= hi and (lo, hi) != (p.start, p.end) for lo, hi in names)
        and not any(_in_the_name(p, a) for a in people)
    ]


def _in_the_name(place: Place, person: Any) -> bool:
    """The place's words are of the person's own name, within the words that name them ("Petro" of Gustavo Petro);
    a place in their title stays one ("US Defence Secretary Robert Gates", "New York Mayor Michael Bloomberg")."""
    if not (person.start <= place.start and place.end <= person.end):
        return False
    return place.text.lower() in person.name.lower()


def event_place(
    places: Sequence[Place], sentence_start: int, sentence_end: int, trigger_start: int, *, statement: bool = False
) -> Place | None:
    """The place where an event in this sentence happened (not merely one named in it), or None.

    None means no place of the sentence is the scene: not the dateline (where the reporter was), an origin
    ("X-based"), a possessive ("X's") or a government ("pressure on Ankara"). Pass `statement=True` for
    statements and meetings: their dateline city counts when the sentence offers nothing else.
    """
    return choose_event_place(places, sentence_start, sentence_end, trigger_start, statement)
