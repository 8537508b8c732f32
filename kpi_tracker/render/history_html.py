"""``history --format html``: the stored series as pictures, one self-contained page.

For each plan, the status counts of every stored report (one stacked column per fiscal year);
for each indicator, a small chart of its values across the reports, with the target as a
dashed line and the deadline as a vertical one, each point coloured by its status. Inline SVG
and the scorecard's style: no network, no script.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Status
from .html import COLOURS, CSS
from .text import escape, labels, number, status_text

ORDER = tuple(Status)
_HISTORY_CSS = (
    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:1rem}"
    ".ind{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .6rem}"
    ".ind h3{font-size:.9rem;margin:0 0 .3rem}"
    "svg.spark,svg.plan{max-width:100%;height:auto}svg text{font-size:12px;fill:#1f2328}"
)


def _when(row: dict[str, Any]) -> date | None:
    """Where a value stands on the time axis: its period's end, else the report's date."""
    text = row.get("period_end") or row.get("as_of")
    return date.fromisoformat(text) if text else None


def _year_label(d: date) -> str:
    return f"{d.year}-{d.month:02d}"


def indicator_chart(rows: list[dict[str, Any]], lang: str) -> str:
    """One indicator's values across reports, with its target and deadline, as inline SVG."""
    L = labels(lang)
    first = rows[-1]
    points = [
        (w, float(r["actual"]), r) for r in rows if r["actual"] is not None and (w := _when(r))
    ]
    deadline = date.fromisoformat(first["deadline"]) if first.get("deadline") else None
    target = first.get("target")
    width, height, left, right, top, bottom = 320, 150, 70, 300, 14, 118
    days = [w for w, _, _ in points] + ([deadline] if deadline else [])
    values = [v for _, v, _ in points] + ([float(target)] if target is not None else [])
    if not points:
        return f'<p class="meta">{L["no_values"]}</p>'
    parts = [
        f'<svg class="spark" role="img" aria-label="{escape(first["label"])}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(first['label'])}</title>",
    ]
    lo_day, hi_day = min(days), max(days)
    span = max(1, (hi_day - lo_day).days)
    # The axis spans zero and every value (negative ones included), with a tenth of room above.
    low_value = min(0.0, min(values))
    high = max(0.0, max(values))
    top_value = high + 0.1 * (high - low_value) if high > low_value else low_value + 1.0

    def x(d: date) -> float:
        if lo_day == hi_day:
            return (left + right) / 2
        return left + (right - left) * (d - lo_day).days / span

    def y(v: float) -> float:
        return bottom - (bottom - top) * (v - low_value) / (top_value - low_value)

    parts.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#d0d7de"/>')
    if target is None or bottom - y(float(target)) > 14:  # no label over the target's
        parts.append(
            f'<text x="{left - 4}" y="{bottom + 4}" text-anchor="end">{number(low_value)}</text>'
        )
    if target is not None:
        ty = y(float(target))
        parts.append(
            f'<line class="target" x1="{left}" x2="{right}" y1="{ty:.1f}" y2="{ty:.1f}" '
            'stroke="#1f2328" stroke-dasharray="5 3"/>'
            f'<text x="{left - 4}" y="{ty + 4:.1f}" text-anchor="end">{number(target)}</text>'
        )
    if deadline is not None:
        dx = x(deadline)
        anchor = "end" if dx > right - 50 else "start" if dx < left + 50 else "middle"
        parts.append(
            f'<line class="deadline" x1="{dx:.1f}" x2="{dx:.1f}" y1="{top}" y2="{bottom}" '
            'stroke="#9a6700" stroke-dasharray="2 2"/>'
            f'<text x="{dx:.1f}" y="{height - 4}" text-anchor="{anchor}" style="fill:#9a6700">'
            f"{L['deadline']} {_year_label(deadline)}</text>"
        )
    if len(points) > 1:
        line = " ".join(f"{x(w):.1f},{y(v):.1f}" for w, v, _ in points)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#57606a" stroke-width="1.5"/>')
    for w, v, r in points:
        tip = (
            f"{r['fiscal_year'] or '—'}: {number(v)}{r['unit']} "
            f"{status_text(r['status'], r['overdue'], lang)}"
        )
        parts.append(
            f'<circle class="point" cx="{x(w):.1f}" cy="{y(v):.1f}" r="4" '
            f'fill="{COLOURS[r["status"]]}"><title>{escape(tip)}</title></circle>'
            f'<text x="{x(w):.1f}" y="{y(v) - 7:.1f}" text-anchor="middle">{number(v)}</text>'
            f'<text x="{x(w):.1f}" y="{bottom + 14}" text-anchor="middle">'
            f"{_year_label(w)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def plan_chart(plan: str, rows: list[dict[str, Any]], lang: str) -> str:
    """Status counts of each stored report of one plan: a stacked column per report."""
    reports: dict[int, dict[str, Any]] = {}
    for r in rows:
        rep = reports.setdefault(r["report"], {"year": r["fiscal_year"], "counts": {}})
        rep["counts"][r["status"]] = rep["counts"].get(r["status"], 0) + 1
    col_w, gap, left, top, bottom = 56, 28, 8, 14, 170
    width = left + len(reports) * (col_w + gap) + 150
    height = bottom + 24
    most = max(sum(rep["counts"].values()) for rep in reports.values())
    parts = [
        f'<svg class="plan" role="img" aria-label="{escape(plan)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(plan)}</title>",
    ]
    for n, rep in enumerate(reports.values()):
        x = left + n * (col_w + gap)
        y = float(bottom)
        for status in ORDER:
            count = rep["counts"].get(status, 0)
            if not count:
                continue
            h = (bottom - top) * count / most
            y -= h
            parts.append(
                f'<rect class="{status}" x="{x}" y="{y:.1f}" width="{col_w}" height="{h:.1f}" '
                f'fill="{COLOURS[status]}"><title>{rep["year"]}: '
                f"{escape(status_text(status, False, lang))} {count}</title></rect>"
            )
            if h >= 14:
                parts.append(
                    f'<text x="{x + col_w / 2}" y="{y + h / 2 + 4:.1f}" text-anchor="middle" '
                    f'style="fill:#fff">{count}</text>'
                )
        parts.append(
            f'<text x="{x + col_w / 2}" y="{bottom + 16}" text-anchor="middle">'
            f"{rep['year'] or '—'}</text>"
        )
    lx = left + len(reports) * (col_w + gap) + 4
    for n, status in enumerate(ORDER):
        ly = top + n * 20
        parts.append(
            f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{COLOURS[status]}"/>'
            f'<text x="{lx + 16}" y="{ly + 11}">{escape(status_text(status, False, lang))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render(rows: list[dict[str, Any]], lang: str = "ja") -> str:
    L = labels(lang)
    by_plan: dict[str, list[dict[str, Any]]] = {}
    by_indicator: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for r in rows:
        by_plan.setdefault(r.get("plan") or "—", []).append(r)
        by_indicator.setdefault((r["measure"], r["indicator"]), []).append(r)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"ja" if lang == "ja" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(L['history_title'])}</title>",
        f"<style>{CSS}{_HISTORY_CSS}</style></head><body>",
        f"<h1>{escape(L['history_title'])}</h1>",
    ]
    if not rows:
        out.append(f'<p class="verdict">{escape(L["no_reports"])}</p>')
    for plan, plan_rows in by_plan.items():
        out.append(f"<h2>{escape(plan)}</h2>")
        out.append(f'<p class="meta">{escape(L["status_by_year"])}</p>')
        out.append(plan_chart(plan, plan_rows, lang))
    if by_indicator:
        out.append(f"<h2>{escape(L['by_indicator'])}</h2>")
        out.append(f'<p class="meta">{escape(L["history_legend"])}</p><div class="grid">')
    for (measure, _), series in sorted(by_indicator.items(), key=lambda kv: kv[0]):
        latest = series[-1]
        out.append(
            f'<section class="ind" data-indicator="{escape(latest["indicator"])}">'
            f"<h3>{measure} {escape(latest['label'])}</h3>"
            f"{indicator_chart(series, lang)}</section>"
        )
    if by_indicator:
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
