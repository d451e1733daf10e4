"""A report's incident: how many were killed and injured in the incident it is about, and the phrases behind it.

The reading, in order:
1. Sentences (line breaks end one; the title is the first) and the page furniture among them
   (truceline/quantities/noise.py), which is never read; nor is what a witness says in quotation marks (a quote
   retells the incident loosely, the report's own sentences count its victims).
2. Numbered figures (`find_quantities`: "killing nine civilians", "the death toll rose to 12") and victims named
   by noun phrases (truceline/quantities/victims.py: "a 4-year-old girl was shot and killed", "killing
   himself"). A victim phrase that a numbered figure already covers is not counted twice, unless the phrase has
   its own verb and the figure took its kind from a neighbour ("one man is dead and an infant child is injured").
3. Which figures are the incident's: war-long totals ("the war has killed 370,000", any total of 1,000 or more)
   never are; a period total ("clashes have killed 14 so far") only when the report has no incident figure;
   a figure after "including", "among them" is part of one already counted; a vague one ("dozens") counts only
   when there is no other figure of its kind; a sentence about another incident (a previous shooting, the city's
   yearly toll) is skipped when it names new victims, unless it is the report's lead (its first sentence with a
   victim); "the man who died last week" is ours.
4. Per sentence, one row per kind: killed, injured, and hit (every victim the sentence counts, whatever their
   fate); then the rows of each kind are combined across sentences (truceline/quantities/totals.py).
5. A victim first reported hurt and later reported dead ("the boy later died", "one of them has died") is
   counted once, as killed; so are victims hurt in a sentence that names them again ("they found the father and
   two children wounded") when as many are reported dead. A victim "shot" with no fate stated is injured unless a
   death is reported: when the report counts victims hit, injured = hit - killed (at least the injured figure
   read directly); "the wife and the children died" makes every victim hit dead.
6. A headline that counts its victims in numbers ("1 dead, 3 wounded in ...") is the report's own summary and
   stands over the totals assembled from the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from truceline.model import Quantity
from truceline.quantities.extract import find_quantities
from truceline.quantities.noise import noise_sentences
from truceline.quantities.periods import period_cues
from truceline.quantities.totals import TOLL, Combined, Row, SentenceCues, Span, combine, sentence_row, toll_rows
from truceline.quantities.victim_cues import SUMMING
from truceline.quantities.victim_grammar import OTHER, Victim, grammar
from truceline.quantities.victims import find_victims
from truceline.text import sentence_at, split_sentences

_COUNTED = ("killed", "injured")
_WAR_SCALE = 1000  # period totals this large are a campaign's, not one incident's
_DEFINITE = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)  # "the father was wounded": named before
_POINTS_BACK = re.compile(r"\b(?:the|these|those|all)\s+(?:(?:other|remaining|surviving)\s+)?\Z", re.IGNORECASE)
_MORE = re.compile(r"\b(?:others?|another|more|additional|second|third|fourth|fifth|sixth)\b", re.IGNORECASE)
_WEAK = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|among\s+(?:the|those))\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One phrase a total was built from, and the sentence it stands in (offsets into the report's text)."""

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Total:
    value: int | None  # None: the report gives no such figure
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Incident:
    """The incident a report is about: its killed and injured totals, each with the phrases behind it."""

    killed: Total
    injured: Total


@cache
def _other_incident() -> re.Pattern[str]:
    cues = [period_cues().other_incident.pattern, *(grammar().raw.get("other_incident_cues") or [])]
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE)


def _weak_beside_firm(table: dict[int, list[Quantity]]) -> None:
    """A vague figure ("dozens") or one "among the dead" counts only when the report gives no other figure of
    its kind ("11 of our fighters were killed ..., adding that the regime had lost dozens of men" is 11)."""
    figures = [q for group in table.values() for q in group]
    if not any(_WEAK.search(q.text) for q in figures) or all(_WEAK.search(q.text) for q in figures):
        return
    for index in list(table):
        kept = [q for q in table[index] if not _WEAK.search(q.text)]
        if kept:
            table[index] = kept
        else:
            del table[index]


