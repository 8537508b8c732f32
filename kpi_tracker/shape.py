"""The one shape of a scorecard after the ``Scorecard``: what ``scorecard_dict`` builds, every
renderer reads and ``--format json`` writes; the stored report ``store.stored_card`` gives back;
and the comparison ``compare_dict`` builds. JSON is one serialisation of these dicts.

``status`` and ``comparator`` are written as their values (``vocabulary.Status`` and
``vocabulary.Comparator`` are ``str`` enums, so either fits); numbers are plain JSON numbers in
the document's unit (``numfmt.plain_number``); dates are ISO strings.
"""

# NOTE: no ``from __future__ import annotations`` here: TypedDict reads NotRequired from the
# evaluated annotations, so that ``__required_keys__`` tells the truth at run time (tests check
# the JSON against it).
from typing import NotRequired, TypedDict

__all__ = [
    "CandidateData",
    "CardData",
    "ChangeData",
    "CompareData",
    "CompareSummaryData",
    "EvidenceData",
    "IndicatorData",
    "JudgedData",
    "JudgementData",
    "MeasureData",
    "PeriodData",
    "PreviousData",
    "ReferenceData",
    "ReportData",
    "ScorecardData",
    "SheetExtraData",
    "SideData",
    "StoredCardData",
    "SummaryData",
    "TrendPointData",
    "YearOverYearData",
    "status_counts",
]


class ReportData(TypedDict):
    """The report a scorecard (or a stored report, or ``measures``) is of."""

    title: str
    plan: str
    fiscal_year: int | None
    as_of: str | None
    source: str
    sha256: str
    rules: NotRequired[str | None]  # a scorecard: the rules file used
    rules_sha256: NotRequired[str | None]
    stored_id: NotRequired[int | None]  # a stored report: its id


class SummaryData(TypedDict):
    """Counts of a scorecard: measures, indicators, and indicators by status."""

    measures: int
    indicators: int
    achieved: int
    on_track: int
    behind: int
    not_measurable: int


def status_counts(summary: SummaryData) -> dict[str, int]:
    """The summary's indicator counts by status value."""
    return {
        "achieved": summary["achieved"],
        "on_track": summary["on_track"],
        "behind": summary["behind"],
        "not_measurable": summary["not_measurable"],
    }


class MeasureData(TypedDict):
    no: int
    name: str
    section: list[str]
    ministries: list[str]
    status: str
    status_ja: str
    grade: str | None
    reason: str | None  # why not measurable
    target_text: str
    line: int
    indicators: list[str]  # ids, in the rules' order


class PeriodData(TypedDict):
    start: str
    end: str
    text: str | None  # as the document writes it; a stored report may lack it


class EvidenceData(TypedDict):
    text: str
    line: int


class TrendPointData(TypedDict):
    date: str
    value: float | None
    source: str


class CandidateData(TypedDict):
    """One value an indicator may have (``--explain``)."""

    value: float | None
    unit: str
    score: float
    chosen: bool
    previous: bool
    period: str | None
    why: list[str]
    evidence: str
    features: NotRequired[dict[str, float]]  # the scorer's features that are not 0
    derivation: NotRequired[str]  # how a value given through another was worked out


class DroppedData(TypedDict):
    """A figure a named filter dropped before scoring (``--explain``)."""

    value: float | None
    unit: str
    filter: str  # restated_target, approximate_twin, note, unit, unrelated_sentence, …


class PreviousData(TypedDict):
    """An indicator's value in the earlier report it is shown against."""

    actual: float | None
    status: str
    overdue: bool
    period: PeriodData | None
    progress: float | None


class JudgementData(TypedDict):
    """An indicator's rule and verdict, as the store keeps them (a ``history`` row has these)."""

    label: str
    status: str
    overdue: bool
    actual: float | None
    target: float | None
    unit: str
    comparator: str
    deadline: str | None


class JudgedData(JudgementData):
    """An indicator's judgement with its identity, period and progress (the share of the way
    from the baseline to the target): what a stored report gives back and ``compare`` reads."""

    id: str
    measure: int
    period: PeriodData | None
    progress: float | None


class ReferenceData(TypedDict):
    """The reference of a relative target: ``source`` is ``baseline`` (the rule's),
    ``document`` (the previous value the document states) or ``previous_report``."""

    source: str
    value: float | int | None
    date: str | None


class IndicatorData(JudgedData):
    """An indicator of a scorecard."""

    status_ja: str
    kind: str
    attainment: float | None  # actual ÷ target (target ÷ actual where lower is better)
    reason: str  # said in the run's language (``reason_code`` and its parameters, worded)
    reason_code: str
    provisional: bool
    approximate: bool
    evidence: EvidenceData | None
    trend: list[TrendPointData]
    growth_ratio: float | None
    # a relative target: what it was measured against (``ReferenceData``)
    reference: NotRequired[ReferenceData | None]
    # --explain
    candidates: NotRequired[list[CandidateData]]
    dropped: NotRequired[list[DroppedData]]
    # a structured sheet (``SheetExtraData``)
    line: NotRequired[int]
    achievement_rate: NotRequired[float | None]
    published_rate: NotRequired[float | None]
    rate_disagrees: NotRequired[bool]
    # against a previous report (``compare.attach_previous``)
    previous: NotRequired[PreviousData | None]
    movement: NotRequired[str]
    direction: NotRequired[str | None]
    delta: NotRequired[float | None]
    delta_pct: NotRequired[float | None]


class SheetExtraData(TypedDict, total=False):
    """What a structured KPI sheet adds to (or sets in) an indicator: its row, and the
    published 達成率 beside the engine's."""

    line: int
    evidence: EvidenceData | None
    achievement_rate: float | None
    published_rate: float | None
    rate_disagrees: bool


class YearOverYearData(TypedDict):
    previous: ReportData
    movement: dict[str, int]  # by ``compare.MOVEMENTS``
    regressions: int


class ScorecardData(TypedDict):
    """A scorecard: ``scorecard_dict``, ``--format json``."""

    report: ReportData
    summary: SummaryData
    measures: list[MeasureData]
    indicators: list[IndicatorData]
    warnings: list[str]
    year_over_year: NotRequired[YearOverYearData]


class StoredCardData(TypedDict):
    """A stored report as ``compare`` reads it (``store.stored_card``)."""

    report: ReportData
    indicators: list[JudgedData]


# What ``compare`` and a previous report take: a scorecard or a stored report.
CardData = ScorecardData | StoredCardData


class SideData(TypedDict):
    """One side (old or new) of a change."""

    status: str
    overdue: bool
    actual: float | None
    target: float | None
    unit: str
    period: PeriodData | None
    progress: float | None
    attainment: float | None
    deadline: str | None


class ChangeData(TypedDict):
    measure: int
    indicator: str
    label: str
    old: SideData | None
    new: SideData | None
    change: str  # ``compare.CHANGES``
    movement: str  # ``compare.MOVEMENTS``
    delta: float | None
    delta_pct: float | None
    direction: str | None


class CompareSummaryData(TypedDict):
    indicators: int
    movement: dict[str, int]
    change: dict[str, int]
    regressions: int


class CompareData(TypedDict):
    """``compare_dict``, ``compare --format json``."""

    old: ReportData
    new: ReportData
    summary: CompareSummaryData
    changes: list[ChangeData]
    warnings: NotRequired[list[str]]  # units that changed into ones that do not compare
