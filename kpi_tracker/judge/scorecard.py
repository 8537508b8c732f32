"""Document + rules → Scorecard: every measure, every indicator, the summary. No I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..errors import DocumentError, Location
from ..extract.candidates import Analysis, Extraction, analyse, extract, resolve_siblings
from ..model import Document, Indicator, Measure, Reason, Status, no_cycle_collection
from ..rules.compiled import LoadedRules
from ..shape import (
    CandidateData,
    CardData,
    DroppedData,
    IndicatorData,
    MeasureData,
    ReportData,
    ScorecardData,
    SheetExtraData,
    SummaryData,
)
from ..text.numfmt import plain_number
from ..text.units import unit_label
from .grading import measure_grade, measure_status
from .outcome import Outcome, all_unmeasurable, evaluate_indicator
from .trend import TrendPoint

__all__ = [
    "MeasureOutcome",
    "Say",
    "Scorecard",
    "check_previous",
    "evaluate",
    "history_from_card",
    "merged_history",
    "with_previous",
]

# How a reason is said: ``render.wording.Wording(lang, dates).reason``. The judge gives codes and
# parameters; the words are the renderer's (one language per run).
Say = Callable[[Reason | None], str]


@dataclass(frozen=True, slots=True)
class MeasureOutcome:
    measure: Measure
    status: Status
    outcomes: tuple[Outcome, ...]
    grade: str | None
    reason: Reason | None  # why not measurable


@dataclass(frozen=True)
class Scorecard:
    document: Document
    rules_path: str | None
    rules_sha256: str | None
    measures: tuple[MeasureOutcome, ...]
    as_of: date
    warnings: tuple[str, ...] = field(default=())
    # The plan's earlier report (scorecard dict shape) to show each indicator's movement against.
    previous: CardData | None = field(default=None, compare=False)
    # Per indicator id, fields a structured sheet adds to the JSON (its row, the published
    # 達成率 beside the engine's); empty for the prose table.
    extras: dict[str, SheetExtraData] = field(default_factory=dict)
    # Renderings list each indicator's candidates and why the value won (--explain).
    explain: bool = False

    @property
    def indicators(self) -> list[Outcome]:
        return [o for m in self.measures for o in m.outcomes]

    def summary(self) -> SummaryData:
        counts = {s: 0 for s in Status}
        for o in self.indicators:
            counts[o.status] += 1
        return {
            "measures": len(self.measures),
            "indicators": len(self.indicators),
            "achieved": counts[Status.ACHIEVED],
            "on_track": counts[Status.ON_TRACK],
            "behind": counts[Status.BEHIND],
            "not_measurable": counts[Status.NOT_MEASURABLE],
        }

    def flagged(self, fail_on: str) -> list[Outcome]:
        """Indicators that fail a CI gate: ``behind`` (all behind), ``overdue`` or ``none``."""
        if fail_on == "none":
            return []
        return [
            o
            for o in self.indicators
            if o.status is Status.BEHIND and (fail_on == "behind" or o.overdue)
        ]


def with_previous(card: Scorecard, previous: CardData | None) -> Scorecard:
    """The scorecard with an earlier report (``scorecard_dict`` or ``store.stored_card``
    shape) to compare each indicator with: its renderings gain ``previous`` and ``movement``."""
    return replace(card, previous=previous)


def history_from_card(card: CardData, before: date) -> dict[str, tuple[TrendPoint, ...]]:
    """An earlier report's values as trend points of a later one (what a stored report gives
    through ``store.history_points``): each indicator's value at its period's end, or at the
    report's as-of date, for the reports dated before ``before``."""
    as_of = card["report"].get("as_of")
    if as_of is None or date.fromisoformat(as_of) >= before:
        return {}
    points: dict[str, tuple[TrendPoint, ...]] = {}
    for ind in card["indicators"]:
        if ind["actual"] is None:
            continue
        period = ind["period"]
        when = date.fromisoformat(period["end"] if period else as_of)
        points[ind["id"]] = (TrendPoint(when, float(ind["actual"]), "history", ind["unit"]),)
    return points