@dataclass(slots=True)
class _Sentence:
    index: int
    start: int
    end: int
    figures: dict[str, list[Quantity]]
    victims: list[Victim]
    deaths_later: list[Victim]  # "the teen has died", "one of the victims later died", read as a figure or not


def _sort_figures(
    text: str, bounds: list[tuple[int, int]], noise: set[int], quantities: Sequence[Quantity]
) -> dict[int, dict[str, list[Quantity]]]:
    """Step 3 for numbered figures: the incident's figures by sentence and kind (period totals as a fallback)."""
    cues = period_cues()
    incident: dict[str, dict[int, list[Quantity]]] = {kind: {} for kind in _COUNTED}
    period: dict[str, dict[int, list[Quantity]]] = {kind: {} for kind in _COUNTED}
    for q in quantities:
        index = sentence_at(bounds, q.start) if q.kind in _COUNTED else None
        if index is None or index in noise or q.end > bounds[index][1]:
            continue  # page furniture, or a figure read across a line break ("... killed" / "Six people ...")
        start, end = bounds[index]
        if cues.subset_before.search(text, max(start, q.start - 40), q.start):
            continue
        if q.cumulative:
            if q.value >= _WAR_SCALE or cues.war_long(text[start:end]):
                continue
            period[q.kind].setdefault(index, []).append(q)
        else:
            incident[q.kind].setdefault(index, []).append(q)
    for table in (incident, period):
        for kind in _COUNTED:
            _weak_beside_firm(table[kind])
    chosen = incident if any(incident[kind] for kind in _COUNTED) else period
    out: dict[int, dict[str, list[Quantity]]] = {}
    for kind in _COUNTED:
        for index, figures in chosen[kind].items():
            out.setdefault(index, {k: [] for k in _COUNTED})[kind] = figures
    return out


# What a witness or an official says in quotation marks retells the incident loosely ("he got shot, one shot
# went through ..."); the report's own sentences count its victims. A quote does not run past its paragraph.
_QUOTE = re.compile(r"“[^”\n]{0,1500}”|\"[^\"\n]{0,1500}\"")


def _overlaps(q: Quantity, victims: list[Victim]) -> bool:
    return any(q.start < v.end and v.start < q.end for v in victims)


def _stated(victims: list[Victim], q: Quantity) -> bool:
    """True when a victim phrase with its own verb covers a figure whose kind the number's neighbours gave it
    ("one man is dead and an infant child is injured": the child is injured, not a second death)."""
    kind = {"killed": "killed", "injured": "injured", "shot": "injured"}
    return any(
        v.cue in {"after", "chain_after"} and kind[v.state] != q.kind and v.start <= q.start and q.end <= v.end
        for v in victims
    )


def _own_victims(victims: list[Victim], figures: list[Quantity], counted: bool) -> list[Victim]:
    """Victims not already read as a numbered figure (counted or set aside), and not a pronoun or "the boy"
    restating another victim of the same sentence ("he shot his friend ... now that the victim has died": one
    victim, who died)."""
    spans = [(q.start, q.end) for q in figures]
    kept: list[Victim] = []
    for v in victims:
        if v.count >= _WAR_SCALE or any(s < v.end and v.start < e for s, e in spans):
            continue
        named = [n for n, k in enumerate(kept) if k.cue not in _BOUNDS]
        if v.definite and v.cue in {"after", "before"} and not v.subset and (named or counted):
            if named and v.state == "killed" and kept[named[-1]].state != "killed" and kept[named[-1]].count == 1:
                kept[named[-1]] = replace(kept[named[-1]], state="killed", later=v.later)
            continue
        kept.append(v)
    return kept


# "a double homicide", "charged in a fatal shooting", "the four victims": a count that restates, never adds
_BOUNDS = frozenset({"multiple", "murder_suicide", "hint", "all", "total"})


