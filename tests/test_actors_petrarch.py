"""The PETRARCH dictionary reader, on a small file written here and on the shared validation files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from truceline.actors import load_petrarch_dictionaries

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "petrarch2_unittests"

ACTORS = """<!-- an actor dictionary written for this test -->
<!-- spanning
     two lines -->
NORLAND [NRL]  # a fictional country
+NORLANDIC
SOUTHMARK_ [SMK]
VELDRA_FRONT [NRLREBVLD]
OLD_KEEP
+THE_CASTLE
\t[NRLGOV 19900101-19991231]
\t[NRLOPP >20000101]
SILENT_ONE [---]
BORDER_TOWN
	[NRL <900101]
	[SMK >900101]
THE_TWINS [NRL/SMK]
"""
AGENTS = """!GUARD! = GUARD, GUARDS
DEFENCE_MINISTER [~GOV]
TROOPS {} [~MIL]
AID_GROUP [NGO~]
PALACE_!GUARD! [~MILPAL]
"""


@pytest.fixture
def book(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "test.actors.txt").write_text(ACTORS)
    (tmp_path / "test.agents.txt").write_text(AGENTS)
    (tmp_path / "test.verbs.txt").write_text("--- GRANT [070] ---\n")
    return load_petrarch_dictionaries(sorted(tmp_path.iterdir()))


def test_actor_and_synonyms(book) -> None:  # type: ignore[no-untyped-def]
    found = book.find("Norland and the Norlandic envoy met Southmark.")
    assert [(a.text, a.code) for a in found] == [("Norland", "NRL"), ("Norlandic", "NRL"), ("Southmark", "SMK")]


def test_stems_take_suffixes_but_exact_words_do_not(book) -> None:  # type: ignore[no-untyped-def]
    assert [a.code for a in book.find("Norlandian forces")] == ["NRL"]
    assert book.find("Southmarkian forces") == []


def test_agent_codes_follow_or_precede_the_actor(book) -> None:  # type: ignore[no-untyped-def]
    assert [a.code for a in book.find("The Norland defence minister spoke.")] == ["NRLGOV"]
    assert [a.code for a in book.find("Norland troops crossed.")] == ["NRLMIL"]
    assert [a.code for a in book.find("A Norland aid group arrived.")] == ["NGONRL"]
    assert [a.code for a in book.find("Norland palace guards fired.")] == ["NRLMILPAL"]


def test_date_restrictions(book) -> None:  # type: ignore[no-untyped-def]
    assert [a.code for a in book.find("The Castle said so.", when=date(1995, 5, 1))] == ["NRLGOV"]
    assert [a.code for a in book.find("Old Keep said so.", when=date(2005, 5, 1))] == ["NRLOPP"]


def test_an_undated_text_takes_the_country_every_dated_code_shares(book) -> None:  # type: ignore[no-untyped-def]
    # no date to choose a period by: Old Keep is of Norland in each of its periods, Border Town of no one country
    assert [(a.country, a.code) for a in book.find("Old Keep said so.")] == [("NRL", "NRL")]
    assert [(a.country, a.code) for a in book.find("Old Keep said so.", when=date(1995, 5, 1))] == [("NRL", "NRLGOV")]
    assert [(a.country, a.code) for a in book.find("Border Town said so.")] == [(None, None)]
    assert [a.code for a in book.find("Border Town said so.", when=date(1995, 5, 1))] == ["SMK"]


def test_null_codes_are_known_but_uncoded(book) -> None:  # type: ignore[no-untyped-def]
    found = book.find("Silent One watched.")
    assert [(a.text, a.code) for a in found] == [("Silent One", None)]


def test_a_code_list_is_a_compound(book) -> None:  # type: ignore[no-untyped-def]
    (twins,) = book.find("The Twins agreed.")
    assert [m.code for m in twins.members] == ["NRL", "SMK"]


@pytest.mark.skipif(not SHARED.exists(), reason="shared PETRARCH validation files not present (/work/shared)")
def test_shared_validation_dictionaries() -> None:
    book = load_petrarch_dictionaries([SHARED / "PETR.Validate.actors.txt", SHARED / "PETR.Validate.agents.txt"])
    assert len(book.entries) > 150
    assert [a.code for a in book.find("Arnor restored ties with Gondor")] == ["ARN", "GON"]
    assert [a.code for a in book.find("Israeli troops moved")] == ["ISRMIL"]
    assert [a.code for a in book.find("The Argentine foreign minister left")] == ["ARGGOVFRM"]
    # Restrictions are read in order: the first one covering the date wins.
    assert [a.code for a in book.find("Sam Gamgee", when=date(2010, 1, 10))] == ["ORCHOB"]
    assert [a.code for a in book.find("Sam Gamgee", when=date(2012, 12, 1))] == ["HOBGOV"]
    assert [a.code for a in book.find("Gollum", when=date(1994, 1, 1))] == ["HOB"]
