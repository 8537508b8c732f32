"""Accepted misses (a baseline), as ruff's and mypy's baselines and Soda's warn-vs-fail do.

``check --update-baseline`` records the indicators the gate fails on today, with their status
and value, in ``.kpi-baseline.json``. With a baseline, the gate fails only on

- a **new** miss: an indicator the gate flags that the baseline does not hold;
- a **regression**: an accepted indicator whose status worsened (behind → overdue) or whose
  value moved away from its target (fell for a target to reach, rose for one to stay under).

The other accepted misses are reported, not failed. ``gate`` is the one judgement; ``check``,
JUnit and the GitHub annotations all read it, so their failures agree.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import KpiTrackerError, Location
from ..model import Comparator, Status
from ..text.numfmt import plain_number
from ..text.units import in_unit
from .outcome import Outcome
from .scorecard import Say, Scorecard

__all__ = [
    "DEFAULT_BASELINE",
    "Accepted",
    "Baseline",
    "BaselineError",
    "Failure",
    "Gate",
    "baseline_json",
    "gate",
    "read_baseline",
]

DEFAULT_BASELINE = ".kpi-baseline.json"
FORMAT_VERSION = 1


class BaselineError(KpiTrackerError, ValueError):
    """A baseline file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Accepted:
    """One accepted miss as recorded."""

    id: str
    measure: int
    status: str
    overdue: bool
    actual: float | None
    unit: str | None = field(default=None, compare=False)  # as the report wrote it


@dataclass(frozen=True)
class Baseline:
    path: str
    report: dict[str, Any]
    fail_on: str
    accepted: dict[str, Accepted]


@dataclass(frozen=True, slots=True)
class Failure:
    """An indicator that fails the gate, and why: ``new``, ``worsened`` (status) or
    ``moved_away`` (value), with the accepted record for the last two."""

    outcome: Outcome
    why: str
    was: Accepted | None = None


@dataclass(frozen=True)
class Gate:
    """The verdict of the CI gate on one scorecard."""

    fail_on: str
    failures: tuple[Failure, ...]
    accepted: tuple[tuple[Outcome, Accepted], ...]  # flagged, but accepted as they were
    resolved: tuple[str, ...]  # accepted ids the gate no longer flags
    baseline: str | None = None  # its path, when one was used
    warnings: tuple[str, ...] = ()

    def failed(self) -> bool:
        return bool(self.failures)

    def failure_of(self, indicator_id: str) -> Failure | None:
        return self._failures_by_id().get(indicator_id)

    def accepted_of(self, indicator_id: str) -> Accepted | None:
        return self._accepted_by_id().get(indicator_id)

    # NOTE: looked up once per indicator by the renderers: an index, not a scan (a scan per
    # indicator made a 30,000-indicator JUnit report quadratic)
    def _failures_by_id(self) -> dict[str, Failure]:
        index = self.__dict__.get("_failures_index")
        if index is None:
            index = {}
            for f in self.failures:
                index.setdefault(f.outcome.indicator.id, f)
            object.__setattr__(self, "_failures_index", index)
        return index

    def _accepted_by_id(self) -> dict[str, Accepted]:
        index = self.__dict__.get("_accepted_index")
        if index is None:
            index = {}
            for o, a in self.accepted:
                index.setdefault(o.indicator.id, a)
            object.__setattr__(self, "_accepted_index", index)
        return index


def gate(card: Scorecard, fail_on: str, baseline: Baseline | None = None) -> Gate:
    """Which flagged indicators fail the gate, given the accepted misses of ``baseline``.

    A gate that evaluated nothing for a document that states targets is an error, not a pass:
    its rules cover none of them (a rules file for another plan was chosen)."""
    if not card.indicators and fail_on != "none":
        targets = sum(1 for m in card.document.measures if m.target_text.strip())
        if targets:
            raise KpiTrackerError(
                f"0 indicators evaluated, but {targets} measures of the document state "
                f"targets: the rules {card.rules_path} cover none of them; give --rules PATH",
                Location(card.document.source),
            )
    flagged = card.flagged(fail_on)
    if baseline is None:
        return Gate(fail_on, tuple(Failure(o, "new") for o in flagged), (), ())
    failures: list[Failure] = []
    accepted: list[tuple[Outcome, Accepted]] = []
    warnings = []
    for o in flagged:
        was = baseline.accepted.get(o.indicator.id)
        if was is not None and was.actual is not None and was.unit != o.indicator.unit:
            # NOTE: the report changed its unit since (140万人, then 1,300,000人): compare
            # the accepted value in today's unit, or not at all.
            value = in_unit(was.actual, was.unit, o.indicator.unit)
            if value is None:
                warnings.append(
                    f"{baseline.path}: accepted.{was.id}: its unit {was.unit} does not compare "
                    f"with today's {o.indicator.unit}; its value is not compared"
                )
            was = replace(was, actual=value, unit=o.indicator.unit)
        why = "new" if was is None else _regression(o, was)
        if why is None:
            accepted.append((o, was))  # type: ignore[arg-type]
        else:
            failures.append(Failure(o, why, was))
    # NOTE: an accepted miss is resolved only when it is no longer missed at all: one that is
    # still behind but not flagged by this --fail-on (overdue) must not be advised away.
    still = {o.indicator.id for o in card.indicators if o.status is Status.BEHIND}
    resolved = tuple(sorted(i for i in baseline.accepted if i not in still))
    plan = baseline.report.get("plan")
    if plan and plan != card.document.plan:
        warnings.append(
            f"{baseline.path}: the baseline is for 「{plan}」, the document is "
            f"「{card.document.plan}」"
        )
    return Gate(fail_on, tuple(failures), tuple(accepted), resolved, baseline.path, tuple(warnings))