def merged_history(
    *histories: dict[str, tuple[TrendPoint, ...]] | None,
) -> dict[str, tuple[TrendPoint, ...]]:
    """Trend points of several earlier reports, one per date (the first given wins), oldest
    first."""
    out: dict[str, dict[date, TrendPoint]] = {}
    for history in histories:
        for key, points in (history or {}).items():
            at = out.setdefault(key, {})
            for p in points:
                at.setdefault(p.when, p)
    return {k: tuple(sorted(v.values(), key=lambda p: p.when)) for k, v in out.items()}


def check_previous(document: Document, as_of: date, previous: CardData, where: str) -> None:
    """A previous report must be an earlier report of the same plan: a later or same-year one
    would reverse every movement, another plan's would match nothing."""
    report = previous["report"]
    name = report.get("source") or "the previous report"
    plan = report.get("plan")
    if plan is not None and plan != document.plan:
        raise DocumentError(
            f"{name} is a report of 「{plan}」, not of 「{document.plan}」", Location(where)
        )
    then = report.get("as_of")
    if then is None or date.fromisoformat(then) >= as_of:
        year = report.get("fiscal_year")
        raise DocumentError(
            f"{name} (fiscal year {year}, as of {then}) is not earlier than "
            f"{Path(document.source).name} (as of {as_of.isoformat()}); name an earlier report",
            Location(where),
        )


def _text_of(measure: Measure, indicator: Indicator) -> str:
    column = indicator.find.column
    return {"status": measure.status_text, "target": measure.target_text}.get(
        column, measure.review_text
    )


def evaluate(
    document: Document,
    rules: LoadedRules | None,
    *,
    as_of: date | None = None,
    history: dict[str, tuple[TrendPoint, ...]] | None = None,
    explain: bool = False,
    as_of_option: str = "--as-of",
) -> Scorecard:
    """Evaluate every indicator of ``rules`` against ``document``; every measure comes out.

    ``explain``: each outcome keeps every candidate value with its score and reasons, and the
    renderings list them (``--explain``); without it they are dropped once the value is
    chosen, which keeps a large document's scorecard small."""
    as_of = as_of or document.as_of
    if as_of is None:
        raise DocumentError(
            "the title names no report fiscal year (…の実施状況(令和7年度)); give " + as_of_option,
            Location(document.source),
        )
    history = history or {}
    if document.sheet is not None:
        return _sheet_scorecard(document, rules, as_of, history, explain)
    by_measure = rules.rules.measures if rules else {}
    unmeasured = rules.rules.unmeasured if rules else {}
    present = {m.no for m in document.measures}
    warnings = list(document.warnings)
    for no in sorted(set(by_measure) - present):
        warnings.append(
            f"{rules.path if rules else ''}: rules name 施策No. {no}, not in the document"
        )
    with no_cycle_collection():
        results = [
            _measure_outcome(m, by_measure, unmeasured, as_of, history, explain)
            for m in document.measures
        ]
    return Scorecard(
        document,
        rules.path if rules else None,
        rules.sha256 if rules else None,
        tuple(results),
        as_of,
        tuple(warnings),
        explain=explain,
    )


def _sheet_scorecard(
    document: Document,
    rules: LoadedRules | None,
    as_of: date,
    history: dict[str, tuple[TrendPoint, ...]],
    explain: bool = False,
) -> Scorecard:
    """A structured KPI sheet: indicators from its columns, the same evaluator."""
    from .sheet_card import evaluate_sheet, measure_results

    with no_cycle_collection():
        outcomes, extras, warnings = evaluate_sheet(document, rules, as_of, history)
        by_no = {m.no: m for m in document.measures}
        results = tuple(
            MeasureOutcome(by_no[no], status, found, grade, reason)
            for no, status, found, grade, reason in measure_results(document, outcomes)
        )
    return Scorecard(
        document,
        rules.path if rules else None,
        rules.sha256 if rules else None,
        results,
        as_of,
        (*document.warnings, *warnings),
        extras=extras,
        explain=explain,
    )


