"""`truceline eval clusters FILE`: score stories and event clusters on a user's own labelled reports.

FILE holds JSON lines ``{"id", "text", "event", "story"?, "title"?, "published"?, "url"?, "source"?}``: a report
and the labels of the real-world happening (``event``) and, optionally, the long-running situation (``story``) it
belongs to; labels are any strings. The reports go through the whole pipeline and the link stage in a fresh
database (truceline/eval/clustering.py).

Prints ``{"documents", "event": {"b3_p", "b3_r", "b3_f1", "ari"}, "story": {...}}`` (``story`` only when some
lines carry one). The split key is the record's ``id``. ``--baseline tfidf`` scores TF-IDF average linkage told
the true number of groups; ``--limit N`` keeps the first N records of the part.
"""

from __future__ import annotations

import json
from pathlib import Path

from truceline.errors import EvalError, InputError
from truceline.eval.clustering import Labelled, baseline, evaluate
from truceline.eval.split import describe, select, wanted_part


def _text(row: dict[str, object], key: str, where: str, *, required: bool = False) -> str | None:
    value = row.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        raise EvalError(f"{where}: '{key}' must be a non-empty string" + ("" if required else " or absent"))
    return str(value)


def read(path: Path) -> list[Labelled]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}; give a UTF-8 JSON lines file") from None
    records: list[Labelled] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{where}: not JSON ({exc.msg}); each line must be one JSON object") from None
        if not isinstance(row, dict):
            raise EvalError(f"{where}: expected an object with id, text and event")
        rid = _text(row, "id", where, required=True)
        assert rid is not None
        if rid in seen:
            raise EvalError(f"{where}: id {rid!r} appears twice; ids must be unique")
        seen.add(rid)
        records.append(
            Labelled(
                id=rid,
                text=str(_text(row, "text", where, required=True)),
                event=str(_text(row, "event", where, required=True)),
                story=_text(row, "story", where),
                title=_text(row, "title", where),
                published=_text(row, "published", where),
                url=_text(row, "url", where),
                source=_text(row, "source", where),
            )
        )
    if not records:
        raise EvalError(f"{path}: no records; expected JSON lines with id, text and event")
    return records


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    part = wanted_part(options)
    records = select(read(Path(path)), lambda r: r.id, part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        records = records[:limit]
    if not records:
        raise EvalError(f"{path}: no records in part {part!r}")
    which = options.get("baseline")
    if which not in (None, "tfidf"):
        raise EvalError(f"eval clusters has one baseline, 'tfidf' (got {which!r})")
    actors = [Path(str(a)) for a in options.get("actors") or []]  # type: ignore[attr-defined]
    result = baseline(records) if which else evaluate(records, actors)
    return {**describe(part), **result}
