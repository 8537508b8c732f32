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
from ..extract.candidates import Candidate, Extraction
from ..extract.features import AMBIGUITY_MARGIN
from ..model import Comparator, Indicator, Observation, Status
from ..text.numfmt import format_number
from ..text.periods import Period, fiscal_year_end, fiscal_year_of, parse_period
from ..text.units import canonical_unit, convert, unit_label
from .trend import ON_TRACK_RATIO, TrendPoint, earlier_points, effective_end, growth_ratio

__all__ = ["Outcome", "evaluate_indicator"]

PARTIAL_YEAR_DAYS = 330  # a yearly flow counted over fewer days is a part-year figure


@dataclass(frozen=True, slots=True)
class Outcome:
    indicator: Indicator
    measure_no: int
    status: Status
    reason_code: str
    reason: str
    overdue: bool = False
    actual: float | None = None
    target: float | None = None
    deadline: date | None = None
    period: Period | None = None
    progress: float | None = None
    observation: Observation | None = None
    provisional: bool = False
    trend: tuple[TrendPoint, ...] = ()
    growth_ratio: float | None = None
    observations: tuple[Observation, ...] = field(default=(), repr=False)
    # Every figure that could have been the value, best first (scorecard --explain).
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)


_fmt = format_number


def _not_measurable(
    ind: Indicator, measure_no: int, code: str, reason: str, **extra: object
) -> Outcome:
    # A value that cannot be judged keeps the rule's target and deadline: the reader still
    # sees what was to be reached, and by when.
    extra.setdefault("target", stated_threshold(ind))
    extra.setdefault("deadline", ind.deadline_end)
    return Outcome(ind, measure_no, Status.NOT_MEASURABLE, code, reason, **extra)  # type: ignore[arg-type]


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


def _in_unit(ind: Indicator, obs: Observation) -> float:
    if obs.unit is None:
        return obs.value
    # A share (share_of) divides two counts: the numerator stays in the unit it was read in.
    to = ind.find_units[0] if ind.share_of is not None else ind.pint_unit
    return convert(obs.value, obs.unit, to)


