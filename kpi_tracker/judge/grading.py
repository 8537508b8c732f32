"""A measure's verdict from its indicators: its status and its grade (五段階). No I/O."""

from __future__ import annotations

from ..model import Status
from .outcome import Outcome

__all__ = ["GRADES", "measure_grade", "measure_status"]


def measure_status(outcomes: list[Outcome]) -> Status:
    """The worst of the measurable indicators, or not_measurable when none is measurable."""
    measurable = [o.status for o in outcomes if o.status.measurable]
    if not measurable:
        return Status.NOT_MEASURABLE
    return min(measurable, key=lambda s: s.rank or 0)


# 総務省「目標管理型の政策評価の実施に関するガイドライン」の五段階. Thresholds are ours and
# documented in the README: attainment is actual/target (target/actual for ≤ targets).
GRADES = (
    "目標超過達成",
    "目標達成",
    "相当程度進展あり",
    "進展が大きくない",
    "目標に向かっていない",
)


def _attainment(o: Outcome) -> float | None:
    if o.actual is None or o.target is None or o.target == 0 or o.actual == 0:
        return None
    if o.indicator.comparator.lower_is_better:
        return o.target / o.actual
    return o.actual / o.target


def measure_grade(outcomes: list[Outcome]) -> str | None:
    measurable = [o for o in outcomes if o.status.measurable]
    if not measurable:
        return None
    att = [_attainment(o) for o in measurable]
    if all(o.status is Status.ACHIEVED for o in measurable):
        if all(a is not None and a >= 1.2 for a in att):
            return GRADES[0]
        return GRADES[1]
    missed = [
        (o, a) for o, a in zip(measurable, att, strict=True) if o.status is not Status.ACHIEVED
    ]
    if all(o.status is Status.ON_TRACK or (a is not None and a >= 0.9) for o, a in missed):
        return GRADES[2]
    if all(o.status is Status.ON_TRACK or (a is not None and a >= 0.5) for o, a in missed):
        return GRADES[3]
    return GRADES[4]
