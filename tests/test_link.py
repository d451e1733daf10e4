"""Linking across reports (truceline/link): copies, stories and event clusters, through the store and the CLI.

The reports here are our own: the bundled sample corpus, and short reports written in this file.
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from truceline import api
from truceline.cli import cli
from truceline.link import link, minhash
from truceline.link.cluster import CLUSTER_CANDIDATES, LARGEST_CLUSTERS, STORY_CANDIDATES, background, stands_out
from truceline.link.text import shingles
from truceline.model import Analysis, Article, CleanedText, PubDate, RawDocument
from truceline.sample import REPORTS_DIR
from truceline.store import Store

ORIGINAL = (
    "Shelling hit the market of a border town on Tuesday, killing seven people and wounding twenty, a local "
    "council said. Rescue teams pulled survivors from two collapsed shops while the council appealed for "
    "ambulances from neighbouring districts. Officials said the shells came from positions held by the army "
    "on the hills east of the town, an accusation the army rejected in a short statement on state radio."
)
REWRITE = (
    "Shelling hit the market of a border town on Tuesday, killing seven people and wounding twenty, the local "
    "council said. Rescue teams pulled survivors from two collapsed shops as the council appealed for "
    "ambulances from neighbouring districts. Officials said the shells came from positions held by the army "
    "on the hills east of the town, an accusation the army rejected in a brief statement on state radio."
)
UNRELATED = (
    "The harvest festival opened in the old quarter with music, a parade of decorated tractors and stalls "
    "selling honey, cheese and bread. Organisers expect more visitors than last year because the weather is "
    "mild and the trains run again after the summer works on the line to the coast were finished."
)


def _store_with(path: Path, reports: list[tuple[str, str, date | None]]) -> Store:
    """A store holding reports written as plain articles (no events), the way the pipeline would store them."""
    store = Store.open(path)
    for key, body, day in reports:
        doc = RawDocument(id=key, kind="text", content=body, origin=f"{key}.txt")
        store.add_documents([doc])
        pub = PubDate(day.isoformat() if day else None, day, day, "day" if day else "unknown", ())
        art = Article(key, f"{key}.txt", None, None, None, pub, CleanedText(None, body))
        store.save_analysis(Analysis(art))
    return store


def test_minhash_tells_a_light_rewrite_from_another_report() -> None:
    a, b, c = (minhash.signature(shingles(t)) for t in (ORIGINAL, REWRITE, UNRELATED))
    assert minhash.similarity(a, a) == 1.0
    assert minhash.similarity(a, b) >= minhash.COPY_JACCARD
    assert minhash.similarity(a, c) < 0.1
    assert np.array_equal(minhash.from_bytes(minhash.to_bytes(a)), a)
    # the bands of identical signatures agree; a rewrite shares at least one band with its original
    assert minhash.bands(a) == minhash.bands(minhash.signature(shingles(ORIGINAL)))
    assert set(enumerate(minhash.bands(a))) & set(enumerate(minhash.bands(b)))


def test_copies_form_one_group_that_counts_once(tmp_path: Path) -> None:
    day = date(2021, 4, 6)
    with _store_with(tmp_path / "c.db", [("a1", ORIGINAL, day), ("a2", REWRITE, day), ("a3", UNRELATED, day)]) as st:
        report = link(st)
        assert report.linked == 3 and report.copies == 1
        rows = {r: st.link.linked_report(r) for r in ("a1", "a2", "a3")}
        assert rows["a2"]["copy_of"] == "a1" and rows["a1"]["copy_of"] == "a1" and rows["a3"]["copy_of"] == "a3"
        assert rows["a2"]["cluster_id"] == rows["a1"]["cluster_id"] != rows["a3"]["cluster_id"]
        story = rows["a1"]["story_id"]
        assert st.link.story_counts(story) == {"reports": 2, "independent": 1, "outlets": 0, "clusters": 1}
        assert link(st).linked == 0  # nothing new: linking again changes nothing


@pytest.fixture(scope="module")
def processed_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus through every per-report stage, not linked yet (copied by each test that links it)."""
    path = tmp_path_factory.mktemp("sample") / "processed.db"
    with Store.open(path) as store:
        api.ingest(store, [str(REPORTS_DIR)])
        api.process(store, link_after=False)
    return path


