"""One indicator of one report: its observations + its target → ``Outcome``. No I/O.

The latest observation not after ``as_of`` is compared with the target. ``achieved`` when it
meets it; ``on_track`` when not yet, the deadline is after ``as_of`` and the trend of at least
two observations reaches the target in time (``trend.py``); ``behind`` otherwise (``overdue``
when the deadline is on or before ``as_of``); ``not_measurable`` when there is no usable
number — with the reason. The document-wide ``evaluate()`` is in ``scorecard.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..errors import UnitError
from ..extract.decide import Candidate, Extraction, decide, earlier_points
from ..model import (
    Comparator,
    Indicator,
    Observation,
    Reason,
    ReasonParam,
    Status,
)
from ..text.periods import Period, fiscal_year_end, fiscal_year_of, parse_period
from ..text.units import canonical_unit, convert, in_unit, unit_label
from .trend import (
    ON_TRACK_RATIO,
    RATIO_CAP,
    TrendPoint,
    growth_ratio,
)

__all__ = ["Outcome", "all_unmeasurable", "attainment_of", "evaluate_indicator"]


@dataclass(frozen=True, slots=True)
class Outcome:
    indicator: Indicator
    measure_no: int
    status: Status
    reason_code: str
    why: Reason  # the reason in no language: a code and its parameters (render.wording says it)
    overdue: bool = False
    actual: float | None = None
    target: float | None = None
    deadline: date | None = None
    period: Period | None = None
    progress: float | None = None  # share of the way from the baseline to the target
    observation: Observation | None = None
    provisional: bool = False
    trend: tuple[TrendPoint, ...] = ()
    growth_ratio: float | None = None
    # What a relative target (increase, decrease, reduce_by_ratio) was measured against:
    # (source, value, date) — source ``baseline``, ``document`` or ``previous_report``.
    reference: tuple[str, float, date | None] | None = None
    observations: tuple[Observation, ...] = field(default=(), repr=False)
    attainment: float | None = None  # actual ÷ target (target ÷ actual where lower is better)
    # Every figure that could have been the value, best first (scorecard --explain).
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)
    # the figures a named filter dropped before scoring (value, unit, filter): --explain
    dropped: tuple[tuple[float, str | None, str], ...] = field(default=(), repr=False)


def _not_measurable(
    ind: Indicator, measure_no: int, code: str, reason: Reason, **extra: object
) -> Outcome:
    # A value that cannot be judged keeps the rule's target and deadline: the reader still
    # sees what was to be reached, and by when.
    extra.setdefault("target", stated_threshold(ind))
    extra.setdefault("deadline", ind.deadline_end)
    return Outcome(ind, measure_no, Status.NOT_MEASURABLE, code, reason, **extra)  # type: ignore[arg-type]


def all_unmeasurable(outcomes: tuple[Outcome, ...] | list[Outcome]) -> Reason:
    """A measure none of whose indicators is measurable: each one's label and reason."""
    items = tuple(Reason.of("labelled", label=o.indicator.label, reason=o.why) for o in outcomes)
    return Reason.of("all_unmeasurable", items=items)


def stated_threshold(ind: Indicator) -> float | None:
    """The threshold the rule states without any reported value: the target, or the one its
    baseline gives (半減 of 1,000人 → 500人; 1割増 of a stated baseline)."""
    c = ind.comparator
    if c.needs_target:
        return ind.target
    if ind.baseline is None:
        return None
    base = ind.baseline.value
    if c is Comparator.REDUCE_BY_RATIO and ind.ratio is not None:
        return base * (1 - ind.ratio)
    sign = c.sign  # increase or decrease
    if ind.by is not None:
        return base + sign * ind.by
    if ind.by_ratio is not None:
        return base * (1 + sign * ind.by_ratio)
    return base


