"""Structured KPI sheets → the records the engine evaluates, whatever the layout.

A sheet becomes a ``Document`` whose measures are its projects (or the rows' owners, or the
rows), with ``Document.sheet`` holding one ``SheetIndicator`` per indicator: a compiled
``rules.Indicator`` built from the columns (no rules file needed) and the observations read
from the value columns. ``sheet_card`` evaluates them with the same ``evaluate_indicator`` as
the prose table, so statuses, trends and reports mean the same thing.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ...model import (
    Baseline,
    Comparator,
    Document,
    Find,
    Indicator,
    Measure,
    MeasureDone,
    Observation,
    SheetData,
    SheetIndicator,
)
from ...text.periods import Period, find_periods
from ..columns import ministries_in

__all__ = ["SheetData", "SheetIndicator", "make_indicator", "observation", "report_facts"]

NO_FIND = Find()  # sheet indicators are read from columns, not found in text


def make_indicator(
    ident: str,
    label: str,
    comparator: str,
    unit: str,
    target: float | None,
    deadline: Period | None,
    baseline: tuple[float, str | None] | None = None,
    *,
    by: float | None = None,
    every_year: bool = False,
) -> Indicator:
    return Indicator(
        id=ident,
        label=label,
        find=NO_FIND,
        comparator=Comparator(comparator),
        unit=unit,
        pint_unit="",  # values are in the sheet's unit already: nothing to convert
        find_units=(),
        target=target,
        baseline=Baseline(baseline[0], baseline[1], unit) if baseline else None,
        deadline=deadline.text if deadline else None,
        deadline_end=deadline.end if deadline else None,
        by=by,
        every_year=every_year,
    )


def observation(
    value: float, period: Period | None, evidence: str, provisional: bool = False
) -> Observation:
    """A value read from a column: the whole cell is the evidence, the label is the column."""
    return Observation(value, None, period, evidence, 0, 0, 2, provisional)


class MeasureBook:
    """The measures of a sheet, in order of first appearance, numbered by key."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._by_key: dict[str, Measure] = {}
        self._numbers: set[int] = set()

    def number_for(
        self,
        key: str,
        name: str,
        owner: str,
        line: int,
        number: int | None = None,
        section: tuple[str, ...] | None = None,
    ) -> int:
        measure = self._by_key.get(key)
        if measure is not None:
            return measure.no
        if number is None or number in self._numbers:
            number = max(self._numbers, default=0) + 1
        self._numbers.add(number)
        self._by_key[key] = _new_measure(number, name, owner, line, section)
        return number

    def measures(self) -> tuple[Measure, ...]:
        """Grouped by owner (the scorecard's sections), in order of first appearance."""
        order: dict[tuple[str, ...], int] = {}
        for m in self._by_key.values():
            order.setdefault(m.section, len(order))
        return tuple(sorted(self._by_key.values(), key=lambda m: (order[m.section], m.line)))


def _new_measure(
    number: int, name: str, owner: str, line: int, section: tuple[str, ...] | None
) -> Measure:
    ministries = tuple(ministries_in(owner)) or ((owner,) if owner else ())
    return Measure(
        no=number,
        name=name,
        section=section if section is not None else ((owner,) if owner else ()),
        overview="",
        target_text="",
        status_text="",
        review_text="",
        urls=(),
        ministries=ministries,
        line=line,
    )


class NotStreamable(Exception):
    """A sheet read as a stream turned out not to be one: a project's rows come back after
    another project's (``StreamedBook``). The caller reads the file again, whole. Not a
    ``KpiTrackerError``: nothing is wrong with the file."""


