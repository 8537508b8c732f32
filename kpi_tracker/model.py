"""The records every stage shares, at the bottom of the package: what a document, a rule and
an observation are, and the words kpi-tracker judges with (statuses and comparators).

Nothing here reads, extracts or judges: these are plain frozen values (and the enums with their
tables), so every stage can import them without importing another stage.

``Status`` and ``Comparator`` are ``StrEnum``s: a member *is* its string
(``Status.BEHIND == "behind"``), so JSON, CSV, the store and rules files keep the plain values,
and code that reads a status back from JSON can compare it with a member directly. Everything
said about a status or a comparator anywhere else (Japanese names, order, symbols, which way is
better, the wording of a target) is read from the tables here.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, TypeAlias

from .shape import ReportData
from .text.periods import Period, fiscal_year_end

__all__ = [
    "OVERDUE_JA",
    "Baseline",
    "Comparator",
    "Document",
    "Find",
    "Indicator",
    "Measure",
    "MeasureDone",
    "Observation",
    "RawDocument",
    "Reason",
    "Row",
    "SheetData",
    "SheetIndicator",
    "Status",
    "TrendPoint",
    "no_cycle_collection",
]


# --- statuses and comparators ----------------------------------------------------------------


class Status(StrEnum):
    """An indicator's (or a measure's) verdict at the evaluation date."""

    ACHIEVED = "achieved"  # the latest value meets the target
    ON_TRACK = "on_track"  # not yet, but the trend reaches the target by the deadline
    BEHIND = "behind"  # neither (overdue when the deadline has passed)
    NOT_MEASURABLE = "not_measurable"  # no usable number, with the reason

    @property
    def ja(self) -> str:
        """The Japanese name (達成, 順調, 遅れ, 測定不能)."""
        return _STATUS_TABLE[self].ja

    @property
    def en(self) -> str:
        """The English name, as the ``--lang en`` renderings print it."""
        return _STATUS_TABLE[self].en

    @property
    def mark(self) -> str:
        """The symbol shown beside the name, so that no rendering relies on colour alone."""
        return _STATUS_TABLE[self].mark

    @property
    def rank(self) -> int | None:
        """behind < on_track < achieved; None for not_measurable, which is outside the order."""
        return _STATUS_TABLE[self].rank

    @property
    def measurable(self) -> bool:
        return self.rank is not None


class _StatusRow(NamedTuple):
    ja: str
    en: str
    mark: str
    rank: int | None


_STATUS_TABLE = {
    Status.ACHIEVED: _StatusRow("達成", "achieved", "✅", 2),
    Status.ON_TRACK: _StatusRow("順調", "on track", "🔷", 1),
    Status.BEHIND: _StatusRow("遅れ", "behind", "❌", 0),
    Status.NOT_MEASURABLE: _StatusRow("測定不能", "not measurable", "⬜", None),
}

OVERDUE_JA = "期限超過"  # said after 遅れ when the deadline has passed: 遅れ(期限超過)


class Comparator(StrEnum):
    """How a reported value is compared with its target (the ``comparator:`` of a rule)."""

    AT_LEAST = ">="  # target: the value reaches it (within ``tolerance``)
    MORE_THAN = ">"  # target: the value exceeds it
    AT_MOST = "<="  # target: the value stays at or under it (within ``tolerance``)
    LESS_THAN = "<"  # target: the value stays under it
    INCREASE = "increase"  # more than the baseline or the previous value (by ``by``/``by_ratio``)
    DECREASE = "decrease"  # less than the baseline or the previous value (by ``by``/``by_ratio``)
    REDUCE_BY_RATIO = "reduce_by_ratio"  # the baseline less ``ratio`` of it (半減: ratio 0.5)

    @property
    def ja(self) -> str:
        """The Japanese word written after the target (100件以上, 前回値より増加)."""
        return _COMPARATOR_TABLE[self].ja

    @property
    def goal_ja(self) -> str:
        """The goal in one word, with or without a number (以上, 増加, 削減 for 半減 and 1割減)."""
        return _COMPARATOR_TABLE[self].goal_ja

    @property
    def lower_is_better(self) -> bool:
        return _COMPARATOR_TABLE[self].lower_is_better

    @property
    def sign(self) -> int:
        """+1 where a higher value is better, -1 where a lower one is."""
        return -1 if self.lower_is_better else 1

    @property
    def needs_target(self) -> bool:
        """A bound (>=, >, <=, <): the rule states the target value itself."""
        return _COMPARATOR_TABLE[self].kind == "bound"

    @property
    def against_reference(self) -> bool:
        """increase/decrease: compared with the baseline or the previous value, not a target."""
        return _COMPARATOR_TABLE[self].kind == "reference"

    def meets(
        self, actual: float, threshold: float, *, tolerance: float = 0.0, strict: bool = False
    ) -> bool:
        """Whether ``actual`` meets ``threshold``.

        ``tolerance`` (程度/概ね) widens the inclusive bounds (>=, <=, reduce_by_ratio) by that
        share of the threshold. ``strict`` applies to increase/decrease only: with no amount
        (``by``/``by_ratio``) any rise (fall) counts, so equality does not.
        """
        if self is Comparator.AT_LEAST:
            return actual >= threshold * (1 - tolerance)
        if self is Comparator.MORE_THAN:
            return actual > threshold
        if self in (Comparator.AT_MOST, Comparator.REDUCE_BY_RATIO):
            return actual <= threshold * (1 + tolerance)
        if self is Comparator.LESS_THAN:
            return actual < threshold
        if self is Comparator.INCREASE:
            return actual > threshold if strict else actual >= threshold
        return actual < threshold if strict else actual <= threshold


class _ComparatorRow(NamedTuple):
    ja: str
    goal_ja: str
    lower_is_better: bool
    kind: str  # "bound" (a stated target), "reference" (vs. baseline/previous), "ratio"


_COMPARATOR_TABLE = {
    Comparator.AT_LEAST: _ComparatorRow("以上", "以上", False, "bound"),
    Comparator.MORE_THAN: _ComparatorRow("超", "超", False, "bound"),
    Comparator.AT_MOST: _ComparatorRow("以下", "以下", True, "bound"),
    Comparator.LESS_THAN: _ComparatorRow("未満", "未満", True, "bound"),
    Comparator.INCREASE: _ComparatorRow("増加", "増加", False, "reference"),
    Comparator.DECREASE: _ComparatorRow("減少", "減少", True, "reference"),
    # After a threshold, that threshold is the baseline already reduced (半減 → half of it),
    # so 以下; the goal itself is a 削減.
    Comparator.REDUCE_BY_RATIO: _ComparatorRow("以下", "削減", True, "ratio"),
}


# --- rows of a document ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]
    ended: bool = True  # False for a last line without a line break (a file cut short?)


@dataclass(frozen=True)
class RawDocument:
    """A document's rows (an iterator: read once) and what the first pass learned."""

    source: str
    sha256: str
    encoding: str
    rows: Iterator[Row]


