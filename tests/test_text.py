from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from truceline.text import sentence_at, split_sentences


def texts(body: str) -> list[str]:
    return [body[s:e] for s, e in split_sentences(body)]


def test_splits_on_full_stops_and_line_breaks() -> None:
    body = "The talks ended. Both sides left.\nA new line starts here"
    assert texts(body) == ["The talks ended.", "Both sides left.", "A new line starts here"]


def test_titles_initials_and_abbreviated_months_do_not_end_sentences() -> None:
    body = "Mr. Lind met Gen. K. Oduya on Jan. 12 in the U.S. capital. They spoke."
    assert texts(body) == ["Mr. Lind met Gen. K. Oduya on Jan. 12 in the U.S. capital.", "They spoke."]


def test_quotes_stay_with_their_sentence() -> None:
    body = '"We will hold the line," the commander said. Nobody answered.'
    assert texts(body) == ['"We will hold the line," the commander said.', "Nobody answered."]


def test_lower_case_continuation_is_not_a_boundary() -> None:
    body = "Prices rose by 3.5 per cent. in the north, officials said."
    assert len(texts(body)) == 1


def test_sentence_at_finds_the_containing_sentence() -> None:
    body = "One. Two three. Four."
    spans = split_sentences(body)
    assert sentence_at(spans, body.index("three")) == 1
    assert sentence_at(spans, len(body) + 5) is None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_spans_are_ordered_trimmed_and_inside_the_text(body: str) -> None:
    spans = split_sentences(body)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(body)
        assert not body[s].isspace() and not body[e - 1].isspace()
        last = e
    # No non-space character is lost between sentences.
    covered = "".join(body[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(body.split())
