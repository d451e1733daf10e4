"""Stage 7, quantities: killed / injured / missing / displaced / detained / refugee figures with qualifiers.

A thin contract over `truceline.quantities` (regexes built once from truceline/data/quantities.yaml): the pipeline
calls `find_quantities` on the cleaned body, the events stage attaches the figures to events, and
`incident_totals` gives a report's incident toll (what `truceline eval casualties` scores).
"""

from __future__ import annotations

from collections.abc import Sequence

from truceline.model import Quantity
from truceline.quantities import extract, totals


def find_quantities(text: str) -> list[Quantity]:
    """Every casualty or displacement figure in `text`, in text order, offsets into `text`."""
    return extract.find_quantities(text)


def incident_totals(text: str, quantities: Sequence[Quantity] | None = None) -> tuple[int | None, int | None]:
    """(killed, injured) for the incident a report is about; None when the report gives no such figure.

    Pass `quantities` when `find_quantities(text)` has already run, to avoid a second pass.
    """
    return totals.incident_totals(text, quantities)
