"""``--format xlsx``: the workbook policy staff circulate (openpyxl, imported only here).

Three sheets: 概要 (the report, the verdict, the counts and the missed targets), 指標 (every
indicator: numbers as numbers with number formats, 達成率, the evidence and its line) and 施策
(every measure). Sheet names and column names follow ``--lang``. Text from the document is
always stored as text, never as a formula.

Made to be handed round: every sheet prints on A4 landscape, fitted to the page width, with
its header row repeated on each page; every sheet has frozen panes and a filter; flags read
該当 (not TRUE/FALSE), comparators read 以上/以下/未満/超 (not ``>=``); reason, evidence and
long names wrap; 判定 is filled by conditional formatting, so the fill follows an edited cell.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from ..judge.scorecard import Scorecard, scorecard_dict
from ..model import Comparator, Status
from ..shape import status_counts
from ..text.normalize import one_line
from .attain import attainment
from .columns import MEASURE_COLUMNS, column_name, indicator_columns, indicator_rows, measure_rows
from .only import verdict_of
from .text import actual_text, labels, missed, status_text, target_text, yoy_headline
from .wording import wording

SHEETS = {"ja": ("概要", "指標", "施策"), "en": ("Summary", "Indicators", "Measures")}
FILLS = {  # light fills, dark enough text stays readable in print
    Status.ACHIEVED: "DAFBE1",
    Status.ON_TRACK: "DDF4FF",
    Status.BEHIND: "FFEBE9",
    Status.NOT_MEASURABLE: "EAEEF2",
}
NUMBER_COLUMNS = {"actual", "target", "previous_actual", "delta"}
DATE_COLUMNS = {"deadline", "period_start", "period_end"}
DATE_FORMAT = "yyyy-mm-dd"  # NOTE: --dates wareki sets an era format here (cells stay dates)
PERCENT_COLUMNS = {"progress", "attainment"}
FLAG_COLUMNS = {"overdue", "provisional"}
FLAG = {"ja": "該当", "en": "yes"}  # a false flag is an empty cell
WRAP_COLUMNS = {"label", "measure_name", "name", "reason", "evidence_text", "target_text"}
EXTRA_NAMES = {"attainment": ("達成率", "attainment")}
WIDTHS = {
    "label": 40,
    "measure_name": 40,
    "name": 40,
    "reason": 50,
    "evidence_text": 60,
    "target_text": 60,
    "section": 30,
    "ministries": 16,
    "attainment": 9,
    "progress": 9,
}
MISSED_COLUMNS = (
    "measure",
    "label",
    "ministries",
    "target",
    "actual",
    "attainment",
    "deadline",
    "status",
)


def _number_format(value: float | int) -> str:
    return "#,##0" if float(value).is_integer() else "#,##0.0##"


# What openpyxl refuses in a cell (XML 1.0 forbids it): C0 controls but tab and line ends,
# and lone surrogates (the bytes of a non-UTF-8 file name).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    escaped = one_line(char)
    return escaped if escaped != char else f"\\u{ord(char):04x}"  # U+FFFE, U+FFFF


def _xml_text(text: str) -> str:
    """Text a cell can hold: what XML forbids is written as its escape (``\\x1b``)."""
    return _NOT_XML.sub(_escaped, text) if _NOT_XML.search(text) else text


def _put(ws: Any, row: int, col: int, value: Any, key: str = "") -> Any:
    """One cell: numbers as numbers, ISO dates as dates, text always as text."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    if key in DATE_COLUMNS and isinstance(value, str):
        cell.value = date.fromisoformat(value)
        cell.number_format = DATE_FORMAT
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float):
        cell.value = value
        cell.number_format = "0%" if key in PERCENT_COLUMNS else _number_format(value)
    else:
        cell.value = _xml_text(str(value))
        cell.data_type = "s"  # NOTE: openpyxl reads a leading = as a formula otherwise
    return cell


def _name(key: str, lang: str) -> str:
    if key in EXTRA_NAMES:
        ja, en = EXTRA_NAMES[key]
        return ja if lang == "ja" else en
    return column_name(key, lang)


