"""``rules draft``: a rules file drafted from a document's target column, valid as written.

Each measure's 目標及び達成の期間 cell goes through ``targets.read_targets``; every target it
finds becomes an indicator, every cell without one an ``unmeasured`` entry with the reason.
When the document is a status report, its status column helps to choose two things the
target cell cannot tell: the ``find`` words (the label words the report writes beside its
numbers, checked with the extractor) and, for a target without a unit, the unit the report
counts in. A plan's own table (no status column) gets the label words as they are.

The YAML is written by hand, not dumped, so that each item carries its source line and its
confidence as comments, and items below ``REVIEW_BELOW`` are marked ``# review``.
``draft_merge.merge`` adds a draft to a person's file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..errors import DocumentError, Location, RulesError
from ..model import Comparator, Document, Measure
from ..text.units import unit_words
from .targets import KNOWN_WHOLES, DraftedTarget, TargetReading, read_targets

__all__ = [
    "REVIEW_BELOW",
    "Draft",
    "DraftedItem",
    "draft_rules",
    "item_lines",
    "scalar",
    "yaml_number",
]

REVIEW_BELOW = 0.7
QUALITATIVE_REASON = "定性的な目標(目標欄に数値目標も増減の目標もない)"


@dataclass(frozen=True)
class DraftedItem:
    measure: int
    id: str
    target: DraftedTarget
    find: dict[str, Any]
    line: int  # the measure's line in the document
    confidence: float
    by: float | None = None  # decrease by at least this amount (a ▲100人 target)


@dataclass(frozen=True)
class Draft:
    plan: str
    description: str
    items: tuple[DraftedItem, ...]
    unmeasured: dict[int, str]
    title_lines: tuple[str, ...] = ()  # the document's, to tell whose plan it is

    def text(self) -> str:
        return render(self)


# --- drafting ---------------------------------------------------------------------------------


def draft_rules(document: Document) -> Draft:
    """The rules a document's target column states."""
    if getattr(document, "sheet", None) is not None:
        raise DocumentError(
            "a structured KPI sheet needs no rules file: its columns give the targets",
            Location(document.source),
        )
    items: list[DraftedItem] = []
    unmeasured: dict[int, str] = {}
    for measure in document.measures:
        reading = read_targets(measure.target_text)
        if not reading.targets:
            unmeasured[measure.no] = reading.unmeasured or QUALITATIVE_REASON
            continue
        items.extend(_items_of(measure, reading))
    description = f"{document.title}の目標欄から下書き(kpi-tracker rules draft)"
    draft = Draft(
        plan_identity(document.plan), description, tuple(items), unmeasured, document.title_lines
    )
    return _valid(draft)


# （令和7年度～令和11年度）, (2025-2029年度), 令和7年度版: a plan's period, not its name.
_YEAR = r"(?:(?:明治|大正|昭和|平成|令和)\s*(?:[0-9０-９]{1,2}|元)|[12][0-9]{3}|[0-9０-９]{1,2})"
_PLAN_PERIOD = re.compile(
    rf"\s*[(（〔【]?\s*(?:{_YEAR}\s*(?:年度?)?\s*[~～〜\-－―]\s*{_YEAR}?\s*年度?|{_YEAR}\s*年度?)"
    r"(?:版|改訂版)?\s*[)）〕】]?"
)


def plan_identity(plan: str) -> str:
    """A plan's name without its period, so that the rules drafted from the plan serve its
    yearly reports: ``…総合戦略（令和7年度～令和11年度）`` → ``…総合戦略``, which the report
    ``… 令和7年度進捗状況報告`` contains."""
    name = _PLAN_PERIOD.sub("", plan).strip()
    return name or plan


def _valid(draft: Draft) -> Draft:
    """The draft, valid as written: an item the rules schema refuses (a target cell read in a
    way no rule can state) is left out, and its measure listed under ``unmeasured`` with the
    reason, for a person to write by hand. NOTE: a guard behind the reading, not a repair of it."""
    from .schema import validate

    for _ in range(len(draft.items) + 1):
        try:
            validate(draft.text(), "draft")
            return draft
        except RulesError as exc:
            bad = next((i for i in draft.items if i.id == exc.where.rule), None)
            if bad is None:
                raise
            items = tuple(i for i in draft.items if i is not bad)
            unmeasured = dict(draft.unmeasured)
            if not any(i.measure == bad.measure for i in items):
                unmeasured[bad.measure] = (
                    f"目標欄の数値から規則を下書きできない({bad.target.source[:60]}: "
                    f"{exc.what})。手で書くこと"
                )
            draft = replace(draft, items=items, unmeasured=unmeasured)
    return draft


