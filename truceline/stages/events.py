"""Stage 5, events: candidate sentences parsed with spaCy and coded into PLOVER events with stance and claims.

The coding itself lives in `truceline.events`; this module keeps the contract the pipeline calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from truceline.events.extract import code_events
from truceline.learn.events import EventTyper, load_typer
from truceline.model import Analysis, Event
from truceline.stages.actors import ActorDictionary


def select_sentences(text: str, sentences: Sequence[tuple[int, int]], typer: EventTyper | None = None) -> list[int]:
    """Indexes of the sentences that may hold an event (a trigger word of the lexicon or of the event model is
    present) or tell the figure of one just before: only these are parsed."""
    return (typer or load_typer()).select(text, sentences)


def extract_events(
    analysis: Analysis, parsed: Sequence[tuple[int, Any]], actors: ActorDictionary, typer: EventTyper | None = None
) -> list[Event]:
    """Events from `parsed` = (sentence index, spaCy Doc of that sentence's text) pairs."""
    return code_events(analysis, parsed, actors, typer)
