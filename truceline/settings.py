"""Settings as data: defaults in one place, an optional YAML file to change them, early and clear errors.

The file is `truceline.yaml` in the current folder, or the path in `$TRUCELINE_SETTINGS`. Command-line options win
over the file, and the file over the defaults. Allowed keys:

    db: truceline.db            # the database commands read and write (--db)
    actors: [my_actors.yaml]    # extra actor dictionaries, loaded after the packaged ones (--actors)
    workers: 2                  # processes for `process` and `run` (--workers); default: the machine's cores

Relative paths in the file are taken from the file's own folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from truceline.errors import ConfigError

SETTINGS_FILE = "truceline.yaml"
ENV_VAR = "TRUCELINE_SETTINGS"
ALLOWED = ("db", "actors", "workers")
DEFAULT_DB = "truceline.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    actors: tuple[Path, ...] = ()
    workers: int | None = None  # None: the machine's cores (truceline.api.default_workers)
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
    workers = _workers(path, data.get("workers"))
    return Settings(
        db=str(db_path if db_path.is_absolute() else base / db_path),
        actors=resolved,
        workers=workers,
        source=str(path),
    )


def _workers(path: Path, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"settings file {path}: 'workers' must be a whole number of processes, 1 or more, got {value!r}"
        )
    return value
