"""Renderings of ``compare``: JSON, Markdown and HTML, the counts first, the worst first.

Each row shows the old and new value, the change (absolute and %), progress toward the target
old → new, the status old → new, and the movement of the value (see ``kpi_tracker.judge.compare``).
The HTML page (``templates/compare.html``) shares the scorecard's style and adds a slope chart
of 達成率 (attainment) old → new that reads without hovering: only the indicators whose status
changed or whose value crossed the target line, each line labelled at both ends (measure no.,
short label, 達成率), the regressions first and in colour, the rest muted; on a phone, a table
of the same lines instead.
"""

from __future__ import annotations

from typing import Any

from ..judge.compare import MOVEMENTS
from ..shape import ChangeData, CompareData, SideData
from .attain import attainment
from .json_ import dumps
from .svgtext import shorten, spread, text_width
from .text import (
    MOVEMENT_HELP,
    delta_text,
    escape,
    labels,
    md_cell,
    movement_counts,
    movement_label,
    movement_text,
    number,
    progress_text,
    status_text,
)

COLUMNS = ("no", "indicator", "previous", "current", "delta", "attainment", "status", "movement")
MOVEMENT_COLOURS = {
    "missed_now": "#cf222e",
    "worsened": "#cf222e",
    "deadline_passed": "#9a6700",
    "met_now": "#1a7f37",
    "improved": "#1a7f37",
    "new": "#0969da",
    "dropped": "#6e7781",
    "unchanged": "#8c959f",
}


def _value(side: SideData | None) -> str:
    if side is None or side["actual"] is None:
        return "—"
    return f"{number(side['actual'])}{side['unit']}"


def _status(side: SideData | None, lang: str) -> str:
    return "—" if side is None else status_text(side["status"], side["overdue"], lang)


def _cells(c: ChangeData, lang: str) -> dict[str, str]:
    """The text of each column of one change (not escaped)."""
    old, new = c["old"], c["new"]
    side = new or old
    assert side is not None  # a change has at least one side
    unit = side["unit"]
    return {
        "no": str(c["measure"]),
        "indicator": c["label"],
        "previous": _value(old),
        "current": _value(new),
        "delta": delta_text(c["delta"], c["delta_pct"], unit, lang),
        "attainment": f"{progress_text(old and old['attainment'])} → "
        f"{progress_text(new and new['attainment'])}",
        "status": f"{_status(old, lang)} → {_status(new, lang)}",
        "movement": movement_label(c, lang),
    }


def render(data: CompareData, fmt: str, lang: str = "ja") -> str:
    if fmt == "json":
        return dumps(data)
    if fmt == "html":
        return _html(data, lang)
    return _markdown(data, lang)


def _markdown(data: CompareData, lang: str) -> str:
    L = labels(lang)
    old, new = data["old"], data["new"]
    counts = data["summary"]["movement"]
    lines = [
        f"# {L['compare_title']}: {md_cell(old['title'])} → {md_cell(new['title'])}",
        "",
        f"**{movement_counts(counts, lang) or movement_text('unchanged', lang)}**",
        "",
        "| " + " | ".join(movement_text(m, lang) for m in MOVEMENTS) + " |",
        "|" + "---:|" * len(MOVEMENTS),
        "| " + " | ".join(str(counts[m]) for m in MOVEMENTS) + " |",
        "",
        "| " + " | ".join(L[c] for c in COLUMNS) + " |",
        "|---:|---|---:|---:|---:|---|---|---|",
    ]
    for c in data["changes"]:
        cells = _cells(c, lang)
        lines.append("| " + " | ".join(md_cell(cells[k]) for k in COLUMNS) + " |")
    lines += ["", *(f"- {md_cell(t)}" for t in MOVEMENT_HELP[lang].values())]
    return "\n".join(lines) + "\n"


HTML_COLUMNS = (
    "no",
    "indicator",
    "previous",
    "current",
    "delta",
    "attainment",
    "status",
    "movement",
)
REGRESSIONS = ("missed_now", "worsened")  # a value that moved away, or a target newly missed


