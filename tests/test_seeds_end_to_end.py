"""The foundation's acceptance check on the five real seed reports (read from ../shared at run time).

For every seed: a publication date or an honest interval, a body free of the site chrome a reader can see,
captions kept apart, and events that carry actors, dates and places. The expectations are about the shape a user
relies on, not about one sentence's coding (that is what the bundled corpus gold measures).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.model import Analysis

CHROME_SIGNS = ("Comment(s)", "Do you like this article", "Cookies are used", "Powered by automated translation")


@pytest.fixture(scope="module")
def analyses(shared: Path) -> list[Analysis]:
    from truceline.pipeline import analyse_paths

    return analyse_paths([str(shared / "seeds")])


def test_every_seed_is_analysed(analyses: list[Analysis]) -> None:
    assert len(analyses) == 5


def test_every_seed_has_a_date_or_an_honest_interval(analyses: list[Analysis]) -> None:
    for a in analyses:
        pub = a.article.published
        assert pub.earliest is not None and pub.latest is not None, a.article.origin
        assert pub.earliest <= pub.latest
        # at most about a year: seed 002 is autumn 2018 or June-September 2019 (nothing in its text chooses)
        assert (pub.latest - pub.earliest).days <= 400, (a.article.origin, pub)
        assert pub.evidence, "a date must say where it came from"


def test_bodies_carry_no_site_chrome_and_captions_stay_apart(analyses: list[Analysis]) -> None:
    captions = 0
    for a in analyses:
        body = a.article.body
        for sign in CHROME_SIGNS:
            assert sign not in body, (a.article.origin, sign)
        for cap in a.article.cleaned.captions:
            assert cap.text not in body
            captions += 1
        assert a.article.title and a.article.title not in body.split("\n\n")[0]
    assert captions >= 3  # photo captions with agency credits appear in two of the seeds


def test_events_carry_actors_dates_places_and_cite_their_sentences(analyses: list[Analysis]) -> None:
    for a in analyses:
        body = a.article.body
        assert a.events, a.article.origin
        for ev in a.events:
            assert body[ev.sentence_start : ev.sentence_end] == ev.sentence
            assert body[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        with_actor = sum(1 for ev in a.events if ev.actor and ev.actor.country)
        with_place = sum(1 for ev in a.events if ev.place and ev.place.lat is not None)
        dated = sum(1 for ev in a.events if ev.date)
        assert with_actor >= len(a.events) / 3, a.article.origin
        assert with_place >= 1 and dated >= len(a.events) / 2, a.article.origin


def test_a_reported_violation_is_the_speakers_accusation(analyses: list[Analysis]) -> None:
    """'Turkey said regime forces are violating the ceasefire' is Turkey's accusation against them; a violation with
    a day or toll of its own is also a claimed act, linked to the accusation."""
    accusations = 0
    for a in analyses:
        for ev in a.events:
            for relation, target in ev.links:
                if relation == "alleges":
                    alleged = a.events[target]
                    assert alleged.stance in ("claimed", "denied")
                    assert alleged.claimed_by is not None
            if ev.type == "ACCUSE" and "violat" in ev.sentence and ev.actor is not None and ev.actor.country:
                accusations += 1
    assert accusations >= 2


def test_some_claim_is_denied(analyses: list[Analysis]) -> None:
    stances = {ev.stance for a in analyses for ev in a.events}
    assert "denied" in stances or any(rel == "denies" for a in analyses for ev in a.events for rel, _ in ev.links)


def test_an_agreement_of_last_september_is_dated_even_when_the_report_is_not(analyses: list[Analysis]) -> None:
    """Seed 000 is dated only to March-September 2019 (a Friday in that span), yet "agreed last September" reads
    September 2018 from any day of it, so the agreement is dated to its month rather than "reported by"."""
    loose = [a for a in analyses if a.article.published.precision != "day"]
    agreements = [
        ev
        for a in loose
        for ev in a.events
        if ev.type == "AGREE" and "last September" in ev.sentence and ev.date_precision != "reported by"
    ]
    assert agreements and all(ev.date == "2018-09" for ev in agreements)
