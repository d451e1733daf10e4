"""The command line: parse options, call the library (truceline.api), turn errors into one-line messages."""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from truceline import __version__
from truceline.errors import TrucelineError

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "truceline.db"
PROGRESS_MIN = 25  # show a progress bar when at least this many documents are handled

EVALS = {
    "timeml": ("timeml", "DIR of TempEval-3 style .tml files (DCT + inline TIMEX3)"),
    "pubdate": ("pubdate", "DIR in the htmldate layout: gold_dates.json + html/"),
    "plover": ("plover", "FILE of PLOVER gold-standard records (JSON list)"),
    "petrarch": ("petrarch", "FILE of PETRARCH2 unit-test records (XML), with --actors DICTS"),
    "acled-types": ("acled_types", "FILE: TSV with id, EventSnippet, SubType"),
    "casualties": ("casualties", "FILE: JSONL lines {id, text, killed, injured}"),
    "geowebnews": ("geowebnews", "FILE: GeoWebNews (or LGL-style) XML"),
    "extraction": ("extraction", "DIR: ground-truth.json + html/<sha256>.html.gz"),
}


def _settings() -> Any:
    from truceline.settings import load_settings

    try:
        return load_settings()
    except TrucelineError as exc:
        raise click.ClickException(str(exc)) from None


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        "db",
        default=lambda: os.environ.get("TRUCELINE_DB") or _settings().db,
        show_default=f"$TRUCELINE_DB, else `db` in truceline.yaml, else ./{DEFAULT_DB}",
        type=click.Path(dir_okay=False),
        help="SQLite database to read and write.",
    )(fn)


def actors_option(fn: F) -> F:
    return click.option(
        "--actors",
        "actors",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra actor dictionary (YAML or CSV); repeatable, added to `actors` in truceline.yaml. "
        "See truceline/data/actors/README.md.",
    )(fn)


def filter_options(fn: F) -> F:
    for opt in reversed(
        [
            click.option("--actor", help="Actor or recipient name or ISO-3 country (substring match)."),
            click.option("--place", help="Place name or ISO-3 country."),
            click.option("--type", "type_", help="PLOVER type(s), comma-separated, e.g. ASSAULT,ACCUSE."),
            click.option("--stance", help="asserted, claimed, denied, planned, threatened or negated."),
            click.option("--since", help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            click.option("--until", help="Only events on or before this date."),
            click.option("--article", help="Only events of this article id (or id prefix)."),
            click.option("--limit", type=int, help="At most this many events."),
            click.option(
                "--min-confidence",
                "min_confidence",
                metavar="FLOAT",
                help="Only events whose calibrated confidence is at least this (0 to 1), e.g. 0.9.",
            ),
        ]
    ):
        fn = opt(fn)
    return fn


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except TrucelineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


def _open_store(db: str, *, create: bool = True) -> Any:
    from truceline.store import Store

    return Store.open(db, create=create)


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    if total < PROGRESS_MIN:
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="truceline")
def cli() -> None:
    """Truceline: news reports about armed conflicts and ceasefires in, a sourced event timeline out.

    Typical use: `truceline run REPORTS/` then `truceline timeline`.
    """


def _do_ingest(db: str, paths: tuple[str, ...]) -> int:
    from truceline import api

    stdin = sys.stdin.buffer if "-" in paths else None
    with _open_store(db) as store, _progress(0, "ingesting") as tick:
        report = api.ingest(store, list(paths), stdin=stdin, progress=tick)
    for line in report.skipped:
        click.echo(f"skipped {line}", err=True)
    click.echo(
        f"ingested {report.read} report(s): {report.new} new, {report.read - report.new} already stored, "
        f"{len(report.skipped)} skipped",
        err=True,
    )
    return report.read