def _side_attainment(c: ChangeData, side: SideData | None) -> float | None:
    """達成率 of one side. A side does not carry its comparator: whether lower is better is
    read from the change (a rise that moved away from the target)."""
    if side is None:
        return None
    if "attainment" in side:
        value: Any = side.get("attainment")
        return None if value is None else float(value)
    # NOTE: with no change in value the direction is unknown; higher-is-better is assumed,
    # which only matters for an unchanged value drawn because its status changed.
    delta = c["delta"]
    lower = delta is not None and delta != 0 and (delta > 0) == (c["direction"] == "away")
    return attainment({**side, "comparator": "<=" if lower else ">="})


def _attainments(c: ChangeData) -> tuple[float, float] | None:
    before, after = _side_attainment(c, c["old"]), _side_attainment(c, c["new"])
    if before is None or after is None:
        return None
    return before, after


def drawn(changes: list[ChangeData]) -> list[tuple[ChangeData, float, float]]:
    """The lines of the slope chart: indicators with 達成率 on both sides whose status changed,
    that crossed the target line (100 %) or whose value moved away from the target
    (regressions, drawn first), then by measure."""
    out = []
    for c in changes:
        pair = _attainments(c)
        if pair is None:
            continue
        old, new = c["old"], c["new"]
        assert old is not None and new is not None
        crossed = (pair[0] >= 1) != (pair[1] >= 1)
        changed = old["status"] != new["status"] or old["overdue"] != new["overdue"]
        if changed or crossed or c["movement"] in REGRESSIONS:
            out.append((c, *pair))
    out.sort(key=lambda t: (t[0]["movement"] not in REGRESSIONS, t[0]["measure"]))
    return out


def _html(data: CompareData, lang: str) -> str:
    from .templating import markup, page, words

    L = words(lang)
    counts = data["summary"]["movement"]
    lines = drawn(data["changes"])
    rows = []
    for c in data["changes"]:
        cells: dict[str, Any] = dict(_cells(c, lang))
        pair = (_side_attainment(c, c["old"]), _side_attainment(c, c["new"]))
        cells["attainment"] = f"{progress_text(pair[0])} → {progress_text(pair[1])}"
        cells["movement_class"] = c["movement"]
        cells["attrs"] = {"data-movement": c["movement"]}
        rows.append(cells)
    return page(
        "compare.html",
        lang=lang,
        dates="iso",
        L=L,
        old=data["old"],
        new=data["new"],
        verdict=movement_counts(counts, lang),
        cards=[
            {"text": movement_text(m, lang), "count": counts[m], "colour": MOVEMENT_COLOURS[m]}
            for m in MOVEMENTS
            if counts[m]
        ],
        movement_colours=MOVEMENT_COLOURS,
        slope=markup(slope_chart(lines, lang)) if lines else None,
        slope_rows=[
            {
                "no": c["measure"],
                "indicator": c["label"],
                "previous": progress_text(before),
                "current": progress_text(after),
                "movement": movement_label(c, lang),
                "movement_class": c["movement"],
            }
            for c, before, after in lines
        ],
        every=any(c["movement"] == "unchanged" for c in data["changes"]),
        columns=HTML_COLUMNS,
        rows=rows,
        help=list(MOVEMENT_HELP[lang].values()),
    )


SLOPE_CAP = 1.5  # 達成率 above 150% is drawn at the top edge
FONT = 13  # px, in the chart's own units
GAP = 17  # px between two labels on one side


def _shares(c: ChangeData) -> tuple[float, float] | None:
    """The old and the new share of the target, when both sides have one."""
    old, new = c["old"], c["new"]
    if old is None or new is None or old["attainment"] is None or new["attainment"] is None:
        return None
    return old["attainment"], new["attainment"]


