"""``rules lint``: which quantitative targets no rule covers, which rules find nothing.

A target is what ``targets.read_targets`` reads in the target cell — the reader ``rules draft``
drafts from — so a target with a number (就職率を72.0%以上) and one without (登録団体の数の
増加, 全ての市町村) are uncovered alike when no rule names their measure."""

from __future__ import annotations

from dataclasses import dataclass

from ..judge.scorecard import extractions_for
from ..model import Comparator, Document
from .compiled import LoadedRules
from .targets import DraftedTarget, read_targets


@dataclass(frozen=True)
class LintFinding:
    kind: str  # "uncovered", "acknowledged", "rule_without_measure", "value_not_found"
    measure: int
    detail: str
    rule: str | None = None


def drafted_reason(reason: str) -> bool:
    """Whether an ``unmeasured`` reason is the one ``rules draft`` writes when it reads no
    target (a person's reason is anything else)."""
    from .draft import QUALITATIVE_REASON

    return reason.startswith(("目標欄の数値は目標値ではない", "目標欄の「")) or (
        reason == QUALITATIVE_REASON
    )


def describe(target: DraftedTarget) -> str:
    """One target as lint names it: ``登録団体の数 増加``, ``就職率 72.0%以上``."""
    value = "" if target.target is None else f"{_number(target.target)}{target.unit}"
    return f"{target.label} {value}{Comparator(target.comparator).goal_ja}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def lint(document: Document, rules: LoadedRules) -> list[LintFinding]:
    findings: list[LintFinding] = []
    ruleset = rules.rules
    present = {m.no: m for m in document.measures}
    for measure in document.measures:
        if measure.no in ruleset.measures:
            continue
        # The reader ``rules draft`` uses: what it would draft, lint calls uncovered.
        reading = read_targets(measure.target_text)
        reason = ruleset.unmeasured.get(measure.no)
        if reason is not None and reading.targets and drafted_reason(reason):
            # The drafter's own words for a target it could not read: nobody acknowledged it.
            targets = "、".join(describe(t) for t in reading.targets)
            findings.append(
                LintFinding(
                    "uncovered",
                    measure.no,
                    f"目標があるが規則がない(下書きが目標と読めず「{reason}」とした): {targets}",
                )
            )
        elif reason is not None and (reading.targets or reading.hints):
            findings.append(LintFinding("acknowledged", measure.no, reason))
        elif reading.targets and measure.no not in ruleset.unmeasured:
            targets = "、".join(describe(t) for t in reading.targets)
            findings.append(
                LintFinding("uncovered", measure.no, f"目標があるが規則がない: {targets}")
            )
    for no, indicators in sorted(ruleset.measures.items()):
        if no not in present:
            for ind in indicators:
                findings.append(
                    LintFinding("rule_without_measure", no, "文書にこの施策No.がない", ind.id)
                )
            continue
        found = extractions_for(present[no], indicators)
        for ind in indicators:
            result = found[ind.id]
            if not result.observations and result.pending is None:
                why = (
                    "指標の語はあるが数値が見つからない"
                    if result.found_label
                    else "状況欄に指標の語も数値も見つからない"
                )
                findings.append(LintFinding("value_not_found", no, why, ind.id))
    return findings
