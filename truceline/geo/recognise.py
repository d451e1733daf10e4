"""Toponym recognition without a parser: gazetteer phrase matching over capitalised token runs, plus patterns.

Why not only NER: the pipeline parses just the sentences that may hold an event, and small NER models miss
transliterated village names. The matcher walks the text once, tries the longest gazetteer name that starts at
each capitalised token (pruned by the longest known name starting with that word), and rejects likely false hits
with stop-lists and context (person names, sentence-initial common words, the tail of a longer proper name).
Patterns ("X province", "the town of X", "north of X") also keep names the gazetteer does not know.
"""

from __future__ import annotations

from truceline.geo.gazetteer import Gazetteer
from truceline.geo.normalise import fold, name_key
from truceline.geo.patterns import apply_patterns, extend_official_names, extend_suffixes, facilities
from truceline.geo.tokens import BIG_CITY, STRONG_KINDS, Found, Mention, Spans, Tokens

__all__ = ["STRONG_KINDS", "Found", "Mention", "recognise"]


def recognise(text: str, gaz: Gazetteer) -> Found:
    toks = Tokens(text, gaz)
    found = Spans(len(toks.words))
    demonyms: list[tuple[str, int]] = []
    person_parts: set[str] = set()
    single: list[tuple[int, Mention]] = []
    i, n = 0, len(toks.words)
    caps = toks.cap
    while i < n:
        if not caps[i]:
            i += 1
            continue
        word = toks.words[i]
        folded = fold(word)
        if folded in gaz.demonyms:
            demonyms.append((gaz.demonyms[folded], toks.starts[i]))
        best = _longest(toks, i, folded)
        if best is None:
            i += 1
            continue
        j, key = best
        end = toks.ends[j] + (1 if key in gaz.dotted and text[toks.ends[j] : toks.ends[j] + 1] == "." else 0)
        mention = Mention(toks.starts[i], end, text[toks.starts[i] : end], key, gaz.lookup(key))
        mention.locative = toks.spaced(i - 1) and "locative" in toks.kinds(i - 1)
        verdict = _plausible(toks, i, j, mention)
        if verdict == "ok":
            found[(i, j)] = mention
            if i == j:
                single.append((i, mention))
        elif verdict in ("tail", "head"):
            # Names come back alone: "Charlie Chen ... Chen said", "Jae Lee ... Jae told". An acronym heading a
            # longer name ("EU Transport Commissioner") is no one's name: "EU" alone stays a place.
            part = word if i == j else toks.words[j]
            if not (part.isupper() and len(part) > 1):
                person_parts.add(part)
        i = j + 1
    for i, mention in single:
        # "Bruce Chen ... Chen said": a word already seen inside a person's name is that person again.
        if mention.text in person_parts and not mention.locative and not _strong(mention, gaz):
            del found[(i, i)]
    apply_patterns(toks, found)
    extend_suffixes(toks, found)
    extend_official_names(toks, found)
    facilities(toks, found)
    mentions: list[Mention] = []
    for m in sorted(found.values(), key=lambda m: (m.start, -m.end)):
        if mentions and m.start < mentions[-1].end:
            continue  # inside a longer name found by a later pass ("D.C." in "Washington, D.C.")
        mentions.append(m)
    return Found(mentions, demonyms)


def _strong(mention: Mention, gaz: Gazetteer) -> bool:
    return any(gaz.kind[e] in STRONG_KINDS for e in mention.entries[:3])


def _longest(toks: Tokens, i: int, folded: str) -> tuple[int, str] | None:
    gaz = toks.gaz
    first = folded.split(" ", 1)[0] if folded else ""
    limit = gaz.first_parts.get(first, 0)
    if not limit:
        return None
    best: tuple[int, str] | None = None
    j = i
    parts = len(folded.split())
    while True:
        # "Myanmar's western Chin state": an admin word written in lower case still closes the region's name
        suffix = j > i and "suffix" in toks.kinds(j)
        if toks.cap[j] or toks.words[j][:1].isdigit() or suffix:
            key = name_key(toks.text[toks.starts[i] : toks.ends[j]])
            if key in gaz.exact:
                best = (j, key)
        if parts >= limit or not toks.joined(j):
            break
        nxt = toks.words[j + 1]
        if not (nxt[:1].isupper() or nxt[:1].isdigit() or toks.kinds(j + 1) & {"particle", "connector", "suffix"}):
            break
        j += 1
        parts += len(fold(nxt).split()) or 1
    return best