def _copy(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


def _snapshot(store: Store) -> dict[str, object]:
    """Everything linking decided, in a form two runs can be compared by."""
    conn = store.conn
    out = {
        "reports": conn.execute(
            "SELECT article_id, copy_of, story_id, cluster_id, round(story_score, 6), round(cluster_score, 6)"
            " FROM link_reports ORDER BY article_id"
        ).fetchall(),
        "stories": conn.execute("SELECT id, n_reports, date_lo, date_hi FROM link_stories ORDER BY id").fetchall(),
        "clusters": conn.execute("SELECT id, story_id, n_reports FROM link_clusters ORDER BY id").fetchall(),
        "canonical": conn.execute(
            "SELECT id, story_id, type, date_lo, date_hi, n_mentions, n_sources FROM link_canonical ORDER BY id"
        ).fetchall(),
        "mentions": conn.execute("SELECT event_id, canonical_id FROM link_mentions ORDER BY event_id").fetchall(),
        "passages": conn.execute("SELECT * FROM link_passages ORDER BY article_id, start").fetchall(),
        "agreements": conn.execute(
            "SELECT id, name, signed, in_force, status FROM link_agreements ORDER BY id"
        ).fetchall(),
        "agreement_mentions": conn.execute(
            "SELECT agreement_id, article_id, start, end FROM link_agreement_mentions ORDER BY article_id, start"
        ).fetchall(),
    }
    return {key: [tuple(row) for row in rows] for key, rows in out.items()}


@pytest.mark.slow
def test_linking_in_several_runs_equals_linking_at_once(processed_sample: Path, tmp_path: Path) -> None:
    with Store.open(_copy(processed_sample, tmp_path / "batch.db")) as store:
        assert link(store).linked == len(store.articles())
        batch = _snapshot(store)
    with Store.open(_copy(processed_sample, tmp_path / "incremental.db")) as store:
        linked = 0
        for until in ("2019-08-31", "2020-02-15", "2020-03-31", None):
            linked += link(store, until=until).linked
        assert linked == len(store.articles())
        assert _snapshot(store) == batch
    assert len(batch["stories"]) >= 1 and len(batch["clusters"]) > len(batch["stories"])  # type: ignore[arg-type]


def _generated(n: int, seed: int = 7) -> list[tuple[str, str, date | None]]:
    """n short reports about many different places over two years, written from templates."""
    rng = random.Random(seed)
    towns = [f"Town{chr(65 + i % 26)}{i}" for i in range(60)]
    acts = ["shelling hit", "an air strike hit", "clashes broke out near", "a convoy was attacked outside"]
    out = []
    start = date(2020, 1, 1)
    for i in range(n):
        town = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(730))
        body = (
            f"{rng.choice(acts).capitalize()} {town} on Monday, killing {rng.randrange(2, 40)} people, officials "
            f"said. The governor of the {town} district called for calm and said {rng.randrange(100, 900)} "
            f"families had fled toward {rng.choice(towns)}. Report number {i} gives more details."
        )
        out.append((f"g{i:05d}", body, day))
    return out


def test_blocking_scores_a_bounded_number_of_candidates(tmp_path: Path) -> None:
    bound = STORY_CANDIDATES + CLUSTER_CANDIDATES + LARGEST_CLUSTERS
    per_report = []
    for n in (60, 240):
        with _store_with(tmp_path / f"g{n}.db", _generated(n)) as store:
            report = link(store)
            assert report.linked == n
            assert report.compared <= bound * n  # never all pairs: n * (n - 1) / 2 would be far more
            per_report.append(report.compared / n)
    assert per_report[1] < bound


def test_articles_carry_their_story_and_cluster_ids_and_stories_are_listed(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    day = date(2021, 4, 6)
    _store_with(db, [("a1", ORIGINAL, day), ("a2", REWRITE, day), ("a3", UNRELATED, day)]).close()
    runner = CliRunner()
    result = runner.invoke(cli, ["link", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0 and "1 near-copies" in result.stderr
    rows = [
        json.loads(x)
        for x in runner.invoke(cli, ["articles", "--db", str(db), "--format", "jsonl"]).stdout.split("\n")
        if x
    ]
    by_id = {r["id"]: r for r in rows}
    assert by_id["a1"]["cluster_ids"] == by_id["a2"]["cluster_ids"] != by_id["a3"]["cluster_ids"]
    assert all(r["story_ids"] and r["cluster_ids"] for r in rows)
    stories = [
        json.loads(x)
        for x in runner.invoke(cli, ["stories", "--db", str(db), "--format", "jsonl"]).stdout.split("\n")
        if x
    ]
    assert {s["id"] for s in stories} == {r["story_ids"][0] for r in rows}
    market = next(s for s in stories if "a1" in s["report_ids"])
    assert market["reports"] == 2 and market["independent_sources"] == 1
    table = runner.invoke(cli, ["stories", "--db", str(db)]).stdout
    assert market["id"] in table and "independent" in table


def test_stories_merge_only_on_a_similarity_that_stands_out_from_their_neighbours() -> None:
    # as alike as the unrelated stories around them: no merge, however high the similarity
    assert not stands_out(0.30, [0.25, 0.28, 0.31])
    # three times the median of the others: a merge
    assert stands_out(0.30, [0.02, 0.05, 0.40])
    # nothing around to judge by: no merge
    assert not stands_out(0.30, [])
    assert background([0.1, 0.3, 0.2]) == 0.2
