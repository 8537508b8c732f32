"""``check --format github`` and ``--format pr``: within what GitHub shows and accepts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.judge.baseline import Accepted, Failure, Gate
from kpi_tracker.model import Status
from kpi_tracker.render.github import (
    MAX_ANNOTATIONS,
    PR_COMMENT_LIMIT,
    annotation_lines,
    pr_comment,
    step_summary,
)

from .helpers import SEED


def _misses(card, n: int, why: str = "new") -> Gate:
    """A gate failing ``n`` targets: the seed's indicators, each made a miss (every third
    overdue), repeated as needed."""
    outcomes = card.indicators
    failures = []
    for k in range(n):
        o = outcomes[k % len(outcomes)]
        o = replace(o, status=Status.BEHIND, overdue=k % 3 == 0)
        was = None if why == "new" else Accepted(o.indicator.id, o.measure_no, "behind", False, 1.0)
        failures.append(Failure(o, why, was))
    return Gate("behind", tuple(failures), (), ())


def test_a_40_miss_run_emits_10_annotations_and_a_note(seed_scorecard) -> None:
    lines = annotation_lines(seed_scorecard, _misses(seed_scorecard, 40)).splitlines()
    errors = [ln for ln in lines if ln.startswith("::error ")]
    assert len(errors) == MAX_ANNOTATIONS == 10
    assert len(lines) == 11
    assert lines[-1] == "::notice::ほかエラー30件はジョブの概要(job summary)に一覧があります"
    # worst first: the 14 overdue ones lead
    assert all("期限超過" in ln.split("::")[1] for ln in errors)


def test_the_note_in_english(seed_scorecard) -> None:
    lines = annotation_lines(seed_scorecard, _misses(seed_scorecard, 40), "en").splitlines()
    assert lines[-1] == "::notice::30 more errors are listed in the job summary"
    assert all("施策" not in ln for ln in lines)


@pytest.mark.parametrize(("n", "notice"), [(0, False), (9, False), (10, False), (11, True)])
def test_no_note_when_nothing_is_left_out(seed_scorecard, n: int, notice: bool) -> None:
    lines = annotation_lines(seed_scorecard, _misses(seed_scorecard, n)).splitlines()
    assert len(lines) == min(n, 10) + notice
    assert any(ln.startswith("::notice::") for ln in lines) is notice


def test_the_reference_run_through_the_cli() -> None:
    result = CliRunner().invoke(cli, ["check", str(SEED), "--format", "github"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    assert [ln[:8] for ln in annotations] == ["::error "] * 10 + ["::notice"]
    assert "ほかエラー14件は" in annotations[-1]  # 24 behind in the reference report
    # overdue first: the first ten are the overdue ones
    assert all("遅れ(期限超過)" in ln for ln in annotations[:10])


def test_the_job_summary_leads_with_the_verdict_and_the_misses(seed_scorecard) -> None:
    text = step_summary(seed_scorecard, _misses(seed_scorecard, 3))
    head, details = text.split("<details>", 1)
    assert head.startswith("❌ **ゲート(--fail-on behind): 失敗 3 件**\n")
    assert "未達の目標 24 件" in head  # the verdict of the scorecard
    assert sum(ln.startswith("- ") for ln in head.splitlines()) == 3  # the missed list
    assert "| No. |" not in head  # no table before the details
    assert details.startswith("<summary>スコアカード全体</summary>\n\n# 目標達成状況スコアカード")
    assert text.rstrip().endswith("</details>")


def test_the_pr_comment_says_the_verdict_and_each_kind_of_miss(seed_scorecard) -> None:
    gate = _misses(seed_scorecard, 4)
    worse = _misses(seed_scorecard, 2, "moved_away")
    both = Gate("behind", gate.failures + worse.failures, (), ())
    text = pr_comment(seed_scorecard, both)
    assert text.startswith("❌ **ゲート(--fail-on behind): 失敗 6 件**")
    assert "### 新たな未達 (4)" in text
    assert "### 受け入れ済みで悪化 (2)" in text
    assert "前回の報告から悪化" not in text  # no previous report: no such section


def test_the_pr_comment_fits_githubs_limit(seed_scorecard) -> None:
    text = pr_comment(seed_scorecard, _misses(seed_scorecard, 5000))
    assert len(text) <= PR_COMMENT_LIMIT
    assert "…ほか " in text  # what was cut is counted
    cut = int(text.split("…ほか ")[1].split(" 件")[0])
    shown = sum(ln.startswith("- ") for ln in text.splitlines())
    assert shown + cut == 5000


def test_the_pr_format_through_the_cli() -> None:
    result = CliRunner().invoke(cli, ["check", str(SEED), "--format", "pr", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout.startswith("❌ **gate (--fail-on behind): 24 failing**")
    assert "### New misses (24)" in result.stdout
