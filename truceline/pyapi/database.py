"""`truceline.open(path)`: a Truceline database from Python, read-only unless asked otherwise.

Every query goes through the store (truceline/store: EventFilter and its SQL), the link stage's views and
truceline/api.py, exactly as the CLI's commands do; this module only checks the arguments and types the results.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from truceline.errors import ConfigError, InputError, StoreError
from truceline.pyapi.records import (
    AgreementRecord,
    ArticleRecord,
    ContradictionRecord,
    EventRecord,
    Records,
    StoryRecord,
    TimelineRecord,
)
from truceline.store import EventFilter, Store
from truceline.store.pg import is_url

_DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_STANCES = ("asserted", "claimed", "denied", "planned", "threatened", "negated")


class Database:
    """An open Truceline database. Use `truceline.open(path)`; close it with `close()` or a `with` block.

    Read-only by default (the database refuses every write on the connection); `truceline.open(path, write=True)` may
    ingest, process and link, and `create=True` also creates the file when it is absent."""

    def __init__(self, store: Store, *, write: bool) -> None:
        self.store = store
        self.writable = write
        if not write:
            store.set_read_only()

    @property
    def path(self) -> str:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<truceline.Database {self.path!r} {'read-write' if self.writable else 'read-only'}>"

    # -- reading ---------------------------------------------------------------------------------------------
    def events(
        self,
        *,
        actor: str | None = None,
        place: str | None = None,
        type: str | Sequence[str] | None = None,
        stance: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        article: str | None = None,
        story: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> Records[EventRecord]:
        """Every report's mention of an event matching the filters, in date order (as `truceline events`):
        `actor` a name (substring) or ISO-3 country of the actor or recipient, `place` a place name or ISO-3
        country, `type` one PLOVER type or several, `stance` one of asserted, claimed, denied, planned, threatened,
        negated, `since` / `until` a date (YYYY, YYYY-MM, YYYY-MM-DD or a datetime.date), `article` an article id
        or prefix, `story` a story id or prefix, `min_confidence` from 0 to 1, `limit` a positive count."""
        flt = self._filter(actor, place, type, stance, since, until, article, story, min_confidence, limit)
        from truceline.export.flat import with_links

        items = self.store.events(flt)
        with_links(items, self.store.link.event_memberships([str(i["id"]) for i in items]))
        return Records(EventRecord.from_json(i) for i in items)

    def timeline(
        self,
        *,
        actor: str | None = None,
        place: str | None = None,
        type: str | Sequence[str] | None = None,
        stance: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        article: str | None = None,
        story: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> Records[TimelineRecord]:
        """The canonical events (one per real-world event, however many reports tell of it) with at least one
        mention matching the filters (those of `events`), in date order, as `truceline timeline`. Empty until the
        reports are linked (`process()` links them)."""
        flt = self._filter(actor, place, type, stance, since, until, article, story, min_confidence, limit)
        if not self.store.link.has_canonical_events():
            return Records()
        from truceline.link.timeline import canonical_items

        return Records(TimelineRecord.from_json(i) for i in canonical_items(self.store, flt))

    def articles(self, *, search: str | None = None, id: str | None = None) -> Records[ArticleRecord]:
        """The stored articles (as `truceline articles`), oldest first: all, those a full-text `search` (SQLite FTS5
        syntax; on PostgreSQL, web-search syntax: words, "phrases", OR, -word) finds, or those whose id starts with `id`; each with the stories and event clusters it is in."""
        items = self.store.articles(id) if id else self.store.articles()
        if search is not None:
            wanted = set(self.store.search_articles(search))
            items = [a for a in items if a["id"] in wanted]
        linked = self.store.link.memberships([str(a["id"]) for a in items])
        return Records(ArticleRecord.from_json({**a, **linked.get(str(a["id"]), {})}) for a in items)

    def article(self, article_id: str) -> ArticleRecord:
        """One article by its id or an unambiguous prefix of it."""
        found = self.articles(id=article_id)
        if not found:
            raise InputError(f"no article {article_id!r} in {self.path}: list ids with db.articles()")
        if len(found) > 1:
            raise InputError(f"{article_id!r} matches {len(found)} articles: give more of the id")
        return found[0]

    def stories(self) -> Records[StoryRecord]:
        """The stories linking grouped the reports into (as `truceline stories`)."""
        from truceline.link import views

        return Records(StoryRecord.from_json(s) for s in views.stories(self.store))

    def agreements(self, *, story: str | None = None) -> Records[AgreementRecord]:
        """The agreements the reports speak of, with their parties, status, mentions and linked events (violations,
        accusations, denials...); of one story's reports when `story` (an id or prefix) is given."""
        from truceline.link import views

        sid = views.resolve_story(self.store, story) if story else None
        return Records(AgreementRecord.from_json(a) for a in views.agreements(self.store, sid))

    def contradictions(self, *, story: str | None = None) -> Records[ContradictionRecord]:
        """What the reports of one event disagree on (figures, days, claims against denials), with who says what."""
        from truceline.link import views

        sid = views.resolve_story(self.store, story) if story else None
        return Records(ContradictionRecord.from_json(c) for c in self.store.link.contradictions(sid))

    def show(self, article_id: str) -> str:
        """One article's text with every extraction marked, as `truceline show` prints it."""
        from truceline import api

        return api.show(self.store, article_id)

    def stats(self) -> dict[str, int]:
        """Counts of stored documents by status, articles, events and recorded skips."""
        return self.store.stats()

    # -- writing -----------------------------------------------------------------------------------------------
    def ingest(self, paths: str | Path | Iterable[str | Path]) -> Any:
        """Read reports (files, folders, .jsonl, .gz) into the database, as `truceline ingest`; returns the
        report of truceline.api.ingest (read, new, skipped with reasons)."""
        from truceline import api

        self._writing("ingest")
        names = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
        for name in names:
            if not Path(name).exists():
                raise InputError(f"cannot read {name}: no such file or folder")
        return api.ingest(self.store, names)

    def process(self, *, retry_failed: bool = False, link: bool = True) -> Any:
        """Run every stage on the reports not processed yet, then link them across the corpus (unless `link` is
        False), with the settings of truceline.yaml (extra actors, agreements, event model, input limits, workers, link window) as
        `truceline process` does; returns the report of truceline.api.process."""
        from truceline import api
        from truceline.settings import load_settings

        self._writing("process")
        settings = load_settings()
        return api.process(
            self.store,
            actors=list(settings.actors),
            retry_failed=retry_failed,
            link_after=link,
            agreements=settings.agreements,
            event_model=settings.event_model,
            limits=settings.limits,
            workers=settings.workers,
            link_window=settings.link_window,
        )

    def link(self) -> Any:
        """Link the reports not linked yet (`process()` does it already)."""
        from truceline import api
        from truceline.settings import load_settings

        self._writing("link")
        return api.link(self.store, agreements=load_settings().agreements)

    # -- plumbing ----------------------------------------------------------------------------------------------
    def _writing(self, what: str) -> None:
        if not self.writable:
            raise StoreError(
                f"cannot {what}: {self.path} was opened read-only; open it with truceline.open(path, write=True)"
            )

    def _filter(
        self,
        actor: str | None,
        place: str | None,
        type_: str | Sequence[str] | None,
        stance: str | None,
        since: str | dt.date | None,
        until: str | dt.date | None,
        article: str | None,
        story: str | None,
        min_confidence: float | None,
        limit: int | None,
    ) -> EventFilter:
        if stance is not None and stance not in _STANCES:
            raise ConfigError(f"stance must be one of {', '.join(_STANCES)}; got {stance!r}")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise ConfigError(f"limit must be a positive whole number, got {limit!r}")
        flt = EventFilter(
            actor=_text("actor", actor),
            place=_text("place", place),
            type=_types(type_),
            stance=stance,
            since=_day("since", since),
            until=_day("until", until),
            article=_text("article", article),
            limit=limit,
            min_confidence=min_confidence,
        )
        if story:
            from truceline.link.views import resolve_story

            flt = replace(flt, story=resolve_story(self.store, story))
        return flt


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{name} must be a non-empty string, got {value!r}")
    return value


