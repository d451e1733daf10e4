"""ActorDictionary: the packaged and user dictionaries, compiled once, queried per text and per phrase."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from truceline.actors.build import compound
from truceline.actors.compose import Context, compose
from truceline.actors.entries import Entry
from truceline.actors.loading import packaged_entries, packaged_sectors, user_entries
from truceline.actors.matcher import Match, Matcher, Tokens, tokenize
from truceline.actors.resolve import pick
from truceline.actors.story import dateline_country, place_country, regime_country, town_in
from truceline.actors.story import story_country as _story_country
from truceline.actors.words import HONORIFICS, NOT_NAMES
from truceline.model import Actor

_CACHE: dict[tuple[tuple[str, float], ...], ActorDictionary] = {}


class ActorDictionary:
    """Actor names, demonyms, office holders and agents compiled into one matcher.

    Built once per set of files (the trie costs a few tens of milliseconds); `find` then costs one dict look-up
    per token of the text.
    """

    def __init__(self, entries: Sequence[Entry], sectors: dict[str, str] | None = None) -> None:
        self.entries: tuple[Entry, ...] = tuple(_override(entries))
        self.sectors = dict(sectors or {})
        self._matcher = Matcher(list(self.entries))
        self._kinds = {e.name: e.kind for e in self.entries}
        # A country and its adjective share a name ("Turkey"), as a group and its "-led" forms do ("Hezbollah"): the
        # written form tells them apart.
        self._form_kinds: dict[str, str] = {}
        for e in self.entries:
            if e.kind in ("country", "demonym", "group"):
                for form in e.forms:
                    self._form_kinds.setdefault(form.lower(), e.kind)
        self._last: tuple[tuple[str, bool], tuple[Tokens, list[Match]]] | None = None

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        """The packaged dictionaries plus the user's own files (later files win); cached per file set."""
        key = tuple((str(Path(p).resolve()), _mtime(Path(p))) for p in extra)
        cached = _CACHE.get(key)
        if cached is None:
            sectors = packaged_sectors()
            entries = packaged_entries(sectors)
            for path in extra:
                entries.extend(user_entries(Path(path), sectors))
            cached = _CACHE[key] = cls(entries, sectors)
        return cached

    def kind_of(self, actor: Actor) -> str | None:
        """Which kind of entry named this actor: "capital" marks a metonym ("Ankara" for Turkey's government)."""
        if actor.name is None:
            return None
        kind = self._kinds.get(actor.name)
        if kind in ("country", "demonym"):
            return self._form_kinds.get(actor.text.lower(), kind)
        return kind

    def head_sector(self, noun: str) -> str | None:
        """The sector a head noun names when the dictionary's agents know it, alone or only with an owner
        ("warplanes", "bombers", "officers" → MIL; "hospitals" → HLH); None for any other word.

        A nationality word on such a noun takes its sector ("two Syrian Su-24 warplanes": SYR MIL), however many
        words the parse puts between them."""
        tokens = tokenize(noun)
        if not tokens.words:
            return None
        found = self._matcher.matches(tokens, relaxed=True)
        if len(found) != 1 or found[0].first != 0 or found[0].last != len(tokens.words):
            return None
        entry = found[0].entry
        return entry.sector if entry.kind == "agent" else None

    def _matches(self, text: str, relaxed: bool = False) -> tuple[Tokens, list[Match]]:
        # The pipeline asks story_country(body) and then find(body): match the same text once.
        key = (text, relaxed)
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        tokens = self._matcher.split_nationalities(tokenize(text))
        result = (tokens, _own_names(tokens, self._matcher.matches(tokens, relaxed=relaxed)))
        self._last = (key, result)
        return result

    def find(self, text: str, *, story_country: str | None = None, when: date | None = None) -> list[Actor]:
        """Every actor mention in `text` (longest match first, no overlaps), offsets into `text`."""
        tokens, matches = self._matches(text)
        if story_country is None:
            story_country = _story_country(text, tokens, matches)
        regime = regime_country(text, tokens, matches)
        # people on the ground are of where the report's places are when it names them more than once ("talks in
        # Sweden" once does not make Sweden the ground of a report on Yemen)
        ground = place_country(text, tokens, matches, times=2)
        context = Context(
            when=when,
            story_country=story_country,
            regime_country=regime,
            place_country=ground,
            dateline_country=dateline_country(text),
            named_countries=frozenset(
                m.entry.country for m in matches if m.entry.kind in ("country", "capital") and m.entry.country
            ),
        )
        return compose(text, tokens, matches, context)

    def story_country(self, text: str | Sequence[Actor]) -> str | None:
        """The country (ISO-3) a report is mostly about: the one its places and actors name most.

        Given the report's text, places weigh more than speakers (see truceline/actors/story.py). Given the
        actors `find` returned instead, each actor with a country counts once (capitals half, people not at
        all): a cruder measure for callers that no longer hold the text.
        """
        if not isinstance(text, str):
            return _from_actors(text, self._kinds)
        tokens, matches = self._matches(text)
        return _story_country(text, tokens, matches)

    def resolve(
        self,
        phrase: str,
        *,
        start: int = 0,
        story_country: str | None = None,
        when: date | None = None,
        towns: bool = True,
    ) -> Actor | None:
        """Map one noun phrase (e.g. the subject of a parse) to an actor; None when nothing in it is known.

        `towns=False` refuses a phrase that is only a town's name ("Idlib", "the Sochi memorandum"): a town is a
        place, not a party, however PLOVER-style coders fall back on its country.
        """
        tokens, matches = self._matches(phrase)
        if any(not w[0].isupper() for w in tokens.words):
            # Parse spans may come lower-cased ("turkish soldiers"): a case-relaxed pass wins if it covers more.
            _, loose = self._matches(phrase, relaxed=True)
            if sum(m.last - m.first for m in loose) > sum(m.last - m.first for m in matches):
                matches = loose
        if not matches:
            return _town_actor(phrase, tokens, start) if towns else None
        # The phrase's own words give the country first ("Turkish Kurd refugees"); the story only after.
        actors = compose(phrase, tokens, matches, Context(when=when, story_country=None))
        best = pick(phrase, tokens, actors, self)
        if best is None:
            return None
        if best.country is None and not best.members and _takes_story_country(best):
            # A town in the phrase ("officials in Samarra") comes before the story's country.
            town = town_in(tokens)
            story_country = town[2] if town else story_country
        if story_country and best.country is None and not best.members and _takes_story_country(best):
            code = story_country + (best.code or best.sector or "") if best.sector else story_country
            best = Actor(
                best.start, best.end, best.text, name=best.name, country=story_country, sector=best.sector, code=code
            )
        return _shift(best, start)

    def compound(self, members: Sequence[Actor], text: str | None = None) -> Actor:
        """One actor for "Turkey and Russia": spans all members; country and sector only when they all agree.

        Pass the text the members' offsets index into to get `text` right; otherwise the members' texts are
        joined with " and " (a label, not a slice).
        """
        return compound(members, text)


