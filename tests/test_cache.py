"""Where the compiled-rules cache lives (``kpi_tracker.rules.cache.cache_dir``)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from kpi_tracker.rules import cache

HOME = Path.home()

CASES = [
    # (KPI_TRACKER_CACHE, XDG_CACHE_HOME, expected)  # why
    ("/tmp/kt", None, Path("/tmp/kt")),  # named: used as it is
    ("/tmp/kt", "/tmp/xdg", Path("/tmp/kt")),  # ours wins over XDG
    ("off", "/tmp/xdg", None),  # off: no cache at all
    ("0", None, None),  # as off
    ("", None, None),  # set but empty: off, not the current folder
    ("OFF", None, None),  # case does not matter
    (None, "/tmp/xdg", Path("/tmp/xdg/kpi-tracker")),  # XDG_CACHE_HOME, on every platform
    (None, "", HOME / ".cache" / "kpi-tracker"),  # an empty XDG_CACHE_HOME is unset
    (None, "  ", HOME / ".cache" / "kpi-tracker"),  # so is one of spaces
    (None, None, HOME / ".cache" / "kpi-tracker"),  # the default on Linux
]


@pytest.mark.parametrize(("ours", "xdg", "expected"), CASES)
def test_cache_dir(
    monkeypatch: pytest.MonkeyPatch, ours: str | None, xdg: str | None, expected: Path | None
) -> None:
    monkeypatch.setattr(cache.sys, "platform", "linux")
    for name, value in (("KPI_TRACKER_CACHE", ours), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert cache.cache_dir() == expected


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "", "/tmp/xdg-cache"])
def test_the_xdg_rule_is_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    # Written out to save platformdirs' import; it must say what platformdirs says.
    from platformdirs import user_cache_dir

    monkeypatch.delenv("KPI_TRACKER_CACHE", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache.cache_dir() == Path(user_cache_dir("kpi-tracker", appauthor=False))


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_other_platforms_ask_platformdirs(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    asked = []
    fake = types.ModuleType("platformdirs")

    def user_cache_dir(appname: str, appauthor: object = None) -> str:
        asked.append((appname, appauthor))
        return f"/caches/{appname}"

    fake.user_cache_dir = user_cache_dir  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "platformdirs", fake)
    monkeypatch.setattr(cache.sys, "platform", platform)
    monkeypatch.delenv("KPI_TRACKER_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache.cache_dir() == Path("/caches/kpi-tracker")
    assert asked == [("kpi-tracker", False)]


def test_platformdirs_is_a_declared_dependency() -> None:
    import tomllib

    from .helpers import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.split(">")[0].strip() == "platformdirs" for d in project["dependencies"])