def _victim_value(victims: list[Victim], state: str | None) -> tuple[int, int]:
    """(how many victims of one state, or of any when `state` is None, the sentence's phrases count; the
    largest count a "double homicide" or "murder-suicide" gives, which restates rather than adds)."""
    mine = [v for v in victims if state is None or v.state == state]
    plain = sum(v.count for v in mine if not v.subset and v.cue not in _BOUNDS)
    subset = sum(v.count for v in mine if v.subset) if state == "killed" else 0
    bound = max((v.count for v in mine if v.cue in _BOUNDS), default=0)
    return max(plain, subset), bound


def _breakdown(victims: list[Victim], figures: list[Quantity]) -> int:
    """How many victims of a sentence only break down a group hit before them ("shooting two brothers, killing an
    11-year-old and wounding his 16-year-old sibling": two hit, not four); "two others", "another" are more."""
    for n, group in enumerate(victims):
        if group.state != "shot" or group.count < 2 or group.subset or group.cue in _BOUNDS:
            continue
        later = [v for v in victims[n + 1 :] if v.state in _COUNTED and v.cue not in _BOUNDS]
        if any(v.subset or v.cue == "fatally" for v in later):
            return 0  # "five were shot; two of them died": the two are among the five already
        parts = [v.count for v in later if not (v.additive or _MORE.search(v.who))]
        parts += [q.value for q in figures if q.start >= group.end and not _MORE.search(q.text)]
        told = sum(parts)
        return told if told <= group.count else 0
    return 0


def _rows(text: str, sentences: list[_Sentence]) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {"killed": [], "injured": [], "hit": []}
    for s in sentences:
        sentence = text[s.start : s.end]
        # victims not counted before; a hint alone ("a murder case") is as open to "last year" as a new victim
        fresh = any(not v.definite and not v.subset for v in s.victims) or all(v.cue == "hint" for v in s.victims)
        additive = any(v.additive and not v.subset for v in s.victims)
        spans_all = [q.end for k in _COUNTED for q in s.figures.get(k, [])] + [v.end for v in s.victims]
        first_end = min(spans_all, default=s.end)
        numbered = 0  # victims counted by numbered figures, any kind
        summed = False
        values: dict[str, int] = {}
        for kind in _COUNTED:
            figures = s.figures.get(kind, [])
            plain = [q for q in figures if not TOLL.search(q.text)]
            mine = [v for v in s.victims if v.state == kind]
            value, bound = _victim_value(s.victims, kind)
            spans = tuple((v.start, v.end) for v in mine)
            if plain:
                row = sentence_row(s.index, sentence, s.start, plain)
                numbered += row.value
                # "killed his wife and their three children ..., leaving five dead": five in all, not nine
                summing = [q for q in plain if SUMMING.search(text, max(s.start, q.start - 20), q.start)]
                parts = [q for q in plain if q not in summing]
                listed = (sentence_row(s.index, sentence, s.start, parts).value if parts else 0) + value
                if summing and listed:
                    values[kind] = max(listed, *(q.value for q in summing), bound)
                    summed = True
                else:
                    values[kind] = max(row.value + value, bound)
                # "also", "another" before or in the sentence's first figure; later it contrasts within the
                # sentence ("one teen was killed and another injured")
                lead = text[s.start : first_end]
                # "the other three victims": the rest of a group counted before, never more victims
                pointed = all(
                    _POINTS_BACK.search(text, max(s.start, q.start - 25), q.start) or _DEFINITE.match(q.text)
                    for q in plain
                )
                cue = not pointed and (additive or bool(period_cues().additive.search(lead)))
                restates = pointed or any(_DEFINITE.match(q.text) for q in plain) or any(v.definite for v in mine)
                rows[kind].append(
                    Row(s.index, sentence, values[kind], False, row.heads, row.generic or bool(mine),
                        row.evidence + spans, not pointed, cue, restates)
                )  # fmt: skip
            elif mine:
                values[kind] = max(value, bound)
                restates = any(v.definite and not v.subset and v.cue not in _BOUNDS for v in mine)
                rows[kind].append(
                    Row(s.index, sentence, values[kind], False, frozenset(), True, spans, fresh, additive, restates)
                )
            rows[kind].extend(toll_rows(s.index, sentence, [q for q in figures if TOLL.search(q.text)]))
        if values or s.victims:
            value, bound = _victim_value(s.victims, None)
            value -= _breakdown(s.victims, [q for k in _COUNTED for q in s.figures.get(k, [])])
            hit = max(numbered + value, bound, sum(values.values()))
            if summed:  # a total that restates the victims listed before it counts the one who shot himself too
                hit = max(sum(values.values()), bound)
            spans = tuple((v.start, v.end) for v in s.victims)
            spans += tuple((q.start, q.end) for k in _COUNTED for q in s.figures.get(k, []))
            shot = any(v.state == "shot" for v in s.victims)
            rows["hit"].append(Row(s.index, sentence, hit, False, frozenset(), True, spans, fresh, additive, shot=shot))
    return rows


