"""Structured KPI sheets: what a target cell asks for.

A target cell is more than a number: ``40%以上(毎年度)`` (its own bound, every year),
``70%〔2025年〕`` (its deadline), ``2015年度(8.2%)比の2倍`` (a multiple of a stated
baseline), ``前年度比増`` (more than the year before), ``1歳以上延伸`` (the baseline plus an
amount), ``全市町村(30年度)`` (every one of a whole). ``read_goal`` reads each into the same
record; the table reader turns it into the indicator's comparator, target and baseline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...data import read_data
from ...model import Reason
from ...text.normalize import normalize
from ...text.periods import Period, find_periods
from .cells import Cell, read_cell

__all__ = ["Goal", "read_goal", "wholes"]

# The cell's own words → the comparator (they win over a direction inferred from the
# baseline and the target).
_BOUNDS = {
    "以上": ">=",
    "超": ">",
    "超え": ">",
    "を超える": ">",
    "以下": "<=",
    "以内": "<=",
    "未満": "<",
}

_NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?"
# 2015年度(8.2%)比の2倍, 平成27年度比で1.5倍: a multiple of a value stated with its year.
_MULTIPLE = re.compile(
    rf"^(?P<when>.*?)\s*(?:\((?P<base>[^()]*)\))?\s*(?:比|と比べて|に比べ)(?:で|の)?\s*"
    rf"(?P<times>{_NUM})倍(?P<bound>以上)?$"
)
# 前年度比増, 前年比で増加, 前年度より増加: more than the year before.
_YEAR_ON_YEAR = re.compile(
    r"^前年度?(?:比|より|から)(?:で)?\s*(?:(?P<up>増|増加|上昇|向上|改善)|(?P<down>減|減少|低下))$"
)
# 1歳以上延伸, 3ポイント以上上昇, 10%以上減少: the baseline plus (or less) an amount.
_BY_AMOUNT = re.compile(
    rf"^(?P<by>{_NUM})(?P<unit>歳|年|ポイント|pt|%|人|件)?(?:以上)?の?\s*"
    r"(?:(?P<up>延伸|増加|上昇|向上|増)|(?P<down>短縮|減少|低下|削減|減))$"
)
# 全市町村, 全都道府県, 全ての市区町村: every one of a whole.
_WHOLE = re.compile(r"^(?:全て?の?|すべての)(?P<what>[^\s0-9(]{1,8}?)(?:で(?:実施|策定|達成))?$")
_TRAILING_DATE = re.compile(r"[(〔【\[][^()〔〕【】\[\]]*[)〕】\]]$")
# (30年度): a fiscal year without its era, as 平成 sheets wrote them.
_ERALESS = re.compile(r"(?<![0-9年元明大昭平令和成正治])(?P<n>[0-9]{1,2})年度")


@dataclass(frozen=True, slots=True)
class Goal:
    """What a target cell asks for."""

    cell: Cell  # the target number (value None: no number)
    comparator: str | None = None  # the cell's own: >=, <=, increase, decrease
    baseline: tuple[float, Period | None] | None = None  # stated in the cell (…(8.2%)比)
    by: float | None = None  # increase/decrease by this much
    every_year: bool = False
    reference_free: bool = False  # 前年度比: against the previous value, not the baseline
    note: Reason | None = None  # said after the reason


@cache
def wholes() -> dict[str, int]:
    """Whole word → its size (都道府県 47), from ``data/wholes.tsv`` and the sheet words."""
    out: dict[str, int] = {}
    for raw in read_data("wholes.tsv").splitlines():
        if raw.strip() and not raw.startswith("#"):
            word, count = raw.split("\t")
            out[word] = int(count)
    for raw in read_data("sheet_headers.tsv").splitlines():
        if raw.startswith("whole\t"):
            _, count, word = raw.split("\t")
            out[word] = int(count)
    return out


def with_era(text: str, era: str | None) -> str:
    """``全市町村(30年度)`` with the era the sheet writes elsewhere: ``(平成30年度)``."""
    if era is None or "年度" not in text:
        return text
    return _ERALESS.sub(lambda m: f"{era}{m.group('n')}年度", normalize(text))


def read_goal(text: str, unit_text: str = "", era: str | None = None) -> Goal:
    """The target cell ``text``; ``unit_text`` is the row's unit, ``era`` the era the sheet
    names elsewhere (for a year written without one). Raises ``PeriodError`` for a
    malformed date."""
    text = with_era(text, era)
    if not text.strip():
        return Goal(read_cell(text, unit_text))
    norm = re.sub(r"\s+", "", normalize(text))
    periods = find_periods(text)
    period = periods[-1].period if periods else None
    body = norm
    for p in periods:  # dates out, brackets with them
        body = body.replace(re.sub(r"\s+", "", normalize(p.text)), "", 1)
    # 〔2030年度〕 after the goal is its deadline, not part of it.
    tail = _TRAILING_DATE.search(norm)
    core = norm[: tail.start()] if tail and find_periods(tail.group()) else norm
    deadline = period if core != norm else None
    m = _MULTIPLE.match(core)
    if m and m.group("base"):
        base = read_cell(m.group("base"), unit_text)
        when = find_periods(m.group("when"))
        if base.value is not None:
            times = float(m.group("times").replace(",", ""))
            target = Cell(base.value * times, base.unit_word, base.unit, deadline)
            return Goal(
                target,
                ">=",
                baseline=(base.value, when[-1].period if when else None),
                note=Reason.of("goal_times", text=text.strip(), base=base.value, times=times),
            )
    m = _YEAR_ON_YEAR.match(core)
    if m:
        return Goal(
            Cell(None),
            "increase" if m.group("up") else "decrease",
            every_year=True,
            reference_free=True,
            note=Reason.of("goal_previous_year", text=text.strip()),
        )
    m = _BY_AMOUNT.match(_strip_brackets(body))
    if m:
        by = float(m.group("by").replace(",", ""))
        return Goal(
            Cell(None, m.group("unit"), period=period),
            "increase" if m.group("up") else "decrease",
            by=by,
            note=Reason.of("goal_by", text=text.strip(), by=by, unit=m.group("unit") or ""),
        )
    cell = read_cell(text, unit_text)
    if cell.value is not None:
        comparator = _BOUNDS.get(cell.bound) if cell.bound else None
        return Goal(cell, comparator, every_year=cell.every_year)
    if cell.pending:
        return Goal(cell)
    m = _WHOLE.match(_strip_brackets(body))
    if m:
        return _whole(m.group("what"), text, unit_text, period)
    return Goal(cell)


def _strip_brackets(text: str) -> str:
    return re.sub(r"[(〔【\[][^()〔〕【】\[\]]*[)〕】\]]|[()〔〕【】\[\]]", "", text)


def _whole(what: str, text: str, unit_text: str, period: Period | None) -> Goal:
    """全市町村: every one. In a percent row 100%; in a row counting the whole's members, their
    number; otherwise no number (the reader says why)."""
    unit = normalize(unit_text).strip()
    if unit in ("%", "パーセント", "割"):
        value = 100.0 if unit != "割" else 10.0
        return Goal(
            Cell(value, unit, None, period), ">=", note=Reason.of("goal_all", text=text.strip())
        )
    size = wholes().get(what)
    if size is not None and (not unit or unit == what or unit.endswith(what)):
        from ...text.units import unit_words

        return Goal(
            Cell(float(size), what, unit_words().get(what), period),
            ">=",
            note=Reason.of("goal_whole", text=text.strip(), what=what, size=size),
        )
    return Goal(Cell(None, text=text.strip(), period=period), ">=")
