"""Stage 7, quantities: killed / injured / missing / displaced / detained / refugee figures with qualifiers.

A thin contract over `truceline.quantities` (regexes built once from truceline/data/quantities.yaml and
truceline/data/victims.yaml): the pipeline calls `find_quantities` on the cleaned body and the events stage
attaches the figures to events; `read_incident` gives the incident a report is about, its killed and injured
totals each with the phrases and sentences (character spans) it was built from, and `incident_totals` is its
thin form, (killed, injured), which `truceline eval casualties` scores.

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
- Victims named without a figure count too: "a 4-year-old girl was shot and killed", "Marcus, 19, died", "killing
  himself", "two others were hurt" (truceline/quantities/victims.py). A victim "shot" with no fate stated is
  injured unless the report says they died; a victim reported hurt and later dead is counted once, as killed. The
  attacker is counted when the report counts him ("turned the gun on himself", "a murder-suicide").
- Totals: see truceline/quantities/incident.py (which figures are the incident's: page furniture, other incidents,
  period and war-long tolls set aside; a headline that counts its victims in numbers stands over the body) and
  truceline/quantities/totals.py (how figures add up or restate; sources that differ: the larger figure).
"""

from __future__ import annotations

from collections.abc import Sequence

from truceline.model import Quantity
from truceline.quantities import extract, incident
from truceline.quantities.incident import Evidence, Incident, Total

__all__ = ["Evidence", "Incident", "Total", "find_quantities", "incident_totals", "read_incident"]


def find_quantities(text: str) -> list[Quantity]:
    """Every casualty or displacement figure in `text`, in text order, offsets into `text`."""
    return extract.find_quantities(text)


def read_incident(text: str, quantities: Sequence[Quantity] | None = None) -> Incident:
    """The incident a report is about: `killed` and `injured`, each a `Total` with its value (None when the report
    gives no such figure) and the `Evidence` it was built from (the phrase and its sentence, offsets into `text`).

    Pass `quantities` when `find_quantities(text)` has already run, to avoid a second pass.
    """
    return incident.read_incident(text, quantities)


def incident_totals(text: str, quantities: Sequence[Quantity] | None = None) -> tuple[int | None, int | None]:
    """(killed, injured) for the incident a report is about; None when the report gives no such figure."""
    return incident.incident_totals(text, quantities)
