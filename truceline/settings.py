"""Settings as data: defaults in one place, an optional YAML file to change them, early and clear errors.

The file is `truceline.yaml` in the current folder, or the path in `$TRUCELINE_SETTINGS`. Command-line options win
over the file, and the file over the defaults. Allowed keys:

    db: truceline.db            # the database commands read and write (--db): a SQLite file, or a PostgreSQL
                                # server as postgresql://USER@HOST:PORT/DBNAME
    actors: [my_actors.yaml]    # extra actor dictionaries, loaded after the packaged ones (--actors)
    agreements: [my_deals.yaml] # agreements you know of, for linking to resolve mentions to (truceline/link)
    event_model: events.npz     # the event classifier process/run/demo use instead of the packaged one
    acled_model: acled.npz      # the ACLED sub-type classifier the ACLED export uses instead of the packaged one
                                # (written by `truceline train events FILE --output events.npz`)
    max_report_bytes: 20000000  # a larger report (a file after decompression, a JSON line, stdin) is skipped
    max_part_chars: 100000      # a longer cleaned text is processed in parts of about this size
    tile_url: https://tile.example.org/{z}/{x}/{y}.png   # map tiles for `truceline serve` (offline outlines if unset)
    workers: 2                  # processes for `process` and `run` (--workers); default: the machine's cores
    link_window: 512            # `process` links each 512 reports as soon as they are stored (0: all at the end)

Relative paths in the file are taken from the file's own folder. The two limits (defaults in `Limits`) keep any
input from stalling a run: every stage's cost grows linearly with a part's length, and no report is larger than
`max_report_bytes`; see `Limits` for how a long report is split.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from truceline.errors import ConfigError

SETTINGS_FILE = "truceline.yaml"
ENV_VAR = "TRUCELINE_SETTINGS"
DEFAULT_DB = "truceline.db"


@dataclass(frozen=True, slots=True)
class Limits:
    """How large an input may be, and when a report is processed in parts. Defaults here are the only ones.

    `max_report_bytes`: a report larger than this (a file's bytes after gzip decompression, one JSON line, what
    stdin holds) is skipped at ingest with its size in the reason; decompression stops as soon as it is passed, so a
    gzip bomb costs no more than reading this many bytes. Processing skips a stored report above it too (one stored
    under a higher limit). 20 MB is far beyond a news report or a long UN report (about 0.5 MB of text).

    `max_part_chars`: a cleaned body longer than this is processed in parts, cut at its own paragraph breaks, else at
    sentence boundaries, else at a space; each part goes through every stage after cleaning and the publication date
    on its own, and its offsets are shifted back, so every offset still indexes the one stored body (checkable as
    always). What a part changes: the report's main country and the casualty totals are found per part, and an event
    never links to one in another part. 100,000 characters is about 16,000 words: a long report in one part.
    """

    max_report_bytes: int = 20_000_000
    max_part_chars: int = 100_000

    def describe(self) -> str:
        return ", ".join(f"{key} {getattr(self, key):,}" for key in LIMIT_KEYS)


# The smallest values allowed: below these, ordinary reports would be refused or cut into fragments.
LIMIT_MINIMUMS = {"max_report_bytes": 1_000, "max_part_chars": 2_000}
LIMIT_KEYS = tuple(LIMIT_MINIMUMS)
ALLOWED = (
    "db",
    "actors",
    "agreements",
    "event_model",
    "acled_model",
    "tile_url",
    *LIMIT_KEYS,
    "workers",
    "link_window",
)
# `process` links the reports of a run window by window, each window being this many consecutive stored documents
# (truceline.api.process): linking overlaps the per-report stages of the next windows, and a window is linked in
# publication order. 0 links the whole run at its end.
DEFAULT_LINK_WINDOW = 512


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    actors: tuple[Path, ...] = ()
    agreements: tuple[Path, ...] = ()
    event_model: Path | None = None  # None: the packaged event model (truceline/data/models/events.npz)
    acled_model: Path | None = None  # None: the packaged ACLED sub-type model (truceline/data/models/acled*.npz)
    limits: Limits = Limits()
    tile_url: str | None = None  # a tile server's URL template for the web app's map (None: offline outlines only)
    workers: int | None = None  # None: the machine's cores (truceline.api.default_workers)
    link_window: int = DEFAULT_LINK_WINDOW
    source: str | None = None  # the file these came from, if any


def settings_path() -> Path | None:
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"${ENV_VAR} names {explicit}, which is not a file: fix the path or unset it")
        return path
    local = Path(SETTINGS_FILE)
    return local if local.is_file() else None


def load_settings(path: Path | None = None) -> Settings:
    """The settings in force: defaults, changed by the settings file when there is one."""
    path = path or settings_path()
    if path is None:
        return Settings()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0]
        raise ConfigError(f"cannot read settings file {path}: {reason}") from None
    if data is None:
        return Settings(source=str(path))
    if not isinstance(data, dict):
        raise ConfigError(
            f"settings file {path} must be a mapping of keys to values; allowed keys: {', '.join(ALLOWED)}"
        )
    unknown = sorted(set(data) - set(ALLOWED))
    if unknown:
        raise ConfigError(
            f"settings file {path}: unknown key(s) {', '.join(unknown)}; allowed keys: {', '.join(ALLOWED)}"
        )
    base = path.resolve().parent
    db = data.get("db", DEFAULT_DB)
    if not isinstance(db, str) or not db:
        raise ConfigError(f"settings file {path}: 'db' must be a file path or a postgresql:// URL, got {db!r}")
    resolved = _files(path, base, data, "actors", "actor dictionary")
    agreements = _files(path, base, data, "agreements", "agreements file")
    model_path = _model_path(path, base, data.get("event_model"), "event_model", "truceline train events")
    acled_path = _model_path(path, base, data.get("acled_model"), "acled_model", "truceline train acled")
    tile_url = _tile_url(path, data.get("tile_url"))
    db_path = Path(db)
    return Settings(
        # a server's URL is used as it is; a file path is relative to the settings file
        db=db
        if db.startswith(("postgresql://", "postgres://"))
        else str(db_path if db_path.is_absolute() else base / db_path),
        actors=resolved,
        agreements=agreements,
        event_model=model_path,
        acled_model=acled_path,
        limits=_limits(data, path),
        tile_url=tile_url,
        workers=_workers(path, data.get("workers")),
        link_window=_link_window(path, data.get("link_window", DEFAULT_LINK_WINDOW)),
        source=str(path),
    )


def _limits(data: dict[str, object], path: Path) -> Limits:
    values: dict[str, int] = {}
    for key, minimum in LIMIT_MINIMUMS.items():
        if key not in data:
            continue
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ConfigError(
                f"settings file {path}: {key!r} must be a whole number of at least {minimum:,}, got {value!r}"
            )
        values[key] = value
    return Limits(**values)


def _files(path: Path, base: Path, data: dict[str, object], key: str, what: str) -> tuple[Path, ...]:
    """A key holding one file path or a list of them, relative to the settings file's folder; each must exist."""
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise ConfigError(f"settings file {path}: '{key}' must be a list of file paths, got {value!r}")
    resolved = tuple(p if p.is_absolute() else base / p for p in map(Path, value))
    for p in resolved:
        if not p.is_file():
            raise ConfigError(f"settings file {path}: {what} {p} does not exist")
    return resolved


