"""The 行政事業レビュー file 「3-1_RS_{年度}_効果発現経路_目標・実績.csv」, streamed.

One indicator spans four rows, told apart by the column 「目標年度／目標値／実績値／達成率」:
``1.目標年度`` (a ``1`` in the target year's column), ``2.目標値`` (targets, possibly for
several years; the final one at the target year), ``3.実績値``, ``4.達成率`` (the published
rate, kept beside the engine's own). Values sit in year columns ``2007`` … ``2060``; cells are
blank, ``-`` or numbers with commas. An indicator is 予算事業ID + 「アクティビティ・アウトプット・
アウトカムの番号」 + 「活動指標／成果指標」; its four rows are consecutive. Rows are read one at a
time and only the indicator being assembled is held, so memory grows with the indicators
kept, not with the file.

``stream_review`` reads it without keeping the indicators: each one is given as soon as its
rows are read, and each project (a measure) as ``MeasureDone`` once its rows are over, then
forgotten. A project whose rows come back after another's (``NotStreamable``) needs the whole
read (``parse_review``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import compress
from operator import itemgetter
from typing import NamedTuple, cast

from ...errors import DocumentError, Location
from ...model import (
    Document,
    MeasureDone,
    Observation,
    RawDocument,
    Reason,
    Row,
    SheetData,
    SheetIndicator,
    no_cycle_collection,
)
from ...text.periods import Period
from ..mapping import column_map
from .cells import fiscal_year_period, read_cell
from .model import MeasureBook, NotStreamable, StreamedBook
from .model import make_indicator as indicator_of
from .model import sheet_document as document_of
from .vocab import header_roles, squash, vocabulary

__all__ = ["ReviewStream", "parse_review", "stream_review"]

_TITLE = "行政事業レビュー 効果発現経路 目標・実績"
_META = ("project_id", "number", "indicator", "row_kind")


def parse_review(raw: RawDocument, title_lines: tuple[str, ...], header: Row) -> Document:
    return _ReviewReader(raw, header).document(title_lines)


def stream_review(raw: RawDocument, title_lines: tuple[str, ...], header: Row) -> ReviewStream:
    """The sheet as a stream of indicators and finished measures (see the module's note)."""
    return ReviewStream(_ReviewReader(raw, header, stream=True), title_lines)


def _same(document: Document) -> Document:
    return document


class ReadPart(NamedTuple):
    """The counts of one share of a sheet's reading (``ReviewStream.part``)."""

    not_numbers: int
    first: str
    first_at: int
    inferred: int
    latest: date | None


class ReviewStream:
    """A 行政事業レビュー sheet read a project at a time. ``head`` is what is known before the
    rows (title, plan; the fiscal year when the title or the file name give it); ``events``
    gives each ``SheetIndicator`` and each ``MeasureDone`` in file order, holding only the
    open project; once they are read, ``document`` is the sheet's ``Document`` as
    ``parse_review`` makes it, without its measures and indicators (given already)."""

    def __init__(self, reader: _ReviewReader, title_lines: tuple[str, ...]) -> None:
        self.reader = reader
        self.title_lines = title_lines
        self.source = reader.source
        self.mapping: tuple[tuple[str, str], ...] = ()  # --column, for the time it is read
        self.adjust: Callable[[Document], Document] = _same  # --as-of

    def head(self) -> Document:
        return self.adjust(self.reader.finished(self.title_lines, (), lambda: None, head=True))

    @contextmanager
    def reading(self) -> Iterator[None]:
        """The context its events are read in (as ``load_document`` reads a document)."""
        with no_cycle_collection(), column_map(self.mapping):
            yield

    @property
    def fiscal_year(self) -> int | None:
        """The 事業年度 column's year, once a row has given it."""
        return self.reader.fiscal_year

    def events(self) -> Iterator[SheetIndicator | MeasureDone]:
        return self.reader.events(self.reader.raw.rows)

    def document(self) -> Document:
        return self.adjust(self.reader.finished(self.title_lines, (), lambda: self.reader.latest))

    def share(self, k: int, n: int) -> None:
        """Judge only the measures numbered k modulo n (read before ``events``); the other
        shares' readers give the rest, and ``merge`` adds what they counted."""
        self.reader.share = (k, n)

    def part(self) -> ReadPart:
        """What this share's reading counted, for ``merge`` in another."""
        r = self.reader
        return ReadPart(
            r.not_numbers, r.first_not_number, r.first_not_number_at, r.inferred, r.latest
        )

    def merge(self, parts: Iterable[ReadPart]) -> None:
        """Add the other shares' counts: ``document`` then says what the whole read says."""
        r = self.reader
        for p in parts:
            if p.not_numbers and (not r.not_numbers or p.first_at < r.first_not_number_at):
                r.first_not_number, r.first_not_number_at = p.first, p.first_at
            r.not_numbers += p.not_numbers
            r.inferred += p.inferred
            if p.latest is not None and (r.latest is None or p.latest > r.latest):
                r.latest = p.latest

    def close(self) -> None:
        close = getattr(self.reader.raw.rows, "close", None)
        if close is not None:
            close()


def _qualitative_reason(result: str, why: str = "") -> Reason:
    return Reason.of("qualitative", result=result or None, why=why or None)


# The indicator cell of a qualitative outcome, which has none: the goal names it instead.
_NO_INDICATOR = frozenset(("--", "-", "―", "ー", "－－", "なし"))


def _one(index: int) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    return lambda cells: (cells[index],)


class _ReviewReader:
    def __init__(self, raw: RawDocument, header: Row, stream: bool = False) -> None:
        self.raw = raw
        self.stream = stream
        self.source = raw.source
        self.roles = header_roles(header.cells)
        missing = [r for r in _META if r not in self.roles]
        if missing:
            names = {
                "project_id": "予算事業ID",
                "number": "アクティビティ・アウトプット・アウトカムの番号",
            }
            raise DocumentError(
                "行政事業レビュー sheet without the column "
                + "、".join(names.get(m, m) for m in missing),
                Location(self.source, header.line),
            )
        self.years: list[int] = []
        self.year_index: list[int] = []
        first = self.roles["row_kind"] + 1
        for i in range(first, len(header.cells)):
            text = header.cells[i].strip()
            if not text:
                continue
            if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100):
                raise DocumentError(
                    f"column {i + 1} {text!r} after 「目標年度／目標値／実績値／達成率」 "
                    "is not a year",
                    Location(self.source, header.line),
                )
            self.years.append(int(text))
            self.year_index.append(i)
        if not self.years:
            raise DocumentError(
                "行政事業レビュー sheet without year columns (2007 … 2060)",
                Location(self.source, header.line),
            )
        self.width = len(header.cells)
        self.year_cells = (
            itemgetter(*self.year_index) if len(self.years) > 1 else _one(self.year_index[0])
        )
        self.positions = range(len(self.years))
        self.periods = {y: fiscal_year_period(y) for y in self.years}
        self.book = StreamedBook(self.source) if stream else MeasureBook(self.source)
        self.kinds: dict[str, str | None] = {}  # row-kind cell as written → kind (memo)
        self.words: dict[str, str] = {}  # cell as written → normalised (memo)
        self.blanks = vocabulary().blanks  # cell words that mean no value
        self.measure_of: dict[str, int] = {}  # 予算事業ID → measure number
        self.not_numbers = 0  # value cells that hold no number
        self.first_not_number = ""
        self.first_not_number_at = 0  # its indicator's first line (shares compare it)
        self.latest: date | None = None  # the latest value's date (a stream keeps no values)
        # Read in shares (``ReviewStream.share``): this reader judges the measures whose number
        # is k modulo n, and reads (and numbers) every row as the whole read does.
        self.share: tuple[int, int] | None = None
        self.inferred = 0
        self.fiscal_year: int | None = None
        self._at = 0  # the first line of the indicator being read

    def cell(self, cells: tuple[str, ...], role: str) -> str:
        i = self.roles.get(role)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def document(self, title_lines: tuple[str, ...]) -> Document:
        # NOTE: read whole, the reader gives indicators only (no MeasureDone).
        indicators = cast(tuple[SheetIndicator, ...], tuple(self._indicators(self.raw.rows)))
        return self.finished(title_lines, indicators)

    def events(self, rows: Iterator[Row]) -> Iterator[SheetIndicator | MeasureDone]:
        return self._indicators(rows)

    def finished(
        self,
        title_lines: tuple[str, ...],
        indicators: tuple[SheetIndicator, ...],
        latest_dated: Callable[[], date | None] | None = None,
        head: bool = False,
    ) -> Document:
        warnings: list[str] = []
        if self.inferred:
            warnings.append(
                f"{self.source}: {self.inferred} indicators have no 上向き／下向き; their "
                "direction is taken from the first actual → the target"
            )
        if self.not_numbers:
            warnings.append(
                f"{self.source}: {self.not_numbers} value cells hold no number and are "
                f"not read (first: {self.first_not_number})"
            )
        # The published file has no title line: the layout's name, and the year from the file
        # name (3-1_RS_2024_…) or the 事業年度 column.
        return document_of(
            self.source,
            self.raw.sha256,
            self.raw.encoding,
            title_lines,
            _TITLE,
            self.book,
            SheetData("review", indicators),
            warnings,
            None if head else self.fiscal_year,
            latest_dated,
        )

    def _kind(self, text: str, line: int) -> str | None:
        """The row kind a cell names (memoised by the caller's ``self.kinds``)."""
        word = squash(text)
        kind = vocabulary().rows.get(word) if word else None
        if word and kind is None:
            raise DocumentError(
                f"「目標年度／目標値／実績値／達成率」 is {text!r}, not 1.目標年度, 2.目標値, "
                "3.実績値 or 4.達成率",
                Location(self.source, line),
            )
        self.kinds[text] = kind
        return kind

    def _indicators(self, rows: Iterator[Row]) -> Iterator[SheetIndicator | MeasureDone]:
        """Each indicator as its rows end; read as a stream, also each project (measure) once
        a row of another one follows it and its last indicator is given."""
        i_kind = self.roles["row_kind"]
        i_id, i_no, i_name = (self.roles[r] for r in ("project_id", "number", "indicator"))
        i_year = self.roles.get("fiscal_year")
        # 予算事業ID → (indicator → its first line); a stream forgets a project once it closes.
        seen: dict[str, dict[tuple[str, str, str], int]] = {}
        stream = self.stream
        last_pid: str | None = None
        ended: list[str] = []  # projects left behind, closed once their last indicator is given
        key: tuple[str, str, str] | None = None
        group: dict[str, Row] = {}
        width = self.width
        kinds = self.kinds
        for row in rows:
            cells = row.cells
            if len(cells) < width:
                if not any(c.strip() for c in cells):
                    continue
                cells = cells + ("",) * (width - len(cells))
                row = Row(row.line, cells)
            kind = kinds.get(cells[i_kind], "?")
            if kind == "?":
                kind = self._kind(cells[i_kind], row.line)
            pid = cells[i_id].strip()
            if self.fiscal_year is None and i_year is not None and cells[i_year].strip().isdigit():
                self.fiscal_year = int(cells[i_year].strip())
            if kind is None and not any(c.strip() for c in cells):
                continue
            if stream and pid != last_pid:
                if last_pid is not None:
                    ended.append(last_pid)
                last_pid = pid
                if self.book.was_closed(pid):  # type: ignore[attr-defined]
                    raise NotStreamable(pid)
            if kind is None:
                if not cells[i_name].strip():
                    # An activity described without an indicator: the project is a measure.
                    self._measure(cells, row.line)
                    continue
                if not self._qualitative(cells):
                    raise DocumentError(
                        "an indicator row without 1.目標年度, 2.目標値, 3.実績値 or 4.達成率",
                        Location(self.source, row.line),
                    )
                kind = "qualitative"  # a 定性的 indicator may come as one row
            this = (pid, cells[i_no].strip(), cells[i_name].strip())
            if this != key:
                if group and self._owned(group):
                    yield self._indicator(group)
                if ended:
                    yield from self._close(ended, seen)
                known = seen.setdefault(pid, {})
                if this in known:
                    raise DocumentError(
                        f"indicator {'/'.join(this)} appears twice (first on line {known[this]})",
                        Location(self.source, row.line),
                    )
                known[this] = row.line
                key, group = this, {}
            if kind in group:
                raise DocumentError(
                    f"indicator {'/'.join(this)}: a second {cells[i_kind].strip()} row "
                    f"(first on line {group[kind].line})",
                    Location(self.source, row.line),
                )
            group[kind] = row
        if group and self._owned(group):
            yield self._indicator(group)
        if stream:
            if last_pid is not None:
                ended.append(last_pid)
            yield from self._close(ended, seen)
            book = cast(StreamedBook, self.book)
            yield from self._close(book.open_keys(), seen)

    def _owned(self, group: dict[str, Row]) -> bool:
        """Whether this reader's share holds the indicator of ``group`` (every one unread in
        shares); its measure is numbered either way, in file order, as by the whole read."""
        if self.share is None:
            return True
        first = next(iter(group.values()))
        k, n = self.share
        return self._measure(first.cells, first.line) % n == k

    def _close(
        self, pids: list[str], seen: dict[str, dict[tuple[str, str, str], int]]
    ) -> Iterator[MeasureDone]:
        """The measures of ``pids``, now complete, in order; forgotten by the reader."""
        book = cast(StreamedBook, self.book)
        for pid in pids:
            self.measure_of.pop(pid, None)
            seen.pop(pid, None)
            done = book.close(pid)
            if done is not None:
                yield done
        pids.clear()

    def _measure(self, cells: tuple[str, ...], line: int) -> int:
        pid = self.cell(cells, "project_id")
        no = self.measure_of.get(pid)
        if no is None:
            number = int(pid) if pid.isdigit() else None
            name = self.cell(cells, "project") or pid
            no = self.book.number_for(pid, name, self.cell(cells, "owner"), line, number)
            self.measure_of[pid] = no
        return no

    def _qualitative(self, cells: tuple[str, ...]) -> bool:
        """成果目標の種類 says 定性的."""
        return self._word(self.cell(cells, "quantitative")) in vocabulary().qualitative

    def _word(self, text: str) -> str:
        """A cell word as the vocabulary compares it, normalised once per distinct text."""
        word = self.words.get(text)
        if word is None:
            word = self.words[text] = squash(text)
        return word

    def _values(self, row: Row, what: str) -> dict[int, tuple[float, str]]:
        """Year → (number, cell as written) of one row; blank and ``-`` are no value."""
        out: dict[int, tuple[float, str]] = {}
        years = self.years
        # NOTE: most of the 54 year cells are empty: pick the filled ones in one C-speed pass.
        chunk = self.year_cells(row.cells)
        blanks = self.blanks
        for i in compress(self.positions, chunk):
            text = chunk[i]
            if text in blanks:  # "-", as the file writes most missing values
                continue
            try:  # NOTE: ASCII digits with commas, as the file writes them, read directly;
                value = float(text.replace(",", ""))  # anything else: read_cell
                if value - value == 0:  # not nan or inf, which float() also accepts
                    out[years[i]] = (value, text)
                    continue
            except ValueError:
                pass
            cell = read_cell(text)
            if cell.value is not None:
                out[years[i]] = (cell.value, text)
            elif cell.text and not cell.pending:
                if not self.not_numbers:
                    self.first_not_number = (
                        f"{self.source}:{row.line}: {what} {years[i]} {cell.text[:20]!r}"
                    )
                    self.first_not_number_at = self._at
                self.not_numbers += 1
        return out

    def _indicator(self, group: dict[str, Row]) -> SheetIndicator:
        first = next(iter(group.values()))  # rows are added in file order
        self._at = first.line
        cells = first.cells
        no = self._measure(cells, first.line)
        name = self.cell(cells, "indicator")
        ident = f"{self.cell(cells, 'project_id')}/{self.cell(cells, 'number')}/{name}"
        if name in _NO_INDICATOR and self.cell(cells, "goal"):
            name = self.cell(cells, "goal")  # 定性的: 「--」 as the indicator, the goal names it
        unit = self.cell(cells, "unit")
        where = Location(self.source, first.line)
        line = group["actual"].line if "actual" in group else first.line
        vocab = vocabulary()
        if self._qualitative(cells):
            return SheetIndicator(
                no,
                indicator_of(ident, name, ">=", unit, None, None),
                line,
                unmeasurable=(
                    "qualitative",
                    _qualitative_reason(
                        self.cell(cells, "qualitative_result"),
                        self.cell(cells, "qualitative_reason"),
                    ),
                ),
            )
        for kind, label in (("target", "2.目標値"), ("actual", "3.実績値")):
            if kind not in group:
                raise DocumentError(f"indicator {ident} has no {label} row", where)
        targets = self._values(group["target"], "2.目標値")
        actuals = self._values(group["actual"], "3.実績値")
        rates = self._values(group["rate"], "4.達成率") if "rate" in group else {}
        flagged = self._values(group["target_year"], "1.目標年度") if "target_year" in group else {}
        target_year = max((y for y, (v, _) in flagged.items() if v), default=None)
        if target_year is None and targets:
            target_year = max(targets)  # NOTE: no year flagged: the last year given a target
        target = targets[target_year][0] if target_year in targets else None
        deadline: Period | None = self.periods[target_year] if target_year else None
        periods = self.periods
        observations = tuple(
            Observation(value, None, periods[year], f"{year}年度 実績値 {text}{unit}", 0, 0, 2)
            for year, (value, text) in sorted(actuals.items())
        )
        if self.stream and observations:
            end = periods[max(actuals)].end
            if self.latest is None or end > self.latest:
                self.latest = end
        stated = self.cell(cells, "direction")
        comparator = vocab.directions.get(self._word(stated)) if stated else None
        note = None
        unmeasurable = None
        if target is None:
            why = (
                Reason.of("no_target_for_year", year=target_year)
                if target_year
                else Reason("no_target")
            )
            unmeasurable = ("no_target", why)
        if comparator is None:
            if stated:
                raise DocumentError(f"改善の上向き／下向き is {stated!r}", where)
            if target is not None and actuals:
                first_actual = actuals[min(actuals)][0]
                if first_actual != target:
                    self.inferred += 1
                    comparator = ">=" if target > first_actual else "<="
                    note = Reason.of("direction_from_first_actual", up=comparator == ">=")
            if comparator is None and unmeasurable is None:
                unmeasurable = ("no_direction", Reason("no_direction"))
        return SheetIndicator(
            no,
            indicator_of(ident, name, comparator or ">=", unit, target, deadline),
            line,
            observations,
            None,
            unmeasurable,
            note,
            tuple(sorted((y, v) for y, (v, _) in targets.items())),
            tuple(sorted((y, v) for y, (v, _) in rates.items())),
        )
