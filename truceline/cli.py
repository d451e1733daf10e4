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
    "pubdate-text": ("pubdate_text", "DIR of news (.tml, CAT, ECB+) or htmldate pages, dated from text alone"),
    "plover": ("plover", "FILE of PLOVER gold-standard records (JSON list)"),
    "petrarch": ("petrarch", "FILE of PETRARCH2 unit-test records (XML), with --actors DICTS"),
    "acled-types": ("acled_types", "FILE: TSV with id, EventSnippet, SubType"),
    "casualties": ("casualties", "FILE: JSONL lines {id, text, killed, injured}"),
    "geowebnews": ("geowebnews", "FILE: GeoWebNews (or LGL-style) XML"),
    "extraction": ("extraction", "DIR: ground-truth.json + html/<sha256>.html.gz"),
    "ecbplus": ("ecbplus", "DIR: the ECB+ corpus (a topic is a story, a topic + sub-topic one event cluster)"),
    "clusters": ("clusters", "FILE: JSONL lines {id, text, event, story?, title?, published?, url?}"),
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
        help="Database to read and write: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME.",
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
        report = api.ingest(store, list(paths), stdin=stdin, progress=tick, limits=_settings().limits)
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
    link: bool = True,
) -> tuple[int, int]:
    from truceline import api

    settings = _settings()
    actors = (*settings.actors, *actors)

    with _open_store(db) as store:
        pending = store.count_pending(retry_failed=retry_failed)
        if pending == 0:
            click.echo("nothing to process: every stored report is processed already", err=True)
            if link and store.link.count_pending():
                from truceline.cli_link import _link_line

                leftover = api.link_leftover(store, agreements=settings.agreements, link_window=settings.link_window)
                click.echo(_link_line(leftover), err=True)
            return 0, 0
        with _progress(pending, "processing") as tick:
            report = api.process(
                store,
                actors=list(actors),
                retry_failed=retry_failed,
                progress=tick,
                agreements=settings.agreements,
                event_model=settings.event_model,
                limits=settings.limits,
                workers=workers,
                cluster=cluster,
                output=output,
                link_after=link,
                link_window=settings.link_window,
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
    if report.link is not None:
        from truceline.cli_link import _link_line

        click.echo(_link_line(report.link), err=True)
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
@click.option(
    "--no-link",
    is_flag=True,
    help="Store the reports' rows without linking them across the corpus; `truceline link` links them later, all "
    "in publication order.",
)
def process(
    db: str,
    actors: tuple[Path, ...],
    retry_failed: bool,
    workers: int | None,
    cluster: str | None,
    output: Path | None,
    no_link: bool,
) -> None:
    """Run every stage on the stored reports not processed yet and link them across the corpus, `link_window`
    reports at a time as they are stored (a --cluster run links nothing: `truceline load` does, once it has brought
    the results in)."""
    with _errors():
        from truceline.errors import ConfigError

        if output is not None and not cluster:
            raise ConfigError("--output is for --cluster runs; without --cluster the results go into the database")
        if cluster and workers is not None:
            raise ConfigError("--workers is for runs on this machine; a --cluster run uses the cluster's workers")
        pending, processed = _do_process(db, actors, retry_failed, workers, cluster, output, link=not no_link)
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
    """Bring the Parquet written by `process --cluster --output FOLDER` into the database, then link what it
    brought (loading twice is harmless)."""
    with _errors():
        from truceline import api

        with _open_store(db, create=False) as store, _progress(0, "loading") as tick:
            settings = _settings()
            report = api.load(
                store, folder, progress=tick, agreements=settings.agreements, link_window=settings.link_window
            )
        click.echo(
            f"loaded {report.loaded} of {report.read} report(s) from {report.files} file(s); "
            f"{report.already} already stored or not in this database",
            err=True,
        )
        if report.link is not None:
            from truceline.cli_link import _link_line

            click.echo(_link_line(report.link), err=True)


def _events_command(name: str, default_format: str, doc: str, *, canonical: bool) -> None:
    """`timeline` and `events` are one export with different defaults: a table to read, JSON lines to script.
    The timeline shows canonical events (one per real-world event, across reports) unless asked for mentions."""

    @cli.command(name=name, help=doc)
    @db_option
    @filter_options
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "jsonl", "csv", "acled", "plover", "geojson", "parquet"]),
        default=default_format,
        show_default=True,
    )
    @click.option("--story", help="Only the events of this story (an id from `truceline stories`, or a prefix).")
    @click.option(
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to FILE instead of standard output (parquet, a binary format, needs it on a terminal).",
    )
    def command(db: str, fmt: str, output: Path | None, **filters: Any) -> None:
        with _errors():
            _export_events(db, fmt, filters, canonical=canonical and not filters.get("mentions"), output=output)

    if canonical:
        command = click.option(
            "--mentions",
            is_flag=True,
            help="One row per report's mention of an event (as `events`) instead of one per canonical event.",
        )(command)


_events_command(
    "timeline",
    "table",
    "The chronological record: date, type, who, whom, where, casualties, who claims it, and the evidence; one row "
    "per real-world event with how many independent sources tell of it (--mentions: one row per report's mention).",
    canonical=True,
)
_events_command(
    "events",
    "jsonl",
    "Dump the stored events, one per report's mention (one JSON object per line by default).",
    canonical=False,
)


