"""Processing under hostile input: long, repetitive and pathological reports finish with bounded output or a skip.

Long reports are processed in parts (truceline.pipeline.part_spans); these tests check that every offset still
indexes the one stored body, and that nothing a user can feed in stalls `run`, fails with a bug or prints a
traceback. The wall-clock guard only turns a stall into a failure; nothing here asserts speed.
"""

from __future__ import annotations

import itertools
import random
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.cli import cli
from truceline.model import Actor, Analysis, Quantity, RawDocument
from truceline.pipeline import Pipeline, _shifted, part_spans
from truceline.settings import Limits
from truceline.stages.ingest import content_id
from truceline.text import MAX_SENTENCE_CHARS

# Our own sentences, for reports of any length.
SENTENCES = [
    "Government forces shelled the village of Kafr Nabl on {day}, killing {n} civilians, a monitoring group said.",
    "Rebel fighters attacked an army checkpoint near Saraqib and wounded {n} soldiers.",
    "Turkey accused Russia of violating the truce in Idlib province.",
    "Officials from both sides met in Ankara on {day} to discuss a new ceasefire.",
    "The defence ministry denied that its aircraft had struck the market in Ariha.",
    "Aid convoys waited at the border crossing for a third day.",
    "Residents said the roads out of the town were crowded with families leaving.",
    "Prices of bread and fuel rose again in the markets of the north.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def stalled(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result after {seconds} s: the input stalled the run")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def long_report(chars: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    paragraphs = ["Fighting and talks in the north-west\n"]
    size = 0
    while size < chars:
        para = " ".join(
            rng.choice(SENTENCES).format(day=rng.choice(DAYS), n=rng.randint(2, 40)) for _ in range(rng.randint(2, 5))
        )
        paragraphs.append(para)
        size += len(para) + 2
    return "\n\n".join(paragraphs) + "\n"


def analyse(text: str, limits: Limits, kind: str = "text") -> tuple[Analysis | None, str | None, str | None]:
    raw = RawDocument(content_id(text), kind, text, "test")  # type: ignore[arg-type]
    with deadline(600):
        (out,) = Pipeline(limits=limits).run([raw])
    return out.analysis, out.skip, out.failure


def offsets_problems(an: Analysis) -> list[str]:
    """Every offset of the analysis checked against the stored body; the list of what does not match."""
    body = an.article.body
    bad: list[str] = []
    for layer in (an.times, an.actors, an.places, an.quantities):
        bad.extend(f"{m.text!r}@{m.start}" for m in layer if body[m.start : m.end] != m.text)
    for i, ev in enumerate(an.events):
        if ev.index != i or not all(0 <= target < len(an.events) for _, target in ev.links):
            bad.append(f"event {i}: index {ev.index}, links {ev.links}")
        if body[ev.sentence_start : ev.sentence_end] != ev.sentence:
            bad.append(f"event {i}: sentence")
        spans = [ev.trigger, ev.actor, ev.recipient, ev.claimed_by, ev.place, ev.time, ev.killed, ev.injured]
        for span in [*spans, *ev.other_quantities]:
            if span is not None and body[span.start : span.end] != span.text:
                bad.append(f"event {i}: {span.text!r}@{span.start}")
    for start, end in an.sentences:
        if not (0 <= start < end <= len(body)) or end - start > MAX_SENTENCE_CHARS:
            bad.append(f"sentence {start}-{end}")
    return bad


def test_a_long_report_in_parts_keeps_every_offset_checkable() -> None:
    text = long_report(30_000)
    an, skip, failure = analyse(text, Limits(max_part_chars=5_000))
    assert an is not None, skip or failure
    assert len(part_spans(an.article.body, 5_000)) >= 6
    assert len(an.events) > 100
    assert offsets_problems(an) == []
    # the parts are the body's own: events from the last part point into the body's last stretch
    assert an.events[-1].sentence_start > len(an.article.body) - 5_000


def test_parts_cut_at_paragraphs_find_the_events_the_whole_report_does() -> None:
    text = long_report(12_000, seed=9)
    whole, _, _ = analyse(text, Limits(max_part_chars=100_000))
    parts, _, _ = analyse(text, Limits(max_part_chars=3_000))
    assert whole is not None and parts is not None
    assert len(part_spans(parts.article.body, 3_000)) >= 4

    def triggers(an: Analysis) -> set[tuple[int, str]]:
        return {(e.trigger.start, e.type) for e in an.events}

    assert triggers(parts) == triggers(whole)
    assert [(t.start, t.value) for t in parts.times] == [(t.start, t.value) for t in whole.times]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .\n!?"), max_size=3_000),
    st.integers(min_value=20, max_value=500),
)
def test_part_spans_tile_the_body_within_the_limit(body: str, max_chars: int) -> None:
    spans = part_spans(body, max_chars)
    assert spans[0][0] == 0 and spans[-1][1] == len(body)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(0 < end - start <= max_chars for start, end in spans) or len(body) == 0
    for start, end in spans[:-1]:
        if "\n\n" in body[start + max_chars // 2 : start + max_chars]:
            assert body[end - 1 : end + 1] == "\n\n"  # cut inside its last paragraph break


def test_shifting_moves_every_offset_nested_or_not() -> None:
    member = Actor(3, 9, "Turkey")
    actor = Actor(0, 20, "Turkey and Russia", members=(member, Actor(14, 20, "Russia")))
    moved = _shifted(actor, 100)
    assert (moved.start, moved.end) == (100, 120)
    assert [(m.start, m.end) for m in moved.members] == [(103, 109), (114, 120)]
    figure = Quantity(5, 12, "3 dead", "killed", 3)
    assert _shifted(figure, -5).start == 0 and _shifted(figure, -5).value == 3


def run_cli(tmp_path: Path, files: dict[str, str | bytes], yaml: str = "") -> tuple[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    if yaml:
        (tmp_path / "settings.yaml").write_text(yaml)
    env = {"TRUCELINE_SETTINGS": str(tmp_path / "settings.yaml")} if yaml else {"TRUCELINE_SETTINGS": ""}
    with deadline(900):
        result = runner.invoke(cli, ["run", str(folder), "--db", db], env=env)
    status = runner.invoke(cli, ["status", "--db", db], env=env)
    assert "Traceback" not in result.output + status.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.output, status.output


def test_pathological_reports_are_processed_or_skipped_never_failed(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    attrs = " ".join(f'data-a{i}="x"' for i in range(20_000))
    files: dict[str, str | bytes] = {
        "laughs.html": f'<?xml version="1.0"?><!DOCTYPE h [<!ENTITY l0 "lol">{lol}]><html><body><p>&l9;</p></body></html>',
        "laughs-in-html.html": f"<!DOCTYPE html [<!ENTITY l0 'lol'>{lol}]><html><body><article><p>Talks resumed."
        " &l9;</p></article></body></html>",
        "nested.html": "<html><body>" + "<div>" * 100_000 + "Shelling hit the town on Monday." + "</div>" * 100_000,
        "attributes.html": f"<html><body><article><p {attrs}>The army shelled the village of Kafr Nabl on Monday,"
        " killing three civilians, a monitoring group said.</p></article></body></html>",
        "token.txt": "A single token\n\n" + "x" * 2_000_000,
        "dots.txt": "Dots\n\n" + ". " * 300_000 + "\n" + "." * 300_000,
        "slashes.txt": "Dates\n\n" + "12/" * 100_000,
        "dates.txt": "Dates\n\n" + "Monday 12 March 2019, " * 2_000,
        "nul.txt": (long_report(9_000) + "\x00\x00 the rest of the report after nul bytes.\n").encode(),
        "unpunctuated.txt": "No stops\n\n" + "the convoy moved north along the road " * 25_000,
    }
    output, status = run_cli(tmp_path, files)
    assert "0 failed" in output, output
    assert f"processed {len(files)} of {len(files)}" not in output or "skipped" in output
    processed = int(output.rsplit("processed ", 1)[1].split(" of ", 1)[0])
    skipped = int(output.rsplit(" skipped, ", 1)[0].rsplit(", ", 1)[1])
    assert processed + skipped == len(files)
    assert "nul.txt" not in status  # read and stored, not skipped


@pytest.mark.slow
def test_100000_short_sentences(tmp_path: Path) -> None:
    rng = random.Random(2)
    calm = ["The sky was clear.", "Rain fell on the hills.", "Schools were open.", "Roads stayed quiet."]
    lines = [" ".join(rng.choice(calm) for _ in range(10)) for _ in range(10_000)]
    lines[5_000] = "Government forces shelled the village of Kafr Nabl on Monday, killing four civilians."
    text = "A very long day\n\n" + "\n".join(lines) + "\n"
    an, skip, failure = analyse(text, Limits())
    assert an is not None, skip or failure
    assert len(an.sentences) >= 99_000  # a line that recurs word for word may be dropped as page furniture
    assert [e.type for e in an.events] == ["ASSAULT"]
    assert an.events[0].killed is not None and an.events[0].killed.value == 4
    assert offsets_problems(an) == []


@pytest.mark.slow
def test_one_long_line_of_sentences_is_split_and_processed(tmp_path: Path) -> None:
    text = long_report(400_000, seed=3).replace("\n\n", " ")  # one line, no section breaks at all
    an, skip, failure = analyse(text, Limits())
    assert an is not None, skip or failure
    assert len(part_spans(an.article.body, Limits().max_part_chars)) >= 4
    assert len(an.events) > 500
    assert offsets_problems(an) == []


def test_a_report_stored_under_a_higher_limit_is_skipped_when_processed(tmp_path: Path) -> None:
    text = long_report(5_000)
    an, skip, failure = analyse(text, Limits(max_report_bytes=2_000))
    assert an is None and failure is None
    assert skip is not None and f"report of {len(text.encode()):,} bytes" in skip and "max_report_bytes" in skip