def _town_actor(phrase: str, tokens: Tokens, start: int) -> Actor | None:
    """A phrase that names only a town ("Samarra") stands for that town's country, as PLOVER codes it."""
    head = phrase.split("(", 1)[0]
    town = town_in(tokenize(head), whole=True)
    if town is None:
        return None
    s, t = tokens.starts[town[0]], tokens.ends[town[1] - 1]  # the head's tokens are the phrase's first ones
    return Actor(s + start, t + start, phrase[s:t], name=phrase[s:t], country=town[2], code=town[2])


def _from_actors(actors: Sequence[Actor], kinds: dict[str, str]) -> str | None:
    weights = {"capital": 0.5, "person": 0.0}
    score: dict[str, float] = {}
    for actor in actors:
        for one in actor.members or (actor,):
            if one.country:
                weight = weights.get(kinds.get(one.name or "", ""), 1.0)
                score[one.country] = score.get(one.country, 0.0) + weight
    score = {c: w for c, w in score.items() if w > 0}
    return max(score, key=lambda c: score[c]) if score else None


def _takes_story_country(actor: Actor) -> bool:
    """Agents ("rebels", "President X") take the story's country; organisations never do."""
    return not (actor.code and actor.code[:3] in ("IGO", "NGO", "IMG")) and actor.sector not in ("IGO", "NGO", "IMG")


def _shift(actor: Actor, by: int) -> Actor:
    if not by:
        return actor
    return Actor(
        actor.start + by,
        actor.end + by,
        actor.text,
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        code=actor.code,
        ner=actor.ner,
        members=tuple(_shift(m, by) for m in actor.members),
    )


def _override(entries: Sequence[Entry]) -> list[Entry]:
    """Later entries with the same kind and name replace earlier ones (user files override packaged data)."""
    latest: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        latest.pop((entry.kind, entry.name), None)
        latest[(entry.kind, entry.name)] = entry
    return list(latest.values())


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|ash|as|at|ar|an|az|ul)-[A-Z]")


def _own_names(tokens: Tokens, matches: list[Match]) -> list[Match]:
    """A known person's one-word name next to a name word of someone else's is that other person's name: "Ahmed
    Saleh, 34, a teacher" is not Ali Abdullah Saleh, nor "Saleh Ahmed" him. A title or any other known word beside
    it ("President Saleh"), or a word of the person's own full name ("Abdullah Saleh"), leaves it his."""
    covered = {i for m in matches for i in range(m.first, m.last)}

    def other_name(i: int, entry: Entry) -> bool:
        if i < 0 or i >= len(tokens.words) or i in covered:
            return False
        word = tokens.words[i]
        if _NAME_PARTICLE.match(word):  # "Saleh al-Sammad"
            return True
        if not (word[:1].isupper() and word[1:2].islower()) or word in NOT_NAMES or word.rstrip(".") in HONORIFICS:
            return False
        return tokens.lows[i] not in entry.name.lower().split()

    return [
        m
        for m in matches
        if not (
            m.entry.kind == "person"
            and m.last - m.first == 1
            and (
                (other_name(m.first - 1, m.entry) and tokens.starts[m.first] - tokens.ends[m.first - 1] == 1)
                or (other_name(m.last, m.entry) and tokens.starts[m.last] - tokens.ends[m.last - 1] == 1)
            )
        )
    ]
