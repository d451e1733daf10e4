"""Contradictions: what the reports of one canonical event disagree on, kept with who says what, never averaged.

- ``figure``: two or more different values for one casualty figure (killed, injured) given by different sources
  (different reports, or different attributions within one report: rescuers say 39, the monitor 31);
- ``date``: two or more different days for the event, from different reports;
- ``denial``: the event asserted or claimed by some, denied by others.

Each position lists its value (or stance), who says so (the attribution in the sentence, else the outlet) and
where (article id, event id, the sentence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

COMPARABLE = 3.0  # figures further apart than this factor are taken for counts of different people


def _who(m: Mapping[str, Any], q: Mapping[str, Any] | None = None) -> str:
    return str((q or {}).get("according_to") or m.get("claimed_by") or m.get("source") or "the report")


def _position(m: Mapping[str, Any], value: object, q: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return {
        "value": value,
        "who": _who(m, q),
        "outlet": m.get("source"),
        "article_id": m["article_id"],
        "event_id": m["event_id"],
        "sentence": m.get("sentence"),
        "qualifier": (q or {}).get("qualifier"),
    }


def _comparable(a: object, b: object) -> bool:
    x, y = int(a), int(b)  # type: ignore[call-overload]
    return max(x, y) <= COMPARABLE * max(min(x, y), 1)


def find(mentions: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The contradictions among one canonical event's mentions."""
    out: list[dict[str, Any]] = []
    for kind in ("killed", "injured"):
        # figures about different people (Turkish soldiers killed, Syrian soldiers killed) do not dispute each other
        groups: dict[str, list[dict[str, Any]]] = {}
        seen: set[tuple[object, str]] = set()
        for m in mentions:
            q = m.get(kind)
            if not q or q.get("value") is None:
                continue
            key = (q["value"], _who(m, q) + m["article_id"])
            if key not in seen:
                seen.add(key)
                groups.setdefault(str(q.get("who_country") or ""), []).append(_position(m, q["value"], q))
        unnamed = groups.pop("", [])
        if len(groups) == 1:
            # a figure that does not say whose dead it counts disputes the named one only when it is of a size
            # that could count the same people
            ((whose, named),) = groups.items()
            close = [p for p in unnamed if any(_comparable(p["value"], q["value"]) for q in named)]
            groups = {whose: named + close}
        elif not groups:
            groups = {"": unnamed}
        for whose, positions in sorted(groups.items()):
            if len({p["value"] for p in positions}) >= 2:
                subject = f"{kind} ({whose})" if whose else kind
                out.append({"kind": "figure", "subject": subject, "positions": positions})
    days = [m for m in mentions if m.get("precision") == "day" and m.get("date")]
    by_day: dict[str, list[Mapping[str, Any]]] = {}
    for m in days:
        by_day.setdefault(str(m["date"])[:10], []).append(m)
    articles = {d: {m["article_id"] for m in ms} for d, ms in by_day.items()}
    if len(by_day) >= 2 and len(set().union(*articles.values())) >= 2:
        positions = [_position(ms[0], d) for d, ms in sorted(by_day.items())]
        out.append({"kind": "date", "subject": "day", "positions": positions})
    denied = [m for m in mentions if m.get("stance") == "denied"]
    affirmed = [m for m in mentions if m.get("stance") in ("asserted", "claimed")]
    if denied and affirmed:
        positions = [_position(m, m["stance"]) for m in affirmed] + [_position(m, "denied") for m in denied]
        out.append({"kind": "denial", "subject": "whether it happened", "positions": positions})
    return out
