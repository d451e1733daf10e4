"""The small word lists of truceline/data/actors/grammar.yaml, loaded once at import."""

from __future__ import annotations

import yaml

from truceline.actors.loading import DATA_DIR
from truceline.errors import ModelError


def _load() -> dict[str, frozenset[str]]:
    try:
        data = yaml.safe_load((DATA_DIR / "grammar.yaml").read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError("packaged file truceline/data/actors/grammar.yaml is missing; reinstall truceline") from exc
    return {str(k): frozenset(str(v).split()) for k, v in data.items()}


_WORDS = _load()
GAP_WORDS = _WORDS["gap_words"]
COORDINATORS = _WORDS["coordinators"]
LOCATIVES = _WORDS["locatives"]
PARTICLES = _WORDS["particles"]
NOT_NAMES = _WORDS["not_names"]
HONORIFICS = _WORDS["honorifics"]
HEAD_ENDS = _WORDS["head_ends"]
PLACE_CUES = _WORDS["place_cues"]
