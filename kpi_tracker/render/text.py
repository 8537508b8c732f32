"""Labels and cell helpers shared by the renderers (Japanese first, English on request)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import OVERDUE_JA, Comparator, Status
from ..shape import ChangeData, IndicatorData, JudgedData, ScorecardData
from ..text.numfmt import format_number

number = format_number  # the renderers' name for it

LABELS = {
    "ja": {
        **{s.value: s.ja for s in Status},
        "overdue": f"{Status.BEHIND.ja}({OVERDUE_JA})",
        "measures": "施策",
        "indicators": "指標",
        "title": "目標達成状況スコアカード",
        "as_of": "基準日",
        "source": "出典",
        "no": "No.",
        "name": "施策名",
        "indicator": "指標",
        "target": "目標",
        "actual": "実績",
        "period": "時点",
        "deadline": "期限",
        "status": "判定",
        "evidence": "根拠",
        "reason": "理由",
        "ministries": "担当府省庁",
        "line": "行",
        "missed": "未達の目標",
        "explain": "値の選び方(候補と得点)",
        "chosen": "採用",
        "all": "全施策",
        "verdict_ok": "未達の目標はありません",
        "verdict_bad": "未達の目標 {behind} 件(うち期限超過 {overdue} 件)",
        "grade": "評価区分",
        "provisional": "見込み・速報値",
        "no_indicator": "定量目標なし",
        "filter_ministry": "府省庁で絞り込み",
        "filter_status": "判定で絞り込み",
        "everything": "すべて",
        "by_section": "分野別の判定",
        "by_ministry": "府省庁別の判定",
        "details": "全指標の一覧",
        "progress": "進捗",
        "rows": "行を表示",
        "filter_section": "分野",
        "filter_text": "検索",
        "filter_text_hint": "施策名・指標・根拠の語",
        "chart_hint": "棒をクリックすると、その分野・府省庁と判定で表を絞り込みます。",
        "history_title": "指標の推移",
        "no_values": "数値なし",
        "no_reports": "保存された報告がない",
        "status_by_year": "報告ごとの判定の件数",
        "by_indicator": "指標ごとの推移",
        "history_legend": "点は各報告の実績(色は判定)、破線は目標、縦の点線は期限。",
        "compare_title": "前年度比較",
        "previous": "前回",
        "current": "今回",
        "delta": "増減",
        "movement": "動き",
        "slope": "目標に対する割合: 前回 → 今回",
        "target_line": "目標",
        "changes": "変化のあった指標",
        "unchanged_rows": "変化のない指標",
        "yoy": "前年度比",
    },
    "en": {
        **{s.value: s.en for s in Status},
        "overdue": f"{Status.BEHIND.en} (overdue)",
        "measures": "measures",
        "indicators": "indicators",
        "title": "Target achievement scorecard",
        "as_of": "as of",
        "source": "source",
        "no": "No.",
        "name": "measure",
        "indicator": "indicator",
        "target": "target",
        "actual": "actual",
        "period": "period",
        "deadline": "deadline",
        "status": "status",
        "evidence": "evidence",
        "reason": "reason",
        "ministries": "ministries",
        "line": "line",
        "missed": "Missed targets",
        "explain": "How each value was chosen (candidates and scores)",
        "chosen": "chosen",
        "all": "All measures",
        "verdict_ok": "No missed targets",
        "verdict_bad": "{behind} missed targets ({overdue} overdue)",
        "grade": "grade",
        "provisional": "provisional",
        "no_indicator": "no quantitative target",
        "filter_ministry": "Filter by ministry",
        "filter_status": "Filter by status",
        "everything": "all",
        "by_section": "Status by section",
        "by_ministry": "Status by ministry",
        "details": "All indicators",
        "progress": "progress",
        "rows": "rows shown",
        "filter_section": "Section",
        "filter_text": "Search",
        "filter_text_hint": "words of a measure, indicator or evidence",
        "chart_hint": "Click a bar to filter the tables to that group and status.",
        "history_title": "Indicators over time",
        "no_values": "no values",
        "no_reports": "no reports stored",
        "status_by_year": "Status counts of each report",
        "by_indicator": "Each indicator over time",
        "history_legend": "Points are each report's value (coloured by status), the dashed "
        "line the target, the dotted vertical line the deadline.",
        "compare_title": "Year over year",
        "previous": "previous",
        "current": "current",
        "delta": "change",
        "movement": "movement",
        "slope": "Share of target: previous → current",
        "target_line": "target",
        "changes": "Indicators that changed",
        "unchanged_rows": "Indicators without change",
        "yoy": "Year over year",
    },
}

MOVEMENT_LABELS = {
    "ja": {
        "missed_now": "新たに未達",
        "worsened": "悪化",
        "deadline_passed": "期限到来",
        "met_now": "新たに達成",
        "improved": "改善",
        "new": "新規",
        "dropped": "削除",
        "unchanged": "変化なし",
    },
    "en": {
        "missed_now": "newly missed",
        "worsened": "worsened",
        "deadline_passed": "deadline passed",
        "met_now": "newly met",
        "improved": "improved",
        "new": "new",
        "dropped": "dropped",
        "unchanged": "unchanged",
    },
}
# What each movement means, for a legend (ja, en).
MOVEMENT_HELP = {
    "ja": {
        "deadline_passed": "期限到来: 値は目標へ近づいたか横ばいだが、期限が来て判定が下がった",
        "improved": "改善・悪化: 値が目標へ近づいた・遠ざかった",
    },
    "en": {
        "deadline_passed": "deadline passed: the value held or moved toward the target, but the "
        "deadline came and the status fell",
        "improved": "improved / worsened: the value moved toward / away from the target",
    },
}

MARKS = {s.value: s.mark for s in Status}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["ja"])


def movement_text(movement: str, lang: str) -> str:
    return MOVEMENT_LABELS.get(lang, MOVEMENT_LABELS["ja"])[movement]


# How a deadline_passed movement's value moved (the label alone would hide it).
DEADLINE_VALUE = {
    "ja": {"toward": "期限到来(値は改善)", "same": "期限到来(値は横ばい)"},
    "en": {"toward": "deadline passed (value improved)", "same": "deadline passed (value held)"},
}


def movement_label(item: IndicatorData | ChangeData, lang: str) -> str:
    """An indicator's (or a change's) movement for a table cell; a passed deadline also says
    how the value moved: ``期限到来(値は改善)``."""
    move = item["movement"]
    direction = item.get("direction")
    if move == "deadline_passed" and direction in ("toward", "same"):
        return DEADLINE_VALUE.get(lang, DEADLINE_VALUE["ja"])[str(direction)]
    return movement_text(move, lang)


def progress_text(progress: object) -> str:
    """A share of the target as a whole percentage: ``93%``; ``—`` for none."""
    return "—" if progress is None else f"{float(progress) * 100:.0f}%"  # type: ignore[arg-type]


def delta_text(delta: object, delta_pct: object, unit: str, lang: str = "ja") -> str:
    """A change with its sign and unit, and in percent where there is one: ``+234人 (+3.4%)``.
    A change of a percentage is in points: ``−3ポイント (−3.9%)``."""
    if delta is None:
        return "—"
    if unit == "%":
        unit = "ポイント" if lang == "ja" else " pt"
    sign = "+" if float(delta) > 0 else "±" if float(delta) == 0 else "−"  # type: ignore[arg-type]
    text = f"{sign}{number(abs(float(delta)))}{unit}"  # type: ignore[arg-type]
    if delta_pct is not None:
        pct = float(delta_pct)  # type: ignore[arg-type]
        text += f" ({'+' if pct > 0 else '−' if pct < 0 else '±'}{abs(pct):.1f}%)"
    return text


# The four a year-over-year headline always names; the others only when they occur.
HEADLINE_MOVEMENTS = ("improved", "worsened", "met_now", "missed_now")


def movement_counts(counts: dict[str, int], lang: str, always: tuple[str, ...] = ()) -> str:
    """``悪化 1、期限到来 2``: the movements that occur (and those in ``always``), worst first."""
    from ..judge.compare import MOVEMENTS

    sep = "、" if lang == "ja" else ", "
    return sep.join(
        f"{movement_text(m, lang)} {counts[m]}" for m in MOVEMENTS if counts.get(m) or m in always
    )


def yoy_headline(data: ScorecardData, lang: str) -> str | None:
    """``前年度比(2025年度): 改善 3、悪化 1、…``, for a scorecard given its previous report."""
    yoy = data.get("year_over_year")
    if not yoy:
        return None
    prev = yoy["previous"]
    year = prev.get("fiscal_year")
    when = (f"{year}年度" if lang == "ja" else f"FY{year}") if year else str(prev["title"])
    counts = yoy["movement"]
    body = movement_counts(
        {m: n for m, n in counts.items() if m != "unchanged"}, lang, HEADLINE_MOVEMENTS
    )
    return f"{labels(lang)['yoy']} ({when}): {body}"


def previous_text(ind: IndicatorData) -> str:
    """The indicator's value in the previous report, with its unit; ``—`` for none."""
    prev = ind.get("previous")
    if not prev or prev["actual"] is None:
        return "—"
    return number(prev["actual"]) + ind["unit"]


