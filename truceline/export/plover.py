"""`--format plover`: one JSON object per line in the shape of a PLOVER / POLECAT event record.

PLOVER (Open Event Data Alliance) records an event as a type with a mode and contexts, a source and a target
actor with their text and codes, a location and the text the event was coded from. We add what PLOVER leaves out
and analysts of disputed reports need: `stance` (asserted, claimed, denied, negated, planned, threatened),
`claimed_by`, `links` to related events of the same article, casualty figures, the character span of the
evidence sentence, and calibrated confidences (`confidence` of the event, `date_confidence`, and one on each actor
and the location; see truceline/learn/confidence.py). `cameo` is the CAMEO code our ontology (data/plover.yaml) gives the type and mode, so records can
be joined with CAMEO-coded data sets; it is null for a type the ontology does not know.
"""

from __future__ import annotations

import json

from truceline.events.ontology import load_ontology
from truceline.export.formats import Exporter


def cameo_code(type_: object, mode: object) -> str | None:
    """The CAMEO code of a PLOVER type and mode (the type's general mode for an unknown mode), or None."""
    ontology = load_ontology()
    if not isinstance(type_, str) or type_ not in ontology.modes:
        return None
    return ontology.cameo(type_, mode if isinstance(mode, str) else None)


def plover_actor(data: object) -> dict[str, object] | None:
    """PLOVER's actor object: the text as written, its code (CAMEO-style country + sector) and parts."""
    if not isinstance(data, dict):
        return None
    country, sector = data.get("country"), data.get("sector")
    code = data.get("code")
    if not code and isinstance(country, str) and isinstance(sector, str):
        code = country + sector
    out: dict[str, object] = {
        "actorText": data.get("text"),
        "name": data.get("name"),
        "code": code or None,
        "sector": sector,
        "country": country,
        "start_char": data.get("start_char"),
        "end_char": data.get("end_char"),
        "confidence": data.get("confidence"),
    }
    members = data.get("members")
    if isinstance(members, list) and members:
        out["members"] = [plover_actor(m) for m in members]
    return out


def plover_location(data: object) -> dict[str, object] | None:
    if not isinstance(data, dict):
        return None
    return {
        "name": data.get("name") or data.get("text"),
        "placeText": data.get("text"),
        "country": data.get("country"),
        "admin1": data.get("admin1"),
        "lat": data.get("lat"),
        "lon": data.get("lon"),
        "geonameid": data.get("geonameid"),
        "geo_precision": data.get("precision"),
        "resolved": data.get("resolved", True),
        "start_char": data.get("start_char"),
        "end_char": data.get("end_char"),
        "confidence": data.get("confidence"),
    }


def plover_record(item: dict[str, object]) -> dict[str, object]:
    """One event as a PLOVER-shaped record (see the module docstring for what we add)."""
    return {
        "id": item.get("id"),
        "date": item.get("date"),
        "date_precision": item.get("date_precision"),
        "date_from_publication": item.get("date_from_publication"),
        "event_type": item.get("type"),
        "mode": item.get("mode"),
        "confidence": item.get("confidence"),
        "date_confidence": item.get("date_confidence"),
        "context": item.get("context") or [],
        "cameo": cameo_code(item.get("type"), item.get("mode")),
        "source": plover_actor(item.get("actor")),
        "target": plover_actor(item.get("recipient")),
        "location": plover_location(item.get("place")),
        "text": item.get("sentence"),
        "trigger": item.get("trigger"),
        "stance": item.get("stance"),
        "claimed_by": plover_actor(item.get("claimed_by")),
        "ceasefire": item.get("ceasefire"),
        "killed": item.get("killed"),
        "injured": item.get("injured"),
        "links": item.get("links") or [],
        "article_id": item.get("article_id"),
        "start_char": item.get("start_char"),
        "end_char": item.get("end_char"),
    }


class PloverExporter(Exporter):
    """PLOVER-shaped JSON lines, one event per line."""

    def export_item(self, item: dict[str, object]) -> None:
        self.stream.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")


__all__ = ["PloverExporter", "cameo_code", "plover_actor", "plover_record"]
