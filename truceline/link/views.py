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
