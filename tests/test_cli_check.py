"""check: the baseline flow, --format github, and JUnit failures that equal the gate's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from kpi_tracker.render.github import command, escape_data, escape_property

from .helpers import SEED, run, write_variant

ENV = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}


@pytest.fixture(scope="module")
def counts(seed_card) -> tuple[int, int]:
    """(overdue, behind) of the reference report: 15 and 24 at the time of writing."""
    behind = [i for i in seed_card["indicators"] if i["status"] == "behind"]
    return sum(i["overdue"] for i in behind), len(behind)


def test_the_baseline_turns_the_gate_green_and_new_misses_red(tmp_path: Path, counts) -> None:
    overdue, _ = counts
    doc = tmp_path / SEED.name
    shutil.copy(SEED, doc)
    red = run("check", doc.name, "--fail-on", "overdue", cwd=tmp_path, env=ENV)
    assert red.returncode == 1 and f"{overdue} flagged (--fail-on overdue)" in red.stderr
    update = run(
        "check", doc.name, "--fail-on", "overdue", "--update-baseline", cwd=tmp_path, env=ENV
    )
    assert (update.returncode, update.stderr) == (
        0,
        f".kpi-baseline.json: {overdue} accepted misses (--fail-on overdue)\n",
    )
    green = run("check", doc.name, "--fail-on", "overdue", cwd=tmp_path, env=ENV)
    assert (green.returncode, green.stdout) == (0, "")
    accepted = green.stderr.splitlines()[1]
    assert accepted.startswith(
        f"{overdue} accepted in .kpi-baseline.json (not failing): bullying-school-training-share, "
    )
    # One more target missed, one accepted miss worse: red again, on exactly those two.
    write_variant(
        tmp_path,
        {128: ("受講者の90.6%", "受講者の70.6%"), 24: ("86.9%となり", "80.9%となり")},
        name=doc.name,
    )
    again = run("check", doc.name, "--fail-on", "overdue", cwd=tmp_path, env=ENV)
    assert again.returncode == 1
    lines = again.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        f"{doc.name}:47: 施策24 bullying-school-training-share 期限超過 "
        "(受け入れ時の 86.9% から 80.9% へ、目標から遠ざかった): 実績 80.9%"
    )
    assert lines[1].startswith(
        f"{doc.name}:184: 施策128 telework-seminar-understanding 期限超過: 実績 70.6%"
    )


def test_a_named_baseline_must_exist(tmp_path: Path) -> None:
    result = run("check", str(SEED), "--baseline", "nope.json", cwd=tmp_path, env=ENV)
    assert (result.returncode, result.stderr) == (
        2,
        "kpi-tracker: error: nope.json: cannot read: No such file or directory\n",
    )


def _junit_failures(tmp_path: Path, *args: str) -> list[str]:
    out = tmp_path / "junit.xml"
    result = run(
        "scorecard", str(SEED), "--format", "junit", "-o", str(out), *args, cwd=tmp_path, env=ENV
    )
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    return [
        c.get("name", "").split(":")[0]
        for c in root.iter("testcase")
        if c.find("failure") is not None
    ]


def _gate_failures(tmp_path: Path, *args: str) -> list[str]:
    result = run("check", str(SEED), *args, cwd=tmp_path, env=ENV)
    return [line.split(" ")[2] for line in result.stdout.splitlines()]


def test_junit_failures_are_the_gates(tmp_path: Path, counts) -> None:
    overdue, behind = counts
    for fail_on in ("behind", "overdue", "none"):
        args = ("--fail-on", fail_on)
        assert sorted(_junit_failures(tmp_path, *args)) == sorted(_gate_failures(tmp_path, *args))
    assert len(_junit_failures(tmp_path, "--fail-on", "overdue")) == overdue
    assert len(_junit_failures(tmp_path)) == behind  # --fail-on behind, the default


def test_junit_skips_accepted_misses_with_the_reason(tmp_path: Path, counts) -> None:
    overdue, behind = counts
    run("check", str(SEED), "--fail-on", "overdue", "--update-baseline", cwd=tmp_path, env=ENV)
    assert _junit_failures(tmp_path, "--fail-on", "overdue") == []
    root = ET.parse(tmp_path / "junit.xml").getroot()
    skipped = [s.get("message", "") for s in root.iter("skipped")]
    assert (
        sum(m.startswith("受け入れ済みの未達(.kpi-baseline.json): 実績") for m in skipped)
        == overdue
    )
    assert sum(m.startswith("遅れだが --fail-on overdue では失敗としない: ") for m in skipped) == (
        behind - overdue
    )


ESCAPES = [
    # (text, as data, as a property)  # what must not end the command
    ("50%", "50%25", "50%25"),  # the escape character itself
    ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),  # a line break would end the command
    ("施策8: x, y", "施策8: x, y", "施策8%3A x%2C y"),  # : and , end a property
]


def test_escaping() -> None:
    for text, data, prop in ESCAPES:
        assert (escape_data(text), escape_property(text)) == (data, prop)
    assert command("error", "a%b", file="x,y.txt", line=3) == "::error file=x%2Cy.txt,line=3::a%25b"


def test_github_annotations_and_step_summary(tmp_path: Path, counts) -> None:
    overdue, _ = counts
    doc = tmp_path / SEED.name
    shutil.copy(SEED, doc)
    run("check", doc.name, "--fail-on", "overdue", "--update-baseline", cwd=tmp_path, env=ENV)
    write_variant(tmp_path, {128: ("受講者の90.6%", "受講者の70.6%")}, name=doc.name)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {**ENV, "GITHUB_STEP_SUMMARY": str(summary)}
    result = run(
        "check", doc.name, "--fail-on", "overdue", "--format", "github", cwd=tmp_path, env=env
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    errors = [ln for ln in lines if ln.startswith("::error ")]
    warnings = [ln for ln in lines if ln.startswith("::warning ")]
    # GitHub shows 10 annotations of a level: the rest are counted in a notice.
    assert (len(errors), len(warnings), len(lines)) == (1, 10, 12)
    assert lines[-1] == (
        f"::notice::ほか警告{overdue - 10}件はジョブの概要(job summary)に一覧があります"
    )
    assert errors[0].startswith(
        f"::error file={doc.name},line=184,title=施策128 テレワークセミナー受講者のうちガイドラインを理解した割合 "
        "(telework-seminar-understanding)%3A 遅れ(期限超過)::実績 70.6%25"
    )
    assert warnings[0].startswith(f"::warning file={doc.name},line=47,title=施策24 ")
    assert "::受け入れ済みの未達(.kpi-baseline.json): 実績 86.9%25" in warnings[0]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(
        f"earlier step\n❌ **ゲート(--fail-on overdue): 失敗 1 件、受け入れ済み {overdue} 件"
        "(.kpi-baseline.json)**\n"
    )
    assert "# 目標達成状況スコアカード" in text and "<details>" in text


def test_github_without_a_summary_file_prints_annotations_only(tmp_path: Path, counts) -> None:
    result = run(
        "check", str(SEED), "--fail-on", "overdue", "--format", "github", cwd=tmp_path, env=ENV
    )
    assert result.returncode == 1
    assert [ln[:8] for ln in result.stdout.splitlines()] == ["::error "] * 10 + ["::notice"]
