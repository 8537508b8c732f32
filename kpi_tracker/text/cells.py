"""A prose cell as a reader sees it: tables inside it as labelled lines, PDF artefacts repaired.

Writers put figures in a cell in other forms than sentences: a small HTML ``<table>``, a
Markdown pipe table, columns aligned with spaces, a row of years over a row of values. In
each, a value is named by its row and dated by its column (or the reverse), not by the words
beside it. ``cell_text`` turns every such table into one line per value, in the form the
status tables themselves use for a labelled figure::

    相談件数:1,234件(令和8年度)

so that the value carries its row's name and its column's period. Text copied out of a PDF
puts a space between a figure and its unit (``45 万件``, ``58.3 ％``), breaks lines inside
words and numbers, and leaves page numbers and running headers in the middle of a cell;
``repair_pdf_text`` undoes that. Both are pure functions of the cell; everything else
(``strip_html``) follows.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import Any

from .lexicon import alternation, word_set
from .normalize import normalize, strip_html
from .periods import find_periods
from .units import canonical_unit, unit_alternation

__all__ = [
    "TableRecord",
    "cell_text",
    "numerals_as_digits",
    "rates_of_target",
    "repair_pdf_text",
    "table_records",
    "tables_as_lines",
]

# --- tables ------------------------------------------------------------------------------------

_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_TABLE_OPEN = re.compile("<table", re.IGNORECASE)
_HTML_ROW = re.compile(r"<tr\b.*?(?:</tr\s*>|(?=<tr\b)|$)", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)(?:</t[hd]\s*>|(?=<t[hd]\b)|$)", re.I | re.DOTALL)
_LINE_BREAK = re.compile(r"<br\s*/?>|\r\n|\r|\n", re.IGNORECASE)
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# \u3000+| {2,}|\t, written from one class (a search skips to it in C; see _DIGIT_SPACE)
_ALIGNED_GAP = re.compile("[\u3000 \t](?:(?<=\u3000)\u3000*|(?<= ) +|(?<=\t))")
_EMPTY = {"", "-", "—", "―", "－", "ー", "…", "/", "／", "※"}
_TARGET_HEADER = re.compile(f"^(?:{alternation('target_column')})")
_TAG = re.compile(r"<[^>]+>")
_NUMERIC = re.compile(r"^\s*(?:約|およそ)?\s*[+＋\-－△▲]?\s*[0-9０-９][0-9０-９.,，．万千億]*")


def _plain(cell: str) -> str:
    """A table cell's text: its inline tags read as ``strip_html`` reads them (<span>令和</span>
    <span>8</span><span>年度</span> → 令和8年度), any other tag a space."""
    if "<" in cell:
        cell = _TAG.sub(" ", strip_html(cell))
    return re.sub(r"\s+", " ", cell).strip()


def _is_period(text: str) -> bool:
    matches = find_periods(text)
    return bool(matches) and sum(m.end - m.start for m in matches) >= 0.5 * len(text.strip())


@dataclass(frozen=True, slots=True)
class TableRecord:
    """One value of a table inside a cell: named by its row, dated (or named) by its column.

    ``kind``: ``period`` (the column is a period: 令和7年度), ``target`` (the column states the
    target: 目標), ``named`` (the column names what the value measures: 件数)."""

    row: str
    column: str
    value: str
    kind: str
    when: str = ""  # a named value's period, from a period column of its row


def _joined_row_heads(rows: list[list[str]]) -> list[list[str]]:
    """A header cell spanning the row heads (区分 over 相談件数 | 電話): each row's heads as
    one label (相談件数 電話), a head repeated by its span written once (アクセス件数)."""
    span = 1
    while span < len(rows[0]) - 1 and rows[0][span].strip() == rows[0][0].strip() != "":
        span += 1
    if span == 1:
        return rows
    joined = [[rows[0][0], *rows[0][span:]]]
    for r in rows[1:]:
        heads = [h.strip() for h in r[:span] if h.strip()]
        label = " ".join(h for k, h in enumerate(heads) if not k or h != heads[k - 1])
        joined.append([label, *r[span:]])
    return joined


def table_records(rows: list[list[str]]) -> list[tuple[TableRecord, ...]] | None:
    """The values of a table given as rows of cells (the first row its header), one tuple a
    series (a row of years across, a column of years down, or one item's measure), or None
    when the rows are not a table of labelled values."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    if width < 2:
        return None
    rows = [r + [""] * (width - len(r)) for r in rows]
    # (a target's column may hold words: 目標(2030年) | 基準から半減)
    aims = {j for j, head in enumerate(rows[0]) if _TARGET_HEADER.match(head.strip())}
    if all(
        (_NUMERIC.match(c) and not _is_period(c)) or c.strip() in _EMPTY or j in aims
        for r in rows[1:]
        for j, c in enumerate(r)
    ) and not any(_NUMERIC.match(c) for c in rows[0]):
        # a header over rows of values only, no label column: items (受付件数(件) |
        # 計画作成件数(件)) or years (令和6年度 | 令和7年度) across
        rows = [["", *r] for r in rows]
    rows = _joined_row_heads(rows)
    header = _named_headers(rows[0])
    body = _without_ditto(rows[1:])
    header, body = _relative_columns(rows[0], header, body)
    # Which axis holds the periods: the header (years as columns) or the first column.
    header_periods = sum(_is_period(c) for c in header[1:])
    column_periods = sum(_is_period_label(r[0]) for r in body)
    dated_by = _period_column(header, body) if not header_periods and not column_periods else None
    named_by = 0
    if column_periods == len(body) > len({r[0].strip() for r in body}) and not header_periods:
        # (年度 | 区分 | 都道府県 | 市区町村: each year down the first column more than once, the
        # items named by a column of words beside them)
        named_by = _words_column(body)
        dated_by = 0 if named_by else None
    out: list[tuple[TableRecord, ...]] = []
    if dated_by is not None:
        # items as rows with a period column (取組 | 年度 | 都道府県数 | …): each value named by
        # its column, dated by its row's period
        for r in body:
            for k, (head, value) in enumerate(zip(header, r, strict=True)):
                if k not in (named_by, dated_by) and value.strip() not in _EMPTY:
                    when, label = r[dated_by].strip(), r[named_by].strip()
                    out.append((TableRecord(label, head.strip(), value.strip(), "named", when),))
        return out or None
    if header_periods >= max(1, column_periods):
        for r in body:
            label = r[0].strip() or header[0].strip()
            series = _series(label, list(zip(header[1:], r[1:], strict=True)))
            if _TARGET_HEADER.match(label):
                # a row of targets (目標(か所) | 6,000): the target restated, year by year
                series = tuple(TableRecord(label, x.column, x.value, "target") for x in series)
            out.append(series)
    elif column_periods:
        for i, head in enumerate(header[1:], start=1):
            series = _series(head.strip(), [(r[0], r[i]) for r in body])
            if _TARGET_HEADER.match(head.strip()):
                # a column of targets (目標(か所) under 年度): the target restated, year by year
                series = tuple(TableRecord(x.row, x.column, x.value, "target") for x in series)
            out.append(series)
    else:
        # items as rows, measures as columns (項目 | 件数 | 割合): the column names the value;
        # a period in brackets that ends the row's name dates the row (…調査(令和7年度))
        for r in body:
            label, when = _row_period(r[0].strip())
            for head, value in zip(header[1:], r[1:], strict=True):
                if value.strip() not in _EMPTY:
                    out.append((TableRecord(label, head.strip(), value.strip(), "named", when),))
    out = [series for series in out if series]
    return out or None


_BRACKET_END = re.compile(r"^(.*?)\s*[(（]([^()（）]+)[)）]$")


def _is_period_label(label: str) -> bool:
    """Whether a row's label is a period (令和7年度, 令和7年度（2025年度）), not an item dated in
    its closing bracket (…閲覧数（令和8年4月～令和9年3月）)."""
    if not _is_period(label):
        return False
    name, when = _row_period(label.strip())
    return not when or _is_period(name)


def _row_period(label: str) -> tuple[str, str]:
    """A row's name and the period its closing bracket gives, or the name and ""."""
    m = _BRACKET_END.match(label)
    if m is None or not m.group(1) or not _is_period(m.group(2)):
        return label, ""
    return m.group(1), m.group(2).strip()


def _words_column(body: list[list[str]]) -> int:
    """The column (not the first) whose every cell is words, no figure nor period; or 0."""
    for k in range(1, len(body[0])):
        cells = [r[k].strip() for r in body]
        if all(c and not _HAS_DIGIT.search(c) and not _is_period(c) for c in cells):
            return k
    return 0


_HAS_DIGIT = re.compile(r"[0-9０-９]")


def _period_column(header: list[str], body: list[list[str]]) -> int | None:
    """The column (not the first) whose every cell is a period, if there is one."""
    for k in range(1, len(header)):
        if all(_is_period(r[k]) for r in body if r[k].strip()) and any(r[k].strip() for r in body):
            return k
    return None


_DITTO = re.compile(rf"^\s*(?:{alternation('ditto')})\s*$")
_DITTO_BRACKET = re.compile(rf"^\s*(?:{alternation('ditto')})\s*([(（][^()（）]*[)）])\s*$")
_TRAILING_BRACKET = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_GENERIC = re.compile(rf"^(?:{alternation('generic_measure')})\s*(?:[(（][^()（）]*[)）])?\s*$")
_COUNTED = re.compile(r"数?\s*(?:[(（][^()（）]*[)）])?\s*$")


def _without_ditto(body: list[list[str]]) -> list[list[str]]:
    """同上, 〃 in the first column: the label of the row above."""
    out: list[list[str]] = []
    for r in body:
        if out and _DITTO.match(r[0]):
            r = [out[-1][0], *r[1:]]
        elif out and (m := _DITTO_BRACKET.match(r[0])):
            # 同(％) under 事業A(団体): the same item, in its own unit
            r = [_TRAILING_BRACKET.sub("", out[-1][0]) + m.group(1), *r[1:]]
        out.append(r)
    return out


_CHANGE_HEADER = "前年度比"


def _current_name(key: str) -> str:
    """The name this year's column (本年度, 当年度末) is read by: 今年度, or 今年度末 for a
    point at its end."""
    return "今年度末" if key.endswith("末") else "今年度"


def _relative_columns(
    raw: list[str], header: list[str], body: list[list[str]]
) -> tuple[list[str], list[list[str]]]:
    """Columns of this year and of the change beside last year's (区分 | 前年度 | 本年度 |
    増減) as the status tables write them: 今年度 (本年度 is also a year's new count, うち本年度
    14件) and 前年度比, its figures signed (27 → +27)."""
    current, change = word_set("current_column"), word_set("change_column")
    if not any(c.strip() in current or c.strip() in change for c in raw):
        return header, body
    header = list(header)
    changed = set()
    for k, cell in enumerate(raw):
        if cell.strip() in current:
            header[k] = _current_name(cell.strip())
        elif cell.strip() in change and k:
            header[k] = _CHANGE_HEADER
            changed.add(k)
    body = [
        [
            "+" + c.strip() if k in changed and _NUMERIC.match(c) and c.strip()[:1].isdigit() else c
            for k, c in enumerate(r)
        ]
        for r in body
    ]
    return header, body


@cache
def _keyed_column_re() -> re.Pattern[str]:
    keys = alternation("current_column", "change_column")
    # (the key first: a search skips to its words in C; what stands before it is checked
    # after, ``_KEY_AFTER``)
    return re.compile(
        rf"(?P<key>{keys})(?P<sep>[ \u3000]*[:：]?[ \u3000]*)(?=[+＋\-－△▲]?[0-9０-９])"
    )


_KEY_AFTER = frozenset("／/\n、|｜> \u3000")


def keyed_columns(text: str) -> str:
    """A table's columns written as keyed figures on one line or on lines of their own (前年度
    120.4／本年度 126.9／増減 6.5; 前年度末 480 / 本年度末 495 / 増減 15): this year's key read
    as 今年度, the change's as 前年度比 with its figure signed, as the tables' reader reads
    those columns."""
    current = word_set("current_column")

    def renamed(m: re.Match[str]) -> str:
        if m.start() and m.string[m.start() - 1] not in _KEY_AFTER:
            return m.group()  # (令和8年度 4.6: a word's end, no key of its own)
        key = m.group("key")
        if key in current:
            return f"{_current_name(key)}{m.group('sep')}"
        figure = m.string[m.end()]
        sign = "+" if figure.isdigit() else ""
        return f"{_CHANGE_HEADER}{sign}"

    return _keyed_column_re().sub(renamed, text)


def _named_headers(header: list[str]) -> list[str]:
    """Header cells, a generic measure (割合（％）, 前年比) named by the count before it:
    市区町村数 | 割合（％） → 市区町村の割合（％）."""
    out = list(header)
    for k in range(2, len(header)):
        head, left = header[k].strip(), header[k - 1].strip()
        if _GENERIC.match(head) and left and not _GENERIC.match(left) and not _is_period(left):
            out[k] = _COUNTED.sub("", left) + "の" + head
    return out


def _series(label: str, cells: list[tuple[str, str]]) -> tuple[TableRecord, ...]:
    """One labelled series, its empty cells left out."""
    records = []
    for column, value in cells:
        value, column = value.strip(), column.strip()
        if value in _EMPTY:
            continue
        if column and _TARGET_HEADER.match(column):
            kind = "target"
        else:
            kind = "period" if _is_period(column) else "column"
        records.append(TableRecord(label, column, value, kind))
    return tuple(records)


@cache
def _label_unit_re() -> re.Pattern[str]:
    units = unit_alternation()
    # the unit in a bracket of the label, alone or after its qualifiers: (％), (千人),
    # (直近2年平均、％), 発生率(％)(令和5年調査); else a count or a rate the label ends with
    # (単位:千人、％ lists a unit for each kind of figure: not a qualifier and its unit)
    return re.compile(
        rf"[(](?:[^()単]*[、,・])?\s*(?:単位\s*:\s*)?(?P<declared>[千万億]?\s*(?:{units}))\s*[)]"
        rf"|(?:(?P<counted>{units})数?|(?<!倍)(?P<rate>{alternation('rate_name')}))\s*$"
    )


def _label_units(label: str) -> tuple[str, str]:
    """The unit a label declares in brackets ((千人), (%)) and the one its words count (件数 →
    件, 参加率 → %), each "" when it has none."""
    m = _label_unit_re().search(normalize(label))
    if m is None or (m.group("rate") and label.strip() == _CHANGE_HEADER):
        # (前年度比: the name ``_relative_columns`` gives a column of differences)
        return "", ""
    if m.group("declared"):
        return m.group("declared").replace(" ", ""), ""
    return "", m.group("counted") or "%"


def _record_unit(record: TableRecord, series_label: str, declared: str) -> str:
    """The unit of a table's bare value: what its column declares ((%), 前年比 …率), else
    what its row declares, else the table's (単位:千人), else what a label counts (件数)."""
    row_explicit, row_counted = _label_units(series_label)
    own = _TABLE_UNIT_RE.search(series_label) if not row_explicit else None
    if own is not None:
        declared = own.group("unit")  # (…受付件数(単位:比率) under (単位:千件): the row's own
    if record.kind == "period":
        # (| 資格 | 令和7年度末(人) | 令和8年度末(人) |: a period column may declare the unit)
        col_explicit, _ = _label_units(record.column)
        if col_explicit:
            return col_explicit
    if record.kind in ("named", "column"):
        col_explicit, col_counted = _label_units(record.column)
        if col_explicit or (col_counted == "%" and record.kind == "column"):
            return col_explicit or col_counted
        if record.kind == "named" and (row_explicit or "、" not in declared):
            return row_explicit or declared or col_counted or row_counted
        if record.kind == "named":
            return _listed_unit(declared, col_counted or row_counted, record.column)
    if "、" in declared:  # (単位:回、%): a rate's column takes the % of the list
        return row_explicit or _listed_unit(declared, row_counted, series_label)
    return row_explicit or declared or row_counted


def _listed_unit(declared: str, counted: str, label: str) -> str:
    """The unit of a value from a table's list of units (単位:件、%): the one its label
    counts (満足度 → %), the points of a change (単位:%、ポイント: 対前年度差), else the list's
    first unit of a count (単位:%、法人: 指定数 → 法人)."""
    listed = declared.replace("％", "%").split("、")
    if counted in listed:
        return counted
    change = next((u for u in listed if _is_points(u)), None)
    if change and _CHANGE_LABEL.search(label):
        return change
    return next((u for u in listed if u not in ("%", change)), listed[0])


# (a change column's own header, or 前年度比 as ``_relative_columns`` renames it)
_CHANGE_LABEL = re.compile(rf"(?:{alternation('change_column')}|{_CHANGE_HEADER})\s*$")


def _is_points(unit: str) -> bool:
    try:
        return canonical_unit(unit) == "percentage_point"
    except ValueError:
        return False


def _with_unit(value: str, unit: str) -> str:
    """A bare figure of a table (58,100; 46(98%)) with the unit its labels give it."""
    m = _BARE_VALUE.match(value) if unit else None
    return value[: m.end(1)] + unit + value[m.end(1) :] if m else value


# (約5,270: an approximate figure is bare too)
# (301.5p, 318.5r: a statistical table's mark of a preliminary or revised figure after it)
_BARE_VALUE = re.compile(
    r"^((?:約|およそ)?\s*[+＋\-－△▲]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*"
    rf"(?:{alternation('statistic_mark')})?\s*(?:[(（][^()（）]*[)）])?$"
)


def _line(series: tuple[TableRecord, ...], declared: str = "") -> str:
    """A series as the status tables write a labelled figure: ``相談件数は、令和6年度1,200件、
    令和7年度1,350件``; a target column restates the target (``目標1,500件``). A bare figure
    takes the unit its labels or the table give it (``_record_unit``)."""
    first = series[0]
    # (令和7年度末 142,006人 over 令和8年度末 171,530: the unit of a series' first figure is
    # every bare figure's where its labels give none)
    written = _written_unit(series)
    series = tuple(
        TableRecord(
            r.row,
            r.column,
            _with_unit(r.value, _record_unit(r, r.row, declared) or written),
            r.kind,
            r.when,
        )
        for r in series
    )
    if first.kind == "named":
        r = series[0]
        return " ".join(p for p in (r.row, r.when, f"{r.column}:{r.value}") if p)
    parts = [
        f"目標{r.value}"
        if r.kind == "target"
        else f"{r.column}{_gap(r.column)}{r.value}"
        if r.kind == "period"
        else f"{r.column}:{r.value}"
        for r in series
    ]
    # (the unit a row's label declares is on its figures now: 相談件数(単位:件) → 相談件数)
    row = first.row
    if "単位" in row and _label_units(row)[0]:
        row = _TABLE_UNIT_RE.sub("", row).strip()
    return f"{row}は、{'、'.join(parts)}" if row else "、".join(parts)


def _written_unit(series: tuple[TableRecord, ...]) -> str:
    """The one unit the figures of a series are written with (142,006人), or ""."""
    if len(series) < 2 or series[0].kind == "named":
        return ""
    # (目標206件 | 212 | 209: the target's written unit is the row's too)
    units = {
        m.group(1)
        for r in series
        if r.kind in ("period", "target") and (m := _WRITTEN_UNIT.match(r.value.strip()))
    }
    unit = units.pop() if len(units) == 1 else ""
    return unit if _unit_re().fullmatch(unit) else ""


_WRITTEN_UNIT = re.compile(
    r"^(?:約)?[0-9０-９][0-9０-９,，.．]*\s*([^\s0-9０-９,，.．()（）]{1,4})$"
)


@cache
def _unit_after_space_re() -> re.Pattern[str]:
    return re.compile(rf"[ \u3000]+(?:{unit_alternation()})")


def _gap(column: str) -> str:
    """R7 | 5,100,000: a period ending in a letter or digit is kept apart from its value."""
    last = column[-1:]
    return " " if last.isascii() and last.isalnum() else ""


def _records(
    rows: list[list[str]], declared: str = "", caption: str = ""
) -> tuple[list[str] | None, bool]:
    """One line per series of a table (``table_records``), or None when it is none;
    ``declared``: the unit the table's caption declares ((単位:千人) → 千人); ``caption``: the
    line right above the table, which names a series that has no label of its own
    (養成数(累計・人) over R6年度末 | R7年度末 …) unless it is a sentence — and
    whether it did."""
    if _headerless(rows):
        return _headerless_lines(rows, _caption_title(caption))
    records = table_records(rows)
    if records is None:
        return None, False
    declared = declared or _label_units(rows[0][0])[0]  # 区分(％) | R5年度 | R6年度
    title = _caption_title(caption)
    used = False
    # (…世帯数は次のとおり。 over rows of bodies by year and 計: the total of what the
    # sentence names, year by year)
    total_title = title or _pointed_subject(caption)
    if total_title:
        # 計 under 相談件数(単位:件): the total of what the title names
        named = _TABLE_UNIT_RE.sub("", total_title).strip()
        records = [
            tuple(TableRecord(named + r.row, r.column, r.value, r.kind, r.when) for r in series)
            if (_TOTAL_ROW.match(series[0].row) or (title and _ROLE_ROW.match(series[0].row)))
            and (title or all(r.kind == "period" for r in series))
            else series
            for series in records
        ]
    if title and any(not series[0].row for series in records):
        records = [
            series
            if series[0].row
            else tuple(TableRecord(title, r.column, r.value, r.kind, r.when) for r in series)
            for series in records
        ]
        used = True
    elif not declared and caption:
        declared = _label_units(caption)[0]  # …取得率(%)の推移は以下のとおり。
    if not declared and total_title:
        # (相談件数 over |電話|12,040|13,115|: what the title counts is the bare figures' unit;
        # not a share's %: …の割合 over the counts it is worked out of)
        counted = _label_units(total_title)[1]
        declared = "" if counted == "%" else counted
    lines = [line for line in (_line(series, declared) for series in records) if line]
    return lines or None, used


def _headerless(rows: list[list[str]]) -> bool:
    """Whether a table has no header row: its first row holds figures (|令和5年出所者|14.1%|
    over |令和6年出所者|13.9%|), each row a period or a name with its figures."""
    return (
        len(rows) >= 2
        and len({len(r) for r in rows}) == 1
        and len(rows[0]) >= 2
        and all(any(_figure_only(c) and not _is_period(c) for c in r[1:]) for r in rows)
    )


def _headerless_lines(rows: list[list[str]], title: str) -> tuple[list[str] | None, bool]:
    """The rows of a table with no header: a column of periods with one figure each as the
    title's series (再入率は、令和5年出所者14.1%、令和6年出所者13.9%); else a line for each
    row, its figures after its first cell (認知症カフェ R7:1,627市町村、93.4%)."""
    dated = all(_is_period(r[0]) for r in rows)
    if dated and all(len(r) == 2 for r in rows):
        series = "、".join(f"{r[0].strip()}{r[1].strip()}" for r in rows)
        return [f"{title}は、{series}" if title else series], bool(title)
    named = f"{title} " if title else ""
    lines = [
        f"{named}{r[0].strip()}:" + "、".join(c.strip() for c in r[1:] if c.strip()) for r in rows
    ]
    return lines, bool(title)


def _pointed_subject(caption: str) -> str:
    """The subject of a sentence that points to the table under it (…見守りにより、自立した
    世帯数は次のとおり。 → 自立した世帯数), or ""."""
    text = _last_paragraph(caption).strip()
    pointing = _POINTS_TO_TABLE.search(text)
    if pointing is None:
        return ""
    subject = text[: pointing.start()]
    subject = subject[max(subject.rfind("、"), subject.rfind("。")) + 1 :].strip()
    return subject if len(subject) <= _TITLE_CHARS else subject[-_TITLE_CHARS:]


# …の数は次のとおり。 / …は以下のとおりである。 / …は下表のとおり: a sentence pointing to its table
_POINTS_TO_TABLE = re.compile(
    r"(?:は|が)(?:次|以下|下表|下記)の(?:とおり|通り)(?:である|となっている)?[。.]?\s*$"
)
_TITLE_CHARS = 40


def _caption_title(caption: str) -> str:
    """A line that may title a table: short, not a sentence (its 【】 and bullet dropped)."""
    text = _TITLE_MARKS.sub("", _last_paragraph(caption)).strip()
    if not text or len(text) > 60 or text.endswith(("。", ".")) or _NUMERIC.match(text):
        return ""
    return text


_TITLE_MARKS = re.compile(r"^\s*[・●○◆■◇□]\s*|[【】〔〕［］]")


# (単位:千人), （単位：千回。認知度を除く）: the unit a caption declares for a table's figures
# (PV単位:千回、各年度4月~3月), (目標・実績:…と回答した割合、単位:%): a scope (what the unit is
# for) before 単位, words before it up to a comma
_TABLE_UNIT = (
    r"[(（](?:[^()（）]{0,60}?[、,，]\s*)?(?P<scope>[^\s()（）、,，:：。]{0,8}?)\s*単位\s*[:：]\s*"
    r"(?P<unit>[^\s)）。、,，<]{1,8}?)\s*(?:[。、,，][^)）]{0,30})?[)）]"
)
# (the tags a unit note stands in after a table: <p>, <small>, <span>, <div>)
_GAPS = r"(?:\s|<br\s*/?>|</?(?:p|small|span|div)\b[^>]*>)*"
_UNIT_AFTER = re.compile(_GAPS + _TABLE_UNIT, re.IGNORECASE)
_TABLE_UNIT_RE = re.compile(_TABLE_UNIT)
_TOTAL_ROW = re.compile(rf"^\s*(?:{alternation('total', 'total_mark')})\s*$")
# a row named by its count's role alone (年度 / 累計 under 養成数): the title's, in that role
_ROLE_ROW = re.compile(rf"^\s*(?:{alternation('row_role', 'cumulative', 'new_count')})\s*$")
_UNIT_BEFORE = re.compile(_TABLE_UNIT + _GAPS + "$", re.IGNORECASE)
# (単位:千人) on a line of its own; 単位:%　…(出典): a line that opens with the declaration
_UNIT_LINE = re.compile(
    r"^\s*(?:" + _TABLE_UNIT + r"\s*$|単位\s*[:：]\s*(?P<bare_unit>[^\s)）。、,，<]{1,8})"
    r"(?:[\s\u3000].*)?$)"
)
_UNIT_CAPTION = re.compile(r"^[^。]{0,40}?" + _TABLE_UNIT + r"\s*$")


def _html_tables(text: str) -> str:
    """Each HTML table as its records' lines; a unit its caption declares, right before or
    right after it, goes to its bare figures (and the caption with it)."""
    out, at = [], 0
    for m in _HTML_TABLE.finditer(text):
        rows = _html_grid(m.group())
        lead = text[at : m.start()]
        before = _UNIT_BEFORE.search(lead)
        after = _UNIT_AFTER.match(text, m.end())
        caption = after or before
        # (<caption>相談窓口の設置数</caption>: the table's own title)
        own = _HTML_CAPTION.search(m.group())
        title = _TAG.sub("", own.group(1)) if own else _TAG.sub("", lead)
        declared = caption.group("unit") if caption else ""
        if own and not declared and (inner := _TABLE_UNIT_RE.search(title)):
            declared = inner.group("unit")  # (<caption>…(単位:%、括弧内は団体数)</caption>)
        lines, _ = _records(rows, declared, title)
        if not lines:
            out += [lead, m.group()]
            at = m.end()
            continue
        if caption is before and before is not None:
            lead = lead[: before.start()]
        out += [lead, "\n" + "\n".join(lines) + "\n"]
        at = after.end() if after is not None else m.end()
    return "".join(out) + text[at:] if out else text


_HTML_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CELL_SPANS = re.compile(
    r"<t([hd])\b([^>]*)>(.*?)(?:</t[hd]\s*>|(?=<t[hd]\b)|$)", re.IGNORECASE | re.DOTALL
)
_SPAN = re.compile(r"\b(colspan|rowspan)\s*=\s*[\"']?([0-9]+)", re.IGNORECASE)
_MAX_SPAN = 50


def _html_grid(table: str) -> list[list[str]]:
    """An HTML table's rows of cells as a grid: a cell spanning columns (colspan) or rows
    (rowspan), as spreadsheets export merged cells, stands in each place it covers; two or
    more header rows over the values are one (令和7年度 over 実績 | 前年比 → 令和7年度 実績);
    a column of units (単位: 回 | ％) gives the figures of its row their unit."""
    grid: list[list[str]] = []
    below: dict[int, tuple[str, int]] = {}  # a column → the text a rowspan carries, rows left
    for row in _HTML_ROW.findall(table):
        cells = _HTML_CELL_SPANS.findall(row)
        if not cells:
            continue
        out: list[str] = []
        for _, attrs, body in cells:
            _carry_down(out, below)
            spans = {k.lower(): min(int(v), _MAX_SPAN) for k, v in _SPAN.findall(attrs)}
            text = _plain(body)
            for _ in range(max(1, spans.get("colspan", 1))):
                if spans.get("rowspan", 1) > 1:
                    below[len(out)] = (text, spans["rowspan"] - 1)
                out.append(text)
        _carry_down(out, below)
        grid.append(out)
    return _with_unit_column(_one_header(grid))


def _carry_down(out: list[str], below: dict[int, tuple[str, int]]) -> None:
    """The cells that rowspans above carry into the next places of ``out``."""
    while len(out) in below:
        text, left = below.pop(len(out))
        if left > 1:
            below[len(out)] = (text, left - 1)
        out.append(text)


def _no_values_yet(row: list[str]) -> bool:
    """Whether a row's cells after its label say its values are not given (－, 集計中)."""
    rest = [c.strip() for c in row[1:] if c.strip()]
    return bool(rest) and any(c in _EMPTY or _PENDING_CELL.match(c) for c in rest)


def _figure_cell(cell: str) -> bool:
    """Whether a cell holds a figure: alone or after its period (令和7年度 26.9%)."""
    if _FIGURE_CELL.match(cell):
        return True
    if not _DIGIT.search(cell):
        return False
    periods = find_periods(cell)
    return bool(periods and periods[0].start <= 1 and _FIGURE_CELL.match(cell[periods[0].end :]))


def _one_header(grid: list[list[str]]) -> list[list[str]]:
    """Header rows (no figure after the first column) before the first row of figures, as
    one: each column's distinct texts joined (令和7年度 / 実績 → 令和7年度 実績)."""
    heads = 0
    while heads < len(grid) - 1 and not any(_figure_cell(c) for c in grid[heads][1:]):
        if heads and _no_values_yet(grid[heads]):
            break  # (…割合(%)　－　－　集計中: a row whose values are not given, no header)
        heads += 1
    if heads < 2:
        return grid
    width = max(len(r) for r in grid[:heads])
    header = []
    for col in range(width):
        parts: list[str] = []
        for r in grid[:heads]:
            if col < len(r) and r[col] and r[col] not in parts:
                parts.append(r[col])
        header.append(" ".join(parts))
    return [header, *grid[heads:]]


def _with_unit_column(grid: list[list[str]]) -> list[list[str]]:
    """A column headed 単位 removed, its unit written after each bare figure of its row."""
    if len(grid) < 2:
        return grid
    unit_col = next((i for i, c in enumerate(grid[0]) if _UNIT_HEADER.fullmatch(c)), None)
    if unit_col is None or unit_col == 0:
        return grid
    out = [[c for i, c in enumerate(grid[0]) if i != unit_col]]
    # (| 値 | 単位 | 割合(%) |: a column that declares its own unit keeps it)
    own = [bool(_label_units(c)[0]) for c in grid[0]]
    for row in grid[1:]:
        unit = row[unit_col] if unit_col < len(row) else ""
        unit = unit if unit not in _EMPTY else ""
        out.append(
            [
                c if i < len(own) and own[i] else _with_unit(c, unit)
                for i, c in enumerate(row)
                if i != unit_col
            ]
        )
    return out


_UNIT_HEADER = re.compile(r"\s*単位\s*")
# a cell that holds a figure, signed or not (+11, △5.4, 約5,270)
_FIGURE_CELL = re.compile(r"^\s*(?:約|およそ)?\s*[+＋\-－△▲]?\s*[0-9０-９]")


def _split_pipe(line: str) -> list[str]:
    inner = _EDGE_TAGS.sub("", line).strip()  # (| 計 | 55,904 |</p>: the paragraph's tags)
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


_EDGE_TAGS = re.compile(r"^(?:\s*<[^>]+>)+|(?:<[^>]+>\s*)+$")


def _unit_line(
    done: list[str], lines: list[str], j: int, block: list[list[str]]
) -> tuple[str, int, int]:
    """The unit a line of its own declares right after a table (``lines[j]``) or right before
    it (the last line of ``done``): the unit, how many lines after the table it takes (0 or
    1) and how many of ``done`` (0 or 1). A unit for a scope (PV単位:千回) is the table's when
    a row of ``block`` names the scope."""
    # (a line that says more than the unit stays: 単位:%　地域等で共食する割合(…調査))
    if j < len(lines) and (m := _UNIT_LINE.match(_TAG.sub("", lines[j]))):
        return _scoped_unit(m, block), int(not _says_more(m.group())), 0
    if done and (m := _UNIT_LINE.match(_TAG.sub("", done[-1]))):
        return _scoped_unit(m, block), 0, int(not _says_more(m.group()))
    if done and (m := _UNIT_CAPTION.match(_last_paragraph(done[-1]))):
        return _scoped_unit(m, block), 0, 0  # 相談件数(単位:件): a title that stays
    return "", 0, 0


def _says_more(line: str) -> bool:
    """Whether a unit's line has words besides the declaration (what the figures are)."""
    declared = _DECLARATION.sub("", line)
    return _WORD_CHAR.search(_listed_units_re().sub("", declared)) is not None


_DECLARATION = re.compile(r"単位\s*[:：]\s*[^\s)）。、,，<]{1,8}")


# 、% (、ポイント) after a declared unit: the unit of the columns that are rates (単位:人、%)
# (or changes of one: 単位:%、ポイント)
@cache
def _listed_units_re() -> re.Pattern[str]:
    # (単位：件、千人、％: a listed unit may have its multiplier)
    return re.compile(rf"(?:、\s*(?:[千万億]?(?:{unit_alternation()})|%|％))+(?=\s*[)）])")


_WORD_CHAR = re.compile(r"[^\s()（）、,，。:：・]")


def _scoped_unit(m: re.Match[str], block: list[list[str]]) -> str:
    unit = m.group("unit") or m.groupdict().get("bare_unit") or ""
    scope = m.groupdict().get("scope") or ""
    if scope and not any(scope in row[0] for row in block[1:] if row):
        return ""  # (金額単位:百万円 over rows of counts: not theirs)
    # (単位:人、%): a unit for each kind of column, listed — "人、%" (``_record_unit``)
    listed = _listed_units_re().match(m.string, m.end("unit")) if unit and m.group("unit") else None
    return unit + listed.group().replace("％", "%").replace(" ", "") if listed else unit


def _last_paragraph(line: str) -> str:
    """The text of a line after its last paragraph tag (…回復した。</p><p>相談件数(単位:件))."""
    parts = [_TAG.sub("", p) for p in _PARAGRAPH.split(line)]
    # (…</p> <p>: the last paragraph that says something)
    return next((p for p in reversed(parts) if p.strip()), parts[-1])


_PARAGRAPH = re.compile(r"</?p\b[^>]*>", re.IGNORECASE)


def _take_unit_line(done: list[str], before: int) -> None:
    if before:
        done.pop()


_PENDING_CELL = re.compile(rf"^\s*(?:{alternation('pending')})\s*$")


# R6 747(82%), 令和7年度：764, R8 781(86%)※R8.6時点: a period, then its value
_UNIT_AFTER_SPACE = (
    r"(?:％|%|‰|ポイント|pt|件|人|名|回|か所|箇所|ヶ所|カ所|団体|自治体|市町村|市区町村|都道府県"
    r"|法人|世帯|施設|校|館|か月|ヶ月|時間|分|万|億|千|百|以上|以下|未満|超)"
)
_PERIOD_VALUE = re.compile(
    r"^\s*(?:[・\-－▶▷►●○◆◇■□]\s*)?(?P<period>\S{2,14}?)\s*[:：]?\s*"
    rf"(?P<value>(?:約)?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:%|％|{_UNIT_AFTER_SPACE})?"
    r"\s*(?:[(（][^()（）]*[)）])?)"
    r"\s*(?:※.*)?$"
)


def _period_lines(lines: list[str], i: int) -> tuple[list[tuple[str, str]], int]:
    """Two or more lines from ``lines[i]`` that each give a period and a value, as
    (period, value) pairs, and where the lines after them start; [] when there are none."""
    out: list[tuple[str, str]] = []
    j = i
    while j < len(lines):
        m = _PERIOD_VALUE.match(_TAG.sub("", lines[j]))
        if m is None or not _is_period(m.group("period")):
            break
        out.append((m.group("period"), m.group("value").strip()))
        j += 1
    return (out, j) if len(out) >= 2 else ([], i)


def _flat_block(lines: list[str], i: int, columns: int) -> tuple[list[list[str]], int]:
    """The rows of a flattened table whose header is ``lines[i]`` (``columns`` periods), each
    as [label, *figures], and where the lines after it start."""
    block: list[list[str]] = []
    j = i
    while j < len(lines) and (j == i or _flat_row(_TAG.sub("", lines[j]), columns)):
        tokens = _TAG.sub("", lines[j]).split()
        block.append([" ".join(tokens[:-columns]), *tokens[-columns:]])
        j += 1
    return block, j


def _figure_only(cell: str) -> bool:
    """Whether a cell is a figure with at most a unit after it (340件), not a label that
    starts with one (5年移動平均（人）)."""
    m = _NUMERIC.match(cell)
    if m is None:
        return False
    return _UNIT_THEN_ASIDE.match(cell, m.end()) is not None


# a unit, then nothing or a bracket: 340件, 56,040件（前年度 52,638件）
_UNIT_THEN_ASIDE = re.compile(r"[^\s(（]{0,4}\s*(?:[(（]|$)")


# (達成 | ○, TRUE: a column of a row's verdict beside its figures)
_MARKS = word_set("mark_cell")


def _values_below(block: list[list[str]]) -> int:
    """How many rows under the first are values (a label first, figures after it: 指標 | 目標 |
    実績 over 就職率 | 84.5% | 85.1%), up to the first that is not."""
    if any(_figure_only(c) for c in block[0]):
        return 0  # a header holds labels: ・研修 12回 over ・相談 340件 is a list
    for k, r in enumerate(block[1:]):
        if not (
            any(_NUMERIC.match(c) for c in r)
            and all(
                _NUMERIC.match(c) or c in _EMPTY or c in _MARKS or _PENDING_CELL.match(c)
                for c in r[1:]
            )
        ):
            return k
    return len(block) - 1


def _barred_series(lines: list[str], i: int) -> bool:
    """Whether ``lines[i]`` is a series apart by bars on a line of its own (a field's label,
    then periods and values): no bar opens it and no line beside it has one."""
    line = lines[i].strip()
    return (
        line.count("|") >= 1
        and not line.startswith("|")
        and not line.endswith("|")
        and (i == 0 or "|" not in lines[i - 1])
        and (i + 1 == len(lines) or "|" not in lines[i + 1])
        and _FIELD_CELL.match(line) is not None
    )


def _line_tables(lines: list[str]) -> list[str]:
    """Pipe tables and space-aligned columns among the lines of a cell, each as records."""
    out: list[str] = []
    paired_unit, paired_at = "", ""  # the unit of the rows of periods and values in a row
    i = 0
    while i < len(lines):
        line = lines[i]
        if _barred_series(lines, i):
            # 実績値:令和5年度 58.9%|令和6年度 -|令和8年度 61.4%: one line, its bars a list's
            # separators, not a table's row
            line = lines[i] = line.replace("|", "、")
        if line.count("|") >= 2 or (line.count("|") == 1 and _one_bar_table(lines, i)):
            lead, block, j = _pipe_block(lines, i)
            if (at := _put_table(out, lines, j, block, lead)) is not None:
                i = at
                continue
        series, j = _period_lines(lines, i)
        if series:
            # ・実施自治体 over R6 612(70%) / R7 640(74%): a column of periods and values
            title = out[-1] if out else ""
            block = [["", *(p for p, _ in series)], ["", *(v for _, v in series)]]
            records, titled = _records(block, "", title)
            if records:
                if titled:
                    out.pop()
                out.extend(records)
                i = j
                continue
        columns = _flat_header(_TAG.sub("", line))
        if columns and i + 1 < len(lines):
            # 区分 令和7年度 令和8年度 over 割合 36.9 38.4: a table flattened with single spaces
            block, j = _flat_block(lines, i, columns)
            if (at := _wider_aligned(lines, i, j)) is None and (
                at := _put_table(out, lines, j, block)
            ) is not None:
                i = at
                continue
        cells = _aligned(line)
        if cells is not None and (pairs := _paired_records(cells)) is not None:
            carried = paired_unit if out and out[-1] is paired_at else ""
            paired_unit = _put_paired_row(out, lines, pairs, cells, carried)
            paired_at = out[-1]
            i += 1
            continue
        if cells is not None and i + 1 < len(lines):
            block, j = _aligned_table(lines, i)
            if (at := _put_table(out, lines, j, block)) is not None:
                i = at
                continue
        out.append(line)
        i += 1
    return out


_DIGIT = re.compile(r"[0-9０-９]")


def _one_bar_table(lines: list[str], i: int) -> bool:
    """Whether a line with one bar opens a table: the bar at an edge (|…), or two columns,
    the next line with one inner bar too (年度|アクセス数 over 令和8年度|306,712)."""
    line = lines[i].strip()
    if "|" not in line[1:-1]:
        return True
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    # (a header: no figure in it — 令和5年度末|6,412件 over 令和6年度末|6,930件 is a series)
    return not _DIGIT.search(line) and after.count("|") == 1 and "|" in after[1:-1]


def _put_table(
    out: list[str], lines: list[str], j: int, block: list[list[str]], lead: str = ""
) -> int | None:
    """A table's records (``block``, its rows ending before ``lines[j]``) put in ``out``, with
    the unit a line beside it declares and the title above it (``lead``: the prose before its
    first row, on that row's line); where the lines after it start, or None when it is none."""
    block = _with_unit_column(block)
    declared, after, before = _unit_line(out, lines, j, block)
    title = lead or (out[-1 - before] if len(out) > before else "")
    records, titled = _records(block, declared, title) if len(block) >= 2 else (None, False)
    if not records:
        return None
    _take_unit_line(out, before)
    if titled and not lead:
        out.pop()
    elif lead.strip() and not titled:
        out.append(lead)
    out.extend(records)
    return j + after


def _pipe_block(lines: list[str], i: int) -> tuple[str, list[list[str]], int]:
    """The prose before a pipe table's first row on its line, the table's rows from
    ``lines[i]``, and where the lines after them start."""
    # (…増加した。</p> <p>| 区分 | 令和7年度 |: the prose before a table's first row is prose
    # when a rule line follows, or rows that open with a bar)
    line = lines[i]
    lead, first = "", line
    if (
        not line.strip().startswith("|")
        and line.count("|") >= 2
        and i + 1 < len(lines)
        and (_PIPE_RULE.match(lines[i + 1]) or _TAG.sub("", lines[i + 1]).lstrip().startswith("|"))
    ):
        cut = line.index("|")
        lead, first = line[:cut], line[cut:]
    block = []
    j = i
    while j < len(lines) and lines[j].count("|") >= 1 and lines[j].strip():
        row = first if j == i else lines[j]
        if not _PIPE_RULE.match(row):
            block.append(_split_pipe(row))
        j += 1
    return lead, block, j


def _put_paired_row(
    out: list[str],
    lines: list[str],
    pairs: tuple[tuple[TableRecord, ...], list[str]],
    cells: list[str],
    carried: str,
) -> str:
    """One row of periods and values (割合(%)　R6 81.5　R7 82.0　R8 83.4　目標 100　×) put in
    ``out`` as its line, under the unit a line before declares (or ``carried``, that of the
    rows before it), named by the title above when it has no label; its unit."""
    declared, _, before = _unit_line(out, lines, len(lines), [cells])
    if before:
        _take_unit_line(out, before)
    unit = declared or carried
    records, rest = pairs
    if not records[0].row and out and (title := _caption_title(out[-1])):
        out.pop()
        records = tuple(replace(r, row=title) for r in records)
    # (増加 ○ after the figures: the sheet's words, on a line of their own)
    out.append("\n".join([_line(records, unit), " ".join(rest)]).strip())
    return unit


def _aligned_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The rows of space-aligned columns from ``lines[i]`` as a table's grid (a header row
    first), and where the lines after them start."""
    block, j = _aligned_block(lines, i)
    if _periods_listed(block):
        # ・令和6年度　612自治体(70%) / ・令和7年度　640自治体(74%): each line a period and its
        # value, not a header row over rows
        block = [["", *(_ITEM_MARK.sub("", r[0]) for r in block)], ["", *(r[1] for r in block)]]
    elif len(block) >= 2 and not any(_is_period(c) for c in block[0]):
        # a header of measures: the table ends where its rows stop being values
        values = _values_below(block)
        block, j = block[: 1 + values], j - (len(block) - 1 - values)
    if len(block) >= 2:
        if len(block[0]) == len(block[1]) - 1:  # the header has no label column
            block[0] = ["", *block[0]]
        elif _is_period(block[0][0]) and all(_FIGURE_CELL.match(r[0]) for r in block[1:]):
            block = [["", *r] for r in block]  # (R7実績　R8実績 over 81.2%　83.5%: none)
    return block, j


def _periods_listed(block: list[list[str]]) -> bool:
    """Whether aligned rows are each a period and one value (a list of years, not a table
    with a header row)."""
    return len(block) >= 2 and all(
        len(r) == 2 and _is_period(_ITEM_MARK.sub("", r[0])) and _FIGURE_CELL.match(r[1])
        for r in block
    )


# an item's mark, as _ITEM_LINE finds it opening a line
_ITEM_MARKS = r"(?:[・●○◆■◇□▪\-－*]|[①-⑳])"
_ITEM_MARK = re.compile(rf"^\s*{_ITEM_MARKS}\s*")


def _aligned_block(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The rows of space-aligned columns from ``lines[i]`` as a grid, as a spreadsheet pasted
    into a cell lays them out, and where the lines after them start: a row indented under a
    merged cell has blank cells first; a header row of groups (都道府県 over 団体数 | 割合)
    spans the columns under it; header rows are one; label columns are one label
    (再就職支援プログラム / 就職率 → 再就職支援プログラム 就職率)."""
    rows: list[list[str]] = []
    at: list[int] = []  # each row's line
    j, group, cut = i, "", ""
    plain = False  # a row's label joined of two lines or a group's: no reading by position
    while j < len(lines):
        cells = _aligned(lines[j])
        if cells is None:
            # ■結婚支援 between rows: a heading of the rows under it, which name its part
            heading = _GROUP_HEADING.match(_TAG.sub("", lines[j])) if rows else None
            if heading is None and rows and _label_cut(lines, j):
                # (…コーディネーター / 配置等支援事業　38　52: a label over two lines)
                cut, j = lines[j].strip(), j + 1
                continue
            if heading is None or j + 1 == len(lines) or _aligned(lines[j + 1]) is None:
                break
            group, j = heading.group(1), j + 1
            continue
        if cut:
            cells, cut, plain = [cut + cells[0], *cells[1:]], "", True
        plain = plain or bool(group)
        rows.append([f"{group} {cells[0]}", *cells[1:]] if group else cells)
        at.append(j)
        j += 1
    if not plain:
        placed = _placed([lines[k] for k in at])
        if placed is not None:
            return _one_label(_one_header(placed)), j
    data = next((r for r in rows if any(_FIGURE_CELL.match(c) for c in r[1:])), rows[0])
    width = len(data)
    if (
        len(rows[0]) != width
        and len(rows[0]) >= 3
        and not any(_FIGURE_CELL.match(c) for c in rows[0])
        and any(len(r) == len(rows[0]) for r in rows[1:])
    ):
        width = len(rows[0])  # (指標 R6実績 … 目標値 達成状況 over rows that stop at R8)
    grid: list[list[str]] = []
    for k, cells in enumerate(rows):
        if len(cells) < width and _INDENTED.match(_TAG.sub("", lines[at[k]])):
            cells = [""] * (width - len(cells)) + cells
        elif (
            k == 1
            and len(cells) == width - 1
            and not any(_FIGURE_CELL.match(c) for c in (*cells, *grid[0]))
        ):
            cells = ["", *cells]  # (区分 都道府県 市区町村 over 団体数 割合 団体数 割合)
        elif k and len(cells) != width and (fitted := _fit_label(cells, width)) is not None:
            cells = fitted
        elif (
            1 < len(cells) < width
            and (width - 1) % (len(cells) - 1) == 0
            and not any(_FIGURE_CELL.match(c) for c in cells)
        ):
            cells = [
                cells[0],
                *(c for c in cells[1:] for _ in range((width - 1) // (len(cells) - 1))),
            ]
        if grid and abs(len(cells) - len(grid[0])) > 1:
            j = at[k]
            break
        grid.append(cells)
    return _one_label(_one_header(grid)), j


def _display_width(text: str) -> int:
    """How many columns of a fixed-width font ``text`` takes: a wide character two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


_ALIGNED_CELL = re.compile(rf"(?:(?!{_ALIGNED_GAP.pattern}).)+")


def _spans(line: str) -> list[tuple[str, int, int]]:
    """The cells of a space-aligned line with the columns each starts and ends at."""
    text = _TAG.sub("", line)
    out = []
    for m in _ALIGNED_CELL.finditer(text):
        if m.group().strip():
            start = _display_width(text[: m.start()])
            out.append((m.group().strip(), start, start + _display_width(m.group())))
    return out


def _placed(texts: list[str]) -> list[list[str]] | None:
    """Ragged space-aligned rows placed in the columns of their widest row by where their
    cells stand (a merged header cell over two columns, a row whose empty cells left no
    gap): each cell in the column it starts or ends at; None where one stands in none."""
    rows = [_spans(t) for t in texts]
    anchors = max(rows, key=len)
    if all(len(r) == len(anchors) for r in rows):
        return None
    grid = []
    for row in rows:
        cells, k = [""] * len(anchors), 0
        for text, start, end in row:
            # (a word starts where its column does; a figure may be set right, ending there)
            figure = _FIGURE_CELL.match(text) is not None
            while k < len(anchors) and not (
                abs(start - anchors[k][1]) <= 1 or (figure and abs(end - anchors[k][2]) <= 1)
            ):
                k += 1
            if k == len(anchors):
                return None
            cells[k], k = text, k + 1
        grid.append(cells)
    return grid


def _wider_aligned(lines: list[str], i: int, flat_end: int) -> int | None:
    """Where space-aligned rows from ``lines[i]`` end, where they run past a flat reading's
    rows (a label over two lines under a header of wide gaps); else None."""
    header = _aligned(lines[i])
    if header is None or _is_period(header[0]):
        return None  # (a header of periods alone: the flat reading knows its rows)
    _, end = _aligned_block(lines, i)
    return end if end > flat_end else None


def _label_cut(lines: list[str], j: int) -> bool:
    """Whether ``lines[j]`` is the first part of the label of the aligned row under it: short
    words, no figure, no sentence's end, the row under it a label then figures."""
    line = _TAG.sub("", lines[j]).strip()
    below = _aligned(lines[j + 1]) if j + 1 < len(lines) else None
    return bool(
        below is not None
        and 0 < len(line) <= _LABEL_CHARS // 2
        and not _HAS_DIGIT.search(line)
        and not line.endswith(("。", ":", "："))
        and not _HAS_DIGIT.search(below[0])
        and any(_FIGURE_CELL.match(c) for c in below[1:])
    )


def _paired_records(cells: list[str]) -> tuple[tuple[TableRecord, ...], list[str]] | None:
    """A line of space-aligned cells that is one row: a label, then periods (and a target)
    each with its value, in one cell (R6 81.5) or two (R7末　12,340), as records, and a mark
    or a word after them as written; None unless it holds two or more dated values."""
    records: list[TableRecord] = []
    rest: list[str] = []
    # (R6　17　R7　21　R8　26: no label of its own — the title line above names it)
    label, k = ("", 0) if _is_period(cells[0]) else (cells[0], 1)
    while k < len(cells):
        head, _, tail = cells[k].partition(" ")
        if tail and _FIGURE_CELL.match(tail) and (_is_period(head) or _TARGET_HEADER.match(head)):
            column, value, k = head, tail, k + 1
        elif (
            k + 1 < len(cells)
            and (_is_period(cells[k]) or _TARGET_HEADER.match(cells[k]))
            and _FIGURE_CELL.match(cells[k + 1])
        ):
            column, value, k = cells[k], cells[k + 1], k + 2
        else:
            rest.append(cells[k])
            k += 1
            continue
        kind = "target" if _TARGET_HEADER.match(column) else "period"
        records.append(TableRecord(label, column, value, kind))
    if sum(r.kind == "period" for r in records) < 2 or _FIGURE_CELL.match(cells[0]):
        return None
    return tuple(records), rest


def _fit_label(cells: list[str], width: int) -> list[str] | None:
    """A row of a sheet whose label spans two or more cells (トライアル雇用助成金　常用雇用移行率
    (%)　72.0 …; 事業名　実施自治体数　－　58　71) as one label and its values from the first
    column on, blank to the width; None when its label is one cell."""
    lead = next(
        (n for n, c in enumerate(cells) if _FIGURE_CELL.match(c) or c.strip() in _EMPTY),
        len(cells),
    )
    if lead < 2 or lead == len(cells) or (len(cells) > width and lead < len(cells) - width + 1):
        return None
    values = cells[lead:]
    return [" ".join(cells[:lead]), *values, *[""] * (width - 1 - len(values))]


# ■結婚支援, ◆都道府県: a heading line of the rows under it (no figure)
_GROUP_HEADING = re.compile(r"^\s*[■◆●□◇]\s*([^0-9０-９。]{1,40}?)\s*$")
# a line indented under a merged cell (its first cells blank)
_INDENTED = re.compile(r"^(?:\u3000| {2,})")


def _one_label(grid: list[list[str]]) -> list[list[str]]:
    """Two or more label columns (no figure under them) as one, a blank cell of the first
    ones standing for the cell above it (a merged cell)."""
    if len(grid) < 2:
        return grid
    labels = 0
    width = min(len(r) for r in grid)
    # (a "－" under a period is a value not given, not a label)
    while labels < width - 1 and not any(
        _FIGURE_CELL.match(r[labels]) or (r[labels].strip() and r[labels].strip() in _EMPTY)
        for r in grid[1:]
    ):
        labels += 1
    if labels < 2:
        return grid
    out = [[" ".join(c for c in grid[0][:labels] if c.strip()), *grid[0][labels:]]]
    above = list(grid[1][:labels])
    for r in grid[1:]:
        above = [c if c.strip() or k == labels - 1 else above[k] for k, c in enumerate(r[:labels])]
        out.append([" ".join(c for c in above if c.strip()), *r[labels:]])
    return out


def _aligned(line: str) -> list[str] | None:
    """The cells of a line of space-aligned columns (two or more), or None; a line of fields
    (基準値:-　　目標値:66.7%以上) is none."""
    text = line.strip(" \u3000")
    if not text or len(text) > 200 or _FIELD_CELL.match(_TAG.sub("", text)):
        return None
    cells = [c for c in _ALIGNED_GAP.split(text) if c.strip()]
    label = _last_paragraph(cells[0]) if len(cells) >= 2 else ""  # (…。</p><p>区分)
    if (
        len(cells) < 2
        or len(label) > _LABEL_CHARS
        or any("。" in c for c in cells[1:-1])
        or len(_OPEN.findall(cells[0])) > len(_CLOSE.findall(cells[0]))
    ):
        return None  # (…件数が2,410件となり(前年度　2,380件、…)。: a sentence's own spacing)
    return cells


_OPEN, _CLOSE = re.compile(r"[(（]"), re.compile(r"[)）]")


# 基準値:120,400回, 実績値(累計):令和6年度末…: a field's label (words, not a time) and a colon
_FIELD_CELL = re.compile(r"^\s*[^\s:：|0-9０-９]{2,12}?(?:[(（][^()（）]{1,8}[)）])?\s*[:：]\s*\S")
_LABEL_CHARS = 60  # a row label is short; a sentence before a wide space is prose


_BARS = str.maketrans({"｜": "|", "│": "|", "┃": "|", "║": "|"})
# a rule of a table drawn with box-drawing characters (┌──┬──┐, ├──┼──┤, ┗━━┻━━┛), a line
# of its own: no row
_BOX_RULE = re.compile(
    r"(?:(?<=\n)|(?<=<br>)|(?<=<br/>)|(?<=<br />)|^)[ \t\u3000]*[\u2500-\u257f]{3,}[ \t\u3000]*"
    r"(?:<br\s*/?>|\n|$)"
)


def tables_as_lines(text: str) -> str:
    """``text`` with each table inside it (HTML, pipes, aligned columns, single-spaced rows
    under a header of periods) as one labelled line per value; text without a table is
    returned as it is."""
    if "<" in text and _TABLE_OPEN.search(text):  # not a lower() of the whole cell
        text = _html_tables(text)
    if "｜" in text or "│" in text or "┃" in text or "║" in text:
        if "─" in text or "━" in text or "═" in text:
            text = _BOX_RULE.sub("", text)
        text = text.translate(_BARS)  # 年度｜R6｜R7｜R8: a table's bars in full width
    if (
        "|" not in text
        and "\u3000" not in text
        and "  " not in text
        and (" " not in text or not (_FLAT_HINT.search(text) or _has_role_header(text)))
    ):
        return text
    lines = _LINE_BREAK.split(text)
    if len(lines) < 2 and ((cells := _aligned(text)) is None or _paired_records(cells) is None):
        return text  # (one line is a table only as a row of periods and values)
    return "\n".join(_line_tables(lines))


# --- PDF text ----------------------------------------------------------------------------------

# (- 12 -; not the month of 2026-04-01)
_PAGE_NUMBER = re.compile(r"(?<![0-9０-９])[-－‐ー―]\s*[0-9０-９]{1,3}\s*[-－‐ー―]")
_RUNNING_HEADER = re.compile(
    r"[^\n。、]{0,40}(?:実施状況|進捗状況)[（(](?:令和|平成)\s*[0-9０-９元]+\s*年度[)）]"
)
_PDF_SIGNS = re.compile(rf"[0-9０-９][ \u3000]+{_UNIT_AFTER_SPACE}|{_PAGE_NUMBER.pattern}")


# NOTE: one character class first, the branch after it (a figure then a space, or a dash
# then a page number): a search then skips to the candidate characters in C, where an
# alternation of two classes is tried at every character (ー is in most Japanese cells).
_DIGIT_SPACE = re.compile(
    r"[0-9０-９\-－‐ー―](?:(?<=[0-9０-９])[ \u3000]"
    r"|(?<=[-－‐ー―])[ \u3000]*[0-9０-９]{1,3}[ \u3000]*[-－‐ー―])"
)


# (no IGNORECASE: case-folding the kanji range made this the costliest pattern to compile, 13 ms
# of every start)
_BREAK = r"\s*(?:<[bB][rR]\s*/?>|\r?\n)\s*"
# a word cut by a line break: kana on both sides, or a katakana word's long vowel
_MIDWORD_BREAK = re.compile(r"([ぁ-んァ-ヶー])" + _BREAK + r"(?=[ぁ-んァ-ヶー])")
_MIDWORD_BREAKS = 2
# a figure cut by a line break: digits (a comma's group, a multiplier) on both sides
_CUT_FIGURE = re.compile(r"([0-9０-９][,，.．]?|[0-9０-９][万億千])" + _BREAK + r"(?=[0-9０-９])")
# (1,3<br>02法人, 2<br>09件, 35万<br>8,410人: a figure the break cuts short — a comma's group
# of fewer than three digits, digits that go on with a 0, a 万 the rest of its figure follows)
_CUT_SHORT = (
    re.compile(r"([0-9０-９][,，][0-9０-９]{1,2})" + _BREAK + r"(?=[0-9０-９])"),
    re.compile(r"([0-9０-９])" + _BREAK + r"(?=0[0-9])"),
    re.compile(
        r"([0-9０-９][万億])"
        + _BREAK
        + r"(?=[0-9０-９](?:[,，][0-9０-９]{3}|[0-9０-９]{3}(?![0-9０-９年月日度])))"
    ),
)
# (指標 R6実績 R7実績 R8実<br>績 目標値, R7末 R8<br>末: a header's period word cut at the
# column's width, its rest alone before a space or the line's end)
_CUT_PERIOD_HEADER = re.compile(
    r"((?:^|[ \u3000])(?:[A-Za-z]{1,2})?[0-9０-９]{1,4}(?:年度?|実)?)"
    + _BREAK
    + r"(?=(?:実績|績|年度末|年度|度|末)(?:[ \u3000]|<[bB][rR]|\n|$))"
)
# (指標 R6実績 R7実績 R8実 目標 達成状況<br>績<br>…: the rest on a line of its own after the
# header's line)
_LONE_HEADER_REST = re.compile(
    r"((?:^|[ \u3000>])(?:[A-Za-z]{1,2})?[0-9０-９]{1,4}実)([ \u3000][^<\n]*?)"
    + _BREAK
    + r"績(?=\s*(?:<[bB][rR]\s*/?>|\n|$))"
)
# (81.2<br>％  83.5<br>％: a figure's unit carried to the next line)
_CUT_UNIT = re.compile(
    r"([0-9０-９])" + _BREAK + r"(?=(?:％|%|人|件|回|団体|自治体|か所)(?:[ \u3000]|<[bB][rR]|\n|$))"
)
_UNFINISHED_LINE = re.compile(
    r"([ぁ-んァ-ヶ一-龥][のをにがはとでへ])\s*(?:<[bB][rR]\s*/?>|\r?\n)\s*(?=[ぁ-んァ-ヶ一-龥0-9０-９])"
)


def repair_pdf_text(text: str) -> str:
    """Undo what copying out of a PDF does to a cell (see the module's docstring); a cell that
    shows no sign of it is returned as it is. The joining of lines and of figures to their
    units is ``pdftext``'s, the one repair the PDF reader uses too; this adds what a cell
    pasted from a PDF carries inline: page numbers and running headers between its words."""
    if "<br" in text or "\n" in text:
        # …令和8年4月～12月の<br>速報で398回: a line that stops on a particle goes on
        text = _UNFINISHED_LINE.sub(r"\1", text)
        for cut in _CUT_SHORT:
            text = cut.sub(r"\1", text)
        text = _LONE_HEADER_REST.sub(r"\1績\2", _CUT_PERIOD_HEADER.sub(r"\1", text))
        text = _CUT_UNIT.sub(r"\1", text)
        if len(_MIDWORD_BREAK.findall(text)) >= _MIDWORD_BREAKS:
            # (lines cut at a PDF's column width: 1.5ポイ<br>ント, 届か<br>なかった — and
            # figures cut the same way: 1,3<br>05法人, 8<br>7.4％, 31万<br>4,020回)
            text = _MIDWORD_BREAK.sub(r"\1", _CUT_FIGURE.sub(r"\1", text))
    if (" " not in text and "\u3000" not in text and "-" not in text) or not (
        _DIGIT_SPACE.search(text) and _PDF_SIGNS.search(text)
    ):
        return text
    from .pdftext import join_figures, join_lines

    text = _PAGE_NUMBER.sub(" ", text)
    text = _RUNNING_HEADER.sub(" ", text)
    # (the rows of a table stay rows: only the figures of each of their cells are joined)
    out: list[str] = []
    prose: list[str] = []
    columns = 0  # the periods of a flat table's header line, while its rows follow
    lines = _LINE_BREAK.split(text)
    i = 0
    while i < len(lines):
        line, row = lines[i], None
        cells = _aligned(line)
        header = _flat_header(line)
        if not header and columns:
            row, i = _flat_table_row(lines, i, columns)
        columns = header or (columns if row is not None else 0)
        i += 1
        if (
            cells is None
            and not columns
            and not _NOTE_LINE.match(line)
            and not _PIPE_ROW.match(line)
        ):
            prose.append(line)
            continue
        out += [join_figures(x) for x in join_lines(prose)]
        prose = []
        out.append(row or ("  ".join(join_figures(c) for c in cells) if cells else line.strip()))
    out += [join_figures(x) for x in join_lines(prose)]
    return "\n".join(out)


# a pipe table's row (| 指定数 | 1,040 | 1,118 |): a row, not a line of prose to join
_PIPE_ROW = re.compile(r"^\s*[|｜].*[|｜]\s*$")


def _flat_table_row(lines: list[str], i: int, columns: int) -> tuple[str | None, int]:
    """The row of a flattened table at ``lines[i]``, its figures joined to their units
    (年度 3,120 人 3,410 人), and the index of its last line: a label the layout wrapped
    (…検索サ / イト閲覧数 120,450 131,002) is joined to the line it goes on in. None when the
    line is no row of the table."""
    from .pdftext import join_units

    row = join_units(_TAG.sub("", lines[i])).strip()
    if _flat_row(row, columns):
        return row, i
    if i + 1 < len(lines) and _WRAPPED_LABEL.match(row):
        joined = join_units(row + _TAG.sub("", lines[i + 1]).strip())
        if _flat_row(joined, columns):
            return joined, i + 1
    return None, i


# the head of a row label the layout wrapped: a few words, no figure, no full stop
_WRAPPED_LABEL = re.compile(r"^[^\s0-9０-９。、:：]{1,20}$")


# two periods side by side, as a flattened header writes them: 令和7年度 令和8年度, R7 R8
# (年度|年|R7, written from one class: see _DIGIT_SPACE)
_FLAT_HINT = re.compile(
    r"[年RＲ](?:(?<=年)度?|(?<=[RＲ])[0-9０-９]+(?:年度)?(?:実績|末)?)"
    r" (?:令和|平成|[RＲ][0-9０-９]|FY|[0-9]{4}年)"
)


def _has_role_header(text: str) -> bool:
    """Whether ``_role_header_re`` matches, tried only where a role word's first two
    characters occur (most cells hold none)."""
    return any(
        m.start() == 0 or text[m.start() - 1] in " \u3000\n\t>"
        for m in _role_header_re().finditer(text)
    )


@cache
def _role_header_re() -> re.Pattern[str]:
    """Two column heads of roles side by side (目標 実績: a table of targets and results
    flattened out of a PDF)."""
    roles = alternation("role_column")
    # NOTE: the role words first (a search skips in C to their first characters); what
    # stands before them (a line's start, a space, a tag's end) is checked by the caller.
    return re.compile(rf"(?:{roles})[ \u3000]+(?:{roles})(?=$|[\s<])", re.MULTILINE)


# a ※ note is a line of its own: the line after it is not its continuation
_NOTE_LINE = re.compile(r"^\s*(?:<[^>]*>\s*)*※")


def _flat_header(line: str) -> int:
    """How many periods a line of periods separated by single spaces holds (区分 令和7年度
    令和8年度: a table's header flattened out of a PDF); 0 when it is not one."""
    tokens = line.split()
    periods = sum(_is_period(t) for t in tokens)
    if _aligned(line) is None:
        # 目標 実績: heads of roles, single-spaced (aligned columns are read as such); 指標
        # R6実績 R7実績 R8実績 目標 達成状況: a sheet's columns after its periods
        periods += sum(t in word_set("role_column") for t in tokens)
    return periods if periods >= 2 and periods >= len(tokens) - 1 else 0


def _flat_row(line: str, columns: int) -> bool:
    """Whether a line ends with ``columns`` figures separated by spaces (a flattened row)."""
    if not columns:
        return False
    tokens = line.split()
    # (a row of figures alone under a header of periods: 令和6年度 令和7年度 / 8,000 8,100)
    if len(tokens) >= columns and all(_NUMERIC.match(t) or t in _EMPTY for t in tokens[-columns:]):
        return True
    # (…認知度(%) 31.4 32.8 34.1 前年度より向上 ○: a sheet's row, a word in its role columns;
    # …割合(%) － － － 集計中 増加 －: one with no figure yet)
    return len(tokens) == columns + 1 and (
        sum(bool(_NUMERIC.match(t)) for t in tokens[1:]) >= 2
        or all(t in _EMPTY or _PENDING_CELL.match(t) or len(t) <= 2 for t in tokens[1:])
    )


# --- numerals ----------------------------------------------------------------------------------

_KANJI_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_KD = "〇一二三四五六七八九"
_COUNTERS = f"(?:{alternation('counter')})"
# 九三・五パーセント, 〇・五ポイント: kanji digits written positionally, ・ as the decimal point
_POSITIONAL = re.compile(rf"(?<![{_KD}十百千万])([{_KD}]+)・([{_KD}]+)(?=パーセント|％|%|ポイント)")
# 七割二分 (= 72%), 約九割四分
_WARI_BU = re.compile(rf"([{_KD}0-9０-９])割([{_KD}0-9０-９])分(?:([{_KD}0-9０-９])厘)?")
# 二十一都道府県, 百二十自治体: a kanji number with 十/百/千 before a counter
# (not a multiplier alone in a bracket: 実績(千人) declares a unit, it counts nothing)
_KANJI_COUNT = re.compile(
    rf"(?<![{_KD}十百千万億0-9０-９.．])(?![十百千][^{_KD}十百千]*[)）])"
    rf"([{_KD}十百千]*[十百千][{_KD}十百千]*)(?={_COUNTERS})"
)
_KANJI_DIGIT_RE = re.compile(f"[{_KD}]")
# what _POSITIONAL needs at least, a ・ between kanji digits: searched from the ・ (a search
# skips to it in C; _POSITIONAL's look-behind first would be tried at every character)
_KD_DOT_KD = re.compile(f"・(?<=[{_KD}]・)(?=[{_KD}])")
_PERCENT_WORD = re.compile(r"(?<=[0-9])パーセント")
# (単位:千人), (単位:万件): a multiplier and a unit declared for the bare figures under it
# (単位:千人), (単位:％), (累計、単位:人), (「…調査」、単位:％), (単位:％、( )内は団体数):
# the unit (and multiplier) declared for the bare figures under it; the words beside it kept
_DECLARED_SCALE = re.compile(
    r"[(（](?P<before>[^()（）]*?[、,，]\s*)?\s*単位\s*[:：]\s*(?P<scale>[千万億]?)\s*"
    r"(?P<unit>[^\s)）、,，<]{1,6}?)"
    r"\s*(?P<after>[、,，](?:[^()（）]|[(（][^()（）]*[)）])*)?[)）]"
)
# a figure with no word after it (a date's 令和8年, a 5.5%, a 12万 are not bare)
_BARE = re.compile(
    r"(?<![0-9０-９.,，．A-Za-z])([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)"
    r"(?=\s*(?:$|<|[\s(（)）、。:：※;；/／\]【]|[，,](?![0-9０-９])))"
)
# a line that heads a block of its own: 【認知度】 (■, ◆ head items of the block: ■相談件数)
_HEADING_LINE = re.compile(r"^\s*【")
# a line that is an item of the list under a declaration
_ITEM_LINE = re.compile(rf"^\s*(?:<[^>]*>\s*)*{_ITEM_MARKS}")


def _digit(ch: str) -> str:
    return _KANJI_DIGIT.get(ch) or ch.translate(_FULL)


def _kanji_count(run: str) -> str:
    total, part = 0, 0
    for ch in run:
        if ch in "十百千":
            total += (part or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            part = 0
        else:
            part = part * 10 + int(_KANJI_DIGIT[ch])
    return str(total + part)


@cache
def _kanji_number_re() -> re.Pattern[str]:
    """A number written in kanji (六十八・四, 二十八万一千三百五, 二〇二六), before a unit,
    a counter or a word of time; not one inside a word (一層, 千葉, 十分)."""
    # (not 割: 三割二厘 and 七割六分 are _WARI_BU's; 一センター当たり: the base of a rate)
    after = "|".join(
        (
            unit_alternation(),
            _COUNTERS,
            alternation("numeral_after"),
            _per_base_after().pattern,
        )
    )
    # NOTE: the pattern opens with a character class (the first numeral, none before it), so
    # a search skips in C to the numerals; a run of 万 and 億 alone is refused by the callback.
    n = f"{_KD}十百千万億"
    # (四五．2％, 一四．一％: a full stop as the decimal point too, and the writer's digits
    # after it in either script)
    return re.compile(
        rf"([{n}](?<![{n}][{n}])[{n}]*)(?:[・．.]([{_KD}0-9０-９]+))?(?!\s*割)(?=\s*(?:{after}))"
    )


def _kanji_number(m: re.Match[str]) -> str:
    run, decimals = m.group(1), m.group(2)
    if run[0] in "万億" or run.endswith("億") or not _KANJI_PLACE.search(run):
        return m.group()
    if not _KANJI_DIGIT_RE.search(run) and not _PERCENT_AFTER.match(m.string, m.end()):
        return m.group()  # (単位:千回, 千人: a multiplier, not a number; but 百%)
    if run == "一" and not decimals and not _per_base_after().match(m.string, m.end()):
        return m.group()  # (一人ひとり, 一か所に集約: a word; 一センター当たり: a rate's base)
    if not any(ch in "十百千万億" for ch in run):
        whole = "".join(map(_digit, run))  # 二〇二六, 九三: digit by digit
    else:
        whole = _kanji_value(run)
    return whole + ("." + "".join(map(_digit, decimals)) if decimals else "")


_PERCENT_AFTER = re.compile(r"\s*(?:%|％|パーセント)")
_KANJI_PLACE = re.compile(f"[{_KD}十百千]")
_PLACE_PERCENT = re.compile(r"[十百千](?=\s*(?:%|％|パーセント))")  # (百%: one class first)


@cache
def _per_base_after() -> re.Pattern[str]:
    return re.compile(rf"[^\s、。()（）0-9]{{0,6}}?(?:{alternation('per_base')})")


def _kanji_value(run: str) -> str:
    """二十八万一千三百五 → 281305 (万 and 億 over groups read as ``_kanji_count``)."""
    total, group = 0, ""
    for ch in run:
        if ch in "万億":
            total += int(_kanji_count(group) if group else "1") * (10_000 if ch == "万" else 10**8)
            group = ""
        else:
            group += ch
    return str(total + (int(_kanji_count(group)) if group else 0))


def _declared_block(text: str, m: re.Match[str]) -> int:
    """Where the figures a declaration is for end: the rest of its line (up to a full stop),
    then the list items under it (・…, ①…), up to the first line that is not one."""
    breaks = [(b.start(), b.end()) for b in _LINE_BREAK.finditer(text, m.end())]
    first = breaks[0][0] if breaks else len(text)
    # (…年度計 約500</p> <p>相談件数(単位:件):…: a paragraph ends the line it declares for)
    paragraph = _PARAGRAPH_END.search(text, m.end(), first)
    if paragraph is not None and _TAG.sub("", text[m.end() : paragraph.start()]).strip():
        stop = text.find("。", m.end(), paragraph.start())
        return stop if stop != -1 else paragraph.start()
    if not _TAG.sub("", text[m.end() : first]).strip():
        # (単位:千人) on a line of its own heads the lines that follow, up to the next heading
        # (【認知度】, ■…), declaration or blank line
        for i, (_, line_start) in enumerate(breaks):
            line_end = breaks[i + 1][0] if i + 1 < len(breaks) else len(text)
            line = _TAG.sub("", text[line_start:line_end])
            if (
                not line.strip()
                or _HEADING_LINE.match(line)
                or _DECLARED_SCALE.search(line)
                or _UNIT_FIELD.match(line)
            ):
                return line_start
        return len(text)
    stop = text.find("。", m.end(), first)
    if stop != -1:
        return stop
    end = first
    for i, (_, line_start) in enumerate(breaks):
        line_end = breaks[i + 1][0] if i + 1 < len(breaks) else len(text)
        if not _ITEM_LINE.match(text[line_start:line_end]):
            break
        end = line_end
    return end


_FIGURE_BRACKET = re.compile(r"[0-9０-９][(（]\s*$")
_FIGURE_UNIT_BRACKET = re.compile(r"[0-9０-９][^\s()（）0-9０-９]{0,4}[(（]\s*$")
_PARAGRAPH_END = re.compile(r"</(?:p|li|div|td)\s*>", re.IGNORECASE)


@cache
def _unit_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{unit_alternation()}|％)")


def _scaled_bare(block: str, scale: str) -> str:
    """``scale`` (千人, ％) written after each bare figure of ``block``; not after one with a
    unit of its own after a space (52 か所) or one in the bracket after a figure (98(46): the
    bracket counts something else)."""

    # (2027-03-31 180214: the figures of a date are no counts)
    dates = [(p.start, p.end) for p in find_periods(block)] if "-" in block or "/" in block else []

    def scaled(bare: re.Match[str]) -> str:
        if (
            _unit_after_space_re().match(block, bare.end())
            or _FIGURE_BRACKET.search(block, 0, bare.start())
            or any(a <= bare.start() < b for a, b in dates)
        ):
            return bare.group()
        return bare.group(1) + scale

    return _BARE.sub(scaled, block)


def _joined(parts: list[str], seps: list[str]) -> str:
    """Lines split by ``_LINE_BREAK`` put back with the breaks they were split at."""
    return "".join(p + (seps[k] if k < len(seps) else "") for k, p in enumerate(parts))


def _with_declared_scale(text: str) -> str:
    """(単位:千人) 327.9 → 327.9千人: the declaration's multiplier and unit written after each
    bare figure it is for (``_declared_block``); the declaration itself is dropped. A figure
    with a unit of its own after a space (52 か所) is not bare. A sheet's field line 単位:% (a
    report's indicator block: 指標名:… / 単位:% / 基準値:61.9 / 実績値:令和8年度 64.2) declares
    the same for the field lines under it."""
    out, at = [], 0
    found = sorted(
        (*_DECLARED_SCALE.finditer(text), *_UNIT_FIELD.finditer(text)), key=lambda m: m.start()
    )
    for m in found:
        if m.start() < at:
            continue
        end = _declared_block(text, m)
        scale = m.group("scale") + m.group("unit")
        if not _unit_re().fullmatch(m.group("unit")):
            continue  # (単位:各年度末): no unit
        block = text[m.end() : end]
        # (実績(R8)：12,345 / 単位：件 / 前年：11,234: a field line declares for the figure
        # fields of its record above it too)
        back = _figure_fields_before(text, m.start(), at) if m.re is _UNIT_FIELD else m.start()
        listed = _listed_after(m)
        body = _scaled_by_line(block, scale + listed) if listed else _scaled_bare(block, scale)
        above = _scaled_bare(text[back : m.start()], scale)
        if body == block and above == text[back : m.start()]:
            continue  # nothing under it to give the unit to: the declaration stays as written
        # the words beside the declaration stay: (累計、単位:人) → (累計)
        beside = (m.groupdict().get("before"), None if listed else m.groupdict().get("after"))
        kept = "、".join(x.strip("、,， ") for x in beside if x)
        out += [text[at:back], above, f"（{kept}）" if kept else "", body]
        at = end
    return "".join(out) + text[at:] if out else text


# a record's field line of a figure (実績(R8)：12,345, 前年：11,234)
_FIGURE_FIELD = re.compile(
    r"[ \t\u3000]*[^\s:：<>]{1,40}[:：][ \t\u3000]*[0-9][0-9,.]*[ \t\u3000]*"
)


def _figure_fields_before(text: str, at: int, floor: int) -> int:
    """Where the record's figure field lines right above ``at`` start (``at`` where there are
    none), not before ``floor``."""
    start = at
    while start > floor:
        breaks = list(_LINE_BREAK.finditer(text, floor, start))
        if not breaks or breaks[-1].end() != start:
            break
        line_start = breaks[-2].end() if len(breaks) > 1 else floor
        if not _FIGURE_FIELD.fullmatch(text, line_start, breaks[-1].start()):
            break
        start = line_start
    return start


def _listed_after(m: re.Match[str]) -> str:
    """The other units a declaration lists after its first (単位：千件、％ → "、%"), or ""."""
    after = (m.groupdict().get("after") or "").strip()
    listed = _listed_units_re().match(after + ")") if after else None
    if listed is None or listed.end() != len(after):
        return ""
    return listed.group().replace("％", "%").replace(" ", "")


def _scaled_by_line(block: str, listed: str) -> str:
    """Each line's bare figures with the unit of the list its words count (回答件数 → 千件,
    「満足した」の構成比 → %: ``_listed_unit``)."""
    parts = _LINE_BREAK.split(block)
    seps = _LINE_BREAK.findall(block)
    out = []
    for part in parts:
        first = _BARE.search(part)
        label = _FIELD_KEY_END.sub("", part[: first.start()] if first else part)
        unit = _listed_unit(listed, _label_units(label)[1] if label.strip() else "", label)
        # (前年度 33.5　本年度 36.8　増減 3.3 under (単位：％、ポイント): a field of a change
        # takes the list's points)
        fields = _FIELD_GAP.split(part)
        gaps = _FIELD_GAP.findall(part)
        out.append(
            _joined(
                [
                    _scaled_bare(f, _listed_unit(listed, "", f) if _CHANGE_FIELD.match(f) else unit)
                    for f in fields
                ],
                gaps,
            )
        )
    return _joined(out, seps)


_FIELD_GAP = re.compile(r"\u3000+| {2,}|[／/]")
_CHANGE_FIELD = re.compile(
    rf"\s*(?:{alternation('change_column')})\s*[:：]?\s*[+＋\-－△▲]?[0-9０-９]"
)


_FIELD_KEY_END = re.compile(rf"[\s:：]*(?:{alternation('year_key', 'this_fiscal_year')})?[\s:：]*$")


# 単位:% on a line of its own, among an indicator's field lines (no bracket around it)
_UNIT_FIELD = re.compile(
    r"(?:^|(?<=\n)|(?<=<br>))[ \t\u3000]*単位\s*[:：]\s*(?P<scale>[千万億]?)\s*"
    r"(?P<unit>[^\s)）、,，<]{1,6})[ \t\u3000]*(?=$|\n|<br)"
)


@cache
def _bracket_unit_re() -> re.Pattern[str]:
    # 配置数(人), 閲覧数(年間・千回), …の利用者数(小・中、千人): a label's bracket that ends in
    # a unit (and multiplier) — not a bracket after a figure (98(46)) or a period (R5)
    return re.compile(
        # (the bracket first, then what stands before it: a search skips to brackets in C)
        r"[(（](?<=[^\s0-9０-９()（）:：][(（])(?:[^()（）]*?[、,，・]\s*)?([千万億]?)\s*"
        rf"({unit_alternation()}|％|%)\s*[)）]"
    )


def _field_block_end(text: str, at: int) -> int:
    """Where the figures of a label's line end: its line, and the field lines under it
    (【基準値】…, 実績 R7:…) that a sheet's row was split into."""
    while True:
        line = _LINE_BREAK.search(text, at)
        if line is None:
            return len(text)
        nxt = _LINE_BREAK.search(text, line.end())
        following = text[line.end() : nxt.start() if nxt else len(text)]
        if not _field_start_re().match(following) or _bracket_unit_re().search(following):
            return line.start()
        at = line.end()


def _with_label_units(text: str) -> str:
    """The unit a label declares in its bracket, 配置数(人) 6,505 7,148 → 6,505人 7,148人,
    written after each bare figure of the rest of its line (up to a full stop or the next
    such label), as a KPI sheet's row pasted into a cell gives them."""
    marks = list(_bracket_unit_re().finditer(text))
    if not marks:
        return text
    out, at = [], 0
    for k, m in enumerate(marks):
        if m.start() < at:
            continue
        end = min(
            _field_block_end(text, m.end()),
            marks[k + 1].start() if k + 1 < len(marks) else len(text),
            (text.find("。", m.end()) + 1 or len(text) + 1) - 1,
        )
        scale = m.group(1) + m.group(2)
        block = text[m.end() : end]

        out += [text[at : m.end()], _scaled_bare(block, scale)]
        at = end
    return "".join(out) + text[at:]


# 三一二、〇四八回, 五、一〇八、三三六回: positional kanji digits in groups of three, as a
# vertically set page writes a figure's thousands
# what the two need at least, searched from the separator (a search skips to it in C; a
# pattern opening with a look-behind is tried at every character)
_KD_COMMA_KD = re.compile(f"[、,，](?<=[{_KD}][、,，])(?=[{_KD}]{{3}})")
_D_DOT_D = re.compile("・(?<=[0-9０-９]・)(?=[0-9０-９])")
_DIGIT_DOT_DIGIT = re.compile(
    r"(?<![0-9０-９.．])([0-9０-９]+)・([0-9０-９]+)(?=\s*(?:パーセント|％|%|ポイント))"
)
_GROUPED_KANJI = re.compile(f"(?<![{_KD}])[{_KD}]{{1,3}}(?:[、,，][{_KD}]{{3}})+(?![{_KD}])")


def _grouped_digits(m: re.Match[str]) -> str:
    return ",".join(map(lambda g: "".join(map(_digit, g)), re.split("[、,，]", m.group())))


# 大字, the numerals of legal and financial writing (参拾壱万八千五百七回, 弐百九件), and the
# ordinary kanji they stand for; read only inside a run of numerals (参加, 参考 stay words)
_DAIJI = str.maketrans(
    "壱壹弐貳参參肆伍陸漆捌玖拾佰陌阡仟萬", "一一二二三三四五六七八九十百百千千万"
)
_DAIJI_CHAR = re.compile("[壱壹弐貳参參肆伍陸漆捌玖拾佰陌阡仟萬]")
_DAIJI_RUN = re.compile(
    "[〇一二三四五六七八九十百千万億壱壹弐貳参參肆伍陸漆捌玖拾佰陌阡仟萬0-9０-９]*"
    "[壱壹弐貳参參肆伍陸漆捌玖拾佰陌阡仟萬]"
    "[〇一二三四五六七八九十百千万億壱壹弐貳参參肆伍陸漆捌玖拾佰陌阡仟萬0-9０-９]*"
)


def _daiji_run(m: re.Match[str]) -> str:
    run = m.group()
    return run.translate(_DAIJI) if len(run) > 1 else run


def kanji_as_digits(text: str) -> str:
    """Kanji numbers before their units written as figures (六十八・四% → 68.4%, 四五．2％ →
    45.2％, 二十八万一千三百五回 → 281305回, 九三・五パーセント → 93.5パーセント, 三一二、〇四八回
    → 312,048回): before a table in the cell is read, so that its cells are figures."""
    if _DAIJI_CHAR.search(text):
        text = _DAIJI_RUN.sub(_daiji_run, text)
    if ("、" in text or "," in text or "，" in text) and _KD_COMMA_KD.search(text):
        text = _GROUPED_KANJI.sub(_grouped_digits, text)
    if _KANJI_DIGIT_RE.search(text) or _PLACE_PERCENT.search(text):
        # 六十八・四%, 四五．2%, 二十八万一千三百五回, 二〇二六年: a kanji number before its unit
        text = _kanji_number_re().sub(_kanji_number, text)
    if "・" in text and _D_DOT_D.search(text):
        text = _DIGIT_DOT_DIGIT.sub(r"\1.\2", text)  # (４０・２パーセント: the point of print)
    if "・" in text and _KD_DOT_KD.search(text):
        text = _POSITIONAL.sub(
            lambda m: "".join(map(_digit, m.group(1))) + "." + "".join(map(_digit, m.group(2))),
            text,
        )
    return text


def numerals_as_digits(text: str, original: str | None = None) -> str:
    """Numerals a reader reads as figures, written as the figures: 九三・五パーセント → 93.5%,
    七割二分 → 72%, 二十一都道府県 → 21都道府県, (単位:千人) 327.9 → 327.9千人."""
    # NOTE: each rewrite runs only where its trigger occurs: most cells hold none of them.
    # (``original``: the text before its kanji numbers were read — given when the caller has
    # read them already, as ``cell_text`` does before a cell's tables)
    if original is None:
        original, text = text, kanji_as_digits(text)
    if "割" in text and "分" in text:
        # (八割一分五厘 → 81.5%)
        text = _WARI_BU.sub(
            lambda m: (
                f"{_digit(m.group(1))}{_digit(m.group(2))}"
                + (f".{_digit(m.group(3))}" if m.group(3) else "")
                + "%"
            ),
            text,
        )
    if "単位" in text:
        text = _with_declared_scale(text)
    if ")" in text or "）" in text:
        text = _with_label_units(text)
    if ("十" in text or "百" in text or "千" in text) and (
        "割" in text or "単位" in text or _KANJI_DIGIT_RE.search(original) is not None
    ):
        text = _KANJI_COUNT.sub(lambda m: _kanji_count(m.group(1)), text)
    if "パーセント" in text:
        text = _PERCENT_WORD.sub("%", text)
    if ":" in text or "：" in text:
        text = _labelled_bare_re().sub(_labelled_unit, text)
    if "実績" in text and "目標" in text:
        text = _actual_field_units(text)
    return text


# 【目標値】206件以上 / 【実績値】209: a sheet's actual field under its target field
_TARGET_FIELD_LINE = re.compile(r"^\s*(?:【\s*目標(?:値)?\s*】|目標(?:値)?(?:\s*[:：]|\s+))")
_ACTUAL_FIELD_LINE = re.compile(
    r"^\s*(?:【\s*実績(?:値)?[^】]{0,8}】|実績(?:値)?(?:\s*[:：]|\s+|[(（][^()（）]{0,8}[)）]))"
)


@cache
def _unit_in_re() -> re.Pattern[str]:
    return re.compile(rf"[0-9０-９][0-9０-９,，.．]*\s*(?:万|千|億)?\s*({unit_alternation()}|％)")


def _actual_field_units(text: str) -> str:
    """The bare figures of an actual field (【実績値】209) with the unit of the target field
    right above it (【目標値】206件以上 → 209件)."""
    parts = _LINE_BREAK.split(text)
    if len(parts) < 2:
        return text
    seps = _LINE_BREAK.findall(text)
    unit = ""
    for k, line in enumerate(parts):
        plain = _TAG.sub("", line)
        if _TARGET_FIELD_LINE.match(plain):
            m = _unit_in_re().search(plain)
            unit = m.group(1) if m else ""
        elif unit and _ACTUAL_FIELD_LINE.match(plain):
            parts[k] = _BARE.sub(
                lambda b, u=unit, line=line: (
                    b.group()  # 96%(45): the bracket counts else
                    if _FIGURE_UNIT_BRACKET.search(line, 0, b.start())
                    else b.group(1) + u
                ),
                line,
            )
            unit = ""
    return _joined(parts, seps)


@cache
def _labelled_bare_re() -> re.Pattern[str]:
    # 企業等(％):34.2, 相談件数(千件):56.4, 養成数(累計・人):468,905 — a bare figure after a
    # label whose bracket names its unit
    units = unit_alternation()
    return re.compile(
        rf"[(（](?:[^()（）:：]*[、,・，])?\s*(?P<unit>[千万億]?\s*(?:{units}|％))\s*[)）]\s*[:：]"
        r"(?P<rest>[^\n。<]*)"
    )


def _labelled_unit(m: re.Match[str]) -> str:
    """The bare figures after the label, up to the end of its line (企業等(％):34.2(R8)、
    29.9(R1)), with the label's unit."""
    unit = m.group("unit")
    rest = _LABELLED_VALUE.sub(lambda v: v.group() + unit, m.group("rest"))
    return m.group()[: m.start("rest") - m.start()] + rest


# a bare figure of a labelled list, after the colon or a comma (約64,000)
_LABELLED_VALUE = re.compile(
    r"(?:(?<=^)|(?<=[:：、,，\s]))\s*(?:約|およそ)?\s*[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?"
    r"(?=\s*(?:$|[\s(（)）、。;；/／]|[,，](?![0-9０-９])))"
)


# --- values given as a rate of the target ------------------------------------------------------


# 目標(4,000か所)の104%, 目標(全国4,000か所)の104%, 計画値450回に対し達成率110.0%: the value
# is the target times the rate
@cache
def _rate_of_target_re() -> re.Pattern[str]:
    # 目標(800件)の105%, 目標(80%)に対する達成率98.0%; 年間30万回の目標に対し目標比103.2%
    # (the target before the word: its figure, a 万 or 千 in it, then its unit)
    words = alternation("target_word")
    return re.compile(
        rf"(?:(?:{words})\s*(?P<open>[(（])?\s*[^\s0-9０-９()（）、。]{{0,6}}?\s*"
        r"(?:[0-9０-９]{1,2}(?:年間|か年)で?)?"  # (目標(10年間で100万人)の18.6%)
        r"(?P<figure>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(?P<times>[万千]?)\s*"
        r"(?P<unit>[^\s()（）0-9０-９、。]{1,6}?)\s*(?(open)[)）])"
        r"|(?P<figure_>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(?P<times_>[万千]?)"
        rf"(?P<unit_>[^\s()（）0-9０-９、。]{{1,4}}?)の(?:{words}))"
        r"\s*(?:の|に対(?:し(?:て)?|する)\s*[、,]?\s*(?:達成率|目標比)?)\s*"
        r"(?P<rate>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]"
    )


_FULL = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


def _written(value: float) -> str:
    """A worked-out figure as a writer writes it: 840, 1,234.5 (grouped, no trailing .0)."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def rates_of_target(text: str) -> str:
    """``目標(800件)の105%`` followed by the value it gives, written out: ``…105%(840件)``."""
    if ("%" not in text and "％" not in text) or not any(
        w in text for w in word_set("target_word")
    ):
        return text  # (a rate of the target: a target's word, then a percentage)

    def worked(m: re.Match[str]) -> str:
        figure = m.group("figure") or m.group("figure_")
        times = {"万": 10_000, "千": 1_000}.get(m.group("times") or m.group("times_") or "", 1)
        target = float(figure.translate(_FULL).replace(",", "")) * times
        rate = float(m.group("rate").translate(_FULL))
        value = round(target * rate / 100, 6)
        shown = _written(value)
        unit = m.group("unit") or m.group("unit_")
        return f"{m.group(0)}(約{shown}{unit})"  # (a rate is rounded: so is the value)

    return _rate_of_target_re().sub(worked, text)


# 基準値(令和元年度:21.5%)の1.3倍, 前年度(2,100件)の1.2倍: a figure in brackets, alone or
# after a colon, then a multiple of it
_MULTIPLE_OF_STATED = re.compile(
    r"[(（](?:[^()（）:：]{0,16}[:：])?\s*"
    r"(?P<figure>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(?P<times>[万千]?)"
    r"(?P<unit>[^\s()（）0-9０-９、。:：]{0,4}?)\s*[)）]\s*の\s*"
    r"(?P<n>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*倍"
    rf"(?!\s*(?:{alternation('bound', 'approx_after')}))"  # (1.1倍超: a bound, not the value)
)


def multiples_of_stated(text: str) -> str:
    """``前年度(2,100件)の1.2倍`` followed by the value it gives, written out: ``…1.2倍(約2,520件)``
    (a multiple is rounded: so is the value)."""
    if "倍" not in text:
        return text

    def worked(m: re.Match[str]) -> str:
        times = {"万": 10_000, "千": 1_000}.get(m.group("times"), 1)
        figure = float(m.group("figure").translate(_FULL).replace(",", "")) * times
        value = round(figure * float(m.group("n").translate(_FULL)), 6)
        shown = f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"
        return f"{m.group(0)}(約{shown}{m.group('unit')})"

    return _MULTIPLE_OF_STATED.sub(worked, text)


# --- arrow chains --------------------------------------------------------------------------------

_ARROW = r"[^\S\n]*(?:→|⇒|➡|->)[^\S\n]*"  # (not across a line break)
_CHAIN_NUMBER = r"(?:約)?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?"


@cache
def _chain_re() -> re.Pattern[str]:
    units = unit_alternation()
    elem = (
        rf"(?:[^\s→⇒➡:：、。()（）<>]{{1,12}}(?:\s*[:：]\s*|\s+))?{_CHAIN_NUMBER}(?:万|千|億)?"
        rf"(?:{units}|％)?"
        rf"(?:\s*(?![(（]\s*(?:{units}|％)\s*[)）])[(（][^()（）→]*[)）])?"
    )
    return re.compile(
        rf"(?P<chain>{elem}(?:{_ARROW}{elem})+)"
        rf"(?:\s*[(（]\s*(?P<unit>{units}|％)\s*[)）])?"
        r"(?:\s*[(（]\s*(?P<periods>[^()（）、,，]+?(?:"
        + _ARROW
        + r"[^()（）、,，]+?)+)\s*(?P<sep>[、,，)）]))?"
    )


@cache
def _elem_re() -> re.Pattern[str]:
    units = unit_alternation()
    return re.compile(
        rf"^(?:(?P<period>[^\s→⇒➡:：、。()（）<>]{{1,12}})(?:\s*[:：]\s*|\s+))?"
        rf"(?P<value>{_CHAIN_NUMBER}(?:万|千|億)?)"
        rf"(?P<unit>{units}|％)?\s*(?P<aside>[(（][^()（）→]*[)）])?$"
    )


def arrows_as_series(text: str) -> str:
    """A series written with arrows, as the status tables write one: R5 198,030 → R6 204,510
    (人) → R5 198,030人、R6 204,510人; 46.4%→47.9%(R6→R7、+1.5pt) → R6 46.4%、R7 47.9%(+1.5pt)."""
    if "→" not in text and "⇒" not in text and "➡" not in text and "->" not in text:
        return text
    return _chain_re().sub(_chain, _period_chain_re().sub(_periods_then_values, text))


@cache
def _period_chain_re() -> re.Pattern[str]:
    """The periods in a chain, then the values in one (R7→R8 87.2%→89.1%)."""
    units = unit_alternation()
    token = r"[^\s→⇒➡:：、。()（）<>]{1,12}"
    value = rf"{_CHAIN_NUMBER}(?:万|千|億)?(?:{units}|％)?"
    return re.compile(
        rf"(?P<periods>{token}(?:{_ARROW}{token})+)[ \u3000:：]+"
        rf"(?P<values>{value}(?:{_ARROW}{value})+)"
        rf"(?:\s*[(（]\s*(?P<unit>{units}|％)\s*[)）])?"
    )


def _periods_then_values(m: re.Match[str]) -> str:
    periods = [p.strip() for p in re.split(_ARROW, m.group("periods"))]
    values = [v.strip() for v in re.split(_ARROW, m.group("values"))]
    if len(periods) != len(values) or not all(_is_period(p) for p in periods):
        return m.group()
    elems = [_elem_re().match(v) for v in values]
    units = {e.group("unit") for e in elems if e is not None and e.group("unit")}
    unit = m.group("unit") or (units.pop() if len(units) == 1 else "")
    return "、".join(
        f"{p}{_gap(p)}{_with_unit(v, unit) if unit else v}"
        for p, v in zip(periods, values, strict=True)
    )


def _chain(m: re.Match[str]) -> str:
    parts = [p.strip() for p in re.split(_ARROW, m.group("chain"))]
    elems = [_elem_re().match(p) for p in parts]
    head = elems[0].group("period") if elems[0] is not None else None
    colon = max(parts[0].find(":"), parts[0].find("："))
    if head and colon >= 0 and not _is_period(head):
        # 割合:43.1%→44.8%(R6→R7): a label and its colon, not a period; the chain after
        cut = m.group().find(parts[0]) + colon + 1
        return m.group()[:cut] + _chain_re().sub(_chain, m.group()[cut:])
    periods = re.split(_ARROW, m.group("periods")) if m.group("periods") else []
    if any(e is None for e in elems) or (periods and len(periods) != len(parts)):
        return m.group()
    # (the unit written once, at the end or on one value: R6 747 → R8 779自治体)
    units = {e.group("unit") for e in elems if e is not None and e.group("unit")}
    unit = m.group("unit") or (units.pop() if len(units) == 1 else "")
    asides = [e.group("aside") if e is not None else None for e in elems]
    if not periods and all(a and _is_period(a[1:-1]) for a in asides):
        # 52,638件(R7)→55,318件(R8): each value dated in the bracket after it
        periods = [a[1:-1] for a in asides if a]
        parts = [p[: p.rfind(a)].strip() if a else p for p, a in zip(parts, asides, strict=True)]
        elems = [_elem_re().match(p) for p in parts]
        if any(e is None for e in elems):
            return m.group()
    head = elems[0].group("period") if elems[0] is not None else None
    if (
        not periods
        and head
        and not _is_period(head)
        and not any(e is not None and e.group("period") for e in elems[1:])
    ):
        # 居住支援法人 1,204→1,377法人: the label of the chain, not a period
        parts[0] = parts[0][len(head) :].strip()
        return (
            head + " " + ("→".join(_with_unit(p, unit) for p in parts) if unit else "→".join(parts))
        )
    if not periods and not any(e is not None and e.group("period") for e in elems):
        # 116,961人→122,015人: no periods to name the values by; the arrows stay
        return m.group() if not unit else "→".join(_with_unit(p, unit) for p in parts)
    out = []
    for k, e in enumerate(elems):
        assert e is not None
        period = e.group("period") or (periods[k].strip() if periods else "")
        if period and not _is_period(period):
            return m.group()
        gap = _gap(period) if period else ""
        aside = e.group("aside") or ""
        out.append(f"{period}{gap}{e.group('value')}{e.group('unit') or unit}{aside}")
    rest = ""
    if m.group("periods") and m.group("sep") not in (")", "）"):
        rest = "（"  # (R6→R7、+1.5pt): what follows the periods stays in its bracket
    return "、".join(out) + rest


_BRACKET_CLOSES_HEADING = re.compile(r"[)）]\s*[】＞]")


@cache
def _heading_unit_re() -> re.Pattern[str]:
    return re.compile(
        rf"([【＜][^】＞【＜<>]{{1,60}}?)[(（]\s*({unit_alternation()}|％|%)\s*[)）]\s*([】＞])"
    )


_EMPHASIS = re.compile(r"[★☆◎]\s*(?=[0-9０-９約])")
_TREND_MARK = re.compile(r"[ \u3000]*[↗↘]")


# 令和7年度=100として105.2, (平成31年)=100とすると96: an index, a share of its base
_INDEX = re.compile(
    r"([=＝]\s*100\s*(?:として|とすると|とした場合|とした)\s*(?:は|、|,)?\s*(?:約)?\s*"
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?)(?![0-9０-９.．%％])"
)


_NOTE_MARK_SUP = re.compile(
    r"<sup\b[^>]*>\s*(?:※|注|\*)\s*[0-9０-９]{0,2}\s*\)?\s*</sup>", re.IGNORECASE
)


@cache
def _field_key_note_re() -> re.Pattern[str]:
    words = alternation("target_word", "field_word", "baseline_key")
    return re.compile(rf"((?:{words})値?)\s*[(（]\s*(?:年度|年|時点|年月)\s*[)）]\s*(?=[:：])")


# A draft's tracked changes: <del>…</del>, <s>…</s>, <strike>…</strike>, ~~…~~ (struck text)
_STRUCK = re.compile(
    r"<(del|s|strike)\b[^>]*>.*?</\1\s*>|~~[^~]{1,200}?~~", re.IGNORECASE | re.DOTALL
)


_INSERTED = re.compile(r"</?(?:ins|u)\b[^>]*>", re.IGNORECASE)


@cache
def _tracked_re() -> re.Pattern[str]:
    struck, kept = alternation("struck_key"), alternation("kept_key")
    # 〔修正前：5,318回〕〔修正後：4,806回〕, ［変更後:…］: struck, or kept without its key
    return re.compile(
        rf"[〔［\[【]\s*(?:(?P<struck>{struck})|(?P<kept>{kept}))\s*[:：]\s*"
        r"(?P<text>[^〔〕［］\[\]【】]*)[〕］\]】]"
    )


@cache
def _review_note_re() -> re.Pattern[str]:
    return re.compile(rf"【\s*(?:{alternation('review_note')})[^【】]*】")


def tracked_changes(cell: str) -> str:
    """A draft pasted with its tracked changes and reviewers' comments, as the final text
    reads: struck text and comments removed, inserted text kept (<ins>新</ins> → 新); an
    amendment's old text removed and its new one kept (「…7.1%…」を「…7.2%…」に改める → …7.2%…;
    【改正前】… 【改正後】…; 旧：… ／ 新：…)."""
    if "<" in cell or "~~" in cell:
        cell = _INSERTED.sub("", _STRUCK.sub("", cell))  # (約<ins>78</ins>%: one figure)
    if "】" in cell:
        cell = _review_note_re().sub("", cell)
    if "〕" in cell or "］" in cell or "]" in cell or "】" in cell:
        cell = _tracked_re().sub(lambda m: "" if m.group("struck") else m.group("text"), cell)
    # (the old text of an amendment is last year's: its figures are the year before's)
    # (the old text of an amendment is last year's, dated as it was: a line of its own
    # before the new one, its figures the earlier points they were)
    if "」を「" in cell:
        cell = _amendment_re().sub(lambda m: f"{m.group('old')}。<br>{m.group('new')}。<br>", cell)
    if ("】" in cell or "：" in cell or ":" in cell) and _old_key_re().search(cell):
        cell = _old_text_re().sub(lambda m: f"<br>{m.group('old')}<br>", cell)
        cell = _new_key_re().sub("", cell)
    return cell


@cache
def _old_key_re() -> re.Pattern[str]:
    return re.compile(alternation("old_key"))


# a quotation that may quote a name in it (「…「ほっとらいん」…」)
_QUOTED = r"[^「」]*(?:「[^「」]*」[^「」]*)*"


@cache
def _amendment_re() -> re.Pattern[str]:
    # 「OLD」を「NEW」に改める。: the old words replaced by the new
    return re.compile(
        rf"「(?P<old>{_QUOTED})」を「(?P<new>{_QUOTED})」に(?:{alternation('amend_verb')})[。.]?"
    )


@cache
def _old_text_re() -> re.Pattern[str]:
    # 【改正前】… up to its line's end or the new text's key; 旧：… ／ (the old side of a pair)
    old, new = alternation("old_key"), alternation("new_key")
    return re.compile(
        rf"(?:【\s*(?:{old})\s*】|(?:^|(?<=[>\n]))\s*(?:{old})\s*[:：])"
        rf"(?P<old>(?:(?!<br|\n|【\s*(?:{new})\s*】|[／/]\s*(?:{new})\s*[:：]).)*)"
        rf"(?:[／/]\s*(?=(?:{new})\s*[:：]))?"
    )


@cache
def _new_key_re() -> re.Pattern[str]:
    new = alternation("new_key")
    return re.compile(rf"【\s*(?:{new})\s*】|(?:^|(?<=[>\n／/）]))\s*(?:{new})\s*[:：]")


# {"回答数(件)":1238,"満足度(%)":76.4}: a record exported as JSON, pasted into the cell (an
# object may hold one more: {"相談件数":{"FY2025":42,"FY2026":37},"unit":"件"})
_JSON_OBJECT = re.compile(r'\{\s*"(?:[^{}]|\{[^{}]*\})*\}')
# FY2025=31.2; FY2026=29.8; unit=%: a record's pairs of key=value, parted by semicolons
_PAIRS = re.compile(
    r"(?P<pairs>[^\s=;:：,、。<>]{1,30}\s*=\s*[^\s=;、。<>]{1,24}"
    r"(?:\s*;\s*[^\s=;:：,、。<>]{1,30}\s*=\s*[^\s=;、。<>]{1,24})+)\s*;?"
)


def _json_records(text: str) -> str:
    def record(m: re.Match[str]) -> str:
        try:
            obj = json.loads(m.group())
        except ValueError:
            return m.group()
        return _record_text(obj, "", "") if isinstance(obj, dict) else m.group()

    return _JSON_OBJECT.sub(record, text)


def _record_text(obj: dict[str, object], name: str, unit: str) -> str:
    """A record as the text a writer would give it: its name (the first key holding words),
    its values by period as a series (名称は、FY2025 42件、FY2026 37件), the rest as key:value;
    each figure with its unit (the key's own (%), 市区町村数 → 市区町村, else the record's)."""
    units, missing = word_set("unit_key"), word_set("missing_value")
    unit = next((str(v) for k, v in obj.items() if k in units and isinstance(v, str)), unit)
    if not name:
        name = next((str(v) for k, v in obj.items() if k not in units and isinstance(v, str)), "")
    series, rest = [], []
    for key, value in obj.items():
        if key in units or (isinstance(value, str) and value == name):
            continue
        if isinstance(value, dict):
            rest.append(_record_text(value, key, unit))
            continue
        shown = "-" if value is None or str(value) in missing else str(value)
        figure = isinstance(value, (int, float)) and not isinstance(value, bool)
        if _only_period(key) and (figure or shown == "-"):
            series.append(f"{key} {_with_unit(shown, unit)}")
        elif figure:
            rest.append(f"{key}:{_with_unit(shown, _key_unit(key, unit))}")
        else:
            rest.append(f"{key}:{shown}")
    head = f"{name}は、" + "、".join(series) if series else name
    return "、".join(part for part in (head, *rest) if part)


def _key_unit(key: str, unit: str) -> str:
    """The unit of a record's figure: what its key declares or counts (満足度(%), 市区町村数
    (広域連携)), else the record's."""
    explicit, counted = _label_units(key)
    if not explicit and not counted:
        explicit, counted = _label_units(_TRAILING_BRACKET.sub("", key))
    # (a count's key ends with 数; 前回=13.9 under unit=% is no count of 回)
    if counted and unit and not _TRAILING_BRACKET.sub("", key).endswith("数"):
        counted = ""
    return explicit or counted or unit


