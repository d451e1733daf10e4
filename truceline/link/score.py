"""How likely a report belongs to a story or to an event cluster: named features and two small learned models.

The features compare a report with a group (a story or a cluster) the way a reader does: do they use the same
words (``cos``: average similarity to the members, ``cosmax``: to the closest recent member), do they name the same
people and places (``ncos``; ``top_in``: are the report's main names in the group; ``core_in``: are the names most
members share in the report), and are they from the same days (``g_*``, one-hot buckets of the gap between their
dates, ``g_unk`` when either is undated). Reports of one story reuse the same words for different happenings, so at
the event level the names, the dates and the numbers carry the decision (``num_agree``: the report's headline or
lead numbers are among those the cluster's reports give; ``num_clash``: both give numbers, none shared); at the
story level the shared vocabulary does.

The weights are learned (truceline/learn/linear.py) by `python -m truceline.link.train`, which replays the
linking of labelled reports (the tune part of ECB+ and our own bundled corpus) and records, for every candidate
group, these features and whether the report truly belongs there. The model files are
``truceline/data/models/link_story.npz`` and ``link_event.npz``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache
from itertools import repeat
from operator import mul
from pathlib import Path

from truceline.errors import ModelError
from truceline.learn.linear import LinearModel
from truceline.link.features import Report, gap_days
from truceline.link.text import cosine
from truceline.store.link import Group

LABELS = ("other", "same")
MODEL_FILES = {"story": "link_story.npz", "event": "link_event.npz"}
MODELS_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
TOP_NAMES = 3
CORE_SHARE = 0.5
COUNTRY_SHARE = 0.2
STORY_NAMES = True
# the numbers a report states in its headline or lead (counts, ages, magnitudes, sums: "23 pirates", "6.1"): one
# happening's reports repeat them, another happening of the same kind has its own (a term's weight reaches this
# only from a title or lead occurrence, text.LEAD_WEIGHT, or three in the body)
SALIENT = 1.0 + math.log(3.0) - 1e-3
SPECIFICS = True

Idf = Callable[[str], float]


def _dot(u: Mapping[str, float], v: Mapping[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    # the same products summed in the same order as a generator over u's items, in C (the hot loop of linking)
    return sum(map(mul, u.values(), map(v.get, u.keys(), repeat(0.0))))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _gap(level: str, rep: Report, group: Group) -> int | None:
    """Days between the report and the group. An event cluster is anchored at its first report's day (follow-ups
    come after it; a cluster must not stretch to swallow a whole story), a story spans all its days."""
    hi = group.date_lo if level == "event" else group.date_hi
    return gap_days(rep.date_lo, rep.date_hi, _day(group.date_lo), _day(hi))


def features(
    level: str,
    rep: Report,
    vector: Mapping[str, float],
    group: Group,
    members: Sequence[Mapping[str, float]],
    idf: Idf,
    between: int | None = None,
) -> dict[str, float]:
    """The named features of (report, group) at `level` ('story' or 'event'); see the module docstring.
    `between`, at the event level, is how many other clusters of the story began between the cluster's first day
    and the report's: the story moved on in between (a quiet story's follow-up a week later is still the same
    happening; a busy story's is rarely)."""
    n = max(group.n_reports, 1)
    out: dict[str, float] = {}
    out["cos"] = _dot(vector, group.centroid) / n
    out["cosmax"] = max((_dot(vector, m) for m in members), default=out["cos"])
    if level == "story":
        common = _common(vector, rep.names)
        out["ccos"] = _dot(common, _common(group.centroid, group.names)) / n
        out["ccosmax"] = max((_dot(common, _common(m, group.names)) for m in members), default=out["ccos"])
        if STORY_NAMES is False:
            return _dates(level, rep, group, out, n)
    weights = {t: idf(t) for t in set(rep.names) | set(group.names)}
    out["ncos"] = cosine(rep.names, group.names, weights)
    top = sorted(rep.lead & rep.names.keys(), key=lambda t: (-rep.names[t] * weights.get(t, 1.0), t))[:TOP_NAMES]
    out["top_in"] = sum(1.0 for t in top if group.names.get(t)) / len(top) if top else 0.5
    core = [t for t, k in group.names.items() if k >= CORE_SHARE * n and t[0] not in "@%^&"]
    out["core_in"] = sum(1.0 for t in core if t in rep.names or t in rep.terms) / len(core) if core else 0.5
    if level == "event":
        # the towns and sites: the report's lead ones in the cluster, the cluster's usual ones in the report
        mine = [t for t in rep.lead if t.startswith("%")]
        out["place_in"] = sum(1.0 for t in mine if group.names.get(t)) / len(mine) if mine else 0.5
        sites = [t for t, k in group.names.items() if t.startswith("%") and k >= CORE_SHARE * n]
        out["place_core_in"] = sum(1.0 for t in sites if t in rep.names) / len(sites) if sites else 0.5
        if SPECIFICS:
            _numbers(rep, members, out)
    else:
        # the countries the report's places are in, against those the story's reports usually name
        where = {t: w for t, w in rep.names.items() if t.startswith("^")}
        total = sum(where.values())
        usual = {t for t, k in group.names.items() if t.startswith("^") and k >= COUNTRY_SHARE * n}
        out["country_in"] = sum(w for t, w in where.items() if t in usual) / total if total else 0.5
    out = _dates(level, rep, group, out, n)
    if between is not None:
        out["between"] = math.log1p(between)
        out["busy_weeks"] = out.get("weeks", 0.0) * out["between"]
    return out


