"""User dictionaries (--actors FILE): they extend and override the packaged data, and bad ones fail clearly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from truceline.actors import ActorDictionary
from truceline.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures" / "actors"


def test_packaged_data_loads_and_every_sector_is_documented() -> None:
    book = ActorDictionary.load()
    assert len(book.entries) > 800
    used = {e.sector for e in book.entries if e.sector} | {
        o.sector for e in book.entries for o in e.offices if o.sector
    }
    assert used <= set(book.sectors), used - set(book.sectors)


def test_yaml_user_dictionary_extends_and_overrides() -> None:
    book = ActorDictionary.load([FIXTURES / "user_actors.yaml"])
    assert book is not ActorDictionary.load()
    brigade = book.resolve("fighters of the Northern Shield Brigade")
    assert brigade is not None and brigade.code == "SYRREBNSB"
    nsb = book.resolve("NSB")
    assert nsb is not None and nsb.name == "Northern Shield Brigade"
    marvik = book.resolve("Lena Marvik", when=date(2032, 5, 1))
    assert marvik is not None and (marvik.country, marvik.sector) == ("NOR", "GOV")
    kalin = book.resolve("Kalin")
    assert kalin is not None and kalin.sector == "BUS"  # the user's entry replaced the packaged one
    watch = book.resolve("Jordanian watchmen")
    assert watch is not None and (watch.country, watch.sector) == ("JOR", "COP")
    assert book.resolve("Turkish soldiers") is not None  # packaged data still there


def test_csv_user_dictionary() -> None:
    book = ActorDictionary.load([FIXTURES / "user_actors.csv"])
    league = book.resolve("the Coastal Defence League")
    assert league is not None and (league.country, league.sector) == ("LBY", "REB")
    minister = book.resolve("Ferreira", when=date(2031, 1, 1))
    assert minister is not None and (minister.country, minister.sector) == ("PRT", "GOV")
    retired = book.resolve("Ferreira", when=date(2035, 1, 1))
    assert retired is not None and retired.sector == "ELI"


def test_unknown_field_names_the_line_and_the_allowed_fields() -> None:
    with pytest.raises(ConfigError) as err:
        ActorDictionary.load([FIXTURES / "bad_field.yaml"])
    message = str(err.value)
    assert "bad_field.yaml:2" in message and "'secter'" in message and "allowed fields: name, kind" in message


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        ("- {name: X, kind: wizard}\n", ".yaml", "kind must be one of"),
        ("- {name: X, kind: group, sector: WIZ}\n", ".yaml", "unknown sector 'WIZ'"),
        ("- {name: X, kind: group, country: Syria}\n", ".yaml", "three capital letters"),
        ("- {kind: group}\n", ".yaml", "non-empty name"),
        ("- {name: X, kind: person, offices: [{role: a, start: 13/2019}]}\n", ".yaml", "ISO YYYY-MM-DD"),
        ("- {name: X, kind: person, offices: [{role: a, boss: b}]}\n", ".yaml", "unknown office field 'boss'"),
        ("name: X\nkind: group\n", ".yaml", "YAML list of entries"),
        ("- [unclosed\n", ".yaml", "not valid YAML"),
        ("name,kind,colour\nX,group,red\n", ".csv", "unknown column(s) colour"),
        ("# comment\nname,kind\nX,group\nY,alien\n", ".csv", ":4: kind must be one of"),
        ("name,kind\n", ".txt", "must end in .yaml"),
    ],
)
def test_bad_user_files_raise_config_error(tmp_path: Path, content: str, suffix: str, expected: str) -> None:
    path = tmp_path / f"actors{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        ActorDictionary.load([path])
    assert expected in str(err.value)
    assert str(err.value).startswith("[T002]")


def test_missing_and_binary_files_raise_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ActorDictionary.load([tmp_path / "nope.yaml"])
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(ConfigError):
        ActorDictionary.load([binary])


def test_readme_documents_every_field() -> None:
    from truceline.actors.loading import FIELDS, OFFICE_FIELDS

    readme = (Path(__file__).resolve().parents[1] / "truceline" / "data" / "actors" / "README.md").read_text()
    for field in (*FIELDS, *OFFICE_FIELDS):
        assert f"`{field}`" in readme, field


def test_a_csv_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("name,kind,country,sector\nDune Riders,group,MLI,REB\n".encode("utf-8-sig"))
    actor = ActorDictionary.load([path]).resolve("Dune Riders")
    assert actor is not None and actor.country == "MLI"


def test_public_api() -> None:
    import truceline.actors as actors
    import truceline.stages.actors as stage

    assert sorted(actors.__all__) == ["ActorDictionary", "Entry", "Office", "load_petrarch_dictionaries"]
    assert stage.ActorDictionary is actors.ActorDictionary