def _keyed_pairs(text: str) -> str:
    """key=value pairs with a unit's pair (A士=301904; 単位=名): each figure with the
    unit, the pairs as a list (A士 301904名、…); pairs with no unit stay as written."""
    units, missing = word_set("unit_key"), word_set("missing_value")

    def listed(m: re.Match[str]) -> str:
        pairs = [tuple(x.strip() for x in p.split("=", 1)) for p in m.group("pairs").split(";")]
        unit = next((v for k, v in pairs if k in units), None)
        if unit is None:
            return m.group()
        return "、".join(
            f"{k} {'-' if v in missing else _with_unit(v, _key_unit(k, unit))}"
            for k, v in pairs
            if k not in units
        )

    return _PAIRS.sub(listed, text)


# a line that is no row of comma-separated cells: a sentence's marks, a key's colon, or a
# figure's thousands (308,412PV)
_NO_ROW = re.compile(r"[、。:：]|[0-9],[0-9]{3}[^0-9,]")


def _csv_block(
    lines: list[str],
    i: int,
    missing: frozenset[str],
    sep: str = ",",
    no_row: re.Pattern[str] = _NO_ROW,
) -> int:
    """Where a block of ``sep``-separated rows from ``lines[i]`` ends (its rows of one width, a
    header of names over rows with figures), or ``i`` when none starts there."""
    width = lines[i].count(sep)
    if not width or no_row.search(lines[i]):
        return i
    j = i + 1
    # (a row's 209,206 is two cells, as the header's width says, not one figure; 1,204法人 is
    # one figure)
    while j < len(lines) and lines[j].count(sep) == width and not no_row.search(lines[j]):
        if not any(_FIGURE_CELL.match(c) or c.strip() in missing for c in lines[j].split(sep)):
            break
        j += 1
    header = lines[i].split(sep)
    if j - i < 2 or any(_FIGURE_CELL.match(c) and not _only_period(c) for c in header):
        return i
    return j


