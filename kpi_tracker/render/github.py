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
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return (
        f"::{kind} {props}::{escape_data(message)}"
        if props
        else f"::{kind}::{escape_data(message)}"
    )


# NOTE: GitHub shows at most 10 error and 10 warning annotations of a step, 50 of a job, and
# drops a job summary over 1 MiB (verdict and all): a sheet of 130,000 rows must not write
# 15,000 annotations or an 11 MB summary. What is left out is counted, never silently.
MAX_ANNOTATIONS = 50
SUMMARY_BYTES = 1_000_000  # under GitHub's 1 MiB, with room for what the step wrote before


def annotation_lines(card: Scorecard, verdict: Gate, lang: str = "ja") -> str:
    """An ``::error`` per target failing the gate, a ``::warning`` per accepted miss; at most
    ``MAX_ANNOTATIONS`` of each, and one more line saying how many were left out."""
    line_of = {m.measure.no: m.measure.line for m in card.measures}
    source = str(card.document.source)
    out = []
    for f in verdict.failures[:MAX_ANNOTATIONS]:
        o = f.outcome
        why = regression_text(f, lang)
        out.append(
            command(
                "error",
                (f"{why}: " if why else "") + o.reason,
                file=source,
                line=line_of[o.measure_no],
                title=_title(o, lang),
            )
        )
    more = len(verdict.failures) - MAX_ANNOTATIONS
    if more > 0:
        out.append(command("error", _more_text(more, "failing", lang), file=source))
    for o, _ in verdict.accepted[:MAX_ANNOTATIONS]:
        because = not_failing_because(o.indicator.id, verdict, lang)
        out.append(
            command(
                "warning",
                f"{because}: {o.reason}",
                file=source,
                line=line_of[o.measure_no],
                title=_title(o, lang),
            )
        )
    more = len(verdict.accepted) - MAX_ANNOTATIONS
    if more > 0:
        out.append(command("warning", _more_text(more, "accepted", lang), file=source))
    return "".join(line + "\n" for line in out)


def _more_text(count: int, what: str, lang: str) -> str:
    if lang == "en":
        return (
            f"{count:,} more {what} targets not annotated (GitHub shows at most "
            f"{MAX_ANNOTATIONS}); kpi-tracker check --format text lists them all"
        )
    kind = "未達" if what == "failing" else "受け入れ済みの未達"
    return (
        f"ほか{count:,}件の{kind}は注釈なし(GitHub が表示するのは{MAX_ANNOTATIONS}件まで)。"
        "kpi-tracker check --format text で全件を表示"
    )


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
    size = sum(len(line.encode()) + 1 for line in out)
    budget = SUMMARY_BYTES // 2  # the failing targets; the scorecard, if it fits, after them
    for shown, f in enumerate(verdict.failures):
        o = f.outcome
        why = regression_text(f, lang) or W["new"]
        line = f"- {md_cell(_title(o, lang))} — {md_cell(why)}: {md_cell(o.reason)}"
        if size + len(line.encode()) + 1 > budget:
            out.append(f"- … {_more_text(len(verdict.failures) - shown, 'failing', lang)}")
            break
        out.append(line)
        size += len(line.encode()) + 1
    if verdict.failures:
        out.append("")
    head = "\n".join(out) + "\n"
    card_md = render_markdown(card, lang)
    if len(head.encode()) + len(card_md.encode()) <= SUMMARY_BYTES:
        return head + card_md
    left_out = (
        f"The scorecard ({len(card_md.encode()):,} bytes) is left out: GitHub drops a job "
        "summary over 1 MiB. kpi-tracker scorecard DOC -o card.md writes it."
        if lang == "en"
        else f"スコアカード({len(card_md.encode()):,}バイト)は省略: GitHub は 1 MiB を超える"
        "ジョブサマリーを表示しない。kpi-tracker scorecard DOC -o card.md で出力できる。"
    )
    return head + "\n" + left_out + "\n"