def evaluate_indicator(
    ind: Indicator,
    measure_no: int,
    extraction: Extraction,
    as_of: date,
    *,
    history: tuple[TrendPoint, ...] = (),
    share_base: Outcome | None = None,
) -> Outcome:
    """The outcome of one indicator of one report: extraction's ``decide`` chooses the value;
    this judges it."""
    u = ind.unit
    d = decide(ind, extraction, as_of)
    if d.kind == "pending":
        assert d.pending is not None
        return _not_measurable(
            ind, measure_no, "pending", Reason.of("pending", what=d.pending.text)
        )
    if d.kind in ("no_value", "no_number"):
        return _not_measurable(ind, measure_no, "no_value", Reason(d.kind))
    if d.kind == "unit_mismatch":
        o = d.observation
        assert o is not None
        return _not_measurable(
            ind,
            measure_no,
            "unit_mismatch",
            Reason.of("unit_mismatch", found=unit_label(o.unit), unit=u),
            observation=o,
        )
    if d.kind == "only_later":
        return _not_measurable(
            ind, measure_no, "no_value", Reason.of("only_later_values", as_of=as_of)
        )
    if d.kind == "ambiguous":
        return _not_measurable(
            ind,
            measure_no,
            "ambiguous",
            # a share's candidates are the counts it divides (share_of): in their own unit
            Reason.of(
                "ambiguous",
                values=d.values,
                unit=(ind.find.units or (u,))[0] if ind.share_of is not None else u,
            ),
            observation=d.observation,
            observations=d.usable,
        )
    evidence_obs, actual, latest_end = d.observation, d.actual, d.latest_end
    assert evidence_obs is not None and actual is not None and latest_end is not None
    period = evidence_obs.period
    provisional = any(o.provisional for o, _ in d.current)
    extra: dict[str, object] = {
        "observation": evidence_obs,
        "period": period,
        "provisional": provisional,
        "observations": d.usable,
    }
    if d.part_of_year and period is None:
        # 上半期(4~9月) 76,215件: part of a year whose year is not named
        return _not_measurable(
            ind,
            measure_no,
            "partial_period",
            Reason.of("partial_year", actual=actual, unit=ind.unit),
            actual=actual,
            **extra,
        )
    if d.part_of_year and period is not None:
        # NOTE: a yearly flow (年間10万回) counted over part of a year says nothing yet about
        # the year: comparing it would call every target behind until March.
        days = (period.end - period.start).days + 1
        return _not_measurable(
            ind,
            measure_no,
            "partial_period",
            Reason.of(
                "partial_period", actual=actual, unit=ind.unit, period=period.text, days=days
            ),
            actual=actual,
            **extra,
        )
    # (an every-year target's deadline is the end of the report's year)
    deadline = ind.deadline_end or (as_of if ind.every_year else None)
    deadline_counted = deadline is not None and latest_end >= deadline
    if (
        extraction.pending is not None
        and extraction.pending.end > latest_end
        and not deadline_counted  # the deadline's own value is there: a later one may wait
        # the value still being counted is the deadline's: until then the latest one is judged
        # (a target for 令和12年度末 with 令和8年度末分は集計中 is judged on 令和7年度末's)
        and deadline is not None
        and extraction.pending.end >= deadline
    ):
        # (a share's latest value is a count it divides, not a share: none is shown)
        latest = actual if ind.share_of is None else None
        return _not_measurable(
            ind,
            measure_no,
            "pending",
            Reason.of(
                "pending",
                what=extraction.pending.text,
                actual=latest,
                unit=u,
                period=_period_text(period),
            ),
            actual=latest,
            **extra,
        )
    if ind.share_of is not None:
        if share_base is None or share_base.actual is None:
            return _not_measurable(
                ind,
                measure_no,
                "no_value",
                Reason.of("share_base_missing", share_of=ind.share_of),
                **extra,
            )
        if share_base.actual == 0:
            return _not_measurable(ind, measure_no, "no_value", Reason("share_base_zero"), **extra)
        actual = 100.0 * actual / share_base.actual
    components = list(d.current) if ind.find.aggregate == "sum" else [(evidence_obs, actual)]
    series = earlier_points(d, components, extraction, ind)
    # An earlier report adds trend points only where the document states no value itself.
    stated = {p.when for p in series}
    for p in history:
        value = in_unit(p.value, p.unit, ind.unit)  # an earlier report may use another unit
        if value is not None and p.when < latest_end and p.when not in stated:
            series.append(TrendPoint(p.when, value, p.source))
    series.sort(key=lambda p: p.when)
    return _judge(ind, measure_no, actual, latest_end, as_of, series, extra)