def _only_period(cell: str) -> bool:
    found = find_periods(cell.strip())
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(cell.strip())


# (a row of cells parted by slashes: the words of a sentence, or a key's colon)
_NO_SLASH_ROW = re.compile(r"[、。:：]")


def csv_as_pipes(text: str, sep: str = ",") -> str:
    """Comma-separated rows pasted into a cell (指標,R7年度,R8年度,単位 over rows), or rows
    parted by full-width slashes (区分／前年度／本年度 over 相談件数／274.3／312.4), as a pipe
    table's rows, for the tables' reader; NA and null cells empty. A text without such rows
    is returned as it is."""
    lines = _ROW_BREAK.split(text)
    missing = word_set("missing_value")
    no_row = _NO_ROW if sep == "," else _NO_SLASH_ROW  # (／ and ; part no thousands)
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        j = _csv_block(lines, i, missing, sep, no_row)
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        found = True
        for row in lines[i:j]:
            cells = ["" if c.strip() in missing else c.strip() for c in row.split(sep)]
            out.append("| " + " | ".join(cells) + " |")
        i = j
    return "\n".join(out) if found else text


# (a paragraph's tags end a row too: …,51890,件</p><p>アクセス件数は…)
_ROW_BREAK = re.compile(r"<br\s*/?>|</?p\b[^>]*>|\r\n|\r|\n", re.IGNORECASE)