def workers_option(fn: F) -> F:
    return click.option(
        "--workers",
        "workers",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Processes running the per-report stages (default: `workers` in truceline.yaml, else the machine's "
        "cores; 1 runs everything in this process). This process stays the one writer to the database.",
    )(fn)


def _do_process(
    db: str,
    actors: tuple[Path, ...],
    retry_failed: bool,
    workers: int | None = None,
    cluster: str | None = None,
    output: Path | None = None,
) -> tuple[int, int]:
    from truceline import api

    actors = (*_settings().actors, *actors)

    with _open_store(db) as store:
        pending = store.count_pending(retry_failed=retry_failed)
        if pending == 0:
            click.echo("nothing to process: every stored report is processed already", err=True)
            return 0, 0
        with _progress(pending, "processing") as tick:
            report = api.process(
                store,
                actors=list(actors),
                retry_failed=retry_failed,
                progress=tick,
                workers=workers,
                cluster=cluster,
                output=output,
            )
    for line in report.skipped:
        click.echo(f"skipped {line}", err=True)
    for line in report.failed:
        click.echo(f"failed {line}", err=True)
    where = " (on the cluster)" if cluster else f" ({report.workers} workers)" if report.workers > 1 else ""
    click.echo(
        f"processed {report.processed} of {pending} report(s): {report.events} event(s), "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed{where}",
        err=True,
    )
    if cluster:
        click.echo(
            f"wrote Parquet under {output}: bring it into {db} with `truceline load {output} --db {db}`", err=True
        )
    return pending, report.processed


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
def ingest(paths: tuple[str, ...], db: str) -> None:
    """Read reports (.txt, .html, .jsonl, and .gz of these; folders recursively; - for stdin) into the database."""
    with _errors():
        _do_ingest(db, paths)


@cli.command()
@db_option
@actors_option
@click.option("--retry-failed", is_flag=True, help="Also retry reports that failed before.")
@workers_option
@click.option(
    "--cluster",
    metavar="tcp://HOST:PORT",
    help="Run the per-report stages on the Dask cluster whose scheduler is at this address, writing Parquet to "
    "--output (then `truceline load DIR`). Needs the 'cluster' extra.",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="With --cluster: the folder the Parquet goes to (year=YYYY/month=MM partitions; every worker must be able "
    "to write there). Run the same command again after a failure to go on where it stopped.",
)
def process(
    db: str,
    actors: tuple[Path, ...],
    retry_failed: bool,
    workers: int | None,
    cluster: str | None,
    output: Path | None,
) -> None:
    """Run every stage on the stored reports not processed yet."""
    with _errors():
        from truceline.errors import ConfigError

        if output is not None and not cluster:
            raise ConfigError("--output is for --cluster runs; without --cluster the results go into the database")
        if cluster and workers is not None:
            raise ConfigError("--workers is for runs on this machine; a --cluster run uses the cluster's workers")
        pending, processed = _do_process(db, actors, retry_failed, workers, cluster, output)
        if pending and not processed:
            sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@actors_option
@workers_option
def run(paths: tuple[str, ...], db: str, actors: tuple[Path, ...], workers: int | None) -> None:
    """Ingest PATHS and process them: the whole pipeline in one command."""
    with _errors():
        read = _do_ingest(db, paths)
        pending, processed = _do_process(db, actors, False, workers)
        if read == 0 or (pending and not processed):
            sys.exit(1)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@db_option
def load(folder: Path, db: str) -> None:
    """Bring the Parquet written by `process --cluster --output FOLDER` into the database (loading twice is harmless)."""
    with _errors():
        from truceline import api

        with _open_store(db, create=False) as store, _progress(0, "loading") as tick:
            report = api.load(store, folder, progress=tick)
        click.echo(
            f"loaded {report.loaded} of {report.read} report(s) from {report.files} file(s); "
            f"{report.already} already stored or not in this database",
            err=True,
        )


def _events_command(name: str, default_format: str, doc: str) -> None:
    """`timeline` and `events` are one export with different defaults: a table to read, JSON lines to script."""

    @cli.command(name=name, help=doc)
    @db_option
    @filter_options
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "jsonl", "csv", "acled", "plover", "geojson"]),
        default=default_format,
        show_default=True,
    )
    def command(db: str, fmt: str, **filters: Any) -> None:
        with _errors():
            _export_events(db, fmt, filters)


_events_command(
    "timeline",
    "table",
    "The chronological record: date, type, who, whom, where, casualties, who claims it, and the evidence.",
)
_events_command("events", "jsonl", "Dump the stored events (one JSON object per line by default).")