# --- a document and its measures -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Measure:
    no: int
    name: str
    section: tuple[str, ...]
    overview: str
    target_text: str
    status_text: str
    review_text: str
    urls: tuple[str, ...]
    ministries: tuple[str, ...]
    line: int

    def to_dict(self) -> dict[str, object]:
        return {
            "no": self.no,
            "name": self.name,
            "section": list(self.section),
            "overview": self.overview,
            "target_text": self.target_text,
            "status_text": self.status_text,
            "review_text": self.review_text,
            "urls": list(self.urls),
            "ministries": list(self.ministries),
            "line": self.line,
        }


@dataclass(frozen=True)
class Document:
    source: str
    sha256: str
    encoding: str
    title: str
    plan: str
    title_lines: tuple[str, ...]
    fiscal_year: int | None
    measures: tuple[Measure, ...]
    warnings: tuple[str, ...] = field(default=())
    # A structured KPI sheet's indicators (``sheet_model.SheetData``); None for a status table.
    sheet: SheetData | None = None
    content_sha256: str = ""
    """SHA-256 of the decoded, normalised cells: one document whatever its encoding, line ends,
    BOM or export format (the identity the store keeps)."""
    as_of_date: date | None = None
    """The date the report stands at when not the end of its fiscal year: ``--as-of``, or a
    sheet without a fiscal year in its title (its latest dated value)."""

    @property
    def as_of(self) -> date | None:
        """``as_of_date``, else the last day of the report's fiscal year (令和7年度 →
        2026-03-31)."""
        if self.as_of_date is not None:
            return self.as_of_date
        return None if self.fiscal_year is None else fiscal_year_end(self.fiscal_year)

    def report_dict(self) -> ReportData:
        return {
            "title": self.title,
            "plan": self.plan,
            "fiscal_year": self.fiscal_year,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "source": Path(self.source).name,
            "sha256": self.sha256,
        }


# --- compiled rules --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Find:
    label: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    bare: bool = False
    column: str = "status"
    value: str = "level"
    aggregate: str = "single"
    regex: str | None = None


@dataclass(frozen=True, slots=True)
class Baseline:
    value: float
    period: str | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    label: str
    find: Find
    comparator: Comparator
    unit: str  # as the rules file writes it (人, 市町村, %)
    pint_unit: str  # its canonical name (person, municipality, percent)
    find_units: tuple[str, ...]  # canonical names of the units the value may be written in
    target: float | None = None
    baseline: Baseline | None = None
    by: float | None = None
    by_ratio: float | None = None
    ratio: float | None = None
    deadline: str | None = None
    deadline_end: date | None = None
    every_year: bool = False
    tolerance: float = 0.0
    kind: str = "stock"
    share_of: str | None = None
    note: str | None = None


# --- reasons ---------------------------------------------------------------------------------

