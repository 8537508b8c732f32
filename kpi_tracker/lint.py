"""``rules lint``: which quantitative targets no rule covers, which rules find nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .extract import extract
from .quantity import find_quantities
from .rules import LoadedRules

# Words that make a target quantitative even without a number with a unit.
_QUANTITATIVE_WORDS = re.compile(
    r"半減|倍増|全ての(?:都道府県|市町村|市区町村)|全市町村|全都道府県"
)


@dataclass(frozen=True)
class LintFinding:
    kind: str  # "uncovered", "acknowledged", "rule_without_measure", "value_not_found"
    measure: int
    detail: str
    rule: str | None = None


def quantitative_hints(target_text: str) -> list[str]:
    """The numbers with units and the coverage words that make a target quantitative."""
    hints = [q.text for q in find_quantities(target_text) if q.unit is not None]
    hints += [m.group() for m in _QUANTITATIVE_WORDS.finditer(target_text)]
    return hints


def lint(document: Document, rules: LoadedRules) -> list[LintFinding]:
    findings: list[LintFinding] = []
    ruleset = rules.rules
    present = {m.no: m for m in document.measures}
    for measure in document.measures:
        hints = quantitative_hints(measure.target_text)
        if not hints or measure.no in ruleset.measures:
            continue
        if measure.no in ruleset.unmeasured:
            findings.append(LintFinding("acknowledged", measure.no, ruleset.unmeasured[measure.no]))
        else:
            findings.append(
                LintFinding(
                    "uncovered", measure.no, "目標に数値があるが規則がない: " + "、".join(hints)
                )
            )
    for no, indicators in sorted(ruleset.measures.items()):
        if no not in present:
            for ind in indicators:
                findings.append(
                    LintFinding("rule_without_measure", no, "文書にこの施策No.がない", ind.id)
                )
            continue
        measure = present[no]
        for ind in indicators:
            text = {"status": measure.status_text, "target": measure.target_text}.get(
                ind.find.column, measure.review_text
            )
            result = extract(ind, text)
            if not result.observations and result.pending is None:
                why = (
                    "指標の語はあるが数値が見つからない"
                    if result.found_label
                    else "状況欄に指標の語も数値も見つからない"
                )
                findings.append(LintFinding("value_not_found", no, why, ind.id))
    return findings
