"""eval extraction: the scorer on pages we wrote, option checking, and pinned floors on the shared gold set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from truceline.errors import EvalError
from truceline.eval.extraction import run, score_page
from truceline.eval.split import describe

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_DIR = SHARED / "eval" / "extraction"

ARTICLE = [
    "Relief workers reached the flooded villages south of the river on Tuesday after the water began to fall.",
    "They brought tents, clean water and medicine for about two thousand people who had sheltered in schools.",
    "Local officials said the road to the district hospital would reopen within a week if the weather held.",
]


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<html><head><title>Relief reaches flooded villages</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Relief reaches flooded villages</h1>{body}</article>"
        "<footer>Share this article. Subscribe to our newsletter.</footer></body></html>"
    )


def write_gold(folder: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (folder / "html").mkdir(parents=True)
    gold = {}
    for key, (html, body) in pages.items():
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
        gold[key] = {"articleBody": body, "url": f"https://example.org/{key}"}
    (folder / "ground-truth.json").write_text(json.dumps(gold))
    return folder


def test_score_page_is_bag_of_tokens_overlap() -> None:
    assert score_page("The truce held", "the TRUCE held") == (1.0, 1.0, 1.0)
    p, r, f = score_page("truce held held", "truce held today")
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.667, 0.667, 0.667)
    assert score_page("", "something") == (0.0, 0.0, 0.0)


def test_run_scores_our_pages_and_honours_limit(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path / "set",
        {
            "a1": (page(ARTICLE), "\n".join(ARTICLE)),
            "b2": (page(ARTICLE[:2]), "\n".join(ARTICLE[:2])),
        },
    )
    result = run(folder, {})
    assert result["pages"] == 2
    assert isinstance(result["f1"], float) and result["f1"] > 0.9
    assert set(result) == {"part", "split", "pages", "precision", "recall", "f1"}
    limited = run(folder, {"limit": 1, "baseline": "trafilatura", "actors": []})
    assert set(limited) == {"part", "split", "baseline_settings", "pages", "precision", "recall", "f1"}
    assert limited["pages"] == 1


def test_the_trafilatura_baseline_runs_with_the_cleaners_settings(tmp_path: Path) -> None:
    """A peer at other settings than ours would measure the settings, not our cascade."""
    from truceline.clean.html import TRAFILATURA_OPTIONS

    folder = write_gold(tmp_path / "set", {"a1": (page(ARTICLE), "\n".join(ARTICLE))})
    settings = run(folder, {"baseline": "trafilatura"})["baseline_settings"]
    assert isinstance(settings, dict) and settings["settings"] == TRAFILATURA_OPTIONS
    assert TRAFILATURA_OPTIONS["favor_precision"] is True and TRAFILATURA_OPTIONS["include_comments"] is False


def test_page_without_article_scores_zero_not_crash(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "set", {"c3": ("<html><body><nav>Home</nav></body></html>", "Real text here.")})
    assert run(folder, {}) == {**describe("all"), "pages": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_bad_folder_and_options_raise_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"ground-truth\.json"):
        run(tmp_path, {})
    folder = write_gold(tmp_path / "set", {"a1": (page(ARTICLE), "x")})
    with pytest.raises(EvalError, match="unknown baseline"):
        run(folder, {"baseline": "readability"})
    with pytest.raises(EvalError, match="limit"):
        run(folder, {"limit": 0})
    (folder / "html" / "a1.html.gz").write_bytes(b"not gzip")
    with pytest.raises(EvalError, match="decompressed"):
        run(folder, {})


def gold_dir() -> Path:
    if not (GOLD_DIR / "ground-truth.json").is_file():
        pytest.skip(f"{GOLD_DIR} is absent: the shared gold sets are only on the development machine")
    return GOLD_DIR


def test_floor_on_first_pages_of_the_gold_set() -> None:
    result = run(gold_dir(), {"limit": 25})
    assert isinstance(result["f1"], float) and result["f1"] >= 0.90


@pytest.mark.slow
def test_floor_on_the_whole_gold_set() -> None:
    # Pinned floor: measured 0.9466 (check part 0.9464; trafilatura alone at the cleaner's settings: 0.9449 on the
    # check part, 0.9438 at its default settings). Raise it when work improves it.
    result = run(gold_dir(), {})
    assert isinstance(result["pages"], int) and result["pages"] > 0
    assert isinstance(result["f1"], float) and result["f1"] >= 0.94
