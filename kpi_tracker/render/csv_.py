"""``--format csv``: one row per indicator, UTF-8 with BOM so Excel reads the Japanese right."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..scorecard import scorecard_dict

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formulas (CSV injection): text starting =, +, -, @ gets a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


COLUMNS = (
    "measure",
    "id",
    "label",
    "status",
    "overdue",
    "actual",
    "target",
    "unit",
    "comparator",
    "deadline",
    "period_start",
    "period_end",
    "period_text",
    "progress",
    "provisional",
    "reason_code",
    "reason",
    "evidence_text",
    "evidence_line",
    "measure_name",
    "ministries",
    "section",
)


def render(card: Any, lang: str = "ja") -> str:
    data = scorecard_dict(card)
    measures = {m["no"]: m for m in data["measures"]}  # type: ignore[index]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for ind in data["indicators"]:  # type: ignore[union-attr]
        m = measures[ind["measure"]]
        period = ind["period"] or {}
        evidence = ind["evidence"] or {}
        row = {
            **ind,
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "period_text": period.get("text"),
            "evidence_text": evidence.get("text"),
            "evidence_line": evidence.get("line"),
            "measure_name": m["name"],
            "ministries": " ".join(m["ministries"]),
            "section": " > ".join(m["section"]),
        }
        writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in COLUMNS])
    return "\ufeff" + buffer.getvalue()
