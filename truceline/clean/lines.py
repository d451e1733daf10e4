"""Line-by-line cleaning of scraped text: the one cascade both plain text and extracted HTML go through.

Each non-empty line is classified once, in this order: site chrome (dropped, with its reason), a repeat of the
title (dropped), a photo caption or credit (kept apart), a byline, a bare date stamp, the title itself (the first
line left, for scraped text), else an article paragraph. The first paragraph right after the title becomes the
standfirst when it reads like a summary rather than a news lede. Paragraphs are joined with a blank line, and that
string is the body every offset indexes into.
"""

from __future__ import annotations

import re
import unicodedata

from truceline.clean.captions import find_caption, is_byline, is_date_line, lead_dateline, split_byline_date
from truceline.clean.rules import ChromeRules, breadcrumb_segments, load_rules
from truceline.errors import Skip
from truceline.model import Caption, CleanedText, DroppedLine

PARAGRAPH_SEPARATOR = "\n\n"

# Zero-width characters and soft hyphens vanish. Spaces and line breaks are handled with str methods (C speed):
# splitlines() knows every Unicode line break, split() every Unicode space (no-break space included).
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f")
_SPACES = re.compile(r"\s+")
_NAME_BREAKERS = re.compile(r"""[\d.,;:!?"“”‘’'()\[\]]""")
_NON_ALNUM = re.compile(r"[\W_]+")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
LEDE_WORDS = 12  # a full-stopped first line this long that names a speaker or a day is the lede
_INNER_SENTENCE_END = re.compile(r"""[.!?]["'”’»]?\s+["'“‘(]?[A-Z]""")


