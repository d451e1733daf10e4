"""Stage 7, quantities: killed / injured / missing / displaced / detained / refugee figures with qualifiers."""

from __future__ import annotations

from truceline.model import Quantity


def find_quantities(text: str) -> list[Quantity]:
    """Every casualty or displacement figure in `text`, offsets into `text`."""
    raise NotImplementedError
