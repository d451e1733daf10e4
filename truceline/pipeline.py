"""Runs the per-article stages in order, parsing only the sentences that may hold an event.

    raw document ─ clean ─ publication date ─ sentences ─ times ─ actors ─ quantities
                 ─ candidate sentences → spaCy (batched across articles) ─ places (gazetteer + NER) ─ events
                 ─ confidence (one calibrated pass over everything found)

Per-article failures are returned, not raised, so one bad report never stops a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from truceline.errors import Skip
from truceline.learn import confidence
from truceline.learn.events import EventTyper, load_typer
from truceline.model import Analysis, Article, PubDate, RawDocument
from truceline.nlp import load_nlp
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
        for i, art in enumerate(articles):
            if art is None or outcomes[i].skip or outcomes[i].failure:
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
            if analysis is not None and not out.failure:
                docs = parsed.get(i, [])
                self._guard(out, "places", partial(self._places, analysis, docs))
                code = partial(events.extract_events, analysis, docs, self.actors, self.typer)
                evs = self._guard(out, "events", code)
                if evs is not None and not out.failure:
                    analysis.events = list(evs)
                    # one pass over everything found: a calibrated confidence on every row (truceline.learn)
                    self._guard(out, "confidence", partial(confidence.annotate, analysis, docs, self.actors))
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

    def _article(self, raw: RawDocument) -> Article:
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
        analysis.places = places.find_places(body, focus=focus, ner=ner)


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
