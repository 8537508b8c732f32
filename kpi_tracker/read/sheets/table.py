"""Structured KPI sheets with one row per indicator (CSV, TSV, XLSX), found by their headers.

Shapes this reads, columns in any order (names in ``data/sheet_headers.tsv``):

- white papers' 成果目標の動向: 項目 | 目標値(期限) | 計画策定時の数値 | 最新値, with dates in
  brackets inside the cells (``30%(2025年度末)``, ``26.0%(2024年)``);
- municipalities' 総合戦略 KPI 進捗管理表: KPI | 単位 | 基準値 | 基準年度 | 目標値 | 目標年度 |
  令和2年度 … 令和6年度, one actual column per year, some blank or ``-``;
- anything between: a direction column (上向き / 下向き), an owner (府省庁 / 担当課), a project.

Steps per row: the indicator's name → its unit (the unit column, or the unit written in the
target cell; a multiplier such as 万人 kept as written) → target and deadline (the deadline
column, or a period in brackets in the target cell) → baseline → the actuals, each with its
period (the year column, a bracket in the cell, or an actual-year column) → the direction
(the direction column, else from baseline to target, and said so). The 行政事業レビュー layout,
four rows per indicator, is ``review_sheet``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...errors import DocumentError, Location, PeriodError, UnitError
from ...model import (
    Comparator,
    Document,
    Observation,
    RawDocument,
    Reason,
    Row,
    SheetData,
    SheetIndicator,
)
from ...text.normalize import normalize, strip_html
from ...text.periods import Period
from .cells import Cell, period_in, read_cell, unit_scale, year_of_header
from .model import MeasureBook, make_indicator, observation, sheet_document
from .vocab import header_roles, vocabulary

__all__ = ["parse_sheet"]


def parse_sheet(raw: RawDocument, layout: str, above: tuple[Row, ...], header: Row) -> Document:
    """The sheet whose header row is ``header``, the rest of ``raw.rows`` below it."""
    title_lines = tuple(
        strip_html(" ".join(c for c in row.cells if c.strip()))
        for row in above
        if any(c.strip() for c in row.cells)
    )
    if layout == "review":
        from .review import parse_review

        return parse_review(raw, title_lines, header)
    return _TableReader(raw, header).document(title_lines)


@dataclass(frozen=True)
class _YearColumn:
    index: int
    header: str
    period: Period


class _TableReader:
    """One row per indicator."""

    def __init__(self, raw: RawDocument, header: Row) -> None:
        self.raw = raw
        self.source = raw.source
        self.roles = header_roles(header.cells)
        self.years: list[_YearColumn] = []
        for i, cell in enumerate(header.cells):
            if i in self.roles.values() or not cell.strip():
                continue
            try:
                period = year_of_header(cell)
            except PeriodError as exc:
                raise DocumentError(
                    f"column {i + 1} {cell.strip()!r} is not a year: {exc}",
                    Location(self.source, header.line),
                ) from None
            if period is not None:
                self.years.append(_YearColumn(i, cell.strip(), period))
        self.header = header
        # 目標値(令和7年度), 最新値(令和5年度): a period in the header dates the whole column.
        self.header_periods: dict[str, Period | None] = {}
        for role in ("target", "actual", "baseline"):
            at = self.roles.get(role)
            text = header.cells[at] if at is not None else ""
            try:
                self.header_periods[role] = period_in(text) if "(" in normalize(text) else None
            except PeriodError as exc:
                raise DocumentError(
                    f"column {text.strip()!r}: {exc}", Location(self.source, header.line)
                ) from None
        self.book = MeasureBook(self.source)
        self.warnings: list[str] = []
        self.inferred = 0
        self.not_numbers: list[str] = []

    def cell(self, cells: tuple[str, ...], role: str) -> str:
        i = self.roles.get(role)
        return strip_html(cells[i]) if i is not None and i < len(cells) else ""

    def document(self, title_lines: tuple[str, ...]) -> Document:
        indicators = list(self._indicators(self.raw.rows))
        if not indicators:
            raise DocumentError(
                "the sheet has a header but no indicator rows", Location(self.source)
            )
        if self.inferred:
            self.warnings.append(
                f"{self.source}: {self.inferred} indicators have no direction column; "
                "their direction is taken from baseline → target"
            )
        if self.not_numbers:
            self.warnings.append(
                f"{self.source}: {len(self.not_numbers)} value cells hold no number and are "
                f"not read (first: {self.not_numbers[0]})"
            )
        return sheet_document(
            self.source,
            self.raw.sha256,
            self.raw.encoding,
            title_lines,
            Path(self.source).stem,
            self.book,
            SheetData("table", tuple(indicators)),
            self.warnings,
        )

    def _indicators(self, rows: Iterator[Row]) -> Iterator[SheetIndicator]:
        seen: dict[str, int] = {}
        section = ""
        for row in rows:
            cells = row.cells
            filled = [c for c in cells if c.strip()]
            if not filled:
                continue
            if len(filled) == 1:
                section = strip_html(filled[0])  # a heading row: 基本目標1 …
                continue
            label = self.cell(cells, "indicator")
            if not label:
                raise DocumentError(
                    "a row with values but no indicator name", Location(self.source, row.line)
                )
            if header_roles(cells) == self.roles:
                continue  # the header repeated (page breaks in exports)
            yield self._indicator(row, label, section, seen)

    def _indicator(
        self, row: Row, label: str, section: str, seen: dict[str, int]
    ) -> SheetIndicator:
        cells = row.cells
        where = Location(self.source, row.line)
        owner = self.cell(cells, "owner") or section
        project = self.cell(cells, "project")
        project_id = self.cell(cells, "project_id")
        if project or project_id:
            key = f"project:{project_id or project}"
            number = int(project_id) if project_id.isdigit() else None
            no = self.book.number_for(key, project or project_id, owner, row.line, number)
            ident = f"{project_id or project}/{label}"
        elif owner:
            no = self.book.number_for(f"owner:{owner}", owner, owner, row.line)
            ident = label
        else:
            no = self.book.number_for(f"row:{row.line}", label, "", row.line)
            ident = label
        if ident in seen:
            raise DocumentError(
                f"indicator {label!r} appears twice (first on line {seen[ident]})", where
            )
        seen[ident] = row.line

        unit_text = self.cell(cells, "unit")
        target_text = self.cell(cells, "target")
        target = self._value(target_text, unit_text, row, "target")
        if not unit_text and target.unit_word:
            unit_text = target.unit_word
        scale, counter = unit_scale(unit_text)
        convert = _Converter(scale, counter, where)

        deadline = (
            self._period(self.cell(cells, "deadline"), row, "deadline")
            or target.period
            or self.header_periods["target"]
        )
        baseline_cell = self._value(self.cell(cells, "baseline"), unit_text, row, "baseline")
        baseline_period = (
            self._period(self.cell(cells, "baseline_year"), row, "baseline_year")
            or baseline_cell.period
            or self.header_periods["baseline"]
        )
        baseline = None
        observations: list[Observation] = []
        baseline_point: Observation | None = None
        if baseline_cell.value is not None:
            value = convert(baseline_cell, "baseline")
            baseline = (value, baseline_period.text if baseline_period else None)
            if baseline_period is not None:
                text = self.cell(cells, "baseline")
                baseline_point = observation(value, baseline_period, f"基準値 {text}")
        pending: Period | None = None
        actual_text = self.cell(cells, "actual")
        if actual_text:
            actual = self._value(actual_text, unit_text, row, "actual")
            period = (
                self._period(self.cell(cells, "actual_year"), row, "actual_year")
                or actual.period
                or self.header_periods["actual"]
            )
            if actual.value is not None:
                observations.append(observation(convert(actual, "actual"), period, actual_text))
            elif actual.pending and period is not None:
                pending = period
        for column in self.years:
            text = cells[column.index].strip() if column.index < len(cells) else ""
            if not text:
                continue
            cell = self._value(text, unit_text, row, column.header)
            if cell.value is not None:
                observations.append(
                    observation(
                        convert(cell, column.header), column.period, f"{column.header}: {text}"
                    )
                )
            elif cell.pending:
                pending = column.period

        if observations and baseline_point is not None:
            # The baseline starts the trend; alone it is no actual value.
            observations.insert(0, baseline_point)
        comparator, note, why = self._direction(cells, target, baseline, target_text, row)
        unmeasurable = None
        if why is not None:
            unmeasurable = why
        elif target.value is None and not Comparator(comparator).against_reference:
            unmeasurable = ("no_target", Reason.of("target_not_number", text=target_text))
        indicator = make_indicator(
            ident,
            label,
            comparator,
            unit_text,
            convert(target, "target") if target.value is not None else None,
            deadline,
            baseline,
        )
        return SheetIndicator(
            no,
            indicator,
            row.line,
            tuple(observations),
            pending,
            unmeasurable,
            note,
        )

    def _direction(
        self,
        cells: tuple[str, ...],
        target: Cell,
        baseline: tuple[float, str | None] | None,
        target_text: str,
        row: Row,
    ) -> tuple[str, Reason | None, tuple[str, Reason] | None]:
        """Comparator, a note when it was inferred, and why it cannot be decided."""
        vocab = vocabulary()
        if target.value is None:
            word = vocab.comparator_of(target_text) if target_text else None
            if word is not None:
                # 目標値「増加」: more than the baseline, whatever the amount.
                return ("increase" if word == ">=" else "decrease"), None, None
        stated = self.cell(cells, "direction")
        if stated:
            comparator = vocab.comparator_of(stated)
            if comparator is None:
                raise DocumentError(
                    f"direction {stated!r} is neither 上向き nor 下向き",
                    Location(self.source, row.line),
                )
            return comparator, None, None
        if target.value is None:
            return ">=", None, None  # not measurable anyway: no target
        if baseline is None:
            return (
                ">=",
                None,
                ("no_direction", Reason("no_direction_or_baseline")),
            )
        if target.value == baseline[0]:
            return (">=", Reason("direction_equal"), None)
        self.inferred += 1
        up = target.value > baseline[0]
        return (">=" if up else "<="), Reason.of("direction_from_baseline", up=up), None

    def _value(self, text: str, unit_text: str, row: Row, column: str) -> Cell:
        if not text:
            return Cell(None)
        try:
            cell = read_cell(text, unit_text)
        except PeriodError as exc:
            raise DocumentError(
                f"column {column}: {exc}", Location(self.source, row.line)
            ) from None
        if cell.value is None and not cell.pending and cell.text and column != "target":
            self.not_numbers.append(f"{self.source}:{row.line}: {column} {cell.text[:20]!r}")
        return cell

    def _period(self, text: str, row: Row, column: str) -> Period | None:
        if not text:
            return None
        try:
            return year_of_header(text) or period_in(text)
        except PeriodError as exc:
            raise DocumentError(
                f"column {column}: {exc}", Location(self.source, row.line)
            ) from None


class _Converter:
    """A cell's number in the row's unit: 30万人 in a 万人 row is 30; 1,200人 there is 0.12."""

    def __init__(self, scale: float, counter: str, where: Location) -> None:
        from ...text.units import unit_words

        self.scale = scale
        self.counter = unit_words().get(counter)
        self.where = where

    def __call__(self, cell: Cell, column: str) -> float:
        assert cell.value is not None
        if cell.unit is None or self.counter is None:
            return cell.value
        value = cell.value
        if cell.unit != self.counter:
            from ...text.units import convert

            try:
                value = convert(value, cell.unit, self.counter)
            except UnitError:
                raise DocumentError(
                    f"column {column}: {cell.unit_word} does not compare with the row's unit",
                    self.where,
                ) from None
        return value / self.scale
