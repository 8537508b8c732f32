"""``--format md``: fit for a CI job summary or a PR comment.

A one-line verdict, the counts, the missed and overdue targets first, then every measure by
section inside ``<details>``. All document text is escaped (GitHub renders inline HTML).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..judge.scorecard import (
    Scorecard,
    indicator_dicts,
    measure_dict,
    report_dict,
    scorecard_dict,
)
from ..shape import IndicatorData, MeasureData
from .text import (
    MARKS,
    actual_text,
    explained,
    labels,
    md_cell,
    missed,
    missed_of,
    movement_label,
    period_text,
    previous_text,
    status_text,
    target_text,
    verdict,
    yoy_headline,
)


def _status(ind_or_measure: IndicatorData | MeasureData, lang: str) -> str:
    status = ind_or_measure["status"]
    overdue = bool(ind_or_measure.get("overdue"))
    return f"{MARKS[status]} {status_text(status, overdue, lang)}"


def render(card: Scorecard, lang: str = "ja") -> str:
    return "".join(stream(card, lang))


def stream(card: Scorecard, lang: str = "ja") -> Iterator[str]:
    """The Markdown a measure at a time. NOTE: only the missed targets (listed first) are
    kept; the rest is made as it is written. With a previous report or ``--explain``, whose
    parts need every indicator first, the scorecard dict is made whole."""
    L = labels(lang)
    pairs: Iterable[tuple[MeasureData, list[IndicatorData]]]
    if card.previous is not None or card.explain:
        data = scorecard_dict(card)
        report, summary = data["report"], data["summary"]
        behind = missed(data)
        by_id = {i["id"]: i for i in data["indicators"]}
        pairs = ((m, [by_id[i] for i in m["indicators"]]) for m in data["measures"])
        headline = yoy_headline(data, lang)
        yoy = "year_over_year" in data
    else:
        data = None
        report, summary = report_dict(card), card.summary()
        behind = missed_of(indicator_dicts(card))
        pairs = _measures(card)
        headline, yoy = None, False
    out = [
        f"# {L['title']}: {md_cell(report['title'])}",
        "",
        f"{md_cell(report['plan'])} — {L['as_of']} {report['as_of']} — "
        f"{L['source']} `{md_cell(report['source'])}` (sha256 `{report['sha256'][:12]}`)",
        "",
        f"**{verdict(behind, lang)}**",
        "",
        *(f"**{md_cell(h)}**\n" for h in [headline] if h),
        f"| {L['measures']} | {L['indicators']} | {MARKS['achieved']} {L['achieved']} | "
        f"{MARKS['on_track']} {L['on_track']} | {MARKS['behind']} {L['behind']} | "
        f"{MARKS['not_measurable']} {L['not_measurable']} |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {summary['measures']} | {summary['indicators']} | {summary['achieved']} | "
        f"{summary['on_track']} | {summary['behind']} | {summary['not_measurable']} |",
        "",
    ]
    if behind:
        out += [f"## {L['missed']}", ""]
        out += _indicator_table(behind, lang, yoy)
        out.append("")
    del behind
    out += [f"<details><summary>{L['details']}</summary>", ""]
    yield "\n".join(out)
    section: tuple[str, ...] | None = None
    prev_head, move_head = _yoy_cells(None, lang) if yoy else ("", "")
    header = (
        f"| {L['no']} | {L['name']} | {L['indicator']} | {L['target']} | {L['actual']} | "
        f"{prev_head}{L['period']} | {L['status']} | {move_head}{L['evidence']} |"
    )
    rule = "|---:|---|---|---|---|" + ("---|" if yoy else "") + "---|---|"
    rule += ("---|" if yoy else "") + "---|"
    for m, inds in pairs:
        out = []
        if tuple(m["section"]) != section:
            section = tuple(m["section"])
            out += [
                "",
                f"### {md_cell(' › '.join(section) or '—')}",
                "",
                header,
                rule,
            ]
        if not inds:
            blank = "— | " if yoy else ""
            out.append(
                f"| {m['no']} | {md_cell(m['name'])} | — | {L['no_indicator']} | — | {blank}— | "
                f"{_status(m, lang)} | {blank}{md_cell(m['reason'] or '')} |"
            )
        for i in inds:
            prev, move = _yoy_cells(i, lang) if yoy else ("", "")
            out.append(
                f"| {m['no']} | {md_cell(m['name'])} | {md_cell(i['label'])} | "
                f"{md_cell(target_text(i, lang))} | {md_cell(actual_text(i))} | {prev}"
                f"{md_cell(period_text(i))} | {_status(i, lang)} | {move}{_evidence(i)} |"
            )
        yield "\n" + "\n".join(out)
    out = ["", "</details>", ""]
    explanations = explained(data, lang) if data is not None else []
    if explanations:
        out += [f"## {L['explain']}", ""]
        for i, lines in explanations:
            out.append(f"- 施策{i['measure']} {md_cell(i['label'])} (`{i['id']}`)")
            out += [f"  - {md_cell(line)}" for line in lines]
        out.append("")
    yield "\n" + "\n".join(out)


def _measures(card: Scorecard) -> Iterator[tuple[MeasureData, list[IndicatorData]]]:
    """Each measure's dict with its indicators' dicts, made one measure at a time."""
    indicators = indicator_dicts(card)
    for m in card.measures:
        yield measure_dict(m), [next(indicators) for _ in m.outcomes]


def _evidence(i: IndicatorData) -> str:
    ev = i["evidence"]
    if not ev:
        return md_cell(i["reason"])
    return f"{md_cell(ev['text'])} (L{ev['line']})"


def _yoy_cells(i: IndicatorData | None, lang: str) -> tuple[str, str]:
    """The previous-value and movement cells (with their separators), or their headers."""
    if i is None:
        L = labels(lang)
        return f"{L['previous']} | ", f"{L['movement']} | "
    return f"{md_cell(previous_text(i))} | ", f"{movement_label(i, lang)} | "


def _indicator_table(inds: list[IndicatorData], lang: str, yoy: bool = False) -> list[str]:
    L = labels(lang)
    prev_head, move_head = _yoy_cells(None, lang) if yoy else ("", "")
    rows = [
        f"| {L['no']} | {L['indicator']} | {L['target']} | {L['actual']} | {prev_head}"
        f"{L['period']} | {L['deadline']} | {L['status']} | {move_head}{L['reason']} |",
        "|---:|---|---|---|---|---|---|---|" + ("---|---|" if yoy else ""),
    ]
    for i in inds:
        prev, move = _yoy_cells(i, lang) if yoy else ("", "")
        rows.append(
            f"| {i['measure']} | {md_cell(i['label'])} | {md_cell(target_text(i, lang))} | "
            f"{md_cell(actual_text(i))} | {prev}{md_cell(period_text(i))} | "
            f"{i['deadline'] or '—'} | {_status(i, lang)} | {move}{md_cell(i['reason'])} |"
        )
    return rows