def status_text(status: str, overdue: bool, lang: str) -> str:
    key = "overdue" if overdue and status == Status.BEHIND else status
    return labels(lang)[key]


def target_text(ind: JudgedData, lang: str = "ja") -> str:
    target = ind["target"]
    comparator = Comparator(ind["comparator"])
    unit = ind["unit"]
    if target is None:
        return comparator.ja if lang == "ja" else comparator
    value = number(target) + unit
    if lang != "ja":
        return f"{comparator} {value}"
    if comparator.against_reference:
        return f"{value}より{comparator.ja}"
    return value + comparator.ja


def actual_text(ind: IndicatorData) -> str:
    if ind["actual"] is None:
        return "—"
    text = number(ind["actual"]) + ind["unit"]
    if ind.get("provisional"):
        text += "(見込み)"
    return text


def period_text(ind: JudgedData) -> str:
    period = ind["period"]
    return str(period["text"]) if period is not None else "—"


# NOTE: brackets are escaped so that document text never forms a link or an image
# (`![px](https://…)`, `[click](javascript:…)`): it is shown as written.
_MD_CELL = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "&#124;",
        "\r": " ",
        "\n": "<br>",
        "[": "\\[",
        "]": "\\]",
    }
)


def md_cell(text: object) -> str:
    """Document text inside a Markdown table cell: HTML-escaped (GitHub renders inline HTML),
    pipes and line breaks neutralised so a cell stays one cell."""
    return str(text).translate(_MD_CELL)


