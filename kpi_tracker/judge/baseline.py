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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KpiTrackerError, Location
from ..model import Comparator
from ..text.numfmt import plain_number
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
        return next((f for f in self.failures if f.outcome.indicator.id == indicator_id), None)

    def accepted_of(self, indicator_id: str) -> Accepted | None:
        return next((a for o, a in self.accepted if o.indicator.id == indicator_id), None)


def gate(card: Scorecard, fail_on: str, baseline: Baseline | None = None) -> Gate:
    """Which flagged indicators fail the gate, given the accepted misses of ``baseline``."""
    flagged = card.flagged(fail_on)
    if baseline is None:
        return Gate(fail_on, tuple(Failure(o, "new") for o in flagged), (), ())
    failures: list[Failure] = []
    accepted: list[tuple[Outcome, Accepted]] = []
    for o in flagged:
        was = baseline.accepted.get(o.indicator.id)
        why = "new" if was is None else _regression(o, was)
        if why is None:
            accepted.append((o, was))  # type: ignore[arg-type]
        else:
            failures.append(Failure(o, why, was))
    still = {o.indicator.id for o in flagged}
    resolved = tuple(sorted(i for i in baseline.accepted if i not in still))
    warnings = []
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
    accepted = {}
    for key, entry in entries.items():
        try:
            actual = entry["actual"]
            accepted[key] = Accepted(
                key,
                int(entry["measure"]),
                str(entry["status"]),
                bool(entry["overdue"]),
                None if actual is None else float(actual),
            )
        except (TypeError, KeyError, ValueError) as exc:
            raise BaselineError(f"accepted.{key}: bad or missing field {exc}", where) from None
    report = data.get("report")
    if not isinstance(report, dict):
        report = {}
    return Baseline(str(path), report, str(data.get("fail_on", "")), accepted)
