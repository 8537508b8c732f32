"""The words of every reason, per language: ``Reason`` (a code and its parameters, from the
judging and reading stages) → the sentence a report prints.

One table, ``REASONS``: each code has a Japanese and an English sentence, built from the
reason's parameters (numbers as the tables write them, dates in the run's style, nested
reasons rendered the same way). A run speaks one language: a Japanese report never carries an
English reason, nor the reverse; only the document's own words (a period as written, a unit,
a label) pass through unchanged.

``Wording(lang, dates)`` is what a renderer holds: ``.reason(r)``, ``.date(d)``,
``.deadline(d)``, ``.period(p)``. JSON renders with ``dates="iso"`` (the contract's dates);
the other formats with the run's ``--dates``. Other renderers (HTML, xlsx) use the same object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..judge.trend import RATIO_CAP
from ..model import Comparator, Reason, ReasonParam, Status
from ..text.numfmt import format_number
from ..text.wareki import format_date, format_deadline, format_period, wareki_fiscal_year

if TYPE_CHECKING:
    from ..shape import PeriodData

Day = date  # ``Wording.date`` hides the type's name inside the class

__all__ = ["LANGS", "REASONS", "Wording", "default_dates", "wording"]

LANGS = ("ja", "en")


def default_dates(lang: str) -> str:
    """``--dates`` when none is given: 和暦 for a Japanese report, ISO otherwise."""
    return "wareki" if lang == "ja" else "iso"


@dataclass(frozen=True, slots=True)
class Wording:
    """How one run says things: its language and its date style."""

    lang: str = "ja"
    dates: str = "iso"

    def reason(self, r: Reason | None) -> str:
        """The sentence of a reason, its notes after it in brackets; empty for none."""
        if r is None:
            return ""
        table = REASONS.get(r.code)
        if table is None:
            raise KeyError(f"no wording for reason code {r.code!r}")
        text = table.get(self.lang, table["ja"])(_Params(r, self))
        for note in r.notes:
            said = self.reason(note)
            text += f"({said})" if self.lang == "ja" else f" ({said})"
        return text

    def date(self, day: Day | str | None) -> str:
        return format_date(day, self.dates)

    def deadline(self, day: Day | str | None) -> str:
        return format_deadline(day, self.dates)

    def period(self, period: PeriodData | None) -> str:
        """A period of the JSON shape: 令和7年度 (wareki) or the document's words (iso)."""
        if period is None:
            return "—"
        if self.dates == "wareki":
            return format_period(period["start"], period["end"], "wareki")
        return period.get("text") or format_period(period["start"], period["end"], "iso")

    def fiscal_year(self, year: int) -> str:
        if self.dates == "wareki":
            return wareki_fiscal_year(year)
        return f"{year}年度" if self.lang == "ja" else f"FY{year}"


def wording(lang: str = "ja", dates: str | None = None) -> Wording:
    return Wording(lang if lang in LANGS else "ja", dates or default_dates(lang))


class _Params:
    """A reason's parameters as a template reads them."""

    __slots__ = ("_r", "w")

    def __init__(self, r: Reason, w: Wording) -> None:
        self._r = r
        self.w = w

    def raw(self, name: str) -> ReasonParam:
        return self._r.get(name)

    def s(self, name: str) -> str:
        value = self._r.get(name)
        return "" if value is None else str(value)

    def n(self, name: str) -> str:
        value = self._r.get(name)
        assert isinstance(value, int | float), (self._r.code, name)
        return format_number(value)

    def nu(self, name: str, unit: str = "unit") -> str:
        """A number with the unit: 251,830回."""
        return self.n(name) + self.s(unit)

    def f2(self, name: str) -> str:
        value = self._r.get(name)
        assert isinstance(value, int | float)
        return f"{value:.2f}"

    def ratio(self, name: str) -> str:
        """A growth ratio, bounded as the trend bounds it (``trend.RATIO_CAP``)."""
        value = self._r.get(name)
        assert isinstance(value, int | float)
        if value >= RATIO_CAP:
            return f"{RATIO_CAP:.0f}" + ("倍以上" if self.w.lang == "ja" else "× or more")
        return f"{value:.2f}" + ("倍" if self.w.lang == "ja" else "×")

    def d(self, name: str) -> str:
        value = self._r.get(name)
        assert isinstance(value, date), (self._r.code, name)
        return self.w.date(value)

    def dl(self, name: str) -> str:
        """A deadline: 令和7年度末 where it ends a fiscal year (和暦), else as a date."""
        value = self._r.get(name)
        assert isinstance(value, date), (self._r.code, name)
        return self.w.deadline(value)

    def r(self, name: str) -> str:
        value = self._r.get(name)
        assert value is None or isinstance(value, Reason)
        return self.w.reason(value)

    def c(self) -> Comparator:
        return Comparator(self.s("comparator"))

    def fy(self, name: str) -> str:
        value = self._r.get(name)
        assert isinstance(value, int)
        return self.w.fiscal_year(value)


