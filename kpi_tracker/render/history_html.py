"""``history --format html``: the stored series as pictures, one self-contained page.

For each plan, the status counts of every stored report (one stacked column per fiscal year);
for each indicator, a small chart of its values across the reports, with the target as a
dashed line and the deadline as a vertical one, each point coloured by its status, the unit
in the card's title. No label runs past its chart's box (``svgtext``); an indicator without any
value gets no card (a count says how many were left out). Inline SVG in
``templates/history.html``, the scorecard's style: no network, no script.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Status
from .html import COLOURS
from .svgtext import fit_x
from .text import escape, labels, number, status_text

ORDER = tuple(Status)
FONT = 12  # px, in each chart's own units


def _when(row: dict[str, Any]) -> date | None:
    """Where a value stands on the time axis: its period's end, else the report's date."""
    text = row.get("period_end") or row.get("as_of")
    return date.fromisoformat(text) if text else None


def _year_label(d: date) -> str:
    return f"{d.year}-{d.month:02d}"


def _text(
    x: float, y: float, text: str, box: float, anchor: str = "middle", extra: str = ""
) -> str:
    """A label at ``(x, y)``, moved sideways where it would run past the box's edge."""
    x = fit_x(x, text, FONT, anchor, box)
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def indicator_chart(rows: list[dict[str, Any]], lang: str) -> str:
    """One indicator's values across reports, with its target and deadline, as inline SVG."""
    from .svgtext import text_width

    L = labels(lang)
    first = rows[-1]
    seen: dict[tuple[date, float], int] = {}
    points: list[tuple[date, float, dict[str, Any]]] = []
    for r in rows:
        if r["actual"] is None or not (w := _when(r)):
            continue
        key = (w, float(r["actual"]))
        if key in seen:  # NOTE: a later report restating the same value: one point, the latest
            points[seen[key]] = (w, key[1], r)
            continue
        seen[key] = len(points)
        points.append((w, key[1], r))
    deadline = date.fromisoformat(first["deadline"]) if first.get("deadline") else None
    target = first.get("target")
    if not points:
        return f'<p class="meta">{L["no_values"]}</p>'
    days = [w for w, _, _ in points] + ([deadline] if deadline else [])
    values = [v for _, v, _ in points] + ([float(target)] if target is not None else [])
    lo_day, hi_day = min(days), max(days)
    span = max(1, (hi_day - lo_day).days)
    # The axis spans zero and every value (negative ones included), with a tenth of room above.
    low_value = min(0.0, min(values))
    axis_labels = [number(low_value)] + ([number(target)] if target is not None else [])
    width, height, top, bottom = 320, 150, 16, 118
    left = max(40.0, max(text_width(t, FONT) for t in axis_labels) + 10)
    right = width - 24.0
    high = max(0.0, max(values))
    top_value = high + 0.1 * (high - low_value) if high > low_value else low_value + 1.0

    def x(d: date) -> float:
        if lo_day == hi_day:
            return (left + right) / 2
        return left + (right - left) * (d - lo_day).days / span

    def y(v: float) -> float:
        return bottom - (bottom - top) * (v - low_value) / (top_value - low_value)

    parts = [
        f'<svg class="spark" role="img" aria-label="{escape(first["label"])}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="{FONT}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(first['label'])}</title>",
        f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#d0d7de"/>',
    ]
    if target is None or bottom - y(float(target)) > 14:  # no label over the target's
        parts.append(_text(left - 4, bottom + 4, number(low_value), width, "end"))
    if target is not None:
        ty = y(float(target))
        parts.append(
            f'<line class="target" x1="{left}" x2="{right}" y1="{ty:.1f}" y2="{ty:.1f}" '
            'stroke="#1f2328" stroke-dasharray="5 3"/>'
            + _text(left - 4, ty + 4, number(target), width, "end")
        )
    if deadline is not None:
        dx = x(deadline)
        parts.append(
            f'<line class="deadline" x1="{dx:.1f}" x2="{dx:.1f}" y1="{top}" y2="{bottom}" '
            'stroke="#9a6700" stroke-dasharray="2 2"/>'
            + _text(
                dx,
                height - 4,
                f"{L['deadline']} {_year_label(deadline)}",
                width,
                extra=' fill="#9a6700"',
            )
        )
    if len(points) > 1:
        line = " ".join(f"{x(w):.1f},{y(v):.1f}" for w, v, _ in points)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#57606a" stroke-width="1.5"/>')
    last_end = -1e9  # where the previous value label ended: a close one goes below its point
    for w, v, r in points:
        tip = (
            f"{r['fiscal_year'] or '—'}: {number(v)}{r['unit']} "
            f"{status_text(r['status'], r['overdue'], lang)}"
        )
        label = number(v)
        half = text_width(label, FONT) / 2
        below = x(w) - half < last_end + 4
        if target is not None and not below:  # clear of the target's axis label
            ty = y(float(target))
            axis_end = left - 4
            below = x(w) - half < axis_end + 2 and abs((y(v) - 7) - (ty + 4)) < FONT + 2
        last_end = x(w) + half
        parts.append(
            f'<circle class="point" cx="{x(w):.1f}" cy="{y(v):.1f}" r="4" '
            f'fill="{COLOURS[r["status"]]}"><title>{escape(tip)}</title></circle>'
            + _text(
                x(w), min(bottom - 2, y(v) + 16) if below else max(FONT, y(v) - 7), label, width
            )
            + _text(x(w), bottom + 14, _year_label(w), width)
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
        f'width="{width}" height="{height}" font-size="{FONT}" '
        'xmlns="http://www.w3.org/2000/svg">',
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
                    f'fill="#fff">{count}</text>'
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


def render(rows: list[dict[str, Any]], lang: str = "ja", dates: str | None = None) -> str:
    from .templating import markup, page, words
    from .wording import wording

    dates = wording(lang, dates).dates
    by_plan: dict[str, list[dict[str, Any]]] = {}
    by_indicator: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for r in rows:
        by_plan.setdefault(r.get("plan") or "—", []).append(r)
        by_indicator.setdefault((r["measure"], r["indicator"]), []).append(r)
    cards = []
    empty = 0
    for (measure, _), series in sorted(by_indicator.items(), key=lambda kv: kv[0]):
        if all(r["actual"] is None for r in series):
            empty += 1  # NOTE: a card saying 「数値なし」 tells nothing; it is counted instead
            continue
        latest = series[-1]
        cards.append(
            {
                "indicator": latest["indicator"],
                "measure": measure,
                "label": latest["label"],
                "unit": latest.get("unit") or "",
                "chart": markup(indicator_chart(series, lang)),
            }
        )
    return page(
        "history.html",
        lang=lang,
        dates=dates,
        L=words(lang),
        plans=[
            (plan, markup(plan_chart(plan, plan_rows, lang))) for plan, plan_rows in by_plan.items()
        ],
        cards=cards,
        empty=empty,
        any_rows=bool(rows),
    )