def _header(ws: Any, row: int, names: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for col, name in enumerate(names, 1):
        cell = _put(ws, row, col, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F6F8FA")
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _for_people(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A row as staff read it: flags as 該当 or blank, comparators as words."""
    out = dict(row)
    for key in FLAG_COLUMNS & out.keys():
        out[key] = FLAG.get(lang, FLAG["ja"]) if out[key] else None
    if out.get("comparator"):
        comparator = Comparator(out["comparator"])
        out["comparator"] = comparator.goal_ja if lang == "ja" else COMPARATOR_EN[comparator]
    return out


COMPARATOR_EN = {
    Comparator.AT_LEAST: "at least",
    Comparator.MORE_THAN: "more than",
    Comparator.AT_MOST: "at most",
    Comparator.LESS_THAN: "less than",
    Comparator.INCREASE: "increase",
    Comparator.DECREASE: "decrease",
    Comparator.REDUCE_BY_RATIO: "reduce by ratio",
}


def _status_fills(ws: Any, ref: str, lang: str) -> None:
    """判定 filled by its value (conditional formatting: the fill follows an edited cell)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    for status, colour in FILLS.items():
        for overdue in (False, True):
            if overdue and status is not Status.BEHIND:
                continue
            text = status_text(status, overdue, lang).replace('"', '""')
            fill = PatternFill("solid", fgColor=colour, bgColor=colour)
            ws.conditional_formatting.add(
                ref,
                CellIsRule(operator="equal", formula=[f'"{text}"'], fill=fill),  # type: ignore[no-untyped-call]
            )


def _print_setup(ws: Any, title_rows: str) -> None:
    """A4 landscape, fitted to the page width (as many pages down as it takes), the header
    repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _table(ws: Any, columns: tuple[str, ...], rows: list[dict[str, Any]], lang: str) -> None:
    """A sheet holding one table from A1: header, rows, filter, frozen header and first
    column, widths, wrapping, status fills, print setup."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    _header(ws, 1, [_name(c, lang) for c in columns])
    for r, row in enumerate(rows, 2):
        row = _for_people(row, lang)
        for c, key in enumerate(columns, 1):
            cell = _put(ws, r, c, row.get(key), key)
            cell.alignment = wrap if key in WRAP_COLUMNS else top
    last = get_column_letter(len(columns))
    end = max(1, len(rows) + 1)
    ws.auto_filter.ref = f"A1:{last}{end}"
    ws.freeze_panes = "B2"
    for c, key in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(key, 12)
    if "status" in columns and rows:
        letter = get_column_letter(columns.index("status") + 1)
        _status_fills(ws, f"{letter}2:{letter}{end}", lang)
    _print_setup(ws, "1:1")


def _with_attainment(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns with 達成率 before 進捗 (unless the rows already carry it)."""
    if "attainment" in columns:
        return columns
    at = columns.index("progress") if "progress" in columns else len(columns)
    return (*columns[:at], "attainment", *columns[at:])


def render_bytes(card: Scorecard, lang: str = "ja", dates: str | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    say = wording(lang, dates)
    data = scorecard_dict(card, say.reason)
    L = labels(lang)
    summary_name, indicators_name, measures_name = SHEETS.get(lang, SHEETS["ja"])
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = summary_name
    report = data["report"]
    behind = missed(data)
    lines = [
        (L["title"], report["title"]),
        (L["as_of"], report["as_of"]),
        (L["source"], report["source"]),
        ("sha256", report["sha256"]),
        (L["measures"], data["summary"]["measures"]),
        (L["indicators"], data["summary"]["indicators"]),
    ]
    for r, (key, value) in enumerate(lines, 1):
        _put(ws, r, 1, key).font = Font(bold=True)
        _put(ws, r, 2, value, "deadline" if key == L["as_of"] else "")
    row = len(lines) + 2
    _put(ws, row, 1, verdict_of(card, behind, lang)).font = Font(bold=True, size=13)
    headline = yoy_headline(data, lang)
    if headline:
        row += 1
        _put(ws, row, 1, headline).font = Font(bold=True)
    row += 2
    by_status = status_counts(data["summary"])
    counts = [(status_text(s, False, lang), by_status[s]) for s in Status]
    _header(ws, row, [L["status"], L["indicators"]])
    for key, value in counts:
        row += 1
        _put(ws, row, 1, key)
        _put(ws, row, 2, value)
    row += 2
    _put(ws, row, 1, L["missed"]).font = Font(bold=True, size=13)
    row += 1
    missed_header = row
    _header(ws, row, [_name(c, lang) for c in MISSED_COLUMNS])
    ministries = {m["no"]: " ".join(m["ministries"]) for m in data["measures"]}
    for ind in behind:
        row += 1
        cells = {
            "measure": ind["measure"],
            "label": ind["label"],
            "ministries": ministries[ind["measure"]],
            "target": target_text(ind, lang),
            "actual": actual_text(ind),
            "attainment": attainment(ind),
            "deadline": ind["deadline"],
            "status": status_text(ind["status"], ind["overdue"], lang),
        }
        for c, key in enumerate(MISSED_COLUMNS, 1):
            _put(ws, row, c, cells[key], key)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 44
    for col in "CDEFGH":
        ws.column_dimensions[col].width = 16
    ws.column_dimensions["F"].width = 9
    ws.auto_filter.ref = f"A{missed_header}:H{max(row, missed_header + 1)}"
    ws.freeze_panes = "A2"
    if behind:
        _status_fills(ws, f"H{missed_header + 1}:H{row}", lang)
    _print_setup(ws, f"{missed_header}:{missed_header}")

    ind_rows = indicator_rows(data, lang)
    for ind_row, ind in zip(ind_rows, data["indicators"], strict=True):
        ind_row["attainment"] = attainment(ind)
    columns = _with_attainment(indicator_columns(data))
    _table(wb.create_sheet(indicators_name), columns, ind_rows, lang)

    m_rows = measure_rows(data, lang)
    _table(wb.create_sheet(measures_name), MEASURE_COLUMNS, m_rows, lang)

    if say.dates == "wareki":
        # NOTE: the cells stay real dates; only their number format shows the era
        from ..text.wareki import XLSX_WAREKI_FORMAT

        for sheet in wb.worksheets:
            for line in sheet.iter_rows():
                for one in line:
                    if one.number_format == DATE_FORMAT:
                        one.number_format = XLSX_WAREKI_FORMAT
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