# --- records in markup: YAML mappings, XML elements, INI sections and dotted keys -----------

# a YAML key opening a mapping or a list (満足度調査:), or keying a value (PV: 312640)
_YAML_LINE = re.compile(r"^(?P<indent> *)(?:- +)?[^\s:<>\[\]#=。、][^:<>=。]{0,40}:(?: +\S.*)?$")
# an XML element of a record (<相談件数 種別="電話" 単位="件">41205</相談件数>): a name with a
# character no HTML tag has
_XML_OPEN = re.compile(
    r"^\s*<(?P<tag>[^\s<>/!?=\"']*[^\x00-\x7f][^\s<>/=\"']*|[a-z]+_[a-z_]+)[\s>]"
)
_XML_HINT = re.compile(r"<[^\x00-\x7f]")
_XML_TAG = re.compile(r"<(/?)([^\s<>/!?=\"']+)[^<>]*?(/?)>")
# INI: [section]; key = value   # comment; dotted keys (a.b.fy2026 = 153402)
_INI_SECTION = re.compile(r"^\s*\[(?P<name>[^\[\]\s=][^\[\]=]{0,39})\]\s*$")
_INI_PAIR = re.compile(
    r"^\s*(?P<key>[^\s=#:：、。<>\[\]][^=#:：、。<>\[\]]{0,60}?)\s*=\s*"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^#\s][^#]*?)\s*(?:#\s*(?P<note>.*?))?\s*$"
)


