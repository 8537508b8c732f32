"""``kpi-tracker rules draft``: output, a runnable draft, --merge on stderr, error lines."""

from __future__ import annotations

import re
from pathlib import Path

from .helpers import RULES, SEED, run

PLAN = Path(__file__).parent / "data" / "plan_measures_pdf_export.tsv"


def test_draft_runs_as_is_with_scorecard(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = run("rules", "draft", str(SEED), "-o", str(out))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8").startswith("# 目標欄から下書きした規則")
    card = run("scorecard", str(SEED), "--rules", str(out), "--format", "json")
    assert card.returncode == 0 and '"indicators"' in card.stdout


def test_draft_of_a_plan_table_to_stdout() -> None:
    result = run("rules", "draft", str(PLAN))
    assert result.returncode == 0
    assert "plan: 孤独・孤立対策に関する施策の推進を図るための重点計画" in result.stdout
    assert "  53:\n" in result.stdout


def test_merge_says_what_it_added(tmp_path: Path) -> None:
    hand = tmp_path / "hand.yaml"
    # the hand-written rules without measure 140: the draft must add it back, and say so
    text = RULES.read_text(encoding="utf-8")
    text = re.sub(r"\n  140:\n(?:    .*\n|      .*\n)+", "\n", text)
    assert "\n  140:" not in text
    hand.write_text(text, encoding="utf-8")
    out = tmp_path / "merged.yaml"
    result = run("rules", "draft", str(SEED), "--merge", str(hand), "-o", str(out))
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert any(ln.startswith("kpi-tracker: added: 施策140 m140-1: ") for ln in lines)
    assert lines[-1].startswith(f"kpi-tracker: {hand}: ") and lines[-1].endswith(" added")
    assert out.read_text(encoding="utf-8").startswith(hand.read_text(encoding="utf-8")[:200])


def test_merge_into_a_broken_file_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: x\nmeasures: [\n", encoding="utf-8")
    result = run("rules", "draft", str(SEED), "--merge", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"kpi-tracker: error: {bad}:")
    assert len(result.stderr.splitlines()) == 1


def test_draft_of_a_missing_document_is_one_error_line() -> None:
    result = run("rules", "draft", "no/such.tsv")
    assert result.returncode == 2
    assert result.stderr.startswith("kpi-tracker: error: no/such.tsv")


def test_draft_reads_stdin_once_for_either_kind_of_table() -> None:
    from click.testing import CliRunner

    from kpi_tracker.cli import cli

    for doc in (SEED, PLAN):
        result = CliRunner().invoke(cli, ["rules", "draft", "-"], input=doc.read_bytes())
        assert result.exit_code == 0, result.stderr
        assert "plan: 孤独・孤立対策に関する施策の推進を図るための重点計画" in result.stdout
