"""The CI example runs: every `run:` step of examples/github-actions.yml, as written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from .helpers import ROOT


def test_workflow_steps_run(tmp_path: Path) -> None:
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text("utf-8"))
    steps = workflow["jobs"]["scorecard"]["steps"]
    runs = [s for s in steps if "run" in s and "pip install" not in s["run"]]
    assert [s["name"] for s in runs] == [
        "Scorecard in the job summary",
        "Scorecard files",
        "Gate on overdue targets",
    ]
    work = tmp_path / "repo"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "rules", work / "rules")
    summary = tmp_path / "summary.md"
    bindir = Path(sys.executable).parent
    env = {
        **os.environ,
        **workflow["env"],
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    codes = []
    for step in runs:
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        codes.append(result.returncode)
    assert codes == [0, 0, 1]  # the seed has overdue targets: the gate fails the build
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# 目標達成状況スコアカード")
    assert "**未達の目標" in text and "<details>" in text
    assert (work / "scorecard" / "scorecard.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    junit = ET.parse(work / "scorecard" / "junit.xml").getroot()
    assert junit.tag == "testsuites" and len(list(junit.iter("failure"))) > 0
