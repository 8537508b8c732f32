"""Trends: the earlier values of an indicator, and whether their growth reaches the target.

The trend test is Eurostat's for SDG indicators with a quantified target (also used by Open
SDG): the ratio of the actual compound annual growth rate since the first observation to the
rate required to reach the target by the deadline; ``ON_TRACK_RATIO`` or more is on track.
Where a value is zero or negative the growth rate is undefined and the straight-line projection
is used instead. Pure functions: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .era import one_year_before
from .errors import UnitError
from .extract import Extraction, Observation
from .rules import Indicator
from .units import convert

__all__ = ["ON_TRACK_RATIO", "TrendPoint", "earlier_points", "effective_end", "growth_ratio"]

ON_TRACK_RATIO = 0.95


@dataclass(frozen=True, slots=True)
class TrendPoint:
    when: date
    value: float
    source: str  # "document", "change statement", "baseline", "history"


def effective_end(obs: Observation, as_of: date) -> date:
    """When an observation stands. NOTE: a count taken 4月1日時点 describes the year just
    ended (Japanese statistics count stocks at the start of the fiscal year), so it stands at
    the previous day; a value with no period named stands at ``as_of``."""
    if obs.period is None:
        return as_of
    p = obs.period
    if p.is_point and p.start.month == 4 and p.start.day == 1:
        return p.start - timedelta(days=1)
    return p.end


def earlier_points(
    eligible: list[tuple[Observation, float]],
    current: Observation,
    current_end: date,
    as_of: date,
    actual: float,
    extraction: Extraction,
    ind: Indicator,
) -> list[TrendPoint]:
    """Earlier observations of the same value: a series in the text, or a change statement."""
    points: dict[date, set[float]] = {}
    for obs, value in eligible:
        when = effective_end(obs, as_of)
        if when < current_end and obs.period is not None:
            points.setdefault(when, set()).add(round(value, 9))
    out = [
        TrendPoint(when, vals.pop(), "document") for when, vals in points.items() if len(vals) == 1
    ]
    if not out and current.period is not None:
        for level, change in extraction.changes:
            if level.start != current.start:
                continue
            previous = previous_from_change(actual, change, ind)
            if previous is not None:
                when = one_year_before(current_end)
                out.append(TrendPoint(when, previous, "change statement"))
                break
    return out


def previous_from_change(actual: float, change: Observation, ind: Indicator) -> float | None:
    if change.change == "percent":
        factor = 1 + change.value / 100
        return actual / factor if factor > 0 else None
    if change.change == "points":
        return actual - change.value if ind.pint_unit == "percent" else None
    if change.change == "delta" and change.unit is not None:
        try:
            return actual - convert(change.value, change.unit, ind.pint_unit)
        except UnitError:
            return None
    return None


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
    if first.value > 0 and last.value > 0 and target > 0:
        actual_rate = (last.value / first.value) ** (1 / elapsed) - 1
        required = (target / first.value) ** (1 / horizon) - 1
    else:
        actual_rate = (last.value - first.value) / elapsed
        required = (target - first.value) / horizon
    if required == 0:
        return None
    return actual_rate / required
