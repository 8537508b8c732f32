"""Trends: the earlier values of an indicator, and whether their growth reaches the target.

The trend test is Eurostat's for SDG indicators with a quantified target (also used by Open
SDG): the ratio of the actual compound annual growth rate since the first observation to the
rate required to reach the target by the deadline; ``ON_TRACK_RATIO`` or more is on track.
Where a value is zero or negative the growth rate is undefined and the straight-line projection
is used instead. Pure functions: no I/O.
"""

from __future__ import annotations

import math
from datetime import date

from ..model import TrendPoint

__all__ = [
    "ON_TRACK_RATIO",
    "TrendPoint",
    "growth_ratio",
]

ON_TRACK_RATIO = 0.95
RATIO_CAP = 1000.0  # a growth ratio is reported up to this size


def _years(a: date, b: date) -> float:
    return (b - a).days / 365.25


def growth_ratio(points: list[TrendPoint], target: float, deadline: date) -> float | None:
    """Actual over required annual growth (Eurostat); None with fewer than two points."""
    if len(points) < 2:
        return None
    first, last = points[0], points[-1]
    elapsed = _years(first.when, last.when)
    horizon = _years(first.when, deadline)
    if elapsed <= 0 or horizon <= 0:
        return None
    actual_rate: float
    required: float
    if first.value > 0 and last.value > 0 and target > 0:
        actual_rate = _annual_rate(last.value / first.value, elapsed)
        required = _annual_rate(target / first.value, horizon)
    else:
        actual_rate = (last.value - first.value) / elapsed
        required = (target - first.value) / horizon
    if required == 0 or math.isnan(actual_rate / required):
        return None
    # NOTE: two observations a day apart make a yearly rate of astronomic size; the ratio is
    # bounded so that it stays a number a reader (and JSON) can take.
    return max(-RATIO_CAP, min(RATIO_CAP, actual_rate / required))


def _annual_rate(growth: float, years: float) -> float:
    """The compound annual rate of a growth factor over ``years`` (inf when it overflows)."""
    try:
        return float(growth ** (1 / years) - 1)
    except OverflowError:
        return math.inf