def _items_of(measure: Measure, reading: TargetReading) -> list[DraftedItem]:
    out: list[DraftedItem] = []
    ids: dict[str, str] = {}
    for k, target in enumerate(reading.targets, start=1):
        item_id = f"m{measure.no}-{k}"
        ids[target.label] = item_id
        target, by = _fall(target)
        if measure.status_text:
            target = _unit_from_status(target, measure)
        siblings = [i.target for i in out] + [target] + list(reading.targets[k:])
        find = _find_for(target, measure, siblings)
        out.append(
            DraftedItem(measure.no, item_id, target, find, measure.line, target.confidence, by)
        )
    return [
        replace(i, target=replace(i.target, share_of=ids.get(i.target.share_of or "")))
        if i.target.share_of
        else i
        for i in out
    ]


def _fall(target: DraftedTarget) -> tuple[DraftedTarget, float | None]:
    """A negative target (▲100人, △5%, −100人) is a fall of that size, not a level below zero:
    a ``decrease`` by it (a share of the reference for 前年度比 ▲5%), marked for review. A rules
    file has no negative level (counts and shares never are)."""
    value = target.target
    if value is None or value >= 0 or target.comparator not in (">=", ">", "<=", "<"):
        return target, None
    amount = abs(value)
    by_ratio = None
    by: float | None = amount
    if target.unit == "%" and "比" in target.source:
        by_ratio, by = amount / 100, None
    fall = replace(
        target,
        comparator="decrease",
        target=None,
        by_ratio=by_ratio,
        why=(*target.why, f"負の目標値({yaml_number(value)}{target.unit})は減少幅と読んだ"),
        confidence=min(target.confidence, REVIEW_BELOW - 0.1),
    )
    return fall, by


def _indicator(target: DraftedTarget, find: dict[str, Any]) -> Any:
    from .compiled import indicator_from_dict

    data = _indicator_dict("probe", target, find)
    data.pop("share_of", None)
    data.pop("baseline", None)
    data["unit"] = find["units"][0]
    if not Comparator(data["comparator"]).against_reference:
        data["comparator"], data["target"] = ">=", 0
    data.pop("ratio", None)
    return indicator_from_dict(data)


def _reads_one_value(target: DraftedTarget, find: dict[str, Any], measure: Measure) -> Any | None:
    """The observation ``find`` picks out of the status text, when it picks exactly one value
    for the latest period it names (two different values are as bad as none)."""
    from ..extract.candidates import extract

    try:
        result = extract(_indicator(target, find), measure.status_text, measure.target_text)
    except ValueError:
        return None
    observations = [o for o in getattr(result, "observations", ()) if o.change is None] or list(
        getattr(result, "observations", ())
    )
    if not observations:
        return None
    latest = max(o.period.end if o.period else date.min for o in observations)
    values = {
        round(o.value, 6)
        for o in observations
        if (o.period.end if o.period else date.min) == latest
    }
    return observations[0] if len(values) == 1 else None


def _fit(target: DraftedTarget, find: dict[str, Any], measure: Measure) -> float:
    """How well ``find`` reads one value: the extractor's best candidate score, 0 for none or
    for two values (label words are hints: a weak fit in another unit is still a fit)."""
    from ..extract.candidates import extract

    if _reads_one_value(target, find, measure) is None:
        return 0.0
    result = extract(_indicator(target, find), measure.status_text, measure.target_text)
    return max((c.score for c in getattr(result, "candidates", ())), default=1.0)


def _tries(target: DraftedTarget, word: str, units: list[str]) -> list[dict[str, Any]]:
    """Ways to find the value with one label word: beside the number, with or without a unit
    word after it, or anywhere in its sentence (a list's lead-in: 実施自治体数の増加 ・…)."""
    base: dict[str, Any] = {"units": units}
    if target.change:
        base["value"] = "change"
    if target.subject:
        subject = {"label": [_alternatives(target.subject)], "topic": [word]}
        return [{**base, **subject}, {**base, "topic": [word]}]
    tries = [{**base, "label": [word]}]
    if units[0] in ("回", "件", "人"):
        tries.append({**base, "label": [word], "bare": True})
    tries.append({**base, "topic": [word]})
    return tries


