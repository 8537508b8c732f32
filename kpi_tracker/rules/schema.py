"""The schema of rules files: pydantic models that validate them, every problem with file:line.

Validation runs once per rules file; ``rules.compile_rules`` then turns the validated models
into plain frozen values for the engine (and the compiled form is cached, so a later run
imports neither pydantic nor pint). Nothing is compiled from a half-valid file: the first
problem rejects the whole file.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import Location, PeriodError, RulesError, UnitError
from ..model import Comparator
from ..text.normalize import normalize
from ..text.periods import Period, parse_period
from ..text.units import canonical_unit
from .yamlsafe import Path_, line_of, load_with_lines

__all__ = ["BaselineSpec", "FindSpec", "IndicatorSpec", "RuleSetSpec", "validate"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class _Model(BaseModel):
    # NOTE: inf, nan and 1e400 (which overflows to inf) are no targets: nothing compares with
    # them and JSON cannot write them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


def _period(text: str | None, what: str) -> Period | None:
    if text is None:
        return None
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise ValueError(f"{what}: {exc.what}") from None


class FindSpec(_Model):
    """Where the reported value is and how to recognise it — by what it measures."""

    label: list[str] = Field(default_factory=list)
    """Words naming the value, each ``a|b`` for synonyms; all must stand beside the number."""
    topic: list[str] = Field(default_factory=list)
    """Words that must appear in the same sentence (or the lead-in of its bullet list)."""
    exclude: list[str] = Field(default_factory=list)
    """A sentence containing any of these is not about this value."""
    units: list[str] = Field(default_factory=list)
    """Units the value may be written in; defaults to the indicator's unit."""
    bare: bool = False
    """Accept a number written without a unit (``閲覧数:120,345``)."""
    column: Literal["status", "target", "review"] = "status"
    value: Literal["level", "change"] = "level"
    """``change``: the document reports the change itself (``11万人増``)."""
    aggregate: Literal["single", "sum"] = "single"
    """``sum``: several matching values of one period add up to the reported value."""
    regex: str | None = None
    """Last resort: the number must lie inside the group ``value`` of this pattern."""

    @field_validator("units")
    @classmethod
    def _known_units(cls, units: list[str]) -> list[str]:
        for u in units:
            _unit(u)
        return units

    @field_validator("regex")
    @classmethod
    def _compiles(cls, pattern: str | None) -> str | None:
        if pattern is None:
            return None
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"regex does not compile: {exc}") from None
        if "value" not in compiled.groupindex:
            raise ValueError("regex needs a named group (?P<value>…)")
        return pattern

    @model_validator(mode="after")
    def _something_to_find(self) -> FindSpec:
        if not (self.label or self.topic or self.regex):
            raise ValueError("find needs at least one of label, topic or regex")
        return self


def _unit(word: str) -> str:
    try:
        return canonical_unit(normalize(word))
    except UnitError as exc:
        raise ValueError(exc.what) from None


def _not_negative(value: float | None, what: str) -> float | None:
    # NOTE: counts, shares and amounts are never negative; a negative target of a count would
    # be met by any value. Falls and reductions are comparators (decrease, reduce_by_ratio).
    if value is not None and value < 0:
        raise ValueError(f"a {what} is not negative")
    return value


class BaselineSpec(_Model):
    value: float
    period: str | None = None
    unit: str | None = None

    @field_validator("value")
    @classmethod
    def _level(cls, value: float) -> float:
        return _not_negative(value, "baseline") or value

    @field_validator("period")
    @classmethod
    def _valid_period(cls, text: str | None) -> str | None:
        _period(text, "baseline period")
        return text

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, word: str | None) -> str | None:
        if word is not None:
            _unit(word)
        return word


class IndicatorSpec(_Model):
    id: str
    label: str
    find: FindSpec
    comparator: Comparator
    unit: str
    target: float | None = None
    baseline: BaselineSpec | None = None
    by: float | None = Field(default=None, gt=0)
    """increase/decrease by at least this amount (in ``unit``)."""
    by_ratio: float | None = Field(default=None, gt=0)
    """increase/decrease by at least this share of the reference (1割 = 0.1)."""
    ratio: float | None = Field(default=None, gt=0, lt=1)
    """reduce_by_ratio: the share to take away (半減 = 0.5)."""
    deadline: str | None = None
    every_year: bool = False
    """毎年度: the target holds for each fiscal year; the deadline is that year's end."""
    tolerance: float = Field(default=0.0, ge=0, lt=1)
    """程度/概ね: a relative margin within which the target counts as met."""
    kind: Literal["stock", "flow"] = "stock"
    share_of: str | None = None
    """The id of an indicator of the same measure: this value as a percentage of that one."""
    note: str | None = None

    @field_validator("target")
    @classmethod
    def _target_level(cls, value: float | None) -> float | None:
        return _not_negative(value, "target")

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("id must be letters, digits, '.', '_' or '-'")
        return value

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, word: str) -> str:
        _unit(word)
        return word

    @field_validator("deadline")
    @classmethod
    def _valid_deadline(cls, text: str | None) -> str | None:
        _period(text, "deadline")
        return text

    @model_validator(mode="after")
    def _consistent(self) -> IndicatorSpec:
        c = self.comparator
        if c.needs_target and self.target is None:
            raise ValueError(f"comparator {c.value!r} needs a target")
        if c is Comparator.REDUCE_BY_RATIO and (self.ratio is None or self.baseline is None):
            raise ValueError(f"{c} needs ratio and baseline")
        if c.against_reference and self.target is not None:
            raise ValueError(f"{c} compares with the baseline or the previous value, not a target")
        if self.by is not None and self.by_ratio is not None:
            raise ValueError("give by or by_ratio, not both")
        self._check_units()
        return self

    def _check_units(self) -> None:
        from ..text.units import convert

        if self.share_of is not None:
            if self.pint_unit != "percent":
                raise ValueError("an indicator with share_of is a percentage: unit must be %")
            return  # a share divides two counts; they are checked against each other when read
        others = list(self.find.units)
        if self.baseline is not None and self.baseline.unit:
            others.append(self.baseline.unit)
        for unit in others:
            try:
                convert(1.0, _unit(unit), self.pint_unit)
            except UnitError as exc:
                raise ValueError(f"unit mismatch: {exc.what}") from None

    @property
    def deadline_period(self) -> Period | None:
        return _period(self.deadline, "deadline")

    @property
    def pint_unit(self) -> str:
        """The canonical (pint) name of ``unit``; ``unit`` keeps the word the rules wrote."""
        return _unit(self.unit)

    @property
    def find_units(self) -> tuple[str, ...]:
        """Canonical names of the units the reported value may be written in."""
        return tuple(_unit(u) for u in self.find.units) or (self.pint_unit,)


