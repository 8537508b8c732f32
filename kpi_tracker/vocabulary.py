"""The words kpi-tracker judges with: statuses and comparators, each with its table.

Both are ``StrEnum``s: a member *is* its string (``Status.BEHIND == "behind"``), so JSON,
CSV, the store and rules files keep the plain values, and code that reads a status back from
JSON can compare it with a member directly. Everything said about a status or a comparator
anywhere else (Japanese names, order, symbols, which way is better, the wording of a target)
is read from the tables here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

__all__ = ["OVERDUE_JA", "Comparator", "Status"]


class Status(StrEnum):
    """An indicator's (or a measure's) verdict at the evaluation date."""

    ACHIEVED = "achieved"  # the latest value meets the target
    ON_TRACK = "on_track"  # not yet, but the trend reaches the target by the deadline
    BEHIND = "behind"  # neither (overdue when the deadline has passed)
    NOT_MEASURABLE = "not_measurable"  # no usable number, with the reason

    @property
    def ja(self) -> str:
        """The Japanese name (達成, 順調, 遅れ, 測定不能)."""
        return _STATUS_TABLE[self].ja

    @property
    def en(self) -> str:
        """The English name, as the ``--lang en`` renderings print it."""
        return _STATUS_TABLE[self].en

    @property
    def mark(self) -> str:
        """The symbol shown beside the name, so that no rendering relies on colour alone."""
        return _STATUS_TABLE[self].mark

    @property
    def rank(self) -> int | None:
        """behind < on_track < achieved; None for not_measurable, which is outside the order."""
        return _STATUS_TABLE[self].rank

    @property
    def measurable(self) -> bool:
        return self.rank is not None


class _StatusRow(NamedTuple):
    ja: str
    en: str
    mark: str
    rank: int | None


_STATUS_TABLE = {
    Status.ACHIEVED: _StatusRow("達成", "achieved", "✅", 2),
    Status.ON_TRACK: _StatusRow("順調", "on track", "🔷", 1),
    Status.BEHIND: _StatusRow("遅れ", "behind", "❌", 0),
    Status.NOT_MEASURABLE: _StatusRow("測定不能", "not measurable", "⬜", None),
}

OVERDUE_JA = "期限超過"  # said after 遅れ when the deadline has passed: 遅れ(期限超過)


class Comparator(StrEnum):
    """How a reported value is compared with its target (the ``comparator:`` of a rule)."""

    AT_LEAST = ">="  # target: the value reaches it (within ``tolerance``)
    MORE_THAN = ">"  # target: the value exceeds it
    AT_MOST = "<="  # target: the value stays at or under it (within ``tolerance``)
    LESS_THAN = "<"  # target: the value stays under it
    INCREASE = "increase"  # more than the baseline or the previous value (by ``by``/``by_ratio``)
    DECREASE = "decrease"  # less than the baseline or the previous value (by ``by``/``by_ratio``)
    REDUCE_BY_RATIO = "reduce_by_ratio"  # the baseline less ``ratio`` of it (半減: ratio 0.5)

    @property
    def ja(self) -> str:
        """The Japanese word written after the target (100件以上, 前回値より増加)."""
        return _COMPARATOR_TABLE[self].ja

    @property
    def goal_ja(self) -> str:
        """The goal in one word, with or without a number (以上, 増加, 削減 for 半減 and 1割減)."""
        return _COMPARATOR_TABLE[self].goal_ja

    @property
    def lower_is_better(self) -> bool:
        return _COMPARATOR_TABLE[self].lower_is_better

    @property
    def sign(self) -> int:
        """+1 where a higher value is better, -1 where a lower one is."""
        return -1 if self.lower_is_better else 1

    @property
    def needs_target(self) -> bool:
        """A bound (>=, >, <=, <): the rule states the target value itself."""
        return _COMPARATOR_TABLE[self].kind == "bound"

    @property
    def against_reference(self) -> bool:
        """increase/decrease: compared with the baseline or the previous value, not a target."""
        return _COMPARATOR_TABLE[self].kind == "reference"

    def meets(
        self, actual: float, threshold: float, *, tolerance: float = 0.0, strict: bool = False
    ) -> bool:
        """Whether ``actual`` meets ``threshold``.

        ``tolerance`` (程度/概ね) widens the inclusive bounds (>=, <=, reduce_by_ratio) by that
        share of the threshold. ``strict`` applies to increase/decrease only: with no amount
        (``by``/``by_ratio``) any rise (fall) counts, so equality does not.
        """
        if self is Comparator.AT_LEAST:
            return actual >= threshold * (1 - tolerance)
        if self is Comparator.MORE_THAN:
            return actual > threshold
        if self in (Comparator.AT_MOST, Comparator.REDUCE_BY_RATIO):
            return actual <= threshold * (1 + tolerance)
        if self is Comparator.LESS_THAN:
            return actual < threshold
        if self is Comparator.INCREASE:
            return actual > threshold if strict else actual >= threshold
        return actual < threshold if strict else actual <= threshold


class _ComparatorRow(NamedTuple):
    ja: str
    goal_ja: str
    lower_is_better: bool
    kind: str  # "bound" (a stated target), "reference" (vs. baseline/previous), "ratio"


_COMPARATOR_TABLE = {
    Comparator.AT_LEAST: _ComparatorRow("以上", "以上", False, "bound"),
    Comparator.MORE_THAN: _ComparatorRow("超", "超", False, "bound"),
    Comparator.AT_MOST: _ComparatorRow("以下", "以下", True, "bound"),
    Comparator.LESS_THAN: _ComparatorRow("未満", "未満", True, "bound"),
    Comparator.INCREASE: _ComparatorRow("増加", "増加", False, "reference"),
    Comparator.DECREASE: _ComparatorRow("減少", "減少", True, "reference"),
    # After a threshold, that threshold is the baseline already reduced (半減 → half of it),
    # so 以下; the goal itself is a 削減.
    Comparator.REDUCE_BY_RATIO: _ComparatorRow("以下", "削減", True, "ratio"),
}
