"""Where an event happened: one place per event, chosen from the places of its sentence.

A sentence often names several places: the actor's country ("Turkey said"), the speaker's city ("told reporters
in Ankara"), an origin ("a Britain-based monitor") and the scene ("strikes in Saraqib"). GDELT-style "first place
in the sentence" pins are wrong most of the time, so we score: a locative cue (in/at/near/east of) and closeness
to the trigger, best after it, count for; origins, possessive countries and bare subject countries count against.
The precision follows ACLED's geo_precision: "near X"/"east of X" is 2, a region 3, a country 4.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from truceline.model import Place

SCENE_CUES = {
    "in": 3.0, "at": 3.0, "near": 3.0, "outside": 3.0, "around": 3.0, "inside": 3.0, "of": 3.0, "on": 2.0,
    "across": 2.5, "throughout": 2.5, "into": 2.0, "within": 2.5, "along": 2.5, "over": 1.5, "off": 2.0,
    "through": 1.5, "to": 0.5, "towards": 0.5, "toward": 0.5, "speech": 0.5,
}  # fmt: skip
PLAIN_LOCATIVES = frozenset(
    ("in", "at", "near", "outside", "around", "inside", "across", "throughout", "within", "through")
)
NEAR_CUES = frozenset(("near", "outside", "around", "along", "off"))
# An origin ("the Britain-based monitor", "a group based in London"), a possessive ("Aleppo's governor") and the
# dateline (where the reporter filed from) are never the scene.
EXCLUDED_CUES = frozenset(("based", "from", "possessive", "dateline"))
MIN_SCORE = 1.0
# How far (in characters) a scene may sit from its trigger; beyond this it belongs to another clause, and no
# place is better than a wrong one.
AFTER_WINDOW = 120
BEFORE_WINDOW = 80


def _score(place: Place, trigger_start: int) -> float | None:
    cue = place.cue or ""
    if cue in EXCLUDED_CUES:
        return None
    distance = place.start - trigger_start
    if not -BEFORE_WINDOW <= distance <= AFTER_WINDOW:
        return None  # "attacks ..., adding that despite agreements in Sochi": another clause's place
    score = 3.0 if cue.endswith(" of") else SCENE_CUES.get(cue, 0.0)
    if score == 0.0 and (distance < 0 or place.feature == "country"):
        return None  # a bare name before the trigger is the actor ("Turkey said"), not the scene
    if place.feature in ("country", "capital") and cue not in PLAIN_LOCATIVES and not cue.endswith(" of"):
        return None  # "pressure on Ankara", "talks with Moscow": the government, not the scene
    # Places right after the trigger are its arguments ("strikes in Saraqib"); a far one is another clause's.
    score += 2.0 - min(abs(distance), 200) / 100 if distance >= 0 else 1.0 - min(-distance, 200) / 100
    score += 0.3 * (4 - (place.precision if place.resolved else 2))
    return score


def _start(place: Place) -> int:
    return place.start


def _with_precision(place: Place, places: Sequence[Place]) -> Place:
    cue = place.cue or ""
    if not place.resolved:
        region = next((p for p in places if p.resolved and place.region and p.name == place.region), None)
        if region is not None:
            # Unknown village, known province: pin the province, say it is only "part of a region".
            return replace(place, lat=region.lat, lon=region.lon, country=place.country or region.country,
                           admin1=region.name, precision=2)  # fmt: skip
        return place
    if place.feature == "country":
        return replace(place, precision=4)
    if place.feature == "admin1":
        return replace(place, precision=3)
    if cue in NEAR_CUES or cue.endswith(" of"):
        return replace(place, precision=max(place.precision, 2))
    return place


def choose_event_place(
    places: Sequence[Place], sentence_start: int, sentence_end: int, trigger_start: int, statement: bool = False
) -> Place | None:
    """The scene, or None when no place of the sentence is one (then None is the right answer, not a gap).

    `statement`: the event is a statement or meeting; its sentence's dateline city is then where it took place,
    if the sentence names no other candidate.
    """
    best: tuple[float, int, Place] | None = None
    dateline: Place | None = None
    # `places` are in text order (as find_places returns them): the sentence's are found by bisection, not by
    # scanning every place of the report for every event
    within = places[bisect_left(places, sentence_start, key=_start) : bisect_right(places, sentence_end, key=_start)]
    for place in within:
        if place.start < sentence_start or place.end > sentence_end:
            continue
        if place.cue == "dateline" and place.feature != "country":
            dateline = dateline or place
        score = _score(place, trigger_start)
        if score is None or score < MIN_SCORE:
            continue
        if best is None or score > best[0]:
            best = (score, -place.start, place)
    if best is None and statement and dateline is not None:
        return dateline
    return _with_precision(best[2], places) if best else None
