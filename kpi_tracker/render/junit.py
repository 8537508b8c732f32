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
from ..judge.scorecard import MeasureOutcome, Scorecard, indicator_entry
from ..model import Status
from ..shape import IndicatorData
from .gate import not_failing_because, regression_text
from .text import number, status_text


def stream(card: Scorecard, lang: str = "ja", verdict: Gate | None = None) -> Iterator[str]:
    """``render`` a testcase at a time: the same document, made by ElementTree one testcase
    at a time (indented at its depth) between the suites' own tags, instead of one tree of
    every indicator."""
    verdict = verdict or gate(card, "behind")
    suites: dict[str, list[MeasureOutcome]] = {}
    for m in card.measures:
        if m.outcomes:
            section = m.measure.section
            suites.setdefault(section[0] if section else "—", []).append(m)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    root = ET.Element("testsuites", name=str(card.document.title))
    if not suites:
        yield ET.tostring(root, encoding="unicode") + "\n"
        return
    yield _start_tag(root) + "\n"
    for name, measures in suites.items():
        outcomes = [o for m in measures for o in m.outcomes]
        failures = sum(verdict.failure_of(o.indicator.id) is not None for o in outcomes)
        skipped = sum(
            o.status is Status.NOT_MEASURABLE
            or (o.status is Status.BEHIND and verdict.failure_of(o.indicator.id) is None)
            for o in outcomes
        )
        suite = ET.Element(
            "testsuite",
            name=name,
            tests=str(len(outcomes)),
            failures=str(failures),
            skipped=str(skipped),
            errors="0",
        )
        yield "  " + _start_tag(suite) + "\n"
        for m in measures:
            for o in m.outcomes:
                ind = indicator_entry(card, m, o)
                case = _testcase(ind, m.measure.name, verdict, lang)
                ET.indent(case, level=2)
                yield "    " + ET.tostring(case, encoding="unicode") + "\n"
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
    _outcome_of(case, ind, verdict, lang)
    return case


def _outcome_of(case: ET.Element, ind: IndicatorData, verdict: Gate, lang: str) -> None:
    """The testcase's one child: failure, skipped or system-out."""
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


def render(card: Scorecard, lang: str = "ja", verdict: Gate | None = None) -> str:
    return "".join(stream(card, lang, verdict))