def _export_events(db: str, fmt: str, filters: dict[str, Any]) -> None:
    from truceline.export.formats import exporter_for
    from truceline.store import EventFilter

    flt = EventFilter(
        actor=filters.get("actor"),
        place=filters.get("place"),
        type=filters.get("type_"),
        stance=filters.get("stance"),
        since=filters.get("since"),
        until=filters.get("until"),
        article=filters.get("article"),
        limit=filters.get("limit"),
        min_confidence=_min_confidence(filters.get("min_confidence")),
    )
    with _open_store(db, create=False) as store:
        exporter = exporter_for("events", fmt, sys.stdout)
        exporter.start()
        for item in store.events(flt):
            exporter.export_item(item)
        exporter.finish()


def _min_confidence(value: str | None) -> float | None:
    from truceline.errors import ConfigError

    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"--min-confidence must be a number from 0 to 1, got {value!r}") from None


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--search", help="Full-text search over titles and bodies (SQLite FTS5 syntax).")
def articles(db: str, fmt: str, search: str | None) -> None:
    """Dump the stored articles: title, publication date with precision and evidence, body, captions, dropped lines."""
    with _errors():
        from truceline.export.formats import exporter_for

        with _open_store(db, create=False) as store:
            items = store.articles()
            if search:
                wanted = set(store.search_articles(search))
                items = [a for a in items if a["id"] in wanted]
            exporter = exporter_for("articles", fmt, sys.stdout)
            exporter.start()
            for item in items:
                exporter.export_item(item)
            exporter.finish()


@cli.command()
@click.argument("article_id")
@db_option
def show(article_id: str, db: str) -> None:
    """One article's cleaned text with every extraction marked, its events, captions and dropped lines."""
    with _errors():
        from truceline import api

        with _open_store(db, create=False) as store:
            click.echo(api.show(store, article_id))


@cli.command()
@db_option
def status(db: str) -> None:
    """Counts of stored documents by status, articles, events, and the recorded skips."""
    with _errors(), _open_store(db, create=False) as store:
        click.echo(json.dumps(store.stats(), indent=2))
        for skip in store.skips():
            click.echo(f"skip [{skip['stage']}] {skip['origin']}: {skip['reason']}")


@cli.command()
@click.option(
    "--db",
    default="truceline-demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Demo database (recreated on every run).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def demo(db: str, fmt: str) -> None:
    """Run the bundled sample corpus into a fresh database and print its timeline."""
    with _errors():
        from truceline.sample import REPORTS_DIR

        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(db + suffix).unlink(missing_ok=True)
        _do_ingest(db, (str(REPORTS_DIR),))
        _, processed = _do_process(db, (), False)
        if not processed:
            sys.exit(1)
        _export_events(db, fmt, {})


@cli.group(name="eval")
def eval_group() -> None:
    """Score a stage on a gold set; prints one JSON object (used by CI quality gates)."""


def _make_eval(name: str, module: str, what: str) -> None:
    @eval_group.command(name=name, help=f"Score on {what}.")
    @click.argument("path", type=click.Path(exists=True, path_type=Path))
    @click.option(
        "--baseline", help="Also score a peer on the same files (timeml: dateparser, heideltime; pubdate: htmldate)."
    )
    @click.option("--limit", type=int, help="Only the first N files/records (of the chosen part).")
    @click.option(
        "--part",
        type=click.Choice(["all", "tune", "check"]),
        default="all",
        show_default=True,
        help="Score the tune or the check half of the set (a fixed split by record key; see the README).",
    )
    @actors_option
    def command(path: Path, baseline: str | None, limit: int | None, part: str, actors: tuple[Path, ...]) -> None:
        with _errors():
            mod = importlib.import_module(f"truceline.eval.{module}")
            options: dict[str, object] = {"limit": limit, "actors": list(actors), "baseline": None, "part": part}
            result = dict(mod.run(path, options))
            if baseline:
                result["baseline"] = {"name": baseline, **mod.run(path, {**options, "baseline": baseline})}
            click.echo(json.dumps(result, indent=2))


for _name, (_module, _what) in EVALS.items():
    _make_eval(_name, _module, _what)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
