"""Where a document's rules come from, in order:

1. ``--rules PATH`` (or ``KPI_TRACKER_RULES``, or ``rules`` in the configuration file): that
   file or folder only;
2. ``./rules/`` of the working directory;
3. the rules shipped inside the package (built from the repository's top-level ``rules/``).

A place given by name is used alone: a missing path is an error, never a fall-through. The
implicit places are searched in order for a file whose declared plan matches the document;
when none matches, the error lists every place looked at and what it held.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..data import DATA
from ..errors import Location, NoRulesForPlan, RulesError
from .compiled import LoadedRules, _squash, load_rules, rules_files, rules_for

__all__ = ["Place", "RulesFile", "bundled_rules_dir", "find_rules", "list_rules", "places"]


@dataclass(frozen=True, slots=True)
class Place:
    """A file or folder where rules may be, and why it is looked at."""

    origin: str  # "--rules", "./rules", "package"
    path: Path
    named: bool  # given by the user: used alone


@dataclass(frozen=True, slots=True)
class RulesFile:
    """One rules file found, for ``rules list``."""

    origin: str
    path: Path
    loaded: LoadedRules


def bundled_rules_dir() -> Path:
    """The rules that ship with kpi-tracker.

    An installed package (wheel, ``pip install .``) carries them in ``kpi_tracker/data/rules``
    (``setup.py`` copies the top-level ``rules/`` there). A source checkout (editable install,
    ``python -m kpi_tracker`` from the repository) reads the top-level ``rules/`` itself.
    """
    packaged = DATA / "rules"
    if packaged.is_dir():
        return packaged
    checkout = DATA.parent.parent
    # NOTE: only a checkout of this project: an installed package's parent is site-packages,
    # whose ``rules/`` would belong to someone else.
    if (checkout / "pyproject.toml").is_file() and (checkout / "kpi_tracker").is_dir():
        return checkout / "rules"
    return packaged


def places(named: str | Path | None, cwd: Path | None = None) -> list[Place]:
    """The places to look for rules, in order."""
    if named is not None and str(named) != "":
        return [Place("--rules", Path(named), True)]
    local = Path("rules") if cwd is None else cwd / "rules"
    found = [Place("./rules", local, False), Place("package", bundled_rules_dir(), False)]
    unique: list[Place] = []
    seen: set[Path] = set()
    for place in found:
        key = place.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(place)
    return unique


def find_rules(
    title_lines: tuple[str, ...], plan: str, named: str | Path | None = None
) -> LoadedRules:
    """The rules file for a document whose title lines and plan are given."""
    looked: list[str] = []
    found: list[LoadedRules] = []
    for place in places(named):
        if place.named:
            if not place.path.exists():
                raise RulesError("no such rules file or folder", Location(str(place.path)))
            return rules_for(place.path, title_lines, plan)
        if not place.path.exists():
            looked.append(f"{place.origin} {place.path} (missing)")
            continue
        try:
            found.append(rules_for(place.path, title_lines, plan))
        except NoRulesForPlan as exc:
            looked.append(f"{place.origin} {place.path} ({exc.what})")
    if found:
        return _most_specific(found)
    raise RulesError(
        f"no rules for the plan 「{plan}」; looked in: "
        + "; ".join(looked)
        + "; give --rules PATH",
        Location("rules"),
    )


def _specificity(loaded: LoadedRules) -> int:
    """How much of a title a rules file's plan pins down: the length of what it requires."""
    return sum(len(_squash(w)) for w in (loaded.rules.plan, *loaded.rules.title_contains))


def _most_specific(found: list[LoadedRules]) -> LoadedRules:
    """Of the rules files that match, one a place, the most specific plan wins (a ./rules file
    declaring only 重点計画 must not shadow the shipped rules of the plan itself); among
    equally specific ones, the first place searched (./rules before the package's)."""
    best = max(found, key=_specificity)  # max keeps the first of equals
    best = next(f for f in found if _specificity(f) == _specificity(best))
    passed = [f for f in found if f is not best and _specificity(f) < _specificity(best)]
    if passed and found[0] is not best:
        others = ", ".join(f"{f.path} (「{f.rules.plan}」)" for f in passed)
        note = (
            f"using {best.path} (「{best.rules.plan}」), the most specific plan matching the "
            f"document; also matching: {others}"
        )
        return replace(best, note=note if not best.note else f"{best.note}; {note}")
    return best


def list_rules(named: str | Path | None = None) -> list[RulesFile | Place]:
    """Every rules file of the places searched, in search order; a place that is missing
    stands for itself. A file that does not validate is an error, as it would be when used."""
    found: list[RulesFile | Place] = []
    for place in places(named):
        if not place.path.exists():
            found.append(place)
            continue
        files = rules_files(place.path) if place.path.is_dir() else [place.path]
        found.extend(RulesFile(place.origin, f, load_rules(f)) for f in files)
    return found
