"""A KPI sheet judged as it is read: each indicator evaluated as its rows end, each measure
given once its last indicator is judged, then dropped; the counts kept as they go.

What ``evaluate`` makes of the same sheet read whole, the same outcomes and the same
measures, without holding them all: ``measures()`` gives each measure (with its outcomes and
their extra JSON fields) in the order the sheet closes them, with its place in the
scorecard's order; once they are all given, ``summary()``, ``behind``, ``overdue`` and
``scorecard()`` (the report's facts and warnings, no measures) describe the whole sheet. No
rules file and no earlier reports: a sheet that has either is judged whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any, NamedTuple, Protocol, TypeVar

from ..model import Document, MeasureDone, SheetIndicator, Status
from ..shape import SheetExtraData, SummaryData
from .outcome import Outcome
from .scorecard import MeasureOutcome, Scorecard
from .sheet_card import disagreement_warnings, judge_item, measure_result

__all__ = ["JudgedMeasure", "JudgedPart", "StreamedSheet", "in_batches"]

T = TypeVar("T")

# NOTE: reading, judging and writing one indicator after the other is ~8% slower than each
# stage over a few dozen at a time (the interpreter's caches); a batch is a bounded chunk.
BATCH = 48


def in_batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """``items`` taken ``size`` at a time."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _in_batches(items: Iterable[T]) -> Iterator[T]:
    """``items``, drawn from their source a batch at a time."""
    for batch in in_batches(items):
        yield from batch


class SharedReading(Protocol):
    """A sheet's reading that can be split in shares (``read.sheets.review.ReviewStream``)."""

    def share(self, k: int, n: int) -> None: ...
    def part(self) -> Any: ...
    def merge(self, parts: Iterable[Any]) -> None: ...


class JudgedPart(NamedTuple):
    """The counts of one share of a sheet's judging (``StreamedSheet.part``)."""

    counts: dict[Status, int]
    measures: int
    behind: int
    overdue: int
    disagreements: tuple[int, str, int]  # count, the first, its item's line
    categories: tuple[int, str, int]


SheetPart = tuple[JudgedPart, Any]  # what a share judged, and what its reading counted


@dataclass(frozen=True, slots=True)
class JudgedMeasure:
    measure: MeasureOutcome
    extras: tuple[SheetExtraData, ...]  # one per outcome, in order
    order: tuple[int, int]  # its place in the scorecard: section rank, then line