def markup_records(text: str) -> str:
    """Records pasted as YAML (keys over indented keys), XML elements, or INI sections and
    dotted keys (key = value): each series of figures as a labelled line, as the tables'
    reader writes one (支援情報検索サイト PVは、FY2026 312640回). Lines that are none of them,
    and a block that does not parse, stay as written."""
    lines = _ROW_BREAK.split(text)
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        for block in (_xml_block, _yaml_block, _ini_block):
            end, leaves = block(lines, i)
            if end > i:
                break
        if end == i or not leaves:
            out.append(lines[i])
            i += 1
            continue
        found = True
        out.extend(_leaf_lines(leaves))
        i = end
    return "\n".join(out) if found else text


_Leaf = tuple[tuple[str, ...], str, str, str]  # (label words, period, figure, unit)


def _leaf_lines(leaves: list[_Leaf]) -> list[str]:
    """Leaves with one label as one series line: 名称は、R7 781人、R8 集計中."""
    grouped: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    for label, period, figure, unit in leaves:
        grouped.setdefault(label, []).append((period, figure, unit))
    lines = []
    for label, points in grouped.items():
        name = " ".join(label).replace("_", " ")  # (熱中症死亡者数_5年移動平均: a word's break)
        shown = [f"{p} {_with_unit(f, u)}".strip() for p, f, u in points]
        if any(p for p, _, _ in points):
            lines.append(f"{name}は、" + "、".join(shown))
        else:
            lines.append(f"{name}:" + "、".join(shown))
    return lines


