"""A small on-disk cache of compiled rules, like ``__pycache__`` for rules files.

Where: ``$KPI_TRACKER_CACHE`` if set (``off`` disables the cache), else
``$XDG_CACHE_HOME/kpi-tracker`` if that is set, else the platform's cache folder as
platformdirs names it (``~/.cache/kpi-tracker`` on Linux, ``~/Library/Caches/kpi-tracker`` on
macOS, ``%LOCALAPPDATA%\\kpi-tracker\\Cache`` on Windows). Entries are JSON named by a hash of
everything that shapes them, so a changed rules file, unit table or kpi-tracker gets a new
entry; a missing, unreadable or corrupt entry is simply rebuilt. Nothing here is ever an
error: the cache only saves time.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

APP = "kpi-tracker"


def cache_dir() -> Path | None:
    setting = os.environ.get("KPI_TRACKER_CACHE")
    if setting is not None:
        return None if setting.lower() in ("", "0", "off", "no", "false") else Path(setting)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg:
        return Path(xdg) / APP
    return platform_cache_dir()


def platform_cache_dir() -> Path:
    """The platform's own cache folder for kpi-tracker (platformdirs' ``user_cache_dir``).

    NOTE: on Linux and the other XDG platforms its rule is written out here, as platformdirs
    applies it (tests/test_cache.py checks they agree): importing platformdirs costs ~4 ms
    (it imports tempfile) in every run that reads a cached rules file, to save ~400 ms.
    """
    if sys.platform in ("win32", "darwin"):
        from platformdirs import user_cache_dir

        return Path(user_cache_dir(APP, appauthor=False))
    return Path.home() / ".cache" / APP


def read(key: str) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(key: str, value: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, folder / f"{key}.json")  # atomic: readers never see half a file
    except OSError:
        pass
