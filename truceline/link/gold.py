"""The bundled corpus's linking gold (truceline/data/sample/link_gold.yaml): which reports tell of one happening,
which story they belong to, which agreement each mention names, and the contradictions planted in them."""

from __future__ import annotations

from pathlib import Path

from truceline.eval.clustering import Labelled
from truceline.sample import SAMPLE_DIR

LINK_GOLD_PATH: Path = SAMPLE_DIR / "link_gold.yaml"


def labelled_sample() -> list[Labelled]:
    """The bundled reports labelled with their story and event cluster; empty when the gold file is absent."""
    if not LINK_GOLD_PATH.is_file():
        return []
    raise NotImplementedError
