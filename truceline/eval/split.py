"""The tune / check split every gold set is scored on.

We write rules and train models looking only at failures in the *tune* part of a gold set, and judge a change by
the *check* part; the README quotes check figures, and the CI floors sit on them. The split is deterministic and
needs no file of its own: a record belongs to the check part when the SHA-256 of ``"truceline-split-v1:" + key``
has an odd first byte, where ``key`` is the record's stable identity in its own set:

| set | key |
|---|---|
| TimeML / MEANTIME | the file name (``wsj_0150.tml``) |
| publication dates | the page's URL |
| extraction | the page's SHA-256 name in ``ground-truth.json`` |
| PLOVER | the record's ``id`` |
| PETRARCH2 | the sentence ``id`` |
| ACLED sub-types | the note's ``id`` |
| casualties | the record's ``id`` |
| GeoWebNews | the article's text |
| ECB+ | the topic (a whole story goes to one part, so no story is seen in both) |

About half of each set falls on each side. Changing the salt would put records seen while tuning into the check
part, so it is never changed; a new split gets a new version in the salt and says so in the README.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from truceline.errors import EvalError

PARTS = ("all", "tune", "check")
SALT = "truceline-split-v1:"
RULE = "check = odd first byte of sha256('truceline-split-v1:' + key); tune = the rest (truceline/eval/split.py)"

T = TypeVar("T")


def part_of(key: str) -> str:
    """'tune' or 'check' for one record key."""
    digest = hashlib.sha256((SALT + key).encode("utf-8")).digest()
    return "check" if digest[0] % 2 else "tune"


def wanted_part(options: dict[str, object]) -> str:
    """The part an evaluation was asked for (options["part"]), 'all' when none was given."""
    part = options.get("part") or "all"
    if part not in PARTS:
        raise EvalError(f"unknown part {part!r}; choose one of: {', '.join(PARTS)}")
    return str(part)


def select(items: Iterable[T], key: Callable[[T], str], part: str) -> list[T]:
    """The items of `part` ('all' keeps every one), in their original order."""
    if part not in PARTS:
        raise EvalError(f"unknown part {part!r}; choose one of: {', '.join(PARTS)}")
    return [item for item in items if part == "all" or part_of(key(item)) == part]


def describe(part: str) -> dict[str, str]:
    """What an evaluation prints about the part it scored."""
    return {"part": part, "split": RULE}
