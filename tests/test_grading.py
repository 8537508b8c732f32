"""A measure's status and grade (五段階) from the outcomes of its indicators."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_tracker.extract.candidates import extract
from kpi_tracker.judge.grading import GRADES, measure_grade, measure_status
from kpi_tracker.judge.outcome import Outcome, evaluate_indicator
from kpi_tracker.model import Status

from .helpers import indicator

AS_OF = date(2026, 3, 31)


def outcome(text: str, **fields: object) -> Outcome:
    """The outcome of one indicator (件数 of at least 100件 unless ``fields`` say otherwise)."""
    rule = indicator(**fields)
    return evaluate_indicator(rule, 1, extract(rule, text), AS_OF)


def counted(n: float) -> Outcome:
    return outcome(f"令和7年度の件数は{n:g}件。")


SHARE = {"comparator": "<=", "target": 20, "unit": "%", "find": {"label": ["割合"]}}

GRADE_CASES = [
    # (outcomes, grade)  # why
    ([counted(130)], "目標超過達成"),  # 130 of 100: 1.3 ≥ 1.2
    ([counted(130), counted(100)], "目標達成"),  # all met, but not every one by 20%
    ([counted(100)], "目標達成"),
    ([counted(130), counted(95)], "相当程度進展あり"),  # the one missed is at 95%
    ([outcome("令和7年度の割合は22%。", **SHARE)], "相当程度進展あり"),  # ≤ 20%: 20/22 = 0.91
    ([counted(60)], "進展が大きくない"),  # 60%: ≥ 0.5 but < 0.9
    ([counted(95), counted(60)], "進展が大きくない"),  # the worst missed one decides
    ([counted(30)], "目標に向かっていない"),  # 30%
    ([counted(30), outcome("件数の記述なし。")], "目標に向かっていない"),  # unmeasurable: left out
    ([outcome("件数の記述なし。")], None),  # nothing measurable: no grade
]


@pytest.mark.parametrize(("outcomes", "grade"), GRADE_CASES)
def test_measure_grade(outcomes: list[Outcome], grade: str | None) -> None:
    assert measure_grade(outcomes) == grade


def test_every_grade_is_reached() -> None:
    assert {g for _, g in GRADE_CASES} - {None} == set(GRADES)


STATUS_CASES = [
    # (outcomes, status)  # why
    ([counted(130), counted(60)], Status.BEHIND),  # the worst measurable indicator
    ([counted(130), outcome("件数の記述なし。")], Status.ACHIEVED),  # unmeasurable: left out
    ([outcome("件数の記述なし。")], Status.NOT_MEASURABLE),
    ([], Status.NOT_MEASURABLE),  # a measure without indicators
]


@pytest.mark.parametrize(("outcomes", "status"), STATUS_CASES)
def test_measure_status(outcomes: list[Outcome], status: Status) -> None:
    assert measure_status(outcomes) is status
