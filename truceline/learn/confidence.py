"""A calibrated confidence on every row: each event, its actors, date, place and casualty figures, every time
expression and the publication date.

One pass after the per-article stages (`annotate`, called once by the pipeline) reads signals the stages already
leave in their output (truceline/learn/signals.py) and maps them to probabilities:

| field | what the probability is of | signals |
|---|---|---|
| event | the row is an event of this type a coder would code | how the trigger was found (verb, noun), stance, reported speech, denial, arguments found, events in the sentence, the classifier's `type_probability` when present |
| actor | its country/code is right for its role (actor, recipient, claimant) | dictionary entry, NER only, an unnamed common noun, compound, outside the sentence (coreference), kind of entry, country taken from the story, side of and distance to the trigger |
| date | the event's date is right (a "reported by" date: the clause names no other time) | from the clause, from the speech verb, from the publication window; the time's own confidence; another time in the sentence left unattached; the publication date's precision and confidence |
| time | a time expression's value is right | type, precision, relative or absolute, modifier, digits, month or weekday names, unresolved parts |
| place | it lies within 161 km of the place meant | resolved or not, gazetteer row, feature, precision, cue word, how many places share the name and in how many countries, whether the most populous was taken |
| quantity | the figure is the incident's toll of its kind | qualifier, cumulative, attributed, vague, a toll word, the figure's rank among the report's figures, whether the report's incident total equals it |
| pubdate | the true publication day lies in [earliest, latest] | precision, width of the interval, the kinds of evidence in its chain |

Each field's model is a logistic regression over those named signals (`truceline.learn.calibration.FieldModel`),
fitted on gold sets and shipped in `truceline/data/models/calibration.json`; refit it with
`.venv/bin/python bench/fit_calibration.py` (see that script for the sets and parts used). A field the file does
not hold falls back to `PRIOR`, hand-set weights written before any fitting (the "uncalibrated heuristic" the
calibration is measured against). Confidences are rounded to three decimals.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from truceline.errors import ModelError
from truceline.learn.calibration import FieldModel
from truceline.learn.signals import (
    actor_signals,
    date_signals,
    event_signals,
    place_signals,
    pubdate_signals,
    quantities_signals,
    time_signals,
)
from truceline.model import Actor, Analysis, Event, Place, PubDate, Quantity, TimeRef
from truceline.text import StartIndex

FIELDS: tuple[str, ...] = ("event", "actor", "date", "time", "place", "quantity", "pubdate")
MODEL_PATH: Path = Path(__file__).resolve().parents[1] / "data" / "models" / "calibration.json"
FORMAT = "truceline-calibration-1"


# Hand-set before any fitting: base rates and the direction of each signal as we expected them.
PRIOR: dict[str, FieldModel] = {
    "event": FieldModel(
        1.0,
        {
            "trigger=noun": -0.6,
            "stance=claimed": -0.2,
            "speech_trigger": -0.4,
            "sentence_events=3": -0.3,
            "sentence_events=4": -0.6,
            "actor=none": -0.3,
            "type_logit": 0.8,
        },
    ),
    "actor": FieldModel(
        1.2,
        {
            "source=ner": -1.2,
            "source=unnamed": -1.5,
            "source=compound": -0.3,
            "coref": -0.6,
            "story_country": -0.5,
            "has_country": 0.3,
        },
    ),
    # A "reported by" date claims only that the act happened by then and the clause names no better date: sure when
    # the report's own date is, unless the sentence names a time the clause was not given (the commonest date error
    # in real reports, issue 10). A date read from the clause is as sure as the time expression's value, less so
    # when it only bounds the act ("since April 28").
    "date": FieldModel(
        0.5,
        {
            "time_logit": 0.8,
            "date_source=speech": -0.3,
            "date_source=publication": 1.0,
            "pub_logit": 0.5,
            "other_time_in_sentence": -1.5,
            "date_bound": -1.0,
            "future": -0.3,
        },
    ),
    "time": FieldModel(
        1.8,
        {
            "unresolved_part": -1.0,
            "anchored": -0.4,
            "type=DURATION": -0.3,
            "type=SET": -0.5,
            "year_digits": 0.5,
            "ref_value": -0.3,
        },
    ),
    "place": FieldModel(
        1.8,
        {"unresolved": -2.5, "candidates=6+": -0.6, "countries=3+": -0.5, "most_populous": 0.3, "cue=dateline": 0.5},
    ),
    "quantity": FieldModel(
        0.4,
        {"cumulative": -1.5, "qualifier=exact": 0.3, "weak": -1.0, "is_total": 0.8, "figure_rank=2+": -0.4},
    ),
    "pubdate": FieldModel(
        0.8,
        {
            "precision=day": 0.6,
            "evidence=html": 0.4,
            "evidence=dateline": 0.5,
            "evidence=ignored": -0.4,
            "evidence=story": -0.6,
        },
    ),
}


@dataclass(frozen=True, slots=True)
class Calibration:
    """The fitted models by field (from calibration.json), `PRIOR` for any field it lacks."""

    models: Mapping[str, FieldModel]
    meta: Mapping[str, Any]

    def probability(self, field: str, features: Mapping[str, float]) -> float:
        model = self.models.get(field) or PRIOR[field]
        return round(model.probability(features), 3)


def read_calibration(path: Path) -> Calibration:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"{path}: not a readable calibration file ({exc}); refit it with bench/fit_calibration.py"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"{path}: calibration format is not {FORMAT}; refit it with bench/fit_calibration.py")
    fields = data.get("fields") or {}
    models = {name: FieldModel.from_json(entry) for name, entry in fields.items() if name in FIELDS}
    return Calibration(models, dict(data.get("meta") or {}))


@cache
def load_calibration() -> Calibration:
    """The shipped calibration, read once; the hand-set priors alone when the file is absent."""
    if not MODEL_PATH.exists():
        return Calibration({}, {"fitted": False})
    return read_calibration(MODEL_PATH)


def prior_calibration() -> Calibration:
    """The hand-set priors only: what `annotate` gives before any fitting (for measuring what fitting changed)."""
    return Calibration({}, {"fitted": False})


# -- scoring -----------------------------------------------------------------------------------------------------
def score_pubdate(pub: PubDate, cal: Calibration | None = None, url: str | None = None) -> PubDate:
    cal = cal or load_calibration()
    signals = pubdate_signals(pub, url)
    return replace(pub, confidence=cal.probability("pubdate", signals) if signals is not None else None)


def score_times(times: Sequence[TimeRef], cal: Calibration | None = None) -> list[TimeRef]:
    cal = cal or load_calibration()
    return [replace(t, confidence=cal.probability("time", time_signals(t))) for t in times]


def score_places(places: Sequence[Place], cal: Calibration | None = None) -> list[Place]:
    if not places:
        return []
    from truceline.geo import gazetteer

    cal = cal or load_calibration()
    gaz = gazetteer.get()
    return [replace(p, confidence=cal.probability("place", place_signals(p, gaz))) for p in places]


def score_quantities(text: str, quantities: Sequence[Quantity], cal: Calibration | None = None) -> list[Quantity]:
    cal = cal or load_calibration()
    signals = quantities_signals(text, quantities)
    return [replace(q, confidence=cal.probability("quantity", f)) for q, f in zip(quantities, signals, strict=True)]


def totals_confidence(quantities: Sequence[Quantity], kind: str, total: int | None) -> float | None:
    """How far to trust a report's incident total of one kind: the surest figure that states it, else (a sum of
    figures) the least sure of them; None when there is no total or the figures carry no confidence."""
    if total is None:
        return None
    figures = [q for q in quantities if q.kind == kind and q.confidence is not None]
    same = [q.confidence for q in figures if q.value == total and q.confidence is not None]
    if same:
        return max(same)
    rest = [q.confidence for q in figures if q.confidence is not None]
    return min(rest) if rest else None


def _scored_actor(actor: Actor | None, role: str, event: Event, dictionary: Any, cal: Calibration) -> Actor | None:
    if actor is None:
        return None
    return replace(actor, confidence=cal.probability("actor", actor_signals(actor, role, event, dictionary)))


def score_event(
    event: Event,
    *,
    doc: Any = None,
    dictionary: Any = None,
    published: PubDate | None = None,
    times: Sequence[TimeRef] = (),
    sentence_events: int = 1,
    cal: Calibration | None = None,
) -> Event:
    """The event with its own, its actors' and its date's confidence. Its time, place and figures keep the
    confidence they already carry (score them first, as `annotate` does)."""
    cal = cal or load_calibration()
    in_sentence = [t for t in times if event.sentence_start <= t.start < event.sentence_end]
    return replace(
        event,
        confidence=cal.probability("event", event_signals(event, doc, sentence_events)),
        actor=_scored_actor(event.actor, "actor", event, dictionary, cal),
        recipient=_scored_actor(event.recipient, "recipient", event, dictionary, cal),
        claimed_by=_scored_actor(event.claimed_by, "claimed_by", event, dictionary, cal),
        date_confidence=(
            cal.probability("date", date_signals(event, published, in_sentence)) if event.date is not None else None
        ),
    )


def _by_span(items: Sequence[Any]) -> dict[tuple[int, int], Any]:
    return {(x.start, x.end): x for x in items}


def _rescored(item: Any, table: Mapping[tuple[int, int], Any]) -> Any:
    """An event's time, place or figure with the confidence of the scored mention of the same span (the event may
    hold a refined copy, e.g. a place with a coarser precision, so only the confidence is taken)."""
    if item is None:
        return None
    mention = table.get((item.start, item.end))
    return replace(item, confidence=mention.confidence) if mention is not None else item


def annotate(
    analysis: Analysis, docs: Sequence[tuple[int, Any]] = (), dictionary: Any = None, cal: Calibration | None = None
) -> None:
    """Give every mention, event and the publication date of `analysis` its confidence (in place).

    `docs` are the (sentence index, spaCy doc) pairs the events were coded from; without them the trigger's part
    of speech is read from the trigger lexicon instead."""
    cal = cal or load_calibration()
    article = analysis.article
    article = replace(article, published=score_pubdate(article.published, cal, article.url))
    analysis.article = article
    analysis.times = score_times(analysis.times, cal)
    analysis.places = score_places(analysis.places, cal)
    analysis.quantities = score_quantities(article.body, analysis.quantities, cal)
    times, places, figures = _by_span(analysis.times), _by_span(analysis.places), _by_span(analysis.quantities)
    doc_at = {analysis.sentences[i][0]: doc for i, doc in docs if 0 <= i < len(analysis.sentences)}
    per_sentence: dict[int, int] = {}
    for ev in analysis.events:
        per_sentence[ev.sentence_start] = per_sentence.get(ev.sentence_start, 0) + 1
    scored = []
    sentence_times = StartIndex(analysis.times)  # each event's sentence's times by bisection, not a scan per event
    for ev in analysis.events:
        place = _rescored(ev.place, places)
        if place is not None and place.confidence is None:  # a place named by description ("the Turkish capital")
            place = score_places([place], cal)[0]
        ev = replace(
            ev,
            time=_rescored(ev.time, times),
            place=place,
            killed=_rescored(ev.killed, figures),
            injured=_rescored(ev.injured, figures),
            other_quantities=tuple(_rescored(q, figures) for q in ev.other_quantities),
        )
        scored.append(
            score_event(
                ev,
                doc=doc_at.get(ev.sentence_start),
                dictionary=dictionary,
                published=article.published,
                times=sentence_times.within(ev.sentence_start, ev.sentence_end),
                sentence_events=per_sentence[ev.sentence_start],
                cal=cal,
            )
        )
    analysis.events = scored


def score_coded_event(event: Event, events: Sequence[Event], docs: Mapping[int, Any], dictionary: Any) -> Event:
    """`score_event` for one event of a free-standing coded text (`events.coding.code_text`: docs keyed by their
    sentence's start), as the evaluations pick it."""
    same = sum(1 for e in events if e.sentence_start == event.sentence_start)
    return score_event(event, doc=docs.get(event.sentence_start), dictionary=dictionary, sentence_events=same)