def normalised_lines(text: str) -> list[str]:
    """Non-empty lines with invisible characters removed and runs of spaces collapsed."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        for char in _INVISIBLE:
            if char in text:
                text = text.replace(char, "")
    return [" ".join(words) for line in text.splitlines() if (words := line.split())]


def line_key(line: str) -> str:
    """What two lines must share to be "the same line" (case, spacing and punctuation ignored)."""
    return _NON_ALNUM.sub("", line.casefold())


def clean_lines(
    text: str,
    *,
    title: str | None = None,
    take_title: bool = True,
    find_standfirst: bool = True,
    origin: str = "",
    empty_reason: str = "no article text left after removing the title, captions and site chrome",
) -> CleanedText:
    """Separate `text` into title, standfirst, body, captions, bylines, dateline and dropped chrome.

    `title` is a title known from metadata (its repeats in the text are dropped); `take_title` makes the first
    remaining line the title when none is known. Raises Skip when no article paragraph is left.
    """
    rules = load_rules()
    if title is not None:
        title = _SPACES.sub(" ", title).strip() or None
    title_key = line_key(title) if title else None
    title_limit = 2 * len(title) + 10 if title else 0  # longer lines cannot repeat the title: skip the comparison
    title_from_text = False
    dropped: list[DroppedLine] = []
    captions: list[Caption] = []
    bylines: list[str] = []
    dateline: str | None = None
    paragraphs: list[str] = []
    caption_after_title = False  # a caption between title and first paragraph: that paragraph is no standfirst

    dropped_reason: dict[str, str] = {}  # furniture repeats: a line dropped once is dropped wherever it recurs

    def drop(line: str, reason: str) -> None:
        dropped.append(DroppedLine(line, reason))
        dropped_reason[line] = reason

    for line in normalised_lines(text):
        reason = dropped_reason.get(line) or rules.reason(line, in_body=bool(paragraphs))
        if reason is not None:
            drop(line, reason)
            if dateline is None and reason == "chrome:section-label":
                # "Outlet · Section · Friday 10 May 2019": the date in a breadcrumb is the page's date
                dateline = next((seg for seg in breadcrumb_segments(line) if is_date_line(seg)), None)
        elif title_key is not None and len(line) <= title_limit and line_key(line) == title_key:
            drop(line, "repeated-title")
        elif (caption := find_caption(line, rules)) is not None:
            _add_caption(captions, caption)
            caption_after_title = caption_after_title or not paragraphs
        elif is_byline(line):
            name, stamp = split_byline_date(line)
            bylines.append(name)
            if stamp is not None and dateline is None:
                dateline = stamp
        elif is_date_line(line):
            if dateline is None:
                dateline = line
            else:
                drop(line, "extra-date-line")
        elif take_title and title is None and not paragraphs and _could_be_title(line, rules):
            title, title_key, title_from_text = line, line_key(line), True
            title_limit = 2 * len(line) + 10
        elif take_title and title is not None and not paragraphs and _is_name_like(line):
            # Between the title and the text, a short capitalised line is the outlet's name or a section.
            drop(line, "chrome:site-name")
        elif title_from_text and title and not paragraphs and _is_name_like(title) and _is_headline_like(line):
            # "Outlet Name" above "The actual headline": the first line was the masthead.
            drop(title, "chrome:site-name")
            title, title_key = line, line_key(line)
            title_limit = 2 * len(line) + 10
        else:
            paragraphs.append(line)

    if not paragraphs and title_from_text and not any(d.reason == "repeated-title" for d in dropped):
        # A one-paragraph report: its only line is the text, not a title.
        paragraphs, title = [title or ""], None
    standfirst = None
    if (
        find_standfirst
        and title is not None
        and len(paragraphs) >= 2
        and not caption_after_title
        and _looks_like_standfirst(paragraphs[0], rules)
    ):
        standfirst = paragraphs.pop(0)
    if not paragraphs:
        raise Skip(empty_reason, origin)
    if dateline is None:
        dateline = lead_dateline(paragraphs[0])
    return CleanedText(
        title=title,
        body=PARAGRAPH_SEPARATOR.join(paragraphs),
        standfirst=standfirst,
        captions=tuple(captions),
        bylines=tuple(bylines),
        dateline=dateline,
        dropped_lines=tuple(dropped),
    )


def _add_caption(captions: list[Caption], caption: Caption) -> None:
    # A bare credit line ("Photo: Agency") belongs to the caption just above it when that one has no credit.
    if not caption.text and captions and captions[-1].credit is None:
        captions[-1] = Caption(captions[-1].text, caption.credit)
    else:
        captions.append(caption)


def _is_name_like(line: str) -> bool:
    """ "Crescent Valley Herald", "Diplomacy": up to four capitalised words, no digits or punctuation."""
    words = line.split()
    if len(line) > 48 or not 1 <= len(words) <= 4 or _NAME_BREAKERS.search(line):
        return False
    return all(w[0].isupper() for w in words if len(w) > 3) and words[0][0].isupper()


def _could_be_title(line: str, rules: ChromeRules) -> bool:
    """A headline is short and rarely a full-stopped sentence of many words; a first line that is a whole
    paragraph means the text starts with its body (no title was scraped). A full-stopped sentence that tells who
    said it or when ("... at Ukraine overnight, the air force said on Tuesday.") is a lede, not a headline, even a
    short one: headlines drop the full stop and the day."""
    words = len(line.split())
    if len(line) > 250 or words > 30 or (line.endswith(".") and words > 20):
        return False
    if line.endswith(".") and not line.endswith("..") and words >= LEDE_WORDS + 2:
        return False  # a full-stopped sentence of fourteen words or more: headlines are shorter or unstopped
    if line.endswith(".") and words >= LEDE_WORDS and rules.lede_marker.search(line):
        return False
    return words <= 15 or not _INNER_SENTENCE_END.search(line)


def _is_headline_like(line: str) -> bool:
    return 4 <= len(line.split()) <= 25 and not line.endswith(".")


def _looks_like_standfirst(line: str, rules: ChromeRules) -> bool:
    """A summary under the title: short, and either unpunctuated or one sentence naming no speaker or day."""
    if len(line) > 320 or len(line.split()) < 5 or lead_dateline(line) is not None:
        return False
    if not _TERMINAL.search(line):
        return True  # body paragraphs end in punctuation; summaries set as a deck often do not
    if _INNER_SENTENCE_END.search(line):
        return False
    return rules.lede_marker.search(line) is None
