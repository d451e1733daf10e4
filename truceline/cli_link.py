"""The commands over the link stage (truceline/link): `link`, `stories`; registered on the main group by cli.py."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def register(cli: click.Group) -> None:
    from truceline.cli import _errors, _open_store, _progress, _settings, db_option

    @cli.command(name="link")
    @db_option
    def link_command(db: str) -> None:
        """Link the reports not linked yet across the corpus: near-copies, stories, event clusters.

        `process` and `run` do this at the end; this command runs it alone (after an interrupted run, say)."""
        with _errors():
            from truceline import api

            with _open_store(db, create=False) as store:
                pending = store.link.count_pending()
                with _progress(pending, "linking") as tick:
                    report = api.link(store, progress=tick, agreements=_settings().agreements)
            click.echo(_link_line(report), err=True)

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
    def stories(db: str, fmt: str) -> None:
        """The stories the reports were grouped into: span of dates, reports and independent sources, event
        clusters, main places and actors."""
        with _errors():
            from truceline.link import views

            with _open_store(db, create=False) as store:
                items = views.stories(store)
            _emit(items, fmt, views.story_table, "no stories: link the reports first (`truceline link`)")


def _link_line(report: Any) -> str:
    return (
        f"linked {report.linked} report(s): {report.copies} near-copies, {report.new_stories} new stor"
        f"{'y' if report.new_stories == 1 else 'ies'}, {report.new_clusters} new event cluster(s)"
    )


def _emit(items: list[dict[str, Any]], fmt: str, table: Any, empty: str) -> None:
    if fmt == "jsonl":
        for item in items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    if not items:
        click.echo(empty)
    for item in items:
        click.echo(table(item))


def register_views(cli: click.Group) -> None:
    from truceline.cli import _errors, _open_store, db_option

    @cli.command()
    @db_option
    @click.option("--story", help="Only the agreements the reports of this story name (an id or a prefix).")
    @click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
    def agreements(db: str, story: str | None, fmt: str) -> None:
        """The agreements the reports speak of: dates, parties, zone, terms, status, what superseded or extended
        what, the reports naming each and the violations, accusations and denials linked to it."""
        with _errors():
            from truceline.link import views

            with _open_store(db, create=False) as store:
                sid = views.resolve_story(store, story) if story else None
                items = views.agreements(store, sid)
            _emit(items, fmt, views.agreement_table, "no agreements: link the reports first (`truceline link`)")

    @cli.command()
    @db_option
    @click.option("--story", help="Only the contradictions of this story (an id or a prefix).")
    @click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
    def contradictions(db: str, story: str | None, fmt: str) -> None:
        """What the reports of one event disagree on (figures, days, claims against denials), with who says what."""
        with _errors():
            from truceline.link import views

            with _open_store(db, create=False) as store:
                sid = views.resolve_story(store, story) if story else None
                items = store.link.contradictions(sid)
            _emit(items, fmt, views.contradiction_table, "no contradictions found")


def register_summary(cli: click.Group) -> None:
    from truceline.cli import _errors, _open_store, db_option

    @cli.command()
    @db_option
    @click.option("--story", required=True, help="The story (an id from `truceline stories`, or a prefix).")
    @click.option("--since", help="Only what changed from this day on (YYYY-MM-DD).")
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
    def summary(db: str, story: str, since: str | None, fmt: str) -> None:
        """A short extractive summary of a story, each line quoted from a report and sourced; with --since, what
        changed since that day."""
        with _errors():
            from truceline.link import summary as summaries

            with _open_store(db, create=False) as store:
                made = summaries.summarize(store, story, since)
            if fmt == "json":
                click.echo(json.dumps(made, ensure_ascii=False, indent=1))
            else:
                click.echo(summaries.render(made), nl=False)
