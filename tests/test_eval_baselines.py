"""Peers at their best settings: dateparser's hits read with the types and precision its own parse gives."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from truceline.errors import EvalError
from truceline.eval.baselines import _typed, dateparser_tagger, settings

WHEN = datetime(2019, 5, 6, 21, 0)


@pytest.mark.parametrize(
    ("surface", "after", "period", "expected"),
    [
        ("three days", ".", "day", ("DURATION", "P3D")),  # a bare amount, not the day three days back
        ("about 45 minutes", " of", "time", ("DURATION", "PT45M")),
        ("a year", " earlier", "year", ("DATE", "2019")),  # the words after it make it a date
        ("at 9 pm on Monday", ",", "time", ("TIME", "2019-05-06T21:00")),
        ("now", ".", "time", ("DATE", "2019-05-06")),  # dateparser's clock reading of "now" is no time of day
        ("in March 2019", ",", "month", ("DATE", "2019-05")),
        ("two weeks ago", ",", "week", ("DATE", "2019-W19")),
        ("on Monday", ",", "day", ("DATE", "2019-05-06")),
    ],
)
def test_a_hit_takes_the_type_and_precision_of_its_parse(
    surface: str, after: str, period: str, expected: tuple[str, str]
) -> None:
    assert _typed(surface, after, WHEN, period) == expected


def test_dateparser_runs_through_the_adapter() -> None:
    pytest.importorskip("dateparser")
    text = "The talks lasted three days. A first round was held in March 2019."
    found = {text[t.start : t.end]: (t.type, t.value) for t in dateparser_tagger(text, date(2019, 5, 10))}
    assert found.get("three days") == ("DURATION", "P3D")
    assert ("DATE", "2019-03") in found.values()


def test_settings_say_how_each_peer_runs() -> None:
    dp = settings("dateparser")
    assert dp["settings"]["PREFER_DATES_FROM"] == "past"  # type: ignore[index]
    assert "types" in dp and "version" in dp
    assert settings("heideltime")["document_type"] == "news"
    with pytest.raises(EvalError, match="unknown baseline"):
        settings("nonesuch")