def _find_for(
    target: DraftedTarget, measure: Measure, siblings: list[DraftedTarget]
) -> dict[str, Any]:
    """The words that find the reported value: a label word the status text uses beside one
    value of the right unit (tried with the extractor), else the most specific label word.
    A word shared with another target of the measure (就職率, アクセス数) does not tell them
    apart and is tried last."""
    units = _compatible(target.unit)
    if target.share_of:
        of = next((s for s in siblings if s.label == target.share_of), None)
        units = _compatible(of.unit if of else "件")
    own_label = re.sub(r"\([^()]*に占める割合\)$", "", target.label)
    pieces = _pieces(own_label, [] if target.share_of else list(target.words))
    others = {
        p
        for s in siblings
        if s.label != target.label and s.subject == target.subject
        for p in _pieces(s.label, [])
    }
    own = [w for w in pieces if w not in others]
    candidates = own or pieces
    negated = _negations(target.label, measure.status_text)
    if measure.status_text:
        for word in own:
            for find in _tries(target, word, units):
                if negated:
                    find = {**find, "exclude": negated}
                if _reads_one_value(target, find, measure) is not None:
                    return find
    return _tries(target, candidates[0], units)[0]


def _negations(label: str, status: str) -> list[str]:
    """The label's verbs negated, where the status text uses them so: a sentence about
    児童生徒 who 相談・指導等を受けていない is not about those who 受けた."""
    found = []
    for m in re.finditer(r"([一-龥]+[けしきめれえいち])た", label):
        negative = f"{m.group(1)}ていない"
        if negative in status:
            found.append(negative)
    return found


def _compatible(unit: str) -> list[str]:
    """The unit and the other words a report may write it with (回 and PV)."""
    if unit in ("回", "PV"):
        return ["回", "PV"]
    return [unit]


def _alternatives(whole: str) -> str:
    return "市区町村|市町村" if whole in ("市区町村", "市町村") else whole


def _pieces(label: str, words: list[str]) -> list[str]:
    """Label words to try as ``find`` words, most specific first: a name in 「」, each phrase
    between particles (longest first), the kanji and katakana runs of a phrase whose verb a
    report may conjugate otherwise (結婚支援に取り組む → 結婚支援), then each phrase without what
    a report leaves off (年間, 本, 者, 数, 率)."""
    parts = re.split(r"における|への|による|の|を|が|や|等|、|・|\(|\)|「|」", label)
    quoted = re.findall(r"「([^」]{2,})」", label)  # a name: 「つながろうね」
    phrases = sorted(dict.fromkeys(p for p in parts if len(p) >= 2), key=len, reverse=True)
    phrases = quoted + [p for p in phrases if p not in quoted]
    trimmed = [
        re.sub(r"(?:者|数|率|割合|件数|人数)$", "", re.sub(r"^(?:年間|本|同|当該)", "", p))
        for p in phrases
    ]
    tails = [m.group() for p in phrases if (m := re.search(r"[ァ-ヴー]{3,}$", p))]
    runs = [r for p in phrases for r in re.findall(r"[一-龥ァ-ヴー々A-Za-z]{2,}", p) if r != p]
    out = list(phrases)
    out += [t for t in runs + trimmed + tails + words if len(t) >= 2 and t not in out]
    # A number is this year's; a short piece ending in kana is a cut word (もの → も).
    out = [w for w in out if not re.search(r"[0-9]", w)]
    return [w for w in out if not (len(w) <= 4 and re.search(r"[ぁ-ん]$", w))] or [label]


