"""Casualty and displacement figures: number parsing, context patterns, period cues and incident totals.

The stage contract lives in `truceline.stages.quantities`; this package is its implementation.
"""

from truceline.quantities.extract import find_quantities
from truceline.quantities.incident import Incident, incident_totals, read_incident

__all__ = ["Incident", "find_quantities", "incident_totals", "read_incident"]
