"""Measuring actor resolution on PLOVER gold records: does resolve(actorText) give the gold country code?

    python -m truceline.actors.gold ../shared/eval/plover/plover_gsr.json

Gold codes are ISO-3 country codes, or IGO/NGO/IMG for organisations and transnational groups; an actor
matches an organisation code when its own code starts with it. Prints JSON with the accuracy and the misses.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from truceline.actors.dictionary import ActorDictionary
from truceline.errors import EvalError
from truceline.model import Actor

ORG_ROOTS = frozenset({"IGO", "NGO", "IMG"})


def code_matches(actor: Actor | None, gold: str) -> bool:
    """True when the actor (or any member of a compound) carries the gold country or organisation code."""
    if actor is None:
        return False
    if actor.members:
        return any(code_matches(m, gold) for m in actor.members)
    if gold in ORG_ROOTS:
        return bool(actor.code and actor.code.startswith(gold)) or actor.sector == gold
    return actor.country == gold


# Older TABARI/KEDS country codes some gold records still use, with the ISO-3 code they stand for.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def plover_actor_accuracy(path: Path, book: ActorDictionary | None = None, *, context: bool = False) -> dict[str, Any]:
    """Accuracy of resolve(actorText) against the gold code over every source and target actor.

    With `context`, the record's sentence gives the story country (as the pipeline does with the article), so
    agents and unknown office holders ("rebels", "President X") can take it; without, the phrase stands alone.
    """
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read PLOVER gold file {path}: {exc}") from exc
    book = book or ActorDictionary.load()
    total = right = 0
    misses: list[dict[str, Any]] = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            continue
        when = _date(record.get("date"))
        story = book.story_country(str(record.get("text", ""))) if context else None
        for role in ("source", "target"):
            for gold in record.get(role) or []:
                text, code = str(gold.get("actorText", "")).strip(), str(gold.get("code", ""))
                code = LEGACY_CODES.get(code, code)
                if not text or not code:
                    continue
                actor = book.resolve(text, when=when, story_country=story)
                total += 1
                if code_matches(actor, code):
                    right += 1
                else:
                    found = actor.code or actor.country if actor else None
                    misses.append({"text": text, "gold": code, "got": found})
    return {"actors": total, "country_accuracy": round(right / total, 4) if total else 0.0, "misses": misses}


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


if __name__ == "__main__":
    gold_path = Path(sys.argv[1])
    alone = plover_actor_accuracy(gold_path)
    with_context = plover_actor_accuracy(gold_path, context=True)
    print(json.dumps({"phrase_alone": alone, "with_story_country": with_context}, indent=1))
