"""Pattern passes over the matcher's hits: "X province", "the town of X", "north of X", "Benue State",
"Republic of Armenia", "Royal Street". They set hints the resolver reads, and keep names the gazetteer lacks.
"""

from __future__ import annotations

from truceline.geo.normalise import fold, name_key
from truceline.geo.tokens import Mention, Spans, Tokens


def apply_patterns(toks: Tokens, found: Spans) -> None:
    """'X province', 'X and Y provinces', 'province of X', 'the town of X', 'north of X' (plus enclosing region)."""
    for k in [k for k, kinds in enumerate(toks.kind) if kinds]:
        word, kinds = toks.words[k], toks.kind[k]
        if word == "city":
            run = toks.run_before(k)
            if run:
                _force(toks, found, run, "settlement", only_known=True)
        if "region" in kinds:
            run = toks.run_before(k)
            if run:
                _force(toks, found, run, "region")
                and_at = run[0] - 1
                if and_at > 0 and toks.words[and_at] == "and" and toks.spaced(and_at - 1):
                    other = toks.run_before(and_at)
                    if other:
                        _force(toks, found, other, "region")
        if kinds & {"region", "settlement", "direction"} and k + 2 < len(toks) and toks.words[k + 1] == "of":
            if not (toks.spaced(k) and toks.spaced(k + 1)):
                continue
            run = toks.run_after(k + 2)
            if not run:
                continue
            hint = "region" if "region" in kinds else "near" if "direction" in kinds else "settlement"
            mention = _force(toks, found, run, hint)
            if mention is not None and hint == "settlement":
                _enclosing(toks, k, mention)
                mention.country_hint = mention.country_hint or _country_after(toks, found, run[1])


def extend_suffixes(toks: Tokens, found: Spans) -> None:
    """'Benue State', 'Suffolk County', 'Idlib province': the admin word is part of the name."""
    gaz = toks.gaz
    for (i, j), m in list(found.items()):
        suffix = toks.words[j + 1] if j + 1 < len(toks) else ""
        if not ("suffix" in toks.kinds(j + 1) and toks.spaced(j) and suffix[:1].isupper()) or suffix.endswith("s"):
            continue  # "Idlib province" keeps its name as "Idlib"; "Benue State" is the name itself
        top = m.entries[0] if m.entries else None
        if top is not None and (
            gaz.kind[top] in ("country", "continent")
            or (gaz.kind[top] == "admin1" and gaz.country[top] == "US" and suffix == "State")
        ):
            continue
        m.end = toks.ends[j + 1]
        m.text = toks.text[m.start : m.end]
        m.hint = m.hint or "region"
        del found[(i, j)]
        found[(i, j + 1)] = m


# words that name a faith or a church's tradition, before "Church" the name of a body, never of a building
_DENOMINATIONS = frozenset(
    {"catholic", "roman", "orthodox", "anglican", "protestant", "coptic", "maronite", "evangelical", "lutheran",
     "methodist", "baptist", "presbyterian", "armenian", "greek", "russian", "syriac", "chaldean", "episcopal"}
)  # fmt: skip


def facilities(toks: Tokens, found: Spans) -> None:
    """'Royal Street', 'Al-Shifa Hospital', 'Manila Cathedral': a capitalised run closed by a facility word.

    Such names are rarely in the gazetteer; the resolver places them in the town inside their name or, failing
    that, in the town the report is about.
    """
    gaz = toks.gaz
    for k in [k for k, kinds in enumerate(toks.kind) if "facility" in kinds and toks.cap[k]]:
        run = toks.run_before(k)
        if run is None:
            continue
        i = run[0]
        while i < k and ("article" in toks.kinds(i) or fold(toks.words[i]) in gaz.demonyms):
            i += 1  # "the Syrian Al-Shifa Hospital" -> "Al-Shifa Hospital"; "South Kilburn Estate" stays whole
        if i >= k or all(fold(toks.words[w]) in _DENOMINATIONS for w in range(i, k)):
            continue  # "the Catholic Church", "the Orthodox Church": a body of believers, not a building
        inside = found.overlapping(i, k)
        if any(a < i or b > k for a, b in inside):
            continue  # a longer known name already covers part of it
        inner: tuple[int, ...] = ()
        for span in inside:
            inner = inner or found[span].entries
            del found[span]
        text = toks.text[toks.starts[i] : toks.ends[k]]
        key = name_key(text)
        mention = Mention(toks.starts[i], toks.ends[k], text, key, gaz.lookup(key), "facility", True)
        mention.inner = inner
        mention.locative = toks.spaced(i - 1) and "locative" in toks.kinds(i - 1)
        found[(i, k)] = mention


