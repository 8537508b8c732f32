"""``rules draft``: a rules file drafted from a document's target column, valid as written.

Each measure's 目標及び達成の期間 cell goes through ``targets.read_targets``; every target it
finds becomes an indicator, every cell without one an ``unmeasured`` entry with the reason.
When the document is a status report, its status column helps to choose two things the
target cell cannot tell: the ``find`` words (the label words the report writes beside its
numbers, checked with the extractor) and, for a target without a unit, the unit the report
counts in. A plan's own table (no status column) gets the label words as they are.

The YAML is written by hand, not dumped, so that each item carries its source line and its
confidence as comments, and items below ``REVIEW_BELOW`` are marked ``# review``.
``merge`` adds to a person's file only what it lacks, line by line, so their comments and
edits stay as they wrote them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from .document import Document, Measure
from .errors import DocumentError, Location, RulesError
from .targets import KNOWN_WHOLES, DraftedTarget, TargetReading, read_targets
from .units import unit_words

__all__ = ["REVIEW_BELOW", "Draft", "DraftedItem", "draft_rules", "merge"]

REVIEW_BELOW = 0.7
_QUALITATIVE = "定性的な目標(目標欄に数値目標も増減の目標もない)"


@dataclass(frozen=True)
class DraftedItem:
    measure: int
    id: str
    target: DraftedTarget
    find: dict[str, Any]
    line: int  # the measure's line in the document
    confidence: float


@dataclass(frozen=True)
class Draft:
    plan: str
    description: str
    items: tuple[DraftedItem, ...]
    unmeasured: dict[int, str]

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
            unmeasured[measure.no] = reading.unmeasured or _QUALITATIVE
            continue
        items.extend(_items_of(measure, reading))
    description = f"{document.title}の目標欄から下書き(kpi-tracker rules draft)"
    return Draft(document.plan, description, tuple(items), unmeasured)


def _items_of(measure: Measure, reading: TargetReading) -> list[DraftedItem]:
    out: list[DraftedItem] = []
    ids: dict[str, str] = {}
    for k, target in enumerate(reading.targets, start=1):
        item_id = f"m{measure.no}-{k}"
        ids[target.label] = item_id
        if measure.status_text:
            target = _unit_from_status(target, measure.status_text)
        siblings = [i.target for i in out] + [target] + list(reading.targets[k:])
        find = _find_for(target, measure.status_text, siblings)
        out.append(DraftedItem(measure.no, item_id, target, find, measure.line, target.confidence))
    return [
        replace(i, target=replace(i.target, share_of=ids.get(i.target.share_of or "")))
        if i.target.share_of
        else i
        for i in out
    ]


def _indicator(target: DraftedTarget, find: dict[str, Any]) -> Any:
    from .rules import indicator_from_dict

    data = _indicator_dict("probe", target, find)
    data.pop("share_of", None)
    data.pop("baseline", None)
    data["unit"] = find["units"][0]
    if data["comparator"] not in ("increase", "decrease"):
        data["comparator"], data["target"] = ">=", 0
    data.pop("ratio", None)
    return indicator_from_dict(data)


def _reads_one_value(target: DraftedTarget, find: dict[str, Any], status: str) -> Any | None:
    """The observation ``find`` picks out of the status text, when it picks exactly one value
    for the latest period it names (two different values are as bad as none)."""
    from .extract import extract

    try:
        result = extract(_indicator(target, find), status)
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


def _find_for(target: DraftedTarget, status: str, siblings: list[DraftedTarget]) -> dict[str, Any]:
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
    if status:
        for word in own:
            for find in _tries(target, word, units):
                if _reads_one_value(target, find, status) is not None:
                    return find
    return _tries(target, candidates[0], units)[0]


def _compatible(unit: str) -> list[str]:
    """The unit and the other words a report may write it with (回 and PV)."""
    if unit in ("回", "PV"):
        return ["回", "PV"]
    return [unit]


def _alternatives(whole: str) -> str:
    return "市区町村|市町村" if whole in ("市区町村", "市町村") else whole


def _pieces(label: str, words: list[str]) -> list[str]:
    """Label words to try as ``find`` words, most specific first: each phrase between
    particles, longest first, then each also without what a report leaves off (年間, 本, 者,
    数, 率)."""
    parts = re.split(r"における|への|による|の|を|が|や|等|、|・|\(|\)|「|」", label)
    quoted = re.findall(r"「([^」]{2,})」", label)  # a name: 「まもろうよこころ」
    phrases = sorted(dict.fromkeys(p for p in parts if len(p) >= 2), key=len, reverse=True)
    phrases = quoted + [p for p in phrases if p not in quoted]
    trimmed = [
        re.sub(r"(?:者|数|率|割合|件数|人数)$", "", re.sub(r"^(?:年間|本|同|当該)", "", p))
        for p in phrases
    ]
    tails = [m.group() for p in phrases if (m := re.search(r"[ァ-ヴー]{3,}$", p))]
    out = list(phrases)
    out += [t for t in trimmed + tails + words if len(t) >= 2 and t not in out]
    return [w for w in out if not re.search(r"[0-9]", w)] or [label]


def _unit_from_status(target: DraftedTarget, status: str) -> DraftedTarget:
    """A unit the target cell left open (全都道府県, 12,000以上, 指定数の増加), read from the unit
    the status text counts the same thing in."""
    guessed = any("件とした" in w for w in target.why)
    whole = target.subject if target.subject in KNOWN_WHOLES and target.target == 100.0 else None
    if whole:
        for word in _pieces(target.label, list(target.words)):
            if word == whole:
                continue
            found = {"label": [whole], "topic": [word], "units": [whole]}
            if _reads_one_value(target, found, status) is not None:
                why = (*target.why, f"状況欄が{whole}の数で数えている")
                return replace(target, unit=whole, target=float(KNOWN_WHOLES[whole]), why=why)
            if _reads_one_value(target, {**found, "units": ["%"]}, status) is not None:
                return target
        return target
    if not guessed:
        return target
    counts = sorted({w for w, v in unit_words().items() if v not in ("percent", "wari")})
    for word in _pieces(target.label, list(target.words)):
        for unit in counts:
            if _reads_one_value(target, {"label": [word], "units": [unit]}, status) is None:
                continue
            why = tuple(w for w in target.why if "件とした" not in w)
            why = (*why, f"単位は状況欄の数値から({unit})")
            return replace(target, unit=unit, why=why, confidence=_raise(target.confidence))
    return target


def _raise(confidence: float) -> float:
    return round(min(0.95, confidence + 0.15), 2)


# --- the YAML ---------------------------------------------------------------------------------


def _indicator_dict(item_id: str, t: DraftedTarget, find: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item_id, "label": t.label, "find": find}
    data["comparator"] = t.comparator
    if t.target is not None:
        data["target"] = _number(t.target)
    if t.tolerance:
        data["tolerance"] = t.tolerance
    data["unit"] = t.unit
    if t.ratio is not None:
        data["ratio"] = t.ratio
    if t.by_ratio is not None:
        data["by_ratio"] = round(t.by_ratio, 6)
    if t.baseline is not None:
        baseline: dict[str, Any] = {"value": _number(t.baseline.value)}
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


def _number(value: float) -> float | int:
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return round(value, 4)


_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.~][^:#,\[\]{}]*$")


def _scalar(value: Any) -> str:
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
            out.append(f"{pad}{key}: [{', '.join(_scalar(x) for x in v)}]")
        else:
            out.append(f"{pad}{key}: {_scalar(v)}")
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
    body = _yaml_lines(_indicator_dict(item.id, t, item.find), indent + 2)
    body[0] = f"{pad}- {body[0].lstrip()}  # {mark}"
    return lines + body


def render(draft: Draft) -> str:
    lines = [
        "# 目標欄から下書きした規則。`# review` の付いた項目は確かめてから使うこと。",
        "# Drafted from the target column: check the items marked `# review` before use.",
        f"plan: {_scalar(draft.plan)}",
        "version: 1",
        f"description: {_scalar(draft.description)}",
        "",
    ]
    if draft.unmeasured:
        lines.append("unmeasured:")
        lines += [f"  {no}: {_scalar(why)}" for no, why in sorted(draft.unmeasured.items())]
        lines.append("")
    lines.append("measures:" if draft.items else "measures: {}")
    current = None
    for item in draft.items:
        if item.measure != current:
            current = item.measure
            lines.append(f"  {item.measure}:")
        lines += item_lines(item)
    return "\n".join(lines) + "\n"


# --- merging into a person's file -------------------------------------------------------------


@dataclass(frozen=True)
class Merged:
    text: str
    added: tuple[str, ...]  # one line per addition, for the user


def _same(item: DraftedItem, hand: dict[str, Any]) -> bool:
    """The same goal: the same comparator and target value, or an entry the person made from
    this one (its id or its label kept while they changed the rest)."""
    t = item.target
    if hand.get("id") == item.id or hand.get("label") == t.label:
        return True
    if t.comparator != hand.get("comparator"):
        return False
    target = hand.get("target")
    if t.target is None or target is None:
        return t.target is None and target is None
    try:
        return math.isclose(t.target, float(target), rel_tol=1e-3)
    except ValueError:
        return False


def merge(existing: str, source: str, draft: Draft) -> Merged:
    """``existing`` with what ``draft`` has and it lacks: indicators of the same measure with
    another comparator or target value, and unmeasured entries of measures it does not name.
    Nothing of ``existing`` changes: its lines are kept as written and new ones inserted."""
    from .rules_schema import validate
    from .yamlsafe import load_with_lines

    raw, lines = load_with_lines(existing, source)
    validate(existing, source)  # a broken file is reported, not merged into
    measures = {int(k): v for k, v in (raw.get("measures") or {}).items()}
    unmeasured = {int(k) for k in (raw.get("unmeasured") or {})}
    taken = {str(i.get("id")) for inds in measures.values() for i in inds}
    text_lines = existing.splitlines()
    inserts: dict[int, list[str]] = {}  # after this 1-based line (0: at the top)
    added: list[str] = []
    new_measures: list[str] = []
    new_measures: list[str] = []
    for item in draft.items:
        if item.measure in unmeasured:
            continue  # the person decided this measure has no quantitative target
        t = item.target
        have = measures.get(item.measure, [])
        if any(_same(item, h) for h in have if isinstance(h, dict)):
            continue
        item_id = _free_id(item.id, taken)
        taken.add(item_id)
        body = item_lines(replace(item, id=item_id))
        added.append(f"施策{item.measure} {item_id}: {t.label} ({_what(t)})")
        key = next((k for k in raw.get("measures") or {} if int(k) == item.measure), None)
        if key is not None:
            at = _block_end(text_lines, lines[("measures", key)])
            indent = _item_indent(text_lines, lines[("measures", key)], at)
            inserts.setdefault(at, []).extend(_reindent(body, indent))
        else:
            if item.measure not in measures:
                new_measures.append(f"  {item.measure}:")
                measures[item.measure] = []
            new_measures.extend(body)
    if new_measures:
        if raw.get("measures"):
            at = _block_end(text_lines, lines[("measures",)])
            inserts.setdefault(at, []).extend(new_measures)
        else:
            text_lines = [ln for ln in text_lines if not re.match(r"^measures:\s*(\{\}\s*)?$", ln)]
            inserts.setdefault(len(text_lines), []).extend(["measures:", *new_measures])
    new_unmeasured = [
        f"  {no}: {_scalar(why)}"
        for no, why in sorted(draft.unmeasured.items())
        if no not in unmeasured and no not in measures
    ]
    if new_unmeasured:
        numbers = "、".join(ln.split(":")[0].strip() for ln in new_unmeasured)
        added.append(f"施策{numbers}: unmeasured ({len(new_unmeasured)})")
        if raw.get("unmeasured"):
            at = _block_end(text_lines, lines[("unmeasured",)])
            inserts.setdefault(at, []).extend(new_unmeasured)
        else:
            at = lines.get(("measures",), len(text_lines) + 1) - 1
            at = _before_comments(text_lines, at, 0)
            inserts.setdefault(at, []).extend(["unmeasured:", *new_unmeasured])
    out: list[str] = list(inserts.get(0, []))
    for number, line in enumerate(text_lines, start=1):
        out.append(line)
        out.extend(inserts.get(number, []))
    merged = "\n".join(out) + "\n"
    validate(merged, source)
    return Merged(merged, tuple(added))


def _what(t: DraftedTarget) -> str:
    value = f" {_number(t.target)}" if t.target is not None else ""
    return f"{t.comparator}{value} {t.unit}".strip()


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(text_lines: list[str], key_line: int) -> int:
    """The last line (1-based) of the block a key on ``key_line`` opens, before the comments
    that introduce the next key."""
    key_indent = _indent(text_lines[key_line - 1])
    end = len(text_lines)
    for number in range(key_line + 1, len(text_lines) + 1):
        line = text_lines[number - 1]
        if line.strip() and not line.lstrip().startswith("#") and _indent(line) <= key_indent:
            end = number - 1
            break
    return _before_comments(text_lines, end, key_indent)


def _before_comments(text_lines: list[str], end: int, key_indent: int) -> int:
    while end > 0:
        line = text_lines[end - 1]
        if not line.strip() or (line.lstrip().startswith("#") and _indent(line) <= key_indent):
            end -= 1
        else:
            break
    return end


def _item_indent(text_lines: list[str], key_line: int, end: int) -> int:
    for line in text_lines[key_line:end]:
        if line.lstrip().startswith("- "):
            return _indent(line)
    return _indent(text_lines[key_line - 1]) + 2


def _reindent(body: list[str], indent: int) -> list[str]:
    shift = indent - 4
    if shift >= 0:
        return [" " * shift + ln for ln in body]
    return [ln[-shift:] for ln in body]


def read_rules_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as f:
            return f.read()
    except OSError as exc:
        raise RulesError(f"cannot read rules: {exc.strerror or exc}", Location(path)) from None
    except UnicodeDecodeError:
        raise RulesError("rules files must be UTF-8", Location(path)) from None
