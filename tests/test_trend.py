"""The trend test: actual over required annual growth (Eurostat)."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_tracker.judge.trend import TrendPoint, growth_ratio

D = date


def points(*pairs: tuple[date, float]) -> list[TrendPoint]:
    return [TrendPoint(when, value, "document") for when, value in pairs]


RATIOS = [
    # (points, target, deadline, ratio)  # why
    # +10% a year, and +10% a year more reaches 121 in time: exactly on pace
    (points((D(2024, 3, 31), 100), (D(2025, 3, 31), 110)), 121, D(2026, 3, 31), 1.0),
    # half the growth needed: 100 → 105 where 100 → 121 needs +10% a year
    (points((D(2024, 3, 31), 100), (D(2025, 3, 31), 105)), 121, D(2026, 3, 31), 0.5),
    # a start at zero has no growth rate: the straight line, 10 a year where 10 a year is needed
    (points((D(2024, 3, 31), 0), (D(2025, 3, 31), 10)), 20, D(2026, 3, 31), 1.0),
]


@pytest.mark.parametrize(("pts", "target", "deadline", "ratio"), RATIOS)
def test_growth_ratio(pts: list[TrendPoint], target: float, deadline: date, ratio: float) -> None:
    assert growth_ratio(pts, target, deadline) == pytest.approx(ratio, abs=0.01)


NO_RATIO = [
    # (points, target, deadline)  # why
    (points((D(2025, 3, 31), 100)), 121, D(2026, 3, 31)),  # one point is no trend
    (points((D(2025, 3, 31), 100), (D(2025, 3, 31), 110)), 121, D(2026, 3, 31)),  # no time
    (points((D(2024, 3, 31), 100), (D(2025, 3, 31), 110)), 100, D(2026, 3, 31)),  # none needed
]


@pytest.mark.parametrize(("pts", "target", "deadline"), NO_RATIO)
def test_growth_ratio_not_applicable(pts: list[TrendPoint], target: float, deadline: date) -> None:
    assert growth_ratio(pts, target, deadline) is None
