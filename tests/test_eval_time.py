"""Eval commands on a few gold files (read from /work/shared at run time; skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.errors import EvalError
from truceline.eval import pubdate, timeml
from truceline.eval.split import describe

SHARED = Path(__file__).resolve().parents[2] / "shared"
TBAQ = SHARED / "eval" / "timeml" / "TBAQ-cleaned"
PUBDATE = SHARED / "eval" / "pubdate"
# Measured on the first three AQUAINT files (sorted): value F1 0.83 when this floor was set.
VALUE_F1_FLOOR = 0.8


def test_timeml_smoke_on_three_files() -> None:
    if not TBAQ.exists():
        pytest.skip(f"{TBAQ} absent (shared gold sets not mounted)")
    out = timeml.run(TBAQ, {"baseline": None, "limit": 3})
    assert set(out) == {"part", "split", "files", "gold", "predicted", "strict", "relaxed", "value_f1", "type_f1",
                        "calibration"}  # fmt: skip
    assert out["calibration"]["time"]["n"] == out["predicted"]  # type: ignore[index]  # every value has a confidence
    assert out["files"] == 3
    for key in ("strict", "relaxed"):
        assert set(out[key]) == {"p", "r", "f1"}  # type: ignore[arg-type]
    assert out["value_f1"] > VALUE_F1_FLOOR  # type: ignore[operator]


def test_timeml_parser_keeps_offsets(tmp_path: Path) -> None:
    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-17" functionInDocument="CREATION_TIME">x</TIMEX3>'
        '</DCT><TEXT>Rebels &amp; troops clashed on <TIMEX3 tid="t1" type="DATE" value="2019-05-17">Friday</TIMEX3>'
        ' and will meet <TIMEX3 tid="t2" type="DATE" value="2019-05-18">tomorrow</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    doc = timeml.parse_tml(tml)
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["Friday", "tomorrow"]
    out = timeml.run(tml, {"baseline": None, "limit": None})
    assert out["value_f1"] == 1.0 and out["strict"] == {"p": 1.0, "r": 1.0, "f1": 1.0}


def test_bad_inputs_raise_eval_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        timeml.run(tmp_path / "missing", {"baseline": None, "limit": None})
    with pytest.raises(EvalError):
        pubdate.run(tmp_path, {"baseline": None, "limit": None})
    (tmp_path / "one.tml").write_text("<TimeML><TEXT>On Friday.</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(EvalError, match="unknown baseline"):
        timeml.run(tmp_path, {"baseline": "nonesuch", "limit": None})
    with pytest.raises(EvalError, match="no <TEXT>"):
        (tmp_path / "two.tml").write_text("<TimeML></TimeML>", encoding="utf-8")
        timeml.run(tmp_path, {"baseline": None, "limit": None})


def test_pubdate_smoke() -> None:
    if not PUBDATE.exists():
        pytest.skip(f"{PUBDATE} absent (shared gold sets not mounted)")
    out = pubdate.run(PUBDATE, {"baseline": None, "limit": 5})
    assert set(out) == {"part", "split", "pages", "exact", "within_1_day", "missing", "calibration"}
    assert out["pages"] == 5


def test_cat_xml_reader(tmp_path: Path) -> None:
    cat = tmp_path / "doc.xml"
    cat.write_text(
        '<Document><token t_id="1" sentence="0">Talks</token><token t_id="2" sentence="0">ended</token>'
        '<token t_id="3" sentence="0">on</token><token t_id="4" sentence="0">Friday</token>'
        '<token t_id="5" sentence="0">.</token><token t_id="6" sentence="1">Unannotated</token>'
        '<Markables><TIMEX3 m_id="1" type="DATE" value="2019-05-17"><token_anchor t_id="4"/></TIMEX3>'
        '<TIMEX3 m_id="2" type="DATE" value="2019-05-17" functionInDocument="CREATION_TIME"/></Markables></Document>',
        encoding="utf-8",
    )
    doc = timeml.parse_cat(cat)
    assert doc.text == "Talks ended on Friday."
    assert doc.dct is not None and doc.dct.isoformat() == "2019-05-17"
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["Friday"]


FIXTURES = Path(__file__).parent / "fixtures" / "time"


def test_timeml_on_our_own_fixture() -> None:
    out = timeml.run(FIXTURES / "sample.tml", {"baseline": None, "limit": None})
    assert out["gold"] == 8
    assert out["relaxed"]["f1"] == 1.0  # type: ignore[index]
    assert out["value_f1"] == 1.0


def test_pubdate_on_our_own_fixture() -> None:
    out = pubdate.run(FIXTURES / "pubdate", {"baseline": None, "limit": None})
    calibration = out.pop("calibration")
    assert out == {**describe("all"), "pages": 2, "exact": 1.0, "within_1_day": 1.0, "missing": 0.5}
    # both pages: the one we date, and the one whose text bounds it by nothing (published before today)
    assert calibration["pubdate"]["n"] == 2  # type: ignore[index]


def test_a_document_without_creation_time_is_dated_from_its_own_date_line() -> None:
    from truceline.eval.timeml import truceline_tagger

    text = "Border crossing reopens after truce\nMarch 04, 2021\nThe crossing reopened today, officials said.\n"
    values = {text[t.start : t.end]: t.value for t in truceline_tagger(text, None)}
    assert values["today"] == "2021-03-04"


def test_an_undatable_document_without_creation_time_keeps_placeholders() -> None:
    from truceline.eval.timeml import truceline_tagger

    text = "The crossing reopened today, officials said."
    assert [t.value for t in truceline_tagger(text, None)] == ["XXXX-XX-XX"]
