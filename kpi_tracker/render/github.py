"""``check --format github``: GitHub Actions workflow commands and the job summary.

Each target that fails the gate becomes ``::error file=…,line=…,title=…::message`` (shown on
the line of the table in the pull request and in the run), each accepted miss a ``::warning``.
Escaping follows the Actions toolkit (``@actions/core`` ``command.ts``): in the message ``%``,
CR and LF; in a property also ``:`` and ``,``, which would end it.
"""

from __future__ import annotations

from typing import Any

from ..judge.baseline import Gate
from ..judge.scorecard import Scorecard
from ..text.normalize import one_line
from .gate import not_failing_because, regression_text, words
from .markdown import render as render_markdown
from .text import md_cell, status_text

_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    return text.translate(_DATA)


def escape_property(text: str) -> str:
    return text.translate(_PROPERTY)


def command(kind: str, message: str, **properties: object) -> str:
    """One workflow command line: ``::kind key=value,…::message``."""
    # NOTE: a control character in a document's or a file's name (ESC, a line separator)
    # is escaped as well: the command stays one line whatever it carries.
    props = ",".join(f"{k}={one_line(escape_property(str(v)))}" for k, v in properties.items())
    data = one_line(escape_data(message))
    return f"::{kind} {props}::{data}" if props else f"::{kind}::{data}"


def annotation_lines(card: Scorecard, verdict: Gate, lang: str = "ja") -> str:
    """An ``::error`` per target failing the gate, a ``::warning`` per accepted miss."""
    measure_line = {m.measure.no: m.measure.line for m in card.measures}

    def line_of(o: Any) -> int:
        # A KPI sheet names each indicator's own row; the status table, the measure's.
        line: int = card.extras.get(o.indicator.id, {}).get("line", measure_line[o.measure_no])
        return line

    source = str(card.document.source)
    out = []
    for f in verdict.failures:
        o = f.outcome
        why = regression_text(f, lang)
        out.append(
            command(
                "error",
                (f"{why}: " if why else "") + o.reason,
                file=source,
                line=line_of(o),
                title=_title(o, lang),
            )
        )
    for o, _ in verdict.accepted:
        because = not_failing_because(o.indicator.id, verdict, lang)
        out.append(
            command(
                "warning",
                f"{because}: {o.reason}",
                file=source,
                line=line_of(o),
                title=_title(o, lang),
            )
        )
    return "".join(line + "\n" for line in out)


def _title(o: Any, lang: str) -> str:
    state = status_text(o.status, o.overdue, lang)
    return f"施策{o.measure_no} {o.indicator.label} ({o.indicator.id}): {state}"


def step_summary(card: Scorecard, verdict: Gate, lang: str = "ja") -> str:
    """The job summary: the gate's verdict and its failing targets, then the Markdown
    scorecard."""
    W = words(lang)
    head = "❌" if verdict.failed() else "✅"
    gate_line = f"{head} **gate (--fail-on {verdict.fail_on}): {len(verdict.failures)} failing"
    if verdict.baseline is not None:
        gate_line += f", {len(verdict.accepted)} accepted ({md_cell(verdict.baseline)})"
    out = [gate_line + "**", ""]
    for f in verdict.failures:
        o = f.outcome
        why = regression_text(f, lang) or W["new"]
        out.append(f"- {md_cell(_title(o, lang))} — {md_cell(why)}: {md_cell(o.reason)}")
    if verdict.failures:
        out.append("")
    return "\n".join(out) + "\n" + render_markdown(card, lang)
