"""The CI example runs where users copy it: .ci/workflow-e2e, end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from .helpers import ROOT, SEED, YOY_LATER, write_variant


def test_the_workflow_installs_kpi_tracker_as_a_package() -> None:
    # In the repository that holds the tables, `pip install -e .` would install that
    # repository, not kpi-tracker.
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text("utf-8"))
    runs = [s["run"] for s in workflow["jobs"]["scorecard"]["steps"] if "run" in s]
    # As copied: kpi-tracker from the repository it runs in, unless a pinned path is set.
    assert runs[0] == 'python -m pip install "${KPI_TRACKER:-.}"'
    assert workflow["env"]["KPI_TRACKER"] == ""
    assert "OWNER" not in (ROOT / "examples" / "github-actions.yml").read_text("utf-8")
    assert runs[-1].startswith('kpi-tracker check "$DOC" --fail-on overdue --format github')


def test_workflow_end_to_end(tmp_path: Path, seed_card) -> None:
    overdue = sum(i["status"] == "behind" and i["overdue"] for i in seed_card["indicators"])
    env = {**os.environ, "PYTHON": sys.executable}
    result = subprocess.run(
        [str(ROOT / ".ci" / "workflow-e2e"), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert result.stdout.endswith(f"workflow-e2e: ok ({tmp_path})\n")
    # The second run (baseline committed): JUnit failures are the gate's, none.
    junit = ET.parse(tmp_path / "repo" / "scorecard" / "junit.xml").getroot()
    assert list(junit.iter("failure")) == []
    assert (
        sum(1 for s in junit.iter("skipped") if "受け入れ済みの未達" in s.get("message", ""))
        == overdue
    )
    summary = (tmp_path / "step_summary.md").read_text(encoding="utf-8")
    assert summary.startswith(
        f"✅ **ゲート(--fail-on overdue): 失敗 0 件、受け入れ済み {overdue} 件(.kpi-baseline.json)**"
    )
    html = (tmp_path / "repo" / "scorecard" / "scorecard.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")


def test_workflow_year_over_year(tmp_path: Path) -> None:
    """With PREVIOUS set, the job summary, the HTML, the JSON and the workbook tell each
    indicator's movement: the example's steps run as written (kpi-tracker from this venv)."""
    import json
    import shutil

    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text("utf-8"))
    steps = [s for s in workflow["jobs"]["scorecard"]["steps"] if "run" in s][1:]  # no install
    repo = tmp_path / "repo"
    repo.mkdir()
    write_variant(repo, YOY_LATER, "r8 table.txt", "令和8年度")  # a space: quoting holds
    shutil.copy(SEED, repo / "r7 table.txt")
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        **workflow["env"],
        "DOC": "r8 table.txt",
        "PREVIOUS": "r7 table.txt",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    env.pop("KPI_TRACKER_DB", None)
    codes = [
        subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, check=False
        ).returncode
        for step in steps
    ]
    assert codes == [0, 1]  # the gate still fails on overdue targets
    text = summary.read_text(encoding="utf-8")
    assert (
        "**前年度比 (令和7年度): 新たに未達 0、悪化 1、期限到来 2、新たに達成 1、改善 0**" in text
    )
    data = json.loads((repo / "scorecard" / "scorecard.json").read_text("utf-8"))
    assert data["year_over_year"]["movement"]["worsened"] == 1
    html = (repo / "scorecard" / "scorecard.html").read_text("utf-8")
    assert 'class="verdict yoy"' in html
    assert (repo / "scorecard" / "scorecard.xlsx").read_bytes().startswith(b"PK")
