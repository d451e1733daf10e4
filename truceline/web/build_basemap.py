"""Rebuild the map's offline basemap: Natural Earth 1:110m country outlines, TopoJSON -> a small GeoJSON file.

The input is `countries-110m.json` of the npm package world-atlas (2.0.2; ISC licence; its data are Natural
Earth's, public domain). Get it with `npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`, then:

    .venv/bin/python -m truceline.web.build_basemap package/countries-110m.json

which writes truceline/web/static/basemap/countries-110m.geojson (coordinates rounded to 0.01 degree, about a
kilometre, finer than the 1:110m outlines themselves; rings across the antimeridian unwrapped past 180).
Deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
from itertools import pairwise
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "static" / "basemap" / "countries-110m.geojson"
DIGITS = 2


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs in degrees: quantized, delta-encoded positions undone with the file's transform."""
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        points: list[tuple[float, float]] = []
        x = y = 0.0
        for pos in arc:
            if transform:
                x, y = x + pos[0], y + pos[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((float(pos[0]), float(pos[1])))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[list[float]]:
    """A closed ring from arc indexes (a negative index ~i is arc i reversed); shared end points kept once."""
    out: list[list[float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        for i, (x, y) in enumerate(points):
            if out and i == 0:
                continue
            out.append([round(x, DIGITS), round(y, DIGITS)])
    return out


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    """A ring crossing the antimeridian (Russia's far east, Fiji) with its western points moved past 180 degrees,
    so the map does not draw an edge across the whole world; a ring round the globe (Antarctica) stays."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in pairwise(ring)):
        return ring
    moved = [[x + 360 if x < 0 else x, y] for x, y in ring]
    xs = [x for x, _ in moved]
    return moved if max(xs) - min(xs) < 180 else ring


def convert(topo: dict[str, Any], layer: str = "countries") -> dict[str, Any]:
    """The layer's geometries as a GeoJSON FeatureCollection with each country's name."""
    arcs = _decode_arcs(topo)
    features = []
    for geom in topo["objects"][layer]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords: Any = [_unwrap(_ring(arcs, ring)) for ring in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[_unwrap(_ring(arcs, ring)) for ring in polygon] for polygon in geom["arcs"]]
        else:
            continue
        name = (geom.get("properties") or {}).get("name")
        features.append(
            {"type": "Feature", "properties": {"name": name}, "geometry": {"type": kind, "coordinates": coords}}
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json of the npm package world-atlas")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    geo = convert(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(geo, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(geo['features'])} countries, {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
