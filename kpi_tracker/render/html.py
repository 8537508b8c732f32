"""``--format html``: one self-contained page (no network, no CDN), escaped, printable.

Read at a glance: the verdict, the counts and the missed targets (with their ministries) come
first, within the first screen of a 1366×768 laptop. Then status charts by section and by
ministry (HTML bars: labels are never cut, text stays legible on a phone; a click on a bar
filters), and every measure with a 達成率 bar per indicator (actual against target, the
deadline beside it); a measure without a quantitative target is one line. Filters (ministry,
status, section, free text) apply to every table and are kept in the URL's ``#``; without
script every row simply stays visible. Status is told by text and a CSS shape as well as colour
(no emoji: they render as empty boxes without an emoji font). No text is smaller than 12 px on
screen. Printed (``print.css``): A4 landscape, the verdict and the missed list first, table
headers repeated on every page, no row cut across pages.

The page is ``templates/scorecard.html`` (Jinja2, autoescaped); this module only gathers the
values it shows, as plain text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..judge.scorecard import Scorecard
from ..model import Status
from ..shape import IndicatorData, MeasureData, ScorecardData, status_counts
from .attain import attainment
from .parts import Missed, Pair, parts
from .text import (
    actual_text,
    explained,
    movement_label,
    period_text,
    previous_text,
    status_text,
    target_text,
    yoy_headline,
)
from .wording import wording

ORDER = tuple(Status)
COLOURS = {
    Status.ACHIEVED: "#1a7f37",
    Status.ON_TRACK: "#0969da",
    Status.BEHIND: "#cf222e",
    Status.NOT_MEASURABLE: "#6e7781",
}

MISSED_COLUMNS = (
    "no",
    "indicator",
    "ministries",
    "target",
    "actual",
    "period",
    "attainment",
    "status",
)
ALL_COLUMNS = (
    "no",
    "name",
    "indicator",
    "target",
    "actual",
    "period",
    "attainment",
    "status",
    "evidence",
)


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


def _filter_attrs(status: str, measure: MeasureData) -> dict[str, str]:
    return {
        "data-status": status,
        "data-ministries": "|".join(measure["ministries"]),
        "data-section": measure["section"][0] if measure["section"] else "—",
    }


def _measure_fields(m: MeasureData) -> dict[str, Any]:
    return {"no": m["no"], "name": m["name"], "ministry_text": "、".join(m["ministries"])}


def indicator_row(i: IndicatorData, m: MeasureData, lang: str) -> dict[str, Any]:
    """What the page shows of one indicator, as plain values (the template escapes them)."""
    ev = i["evidence"]
    share = attainment(i)
    row: dict[str, Any] = {
        **_measure_fields(m),
        "attrs": _filter_attrs(i["status"], m),
        "no_target": False,
        "status": i["status"],
        "status_text": status_text(i["status"], i["overdue"], lang),
        "overdue": i["overdue"],
        "indicator": i["label"],
        "ministries": "、".join(m["ministries"]),
        "target": target_text(i, lang),
        "actual": actual_text(i),
        "period": period_text(i),
        "deadline": i["deadline"],
        "attainment": share,
        "progress": i["progress"],
        "bar_width": f"{max(0.0, min(1.0, share or 0.0)) * 100:.0f}",
        "colour": COLOURS[Status(i["status"])],
        "evidence": ev["text"] if ev else None,
        "line": ev["line"] if ev else None,
        "reason": i["reason"],
        "movement_class": None,
    }
    if "movement" in i:
        row["previous"] = previous_text(i)
        row["movement"] = movement_label(i, lang)
    return row


def _no_target_row(m: MeasureData, lang: str) -> dict[str, Any]:
    return {
        **_measure_fields(m),
        "attrs": _filter_attrs(m["status"], m),
        "no_target": True,
        "status": m["status"],
        "status_text": status_text(m["status"], False, lang),
        "reason": m["reason"] or "",
    }


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


def _chart(
    key: str, title: str, groups: list[tuple[str, dict[str, int]]], lang: str
) -> dict[str, Any]:
    """Stacked status bars, one per group; each segment a button that filters the tables to
    that group and status."""
    total_max = max((sum(c.values()) for _, c in groups), default=1) or 1
    return {
        "key": key,
        "title": title,
        "groups": [
            (
                name,
                f"{100 * sum(counts.values()) / total_max:.0f}",
                [
                    {"status": s.value, "count": counts[s], "text": status_text(s, False, lang)}
                    for s in ORDER
                    if counts.get(s)
                ],
            )
            for name, counts in groups
        ],
    }


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


class _MissedRows:
    """The rows of the missed targets, made as the template reaches them."""

    def __init__(self, missed: Missed, lang: str) -> None:
        self.missed = missed
        self.lang = lang

    def __len__(self) -> int:
        return len(self.missed)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for m, i in self.missed.with_measures():
            yield indicator_row(i, m, self.lang)


class _Rows:
    """The rows of the table of every measure, made as the template reaches them (its
    length is known before)."""

    def __init__(self, pairs: Iterator[Pair], length: int, lang: str) -> None:
        self.pairs = pairs
        self.length = length
        self.lang = lang

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for m, inds in self.pairs:
            if not inds:
                yield _no_target_row(m, self.lang)
            for n, i in enumerate(inds):
                yield {**indicator_row(i, m, self.lang), "more": n > 0}


def render(card: Scorecard, lang: str = "ja", dates: str | None = None) -> str:
    return "".join(stream(card, lang, dates))


def stream(card: Scorecard, lang: str = "ja", dates: str | None = None) -> Iterator[str]:
    """The page a measure at a time (``parts``: only the missed targets are kept, unless a
    previous report or ``--explain`` needs the scorecard dict whole): the template is
    rendered as a stream, its table of every measure fed a row at a time."""
    from .only import only_of, verdict_counted
    from .templating import stream_page, words

    say = wording(lang, dates)
    dates = say.dates
    made = parts(card, say.reason)
    data = made.data
    L = words(lang)
    behind = made.missed
    sections, ministries = _counts(data) if data is not None else _card_counts(card)
    counts = status_counts(made.summary)
    all_ministries = sorted({n for m in card.measures for n in m.measure.ministries})
    statuses = [(s.value, status_text(s, False, lang)) for s in ORDER]
    ministry_rows = sorted(ministries.items(), key=lambda kv: -sum(kv[1].values()))
    verdict = verdict_counted(card, len(behind), behind.overdue, lang)
    missed_rows = _MissedRows(behind, lang)
    rows = sum(max(1, len(m.outcomes)) for m in card.measures)
    return stream_page(
        "scorecard.html",
        lang=lang,
        dates=dates,
        L=L,
        only=only_of(card),
        report=made.report,
        summary=made.summary,
        verdict=verdict,
        headline=yoy_headline(data, lang) if data is not None else None,
        statuses=[{"value": v, "text": t, "count": counts[v]} for v, t in statuses],
        filters=[
            {
                "id": "f-ministry",
                "label": L["filter_ministry"],
                "options": [(n, n) for n in all_ministries],
            },
            {"id": "f-status", "label": L["filter_status"], "options": statuses},
            {
                "id": "f-section",
                "label": L["filter_section"],
                "options": [(s, s) for s in sections],
            },
        ],
        missed_columns=_with_yoy(MISSED_COLUMNS) if made.yoy else MISSED_COLUMNS,
        missed_rows=missed_rows,
        charts=[
            _chart("section", L["by_section"], list(sections.items()), lang),
            _chart("ministry", L["by_ministry"], ministry_rows, lang),
        ],
        all_columns=_with_yoy(ALL_COLUMNS) if made.yoy else ALL_COLUMNS,
        all_rows=_Rows(made.pairs, rows, lang),
        explanations=explained(data, lang) if data is not None else [],
    )