def salient_numbers(terms: Mapping[str, float]) -> set[str]:
    """The numbers (``#23``) a report states in its headline or lead, or often."""
    return {t for t, w in terms.items() if t.startswith("#") and w >= SALIENT}


def _numbers(rep: Report, members: Sequence[Mapping[str, float]], out: dict[str, float]) -> None:
    """Whether the report's salient numbers are among those the cluster's recent reports give (``num_agree``), or
    both give numbers and none is shared (``num_clash``): the specifics that tell one happening from another of its
    kind. Neither is set when either side gives none."""
    mine = salient_numbers(rep.terms)
    theirs = {t for m in members for t in m if t.startswith("#")}
    if mine and theirs:
        out["num_agree" if mine & theirs else "num_clash"] = 1.0


RELATIVE = ("cos", "cosmax", "ncos")


def relative(rows: Sequence[dict[str, float]]) -> None:
    """Add to each candidate's features how far it stands above the best of the other candidates (``*_lead``;
    against 0 when it is alone): whether the report reads like this group more than like the others of its story
    or corpus. Absolute similarities depend on the corpus (a story whose happenings all share their words, a
    vocabulary the term counts have barely seen); the lead over the other candidates much less."""
    for name in RELATIVE:
        values = [r.get(name, 0.0) for r in rows]
        for i, r in enumerate(rows):
            rest = max((v for j, v in enumerate(values) if j != i), default=0.0)
            r[name + "_lead"] = round(values[i] - rest, 5)


def _common(vector: Mapping[str, float], names: Mapping[str, float]) -> dict[str, float]:
    """The vector's common words: no names, numbers or actor countries (what a story's reports share when its
    happenings have different people and places)."""
    kept = {t: x for t, x in vector.items() if t not in names and t[0] not in "#@%^&"}
    norm = math.sqrt(sum(x * x for x in kept.values())) or 1.0
    return {t: x / norm for t, x in kept.items()}


def _dates(level: str, rep: Report, group: Group, out: dict[str, float], n: int) -> dict[str, float]:
    gap = _gap(level, rep, group)
    if gap is not None:
        out["weeks"] = min(gap, 63) / 7.0
    bounds: tuple[tuple[int, str], ...]
    if level == "event":
        bounds = ((1, "g_day"), (7, "g_week"))
    else:
        bounds = ((30, "g_month"), (365, "g_year"), (3 * 365, "g_years"))
    if gap is None:
        out["g_unk"] = 1.0
    else:
        for limit, name in bounds:
            if gap <= limit:
                out[name] = 1.0
                break
        else:
            out["g_far"] = 1.0
    out["logn"] = math.log(n)
    return out


class Scorer:
    """P(same) for (report, group) pairs from the packaged models, or from models at explicit paths."""

    def __init__(self, story: LinearModel, event: LinearModel) -> None:
        self.models = {"story": story, "event": event}

    @classmethod
    def packaged(cls) -> Scorer:
        return _packaged()

    @classmethod
    def from_files(cls, story: Path, event: Path) -> Scorer:
        return cls(LinearModel.load(story), LinearModel.load(event))

    def probabilities(self, level: str, rows: Sequence[Mapping[str, float]]) -> list[float]:
        if not rows:
            return []
        model = self.models[level]
        probs = model.probabilities(rows)
        col = model.labels.index("same")
        return [float(p) for p in probs[:, col]]


def model_path(level: str) -> Path:
    return MODELS_DIR / MODEL_FILES[level]


@cache
def _packaged() -> Scorer:
    paths = {level: model_path(level) for level in MODEL_FILES}
    for level, path in paths.items():
        if not path.is_file():
            raise ModelError(
                f"the {level} linking model {path} is missing; rebuild it with `python -m truceline.link.train`"
            )
    return Scorer(LinearModel.load(paths["story"]), LinearModel.load(paths["event"]))
