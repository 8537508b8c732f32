"""The HTML scorecard in a real browser: headless Chromium (Debian's ``chromium`` package,
which .ci/run installs). Skips, saying why, only where no Chromium can be found."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from .helpers import SEED, run

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium here (apt-get install chromium; .ci/run does)"
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "scorecard.html"
    result = run("scorecard", str(SEED), "--format", "html", "-o", str(path))
    assert result.returncode == 0, result.stderr
    return path


def _rows(dom: str) -> list[tuple[str, bool, str]]:
    """(ministries, hidden, first cell) of every filterable row."""
    out = []
    for m in re.finditer(
        r"<tr data-status=\"(\w+)\" data-ministries=\"([^\"]*)\"( hidden=\"\")?>"
        r"<td class=\"num\"[^>]*>(\d+)</td>",
        dom,
    ):
        out.append((m.group(2), bool(m.group(3)), m.group(4)))
    return out


def _console_errors(stderr: str) -> list[str]:
    return [
        ln
        for ln in stderr.splitlines()
        if "CONSOLE" in ln and re.search(r"Uncaught|Error|error", ln)
    ]


def test_renders_all_measures_without_console_errors(tmp_path, page) -> None:
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console_errors(result.stderr) == []
    rows = _rows(result.stdout)
    assert {int(no) for _, _, no in rows} == set(range(1, 144))
    assert not any(hidden for _, hidden, _ in rows)
    assert result.stdout.count("<svg") == 2  # status by section and by ministry


def test_filter_by_ministry_hides_the_other_rows(tmp_path, page) -> None:
    url = page.as_uri() + "#ministry=" + quote("法務省")
    result = chromium(tmp_path, "--dump-dom", url)
    assert _console_errors(result.stderr) == []
    rows = _rows(result.stdout)
    shown = [r for r in rows if not r[1]]
    assert shown and all("法務省" in m.split("|") for m, _, _ in shown)
    assert all(hidden for m, hidden, _ in rows if "法務省" not in m.split("|"))
    assert f'<span id="f-count">{len(shown)}</span>' in result.stdout


def test_screenshot(tmp_path, page) -> None:
    shot = tmp_path / "scorecard.png"
    result = chromium(tmp_path, "--window-size=1280,2400", f"--screenshot={shot}", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
