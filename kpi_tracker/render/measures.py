"""``kpi-tracker measures``: the parsed table as JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from .text import md_cell

_CSV_COLUMNS = (
    "no",
    "section",
    "name",
    "overview",
    "target_text",
    "status_text",
    "review_text",
    "urls",
    "ministries",
    "line",
)


def stream(document: Any, fmt: str) -> Iterator[str]:
    """``render`` in pieces: JSON a measure at a time (``json_.chunks``), the rest whole."""
    if fmt == "json":
        from .json_ import chunks

        measures = (m.to_dict() for m in document.measures)
        return chunks({"report": document.report_dict(), "measures": measures})
    return iter((render(document, fmt),))


def render(document: Any, fmt: str) -> str:
    if fmt == "json":
        return "".join(stream(document, fmt))
    rows = [m.to_dict() for m in document.measures]
    if fmt == "csv":
        from .csv_ import safe_cell

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(_CSV_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    safe_cell(
                        " > ".join(v)
                        if k == "section"
                        else " ".join(v)
                        if isinstance(v, list)
                        else v
                    )
                    for k, v in ((c, row[c]) for c in _CSV_COLUMNS)
                ]
            )
        return "\ufeff" + buffer.getvalue()
    lines = [
        f"# {md_cell(document.title)}",
        "",
        f"{md_cell(document.plan)} — {len(rows)} 施策",
        "",
        "| No. | 分野 | 施策名 | 目標及び達成の期間 | 担当府省庁 | 行 |",
        "|---:|---|---|---|---|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['no']} | {md_cell(' › '.join(row['section']))} | {md_cell(row['name'])} | "
            f"{md_cell(row['target_text'])} | {md_cell('、'.join(row['ministries']))} | "
            f"{row['line']} |"
        )
    return "\n".join(lines) + "\n"