def _label(c: ChangeData, share: float, room: float, left: bool) -> str:
    """``24 いじめの問題に… 97%`` (left end) or ``97% 24 いじめの問題に…`` (right end)."""
    no, pct = f"{c['measure']}", progress_text(share)
    fixed = text_width(f"{no}  {pct}", FONT)
    name = shorten(c["label"], FONT, room - fixed)
    return f"{no} {name} {pct}" if left else f"{pct} {no} {name}"


def slope_chart(lines: list[tuple[ChangeData, float, float]], lang: str) -> str:
    """Old → new 達成率 of each line, as inline SVG; every line named at both ends."""
    from .templating import words

    L = words(lang)
    room = 270.0  # for the labels on each side
    left, right = room + 20, room + 20 + 220
    width = right + room + 20
    top = 30
    bottom = top + max(260, GAP * len(lines) + 10)
    height = bottom + 28

    def y(share: float) -> float:
        share = max(0.0, min(SLOPE_CAP, share))
        return bottom - (bottom - top) * share / SLOPE_CAP

    title = escape(L["slope_attainment"])
    parts = [
        f'<svg class="slope" role="img" aria-label="{title}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-size="{FONT}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{title}</title>",
    ]
    for share in (0, 0.5, 1.0, 1.5):
        yy = y(share)
        dash = "" if share == 1.0 else ' stroke-dasharray="2 4"'
        colour = "#1f2328" if share == 1.0 else "#d0d7de"
        tick = f"{share * 100:.0f}%" + (f" {L['target_line']}" if share == 1.0 else "")
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{colour}"{dash}/>'
            f'<text x="{(left + right) / 2}" y="{yy - 3:.1f}" text-anchor="middle" '
            f'fill="#59636e">{escape(tick)}</text>'
        )
    parts.append(
        f'<text x="{left}" y="{height - 8}" text-anchor="middle">{escape(L["previous"])}</text>'
        f'<text x="{right}" y="{height - 8}" text-anchor="middle">{escape(L["current"])}</text>'
    )
    order0 = sorted(range(len(lines)), key=lambda n: y(lines[n][1]))
    order1 = sorted(range(len(lines)), key=lambda n: y(lines[n][2]))
    at0 = dict(zip(order0, spread([y(lines[n][1]) for n in order0], GAP, top, bottom), strict=True))
    at1 = dict(zip(order1, spread([y(lines[n][2]) for n in order1], GAP, top, bottom), strict=True))
    for n, (c, before, after) in enumerate(lines):
        y0, y1 = y(before), y(after)
        regression = c["movement"] in REGRESSIONS
        colour = MOVEMENT_COLOURS[c["movement"]] if regression else "#8c959f"
        weight = "bold" if regression else "normal"
        tip = (
            f"{c['measure']} {c['label']}: {progress_text(before)} → "
            f"{progress_text(after)} ({movement_label(c, lang)})"
        )
        parts.append(
            f'<g data-movement="{c["movement"]}"><title>{escape(tip)}</title>'
            f'<line x1="{left}" y1="{y0:.1f}" x2="{right}" y2="{y1:.1f}" stroke="{colour}" '
            f'stroke-width="{3 if regression else 1.5}"/>'
            f'<circle cx="{left}" cy="{y0:.1f}" r="3.5" fill="{colour}"/>'
            f'<circle cx="{right}" cy="{y1:.1f}" r="3.5" fill="{colour}"/>'
            f'<line x1="{left - 3}" y1="{y0:.1f}" x2="{left - 10}" y2="{at0[n]:.1f}" '
            f'stroke="{colour}" stroke-width="0.8"/>'
            f'<line x1="{right + 3}" y1="{y1:.1f}" x2="{right + 10}" y2="{at1[n]:.1f}" '
            f'stroke="{colour}" stroke-width="0.8"/>'
            f'<text x="{left - 12}" y="{at0[n] + 4:.1f}" text-anchor="end" fill="{colour}" '
            f'font-weight="{weight}">{escape(_label(c, before, room, True))}</text>'
            f'<text x="{right + 12}" y="{at1[n] + 4:.1f}" fill="{colour}" '
            f'font-weight="{weight}">{escape(_label(c, after, room, False))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
