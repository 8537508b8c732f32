"""``--format xlsx``: the workbook policy staff circulate (openpyxl, imported only here).

Three sheets: 概要 (the report, the verdict, the counts and the missed targets), 指標 (every
indicator: auto-filter, frozen header, a fill per status, numbers as numbers with number
formats, the evidence and its line) and 施策 (every measure). Sheet names and column names
follow ``--lang``. Text from the document is always stored as text, never as a formula.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ..judge.scorecard import Scorecard, scorecard_dict
from ..model import Status
from ..shape import status_counts
from .columns import MEASURE_COLUMNS, column_name, indicator_columns, indicator_rows, measure_rows
from .text import actual_text, labels, missed, status_text, target_text, verdict, yoy_headline
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
WIDTHS = {
    "label": 40,
    "measure_name": 40,
    "name": 40,
    "reason": 50,
    "evidence_text": 60,
    "target_text": 60,
    "section": 30,
    "ministries": 16,
}
MISSED_COLUMNS = ("measure", "label", "ministries", "target", "actual", "deadline", "status")


def _number_format(value: float | int) -> str:
    return "#,##0" if float(value).is_integer() else "#,##0.0##"


def _put(ws: Any, row: int, col: int, value: Any, key: str = "") -> Any:
    """One cell: numbers as numbers, ISO dates as dates, text always as text."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    if key in DATE_COLUMNS and isinstance(value, str):
        cell.value = date.fromisoformat(value)
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float):
        cell.value = value
        cell.number_format = "0%" if key in ("progress", "attainment") else _number_format(value)
    else:
        cell.value = str(value)
        cell.data_type = "s"  # NOTE: openpyxl reads a leading = as a formula otherwise
    return cell


def _header(ws: Any, row: int, names: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    for col, name in enumerate(names, 1):
        cell = _put(ws, row, col, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F6F8FA")


def _table(ws: Any, columns: tuple[str, ...], rows: list[dict[str, Any]], lang: str) -> None:
    """A sheet holding one table from A1: header, rows, filter, frozen header, widths."""
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    _header(ws, 1, [column_name(c, lang) for c in columns])
    for r, row in enumerate(rows, 2):
        fill = PatternFill("solid", fgColor=FILLS[Status(row["_status"])])
        for c, key in enumerate(columns, 1):
            cell = _put(ws, r, c, row.get(key), key)
            if key == "status":
                cell.fill = fill
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    ws.freeze_panes = "A2"
    for c, key in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(key, 12)


def render_bytes(card: Scorecard, lang: str = "ja") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = scorecard_dict(card, wording(lang, "iso").reason)
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
    _put(ws, row, 1, verdict(behind, lang)).font = Font(bold=True, size=13)
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
    _header(ws, row, [column_name(c, lang) for c in MISSED_COLUMNS])
    ministries = {m["no"]: " ".join(m["ministries"]) for m in data["measures"]}
    for ind in behind:
        row += 1
        cells = {
            "measure": ind["measure"],
            "label": ind["label"],
            "ministries": ministries[ind["measure"]],
            "target": target_text(ind, lang),
            "actual": actual_text(ind),
            "deadline": ind["deadline"],
            "status": status_text(ind["status"], ind["overdue"], lang),
        }
        for c, key in enumerate(MISSED_COLUMNS, 1):
            _put(ws, row, c, cells[key], key)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 44
    for col in "CDEFG":
        ws.column_dimensions[col].width = 16

    ind_rows = indicator_rows(data, lang)
    for ind_row, ind in zip(ind_rows, data["indicators"], strict=True):
        ind_row["_status"] = ind["status"]
    _table(wb.create_sheet(indicators_name), indicator_columns(data), ind_rows, lang)

    m_rows = measure_rows(data, lang)
    for m_row, m in zip(m_rows, data["measures"], strict=True):
        m_row["_status"] = m["status"]
    _table(wb.create_sheet(measures_name), MEASURE_COLUMNS, m_rows, lang)

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
