"""The web app's pure parts: the article highlighter and the basemap converter."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from truceline.web.build_basemap import convert
from truceline.web.highlight import segments

BODY = "Rebels shelled Saraqib on Monday, killing four people. Talks went on in Moscow."


def _flat(pieces: list[dict[str, Any]]) -> str:
    out = []
    for p in pieces:
        out.append(_flat(p["parts"]) if p.get("sentence") else p["text"])
    return "".join(out)


def _event(eid: str, start: int, end: int, trigger: tuple[int, int]) -> dict[str, Any]:
    return {"id": eid, "type": "ASSAULT", "start_char": start, "end_char": end,
            "trigger": {"start_char": trigger[0], "end_char": trigger[1]}}  # fmt: skip


def test_sentences_hold_their_marks_and_link_them() -> None:
    mentions = [
        {"layer": "actor", "start": 0, "end": 6, "text": "Rebels", "label": "SYRREB", "data": {"country": "SYR"}},
        {"layer": "place", "start": 15, "end": 22, "text": "Saraqib", "label": "Saraqib", "data": {"name": "Saraqib"}},
        {"layer": "time", "start": 26, "end": 32, "text": "Monday", "label": "2020-02-03", "data": {}},
        {"layer": "quantity", "start": 34, "end": 53, "text": "killing four people", "label": "killed", "data": {}},
        {"layer": "place", "start": 72, "end": 78, "text": "Moscow", "label": "Moscow", "data": {"name": "Moscow"}},
    ]
    pieces = segments(BODY, mentions, [_event("a-e0", 0, 54, (7, 14))])
    assert _flat(pieces) == BODY
    sentence = next(p for p in pieces if p.get("sentence"))
    assert sentence["id"] == "s-0-54" and sentence["events"] == ["a-e0"]
    marks = {p["text"]: p for p in sentence["parts"] if p.get("mark")}
    assert marks["shelled"]["href"] == "#ev-a-e0" and marks["shelled"]["mark"] == "trigger"
    assert marks["Rebels"]["href"] == "/events?actor=SYR"
    assert marks["Saraqib"]["href"] == "/events?place=Saraqib"
    assert marks["Monday"]["href"] == "/events?since=2020-02-03&until=2020-02-03"
    assert marks["killing four people"]["href"] == "#ev-a-e0"  # a figure leads to the event of its sentence
    outside = [p for p in pieces if p.get("mark")]
    assert [p["text"] for p in outside] == ["Moscow"]  # marks outside evidence sentences are marked too


def test_overlapping_spans_keep_the_text_whole() -> None:
    mentions = [
        {"layer": "actor", "start": 0, "end": 14, "text": BODY[0:14], "label": "", "data": {}},
        {"layer": "actor", "start": 7, "end": 22, "text": BODY[7:22], "label": "", "data": {}},
        {"layer": "place", "start": 50, "end": 60, "text": BODY[50:60], "label": "", "data": {}},  # crosses a sentence
        {"layer": "place", "start": 70, "end": 999, "text": "", "label": "", "data": {}},  # outside the text
    ]
    events = [_event("a-e0", 0, 54, (7, 14)), _event("a-e1", 0, 54, (0, 6)), _event("a-e2", 55, 79, (60, 64))]
    pieces = segments(BODY, mentions, events)
    assert _flat(pieces) == BODY
    sentences = [p for p in pieces if p.get("sentence")]
    assert [s["events"] for s in sentences] == [["a-e0", "a-e1"], ["a-e2"]]


@given(st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), max_size=12))
def test_any_spans_give_back_the_body(spans: list[tuple[int, int]]) -> None:
    mentions = [{"layer": "actor", "start": a, "end": b, "text": "", "label": "", "data": {}} for a, b in spans]
    events = [_event(f"x-e{i}", a, b, (b, a)) for i, (a, b) in enumerate(spans[:4])]
    assert _flat(segments(BODY, mentions, events)) == BODY


def test_basemap_converter_decodes_arcs_and_unwraps_the_antimeridian() -> None:
    topo = {
        "type": "Topology",
        "transform": {"scale": [1.0, 1.0], "translate": [-180.0, -90.0]},
        "arcs": [
            [[10, 10], [10, 0], [0, 10], [-10, 0], [0, -10]],  # a square from (-170,-80) by delta steps
            [[355, 100], [4, 0], [-358, 0], [0, 4], [358, 0], [-4, -4]],  # a ring crossing 180 degrees
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Square"}},
                    {"type": "MultiPolygon", "arcs": [[[1]]], "properties": {"name": "Wrapped"}},
                    {"type": "Point", "coordinates": [0, 0]},
                ],
            }
        },
    }
    geo = convert(topo)
    assert [f["properties"]["name"] for f in geo["features"]] == ["Square", "Wrapped"]
    square = geo["features"][0]["geometry"]["coordinates"][0]
    assert square == [[-170.0, -80.0], [-160.0, -80.0], [-160.0, -70.0], [-170.0, -70.0], [-170.0, -80.0]]
    wrapped = geo["features"][1]["geometry"]["coordinates"][0][0]
    xs = [x for x, _ in wrapped]
    assert max(xs) - min(xs) < 180 and max(xs) > 180  # drawn past 180 degrees, not across the world
