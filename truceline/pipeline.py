"""Runs the per-article stages in order, parsing only the sentences that may hold an event.

    raw document ─ clean ─ publication date ─ sentences ─ times ─ actors ─ quantities
                 ─ candidate sentences → spaCy (batched across articles) ─ places (gazetteer + NER) ─ events
                 ─ confidence (one calibrated pass over everything found) ─ one row for an act told twice

Per-article failures are returned, not raised, so one bad report never stops a batch.

A report larger than `Limits.max_report_bytes` is skipped with its reason. A cleaned body longer than
`Limits.max_part_chars` is processed in parts (`part_spans`: at its own paragraph breaks, else sentence ends, else
spaces): every stage after cleaning and the publication date runs on one part at a time, and the part's offsets are
shifted back onto the whole body, so the stored body is the one text every offset indexes, as for any report. Each
stage's cost is linear in a part's length and a part's parsed sentences are freed before the next part is read, so a
10 MB report costs what its parts cost, in time and in memory.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from truceline.errors import Skip
from truceline.events.retold import told_once
from truceline.learn import confidence
from truceline.learn.events import EventTyper, load_typer
from truceline.model import Analysis, Article, Event, PubDate, RawDocument
from truceline.nlp import load_nlp
from truceline.settings import Limits
from truceline.stages import clean, dates, events, places, quantities
from truceline.stages.actors import ActorDictionary
from truceline.text import split_sentences

NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


@dataclass(slots=True)
class Outcome:
    """What happened to one document: an analysis, a skip with its reason, or a failure with its cause."""

    raw: RawDocument
    analysis: Analysis | None = None
    skip: str | None = None
    failure: str | None = None


@dataclass(slots=True)
class Pipeline:
    actor_files: Sequence[Path] = ()
    batch_size: int = 64
    limits: Limits = field(default_factory=Limits)
    event_model: Path | None = None  # the event classifier's file; None for the packaged one
    _actors: ActorDictionary | None = field(default=None, init=False)
    _typer: EventTyper | None = field(default=None, init=False)

    @property
    def actors(self) -> ActorDictionary:
        if self._actors is None:
            self._actors = ActorDictionary.load(self.actor_files)
        return self._actors

    @property
    def typer(self) -> EventTyper:
        if self._typer is None:
            self._typer = load_typer(self.event_model)
        return self._typer

    def run(
        self, raws: Iterable[RawDocument], *, on_done: Callable[[Outcome], None] | None = None
    ) -> Iterator[Outcome]:
        """Analyse documents in batches; yields one Outcome per document, in input order.

        Each report is dated from its own metadata and text alone. The year most reports of a batch are dated in is
        no evidence for a report about another story, so it is not used; the years of reports of the *same* story
        are (infer_publication_date's story_hint), once a cross-report stage has grouped them."""
        batch: list[RawDocument] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch, on_done)
                batch = []
        if batch:
            yield from self._run_batch(batch, on_done)

    def _run_batch(self, batch: list[RawDocument], on_done: Callable[[Outcome], None] | None) -> Iterator[Outcome]:
        outcomes = [Outcome(raw) for raw in batch]
        articles: list[Article | None] = [
            self._guard(outcomes[i], "clean", partial(self._article, raw)) for i, raw in enumerate(batch)
        ]
        analyses: list[Analysis | None] = [None] * len(batch)
        wanted: list[tuple[int, int, str]] = []  # (article position, sentence index, sentence text)
        in_parts: set[int] = set()  # long reports, analysed whole (every stage, part by part) right here
        for i, art in enumerate(articles):
            if art is None or outcomes[i].skip or outcomes[i].failure:
                continue
            if len(art.body) > self.limits.max_part_chars:
                in_parts.add(i)
                analyses[i] = self._in_parts(outcomes[i], art)
                continue
            analyses[i] = self._guard(outcomes[i], "extract", partial(self._extract, art))
            analysis = analyses[i]
            if analysis is None:
                continue
            body = art.body
            select = partial(events.select_sentences, body, analysis.sentences, self.typer)
            chosen = self._guard(outcomes[i], "events", select)
            for s in chosen or ():
                start, end = analysis.sentences[s]
                wanted.append((i, s, body[start:end]))
        parsed: dict[int, list[tuple[int, Any]]] = {}
        if wanted:
            nlp = load_nlp()
            for (i, s, _), doc in zip(wanted, nlp.pipe((w[2] for w in wanted), batch_size=256), strict=True):
                parsed.setdefault(i, []).append((s, doc))
        for i, analysis in enumerate(analyses):
            out = outcomes[i]
            if i in in_parts:
                out.analysis = analysis if not (out.failure or out.skip) else None
            elif analysis is not None and not out.failure:
                docs = parsed.get(i, [])
                self._guard(out, "places", partial(self._places, analysis, docs))
                code = partial(events.extract_events, analysis, docs, self.actors, self.typer)
                evs = self._guard(out, "events", code)
                if evs is not None and not out.failure:
                    analysis.events = list(evs)
                    # one pass over everything found: a calibrated confidence on every row (truceline.learn)
                    self._guard(out, "confidence", partial(confidence.annotate, analysis, docs, self.actors))
                    analysis.events = told_once(analysis.events, analysis.times)  # as _in_parts does
                if evs is not None and not out.failure:
                    out.analysis = analysis
            if on_done:
                on_done(out)
            yield out

    @staticmethod
    def _guard(out: Outcome, stage: str, fn: Callable[[], Any]) -> Any:
        if out.skip or out.failure:
            return None
        try:
            return fn()
        except Skip as skip:
            out.skip = f"{stage}: {skip.reason}"
        except Exception as exc:  # a bug in one article must not stop the batch; it is recorded, not hidden
            out.failure = f"{stage}: {exc.__class__.__name__}: {exc}"
        return None

    def _in_parts(self, out: Outcome, art: Article) -> Analysis | None:
        """Every stage after the publication date, one part of the body at a time, merged into one analysis whose
        offsets index the whole body (see the module docstring)."""
        whole = Analysis(article=art)
        nlp = load_nlp()
        for start, end in part_spans(art.body, self.limits.max_part_chars):
            part_art = replace(art, cleaned=replace(art.cleaned, body=art.body[start:end]))
            part: Analysis | None = self._guard(out, "extract", partial(self._extract, part_art))
            if part is None:
                return None
            body = part_art.body
            chosen = self._guard(out, "events", partial(events.select_sentences, body, part.sentences)) or ()
            texts = (body[slice(*part.sentences[s])] for s in chosen)
            docs = list(zip(chosen, nlp.pipe(texts, batch_size=256), strict=True))
            self._guard(out, "places", partial(self._places, part, docs))
            evs = self._guard(out, "events", partial(events.extract_events, part, docs, self.actors, self.typer))
            if evs is None:
                return None
            part.events = list(evs)
            self._guard(out, "confidence", partial(confidence.annotate, part, docs, self.actors))
            if out.failure or out.skip:
                return None
            whole.article = replace(art, published=part.article.published)  # scored by the confidence pass
            _merge(whole, part, start)
        # an act told again further down is one row (events/retold.py): decided once the parts are joined, so the
        # report coded in parts has the rows it has coded whole
        whole.events = told_once(whole.events, whole.times)
        return whole

    def _article(self, raw: RawDocument) -> Article:
        size = _utf8_size(raw.content, self.limits.max_report_bytes)
        if size > self.limits.max_report_bytes:
            # stored under a higher limit, or by an older version: refused here as at ingest
            from truceline.stages.ingest import too_large

            raise Skip(too_large(self.limits.max_report_bytes, size=size))
        cleaned = clean.clean(raw)
        if not cleaned.body.strip():
            raise Skip("no article text after cleaning")
        published = dates.infer_publication_date(raw, cleaned)
        return Article(
            id=raw.id,
            origin=raw.origin,
            title=cleaned.title or raw.title,
            url=raw.url,
            source=raw.source,
            published=published,
            cleaned=cleaned,
        )

    def _extract(self, art: Article) -> Analysis:
        body = art.body
        anchor = _anchor(art.published)
        sentences = split_sentences(body)
        analysis = Analysis(article=art, sentences=sentences)
        pub = art.published
        if pub.earliest and pub.latest and 0 < (pub.latest - pub.earliest).days <= BETWEEN_MAX_DAYS:
            # dated to a span, not a day: "on Monday" is any of its Mondays, so only what every day of it agrees on
            analysis.times = dates.tag_times_between(body, pub.earliest, pub.latest)
        else:
            analysis.times = dates.tag_times(body, anchor)
            filed = dates.filing_day(body, analysis.times, pub)
            if filed is not None:  # "MAIDUGURI, Sept 6 (AP) -" on a page of Sept 8: "overnight" is of the 5th-6th
                analysis.times = dates.tag_times(body, filed)
        story = self.actors.story_country(body)
        analysis.actors = self.actors.find(body, story_country=story, when=anchor)
        analysis.quantities = quantities.find_quantities(body)
        return analysis

    def _places(self, analysis: Analysis, docs: list[tuple[int, Any]]) -> None:
        body = analysis.article.body
        ner: list[tuple[int, int, str]] = []
        for s, doc in docs:
            offset = analysis.sentences[s][0]
            for ent in doc.ents:
                if ent.label_ in NER_PLACE_LABELS:
                    ner.append((offset + ent.start_char, offset + ent.end_char, ent.label_))
        focus: list[str] = []
        story = self.actors.story_country(analysis.actors)
        if story:
            focus.append(story)
        for a in analysis.actors:
            if a.country and a.country not in focus:
                focus.append(a.country)
        # a place written inside an organisation's or group's name is a word of that name, not a place told
        found = places.find_places(body, focus=focus, ner=ner)
        analysis.places = places.outside_names(found, analysis.actors, lambda a: self.actors.kind_of(a) == "person")


