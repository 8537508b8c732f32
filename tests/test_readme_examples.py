"""Every example command of the README (and of examples/README.md) runs as written, in a fresh
folder holding only seeds/ and examples/ (the rules come from the package, as after pip
install). A command's exit code is 0 unless its line says ``# exit N``."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from .helpers import ROOT, run

EXIT = re.compile(r"#\s*exit (\d+)")


def example_commands(readme: Path, after: str) -> list[str]:
    """The ``kpi-tracker …`` lines of the first ``sh`` block after the line ``after``."""
    text = readme.read_text(encoding="utf-8")
    start = text.index("```sh", text.index(after))
    block = text[start + len("```sh") : text.index("```", start + 5)]
    return [ln.strip() for ln in block.splitlines() if ln.strip().startswith("kpi-tracker ")]


SOURCES = [
    # (file, the line its examples follow)
    (ROOT / "README.md", "\nExamples:\n"),
    (ROOT / "examples" / "README.md", "## The example earlier-year table"),
]


@pytest.mark.parametrize(("readme", "after"), SOURCES, ids=["README.md", "examples/README.md"])
def test_examples_run_as_written(tmp_path: Path, readme: Path, after: str) -> None:
    commands = example_commands(readme, after)
    assert len(commands) >= 4
    for folder in ("seeds", "examples"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KPI_TRACKER_") or k == "KPI_TRACKER_CACHE"
    }
    for line in commands:
        code, _, comment = line.partition("#")
        want = int(m.group(1)) if (m := EXIT.search("#" + comment)) else 0
        result = run(*shlex.split(code)[1:], cwd=tmp_path, env=env)
        assert result.returncode == want, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def make_example():
    """examples/make_example_r6.py as a module (it is a script, not part of the package)."""
    import importlib.util

    path = ROOT / "examples" / "make_example_r6.py"
    spec = importlib.util.spec_from_file_location("make_example_r6", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_year_is_labelled_and_reproducible(make_example) -> None:
    source = (ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt").read_text(encoding="utf-8")
    shipped = (ROOT / "examples" / "kodoku_koritsu_example_r6.txt").read_text(encoding="utf-8")
    assert make_example.derive(source) == shipped  # the committed file is the script's output
    assert "「Ⅲ.具体的施策」の実施状況(令和6年度)【例示用の架空データ】" in shipped
    assert "例示用の架空データ(実データではない)" in shipped


YEARS = [
    # (text, one year earlier)  # why
    ("令和7年4月～令和8年3月", "令和6年4月～令和7年3月"),  # a fiscal year's months
    ("令和２年度", "令和元年度"),  # full-width digits; 令和2 → 元
    ("令和元年", "平成30年"),  # across the era boundary
    ("2025年", "2024年"),  # a Western year
    ("12025年", "12025年"),  # not a year: a longer number
]


@pytest.mark.parametrize(("text", "earlier"), YEARS)
def test_years_move_back_one(make_example, text: str, earlier: str) -> None:
    assert make_example.earlier_year(text) == earlier
