"""``--format html``: one self-contained page (no network, no CDN), escaped, printable.

Headline counts, status charts by section and by ministry as inline SVG, and per indicator a
progress bar with the evidence. Filters by ministry and status run in a few lines of inline
script; without script every row simply stays visible. Status is told by text and symbol as
well as colour.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..scorecard import scorecard_dict
from ..vocabulary import Status
from .text import (
    MARKS,
    actual_text,
    labels,
    missed,
    period_text,
    status_text,
    target_text,
    verdict,
)

ORDER = tuple(Status)
COLOURS = {
    Status.ACHIEVED: "#1a7f37",
    Status.ON_TRACK: "#0969da",
    Status.BEHIND: "#cf222e",
    Status.NOT_MEASURABLE: "#8c959f",
}

CSS = """
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;margin:1rem auto;
max-width:1200px;padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.meta{color:#59636e;font-size:.9rem}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.card{border:2px solid #d0d7de;border-radius:8px;padding:.5rem .9rem;min-width:7rem}
.card b{display:block;font-size:1.6rem}
.achieved{border-color:#1a7f37}.on_track{border-color:#0969da}.behind{border-color:#cf222e}
.not_measurable{border-color:#8c959f;border-style:dashed}
.badge{display:inline-block;padding:0 .4rem;border-radius:4px;color:#fff;font-size:.85rem;
white-space:nowrap}
.badge.achieved{background:#1a7f37}.badge.on_track{background:#0969da}
.badge.behind{background:#cf222e}.badge.not_measurable{background:#6e7781}
.verdict{font-size:1.1rem;font-weight:bold}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #d0d7de;padding:.35rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}
.bar{width:8rem;height:.7rem;background:#eaeef2;border-radius:4px;position:relative}
.bar span{position:absolute;left:0;top:0;bottom:0;border-radius:4px}
.evidence{color:#59636e;font-size:.82rem}
.filters{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.charts{display:flex;flex-wrap:wrap;gap:2rem}
.charts svg{max-width:100%;height:auto}
@media (max-width:700px){table,thead,tbody,tr,td{display:block}thead{display:none}
tr{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.3rem}td{border:0}
td[data-label]::before{content:attr(data-label);display:inline-block;min-width:5.5rem;
color:#59636e;font-size:.8rem}td.num{text-align:left}}
@media print{.filters{display:none}th{position:static}body{max-width:none}}
"""

_SCRIPT = """
(function(){
var m=document.getElementById('f-ministry'),s=document.getElementById('f-status'),
n=document.getElementById('f-count');
function apply(){var mv=m.value,sv=s.value,shown=0;
document.querySelectorAll('tr[data-status]').forEach(function(r){
var ok=(!mv||r.dataset.ministries.split('|').indexOf(mv)>=0)&&(!sv||r.dataset.status===sv);
r.hidden=!ok;if(ok){shown++;}});
n.textContent=shown;
var h=[];if(mv){h.push('ministry='+encodeURIComponent(mv));}
if(sv){h.push('status='+sv);}
history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname);}
function fromHash(){location.hash.slice(1).split('&').forEach(function(p){
var kv=p.split('=');if(kv.length!==2){return;}var v=decodeURIComponent(kv[1]);
if(kv[0]==='ministry'){m.value=v;}if(kv[0]==='status'){s.value=v;}});}
m.addEventListener('change',apply);s.addEventListener('change',apply);
fromHash();apply();})();
"""


def _bar_chart(title: str, groups: list[tuple[str, dict[str, int]]], lang: str) -> str:
    """Stacked horizontal bars of indicator statuses, one per group, as inline SVG."""
    width, label_w, row_h = 640, 250, 22
    height = row_h * len(groups) + 40
    total_max = max((sum(c.values()) for _, c in groups), default=1) or 1
    parts = [
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for row, (name, counts) in enumerate(groups):
        y = row * row_h + 4
        short = name if len(name) <= 18 else name[:17] + "…"
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="12"><title>{escape(name)}</title>'
            f"{escape(short)}</text>"
        )
        x = float(label_w)
        for status in ORDER:
            n = counts.get(status, 0)
            if not n:
                continue
            w = (width - label_w - 10) * n / total_max
            dashed = status is Status.NOT_MEASURABLE
            dash = ' stroke="#57606a" stroke-dasharray="3 2"' if dashed else ""
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{COLOURS[status]}"{dash}><title>{escape(name)}: '
                f"{escape(status_text(status, False, lang))} {n}</title></rect>"
            )
            if w > 14:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 13}" font-size="11" fill="#fff" '
                    f'text-anchor="middle">{n}</text>'
                )
            x += w
    legend_y = height - 12
    x = 0
    for status in ORDER:
        parts.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS[status]}"/>'
            f'<text x="{x + 16}" y="{legend_y}" font-size="12">{MARKS[status]} '
            f"{escape(status_text(status, False, lang))}</text>"
        )
        x += 140
    parts.append("</svg>")
    return "".join(parts)


def _progress_bar(ind: dict[str, Any]) -> str:
    p = ind.get("progress")
    if p is None:
        return ""
    share = max(0.0, min(1.0, float(p)))
    colour = COLOURS[ind["status"]]
    return (
        f'<div class="bar" role="img" aria-label="{share * 100:.0f}%">'
        f'<span style="width:{share * 100:.0f}%;background:{colour}"></span></div>'
        f"<small>{float(p) * 100:.0f}%</small>"
    )


def _badge(status: str, overdue: bool, lang: str) -> str:
    return (
        f'<span class="badge {status}">{MARKS[status]} '
        f"{escape(status_text(status, overdue, lang))}</span>"
    )


MISSED_COLUMNS = ("no", "indicator", "target", "actual", "period", "deadline", "status")
ALL_COLUMNS = (
    "no",
    "name",
    "indicator",
    "target",
    "actual",
    "period",
    "deadline",
    "progress",
    "status",
    "evidence",
)
_CELL_CLASS = {
    "no": "num",
    "actual": "num",
    "previous": "num",
    "current": "num",
    "delta": "num",
    "deadline": "date",
    "evidence": "evidence",
}


def table_head(columns: tuple[str, ...], L: dict[str, str]) -> str:
    return (
        "<table><thead><tr>"
        + "".join(f"<th>{L[c]}</th>" for c in columns)
        + ("</tr></thead><tbody>")
    )


def table_row(
    attrs: str, columns: tuple[str, ...], L: dict[str, str], cells: dict[str, str]
) -> str:
    """One table row; each cell names its column (data-label) for the card layout on phones."""
    tds = "".join(
        f'<td class="{_CELL_CLASS.get(c, "")}" data-label="{L[c]}">{cells.get(c, "—")}</td>'
        for c in columns
    )
    return f"<tr{attrs}>{tds}</tr>"


def _indicator_cells(i: dict[str, Any], _: str, lang: str, L: dict[str, str]) -> dict[str, str]:
    ev = i["evidence"]
    evidence = f"「{escape(ev['text'])}」 ({L['line']} {ev['line']})" if ev else ""
    return {
        "no": str(i["measure"]),
        "indicator": escape(i["label"]),
        "target": escape(target_text(i, lang)),
        "actual": escape(actual_text(i)),
        "period": escape(period_text(i)),
        "deadline": i["deadline"] or "—",
        "progress": _progress_bar(i),
        "status": _badge(i["status"], i["overdue"], lang),
        "evidence": f"{evidence}<br>{escape(i['reason'])}" if evidence else escape(i["reason"]),
    }


def render(card: Any, lang: str = "ja") -> str:
    data = scorecard_dict(card)
    L = labels(lang)
    report = data["report"]
    summary = data["summary"]
    inds = data["indicators"]
    by_id = {i["id"]: i for i in inds}
    behind = missed(data)
    sections: dict[str, dict[str, int]] = {}
    ministries: dict[str, dict[str, int]] = {}
    for m in data["measures"]:
        sec = m["section"][0] if m["section"] else "—"
        for ind_id in m["indicators"]:
            status = by_id[ind_id]["status"]
            sections.setdefault(sec, {}).setdefault(status, 0)
            sections[sec][status] += 1
            for name in m["ministries"]:
                ministries.setdefault(name, {}).setdefault(status, 0)
                ministries[name][status] += 1
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"ja" if lang == "ja" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(L['title'])}: {escape(str(report['title']))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(L['title'])}: {escape(str(report['title']))}</h1>",
        f'<p class="meta">{escape(str(report["plan"]))} — {L["as_of"]} {report["as_of"]} — '
        f"{L['source']} {escape(str(report['source']))} (sha256 {report['sha256'][:12]})</p>",
        f'<p class="verdict">{escape(verdict(behind, lang))}</p>',
        '<div class="cards">',
        f'<div class="card"><b>{summary["measures"]}</b>{L["measures"]}</div>',
        f'<div class="card"><b>{summary["indicators"]}</b>{L["indicators"]}</div>',
    ]
    for status in ORDER:
        out.append(
            f'<div class="card {status}"><b>{summary[status]}</b>{MARKS[status]} '
            f"{escape(status_text(status, False, lang))}</div>"
        )
    out.append("</div>")
    out.append('<div class="charts">')
    out.append(f"<section><h2>{L['by_section']}</h2>")
    out.append(_bar_chart(L["by_section"], list(sections.items()), lang))
    out.append(f"</section><section><h2>{L['by_ministry']}</h2>")
    ministry_rows = sorted(ministries.items(), key=lambda kv: -sum(kv[1].values()))
    out.append(_bar_chart(L["by_ministry"], ministry_rows, lang))
    out.append("</section></div>")
    rows = sum(max(1, len(m["indicators"])) for m in data["measures"])
    all_ministries = sorted({n for m in data["measures"] for n in m["ministries"]})
    out.append('<div class="filters">')
    out.append(
        f'<label>{L["filter_ministry"]} <select id="f-ministry"><option value="">'
        f"{L['everything']}</option>"
        + "".join(f'<option value="{escape(n)}">{escape(n)}</option>' for n in all_ministries)
        + "</select></label>"
    )
    out.append(
        f'<label>{L["filter_status"]} <select id="f-status"><option value="">{L["everything"]}'
        "</option>"
        + "".join(
            f'<option value="{s}">{escape(status_text(s, False, lang))}</option>' for s in ORDER
        )
        + "</select></label></div>"
    )
    if behind:
        out.append(f"<h2>{escape(L['missed'])}</h2>")
        out.append(table_head(MISSED_COLUMNS, L))
        for i in behind:
            out.append(table_row("", MISSED_COLUMNS, L, _indicator_cells(i, "", lang, L)))
        out.append("</tbody></table>")
    out.append(f'<h2>{L["all"]} (<span id="f-count">{rows}</span> {L["rows"]})</h2>')
    out.append(table_head(ALL_COLUMNS, L))
    for m in data["measures"]:
        attrs = f' data-ministries="{escape("|".join(m["ministries"]))}"'
        head = {
            "no": str(m["no"]),
            "name": f'{escape(m["name"])}<div class="evidence">'
            f"{escape('、'.join(m['ministries']))}</div>",
        }
        if not m["indicators"]:
            cells = {
                **head,
                "indicator": "—",
                "target": L["no_indicator"],
                "status": _badge(m["status"], False, lang),
                "evidence": escape(m["reason"] or ""),
            }
            out.append(table_row(f' data-status="{m["status"]}"{attrs}', ALL_COLUMNS, L, cells))
            continue
        for ind_id in m["indicators"]:
            i = by_id[ind_id]
            cells = {**head, **_indicator_cells(i, "", lang, L)}
            out.append(table_row(f' data-status="{i["status"]}"{attrs}', ALL_COLUMNS, L, cells))
    out.append("</tbody></table>")
    out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