class RuleSetSpec(_Model):
    plan: str
    title_contains: list[str] = Field(default_factory=list)
    version: int = 1
    description: str | None = None
    unmeasured: dict[int, str] = Field(default_factory=dict)
    """Measures reviewed and left without an indicator, with the reason."""
    measures: dict[int, list[IndicatorSpec]] = Field(default_factory=dict)

    @field_validator("plan")
    @classmethod
    def _named(cls, plan: str) -> str:
        if not plan:  # an empty plan is found in every title
            raise ValueError("a plan name is needed (matched against the title)")
        return plan

    @model_validator(mode="after")
    def _no_overlap(self) -> RuleSetSpec:
        both = sorted(set(self.unmeasured) & set(self.measures))
        if both:
            raise ValueError(f"measures {both} are both in unmeasured and in measures")
        return self


def validate(text: str, source: str) -> RuleSetSpec:
    """The validated rules of a file's text; ``RulesError`` names file, line, rule, field."""
    raw, lines = load_with_lines(text, source)
    if not isinstance(raw, dict):
        raise RulesError("a rules file is a mapping with plan: and measures:", Location(source, 1))
    for part in ("unmeasured", "measures"):
        _check_measure_keys(raw.get(part), part, lines, source)
    try:
        ruleset = RuleSetSpec.model_validate(raw)
    except ValidationError as exc:
        raise _located(exc, raw, lines, source) from None
    _check_ids(ruleset, raw, lines, source)
    return ruleset


_MEASURE_KEY = re.compile(r"[0-9]{1,6}")
_Lines = dict[Path_, int]  # key path in the YAML → its line


def _check_measure_keys(section: Any, part: str, lines: _Lines, source: str) -> None:
    """Measure keys are plain digits, each measure once: ``8`` and ``08`` (or ``+8``, ``" 8 "``,
    ``0_8``, which int() would all read as 8) must not silently merge, the last one winning."""
    if not isinstance(section, dict):
        return  # pydantic says what is wrong with it
    first: dict[int, int | None] = {}
    for key in section:
        line = lines.get((part, key))
        try:
            no: int | None = int(key)
        except ValueError:
            no = None
        if no is not None and no in first:
            raise RulesError(
                f"measure {key!r} is measure {no} again (first on line {first[no]})",
                Location(source, line),
            )
        if no is None or not _MEASURE_KEY.fullmatch(key):
            raise RulesError(
                f"measure {key!r} is not a 施策No. (digits only)", Location(source, line)
            )
        first[no] = line


def _located(exc: ValidationError, raw: dict[str, Any], lines: _Lines, source: str) -> RulesError:
    err = exc.errors(include_url=False)[0]
    loc = tuple(err["loc"])
    rule = None
    field = None
    if len(loc) >= 3 and loc[0] == "measures":
        entry = _lookup(raw, loc[:3])
        rule_id = entry.get("id") if isinstance(entry, dict) else None
        rule = f"{loc[1]}/{rule_id}" if rule_id else f"{loc[1]}[{loc[2]}]"
        field = ".".join(str(p) for p in loc[3:]) or None
    elif loc:
        field = ".".join(str(p) for p in loc)
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}"
    elif err["type"] == "missing":
        message = f"missing key {loc[-1]!r}"
    return RulesError(message, Location(source, line_of(lines, loc), rule, field))


def _lookup(raw: Any, loc: tuple[Any, ...]) -> Any:
    node = raw
    for part in loc:
        if isinstance(node, dict):
            node = node.get(str(part))
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _check_ids(ruleset: RuleSetSpec, raw: dict[str, Any], lines: _Lines, source: str) -> None:
    seen: dict[str, int | None] = {}
    # NOTE: the YAML key of each measure number, found once (not once per indicator: a large
    # rules file made that quadratic)
    keys: dict[int, Any] = {}
    for k in raw["measures"]:
        keys.setdefault(int(k), k)
    for no, indicators in ruleset.measures.items():
        ids = {i.id for i in indicators}
        key = keys[no]
        for index, indicator in enumerate(indicators):
            line = lines.get(("measures", key, str(index), "id"))
            where = Location(source, line, f"{no}/{indicator.id}", "id")
            if indicator.id in seen:
                raise RulesError(
                    f"id {indicator.id!r} is used twice (first on line {seen[indicator.id]})",
                    where,
                )
            seen[indicator.id] = line
            if indicator.share_of is not None and indicator.share_of not in ids:
                raise RulesError(
                    f"share_of {indicator.share_of!r} is not an indicator of measure {no}",
                    Location(source, line, f"{no}/{indicator.id}", "share_of"),
                )
