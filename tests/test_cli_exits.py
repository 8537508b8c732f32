"""How the command line ends: exit codes, the one-line messages, output whatever the locale.

Each test is a defect found by hostile testing (issue 11, D10, D15, D17): it failed before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli

from .helpers import ROOT, SEED


def run_shell(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A shell line where ``KT`` runs kpi-tracker with this interpreter."""
    return subprocess.run(
        ["bash", "-c", f'KT() {{ {sys.executable} -m kpi_tracker "$@"; }}; {script}'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def assert_one_error_line(stderr: str, starts: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(starts), stderr


# D10: output is UTF-8 on files and pipes whatever the locale (what a Windows `> out.md` does).
@pytest.mark.parametrize(
    "args, expect",
    [
        (["scorecard", str(SEED)], "—"),  # the Markdown scorecard's dash is not in CP932
        (["measures", str(SEED), "--format", "json"], "发"),  # a character of the seed itself
    ],
)
def test_output_is_utf8_whatever_the_locale(args: list[str], expect: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kpi_tracker", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "cp932"},
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert expect in result.stdout.decode("utf-8")


def test_full_device_is_one_line() -> None:
    # D10: `> /dev/full` (no space left) says so in one line instead of a traceback.
    result = run_shell(f"KT measures {SEED} > /dev/full")
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "kpi-tracker: error: <stdout>: cannot write: ")


def test_closed_stdout_is_one_line() -> None:
    # D10: a closed stdout (`>&-`) is one line, not a traceback.
    result = run_shell(f"KT measures {SEED} >&-")
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "kpi-tracker: error: <stdout>: ")


def test_closed_pipe_is_silent_141() -> None:
    # D15: `kpi-tracker measures S | true` used to exit 1, which means "flagged" for check;
    # the reader went away: exit 141 with nothing said, as git and coreutils do.
    result = run_shell(f"KT measures {SEED} --format json | true; echo ${{PIPESTATUS[0]}}")
    assert result.stdout.strip() == "141"
    assert result.stderr == ""


def test_interrupt_exits_130(monkeypatch) -> None:
    # D15: Ctrl-C is not bad input: exit 130 and say "interrupted".
    from kpi_tracker.read import document

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(document, "load_document", interrupted)
    result = CliRunner().invoke(cli, ["measures", str(SEED)])
    assert result.exit_code == 130
    assert result.stderr == "kpi-tracker: error: interrupted\n"


def test_era_warning_is_one_kpi_tracker_line() -> None:
    # D17: a Python warning printed itself with a source path and the warning class.
    result = CliRunner().invoke(
        cli, ["scorecard", str(SEED), "--as-of", "平成99年度", "-o", os.devnull]
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines, "the era year past its end is worth a warning"
    assert all(ln.startswith("kpi-tracker: warning: ") for ln in lines), lines
    assert any("平成99年" in ln for ln in lines)


def test_output_into_a_missing_folder_names_the_path(tmp_path: Path) -> None:
    # D17: "cannot write: No such file or directory" did not say which path.
    target = tmp_path / "nodir" / "x.md"
    result = CliRunner().invoke(cli, ["measures", str(SEED), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"kpi-tracker: error: {target}: cannot write: No such file or directory\n"
    )


def test_usage_errors_are_one_line_through_the_runner() -> None:
    # The runner goes through the same error mapping as the console script.
    result = CliRunner().invoke(cli, ["measures", str(SEED), "--format", "yaml"])
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, "kpi-tracker: error: kpi-tracker measures: ")


def test_library_errors_are_one_line_through_the_runner() -> None:
    result = CliRunner().invoke(cli, ["measures", "/nonexistent/x.txt"])
    assert result.exit_code == 2
    assert result.stderr == (
        "kpi-tracker: error: /nonexistent/x.txt: cannot read: No such file or directory\n"
    )


def test_json_still_parses_after_the_change() -> None:
    result = CliRunner().invoke(cli, ["measures", str(SEED), "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["measures"]) == 143


def test_compare_reads_one_side_from_stdin() -> None:
    # CONTRACT §5: `-` as DOC reads stdin, for compare's documents too.
    result = CliRunner().invoke(
        cli, ["compare", str(SEED), "-", "--format", "json"], input=SEED.read_bytes()
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["new"]["source"] == "<stdin>"
