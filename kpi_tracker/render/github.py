"""``check --format github``: GitHub Actions workflow commands and the job summary.

Each target that fails the gate becomes ``::error file=…,line=…,title=…::message`` (shown on
the line of the table in the pull request and in the run), each accepted miss a ``::warning``.
Escaping follows the Actions toolkit (``@actions/core`` ``command.ts``): in the message ``%``,
CR and LF; in a property also ``:`` and ``,``, which would end it.
"""

from __future__ import annotations

from typing import Any

from ..judge.baseline import Failure, Gate
from ..judge.scorecard import Scorecard, scorecard_dict
from .gate import failure_severity, not_failing_because, regression_text, severity, words
from .markdown import render as render_markdown
from .text import md_cell, missed, movement_label, status_text
from .text import verdict as verdict_text
from .wording import Wording, wording

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


# NOTE: GitHub shows at most 10 annotations of each level per step and drops the rest without
# a word; the worst come first and a notice says how many more the job summary lists.
MAX_ANNOTATIONS = 10
# A pull-request comment holds at most 65,536 characters.
PR_COMMENT_LIMIT = 65_536
# NOTE: GitHub drops a job summary over 1 MiB (verdict and all): a sheet of 130,000 rows must
# not write an 11 MB summary. What is left out is counted, never silently.
SUMMARY_BYTES = 1_000_000  # under GitHub's 1 MiB, with room for what the step wrote before

MORE = {
    "ja": "ほか{more}はジョブの概要(job summary)に一覧があります",
    "en": "{more} are listed in the job summary",
}
MORE_PARTS = {
    "ja": ("エラー{n}件", "警告{n}件", "と"),
    "en": ("{n} more errors", "{n} more warnings", " and "),
}


def more_text(errors: int, warnings: int, lang: str) -> str:
    """``ほかエラー5件と警告3件はジョブの概要(job summary)に一覧があります``."""
    error, warning, joiner = MORE_PARTS.get(lang, MORE_PARTS["ja"])
    parts = [t.format(n=n) for t, n in ((error, errors), (warning, warnings)) if n]
    return MORE.get(lang, MORE["ja"]).format(more=joiner.join(parts))


SUMMARY = {
    "ja": {
        "failing": "失敗",
        "accepted": "受け入れ済み",
        "gate": "ゲート",
        "scorecard": "スコアカード全体",
        "more": "…ほか {n} 件",
        "new_misses": "新たな未達",
        "regressions": "前回の報告から悪化",
        "got_worse": "受け入れ済みで悪化",
        "accepted_misses": "受け入れ済みの未達",
        "none": "なし",
        "left_out": (
            "スコアカード全体({size}バイト)は、ジョブの概要の上限(約1メガバイト)を超えるため"
            "省略した(スコアカードは別のファイルに出力できる)"
        ),
    },
    "en": {
        "failing": "failing",
        "accepted": "accepted",
        "gate": "gate",
        "scorecard": "The whole scorecard",
        "more": "… and {n} more",
        "new_misses": "New misses",
        "regressions": "Worse than in the previous report",
        "got_worse": "Accepted misses that got worse",
        "accepted_misses": "Accepted misses",
        "none": "none",
        "left_out": (
            "The whole scorecard ({size} bytes) is left out: GitHub drops a job summary over "
            "1 MiB. kpi-tracker scorecard DOC -o card.md writes it."
        ),
    },
}


def _summary_words(lang: str) -> dict[str, str]:
    return SUMMARY.get(lang, SUMMARY["ja"])


def annotation_lines(
    card: Scorecard, verdict: Gate, lang: str = "ja", say: Wording | None = None
) -> str:
    """An ``::error`` per target failing the gate, a ``::warning`` per accepted miss: at most
    ``MAX_ANNOTATIONS`` of each, worst first, then a ``::notice`` counting the rest."""
    say = say or wording(lang, "iso")
    line_of = {m.measure.no: m.measure.line for m in card.measures}
    source = str(card.document.source)
    out = []
    failures = sorted(verdict.failures, key=failure_severity)
    for f in failures[:MAX_ANNOTATIONS]:
        o = f.outcome
        why = regression_text(f, lang)
        out.append(
            command(
                "error",
                (f"{why}: " if why else "") + say.reason(o.why),
                file=source,
                line=line_of[o.measure_no],
                title=_title(o, lang),
            )
        )
    accepted = sorted(verdict.accepted, key=lambda oa: severity(oa[0]))
    for o, _ in accepted[:MAX_ANNOTATIONS]:
        because = not_failing_because(o.indicator.id, verdict, lang)
        out.append(
            command(
                "warning",
                f"{because}: {say.reason(o.why)}",
                file=source,
                line=line_of[o.measure_no],
                title=_title(o, lang),
            )
        )
    errors = max(0, len(failures) - MAX_ANNOTATIONS)
    warnings = max(0, len(accepted) - MAX_ANNOTATIONS)
    if errors or warnings:
        out.append(command("notice", more_text(errors, warnings, lang)))
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
    measure = words(lang)["measure"].format(no=o.measure_no)
    return f"{measure} {o.indicator.label} ({o.indicator.id}): {state}"


