"""The flat rows and column names of the tabular formats (CSV, xlsx), following ``--lang``.

One row per indicator (or per measure) with typed values: numbers stay numbers, statuses are
written in the language asked for, and the column names too. JSON keys stay English.
"""

from __future__ import annotations

from typing import Any

from ..shape import IndicatorData, MeasureData, ScorecardData
from ..text.wareki import format_date
from .text import movement_label, status_text


def wareki_date_of(iso: str) -> str:
    return format_date(iso, "wareki")


# key: (Japanese, English)
COLUMN_NAMES = {
    "measure": ("施策No.", "measure"),
    "id": ("指標ID", "id"),
    "label": ("指標", "indicator"),
    "status": ("判定", "status"),
    "overdue": ("期限超過", "overdue"),
    "actual": ("実績", "actual"),
    "target": ("目標値", "target"),
    "unit": ("単位", "unit"),
    "comparator": ("比較", "comparator"),
    "deadline": ("期限", "deadline"),
    "period_start": ("時点(開始)", "period_start"),
    "period_end": ("時点(終了)", "period_end"),
    "period_text": ("時点", "period_text"),
    "progress": ("進捗", "progress"),
    "attainment": ("達成率", "attainment"),
    "provisional": ("見込み・速報値", "provisional"),
    "reason_code": ("理由コード", "reason_code"),
    "reason": ("理由", "reason"),
    "evidence_text": ("根拠", "evidence_text"),
    "evidence_line": ("行", "evidence_line"),
    "measure_name": ("施策名", "measure_name"),
    "ministries": ("担当府省庁", "ministries"),
    "section": ("分野", "section"),
    "previous_actual": ("前回実績", "previous_actual"),
    "previous_status": ("前回判定", "previous_status"),
    "delta": ("増減", "delta"),
    "movement": ("動き", "movement"),
    "no": ("施策No.", "no"),
    "name": ("施策名", "name"),
    "grade": ("評価区分", "grade"),
    "target_text": ("目標及び達成の期間", "target_text"),
    "line": ("行", "line"),
    "indicators": ("指標数", "indicators"),
}

INDICATOR_COLUMNS = (
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
    "attainment",
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
YOY_COLUMNS = ("previous_actual", "previous_status", "delta", "movement")
MEASURE_COLUMNS = (
    "no",
    "name",
    "section",
    "ministries",
    "status",
    "grade",
    "indicators",
    "target_text",
    "reason",
    "line",
)


def column_name(key: str, lang: str) -> str:
    ja, en = COLUMN_NAMES[key]
    return ja if lang == "ja" else en


def indicator_columns(data: ScorecardData) -> tuple[str, ...]:
    """The indicator columns; with a previous report, its value and the movement too."""
    return INDICATOR_COLUMNS + (YOY_COLUMNS if "year_over_year" in data else ())


def indicator_rows(data: ScorecardData, lang: str, dates: str = "iso") -> list[dict[str, Any]]:
    """One row per indicator of a scorecard dict, keyed by ``indicator_columns``; dates as ISO
    strings, or as 令和8年3月31日 for ``dates="wareki"`` (CSV; xlsx keeps real dates)."""
    measures = {m["no"]: m for m in data["measures"]}
    return [indicator_row(ind, measures[ind["measure"]], lang, dates) for ind in data["indicators"]]


def indicator_row(
    ind: IndicatorData, m: MeasureData, lang: str, dates: str = "iso"
) -> dict[str, Any]:
    """The row of one indicator of measure ``m`` (see ``indicator_rows``)."""
    day = (lambda d: d) if dates == "iso" else (lambda d: None if d is None else wareki_date_of(d))
    period = ind["period"]
    evidence = ind["evidence"]
    prev = ind.get("previous")
    return {
        **ind,
        "status": status_text(ind["status"], False, lang),
        "deadline": day(ind["deadline"]),
        "period_start": day(period["start"]) if period else None,
        "period_end": day(period["end"]) if period else None,
        "period_text": period["text"] if period else None,
        "evidence_text": evidence["text"] if evidence else None,
        "evidence_line": evidence["line"] if evidence else None,
        "measure_name": m["name"],
        "ministries": " ".join(m["ministries"]),
        "section": " > ".join(m["section"]),
        "previous_actual": prev["actual"] if prev else None,
        "previous_status": (status_text(prev["status"], prev["overdue"], lang) if prev else None),
        "movement": movement_label(ind, lang) if "movement" in ind else None,
    }


def measure_rows(data: ScorecardData, lang: str) -> list[dict[str, Any]]:
    """One row per measure of a scorecard dict, keyed by ``MEASURE_COLUMNS``."""
    return [
        {
            **m,
            "section": " > ".join(m["section"]),
            "ministries": " ".join(m["ministries"]),
            "status": status_text(m["status"], False, lang),
            "indicators": len(m["indicators"]),
        }
        for m in data["measures"]
    ]
