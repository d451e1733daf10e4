"""`truceline eval ecbplus DIR`: stories and event clusters on ECB+ (a topic is a story, a topic and its sub-topic
one event cluster).

DIR is the corpus folder (or its ``ECB+`` subfolder): ``<topic>/<topic>_<n>ecb.xml`` documents belong to sub-topic
1, ``<topic>_<n>ecbplus.xml`` to sub-topic 2. The documents are pre-tokenised XML; their text is rebuilt from the
tokens (one line per sentence, spaces closed up around punctuation), and a first line that spells a URL becomes
the report's URL, as a crawler would have stored it. Every document then goes through the whole pipeline and the
link stage in a fresh database, like a user's reports (truceline/eval/clustering.py).

Prints ``{"documents", "story": {"b3_p", "b3_r", "b3_f1", "ari"}, "event": {...}}``. The split key is the topic:
a whole story falls in the tune part or in the check part. ``--baseline tfidf`` scores TF-IDF average linkage told
the true number of groups. ``--limit N`` keeps the first N topics.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from truceline.errors import EvalError, InputError
from truceline.eval.clustering import Labelled, baseline, evaluate
from truceline.eval.split import describe, select, wanted_part

_TOKEN = re.compile(r'<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>')
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


def detokenise(tokens: list[str]) -> str:
    """One sentence from its tokens, with the spaces a writer would not have typed taken out."""
    s = " ".join(html.unescape(t) for t in tokens)
    s = re.sub(r" ([,.;:!?%)\]}’'])", r"\1", s)
    s = re.sub(r"([(\[{$“‘]) ", r"\1", s)
    s = re.sub(r"`` ?", '"', s)
    s = re.sub(r" ?''", '"', s)
    s = re.sub(r" (n't|'s|’s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return s


def read_document(path: Path) -> tuple[str | None, str]:
    """(url, text) of one ECB+ document."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    sentences: dict[int, list[str]] = {}
    for number, token in _TOKEN.findall(raw):
        sentences.setdefault(int(number), []).append(token)
    lines = [detokenise(tokens) for _, tokens in sorted(sentences.items())]
    url = None
    if lines and re.match(r"^https?:", lines[0].replace(" ", "")):
        url = lines[0].replace(" ", "")
        lines = lines[1:]
    return url, "\n".join(lines)


def load(root: Path) -> list[tuple[str, list[Labelled]]]:
    """[(topic, its documents)] in topic order."""
    base = root / "ECB+" if (root / "ECB+").is_dir() else root
    if not base.is_dir():
        raise InputError(f"{root} is not a folder; give the ECB+ corpus folder (it holds ECB+/<topic>/...)")
    topics: list[tuple[str, list[Labelled]]] = []
    for folder in sorted((p for p in base.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name)):
        docs = []
        for path in sorted(folder.glob("*.xml")):
            m = _NAME.match(path.name)
            if not m:
                continue
            url, text = read_document(path)
            if not text.strip():
                continue
            sub = "1" if m.group(3) == "ecb" else "2"
            docs.append(Labelled(id=path.stem, text=text, event=f"{m.group(1)}_{sub}", story=m.group(1), url=url))
        if docs:
            topics.append((folder.name, docs))
    if not topics:
        raise EvalError(f"{base}: no ECB+ topic folders (<topic>/<topic>_<n>ecb.xml) found")
    return topics


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    part = wanted_part(options)
    topics = select(load(Path(path)), lambda t: t[0], part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        topics = topics[:limit]
    records = [doc for _, docs in topics for doc in docs]
    if not records:
        raise EvalError(f"{path}: no documents in part {part!r}")
    which = options.get("baseline")
    if which not in (None, "tfidf"):
        raise EvalError(f"eval ecbplus has one baseline, 'tfidf' (got {which!r})")
    actors = [Path(str(a)) for a in options.get("actors") or []]  # type: ignore[attr-defined]
    result = baseline(records) if which else evaluate(records, actors)
    return {**describe(part), "topics": len(topics), **result}