GATE_LINE = {
    "ja": (
        "ゲート(--fail-on {fail_on}): 失敗 {failing} 件",
        "、受け入れ済み {accepted} 件({baseline})",
    ),
    "en": ("gate (--fail-on {fail_on}): {failing} failing", ", {accepted} accepted ({baseline})"),
}


def _gate_line(verdict: Gate, lang: str) -> str:
    """``❌ **ゲート(--fail-on overdue): 失敗 15 件**``: the gate's verdict in one line."""
    head, tail = GATE_LINE.get(lang, GATE_LINE["ja"])
    text = head.format(fail_on=verdict.fail_on, failing=len(verdict.failures))
    if verdict.baseline is not None:
        text += tail.format(accepted=len(verdict.accepted), baseline=md_cell(verdict.baseline))
    return f"{'❌' if verdict.failed() else '✅'} **{text}**"


def _failure_line(f: Failure, lang: str, say: Wording) -> str:
    why = regression_text(f, lang) or words(lang)["new"]
    reason = say.reason(f.outcome.why)
    return f"- {md_cell(_title(f.outcome, lang))} — {md_cell(why)}: {md_cell(reason)}"


def step_summary(card: Scorecard, verdict: Gate, lang: str = "ja", dates: str | None = None) -> str:
    """The job summary: the gate's verdict and the failing targets (worst first) lead; the
    whole Markdown scorecard follows inside ``<details>``."""
    say = wording(lang, dates)
    S = _summary_words(lang)
    data = scorecard_dict(card, say.reason)
    out = [_gate_line(verdict, lang), "", f"**{verdict_text(missed(data), lang)}**", ""]
    size = sum(len(line.encode()) + 1 for line in out)
    failures = sorted(verdict.failures, key=failure_severity)
    for shown, f in enumerate(failures):
        line = _failure_line(f, lang, say)
        if size + len(line.encode()) + 1 > SUMMARY_BYTES // 2:
            out.append(S["more"].format(n=len(failures) - shown))
            break
        out.append(line)
        size += len(line.encode()) + 1
    if verdict.failures:
        out.append("")
    if verdict.accepted:
        # Not failing, but still missed: listed too (the annotations show ten at most).
        out += [f"{S['accepted_misses']} ({len(verdict.accepted)}):", ""]
        for o, _ in sorted(verdict.accepted, key=lambda oa: severity(oa[0])):
            because = not_failing_because(o.indicator.id, verdict, lang)
            out.append(
                f"- {md_cell(_title(o, lang))} — {md_cell(because)}: {md_cell(say.reason(o.why))}"
            )
        out.append("")
    head = "\n".join(out) + "\n"
    card_md = render_markdown(card, lang, dates=dates)
    details = f"<details><summary>{S['scorecard']}</summary>\n\n{card_md}\n</details>\n"
    if len(head.encode()) + len(details.encode()) <= SUMMARY_BYTES:
        return head + details
    return head + S["left_out"].format(size=f"{len(card_md.encode()):,}") + "\n"


def pr_comment(card: Scorecard, verdict: Gate, lang: str = "ja", dates: str | None = None) -> str:
    """``check --format pr``: a Markdown comment for the pull request — the verdict, the new
    misses, the indicators worse than in the previous report, and the accepted misses that got
    worse — within GitHub's 65,536 characters (the longest lists are cut, and say so)."""
    say = wording(lang, dates)
    S = _summary_words(lang)
    data = scorecard_dict(card, say.reason)
    failures = sorted(verdict.failures, key=failure_severity)
    new = [_failure_line(f, lang, say) for f in failures if f.why == "new"]
    worse = [_failure_line(f, lang, say) for f in failures if f.why != "new"]
    regressed = [
        f"- {md_cell(i['label'])} ({words(lang)['measure'].format(no=i['measure'])}): "
        f"{movement_label(i, lang)} — {md_cell(i['reason'])}"
        for i in data["indicators"]
        if i.get("movement") in ("worsened", "missed_now")
    ]
    head = [_gate_line(verdict, lang), "", f"**{verdict_text(missed(data), lang)}**", ""]
    sections = [
        (S["new_misses"], new),
        (S["got_worse"], worse),
        *([(S["regressions"], regressed)] if "year_over_year" in data else []),
    ]
    budget = PR_COMMENT_LIMIT - sum(len(line) + 1 for line in head)
    budget -= sum(len(title) + 20 for title, _ in sections)
    out = list(head)
    for title, lines in sections:
        out += [f"### {title} ({len(lines)})", ""]
        if not lines:
            out += [S["none"], ""]
            continue
        kept = 0
        for line in lines:
            if len(line) + 1 > budget - 200:
                break
            out.append(line)
            budget -= len(line) + 1
            kept += 1
        if kept < len(lines):
            out.append(S["more"].format(n=len(lines) - kept))
        out.append("")
    return "\n".join(out)


def github_lines(card: Scorecard, verdict: Gate, lang: str = "ja", dates: str | None = None) -> str:
    """``check --format github``: the annotations, worded in the run's language."""
    return annotation_lines(card, verdict, lang, wording(lang, dates))


def pr_text(card: Scorecard, verdict: Gate, lang: str = "ja", dates: str | None = None) -> str:
    """``check --format pr``: the pull request comment, ending with a line break."""
    text = pr_comment(card, verdict, lang, dates)
    return text if text.endswith("\n") else text + "\n"