def _scalar_text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return "-"
    if isinstance(value, float):
        return _plain_figure(value)
    return str(value).strip()


def _as_period(word: str, key: bool = False) -> str:
    """``word`` as a period's text when it names one alone (R8, FY2026, 2027-03-31), else "";
    a year alone (2026) only as a ``key`` over a figure, read as the fiscal year."""
    shown = word.strip()
    if shown.isascii():
        shown = shown.upper()
        if shown.isdigit() and len(shown) == 4:
            return f"FY{shown}" if key and _YEAR_RANGE[0] <= int(shown) <= _YEAR_RANGE[1] else ""
    return shown if shown and _only_period(shown) else ""


_YEAR_RANGE = (1989, 2100)  # (a key of four digits read as a year: from 平成元年)


def _record_leaves(obj: object, label: tuple[str, ...], period: str, unit: object) -> list[_Leaf]:
    """The figures of a parsed record with their labels, periods and units: a mapping's period
    key (年度: R8) and unit key (単位: 回, or a unit for each key) hold for what it holds; a key
    that is a period (R8年度末: 44) dates its value; a list's items are records of the key."""
    if isinstance(obj, list):
        return [leaf for item in obj for leaf in _record_leaves(item, label, period, unit)]
    if not isinstance(obj, dict):
        figure = _scalar_text(obj)
        default = unit if isinstance(unit, str) else ""
        own = _key_unit(label[-1], default) if label else default
        # (アクセス件数 in 万件: the declared scale of what the key counts; 回答数 under a
        # share's %: a count, bare)
        if own == "%" and label and label[-1].endswith("数"):
            own = ""
        return [(label, period, figure, default if own and own in default else own)]
    units, keys = word_set("unit_key"), word_set("period_key")
    items = {str(k).strip(): v for k, v in obj.items()}
    for key, value in items.items():
        if key in keys and not isinstance(value, (dict, list)):
            shown = _scalar_text(value)
            period = _as_period(shown) or (f"FY{shown}" if shown.isdigit() else period)
        elif key in units:
            unit = value if isinstance(value, (str, dict)) else unit
    name = next(
        (
            v
            for k, v in items.items()
            if isinstance(v, str)
            and k not in units
            and k not in keys
            and not _FIGURE_CELL.match(v)
            and v.strip() not in word_set("pending")
        ),
        None,
    )
    if name is not None:
        label = (*label, name.strip())
    leaves: list[_Leaf] = []
    for key, value in items.items():
        if key in units or key in keys or value is name:
            continue
        held: object = unit.get(key, unit) if isinstance(unit, dict) else unit
        when = _as_period(key, key=not isinstance(value, (dict, list)))
        named = label if when or not key else (*label, key)
        leaves += _record_leaves(value, named, when or period, held)
    return leaves


_YAML_ALIAS = re.compile(r"(?:^|[\s:\[,-])[&*][^\s&*]")


def _yaml_block(lines: list[str], i: int) -> tuple[int, list[_Leaf]]:
    """A YAML block from ``lines[i]``: lines of keys, at least one indented under another."""
    j = i
    while j < len(lines) and _YAML_LINE.match(lines[j]):
        j += 1
    if j - i < 2 or not any(lines[k].startswith(" ") for k in range(i + 1, j)):
        return i, []
    block = "\n".join(lines[i:j])
    if _YAML_ALIAS.search(block):
        return i, []  # (anchors and aliases: a record writes none, and they may nest to any size)
    import yaml

    try:
        loaded = yaml.safe_load(block)
        if not isinstance(loaded, (dict, list)):
            return i, []
        return j, _record_leaves(loaded, (), "", "")
    except (yaml.YAMLError, RecursionError):
        return i, []  # (nested past any record's depth: no record)


def _xml_block(lines: list[str], i: int) -> tuple[int, list[_Leaf]]:
    """XML elements from ``lines[i]`` to where every one opened is closed."""
    if not _XML_OPEN.match(lines[i]):
        return i, []
    depth, j = 0, i
    while j < len(lines):
        for m in _XML_TAG.finditer(lines[j]):
            depth += 0 if m.group(3) else (-1 if m.group(1) else 1)
        j += 1
        # (elements one after another, each a year's record, are one block)
        if depth <= 0 and not (j < len(lines) and _XML_OPEN.match(lines[j])):
            break
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring("<r>" + "".join(lines[i:j]) + "</r>")
        return j, [leaf for e in root for leaf in _record_leaves({e.tag: _element(e)}, (), "", "")]
    except (ElementTree.ParseError, RecursionError):
        return i, []


def _element(e: Any) -> dict[str, object]:
    """An XML element as a record: its attributes, its children by name (repeated ones as a
    list), its own text under the key "" (a figure of the element's name)."""
    record: dict[str, object] = {}
    for key, value in e.attrib.items():
        # (出典="…調査": a long attribute is a note, not the figure's name)
        if len(value) <= 12:
            record[key] = value
    children: dict[str, list[object]] = {}
    for child in e:
        children.setdefault(child.tag, []).append(_element(child))
    for tag, items in children.items():
        record[tag] = items if len(items) > 1 else items[0]
    if e.text and e.text.strip() and not children:
        record[""] = e.text.strip()
    return record


_UNIT_PART = re.compile(rf"^(?:{alternation('unit_key')})[_.]|[_.](?:{alternation('unit_key')})$")


def _ini_block(lines: list[str], i: int) -> tuple[int, list[_Leaf]]:
    """INI sections and key = value lines (dotted keys nest) from ``lines[i]``: two pairs at
    least. A key's unit is its pair's (X_単位 = 件, X.unit = "人", 単位_X = 世帯) or the
    section's (単位 = 人); a comment after a pair (# 相談件数) names its figure."""
    sections: list[tuple[str, list[tuple[str, str, str]]]] = [("", [])]
    j = i
    while j < len(lines):
        head, pair = _INI_SECTION.match(lines[j]), _INI_PAIR.match(lines[j])
        if head:
            sections.append((head.group("name"), []))
        elif pair:
            value = pair.group("value").strip().strip("\"'")
            sections[-1][1].append((pair.group("key").strip(), value, pair.group("note") or ""))
        else:
            break
        j += 1
    if sum(len(pairs) for _, pairs in sections) < 2:
        return i, []
    record: dict[str, object] = {}
    for name, pairs in sections:
        if not name:
            record.update(_ini_record(pairs))
        elif name in record:
            # ([R8] twice: two records of one year, both kept — not the last in place of the first)
            held = record[name]
            record[name] = [*(held if isinstance(held, list) else [held]), _ini_record(pairs)]
        else:
            record[name] = _ini_record(pairs)
    return j, _record_leaves(record, (), "", "")


_NOTED_UNIT = re.compile(r"\s*(?P<unit>%|％|[^\s,、，]{1,4})\s*(?:[,、，]|$)")


def _ini_record(pairs: list[tuple[str, str, str]]) -> dict[str, object]:
    units, keys = word_set("unit_key"), word_set("period_key")
    unit_of = {_UNIT_PART.sub("", k): v for k, v, _ in pairs if _UNIT_PART.search(k)}
    default = next((v for k, v, _ in pairs if k in units), "")
    record: dict[str, object] = {}
    for key, value, comment in pairs:
        if key in units or _UNIT_PART.search(key):
            continue
        parts = key.split(".")
        base = parts[0] if len(parts) > 1 else key
        # (# %, 令和8年度末; # 法人, 2027-03-31時点: a comment may give the unit and a date)
        noted = _NOTED_UNIT.match(comment)
        if noted and not _unit_re().fullmatch(noted.group("unit").replace("%", "％")):
            noted = None
        if noted:
            unit_of.setdefault(base, noted.group("unit"))
        note = "" if noted else comment
        unit = unit_of.get(base) or next((u for k, u in unit_of.items() if k and k in key), default)
        shown = _with_unit(value, unit) if key not in keys else value
        node = record
        for part in parts[:-1]:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        if note and _as_period(parts[-1]):
            node.setdefault("名称", note)
        node[parts[-1]] = {"": shown, "名称": note} if note and not _as_period(parts[-1]) else shown
    return record


# a table dumped one cell a line (区分 / 令和7年度 / 令和8年度 / 相談件数 / 120,450 / 131,002):
# a short key over two periods or more, then rows of a label and that many figures
_DUMP_KEY = re.compile(r"^\s*[^\s0-9０-９、。:：|｜]{1,12}\s*$")
_DUMP_MISSING = re.compile(rf"^\s*(?:[－―\-‐]|{alternation('pending')})\s*$")


def _dump_cell(line: str) -> bool:
    return _figure_only(_TAG.sub("", line).strip()) or bool(_DUMP_MISSING.match(line))


