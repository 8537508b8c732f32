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
from typing import TypeVar

from ..model import Document, MeasureDone, SheetIndicator, Status
from ..shape import SheetExtraData, SummaryData
from .outcome import Outcome
from .scorecard import MeasureOutcome, Scorecard
from .sheet_card import disagreement_warnings, judge_item, measure_result

__all__ = ["JudgedMeasure", "StreamedSheet", "in_batches"]

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
    ) -> None:
        self.events = events
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

    def measures(self) -> Iterator[JudgedMeasure]:
        """Each measure as it is complete (read once)."""
        open_: dict[int, list[tuple[Outcome, SheetExtraData]]] = {}
        as_of: date | None = None
        counts = self.counts
        source = self.source
        for event in _in_batches(self.events):
            if as_of is None:
                as_of = self.as_of = self._as_of()
            if isinstance(event, MeasureDone):
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
                self.disagreements += 1
            if category:
                if not self.categories:
                    self.first_category = category
                self.categories += 1
            open_.setdefault(event.measure, []).append((outcome, extra))
        if open_:  # every indicator's measure is closed after it
            raise AssertionError(f"measures never closed: {sorted(open_)[:5]}")

    def run(self) -> None:
        """Judge every indicator, keeping only the counts (``-q``)."""
        for _ in self.measures():
            pass

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
