"""Stage 6, places: toponyms found with the offline gazetteer (and NER), resolved with the report's focus."""

from __future__ import annotations

from collections.abc import Sequence

from truceline.model import Place


def find_places(
    text: str, *, focus: Sequence[str] = (), ner: Sequence[tuple[int, int, str]] = ()
) -> list[Place]:
    """Every place named in `text`, resolved when the gazetteer knows it; `focus` = ISO-3 codes the report is about."""
    raise NotImplementedError


def event_place(places: Sequence[Place], sentence_start: int, sentence_end: int, trigger_start: int) -> Place | None:
    """The place where an event in this sentence happened (not merely one named in it), or None."""
    raise NotImplementedError
