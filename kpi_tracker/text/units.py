"""The domain's units: a small pint registry built from ``data/units.txt``.

The alias table (Japanese word → pint name) is plain data and costs nothing to load; pint
itself is imported only when two quantities are converted or compared, since it adds about a
third of a second to every start; and it is imported without numpy (``import_pint``).
"""

from __future__ import annotations

import re
import sys
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..data import read_data
from ..errors import UnitError

if TYPE_CHECKING:
    import pint


@cache
def _data() -> tuple[tuple[str, ...], dict[str, str]]:
    text = read_data("units.txt")
    definitions: list[str] = []
    aliases: dict[str, str] = {}
    in_aliases = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "@japanese":
            in_aliases = True
        elif in_aliases:
            word, name = line.split("\t")
            aliases[word] = name
        else:
            definitions.append(line)
    return tuple(definitions), aliases


def unit_words() -> dict[str, str]:
    """Japanese unit word → canonical pint name."""
    return _data()[1]


@cache
def unit_alternation() -> str:
    """A regex alternation of every unit word, the longest first (市区町村 before 市町村)."""
    return "|".join(re.escape(w) for w in sorted(unit_words(), key=len, reverse=True))


def canonical_unit(word: str) -> str:
    """The pint name of a unit as a rules file or a document writes it (``人``, ``person``)."""
    aliases = unit_words()
    if word in aliases:
        return aliases[word]
    if word in set(aliases.values()):
        return word
    raise UnitError(f"unknown unit {word!r}; known: {', '.join(sorted(aliases))}")


def import_pint() -> ModuleType:
    """pint, imported without numpy unless the process has numpy already.

    NOTE: pint imports numpy whenever it is installed (for array quantities, which a unit
    conversion of plain floats never needs): 0.1–0.2 s of start-up in the many environments
    that have numpy. While pint is first imported, ``import numpy`` is made to fail (a None
    entry in ``sys.modules`` is Python's documented way to do so), so pint takes its no-numpy
    path; a process that imported numpy before, or pint itself, is left as it is."""
    if "pint" in sys.modules or "numpy" in sys.modules:
        import pint

        return pint
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        del sys.modules["numpy"]
    return pint


@cache
def registry() -> pint.UnitRegistry[float]:
    ureg: pint.UnitRegistry[float] = import_pint().UnitRegistry(None)
    for definition in _data()[0]:
        ureg.define(definition)
    return ureg


# (from, to) → factor for every pair of units that compare; filled from the rules cache so a
# run whose rules were compiled before need not import pint (~0.1 s) at all.
_conversions: dict[tuple[str, str], float] | None = None


def conversion_table() -> list[list[object]]:
    """Every pair of registry units that compare, with the factor: ``[from, to, factor]``."""
    names = sorted(set(unit_words().values()))
    table: list[list[object]] = []
    for a in names:
        for b in names:
            try:
                table.append([a, b, _pint_convert(1.0, a, b)])
            except UnitError:
                continue
    return table


def install_conversions(table: list[list[object]]) -> None:
    global _conversions
    _conversions = {(str(a), str(b)): float(f) for a, b, f in table}  # type: ignore[arg-type]


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to``; ``UnitError`` when the dimensions differ."""
    if unit == to:
        return value
    if _conversions is not None:
        factor = _conversions.get((unit, to))
        if factor is None:
            raise UnitError(f"{unit} does not compare with {to}")
        return value * factor
    return _pint_convert(value, unit, to)


def factor(unit: str, to: str) -> float | None:
    """What a value in ``unit`` is multiplied by to express it in ``to``; None when the two do
    not compare. For the hot paths that ask of many pairs that do not (no exception raised)."""
    if unit == to:
        return 1.0
    if _conversions is not None:
        return _conversions.get((unit, to))
    try:
        return _pint_convert(1.0, unit, to)
    except UnitError:
        return None


def _pint_convert(value: float, unit: str, to: str) -> float:
    dimensionality_error = import_pint().DimensionalityError
    ureg = registry()
    try:
        converted: Any = ureg.Quantity(value, unit).to(to).magnitude
    except dimensionality_error:
        raise UnitError(f"{unit} does not compare with {to}") from None
    return float(converted)


def same_dimension(a: str, b: str) -> bool:
    """Whether two units measure the same thing (割 and %, 人 and 名)."""
    return factor(a, b) is not None


def unit_label(unit: str | None) -> str:
    """The Japanese word to print for a pint name (the first alias written for it)."""
    if unit is None:
        return ""
    for word, name in unit_words().items():
        if name == unit:
            return word
    return unit


_MULTIPLIER = re.compile(r"^([万千億百]+)(.*)$")
_SPACE = re.compile(r"\s+")
_MULTIPLIER_VALUE = {"百": 100.0, "千": 1_000.0, "万": 10_000.0, "億": 100_000_000.0}


def unit_scale(unit_text: str) -> tuple[float, str]:
    """The multiplier and the counter of a unit as a column or a report writes it: ``万人`` →
    (10000, ``人``); (1, the unit) for a unit without a multiplier."""
    from .normalize import normalize

    text = _SPACE.sub("", normalize(unit_text))
    m = _MULTIPLIER.match(text)
    if m and m.group(2) in unit_words():
        scale = 1.0
        for ch in m.group(1):  # 百万 = 100 × 10,000
            scale *= _MULTIPLIER_VALUE[ch]
        return scale, m.group(2)
    return 1.0, text


def in_unit(value: float, unit: str | None, to: str | None) -> float | None:
    """A value written in one unit (a report's 万人) in another (人); None when they do not
    compare (人 and 件). NOTE: a sheet may change its unit between years (140万人, then
    1,300,000人): its values are compared only once converted."""
    if unit == to or not unit or not to:
        return value
    scale_from, counter_from = unit_scale(unit)
    scale_to, counter_to = unit_scale(to)
    if counter_from == counter_to:
        return value * scale_from / scale_to
    try:
        return (
            convert(value * scale_from, canonical_unit(counter_from), canonical_unit(counter_to))
            / scale_to
        )
    except UnitError:
        return None