def evaluate_indicator(
    ind: Indicator,
    measure_no: int,
    extraction: Extraction,
    as_of: date,
    *,
    history: tuple[TrendPoint, ...] = (),
    share_base: Outcome | None = None,
) -> Outcome:
    """The outcome of one indicator of one report."""
    u = ind.unit
    all_obs = extraction.observations
    if not all_obs:
        if extraction.pending is not None:
            return _not_measurable(
                ind,
                measure_no,
                "pending",
                f"{extraction.pending.text}の値は集計中で、報告されていない",
            )
        why = (
            "該当する記述はあるが数値が見つからない"
            if extraction.found_label
            else "実績値の記述がない"
        )
        return _not_measurable(ind, measure_no, "no_value", why)
    usable: list[tuple[Observation, float]] = []
    for obs in all_obs:
        try:
            usable.append((obs, _in_unit(ind, obs)))
        except UnitError:
            continue
    if not usable:
        o = all_obs[0]
        return _not_measurable(
            ind,
            measure_no,
            "unit_mismatch",
            f"報告値の単位({unit_label(o.unit)})が目標の単位({u})と比較できない",
            observation=o,
        )
    # NOTE: when each observation stands, worked out once (it is asked five times below).
    ends = {id(o): effective_end(o, as_of) for o, _ in usable}
    eligible = [(o, v) for o, v in usable if ends[id(o)] <= as_of]
    if not eligible:
        return _not_measurable(
            ind, measure_no, "no_value", f"{as_of.isoformat()}までの実績値がない(それ以降の値のみ)"
        )
    if ind.kind == "flow" and ind.deadline_end is not None:
        # NOTE: the year a yearly target was set for, counted in full, decides it; a part of a
        # later year (令和8年度(4月~9月分)) does not hide it.
        whole = [(o, v) for o, v in eligible if not _part_of_year(o)]
        if (
            whole
            and len(whole) < len(eligible)
            and max(ends[id(o)] for o, _ in whole) >= ind.deadline_end
        ):
            eligible = whole
    # The latest observation wins; at that date, the one that scores best. Values that score
    # alike but differ are not guessed between.
    latest_end = max(ends[id(o)] for o, _ in eligible)
    at_latest = [(o, v) for o, v in eligible if ends[id(o)] == latest_end]
    at_latest.sort(key=lambda ov: -ov[0].score)
    totals = [(o, v) for o, v in at_latest if o.total]
    if ind.find.aggregate == "sum" and not totals:
        current = at_latest
        evidence_obs = current[0][0]
        actual = sum(v for _, v in current)
    else:
        at_latest = totals or at_latest  # a stated total rather than its parts
        top = at_latest[0][0].score
        current = [(o, v) for o, v in at_latest if o.score >= top - AMBIGUITY_MARGIN]
        values = {round(v, 9) for _, v in current}
        if len(values) > 1:
            listed = "、".join(_fmt(v) + u for v in sorted(values))
            return _not_measurable(
                ind,
                measure_no,
                "ambiguous",
                f"同じ時点の候補が複数あり特定できない({listed})",
                observation=current[0][0],
                observations=tuple(o for o, _ in usable),
            )
        evidence_obs, actual = current[0]
    period = evidence_obs.period
    provisional = any(o.provisional for o, _ in current)
    extra: dict[str, object] = {
        "observation": evidence_obs,
        "period": period,
        "provisional": provisional,
        "observations": tuple(o for o, _ in usable),
    }
    if ind.kind == "flow" and period is not None and _part_of_year(evidence_obs):
        # NOTE: a yearly flow (年間10万回) counted over part of a year says nothing yet about
        # the year: comparing it would call every target behind until March.
        days = (period.end - period.start).days + 1
        return _not_measurable(
            ind,
            measure_no,
            "partial_period",
            f"年間の目標に対し、報告値 {_fmt(actual)}{ind.unit} は{period.text}({days}日間)の"
            "一部期間の値",
            actual=actual,
            **extra,
        )
    deadline_counted = ind.deadline_end is not None and latest_end >= ind.deadline_end
    if (
        extraction.pending is not None
        and extraction.pending.end > latest_end
        and not deadline_counted  # the deadline's own value is there: a later one may wait
    ):
        return _not_measurable(
            ind,
            measure_no,
            "pending",
            f"{extraction.pending.text}の値は集計中"
            f"(直近の実績は{_period_text(period)} {_fmt(actual)}{u})",
            actual=actual,
            **extra,
        )
    if ind.share_of is not None:
        if share_base is None or share_base.actual is None:
            return _not_measurable(
                ind, measure_no, "no_value", f"割合の分母({ind.share_of})の値がない", **extra
            )
        if share_base.actual == 0:
            return _not_measurable(ind, measure_no, "no_value", "割合の分母が0", **extra)
        actual = 100.0 * actual / share_base.actual
    components = current if ind.find.aggregate == "sum" else [(evidence_obs, actual)]
    series = earlier_points(eligible, components, latest_end, as_of, extraction, ind, ends)
    series += [p for p in history if p.when < latest_end]
    series.sort(key=lambda p: p.when)
    return _judge(ind, measure_no, actual, latest_end, as_of, series, extra)


def _part_of_year(obs: Observation) -> bool:
    """Whether an observation covers less than a year (a yearly flow cannot be judged on it)."""
    period = obs.period
    if period is None or period.is_point:
        return False
    return (period.end - period.start).days + 1 < PARTIAL_YEAR_DAYS


