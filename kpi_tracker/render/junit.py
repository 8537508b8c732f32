"""``--format junit``: one testsuite per section, one testcase per indicator.

``behind`` is a failure (the message says when it is overdue); ``not_measurable`` is skipped
with its reason; ``achieved`` and ``on_track`` pass. CI systems then show missed targets as
failed tests.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from ..scorecard import scorecard_dict
from ..vocabulary import Status
from .text import number, status_text


def render(card: Any, lang: str = "ja") -> str:
    data = scorecard_dict(card)
    measures = {m["no"]: m for m in data["measures"]}  # type: ignore[index]
    suites: dict[str, list[dict[str, Any]]] = {}
    for ind in data["indicators"]:  # type: ignore[union-attr]
        section = measures[ind["measure"]]["section"]
        suites.setdefault(section[0] if section else "—", []).append(ind)
    root = ET.Element("testsuites", name=str(data["report"]["title"]))  # type: ignore[index]
    for name, inds in suites.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=name,
            tests=str(len(inds)),
            failures=str(sum(i["status"] == Status.BEHIND for i in inds)),
            skipped=str(sum(i["status"] == Status.NOT_MEASURABLE for i in inds)),
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
            evidence = ind["evidence"] or {}
            detail = (
                f"actual={number(ind['actual'])}{ind['unit']} target={ind['comparator']} "
                f"{number(ind['target'])}{ind['unit']} deadline={ind['deadline']} "
                f"line={evidence.get('line')}\n{evidence.get('text') or ''}"
            )
            if ind["status"] == Status.BEHIND:
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{status_text(Status.BEHIND, ind['overdue'], lang)}: {ind['reason']}",
                    type="overdue" if ind["overdue"] else "behind",
                )
                failure.text = detail
            elif ind["status"] == Status.NOT_MEASURABLE:
                ET.SubElement(case, "skipped", message=str(ind["reason"]))
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"{status_text(ind['status'], False, lang)}: {ind['reason']}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
