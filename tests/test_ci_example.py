"""The CI example runs where users copy it: .ci/workflow-e2e, end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from .helpers import ROOT


def test_the_workflow_installs_kpi_tracker_as_a_package() -> None:
    # In the repository that holds the tables, `pip install -e .` would install that
    # repository, not kpi-tracker.
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text("utf-8"))
    runs = [s["run"] for s in workflow["jobs"]["scorecard"]["steps"] if "run" in s]
    assert runs[0] == 'python -m pip install "$KPI_TRACKER"'
    assert workflow["env"]["KPI_TRACKER"].startswith("kpi-tracker @ ")
    assert runs[-1] == 'kpi-tracker check "$DOC" --fail-on overdue --format github'


def test_workflow_end_to_end(tmp_path: Path) -> None:
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
        sum(1 for s in junit.iter("skipped") if "受け入れ済みの未達" in s.get("message", "")) == 15
    )
    summary = (tmp_path / "step_summary.md").read_text(encoding="utf-8")
    assert summary.startswith(
        "✅ **gate (--fail-on overdue): 0 failing, 15 accepted (.kpi-baseline.json)**"
    )
    html = (tmp_path / "repo" / "scorecard" / "scorecard.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
