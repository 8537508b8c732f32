"""Two scorecards → per-indicator changes (matched by rule id)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RANK = {"behind": 0, "on_track": 1, "achieved": 2}
_LOWER_IS_BETTER = {"<=", "<", "decrease", "reduce_by_ratio"}


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
            sign = -1 if ref["comparator"] in _LOWER_IS_BETTER else 1
            direction = "same" if delta == 0 else "toward" if delta * sign > 0 else "away"
        if o is None:
            kind = "new"
        elif n is None:
            kind = "dropped"
        elif o["status"] in RANK and n["status"] in RANK:
            diff = RANK[n["status"]] - RANK[o["status"]]
            if diff == 0 and o["status"] == "behind" and o["overdue"] != n["overdue"]:
                diff = -1 if n["overdue"] else 1
            kind = "improved" if diff > 0 else "regressed" if diff < 0 else "unchanged"
        elif n["status"] in RANK and o["status"] not in RANK:
            kind = "improved" if n["status"] != "behind" else "regressed"
        elif o["status"] in RANK and n["status"] not in RANK:
            kind = "regressed" if o["status"] != "behind" else "unchanged"
        else:
            kind = "unchanged"
        changes.append(
            Change(ref["measure"], ind_id, ref["label"], _side(o), _side(n), kind, delta, direction)
        )
    order = {"regressed": 0, "improved": 1, "new": 2, "dropped": 3, "unchanged": 4}
    return sorted(changes, key=lambda c: (order[c.change], c.measure))


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
