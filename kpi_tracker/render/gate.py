"""The words of the CI gate, shared by ``check``'s lines, JUnit and the GitHub annotations."""

from __future__ import annotations

from ..judge.baseline import Failure, Gate
from ..judge.scorecard import Scorecard
from ..text.normalize import one_line
from ..text.numfmt import format_number

WORDS = {
    "ja": {
        "accepted": "受け入れ済みの未達({baseline})",
        "not_gated": "遅れだが --fail-on {fail_on} では失敗としない",
        "worsened": "受け入れ時({was})より悪化(期限超過)",
        "moved_away": "受け入れ時の {was} から目標と逆方向に変化",
        "new": "新たな未達",
    },
    "en": {
        "accepted": "accepted miss ({baseline})",
        "not_gated": "behind, but not a failure under --fail-on {fail_on}",
        "worsened": "worse than when accepted ({was}): now overdue",
        "moved_away": "moved away from the target since accepted at {was}",
        "new": "new miss",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["ja"])


def regression_text(failure: Failure, lang: str) -> str:
    """Why an accepted miss fails again; empty for a miss without a baseline entry."""
    if failure.was is None:
        return ""
    was = failure.was
    value = (
        "—" if was.actual is None else format_number(was.actual) + failure.outcome.indicator.unit
    )
    return words(lang)[failure.why].format(was=value)


def not_failing_because(indicator_id: str, verdict: Gate, lang: str) -> str:
    """Why a missed target does not fail the gate."""
    W = words(lang)
    if verdict.accepted_of(indicator_id) is not None:
        return W["accepted"].format(baseline=verdict.baseline)
    return W["not_gated"].format(fail_on=verdict.fail_on)


def check_lines(card: Scorecard, verdict: Gate) -> list[str]:
    """``check``'s stdout: one line a failing target, ``file:line: 施策N id state: reason``."""
    line_of = {m.measure.no: m.measure.line for m in card.measures}
    out = []
    for f in verdict.failures:
        o = f.outcome
        state = "overdue" if o.overdue else "behind"
        why = regression_text(f, "en")
        # A KPI sheet names each indicator's own row; the status table, the measure's.
        line = card.extras.get(o.indicator.id, {}).get("line", line_of[o.measure_no])
        out.append(
            one_line(
                f"{card.document.source}:{line}: 施策{o.measure_no} {o.indicator.id} "
                f"{state}{f' ({why})' if why else ''}: {o.reason}"
            )
        )
    return out


def summary_lines(card: Scorecard, verdict: Gate) -> list[str]:
    """``check``'s stderr: the count line, and the accepted misses in one line."""
    summary = card.summary()
    lines = [
        f"{len(verdict.failures)} flagged (--fail-on {verdict.fail_on}); "
        f"{summary['achieved']} achieved, {summary['on_track']} on track, "
        f"{summary['behind']} behind, {summary['not_measurable']} not measurable"
    ]
    if verdict.baseline is not None:
        ids = ", ".join(o.indicator.id for o, _ in verdict.accepted)
        line = f"{len(verdict.accepted)} accepted in {verdict.baseline} (not failing)"
        line += f": {ids}" if ids else ""
        if verdict.resolved:
            line += (
                f"; {len(verdict.resolved)} accepted no longer missed "
                "(--update-baseline drops them)"
            )
        lines.append(one_line(line))
    return lines
