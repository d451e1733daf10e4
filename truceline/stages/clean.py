"""Stage 1, clean: separate title, standfirst, body, captions and bylines; drop site chrome, keep what was dropped."""

from __future__ import annotations

from truceline.model import CleanedText, RawDocument


def clean(raw: RawDocument) -> CleanedText:
    """Clean one report. Raises Skip when there is no article text (e.g. an HTML page with no article)."""
    raise NotImplementedError
