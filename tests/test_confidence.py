"""A calibrated confidence on every row: present and in [0, 1] everywhere, moving the way its signals say, and
measured the way the evaluations print it (truceline/learn/confidence.py, truceline/learn/calibration.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from truceline.errors import ModelError
from truceline.learn import calibration, confidence
from truceline.learn.calibration import FieldModel, Observation
from truceline.model import Actor, Analysis, Event, Place, PubDate, TimeRef, Trigger


def _unit(value: float | None) -> bool:
    return value is not None and 0.0 <= value <= 1.0


@pytest.fixture(scope="module")
def corpus() -> list[Analysis]:
    from truceline.pipeline import analyse_paths
    from truceline.sample import REPORTS_DIR

    return analyse_paths([str(REPORTS_DIR)])


@pytest.mark.slow
def test_every_row_of_the_bundled_corpus_carries_a_confidence_in_0_1(corpus: list[Analysis]) -> None:
    events = [e for a in corpus for e in a.events]
    assert len(events) > 100
    for analysis in corpus:
        pub = analysis.article.published
        assert _unit(pub.confidence) if pub.earliest is not None else pub.confidence is None
        for mention in (*analysis.times, *analysis.places, *analysis.quantities):
            assert _unit(mention.confidence), mention
        for event in analysis.events:
            assert _unit(event.confidence), event.id
            assert _unit(event.date_confidence) if event.date is not None else event.date_confidence is None
            for part in (event.actor, event.recipient, event.claimed_by, event.place, event.time, event.killed,
                         event.injured, *event.other_quantities):  # fmt: skip
                assert part is None or _unit(part.confidence), (event.id, part)


@pytest.mark.slow
def test_the_confidences_tell_rows_apart(corpus: list[Analysis]) -> None:
    """A model that gives every row its base rate is calibrated and useless: the rows must differ."""
    events = [e for a in corpus for e in a.events]
    assert len({e.confidence for e in events}) >= 10
    assert len({e.actor.confidence for e in events if e.actor}) >= 5
    assert len({p.confidence for a in corpus for p in a.places}) >= 5


def _event(**fields: Any) -> Event:
    base: dict[str, Any] = {
        "article_id": "a",
        "index": 0,
        "type": "ASSAULT",
        "mode": "shelling",
        "sentence_start": 0,
        "sentence_end": 80,
        "sentence": "Government forces shelled the village on Thursday, a monitor said on Friday in a statement.",
        "trigger": Trigger(18, 25, "shelled", "shell"),
    }
    base.update(fields)
    return Event(**base)


_DAY = date(2020, 3, 6)
_PUB = PubDate("2020-03-06", _DAY, _DAY, "day", ("dateline: 'IDLIB, March 6'",))


def _date_confidence(event: Event, times: list[TimeRef], published: PubDate = _PUB) -> float:
    scored_pub = confidence.score_pubdate(published)
    scored = confidence.score_event(event, published=scored_pub, times=confidence.score_times(times))
    assert scored.date_confidence is not None
    return scored.date_confidence


def test_a_stand_in_date_is_trusted_less_when_the_sentence_names_a_time_it_was_not_given() -> None:
    thursday = TimeRef(42, 50, "Thursday", "DATE", "2020-03-05", _DAY, _DAY, "day", anchored=True)
    fallback = _event(date="2020-03-06", date_precision="reported by", date_from_publication=True)
    assert _date_confidence(fallback, [thursday]) < _date_confidence(fallback, [])


def test_a_stand_in_date_is_trusted_less_when_the_report_is_dated_only_to_a_year() -> None:
    fallback = _event(date="2020", date_precision="reported by", date_from_publication=True)
    year = PubDate("2020", date(2020, 1, 1), date(2020, 12, 31), "year", ("story: other reports of 2020",))
    assert _date_confidence(fallback, [], year) < _date_confidence(replace_date(fallback), [])


def replace_date(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, date="2020-03-06")


def test_a_date_from_the_clause_is_trusted_less_when_it_only_bounds_the_act() -> None:
    april = TimeRef(42, 50, "April 28", "DATE", "2020-04-28", date(2020, 4, 28), date(2020, 4, 28), "day")
    dated = _event(time=april, date="2020-04-28", date_precision="day")
    bounded = _event(time=april, date="2020-04-28", date_precision="since")
    assert _date_confidence(bounded, [april]) < _date_confidence(dated, [april])


def test_an_unresolved_place_is_trusted_less_than_the_same_name_resolved() -> None:
    resolved = Place(0, 7, "Saraqib", name="Saraqib", country="SYR", lat=35.86, lon=36.80, geonameid=164816,
                     feature="city", source="geonames", cue="in")  # fmt: skip
    unresolved = Place(0, 7, "Saraqib", country="SYR", resolved=False, cue="in")
    sure, unsure = confidence.score_places([resolved, unresolved])
    assert _unit(sure.confidence) and _unit(unsure.confidence)
    assert unsure.confidence < sure.confidence  # type: ignore[operator]


def test_a_war_long_toll_is_trusted_less_than_the_incident_figure() -> None:
    from truceline.stages.quantities import find_quantities

    text = "Two soldiers were killed in a bomb blast on Monday. The war has killed more than 370,000 people since 2011."
    figures = confidence.score_quantities(text, find_quantities(text))
    incident = next(q for q in figures if q.value == 2)
    war = next(q for q in figures if q.value >= 370_000)
    assert war.confidence < incident.confidence  # type: ignore[operator]


def test_a_named_country_actor_is_trusted_more_than_an_unnamed_group() -> None:
    sentence = "Turkey shelled the village, and gunmen fired back on Thursday."
    state = Actor(0, 6, "Turkey", name="Turkey", country="TUR", sector="GOV", code="TURGOV")
    gunmen = Actor(32, 38, "gunmen")
    event = _event(sentence=sentence, trigger=Trigger(7, 14, "shelled", "shell"), actor=state, recipient=gunmen)
    scored = confidence.score_event(event)
    assert scored.actor is not None and scored.recipient is not None
    assert scored.recipient.confidence < scored.actor.confidence  # type: ignore[operator]


def test_a_report_dated_to_the_day_is_trusted_more_than_one_dated_to_a_year() -> None:
    year = PubDate("2020", date(2020, 1, 1), date(2020, 12, 31), "year", ("nothing finer: kept the HTML year 2020",))
    day = PubDate("2020-03-06", _DAY, _DAY, "day", ("HTML metadata (htmldate): 2020-03-06",))
    assert confidence.score_pubdate(year).confidence < confidence.score_pubdate(day).confidence  # type: ignore[operator]
    assert confidence.score_pubdate(PubDate(None, None, None, "unknown")).confidence is None


def test_reliability_and_ece_on_pairs_worked_by_hand() -> None:
    pairs = [(0.9, True), (0.9, False), (0.2, False), (0.2, False)]
    table = calibration.reliability(pairs)
    assert table == [
        {"bin": "0.2-0.3", "n": 2, "mean_confidence": 0.2, "accuracy": 0.0},
        {"bin": "0.9-1.0", "n": 2, "mean_confidence": 0.9, "accuracy": 0.5},
    ]
    assert calibration.ece(pairs) == pytest.approx(0.3)  # (2 * 0.2 + 2 * 0.4) / 4
    assert calibration.auc(pairs) == pytest.approx(2.5 / 3, abs=1e-4)  # the right 0.9 beats both 0.2s, ties a 0.9
    block = calibration.calibration_block([*pairs, (None, True)])
    assert block.keys() >= {"ece", "reliability", "brier", "auc", "n", "unscored"}
    assert block["n"] == 4 and block["unscored"] == 1
    assert calibration.reliability([(1.0, True)])[0]["bin"] == "0.9-1.0"  # a confidence of 1 falls in the last bin
    assert calibration.reliability([(0.3, True)])[0]["bin"] == "0.3-0.4"


def test_fitting_is_deterministic_and_follows_the_data() -> None:
    observations = [
        Observation({"sure": 1.0} if i % 4 else {"unsure": 1.0}, right=bool(i % 4) or i % 8 == 0, group=f"g{i}")
        for i in range(200)
    ]
    first = calibration.fit_field(observations, l2=1e-3)
    again = calibration.fit_field(observations, l2=1e-3)
    assert first.as_json() == again.as_json()
    assert first.probability({"sure": 1.0}) > 0.9 > 0.6 > first.probability({"unsure": 1.0})
    scaled = calibration.fit_scaled(observations, FieldModel(0.0, {"sure": 1.0, "unsure": -1.0}))
    assert scaled.probability({"sure": 1.0}) > scaled.probability({"unsure": 1.0})
    assert calibration.choose_l2(observations) in calibration.L2_GRID


def test_a_broken_calibration_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "calibration.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="refit"):
        confidence.read_calibration(bad)
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(ModelError, match="format"):
        confidence.read_calibration(bad)


def test_the_shipped_calibration_covers_every_field() -> None:
    shipped = confidence.read_calibration(confidence.MODEL_PATH)
    assert set(shipped.models) == set(confidence.FIELDS)
    assert confidence.load_calibration().models.keys() == shipped.models.keys()
