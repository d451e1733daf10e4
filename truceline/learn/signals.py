"""The signals each field's confidence is computed from (truceline/learn/confidence.py maps them to probabilities).

Every signal is a named feature (``"source=dictionary": 1.0``, or a number such as ``"time_logit"``) read from what
the stages already put in their output: nothing here re-runs a stage, except `quantities_signals`, which asks the
report's incident totals once (a figure that is the total is more likely the one an analyst wants).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from truceline.learn.calibration import logit
from truceline.model import Actor, Event, Place, PubDate, Quantity, TimeRef

Features = dict[str, float]

_MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\s|$|,|\d)", re.IGNORECASE)
_WEEKDAYS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WEAK = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|several|some|many)\b", re.IGNORECASE)
_TOLL = re.compile(r"\btoll\b|\bnumber\s+of\b", re.IGNORECASE)
_EVIDENCE_KINDS = (
    ("html", re.compile(r"HTML metadata|htmldate", re.IGNORECASE)),
    ("metadata", re.compile(r"^metadata date", re.IGNORECASE)),
    ("dateline", re.compile(r"dateline", re.IGNORECASE)),
    ("url", re.compile(r"\bURL\b")),
    ("caption", re.compile(r"caption", re.IGNORECASE)),
    ("story", re.compile(r"story|other report", re.IGNORECASE)),
    ("known", re.compile(r"known (?:agreement|event)|refers to", re.IGNORECASE)),
    ("weekday", re.compile(r"weekday|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)),
    ("ignored", re.compile(r"ignored|contradict", re.IGNORECASE)),
)
_CUES = frozenset({"in", "at", "from", "to", "near", "of", "based", "possessive", "speech", "dateline"})


def _bucket(n: float, edges: Sequence[tuple[float, str]], last: str) -> str:
    for edge, name in edges:
        if n <= edge:
            return name
    return last


_URL_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_.-]?(0[1-9]|1[0-2])(?:[/_.-]?(?:0[1-9]|[12]\d|3[01]))?(?!\d)")


def pubdate_signals(pub: PubDate, url: str | None = None) -> Features | None:
    """None when nothing dates the report (there is no interval to trust). A URL naming a year and month is a second
    witness: it agrees with the interval or it does not."""
    if pub.earliest is None or pub.latest is None:
        return None
    days = (pub.latest - pub.earliest).days
    out: Features = {f"precision={pub.precision}": 1.0}
    out[f"span={_bucket(days, ((0, '0'), (7, '1-7'), (31, '8-31'), (366, '32-366')), '367+')}"] = 1.0
    for name, pattern in _EVIDENCE_KINDS:
        if any(pattern.search(line) for line in pub.evidence):
            out[f"evidence={name}"] = 1.0
    months = {(int(y), int(m)) for y, m in _URL_MONTH.findall(url or "")}
    if months:
        lo, hi = (pub.earliest.year, pub.earliest.month), (pub.latest.year, pub.latest.month)
        out["url_month_agrees" if any(lo <= ym <= hi for ym in months) else "url_month_differs"] = 1.0
    return out


def time_signals(ref: TimeRef) -> Features:
    text, value = ref.text, ref.value or ""
    out: Features = {f"type={ref.type}": 1.0, f"precision={ref.precision}": 1.0}
    if ref.anchored:
        out["anchored"] = 1.0
    if ref.modifier:
        out[f"modifier={ref.modifier}"] = 1.0
    if "X" in value:
        out["unresolved_part"] = 1.0
    if value.endswith("_REF"):
        out["ref_value"] = 1.0
    if _YEAR.search(text):
        out["year_digits"] = 1.0
    if _MONTHS.search(text):
        out["month_name"] = 1.0
    if _WEEKDAYS.search(text):
        out["weekday_name"] = 1.0
    if any(ch.isdigit() for ch in text):
        out["digits"] = 1.0
    words = text.lower().split()
    out[f"words={_bucket(len(words), ((1, '1'), (2, '2'), (3, '3')), '4+')}"] = 1.0
    for word in words:  # "last week", "recently", "now": some words are read one way by us, several by writers
        if word.isalpha():
            out[f"word={word}"] = 1.0
    return out


def _cue(place: Place) -> str:
    if place.cue is None:
        return "none"
    if place.cue in _CUES:
        return place.cue
    return "direction" if place.cue.endswith(" of") else "other"


def place_signals(place: Place, gazetteer: Any = None) -> Features:
    out: Features = {"resolved" if place.resolved else "unresolved": 1.0}
    source = (place.source or "none").split(":", 1)[0]
    out[f"source={source}"] = 1.0
    out[f"feature={place.feature or 'none'}"] = 1.0
    out[f"precision={place.precision}"] = 1.0
    out[f"cue={_cue(place)}"] = 1.0
    words = place.text.split()
    if len(words) == 1:
        out["one_word"] = 1.0
    if place.text.isupper():
        out["all_caps"] = 1.0
    if gazetteer is not None:
        from truceline.geo.normalise import fold, name_key

        entries = gazetteer.lookup(name_key(place.text))
        countries = {gazetteer.country[e] for e in entries}
        out[f"candidates={_bucket(len(entries), ((0, '0'), (1, '1'), (5, '2-5')), '6+')}"] = 1.0
        out[f"countries={_bucket(len(countries), ((1, '1'), (2, '2')), '3+')}"] = 1.0
        if entries and place.geonameid is not None and gazetteer.geonameid[entries[0]] == place.geonameid:
            out["most_populous"] = 1.0
        if place.name and fold(place.name) == fold(place.text):
            out["name_is_text"] = 1.0
    return out


def _kind_totals(text: str, quantities: Sequence[Quantity]) -> dict[str, int | None]:
    from truceline.stages.quantities import incident_totals

    killed, injured = incident_totals(text, quantities)
    return {"killed": killed, "injured": injured}


def quantity_signals(q: Quantity, rank: int, same_kind: int, totals: Mapping[str, int | None]) -> Features:
    out: Features = {f"kind={q.kind}": 1.0, f"qualifier={q.qualifier}": 1.0}
    for flag, on in (
        ("cumulative", q.cumulative),
        ("attributed", q.according_to),
        ("who", q.who),
        ("range", q.high is not None),
        ("since", q.since),
        ("weak", _WEAK.search(q.text)),
        ("toll", _TOLL.search(q.text)),
    ):
        if on:
            out[flag] = 1.0
    edges = ((0, "0"), (1, "1"), (4, "2-4"), (9, "5-9"), (49, "10-49"), (999, "50-999"))
    out[f"value={_bucket(q.value, edges, '1000+')}"] = 1.0
    out[f"figure_rank={_bucket(rank, ((0, '0'), (1, '1')), '2+')}"] = 1.0
    out[f"same_kind={_bucket(same_kind, ((1, '1'), (2, '2')), '3+')}"] = 1.0
    total = totals.get(q.kind)
    if total is not None:
        out["is_total" if total == q.value else "not_total"] = 1.0
    return out


def _trigger_kind(event: Event, doc: Any) -> str:
    if doc is not None:
        offset = event.trigger.start - event.sentence_start
        token = next((t for t in doc if t.idx == offset), None)
        if token is not None:
            tag = str(token.tag_)
            return "verb" if tag.startswith("VB") else "noun" if tag.startswith("NN") else "other"
    from truceline.events.lexicon import load_lexicon

    lex = load_lexicon()
    lemma = event.trigger.lemma.lower()
    verb, noun = lemma in lex.verbs, lemma in lex.nouns
    return "either" if verb == noun else "verb" if verb else "noun"


def _party(actor: Actor | None) -> str:
    if actor is None:
        return "none"
    return "named" if actor.country or actor.code or actor.members else "unnamed"


def event_signals(event: Event, doc: Any = None, sentence_events: int = 1) -> Features:
    from truceline.events.lexicon import load_lexicon

    lex = load_lexicon()
    lemma = event.trigger.lemma.lower()
    kind = _trigger_kind(event, doc)
    out: Features = {
        f"type={event.type}": 1.0,
        f"trigger={kind}": 1.0,
        f"type_trigger={event.type}:{kind}": 1.0,
        f"lemma={lemma}": 1.0,
        f"stance={event.stance}": 1.0,
        f"actor={_party(event.actor)}": 1.0,
        f"recipient={_party(event.recipient)}": 1.0,
        f"sentence_events={min(sentence_events, 4)}": 1.0,
    }
    if event.claimed_by is not None:
        out["claimed"] = 1.0
    if lemma in lex.speech_verbs:
        out["speech_trigger"] = 1.0
    if lemma in lex.denial_verbs:
        out["denial_trigger"] = 1.0
    if event.place is not None:
        out["place"] = 1.0
    if event.time is not None and not event.date_from_publication:
        out["own_time"] = 1.0
    if event.killed is not None or event.injured is not None:
        out["casualties"] = 1.0
    if event.ceasefire:
        out["ceasefire"] = 1.0
    if event.links:
        out["linked"] = 1.0
    probability = getattr(event, "type_probability", None)
    if isinstance(probability, float):
        out["type_logit"] = logit(probability)
    else:
        out["type_probability_missing"] = 1.0
    return out


_WORDS_CACHE: dict[tuple[int, str, str | None], bool | None] = {}
_WORDS_CACHE_SIZE = 20_000


def _country_from_words(actor: Actor, dictionary: Any) -> bool | None:
    """Whether the actor's own words give its country (None when the dictionary cannot tell). Remembered per
    dictionary and text: the same few phrases ("rebels", "the army") come back in report after report."""
    key = (id(dictionary), actor.text, actor.country)
    if key in _WORDS_CACHE:
        return _WORDS_CACHE[key]
    resolve = getattr(dictionary, "resolve", None)
    found: bool | None = None
    if resolve is not None:
        try:
            alone = resolve(actor.text, story_country=None, towns=False)
            found = alone is not None and alone.country == actor.country
        except (TypeError, NotImplementedError):
            found = None
    if len(_WORDS_CACHE) >= _WORDS_CACHE_SIZE:
        _WORDS_CACHE.clear()
    _WORDS_CACHE[key] = found
    return found


def actor_signals(actor: Actor, role: str, event: Event, dictionary: Any = None) -> Features:
    out: Features = {f"role={role}": 1.0}
    if actor.members:
        source = "compound"
    elif actor.ner:
        source = "ner"
    elif actor.name or actor.code or actor.country:
        source = "dictionary"
    else:
        source = "unnamed"
    out[f"source={source}"] = 1.0
    if not event.sentence_start <= actor.start < event.sentence_end:
        out["coref"] = 1.0
    if actor.country or actor.members:
        out["has_country"] = 1.0
    if actor.sector:
        out["has_sector"] = 1.0
    if actor.text[:1].islower():
        out["lowercase"] = 1.0
    if dictionary is not None and source == "dictionary":
        kind_of = getattr(dictionary, "kind_of", None)
        kind = kind_of(actor) if kind_of is not None else None
        if kind:
            out[f"kind={kind}"] = 1.0
        # Only agents ("rebels", "the regime") and unknown kinds take a country from the story; countries,
        # demonyms, capitals, people and organisations carry their own.
        if actor.country and kind in (None, "agent") and _country_from_words(actor, dictionary) is False:
            out["story_country"] = 1.0
    trigger = event.trigger.start
    out["side=before" if actor.start < trigger else "side=after"] = 1.0
    gap = actor.end - trigger if actor.end <= trigger else actor.start - event.trigger.end
    gap = abs(gap)
    out[f"distance={_bucket(gap, ((15, '0-15'), (50, '16-50')), '51+')}"] = 1.0
    return out


def date_signals(event: Event, published: PubDate | None, times_in_sentence: Sequence[TimeRef] = ()) -> Features:
    if event.date is None:
        source = "none"
    elif event.date_from_publication:
        source = "publication"
    elif event.date_precision == "reported by":
        source = "speech"
    else:
        source = "own"
    out: Features = {f"date_source={source}": 1.0, f"date_precision={event.date_precision}": 1.0}
    if event.time is not None and event.time.confidence is not None:
        out["time_logit"] = logit(event.time.confidence)
    if source == "publication" and published is not None:
        out[f"pub_precision={published.precision}"] = 1.0
        if published.confidence is not None:
            out["pub_logit"] = logit(published.confidence)
    if source in ("publication", "speech"):
        attached = event.time.start if event.time is not None else None
        if any(t.type in ("DATE", "TIME") and t.start != attached for t in times_in_sentence):
            out["other_time_in_sentence"] = 1.0
    if event.date_precision in ("since", "until", "before", "after"):
        out["date_bound"] = 1.0
    if event.stance in ("planned", "threatened"):
        out["future"] = 1.0
    return out


def quantities_signals(text: str, quantities: Sequence[Quantity]) -> list[Features]:
    """The signals of each figure of one text (they depend on the text's other figures and its incident totals)."""
    if not quantities:
        return []
    from truceline.text import sentence_at, split_sentences

    totals = _kind_totals(text, quantities)
    bounds = split_sentences(text)
    sentences: dict[str, list[int | None]] = {}
    for q in quantities:
        at = sentence_at(bounds, q.start)
        seen = sentences.setdefault(q.kind, [])
        if at not in seen:
            seen.append(at)
    counts = {kind: sum(1 for q in quantities if q.kind == kind) for kind in sentences}
    return [
        quantity_signals(q, sentences[q.kind].index(sentence_at(bounds, q.start)), counts[q.kind], totals)
        for q in quantities
    ]
