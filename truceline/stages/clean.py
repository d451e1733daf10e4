"""Stage 1, clean: separate title, standfirst, body, captions and bylines; drop site chrome, keep what was dropped.

Plain text goes straight through the line cascade (truceline.clean.lines). HTML first has its main text, title,
author and date extracted offline (truceline.clean.html), then the extracted text goes through the same cascade,
so chrome that slips past trafilatura is caught by the same rules.
"""

from __future__ import annotations

from dataclasses import replace

from truceline.clean.html import extract_html
from truceline.clean.lines import clean_lines
from truceline.errors import Skip
from truceline.model import CleanedText, RawDocument


def clean(raw: RawDocument) -> CleanedText:
    """Clean one report. Raises Skip when there is no article text (e.g. an HTML page with no article)."""
    if raw.kind == "html":
        page = extract_html(raw.content, url=raw.url, origin=raw.origin)
        # trafilatura's text starts below the title; its first line is prose, never a title to take.
        cleaned = clean_lines(
            page.text,
            title=raw.title or page.title,
            take_title=False,
            find_standfirst=False,
            origin=raw.origin,
            empty_reason="no article text found in HTML (only site chrome was extracted)",
        )
        bylines = cleaned.bylines or ((page.author,) if page.author else ())
        known = {caption.text for caption in cleaned.captions}
        captions = cleaned.captions + tuple(c for c in page.captions if c.text not in known)
        return replace(cleaned, html_date=page.date, html_date_why=page.date_why, bylines=bylines, captions=captions)
    if not raw.content.strip():
        raise Skip("no article text (the report is empty)", raw.origin)
    return clean_lines(raw.content, title=raw.title, origin=raw.origin)
