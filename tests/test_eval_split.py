"""The tune / check split: deterministic, disjoint, about half each, and refused for an unknown part name."""

from __future__ import annotations

import hashlib

import pytest

from truceline.errors import EvalError
from truceline.eval.split import part_of, select, wanted_part


def test_the_part_follows_the_documented_rule() -> None:
    for key in ("wsj_0150.tml", "PLOVER-GSR01-AGREE-0001", "17", "http://example.org/a"):
        odd = hashlib.sha256(f"truceline-split-v1:{key}".encode()).digest()[0] % 2 == 1
        assert part_of(key) == ("check" if odd else "tune")


def test_select_keeps_order_and_splits_in_two() -> None:
    keys = [f"record-{i}" for i in range(2000)]
    tune, check = select(keys, str, "tune"), select(keys, str, "check")
    assert not set(tune) & set(check) and sorted(tune + check) == sorted(keys)
    assert tune == [k for k in keys if k in set(tune)]
    assert 900 < len(check) < 1100
    assert select(keys, str, "all") == keys


def test_an_unknown_part_is_refused() -> None:
    with pytest.raises(EvalError, match="unknown part"):
        wanted_part({"part": "test"})
    with pytest.raises(EvalError):
        select([1], str, "half")
    assert wanted_part({}) == "all"
