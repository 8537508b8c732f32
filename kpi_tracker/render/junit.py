"""``--format junit``: one testsuite per section, one testcase per indicator.

The failures are the gate's (``baseline.gate``: the same ``--fail-on`` and accepted misses as
``check``), so a CI system shows exactly the targets that fail the build as failed tests. A
missed target the gate does not fail on (accepted in the baseline, or behind but not overdue
under ``--fail-on overdue``) is skipped with why; ``not_measurable`` is skipped with its
reason; ``achieved`` and ``on_track`` pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree as ET

from ..judge.baseline import Gate, gate
from ..judge.scorecard import MeasureOutcome, Scorecard, indicator_entry, report_dict
from ..model import Status
from ..shape import IndicatorData
from .gate import not_failing_because, regression_text
from .text import number, status_text
from .wording import wording


def render(card: Scorecard, lang: str = "ja", verdict: Gate | None = None) -> str:
    return "".join(stream(card, lang, verdict))


def stream(card: Scorecard, lang: str = "ja", verdict: Gate | None = None) -> Iterator[str]:
    """The document a testcase at a time: ElementTree makes each testcase (indented at its
    depth) between the suites' own tags, instead of one tree of every indicator; an
    indicator's dict is made when its testcase is written."""
    verdict = verdict or gate(card, "behind")
    # The detail lines are for machines too: dates stay ISO.
    say = wording(lang, "iso").reason
    suites: dict[str, list[MeasureOutcome]] = {}
    for m in card.measures:
        if m.outcomes:
            section = m.measure.section
            suites.setdefault(section[0] if section else "—", []).append(m)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    root = ET.Element("testsuites", name=str(report_dict(card)["title"]))
    if not suites:
        yield ET.tostring(root, encoding="unicode") + "\n"
        return
    yield _start_tag(root) + "\n"
    for name, measures in suites.items():
        outcomes = [o for m in measures for o in m.outcomes]
        failed = [verdict.failure_of(o.indicator.id) is not None for o in outcomes]
        skipped = sum(
            o.status is Status.NOT_MEASURABLE or (o.status is Status.BEHIND and not f)
            for o, f in zip(outcomes, failed, strict=True)
        )
        suite = ET.Element(
            "testsuite",
            name=name,
            tests=str(len(outcomes)),
            failures=str(sum(failed)),
            skipped=str(skipped),
            errors="0",
        )
        del outcomes, failed
        yield "  " + _start_tag(suite) + "\n"
        for m in measures:
            pieces = []
            for o in m.outcomes:
                case = _testcase(indicator_entry(card, m, o, say), m.measure.name, verdict, lang)
                ET.indent(case, level=2)
                pieces.append("    " + ET.tostring(case, encoding="unicode") + "\n")
            yield "".join(pieces)
        yield "  </testsuite>\n"
    yield "</testsuites>\n"


def _start_tag(element: ET.Element) -> str:
    """An element's start tag as ElementTree writes it."""
    whole = ET.tostring(element, encoding="unicode", short_empty_elements=False)
    return whole[: -len(f"</{element.tag}>")]


def _testcase(ind: IndicatorData, measure_name: str, verdict: Gate, lang: str) -> ET.Element:
    case = ET.Element(
        "testcase",
        classname=f"施策{ind['measure']}.{measure_name}",
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
    return case
