"""Where rules are found: --rules / KPI_TRACKER_RULES alone, else ./rules/, else the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kpi_tracker.errors import RulesError
from kpi_tracker.rules.compiled import load_rules
from kpi_tracker.rules.search import bundled_rules_dir, find_rules, list_rules, places

from .helpers import ROOT, RULES, SEED, run

PLAN = "孤独・孤立対策に関する施策の推進を図るための重点計画"
TITLE = (f"{PLAN}「Ⅲ.具体的施策」の実施状況(令和7年度)",)
OTHER_PLAN_RULES = "plan: 別の計画\nmeasures: {}\n"


def test_a_checkout_ships_its_own_rules_folder() -> None:
    # An editable install reads the top-level rules/ (the wheel carries a copy; see below).
    assert bundled_rules_dir() == ROOT / "rules"


def test_search_order(tmp_path: Path) -> None:
    assert [(p.origin, p.path, p.named) for p in places(None, tmp_path)] == [
        ("./rules", tmp_path / "rules", False),
        ("package", ROOT / "rules", False),
    ]
    # A named place is used alone.
    assert [(p.origin, p.named) for p in places("x.yaml", tmp_path)] == [("--rules", True)]


def test_the_checkout_folder_is_looked_at_once(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # ./rules is the package's rules here
    assert [p.origin for p in places(None)] == ["./rules"]


def test_outside_any_repository_the_package_rules_serve(tmp_path: Path) -> None:
    result = run("scorecard", str(SEED), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["report"]["rules"] == str(
        ROOT / "rules" / "kodoku_koritsu.yaml"
    )


def test_a_rules_folder_of_other_plans_falls_through_to_the_package(
    tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "other.yaml").write_text(OTHER_PLAN_RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_rules(TITLE, PLAN).path == str(ROOT / "rules" / "kodoku_koritsu.yaml")


def test_the_working_directory_rules_come_first(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "rules").mkdir()
    own = tmp_path / "rules" / "mine.yaml"
    own.write_bytes((ROOT / "rules" / "kodoku_koritsu.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert find_rules(TITLE, PLAN).path == str(Path("rules") / "mine.yaml")


def test_no_rules_for_the_plan_lists_where_it_looked(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as info:
        find_rules(("別の計画の実施状況(令和7年度)",), "別の計画")
    assert str(info.value) == (
        "rules: no rules for the plan 「別の計画」; looked in: "
        "./rules rules (missing); "
        f"package {ROOT / 'rules'} (no rules file declares the document's plan 「別の計画」 "
        f"(found: 「{PLAN}」)); "
        "give --rules PATH"
    )


def test_a_named_place_that_is_missing_is_an_error(tmp_path: Path) -> None:
    result = run("scorecard", str(SEED), "--rules", "nope", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "kpi-tracker: error: nope: no such rules file or folder\n",
    )


def test_the_environment_names_the_rules(tmp_path: Path) -> None:
    env = {**os.environ, "KPI_TRACKER_RULES": str(tmp_path / "absent.yaml")}
    result = run("scorecard", str(SEED), cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert (
        result.stderr
        == f"kpi-tracker: error: {tmp_path / 'absent.yaml'}: no such rules file or folder\n"
    )


def test_rules_list_in_search_order(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "other.yaml").write_text(OTHER_PLAN_RULES, encoding="utf-8")
    result = run("rules", "list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"./rules\t{Path('rules') / 'other.yaml'}\t「別の計画」\t0 indicators",
        f"package\t{RULES}\t「{PLAN}」\t{len(load_rules(RULES).indicators())} indicators",
    ]


def test_list_rules_names_missing_places_in_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    entries = list_rules()
    assert [(e.origin, type(e).__name__) for e in entries] == [
        ("./rules", "Place"),  # missing: stands for itself
        ("package", "RulesFile"),
    ]


def test_the_wheel_carries_the_rules(tmp_path: Path) -> None:
    # A non-editable install is built from a wheel; it must hold the plan's rules.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index",
         "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("kpi_tracker-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kpi_tracker/py.typed" in names  # PEP 561: type checkers read our hints
    shipped = sorted(n for n in names if n.startswith("kpi_tracker/data/rules/"))
    assert shipped == [
        f"kpi_tracker/data/rules/{p.name}" for p in sorted((ROOT / "rules").glob("*.yaml"))
    ]
