"""The decision: which of an indicator's candidates is its value. Every threshold is here.

1. ``accept``: of the scored candidates (best first), those at ``MIN_SCORE`` or more and at
   least ``ACCEPT_RATIO`` of the best become observations, with the same measure's figures at
   other dates (``LATER_BAR``, ``EARLIER_BAR``: ``_series_points``); a level worked out from a
   change gives way to a level of the same period the text states (``stated_first``).
2. ``resolve_siblings``: a figure a sibling indicator of the measure (named otherwise) scores
   ``CLAIM_MARGIN`` higher is the sibling's.
3. ``decide``: of the observations in the indicator's unit, those standing on or before
   ``as_of``; a yearly target's own year counted in full before a part of a later one; the
   latest wins; at that date a stated total before its parts, the best-scored otherwise, and
   two different values that score within ``AMBIGUITY_MARGIN`` are not guessed between.
4. ``earlier_points``: the earlier values of the chosen one (a series in the text, else the
   change statements beside it), each date's taken where one scores clearly best.

Judging (``judge.outcome``, ``judge.trend``) takes the ``Decision`` and never chooses again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..errors import UnitError
from ..model import Indicator, Observation, TrendPoint
from ..text.periods import Period, one_year_before, parse_period
from ..text.units import convert
from .features import is_rate

if TYPE_CHECKING:
    from .features import Scored

__all__ = [
    "ACCEPT_RATIO",
    "AMBIGUITY_MARGIN",
    "CLAIM_MARGIN",
    "MIN_SCORE",
    "PARTIAL_YEAR_DAYS",
    "SAME_VALUE",
    "Candidate",
    "Decision",
    "Extraction",
    "accept",
    "decide",
    "earlier_points",
    "effective_end",
    "part_of_year",
    "previous_from_change",
    "resolve_siblings",
    "same_end",
    "stated_first",
]

# A candidate scoring below this is no value at all.
MIN_SCORE = 0.1
# The candidates scoring at least this share of the best are observations of the value.
ACCEPT_RATIO = 0.75
# NOTE: one figure is the value of one indicator. Where a sibling of the same measure (named
# otherwise) scores a figure this much higher, the figure is the sibling's.
CLAIM_MARGIN = 0.15
# A figure standing after as_of sets this lower bar (a share of its score) for the figures
# that stand by then: below it, they name something else.
LATER_BAR = 0.5
# A figure dated before the value, in its unit, scoring at least this share of it is an earlier
# point of the value (a trend point or the reference of a change; never the value itself).
EARLIER_BAR = 0.4
# Two different values at the same date whose scores differ by less than this are ambiguous:
# the decision calls them so rather than guess.
AMBIGUITY_MARGIN = 0.06
# Two values that differ by less than this share of their size are one value written to
# another precision (a share worked out to 88.3008% and stated as 88.3%).
SAME_VALUE = 0.001
PARTIAL_YEAR_DAYS = 360  # a yearly flow counted over fewer days is a part-year figure


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value the indicator may have, with its score and the reasons (``--explain``)."""

    observation: Observation
    score: float
    scored: Scored | None = None  # the features behind the score

    @property
    def why(self) -> tuple[str, ...]:
        """The reasons for the score (``--explain``)."""
        return self.scored.why if self.scored else ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the text says about one indicator."""

    observations: tuple[Observation, ...]
    changes: tuple[tuple[Observation, Observation], ...] = ()  # (level, its change statement)
    pending: Period | None = None  # 集計中: the period whose value is not yet counted
    pending_evidence: str | None = None
    found_label: bool = field(default=False)  # the indicator's words occur in the text at all
    candidates: tuple[Candidate, ...] = ()  # every candidate, best first (for --explain)
    all_changes: tuple[tuple[Observation, Observation], ...] = ()  # of every candidate
    # the figures a named filter dropped before scoring: (value, unit, filter) — --explain
    dropped: tuple[tuple[float, str | None, str], ...] = ()
    totals_apart: bool = False  # as ``accept`` was asked (read again without claimed figures)
    claimed: frozenset[int] = frozenset()  # the positions a sibling's figures stand at


# --- 1. accept ---------------------------------------------------------------------------------


def stated_first(candidates: list[Candidate]) -> list[Candidate]:
    """Without the levels worked out for a period the text states a level of (相談件数は
    145,220件。前年度の148,668件を2.3%下回った: the stated figure, not 148,668 × 0.977)."""
    if not any(c.observation.derivation for c in candidates):
        return candidates
    stated = [c for c in candidates if not c.observation.derivation and not c.observation.previous]

    def restated(worked: Candidate) -> bool:
        # a stated level of the same period that names the value at least as well (not another
        # item's level beside it: ・A件数:前年度(1,200件)比+170件 ／ ・B件数:8,400件)
        return any(
            same_end(c.observation.period, worked.observation.period) and c.score >= worked.score
            for c in stated
        )

    return [c for c in candidates if not c.observation.derivation or not restated(c)]


def accept(
    candidates: tuple[Candidate, ...],
    all_changes: tuple[tuple[Observation, Observation], ...],
    pending: Period | None,
    pending_evidence: str | None,
    found_label: bool,
    claimed: frozenset[int] = frozenset(),
    totals_apart: bool = False,
) -> Extraction:
    """The candidates (best first) that score close to the best become the observations;
    those at ``claimed`` positions are left out. ``totals_apart``: a stated total is measured
    against the other totals only (an indicator that adds its parts: 計100自治体 after the
    parts' lines, which name it better)."""
    kept = [c for c in candidates if c.observation.start not in claimed] if claimed else candidates

    # NOTE: an earlier value stated beside the indicator's words (前年度(270,000回)), or a
    # part of a year (4~6月期 76.2%), sets no bar for the values of the whole year, which a
    # later sentence may give with fewer of them (令和8年度計 78.0%).
    def role(c: Candidate) -> tuple[bool, bool, bool]:
        o = c.observation
        return (o.previous, o.part_of_year, totals_apart and o.total)

    best: dict[tuple[bool, bool, bool], float] = {}
    for c in kept:
        best[role(c)] = max(best.get(role(c), 0.0), c.score)
    accepted = [
        c.observation for c in kept if c.score >= max(MIN_SCORE, best[role(c)] * ACCEPT_RATIO)
    ]
    accepted += _series_points(kept, accepted)
    if len(accepted) > 1:
        accepted.sort(key=lambda o: o.start)
    starts = {o.start for o in accepted}
    return Extraction(
        tuple(accepted),
        tuple((lv, rel) for lv, rel in all_changes if lv.start in starts) if all_changes else (),
        pending,
        pending_evidence,
        found_label or bool(accepted),
        candidates,
        all_changes,
        totals_apart=totals_apart,
    )


def _series_points(kept: Iterable[Candidate], accepted: list[Observation]) -> list[Observation]:
    """The figures of the same measure at other dates than a value stated with its date, in its
    unit: later ones the value's sentence dates (令和8年3月末時点では5万9千人の委員を任命
    していたが、令和9年3月末時点では約6万4千人), scoring at least ``LATER_BAR`` of it, then
    earlier ones named less fully (前回報告では、…、指定数1,150法人(令和8年3月末時点)),
    scoring at least ``EARLIER_BAR`` of it, which stand before the value and never replace it."""
    kept = tuple(kept)
    later = _dated_beside(kept, accepted, _later_of)
    return later + _dated_beside(kept, accepted + later, _earlier_of)


def _dated_beside(
    kept: tuple[Candidate, ...],
    accepted: list[Observation],
    related: Callable[[Observation, Candidate], bool],
) -> list[Observation]:
    """The dated levels among ``kept``, not accepted yet, ``related`` to a dated accepted one."""
    taken = {o.start for o in accepted}
    dated = [o for o in accepted if o.period is not None and not o.period_assumed]
    return [
        c.observation
        for c in kept
        if c.observation.start not in taken
        and c.observation.period is not None
        and not c.observation.period_assumed
        and not c.observation.change
        and any(related(o, c) for o in dated)
    ]


def _later_of(o: Observation, c: Candidate) -> bool:
    p = c.observation
    assert o.period is not None and p.period is not None
    return (
        not p.previous
        and o.evidence == p.evidence
        and o.unit == p.unit
        and o.start < p.start
        and p.period.end > o.period.end
        and c.score >= max(MIN_SCORE, o.score * LATER_BAR)
    )


def _earlier_of(o: Observation, c: Candidate) -> bool:
    p = c.observation
    assert o.period is not None and p.period is not None
    return (
        not o.previous
        and not p.derivation
        and o.unit == p.unit
        and p.period.end < o.period.end
        and c.score >= max(MIN_SCORE, o.score * EARLIER_BAR)
    )


def same_end(a: Period | None, b: Period | None) -> bool:
    """Whether two periods end on the same day, however written (令和9年3月末, and 令和8年度
    worked out from 前年度末): a value of each stands at the same date."""
    if a is None or b is None:
        return a is b
    return a.end == b.end


# --- 2. siblings -------------------------------------------------------------------------------


def _without_claimed(extraction: Extraction, claimed: frozenset[int]) -> Extraction:
    """The extraction again, without the candidates at ``claimed`` positions."""
    return _accepted_again(extraction, extraction.candidates, claimed)


def _accepted_again(
    extraction: Extraction, candidates: tuple[Candidate, ...], claimed: frozenset[int]
) -> Extraction:
    """The extraction accepted again from ``candidates``, without those at ``claimed``."""
    chosen = accept(
        candidates,
        extraction.all_changes,
        extraction.pending,
        extraction.pending_evidence,
        extraction.found_label,
        claimed,
        extraction.totals_apart,
    )
    return replace(
        chosen,
        candidates=extraction.candidates,
        dropped=extraction.dropped,
        claimed=claimed,
    )


def resolve_siblings(
    indicators: tuple[Indicator, ...], extractions: dict[str, Extraction]
) -> dict[str, Extraction]:
    """Each indicator's extraction without the figures a sibling indicator claims."""
    score_at = {
        ind.id: {c.observation.start: c.score for c in extractions[ind.id].candidates}
        for ind in indicators
        if ind.id in extractions
    }
    out = {}
    for ind in indicators:
        if ind.id not in extractions:
            continue
        mine = score_at[ind.id]
        claimed = frozenset(
            start
            for other in indicators
            if other.id != ind.id and other.label != ind.label and other.id in score_at
            for start, score in score_at[other.id].items()
            if start in mine and score > mine[start] + CLAIM_MARGIN
        )
        out[ind.id] = (
            _without_claimed(extractions[ind.id], claimed) if claimed else extractions[ind.id]
        )
    return out


# --- 3. decide ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """What the observations of one indicator decide, as of a date.

    ``kind``: ``value`` (``actual`` is the value, in the indicator's unit — the sum of
    ``current`` where the rule sums parts), ``pending`` (nothing counted yet: ``pending``),
    ``no_value`` / ``no_number`` (no figure; the indicator's words absent / present),
    ``unit_mismatch`` (``observation``: the first figure, in a unit that does not convert),
    ``only_later`` (every figure stands after ``as_of``) or ``ambiguous`` (``values``)."""

    kind: str
    actual: float | None = None
    observation: Observation | None = None  # the evidence
    latest_end: date | None = None  # when the value stands
    current: tuple[tuple[Observation, float], ...] = ()  # the value's observation(s)
    eligible: tuple[tuple[Observation, float], ...] = ()  # every one standing by as_of
    usable: tuple[Observation, ...] = ()  # every one in a unit that converts
    ends: dict[int, date] = field(default_factory=dict)  # effective_end by id(observation)
    values: tuple[float, ...] = ()  # the values too close to choose between (ambiguous)
    pending: Period | None = None
    part_of_year: bool = False  # a yearly flow's value counted over part of a year


def effective_end(obs: Observation, as_of: date, year_before: date) -> date:
    """When an observation stands. NOTE: a count taken 4月1日時点 describes the year just
    ended (Japanese statistics count stocks at the start of the fiscal year), so it stands at
    the previous day; a value with no period named stands at ``as_of``, and one stated as the
    previous value (前年の14.6%) a year before (``year_before``: ``as_of`` a year earlier)."""
    if obs.period is None:
        if not obs.previous:
            return as_of
        for _ in range(obs.years_back - 1):
            year_before = one_year_before(year_before)  # (一昨年度 741自治体)
        return year_before
    p = obs.period
    if p.is_point and p.start.month == 4 and p.start.day == 1:
        return p.start - timedelta(days=1)
    return p.end


def part_of_year(obs: Observation) -> bool:
    """Whether an observation covers less than a year (a yearly flow cannot be judged on it)."""
    if obs.part_of_year:
        return True
    period = obs.period
    if period is None or period.is_point:
        return False
    return (period.end - period.start).days + 1 < PARTIAL_YEAR_DAYS


def in_indicator_unit(ind: Indicator, obs: Observation) -> float:
    """The observation's value in the indicator's unit; ``UnitError`` when it does not
    convert. A share (share_of) divides two counts: the numerator stays in its own unit."""
    if obs.unit is None:
        return obs.value
    to = ind.find_units[0] if ind.share_of is not None else ind.pint_unit
    return convert(obs.value, obs.unit, to)


def decide(ind: Indicator, extraction: Extraction, as_of: date) -> Decision:
    """The value of one indicator as of ``as_of``, or why there is none."""
    all_obs = extraction.observations
    if not all_obs:
        if extraction.pending is not None:
            return Decision("pending", pending=extraction.pending)
        return Decision("no_number" if extraction.found_label else "no_value")
    usable: list[tuple[Observation, float]] = []
    for obs in all_obs:
        try:
            usable.append((obs, in_indicator_unit(ind, obs)))
        except UnitError:
            continue
    year_before = one_year_before(as_of)
    if not usable:
        return Decision("unit_mismatch", observation=all_obs[0])
    usable_obs = tuple(o for o, _ in usable)
    # NOTE: when each observation stands, worked out once (it is asked five times below).
    ends = {id(o): effective_end(o, as_of, year_before) for o, _ in usable}
    eligible = [(o, v) for o, v in usable if ends[id(o)] <= as_of]
    if len(eligible) < len(usable) or (_yearly(ind) and any(_over_years(o) for o, _ in eligible)):
        # NOTE: a figure standing after as_of (…令和9年度中に47都道府県となる見込み), or a
        # yearly flow's counted over several years, sets no bar for the figures that can be
        # the value: they are accepted again without it.
        again = _without_later(ind, extraction, as_of, year_before)
        if again is not None:
            return decide(ind, again, as_of)
    if not eligible:
        return Decision("only_later", usable=usable_obs)
    eligible = _whole_years_first(ind, _single_years_first(ind, eligible), ends)
    # 前年度(37%)から4ポイント増加: a previous value the text says has changed since is not
    # the latest value, though it may be the only figure (it stays an earlier point).
    current = eligible
    if extraction.changes:
        changed = {level.start for level, _ in extraction.changes}
        current = [(o, v) for o, v in eligible if not (o.previous and o.start in changed)]
    if not current:
        return Decision("no_number", usable=usable_obs)
    current = _without_vague_bounds(_restated_undated(current))
    current = _without_baseline(ind, current, ends)
    if not current:  # (only the rule's baseline restated: 基準 12.5%(R元年度)、最新値は集計中)
        if extraction.pending is not None:
            return Decision("pending", pending=extraction.pending)
        return Decision("no_number", usable=usable_obs)
    if not is_rate(ind.label):  # (a rate is no part of the total of counts beside it)
        current = _without_parts(current)
    decision = _at_latest(ind, current, eligible, usable_obs, ends, extraction.pending)
    evidence = decision.observation
    if (
        decision.kind == "value"
        and evidence is not None
        and (
            (ind.kind == "flow" and part_of_year(evidence))
            or (ind.every_year and _counted_over_months(evidence))
            # (令和8年度上半期(4~9月)に…88.2%: a part of the year its text names)
            or evidence.part_of_year
        )
    ):
        return replace(decision, part_of_year=True)
    return decision


def _without_later(
    ind: Indicator, extraction: Extraction, as_of: date, year_before: date
) -> Extraction | None:
    """The extraction accepted again from the candidates that stand by ``as_of`` (and, for a
    yearly flow, count one year); None when that accepts no other figure."""
    flow = _yearly(ind)
    standing = tuple(
        c
        for c in extraction.candidates
        if effective_end(c.observation, as_of, year_before) <= as_of
        and not (flow and _over_years(c.observation))
    )
    if not standing or standing[0].score < LATER_BAR * extraction.candidates[0].score:
        return None  # (the figures that stand by as_of name something else)
    again = _accepted_again(extraction, standing, extraction.claimed)
    before = {o.start for o in extraction.observations}
    if not again.observations or {o.start for o in again.observations} <= before:
        return None
    return again


def _counted_over_months(obs: Observation) -> bool:
    """Whether a value was counted over some months of a year, not a whole one (令和8年4月から
    12月までの実績, 上半期): a year's result that is not yet in. A month a survey was taken in
    (令和8年10月調査) is not such a part."""
    if obs.part_of_year:
        return True
    period = obs.period
    if period is None or period.is_point:
        return False
    return _MONTH_DAYS < (period.end - period.start).days + 1 < PARTIAL_YEAR_DAYS


_MONTH_DAYS = 31


def _single_years_first(
    ind: Indicator, eligible: list[tuple[Observation, float]]
) -> list[tuple[Observation, float]]:
    """A yearly flow's figures counted over several years (令和6~8年度の延べ17,690か所), and a
    yearly target's averaged over them (3か年平均では71.5%), give way to those of one year."""
    if not _yearly(ind):
        return eligible
    single = [(o, v) for o, v in eligible if not _over_years(o)]
    return single if single and len(single) < len(eligible) else eligible


def _yearly(ind: Indicator) -> bool:
    """Whether an indicator is a year's figure: a yearly flow, or a target set for each year."""
    return ind.kind == "flow" or ind.every_year


def _over_years(obs: Observation) -> bool:
    period = obs.period
    return period is not None and (period.end - period.start).days + 1 > _YEARS_DAYS


_YEARS_DAYS = 400  # (a fiscal year is 365 or 366 days; two are 730)


def _whole_years_first(
    ind: Indicator, eligible: list[tuple[Observation, float]], ends: dict[int, date]
) -> list[tuple[Observation, float]]:
    """NOTE: the year a yearly target was set for, counted in full, decides it; a part of a
    later year (令和8年度(4月~9月分)) does not hide it. A part of a year that ends no later
    than a whole year's value gives way to it (Q1 50/…/Q4 55、年度計 210)."""
    whole = [(o, v) for o, v in eligible if not part_of_year(o)]
    if not whole or len(whole) == len(eligible):
        return eligible
    latest_whole = max(ends[id(o)] for o, _ in whole)
    if ind.kind == "flow" and ind.deadline_end is not None and latest_whole >= ind.deadline_end:
        return whole
    return [(o, v) for o, v in eligible if not part_of_year(o) or ends[id(o)] > latest_whole]


def _restated_undated(
    current: list[tuple[Observation, float]],
) -> list[tuple[Observation, float]]:
    """Without a figure with no date of its own that restates one the text dates (【過去最高】
    取得率、46.0%に。… 令和7年度(2025年度)…46.0%): the same fact, of that date
    — stated in another sentence (in its own, R7: 23団体 beside this year's 23団体 is a value
    of another year that happens to be equal)."""
    dated = [(o.evidence, v) for o, v in current if not o.period_assumed and not o.previous]
    if not dated or len(dated) == len(current):
        return current
    return [
        (o, v)
        for o, v in current
        if not o.period_assumed
        or not any(e != o.evidence and abs(v - d) <= SAME_VALUE * abs(d) for e, d in dated)
    ]


def _without_vague_bounds(
    current: list[tuple[Observation, float]],
) -> list[tuple[Observation, float]]:
    """Without the undated bounds (30万件を超える水準で推移) where a figure of this year is
    stated exactly (令和7年度実績は31万1,200件): a bound with no date of its own is not the
    latest value."""
    if not any(o.bound and o.period_assumed for o, _ in current):
        return current
    exact = [(o, v) for o, v in current if not o.bound and not o.previous]
    if not exact:
        return current
    return [(o, v) for o, v in current if not (o.bound and o.period_assumed)]


def _without_parts(current: list[tuple[Observation, float]]) -> list[tuple[Observation, float]]:
    """The values without the parts of a total stated in the same sentence (20歳代 52.0%、
    70歳以上 72.0%、全国で66.0%): a part has no date of its own to make it the latest."""
    totals = [o.evidence for o, _ in current if o.total and not o.previous]
    if not totals:
        return current
    return [(o, v) for o, v in current if o.total or o.previous or o.evidence not in totals]


def _without_baseline(
    ind: Indicator, current: list[tuple[Observation, float]], ends: dict[int, date]
) -> list[tuple[Observation, float]]:
    """The values without the rule's baseline restated at its own date (基準 12.5%(令和元年度)
    for a target to raise it): the reference the value is measured from is not the value."""
    base = ind.baseline
    if base is None or not base.period or (base.unit and base.unit != ind.unit):
        return current
    try:
        day = parse_period(base.period).end
    except ValueError:
        return current
    return [
        (o, v)
        for o, v in current
        if not (ends[id(o)] <= day and abs(v - base.value) <= SAME_VALUE * max(abs(v), 1e-9))
    ]


def _at_latest(
    ind: Indicator,
    current: list[tuple[Observation, float]],
    eligible: list[tuple[Observation, float]],
    usable: tuple[Observation, ...],
    ends: dict[int, date],
    pending: Period | None,
) -> Decision:
    """The latest observation wins; at that date a stated total before its parts, then the
    one that scores best — unless another value scores alike (ambiguous)."""
    if len(current) == 1:  # NOTE: the common case, kept short
        obs, actual = current[0]
        return Decision(
            "value",
            actual,
            obs,
            ends[id(obs)],
            tuple(current),
            tuple(eligible),
            usable,
            ends,
            pending=pending,
        )
    latest_end = max(ends[id(o)] for o, _ in current)
    at_latest = [(o, v) for o, v in current if ends[id(o)] == latest_end]
    at_latest.sort(key=lambda ov: -ov[0].score)
    totals = _stated_totals(ind, at_latest)
    common = {
        "latest_end": latest_end,
        "eligible": tuple(eligible),
        "usable": usable,
        "ends": ends,
        "pending": pending,
    }
    if ind.find.aggregate == "sum" and not totals:
        return Decision(
            "value",
            actual=sum(v for _, v in at_latest),
            observation=at_latest[0][0],
            current=tuple(at_latest),
            **common,  # type: ignore[arg-type]
        )
    at_latest = _totals_first(ind, at_latest, totals)
    top = at_latest[0][0].score
    close = _dated_before_assumed(
        tuple((o, v) for o, v in at_latest if o.score >= top - AMBIGUITY_MARGIN)
    )
    values = _distinct(v for _, v in close) if len(close) > 1 else (close[0][1],)
    if len(values) > 1:
        # Values that score alike but differ are not guessed between.
        return Decision(
            "ambiguous",
            observation=close[0][0],
            current=close,
            values=tuple(sorted(values)),
            **common,  # type: ignore[arg-type]
        )
    # one value, stated or worked out in more than one way: the stated figure is the evidence
    obs, actual = next(((o, v) for o, v in close if not o.derivation), close[0])
    return Decision("value", actual=actual, observation=obs, current=close, **common)  # type: ignore[arg-type]


def _stated_totals(
    ind: Indicator, at_latest: list[tuple[Observation, float]]
) -> list[tuple[Observation, float]]:
    """The totals among the values; where the rule adds parts, also a value that is the sum
    of the others."""
    totals = [(o, v) for o, v in at_latest if o.total]
    if totals or ind.find.aggregate != "sum":
        return totals
    return _sum_of_the_others(at_latest)


def _sum_of_the_others(
    at_latest: list[tuple[Observation, float]],
) -> list[tuple[Observation, float]]:
    """The value that is the sum of the others, where one is (68自治体、46自治体、両事業を
    合わせると114自治体): a total stated without a word of it."""
    if len(at_latest) < _PARTS_AND_TOTAL:
        return []
    whole = sum(v for _, v in at_latest)
    return [(o, v) for o, v in at_latest if abs(2 * v - whole) <= SAME_VALUE * abs(v)][:1]


_PARTS_AND_TOTAL = 3


def _totals_first(
    ind: Indicator,
    at_latest: list[tuple[Observation, float]],
    totals: list[tuple[Observation, float]],
) -> list[tuple[Observation, float]]:
    """A stated total rather than its parts; for a rate, not a total (1人当たり213件, not the
    全国計239,560件 beside it)."""
    if is_rate(ind.label):
        return [(o, v) for o, v in at_latest if not o.total] or at_latest
    return totals or at_latest


def _dated_before_assumed(
    close: tuple[tuple[Observation, float], ...],
) -> tuple[tuple[Observation, float], ...]:
    """Of values that score alike, those the text dates at this time before those whose date
    was only assumed (前年度末時点で…500市町村…、令和8年度末時点では…510市町村), an exact
    value before an approximate one it agrees with (202団体; 目標(150団体)の135%(約202.5団体)),
    and of two that stand at one date, the one written with the later day."""
    if len(close) < 2:
        return close
    if any(o.period_assumed for o, _ in close):
        close = tuple((o, v) for o, v in close if not o.period_assumed) or close
    exact = [v for o, v in close if not o.approx]
    close = tuple(
        (o, v)
        for o, v in close
        if not o.approx or not any(abs(v - e) <= _ROUNDED * abs(e) for e in exact)
    )
    # (令和7年度末(見込み)6,866人、令和8年4月1日(速報値)7,412人: one date, the later one written)
    if all(o.period is not None for o, _ in close):
        last = max(o.period.end for o, _ in close if o.period is not None)
        close = tuple((o, v) for o, v in close if o.period is not None and o.period.end == last)
    return close


# how far an approximate value may stand from the exact one it rounds (1%)
_ROUNDED = 0.01


def _distinct(values: Iterable[float]) -> tuple[float, ...]:
    """The different values among ``values``: two that agree within ``SAME_VALUE`` of their
    size are one (88.3% stated, 1,268 ÷ 1,436 = 88.3008% worked out)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or abs(v - out[-1]) > SAME_VALUE * max(abs(v), abs(out[-1])):
            out.append(v)
    return tuple(out)


# --- 4. earlier values -------------------------------------------------------------------------


def earlier_points(
    decision: Decision,
    components: list[tuple[Observation, float]],
    extraction: Extraction,
    ind: Indicator,
) -> list[TrendPoint]:
    """Earlier observations of the decided value: a series in the text (with values stated as
    the previous one), or the change statements beside the current value (``components``,
    with their values in the indicator's unit) — of each of its parts when it is a sum
    (窓口・電話・メールの件数)."""
    assert decision.latest_end is not None
    current_end, ends = decision.latest_end, decision.ends
    at: dict[date, list[tuple[float, float]]] = {}
    for obs, value in decision.eligible:
        when = ends[id(obs)]
        if when < current_end and (obs.period is not None or obs.previous):
            scored = at.get(when)
            if scored is None:
                at[when] = [(obs.score, round(value, 9))]
            else:
                scored.append((obs.score, round(value, 9)))
    out = []
    for when in sorted(at):
        # An earlier value is taken where one scores clearly best, or all agree.
        scored = at[when]
        if len(scored) == 1:  # NOTE: most dates have one value (every row of a sheet)
            out.append(TrendPoint(when, scored[0][1], "document"))
            continue
        scored.sort(reverse=True)
        top_score, top_value = scored[0]
        if all(v == top_value or s < top_score - AMBIGUITY_MARGIN for s, v in scored[1:]):
            out.append(TrendPoint(when, top_value, "document"))
    if out:
        return out
    previous_parts = []
    for part, value in components:
        change = next((c for level, c in extraction.changes if level.start == part.start), None)
        previous = previous_from_change(value, change, ind) if change else None
        if previous is None:
            return out
        previous_parts.append(previous)
    return [TrendPoint(one_year_before(current_end), sum(previous_parts), "change statement")]


def previous_from_change(actual: float, change: Observation, ind: Indicator) -> float | None:
    """The previous value a change statement gives for ``actual`` (前年度比4.1%増: ÷ 1.041)."""
    if change.change == "percent":
        factor = 1 + change.value / 100
        return actual / factor if factor > 0 else None
    if change.change == "points":
        return actual - change.value if ind.pint_unit == "percent" else None
    if change.change == "delta" and change.unit is None:
        return actual - change.value  # 781自治体…、1年前から17増えた: the level's own unit
    if change.change == "delta" and change.unit is not None:
        try:
            return actual - convert(change.value, change.unit, ind.pint_unit)
        except UnitError:
            return None
    return None