def missed(data: ScorecardData) -> list[IndicatorData]:
    """The behind indicators of a scorecard dict, overdue first, then by measure."""
    return missed_of(data["indicators"])


def missed_of(indicators: Iterable[IndicatorData]) -> list[IndicatorData]:
    """``missed`` of indicators given one at a time (those not behind are not kept)."""
    behind = [i for i in indicators if i["status"] == Status.BEHIND]
    return sorted(behind, key=lambda i: (not i["overdue"], i["measure"]))


def verdict(missed_targets: list[IndicatorData], lang: str) -> str:
    """The one-line verdict: how many targets were missed, how many of them overdue."""
    overdue = sum(1 for i in missed_targets if i["overdue"])
    return verdict_of(len(missed_targets), overdue, lang)


def verdict_of(behind: int, overdue: int, lang: str) -> str:
    """``verdict`` from the counts."""
    L = labels(lang)
    if not behind:
        return L["verdict_ok"]
    return L["verdict_bad"].format(behind=behind, overdue=overdue)


def explained(data: ScorecardData, lang: str) -> list[tuple[IndicatorData, list[str]]]:
    """Per indicator with candidates (``--explain``), one line per candidate: the value, its
    score, whether it was chosen, and why."""
    L = labels(lang)
    out = []
    for i in data["indicators"]:
        lines = []
        for c in i.get("candidates") or ():
            mark = f"✔ {L['chosen']} " if c["chosen"] else ""
            when = f" ({c['period']})" if c["period"] else ""
            lines.append(
                f"{mark}{number(c['value'])}{c['unit']}{when} — {c['score']:.3f}: "
                + "、".join(c["why"])
            )
        if lines:
            out.append((i, lines))
    return out