def extractions_for(
    measure: Measure, indicators: tuple[Indicator, ...], as_of: date | None = None
) -> dict[str, Extraction]:
    """What each indicator's cell says about it: every cell is read once, and a figure that a
    sibling indicator names better is left to it. ``as_of``: the report's date (本年3月末)."""
    analyses: dict[str, Analysis] = {}
    by_column: dict[str, list[Indicator]] = {}
    for ind in indicators:
        by_column.setdefault(ind.find.column, []).append(ind)
    out: dict[str, Extraction] = {}
    for column, group in by_column.items():
        analyses[column] = analyse(_text_of(measure, group[0]), as_of)
        siblings = tuple(group)
        found = {
            ind.id: extract(ind, analyses[column], measure.target_text, siblings) for ind in group
        }
        out.update(resolve_siblings(siblings, found) if len(group) > 1 else found)
    return out


def _measure_outcome(
    measure: Measure,
    by_measure: dict[int, tuple[Indicator, ...]],
    unmeasured: dict[int, str],
    as_of: date,
    history: dict[str, tuple[TrendPoint, ...]],
    explain: bool = False,
) -> MeasureOutcome:
    """Every indicator of one measure, and the measure's own status, grade and reason."""
    indicators = by_measure.get(measure.no, ())
    if not indicators:
        # Most measures of a plan have no quantitative target: nothing to read or judge.
        return MeasureOutcome(
            measure,
            Status.NOT_MEASURABLE,
            (),
            None,
            Reason.of("as_written", text=unmeasured[measure.no])
            if measure.no in unmeasured
            else Reason("no_rule"),
        )
    extractions = extractions_for(measure, indicators, as_of)
    done: dict[str, Outcome] = {}
    # Shares are evaluated after the indicator they divide by.
    for ind in sorted(indicators, key=lambda i: i.share_of is not None):
        found = extractions[ind.id]
        outcome = evaluate_indicator(
            ind,
            measure.no,
            found,
            as_of,
            history=history.get(ind.id, ()),
            share_base=done.get(ind.share_of) if ind.share_of else None,
        )
        done[ind.id] = (
            replace(outcome, candidates=found.candidates, dropped=found.dropped)
            if explain
            else outcome
        )
    outcomes = tuple(done[i.id] for i in indicators)
    status = measure_status(list(outcomes))
    reason = None
    if status is Status.NOT_MEASURABLE:
        reason = all_unmeasurable(outcomes)
    return MeasureOutcome(measure, status, outcomes, measure_grade(list(outcomes)), reason)


def indicator_dict(o: Outcome, line: int, say: Say) -> IndicatorData:
    obs = o.observation
    ind = o.indicator
    unit = ind.unit
    return {
        "id": ind.id,
        "measure": o.measure_no,
        "label": ind.label,
        "status": o.status,
        "status_ja": o.status.ja,
        "overdue": o.overdue,
        "actual": plain_number(o.actual),
        "target": plain_number(o.target),
        "unit": unit,
        "comparator": ind.comparator,
        "kind": ind.kind,
        "deadline": o.deadline.isoformat() if o.deadline else None,
        "period": (
            {
                "start": o.period.start.isoformat(),
                "end": o.period.end.isoformat(),
                "text": o.period.text,
            }
            if o.period
            else None
        ),
        "progress": o.progress,
        "attainment": o.attainment,
        "reason": say(o.why),
        "reason_code": o.reason_code,
        "provisional": o.provisional,
        "approximate": bool(obs and obs.approx),
        "evidence": {"text": obs.evidence, "line": line} if obs else None,
        "trend": [
            {"date": p.when.isoformat(), "value": plain_number(p.value), "source": p.source}
            for p in o.trend
        ],
        "growth_ratio": o.growth_ratio,
        "reference": None
        if o.reference is None
        else {
            "source": o.reference[0],
            "value": plain_number(o.reference[1]),
            "date": o.reference[2].isoformat() if o.reference[2] else None,
        },
    }


