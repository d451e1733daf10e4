"""Reading PETRARCH/TABARI actor and agent dictionaries into an ActorDictionary.

The format, as read from the PETRARCH2 validation files: `<!-- -->` blocks and `#` to end of line are comments;
an actor line is `NAME [CODE]` (underscores join words; a trailing underscore means "this exact word", without
one the last word may take a suffix: ARGENTIN matches Argentina and Argentine); `+NAME` lines add synonyms;
indented `[CODE <YYMMDD]`, `[CODE YYYYMMDD-YYYYMMDD]`, `[CODE >YYMMDD]` lines restrict a code to dates (the
first matching restriction wins; an undated code is the default). Agent lines are `NAME {PLURALS} [~CODE]`
(`~CODE` follows the actor's code, `CODE~` precedes it; `{}` means no automatic plural) and `!MACRO! = A, B`
lines define substitutions used as `!MACRO!` inside names. Codes `---` and `+++` mark known but uncoded actors.
Actor.code is the PETRARCH code (country and agent codes concatenated: "ABC" + "~GOV" -> "ABCGOV").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from truceline.actors.dictionary import ActorDictionary
from truceline.actors.entries import Entry, Office, plural
from truceline.errors import ConfigError

_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[\s*([^\]]*?)\s*\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_RESTRICTED = re.compile(r"^(\S+)\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))$")
_SMALL = frozenset({"of", "the", "and", "for", "de", "al", "el", "du", "von", "van"})
# Endings a stem (an entry without a trailing underscore) may take: ARGENTIN -> Argentina, Argentine, ...
_SUFFIXES = ("", "s", "es", "a", "e", "n", "an", "ans", "ia", "ian", "ians", "ine", "ines", "ese", "i", "is")
_NULL_CODES = frozenset({"---", "+++", "###"})


def load_petrarch_dictionaries(paths: Sequence[Path]) -> ActorDictionary:
    """An ActorDictionary from PETRARCH actor and agent files (verb and discard files are skipped)."""
    entries: list[Entry] = []
    for path in paths:
        path = Path(path)
        if any(word in path.name.lower() for word in ("verbs", "discards")):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ConfigError(f"cannot read PETRARCH dictionary {path}: {exc}") from exc
        entries.extend(_parse(text, str(path)))
    return ActorDictionary(entries)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group().count("\n"), text)
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def _parse(text: str, origin: str) -> Iterator[Entry]:
    macros: dict[str, list[str]] = {}
    names: list[str] = []
    codes: list[str] = []
    where = origin
    for number, line in _lines(text):
        macro = _MACRO.match(line.strip())
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(stripped[1:].strip())
            continue
        if line[0].isspace() and stripped.startswith("["):
            codes.extend(c for c in _CODE.findall(stripped))
            continue
        if names:
            yield from _entries(names, codes, macros, where)
        head = _CODE.split(stripped, maxsplit=1)[0]
        names, codes, where = [head.strip()], _CODE.findall(stripped), f"{origin}:{number}"
    if names:
        yield from _entries(names, codes, macros, where)


def _entries(names: list[str], codes: list[str], macros: dict[str, list[str]], where: str) -> Iterator[Entry]:
    plurals = ""
    first = names[0]
    if "{" in first:
        first, _, rest = first.partition("{")
        plurals = rest.split("}", 1)[0]
        names = [first.strip(), *names[1:]]
    if any("~" in c for c in codes):
        yield _agent(names, plurals, codes, macros, where)
        return
    default: str | None = None
    offices: list[Office] = []
    for raw in codes:
        restricted = _RESTRICTED.match(raw)
        if restricted:
            value, op, day, lo, hi = restricted.groups()
            start = end = None
            if op == "<":
                end = _day(day)
            elif op == ">":
                start = _day(day)
            else:
                start, end = _day(lo), _day(hi)
            if value.upper() not in _NULL_CODES and (start or end):
                offices.append(
                    Office(
                        role="",
                        sector=None,
                        start=start,
                        end=end,
                        country=value.upper()[:3],
                        country_set=True,
                        code=value.upper(),
                    )
                )
        elif re.fullmatch(r"[A-Za-z0-9/]+|---|\+\+\+", raw) and default is None:
            default = raw.upper()
    if default in _NULL_CODES:
        default = None
    forms = [f for name in names for f in _forms(name, macros)]
    if not forms:
        return
    code: str | None = default
    yield Entry(
        name=names[0].replace("_", " ").strip(),
        kind="country" if code and len(code) == 3 else "group",
        forms=tuple(dict.fromkeys(forms)),
        country=code[:3] if code else None,
        sector=code[3:6] if code and len(code) >= 6 else None,
        case="first",
        code=code,
        offices=tuple(offices),
        origin=where,
    )


def _agent(names: list[str], plurals: str, codes: list[str], macros: dict[str, list[str]], where: str) -> Entry:
    raw = next(c for c in codes if "~" in c).replace(" ", "").upper()
    prefix = raw.endswith("~")
    code = raw.strip("~")
    forms: list[str] = []
    for name in names:
        for form in _expand(name.strip(), macros):
            words = form.replace("_", " ").strip().lower()
            forms.append(words)
            if plurals == "" and "{" not in name:
                forms.append(plural(words))
    forms += [p.replace("_", " ").strip().lower() for p in plurals.split(",") if p.strip()]
    return Entry(
        name=names[0].replace("_", " ").strip().lower(),
        kind="agent",
        forms=tuple(dict.fromkeys(forms)),
        sector=code[:3] or None,
        code=code or None,
        prefix=prefix,
        origin=where,
    )


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    out = [name]
    for macro, words in macros.items():
        out = [o.replace(macro, w) for o in out for w in words] if any(macro in o for o in out) else out
    return out


def _forms(name: str, macros: dict[str, list[str]]) -> Iterator[str]:
    for raw in _expand(name.strip(), macros):
        exact = raw.endswith("_")
        words = [w for w in raw.strip("_").replace("_", " ").split() if w]
        if not words:
            continue
        shaped = [
            w.lower() if w.lower() in _SMALL and i else w[:1].upper() + w[1:].lower() for i, w in enumerate(words)
        ]
        base = " ".join(shaped)
        if exact or len(words[-1]) < 4:
            yield base
            yield base + "s"
            continue
        for suffix in _SUFFIXES:
            yield base + suffix


def _day(value: str) -> date | None:
    """YYMMDD (TABARI, 20th century below 30) or YYYYMMDD."""
    try:
        if len(value) == 6:
            yy = int(value[:2])
            return date(1900 + yy if yy >= 30 else 2000 + yy, int(value[2:4]), int(value[4:6]))
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None
