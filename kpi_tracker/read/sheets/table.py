"""Structured KPI sheets with one row per indicator (CSV, TSV, XLSX), found by their headers.

Shapes this reads, columns in any order (names in ``data/sheet_headers.tsv``):

- white papers' 成果目標の動向: 項目 | 目標値(期限) | 計画策定時の数値 | 最新値, with dates in
  brackets inside the cells (``30%(2025年度末)``, ``26.0%(2024年)``);
- municipalities' 総合戦略 KPI 進捗管理表: KPI | 単位 | 基準値 | 基準年度 | 目標値 | 目標年度 |
  令和2年度 … 令和6年度, one actual column per year, some blank or ``-``;
- anything between: a direction column (上向き / 下向き), an owner (府省庁 / 担当課 / 所管), a
  project, a section (基本目標 / 分類 / 分野), the office's own category (達成 / 集計中);
- year headers that carry a role: 平成25(基準値) | 平成28(現状値) | 平成31(目標値);
- parent rows with sub-rows (自殺死亡率 / ・男性 / ・女性) and cells with several values
  (``男女計:6.4% 男性:9.9% 女性:3.1%``): one indicator each.

Steps per row: the indicator's name → its unit (the unit column, or the unit written in the
target cell; a multiplier such as 万人 kept as written) → target and deadline (the deadline
column, or a period in brackets in the target cell) → baseline → the actuals, each with its
period (the year column, a bracket in the cell, or an actual-year column) → the direction
(the direction column, else from baseline to target, and said so). The 行政事業レビュー layout,
four rows per indicator, is ``review_sheet``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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
from .cells import Cell, date_cell, period_in, read_cell, unit_scale, year_column, year_of_header
from .goal import Goal, read_goal
from .model import MeasureBook, make_indicator, observation, sheet_document
from .vocab import header_roles, squash, vocabulary

if TYPE_CHECKING:
    from .review import ReviewStream

__all__ = ["parse_sheet"]


def parse_sheet(
    raw: RawDocument, layout: str, above: tuple[Row, ...], header: Row, stream: bool = False
) -> Document | ReviewStream:
    """The sheet whose header row is ``header``, the rest of ``raw.rows`` below it; with
    ``stream``, a 行政事業レビュー sheet is not read yet but given as a ``ReviewStream``."""
    title_lines = tuple(
        strip_html(" ".join(c for c in row.cells if c.strip()))
        for row in above
        if any(c.strip() for c in row.cells)
    )
    if layout == "review":
        from .review import parse_review, stream_review

        if stream:
            return stream_review(raw, title_lines, header)
        return parse_review(raw, title_lines, header)
    return _TableReader(raw, header, title_lines).document(title_lines)


@dataclass(frozen=True)
class _YearColumn:
    index: int
    header: str
    period: Period


# Roles a table sheet has no use for but knows (no "not read" warning for them).
_KNOWN_UNUSED = frozenset(
    (
        "fiscal_year",
        "category",
        "quantitative",
        "goal",
        "source",
        "qualitative_result",
        "qualitative_reason",
        "outcome_term",
        "kpi_source",
        "number",
        "row_kind",
    )
)
_ERA = re.compile(r"(明治|大正|昭和|平成|令和)")
# A sub-row's label: ・男性, (ア)女性, ①, or indented under its parent.
_SUB_MARK = re.compile(
    r"^(?:[・･\-‐○◯◦◎▪■□●]|[①-⑳]|\(?[アイウエオカキクケコ]\)|\(?[0-9]{1,2}\)|[a-z]\))\s*"
)
# 男女計:6.4% 男性:9.9% 女性:3.1% — several labelled values in one cell.
_KEYED = re.compile(r"(?:^|(?<=[\s、,;/]))(?P<key>[^\s:：、,;/0-9()]{1,10})\s*[:：]")
_CELL_DATE = re.compile(r"\s*[(（〔][^()（）〔〕]*[0-9０-９元][^()（）〔〕]*[)）〕]\s*$")
_TOTAL_KEYS = ("計", "男女計", "全体", "総数", "合計", "総計", "全国")
_VALUE_ROLES = ("target", "baseline", "actual")
# 集計中 with no date: the latest value is the one pending, whenever it is.
_LATEST = Period(date.max, date.max, "最新")


def _year_in_header(text: str) -> Period | None:
    """令和6年度の数値 (a name given by --column): the year it starts with dates the column."""
    found = year_column(text) if text.strip() else None
    return found[0] if found is not None else None


def _keyed(text: str) -> dict[str, str]:
    """The labelled values of a cell (``男性:9.9%`` …), key → value text; {} for a plain cell."""
    norm = normalize(text)
    marks = list(_KEYED.finditer(norm))
    if len(marks) < 2:
        return {}
    out: dict[str, str] = {}
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(text)
        out[m.group("key")] = text[m.end() : end].strip(" 、,;/\u3000")
    # NOTE: one date after the last value dates them all: 男女計:6.4% 男性:9.9% 女性:3.1% (2019年).
    last = out[marks[-1].group("key")]
    dated = _CELL_DATE.search(last)
    if dated and not any(_CELL_DATE.search(v) for v in list(out.values())[:-1]):
        for key in out:
            if not out[key].endswith(dated.group()):
                out[key] = f"{out[key]}{dated.group()}"
    return out


class _TableReader:
    """One row per indicator."""

    def __init__(self, raw: RawDocument, header: Row, title_lines: tuple[str, ...] = ()) -> None:
        self.raw = raw
        self.source = raw.source
        self.roles = header_roles(header.cells)
        self.header = header
        self.warnings: list[str] = []
        vocab = vocabulary()
        where = Location(self.source, header.line)
        # NOTE: several target columns (目標値(中間) | 目標値(最終)): the last is the final one.
        targets = [
            i for i, c in enumerate(header.cells) if c.strip() and vocab.role_of(c) == "target"
        ]
        if len(targets) > 1:
            self.roles["target"] = targets[-1]
        used = set(targets)
        self.years: list[_YearColumn] = []
        # 目標値(令和7年度), 最新値(令和5年度): a period in the header dates the whole column.
        self.header_periods: dict[str, Period | None] = {}
        for role in ("target", "actual", "baseline"):
            at = self.roles.get(role)
            text = header.cells[at] if at is not None else ""
            try:
                self.header_periods[role] = (
                    period_in(text) if "(" in normalize(text) else _year_in_header(text)
                )
            except PeriodError as exc:
                raise DocumentError(f"column 「{text.strip()}」: {exc}", where) from None
        for i, cell in enumerate(header.cells):
            if i in self.roles.values() or i in used or not cell.strip():
                continue
            try:
                found = year_column(cell)
            except PeriodError as exc:
                raise DocumentError(
                    f"column {i + 1} {cell.strip()!r} is not a year: {exc}", where
                ) from None
            if found is None:
                continue
            period, year_role = found
            used.add(i)
            if year_role in ("target", "baseline"):
                # 平成31(目標値), 平成25(基準値): the column and its year (the last target wins).
                if year_role == "target" or year_role not in self.roles:
                    self.roles[year_role] = i
                    self.header_periods[year_role] = period
                continue
            self.years.append(_YearColumn(i, cell.strip(), period))
        used |= set(self.roles.values())
        for i, cell in enumerate(header.cells):  # D26: a column that is not read is said
            name = strip_html(cell)
            if name and i not in used:
                known = vocab.role_of(name)
                if known is None or known not in _KNOWN_UNUSED:
                    self.warnings.append(f"{where}: column {i + 1} 「{name}」 is not read")
        self.names = {role: strip_html(header.cells[i]) for role, i in self.roles.items()}
        eras = _ERA.findall(" ".join([*title_lines, *header.cells]))
        self.era = eras[-1] if eras else None
        self.book = MeasureBook(self.source)
        self.inferred = 0
        self.not_numbers: list[str] = []

    def cell(self, cells: tuple[str, ...], role: str) -> str:
        i = self.roles.get(role)
        return strip_html(cells[i]) if i is not None and i < len(cells) else ""

    def name(self, role: str) -> str:
        """A column as the sheet names it, for messages."""
        return self.names.get(role, role)

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

    def _has_values(self, cells: tuple[str, ...]) -> bool:
        if any(self.cell(cells, role) for role in _VALUE_ROLES):
            return True
        return any(c.index < len(cells) and cells[c.index].strip() for c in self.years)

    def _is_sub(self, cells: tuple[str, ...]) -> bool:
        i = self.roles.get("indicator")
        if i is None or i >= len(cells):
            return False
        raw = cells[i]
        return bool(raw.strip()) and (
            raw[:1] in (" ", "\u3000") or _SUB_MARK.match(normalize(raw.strip())) is not None
        )

    def _indicators(self, rows: Iterator[Row]) -> Iterator[SheetIndicator]:
        seen: dict[str, int] = {}
        section = ""
        parent: tuple[str, tuple[str, ...]] | None = None  # label and cells of a parent row
        listed = list(rows)
        for n, row in enumerate(listed):
            cells = row.cells
            filled = [c for c in cells if c.strip()]
            if not filled:
                continue
            nxt = next((r for r in listed[n + 1 :] if any(c.strip() for c in r.cells)), None)
            sub_follows = nxt is not None and self._is_sub(nxt.cells)
            label = self.cell(cells, "indicator")
            if self._is_sub(cells) and parent is not None:
                sub = _SUB_MARK.sub("", normalize(label.strip())) or label.strip()
                merged = tuple(
                    c if c.strip() else (parent[1][i] if i < len(parent[1]) else "")
                    for i, c in enumerate(cells)
                )
                yield from self._split(
                    Row(row.line, merged), f"{parent[0]}（{sub}）", section, seen
                )
                continue
            if len(filled) == 1 and not (label and sub_follows):
                section = strip_html(filled[0])  # a heading row: 基本目標1 …
                parent = None
                continue
            if not label:
                raise DocumentError(
                    "a row with values but no indicator name", Location(self.source, row.line)
                )
            if header_roles(cells) == self.roles:
                continue  # the header repeated (page breaks in exports)
            if sub_follows and not self._has_values(cells):
                parent = (label, cells)  # 自殺死亡率, its values in the rows below
                continue
            parent = None
            yield from self._split(row, label, section, seen)

    def _split(
        self, row: Row, label: str, section: str, seen: dict[str, int]
    ) -> Iterator[SheetIndicator]:
        """One indicator, or one per key of a cell with several labelled values."""
        indexes = [self.roles[r] for r in _VALUE_ROLES if r in self.roles]
        indexes += [c.index for c in self.years]
        cells = row.cells
        keyed = {i: _keyed(cells[i]) for i in indexes if i < len(cells) and cells[i].strip()}
        keys: list[str] = []
        for values in keyed.values():
            keys += [k for k in values if k not in keys]
        if not keys:
            yield self._indicator(row, label, section, seen)
            return
        total = next((k for k in keys if k in _TOTAL_KEYS), None)
        for key in keys:
            own = list(cells)
            for i, values in keyed.items():
                if values:
                    own[i] = values.get(key, "")
                elif i != self.roles.get("target") and key != total:
                    own[i] = ""  # a plain value belongs to the total, never to each part
            yield self._indicator(Row(row.line, tuple(own)), f"{label}（{key}）", section, seen)

    def _measure(
        self, cells: tuple[str, ...], label: str, section: str, line: int
    ) -> tuple[int, str]:
        owner = self.cell(cells, "owner")
        group = self.cell(cells, "section")
        project = self.cell(cells, "project")
        project_id = self.cell(cells, "project_id")
        if project or project_id:
            key = f"project:{project_id or project}"
            number = int(project_id) if project_id.isdigit() else None
            owner = owner or group or section
            no = self.book.number_for(key, project or project_id, owner, line, number)
            return no, f"{project_id or project}/{label}"
        if group and owner:
            path = (group, owner)
            no = self.book.number_for(f"owner:{group}/{owner}", owner, owner, line, section=path)
            return no, label
        owner = owner or group or section
        if owner:
            return self.book.number_for(f"owner:{owner}", owner, owner, line), label
        return self.book.number_for(f"row:{line}", label, "", line), label

    def _indicator(
        self, row: Row, label: str, section: str, seen: dict[str, int]
    ) -> SheetIndicator:
        cells = row.cells
        where = Location(self.source, row.line)
        no, ident = self._measure(cells, label, section, row.line)
        if ident in seen:
            raise DocumentError(
                f"indicator {label!r} appears twice (first on line {seen[ident]})", where
            )
        seen[ident] = row.line
        several: list[str] = []

        unit_text = self.cell(cells, "unit")
        target_text = self.cell(cells, "target")
        eras = _ERA.findall(" ".join(cells))
        try:
            goal = read_goal(target_text, unit_text, eras[-1] if eras else self.era)
        except PeriodError as exc:
            raise DocumentError(f"column 「{self.name('target')}」: {exc}", where) from None
        target = goal.cell
        if target.several:
            several.append(f"{self.name('target')}「{target_text}」")
        if not unit_text and target.unit_word:
            unit_text = target.unit_word
        scale, counter = unit_scale(unit_text)
        convert = _Converter(scale, counter, where)

        deadline = (
            self._period(self.cell(cells, "deadline"), row, "deadline")
            or target.period
            or self.header_periods["target"]
        )
        baseline_text = self.cell(cells, "baseline")
        baseline_cell = self._value(baseline_text, unit_text, row, "baseline", several)
        baseline_period = (
            self._period(self.cell(cells, "baseline_year"), row, "baseline_year")
            or baseline_cell.period
            or self.header_periods["baseline"]
        )
        if baseline_cell.value is None and goal.baseline is not None:
            # 2015年度(8.2%)比の2倍: the target cell states its own baseline.
            value, when = goal.baseline
            baseline_cell, baseline_period = Cell(value, target.unit_word, target.unit), when
            baseline_text = target_text
        baseline = None
        observations: list[Observation] = []
        baseline_point: Observation | None = None
        if baseline_cell.value is not None:
            value = convert(baseline_cell, self.name("baseline"))
            baseline = (value, baseline_period.text if baseline_period else None)
            if baseline_period is not None:
                baseline_point = observation(value, baseline_period, f"基準値 {baseline_text}")
        pending: Period | None = None
        actual_text = self.cell(cells, "actual")
        if actual_text:
            actual = self._value(actual_text, unit_text, row, "actual", several)
            period = (
                self._period(self.cell(cells, "actual_year"), row, "actual_year")
                or actual.period
                or self.header_periods["actual"]
            )
            if actual.value is not None:
                observations.append(
                    observation(
                        convert(actual, self.name("actual")),
                        period,
                        actual_text,
                        actual.provisional,
                    )
                )
            elif actual.pending:
                pending = period or _LATEST
        for column in self.years:
            text = cells[column.index].strip() if column.index < len(cells) else ""
            if not text:
                continue
            cell = self._value(text, unit_text, row, column.header, several)
            if cell.value is not None:
                observations.append(
                    observation(
                        convert(cell, column.header),
                        column.period,
                        f"{column.header}: {text}",
                        cell.provisional,
                    )
                )
            elif cell.pending:
                pending = column.period

        if observations and baseline_point is not None:
            # The baseline starts the trend; alone it is no actual value.
            observations.insert(0, baseline_point)
        if not unit_text:  # the unit written in the values when the target writes none
            unit_text = next(
                (c.unit_word for c in (baseline_cell, target) if c.unit_word), ""
            ) or self._unit_in(actual_text)
        if goal.by is not None and baseline is not None:
            # 1歳以上延伸: a target of its own, the baseline plus the amount.
            sign = 1 if goal.comparator == "increase" else -1
            amount = baseline[0] + sign * goal.by
            goal = Goal(
                Cell(amount, target.unit_word, target.unit, target.period),
                ">=" if sign > 0 else "<=",
                note=goal.note,
            )
            target = goal.cell
        comparator, note, why = self._direction(cells, goal, baseline, target_text, row)
        unmeasurable = None
        if several:
            unmeasurable = ("not_one_number", Reason.of("not_one_number", text=several[0]))
        elif self._is_reference(cells, label, target_text):
            unmeasurable = ("reference_indicator", Reason("reference_indicator"))
        elif why is not None:
            unmeasurable = why
        elif target.value is None and not Comparator(comparator).against_reference:
            unmeasurable = ("no_target", Reason.of("target_not_number", text=target_text))
        indicator = make_indicator(
            ident,
            label,
            comparator,
            unit_text,
            convert(target, self.name("target")) if target.value is not None else None,
            deadline,
            None if goal.reference_free else baseline,
            by=goal.by,
            every_year=goal.every_year,
        )
        return SheetIndicator(
            no,
            indicator,
            row.line,
            tuple(observations),
            pending,
            unmeasurable,
            note,
            published=self.cell(cells, "published") or None,
            published_meaning=vocabulary().published.get(squash(self.cell(cells, "published"))),
        )

    @staticmethod
    def _unit_in(text: str) -> str:
        if not text:
            return ""
        try:
            return read_cell(text).unit_word or ""
        except PeriodError:
            return ""

    def _is_reference(self, cells: tuple[str, ...], label: str, target_text: str) -> bool:
        """A 参照指標 row: marked in a kind column, the label, or the target cell."""
        words = vocabulary().references
        marked = " ".join((self.cell(cells, "kind"), label, target_text))
        squashed = squash(marked)
        return any(w in squashed for w in words)

    def _direction(
        self,
        cells: tuple[str, ...],
        goal: Goal,
        baseline: tuple[float, str | None] | None,
        target_text: str,
        row: Row,
    ) -> tuple[str, Reason | None, tuple[str, Reason] | None]:
        """Comparator, a note when it was inferred, and why it cannot be decided."""
        vocab = vocabulary()
        target = goal.cell
        if goal.comparator is not None:
            # The cell's own words (40%以上, 前年度比増, 1歳以上延伸) win over any inference.
            relative = goal.comparator in ("increase", "decrease")
            if relative and goal.by is not None and baseline is None:
                return (
                    goal.comparator,
                    goal.note,
                    ("no_baseline", Reason.of("growth_without_baseline", text=target_text)),
                )
            if target.value is None and goal.comparator not in ("increase", "decrease"):
                return (
                    ">=",
                    None,
                    ("no_target", Reason.of("whole_without_total", text=target_text)),
                )
            return goal.comparator, goal.note, None
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

    def _value(self, text: str, unit_text: str, row: Row, column: str, several: list[str]) -> Cell:
        """A value cell; ``column``: a role or a year column's header."""
        if not text:
            return Cell(None)
        name = self.name(column)
        try:
            cell = read_cell(text, unit_text)
        except PeriodError as exc:
            raise DocumentError(
                f"column 「{name}」: {exc}", Location(self.source, row.line)
            ) from None
        if cell.several:
            several.append(f"{name}「{text}」")
        elif cell.value is None and not cell.pending and cell.text:
            self.not_numbers.append(f"{self.source}:{row.line}: {name} {cell.text[:20]!r}")
        return cell

    def _period(self, text: str, row: Row, column: str) -> Period | None:
        if not text:
            return None
        try:
            return date_cell(text) or year_of_header(text) or period_in(text)
        except PeriodError as exc:
            raise DocumentError(
                f"column 「{self.name(column)}」: {exc}", Location(self.source, row.line)
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
                    f"column 「{column}」: {cell.unit_word} does not compare with the row's unit",
                    self.where,
                ) from None
        return value / self.scale
