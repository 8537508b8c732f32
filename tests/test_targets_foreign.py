"""The target reader on ten cells in the style of other plans (tests/data/foreign_target_cells.yaml).

The expectations were committed before the drafter first read these cells. A case the reader
gets wrong is marked xfail with the reason, so the count of right drafts stays honest:
``pytest tests/test_targets_foreign.py -rxX`` lists them.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from kpi_tracker.rules.targets import DraftedTarget, read_targets
from kpi_tracker.text.periods import parse_period
from kpi_tracker.text.units import canonical_unit

CASES = yaml.safe_load(
    (Path(__file__).parent / "data" / "foreign_target_cells.yaml").read_text(encoding="utf-8")
)["cases"]

# Cases the reader gets wrong, with the reason (filled in after the first run, never before).
KNOWN_MISSES: dict[str, str] = {}


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-9)


def mismatches(expected: dict[str, Any], got: DraftedTarget) -> list[str]:
    """The fields of ``expected`` that ``got`` does not have."""
    out = []
    for key, want in expected.items():
        if key == "unit":
            if canonical_unit(got.unit) != canonical_unit(str(want)):
                out.append(f"unit {got.unit!r} != {want!r}")
        elif key == "deadline":
            have = parse_period(got.deadline).end if got.deadline else None
            if have != parse_period(str(want)).end:
                out.append(f"deadline {got.deadline!r} != {want!r}")
        elif key == "baseline":
            value = got.baseline.value if got.baseline else None
            if not _close(value, want):
                out.append(f"baseline {value!r} != {want!r}")
        elif key in ("target", "ratio"):
            if not _close(getattr(got, key), want):
                out.append(f"{key} {getattr(got, key)!r} != {want!r}")
        elif getattr(got, key) != want:
            out.append(f"{key} {getattr(got, key)!r} != {want!r}")
    return out


def verdict(case: dict[str, Any]) -> list[str]:
    reading = read_targets(case["cell"])
    expected = case["expect"]
    if len(reading.targets) != len(expected):
        return [f"{len(reading.targets)} targets drafted, {len(expected)} expected"]
    problems = []
    for want, got in zip(expected, reading.targets, strict=True):
        problems += mismatches(want, got)
    if not expected and reading.targets:
        problems.append("a target drafted from a qualitative cell")
    return problems


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c, id=c["id"], marks=pytest.mark.xfail(reason=KNOWN_MISSES[c["id"]], strict=True)
        )
        if c["id"] in KNOWN_MISSES
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_foreign_cell_drafted_as_expected(case: dict[str, Any]) -> None:
    assert verdict(case) == []


def test_the_ten_cases_are_all_there() -> None:
    assert len(CASES) == 10
    assert len({c["id"] for c in CASES}) == 10
