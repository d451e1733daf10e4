"""Placeholder until the publication-date cascade lands."""

from __future__ import annotations

from truceline.model import CleanedText, PubDate, RawDocument


def infer(raw: RawDocument, cleaned: CleanedText, *, story_hint: PubDate | None = None) -> PubDate:
    return PubDate(None, None, None, "unknown")
