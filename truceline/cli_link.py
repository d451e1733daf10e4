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
