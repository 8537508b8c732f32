"""Two scorecards → per-indicator changes (matched by rule id)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocabulary import Comparator, Status


@dataclass(frozen=True)
class Change:
    measure: int
    indicator: str
    label: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    change: str  # improved / regressed / unchanged / new / dropped
    delta: float | None
    direction: str | None  # toward / away / same: the value's move relative to the target


def _side(ind: dict[str, Any] | None) -> dict[str, Any] | None:
    if ind is None:
        return None
    return {
        "status": ind["status"],
        "overdue": ind["overdue"],
        "actual": ind["actual"],
        "target": ind["target"],
        "unit": ind["unit"],
        "period": ind["period"],
    }


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Changes between two scorecard dicts (``scorecard_dict`` shape)."""
    old_inds = {i["id"]: i for i in old["indicators"]}
    new_inds = {i["id"]: i for i in new["indicators"]}
    ids = list(dict.fromkeys([*new_inds, *old_inds]))
    changes = []
    for ind_id in ids:
        o, n = old_inds.get(ind_id), new_inds.get(ind_id)
        ref = n or o
        assert ref is not None
        delta = direction = None
        if o and n and o["actual"] is not None and n["actual"] is not None:
            delta = n["actual"] - o["actual"]
            sign = Comparator(ref["comparator"]).sign
            direction = "same" if delta == 0 else "toward" if delta * sign > 0 else "away"
        if o is None:
            kind = "new"
        elif n is None:
            kind = "dropped"
        else:
            kind = _status_change(o, n)
        changes.append(
            Change(ref["measure"], ind_id, ref["label"], _side(o), _side(n), kind, delta, direction)
        )
    order = {"regressed": 0, "improved": 1, "new": 2, "dropped": 3, "unchanged": 4}
    return sorted(changes, key=lambda c: (order[c.change], c.measure))


def _status_change(old: dict[str, Any], new: dict[str, Any]) -> str:
    """improved / regressed / unchanged, by the status order (behind < on_track < achieved);
    overdue is worse than behind; gaining a measurable status is an improvement unless it is
    behind, losing one a regression unless it was behind."""
    before, after = Status(old["status"]), Status(new["status"])
    if before.rank is not None and after.rank is not None:
        diff = after.rank - before.rank
        if diff == 0 and before is Status.BEHIND and old["overdue"] != new["overdue"]:
            diff = -1 if new["overdue"] else 1
        return "improved" if diff > 0 else "regressed" if diff < 0 else "unchanged"
    if after.measurable and not before.measurable:
        return "improved" if after is not Status.BEHIND else "regressed"
    if before.measurable and not after.measurable:
        return "regressed" if before is not Status.BEHIND else "unchanged"
    return "unchanged"


def compare_dict(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {
        "old": old["report"],
        "new": new["report"],
        "changes": [
            {
                "measure": c.measure,
                "indicator": c.indicator,
                "label": c.label,
                "old": c.old,
                "new": c.new,
                "change": c.change,
                "delta": c.delta,
                "direction": c.direction,
            }
            for c in compare(old, new)
        ],
    }
