"""``--format html``: one self-contained page (no network, no CDN), escaped, printable.

Read at a glance: the verdict, the counts and the missed targets (with their ministries) come
first, within the first screen of a 1366×768 laptop. Then status charts by section and by
ministry (HTML bars: labels are never cut, text stays legible on a phone; a click on a bar
filters), and every measure with a progress bar per indicator (actual against target, the
deadline beside it). Filters (ministry, status, section, free text) apply to every table and
are kept in the URL's ``#``; without script every row simply stays visible. Status is told by
text and a CSS shape as well as colour (no emoji: they render as empty boxes without an emoji
font). No text is smaller than 12 px.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from ..judge.scorecard import (
    Scorecard,
    indicator_dicts,
    measure_dict,
    report_dict,
    scorecard_dict,
)
from ..model import Status
from ..shape import IndicatorData, MeasureData, ScorecardData, status_counts
from .text import (
    actual_text,
    explained,
    labels,
    missed,
    missed_of,
    movement_label,
    period_text,
    previous_text,
    progress_text,
    status_text,
    target_text,
    verdict,
    yoy_headline,
)

ORDER = tuple(Status)
COLOURS = {
    Status.ACHIEVED: "#1a7f37",
    Status.ON_TRACK: "#0969da",
    Status.BEHIND: "#cf222e",
    Status.NOT_MEASURABLE: "#6e7781",
}

CSS = """
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP","Noto Sans CJK JP",Meiryo,sans-serif;
margin:.6rem auto;max-width:1280px;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.25rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.meta{color:#59636e;font-size:.8rem;margin:.1rem 0}
.verdict{font-size:1.05rem;font-weight:bold;margin:.4rem 0}
.cards{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0}
.card{border:2px solid #d0d7de;border-radius:6px;padding:.1rem .6rem;font-size:.85rem}
.card b{font-size:1.2rem;margin-right:.3rem}
.card.achieved{border-color:#1a7f37}.card.on_track{border-color:#0969da}
.card.behind{border-color:#cf222e}.card.not_measurable{border-color:#6e7781;border-style:dashed}
.badge{display:inline-block;padding:0 .4rem;border-radius:4px;color:#fff;font-size:.8rem;
white-space:nowrap;line-height:1.6}
.badge::before{content:"";display:inline-block;width:.55em;height:.55em;margin-right:.3em;
background:#fff;vertical-align:.05em}
.badge.achieved{background:#1a7f37}.badge.achieved::before{border-radius:50%}
.badge.on_track{background:#0969da}.badge.on_track::before{transform:rotate(45deg)}
.badge.behind{background:#cf222e}.badge.behind::before{height:.2em;vertical-align:.2em}
.badge.not_measurable{background:#6e7781}
.badge.not_measurable::before{background:none;border:1px solid #fff;box-sizing:border-box}
.badge.overdue{background:#82071e}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0;z-index:1}
td.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}
.bar{width:8rem;height:.7rem;background:#eaeef2;border-radius:3px;position:relative;
margin-top:.3rem}
.bar span{position:absolute;left:0;top:0;bottom:0;border-radius:3px}
.bar i{position:absolute;right:0;top:-.2rem;bottom:-.2rem;border-right:2px solid #1f2328}
small{font-size:.75rem}
.due{font-size:.75rem;color:#59636e;white-space:nowrap}.due.over{color:#82071e;font-weight:bold}
.evidence{color:#59636e;font-size:.8rem}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.5rem 0;font-size:.85rem;
align-items:center}
.filters select,.filters input{font-size:.85rem;max-width:16rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem 2rem}
.chart .crow{display:flex;flex-wrap:wrap;align-items:center;gap:.1rem .5rem;margin:.2rem 0}
.chart .clabel{flex:0 0 14rem;font-size:.8rem}
.chart .cbar{flex:1 1 8rem;display:flex;min-width:6rem}
.chart button{border:0;color:#fff;font-size:.75rem;padding:.1rem 0;cursor:pointer;min-width:1.2rem}
.chart button.achieved{background:#1a7f37}.chart button.on_track{background:#0969da}
.chart button.behind{background:#cf222e}.chart button.not_measurable{background:#6e7781}
.chart button:focus,.chart button:hover{outline:2px solid #1f2328;outline-offset:-2px}
.legend{font-size:.8rem;display:flex;gap:.6rem;flex-wrap:wrap;margin:.3rem 0}
@media (max-width:700px){body{padding:0 .6rem}
table,thead,tbody,tr,td{display:block}thead{display:none}
tr{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.3rem}td{border:0;
padding:.15rem .3rem}
td[data-label]::before{content:attr(data-label);display:inline-block;min-width:5.5rem;
color:#59636e;font-size:.8rem}td.num{text-align:left}
.chart .clabel{flex-basis:100%}}
@media print{.filters{display:none}th{position:static}body{max-width:none}}
"""

_SCRIPT = """
(function(){
var f={ministry:document.getElementById('f-ministry'),status:document.getElementById('f-status'),
section:document.getElementById('f-section'),q:document.getElementById('f-text')};
function apply(){var mv=f.ministry.value,sv=f.status.value,cv=f.section.value,
q=f.q.value.trim().toLowerCase();
document.querySelectorAll('table[data-count]').forEach(function(t){var shown=0;
t.querySelectorAll('tr[data-status]').forEach(function(r){
var ok=(!mv||r.dataset.ministries.split('|').indexOf(mv)>=0)&&(!sv||r.dataset.status===sv)
&&(!cv||r.dataset.section===cv)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
r.hidden=!ok;if(ok){shown++;}});
document.getElementById(t.dataset.count).textContent=shown;});
var h=[];['ministry','status','section','q'].forEach(function(k){
if(f[k].value){h.push(k+'='+encodeURIComponent(f[k].value));}});
history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname);}
function fromHash(){location.hash.slice(1).split('&').forEach(function(p){
var kv=p.split('=');if(kv.length!==2||!f[kv[0]]){return;}
f[kv[0]].value=decodeURIComponent(kv[1]);});}
Object.keys(f).forEach(function(k){f[k].addEventListener(k==='q'?'input':'change',apply);});
document.querySelectorAll('.chart button').forEach(function(b){
b.addEventListener('click',function(){var key=b.closest('.chart').dataset.key;
f.ministry.value='';f.section.value='';f[key].value=b.dataset.group;
f.status.value=b.dataset.status;apply();
document.getElementById('filters').scrollIntoView();});});
fromHash();apply();})();
"""


def _chart(key: str, groups: list[tuple[str, dict[str, int]]], lang: str) -> str:
    """Stacked status bars, one per group, as HTML: each segment a button that filters the
    tables to that group and status."""
    total_max = max((sum(c.values()) for _, c in groups), default=1) or 1
    out = [f'<div class="chart" data-key="{key}">']
    for name, counts in groups:
        width = 100 * sum(counts.values()) / total_max
        segments = "".join(
            f'<button type="button" class="{s}" style="flex:{counts[s]}" '
            f'data-group="{escape(name)}" data-status="{s}" '
            f'title="{escape(name)}: {escape(status_text(s, False, lang))} {counts[s]}">'
            f"{counts[s]}</button>"
            for s in ORDER
            if counts.get(s)
        )
        out.append(
            f'<div class="crow"><span class="clabel">{escape(name)}</span>'
            f'<span class="cbar"><span style="display:flex;width:{width:.0f}%">{segments}'
            "</span></span></div>"
        )
    out.append("</div>")
    return "".join(out)


def _progress_bar(ind: IndicatorData, L: dict[str, str]) -> str:
    """Actual against target (the black tick is the target), the deadline beside it."""
    p = ind.get("progress")
    due = ""
    if ind.get("deadline"):
        over = " over" if ind.get("overdue") else ""
        due = f'<span class="due{over}">{L["deadline"]} {ind["deadline"]}</span>'
    if p is None:
        return due
    share = max(0.0, min(1.0, float(p)))
    colour = COLOURS[Status(ind["status"])]
    return (
        f"<small>{progress_text(p)}</small> {due}"
        f'<div class="bar" role="img" aria-label="{progress_text(p)}">'
        f'<span style="width:{share * 100:.0f}%;background:{colour}"></span><i></i></div>'
    )


def _badge(status: str, overdue: bool, lang: str) -> str:
    over = " overdue" if overdue and status == Status.BEHIND else ""
    return f'<span class="badge {status}{over}">{escape(status_text(status, overdue, lang))}</span>'


MISSED_COLUMNS = (
    "no",
    "indicator",
    "ministries",
    "target",
    "actual",
    "period",
    "progress",
    "status",
)
ALL_COLUMNS = (
    "no",
    "name",
    "indicator",
    "target",
    "actual",
    "period",
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


def _with_yoy(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns with the previous value after the actual and the movement after the
    status."""
    out: list[str] = []
    for c in columns:
        out.append(c)
        if c == "actual":
            out.append("previous")
        if c == "status":
            out.append("movement")
    return tuple(out)


def table_head(columns: tuple[str, ...], L: dict[str, str], count_id: str | None = None) -> str:
    counted = f' data-count="{count_id}"' if count_id else ""
    return (
        f"<table{counted}><thead><tr>"
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


def _filter_attrs(status: str, measure: MeasureData) -> str:
    section = measure["section"][0] if measure["section"] else "—"
    return (
        f' data-status="{status}" data-ministries="{escape("|".join(measure["ministries"]))}"'
        f' data-section="{escape(section)}"'
    )


def _indicator_cells(i: IndicatorData, lang: str, L: dict[str, str]) -> dict[str, str]:
    ev = i["evidence"]
    evidence = f"「{escape(ev['text'])}」 ({L['line']} {ev['line']})" if ev else ""
    cells = {
        "no": str(i["measure"]),
        "indicator": escape(i["label"]),
        "target": escape(target_text(i, lang)),
        "actual": escape(actual_text(i)),
        "period": escape(period_text(i)),
        "deadline": i["deadline"] or "—",
        "progress": _progress_bar(i, L),
        "status": _badge(i["status"], i["overdue"], lang),
        "evidence": f"{evidence}<br>{escape(i['reason'])}" if evidence else escape(i["reason"]),
    }
    if "movement" in i:
        cells["previous"] = escape(previous_text(i))
        cells["movement"] = escape(movement_label(i, lang))
    return cells


def _select(ident: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    return (
        f'<label>{label} <select id="{ident}"><option value="">{everything}</option>'
        + "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
        + "</select></label>"
    )


def _counts(
    data: ScorecardData,
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Indicator statuses per top-level section and per ministry."""
    by_id = {i["id"]: i for i in data["indicators"]}
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
    return sections, ministries


def render(card: Scorecard, lang: str = "ja") -> str:
    return "".join(stream(card, lang))


def _card_counts(
    card: Scorecard,
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """``_counts`` read from the scorecard itself (no dict of every indicator)."""
    sections: dict[str, dict[str, int]] = {}
    ministries: dict[str, dict[str, int]] = {}
    for m in card.measures:
        sec = m.measure.section[0] if m.measure.section else "—"
        for o in m.outcomes:
            status = o.status
            sections.setdefault(sec, {}).setdefault(status, 0)
            sections[sec][status] += 1
            for name in m.measure.ministries:
                ministries.setdefault(name, {}).setdefault(status, 0)
                ministries[name][status] += 1
    return sections, ministries


def stream(card: Scorecard, lang: str = "ja") -> Iterator[str]:
    """The page a measure at a time. NOTE: only the missed targets (listed first) are kept;
    the rest is made as it is written. With a previous report or ``--explain``, whose parts
    need every indicator first, the scorecard dict is made whole."""
    L = labels(lang)
    pairs: Iterable[tuple[MeasureData, list[IndicatorData]]]
    if card.previous is not None or card.explain:
        data = scorecard_dict(card)
        report, summary = data["report"], data["summary"]
        by_id = {i["id"]: i for i in data["indicators"]}
        by_no = {m["no"]: m for m in data["measures"]}
        behind = missed(data)
        sections, ministries = _counts(data)
        pairs = ((m, [by_id[i] for i in m["indicators"]]) for m in data["measures"])
        headline = yoy_headline(data, lang)
        yoy = "year_over_year" in data
    else:
        data = None
        report, summary = report_dict(card), card.summary()
        behind = missed_of(indicator_dicts(card))
        wanted = {i["measure"] for i in behind}
        by_no = {m.measure.no: measure_dict(m) for m in card.measures if m.measure.no in wanted}
        sections, ministries = _card_counts(card)
        pairs = _measures(card)
        headline, yoy = None, False
    missed_columns = _with_yoy(MISSED_COLUMNS) if yoy else MISSED_COLUMNS
    all_columns = _with_yoy(ALL_COLUMNS) if yoy else ALL_COLUMNS
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
    ]
    if headline:
        out.append(f'<p class="verdict yoy">{escape(headline)}</p>')
    out.append('<div class="cards">')
    out.append(f'<div class="card"><b>{summary["measures"]}</b>{L["measures"]}</div>')
    out.append(f'<div class="card"><b>{summary["indicators"]}</b>{L["indicators"]}</div>')
    counts = status_counts(summary)
    for status in ORDER:
        out.append(
            f'<div class="card {status}"><b>{counts[status]}</b>{_badge(status, False, lang)}</div>'
        )
    out.append("</div>")
    all_ministries = sorted({n for m in card.measures for n in m.measure.ministries})
    out.append('<div class="filters" id="filters">')
    out.append(
        _select(
            "f-ministry", L["filter_ministry"], L["everything"], [(n, n) for n in all_ministries]
        )
    )
    out.append(
        _select(
            "f-status",
            L["filter_status"],
            L["everything"],
            [(s.value, status_text(s, False, lang)) for s in ORDER],
        )
    )
    out.append(
        _select("f-section", L["filter_section"], L["everything"], [(s, s) for s in sections])
    )
    out.append(
        f'<label>{L["filter_text"]} <input type="search" id="f-text" '
        f'placeholder="{L["filter_text_hint"]}"></label></div>'
    )
    if behind:
        out.append(
            f'<h2>{escape(L["missed"])} (<span id="f-count-missed">{len(behind)}</span> '
            f"{L['rows']})</h2>"
        )
        out.append(table_head(missed_columns, L, "f-count-missed"))
        for i in behind:
            m = by_no[i["measure"]]
            cells = _indicator_cells(i, lang, L)
            cells["ministries"] = escape("、".join(m["ministries"]))
            out.append(table_row(_filter_attrs(i["status"], m), missed_columns, L, cells))
        out.append("</tbody></table>")
    del behind, by_no
    out.append('<div class="charts">')
    out.append(f"<section><h2>{L['by_section']}</h2>")
    out.append(_chart("section", list(sections.items()), lang))
    out.append(f"</section><section><h2>{L['by_ministry']}</h2>")
    ministry_rows = sorted(ministries.items(), key=lambda kv: -sum(kv[1].values()))
    out.append(_chart("ministry", ministry_rows, lang))
    out.append(f'</section></div><p class="meta">{L["chart_hint"]}</p>')
    rows = sum(max(1, len(m.outcomes)) for m in card.measures)
    out.append(f'<h2>{L["all"]} (<span id="f-count">{rows}</span> {L["rows"]})</h2>')
    out.append(table_head(all_columns, L, "f-count"))
    yield "\n".join(out)
    for m, inds in pairs:
        out = []
        head = {
            "no": str(m["no"]),
            "name": f'{escape(m["name"])}<div class="evidence">'
            f"{escape('、'.join(m['ministries']))}</div>",
        }
        if not inds:
            cells = {
                **head,
                "indicator": "—",
                "target": L["no_indicator"],
                "status": _badge(m["status"], False, lang),
                "evidence": escape(m["reason"] or ""),
            }
            out.append(table_row(_filter_attrs(m["status"], m), all_columns, L, cells))
        for i in inds:
            cells = {**head, **_indicator_cells(i, lang, L)}
            out.append(table_row(_filter_attrs(i["status"], m), all_columns, L, cells))
        yield "\n" + "\n".join(out)
    out = ["</tbody></table>"]
    explanations = explained(data, lang) if data is not None else []
    if explanations:
        out.append(f'<details class="explain"><summary>{escape(L["explain"])}</summary><ul>')
        for i, lines in explanations:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            out.append(
                f"<li>施策{i['measure']} {escape(i['label'])} "
                f"<code>{escape(i['id'])}</code><ul>{items}</ul></li>"
            )
        out.append("</ul></details>")
    out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body></html>")
    yield "\n" + "\n".join(out) + "\n"


def _measures(card: Scorecard) -> Iterator[tuple[MeasureData, list[IndicatorData]]]:
    """Each measure's dict with its indicators' dicts, made one measure at a time."""
    indicators = indicator_dicts(card)
    for m in card.measures:
        yield measure_dict(m), [next(indicators) for _ in m.outcomes]