def _utf8_size(text: str, limit: int) -> int:
    """The text's size in UTF-8 bytes, computed only when it could pass `limit` (1 to 4 bytes a character)."""
    return len(text) if len(text) > limit or 4 * len(text) <= limit else len(text.encode("utf-8", "surrogatepass"))


def part_spans(body: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of the parts a body is processed in: the whole body when it is at most `max_chars` long, else
    pieces of at most `max_chars` cut at the last paragraph break of each piece's second half, else at its last
    sentence end there, else at its last space, else right at `max_chars` (a run of text with no space)."""
    if len(body) <= max_chars:
        return [(0, len(body))]
    ends = [end for _, end in split_sentences(body)]
    spans: list[tuple[int, int]] = []
    start = 0
    while len(body) - start > max_chars:
        limit, floor = start + max_chars, start + max_chars // 2
        cut = body.rfind("\n\n", floor, limit) + 1  # inside the break: both parts keep a line end
        if cut <= 0:
            k = bisect_right(ends, limit) - 1
            cut = ends[k] if k >= 0 and ends[k] > floor else body.rfind(" ", floor, limit)
        if cut <= floor:
            cut = limit
        spans.append((start, cut))
        start = cut
    spans.append((start, len(body)))
    return spans


_OFFSETS = frozenset({"start", "end", "sentence_start", "sentence_end"})


def _shifted(value: Any, delta: int) -> Any:
    """`value` with every offset in it (fields named start/end/sentence_start/sentence_end, in it and in the
    dataclasses it holds) moved by `delta`: the model's convention for offsets into the body."""
    if isinstance(value, tuple):
        return tuple(_shifted(v, delta) for v in value)
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in fields(value):
        item = getattr(value, f.name)
        if f.name in _OFFSETS and isinstance(item, int):
            changes[f.name] = item + delta
        elif isinstance(item, tuple) or (is_dataclass(item) and not isinstance(item, type)):
            moved = _shifted(item, delta)
            if moved is not item:
                changes[f.name] = moved
    return replace(value, **changes) if changes else value


def _merge(whole: Analysis, part: Analysis, offset: int) -> None:
    """Add a part's findings to the whole report's, its offsets moved to the whole body and its events renumbered
    after the ones already there (links stay inside the part)."""
    base = len(whole.events)
    whole.sentences.extend((s + offset, e + offset) for s, e in part.sentences)
    whole.times.extend(_shifted(t, offset) for t in part.times)
    whole.actors.extend(_shifted(a, offset) for a in part.actors)
    whole.places.extend(_shifted(p, offset) for p in part.places)
    whole.quantities.extend(_shifted(q, offset) for q in part.quantities)
    for ev in part.events:
        moved: Event = _shifted(ev, offset)
        links = tuple((relation, target + base) for relation, target in ev.links)
        whole.events.append(replace(moved, index=ev.index + base, links=links))


ANCHOR_MAX_DAYS = 31
# A report dated to a span of up to this many days (rather than a day) has its relative expressions resolved
# against both ends (dates.tag_times_between): what both readings agree on is kept. Longer spans resolve nothing.
BETWEEN_MAX_DAYS = 400


def _anchor(published: PubDate) -> date | None:
    """The day a report is from, for what needs one day (office holders' terms; the tagging of a day-dated report):
    the span's end for a span of up to ANCHOR_MAX_DAYS, None for a looser one. Time expressions in a report dated
    to a span are resolved against both of its ends instead (dates.tag_times_between)."""
    if published.earliest and published.latest and (published.latest - published.earliest).days > ANCHOR_MAX_DAYS:
        return None
    return published.anchor


def analyse_paths(
    paths: Sequence[str], *, actors: Sequence[Path] = (), event_model: Path | None = None
) -> list[Analysis]:
    """Ingest and analyse `paths` in memory (no database): the library entry point tests and notebooks use."""
    from truceline.stages.ingest import iter_documents

    raws = [d for d in iter_documents(paths) if isinstance(d, RawDocument)]
    pipeline = Pipeline(actor_files=actors, event_model=event_model)
    return [o.analysis for o in pipeline.run(raws) if o.analysis is not None]
