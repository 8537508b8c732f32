"""The configuration file: defaults for the command line, as ruff, pytest and sqlfluff do.

Found from the working directory upwards: in each folder ``kpi-tracker.toml`` (keys at the top
level) comes before ``pyproject.toml`` (keys under ``[tool.kpi-tracker]``; a ``pyproject.toml``
without that table is passed over). The first one found is the only one read.

Keys: ``rules``, ``db``, ``fail_on``, ``baseline``, ``lang``, ``dates``. Paths are relative to the
file's folder. Flags (and environment variables) win over the file, the file over built-in defaults.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from .errors import KpiTrackerError, Location

__all__ = ["KEYS", "Config", "ConfigError", "find_config", "load_config"]

# key → whether its value is a path (made relative to the file's folder)
KEYS = {
    "rules": True,
    "db": False,
    "fail_on": False,
    "baseline": True,
    "lang": False,
    "dates": False,
}
CHOICES = {
    "fail_on": ("behind", "overdue", "none"),
    "lang": ("ja", "en"),
    "dates": ("wareki", "iso"),
}
TABLE = "tool.kpi-tracker"
# [tool.kpi-tracker], [tool."kpi-tracker"], a dotted key tool.kpi-tracker.lang = …, or a
# key kpi-tracker = … under [tool]: worth parsing the file for. A key kpi-tracker under
# another table ([project.scripts] kpi-tracker = "kpi_tracker.cli:main") is not.
# (Pattern strings: re caches them on first use; no compile at import.)
_DOTTED = r"""tool\s*\.\s*["']?kpi-tracker"""
_KEY = r"""^\s*["']?kpi-tracker["']?\s*[.=]"""
_HEADER = r"""^\s*\[\s*([\w."' -]+?)\s*\]\s*(?:#.*)?$"""  # [table] alone on its line


class ConfigError(KpiTrackerError, ValueError):
    """A configuration file that cannot be used."""


class Config(NamedTuple):
    """The settings of one configuration file (empty when there is none)."""

    path: Path | None = None
    values: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        return dict(self.values).get(key)


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (the working directory)."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        own = here / "kpi-tracker.toml"
        if own.is_file():
            return own
        pyproject = here / "pyproject.toml"
        if pyproject.is_file() and _mentions_table(_read(pyproject)):
            table = _parse(pyproject).get("tool", {})
            if isinstance(table, dict) and "kpi-tracker" in table:
                return pyproject
    return None


def _mentions_table(text: str) -> bool:
    """Whether a ``pyproject.toml`` may hold our table: a cheap text test before parsing, as
    most pyproject.toml files are not ours and tomllib costs milliseconds at every start."""
    if re.search(_DOTTED, text):
        return True
    for key in re.finditer(_KEY, text, re.M):
        headers = re.findall(_HEADER, text[: key.start()], re.M)
        if not headers or headers[-1] == "tool":
            return True
    return False


def load_config(start: Path | None = None) -> Config:
    """The configuration in effect for ``start`` (the working directory), validated."""
    path = find_config(start)
    if path is None:
        return Config()
    data = _parse(path)
    if path.name == "pyproject.toml":
        data = data["tool"]["kpi-tracker"]
        prefix = f"[{TABLE}] "
    else:
        prefix = ""
    if not isinstance(data, dict):
        raise ConfigError(f"{TABLE}: must be a table of keys", Location(str(path)))
    values: list[tuple[str, str]] = []
    where = Location(str(path))
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key not in KEYS:
            raise ConfigError(f"{name}: unknown key (known: {', '.join(sorted(KEYS))})", where)
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{name}: must be a non-empty string, not {value!r}", where)
        if key in CHOICES and value not in CHOICES[key]:
            raise ConfigError(f"{name}: {value!r} is not one of {', '.join(CHOICES[key])}", where)
        # NOTE: a db value with "://" is a URL; anything else is a SQLite file path.
        if KEYS[key] or (key == "db" and "://" not in value):
            value = str(path.parent / value)
        values.append((key, value))
    return Config(path, tuple(values))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", Location(str(path))) from None


def _parse(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", Location(str(path))) from None
