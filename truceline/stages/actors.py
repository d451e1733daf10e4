"""Stage 4, actors: names mapped to canonical actors with ISO-3 country and sector, from data files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from truceline.model import Actor


class ActorDictionary:
    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        """The packaged dictionaries plus the user's own files (later files win)."""
        raise NotImplementedError

    def find(self, text: str, *, story_country: str | None = None, when: date | None = None) -> list[Actor]:
        """Every actor mention in `text` (longest match first, no overlaps), offsets into `text`."""
        raise NotImplementedError

    def resolve(
        self, phrase: str, *, start: int = 0, story_country: str | None = None, when: date | None = None
    ) -> Actor | None:
        """Map one noun phrase (e.g. the subject of a parse) to an actor; None when nothing in it is known."""
        raise NotImplementedError