def _period_text(period: Period | None) -> str:
    return period.text if period is not None and period.text else "時点不明"


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
    if c.against_reference:
        if ind.baseline is not None:
            reference = ind.baseline.value
            ref_text = f"基準値({ind.baseline.period or '計画策定時'}) {_fmt(reference)}{u}"
        elif series:
            reference = series[-1].value
            ref_text = f"前回値({series[-1].when.isoformat()}時点) {_fmt(reference)}{u}"
        else:
            return _not_measurable(
                ind,
                measure_no,
                "no_baseline",
                f"実績 {_fmt(actual)}{u} はあるが、比べる基準値・前回値がない",
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
        goal = f"{ref_text}より{c.ja}"
        if not strict:
            goal += f"(閾値 {_fmt(threshold)}{u})"
    elif c is Comparator.REDUCE_BY_RATIO:
        assert ind.baseline is not None and ind.ratio is not None
        reference = ind.baseline.value
        threshold = reference * (1 - ind.ratio)
        met = c.meets(actual, threshold, tolerance=ind.tolerance)
        goal = (
            f"基準値 {_fmt(reference)}{u} の{_fmt(ind.ratio * 100)}%減 = {_fmt(threshold)}{u}{c.ja}"
        )
    else:
        assert ind.target is not None
        threshold = ind.target
        tol = ind.tolerance
        met = c.meets(actual, threshold, tolerance=tol)
        goal = f"{_fmt(threshold)}{u}{c.ja}" + ("(程度)" if tol else "")
        if ind.baseline is not None:
            reference = ind.baseline.value
    progress = _progress(
        c, actual, threshold, None if c.against_reference else reference, reference
    )
    deadline = _deadline(ind, when)
    extra = {
        **extra,
        "actual": actual,
        "target": threshold,
        "deadline": deadline,
        "progress": progress,
    }
    note = "、見込み・速報値" if extra.get("provisional") else ""
    got = f"実績 {_fmt(actual)}{u}({_period_text(extra.get('period'))}{note})"  # type: ignore[arg-type]

    def outcome(
        status: Status, code: str, reason: str, trend: list[TrendPoint], **more: object
    ) -> Outcome:
        return Outcome(ind, measure_no, status, code, reason, trend=tuple(trend), **extra, **more)  # type: ignore[arg-type]

    # The trend: the stated baseline, the earlier observations, then this one.
    points = [*_baseline_point(ind, series, when), *series, TrendPoint(when, actual, "document")]
    if met:
        return outcome(Status.ACHIEVED, "met", f"{got}は目標({goal})を満たす", points)
    if deadline is None:
        return outcome(Status.BEHIND, "not_met", f"{got}は目標({goal})に届いていない", points)
    if deadline <= as_of:
        return outcome(
            Status.BEHIND,
            "overdue",
            f"{got}は目標({goal})に届かず、期限({deadline.isoformat()})を過ぎている",
            points,
            overdue=True,
        )
    goal_value = None if c.against_reference else threshold
    ratio = growth_ratio(points, goal_value, deadline) if goal_value is not None else None
    rounded = None if ratio is None else round(ratio, 3)
    if ratio is not None and ratio >= ON_TRACK_RATIO:
        first = points[0]
        return outcome(
            Status.ON_TRACK,
            "on_track",
            f"{got}は目標({goal})に未達だが、{first.when.isoformat()}の{_fmt(first.value)}{u}からの"
            f"伸び(必要な伸びの{ratio:.2f}倍)で期限({deadline.isoformat()})までに届く見込み",
            points,
            growth_ratio=rounded,
        )
    if len(points) < 2:
        why = "傾向を判断できる過去の値がない"
    elif ratio is not None:
        why = f"これまでの伸びは必要な伸びの{ratio:.2f}倍で届かない見込み"
    else:
        why = "傾向から届かない見込み"
    return outcome(
        Status.BEHIND,
        "not_on_track",
        f"{got}は目標({goal})に未達(期限 {deadline.isoformat()}、{why})",
        points,
        growth_ratio=rounded,
    )


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
    """Share of the way to the target: from the baseline when one is stated, else a ratio."""
    try:
        if comparator.needs_target and not comparator.lower_is_better:
            if baseline is not None and threshold != baseline:
                return round((actual - baseline) / (threshold - baseline), 3)
            return round(actual / threshold, 3)
        if not comparator.against_reference:  # <=, <, reduce_by_ratio
            if baseline is not None and threshold != baseline:
                return round((baseline - actual) / (baseline - threshold), 3)
            return round(threshold / actual, 3)
        if comparator is Comparator.INCREASE and reference:
            return round(actual / threshold, 3) if threshold else None
        if comparator is Comparator.DECREASE and actual:
            return round(threshold / actual, 3)
    except ZeroDivisionError:
        return None
    return None
