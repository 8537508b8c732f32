"""``rules draft --merge``: a draft added to a person's rules file, nothing of theirs changed.

The file is read for what it has (measures, ids, labels, comparators and targets) and the
drafted entries it lacks are inserted as lines into its text, so that its comments, order and
wording stay as they wrote them. A measure they put under ``unmeasured`` gets nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any

from ..errors import Location, RulesError
from .draft import Draft, DraftedItem, item_lines, scalar, yaml_number
from .targets import DraftedTarget

__all__ = ["Merged", "merge", "read_rules_text"]


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
    from .schema import validate
    from .yamlsafe import load_with_lines

    raw, lines = load_with_lines(existing, source)
    validate(existing, source)  # a broken file is reported, not merged into
    _same_plan(raw, draft, source)
    _block_style(existing, source)
    newline = "\r\n" if "\r\n" in existing else "\n"  # the file's own line ends come back
    measures = {int(k): v for k, v in (raw.get("measures") or {}).items()}
    unmeasured = {int(k) for k in (raw.get("unmeasured") or {})}
    taken = {str(i.get("id")) for inds in measures.values() for i in inds}
    text_lines = existing.splitlines()
    inserts: dict[int, list[str]] = {}  # after this 1-based line (0: at the top)
    added: list[str] = []
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
        f"  {no}: {scalar(why)}"
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
    merged = newline.join(out) + newline
    try:
        validate(merged, source)
    except RulesError as exc:  # NOTE: its line would be one of the merged text, not the file's
        raise RulesError(
            f"cannot merge into this file as it is laid out ({exc.what}); nothing was written: "
            "draft to a file of its own (-o) and copy what you need",
            Location(source),
        ) from None
    return Merged(merged, tuple(added))


def _squash(text: str) -> str:
    from ..text.normalize import normalize

    return re.sub(r"\s+", "", normalize(text))


def _same_plan(raw: dict[str, Any], draft: Draft, source: str) -> None:
    """Refuse to add one plan's targets to another plan's rules file: the file's plan (and its
    title_contains words) must be named by the document's title, as for the rules search."""
    if not draft.plan and not draft.title_lines:
        return  # a document without a title names no plan: nothing to compare
    haystack = _squash(" ".join((*draft.title_lines, draft.plan)))
    words = [str(raw.get("plan") or ""), *(str(w) for w in raw.get("title_contains") or [])]
    if all(_squash(w) in haystack for w in words if w):
        return
    raise RulesError(
        f"the rules are for 「{raw.get('plan')}」, the document is 「{draft.plan}」: another "
        "plan's targets are not merged into it; draft them to a file of their own (-o)",
        Location(source),
    )


def _block_style(text: str, source: str) -> None:
    """--merge inserts lines into block-style YAML; a file, a section or a measure's list
    written in flow style (``measures: {8: [...]}``) has no block to insert into: said, not
    guessed. (Flow lists inside an indicator, ``units: [人]``, are fine.)"""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    if root is None:
        return
    if getattr(root, "flow_style", False):
        raise RulesError(_FLOW, Location(source, root.start_mark.line + 1))
    for key, section in root.value if isinstance(root, yaml.MappingNode) else ():
        if key.value not in ("measures", "unmeasured") or not section.value:
            continue
        inner = [v for _, v in section.value] if isinstance(section, yaml.MappingNode) else []
        for node in [section, *inner]:
            if getattr(node, "flow_style", False) and node.value:
                line = node.start_mark.line + 1
                raise RulesError(_FLOW, Location(source, line, field=key.value))


_FLOW = (
    "written in YAML flow style ({…}); --merge adds lines to block-style files only: write "
    "it in block style, or draft to a file of its own (-o)"
)


def _what(t: DraftedTarget) -> str:
    value = f" {yaml_number(t.target)}" if t.target is not None else ""
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
        with open(path, encoding="utf-8-sig", newline="") as f:  # CRLF stays CRLF
            return f.read()
    except OSError as exc:
        raise RulesError(f"cannot read rules: {exc.strerror or exc}", Location(path)) from None
    except UnicodeDecodeError:
        raise RulesError("rules files must be UTF-8", Location(path)) from None