_STATE_WORDS = frozenset(("Republic", "Kingdom", "Federation", "Commonwealth", "Sultanate", "Emirate", "Principality"))


def extend_official_names(toks: Tokens, found: Spans) -> None:
    """'Republic of Armenia', 'Islamic Republic of Iran', 'Washington, D.C.': the whole official name."""
    gaz = toks.gaz
    for (i, j), m in list(found.items()):
        top = m.entries[0] if m.entries else None
        if top is None:
            continue
        if gaz.kind[top] == "country" and i >= 2 and toks.words[i - 1] == "of" and toks.spaced(i - 2):
            if toks.words[i - 2] in _STATE_WORDS and toks.spaced(i - 1):
                run = toks.run_before(i - 1) or (i - 2, i - 2)
                start = run[0]
                while start < i - 2 and "article" in toks.kind[start]:
                    start += 1
                m.start = toks.starts[start]
                m.text = toks.text[m.start : m.end]
                del found[(i, j)]
                found[(start, j)] = m
        elif toks.text[m.end : m.end + 6] == ", D.C.":
            m.end += 6
            m.text = toks.text[m.start : m.end]


def _trim(toks: Tokens, run: tuple[int, int]) -> tuple[tuple[int, int] | None, str | None]:
    """Drop leading demonyms and common words ("Syrian Idlib" -> "Idlib"), remembering the demonym's country."""
    gaz = toks.gaz
    i, j = run
    country = None
    while i <= j:
        folded = fold(toks.words[i])
        if folded in gaz.demonyms:
            country = gaz.demonyms[folded]
        elif folded not in gaz.stopwords and not toks.kinds(i) & {"particle", "connector"}:
            break
        i += 1
    while j >= i and (fold(toks.words[j]) in gaz.stopwords or toks.kinds(j) & {"particle", "connector"}):
        j -= 1
    return ((i, j) if i <= j else None), country


def _force(toks: Tokens, found: Spans, run: tuple[int, int], hint: str, only_known: bool = False) -> Mention | None:
    trimmed, country = _trim(toks, run)
    if trimmed is None:
        return None
    i, j = trimmed
    if only_known and (i, j) not in found:
        return None
    for a, b in found.overlapping(i, j):
        existing = found[(a, b)]
        if (a, b) != (i, j):
            if a <= i and j <= b and existing.entries:
                existing.hint, existing.forced = existing.hint or hint, True
                return existing
            del found[(a, b)]
    text = toks.text[toks.starts[i] : toks.ends[j]]
    mention = found.get((i, j))
    if mention is None:
        key = name_key(text)
        mention = Mention(toks.starts[i], toks.ends[j], text, key, toks.gaz.lookup(key))
        found[(i, j)] = mention
    mention.hint, mention.forced = hint, True
    mention.country_hint = mention.country_hint or country
    return mention


def _country_after(toks: Tokens, found: Spans, j: int) -> str | None:
    """ "the village of Solhan in northern Burkina Faso": the country the text puts the settlement in (ISO-2)."""
    k = j + 1
    if toks.words[k : k + 1] != ["in"] or not toks.spaced(j) or not toks.spaced(k):
        return None
    k += 1
    if "prefix" in toks.kinds(k) and not toks.cap[k]:
        k += 1  # "northern", "central"
    for a, b in found.overlapping(k, k):
        m = found[(a, b)]
        if a == k and m.entries and toks.gaz.kind[m.entries[0]] == "country":
            return toks.gaz.country[m.entries[0]]
    return None


def _enclosing(toks: Tokens, k: int, mention: Mention) -> None:
    """'the Idlib province village of X': the region word and the name before the settlement noun."""
    at = k - 1
    if at >= 0 and "region" in toks.kinds(at):
        run = toks.run_before(at)
        if run:
            trimmed, _ = _trim(toks, run)
            if trimmed:
                mention.region = toks.text[toks.starts[trimmed[0]] : toks.ends[trimmed[1]]]
                return
    run = toks.run_before(k)
    if run:
        trimmed, country = _trim(toks, run)
        mention.country_hint = mention.country_hint or country
        if trimmed:
            mention.region = toks.text[toks.starts[trimmed[0]] : toks.ends[trimmed[1]]]
