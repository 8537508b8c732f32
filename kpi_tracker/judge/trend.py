"""Trends: the earlier values of an indicator, and whether their growth reaches the target.

The trend test is Eurostat's for SDG indicators with a quantified target (also used by Open
SDG): the ratio of the actual compound annual growth rate since the first observation to the
rate required to reach the target by the deadline; ``ON_TRACK_RATIO`` or more is on track.
Where a value is zero or negative the growth rate is undefined and the straight-line projection
is used instead. Pure functions: no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import UnitError
from ..extract.candidates import Extraction
from ..model import AMBIGUITY_MARGIN, Indicator, Observation
from ..text.periods import one_year_before
from ..text.units import canonical_unit, convert

__all__ = [
    "ON_TRACK_RATIO",
    "TrendPoint",
    "earlier_points",
    "effective_end",
    "growth_ratio",
    "in_unit",
]

ON_TRACK_RATIO = 0.95
RATIO_CAP = 1000.0  # a growth ratio is reported up to this size


@dataclass(frozen=True, slots=True)
class TrendPoint:
    when: date
    value: float
    source: str  # "document", "change statement", "baseline", "history"
    unit: str | None = None  # an earlier report's unit as it writes it (万人); None: the rule's


def in_unit(value: float, unit: str | None, to: str | None) -> float | None:
    """A value written in one unit (a report's 万人) in another (人); None when they do not
    compare (人 and 件). NOTE: a sheet may change its unit between years (140万人, then
    1,300,000人): its values are compared only once converted."""
    if unit == to or not unit or not to:
        return value
    from ..text.units import unit_scale

    scale_from, counter_from = unit_scale(unit)
    scale_to, counter_to = unit_scale(to)
    if counter_from == counter_to:
        return value * scale_from / scale_to
    try:
        return (
            convert(value * scale_from, canonical_unit(counter_from), canonical_unit(counter_to))
            / scale_to
        )
    except UnitError:
        return None


def effective_end(obs: Observation, as_of: date) -> date:
    """When an observation stands. NOTE: a count taken 4月1日時点 describes the year just
    ended (Japanese statistics count stocks at the start of the fiscal year), so it stands at
    the previous day; a value with no period named stands at ``as_of``, and one stated as the
    previous value (前年の14.6%) a year before."""
    if obs.period is None:
        return one_year_before(as_of) if obs.previous else as_of
    p = obs.period
    if p.is_point and p.start.month == 4 and p.start.day == 1:
        return p.start - timedelta(days=1)
    return p.end


def earlier_points(
    eligible: list[tuple[Observation, float]],
    components: list[tuple[Observation, float]],
    current_end: date,
    as_of: date,
    extraction: Extraction,
    ind: Indicator,
    ends: dict[int, date] | None = None,
) -> list[TrendPoint]:
    """Earlier observations of the same value: a series in the text (with values stated as
    the previous one), or the change statements beside the current value (``components``,
    with their values in the indicator's unit) — of each of its parts when it is a sum
    (窓口・電話・メールの件数). ``ends``: ``effective_end`` of each observation by its ``id``,
    when the caller has worked them out."""
    at: dict[date, list[tuple[float, float]]] = {}
    for obs, value in eligible:
        when = ends[id(obs)] if ends is not None else effective_end(obs, as_of)
        if when < current_end and (obs.period is not None or obs.previous):
            scored = at.get(when)
            if scored is None:
                at[when] = [(obs.score, round(value, 9))]
            else:
                scored.append((obs.score, round(value, 9)))
    out = []
    for when in sorted(at):
        # An earlier value is taken where one scores clearly best, or all agree.
        scored = at[when]
        if len(scored) == 1:  # NOTE: most dates have one value (every row of a sheet)
            out.append(TrendPoint(when, scored[0][1], "document"))
            continue
        scored.sort(reverse=True)
        top_score, top_value = scored[0]
        if all(v == top_value or s < top_score - AMBIGUITY_MARGIN for s, v in scored[1:]):
            out.append(TrendPoint(when, top_value, "document"))
    if out:
        return out
    previous_parts = []
    for part, value in components:
        change = next((c for level, c in extraction.changes if level.start == part.start), None)
        previous = previous_from_change(value, change, ind) if change else None
        if previous is None:
            return out
        previous_parts.append(previous)
    return [TrendPoint(one_year_before(current_end), sum(previous_parts), "change statement")]


def previous_from_change(actual: float, change: Observation, ind: Indicator) -> float | None:
    if change.change == "percent":
        factor = 1 + change.value / 100
        return actual / factor if factor > 0 else None
    if change.change == "points":
        return actual - change.value if ind.pint_unit == "percent" else None
    if change.change == "delta" and change.unit is None:
        return actual - change.value  # 781自治体…、1年前から17増えた: the level's own unit
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