def _regression(o: Outcome, was: Accepted) -> str | None:
    """``worsened``, ``moved_away`` or None (as accepted, or better)."""
    if o.overdue and not was.overdue:
        return "worsened"
    if o.actual is not None and was.actual is not None:
        # NOTE: the baseline keeps the value as JSON does (plain_number: 4 decimals), so the
        # same document must compare equal to it.
        now = plain_number(o.actual)
        sign = Comparator(o.indicator.comparator).sign
        if now is not None and sign * (now - was.actual) < 0:
            return "moved_away"
    return None


def baseline_json(card: Scorecard, fail_on: str, say: Say) -> str:
    """The baseline that accepts every indicator the gate flags today (``say``: how its
    reasons are worded, for the reader of the file)."""
    report = card.document.report_dict()
    report["as_of"] = card.as_of.isoformat()
    data = {
        "kpi_tracker_baseline": FORMAT_VERSION,
        "report": report,
        "fail_on": fail_on,
        "accepted": {
            o.indicator.id: {
                "measure": o.measure_no,
                "status": str(o.status),
                "overdue": o.overdue,
                "actual": plain_number(o.actual),
                "unit": o.indicator.unit,
                "reason": say(o.why),
            }
            for o in sorted(card.flagged(fail_on), key=lambda o: (o.measure_no, o.indicator.id))
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_STATUSES = frozenset(str(s) for s in Status)


def _accepted(key: str, entry: object, where: Location) -> Accepted:
    """One accepted miss, each field of the type the baseline writes: a hand edit that is not
    (``"false"``, ``"NaN"``, ``1e400``) is an error, never read as something else."""
    if not isinstance(entry, dict):
        raise BaselineError(f"accepted.{key}: must be an object", where)
    for name in ("actual", "measure", "status", "overdue"):
        if name not in entry:
            raise BaselineError(f"accepted.{key}: bad or missing field {name!r}", where)

    def bad(name: str, what: str) -> BaselineError:
        shown = json.dumps(entry[name], ensure_ascii=False)[:40]
        return BaselineError(f"accepted.{key}.{name}: must be {what}, not {shown}", where)

    actual, measure, status, overdue = (
        entry[n] for n in ("actual", "measure", "status", "overdue")
    )
    if actual is not None and (
        isinstance(actual, bool)
        or not isinstance(actual, (int, float))
        or not math.isfinite(actual)
    ):
        raise bad("actual", "a finite number or null")
    if isinstance(measure, bool) or not isinstance(measure, int):
        raise bad("measure", "an integer (施策No.)")
    if status not in _STATUSES:
        raise bad("status", "one of " + ", ".join(sorted(_STATUSES)))
    if not isinstance(overdue, bool):
        raise bad("overdue", "true or false")
    unit = entry.get("unit")
    if unit is not None and not isinstance(unit, str):
        raise bad("unit", "a unit as the report writes it, or null")
    return Accepted(key, measure, status, overdue, None if actual is None else float(actual), unit)


def read_baseline(path: str | Path) -> Baseline:
    """A baseline file, checked: every problem names the file and the key."""
    where = Location(str(path))
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read: {exc.strerror or exc}", where) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"not a baseline (JSON): {exc}", where) from None
    if not isinstance(data, dict) or data.get("kpi_tracker_baseline") != FORMAT_VERSION:
        raise BaselineError(
            f"not a kpi-tracker baseline (version {FORMAT_VERSION}); write one with "
            "check --update-baseline",
            where,
        )
    entries = data.get("accepted")
    if not isinstance(entries, dict):
        raise BaselineError("accepted: must be an object of indicator ids", where)
    accepted = {key: _accepted(key, entry, where) for key, entry in entries.items()}
    report = data.get("report")
    if not isinstance(report, dict):
        report = {}
    return Baseline(str(path), report, str(data.get("fail_on", "")), accepted)
