"""A structured KPI sheet → Scorecard, through the same ``evaluate_indicator`` as prose.

A rules file may still add or override targets: an indicator of the rules whose id is a
sheet indicator's id (or whose label is the name of exactly one) replaces the sheet's own
target, comparator, baseline and deadline.
The 行政事業レビュー layout publishes its own 達成率; the engine's is kept beside it and a
disagreement is reported.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..errors import Location, NoRulesForPlan, RulesError
from ..extract.candidates import Extraction
from ..model import Comparator, Document, Indicator, Reason, SheetIndicator, Status
from ..rules.compiled import LoadedRules, load_rules, rules_files, rules_for
from ..shape import SheetExtraData
from ..text.numfmt import format_number
from ..text.periods import fiscal_year_of
from .grading import measure_grade, measure_status
from .outcome import Outcome, all_unmeasurable, evaluate_indicator
from .trend import TrendPoint

__all__ = ["RATE_SLACK", "evaluate_sheet", "sheet_rules", "sheet_rules_lint"]

# NOTE: the published 達成率 is rounded (often to a whole percent): a point of slack before the
# engine's own figure counts as disagreeing with it.
RATE_SLACK = 1.0


def sheet_rules(named: str | None, document: Document) -> LoadedRules | None:
    """The rules file that adds to a sheet, if any. A file given by ``--rules`` is used as it
    is; in a folder (given, ``./rules``, the package's), only a file whose plan matches the
    sheet's title. A sheet needs none: no match is no rules, not an error."""
    from ..rules.search import places

    for place in places(named):
        if place.named:
            if not place.path.exists():
                raise RulesError("no such rules file or folder", Location(str(place.path)))
            if place.path.is_file():
                return load_rules(place.path)
        if not place.path.is_dir() or not rules_files(place.path):
            continue
        try:
            return rules_for(place.path, document.title_lines or (document.title,), document.plan)
        except NoRulesForPlan:
            continue
    return None


def evaluate_sheet(
    document: Document,
    rules: LoadedRules | None,
    as_of: date,
    history: dict[str, tuple[TrendPoint, ...]],
) -> tuple[list[tuple[int, list[Outcome]]], dict[str, SheetExtraData], list[str]]:
    """Outcomes per measure number, extra JSON fields per indicator id, and warnings."""
    sheet = document.sheet
    assert sheet is not None
    overrides, warnings = _overrides(rules, sheet.indicators) if rules else ({}, [])
    by_measure: dict[int, list[Outcome]] = {m.no: [] for m in document.measures}
    extras: dict[str, SheetExtraData] = {}
    disagreements: list[str] = []
    categories: list[str] = []
    for item in sheet.indicators:
        rule = overrides.get(item.indicator.id)
        outcome, extra, disagrees, category = judge_item(
            item, rule, as_of, history, document.source
        )
        if category:
            categories.append(category)
        if disagrees:
            disagreements.append(disagrees)
        by_measure[item.measure].append(outcome)
        extras[item.indicator.id] = extra
    warnings += disagreement_warnings(
        len(disagreements),
        disagreements[0] if disagreements else "",
        len(categories),
        categories[0] if categories else "",
    )
    return list(by_measure.items()), extras, warnings


def judge_item(
    item: SheetIndicator,
    rule: Indicator | None,
    as_of: date,
    history: dict[str, tuple[TrendPoint, ...]],
    source: str,
) -> tuple[Outcome, SheetExtraData, str | None, str | None]:
    """One sheet indicator's outcome and its extra JSON fields; where the published 達成率,
    or the published category, differs from the engine's: the words that say where."""
    outcome = _outcome(item, rule, as_of, history)
    extra: SheetExtraData = {"line": item.line}
    disagrees = category = None
    if outcome.observation is not None:
        extra["evidence"] = {"text": outcome.observation.evidence, "line": item.line}
    if item.published:
        differs_from = _published(item.published, item.published_meaning, outcome, extra)
        if differs_from:
            category = f"{source}:{item.line}: {item.indicator.id}"
            outcome = replace(outcome, why=outcome.why.noted(differs_from))
    if item.published_rates:
        differs = _rates(item, outcome, extra)
        if differs:
            disagrees = (
                f"{source}:{item.line}: {item.indicator.id}: FY{differs.get('year')} "
                f"published {format_number(differs.get('published'))}%, computed "  # type: ignore[arg-type]
                f"{format_number(differs.get('computed'))}%"  # type: ignore[arg-type]
            )
            outcome = replace(outcome, why=outcome.why.noted(differs))
    return outcome, extra, disagrees, category


def disagreement_warnings(
    disagreements: int, first_disagreement: str, categories: int, first_category: str
) -> list[str]:
    """The warnings that count the indicators whose published figures differ."""
    warnings = []
    if disagreements:
        warnings.append(
            f"{disagreements} indicators: the published 達成率 differs from the computed "
            f"one by more than {RATE_SLACK:g} point (first: {first_disagreement})"
        )
    if categories:
        warnings.append(
            f"{categories} indicators: the published category differs from the computed "
            f"status (first: {first_category})"
        )
    return warnings


# The statuses a published category word may agree with (集計中: a pending value).
_AGREES = {
    "achieved": (Status.ACHIEVED,),
    "on_track": (Status.ON_TRACK, Status.ACHIEVED),
    "behind": (Status.BEHIND,),
    "pending": (Status.NOT_MEASURABLE,),
}


def _published(
    text: str, meaning: str | None, outcome: Outcome, extra: SheetExtraData
) -> Reason | None:
    """The office's own category beside the engine's status; the words that say they
    differ, or None. A word the vocabulary does not know is kept, never compared."""
    extra["published_category"] = text
    differs = meaning is not None and outcome.status not in _AGREES.get(meaning, ())
    extra["category_disagrees"] = differs
    if not differs:
        return None
    return Reason.of("published_differs", published=text, status=str(outcome.status))


def sheet_rules_lint(document: Document, rules: LoadedRules | None) -> list[str]:
    """``rules lint`` of a KPI sheet: its columns give the targets, so what there is to check
    is the rules file that overrides some of them: rules that name no indicator, or several."""
    sheet = document.sheet
    assert sheet is not None
    count = len(sheet.indicators)
    if rules is None:
        return [
            f"{document.source}: a KPI sheet of {count} indicators: its columns give the "
            "targets; no rules file applies"
        ]
    found, problems = _overrides(rules, sheet.indicators)
    return [
        *problems,
        f"{rules.path}: {len(found)} of the sheet's {count} indicators overridden; "
        + (f"{len(problems)} rules that name none" if problems else "no findings"),
    ]


def _overrides(
    rules: LoadedRules, items: tuple[SheetIndicator, ...]
) -> tuple[dict[str, Indicator], list[str]]:
    """Sheet indicator id → the rule that replaces its target. A rule names a sheet indicator
    by its id, or by its label when that label is the only one of the sheet (rule ids are
    ASCII; sheet identities are the sheet's own words). The rule keeps the sheet's id and
    label, so that stored history and comparisons still match by identity."""
    by_id = {item.indicator.id: item.indicator for item in items}
    by_label: dict[str, list[Indicator]] = {}
    for item in items:
        by_label.setdefault(item.indicator.label, []).append(item.indicator)
    found: dict[str, Indicator] = {}
    warnings: list[str] = []
    for _, rule in rules.indicators():
        named = [by_id[rule.id]] if rule.id in by_id else by_label.get(rule.label, [])
        if len(named) == 1:
            own = named[0]
            found[own.id] = replace(rule, id=own.id, label=own.label)
        elif not named:
            warnings.append(f"{rules.path}: rule {rule.id} names no indicator of the sheet")
        else:
            warnings.append(
                f"{rules.path}: rule {rule.id}: {len(named)} indicators are labelled "
                f"{rule.label!r}; name one by its id"
            )
    return found, warnings


def _outcome(
    item: SheetIndicator,
    rule: Indicator | None,
    as_of: date,
    history: dict[str, tuple[TrendPoint, ...]],
) -> Outcome:
    ind = rule or item.indicator
    if item.unmeasurable is not None and rule is None:
        code, why = item.unmeasurable
        return Outcome(
            ind,
            item.measure,
            Status.NOT_MEASURABLE,
            code,
            why,
            target=ind.target,
            deadline=ind.deadline_end,
        )
    extraction = Extraction(item.observations, pending=item.pending, found_label=True)
    outcome = evaluate_indicator(
        ind, item.measure, extraction, as_of, history=history.get(ind.id, ())
    )
    if outcome.status is Status.NOT_MEASURABLE and outcome.target is None:
        # A not-measurable indicator keeps its target and deadline: what was promised stays shown.
        relative = ind.comparator in (Comparator.INCREASE, Comparator.DECREASE)
        threshold = ind.baseline.value if relative and ind.baseline else None
        target = ind.target if ind.target is not None else threshold  # a target of 0 is one
        outcome = replace(outcome, target=target, deadline=ind.deadline_end)
    if item.note and rule is None and outcome.status.measurable:
        outcome = replace(outcome, why=outcome.why.noted(item.note))
    return outcome


def _rates(item: SheetIndicator, outcome: Outcome, extra: SheetExtraData) -> Reason | None:
    """The engine's 達成率 for the year of the value used, beside the published one; the
    reason that says they differ, or None."""
    if outcome.actual is None or outcome.period is None:
        return None
    year = fiscal_year_of(outcome.period.end)
    published = dict(item.published_rates).get(year)
    ind = outcome.indicator  # the rule's, when a rules file overrides the sheet's target
    target = (
        dict(item.targets_by_year).get(year, ind.target) if ind is item.indicator else ind.target
    )
    computed = None
    if target and outcome.actual:
        lower = Comparator(ind.comparator).lower_is_better
        computed = round(100 * (target / outcome.actual if lower else outcome.actual / target), 1)
    extra["achievement_rate"] = computed
    extra["published_rate"] = published
    disagrees = published is not None and computed is not None
    disagrees = disagrees and abs(published - computed) > RATE_SLACK  # type: ignore[operator]
    extra["rate_disagrees"] = disagrees
    if not disagrees:
        return None
    return Reason.of("rate_differs", year=year, published=published, computed=computed)


def measure_results(
    document: Document, outcomes: list[tuple[int, list[Outcome]]]
) -> list[tuple[int, Status, tuple[Outcome, ...], str | None, Reason | None]]:
    """Each measure's status, grade and reason, as the prose path gives them."""
    return [(no, *measure_result(found)) for no, found in outcomes]


def measure_result(
    found: list[Outcome],
) -> tuple[Status, tuple[Outcome, ...], str | None, Reason | None]:
    """A measure's status, outcomes, grade and reason (why not measurable)."""
    status = measure_status(found)
    reason = None
    if status is Status.NOT_MEASURABLE:
        reason = Reason("no_indicator") if not found else all_unmeasurable(found)
    return status, tuple(found), measure_grade(found), reason
