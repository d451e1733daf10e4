"""The packaged ontology and trigger lexicon agree with each other and with PLOVER's 16 types."""

from __future__ import annotations

import dataclasses

import yaml

from truceline.events.lexicon import load_lexicon, word_forms
from truceline.events.ontology import PLOVER_TYPES, load_ontology, validate
from truceline.model import Actor


def test_every_type_has_modes_and_every_mode_maps_to_cameo_and_acled() -> None:
    ontology = load_ontology()
    assert sorted(ontology.modes) == sorted(PLOVER_TYPES)
    assert validate(ontology) == []
    for type_, modes in ontology.modes.items():
        assert "general" in modes, type_
        for mode in modes.values():
            assert mode.cameo.isdigit() and 3 <= len(mode.cameo) <= 4
            assert mode.acled in ontology.acled


def test_ceasefire_acts_are_explicit_modes() -> None:
    ontology = load_ontology()
    values = {m.ceasefire for modes in ontology.modes.values() for m in modes.values() if m.ceasefire}
    assert values == {"agreed", "declared", "observed", "violated", "rejected", "extended"}
    assert ontology.mode("ASSAULT", "ceasefire_violated").cameo == "196"
    assert ontology.mode("CONCEDE", "ceasefire_declared").ceasefire == "declared"
    assert ontology.mode("RETREAT", "ceasefire_observed").ceasefire == "observed"


def test_acled_names_normalise_from_long_and_short_spellings() -> None:
    ontology = load_ontology()
    assert ontology.normalise_acled("Air/drone strike") == "AIR_DRONE_STRIKE"
    assert ontology.normalise_acled("AIR_STRIKE") == "AIR_DRONE_STRIKE"
    assert ontology.normalise_acled("ART_MISS_ATTACK") == "SHELLING_ARTILLERY_MISSILE_ATTACK"
    assert ontology.normalise_acled("Shelling/artillery/missile attack") == "SHELLING_ARTILLERY_MISSILE_ATTACK"
    assert ontology.normalise_acled("PEACE_PROTEST") == "PEACEFUL_PROTEST"
    assert ontology.normalise_acled("no such thing") is None


def test_acled_rules_use_the_recipient_and_actor() -> None:
    ontology = load_ontology()
    civilians = Actor(0, 9, "civilians", sector="CVL")
    army = Actor(0, 4, "army", country="XXX", sector="MIL")
    assert ontology.acled_subevent("ASSAULT", "small_arms", None, civilians) == "ATTACK"
    assert ontology.acled_subevent("ASSAULT", "small_arms", army, army) == "ARMED_CLASH"
    assert ontology.acled_subevent("ASSAULT", "capture_territory", army, None) == "GOVERNMENT_REGAINS_TERRITORY"
    assert ontology.acled_subevent("ASSAULT", "aerial", army, civilians) == "AIR_DRONE_STRIKE"


def test_validate_reports_a_broken_mapping() -> None:
    ontology = load_ontology()
    broken = type(ontology)({**ontology.modes, "AGREE": {}}, ontology.acled, ontology.rules, ontology._alias)
    assert any("AGREE" in problem for problem in validate(broken))


def test_the_verbal_types_are_plover_s_verbal_quad_classes() -> None:
    ontology = load_ontology()
    assert ontology.verbal_types == {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
    assert ontology.mutual_types == {"AGREE", "CONSULT"}
    broken = dataclasses.replace(ontology, mutual_types=frozenset({"AGREE", "ASSAULT"}))
    assert "mutual_types must be verbal_types too" in validate(broken)
    unknown = dataclasses.replace(ontology, verbal_types=ontology.verbal_types | {"GOSSIP"})
    assert any("GOSSIP" in problem for problem in validate(unknown))


def test_trigger_file_names_only_known_types_and_modes() -> None:
    lexicon = load_lexicon()
    ontology = load_ontology()
    for table in (lexicon.verbs, lexicon.nouns, lexicon.ceasefire_verbs, dict(lexicon.phrasal)):
        for type_, mode in table.values():
            assert mode in ontology.modes[type_]
    assert set(lexicon.weapon_modes.values()) <= set(ontology.modes["ASSAULT"])


def test_data_files_name_their_sources() -> None:
    from importlib import resources

    for name in ("plover.yaml", "triggers.yaml"):
        text = resources.files("truceline").joinpath(f"data/{name}").read_text(encoding="utf-8")
        header = text.split("\n\n", 1)[0]
        assert "PLOVER" in header and "CC BY-SA" in header
        assert isinstance(yaml.safe_load(text), dict)


def test_word_forms_cover_regular_and_irregular_inflections() -> None:
    assert {"shelled", "shelling", "shells"} <= word_forms("shell", verb=True)
    assert {"struck", "striking"} <= word_forms("strike", verb=True)
    assert "truces" in word_forms("truce", verb=False)
