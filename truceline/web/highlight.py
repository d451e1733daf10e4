"""An article's body cut into pieces for the article page: evidence sentences (anchors an event links to) holding
marked extractions (actors, places, times, figures, event triggers), each linked to the rows it feeds.

Pure: it takes the body, the stored mentions and the events, and returns plain data the template escapes. Spans
are the stored character offsets; where two overlap, the earlier (then the longer) one is marked, as
`truceline show` does, and the other is still listed under the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def sentence_anchor(start: int, end: int) -> str:
    """The id of an evidence sentence in the article page (events link to /articles/ID#s-START-END)."""
    return f"s-{start}-{end}"


def _greedy(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Non-overlapping spans, earliest first, then longest."""
    out: list[dict[str, Any]] = []
    pos = -1
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if span["start"] >= pos and span["end"] > span["start"]:
            out.append(span)
            pos = span["end"]
    return out


def _crosses(mark: dict[str, Any], span: dict[str, Any]) -> bool:
    overlaps = span["start"] < mark["end"] and mark["start"] < span["end"]
    inside = span["start"] <= mark["start"] and mark["end"] <= span["end"]
    return overlaps and not inside


def _mark_link(mention: dict[str, Any], event_id: str | None) -> str | None:
    """Where a marked extraction leads: its event row on this page, or the events table filtered by it."""
    layer, data = mention["layer"], mention.get("data") or {}
    if layer == "actor":
        key = data.get("country") or data.get("name") or mention["text"]
        return "/events?" + urlencode({"actor": key})
    if layer == "place":
        return "/events?" + urlencode({"place": data.get("name") or mention["text"]})
    if layer == "time":
        value = str(mention.get("label") or "")
        if DATE_VALUE.match(value):
            return "/events?" + urlencode({"since": value, "until": value})
    return f"#ev-{event_id}" if event_id else None


def segments(body: str, mentions: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The body as a list of pieces: {"text"} for plain text, {"mark", "text", "href", "title"} for an extraction,
    {"sentence", "id", "events", "parts"} for an evidence sentence holding pieces of the first two kinds."""
    n = len(body)
    sentences: dict[tuple[int, int], list[str]] = {}
    triggers: list[dict[str, Any]] = []
    for ev in events:
        start, end = int(ev.get("start_char") or 0), int(ev.get("end_char") or 0)
        if 0 <= start < end <= n:
            sentences.setdefault((start, end), []).append(str(ev["id"]))
        trig = ev.get("trigger") or {}
        ts, te = trig.get("start_char"), trig.get("end_char")
        if isinstance(ts, int) and isinstance(te, int) and 0 <= ts < te <= n:
            triggers.append({"layer": "trigger", "start": ts, "end": te, "text": body[ts:te], "event": ev})
    spans = _greedy([{"start": s, "end": e, "events": ids} for (s, e), ids in sentences.items()])
    marks = _greedy(
        [
            {**m, "start": int(m["start"]), "end": int(m["end"])}
            for m in mentions
            if 0 <= int(m["start"]) < int(m["end"]) <= n
        ]
        + triggers
    )
    # a mark crossing a sentence's edge would break the nesting: it stays listed under the text, unmarked here
    marks = [m for m in marks if not any(_crosses(m, s) for s in spans)]

    def event_at(pos: int) -> str | None:
        for s in spans:
            if s["start"] <= pos < s["end"]:
                return str(s["events"][0])
        return None

    def pieces(lo: int, hi: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        pos = lo
        for m in marks:
            if m["start"] < lo or m["end"] > hi:
                continue
            if m["start"] > pos:
                out.append({"text": body[pos : m["start"]]})
            text = body[m["start"] : m["end"]]
            if m["layer"] == "trigger":
                ev = m["event"]
                out.append(
                    {"mark": "trigger", "text": text, "href": f"#ev-{ev['id']}", "title": f"event {ev.get('type')}"}
                )
            else:
                label = m.get("label") or ""
                out.append(
                    {
                        "mark": m["layer"],
                        "text": text,
                        "href": _mark_link(m, event_at(m["start"])),
                        "title": f"{m['layer']}: {label}" if label else m["layer"],
                    }
                )
            pos = m["end"]
        if pos < hi:
            out.append({"text": body[pos:hi]})
        return out

    result: list[dict[str, Any]] = []
    pos = 0
    for s in spans:
        if s["start"] > pos:
            result.extend(pieces(pos, s["start"]))
        result.append(
            {
                "sentence": True,
                "id": sentence_anchor(s["start"], s["end"]),
                "events": s["events"],
                "parts": pieces(s["start"], s["end"]),
            }
        )
        pos = s["end"]
    if pos < n:
        result.extend(pieces(pos, n))
    return result