ReasonParam: TypeAlias = "str | int | float | bool | date | Reason | tuple[ReasonParam, ...] | None"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a verdict is what it is, in no language: a stable code (English snake_case) and its
    parameters (numbers, units, dates, the document's own words, nested reasons). The wording
    of each code, per language, is ``render.wording``'s; no stage below ``render`` writes one.

    ``notes`` are said after the reason, each in brackets (a direction inferred, a published
    rate that differs)."""

    code: str
    params: tuple[tuple[str, ReasonParam], ...] = ()
    notes: tuple[Reason, ...] = ()

    @classmethod
    def of(cls, code: str, **params: ReasonParam) -> Reason:
        return cls(code, tuple(params.items()))

    def get(self, name: str, default: ReasonParam = None) -> ReasonParam:
        for key, value in self.params:
            if key == name:
                return value
        return default

    def noted(self, note: Reason) -> Reason:
        """The same reason with ``note`` said after it."""
        return Reason(self.code, self.params, (*self.notes, note))


# --- observations ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """An earlier value of an indicator: stated in the document, given by a change statement,
    the rule's baseline, or an earlier report's (``history``)."""

    when: date
    value: float
    source: str  # "document", "change statement", "baseline", "history"
    unit: str | None = None  # an earlier report's unit as it writes it (万人); None: the rule's


@dataclass(frozen=True, slots=True)
class Observation:
    value: float
    unit: str | None
    period: Period | None
    evidence: str  # the sentence clause the value stands in, as written
    start: int  # span of the number in the searched text
    end: int
    score: float  # how well its words name what the indicator measures (features.py)
    provisional: bool = False  # 見込み, 速報値, 概数
    approx: bool = False
    bound: str | None = None
    change: str | None = None  # None for a level; "delta", "percent" or "points" for a change
    period_assumed: bool = False  # no period named: the report's own year was assumed
    previous: bool = False  # stated as the previous value (前年(18.2%)から上昇)
    years_back: int = 1  # how many years before, for a previous value with no period (一昨年度)
    total: bool = False  # stated as a total (合計で57,402件): a sum of parts is not needed
    # how the value was worked out when the text states it through another figure
    # (前年度(51.3%)から2.4ポイント増 → "51.3 + 2.4"); None for a value the text states
    derivation: str | None = None
    # counted over part of a year whose year is not named (上半期(4~9月), 4月~12月分)
    part_of_year: bool = False
    # the rounding a figure is written to where it is coarser than its digits (4人に3人: 25)
    step: float | None = None

    @property
    def strength(self) -> int:
        """The score in hundredths (the store keeps an integer)."""
        return round(self.score * 100)


# --- structured KPI sheets -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetIndicator:
    """One indicator of a sheet, ready to evaluate."""

    measure: int
    indicator: Indicator
    line: int  # the row the values came from (行政事業レビュー: the 3.実績値 row)
    observations: tuple[Observation, ...] = ()
    pending: Period | None = None  # a value cell saying 集計中
    unmeasurable: tuple[str, Reason] | None = None  # (reason_code, reason) decided by the reader
    note: Reason | None = None  # said after the reason (a direction inferred, not stated)
    targets_by_year: tuple[tuple[int, float], ...] = ()  # 行政事業レビュー: yearly targets
    published_rates: tuple[tuple[int, float], ...] = ()  # 行政事業レビュー: 4.達成率 by year
    published: str | None = None  # the category the office published (達成, 集計中 …)
    # what that category means (achieved, progressing, pending …), None for a word not known
    published_meaning: str | None = None


class MeasureDone(NamedTuple):
    """A streamed sheet's measure whose indicators have all been read (``read.sheets.review``
    in stream mode): no indicator of it follows. ``rank``: its section's place among the
    sections, in order of first appearance (the scorecard lists measures by rank, then line)."""

    measure: Measure
    rank: int


@dataclass(frozen=True)
class SheetData:
    layout: str  # "review" (行政事業レビュー 目標・実績) or "table" (one row per indicator)
    indicators: tuple[SheetIndicator, ...]


# --- building many records -------------------------------------------------------------------


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic GC while a document or a scorecard is built.

    NOTE: the records built here (measures, observations, outcomes) hold no reference cycles, so
    reference counting frees them; the cyclic collector would only walk the growing heap again
    and again — 20 full passes for a 71,500-measure corpus, which made the time grow faster
    than the input (11× for 10× the measures; 10× with the pause). The previous state is
    restored on exit, so nesting and callers that disabled the collector themselves are safe.

    NOTE: on exit everything built is moved to the oldest generation (``gc.freeze()`` then
    ``gc.unfreeze()``, which collects nothing). Re-enabled as they were, the collector would
    find them all in the youngest generation and walk them at the next allocation: a full pass
    over the new heap (0.2–0.3 s for a 30,000-indicator sheet) at the end of every load and
    every evaluation. In the oldest generation they are walked only when it has grown by a
    quarter, as for any long-lived data.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
