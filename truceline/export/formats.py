"""Exporters with a start / export_item / finish lifecycle: JSON lines, CSV and a human-readable table."""

from __future__ import annotations

import csv
import importlib
import json
import textwrap
from collections.abc import Callable
from typing import IO, ClassVar

from truceline.errors import ConfigError


class Exporter:
    """Base class: write items (the public JSON dictionaries) to a text stream."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def start(self) -> None:
        """Called once before the first item."""

    def export_item(self, item: dict[str, object]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last item."""


class JsonLinesExporter(Exporter):
    def export_item(self, item: dict[str, object]) -> None:
        self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")


def _actor_label(actor: object) -> str:
    if not isinstance(actor, dict):
        return ""
    name = actor.get("name") or actor.get("text") or ""
    code = " ".join(str(x) for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{name} ({code})" if code else str(name)


def _place_label(place: object) -> str:
    if not isinstance(place, dict):
        return ""
    name = place.get("name") or place.get("text") or ""
    country = place.get("country")
    unresolved = "" if place.get("resolved", True) else "?"
    return f"{name}{unresolved}, {country}" if country else f"{name}{unresolved}"


def _casualties(item: dict[str, object]) -> str:
    parts = []
    if item.get("killed") is not None:
        parts.append(f"{item['killed']} killed")
    if item.get("injured") is not None:
        parts.append(f"{item['injured']} injured")
    return ", ".join(parts)


def _date_label(item: dict[str, object]) -> str:
    d = item.get("date") or "?"
    precision = item.get("date_precision") or ""
    return f"{d} ({precision})" if precision else str(d)


class EventCsvExporter(Exporter):
    """Flat CSV: one row per event, nested objects reduced to their main fields."""

    FIELDS: ClassVar[list[str]] = [
        "id",
        "date",
        "date_precision",
        "date_confidence",
        "type",
        "mode",
        "confidence",
        "stance",
        "actor_name",
        "actor_country",
        "actor_sector",
        "recipient_name",
        "recipient_country",
        "recipient_sector",
        "place_name",
        "place_country",
        "lat",
        "lon",
        "killed",
        "injured",
        "claimed_by",
        "ceasefire",
        "article_id",
        "start_char",
        "end_char",
        "sentence",
    ]

    def start(self) -> None:
        self.writer = csv.DictWriter(self.stream, fieldnames=self.FIELDS, extrasaction="ignore")
        self.writer.writeheader()

    def export_item(self, item: dict[str, object]) -> None:
        row = dict(item)
        for role in ("actor", "recipient"):
            actor = item.get(role)
            if isinstance(actor, dict):
                row[f"{role}_name"] = actor.get("name") or actor.get("text")
                row[f"{role}_country"] = actor.get("country")
                row[f"{role}_sector"] = actor.get("sector")
        place = item.get("place")
        if isinstance(place, dict):
            row["place_name"] = place.get("name") or place.get("text")
            row["place_country"] = place.get("country")
            row["lat"] = place.get("lat")
            row["lon"] = place.get("lon")
        claimed = item.get("claimed_by")
        row["claimed_by"] = _actor_label(claimed) if claimed else ""
        self.writer.writerow(row)


class EventTableExporter(Exporter):
    """The timeline as a person reads it: one block per event, its evidence sentence under it."""

    def __init__(self, stream: IO[str], width: int = 110) -> None:
        super().__init__(stream)
        self.width = width
        self.count = 0

    def export_item(self, item: dict[str, object]) -> None:
        self.count += 1
        head = f"{_date_label(item):<24} {item.get('type', ''):<9} {item.get('stance', ''):<10}"
        who = _actor_label(item.get("actor")) or "?"
        whom = _actor_label(item.get("recipient"))
        line = f"{head} {who}" + (f" -> {whom}" if whom else "")
        extras = []
        if item.get("confidence") is not None:
            extras.append(f"confidence {item['confidence']:.2f}")
        place = _place_label(item.get("place"))
        if place:
            extras.append(f"at {place}")
        cas = _casualties(item)
        if cas:
            extras.append(cas)
        if item.get("claimed_by"):
            extras.append(f"claimed by {_actor_label(item.get('claimed_by'))}")
        if item.get("ceasefire"):
            extras.append(f"ceasefire {item['ceasefire']}")
        self.stream.write(line + "\n")
        if extras:
            self.stream.write(" " * 25 + "; ".join(extras) + "\n")
        sentence = f'"{item.get("sentence", "")}"'
        cite = f"[{item.get('article_id')} {item.get('start_char')}-{item.get('end_char')}]"
        for wrapped in textwrap.wrap(f"{sentence} {cite}", self.width - 25):
            self.stream.write(" " * 25 + wrapped + "\n")
        self.stream.write("\n")

    def finish(self) -> None:
        if not self.count:
            self.stream.write("no events match\n")


class ArticleTableExporter(Exporter):
    def export_item(self, item: dict[str, object]) -> None:
        pub = item.get("published") or "?"
        precision = item.get("published_precision")
        title = str(item.get("title") or "(no title)")[:70]
        self.stream.write(f"{item['id']}  {pub!s:<12} {precision!s:<8} {title}\n")
        evidence = item.get("published_evidence") or []
        if isinstance(evidence, list) and evidence:
            self.stream.write(f"{'':18}{'':22}date: {evidence[0]}\n")


def _lazy(module: str, name: str) -> Callable[[IO[str]], Exporter]:
    """Exporters in their own modules subclass Exporter, so they are imported on first use (no import cycle)."""

    def make(stream: IO[str]) -> Exporter:
        exporter: Exporter = getattr(importlib.import_module(f"truceline.export.{module}"), name)(stream)
        return exporter

    return make


EVENT_FORMATS: dict[str, Callable[[IO[str]], Exporter]] = {
    "jsonl": JsonLinesExporter,
    "csv": EventCsvExporter,
    "table": EventTableExporter,
    "acled": _lazy("acled", "AcledExporter"),
    "plover": _lazy("plover", "PloverExporter"),
    "geojson": _lazy("geojson", "GeoJsonExporter"),
}
ARTICLE_FORMATS = {"jsonl": JsonLinesExporter, "table": ArticleTableExporter}


def exporter_for(kind: str, fmt: str, stream: IO[str]) -> Exporter:
    table = EVENT_FORMATS if kind == "events" else ARTICLE_FORMATS
    if fmt not in table:
        raise ConfigError(f"unknown format {fmt!r} for {kind}; choose one of: {', '.join(sorted(table))}")
    return table[fmt](stream)
