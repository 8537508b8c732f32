"""The words of the CI gate, shared by ``check``'s lines, JUnit and the GitHub annotations."""

from __future__ import annotations

from ..judge.baseline import Failure, Gate
from ..judge.outcome import Outcome
from ..judge.scorecard import Scorecard
from ..model import OVERDUE_JA, Status
from ..text.numfmt import format_number
from .wording import Wording, wording

WORDS = {
    "ja": {
        "accepted": "受け入れ済みの未達({baseline})",
        "not_gated": "遅れだが --fail-on {fail_on} では失敗としない",
        "worsened": "受け入れ時は期限前、今は期限超過(受け入れ時 {was}、今回 {now})",
        "moved_away": "受け入れ時の {was} から {now} へ、目標から遠ざかった",
        "new": "新たな未達",
        "measure": "施策{no}",
        "overdue": OVERDUE_JA,
        "behind": Status.BEHIND.ja,
    },
    "en": {
        "accepted": "accepted miss ({baseline})",
        "not_gated": "behind, but not a failure under --fail-on {fail_on}",
        "worsened": "overdue now, not when accepted (then {was}, now {now})",
        "moved_away": "moved away from the target since accepted: {was} then, {now} now",
        "new": "new miss",
        "measure": "measure {no}",
        "overdue": "overdue",
        "behind": "behind",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["ja"])


def regression_text(failure: Failure, lang: str) -> str:
    """Why an accepted miss fails again; empty for a miss without a baseline entry."""
    if failure.was is None:
        return ""
    unit = failure.outcome.indicator.unit
    was = _value(failure.was.actual, unit)
    now = _value(failure.outcome.actual, unit)
    return words(lang)[failure.why].format(was=was, now=now)


def _value(value: float | None, unit: str) -> str:
    return "—" if value is None else format_number(value) + unit


def severity(o: Outcome) -> tuple[bool, int, str]:
    """Worst first: overdue before behind, then in the document's order."""
    return (not o.overdue, o.measure_no, o.indicator.id)


def failure_severity(f: Failure) -> tuple[bool, bool, int, str]:
    """Worst first: overdue, then accepted ones that got worse before new ones."""
    return (not f.outcome.overdue, f.why == "new", f.outcome.measure_no, f.outcome.indicator.id)


def not_failing_because(indicator_id: str, verdict: Gate, lang: str) -> str:
    """Why a missed target does not fail the gate."""
    W = words(lang)
    if verdict.accepted_of(indicator_id) is not None:
        return W["accepted"].format(baseline=verdict.baseline)
    return W["not_gated"].format(fail_on=verdict.fail_on)


def check_lines(card: Scorecard, verdict: Gate, say: Wording | None = None) -> list[str]:
    """``check``'s stdout: one line a failing target, ``file:line: 施策N id state: reason``
    (``measure N`` … in English): every word in the run's language."""
    say = say or wording("ja", "iso")
    W = words(say.lang)
    line_of = {m.measure.no: m.measure.line for m in card.measures}
    out = []
    for f in verdict.failures:
        o = f.outcome
        state = W["overdue" if o.overdue else "behind"]
        why = regression_text(f, say.lang)
        # A KPI sheet names each indicator's own row; the status table, the measure's.
        line = card.extras.get(o.indicator.id, {}).get("line", line_of[o.measure_no])
        out.append(
            f"{card.document.source}:{line}: {W['measure'].format(no=o.measure_no)} "
            f"{o.indicator.id} {state}{f' ({why})' if why else ''}: {say.reason(o.why)}"
        )
    return out


def check_text(card: Scorecard, verdict: Gate, lang: str = "ja", dates: str | None = None) -> str:
    """``check --format text``: ``check_lines``, one a line."""
    return "".join(f"{line}\n" for line in check_lines(card, verdict, wording(lang, dates)))


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
        lines.append(line)
    return lines