def _period_text(period: Period | None) -> str | None:
    """The period as the document writes it; None when it names none (said as 時点不明)."""
    return period.text if period is not None and period.text else None


def _judge(
    ind: Indicator,
    measure_no: int,
    actual: float,
    when: date,
    as_of: date,
    series: list[TrendPoint],
    extra: dict[str, object],
) -> Outcome:
    u = ind.unit
    c = ind.comparator
    reference: float | None = None
    goal: Reason
    used: tuple[str, float, date | None] | None = None
    if c.against_reference:
        # NOTE: the reference is, in order, the rule's stated baseline, the previous value the
        # document itself states, then the previous report's value (--previous, or stored):
        # an earlier report never overrides what the document says about its own past.
        stated = [p for p in series if p.source != "history"]
        if ind.baseline is not None:
            reference = ind.baseline.value
            ref = Reason.of(
                "ref_baseline", period=ind.baseline.period or None, value=reference, unit=u
            )
            used = ("baseline", reference, None)
        elif stated:
            reference = stated[-1].value
            ref = Reason.of("ref_document", when=stated[-1].when, value=reference, unit=u)
            used = ("document", reference, stated[-1].when)
        elif series:
            reference = series[-1].value
            ref = Reason.of("ref_previous_report", when=series[-1].when, value=reference, unit=u)
            used = ("previous_report", reference, series[-1].when)
        else:
            return _not_measurable(
                ind,
                measure_no,
                "no_baseline",
                Reason.of("no_baseline", actual=actual, unit=u),
                actual=actual,
                **extra,
            )
        sign = c.sign
        if ind.by is not None:
            threshold = reference + sign * ind.by
        elif ind.by_ratio is not None:
            threshold = reference * (1 + sign * ind.by_ratio)
        else:
            threshold = reference
        strict = ind.by is None and ind.by_ratio is None
        met = c.meets(actual, threshold, strict=strict)
        goal = Reason.of(
            "goal_reference",
            ref=ref,
            comparator=c.value,
            threshold=None if strict else threshold,
            unit=u,
        )
    elif c is Comparator.REDUCE_BY_RATIO:
        assert ind.baseline is not None and ind.ratio is not None
        reference = ind.baseline.value
        used = ("baseline", reference, None)
        threshold = reference * (1 - ind.ratio)
        met = c.meets(actual, threshold, tolerance=ind.tolerance)
        goal = Reason.of(
            "goal_reduce",
            reference=reference,
            ratio=ind.ratio,
            threshold=threshold,
            unit=u,
            comparator=c.value,
        )
    else:
        assert ind.target is not None
        threshold = ind.target
        tol = ind.tolerance
        met = c.meets(actual, threshold, tolerance=tol)
        goal = Reason.of(
            "goal_bound", threshold=threshold, unit=u, comparator=c.value, approximate=bool(tol)
        )
        if ind.baseline is not None:
            reference = ind.baseline.value
    progress = _progress(
        c, actual, threshold, None if c.against_reference else reference, reference
    )
    attainment = _attainment(c, actual, threshold)
    deadline = _deadline(ind, when)
    extra = {
        **extra,
        "actual": actual,
        "target": threshold,
        "deadline": deadline,
        "progress": progress,
        "attainment": attainment,
        "reference": used,
    }
    got = Reason.of(
        "actual",
        actual=actual,
        unit=u,
        period=_period_text(extra.get("period")),  # type: ignore[arg-type]
        provisional=bool(extra.get("provisional")),
    )

    def outcome(
        status: Status, code: str, points: list[TrendPoint], **params: ReasonParam
    ) -> Outcome:
        more = {k: params.pop(k) for k in ("overdue", "growth_ratio") if k in params}
        reason = Reason.of(code, actual=got, goal=goal, **params)
        return Outcome(ind, measure_no, status, code, reason, trend=tuple(points), **extra, **more)  # type: ignore[arg-type]

    # The trend: the stated baseline, the earlier observations, then this one.
    points = [*_baseline_point(ind, series, when), *series, TrendPoint(when, actual, "document")]
    if met:
        return outcome(Status.ACHIEVED, "met", points)
    if deadline is None:
        return outcome(Status.BEHIND, "not_met", points)
    if deadline <= as_of:
        return outcome(Status.BEHIND, "overdue", points, deadline=deadline, overdue=True)
    goal_value = None if c.against_reference else threshold
    ratio = growth_ratio(points, goal_value, deadline) if goal_value is not None else None
    rounded = None if ratio is None else round(ratio, 3)
    if ratio is not None and ratio >= ON_TRACK_RATIO:
        first = points[0]
        return outcome(
            Status.ON_TRACK,
            "on_track",
            points,
            first_when=first.when,
            first_value=first.value,
            unit=u,
            ratio=ratio,
            deadline=deadline,
            growth_ratio=rounded,
        )
    if len(points) < 2:
        trend = Reason("trend_no_past")
    elif ratio is not None:
        trend = Reason.of("trend_slow", ratio=ratio)
    else:
        trend = Reason("trend_short")
    return outcome(
        Status.BEHIND,
        "not_on_track",
        points,
        deadline=deadline,
        trend=trend,
        growth_ratio=rounded,
    )


