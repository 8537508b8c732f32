"""``--format junit``: one testsuite per section, one testcase per indicator.

The failures are the gate's (``baseline.gate``: the same ``--fail-on`` and accepted misses as
``check``), so a CI system shows exactly the targets that fail the build as failed tests. A
missed target the gate does not fail on (accepted in the baseline, or behind but not overdue
under ``--fail-on overdue``) is skipped with why; ``not_measurable`` is skipped with its
reason; ``achieved`` and ``on_track`` pass.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..judge.baseline import Gate, gate
from ..judge.scorecard import Scorecard, scorecard_dict
from ..model import Status
from ..shape import IndicatorData
from .gate import not_failing_because, regression_text
from .text import number, status_text
from .wording import wording


def render(card: Scorecard, lang: str = "ja", verdict: Gate | None = None) -> str:
    verdict = verdict or gate(card, "behind")
    # The detail lines are for machines too: dates stay ISO.
    data = scorecard_dict(card, wording(lang, "iso").reason)
    measures = {m["no"]: m for m in data["measures"]}
    suites: dict[str, list[IndicatorData]] = {}
    for ind in data["indicators"]:
        section = measures[ind["measure"]]["section"]
        suites.setdefault(section[0] if section else "—", []).append(ind)
    root = ET.Element("testsuites", name=str(data["report"]["title"]))
    for name, inds in suites.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=name,
            tests=str(len(inds)),
            failures=str(sum(verdict.failure_of(i["id"]) is not None for i in inds)),
            skipped=str(sum(_skipped(i, verdict) for i in inds)),
            errors="0",
        )
        for ind in inds:
            m = measures[ind["measure"]]
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"施策{ind['measure']}.{m['name']}",
                name=f"{ind['id']}: {ind['label']}",
            )
            evidence = ind["evidence"]
            detail = (
                f"actual={number(ind['actual'])}{ind['unit']} target={ind['comparator']} "
                f"{number(ind['target'])}{ind['unit']} deadline={ind['deadline']} "
                f"line={evidence['line'] if evidence else None}\n"
                f"{evidence['text'] if evidence else ''}"
            )
            failed = verdict.failure_of(ind["id"])
            if failed is not None:
                why = regression_text(failed, lang)
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{status_text(Status.BEHIND, ind['overdue'], lang)}: "
                    + (f"{why}: " if why else "")
                    + str(ind["reason"]),
                    type="overdue" if ind["overdue"] else "behind",
                )
                failure.text = detail
            elif ind["status"] == Status.BEHIND:
                because = not_failing_because(ind["id"], verdict, lang)
                ET.SubElement(case, "skipped", message=f"{because}: {ind['reason']}")
            elif ind["status"] == Status.NOT_MEASURABLE:
                ET.SubElement(case, "skipped", message=str(ind["reason"]))
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"{status_text(ind['status'], False, lang)}: {ind['reason']}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _skipped(ind: IndicatorData, verdict: Gate) -> bool:
    """Not measurable, or missed but not failed by the gate."""
    if ind["status"] == Status.NOT_MEASURABLE:
        return True
    return ind["status"] == Status.BEHIND and verdict.failure_of(ind["id"]) is None