def _upgrade(sentences: list[_Sentence], injured: Combined, killed: Combined) -> Combined:
    """Rule 5's second half: "the teen has died", "one of them later died" after the victim was counted hurt moves
    the victim from injured to killed instead of counting them twice."""
    if not injured.value or not killed.value or not injured.evidence:
        return injured
    first_hurt = min(start for start, _ in injured.evidence)
    moved = sum(v.count for s in sentences for v in s.deaths_later if v.start > first_hurt)
    moved = min(moved, killed.value)
    return Combined(max(injured.value - moved, 0), injured.evidence) if moved else injured


def _evidence(text: str, bounds: list[tuple[int, int]], spans: tuple[Span, ...]) -> tuple[Evidence, ...]:
    out = []
    for start, end in sorted(set(spans)):
        index = sentence_at(bounds, start)
        s, e = bounds[index] if index is not None else (start, end)
        out.append(Evidence(start, end, text[start:end], s, e))
    return tuple(out)


def read_incident(text: str, quantities: Sequence[Quantity] | None = None) -> Incident:
    """The incident `text` reports, with the evidence of each total (see the module docstring)."""
    bounds = split_sentences(text)
    noise = noise_sentences(text, bounds)
    if quantities is None:
        quantities = find_quantities(text)
    by_sentence = _sort_figures(text, bounds, noise, quantities)
    read: dict[int, list[Quantity]] = {}  # every figure read, counted or not: a victim inside one is no other
    for q in quantities:
        index = sentence_at(bounds, q.start)
        if index is not None:
            read.setdefault(index, []).append(q)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    sentences: list[_Sentence] = []
    for index, (start, end) in enumerate(bounds):
        if index in noise:
            continue
        figures = by_sentence.get(index, {})
        counted = [q for k in _COUNTED for q in figures.get(k, [])]
        found = [v for v in find_victims(text, start, end) if not any(a <= v.start < b for a, b in quotes)]
        within = [v for v in found if v.cue == "fatally"]  # "4 shot, 1 killed": the one is among the four
        beaten = [q for q in read.get(index, []) if _overlaps(q, within) or _stated(found, q)]
        if beaten:
            figures = {k: [q for q in qs if q not in beaten] for k, qs in figures.items()}
            counted = [q for q in counted if q not in beaten]
        others = [q for q in read.get(index, []) if q not in beaten]
        victims = _own_victims(found, others, bool(counted))
        later = [v for v in found if v.state == "killed" and v.later and (v.definite or v.subset)]
        if figures or victims:
            sentences.append(_Sentence(index, start, end, figures, victims, later))
    if not sentences:
        return Incident(Total(None, ()), Total(None, ()))
    rows = _rows(text, sentences)
    # the lead: the first sentence that names a victim or a figure ("charged in a fatal shooting" only hints)
    first = next((s.index for s in sentences if s.figures or any(v.cue != "hint" for v in s.victims)), -1)
    cues = SentenceCues(period_cues(), _other_incident())
    killed = combine(rows["killed"], first, cues)
    hurt = rows["injured"]
    if killed.value:
        # "Bobo was in critical condition", "they found the father and two children wounded" in a report of their
        # deaths: the state before they died, no more victims
        hurt = [row for row in hurt if row.toll or (row.fresh and not (row.restates and row.value <= killed.value))]
    injured = combine(hurt, first, cues)
    injured = _upgrade(sentences, injured, killed)
    shot = any(v.state == "shot" for s in sentences for v in s.victims)
    if shot:
        hit = combine(rows["hit"], first, cues)
        everyone = [v for s in sentences for v in s.victims if v.cue == "all"]
        if everyone and (hit.value or 0) > (killed.value or 0):
            # "the wife and the children died": the victims hit are all dead
            moved = (hit.value or 0) - (killed.value or 0)
            killed = Combined(hit.value, killed.evidence + tuple((v.start, v.end) for v in everyone))
            injured = Combined(max((injured.value or 0) - moved, 0) or None, injured.evidence)
        left = (hit.value or 0) - (killed.value or 0)
        if left > (injured.value or 0):
            injured = Combined(left, hit.evidence)
    killed, injured = _headline(text, bounds, rows, killed, injured, sentences)
    return Incident(
        Total(killed.value, _evidence(text, bounds, killed.evidence)),
        Total(injured.value, _evidence(text, bounds, injured.evidence)),
    )


