"""Settings as data: defaults in one place, an optional YAML file to change them, early and clear errors.

The file is `truceline.yaml` in the current folder, or the path in `$TRUCELINE_SETTINGS`. Command-line options win
over the file, and the file over the defaults. Allowed keys:

    db: truceline.db            # the database commands read and write (--db)
    actors: [my_actors.yaml]    # extra actor dictionaries, loaded after the packaged ones (--actors)
    max_report_bytes: 20000000  # a larger report (a file after decompression, a JSON line, stdin) is skipped
    max_part_chars: 100000      # a longer cleaned text is processed in parts of about this size

Relative paths in the file are taken from the file's own folder. The two limits (defaults in `Limits`) keep any
input from stalling a run: every stage's cost grows linearly with a part's length, and no report is larger than
`max_report_bytes`; see `Limits` for how a long report is split.
"""

from __future__ import annotations

import os
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
ALLOWED = ("db", "actors", *LIMIT_KEYS)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    actors: tuple[Path, ...] = ()
    limits: Limits = Limits()
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
        raise ConfigError(f"settings file {path}: 'db' must be a file path, got {db!r}")
    actors = data.get("actors", [])
    if isinstance(actors, str):
        actors = [actors]
    if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
        raise ConfigError(f"settings file {path}: 'actors' must be a list of file paths, got {actors!r}")
    resolved = tuple(p if p.is_absolute() else base / p for p in map(Path, actors))
    for p in resolved:
        if not p.is_file():
            raise ConfigError(f"settings file {path}: actor dictionary {p} does not exist")
    db_path = Path(db)
    return Settings(
        db=str(db_path if db_path.is_absolute() else base / db_path),
        actors=resolved,
        limits=_limits(data, path),
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
