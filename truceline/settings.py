"""Settings as data: defaults in one place, an optional YAML file to change them, early and clear errors.

The file is `truceline.yaml` in the current folder, or the path in `$TRUCELINE_SETTINGS`. Command-line options win
over the file, and the file over the defaults. Allowed keys:

    db: truceline.db            # the database commands read and write (--db)
    actors: [my_actors.yaml]    # extra actor dictionaries, loaded after the packaged ones (--actors)
    agreements: [my_deals.yaml] # agreements you know of, for linking to resolve mentions to (truceline/link)
    event_model: events.npz     # the event classifier process/run/demo use instead of the packaged one
    acled_model: acled.npz      # the ACLED sub-type classifier the ACLED export uses instead of the packaged one
                                # (written by `truceline train events FILE --output events.npz`)
    tile_url: https://tile.example.org/{z}/{x}/{y}.png   # map tiles for `truceline serve` (offline outlines if unset)

Relative paths in the file are taken from the file's own folder.
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
ALLOWED = ("db", "actors", "agreements", "event_model", "acled_model", "tile_url")
DEFAULT_DB = "truceline.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    actors: tuple[Path, ...] = ()
    agreements: tuple[Path, ...] = ()
    event_model: Path | None = None  # None: the packaged event model (truceline/data/models/events.npz)
    acled_model: Path | None = None  # None: the packaged ACLED sub-type model (truceline/data/models/acled*.npz)
    tile_url: str | None = None  # a tile server's URL template for the web app's map (None: offline outlines only)
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
    resolved = _files(path, base, data, "actors", "actor dictionary")
    agreements = _files(path, base, data, "agreements", "agreements file")
    model_path = _model_path(path, base, data.get("event_model"), "event_model", "truceline train events")
    acled_path = _model_path(path, base, data.get("acled_model"), "acled_model", "truceline train acled")
    tile_url = _tile_url(path, data.get("tile_url"))
    db_path = Path(db)
    return Settings(
        db=str(db_path if db_path.is_absolute() else base / db_path),
        actors=resolved,
        agreements=agreements,
        event_model=model_path,
        acled_model=acled_path,
        tile_url=tile_url,
        source=str(path),
    )


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
