"""Main text, title and date of an HTML page, offline: trafilatura for the text, htmldate for the date.

The page is parsed once with lxml and only the tree is handed on: trafilatura reads the text and metadata and calls
htmldate's find_date on that same tree, so neither library ever sees a string it could mistake for a URL to fetch
(htmldate downloads when given one).

Before parsing, a tag with more than MAX_ATTRIBUTES attributes keeps only its first ones: libxml2 checks each new
attribute against all earlier ones of its tag, so one tag with 12,000 attributes took 1.4 s to parse and ten times as
many would take minutes; no page needs more than a few dozen on one element to be read.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.html import HtmlElement

from truceline.clean.captions import find_caption
from truceline.errors import Skip
from truceline.model import Caption
from truceline.timex.pubdate_html import Signal, overrule, signals, visible_date

# Both libraries log every page they find hard; a batch run should record skips, not print their warnings.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


MAX_ATTRIBUTES = 64
# A start tag long enough to hold more than MAX_ATTRIBUTES attributes (possessive: no backtracking), and an attribute.
_LONG_TAG = re.compile(r"<([A-Za-z][^\s<>/]*+)([^<>]{256,}+)>")
_ATTRIBUTE = re.compile(r"""[^\s=<>/"']++(?:\s*=\s*(?:"[^"]*+"|'[^']*+'|[^\s<>"']++))?""")


def _fewer_attributes(match: re.Match[str]) -> str:
    attributes = _ATTRIBUTE.findall(match.group(2))
    if len(attributes) <= MAX_ATTRIBUTES:
        return match.group(0)
    return f"<{match.group(1)} {' '.join(attributes[:MAX_ATTRIBUTES])}>"


def tame_tags(html: str) -> str:
    """The page with no tag holding more than MAX_ATTRIBUTES attributes (linear in the page's length)."""
    return _LONG_TAG.sub(_fewer_attributes, html)


# The settings the cleaner runs trafilatura and htmldate with; `truceline eval extraction|pubdate --baseline` runs
# the peer alone with these same settings, so a comparison shows what our cascade adds, not a difference of options.
# The article text only (no comments, no tables), precision over recall: a line of page furniture in a report
# becomes a false event, a sentence lost costs one.
TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": False, "favor_precision": True}
# htmldate's recommended reading for a publication date: the original date rather than the last update, searching
# the text too (on the pubdate gold set it is right on 89% of pages against 85% without extensive search).
HTMLDATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": True}


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None
    date: str | None  # ISO date (YYYY-MM-DD) from the page's metadata or markup
    author: str | None
    captions: tuple[Caption, ...] = ()
    date_why: str | None = None  # set when the page's own statement overruled htmldate's date (timex.pubdate_html)


def extract_html(html: str, *, url: str | None = None, origin: str = "", favor_precision: bool = True) -> HtmlText:
    """The article text of a page (one paragraph per line). Raises Skip when the page holds no article."""
    tree = trafilatura.load_html(tame_tags(html))
    if tree is None:
        raise Skip("no article text found in HTML (the page could not be parsed)", origin)
    captions = _figure_captions(tree)  # read first: trafilatura prunes figures from the tree it is given
    # the page's own date statements, read before trafilatura prunes the tree
    stated, shown = signals(tree), visible_date(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        **{**TRAFILATURA_OPTIONS, "favor_precision": favor_precision},
        with_metadata=True,
        # trafilatura hands these to htmldate.find_date on the parsed tree (never a URL to fetch).
        date_extraction_params={**HTMLDATE_OPTIONS, "url": url},
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise Skip("no article text found in HTML", origin)
    title = getattr(doc, "title", None) or None
    author = getattr(doc, "author", None) or None
    date = getattr(doc, "date", None) or None
    date, why = weigh_htmldate(date, stated, shown)
    return HtmlText(text=text, title=title, date=date, author=author, captions=captions, date_why=why)


def weigh_htmldate(
    found: str | None, stated: list[Signal], shown: tuple[datetime.date, str] | None
) -> tuple[str | None, str | None]:
    """htmldate's date, unless the page says otherwise (truceline.timex.pubdate_html): the date it shows under its
    title when htmldate found none, only a year, or another day; else the page's local day when htmldate gave the
    UTC day of the same instant. The date and why it is not htmldate's (None when it is)."""
    try:
        day = datetime.date.fromisoformat(found[:10]) if found else None
    except ValueError:
        day = None
    if shown is not None and shown[0] <= datetime.date.today() and shown[0] != day:
        had = f"htmldate gave {found}" if found else "htmldate found none"
        return shown[0].isoformat(), f"{shown[1]} ({had})"
    if day is None or (better := overrule(day, stated)) is None:
        return found, None
    return better[0].isoformat(), better[1]


def _figure_captions(tree: HtmlElement) -> tuple[Caption, ...]:
    """<figcaption> texts, with their credit split off when they carry one ("... Photo: Name / Outlet")."""
    found: list[Caption] = []
    for element in tree.iter("figcaption"):
        text = " ".join(element.text_content().split())
        if text:
            found.append(find_caption(text) or Caption(text, None))
    return tuple(found)
