"""Statuses and comparators: the one table each, and the comparisons the evaluation makes."""

from __future__ import annotations

import json

import pytest

from kpi_tracker.model import Comparator, Status


def test_status_is_its_string() -> None:
    # JSON, CSV and the store keep the plain value; a value read back compares with a member.
    assert json.dumps({"status": Status.ON_TRACK}) == '{"status": "on_track"}'
    assert Status("behind") is Status.BEHIND
    assert f"{Status.NOT_MEASURABLE}" == "not_measurable"


def test_status_order() -> None:
    # behind < on_track < achieved; not_measurable stands outside the order.
    ranked = sorted((s for s in Status if s.measurable), key=lambda s: s.rank or 0)
    assert ranked == [Status.BEHIND, Status.ON_TRACK, Status.ACHIEVED]
    assert Status.NOT_MEASURABLE.rank is None


@pytest.mark.parametrize(
    ("status", "ja", "mark"),
    [
        (Status.ACHIEVED, "達成", "✅"),
        (Status.ON_TRACK, "順調", "🔷"),
        (Status.BEHIND, "遅れ", "❌"),
        (Status.NOT_MEASURABLE, "測定不能", "⬜"),
    ],
)
def test_status_table(status: Status, ja: str, mark: str) -> None:
    assert (status.ja, status.mark) == (ja, mark)


@pytest.mark.parametrize(
    ("comparator", "ja", "lower_is_better"),
    [
        (Comparator.AT_LEAST, "以上", False),  # 100件以上
        (Comparator.MORE_THAN, "超", False),
        (Comparator.AT_MOST, "以下", True),
        (Comparator.LESS_THAN, "未満", True),
        (Comparator.INCREASE, "増加", False),  # 前回値より増加
        (Comparator.DECREASE, "減少", True),
        (Comparator.REDUCE_BY_RATIO, "以下", True),  # 半減: the halved baseline or less
    ],
)
def test_comparator_table(comparator: Comparator, ja: str, lower_is_better: bool) -> None:
    # The goal's own word is the same but for reduce_by_ratio (半減: a 削減, shown as 以下 after
    # the halved threshold).
    assert comparator.goal_ja == ("削減" if comparator is Comparator.REDUCE_BY_RATIO else ja)
    assert (comparator.ja, comparator.lower_is_better) == (ja, lower_is_better)
    assert comparator.sign == (-1 if lower_is_better else 1)


@pytest.mark.parametrize(
    ("comparator", "actual", "threshold", "tolerance", "strict", "met"),
    [
        (Comparator.AT_LEAST, 100, 100, 0.0, False, True),  # the target itself is met
        (Comparator.AT_LEAST, 99, 100, 0.0, False, False),
        (Comparator.AT_LEAST, 96, 100, 0.05, False, True),  # 100程度: within 5%
        (Comparator.MORE_THAN, 100, 100, 0.0, False, False),  # 超 excludes the bound
        (Comparator.AT_MOST, 104, 100, 0.05, False, True),
        (Comparator.AT_MOST, 106, 100, 0.05, False, False),
        (Comparator.LESS_THAN, 100, 100, 0.0, False, False),  # 未満 excludes the bound
        (Comparator.REDUCE_BY_RATIO, 50, 50, 0.0, False, True),  # exactly halved
        (Comparator.INCREASE, 10, 10, 0.0, True, False),  # no rise is no increase
        (Comparator.INCREASE, 10, 10, 0.0, False, True),  # by an amount: reaching it suffices
        (Comparator.DECREASE, 9, 10, 0.0, True, True),
        (Comparator.DECREASE, 10, 10, 0.0, True, False),
    ],
)
def test_meets(
    comparator: Comparator,
    actual: float,
    threshold: float,
    tolerance: float,
    strict: bool,
    met: bool,
) -> None:
    assert comparator.meets(actual, threshold, tolerance=tolerance, strict=strict) is met


def test_what_each_comparator_needs() -> None:
    # The bounds state a target; increase/decrease compare with a baseline or previous value.
    assert {c for c in Comparator if c.needs_target} == {">=", ">", "<=", "<"}
    assert {c for c in Comparator if c.against_reference} == {"increase", "decrease"}
