"""The analyst export formats (ACLED-style CSV, PLOVER JSON lines, GeoJSON), on events we built by hand."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from truceline.cli import cli
from truceline.export.acled import AcledExporter, acled_date, interaction
from truceline.export.formats import EVENT_FORMATS, Exporter, exporter_for
from truceline.export.geojson import GeoJsonExporter
from truceline.export.plover import PloverExporter
from truceline.model import (
    Actor,
    Analysis,
    Article,
    CleanedText,
    Event,
    Place,
    PubDate,
    Quantity,
    RawDocument,
    Trigger,
)
from truceline.serialize import event_json
from truceline.store import Store

# Our own sentences about invented places; the countries are real ISO codes so the country columns can be checked.
SENTENCES = [
    "Foreign warplanes bombed a crowded market in Vell on Tuesday, killing six villagers.",
    "Army gunners shelled rebel trenches outside Dorn.",
    "The Eastern Front and the government agreed a truce in Kessa in March.",
    "A rebel spokesman denied that his fighters had attacked anyone.",
    "The envoy visited the capital.",
    "Hundreds of students marched through the old town.",
]
BODY = " ".join(SENTENCES)
STARTS = [BODY.index(s) for s in SENTENCES]


def at(word: str, sentence: int = 0) -> tuple[int, int]:
    start = BODY.index(word, STARTS[sentence])
    return start, start + len(word)


def actor(word: str, sentence: int, name: str | None, country: str | None, sector: str | None) -> Actor:
    return Actor(*at(word, sentence), word, name, country, sector)


def place(word: str, sentence: int, country: str, lat: float | None, lon: float | None) -> Place:
    resolved = lat is not None
    return Place(*at(word, sentence), word, word if resolved else None, country, lat, lon, resolved=resolved)


def event(index: int, type_: str, mode: str | None, trigger: str, **fields: object) -> Event:
    start = STARTS[index]
    return Event(
        "art1",
        index,
        type_,
        mode,
        start,
        start + len(SENTENCES[index]),
        SENTENCES[index],
        Trigger(*at(trigger, index), trigger, trigger.lower()),
        **fields,  # type: ignore[arg-type]
    )


def build_events() -> list[Event]:
    killed = Quantity(*at("six villagers"), "six villagers", "killed", 6)
    front = actor("Eastern Front", 2, "Eastern Front", "SYR", "REB")
    government = actor("government", 2, "Government of Syria", "SYR", "GOV")
    truce_parties = Actor(front.start, government.end, BODY[front.start : government.end], members=(front, government))
    return [
        event(
            0,
            "ASSAULT",
            "aerial",
            "bombed",
            actor=actor("warplanes", 0, "Turkish Air Force", "TUR", "MIL"),
            recipient=actor("villagers", 0, None, None, None),
            place=place("Vell", 0, "SYR", 36.25, 37.5),
            date="2020-02-04",
            date_precision="day",
            killed=killed,
        ),
        event(
            1,
            "ASSAULT",
            "shelling",
            "shelled",
            actor=actor("Army gunners", 1, "Military Forces of Syria", "SYR", "MIL"),
            recipient=actor("rebel", 1, None, None, "REB"),
            place=place("Dorn", 1, "SYR", 35.9, 36.6),
            date="2020-W06",
            date_precision="week",
        ),
        event(
            2,
            "AGREE",
            "ceasefire_agreed",
            "agreed",
            actor=truce_parties,
            place=place("Kessa", 2, "SYR", None, None),
            date="2020-03",
            date_precision="month",
            ceasefire="agreed",
            context=("ceasefire",),
        ),
        event(
            3,
            "ASSAULT",
            None,
            "attacked",
            actor=actor("fighters", 3, None, "SYR", "REB"),
            stance="denied",
            claimed_by=actor("spokesman", 3, "rebel spokesman", "SYR", "REB"),
            date="2020-02-05",
            date_precision="reported by",
            date_from_publication=True,
            links=(("denies", 0),),
        ),
        event(4, "CONSULT", "visit", "visited", actor=actor("envoy", 4, None, None, "IGO")),
        event(5, "PROTEST", "demonstrate", "marched", actor=actor("students", 5, None, "SYR", "EDU")),
    ]


@pytest.fixture(scope="module")
def items() -> list[dict[str, object]]:
    events = build_events()
    return [event_json(e, events) for e in events]


def export(exporter_class: type[Exporter], items: list[dict[str, object]]) -> str:
    out = io.StringIO()
    exporter = exporter_class(out)
    exporter.start()
    for item in items:
        exporter.export_item(item)
    exporter.finish()
    return out.getvalue()


def acled_rows(items: list[dict[str, object]]) -> dict[str, dict[str, str]]:
    return {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(export(AcledExporter, items)))}


# -- ACLED ----------------------------------------------------------------------------------------------------------
def test_acled_types_follow_the_ontology_mapping(items: list[dict[str, object]]) -> None:
    rows = acled_rows(items)
    assert len(rows) == len(items)  # non-violent types are kept, as Strategic developments / Other
    airstrike, shelling, truce = rows["art1-e0"], rows["art1-e1"], rows["art1-e2"]
    assert (airstrike["event_type"], airstrike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (truce["event_type"], truce["sub_event_type"]) == ("Strategic developments", "Agreement")
    assert (rows["art1-e4"]["event_type"], rows["art1-e4"]["sub_event_type"]) == ("Strategic developments", "Other")
    assert rows["art1-e5"]["sub_event_type"] == "Peaceful protest"
    assert airstrike["disorder_type"] == "Political violence"
    assert rows["art1-e5"]["disorder_type"] == "Demonstrations"
    assert truce["disorder_type"] == "Strategic developments"


def test_acled_inter_codes_come_from_sectors_and_roles(items: list[dict[str, object]]) -> None:
    rows = acled_rows(items)
    # Turkish forces striking in Syria are external (8); the unlabelled "villagers" are civilians by their word (7)
    assert (rows["art1-e0"]["inter1"], rows["art1-e0"]["inter2"], rows["art1-e0"]["interaction"]) == ("8", "7", "78")
    assert rows["art1-e0"]["civilian_targeting"] == "Civilian targeting"
    # a state's own army against rebels in its country: 1 against 2
    assert (rows["art1-e1"]["inter1"], rows["art1-e1"]["inter2"], rows["art1-e1"]["interaction"]) == ("1", "2", "12")
    # no second actor: inter2 0 and a "20"-style interaction
    assert (rows["art1-e3"]["inter2"], rows["art1-e3"]["interaction"]) == ("0", "20")
    # students marching are protesters whatever their sector; an IGO envoy is external/other
    assert rows["art1-e5"]["inter1"] == "6"
    assert rows["art1-e4"]["inter1"] == "8"


def test_acled_compound_actor_fatalities_dates_and_stance(items: list[dict[str, object]]) -> None:
    rows = acled_rows(items)
    truce = rows["art1-e2"]
    assert (truce["actor1"], truce["assoc_actor_1"]) == ("Eastern Front", "Government of Syria")
    assert truce["inter1"] == "2"
    assert rows["art1-e0"]["fatalities"] == "6" and rows["art1-e1"]["fatalities"] == "0"
    assert (rows["art1-e0"]["event_date"], rows["art1-e0"]["year"], rows["art1-e0"]["time_precision"]) == (
        "2020-02-04",
        "2020",
        "1",
    )
    assert (rows["art1-e1"]["event_date"], rows["art1-e1"]["time_precision"]) == ("2020-02-03", "2")
    assert (truce["event_date"], truce["time_precision"]) == ("2020-03-01", "3")
    assert rows["art1-e3"]["time_precision"] == "2"  # dated by the report: at or shortly before that day
    assert (rows["art1-e3"]["stance"], rows["art1-e3"]["claimed_by"]) == ("denied", "rebel spokesman")
    assert rows["art1-e0"]["country"] == "Syria" and rows["art1-e0"]["iso"] == "760"
    assert (rows["art1-e0"]["latitude"], rows["art1-e0"]["longitude"]) == ("36.25", "37.5")
    assert rows["art1-e0"]["notes"] == SENTENCES[0] and rows["art1-e0"]["source"] == "art1"
    # events without a place: empty location columns, no crash
    assert rows["art1-e3"]["location"] == "" and rows["art1-e3"]["geo_precision"] == ""


@pytest.mark.parametrize(("where", "expected"), [("SYR", ("8", "1")), ("TUR", ("1", "8"))])
def test_acled_bare_country_is_its_state_and_foreign_forces_are_external(where: str, expected: tuple[str, str]) -> None:
    def strike(attacker: Actor) -> dict[str, str]:
        shelling = event(
            1,
            "ASSAULT",
            "shelling",
            "shelled",
            actor=attacker,
            recipient=Actor(*at("rebel", 1), "rebel trenches", "Military Forces of Syria", "SYR", "MIL"),
            place=place("Dorn", 1, where, 36.0, 37.0),
        )
        return next(iter(acled_rows([event_json(shelling)]).values()))

    row = strike(Actor(*at("Army", 1), "Army", "Turkey", "TUR", None))
    assert (row["inter1"], row["inter2"]) == expected
    # a town named as an actor is not a state: left blank rather than guessed
    assert strike(Actor(*at("Kessa", 2), "Kessa", "Kessa", "TUR", None))["inter1"] == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-06-13", date(2019, 6, 13)),
        ("2019-06", date(2019, 6, 1)),
        ("2019-W24", date(2019, 6, 10)),
        ("2019-Q3", date(2019, 7, 1)),
        ("2019-SU", date(2019, 6, 1)),
        ("2019", date(2019, 1, 1)),
        ("2019-06-13TNI", date(2019, 6, 13)),
        ("2019-W24-WE", date(2019, 6, 15)),
        ("2019-H2", date(2019, 7, 1)),
        ("2019-W54", None),
        ("201", None),
        ("2019-02-30", None),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_acled_date_is_the_first_day_of_the_interval(value: object, expected: date | None) -> None:
    assert acled_date(value) == expected


def test_interaction_orders_codes() -> None:
    assert interaction("7", "1") == "17"
    assert interaction("3", "0") == "30"
    assert interaction("", "1") == ""


# -- PLOVER ---------------------------------------------------------------------------------------------------------
def test_plover_records_carry_cameo_codes_and_our_additions(items: list[dict[str, object]]) -> None:
    records = {r["id"]: r for r in map(json.loads, export(PloverExporter, items).splitlines())}
    assert [records[f"art1-e{i}"]["cameo"] for i in range(4)] == ["195", "194", "0871", "190"]
    strike = records["art1-e0"]
    assert strike["event_type"] == "ASSAULT" and strike["mode"] == "aerial"
    assert strike["source"]["actorText"] == "warplanes" and strike["source"]["code"] == "TURMIL"
    assert strike["target"]["actorText"] == "villagers" and strike["target"]["code"] is None
    assert strike["location"]["lat"] == 36.25 and strike["location"]["country"] == "SYR"
    assert strike["text"] == SENTENCES[0] and strike["killed"] == 6
    truce = records["art1-e2"]
    assert truce["context"] == ["ceasefire"] and len(truce["source"]["members"]) == 2
    denial = records["art1-e3"]
    assert denial["stance"] == "denied" and denial["claimed_by"]["name"] == "rebel spokesman"
    assert denial["links"] == [{"relation": "denies", "event": "art1-e0"}]
    assert denial["location"] is None and denial["target"] is None


def test_plover_unknown_type_has_no_cameo(items: list[dict[str, object]]) -> None:
    odd = dict(items[0], type="NOT_A_TYPE")
    record = json.loads(export(PloverExporter, [odd]))
    assert record["cameo"] is None
    row = next(iter(acled_rows([odd]).values()))
    assert row["event_type"] == "" and row["plover_type"] == "NOT_A_TYPE"


# -- GeoJSON --------------------------------------------------------------------------------------------------------
def test_geojson_points_are_lon_lat_and_unmappable_events_are_counted(items: list[dict[str, object]]) -> None:
    collection = json.loads(export(GeoJsonExporter, items))
    assert collection["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in collection["features"]}
    assert set(by_id) == {"art1-e0", "art1-e1"}
    assert by_id["art1-e0"]["geometry"] == {"type": "Point", "coordinates": [37.5, 36.25]}
    props = by_id["art1-e0"]["properties"]
    assert props["type"] == "ASSAULT" and props["cameo"] == "195" and props["killed"] == 6
    assert props["actor_name"] == "Turkish Air Force" and props["place_name"] == "Vell"
    assert collection["skipped_without_coordinates"] == len(items) - 2


def strict_json(constant: str) -> float:
    """json.loads accepts NaN and Infinity, which GeoJSON readers (and RFC 8259) do not: fail on them."""
    raise AssertionError(f"{constant} is not valid JSON")


def test_geojson_with_no_feature_is_still_valid() -> None:
    collection = json.loads(export(GeoJsonExporter, []))
    assert collection == {"type": "FeatureCollection", "features": [], "skipped_without_coordinates": 0}


@given(
    st.lists(
        st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-500, 500)),
        min_size=2,
        max_size=8,
    )
)
def test_geojson_is_valid_json_whatever_the_coordinates(values: list[float | int | None]) -> None:
    items = [
        {"id": f"x-e{i}", "type": "ASSAULT", "place": {"name": "P", "lat": lat, "lon": lon}}
        for i, (lat, lon) in enumerate(zip(values, values[1:] + values[:1], strict=True))
    ]
    collection = json.loads(export(GeoJsonExporter, items), parse_constant=strict_json)
    for f in collection["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert math.isfinite(lon) and math.isfinite(lat) and -90 <= lat <= 90 and -180 <= lon <= 180
    assert len(collection["features"]) + collection["skipped_without_coordinates"] == len(items)


def test_every_event_format_is_registered() -> None:
    assert {"acled", "plover", "geojson"} <= set(EVENT_FORMATS)
    assert isinstance(exporter_for("events", "geojson", io.StringIO()), GeoJsonExporter)


# -- through the CLI ------------------------------------------------------------------------------------------------
def test_cli_exports_parse(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    events = build_events()
    pub = PubDate("2020-02-05", date(2020, 2, 5), date(2020, 2, 5), "day", ("metadata: given",))
    art = Article("art1", "art1.txt", "Strikes and a truce", None, "Test Wire", pub, CleanedText("Strikes", BODY))
    with Store.open(db) as store:
        store.add_documents([RawDocument("art1", "text", BODY, "art1.txt")])
        store.save_analysis(Analysis(art, events=events))
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--db", db], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    rows = list(csv.DictReader(io.StringIO(run("events", "--format", "acled"))))
    assert sorted(r["event_id_cnty"] for r in rows) == sorted(e.id for e in events)
    records = [json.loads(line) for line in run("events", "--format", "plover").splitlines()]
    assert {r["id"]: r["cameo"] for r in records}["art1-e1"] == "194"
    collection = json.loads(run("events", "--format", "geojson"))
    assert len(collection["features"]) == 2 and collection["skipped_without_coordinates"] == 4
    filtered = json.loads(run("timeline", "--format", "geojson", "--type", "AGREE"))
    assert filtered["features"] == [] and filtered["skipped_without_coordinates"] == 1
