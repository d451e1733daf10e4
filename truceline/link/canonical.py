"""Canonical events: the mentions of one real-world event across reports become one object holding all of them,
the range of days they give, the casualty figures with their sources, the claims about it, and a confidence that
grows with independent support.

A mention (one per-report event row) is matched against the canonical events of its story with the same PLOVER
type whose days overlap its own (an undated mention only against those of its own event cluster), at most
``CANDIDATES`` of them, most recent first. A match needs the same kind of happening on compatible days and some
specific that agrees (``MATCH`` points or more, see `match_score`): the same place, the same actor or target
countries, a casualty figure of the same size, the same event cluster, the same day, shared words. A denial of a
strike and the claim of it are one event (the claim and the denial are both kept, and make a contradiction). A
verbal act (a statement, a demand, a meeting) is one event only when the same speaker says it (`speakers.allows`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from truceline.link import bounds, contradictions, speakers
from truceline.link.bounds import span as _parse
from truceline.link.recent import RecentMentions
from truceline.link.text import stop_words
from truceline.store.link import LinkTables

CANDIDATES = 50
MATCH = 2.0
SAME_ARTICLE_MATCH = 3.5  # two rows of one report are one event only on strong evidence (a figure given twice)
NEAR_DAYS = 2
AGGREGATE_MENTIONS = 60  # the latest mentions a canonical event's figures, claims and disputes are made from  # reports may disagree on the day ("on Sunday" / "on Monday"): candidates this many days apart
# "The strike hit ...", "... died in the market strike", "put the toll at 19": a sentence that refers back to a
# happening the report has told
_ANAPHORA = re.compile(
    r"\b(the|that|this|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's)\s+"
    r"(?:[a-z-]+\s+)?(strike|strikes|attack|raid|raids|shelling|bombing|blast|assault|explosion|toll|death toll)\b",
    re.I,
)
REPORTED_BY_DAYS = 3  # an act dated only by its report's day happened on it or in the days before
BOUNDED_DAYS = 31  # "since April 28", "until Friday": a span, not a day
# confidence of one independent source, by what it does with the event
SOURCE_CONFIDENCE = {"asserted": 0.6, "claimed": 0.45, "planned": 0.3, "threatened": 0.3, "negated": 0.1, "denied": 0.0}

_WORD = re.compile(r"[a-z]{4,}")
_TOLL = re.compile(r"\b(toll|death toll|number of (dead|deaths|killed)|counts? the dead)\b", re.I)


def _told_again(m: Mapping[str, Any], c: Mapping[str, Any]) -> bool:
    """A second row of one report tells the same happening as a first only with a specific that shows it: a figure
    of the same kind given again (the same or another: a contradiction), a denial of what the first asserts or
    claims (or the reverse), or the same day named."""
    if any(m[kind] and c.get(kind + "_example") for kind in ("killed", "injured")):
        return True
    stances = c.get("stances") or {}
    if (m["stance"] == "denied") != (set(stances) == {"denied"}) and stances:
        return True
    if _disputed_doer(m, c):
        return True
    return m["precision"] == "day" and m["date"] in (c.get("days") or {})


def _disputed_doer(m: Mapping[str, Any], c: Mapping[str, Any]) -> bool:
    """A claim and a counter-claim of one attack in one report: one teller names one doer, a teller of another
    country another doer, of an attack on the same side at the same place ("Turkey said government forces shelled
    its post in Idlib ... Russia said terrorists bombed Turkey's forces in Idlib"): one happening in dispute, whose
    doers the contradictions then show. Two places, two days or one teller are two happenings."""
    teller, doer = m.get("claimed_by_country"), m.get("actor_code")
    if m["type"] != "ASSAULT" or m["stance"] != "claimed" or not teller or not doer:
        return False
    tellers, doers = c.get("tellers") or {}, c.get("doers") or {}
    if not tellers or teller in tellers or not doers or doer in doers:
        return False
    if not m["recipient"] or not any(r in (c.get("recipients") or {}) for r in m["recipient"]):
        return False
    if not m["place"] or m["place"] not in (c.get("places") or {}):
        return False
    days = c.get("days") or {}
    return not (m["precision"] == "day" and days and m["date"] not in days)


def _bound(report: Mapping[str, Any]) -> list[str] | None:
    """[first, last] day the text bounds a report to, widened by the days an act told in it may precede it."""
    days = bounds.text_bounds(report)
    if days is None:
        return None
    return [d.isoformat() for d in bounds.widened(days, REPORTED_BY_DAYS + NEAR_DAYS)]


def _apart(m: Mapping[str, Any], row: Mapping[str, Any], data: Mapping[str, Any]) -> bool:
    """A mention and a canonical event whose days (or, undated, the days their reports are bounded to) cannot meet:
    an undated report of 2020 does not tell a strike of June 2019 however alike the words."""
    mine = [m["lo"], m["hi"]] if m["lo"] and m["hi"] else m.get("bound")
    theirs = [row["date_lo"], row["date_hi"]] if row.get("date_lo") and row.get("date_hi") else data.get("bound")
    if not mine or not theirs or (m["lo"] and row.get("date_lo")):
        return False  # two dated ones were matched by their days (NEAR_DAYS apart) when the candidates were read
    return str(mine[1]) < str(theirs[0]) or str(theirs[1]) < str(mine[0])


def _countries(actor: Mapping[str, Any] | None) -> list[str]:
    if not actor:
        return []
    found = {actor.get("country")} | {c for m in actor.get("members") or [] for c in _countries(m)}
    return sorted(c for c in found if c)


def _quantity(event: Mapping[str, Any], kind: str) -> dict[str, Any] | None:
    for q in event.get("casualties") or []:
        if q.get("kind") == kind:
            keep = (
                "value",
                "high",
                "qualifier",
                "according_to",
                "who",
                "who_country",
                "text",
                "start_char",
                "end_char",
            )
            return {k: q.get(k) for k in keep}
    value = event.get(kind)
    return {"value": value, "qualifier": "exact"} if isinstance(value, int) else None


def mention(event: Mapping[str, Any], report: Mapping[str, Any]) -> dict[str, Any]:
    """What linking keeps of one event row: kind, days, who, where, figures, stance and its source."""
    precision = str(event.get("date_precision") or "unknown")
    pub = bounds.publication_days(report)
    span = _parse(event.get("date")) if not event.get("date_from_publication") else None
    lo = hi = None
    if precision in ("since", "until", "before", "after") and pub:
        lo, hi = bounds.widened(pub, BOUNDED_DAYS)
    elif span is not None and precision not in ("reported by",):
        lo, hi = span
    elif pub:
        lo, hi = bounds.widened(pub, REPORTED_BY_DAYS)
    place = event.get("place") or None
    actor, recipient = event.get("actor"), event.get("recipient")
    claimed = event.get("claimed_by")
    return {
        "type": event.get("type"),
        "mode": event.get("mode"),
        "stance": event.get("stance") or "asserted",
        "date": event.get("date"),
        "precision": precision,
        "lo": lo.isoformat() if lo else None,
        "hi": hi.isoformat() if hi else None,
        "actor": _countries(actor),
        "actor_name": (actor or {}).get("name") or (actor or {}).get("text"),
        "actor_code": (actor or {}).get("code"),
        "recipient": _countries(recipient),
        "recipient_name": (recipient or {}).get("name") or (recipient or {}).get("text"),
        "recipient_code": (recipient or {}).get("code"),
        # who says a verbal act (None for others): its statements of other speakers are other happenings
        "speakers": speakers.speakers(
            event.get("type"), actor, recipient, lo.isoformat() if lo else None, hi.isoformat() if hi else None
        ),
        "place": (place.get("name") or place.get("text")) if place else None,
        "place_admin1": place.get("admin1") if place else None,
        "place_country": place.get("country") if place else None,
        "killed": _quantity(event, "killed"),
        "injured": _quantity(event, "injured"),
        "claimed_by": (claimed or {}).get("name") or (claimed or {}).get("text") if claimed else None,
        "claimed_by_country": (claimed or {}).get("country") if claimed else None,
        "ceasefire": event.get("ceasefire"),
        "sentence": event.get("sentence"),
        "start": event.get("start_char"),
        "end": event.get("end_char"),
        "source": report.get("source"),
        "copy_of": report.get("copy_of"),
        "published": report.get("date_lo"),
        # an undated mention's report is still bounded by its text (however widely): days it cannot be from
        "bound": None if lo else _bound(report),
        "confidence": event.get("confidence"),
        "words": sorted(set(_WORD.findall(str(event.get("sentence") or "").lower())) - stop_words())[:40],
    }


def _figure_mention(
    q: Mapping[str, Any], sentence: str, s_start: int, article_id: str, report: Mapping[str, Any]
) -> dict[str, Any]:
    """A mention made of a casualty figure alone (see Merger._tolls)."""
    data = q["data"]
    keep = ("value", "high", "qualifier", "according_to", "who", "who_country", "text")
    kind = str(data.get("kind"))
    who = data.get("who_country")
    m: dict[str, Any] = {
        "type": "ASSAULT", "mode": None, "stance": "claimed" if data.get("according_to") else "asserted",
        "date": None, "precision": "unknown", "lo": None, "hi": None, "actor": [], "actor_name": None,
        "actor_code": None, "recipient_code": None, "recipient": [who] if who else [], "recipient_name": None, "place": None, "place_admin1": None,
        "place_country": None, "killed": None, "injured": None, "claimed_by": data.get("according_to"),
        "claimed_by_country": None, "ceasefire": None, "sentence": sentence, "start": s_start,
        "end": s_start + len(sentence), "source": report.get("source"), "copy_of": report.get("copy_of"),
        "published": report.get("date_lo"), "confidence": None,
        "words": sorted(set(_WORD.findall(sentence.lower())) - stop_words())[:40],
        "article_id": article_id, "event_id": f"{article_id}-q{q['start']}", "figure_only": True,
    }  # fmt: skip
    m[kind] = {k: data.get(k) for k in keep}
    return m


def _date_and_place(m: dict[str, Any], found: Sequence[Mapping[str, Any]], report: Mapping[str, Any]) -> None:
    """Date a figure-only mention by its sentence's first day (else as its report), place it at the sentence's
    first town or site."""
    for t in found:
        value = str(t["data"].get("value") or "") if t["layer"] == "time" else ""
        if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            m.update(date=value, precision="day", lo=value, hi=value)
            break
    if m["lo"] is None:
        pub = bounds.publication_days(report)
        if pub:
            lo, hi = bounds.widened(pub, REPORTED_BY_DAYS)
            m.update(date=report.get("date_lo"), precision="reported by", lo=lo.isoformat(), hi=hi.isoformat())
    if m["lo"] is None:
        m["bound"] = _bound(report)
    for p in found:
        if p["layer"] == "place" and p["data"].get("feature") not in ("country", "capital"):
            m.update(place=p["data"].get("name") or p["text"], place_admin1=p["data"].get("admin1"))
            m["place_country"] = p["data"].get("country")
            break


def _fill_figures(m: dict[str, Any], event: Mapping[str, Any], figures: Sequence[Mapping[str, Any]]) -> None:
    """A killed or injured figure the per-report stages found in the event's sentence but did not attach to it
    ("Thirty-three Turkish soldiers were killed and 32 wounded in Thursday's air strike") is the event's, when the
    sentence gives one figure of that kind."""
    if event.get("type") != "ASSAULT" or event.get("stance") in ("denied", "negated"):
        return
    start, end = event.get("start_char"), event.get("end_char")
    if not isinstance(start, int) or not isinstance(end, int):
        return
    for kind in ("killed", "injured"):
        if m[kind]:
            continue
        found = [q for q in figures if q["data"].get("kind") == kind and start <= int(q["start"]) < end]
        if len(found) == 1:
            q = found[0]["data"]
            m[kind] = {
                k: q.get(k) for k in ("value", "high", "qualifier", "according_to", "who", "who_country", "text")
            }


def _figure_close(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool | None:
    """Whether two figures can count the same dead: of the same people (country) and within half of each other."""
    if not a or not b or not a.get("value") or not b.get("value"):
        return None
    if a.get("who_country") and b.get("who_country") and a["who_country"] != b["who_country"]:
        return False
    x, y = int(a["value"]), int(b["value"])
    return max(x, y) <= 1.5 * min(x, y) + 2


def match_score(m: Mapping[str, Any], c: Mapping[str, Any], same_cluster: bool) -> float:
    """Evidence that mention `m` tells of canonical event `c` (its summary, `summary`); see the module docstring."""
    # membership is asked of the stored collections themselves (the dicts of the summary): a set of each, for every
    # candidate of every mention, was most of this function's time
    score = 0.0
    places = c.get("places") or {}
    if m["place"] and places:
        admin = c.get("admin1") or {}
        if m["place"] in places:
            score += 2.0
        elif m["place"] in admin or (m.get("place_admin1") and m["place_admin1"] in places):
            score += 0.5  # a province and a town in it: compatible, not the same specific
        elif m.get("place_country") and m["place_country"] in (c.get("place_countries") or {}):
            score -= 2.0  # two towns of one country: two happenings
        # a town in another country than all the event's places: a border-crossing act, or a name resolved to the
        # wrong country's town; it says nothing either way
    for role in ("actor", "recipient"):
        mine, theirs = m[role], c.get(role + "s") or {}
        if mine and theirs:
            score += 1.0 if any(x in theirs for x in mine) else -1.5
    for kind in ("killed", "injured"):
        close = _figure_close(m[kind], c.get(kind + "_example"))
        if close is not None:
            score += 1.0 if close else -0.5
    if same_cluster:
        score += 1.5
    if m["precision"] == "day" and c.get("days"):
        score += 1.0 if m["date"] in c["days"] else -0.5
    elif m["precision"] == "month" and c.get("months"):
        # "agreed last September", "the deal signed in September 2018": a month named in the past is specific
        # for what happens once (a deal, a summit), as a day is for a strike
        score += 1.0 if str(m["date"])[:7] in c["months"] else -0.5
    shared = len(set(m["words"]).intersection(c.get("words") or ()))
    score += min(shared, 6) / 6
    return score


def summary(mentions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The canonical event's aggregate over its mentions: days, figures with sources, claims, actors, places."""
    # counted in one pass (a canonical event is summed up again at every report that tells of it)
    days: dict[str, int] = {}
    places: dict[str, int] = {}
    admin1: dict[str, int] = {}
    countries: dict[str, int] = {}
    actors: dict[str, int] = {}
    recipients: dict[str, int] = {}
    stances: dict[str, int] = {}
    claims: list[dict[str, Any]] = []
    months: dict[str, int] = {}
    tellers: dict[str, int] = {}  # of claimed attacks: the tellers' countries and the doers they name (_disputed_doer)
    doers: dict[str, int] = {}
    for m in mentions:
        if m["type"] == "ASSAULT" and m["stance"] == "claimed" and m.get("claimed_by_country") and m.get("actor_code"):
            tellers[m["claimed_by_country"]] = tellers.get(m["claimed_by_country"], 0) + 1
            doers[m["actor_code"]] = doers.get(m["actor_code"], 0) + 1
        if m["precision"] == "day" and m["date"]:
            days[m["date"]] = days.get(m["date"], 0) + 1
        if m["precision"] == "month" and m["date"]:
            months[m["date"][:7]] = months.get(m["date"][:7], 0) + 1
        for key, counts in ((m["place"], places), (m.get("place_admin1"), admin1), (m.get("place_country"), countries)):
            if key:
                counts[key] = counts.get(key, 0) + 1
        for c in m["actor"]:
            actors[c] = actors.get(c, 0) + 1
        for c in m["recipient"]:
            recipients[c] = recipients.get(c, 0) + 1
        stances[m["stance"]] = stances.get(m["stance"], 0) + 1
        if m["stance"] != "asserted" or m["claimed_by"]:
            claims.append(
                {
                    "stance": m["stance"],
                    "claimed_by": m["claimed_by"],
                    "article_id": m["article_id"],
                    "event_id": m["event_id"],
                    "source": m["source"],
                }
            )
    out: dict[str, Any] = {
        "days": days,
        "months": months,
        "places": places,
        "admin1": admin1,
        "place_countries": countries,
        "actors": actors,
        "recipients": recipients,
        "words": sorted(set().union(*(m["words"] for m in mentions)))[:120],
        "stances": stances,
        "claims": claims,
        "tellers": tellers,
        "doers": doers,
        "outlets": sorted({m["source"] for m in mentions if m["source"]}),
    }
    out.update(speakers.summarise(mentions))
    bounds = [m["bound"] for m in mentions if m.get("bound")]
    if bounds and len(bounds) == len(mentions):  # every mention undated: the days its reports can be from
        out["bound"] = [min(b[0] for b in bounds), max(b[1] for b in bounds)]
    for kind in ("killed", "injured"):
        figures = casualty_figures(mentions, kind)
        if figures:
            out[kind] = figures
            out[kind + "_example"] = {"value": figures["best"], "who_country": figures.get("who_country")}
    return out


def casualty_figures(mentions: Sequence[Mapping[str, Any]], kind: str) -> dict[str, Any] | None:
    """low / best / high of a figure, each with the sources that give it. `best` is the value the most independent
    sources give (the latest report's on a tie: counts grow as bodies are found); nothing is averaged."""
    given = [(m, m[kind]) for m in mentions if m.get(kind) and m[kind].get("value") is not None]
    if not given:
        return None
    by_value: dict[int, list[dict[str, Any]]] = {}
    for m, q in given:
        by_value.setdefault(int(q["value"]), []).append(
            {
                "article_id": m["article_id"],
                "event_id": m["event_id"],
                "source": m["source"],
                "according_to": q.get("according_to") or m["claimed_by"],
                "qualifier": q.get("qualifier"),
                "text": q.get("text"),
                "published": m["published"],
                "copy_of": m.get("copy_of"),
            }
        )
    highs = [int(q["high"]) for _, q in given if q.get("high")]

    def support(value: int) -> tuple[int, str]:
        groups = {s["article_id"] if not s.get("copy_of") else s["copy_of"] for s in by_value[value]}
        latest = max(str(s["published"] or "") for s in by_value[value])
        return len(groups), latest

    best = max(by_value, key=lambda v: (*support(v), v))
    low, high = min(by_value), max([*by_value, *highs])
    whose = [str(q.get("who_country")) for _, q in given if q.get("who_country")]
    return {
        "who_country": max(set(whose), key=whose.count) if whose else None,
        "low": low,
        "best": best,
        "high": high,
        "values": [{"value": v, "sources": by_value[v]} for v in sorted(by_value)],
    }


def confidence(mentions: Iterable[Mapping[str, Any]]) -> float:
    """1 - prod(1 - c) over independent sources (a group of near-copies counts once, by its most confident
    mention); a mention's own confidence when the per-report stage gives one, else its stance's."""
    best: dict[str, float] = {}
    for m in mentions:
        c = m.get("confidence")
        value = float(c) if isinstance(c, int | float) else SOURCE_CONFIDENCE.get(m["stance"], 0.3)
        if m["stance"] == "denied":
            value = 0.0
        group = str(m.get("copy_of") or m["article_id"])
        best[group] = max(best.get(group, 0.0), value)
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
    return round(1.0 - doubt, 4)


class Merger:
    """Assigns the events of newly linked reports to canonical events (the caller holds the transaction)."""

    def __init__(self, tables: LinkTables) -> None:
        self.tables = tables
        self.compared = 0
        self.recent = RecentMentions(tables, AGGREGATE_MENTIONS)  # every mention written goes through it

    def add_report(
        self, article_id: str, report: Mapping[str, Any], passages: Sequence[tuple[int, int, str]], body: str = ""
    ) -> int:
        """Place every event of one linked report; returns how many became new canonical events."""
        new = 0
        figures = [q for q in self.tables.mentions(article_id, ("quantity",)) if not q["data"].get("cumulative")]
        lead: dict[str, str] = {}  # kind -> the canonical of the report's first strike giving such a figure
        touched: set[str] = set()
        used: set[int] = set()
        events = self.tables.article_events(article_id)
        # figures the per-report stages gave an event are that event's, not another row's of the same sentence
        given = {q.get("start_char") for e in events for q in e.get("casualties") or []}
        unattached = [q for q in figures if q.get("start") not in given]
        for event in events:
            m = mention(event, report)
            _fill_figures(m, event, unattached)
            m["article_id"], m["event_id"] = article_id, str(event["id"])
            story = report["story_id"]
            for start, end, other in passages:
                if m["start"] is not None and start <= int(m["start"]) < end:
                    story = other
            cluster = report["cluster_id"] if story == report["story_id"] else None
            canonical_id, score = self._match(m, story, cluster)
            founded = canonical_id is None
            if canonical_id is None:
                canonical_id, score = self._found(m, event, story, cluster), 1.0
                new += 1
            self.recent.save(m["event_id"], canonical_id, article_id, round(score, 3), m)
            if founded:
                self.refresh(canonical_id)  # the report's next mentions are matched against it
            else:
                touched.add(canonical_id)
            for kind in ("killed", "injured"):
                if m[kind] and m["type"] == "ASSAULT":
                    lead.setdefault(kind, canonical_id)
                    if isinstance(m[kind].get("start_char"), int):
                        used.add(int(m[kind]["start_char"]))
        for canonical_id in sorted(touched):
            self.refresh(canonical_id)
        self._tolls(article_id, report, body, figures, lead, used)
        return new

    def _tolls(
        self,
        article_id: str,
        report: Mapping[str, Any],
        body: str,
        figures: Sequence[Mapping[str, Any]],
        lead: Mapping[str, str],
        used: set[int],
    ) -> None:
        """Casualty figures no event of the report carries. One in a sentence about the toll ("a rebel spokesman
        put the death toll at 35") counts for the report's first strike giving a figure of that kind; any other
        ("shelling killed five Turkish soldiers at a base near Taftanaz on Sunday") is a deadly act in its own
        right, dated by its sentence, matched like any mention (the per-report coder may have missed its verb)."""
        if not body:
            return
        times = self.tables.mentions(article_id, ("time", "place"))
        for q in figures:
            kind = q["data"].get("kind")
            start = int(q["start"])
            if kind not in ("killed", "injured") or start in used:
                continue
            s_start = body.rfind("\n", 0, start) + 1
            s_end = body.find("\n", start)
            s_end = s_end if s_end >= 0 else len(body)
            m = _figure_mention(q, body[s_start:s_end], s_start, article_id, report)
            if _TOLL.search(m["sentence"]):
                if kind in lead:
                    self.recent.save(m["event_id"], lead[kind], article_id, 0.0, m)
                    self.refresh(lead[kind])
                continue
            _date_and_place(m, [t for t in times if s_start <= int(t["start"]) < s_end], report)
            canonical_id, score = self._match(m, str(report["story_id"]), report.get("cluster_id"))
            if canonical_id is None:
                canonical_id, score = self._found(m, {}, str(report["story_id"]), report.get("cluster_id")), 1.0
            self.recent.save(m["event_id"], canonical_id, article_id, round(score, 3), m)
            self.refresh(canonical_id)

    def forget_report(self, article_id: str) -> None:
        gone = self.tables.forget_mentions(article_id)
        self.recent.forget(gone)
        for cid in gone:
            self.refresh(cid)

    def _match(self, m: dict[str, Any], story: str, cluster: str | None) -> tuple[str | None, float]:
        if not m["type"]:
            return None, 0.0
        lo = (date.fromisoformat(m["lo"]) - timedelta(days=NEAR_DAYS)).isoformat() if m["lo"] else None
        hi = (date.fromisoformat(m["hi"]) + timedelta(days=NEAR_DAYS)).isoformat() if m["hi"] else None
        rows = self.tables.canonical_candidates(story, str(m["type"]), lo, hi, cluster, CANDIDATES)
        self.compared += len(rows)
        best: tuple[float, str] | None = None
        mentioned = self.tables.mentioned_among([str(r["id"]) for r in rows], m["article_id"])
        for row in rows:
            data = row["data"]
            if _apart(m, row, data) or not speakers.allows(m, data):
                continue
            same_article = str(row["id"]) in mentioned
            score = match_score(m, data, bool(cluster) and row["cluster_id"] == cluster)
            anaphora = same_article and bool(_ANAPHORA.search(str(m["sentence"] or "")))
            if anaphora:
                score += 2.0
            if score < (SAME_ARTICLE_MATCH if same_article else MATCH):
                continue
            if same_article and not (anaphora or _told_again(m, data)):
                continue  # the report told two rows apart; only a reference back or a specific told twice joins them
            if best is None or score > best[0]:
                best = (score, str(row["id"]))
        return (best[1], best[0]) if best else (None, 0.0)

    def _found(self, m: Mapping[str, Any], event: Mapping[str, Any], story: str, cluster: str | None) -> str:
        """A new canonical event for a mention no existing one matches; its id is the founding mention's."""
        seq = self.tables.state("canonical_seq") + 1
        self.tables.set_state("canonical_seq", seq)
        cid = f"E-{m['event_id']}"
        # an event linked again may found the id its first linking gave, still held by other reports' mentions:
        # they stay counted
        n_mentions, n_reports, n_sources = self.tables.stored_counts(cid)
        self.tables.save_canonical(
            {
                "id": cid,
                "seq": seq,
                "story_id": story,
                "cluster_id": cluster,
                "type": m["type"],
                "date_lo": m["lo"],
                "date_hi": m["hi"],
                "sort_date": m["lo"],
                "n_mentions": n_mentions,
                "n_reports": n_reports,
                "n_sources": n_sources,
                "confidence": 0.0,
                "representative": m["event_id"],
                "data": {},
            }
        )
        return cid

    def refresh(self, canonical_id: str) -> None:
        """Recompute a canonical event's aggregate from its mentions (delete it when it has none left). Its counts
        of mentions, reports and independent sources are kept as mentions come and go (LinkTables.save_mention)."""
        row = self.tables.canonical_row(canonical_id)  # its data is made anew: not decoded
        # the latest mentions make the aggregate, so a much-reported event costs no more than a known one
        mentions = self.recent.latest(canonical_id)
        if row is None:
            return
        if not mentions:
            self.tables.delete_canonical(canonical_id)
            self.tables.replace_contradictions(canonical_id, None, [])
            return
        data = summary(mentions)
        lo, hi = _days(mentions)
        rep = representative(mentions)
        row.update(
            date_lo=lo,
            date_hi=hi,
            sort_date=_sort_date(mentions, rep, lo),
            confidence=confidence(mentions),
            representative=rep["event_id"],
            data=data,
        )
        self.tables.save_canonical(row)
        self.tables.replace_contradictions(canonical_id, row["story_id"], contradictions.find(mentions))


def _days(mentions: Sequence[Mapping[str, Any]]) -> tuple[str | None, str | None]:
    """The days the mentions agree on (the intersection of their spans), else the span of the precise ones."""
    spans = [(m["lo"], m["hi"]) for m in mentions if m["lo"] and m["hi"]]
    if not spans:
        return None, None
    lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
    if lo <= hi:
        return lo, hi
    precise = [m["date"] for m in mentions if m["precision"] == "day" and m["date"]]
    if precise:
        return min(precise), max(precise)
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _sort_date(mentions: Sequence[Mapping[str, Any]], rep: Mapping[str, Any], lo: str | None) -> str | None:
    """Where the event sorts: its earliest day when a mention gives one, else the date its shown mention gives
    (the timeline lists it under that date), else the start of its days."""
    precise = sorted(m["date"] for m in mentions if m["precision"] == "day" and m["date"])
    if precise:
        return str(precise[0])
    shown = str(rep.get("date") or "")
    if re.match(r"^\d{4}(-\d{2}){0,2}$", shown):
        return shown
    return str(rep.get("published") or "") or lo


def representative(mentions: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The mention that says most about the event: dated to the day, with actor, target, place and figures, an
    assertion rather than a claim or denial; the earliest report on a tie. Never a figure on its own."""
    rows = [m for m in mentions if not m.get("figure_only")] or list(mentions)

    def richness(m: Mapping[str, Any]) -> tuple[float, ...]:
        return (
            m["stance"] == "asserted",
            m["precision"] == "day",
            bool(m["actor"]) + bool(m["recipient"]) + bool(m["place"]) + bool(m["killed"]) + bool(m["injured"]),
        )

    return rows[max(range(len(rows)), key=lambda i: (*richness(rows[i]), -i))]
