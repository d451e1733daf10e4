"""Stage 7, quantities: killed / injured / missing / displaced / detained / refugee figures with qualifiers.

A thin contract over `truceline.quantities` (regexes built once from truceline/data/quantities.yaml): the pipeline
calls `find_quantities` on the cleaned body, the events stage attaches the figures to events, and
`incident_totals` gives a report's incident toll (what `truceline eval casualties` scores).

Decisions worth knowing:
- "neutralized"/"neutralised" (Turkish military usage for killed, wounded or captured) is filed as killed.
- Vague plurals are lower bounds with qualifier at_least: dozens 24, scores 40, hundreds 200, thousands 2,000,
  tens of thousands 20,000, hundreds of thousands 200,000, millions 2,000,000.
- nearly / almost / around / about / close to -> "about"; over / more than -> "more_than"; "some N" -> "some".
- `cumulative` marks war-long and period totals (a cue in the figure's clause: "since", "so far", "the war has
  killed", "hosts"); `since` is a TIMEX3 value with unknown parts as X ("since late April" -> "XXXX-04", "since
  March 2011" -> "2011-03", "since Jan. 12" -> "XXXX-01-12"), None when it needs the publication date or world
  knowledge ("since Monday", "since the start of the war").
- `according_to` is the source named in the figure's sentence ("according to X", "X said", "citing X", "X put the
  toll at", "X's figures"): the nearest in its clause, a cited source before the one citing it; None when unnamed
  or a pronoun.
- Totals: see truceline/quantities/totals.py (sources that differ: the larger figure).
"""

from __future__ import annotations

from collections.abc import Sequence

from truceline.model import Quantity
from truceline.quantities import extract, incident
from truceline.quantities.incident import Evidence, Incident, Total


def find_quantities(text: str) -> list[Quantity]:
    """Every casualty or displacement figure in `text`, in text order, offsets into `text`."""
    return extract.find_quantities(text)


def incident_totals(text: str, quantities: Sequence[Quantity] | None = None) -> tuple[int | None, int | None]:
    """(killed, injured) for the incident a report is about; None when the report gives no such figure.

    Pass `quantities` when `find_quantities(text)` has already run, to avoid a second pass.
    """
    return incident.incident_totals(text, quantities)
