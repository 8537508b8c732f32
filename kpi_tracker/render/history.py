"""``kpi-tracker history``: the stored series as Markdown, JSON, CSV or HTML (charts)."""

from __future__ import annotations

import csv
import io
from typing import Any

from .csv_ import safe_cell
from .json_ import dumps
from .text import MARKS, md_cell, number, status_text

COLUMNS = (
    "fiscal_year",
    "as_of",
    "measure",
    "indicator",
    "label",
    "actual",
    "unit",
    "target",
    "status",
    "overdue",
    "period",
    "source",
    "report",
    "reason",
)


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "html":
        from .history_html import render as render_html

        return render_html(rows)
    if fmt == "json":
        return dumps(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in COLUMNS])
        return "\ufeff" + buffer.getvalue()
    lines = [
        "| 年度 | 基準日 | No. | 指標 | 実績 | 目標 | 判定 | 出典 |",
        "|---:|---|---:|---|---:|---:|---|---|",
    ]
    for r in rows:
        actual = "—" if r["actual"] is None else number(r["actual"]) + r["unit"]
        target = "—" if r["target"] is None else number(r["target"]) + r["unit"]
        status = f"{MARKS[r['status']]} {status_text(r['status'], r['overdue'], 'ja')}"
        lines.append(
            f"| {r['fiscal_year'] or '—'} | {r['as_of'] or '—'} | {r['measure']} | "
            f"{md_cell(r['label'])} ({md_cell(r['indicator'])}) | {md_cell(actual)} | "
            f"{md_cell(target)} | {status} | {md_cell(r['source'])} |"
        )
    if not rows:
        lines.append("| — | — | — | 保存された報告がない | — | — | — | — |")
    return "\n".join(lines) + "\n"
