"""``--format md``: fit for a CI job summary or a PR comment.

A one-line verdict, the counts, the missed and overdue targets first, then every measure by
section inside ``<details>``. All document text is escaped (GitHub renders inline HTML).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from ..judge.scorecard import Scorecard
from ..shape import IndicatorData, MeasureData
from .only import verdict_counted
from .parts import joined, parts
from .text import (
    MARKS,
    actual_text,
    explained,
    labels,
    legend,
    md_cell,
    movement_label,
    period_text,
    previous_text,
    progress_text,
    status_text,
    target_text,
    yoy_headline,
)
from .wording import Wording, wording


def _status(ind_or_measure: IndicatorData | MeasureData, lang: str) -> str:
    status = ind_or_measure["status"]
    overdue = bool(ind_or_measure.get("overdue"))
    return f"{MARKS[status]} {status_text(status, overdue, lang)}"


def render(card: Scorecard, lang: str = "ja", *, dates: str | None = None) -> str:
    return "".join(stream(card, lang, dates=dates))


def stream(card: Scorecard, lang: str = "ja", *, dates: str | None = None) -> Iterator[str]:
    """The Markdown a measure at a time (``parts``: only the missed targets are kept, unless a
    previous report or ``--explain`` needs the scorecard dict whole)."""
    return joined(_blocks(card, lang, dates))


def _blocks(card: Scorecard, lang: str, dates: str | None) -> Iterator[list[str]]:
    say = wording(lang, dates)
    made = parts(card, say.reason)
    L = labels(lang)
    report = made.report
    summary = made.summary
    behind = made.missed
    headline = yoy_headline(made.data, lang, say) if made.data is not None else None
    out = [
        f"# {L['title']}: {md_cell(report['title'])}",
        "",
        f"{md_cell(report['plan'])} — {L['as_of']} {say.date(report['as_of'])} — "
        f"{L['source']} `{md_cell(report['source'])}` (sha256 `{report['sha256'][:12]}`)",
        "",
        f"**{verdict_counted(card, len(behind), behind.overdue, lang)}**",
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
    yoy = made.yoy
    if behind:
        out += [f"## {L['missed']}", ""]
        out += _indicator_head(lang, yoy)
        yield out
        # NOTE: a block of rows at a time: each indicator's dict is made as its row is written.
        rows = (_indicator_row(i, say, yoy) for i in behind)
        while block := list(islice(rows, 256)):
            yield block
        out = [""]
    out += [f"<details><summary>{L['details']}</summary>", ""]
    yield out
    section: tuple[str, ...] | None = None
    prev_head, move_head = _yoy_cells(None, lang) if yoy else ("", "")
    header = (
        f"| {L['no']} | {L['name']} | {L['indicator']} | {L['target']} | {L['actual']} | "
        f"{prev_head}{L['period']} | {L['attainment']} | {L['progress']} | {L['status']} | "
        f"{move_head}{L['evidence']} |"
    )
    rule = "|---:|---|---|---|---|" + ("---|" if yoy else "") + "---|---:|---:|---|"
    rule += ("---|" if yoy else "") + "---|"
    for m, inds in made.pairs:
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
                "— | — | "
                f"{_status(m, lang)} | {blank}{md_cell(m['reason'] or '')} |"
            )
        for i in inds:
            prev, move = _yoy_cells(i, lang) if yoy else ("", "")
            out.append(
                f"| {m['no']} | {md_cell(m['name'])} | {md_cell(i['label'])} | "
                f"{md_cell(target_text(i, lang))} | {md_cell(actual_text(i, lang))} | {prev}"
                f"{md_cell(period_text(i, say))} | {progress_text(i['attainment'])} | "
                f"{progress_text(i['progress'])} | {_status(i, lang)} | {move}{_evidence(i)} |"
            )
        yield out
    out = ["", "</details>", "", f"{L['legend']}:", ""]
    out += [f"- {line}" for line in legend(lang)]
    out.append("")
    explanations = explained(made.data, lang) if made.data is not None else []
    if explanations:
        out += [f"## {L['explain']}", ""]
        for i, lines in explanations:
            measure = L["measure_no"].format(no=i["measure"])
            out.append(f"- {measure} {md_cell(i['label'])} (`{i['id']}`)")
            out += [f"  - {md_cell(line)}" for line in lines]
        out.append("")
    yield out


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


def _indicator_head(lang: str, yoy: bool = False) -> list[str]:
    """The head of the table of missed targets."""
    L = labels(lang)
    prev_head, move_head = _yoy_cells(None, lang) if yoy else ("", "")
    return [
        f"| {L['no']} | {L['indicator']} | {L['target']} | {L['actual']} | {prev_head}"
        f"{L['period']} | {L['deadline']} | {L['attainment']} | {L['progress']} | "
        f"{L['status']} | {move_head}{L['reason']} |",
        "|---:|---|---|---|"
        + ("---|" if yoy else "")
        + "---|---|---:|---:|---|"
        + ("---|" if yoy else "")
        + "---|",
    ]


def _indicator_row(i: IndicatorData, say: Wording, yoy: bool = False) -> str:
    """One missed target's row."""
    lang = say.lang
    prev, move = _yoy_cells(i, lang) if yoy else ("", "")
    return (
        f"| {i['measure']} | {md_cell(i['label'])} | {md_cell(target_text(i, lang))} | "
        f"{md_cell(actual_text(i, lang))} | {prev}{md_cell(period_text(i, say))} | "
        f"{say.deadline(i['deadline'])} | {progress_text(i['attainment'])} | "
        f"{progress_text(i['progress'])} | {_status(i, lang)} | {move}{md_cell(i['reason'])} |"
    )