EXPLAINED_CANDIDATES = 5


def candidates_list(o: Outcome) -> list[CandidateData]:
    """The best candidates of an indicator with their scores and reasons (``--explain``)."""
    chosen = o.observation
    out: list[CandidateData] = []
    for c in o.candidates[:EXPLAINED_CANDIDATES]:
        obs = c.observation
        out.append(
            {
                "value": plain_number(obs.value),
                "unit": unit_label(obs.unit),
                "score": round(c.score, 3),
                "chosen": chosen is not None and obs.start == chosen.start,
                "previous": obs.previous,
                "period": obs.period.text if obs.period else None,
                "why": list(c.why),
                "evidence": obs.evidence,
            }
        )
        entry = out[-1]
        if c.scored is not None and c.scored.features:
            entry["features"] = c.scored.named_features()
        if obs.derivation:
            entry["derivation"] = obs.derivation
    return out


def dropped_list(o: Outcome) -> list[DroppedData]:
    """The figures a named filter dropped before scoring (``--explain``)."""
    return [
        {"value": plain_number(value), "unit": unit_label(unit), "filter": name}
        for value, unit, name in o.dropped
    ]


def scorecard_dict(card: Scorecard, say: Say) -> ScorecardData:
    """The JSON shape: ``report``, ``summary`` (counts by status), every measure (status,
    grade, reason, its indicator ids) and every indicator (status, overdue, actual and target in
    the document's unit, comparator, deadline, period, progress, reason, evidence with its
    line, trend), and the ``warnings``. Field names are part of the outside contract.
    ``say`` words each reason (``render.wording.Wording(lang, dates).reason``): JSON is said
    in the run's language with ISO dates. ``render.json_`` writes the same shape as a stream,
    a measure or indicator at a time."""
    data: ScorecardData = {
        "report": report_dict(card),
        "summary": card.summary(),
        "measures": [measure_dict(m, say) for m in card.measures],
        "indicators": list(indicator_dicts(card, say)),
        "warnings": list(card.warnings),
    }
    if card.previous is not None:
        from .compare import attach_previous

        attach_previous(data, card.previous)
    return data


def report_dict(card: Scorecard) -> ReportData:
    report = card.document.report_dict()
    report["as_of"] = card.as_of.isoformat()  # the document's own, or the one asked for
    report["rules"] = card.rules_path
    report["rules_sha256"] = card.rules_sha256
    return report


def measure_dict(m: MeasureOutcome, say: Say) -> MeasureData:
    return {
        "no": m.measure.no,
        "name": m.measure.name,
        "section": list(m.measure.section),
        "ministries": list(m.measure.ministries),
        "status": m.status,
        "status_ja": m.status.ja,
        "grade": m.grade,
        "reason": say(m.reason) if m.reason is not None else None,
        "target_text": m.measure.target_text,
        "line": m.measure.line,
        "indicators": [o.indicator.id for o in m.outcomes],
    }


def indicator_dicts(card: Scorecard, say: Say) -> Iterator[IndicatorData]:
    """Every indicator's JSON shape, one at a time (no year-over-year fields: see
    ``compare.attach_previous``)."""
    for m in card.measures:
        for o in m.outcomes:
            yield indicator_entry(card, m, o, say)


def indicator_entry(card: Scorecard, m: MeasureOutcome, o: Outcome, say: Say) -> IndicatorData:
    """One indicator's JSON shape, as ``scorecard_dict`` lists it."""
    return entry_with(m, o, say, card.extras.get(o.indicator.id), card.explain)


def entry_with(
    m: MeasureOutcome, o: Outcome, say: Say, extra: SheetExtraData | None, explain: bool = False
) -> IndicatorData:
    """``indicator_entry`` given the indicator's extra fields (a sheet's) and ``--explain``."""
    entry = indicator_dict(o, m.measure.line, say)
    if explain:
        entry["candidates"] = candidates_list(o)
        if o.dropped:
            entry["dropped"] = dropped_list(o)
    if extra:
        entry = {**entry, **extra}
    return entry