class _Numbers:
    """A set of ints as sorted, disjoint ``[start, end]`` runs: the measure numbers of a sheet
    (1, 2, 3 … or the projects' own ids, mostly in runs) in memory that does not grow with
    them."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __contains__(self, n: int) -> bool:
        i = bisect_right(self.starts, n) - 1
        return i >= 0 and n <= self.ends[i]

    def top(self) -> int:
        return self.ends[-1] if self.ends else 0

    def add(self, n: int) -> None:
        if n in self:
            return
        i = bisect_right(self.starts, n)  # the run before n is i - 1, the run after it i
        joins_before = i > 0 and self.ends[i - 1] == n - 1
        joins_after = i < len(self.starts) and self.starts[i] == n + 1
        if joins_before and joins_after:
            self.ends[i - 1] = self.ends[i]
            del self.starts[i], self.ends[i]
        elif joins_before:
            self.ends[i - 1] = n
        elif joins_after:
            self.starts[i] = n
        else:
            self.starts.insert(i, n)
            self.ends.insert(i, n)


class _Closed:
    """The keys of the measures already closed, as a Bloom filter of fixed size (1 MiB, six
    bits a key): "not closed" is certain; "closed" is wrong about twice in 10⁹ lookups with
    50,000 projects closed, and then only costs a whole read (``NotStreamable``)."""

    _BITS = 1 << 23

    def __init__(self) -> None:
        import mmap

        # NOTE: an anonymous mapping: the kernel gives a page only once a bit in it is set, so
        # a small sheet does not pay for the whole filter (a bytearray is written whole).
        self.bits = mmap.mmap(-1, self._BITS >> 3)

    def _spots(self, key: str) -> list[int]:
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=24).digest()
        mask = self._BITS - 1
        return [int.from_bytes(digest[i : i + 4], "little") & mask for i in range(0, 24, 4)]

    def add(self, key: str) -> None:
        for spot in self._spots(key):
            self.bits[spot >> 3] |= 1 << (spot & 7)

    def __contains__(self, key: str) -> bool:
        return all(self.bits[s >> 3] & (1 << (s & 7)) for s in self._spots(key))


class StreamedBook(MeasureBook):
    """``MeasureBook`` for a sheet read as a stream: the same numbers, and the same order
    (``MeasureDone.rank``), but a measure is dropped once ``close``d — only the measures open
    at a time are held. A closed key asked for again raises ``NotStreamable``."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self._used = _Numbers()
        self._closed = _Closed()
        self._ranks: dict[tuple[str, ...], int] = {}

    def number_for(
        self,
        key: str,
        name: str,
        owner: str,
        line: int,
        number: int | None = None,
        section: tuple[str, ...] | None = None,
    ) -> int:
        measure = self._by_key.get(key)
        if measure is not None:
            return measure.no
        if key in self._closed:
            raise NotStreamable(key)
        if number is None or number in self._used:
            number = self._used.top() + 1
        self._used.add(number)
        measure = self._by_key[key] = _new_measure(number, name, owner, line, section)
        self._ranks.setdefault(measure.section, len(self._ranks))
        return number

    def was_closed(self, key: str) -> bool:
        return key in self._closed

    def close(self, key: str) -> MeasureDone | None:
        """The measure of ``key``, now complete (None if it has none or is closed)."""
        measure = self._by_key.pop(key, None)
        if measure is None:
            return None
        self._closed.add(key)
        return MeasureDone(measure, self._ranks[measure.section])

    def open_keys(self) -> list[str]:
        return list(self._by_key)

    def measures(self) -> tuple[Measure, ...]:
        return ()  # given one at a time by ``close``


_YEAR_IN_NAME = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


def report_facts(
    title_lines: Iterable[str], source: str, default_title: str
) -> tuple[str, str, int | None]:
    """Title, plan and fiscal year of a sheet: from the lines above the header, else from the
    file name (``3-1_RS_2024_…`` → 2024). The plan is the title without its year, so that the
    sheets of successive years are one plan in the history."""
    lines = [ln for ln in title_lines if ln.strip()]
    title = lines[0].strip() if lines else default_title
    fiscal_year = None
    for line in lines:
        years = [p.period for p in find_periods(line) if "年度" in p.text]
        if years:
            start = years[-1].start
            fiscal_year = start.year if start.month >= 4 else start.year - 1
            break
    if fiscal_year is None:
        name = Path(source).stem
        m = _YEAR_IN_NAME.search(name)
        if m:
            fiscal_year = int(m.group(1))
        else:
            years = [p.period for p in find_periods(name) if "年度" in p.text]
            if years:
                fiscal_year = years[-1].start.year
    plan = title
    for p in reversed(find_periods(title)):
        plan = plan[: p.start] + plan[p.end :]
    plan = re.sub(r"[\(（]\s*[\)）]", "", plan).strip() or title
    return title, plan, fiscal_year


def sheet_document(
    source: str,
    sha256: str,
    encoding: str,
    title_lines: tuple[str, ...],
    default_title: str,
    book: MeasureBook,
    data: SheetData,
    warnings: list[str],
    fiscal_year: int | None = None,
    latest_dated: Callable[[], date | None] | None = None,
) -> Document:
    """``latest_dated``: the latest value date when ``data`` does not hold the indicators (a
    stream); by default, found in ``data``."""
    title, plan, year = report_facts(title_lines, source, default_title)
    fiscal_year = year if year is not None else fiscal_year
    as_of = None
    if fiscal_year is None:
        # NOTE: a sheet says when it stands by its values: the latest dated one (a 最新値 with
        # its date, the last year column with values). One warning says so; --as-of moves it.
        latest = latest_value_date(data) if latest_dated is None else latest_dated()
        if latest is None:
            warnings.append(
                f"{source}: no report fiscal year in the title or the file name, and no dated "
                "value; give --as-of"
            )
        else:
            as_of = latest
            fiscal_year = latest.year if latest.month >= 4 else latest.year - 1
            warnings.append(
                f"{source}: no report fiscal year in the title or the file name: the report "
                f"stands at its latest dated value, {latest.isoformat()} (--as-of sets another "
                "date)"
            )
    return Document(
        source=source,
        sha256=sha256,
        encoding=encoding,
        title=title,
        plan=plan,
        title_lines=title_lines,
        fiscal_year=fiscal_year,
        measures=book.measures(),
        warnings=tuple(warnings),
        sheet=data,
        as_of_date=as_of,
    )


def latest_value_date(data: SheetData) -> date | None:
    """The end of the latest period any value of the sheet is dated to (baselines count: a
    sheet of baselines only stands when they were measured), None when no value is dated."""
    latest: date | None = None
    for item in data.indicators:
        for obs in item.observations:
            if obs.period is not None and (latest is None or obs.period.end > latest):
                latest = obs.period.end
    return latest
