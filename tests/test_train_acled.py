"""`truceline train acled`: a user's own labelled notes make a model that `acled_model` in truceline.yaml names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline.cli import cli
from truceline.learn import acled
from truceline.learn.linear import LinearModel

# Ten notes of our own: five that a user files as mob violence, five as arrests (a user's own coding convention).
NOTES = """id\tnote\tsubtype
m1\tA crowd beat a suspected thief to death in the market of a northern town.\tMOB_VIOLENCE
m2\tVillagers armed with machetes attacked two men they accused of cattle theft.\tMOB_VIOLENCE
m3\tA mob set fire to the house of a man accused of witchcraft and beat his son.\tMOB_VIOLENCE
m4\tResidents lynched a motorcyclist after a crash that killed a child.\tMOB_VIOLENCE
m5\tAn angry crowd stoned a driver accused of kidnapping near the bus station.\tMOB_VIOLENCE
a1\tPolice detained twelve opposition activists at a rally in the capital.\tARRESTS
a2\tSoldiers arrested a local journalist at a checkpoint outside the city.\tARRESTS
a3\tSecurity forces rounded up thirty students after the campus sit-in.\tARRESTS
a4\tThe army detained a village chief accused of helping the rebels.\tARRESTS
a5\tPolice arrested four union leaders before the planned strike.\tARRESTS
"""


@pytest.fixture(autouse=True)
def _packaged_model_after() -> object:
    yield
    acled.use_model(None)


def test_train_acled_writes_a_model_the_settings_can_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = tmp_path / "notes.tsv"
    notes.write_text(NOTES, encoding="utf-8")
    out = tmp_path / "mine.npz"
    result = CliRunner().invoke(cli, ["train", "acled", str(notes), "--output", str(out), "--no-cv"])
    assert result.exit_code == 0, result.output
    model = LinearModel.load(out)
    assert model.meta["trained_on"]["notes"] == 10
    # the user's model knows only what it was taught (plus the ontology's definitions); the packaged one knows more
    assert set(model.labels) >= {"MOB_VIOLENCE", "ARRESTS"}
    acled.use_model(out)
    assert acled.load_model() is not None and acled.load_model().meta == model.meta
    acled.use_model(None)
    packaged = acled.load_model()
    assert packaged is not None and packaged.meta != model.meta

    (tmp_path / "truceline.yaml").write_text("acled_model: mine.npz\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    from truceline.settings import load_settings

    assert load_settings().acled_model == out


def test_a_missing_or_wrong_model_setting_fails_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from truceline.errors import ConfigError
    from truceline.settings import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    (tmp_path / "truceline.yaml").write_text("acled_model: nothing.npz\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="train acled"):
        load_settings()
    (tmp_path / "truceline.yaml").write_text("acled_model: notes.tsv\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.npz"):
        load_settings()
    assert os.environ.get("TRUCELINE_SETTINGS") is None