def _model_path(path: Path, base: Path, value: object, key: str, command: str) -> Path | None:
    """A model file named in the settings: a .npz path, relative to the settings file's folder, that exists."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.endswith(".npz"):
        raise ConfigError(
            f"settings file {path}: '{key}' must be the path of a model file (.npz) written by `{command}`, "
            f"got {value!r}"
        )
    model_path = Path(value) if Path(value).is_absolute() else base / value
    if not model_path.is_file():
        raise ConfigError(f"settings file {path}: {key} {model_path} does not exist; train one with `{command}`")
    return model_path


def _tile_url(path: Path, value: object) -> str | None:
    """A map tile URL template: http(s), with {z}, {x} and {y} (and optionally {s}) placeholders."""
    if value is None:
        return None
    ok = isinstance(value, str) and re.fullmatch(r"https?://[A-Za-z0-9.{}:-]+/[^\s\"'<>]*", value) is not None
    if not ok or not all(k in str(value) for k in ("{z}", "{x}", "{y}")):
        raise ConfigError(
            f"settings file {path}: 'tile_url' must be an http(s) URL template with {{z}}, {{x}} and {{y}}, "
            f"e.g. https://tile.example.org/{{z}}/{{x}}/{{y}}.png; got {value!r}"
        )
    return str(value)


def _workers(path: Path, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"settings file {path}: 'workers' must be a whole number of processes, 1 or more, got {value!r}"
        )
    return value


def _link_window(path: Path, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(
            f"settings file {path}: 'link_window' must be a whole number of reports, 0 (link at the end) or more,"
            f" got {value!r}"
        )
    return value