class StreamedSheet:
    """``events``: a sheet's ``SheetIndicator``s and ``MeasureDone``s in file order (every
    indicator before its measure's ``MeasureDone``); ``as_of``: called at the first event
    (the date may come from the first rows); ``document``: the sheet's ``Document`` once the
    events are over (its facts and warnings)."""

    def __init__(
        self,
        events: Iterable[SheetIndicator | MeasureDone],
        as_of: Callable[[], date],
        document: Callable[[], Document],
        source: str,
        reading: SharedReading | None = None,
    ) -> None:
        self.events = events
        self.reading = reading
        self._as_of = as_of
        self._document = document
        self.source = source
        self.as_of: date | None = None
        self.counts = {s: 0 for s in Status}
        self.measure_count = 0
        self.behind = 0
        self.overdue = 0
        self.disagreements = 0
        self.first_disagreement = ""
        self.categories = 0
        self.first_category = ""
        self.first_at = (0, 0)  # the lines of the first disagreement's and category's items
        self.share: tuple[int, int] | None = None  # (k, n): the measures numbered k mod n

    def measures(self) -> Iterator[JudgedMeasure]:
        """Each measure as it is complete (read once)."""
        open_: dict[int, list[tuple[Outcome, SheetExtraData]]] = {}
        as_of: date | None = None
        counts = self.counts
        source = self.source
        share = self.share
        for event in _in_batches(self.events):
            if as_of is None:
                as_of = self.as_of = self._as_of()
            if isinstance(event, MeasureDone):
                if share is not None and event.measure.no % share[1] != share[0]:
                    continue  # another share's
                found = open_.pop(event.measure.no, [])
                status, outcomes, grade, reason = measure_result([o for o, _ in found])
                self.measure_count += 1
                yield JudgedMeasure(
                    MeasureOutcome(event.measure, status, outcomes, grade, reason),
                    tuple(e for _, e in found),
                    (event.rank, event.measure.line),
                )
                continue
            outcome, extra, disagrees, category = judge_item(event, None, as_of, {}, source)
            counts[outcome.status] += 1
            if outcome.status is Status.BEHIND:
                self.behind += 1
                self.overdue += outcome.overdue
            if disagrees:
                if not self.disagreements:
                    self.first_disagreement = disagrees
                    self.first_at = (event.line, self.first_at[1])
                self.disagreements += 1
            if category:
                if not self.categories:
                    self.first_category = category
                    self.first_at = (self.first_at[0], event.line)
                self.categories += 1
            open_.setdefault(event.measure, []).append((outcome, extra))
        if open_:  # every indicator's measure is closed after it
            raise AssertionError(f"measures never closed: {sorted(open_)[:5]}")

    def run(self) -> None:
        """Judge every indicator, keeping only the counts (``-q``)."""
        for _ in self.measures():
            pass

    def in_share(self, k: int, n: int) -> None:
        """Judge only the measures numbered k modulo n (before ``measures``); the sheets
        reading the other shares judge the rest, and ``merge`` adds their counts."""
        if self.reading is None:
            raise ValueError("this sheet's reading cannot be shared")
        self.share = (k, n)
        self.reading.share(k, n)

    def part(self) -> SheetPart:
        """What this share read and judged, for ``merge`` in another."""
        assert self.reading is not None
        return self._judged(), self.reading.part()

    def merge(self, parts: Iterable[SheetPart]) -> None:
        """Add the other shares' counts: ``summary`` and ``scorecard`` then say what the whole
        sheet judged in one share says (the first disagreement is the first in the file)."""
        parts = list(parts)
        assert self.reading is not None
        self.reading.merge(read for _, read in parts)
        for judged, _ in parts:
            self._merge(judged)

    def _judged(self) -> JudgedPart:
        return JudgedPart(
            dict(self.counts),
            self.measure_count,
            self.behind,
            self.overdue,
            (self.disagreements, self.first_disagreement, self.first_at[0]),
            (self.categories, self.first_category, self.first_at[1]),
        )

    def _merge(self, p: JudgedPart) -> None:
        for status, count in p.counts.items():
            self.counts[status] += count
        self.measure_count += p.measures
        self.behind += p.behind
        self.overdue += p.overdue
        count, first, at = p.disagreements
        if count and (not self.disagreements or at < self.first_at[0]):
            self.first_disagreement, self.first_at = first, (at, self.first_at[1])
        self.disagreements += count
        count, first, at = p.categories
        if count and (not self.categories or at < self.first_at[1]):
            self.first_category, self.first_at = first, (self.first_at[0], at)
        self.categories += count

    def summary(self) -> SummaryData:
        counts = self.counts
        return {
            "measures": self.measure_count,
            "indicators": sum(counts.values()),
            "achieved": counts[Status.ACHIEVED],
            "on_track": counts[Status.ON_TRACK],
            "behind": counts[Status.BEHIND],
            "not_measurable": counts[Status.NOT_MEASURABLE],
        }

    def scorecard(self) -> Scorecard:
        """The scorecard's report and warnings, as ``evaluate`` gives them (no measures: they
        were given by ``measures``)."""
        document = self._document()
        as_of = self.as_of or self._as_of()
        warnings = disagreement_warnings(
            self.disagreements, self.first_disagreement, self.categories, self.first_category
        )
        return Scorecard(document, None, None, (), as_of, (*document.warnings, *warnings))
