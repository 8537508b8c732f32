"""``kpi-tracker rules draft``: output, a runnable draft, --merge on stderr, error lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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


# --- issue 22: D11, D23 ------------------------------------------------------------------------

PLAN_NAME = "孤独・孤立対策に関する施策の推進を図るための重点計画"


def _merge(tmp_path: Path, hand_text: str, newline: str = "\n") -> tuple[object, Path]:
    from click.testing import CliRunner

    from kpi_tracker.cli import cli

    hand = tmp_path / "hand.yaml"
    hand.write_bytes(hand_text.replace("\n", newline).encode("utf-8"))
    out = tmp_path / "merged.yaml"
    result = CliRunner().invoke(
        cli, ["rules", "draft", str(SEED), "--merge", str(hand), "-o", str(out)]
    )
    return result, hand


# D11: another plan's rules file gets none of this document's targets.
def test_merge_into_another_plans_rules_is_refused(tmp_path: Path) -> None:
    result, hand = _merge(
        tmp_path,
        "plan: 別の計画\nversion: 1\nmeasures:\n  1:\n    - id: a\n"
        "      label: 件数\n      find: {label: [件数]}\n      comparator: '>='\n"
        "      target: 1\n      unit: 件\n",
    )
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    assert result.stderr == (  # type: ignore[attr-defined]
        f"kpi-tracker: error: {hand}: the rules are for 「別の計画」, the document is "
        f"「{PLAN_NAME}」: another plan's targets are not merged into it; draft them to a file "
        "of their own (-o)\n"
    )
    assert not (tmp_path / "merged.yaml").exists()


# D23: a flow-style file is said to be one, on its own line; nothing blames a line it lacks.
@pytest.mark.parametrize(
    "text, line",
    [
        (
            f"plan: {PLAN_NAME}\nversion: 1\nmeasures: {{8: [{{id: a, label: 件数, find: {{label: "
            "[件数]}, comparator: '>=', target: 1, unit: 件}]}\n",
            3,
        ),
        (f"{{plan: {PLAN_NAME}, version: 1, measures: {{}}}}\n", 1),
        (
            f"plan: {PLAN_NAME}\nversion: 1\nmeasures:\n  8: [{{id: a, label: 件数, find: {{label: "
            "[件数]}, comparator: '>=', target: 1, unit: 件}]\n",
            4,
        ),
    ],
)
def test_merge_into_flow_style_names_its_line(tmp_path: Path, text: str, line: int) -> None:
    result, hand = _merge(tmp_path, text)
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    (message,) = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert message.startswith(f"kpi-tracker: error: {hand}:{line}"), message
    assert "flow style" in message
    assert line <= len(text.splitlines())


# D23: CRLF comes back as CRLF.
def test_merge_keeps_crlf(tmp_path: Path) -> None:
    text = RULES.read_text(encoding="utf-8")
    text = re.sub(r"\n  140:\n(?:    .*\n|      .*\n)+", "\n", text)
    result, _ = _merge(tmp_path, text, "\r\n")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    merged = (tmp_path / "merged.yaml").read_bytes()
    assert merged.count(b"\r\n") == merged.count(b"\n")
    assert "  140:" in merged.decode("utf-8")