Template = Callable[[_Params], str]

# English comparator words, said before the number (at least 100 cases).
_EN_COMPARATOR = {
    Comparator.AT_LEAST: "at least",
    Comparator.MORE_THAN: "more than",
    Comparator.AT_MOST: "at most",
    Comparator.LESS_THAN: "less than",
    Comparator.INCREASE: "more than",
    Comparator.DECREASE: "less than",
    Comparator.REDUCE_BY_RATIO: "at most",
}


def _period_ja(p: _Params) -> str:
    return p.s("period") or "時点不明"


def _period_en(p: _Params) -> str:
    return p.s("period") or "period unknown"


def _up_ja(p: _Params) -> str:
    return "上向き" if p.raw("up") else "下向き"


def _up_en(p: _Params) -> str:
    return "upward" if p.raw("up") else "downward"


def _values_ja(p: _Params) -> str:
    values = p.raw("values")
    assert isinstance(values, tuple)
    return "、".join(format_number(v) + p.s("unit") for v in values if isinstance(v, int | float))


def _values_en(p: _Params) -> str:
    values = p.raw("values")
    assert isinstance(values, tuple)
    return ", ".join(format_number(v) + p.s("unit") for v in values if isinstance(v, int | float))


def _items(p: _Params, sep: str) -> str:
    items = p.raw("items")
    assert isinstance(items, tuple)
    return sep.join(p.w.reason(i) for i in items if isinstance(i, Reason))


def _pending_ja(p: _Params) -> str:
    if p.raw("actual") is None:
        return f"{p.s('what')}の値は集計中で、報告されていない"
    return f"{p.s('what')}の値は集計中(直近の実績は{_period_ja(p)} {p.nu('actual')})"


def _pending_en(p: _Params) -> str:
    if p.raw("actual") is None:
        return f"the value for {p.s('what')} is still being compiled and was not reported"
    return (
        f"the value for {p.s('what')} is still being compiled (latest actual "
        f"{p.nu('actual')}, {_period_en(p)})"
    )


def _ratio_pct(p: _Params) -> str:
    ratio = p.raw("ratio")
    assert isinstance(ratio, int | float)
    return format_number(ratio * 100)


def _threshold_ja(p: _Params) -> str:
    return "" if p.raw("threshold") is None else f"(閾値 {p.nu('threshold')})"


def _threshold_en(p: _Params) -> str:
    return "" if p.raw("threshold") is None else f" (threshold {p.nu('threshold')})"


def _text_ja(p: _Params) -> str:
    return p.s("text")


def _qualitative_ja(p: _Params) -> str:
    result, why = p.s("result"), p.s("why")
    said = "定性的な目標で、数値の目標・実績で比べられない"
    notes = [f"理由: {why[:80]}"] if why else []
    notes += [f"成果実績: {result[:80]}"] if result else []
    return f"{said}({'、'.join(notes)})" if notes else said


def _qualitative_en(p: _Params) -> str:
    result, why = p.s("result"), p.s("why")
    said = "a qualitative target: no target and actual numbers to compare"
    notes = [f"why: {why[:80]}"] if why else []
    notes += [f"result: {result[:80]}"] if result else []
    return f"{said} ({'; '.join(notes)})" if notes else said