_CLOSED = re.compile(r"[.!?][\"'”’)]*\s*\Z")
_NUMBER_FIRST = re.compile(
    r"\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?![-\s]*(?:year|yr|month|week|day)s?[-\s]*old)(?![^,;]*\b(?:critical|critically|serious|seriously|stable)\b)",
    re.IGNORECASE,
)


def _numbered(text: str, row: Row) -> bool:
    """Every phrase behind the row starts with a number ("1 dead", "Six people shot"; not "wife, 3 kids")."""
    return bool(row.evidence) and all(_NUMBER_FIRST.match(text, start, end) for start, end in row.evidence)


def _headline(
    text: str,
    bounds: list[tuple[int, int]],
    rows: dict[str, list[Row]],
    killed: Combined,
    injured: Combined,
    sentences: list[_Sentence],
) -> tuple[Combined, Combined]:
    """A headline that counts the victims in numbers ("1 dead, 3 wounded in ...", "6 shot; 2 killed") is the
    report's own summary of its incident; it stands over totals assembled from a body where other incidents and
    restatements creep in. A headline is a first line without a closing full stop, with the body below it."""
    if len(bounds) < 2 or "\n" not in text[bounds[0][1] : bounds[1][0]] or _CLOSED.search(text, 0, bounds[0][1]):
        return killed, injured
    title = {kind: [r for r in rows[kind] if r.index == 0 and not r.toll] for kind in rows}
    head_killed = next((r for r in title["killed"] if _numbered(text, r)), None)
    if head_killed is not None:
        killed = Combined(head_killed.value, head_killed.evidence)
    head_hurt = next((r for r in title["injured"] if _numbered(text, r)), None)
    head_hit = next((r for r in title["hit"] if r.shot and _numbered(text, r)), None)
    if head_hurt is not None or head_hit is not None:
        hit = head_hit.value - (killed.value or 0) if head_hit else 0
        if head_hit is not None and head_killed is not None:
            # "4 shot, 1 killed": a headline that counts those hit before the dead counts the dead among them,
            # unless it says "others"; "1 dead, 3 shot" is read either way by reports, so it adds as before
            named = next((s.victims for s in sentences if s.index == 0), [])
            shot = [v for v in named if v.state == "shot" and v.cue not in _BOUNDS]
            first_dead = min(start for start, _ in head_killed.evidence)
            if shot and all(v.start < first_dead and not (v.additive or OTHER.search(v.who)) for v in shot):
                hit = max(sum(v.count for v in shot) - (killed.value or 0), 0)
        hurt = head_hurt.value if head_hurt else 0
        injured = Combined(max(hurt, hit) or None, (head_hurt or head_hit).evidence)  # type: ignore[union-attr]
    return killed, injured


def incident_totals(text: str, quantities: Sequence[Quantity] | None = None) -> tuple[int | None, int | None]:
    """(killed, injured) for the incident the report is about, each None when the report gives no figure."""
    incident = read_incident(text, quantities)
    return incident.killed.value, incident.injured.value
