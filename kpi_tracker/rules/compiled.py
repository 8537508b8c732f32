"""Rules as the engine uses them: plain frozen values, loaded from ``rules/*.yaml``.

A rules file declares the plan it applies to and, per measure number, the indicators that
measure its target: how to find the reported value in the status text (by what it measures:
label words, topic words, units), how to compare it, the target, baseline and deadline.

``load_rules`` validates a file with the pydantic schema (``rules_schema``) and compiles it to
these values. The compiled form, with the unit conversions pint worked out, is cached by the
file's content (``cache.py``): later runs import neither PyYAML's composer, pydantic nor pint.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..data import DATA
from ..errors import Location, NoRulesForPlan, RulesError
from ..model import Baseline, Comparator, Find, Indicator
from ..text import units
from ..text.normalize import normalize
from . import cache

if TYPE_CHECKING:  # pydantic is imported only when a rules file is validated
    from .schema import IndicatorSpec, RuleSetSpec

__all__ = [
    "Baseline",
    "Find",
    "Indicator",
    "LoadedRules",
    "RuleSet",
    "indicator_from_dict",
    "load_rules",
    "rules_for",
]


@dataclass(frozen=True)
class RuleSet:
    plan: str
    title_contains: tuple[str, ...] = ()
    version: int = 1
    description: str | None = None
    unmeasured: dict[int, str] = field(default_factory=dict)
    measures: dict[int, tuple[Indicator, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadedRules:
    """A validated rules file and where it came from."""

    path: str
    sha256: str
    rules: RuleSet
    note: str | None = None  # how it was chosen, when that deserves a warning

    def indicators(self) -> list[tuple[int, Indicator]]:
        return [(no, ind) for no, inds in sorted(self.rules.measures.items()) for ind in inds]

    def matches(self, title_lines: tuple[str, ...], plan: str) -> bool:
        haystack = _squash(" ".join((*title_lines, plan)))
        words = [self.rules.plan, *self.rules.title_contains]
        return all(_squash(w) in haystack for w in words)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


# --- compiling and caching -------------------------------------------------------------------


def compile_rules(model: RuleSetSpec) -> RuleSet:
    """The validated pydantic ``rules_schema.RuleSetSpec`` as plain values."""
    measures = {no: tuple(_compile(i) for i in inds) for no, inds in model.measures.items()}
    return RuleSet(
        model.plan,
        tuple(model.title_contains),
        model.version,
        model.description,
        dict(model.unmeasured),
        measures,
    )


def _compile(ind: IndicatorSpec) -> Indicator:
    f = ind.find
    deadline = ind.deadline_period
    baseline = ind.baseline
    return Indicator(
        id=ind.id,
        label=ind.label,
        find=Find(
            tuple(f.label),
            tuple(f.topic),
            tuple(f.exclude),
            tuple(f.units),
            f.bare,
            f.column,
            f.value,
            f.aggregate,
            f.regex,
        ),
        comparator=Comparator(ind.comparator),
        unit=ind.unit,
        pint_unit=ind.pint_unit,
        find_units=ind.find_units,
        target=ind.target,
        baseline=Baseline(baseline.value, baseline.period, baseline.unit) if baseline else None,
        by=ind.by,
        by_ratio=ind.by_ratio,
        ratio=ind.ratio,
        deadline=ind.deadline,
        deadline_end=deadline.end if deadline else None,
        every_year=ind.every_year,
        tolerance=ind.tolerance,
        kind=ind.kind,
        share_of=ind.share_of,
        note=ind.note,
    )


def indicator_from_dict(data: dict[str, Any]) -> Indicator:
    """One indicator written as in a rules file, validated and compiled (for tests, notebooks).

    Raises pydantic's ``ValidationError`` on bad input; files go through ``load_rules``.
    """
    from .schema import IndicatorSpec

    return _compile(IndicatorSpec.model_validate(data))


# The cache stores each indicator as a list of its fields in declaration order (Find and
# Baseline nested likewise): no repeated keys, so a file of tens of thousands of indicators
# loads in a fraction of the memory a list of dicts takes.
_FIND_FIELDS = tuple(f.name for f in fields(Find))
_INDICATOR_FIELDS = tuple(f.name for f in fields(Indicator))


def _to_json(rules: RuleSet) -> dict[str, Any]:
    def indicator(i: Indicator) -> list[Any]:
        row: list[Any] = []
        for name in _INDICATOR_FIELDS:
            value = getattr(i, name)
            if name == "find":
                value = [getattr(value, f) for f in _FIND_FIELDS]
            elif name == "baseline" and value is not None:
                value = [value.value, value.period, value.unit]
            elif name == "deadline_end" and value is not None:
                value = value.isoformat()
            row.append(value)
        return row

    return {
        "plan": rules.plan,
        "title_contains": list(rules.title_contains),
        "version": rules.version,
        "description": rules.description,
        "unmeasured": {str(k): v for k, v in rules.unmeasured.items()},
        "measures": {str(no): [indicator(i) for i in inds] for no, inds in rules.measures.items()},
    }


def _from_json(data: dict[str, Any]) -> RuleSet:
    shared: dict[str, str] = {}

    def one(value: Any) -> Any:
        # Rule vocabulary (units, comparators, label words) recurs across indicators: keep one
        # copy of each string instead of one per occurrence.
        if isinstance(value, str):
            return shared.setdefault(value, value)
        if isinstance(value, list):
            return [one(v) for v in value]
        return value

    def indicator(row: list[Any]) -> Indicator:
        values = dict(zip(_INDICATOR_FIELDS, one(row), strict=True))
        find = dict(zip(_FIND_FIELDS, values["find"], strict=True))
        find_values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in find.items()
        }
        values["find"] = Find(**find_values)
        values["comparator"] = Comparator(values["comparator"])
        values["find_units"] = tuple(values["find_units"])
        values["baseline"] = Baseline(*values["baseline"]) if values["baseline"] else None
        end = values["deadline_end"]
        values["deadline_end"] = date.fromisoformat(end) if end else None
        return Indicator(**values)

    return RuleSet(
        plan=data["plan"],
        title_contains=tuple(data["title_contains"]),
        version=data["version"],
        description=data["description"],
        unmeasured={int(k): v for k, v in data["unmeasured"].items()},
        measures={
            int(no): tuple(indicator(row) for row in inds) for no, inds in data["measures"].items()
        },
    )


def _cache_key(content: bytes) -> str:
    """Everything the compiled form depends on: the file, the unit table, this code."""
    digest = hashlib.sha256(content)
    here = Path(__file__).resolve().parent
    for part in (
        DATA / "units.txt",
        here / "schema.py",
        here / "compiled.py",
        here.parent / "model.py",
    ):
        digest.update(part.read_bytes())
    digest.update(__version__.encode())
    return "rules-" + digest.hexdigest()[:32]


def load_rules(path: str | Path) -> LoadedRules:
    """Read, validate and compile one rules file; ``RulesError`` names file, line, rule, field."""
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RulesError(f"cannot read rules: {exc.strerror or exc}", Location(source)) from None
    sha256 = hashlib.sha256(data).hexdigest()
    key = _cache_key(data)
    cached = cache.read(key)
    if cached is not None:
        try:
            rules = _from_json(cached["rules"])
            units.install_conversions(cached["conversions"])
            return LoadedRules(source, sha256, rules)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # an entry from another layout: rebuild it
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RulesError("rules files must be UTF-8", Location(source)) from None
    from .schema import validate

    rules = compile_rules(validate(text, source))
    conversions = units.conversion_table()
    units.install_conversions(conversions)
    cache.write(key, {"rules": _to_json(rules), "conversions": conversions})
    return LoadedRules(source, sha256, rules)


def rules_files(folder: Path) -> list[Path]:
    """The rules files of a folder, in the order they are tried."""
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def rules_for(rules_path: str | Path, title_lines: tuple[str, ...], plan: str) -> LoadedRules:
    """The rules file for a document: ``rules_path`` itself, or the one in that folder whose
    declared plan matches the document's title."""
    path = Path(rules_path)
    if path.is_dir():
        files = rules_files(path)
        if not files:
            raise NoRulesForPlan("no rules files (*.yaml) here", Location(str(path)))
        loaded = [load_rules(f) for f in files]
        matching = [c for c in loaded if c.matches(title_lines, plan)]
        if matching:
            return _one_of(matching, plan, path)
        if not title_lines and len(loaded) == 1:
            return _chosen_without_title(loaded[0])
        plans = "、".join(f"「{c.rules.plan}」" for c in loaded)
        raise NoRulesForPlan(
            f"no rules file declares the document's plan 「{plan}」 (found: {plans})",
            Location(str(path)),
        )
    if not path.exists():
        raise RulesError("no such rules file or folder", Location(str(path)))
    single = load_rules(path)
    if not title_lines:
        return _chosen_without_title(single)
    if not single.matches(title_lines, plan):
        raise NoRulesForPlan(
            f"rules are for 「{single.rules.plan}」, the document is 「{plan}」",
            Location(str(path)),
        )
    return single


def _one_of(matching: list[LoadedRules], plan: str, folder: Path) -> LoadedRules:
    """The one matching rules file; among several, the one whose plan is exactly the
    document's (said in a note), else an error listing them: never the first by name."""
    if len(matching) == 1:
        return matching[0]
    exact = [c for c in matching if _squash(c.rules.plan) == _squash(plan)]
    if len(exact) == 1:
        others = ", ".join(c.path for c in matching if c is not exact[0])
        note = (
            f"several rules files match; using {exact[0].path}, whose plan is exactly the "
            f"document's (also matching: {others})"
        )
        return replace(exact[0], note=note)
    listed = ", ".join(f"{c.path} (「{c.rules.plan}」)" for c in matching)
    raise RulesError(
        f"several rules files match the plan 「{plan}」: {listed}; give --rules FILE",
        Location(str(folder)),
    )


def _chosen_without_title(only: LoadedRules) -> LoadedRules:
    """A document without title lines names no plan: the one rules file given is used, and the
    user is told so (exports that keep only the table drop the title)."""
    note = (
        f"the document has no title naming its plan; using {only.path} "
        f"(「{only.rules.plan}」), the only rules file"
    )
    return replace(only, note=note)
