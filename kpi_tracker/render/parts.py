"""What a streamed text rendering of a scorecard needs, in the order it writes it.

The Markdown, HTML, CSV and JUnit scorecards are written a measure at a time (``stream`` in
each module): the report, the counts and the missed targets (which come first in the page) are
made before, and every measure's dict and its indicators' dicts as their turn comes, then
dropped. Nothing the size of the whole scorecard dict is built — unless a part of the page needs
every indicator before the first measure: the previous report's year-over-year counts (the
headline) or the candidates of ``--explain`` (listed after the tables). Then the scorecard dict
is made whole, as ``scorecard_dict`` makes it, and the same pieces are read from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from ..judge.scorecard import (
    Say,
    Scorecard,
    indicator_entry,
    measure_dict,
    report_dict,
    scorecard_dict,
)
from ..model import Status
from ..shape import IndicatorData, MeasureData, ReportData, ScorecardData, SummaryData
from .text import missed

__all__ = ["Missed", "Pair", "Parts", "batched", "joined", "measure_pairs", "needs_whole", "parts"]

Pair = tuple[MeasureData, list[IndicatorData]]
T = TypeVar("T")
Made = Callable[[], T]  # a value made when it is called for


class Missed:
    """The missed targets, in ``text.missed``'s order (overdue first, then by measure): their
    count and how many are overdue are known at once; each indicator's dict (with its
    measure's) is made when it is read, not kept."""

    def __init__(
        self, found: Sequence[tuple[Made[MeasureData], Made[IndicatorData]]], overdue: int
    ) -> None:
        self.found = found
        self.overdue = overdue

    def __len__(self) -> int:
        return len(self.found)

    def __iter__(self) -> Iterator[IndicatorData]:
        for _, indicator in self.found:
            yield indicator()

    def with_measures(self) -> Iterator[tuple[MeasureData, IndicatorData]]:
        for measure, indicator in self.found:
            yield measure(), indicator()


@dataclass
class Parts:
    report: ReportData
    summary: SummaryData
    missed: Missed
    data: ScorecardData | None  # the whole dict, when made (see the module's docstring)
    pairs: Iterator[Pair]  # each measure's dict with its indicators' dicts, in order

    @property
    def yoy(self) -> bool:
        """Whether the scorecard has a previous report (its columns are shown)."""
        return self.data is not None and "year_over_year" in self.data


def needs_whole(card: Scorecard) -> bool:
    """Whether a part of the page needs every indicator before the first measure."""
    return card.previous is not None or card.explain


def parts(card: Scorecard, say: Say, whole: bool | None = None) -> Parts:
    """The parts of ``card`` with reasons worded by ``say``; ``whole``: make the scorecard dict
    whole (by default when ``needs_whole``)."""
    if needs_whole(card) if whole is None else whole:
        data = scorecard_dict(card, say)
        by_id = {i["id"]: i for i in data["indicators"]}
        by_no = {m["no"]: m for m in data["measures"]}
        pairs = ((m, [by_id[i] for i in m["indicators"]]) for m in data["measures"])
        listed = missed(data)
        found = [(partial(by_no.__getitem__, i["measure"]), partial(_same, i)) for i in listed]
        overdue = sum(1 for i in listed if i["overdue"])
        return Parts(data["report"], data["summary"], Missed(found, overdue), data, pairs)
    behind = [(m, o) for m in card.measures for o in m.outcomes if o.status is Status.BEHIND]
    behind.sort(key=lambda mo: (not mo[1].overdue, mo[1].measure_no))
    made = [
        (partial(measure_dict, m, say), partial(indicator_entry, card, m, o, say))
        for m, o in behind
    ]
    overdue = sum(1 for _, o in behind if o.overdue)
    return Parts(
        report_dict(card), card.summary(), Missed(made, overdue), None, measure_pairs(card, say)
    )


def _same(value: IndicatorData) -> IndicatorData:
    return value


def measure_pairs(card: Scorecard, say: Say) -> Iterator[Pair]:
    """Each measure's dict with its indicators' dicts, made one measure at a time."""
    for m in card.measures:
        yield measure_dict(m, say), [indicator_entry(card, m, o, say) for o in m.outcomes]


def joined(blocks: Iterator[list[str]]) -> Iterator[str]:
    """``"\\n".join`` of every line of ``blocks``, a block at a time (empty blocks add
    nothing)."""
    first = True
    for lines in blocks:
        if not lines:
            continue
        yield "\n".join(lines) if first else "\n" + "\n".join(lines)
        first = False


def batched(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """``pieces`` joined into pieces of about ``size`` characters (a template's output comes
    in many small ones)."""
    buffer: list[str] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer.clear()
            length = 0
    if buffer:
        yield "".join(buffer)
