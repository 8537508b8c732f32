"""Renderings of ``compare``: JSON, Markdown and HTML, the counts first, the worst first.

Each row shows the old and new value, the change (absolute and %), progress toward the target
old → new, the status old → new, and the movement of the value (see ``kpi_tracker.judge.compare``).
The HTML page shares the scorecard's style and adds a slope chart: per indicator its share of
the target in the old and the new report.
"""

from __future__ import annotations

from html import escape

from ..judge.compare import MOVEMENTS
from ..shape import ChangeData, CompareData, SideData
from .html import CSS, table_head, table_row
from .json_ import dumps
from .text import (
    MOVEMENT_HELP,
    delta_text,
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


_COMPARE_CSS = (
    ".badge.mv{color:#fff}"
    + "".join(f".mv-{m}{{background:{c}}}" for m, c in MOVEMENT_COLOURS.items())
    + ".slope text{font-size:15px}svg.slope{max-width:100%;height:auto}"
)


def _html(data: CompareData, lang: str) -> str:
    L = labels(lang)
    old, new = data["old"], data["new"]
    counts = data["summary"]["movement"]
    title = f"{L['compare_title']}: {old['title']} → {new['title']}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"ja" if lang == "ja" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}{_COMPARE_CSS}</style></head><body>",
        f"<h1>{escape(L['compare_title'])}</h1>",
        f'<p class="meta">{escape(str(old["title"]))} ({old["as_of"]}) → '
        f"{escape(str(new['title']))} ({new['as_of']})</p>",
        f'<p class="verdict">{escape(movement_counts(counts, lang))}</p>',
        '<div class="cards">',
    ]
    for m in (m for m in MOVEMENTS if counts[m]):
        out.append(
            f'<div class="card mv-border" style="border-color:{MOVEMENT_COLOURS[m]}">'
            f"<b>{counts[m]}</b>{escape(movement_text(m, lang))}</div>"
        )
    out.append("</div>")
    out.append(f"<section><h2>{escape(L['slope'])}</h2>")
    out.append(slope_chart(data["changes"], lang))
    out.append("</section>")
    every = any(c["movement"] == "unchanged" for c in data["changes"])
    out.append(f"<h2>{escape(L['details' if every else 'changes'])}</h2>")
    out.append(table_head(COLUMNS, L))
    for c in data["changes"]:
        cells = {k: escape(v) for k, v in _cells(c, lang).items()}
        cells["movement"] = f'<span class="badge mv mv-{c["movement"]}">{cells["movement"]}</span>'
        out.append(table_row(f' data-movement="{c["movement"]}"', COLUMNS, L, cells))
    out.append("</tbody></table>")
    out.append(
        '<ul class="meta">'
        + "".join(f"<li>{escape(t)}</li>" for t in MOVEMENT_HELP[lang].values())
        + "</ul>"
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"


SLOPE_CAP = 1.5  # shares above 150% of the target are drawn at the top edge


def _shares(c: ChangeData) -> tuple[float, float] | None:
    """The old and the new share of the target, when both sides have one."""
    old, new = c["old"], c["new"]
    if old is None or new is None or old["attainment"] is None or new["attainment"] is None:
        return None
    return old["attainment"], new["attainment"]


def slope_chart(changes: list[ChangeData], lang: str) -> str:
    """Old → new share of the target per indicator, as inline SVG. Indicators without a
    share on both sides are left out; unchanged ones are drawn first, in grey."""
    L = labels(lang)
    pairs = [(c, shares) for c in changes if (shares := _shares(c)) is not None]
    pairs.sort(key=lambda pair: pair[0]["movement"] != "unchanged")
    width, height, top, bottom, left, right = 480, 340, 24, 300, 70, 410

    def y(share: float) -> float:
        share = max(0.0, min(SLOPE_CAP, share))
        return bottom - (bottom - top) * share / SLOPE_CAP

    parts = [
        f'<svg class="slope" role="img" aria-label="{escape(L["slope"])}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(L['slope'])}</title>",
    ]
    for share in (0, 0.5, 1.0, 1.5):
        yy = y(share)
        dash = "" if share == 1.0 else ' stroke-dasharray="2 4"'
        colour = "#1f2328" if share == 1.0 else "#d0d7de"
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{colour}"{dash}/>'
            f'<text x="{left - 8}" y="{yy + 5:.1f}" text-anchor="end">{share * 100:.0f}%</text>'
        )
    parts.append(
        f'<text x="{right + 6}" y="{y(1.0) + 5:.1f}">{escape(L["target_line"])}</text>'
        f'<text x="{left}" y="{height - 8}" text-anchor="middle">{escape(L["previous"])}</text>'
        f'<text x="{right}" y="{height - 8}" text-anchor="middle">{escape(L["current"])}</text>'
    )
    for c, (before, after) in pairs:
        y0, y1 = y(float(before)), y(float(after))
        colour = MOVEMENT_COLOURS[c["movement"]]
        tip = (
            f"{c['measure']} {c['label']}: {progress_text(before)} → "
            f"{progress_text(after)} ({movement_label(c, lang)})"
        )
        parts.append(
            f'<g data-movement="{c["movement"]}"><title>{escape(tip)}</title>'
            f'<line x1="{left}" y1="{y0:.1f}" x2="{right}" y2="{y1:.1f}" stroke="{colour}" '
            'stroke-width="2" stroke-opacity="0.8"/>'
            f'<circle cx="{left}" cy="{y0:.1f}" r="3.5" fill="{colour}"/>'
            f'<circle cx="{right}" cy="{y1:.1f}" r="3.5" fill="{colour}"/></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