def _times(ratio: float) -> str:
    """A growth ratio as the reason writes it (bounded: see ``trend.RATIO_CAP``)."""
    return f"{RATIO_CAP:.0f}倍以上" if ratio >= RATIO_CAP else f"{ratio:.2f}倍"


def _baseline_point(ind: Indicator, series: list[TrendPoint], when: date) -> list[TrendPoint]:
    """The rule's baseline as the first point of the trend, when it names its period and
    stands before every observation (令和5年の1,000人 for a target to halve it by 2030)."""
    base = ind.baseline
    if base is None or not base.period:
        return []
    try:
        day = parse_period(base.period).end
    except ValueError:
        return []
    first = series[0].when if series else when
    if day >= first:
        return []
    try:
        unit = canonical_unit(base.unit) if base.unit else ind.pint_unit
        value = convert(base.value, unit, ind.pint_unit)
    except UnitError:
        return []
    return [TrendPoint(day, value, "baseline")]


def _deadline(ind: Indicator, when: date) -> date | None:
    if ind.every_year:
        return fiscal_year_end(fiscal_year_of(when))
    return ind.deadline_end


def _progress(
    comparator: Comparator,
    actual: float,
    threshold: float,
    baseline: float | None,
    reference: float | None,
) -> float | None:
    """Share of the way from the baseline (or the previous value) to the target: 0 at the
    baseline, 1 at the target. None where no baseline is stated or the target is the baseline
    itself (a plain increase or decrease): a share of the target is ``attainment``, not this."""
    start = baseline if baseline is not None else reference
    if start is None or threshold == start:
        return None
    return round((actual - start) / (threshold - start), 3)


def attainment_of(
    actual: float | None, target: float | None, comparator: Comparator | str
) -> float | None:
    """達成率 of a judged value (``actual`` against ``target``, both in the document's unit);
    None where either is missing or the ratio is undefined."""
    if actual is None or target is None:
        return None
    return _attainment(Comparator(comparator), actual, target)


def _attainment(comparator: Comparator, actual: float, threshold: float) -> float | None:
    """達成率: the value over the target, or the target over the value where lower is better;
    None where it would divide by zero (or by a negative, which a ratio does not read)."""
    if comparator.lower_is_better:
        return round(threshold / actual, 3) if actual > 0 and threshold >= 0 else None
    return round(actual / threshold, 3) if threshold > 0 and actual >= 0 else None
