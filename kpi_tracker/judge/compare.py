"""Two scorecards → per-indicator changes (matched by rule id).

Each change carries two labels kept apart on purpose:

- ``change`` is the status transition (improved / regressed / unchanged / new / dropped);
- ``movement`` says what the value did: ``improved`` / ``worsened`` (moved toward / away from
  the target), ``met_now`` / ``missed_now`` (the target newly met / newly missed),
  ``deadline_passed`` (the status fell only because the deadline came: the value did not move
  away), ``unchanged``, ``new``, ``dropped``.

So 460 → 480 人 against ``>= 500`` whose deadline passed is a regressed status with a
``deadline_passed`` movement, not a worsening.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Comparator, Status
from ..shape import (
    CardData,
    ChangeData,
    CompareData,
    IndicatorData,
    JudgedData,
    ScorecardData,
    SideData,
    YearOverYearData,
)
from ..text.numfmt import plain_number
from ..text.units import in_unit
from .outcome import attainment_of

# Worst first: the order of reports and of the summary counts.
MOVEMENTS = (
    "missed_now",
    "worsened",
    "deadline_passed",
    "met_now",
    "improved",
    "new",
    "dropped",
    "unchanged",
)
REGRESSIONS = frozenset({"worsened", "missed_now"})  # what --fail-on regressed gates on
CHANGES = ("regressed", "improved", "new", "dropped", "unchanged")


@dataclass(frozen=True)
class Change:
    measure: int
    indicator: str
    label: str
    old: SideData | None
    new: SideData | None
    change: str  # the status transition: one of CHANGES
    delta: float | int | None
    direction: str | None  # toward / away / same: the value's move relative to the target
    delta_pct: float | None = None
    movement: str = "unchanged"  # one of MOVEMENTS


def _side(ind: JudgedData | None) -> SideData | None:
    if ind is None:
        return None
    return {
        "status": ind["status"],
        "overdue": ind["overdue"],
        "actual": ind["actual"],
        "target": ind["target"],
        "unit": ind["unit"],
        "period": ind["period"],
        "progress": ind["progress"],
        "attainment": attainment_of(ind["actual"], ind["target"], ind["comparator"]),
        "deadline": ind["deadline"],
    }


def status_change(old: JudgedData, new: JudgedData) -> str:
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


def value_delta(
    o: JudgedData, n: JudgedData
) -> tuple[float | int | None, float | None, str | None]:
    """``(delta, delta_pct, direction)`` of the actual value; Nones where a side has none."""
    after = n["actual"]
    before = None if o["actual"] is None else in_unit(o["actual"], o["unit"], n["unit"])
    if before is None or after is None:
        return None, None, None  # no value, or units that do not compare (人 → 件)
    raw = after - before
    delta = plain_number(raw)
    pct = round(raw / abs(before) * 100, 1) if before else None
    sign = Comparator(n["comparator"]).sign
    direction = "same" if delta == 0 else "toward" if raw * sign > 0 else "away"
    return delta, pct, direction


def movement(o: JudgedData, n: JudgedData, change: str, direction: str | None) -> str:
    """What the value did between two reports (see the module docstring)."""
    before, after = Status(o["status"]), Status(n["status"])
    if after is Status.ACHIEVED and before is not Status.ACHIEVED:
        return "met_now"
    if before is Status.ACHIEVED and after is Status.BEHIND:
        return "missed_now"
    # NOTE: a status that fell while the value held or moved toward the target fell because
    # the deadline came (on_track → behind overdue, behind → behind overdue).
    if (
        change == "regressed"
        and n["overdue"]
        and not o["overdue"]
        and direction in ("toward", "same")
    ):
        return "deadline_passed"
    if direction == "toward":
        return "improved"
    if direction == "away":
        return "worsened"
    return "unchanged"


def compare(old: CardData, new: CardData) -> list[Change]:
    """Changes between two scorecards (``scorecard_dict`` or ``store.stored_card`` shape), worst
    movement first."""
    old_inds: dict[str, JudgedData] = {i["id"]: i for i in old["indicators"]}
    new_inds: dict[str, JudgedData] = {i["id"]: i for i in new["indicators"]}
    ids = list(dict.fromkeys([*new_inds, *old_inds]))
    changes = []
    for ind_id in ids:
        o, n = old_inds.get(ind_id), new_inds.get(ind_id)
        ref = n or o
        assert ref is not None
        if o is None or n is None:
            kind = move = "new" if o is None else "dropped"
            delta = pct = direction = None
        else:
            kind = status_change(o, n)
            delta, pct, direction = value_delta(o, n)
            move = movement(o, n, kind, direction)
        changes.append(
            Change(
                ref["measure"],
                ind_id,
                ref["label"],
                _side(o),
                _side(n),
                kind,
                delta,
                direction,
                pct,
                move,
            )
        )
    order = {m: i for i, m in enumerate(MOVEMENTS)}
    return sorted(changes, key=lambda c: (order[c.movement], c.measure))


def attach_previous(data: ScorecardData, previous: CardData) -> None:
    """Give each indicator of a scorecard dict its value in an earlier report: ``previous``
    (``actual``, ``status``, ``overdue``, ``period``, ``progress``), ``movement``,
    ``direction``, ``delta`` and ``delta_pct``; and the counts in ``year_over_year``."""
    against = PreviousReport(previous)
    for ind in data["indicators"]:
        against.attach(ind)
    data["year_over_year"] = against.year_over_year()


class PreviousReport:
    """``attach_previous`` one indicator at a time, for a scorecard written as a stream:
    ``attach`` each indicator, then ``year_over_year`` gives the counts."""

    def __init__(self, previous: CardData) -> None:
        self.report = previous["report"]
        self.before: dict[str, JudgedData] = {i["id"]: i for i in previous["indicators"]}
        self.counts = dict.fromkeys(MOVEMENTS, 0)
        self.seen: set[str] = set()

    def attach(self, ind: IndicatorData) -> None:
        o = self.before.get(ind["id"])
        self.seen.add(ind["id"])
        if o is None:
            move = "new"
            _set_previous(ind, None, move, None, None, None)
        else:
            delta, pct, direction = value_delta(o, ind)
            move = movement(o, ind, status_change(o, ind), direction)
            _set_previous(ind, o, move, direction, delta, pct)
        self.counts[move] += 1

    def year_over_year(self) -> YearOverYearData:
        counts = dict(self.counts)
        counts["dropped"] = len(set(self.before) - self.seen)
        return {
            "previous": self.report,
            "movement": counts,
            "regressions": sum(counts[m] for m in REGRESSIONS),
        }


def _set_previous(
    ind: IndicatorData,
    o: JudgedData | None,
    move: str,
    direction: str | None,
    delta: float | None,
    pct: float | None,
) -> None:
    """The year-over-year fields of an indicator, in the order its JSON lists them."""
    ind["previous"] = (
        None
        if o is None
        else {
            "actual": o["actual"],
            "status": o["status"],
            "overdue": o["overdue"],
            "period": o["period"],
            "progress": o["progress"],
        }
    )
    ind["movement"] = move
    ind["direction"] = direction
    ind["delta"] = delta
    ind["delta_pct"] = pct


def is_changed(c: Change) -> bool:
    return c.change != "unchanged" or c.movement != "unchanged"


def compare_dict(old: CardData, new: CardData, *, only_changed: bool = False) -> CompareData:
    """The JSON shape of ``compare``: both reports, the counts, then each change (worst first).
    ``only_changed`` leaves out indicators whose status and value both stayed; the counts
    still count every indicator."""
    changes = compare(old, new)
    return {
        "old": old["report"],
        "new": new["report"],
        "summary": {
            "indicators": len(changes),
            "movement": {m: sum(1 for c in changes if c.movement == m) for m in MOVEMENTS},
            "change": {k: sum(1 for c in changes if c.change == k) for k in CHANGES},
            "regressions": sum(1 for c in changes if c.movement in REGRESSIONS),
        },
        "changes": [_change_data(c) for c in changes if not only_changed or is_changed(c)],
        "warnings": unit_warnings(old, new),
    }


def unit_warnings(old: CardData, new: CardData) -> list[str]:
    """Indicators whose unit changed between the reports into one that does not compare: their
    values are not compared (a 140万人 → 1,300,000人 change is converted)."""
    before = {i["id"]: i for i in old["indicators"]}
    out = []
    for n in new["indicators"]:
        o = before.get(n["id"])
        if o is None or o["actual"] is None or n["actual"] is None:
            continue
        if in_unit(o["actual"], o["unit"], n["unit"]) is None:
            out.append(
                f"施策{n['measure']} {n['id']}: the unit changed from {o['unit']} to {n['unit']}, "
                "which do not compare: its values are not compared"
            )
    return out


def _change_data(c: Change) -> ChangeData:
    return {
        "measure": c.measure,
        "indicator": c.indicator,
        "label": c.label,
        "old": c.old,
        "new": c.new,
        "change": c.change,
        "movement": c.movement,
        "delta": c.delta,
        "delta_pct": c.delta_pct,
        "direction": c.direction,
    }