def _day(name: str, value: str | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not _DAY.match(value):
        raise ConfigError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD (or a datetime.date), got {value!r}")
    return value


def _types(value: str | Sequence[str] | None) -> str | None:
    if value is None:
        return None
    names = [value] if isinstance(value, str) else list(value)
    wanted = [t.strip().upper() for name in names for t in str(name).split(",") if t.strip()]
    from truceline.events.ontology import load_ontology

    known = set(load_ontology().modes)
    unknown = [t for t in wanted if t not in known]
    if unknown or not wanted:
        raise ConfigError(f"unknown event type {', '.join(unknown) or value!r}; choose from {', '.join(sorted(known))}")
    return ",".join(wanted)


def open(path: str | Path, *, write: bool = False, create: bool = False) -> Database:
    """Open a Truceline database: read-only by default; `write=True` to ingest, process and link; `create=True`
    to create it when it does not exist yet (implies `write`). `path` may also be a postgresql:// URL: a database on
    a PostgreSQL server (created by its administrator; `create=True` creates Truceline's tables in it)."""
    p = Path(path)
    if str(path) != ":memory:" and not is_url(str(path)) and not create and not p.is_file():
        raise StoreError(f"no database at {path}: create one with truceline.open(path, create=True) or `truceline run`")
    return Database(Store.open(path, create=create), write=write or create)


__all__ = ["Database", "open"]