def _unit_from_status(target: DraftedTarget, measure: Measure) -> DraftedTarget:
    """A unit the target cell left open (全都道府県, 8,000以上, 指定数の増加), read from the unit
    the status text counts the same thing in."""
    guessed = any("件とした" in w for w in target.why)
    whole = target.subject if target.subject in KNOWN_WHOLES and target.target == 100.0 else None
    if whole:
        for word in _pieces(target.label, list(target.words)):
            if word == whole:
                continue
            found = {"label": [whole], "topic": [word], "units": ["%"]}
            share = _fit(target, found, measure)
            count = _fit(target, {**found, "units": [whole]}, measure)
            if count > share:
                why = (*target.why, f"状況欄が{whole}の数で数えている")
                return replace(target, unit=whole, target=float(KNOWN_WHOLES[whole]), why=why)
            if share > 0:
                return target  # the report gives the share: 100%
        return target
    if not guessed:
        return target
    counts = sorted({w for w, v in unit_words().items() if v not in ("percent", "wari")})
    for word in _pieces(target.label, list(target.words)):
        fits = [(_fit(target, {"label": [word], "units": [u]}, measure), u) for u in counts]
        score, unit = max(fits)
        if score > 0:
            why = tuple(w for w in target.why if "件とした" not in w)
            why = (*why, f"単位は状況欄の数値から({unit})")
            return replace(target, unit=unit, why=why, confidence=_raise(target.confidence))
    return target


def _raise(confidence: float) -> float:
    return round(min(0.95, confidence + 0.15), 2)


# --- the YAML ---------------------------------------------------------------------------------


def _indicator_dict(
    item_id: str, t: DraftedTarget, find: dict[str, Any], by: float | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item_id, "label": t.label, "find": find}
    data["comparator"] = t.comparator
    if t.target is not None:
        data["target"] = yaml_number(t.target)
    if by is not None:
        data["by"] = yaml_number(by)
    if t.tolerance:
        data["tolerance"] = t.tolerance
    data["unit"] = t.unit
    if t.ratio is not None:
        data["ratio"] = t.ratio
    if t.by_ratio is not None:
        data["by_ratio"] = round(t.by_ratio, 6)
    if t.baseline is not None:
        baseline: dict[str, Any] = {"value": yaml_number(t.baseline.value)}
        if t.baseline.period:
            baseline["period"] = t.baseline.period
        if t.baseline.unit and t.baseline.unit != t.unit:
            baseline["unit"] = t.baseline.unit
        data["baseline"] = baseline
    if t.share_of:
        data["share_of"] = t.share_of
    if t.kind != "stock":
        data["kind"] = t.kind
    if t.every_year:
        data["every_year"] = True
    if t.deadline:
        data["deadline"] = t.deadline
    return data


def yaml_number(value: float) -> float | int:
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return round(value, 4)


_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.~][^:#,\[\]{}]*$")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in (
        "true",
        "false",
        "yes",
        "no",
        "null",
        "on",
        "off",
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _yaml_lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for key, v in value.items():
        if isinstance(v, dict):
            out.append(f"{pad}{key}:")
            out.extend(_yaml_lines(v, indent + 2))
        elif isinstance(v, list):
            out.append(f"{pad}{key}: [{', '.join(scalar(x) for x in v)}]")
        else:
            out.append(f"{pad}{key}: {scalar(v)}")
    return out


def item_lines(item: DraftedItem, indent: int = 4) -> list[str]:
    """One drafted indicator as YAML list-item lines, with its source and confidence."""
    pad = " " * indent
    t = item.target
    note = f"# 目標欄(文書{item.line}行目): {_comment(t.source)[:160]}"
    lines = [f"{pad}{note}"]
    mark = f"信頼度 {item.confidence:.2f}"
    if item.confidence < REVIEW_BELOW:
        mark += " # review: " + "、".join(t.why)
    elif t.why:
        mark += " (" + "、".join(t.why) + ")"
    body = _yaml_lines(_indicator_dict(item.id, t, item.find, item.by), indent + 2)
    body[0] = f"{pad}- {body[0].lstrip()}  # {mark}"
    return lines + body


def render(draft: Draft) -> str:
    lines = [
        "# 目標欄から下書きした規則。`# review` の付いた項目は確かめてから使うこと。",
        "# Drafted from the target column: check the items marked `# review` before use.",
        f"plan: {scalar(draft.plan)}",
        "version: 1",
        f"description: {scalar(draft.description)}",
        "",
    ]
    if draft.unmeasured:
        lines.append("unmeasured:")
        lines += [f"  {no}: {scalar(why)}" for no, why in sorted(draft.unmeasured.items())]
        lines.append("")
    lines.append("measures:" if draft.items else "measures: {}")
    current = None
    for item in draft.items:
        if item.measure != current:
            current = item.measure
            lines.append(f"  {item.measure}:")
        lines += item_lines(item)
    return "\n".join(lines) + "\n"
