"""Contradictions: what the reports of one canonical event disagree on, kept with who says what, never averaged.

- ``figure``: two or more different values for one casualty figure (killed, injured) given by different sources
  (different reports, or different attributions within one report: rescuers say 39, the monitor 31);
- ``date``: two or more different days for the event, from different reports;
- ``denial``: the event asserted or claimed by some, denied by others;
- ``doer``: who did it, told differently by different tellers (one side says the army struck the camp, the other that
  the rebels shelled it): two sides of the conflict named as the doer of one happening, each in a claim of its own
  teller, and neither the target of the other (that is an exchange of fire, not a dispute). A state's government and
  forces are one side; a group named by its own code another; fire known only by the ground it came from (sector UAF)
  disputes no one.

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
    doers: dict[str, list[Mapping[str, Any]]] = {}
    for m in affirmed:
        side = _side(m, "actor")
        if side is not None and m.get("stance") == "claimed":
            doers.setdefault(side, []).append(m)
    tellers = {_who(ms[0]) for ms in doers.values()}
    # one side's act on the other and the other's on the first are an exchange, not a dispute over one act
    struck = {_side(m, "recipient") for ms in doers.values() for m in ms}
    if len(doers) >= 2 and len(tellers) >= 2 and not struck & set(doers):
        positions = [_position(ms[0], ms[0].get("actor_name") or side) for side, ms in sorted(doers.items())]
        out.append({"kind": "doer", "subject": "who did it", "positions": positions})
    return out


_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _side(m: Mapping[str, Any], role: str) -> str | None:
    """The side of the conflict a mention names as its doer (`role` "actor") or target ("recipient"): a named group
    by its code ("SDNMILRSF"), else its country's state or the country and sector of an unnamed group; None for
    joint, unplaced or unidentified parties."""
    code, countries = m.get(f"{role}_code"), m.get(role) or []
    if not code or "/" in code or len(countries) != 1 or not code.startswith(countries[0]):
        return None
    sector, group = code[3:6], code[6:]
    if sector == "UAF":
        return None
    if group:
        return code
    return f"{countries[0]}:{'state' if sector in _STATE or not sector else sector}"
