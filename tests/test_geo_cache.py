"""The gazetteer index cache: built once, loaded from disk, rebuilt when our data changes or the file is bad.

Builds from a tiny cities file (tests/fixtures/geo/cities_tiny.json) so a fresh build takes milliseconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from truceline.geo import gazetteer
from truceline.geo.normalise import name_key
from truceline.geo.sources import data_dir

SMALL = str(Path(__file__).parent / "fixtures" / "geo" / "cities_tiny.json")


def test_build_then_load_round_trip(tmp_path: Path) -> None:
    built = gazetteer.load(tmp_path, cities=SMALL)
    path = gazetteer.cache_path(tmp_path, cities=SMALL)
    assert path.exists() and not list(tmp_path.glob(".gazetteer-*.tmp"))
    loaded = gazetteer.load(tmp_path, cities=SMALL)
    assert loaded.exact == built.exact and loaded.name == built.name
    assert any(loaded.kind[e] == "country" for e in loaded.lookup(name_key("Syria")))
    assert loaded.admin1[loaded.lookup(name_key("Saraqib"))[0]] == "Idlib"  # region name from the capital's code


def test_changed_data_gives_a_new_cache_key_and_drops_the_old(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    cache = tmp_path / "cache"
    first = gazetteer.load(cache, data, SMALL)
    assert name_key("Zarqat al-Test") not in first.exact
    old_path = gazetteer.cache_path(cache, data, SMALL)
    with (data / "features.csv").open("a", encoding="utf-8") as handle:
        handle.write("test-row,Zarqat al-Test,,SY,35.5,36.5,village,Idlib,,written for this test\n")
    new_path = gazetteer.cache_path(cache, data, SMALL)
    assert new_path != old_path
    second = gazetteer.load(cache, data, SMALL)
    assert name_key("Zarqat al-Test") in second.exact
    assert new_path.exists() and not old_path.exists()


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    path = gazetteer.cache_path(tmp_path, cities=SMALL)
    path.write_bytes(b"not a pickle")
    rebuilt = gazetteer.load(tmp_path, cities=SMALL)
    assert rebuilt.exact and path.stat().st_size > 1000


def test_unwritable_cache_dir_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    gaz = gazetteer.load(blocker / "sub", cities=SMALL)  # a cache "dir" under a file cannot be created
    assert gaz.exact