def _country_adjective(folded: str) -> bool:
    """Every country's adjective, from the actor dictionaries' countries table (the gazetteer's own list holds
    only the commonest)."""
    from truceline.geo.described import country_adjectives

    return folded in country_adjectives()


def _plausible(toks: Tokens, i: int, j: int, mention: Mention) -> str:
    """'ok', or why a hit is rejected: 'word' (common word, acronym), 'tail' or 'head' of a longer proper name."""
    gaz = toks.gaz
    folded = fold(mention.text)
    if folded in gaz.demonyms or folded in gaz.stopwords:
        return "word"
    if _country_adjective(folded) and not any(gaz.kind[e] in STRONG_KINDS for e in mention.entries[:1]):
        return "word"  # "Thai", "Kazakh": an adjective, whatever town bears it as another name ("U.S." stays)
    if mention.key in gaz.dotted and toks.text[mention.end - 1 : mention.end] != ".":
        return "word"  # "Mass." is Massachusetts; "Mass" without the full stop is not
    abbreviated = gaz.dotted_only.get(mention.key)
    if abbreviated and toks.text[mention.end : mention.end + 1] != ".":
        # The same for a key other places share ("Miss" is no Mississippi, whatever Italian village "Mis" is)
        mention.entries = tuple(e for e in mention.entries if e not in abbreviated)
        if not mention.entries:
            return "word"
    if i == j and toks.sentence_initial(i) and toks.words[i].lower() in toks.lower_words:
        return "word"
    if i == j:
        # Kept for now; the resolver, which knows the report's countries, asks such words for evidence.
        mention.common = gaz.common.get(folded, 0)
        mention.initial = toks.sentence_initial(i)
    strong = _strong(mention, gaz)
    if i == j and toks.words[i].isupper() and toks.words[i].isalpha() and len(toks.words[i]) <= 4:
        # An acronym ("EU", "UN", "NATO") names a country, region or curated place, never a hamlet called Eu.
        mention.entries = tuple(e for e in mention.entries if _acronym_target(gaz, e))
        if not mention.entries:
            return "word"
    curated = any(not gaz.source[e].startswith("geonames") for e in mention.entries[:1])
    if i == j and len(mention.key.replace(" ", "")) <= 2 and mention.key.isalpha() and not (strong or curated):
        return "word"
    if strong:
        return "ok"
    top = mention.entries[0]
    if gaz.population[top] >= BIG_CITY and gaz.primary_key[top] == mention.key:
        return "ok"
    if toks.joined(i - 1) and toks.cap[i - 1]:
        prev = toks.words[i - 1].lower()
        # A sentence-initial "In" or "The" is an ordinary word; a sentence-initial "Charlie" is a first name.
        initial_word = toks.sentence_initial(i - 1) and (prev in toks.lower_words or prev in gaz.stopwords)
        common = bool(toks.kinds(i - 1)) or initial_word
        if not common:
            return "tail"  # "Hulusi Akar": the tail of a person's or an organisation's name
    after = j + 2 if toks.particle_join(j) else j + 1
    continues = toks.joined(after - 1) and toks.cap[after]
    if continues and not toks.kinds(after) & {"head", "region", "settlement", "suffix", "facility"}:
        return "head"  # "Vladimir Putin", "Ahmad al-Atrash", "Aleppo Media Centre"
    return "ok"


def _acronym_target(gaz: Gazetteer, e: int) -> bool:
    return gaz.kind[e] in STRONG_KINDS or not gaz.source[e].startswith("geonames")
