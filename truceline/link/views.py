"""What the link stage's tables say, as the JSON objects `truceline stories` (and the web app) show."""

from __future__ import annotations

from typing import Any

from truceline.errors import InputError
from truceline.store import Store

TOP = 6


def stories(store: Store) -> list[dict[str, Any]]:
    """Every story: its span of dates, report and source counts, main places and actors, and its headline."""
    out = []
    for story in store.link.stories():
        if not story["n_reports"]:
            continue
        counts = store.link.story_counts(story["id"])
        reports = store.link.story_reports(story["id"])
        out.append(
            {
                "id": story["id"],
                "first": story["date_lo"],
                "last": story["date_hi"],
                "reports": counts["reports"],
                "independent_sources": counts["independent"],
                "outlets": counts["outlets"],
                "clusters": counts["clusters"],
                "places": [[name, n] for name, n in store.link.story_mentions(story["id"], "place", TOP)],
                "actors": [[name, n] for name, n in store.link.story_mentions(story["id"], "actor", TOP)],
                "headline": next((r["title"] for r in reports if r["title"]), None),
                "report_ids": [r["article_id"] for r in reports],
            }
        )
    return out


def resolve_story(store: Store, story_id: str) -> str:
    """A story id given in full or by a prefix, followed through merges; a clear error when there is none."""
    found = store.link.resolve_story(story_id)
    if found is None:
        raise InputError(f"no story {story_id!r} in {store.path}: list them with `truceline stories`")
    return found


def story_table(item: dict[str, Any]) -> str:
    """One story as `truceline stories` prints it."""
    span = f"{item['first'] or '?'} .. {item['last'] or '?'}"
    head = (
        f"{item['id']:<14} {span:<24} {item['reports']} report(s), {item['independent_sources']} independent, "
        f"{item['clusters']} event cluster(s)"
    )
    lines = [head]
    if item.get("headline"):
        lines.append(f"{'':15}{item['headline']}")
    if item["places"]:
        lines.append(f"{'':15}places: " + ", ".join(f"{n} ({k})" for n, k in item["places"]))
    if item["actors"]:
        lines.append(f"{'':15}actors: " + ", ".join(f"{n} ({k})" for n, k in item["actors"]))
    return "\n".join(lines) + "\n"


def agreements(store: Store, story_id: str | None = None) -> list[dict[str, Any]]:
    """Every agreement with its dates, parties, status, what superseded or extended what, its terms, the
    reports that name it and the events linked to it (of one story's reports when `story_id` is given)."""
    out = []
    for a in store.link.agreements(limit=None):
        data = a["data"]
        mentions = store.link.agreement_mentions(a["id"])
        events = store.link.agreement_events(a["id"])
        if story_id is not None:
            stories = store.link.story_of_articles(sorted({m["article_id"] for m in mentions}))
            if story_id not in stories.values():
                continue
        if a["origin"] == "known" and not mentions:
            continue  # a known agreement the corpus never speaks of
        out.append(
            {
                "id": a["id"],
                "name": a["name"],
                "kind": a["kind"],
                "origin": a["origin"],
                "signed": a["signed"],
                "in_force": a["in_force"],
                "zone": a["zone"],
                "parties": data.get("parties", []),
                "mediators": data.get("mediators", []),
                "status": a["status"],
                "supersedes": data.get("supersedes"),
                "superseded_by": data.get("superseded_by"),
                "extends": data.get("extends"),
                "extended_by": data.get("extended_by"),
                # a truce asked for and not (yet) told made: the day of the call, who called, the day it was to begin
                "proposed": (
                    {
                        "day": data["proposed"],
                        "by": data.get("proposed_by", []),
                        "start": data.get("proposed_start"),
                    }
                    if data.get("proposed")
                    else None
                ),
                "terms": data.get("terms", []),
                "source": data.get("source"),
                "mentions": [
                    {"article_id": m["article_id"], "text": m["text"], "start_char": m["start"], "end_char": m["end"]}
                    for m in mentions
                ],
                "events": [
                    {
                        "event_id": e["event_id"],
                        "relation": e["relation"],
                        "date": e["event"].get("date"),
                        "type": e["event"].get("type"),
                        "stance": e["event"].get("stance"),
                        "sentence": e["event"].get("sentence"),
                        "article_id": e["article_id"],
                    }
                    for e in events
                ],
            }
        )
    return out


def agreement_table(item: dict[str, Any]) -> str:
    """One agreement as `truceline agreements` prints it."""
    when = " ".join(
        x
        for x in (
            f"signed {item['signed']}" if item["signed"] else "",
            f"in force {item['in_force']}" if item["in_force"] else "",
        )
        if x
    )
    lines = [f"{item['id']:<34} {item['name']}  [{item['status']}]  {when}".rstrip()]
    who = ", ".join(item["parties"]) or "?"
    extra = f"; mediators {', '.join(item['mediators'])}" if item["mediators"] else ""
    lines.append(f"{'':35}{item['kind']}, zone {item['zone'] or '?'}; parties {who}{extra}; from {item['origin']}")
    for key, label in (
        ("supersedes", "supersedes"),
        ("superseded_by", "superseded by"),
        ("extends", "extends"),
        ("extended_by", "extended by"),
    ):
        if item.get(key):
            lines.append(f"{'':35}{label} {item[key]}")
    asked = item.get("proposed")
    if asked:
        by = f" by {', '.join(asked['by'])}" if asked["by"] else ""
        start = f", to begin {asked['start']}" if asked["start"] else ""
        lines.append(f"{'':35}proposed {asked['day']}{by}{start}")
    for term in item["terms"][:4]:
        lines.append(f"{'':35}term: {term.get('text')}")
    lines.append(
        f"{'':35}named {len(item['mentions'])} time(s) in {len({m['article_id'] for m in item['mentions']})} report(s)"
    )
    relations: dict[str, int] = {}
    for e in item["events"]:
        relations[e["relation"]] = relations.get(e["relation"], 0) + 1
    if relations:
        lines.append(f"{'':35}events: " + ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
    for e in item["events"]:
        if e["relation"] in ("violation", "accusation", "denial", "collapse", "announcement", "in force"):
            lines.append(f"{'':37}{e['relation']}: {e['date']} {e['type']} [{e['event_id']}] {str(e['sentence'])[:90]}")
    return "\n".join(lines) + "\n"


def contradiction_table(item: dict[str, Any]) -> str:
    """One contradiction as `truceline contradictions` prints it: who says what, and where."""
    lines = [f"{item['date'] or '?'}  {item['event_type']} {item['canonical_id']}: {item['kind']} ({item['subject']})"]
    for p in item["positions"]:
        lines.append(f"    {p['value']!s:<10} says {p['who']} ({p.get('outlet') or 'no outlet'}) [{p['event_id']}]")
    return "\n".join(lines) + "\n"
