"""`--format geojson`: the events with coordinates as one GeoJSON FeatureCollection (RFC 7946), for GIS tools.

Written as a stream (the header in `start`, one Feature per event in `export_item`, the closing members in
`finish`) so large databases never sit in memory. A Feature is a Point at the event's resolved place, in GeoJSON's
[longitude, latitude] order. Properties are flat (GIS tools read nested objects badly): the main event fields plus
the CAMEO code. Events whose place is missing, unresolved or without valid coordinates cannot be mapped; they are
counted in the top-level "skipped_without_coordinates" member (a foreign member, allowed by RFC 7946 section 6.1)
so a map never silently hides how much it leaves out.
"""

from __future__ import annotations

import json
import math
from typing import IO

from truceline.export.formats import Exporter
from truceline.export.plover import cameo_code


def coordinates(place: object) -> tuple[float, float] | None:
    """(lon, lat) of a resolved place with finite, in-range coordinates, else None."""
    if not isinstance(place, dict) or place.get("resolved", True) is False:
        return None
    lat, lon = place.get("lat"), place.get("lon")
    if (
        isinstance(lat, bool)
        or isinstance(lon, bool)
        or not isinstance(lat, int | float)
        or not isinstance(lon, int | float)
    ):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lon), float(lat)


def _actor(data: object, prefix: str, out: dict[str, object]) -> None:
    actor = data if isinstance(data, dict) else {}
    out[f"{prefix}_name"] = actor.get("name") or actor.get("text")
    out[f"{prefix}_country"] = actor.get("country")
    out[f"{prefix}_sector"] = actor.get("sector")


def feature(item: dict[str, object]) -> dict[str, object] | None:
    """The event as a GeoJSON Feature, or None when it has no usable coordinates."""
    point = coordinates(item.get("place"))
    if point is None:
        return None
    place = item.get("place")
    assert isinstance(place, dict)  # coordinates() checked it
    props: dict[str, object] = {
        "id": item.get("id"),
        "date": item.get("date"),
        "date_precision": item.get("date_precision"),
        "type": item.get("type"),
        "mode": item.get("mode"),
        "cameo": cameo_code(item.get("type"), item.get("mode")),
        "stance": item.get("stance"),
        "confidence": item.get("confidence"),
        "date_confidence": item.get("date_confidence"),
    }
    _actor(item.get("actor"), "actor", props)
    _actor(item.get("recipient"), "recipient", props)
    claimed = item.get("claimed_by")
    props["claimed_by"] = (claimed.get("name") or claimed.get("text")) if isinstance(claimed, dict) else None
    props.update(
        place_name=place.get("name") or place.get("text"),
        place_country=place.get("country"),
        admin1=place.get("admin1"),
        geo_precision=place.get("precision"),
        place_confidence=place.get("confidence"),
        killed=item.get("killed"),
        injured=item.get("injured"),
        ceasefire=item.get("ceasefire"),
        article_id=item.get("article_id"),
        start_char=item.get("start_char"),
        end_char=item.get("end_char"),
        sentence=item.get("sentence"),
    )
    return {
        "type": "Feature",
        "id": item.get("id"),
        "geometry": {"type": "Point", "coordinates": list(point)},
        "properties": props,
    }


class GeoJsonExporter(Exporter):
    """One FeatureCollection: valid JSON whether it holds no feature or millions."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(stream)
        self.features = 0
        self.skipped = 0

    def start(self) -> None:
        self.stream.write('{"type": "FeatureCollection", "features": [\n')

    def export_item(self, item: dict[str, object]) -> None:
        out = feature(item)
        if out is None:
            self.skipped += 1
            return
        if self.features:
            self.stream.write(",\n")
        self.stream.write(json.dumps(out, ensure_ascii=False))
        self.features += 1

    def finish(self) -> None:
        self.stream.write(f'\n], "skipped_without_coordinates": {self.skipped}}}\n')


__all__ = ["GeoJsonExporter", "coordinates", "feature"]
