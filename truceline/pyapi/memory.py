"""`truceline.process(texts)`: the per-report pipeline on texts in memory, no database, no linking.

Each text is a string or a dict with "text" and optionally "title", "url", "published" (a date as the report's
metadata gives it) and "source" (its outlet), as a line of a .jsonl file has them. The results are the records the
database gives (truceline/pyapi/records.py), built from the same JSON (truceline/serialize.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from truceline.errors import InputError
from truceline.pyapi.records import ArticleRecord, EventRecord, Records, ReportRecord

_META = ("title", "url", "published", "source")


def _document(item: object, number: int) -> Any:
    from truceline.model import RawDocument
    from truceline.stages.ingest import content_id, looks_like_html

    text: object
    if isinstance(item, str):
        text, meta, origin = item, {}, f"text {number}"
    elif isinstance(item, Mapping):
        text = item.get("text")
        meta = {k: str(item[k]) for k in _META if item.get(k) not in (None, "")}
        origin = f"text {number}" + (f" (id={item['id']})" if item.get("id") not in (None, "") else "")
    else:
        raise InputError(f"text {number}: expected a string or a dict with a 'text' key, got {type(item).__name__}")
    if not isinstance(text, str):
        raise InputError(f"text {number}: its 'text' must be a string, got {type(text).__name__}")
    return RawDocument(
        id=content_id(text),
        kind="html" if looks_like_html(text) else "text",
        content=text,
        origin=origin,
        **meta,
    )


def process(
    texts: str | Mapping[str, Any] | Iterable[str | Mapping[str, Any]],
    *,
    actors: Iterable[str | Path] = (),
    event_model: str | Path | None = None,
) -> Records[ReportRecord]:
    """Analyse reports held in memory: one ReportRecord per text, in order, with its article and events, or the
    reason it was skipped (empty, no article text) or failed. `actors` are extra actor dictionaries (YAML or CSV)
    and `event_model` an event model file, as in truceline.yaml; that file's own settings are used too."""
    from truceline.pipeline import Pipeline
    from truceline.serialize import article_json, event_json
    from truceline.settings import load_settings

    items = [texts] if isinstance(texts, str | Mapping) else list(texts)
    docs = [_document(item, number) for number, item in enumerate(items, start=1)]
    settings = load_settings()
    pipeline = Pipeline(
        actor_files=[*settings.actors, *(Path(a) for a in actors)],
        event_model=Path(event_model) if event_model is not None else settings.event_model,
    )
    out: Records[ReportRecord] = Records()
    for outcome in pipeline.run(docs):
        analysis = outcome.analysis
        if analysis is None:
            out.append(ReportRecord(origin=outcome.raw.origin, skipped=outcome.skip, failed=outcome.failure))
            continue
        events = tuple(EventRecord.from_json(event_json(e, analysis.events)) for e in analysis.events)
        article = ArticleRecord.from_json(article_json(analysis.article))
        out.append(ReportRecord(origin=outcome.raw.origin, article=article, events=events))
    return out


__all__ = ["process"]
