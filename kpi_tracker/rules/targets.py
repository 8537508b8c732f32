"""The target cell (目標及び達成の期間) → the quantitative targets it states.

One reader serves ``rules draft`` (which writes each target as an indicator) and ``rules
lint`` (which calls a measure uncovered when this reader finds a target no rule covers), so
what one sees as a target the other does too.

Steps, per cell: normalise → split into statements (``。`` at the top level, bullets ``・``
with the lead-in they hang from) → in each statement find the anchors of a target:

- a number (``quantity.find_quantities``) that the statement sets as a goal: with a bound
  (以上/以下/超/未満) or before a goal verb (とする/にする/を目指す …);
- ``全ての市町村`` / ``全都道府県`` / ``都道府県においては全て``: all of a known whole;
- a direction without a number: 増加/減少/向上/低下/半減/3割減/…前に回復 of something counted;

then read around each anchor (``target_text``): the label (the noun phrase the goal is
about), the deadline (``era.find_periods``: the period before the anchor in its statement,
else in its lead-in), the baseline (``(令和5年度:63.2%)``, ``令和2年度の58.4%から``, a ※ note
for 現状), 毎年度, 年間 (a yearly flow). Each target carries a confidence and the reasons
it was lowered.

Nothing here knows a plan: the patterns are the ways Japanese plans write goals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import UnitError
from ..text.numbers import Quantity, find_quantities
from ..text.periods import PeriodMatch, find_periods
from ..text.spans import depths, tokenize
from ..text.units import canonical_unit, unit_words
from .target_text import (
    DraftBaseline,
    Statement,
    baseline_from_notes,
    baseline_in,
    clean_label,
    content_words,
    deadline_before,
    label_for,
    noun_phrase,
    period_text,
    split_statements,
    strip_furniture,
    unit_for_label,
)

__all__ = ["DraftBaseline", "DraftedTarget", "TargetReading", "read_targets", "strip_furniture"]


@dataclass(frozen=True, slots=True)
class DraftedTarget:
    """One quantitative target as the cell states it."""

    label: str
    comparator: str  # >=, >, <=, <, increase, decrease, reduce_by_ratio
    unit: str  # as a rules file writes it (%, 人, か所)
    target: float | None = None
    deadline: str | None = None
    baseline: DraftBaseline | None = None
    every_year: bool = False
    kind: str = "stock"
    ratio: float | None = None  # reduce_by_ratio: 半減 = 0.5
    by_ratio: float | None = None  # increase by at least this share (1割以上の増加 = 0.1)
    tolerance: float = 0.0
    change: bool = False  # the target is a change (30万人増やす), not a level
    share_of: str | None = None  # the label of the target this one is a percentage of
    subject: str | None = None  # the population counted (都道府県においては…)
    words: tuple[str, ...] = ()  # content words of the label, most specific first
    source: str = ""  # the statement it came from
    confidence: float = 1.0
    why: tuple[str, ...] = ()  # why the confidence is lower


@dataclass(frozen=True)
class TargetReading:
    targets: tuple[DraftedTarget, ...] = ()
    unmeasured: str | None = None  # why a cell with numbers states no quantitative target
    hints: tuple[str, ...] = field(default_factory=tuple)  # the words that look quantitative


# --- vocabulary ----------------------------------------------------------------------------

# NOTE: 都道府県 is a whole of known size; the others change with mergers, so "all of them" is
# 100% of whatever their number is that year.
KNOWN_WHOLES = {"都道府県": 47}
_WHOLE_WORDS = "都道府県|市区町村|市町村|自治体|地方公共団体"
# 全小学校, 全ての保育所, 全地区: all of a whole whose members the plan counts itself.
_GENERIC_WHOLE = (
    r"[一-龥]{0,5}?(?:学校|校|園|保育所|施設|病院|診療所|事業所|地区|集落|団体|企業"
    r"|圏域|公民館|図書館)"
)
_ALL_OF = re.compile(
    rf"(?:全(?:ての|て|)(?P<whole>{_WHOLE_WORDS})|各(?P<each>都道府県|市区町村|市町村)において"
    rf"|(?:全(?:ての|て)?|すべての)(?P<generic>{_GENERIC_WHOLE})(?=で|に|が|の|において|へ))"
)
_SUBGROUP = re.compile(r"(?P<whole>都道府県|市区町村|市町村)においては")
_ALL_IN_SUBGROUP = re.compile(r"(?P<whole>都道府県|市区町村|市町村)においては全て")

# A statement sets a goal when one of these follows the anchor.
_GOAL = re.compile(
    r"目指|目標|とする|とし|にする|にし|となる|となり|なるよう|ようにする|高め|増や|減ら|引き上げ"
    r"|引き下げ|達成|養成|設置|得る|図る|促進|実施を|確保|回復|維持|普及|整備され|活用する"
    r"|策定|導入|配置|開設|削減|減少させ|増加させ"
)
# …ことにより, …を通じて: the means to a goal, not the goal.
_MEANS = re.compile(
    r"^(?:させる|させ|する|し|される)?(?:ことにより|ことで|ことを通じ|ことによ|により|による|を通じ|につなが)"
)
_BOUND_COMPARATOR = {
    "以上": ">=",
    "以下": "<=",
    "超": ">",
    "超え": ">",
    "を超える": ">",
    "未満": "<",
}
_AFTER_BOUND = re.compile(r"^(?:を上回る|を上回)")
_AFTER_BELOW = re.compile(r"^(?:を下回る|を下回)")
_DIRECTION = re.compile(
    r"(?P<word>増加|増大|増進|増や|向上|上昇|拡大|低下|減少|削減|縮小|減ら|抑制|半減"
    r"|(?P<wari>[0-9]+|[一二三四五六七八九])割(?:減|削減)|(?P<pct>[0-9.]+)%(?:減|削減)|(?<=比)増)"
)
_DOWN = ("低下", "減少", "削減", "縮小", "減ら", "抑制")
# An adverb between the thing counted and the direction (認知度を継続的に向上させる).
_ADVERB_BEFORE = re.compile(r"(?:継続的に|着実に|更に|さらに|一層|できる限り|できるだけ|大幅に)$")
_INCREASE_TAIL = re.compile(r"^(?:させ|する|し|を図|を目指|を目標|を促進|に加え|を|が|と)")
_UNIT_WORDS = "|".join(sorted(map(re.escape, unit_words()), key=len, reverse=True))
_COUNTED = re.compile(rf"(?:率|割合|数|度|量|額|PV|人数|{_UNIT_WORDS})(?:等)?$")
_FREQUENCY_BEFORE = re.compile(r"(?:年|毎年|毎月|月|週|日)$")
_NOT_TARGET_BEFORE = re.compile(
    r"(?:時点で|時点|現在|現状|実績は?|うち|当たり平均|平均|少なくとも)$"
)
# 毎年度4月1日時点で0人とする: a goal for a day of each year, not the current value.
_EVERY_YEAR_AT = re.compile(r"毎年度?[^、。]{0,15}?時点で$")
_FLOW_WORDS = re.compile(r"年間|件数$|回数$|アクセス数$|PV(?:数)?$")


# --- reading one cell ----------------------------------------------------------------------


def read_targets(text: str) -> TargetReading:
    """The quantitative targets a target cell states, in the order it states them."""
    statements = split_statements(text)
    notes = [s.text for s in statements if s.note]
    targets: list[DraftedTarget] = []
    hints: list[str] = []
    skipped: list[str] = []
    weak: list[DraftedTarget] = []
    for st in statements:
        if st.note:
            continue
        previous_weak = weak[-1:] if weak else []
        weak = []
        found = _read_statement(st, notes, hints, skipped, weak)
        if st.bracketed and not found and previous_weak:
            # 博物館が増加することを目標とする。(…博物館の割合:企業等24.6%…(令和元年度))
            promoted = _baseline_from_bracket(previous_weak[0], st.text)
            if promoted.baseline is not None:
                targets.append(promoted)
                hints.append(promoted.label)
                skipped.clear()
            continue
        if st.bracketed and not found and targets:
            targets[-1] = _baseline_from_bracket(targets[-1], st.text)
            continue
        if not found and targets and "維持" in st.text:
            targets[-1] = _maintained(targets[-1], st.text)
            continue
        targets.extend(found)
    targets = _distinct_labels([_consistent(t) for t in _link_shares(targets)])
    unmeasured = None
    if not targets and (skipped or hints):
        seen = "、".join(dict.fromkeys(skipped or hints))
        unmeasured = (
            f"目標欄の数値は目標値ではない({seen})"
            if skipped
            else f"目標欄の「{seen}」は手段や現状の記述で、数値目標ではない"
        )
    return TargetReading(tuple(targets), unmeasured, tuple(dict.fromkeys(hints)))


def _read_statement(
    st: Statement,
    notes: list[str],
    hints: list[str],
    skipped: list[str],
    weak: list[DraftedTarget],
) -> list[DraftedTarget]:
    text = st.text
    spans = tokenize(text, norm=text)
    depth = depths(text)
    periods, quantities = list(spans.periods), list(spans.quantities)
    out: list[tuple[int, DraftedTarget]] = []
    covered: list[tuple[int, int]] = []
    for m in _ARROW.finditer(text):
        drafted = _arrow_target(st, text, m)
        if drafted is not None:
            hints.append(m.group())
            out.append((m.start(), drafted))
            covered.append(m.span())
    for m in _TIMES.finditer(text):
        drafted = _times_target(st, text, periods, m)
        if drafted is not None:
            hints.append(m.group())
            out.append((m.start(), drafted))
            covered.append(m.span())
    for q in quantities:
        if any(s <= q.start < e for s, e in covered):
            continue
        if q.unit is None and q.bound is None:
            continue
        hints.append(q.text)
        drafted = _numeric_target(st, text, depth, periods, q, quantities, skipped)
        if drafted is not None:
            out.append((q.start, drafted))
            covered.append((q.start, q.end))
    for m in list(_ALL_OF.finditer(text)) + list(_ALL_IN_SUBGROUP.finditer(text)):
        hints.append(m.group())
        if any(s <= m.start() < e for s, e in covered):
            continue
        drafted = _all_of_target(st, text, periods, m)
        if drafted is not None:
            out.append((m.start(), drafted))
            covered.append(m.span())
    for m in _DIRECTION.finditer(text):
        if any(s - 2 <= m.start() <= e + 4 for s, e in covered) or depth[m.start()]:
            continue
        for drafted in _direction_target(st, text, periods, m, notes):
            if _UNCOUNTED in drafted.why:
                weak.append(drafted)
                continue
            hints.append(m.group("word"))
            out.append((m.start(), drafted))
            covered.append(m.span())
    recovery = re.search(r"を(?P<when>[^。を]{1,30}?(?:前|水準))に回復", text)
    if recovery and not any(s <= recovery.start() < e for s, e in covered):
        out.append((recovery.start(), _recovery_target(st, text, periods, recovery)))
    return [d for _, d in sorted(out, key=lambda pair: pair[0])]


# 合計特殊出生率 1.30(令和5年)→1.45(令和11年): a KPI table's current value → target value.
_ARROW = re.compile(
    r"(?P<base>[0-9][0-9.,]*[^\s()→⇒0-9]{0,4}?)\s*\((?P<bp>[^()]{2,20})\)\s*[→⇒]\s*"
    r"(?P<goal>[0-9][0-9.,]*[^\s()→⇒0-9]{0,4}?)\s*\((?P<gp>[^()]{2,20})\)"
)


# 210件から令和11年度までに1.5倍に増やす: a multiple of a stated value.
_TIMES = re.compile(
    r"(?P<base>[0-9][0-9,]*(?:\.[0-9]+)?[万億千]?)(?P<unit>[^\s0-9、。()]{0,4}?)(?:から|より)"
    r"[^。]{0,30}?(?P<times>[0-9]+(?:\.[0-9]+)?)倍(?P<bound>以上)?(?:に|へ|と)?"
    r"(?:増や|増加|拡大|引き上げ|高め|する|なる)"
)


def _times_target(
    st: Statement, text: str, periods: list[PeriodMatch], m: re.Match[str]
) -> DraftedTarget | None:
    base = find_quantities(m.group("base") + m.group("unit"))
    if not base:
        return None
    q = base[0]
    times = float(m.group("times"))
    unit = "%" if q.unit == "percent" else (q.unit_word or unit_for_label(text[: m.start()]))
    why: list[str] = []
    if not unit:
        unit = "件"
        why.append("単位が書かれていない(件とした)")
    before = text[: m.start()]
    when = [p for p in periods if p.end <= m.start() and m.start() - p.end <= 4]
    label = clean_label(
        noun_phrase(re.sub(r"(?:の|を)?$", "", before[: when[-1].start] if when else before))
    )
    if not label:
        label = clean_label(before) or "指標"
        why.append("指標名を文から切り出せない")
    return DraftedTarget(
        label=label,
        comparator=">=",
        unit=unit,
        target=round(q.value * times, 6),
        deadline=deadline_before(st, text, periods, m.start("times")),
        baseline=DraftBaseline(q.value, period_text(when[-1]) if when else None, unit),
        words=content_words(label),
        source=_source(st),
        confidence=_confidence([*why, f"基準値の{times:g}倍として読んだ"]),
        why=(*why, f"基準値の{times:g}倍として読んだ"),
    )


def _arrow_target(st: Statement, text: str, m: re.Match[str]) -> DraftedTarget | None:
    base, goal = find_quantities(m.group("base")), find_quantities(m.group("goal"))
    if not base or not goal or not find_periods(m.group("gp")):
        return None
    label = noun_phrase(text[: m.start()]) or text[: m.start()].strip()
    why: list[str] = []
    q = goal[0]
    unit = {"percent": "%", "wari": "%"}.get(q.unit or "", q.unit_word)
    value = q.value * 10 if q.unit == "wari" else q.value
    if unit is None:
        unit = unit_for_label(label)
        why.append(
            f"単位が書かれていない({unit}とした)" if unit else "単位が書かれていない(件とした)"
        )
        unit = unit or "件"
    return DraftedTarget(
        label=label,
        comparator=">=" if value >= base[0].value else "<=",
        unit=unit,
        target=value,
        deadline=period_text(find_periods(m.group("gp"))[0]),
        baseline=DraftBaseline(base[0].value, m.group("bp"), None),
        words=content_words(label),
        source=_source(st),
        confidence=_confidence([*why, "現状値→目標値の表から"]),
        why=(*why, "現状値→目標値の表から"),
    )


def _numeric_target(
    st: Statement,
    text: str,
    depth: list[int],
    periods: list[PeriodMatch],
    q: Quantity,
    quantities: list[Quantity],
    skipped: list[str],
) -> DraftedTarget | None:
    after = text[q.end :]
    before = text[: q.start]
    bound = q.bound
    why: list[str] = []
    inside = depth[q.start] > 0
    if inside:
        # (保育士41,200名、看護師18,300名)以上: a bound after the bracket
        close = text.find(")", q.end)
        tail = re.match(r"\)\s*(以上|以下|未満|超)", text[close:]) if close >= 0 else None
        if tail is None or text[q.start - 1 : q.start] == ":":
            return None
        bound = bound or tail.group(1)
        after = text[close + 1 + len(tail.group(1)) :]
    if (bound is None and re.match(r"^\s*から", after)) or re.search(r"\([^()]*:\s*$", before):
        return None  # a baseline: 令和2年度の58.4%から, (令和5年度:63.2%)
    if _FREQUENCY_BEFORE.search(before) and q.unit in ("times", None):
        skipped.append(f"{q.text}は頻度")
        return None
    each_year_at = bool(_EVERY_YEAR_AT.search(before.rstrip("、 ")))
    if not each_year_at and _NOT_TARGET_BEFORE.search(before.rstrip("、 ")):
        skipped.append(f"{q.text}は現状")
        return None
    change = bool(re.match(r"^(?:増や|増加|の増加|減ら|減少|の減少)", after))
    by_ratio = ratio = None
    relative = re.match(r"^の?(?:増加|増|減少|減|削減|低下|縮小)", after)
    if relative and q.unit in ("percent", "wari"):
        # 対前年度比で1割以上の増加, 平成27年と比べて30%以上減少: a change by a share.
        by_ratio = q.value / 10 if q.unit == "wari" else q.value / 100
        if relative.group().lstrip("の").startswith((*_DOWN, "減")):
            ratio, by_ratio = by_ratio, None
    if bound is None and not _GOAL.search(after[:80]):
        skipped.append(f"{q.text}は目標の語を伴わない")
        return None
    if _MEANS.match(after) and bound is None:
        return None
    comparator = _BOUND_COMPARATOR.get(bound or "", ">=")
    if _AFTER_BOUND.match(after):
        comparator = ">"
    elif _AFTER_BELOW.match(after):
        comparator = "<"
    if bound is None and not change:
        why.append("不等号の語がない(以上として読んだ)")
    value: float | None = q.value
    unit = q.unit_word
    if q.unit == "wari":
        value, unit = round(q.value * 10, 6), "%"
    elif q.unit == "percent":
        unit = "%"
    elif unit is None:
        counter = re.match(r"^の([^、。がを]{1,8}?)(?:が|を)", after)
        if counter and counter.group(1) in unit_words():
            unit = counter.group(1)  # 120以上の自治体が
        else:
            unit = "件"
            why.append("単位が書かれていない(件とした)")
    label, label_ok = label_for(
        st, text, q.start, q.end, after, quantities, inside, allow_share=q.unit == "percent"
    )
    if each_year_at:
        label = clean_label(re.sub(r"を?毎年度?[^、。]{0,15}?時点で?$", "", label)) or label
    if not label_ok:
        why.append("指標名を文から切り出せない")
    share = re.search(r"\((.+)に占める割合\)$", label)
    subject = None
    sub = list(_SUBGROUP.finditer(text[: q.start]))
    if sub and q.unit in ("wari", "percent") and q.start - sub[-1].end() < 25:
        # 地方公共団体を、都道府県においては全て、市区町村においては8割とする
        subject = sub[-1].group("whole")
        base, _ = label_for(st, text, sub[0].start(), q.end, after, [])
        between = text[sub[-1].end() : q.start]
        which = re.sub(r"を$", "", between)
        label = (
            f"{clean_label(base)}のうち{which}({subject})"
            if which
            else (f"{clean_label(base)}({subject})")
        )
    deadline = deadline_before(st, text, periods, q.start)
    every_year = bool(re.search(r"毎年度|毎年", text[: q.start]))
    kind = "flow" if re.search(r"(?<![0-9])年間", text[max(0, q.start - 8) : q.start]) else "stock"
    if kind == "stock" and _FLOW_WORDS.search(label):
        kind = "flow"
    baseline = baseline_in(text, q.start)
    if by_ratio is not None or ratio is not None:
        comparator, value, change = "increase", None, False
        unit = unit_for_label(label) or (baseline.unit if baseline and baseline.unit else None)
        if unit is None:
            unit = "件"
            why.append("単位を指標名から決められない(件とした)")
        if ratio is not None and baseline is not None:
            comparator = "reduce_by_ratio"  # 平成27年と比べて30%以上減少(平成27年:18.5)
        elif ratio is not None:
            comparator, by_ratio, ratio = "decrease", ratio, None
            why.append("基準値が書かれていない(減少として読んだ)")
    elif value == 0 and bound is None:
        comparator = "<="  # 待機児童数を0人とする: a count kept at zero
    return DraftedTarget(
        label=label,
        comparator=comparator,
        unit=unit,
        target=value,
        deadline=deadline,
        baseline=baseline if comparator in (">=", ">", "reduce_by_ratio") and baseline else None,
        every_year=every_year,
        kind=kind,
        by_ratio=by_ratio,
        ratio=ratio,
        tolerance=(0.05 if q.unit == "percent" else 0.01) if q.approx else 0.0,
        change=change,
        share_of=share.group(1) if share and unit == "%" and value is not None else None,
        subject=subject,
        words=content_words(label),
        source=_source(st),
        confidence=_confidence(why),
        why=tuple(why),
    )


def _all_of_target(
    st: Statement, text: str, periods: list[PeriodMatch], m: re.Match[str]
) -> DraftedTarget | None:
    after = text[m.end() :]
    if _MEANS.match(after) or re.match(
        r"^(?:での|で)[^。]{0,20}?(?:による|を通じ|等により)", after
    ):
        return None
    goal_after = _GOAL.search(after[:80])
    if goal_after is None:
        return None
    whole = m.group("whole") or m.group("each") or m.group("generic")
    # What is set up or spread in all of them: the words between the whole and the goal verb.
    what = after[: goal_after.start()]
    what = re.sub(r"^(?:において|で|に|への|の|は)+", "", what)
    what = re.sub(r"(?:を|が|の|こと|する|され(?:てい)?る|[、,\s])+$", "", what)
    before = text[: m.start()]
    thing = re.search(r"([^、,。]{2,30}?)の$", before)
    topic = thing.group(1) if thing else what
    if m.re is _ALL_IN_SUBGROUP:
        subgroup = _SUBGROUP.search(text)
        assert subgroup is not None  # _ALL_IN_SUBGROUP contains it
        label, _ = label_for(st, text, subgroup.start(), m.end(), after, [])
        label = f"{clean_label(label)}({whole})"
    else:
        label = f"{clean_label(topic) or whole}のある{whole}の割合" if topic else f"{whole}の割合"
    deadline = deadline_before(st, text, periods, m.start())
    return DraftedTarget(
        label=label,
        comparator=">=",
        unit="%",
        target=100.0,
        deadline=deadline,
        subject=whole,
        words=content_words(topic or label),
        source=_source(st),
        confidence=_confidence(["全○○は全体の100%として読んだ"]),
        why=("全○○は全体の100%として読んだ",),
    )


_UNCOUNTED = "指標名に数えるものがない"


def _direction_target(
    st: Statement,
    text: str,
    periods: list[PeriodMatch],
    m: re.Match[str],
    notes: list[str],
) -> list[DraftedTarget]:
    """増加/減少/半減… of something counted. A goal whose label counts nothing (博物館が増加)
    comes back marked ``_UNCOUNTED``: only a bracket with its current value makes it one."""
    word = m.group("word")
    after = text[m.end() :]
    if not _INCREASE_TAIL.match(after) and not re.match(r"^(?:る|す|さ|を|に|。|$)", after):
        return []
    adverb = _ADVERB_BEFORE.search(text, 0, m.start())
    start = adverb.start() if adverb else m.start()
    # NOTE: a rate that falls "so that" something else follows (割合が減少することを通じて…)
    # is still the measurable goal; other means to a goal are not.
    rate = re.search(r"(?:割合|率)(?:が|を)$", text[:start])
    if (_MEANS.match(after) and not rate) or re.search(r"[0-9]$", text[:start]):
        return []  # a means to the goal; or a number right before: a numeric target
    label, label_ok = label_for(st, text, start, start, after, [])
    label = clean_label(label)
    if not label:
        return []
    why: list[str] = [] if label_ok else ["指標名を文から切り出せない"]
    if not _COUNTED.search(label):
        why.append(_UNCOUNTED)
    baseline = baseline_in(text, m.start())
    ratio = None
    if word == "半減":
        ratio = 0.5
    elif m.group("wari"):
        ratio = _small_number(m.group("wari")) / 10
    elif m.group("pct"):
        ratio = float(m.group("pct")) / 100
    comparator = "decrease" if word.startswith(_DOWN) else "increase"
    by_ratio = None
    if ratio is not None:
        baseline = baseline or baseline_from_notes(notes)
        if baseline is None:
            why.append("基準値が書かれていない(減少として読んだ)")
            comparator, ratio, by_ratio = "decrease", None, ratio
        else:
            comparator = "reduce_by_ratio"
            why.append("基準値は注記から")
    deadline = deadline_before(st, text, periods, m.start())
    every_year = bool(re.search(r"毎年度", text[: m.start()]))
    labels = [label]
    pair = re.fullmatch(r"(?P<a>.+?への|.+の)(?P<x>[^のや]+)や(?P<y>[^のや]+)", label)
    if pair and _COUNTED.search(pair.group("x")) and _COUNTED.search(pair.group("y")):
        # アクセス件数や相談件数の増大: two counts, one goal each.
        labels = [pair.group("a") + pair.group("x"), pair.group("a") + pair.group("y")]
    out = []
    for one in labels:
        reasons = list(why)
        unit = unit_for_label(one) or (baseline.unit if baseline and baseline.unit else None)
        if unit is None:
            unit = "件"
            reasons.append("単位を指標名から決められない(件とした)")
        out.append(
            DraftedTarget(
                label=one,
                unit=unit,
                kind="flow" if _FLOW_WORDS.search(one) else "stock",
                words=content_words(one),
                confidence=_confidence(reasons),
                why=tuple(reasons),
                comparator=comparator,
                ratio=ratio,
                by_ratio=by_ratio,
                baseline=baseline,
                deadline=deadline,
                every_year=every_year,
                source=_source(st),
            )
        )
    return out


def _recovery_target(
    st: Statement, text: str, periods: list[PeriodMatch], m: re.Match[str]
) -> DraftedTarget:
    label, _ = label_for(st, text, m.start(), m.start(), text[m.start() :], [])
    label = clean_label(label)
    when = m.group("when")
    why = ["回復は基準時の水準に対する100%として読んだ"]
    return DraftedTarget(
        label=f"{label}の{when}に対する回復率",
        comparator=">=",
        unit="%",
        target=100.0,
        deadline=deadline_before(st, text, periods, m.start()),
        words=(*content_words(label), "回復"),
        source=_source(st),
        confidence=_confidence(why),
        why=tuple(why),
    )


def _baseline_from_bracket(target: DraftedTarget, text: str) -> DraftedTarget:
    """A bracket after a goal with no number: (民間の主体と連携する博物館の割合:企業等24.6%…)."""
    if target.baseline is not None or target.target is not None:
        return target
    head, _, rest = text.partition(":")
    quantities = [q for q in find_quantities(rest) if q.unit]
    periods = find_periods(rest)
    if not quantities or not periods:
        return target
    q = quantities[0]
    unit = "%" if q.unit == "percent" else q.unit_word
    why = (*(w for w in target.why if w != _UNCOUNTED), "基準値は括弧書きの最初の数値")
    return replace(
        target,
        label=head.strip() or target.label,
        unit=unit or target.unit,
        baseline=DraftBaseline(q.value, period_text(periods[-1]), unit),
        words=content_words(head) or target.words,
        confidence=_confidence(list(why)),
        why=why,
    )


def _maintained(target: DraftedTarget, text: str) -> DraftedTarget:
    """また、令和7年度においても設置箇所数を維持する: the same goal, due later."""
    periods = find_periods(text)
    if not periods or target.target is None:
        return target
    return replace(target, deadline=period_text(periods[-1]))


def _distinct_labels(targets: list[DraftedTarget]) -> list[DraftedTarget]:
    """研修の受講率を2025年までに40%、2030年までに70%: one label, two goals, told apart by
    their deadlines (受講率(2025年目標))."""
    counts: dict[str, int] = {}
    for t in targets:
        counts[t.label] = counts.get(t.label, 0) + 1
    return [
        replace(t, label=f"{t.label}({t.deadline}目標)")
        if counts[t.label] > 1 and t.deadline and t.share_of is None
        else t
        for t in targets
    ]


def _consistent(target: DraftedTarget) -> DraftedTarget:
    """A baseline counted in another unit than the target (令和2年度の58.4%から…30万件) is not
    this target's: it is left out rather than written into a rules file that cannot load."""
    b = target.baseline
    if b is None or b.unit is None or _same_unit(b.unit, target.unit):
        return target
    why = (*target.why, f"基準値の単位({b.unit})が目標と違う(基準値を外した)")
    if target.comparator == "reduce_by_ratio":
        return replace(
            target,
            comparator="decrease",
            by_ratio=target.ratio,
            ratio=None,
            baseline=None,
            why=why,
            confidence=_confidence(list(why)),
        )
    return replace(target, baseline=None, why=why, confidence=_confidence(list(why)))


def _same_unit(a: str, b: str) -> bool:
    try:
        return canonical_unit(a) == canonical_unit(b)
    except UnitError:
        return False


def _link_shares(targets: list[DraftedTarget]) -> list[DraftedTarget]:
    """計画作成件数を受付件数の60%とする: a percentage of an earlier target."""
    out: list[DraftedTarget] = []
    for t in targets:
        if t.share_of is not None:
            of = next((e for e in out if t.share_of in e.label and e.unit != "%"), None)
            t = replace(t, share_of=of.label, kind=of.kind) if of else replace(t, share_of=None)
        out.append(t)
    return out


def _small_number(token: str) -> int:
    kanji = "〇一二三四五六七八九"
    return kanji.index(token) if token in kanji else int(token)


def _source(st: Statement) -> str:
    return st.text.strip()


# NOTE: a guessed unit or a missing baseline can make the rule read the wrong number; a
# label cut loosely or a bound left implicit rarely does. So the first weigh twice.
_SERIOUS = ("件とした", "基準値が書かれていない")


def _confidence(why: list[str]) -> float:
    penalty = sum(0.3 if any(s in w for s in _SERIOUS) else 0.15 for w in why)
    return round(max(0.3, 0.95 - penalty), 2)