def dumped_tables(text: str) -> str:
    """Tables a converter wrote one cell a line, as pipe rows for the tables' reader; a text
    without one is returned as it is."""
    lines = _ROW_BREAK.split(text)
    # (the row's label may be long: 地方版…が整備されている都道府県数 / 44 / 47)
    if sum(len(line) <= _DUMP_CELL_CHARS for line in lines) < _DUMP_CELLS - 1:
        return text
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        head, rows, j = _dumped_at(lines, i)
        if not rows:
            head, rows, j = _columns_dumped_at(lines, i)
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        found = True
        out += ["| " + " | ".join(head) + " |", *rows]
        i = j
    return "\n".join(out) if found else text


def _columns_dumped_at(lines: list[str], i: int) -> tuple[list[str], list[str], int]:
    """A table a converter read column by column (区分 / A / B / 令和7年度 / 1 / 2 / 令和8年度
    / 3 / 4) whose key is ``lines[i]``: the header's cells, its rows and where they end;
    ([], [], i) when there is none."""
    if not _DUMP_KEY.match(lines[i]) or _is_period(lines[i].strip()):
        return [], [], i
    n = 0
    while i + 1 + n < len(lines) and _row_head(lines[i + 1 + n]):
        n += 1
    columns: list[list[str]] = []
    j = i + 1 + n
    while (
        n
        and j + n < len(lines)
        and _is_period(lines[j].strip())
        and all(_dump_cell(lines[j + 1 + m]) for m in range(n))
    ):
        columns.append([c.strip() for c in lines[j : j + 1 + n]])
        j += 1 + n
    if not columns or len(columns) * n < 2:
        return [], [], i
    rows = [
        "| " + " | ".join([lines[i + 1 + m].strip(), *(c[1 + m] for c in columns)]) + " |"
        for m in range(n)
    ]
    return [lines[i].strip(), *(c[0] for c in columns)], rows, j


def _row_head(line: str) -> bool:
    """Whether a line of a dumped table is a row's head: words (1人当たりの…件数 too), not a
    figure nor a period nor a sentence."""
    shown = _TAG.sub("", line).strip()
    return (
        bool(shown)
        and len(shown) <= 40
        and "。" not in shown
        and not _dump_cell(shown)
        and not _is_period(shown)
    )


def _header_cell(line: str) -> bool:
    shown = line.strip()
    return len(shown) <= _DUMP_CELL_CHARS and (bool(_DUMP_KEY.match(shown)) or _is_period(shown))


_DUMP_CELL_CHARS = 24
_DUMP_CELLS = 6  # (a key, two header cells, a label and two figures at least)


def _dumped_at(lines: list[str], i: int) -> tuple[list[str], list[str], int]:
    """The header's cells, the rows and where they end of a dumped table whose key is
    ``lines[i]``: its header cells periods (区分 / 令和7年度 / 令和8年度) or short labels (相談件数
    / 電話 / SNS / メール), then rows of a label and that many figures."""
    if not _DUMP_KEY.match(lines[i]) or _is_period(lines[i].strip()):
        return [], [], i
    n = 0
    while i + 1 + n < len(lines) and _header_cell(lines[i + 1 + n]):
        n += 1
    for k in range(n, 1, -1):
        rows, j = [], i + 1 + k
        while (
            j + k < len(lines)
            and not _dump_cell(lines[j])
            and all(_dump_cell(lines[j + 1 + m]) for m in range(k))
        ):
            rows.append("| " + " | ".join(c.strip() for c in lines[j : j + 1 + k]) + " |")
            j += 1 + k
        if rows:
            return [c.strip() for c in lines[i : i + 1 + k]], rows, j
    return [], [], i


@cache
def _unit_alone_re() -> re.Pattern[str]:
    # (万回), （単位：件）: a line that is a unit alone
    return re.compile(
        rf"^\s*[(（]\s*(?:単位\s*[:：]\s*)?(?P<unit>[千万億]?\s*(?:{unit_alternation()}|%|％))\s*[)）]\s*$"
    )


_GRID_LINE = re.compile(r"^[^。、]{0,40}[0-9０-９][^。]{0,60}$")
# a row of bare figures, a short label before them at most (12.4 13.1 14.6)
_FIGURES_ROW = re.compile(r"^\s*(?:[^\s0-9]{1,12}\s+)?(?:[0-9][0-9,.]*\s*){2,}$")


def units_after_grids(text: str) -> str:
    """A unit on a line of its own under the rows of figures it is for (R6 R7 R8 / 12.4 13.1
    14.6 / (万回), as a slide's chart gives it) written over them as a table's declaration
    ((単位：万回)), where the tables' reader looks for it."""
    lines = _ROW_BREAK.split(text)
    found = False
    for k in range(1, len(lines)):
        m = _unit_alone_re().match(lines[k])
        if m is None or not _FIGURES_ROW.match(lines[k - 1]):
            continue  # (a declaration under a title, over its table: where the reader looks)
        top = k - 1
        while top > 0 and _GRID_LINE.match(lines[top - 1]) and k - top < _GRID_ROWS:
            top -= 1
        lines[k] = ""
        lines[top] = f"（単位：{m.group('unit')}）\n{lines[top]}"
        found = True
    return "\n".join(line for line in lines if line) if found else text


_GRID_ROWS = 3  # (a row of periods over a row of figures; a header over rows)


def records_as_text(text: str) -> str:
    """A machine's records pasted into the cell (JSON objects, key=value pairs, CSV rows) as
    the text and tables the reader knows."""
    if ("  " in text and ":" in text) or "=" in text or ("<" in text and _XML_HINT.search(text)):
        text = markup_records(text)  # (YAML indents its keys; INI pairs; XML names records)
    if '{"' in text or '{ "' in text:
        text = _json_records(text)
    if "=" in text and ";" in text:
        text = _keyed_pairs(text)
    if "," in text and _CSV_HINT.search(text):
        text = csv_as_pipes(text)  # (a comma between words: a header's cells, not thousands)
    if text.count("／") >= 4:
        text = csv_as_pipes(text, "／")
    if text.count(";") >= 4:
        text = csv_as_pipes(text, ";")  # (a spreadsheet's export in a locale that parts by ;)
    if text.count("<br") + text.count("\n") >= _DUMP_CELLS - 1:
        text = dumped_tables(text)
    if ")<" in text or "）<" in text or ")\n" in text or "）\n" in text:
        text = units_after_grids(text)
    return text


# (a comma between words, or after a word with another comma on the line: 認知度,30.1,31.2)
_CSV_HINT = re.compile(r"[^0-9\s,、。],(?:[^0-9\s,]|[^\s,、。<]*,)")


# A spreadsheet's artefacts pasted with its figures: a number kept as text ('312457), in
# exponent notation (5.128734E+06), with a binary float's tail (73.80000000000001%), an error
# value (#DIV/0!, #N/A) or a formula (=B4/C4) where a figure is missing
_AS_TEXT = re.compile(r"(?<![0-9A-Za-z])'(?=[0-9]{3})")
_EXPONENT = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)[Ee]([+-]?[0-9]{1,2})(?![0-9A-Za-z])")
_LONG_DECIMAL = re.compile(r"\.[0-9]{9}")  # (searched from the point: a search skips to it in C)
_FLOAT_TAIL = re.compile(r"(?<![0-9.])([0-9]+\.[0-9]{9,})(?![0-9])")
_SHEET_ERROR = re.compile(
    r"#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!)|(?<![^\s|｜\u3000])=[A-Z]{1,2}[0-9]{1,5}(?:[-+*/][A-Z]{1,2}[0-9]{1,5})*"
)


def _plain_figure(value: float) -> str:
    shown = f"{value:.6f}".rstrip("0").rstrip(".")
    return shown or "0"


# A spreadsheet's figures in a European locale: thousands parted by dots (4.870.112 — two
# groups at least: one could be a decimal) and a decimal comma before a share (68,3 % — a
# comma before one or two digits parts no thousands)
_DOTTED_THOUSANDS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9.,])")
_DECIMAL_COMMA = re.compile(r"(?<![0-9.,])([0-9]{1,3}),([0-9]{1,2})(?=\s?(?:%|％|ポイント|pt))")


def locale_figures(cell: str) -> str:
    """A European locale's figures as a Japanese writer types them (4.870.112 → 4870112,
    68,3 % → 68.3 %); where the cell shows that locale, a count's one group after a dot or a
    space is its thousands too (61.872 人, 180 450 人: no count has a fraction)."""
    shown = False
    if "." in cell and _TWO_DOTTED_GROUPS.search(cell) and _DOTTED_THOUSANDS.search(cell):
        cell = _DOTTED_THOUSANDS.sub(lambda m: m.group().replace(".", ""), cell)
        shown = True
    if "," in cell and _COMMA_SHARE.search(cell) and _DECIMAL_COMMA.search(cell):
        cell = _DECIMAL_COMMA.sub(r"\1.\2", cell)
        shown = True
    if shown or cell.count(";") >= 2:
        cell = _grouped_count_re().sub(lambda m: _GROUP_MARK.sub("", m.group()), cell)
    return cell


_GROUP_MARK = re.compile(r"[. ]")
# (what the two need at least, searched from its mark: a search skips to it in C)
_TWO_DOTTED_GROUPS = re.compile(r"\.[0-9]{3}\.[0-9]{3}")
_COMMA_SHARE = re.compile(r",[0-9]{1,2}\s?(?:%|％|ポイント|pt)")


@cache
def _grouped_count_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![0-9.,A-Za-z])[0-9]{{1,3}}(?:[. ][0-9]{{3}})+(?![0-9.,])"
        rf"(?=\s?(?:{unit_alternation()}))"
    )


def spreadsheet_values(cell: str) -> str:
    """A spreadsheet's figures as a writer types them (5.128734E+06 → 5128734, 73.80000000000001
    → 73.8, '312457 → 312457); its error values and formulas as a missing figure (－)."""
    if "'" in cell:
        cell = _AS_TEXT.sub("", cell)
    if "E+" in cell or "E-" in cell or "e+" in cell or "e-" in cell:
        cell = _EXPONENT.sub(
            lambda m: _plain_figure(float(m.group(1)) * 10 ** int(m.group(2))), cell
        )
    if "." in cell and _LONG_DECIMAL.search(cell):
        cell = _FLOAT_TAIL.sub(lambda m: _plain_figure(float(m.group(1))), cell)
    if "#" in cell or "=" in cell:
        cell = _SHEET_ERROR.sub("－", cell)
    return cell


# 【令和8年度実績】, 令和7年度末時点：, (R8): a line that is only a period, heading the lines
# under it
_PERIOD_HEADING = re.compile(
    r"^\s*[【\[〔<＜(（■◆●]?\s*(?P<period>[^【】\[\]〔〕<>＜＞()（）:：、。]{2,24}?)\s*"
    rf"(?:{alternation('as_at')})?\s*[】\]〕>＞)）]?\s*[:：]?\s*$"
)
# 受付件数：12,540件 (・ or ○ before it): an item keyed by its words, then its figure
# (or its mark of a figure still being counted: 作成件数：集計中)
_KEYED_FIGURE = re.compile(
    rf"^(?P<key>\s*[^\s:：0-9０-９]{{2,30}}[:：]\s*)(?=(?:約)?[0-9０-９]|{alternation('pending')})"
)


def dated_items(text: str) -> str:
    """Keyed lines under a line that is only a period (【令和8年度実績】 over 受付件数：12,540件
    / 作成件数：集計中), each dated by it (受付件数：令和8年度 12,540件)
    where it names no period of its own; up to the next such heading."""
    parts = _LINE_BREAK.split(text)
    if len(parts) < 2:
        return text
    seps = _LINE_BREAK.findall(text)
    period = ""
    for k, line in enumerate(parts):
        heading = _PERIOD_HEADING.match(_TAG.sub("", line))
        if heading and _only_period(heading.group("period")):
            period = heading.group("period").strip()
            continue
        keyed = _KEYED_FIGURE.match(line) if period else None
        if keyed is None:
            period = period if not line.strip() or _KEYED_ITEM.match(line) else ""
            continue
        if not find_periods(line):
            parts[k] = keyed.group("key") + period + " " + line[keyed.end() :]
    return _joined(parts, seps)


_KEYED_ITEM = re.compile(r"^\s*[^\s:：]{2,30}[:：]")


# 318.9k回, 5.39M PV, 1M人: a dashboard's thousands and millions after the figure
_K_M = re.compile(r"(?<![0-9A-Za-z.,])([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)\s?([kKM])(?![A-Za-z])")
_K_M_FACTOR = {"k": 1_000, "K": 1_000, "M": 1_000_000}
_K_M_HINT = re.compile(r"[0-9]\s?[kKM]")
_AFTER_K_M = re.compile(rf"\s*(?:$|[\s)）(（、。,/→↑↓~～≒+\-]|{unit_alternation()})")


def thousands_and_millions(cell: str) -> str:
    """A figure written with k or M after it as the figure (318.9k回 → 318,900回)."""
    if not ("k" in cell or "K" in cell or "M" in cell) or not _K_M_HINT.search(cell):
        return cell

    def whole(m: re.Match[str]) -> str:
        if "." not in m.group(1) and not _AFTER_K_M.match(m.string, m.end()):
            return m.group()  # (3K職場: no figure's thousands)
        return _written(round(float(m.group(1).replace(",", "")) * _K_M_FACTOR[m.group(2)], 6))

    return _K_M.sub(whole, cell)


# A wiki's markup (Confluence, Redmine, Backlog): ||header|| rows, {{monospace}}, *bold*,
# _italic_, {status:…|title=達成} and {info}…{info} macros, [text|url] links, h2. headings
_WIKI_HINT = re.compile(
    r"\|\||\{\{|\{(?:status|info|note|tip|warning|panel|expand)\b|(?:^|>)h[1-6]\. "
)
_WIKI_MARKS = (
    (re.compile(r"\{\{(.*?)\}\}"), r"\1"),
    (re.compile(r"\{status:[^{}]*?title=([^{}|]*)[^{}]*\}"), r"【\1】"),
    (re.compile(r"\{(?:info|note|tip|warning|panel|expand|quote)(?::[^{}]*)?\}"), " "),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*<>\n]{1,80}?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (
        re.compile(r"(?<![A-Za-z0-9_])_(?=[^\s_])([^_<>\n]{1,120}?)(?<=[^\s_])_(?![A-Za-z0-9_])"),
        r"\1",
    ),
    (re.compile(r"\[([^\[\]|]{1,80})\|[^\[\]]{1,300}\]"), r"\1"),
    (re.compile(r"(?:^|(?<=>))h[1-6]\. "), ""),
    (re.compile(r"(?:^|(?<=>))(\|\|[^<\n]*)"), lambda m: m.group(1).replace("||", "|")),
)


def wiki_markup(cell: str) -> str:
    """A cell written in a wiki's markup as plain text and pipe rows (||指標||R8|| → |指標|R8|)."""
    if not _WIKI_HINT.search(cell):
        return cell
    for pattern, repl in _WIKI_MARKS:
        cell = pattern.sub(repl, cell)
    return cell


# LaTeX source pasted into a cell: tabular rows, \num{…}, \SI{…}{\percent}, {,} in figures,
# $\approx$, \textbf{…}, \footnote{…} (kept as a bracket: an aside), \cite{…}
_TABULAR = re.compile(
    r"\\begin\{tabular\*?\}(?:\{[^{}]*\})*(?P<body>.*?)\\end\{tabular\*?\}", re.DOTALL
)
_TEX_RULE = re.compile(r"\\(?:hline|toprule|midrule|bottomrule|cline\{[^{}]*\})")
_TEX_MARKS = (
    (re.compile(r"\{,\}"), ","),
    (re.compile(r"\{\.\}"), "."),
    (re.compile(r"\\SI\{([^{}]*)\}\{\\percent\}"), r"\1%"),
    (re.compile(r"\\SI\{([^{}]*)\}\{([^{}]*)\}"), r"\1\2"),
    (re.compile(r"\\(?:num|textbf|textit|emph|underline|mbox|text)\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\$?\\(?:approx|sim|simeq|fallingdotseq)\$?"), "約"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\footnote\{((?:[^{}]|\{[^{}]*\})*)\}"), r"（\1）"),
    (re.compile(r"\\cite[tp]?\{[^{}]*\}"), ""),
    (re.compile(r"(?<=[0-9０-９日月年])--(?=[0-9０-９令平R])"), "～"),
    (re.compile(r"\\,|~"), ""),  # (a tie and a thin space: no space in Japanese text)
)


def _tabular_rows(m: re.Match[str]) -> str:
    body = _TEX_RULE.sub("", m.group("body"))
    rows = [r.strip(" <br>\n") for r in re.split(r"\\\\", body)]
    lines = ["| " + " | ".join(c.strip() for c in r.split("&")) + " |" for r in rows if "&" in r]
    return "<br>" + "<br>".join(lines) + "<br>"


# reStructuredText and AsciiDoc: grid tables' rules (+----+====+), simple tables' rules (====
# ====), titles' underlines (----, ~~~~), AsciiDoc tables (|=== … |===, a cell a line),
# admonitions (.. note::, NOTE:), ``literal`` text
_RST_RULE = re.compile(r"^\s*(?:\+[-=+]{3,}\+|=+(?:\s+=+)+|[-~=^]{4,})\s*$")
_ADMONITION = re.compile(
    r"^\s*(?:\.\.\s+(?:note|warning|important|tip)::|(?:NOTE|TIP|IMPORTANT|WARNING):)\s*",
    re.IGNORECASE,
)
_RST_HINT = re.compile(r"\+[-=]{3,}\+|={4,}\s+={4,}|\|===|\.\.\s+\w+::|``|(?:^|>)[-~]{4,}(?:<|$)")
_ASCIIDOC_FENCE = re.compile(r"^\s*\|===\s*$")


def _asciidoc_rows(block: list[str]) -> list[str]:
    """An AsciiDoc table's cells (each after a |, a row's on one line or one a line) as pipe
    rows, as wide as its first line."""
    lines = [line for line in block if line.strip()]
    if not lines:
        return []
    width = lines[0].count("|")
    cells = [c.strip() for line in lines for c in line.split("|")[1:]]
    if width < 2:
        return block
    return ["| " + " | ".join(cells[k : k + width]) + " |" for k in range(0, len(cells), width)]


def markup_documents(cell: str) -> str:
    """A cell written in reStructuredText or AsciiDoc as pipe rows and plain lines."""
    lines = _ROW_BREAK.split(cell)
    out: list[str] = []
    fenced: list[str] | None = None
    for line in lines:
        if _ASCIIDOC_FENCE.match(line):
            if fenced is None:
                fenced = []
            else:
                out += _asciidoc_rows(fenced)
                fenced = None
        elif fenced is not None:
            fenced.append(line)
        elif not _RST_RULE.match(line):
            out.append(_ADMONITION.sub("※", line).replace("``", ""))
    out += fenced or []
    return "\n".join(out)


def latex_as_text(cell: str) -> str:
    """A cell written in LaTeX as plain text and pipe rows (R8 & 312{,}640 → | R8 | 312,640 |)."""
    if "\\" not in cell:
        return cell
    for pattern, repl in _TEX_MARKS:
        cell = pattern.sub(repl, cell)
    if "tabular" in cell:
        cell = _TABULAR.sub(_tabular_rows, cell)
    return cell


# half-width katakana (ｾﾝﾀｰ, ﾎﾟｽﾀｰ: a legacy system's or a phone's): the words as they are
# read, their sound marks joined (the normaliser keeps every character's place, so this is done
# here, on the cell's own text)
_HALF_WIDTH_KANA = re.compile("[\uff66-\uff9f]+")
_HALF_WIDTH_KANA_CHAR = re.compile("[\uff66-\uff9f]")


def _full_width_kana(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


# a chart drawn in text (R8 ██████████ 12,345, 推移：▁▄█, 目標 □□□□ 10,000, ┄┄ 50.0%): its
# bars are no words of the figures beside them
# NOTE: searched for by one character class first (a pattern that opens with an optional
# run is tried at every character)
_BAR_CHAR = re.compile("[\u2580-\u259f\u25a0\u25a1\u25aa\u25ab\u2504-\u250b]")
_CHART_BARS = re.compile(
    "[ \u3000]*(?:[\u2580-\u259f]+|[\u25a0\u25a1\u25aa\u25ab\u2504-\u250b]{2,}"
    "|[\u25a0\u25a1](?=[ \u3000]*[0-9]))"
)


# やさしい日本語's spacing between words (窓口に 来た 人は 1万 2345人 でした): a space
# after kana before a word, seen three times in a cell
_WORD_SPACED = re.compile("[\u3041-\u3096][ \u3000][\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]")
_WORD_SPACE = re.compile(
    "(?<=[^\x00-\x7f \u3000])[ \u3000](?![ \u3000])|(?<=[^ \u3000])[ \u3000](?=[^\x00-\x7f \u3000])"
)
# a word's reading in brackets after it (相談窓口（そうだんまどぐち）の 数,
# 去年（きょねん）): no words of its own
_READING = re.compile("(?<=[\u4e00-\u9fff\u3005])[（(][\u3041-\u3096ー]{2,}[）)]")


# a database page's properties and mentions (実績(R8):: 12,345, 前年(@昨年度):: 11,234,
# 期限:: @2027/03/31): a field's key and value, a word
_PROPERTY_KEY = re.compile(r"(?<=[^\s:])::[ \t\u3000]*(?=[^\s:])")
_MENTION = re.compile(r"(?:(?<=^)|(?<=[\s(（>:：]))@(?=[^\x00-\x2f\x3a-\x7f])")


def _properties_as_fields(cell: str) -> str:
    """A database page's properties as fields, its mentions as words (only in a cell written
    so: an @ elsewhere is the cell's own text)."""
    cell = _PROPERTY_KEY.sub("：", cell)
    return _MENTION.sub("", cell) if "@" in cell else cell


# a statistics database's time code (2024000000 = 2024年, 2024100000 = 2024年度), with its year
# in brackets after it or not
_TIME_CODE = re.compile(
    r"(?<![0-9,.])((?:19|20)[0-9]{2})([01])0{5}(?![0-9])(\s*[(（][^()（）]{0,12}[)）])?"
)


def _time_code(m: re.Match[str]) -> str:
    if m.group(3):
        return m.group(3).strip()[1:-1]
    return m.group(1) + ("年度" if m.group(2) == "1" else "年")


@cache
def _flag_legend_re() -> re.Pattern[str]:
    # 注：p＝速報値、r＝改定値: a statistics table's flags and what they mark
    return re.compile(
        r"(?<![A-Za-z])(?P<flag>[A-Za-z])\s*[＝=]\s*"
        rf"(?P<word>{alternation('provisional', 'revised')})"
    )


def statistical_flags(cell: str) -> str:
    """A statistics database's extract as read: time codes as their years, the flags a legend
    defines after figures (13.9 p, 12,345 r) as the words they stand for ((速報)) or dropped."""
    if "00000" in cell:
        cell = _TIME_CODE.sub(_time_code, cell)
    if "=" not in cell and "＝" not in cell:
        return cell
    for legend in {(m.group("flag"), m.group("word")) for m in _flag_legend_re().finditer(cell)}:
        flag, word = legend
        mark = f"（{word}）" if word in word_set("provisional") else ""
        cell = re.sub(
            rf"(?<=[0-9])[ \t\u3000]*{flag}(?=[ \t\u3000]*(?:\||<br|\n|$|、|。|[)）]))", mark, cell
        )
    return cell


# a form's fields as filled in: the underscores a figure was written on (実績値：＿12,345＿件) and
# the box it was written in (【実績】［　68.9　］％)
_BLANK_AROUND = re.compile(r"[＿_]+(?=[0-9０-９])|(?<=[0-9０-９])[＿_]+")
_BOXED_FIGURE = re.compile(
    r"［[ \u3000]*([0-9０-９][0-9０-９,，.．]*)[ \u3000]*］"
    r"|\[[ \u3000]+([0-9０-９][0-9０-９,，.．]*)[ \u3000]+\]"
)


def form_fields(cell: str) -> str:
    """A filled-in form's figures as written, without the blanks and boxes around them."""
    if "＿" in cell or "_" in cell:
        cell = _BLANK_AROUND.sub("", cell)
    if "［" in cell or "[" in cell:
        cell = _BOXED_FIGURE.sub(lambda m: m.group(1) or m.group(2), cell)
    return cell


# a chat's markup (Slack's mrkdwn): *bold*, _italic_ and `code` marks around words, ~struck~ text
# (a figure taken back), :emoji_codes:, <@U02ABC> mentions, <https://…|a link's words>
_CHAT_STRUCK = re.compile(
    r"(?<![~A-Za-z0-9])~(?![~\s])([^~<>\n]{1,40}?)(?<![~\s])~(?![~A-Za-z0-9])"
)
_CHAT_MARKS = re.compile(
    r"(?<![*A-Za-z0-9])\*(?![*\s])([^*<>\n]{1,60}?)(?<![*\s])\*(?![*A-Za-z0-9])"
    r"|(?<![_A-Za-z0-9])_(?![_\s])([^_<>\n]{1,80}?)(?<![_\s])_(?![_A-Za-z0-9])"
    r"|`([^`<>\n]{1,60})`"
)
_CHAT_CODES = re.compile(
    r":(?=[a-z0-9_+\-]*[a-z])[a-z0-9_+\-]{2,}:|:[+\-]1:|<[@#!][A-Za-z0-9|^_\-]+>"
)
_CODE_FENCE = re.compile(r"```[a-z]*")
_CHAT_LINK = re.compile(r"<(?:https?|mailto):[^<>|\s]+\|([^<>]+)>")


def chat_markup(cell: str) -> str:
    """A chat's marked-up text as it reads: the marks around words gone, struck text gone,
    codes and mentions gone, a link's words kept."""
    if "```" in cell:
        cell = _CODE_FENCE.sub("", cell)  # (a code block's fences: its lines are the text)
    if "~" in cell and "~~" not in cell:
        cell = _CHAT_STRUCK.sub("", cell)
    if "*" in cell or "_" in cell or "`" in cell:
        cell = _CHAT_MARKS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), cell)
    if ":" in cell or "<@" in cell or "<#" in cell or "<!" in cell:
        cell = _CHAT_CODES.sub("", cell)
    if "|" in cell and "<" in cell:
        cell = _CHAT_LINK.sub(r"\1", cell)
    return cell


