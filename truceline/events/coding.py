"""Coding a free-standing text (a gold record, a snippet) the way the pipeline codes an article body.

The evaluations use this so they measure the real path: sentence split, the cheap pre-filter, spaCy on the
selected sentences only, then `code_events`. `main_event` picks the event a one-line gold record is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from truceline.events.extract import code_events
from truceline.events.lexicon import load_lexicon
from truceline.learn.events import load_typer
from truceline.model import Actor, Analysis, Article, CleanedText, Event, Place, PubDate
from truceline.nlp import load_nlp as load_nlp  # re-exported: evaluations load spaCy through this stage
from truceline.text import split_sentences

_NO_DATE = PubDate(None, None, None, "unknown")


def _find_actors(dictionary: Any, text: str) -> list[Actor]:
    try:
        return list(dictionary.find(text))
    except NotImplementedError:  # the actors stage not built yet: code events without named actors
        return []


def code_text(text: str, dictionary: Any, nlp: Any, article_id: str = "eval") -> tuple[list[Event], dict[int, Any]]:
    """Events of `text` and the parsed docs by sentence index (for choosing the main event)."""
    sentences = split_sentences(text)
    chosen = load_typer().select(text, sentences)  # the lexicon's trigger words and the event model's
    docs = {
        i: doc for i, doc in zip(chosen, nlp.pipe(text[s:e] for s, e in (sentences[i] for i in chosen)), strict=True)
    }
    article = Article(article_id, "eval", None, None, None, _NO_DATE, CleanedText(None, text))
    actors = _find_actors(dictionary, text)
    places = _find_places(text, dictionary, actors, [(sentences[i][0], doc) for i, doc in docs.items()])
    analysis = Analysis(article, actors=actors, places=places, sentences=sentences)
    events = code_events(analysis, sorted(docs.items()), dictionary)
    return events, {sentences[i][0]: doc for i, doc in docs.items()}


def _find_places(text: str, dictionary: Any, actors: Sequence[Actor], docs: Sequence[tuple[int, Any]]) -> list[Place]:
    """The places stage as the pipeline runs it before events (`Pipeline._places`): gazetteer names and the parse's
    entities, the story's country and the actors' countries as its focus. The event rules read places ("protesters
    in X" are of X), so a coded text without them would be scored on a path the pipeline never takes."""
    from truceline.pipeline import NER_PLACE_LABELS
    from truceline.stages.places import find_places

    ner = [
        (offset + ent.start_char, offset + ent.end_char, ent.label_)
        for offset, doc in docs
        for ent in doc.ents
        if ent.label_ in NER_PLACE_LABELS
    ]
    story = getattr(dictionary, "story_country", None)
    try:
        first = story(list(actors)) if story is not None else None
    except NotImplementedError:
        first = None
    focus = list(dict.fromkeys([*([first] if first else []), *(a.country for a in actors if a.country)]))
    return find_places(text, focus=focus, ner=ner)


def _depth(event: Event, docs: dict[int, Any]) -> int:
    doc = docs.get(event.sentence_start)
    if doc is None:
        return 99
    offset = event.trigger.start - event.sentence_start
    token = next((t for t in doc if t.idx == offset), None)
    if token is None:
        return 99
    depth = 0
    while token.head.i != token.i and depth < 50:
        # a nominal trigger under a light verb counts from that verb
        token = token.head
        depth += 1
    return depth


def main_event(events: Sequence[Event], docs: dict[int, Any]) -> Event | None:
    """The event a single-sentence report is about: the trigger nearest the root of the first coded sentence.

    Accusations we derive from reported speech rank last (the report is about the act, unless nothing else is
    coded); verbal triggers win ties over nominal ones.
    """
    if not events:
        return None
    first = min(e.sentence_start for e in events)

    def rank(event: Event) -> tuple[int, int, int, int]:
        speech = event.trigger.lemma.lower() in load_lexicon().speech_verbs
        derived = 1 if speech and any(kind == "alleges" for kind, _ in event.links) else 0
        return (event.sentence_start != first, derived, _depth(event, docs), event.trigger.start)

    return min(events, key=rank)


class _NoActors:
    """Stands in while the actors stage is not built: events are still coded, with no named actors."""

    def find(self, text: str, **_: Any) -> list[Actor]:
        return []

    def resolve(self, phrase: str, **_: Any) -> Actor | None:
        return None


def load_dictionary(extra: Sequence[Any] = ()) -> Any:
    """The packaged actor dictionaries plus `extra` files (PETRARCH-format files go through their own loader)."""
    from pathlib import Path

    from truceline.stages.actors import ActorDictionary

    paths = [Path(p) for p in extra]
    try:
        if paths and all(_is_petrarch(p) for p in paths):
            from truceline.actors.petrarch import load_petrarch_dictionaries

            return load_petrarch_dictionaries(paths)
        return ActorDictionary.load(extra=paths)
    except NotImplementedError:
        return _NoActors()


def _is_petrarch(path: Any) -> bool:
    """PETRARCH dictionaries are plain text with bracketed codes: 'ARNOR [ARN]'."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return False
    return path.suffix.lower() not in (".yaml", ".yml", ".csv", ".json") and "[" in head and "]" in head


def actor_codes(actor: Actor | None) -> set[str]:
    """Codes an actor can be scored by: ISO-3 country, the code's first three letters, IGO/NGO sectors."""
    if actor is None:
        return set()
    codes: set[str] = set()
    for one in actor.members or (actor,):
        if one.country:
            codes.add(one.country.upper())
        if one.code:
            codes.add(one.code[:3].upper())
        if one.sector in ("IGO", "NGO", "IMG"):
            codes.add(one.sector)
    return codes