def _export_events(
    db: str, fmt: str, filters: dict[str, Any], *, canonical: bool = False, output: Path | None = None
) -> None:
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
    if fmt == "acled":
        from truceline.learn.acled import use_model

        use_model(_settings().acled_model)
    with _open_store(db, create=False) as store:
        if filters.get("story"):
            from dataclasses import replace

            from truceline.link.views import resolve_story

            flt = replace(flt, story=resolve_story(store, str(filters["story"])))
        items = None
        if canonical and store.link.has_canonical_events():
            from truceline.link.timeline import canonical_items

            items = canonical_items(store, flt)
        elif canonical:
            click.echo("no canonical events (the reports are not linked: `truceline link`); showing mentions", err=True)
        if items is None:
            items = store.events(flt)
            if fmt == "parquet":
                from truceline.export.flat import with_links

                with_links(items, store.link.event_memberships([str(i["id"]) for i in items]))
        from truceline.export.output import open_output

        with open_output(fmt, output) as stream:
            if fmt == "parquet":
                from truceline.export.parquet import ParquetExporter

                exporter: Any = ParquetExporter(stream)
            elif fmt == "table" and canonical and items and "canonical_id" in items[0]:
                from truceline.link.timeline import CanonicalTableExporter

                exporter = CanonicalTableExporter(stream)
            else:
                exporter = exporter_for("events", fmt, stream)
            exporter.start()
            for item in items:
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
@click.option(
    "--search", help="Full-text search over titles and bodies (SQLite FTS5 syntax; on PostgreSQL, web-search syntax)."
)
def articles(db: str, fmt: str, search: str | None) -> None:
    """Dump the stored articles: title, publication date with precision and evidence, body, captions, dropped lines."""
    with _errors():
        from truceline.export.formats import exporter_for

        with _open_store(db, create=False) as store:
            items = store.articles()
            if search:
                wanted = set(store.search_articles(search))
                items = [a for a in items if a["id"] in wanted]
            linked = store.link.memberships([str(a["id"]) for a in items])
            for item in items:
                ids = linked.get(str(item["id"]), {})
                item["story_ids"] = ids.get("story_ids", [])
                item["cluster_ids"] = ids.get("cluster_ids", [])
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
        "--baseline",
        help="Also score a peer on the same files (timeml: dateparser, heideltime; pubdate: htmldate; "
        "ecbplus, clusters: tfidf).",
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

from truceline.cli_link import register as _register_link_commands  # noqa: E402  (needs the helpers above)
from truceline.cli_link import register_summary as _register_link_summary  # noqa: E402
from truceline.cli_link import register_views as _register_link_views  # noqa: E402
from truceline.web.cli import register as _register_serve  # noqa: E402

_register_link_commands(cli)
_register_link_views(cli)
_register_link_summary(cli)
_register_serve(cli)


@cli.group(name="train")
def train_group() -> None:
    """Train a model Truceline uses from labelled data of your own."""


@train_group.command(name="events")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--packaged",
    is_flag=True,
    help="Also train on the packaged data: our labelled sentences, the sample corpus gold, the ontology's definitions.",
)
@click.option(
    "--plover",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also train on the tune part of a PLOVER gold-standard file (read here, never copied).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("events.npz"),
    show_default=True,
    help="The model file to write; name it as `event_model` in truceline.yaml to use it.",
)
def train_events(files: tuple[Path, ...], packaged: bool, plover: Path | None, output: Path) -> None:
    """Train the event type classifier on FILES: JSON lines {"text", "trigger", "type", "mode"} (type NONE for a
    word that names no event; "start" when the trigger word repeats); see truceline/data/training/events.md."""
    with _errors():
        from truceline.learn.event_train import train_from

        if not files and not packaged and plover is None:
            raise click.UsageError("give labelled sentences (FILE), --packaged or --plover")
        summary = train_from(list(files), packaged=packaged, plover=plover, output=output)
        click.echo(summary, err=True)


@train_group.command(name="acled")
@click.argument("notes", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Also train on the tune part of the CASE 2021 notes under DIR/eval/acled_types (read there, never copied).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("acled.npz"),
    show_default=True,
    help="The model file to write; name it as `acled_model` in truceline.yaml to use it.",
)
@click.option("--no-cv", is_flag=True, help="Skip the 5-fold cross-validation of the CASE tune part.")
def train_acled(notes: Path | None, shared: Path | None, output: Path, no_cv: bool) -> None:
    """Train the ACLED sub-type classifier on NOTES (TSV: id, note, ACLED sub-type; default: our packaged notes),
    the ontology's definitions and, with --shared, the CASE 2021 tune part; see truceline/learn/acled_train.py."""
    with _errors():
        from truceline.learn.acled_train import CASE_FILE, build

        if shared is not None and not (shared / CASE_FILE).is_file():
            raise click.UsageError(f"{shared / CASE_FILE} not found; give the folder that holds eval/acled_types")
        model = build(shared, cv=not no_cv, notes=notes)
        model.save(output)
        click.echo(f"wrote {output}: {model.meta['examples']} examples, {len(model.vocab)} features", err=True)
        if "tune_cv" in model.meta:
            click.echo(f"CASE tune part, 5-fold cross-validated: {model.meta['tune_cv']}", err=True)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
