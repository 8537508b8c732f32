"""達成率 (attainment): the actual over the target, the target over the actual where lower is
better. Read from the indicator dict when the judging stage wrote it (``attainment``), else
worked out here from ``actual``, ``target`` and ``comparator``; ``None`` where undefined."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Comparator


def attainment(ind: Mapping[str, Any]) -> float | None:
    if "attainment" in ind:
        value = ind["attainment"]
        return None if value is None else float(value)
    actual, target = ind.get("actual"), ind.get("target")
    if actual is None or target is None:
        return None
    try:
        lower = Comparator(ind["comparator"]).lower_is_better
    except (KeyError, ValueError):
        return None
    numerator, denominator = (float(target), float(actual)) if lower else (actual, target)
    if not denominator:
        return None
    return round(float(numerator) / float(denominator), 3)