# code → language → sentence. Codes are stable (English snake_case); parameters in brackets
# in the comments. Every code has both languages (tests render each).
REASONS: dict[str, dict[str, Template]] = {
    # --- no usable value (not_measurable) ---
    "no_value": {  # nothing in the text names the value
        "ja": lambda p: "実績値の記述がない",
        "en": lambda p: "no actual value is reported",
    },
    "no_number": {  # the text names it, without a number
        "ja": lambda p: "該当する記述はあるが数値が見つからない",
        "en": lambda p: "the text mentions it but gives no number",
    },
    "pending": {  # [what, actual?, unit?, period?]
        "ja": _pending_ja,
        "en": _pending_en,
    },
    "unit_mismatch": {  # [found, unit]
        "ja": lambda p: f"報告値の単位({p.s('found')})が目標の単位({p.s('unit')})と比較できない",
        "en": lambda p: (
            f"the reported unit ({p.s('found')}) does not compare with the target's ({p.s('unit')})"
        ),
    },
    "only_later_values": {  # [as_of]
        "ja": lambda p: f"{p.d('as_of')}までの実績値がない(それ以降の値のみ)",
        "en": lambda p: f"no actual value up to {p.d('as_of')} (only later ones)",
    },
    "ambiguous": {  # [values, unit]
        "ja": lambda p: f"同じ時点の候補が複数あり特定できない({_values_ja(p)})",
        "en": lambda p: f"several values for the same date; none can be chosen ({_values_en(p)})",
    },
    "partial_period": {  # [actual, unit, period, days]
        "ja": lambda p: (
            f"年間の目標に対し、報告値 {p.nu('actual')} は{p.s('period')}({p.s('days')}日間)の"
            "一部期間の値"
        ),
        "en": lambda p: (
            f"a yearly target, but the reported {p.nu('actual')} covers part of a year: "
            f"{p.s('period')} ({p.s('days')} days)"
        ),
    },
    "partial_year": {  # [actual, unit]
        "ja": lambda p: f"年間の目標に対し、報告値 {p.nu('actual')} は年度の一部期間の値",
        "en": lambda p: f"a yearly target, but the reported {p.nu('actual')} covers part of a year",
    },
    "share_base_missing": {  # [share_of]
        "ja": lambda p: f"割合の分母({p.s('share_of')})の値がない",
        "en": lambda p: f"no value for the share's denominator ({p.s('share_of')})",
    },
    "share_base_zero": {
        "ja": lambda p: "割合の分母が0",
        "en": lambda p: "the share's denominator is 0",
    },
    "no_baseline": {  # [actual, unit]
        "ja": lambda p: f"実績 {p.nu('actual')} はあるが、比べる基準値・前回値がない",
        "en": lambda p: (
            f"actual {p.nu('actual')}, but no baseline or previous value to compare it with"
        ),
    },
    # --- parts of a verdict ---
    "actual": {  # [actual, unit, period?, provisional]
        "ja": lambda p: (
            f"実績 {p.nu('actual')}({_period_ja(p)}"
            f"{'、見込み・速報値' if p.raw('provisional') else ''})"
        ),
        "en": lambda p: (
            f"actual {p.nu('actual')} ({_period_en(p)}"
            f"{', provisional' if p.raw('provisional') else ''})"
        ),
    },
    "ref_baseline": {  # [period?, value, unit]
        "ja": lambda p: f"基準値({p.s('period') or '計画策定時'}) {p.nu('value')}",
        "en": lambda p: (
            f"the baseline ({p.s('period') or 'when the plan was made'}) {p.nu('value')}"
        ),
    },
    "ref_previous": {  # [when, value, unit]
        "ja": lambda p: f"前回値({p.d('when')}時点) {p.nu('value')}",
        "en": lambda p: f"the previous value ({p.d('when')}) {p.nu('value')}",
    },
    "ref_document": {  # [when, value, unit]: the previous value the document itself states
        "ja": lambda p: f"文書が示す前回値({p.d('when')}時点) {p.nu('value')}",
        "en": lambda p: f"the previous value the document states ({p.d('when')}) {p.nu('value')}",
    },
    "ref_previous_report": {  # [when, value, unit]: the previous report's value
        "ja": lambda p: f"前回報告の値({p.d('when')}時点) {p.nu('value')}",
        "en": lambda p: f"the previous report's value ({p.d('when')}) {p.nu('value')}",
    },
    "goal_reference": {  # [ref, comparator, threshold?, unit]
        "ja": lambda p: f"{p.r('ref')}より{p.c().ja}{_threshold_ja(p)}",
        "en": lambda p: f"{_EN_COMPARATOR[p.c()]} {p.r('ref')}{_threshold_en(p)}",
    },
    "goal_reduce": {  # [reference, ratio, threshold, unit, comparator]
        "ja": lambda p: (
            f"基準値 {p.nu('reference')} の{_ratio_pct(p)}%減 = {p.nu('threshold')}{p.c().ja}"
        ),
        "en": lambda p: (
            f"{_ratio_pct(p)}% less than the baseline {p.nu('reference')}: "
            f"{_EN_COMPARATOR[p.c()]} {p.nu('threshold')}"
        ),
    },
    "goal_bound": {  # [threshold, unit, comparator, approximate]
        "ja": lambda p: f"{p.nu('threshold')}{p.c().ja}{'(程度)' if p.raw('approximate') else ''}",
        "en": lambda p: (
            f"{_EN_COMPARATOR[p.c()]} {p.nu('threshold')}"
            f"{' (approximately)' if p.raw('approximate') else ''}"
        ),
    },
    # --- verdicts: [actual (a reason), goal (a reason), deadline?, …] ---
    "met": {
        "ja": lambda p: f"{p.r('actual')}は目標({p.r('goal')})を満たす",
        "en": lambda p: f"{p.r('actual')} meets the target ({p.r('goal')})",
    },
    "not_met": {
        "ja": lambda p: f"{p.r('actual')}は目標({p.r('goal')})に届いていない",
        "en": lambda p: f"{p.r('actual')} falls short of the target ({p.r('goal')})",
    },
    "overdue": {  # [+ deadline]
        "ja": lambda p: (
            f"{p.r('actual')}は目標({p.r('goal')})に届かず、期限({p.dl('deadline')})を過ぎている"
        ),
        "en": lambda p: (
            f"{p.r('actual')} falls short of the target ({p.r('goal')}) and the deadline "
            f"({p.dl('deadline')}) has passed"
        ),
    },
    "on_track": {  # [+ first_when, first_value, unit, ratio, deadline]
        "ja": lambda p: (
            f"{p.r('actual')}は目標({p.r('goal')})に未達だが、{p.d('first_when')}の"
            f"{p.nu('first_value')}からの伸び(必要な伸びの{p.ratio('ratio')})で"
            f"期限({p.dl('deadline')})までに届く見込み"
        ),
        "en": lambda p: (
            f"{p.r('actual')} falls short of the target ({p.r('goal')}), but the growth since "
            f"{p.nu('first_value')} on {p.d('first_when')} ({p.ratio('ratio')} the growth "
            f"needed) reaches it by the deadline ({p.dl('deadline')})"
        ),
    },
    "not_on_track": {  # [+ deadline, trend (a reason)]
        "ja": lambda p: (
            f"{p.r('actual')}は目標({p.r('goal')})に未達(期限 {p.dl('deadline')}、{p.r('trend')})"
        ),
        "en": lambda p: (
            f"{p.r('actual')} falls short of the target ({p.r('goal')}) (deadline "
            f"{p.dl('deadline')}; {p.r('trend')})"
        ),
    },
    "trend_no_past": {
        "ja": lambda p: "傾向を判断できる過去の値がない",
        "en": lambda p: "no earlier value to judge a trend from",
    },
    "trend_slow": {  # [ratio]
        "ja": lambda p: f"これまでの伸びは必要な伸びの{p.ratio('ratio')}で届かない見込み",
        "en": lambda p: f"the growth so far is {p.ratio('ratio')} the growth needed: not enough",
    },
    "trend_short": {
        "ja": lambda p: "傾向から届かない見込み",
        "en": lambda p: "the trend does not reach the target",
    },
    # --- structured KPI sheets ---
    "rate_differs": {  # [year, published, computed]
        "ja": lambda p: (
            f"{p.fy('year')}の達成率: 公表 {p.n('published')}%、"
            f"実績と目標値からの算出 {p.n('computed')}%"
        ),
        "en": lambda p: (
            f"attainment for {p.fy('year')}: published {p.n('published')}%, computed from "
            f"the actual and the target {p.n('computed')}%"
        ),
    },
    "qualitative": {"ja": _qualitative_ja, "en": _qualitative_en},  # [result?]
    "goal_times": {  # [text, base, times]: a target read as N times the baseline
        "ja": lambda p: f"目標「{p.s('text')}」: 基準値 {p.n('base')} の {p.n('times')} 倍",
        "en": lambda p: f"target 「{p.s('text')}」: {p.n('times')} × the baseline {p.n('base')}",
    },
    "goal_previous_year": {  # [text]
        "ja": lambda p: f"目標「{p.s('text')}」: 前年度の値と比べる",
        "en": lambda p: f"target 「{p.s('text')}」: compared with the previous year's value",
    },
    "goal_by": {  # [text, by, unit]
        "ja": lambda p: f"目標「{p.s('text')}」: 基準値から {p.n('by')}{p.s('unit')}",
        "en": lambda p: f"target 「{p.s('text')}」: {p.n('by')}{p.s('unit')} from the baseline",
    },
    "goal_all": {  # [text]
        "ja": lambda p: f"目標「{p.s('text')}」: 100%",
        "en": lambda p: f"target 「{p.s('text')}」: 100%",
    },
    "goal_whole": {  # [text, what, size]
        "ja": lambda p: f"目標「{p.s('text')}」: {p.s('what')}の総数 {p.n('size')}",
        "en": lambda p: f"target 「{p.s('text')}」: all {p.n('size')} ({p.s('what')})",
    },
    "not_one_number": {  # [text]: a sheet cell that is not one number (10-20, 3/5)
        "ja": lambda p: f"{p.s('text')}は一つの数値でない",
        "en": lambda p: f"{p.s('text')} is not one number",
    },
    "reference_indicator": {  # a 参照指標 row
        "ja": lambda p: "参照指標(目標値を定めない指標)",
        "en": lambda p: "a reference indicator (no target is set)",
    },
    "growth_without_baseline": {  # [text]
        "ja": lambda p: f"目標「{p.s('text')}」は基準値からの伸びだが、基準値がない",
        "en": lambda p: f"the target 「{p.s('text')}」 is a change from a baseline the sheet lacks",
    },
    "whole_without_total": {  # [text]
        "ja": lambda p: f"目標「{p.s('text')}」は全数の目標だが、その総数がシートにない",
        "en": lambda p: f"the target 「{p.s('text')}」 is all of a total the sheet does not give",
    },
    "published_differs": {  # [published, status]: an office's own category vs the status
        "ja": lambda p: (
            f"公表の評価「{p.s('published')}」と判定「{Status(p.s('status')).ja}」が異なる"
        ),
        "en": lambda p: (
            f"the published category 「{p.s('published')}」 differs from the status {p.s('status')}"
        ),
    },
    "no_target": {
        "ja": lambda p: "目標値がない",
        "en": lambda p: "no target value",
    },
    "no_target_for_year": {  # [year]
        "ja": lambda p: f"目標年度({p.fy('year')})の目標値がない",
        "en": lambda p: f"no target value for the target year ({p.fy('year')})",
    },
    "target_not_number": {  # [text]
        "ja": lambda p: f"目標値「{p.s('text') or '(空欄)'}」は数値でない",
        "en": lambda p: f"the target value “{p.s('text') or '(blank)'}” is not a number",
    },
    "no_direction": {
        "ja": lambda p: "改善の上向き／下向きが記載されていない",
        "en": lambda p: "the sheet does not say whether up or down is better",
    },
    "no_direction_or_baseline": {
        "ja": lambda p: "増減の方向が不明(方向の列も基準値もない)",
        "en": lambda p: "the direction is unknown (no direction column and no baseline)",
    },
    "direction_from_first_actual": {  # [up]
        "ja": lambda p: f"方向の記載がなく、最初の実績→目標値から{_up_ja(p)}と推定",
        "en": lambda p: f"no direction stated: {_up_en(p)}, from the first actual to the target",
    },
    "direction_from_baseline": {  # [up]
        "ja": lambda p: f"方向は基準値→目標値から{_up_ja(p)}と推定",
        "en": lambda p: f"direction {_up_en(p)}, inferred from the baseline to the target",
    },
    "direction_equal": {
        "ja": lambda p: "方向は基準値と目標値が同じため上向きとみなした",
        "en": lambda p: "direction taken as upward: the baseline and the target are equal",
    },
    # --- measures ---
    "no_rule": {
        "ja": lambda p: "定量的な目標がない(規則なし)",
        "en": lambda p: "no quantitative target (no rule)",
    },
    "no_indicator": {
        "ja": lambda p: "指標がない",
        "en": lambda p: "no indicator",
    },
    "as_written": {  # [text]: the rules file's own words, in its author's language
        "ja": _text_ja,
        "en": _text_ja,
    },
    "labelled": {  # [label, reason]
        "ja": lambda p: f"{p.s('label')}: {p.r('reason')}",
        "en": lambda p: f"{p.s('label')}: {p.r('reason')}",
    },
    "all_unmeasurable": {  # [items: labelled reasons]
        "ja": lambda p: "すべての指標が測定不能: " + _items(p, "; "),
        "en": lambda p: "no indicator is measurable: " + _items(p, "; "),
    },
}