# a survey form's export: a question and its answer (Q3. 令和8年度の実績値を数値で入力してください
# → 12345), read as a field's key and value
_FORM_ANSWER = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=<br>)|(?<=<br/>)|(?<=<br />))[ \t\u3000]*"
    r"[QＱ問][0-9０-９]{1,2}[.．:：)）]?[ \t\u3000]*([^<\n→]{1,80}?)[ \t\u3000]*→[ \t\u3000]*"
)


@cache
def _form_instruction_re() -> re.Pattern[str]:
    return re.compile(alternation("form_instruction"))


def form_answers(cell: str) -> str:
    """A survey form's questions and answers as fields (question：answer), the question's
    instruction left out (令和8年度の実績値を数値で入力してください → 令和8年度の実績値)."""
    if "→" not in cell or not _FORM_ANSWER.search(cell):
        return cell
    return _FORM_ANSWER.sub(
        lambda m: _form_instruction_re().sub("", normalize(m.group(1))).strip() + "：", cell
    )


# a font's typographic characters: an era's or a unit's squared word (㋿, ㍻, ㌫, ㎡), a
# superscript note mark (12,345件¹ … ¹ 4月～翌年3月の累計), a vulgar fraction (国民の⅔)
_TYPOGRAPHIC = re.compile(
    "[\u3300-\u33ff\u32ff\u00b9\u00b2\u00b3\u2070-\u2079\u00bc-\u00be\u2150-\u215e]"
)
_SQUARED = re.compile("[\u3300-\u33ff\u32ff]")
_SUPERSCRIPT_NOTE = re.compile(
    "(?P<open>(?:^|(?<=\n)|(?<=<br>)|(?<=<br/>)|(?<=<br />))[ \t\u3000]*)?"
    "(?P<digits>[\u00b9\u00b2\u00b3\u2070-\u2079]+)"
)
_VULGAR = re.compile("[\u00bc-\u00be\u2150-\u215e]")


def _note_mark(m: re.Match[str]) -> str:
    digits = unicodedata.normalize("NFKC", m.group("digits"))
    return f"{m.group('open') or ''}※{digits}"


def _fraction_words(m: re.Match[str]) -> str:
    numerator, _, denominator = unicodedata.normalize("NFKC", m.group()).partition("\u2044")
    return f"{denominator}分の{numerator}" if denominator else m.group()


def typographic_characters(cell: str) -> str:
    """A font's typographic characters as the words and marks they stand for: ㋿ → 令和, ㌫ →
    パーセント, a superscript digit after a word or a figure → a ※ note's mark (never a digit of
    the figure), ⅔ → 3分の2."""
    if not _TYPOGRAPHIC.search(cell):
        return cell
    cell = _SQUARED.sub(lambda m: unicodedata.normalize("NFKC", m.group()), cell)
    cell = _SUPERSCRIPT_NOTE.sub(_note_mark, cell)
    return _VULGAR.sub(_fraction_words, cell)


# a figure as OCR reads it: l or I for 1 and O or o for 0 among its digits (3l8,9O4), a space
# inside it before its comma group (12 3,456人)
# NOTE: each searched for from one character class (an alternation, or a pattern opening with a
# look-behind, is tried at every character)
# (a letter beside a digit, or a digit, a space and a digit: one search, from one class)
_OCR_SIGN = re.compile(r"[0-9lIOo](?:(?<=[0-9])[lIOo]|(?<=[0-9]) [0-9]|(?<=[lIOo])[0-9,])")
_DIGIT_SPACE_DIGIT = re.compile(r"[0-9] [0-9]")
_OCR_FIGURE = re.compile(r"(?<![A-Za-z0-9])[0-9lIOo]{1,3}(?:,[0-9lIOo]{3})+(?![A-Za-z0-9])")
_OCR_DIGITS = str.maketrans("lIOo", "1100")
_SPACED_GROUP = re.compile(r"(?<![0-9A-Za-z,.])([0-9]{1,2}) ([0-9]{1,2},[0-9]{3})(?![0-9])")
# (1,58 6人: a comma group a space cuts short)
_CUT_GROUP = re.compile(r"(?<=[0-9lIO]),([0-9]{1,2}) ([0-9]{1,2})(?![0-9,.])")


def _ocr_figure(m: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in m.group())
    return m.group().translate(_OCR_DIGITS) if digits >= 2 else m.group()


def _spaced_group(m: re.Match[str]) -> str:
    head, rest = m.group(1), m.group(2)
    return head + rest if len(head) + len(rest.split(",")[0]) <= 3 else m.group()


def ocr_figures(cell: str) -> str:
    """Figures as OCR misreads them, as written: letters for digits among a figure's comma
    groups (l2,3O4 → 12,304), a space inside a figure before its comma group or inside it
    (12 3,456, 1,23 4)."""
    if not _OCR_SIGN.search(cell):
        return cell
    cell = _OCR_FIGURE.sub(_ocr_figure, cell)
    if _DIGIT_SPACE_DIGIT.search(cell):
        cell = _SPACED_GROUP.sub(_spaced_group, cell)
        cell = _CUT_GROUP.sub(
            lambda m: (
                f",{m.group(1)}{m.group(2)}"
                if len(m.group(1)) + len(m.group(2)) == 3
                else m.group()
            ),
            cell,
        )
        cell = _OCR_FIGURE.sub(_ocr_figure, cell)
    return cell


def _words_unspaced(cell: str) -> str:
    """A cell written with a space between words and readings in brackets, as written without
    them; a space between two figures or words in Latin letters stays."""
    if len(_WORD_SPACED.findall(cell)) < 3:
        return cell
    return _WORD_SPACE.sub("", _READING.sub("", cell))


# a thin or narrow no-break space between a figure's groups of three digits
_THIN_GROUPS = re.compile("(?<=[0-9])[\u2009\u202f](?=[0-9]{3}(?![0-9]))")


@cache
def _chart_step_re() -> re.Pattern[str]:
    # (1つ＝10自治体), 1目盛り=5%: what one mark of a chart drawn in text stands for
    return re.compile(
        rf"[、,，]?\s*[(（]?\s*[1１]\s*(?:{alternation('chart_step')})\s*[=＝]\s*[0-9０-９][0-9０-９,.，．]*"
        r"[^\s、。,，)）]{0,6}\s*[)）]?"
    )


# the characters of text pasted from another tool (a chat's marks, a form's blanks, a
# database page's keys, a font's typographic characters): one search, from one class
_PASTED_SIGN = re.compile(
    "[~*`@:→=＝＿_［\\[\u3300-\u33ff\u32ff\u00b9\u00b2\u00b3\u2070-\u2079\u00bc-\u00be"
    "\u2150-\u215e]"
)


_RARE_CHAR = re.compile(
    "[\uff66-\uff9f\u2580-\u259f\u25a0\u25a1\u25aa\u25ab\u2504-\u250b"
    + _PASTED_SIGN.pattern[1:-1]
    + "]"
)


def _pasted(cell: str) -> str:
    """A cell pasted from another tool, as that tool shows it (see ``cell_text``)."""
    cell = typographic_characters(cell)
    if "=" in cell or "＝" in cell:
        cell = _chart_step_re().sub("", cell)
    if "::" in cell:
        cell = _properties_as_fields(cell)
    return chat_markup(form_answers(form_fields(statistical_flags(cell))))


def cell_text(cell: str) -> str:
    """A prose cell as text to read: tables as labelled lines, PDF artefacts repaired, tags
    removed and spaces folded."""
    # NOTE: the characters the readings below look for are rare: one search for all of them
    rare = _RARE_CHAR.search(cell) is not None
    if rare and _HALF_WIDTH_KANA_CHAR.search(cell):
        cell = _HALF_WIDTH_KANA.sub(_full_width_kana, cell)
    if rare and _BAR_CHAR.search(cell):
        cell = _CHART_BARS.sub("", cell)
    if " " in cell or "\u3000" in cell:
        cell = _words_unspaced(cell)
    if (rare and _PASTED_SIGN.search(cell)) or "00000" in cell:
        cell = _pasted(cell)
    cell = ocr_figures(cell)
    if "\\" in cell:
        cell = latex_as_text(cell)
    if ("----" in cell or "====" in cell or "|===" in cell or "::" in cell or "``" in cell) and (
        _RST_HINT.search(cell)
    ):
        cell = markup_documents(cell)
    cell = thousands_and_millions(spreadsheet_values(locale_figures(tracked_changes(cell))))
    if "||" in cell or "{" in cell or "h2." in cell or "h3." in cell:
        cell = wiki_markup(cell)
    if "**" in cell:
        cell = cell.replace("**", "")  # **9,264件**: Markdown's bold, no words of the figure
    if "★" in cell or "☆" in cell or "◎" in cell or "↗" in cell or "↘" in cell:
        # ★32.4 ↗: a slide's emphasis and trend marks, no words of the figure
        cell = _TREND_MARK.sub("", _EMPHASIS.sub("", cell))
    if ("】" in cell or "＞" in cell) and _BRACKET_CLOSES_HEADING.search(cell):
        # 【登録者数（名）】 over ◆A福祉士 320,400: the heading declares the unit of the
        # bare figures under it
        cell = _heading_unit_re().sub(r"\1\3（単位：\2）", cell)
    if "<sup" in cell or "<SUP" in cell:
        # 相談サイト<sup>※1</sup>: a note's mark on a word, no part of it (the note
        # itself stays where it is written)
        cell = _NOTE_MARK_SUP.sub("", cell)
    if "）：" in cell or "):" in cell or "）:" in cell:
        # 目標値（年度）：300,000（令和8年度）: a field's key says what its brackets hold
        cell = _field_key_note_re().sub(r"\1", cell)
    text = kanji_as_digits(repair_pdf_text(records_as_text(cell)))
    text = tables_as_lines(text)
    if "本年度" in text or "当年度" in text or "増減" in text or "差" in text:
        text = keyed_columns(text)
    if ("／" in text or "/" in text) and (":" in text or "：" in text):
        text = keyed_slashes(text)  # (実績／目標：…: keys before a colon)
    if "＝" in text or "=" in text:
        text = formulas_as_results(text)
    text = numerals_as_digits(fields_as_lines(arrows_as_series(text)), cell)
    if ("\n" in text or "<" in text) and (":" in text or "：" in text):
        text = dated_items(text)  # (its items are keyed: a colon)
    if "100" in text or "１００" in text:
        text = _INDEX.sub(r"\1%", text)
    text = strip_html(multiples_of_stated(rates_of_target(text)))
    if "&" in text:
        # (令和8年度&nbsp;13.9%, &lt;参考&gt;: a web page's character references, read as its
        # reader sees them; the document's own fields keep them as written)
        text = strip_html(html.unescape(text))
    if "\u2009" in text or "\u202f" in text:
        text = _THIN_GROUPS.sub(",", text)  # (153&thinsp;276件: a typesetter's digit groups)
    return text


@cache
def _field_start_re() -> re.Pattern[str]:
    words = alternation("target_word", "field_word")
    return re.compile(rf"\s*(?:【\s*(?:{words})[^】]{{0,4}}】|(?:{words}))")


@cache
def _field_re() -> re.Pattern[str]:
    words = alternation("target_word", "field_word")
    # 【基準値】, 【実績値】 anywhere; 実績…, 目標値… opening a piece after ／
    return re.compile(rf"【\s*(?:{words})[^】]{{0,4}}】|(?<=[／/])\s*(?:{words})")


_OPERAND = (
    r"[^\s、。=＝()（）÷×＋+−\-:：]{0,14}?[0-9][0-9,.]*[^\s0-9、。=＝()（）÷×＋+−\-:：]{0,6}"
    r"(?:\([^()（）]{0,24}\)|（[^()（）]{0,24}）)?"
)
# 小学校79,412人＋中学校147,118人＝226,530人, 31,020÷34,210＝90.7％: figures worked into a result
_FORMULA = re.compile(
    rf"(?P<operands>{_OPERAND}(?:\s*[＋+−\-÷×]\s*{_OPERAND})+)\s*[＝=]\s*"
    r"(?P<result>(?:約)?[0-9][0-9,.]*[^\s0-9、。=＝()（）<]{0,6})(?=[\s、。()（）<]|$)"
)


_SUM = re.compile(r"[＋+]")
_PARTS_WORD = "内訳"  # (a word of the lexicon's part class)


def formulas_as_results(text: str) -> str:
    """A figure worked out in the text, written as its result with the working in a bracket
    after it (小学校79,412人＋中学校147,118人＝226,530人 → 226,530人(小学校79,412人＋…)): the
    operands are the result's parts or inputs, not values beside it."""

    def result_first(m: re.Match[str]) -> str:
        operands = m.group("operands").strip()
        # (a sum's operands are its parts: 145,902件(内訳:センター61,730件＋…))
        parts = f"{_PARTS_WORD}:" if _SUM.search(operands) else ""
        return f"{m.group('result')}（{parts}{operands}）"

    return _FORMULA.sub(result_first, text)


@cache
def _slash_keys_re() -> re.Pattern[str]:
    key = r"[^\s:：／/、。()（）<>]{1,10}"
    value = r"[^\s:：／/、。()（）<>]{1,20}"
    return re.compile(
        rf"(?P<keys>{key}(?:[／/]{key}){{1,2}})\s*(?:[(（](?P<aside_key>{key})[)）])?\s*[:：]\s*"
        rf"(?P<values>{value}(?:[／/]{value}){{1,2}})\s*(?:[(（](?P<aside>[^()（）<>]{{1,20}})[)）])?"
    )


@cache
def _field_key_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation('target_word', 'field_word', 'value_word')})")


def keyed_slashes(text: str) -> str:
    """実績／目標（達成率）：318,904回／300,000回（106.3％） → 実績:318,904回、目標:300,000回、
    達成率:106.3％: figures parted by slashes under keys parted the same way, each by its key —
    where a key is a field's (実績, 目標, 達成); else the text as it is."""

    def keyed(m: re.Match[str]) -> str:
        keys = re.split(r"[／/]", m.group("keys"))
        values = re.split(r"[／/]", m.group("values"))
        if m.group("aside_key"):
            if not m.group("aside"):
                return m.group()
            keys.append(m.group("aside_key"))
            values.append(m.group("aside"))
        if len(keys) != len(values) or not any(_field_key_re().match(k) for k in keys):
            return m.group()
        return "、".join(f"{k}:{v}" for k, v in zip(keys, values, strict=True))

    return _slash_keys_re().sub(keyed, text)


def fields_as_lines(text: str) -> str:
    """A sheet's row pasted as one line (【指標】…(千人)【基準値】212.1(R5)【実績値】R6:218.2
    R7:225.4, or 指標(人)／目標値 5,200／実績 R8.4.1:4,866 R9.4.1:5,148): one line a field, as
    an evaluation sheet's fields stand (the label's unit then goes to the field lines under it:
    ``_with_label_units``). A text with no such line is returned as it is."""
    if "【" not in text and "／" not in text and "/" not in text:
        return text
    lines = _LINE_BREAK.split(text)
    if len(lines) == 1 and not _field_re().search(text):
        return text
    seps = _LINE_BREAK.findall(text)
    out, split = [], False
    for line in lines:
        marks = [m.start() for m in _field_re().finditer(line)]
        if len(marks) < 2:
            out.append(line)
            continue
        cuts = [0, *(m for m in marks if m > 0), len(line)]
        out.append("<br>".join(line[a:b].rstrip("／/ ") for a, b in pairwise(cuts) if b > a))
        split = True
    if not split:
        return text
    return _joined(out, seps)
