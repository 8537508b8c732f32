"""The command line: exit codes, exact error lines, every command documented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli, main

from .helpers import ROOT, SEED, run


def test_measures_json() -> None:
    result = run("measures", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["report"]["fiscal_year"] == 2025
    assert [m["no"] for m in data["measures"]] == list(range(1, 144))
    m27 = data["measures"][26]
    assert set(m27) >= {
        "no",
        "name",
        "section",
        "overview",
        "target_text",
        "status_text",
        "review_text",
        "urls",
        "ministries",
        "line",
    }
    assert m27["ministries"] == ["法務省"] and m27["line"] == 50


def test_scorecard_json_shape() -> None:
    result = run("scorecard", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data["report"]) >= {"title", "fiscal_year", "as_of", "source", "sha256"}
    assert set(data["summary"]) == {
        "measures",
        "indicators",
        "achieved",
        "on_track",
        "behind",
        "not_measurable",
    }
    assert data["summary"]["measures"] == 143
    for m in data["measures"]:
        assert set(m) >= {"no", "name", "ministries", "status", "indicators"}
    for i in data["indicators"]:
        assert set(i) >= {
            "id",
            "measure",
            "label",
            "status",
            "overdue",
            "actual",
            "target",
            "unit",
            "comparator",
            "deadline",
            "period",
            "progress",
            "reason",
            "evidence",
        }


def test_check_exit_codes(tmp_path: Path) -> None:
    flagged = run("check", str(SEED))
    assert flagged.returncode == 1
    assert "support-search-site-pv 遅れ" in flagged.stdout
    assert f"{SEED}:20: 施策8 support-search-site-pv 遅れ:" in flagged.stdout
    overdue = run("check", str(SEED), "--fail-on", "overdue")
    assert overdue.returncode == 1
    assert "support-search-site-pv" not in overdue.stdout  # behind but not overdue
    assert run("check", str(SEED), "--fail-on", "none").returncode == 0


ERRORS = [
    # (args, exact stderr)  # what is wrong
    (
        ["scorecard", "missing.txt"],
        "kpi-tracker: error: missing.txt: cannot read: No such file or directory\n",
    ),
    (
        ["scorecard", str(SEED), "--format", "xml"],
        "kpi-tracker: error: kpi-tracker scorecard: Invalid value for '--format': 'xml' is not one "
        "of 'md', 'html', 'json', 'csv', 'junit', 'xlsx'.\n",
    ),
    (
        ["check", str(SEED), "--fail-on", "sometimes"],
        "kpi-tracker: error: kpi-tracker check: Invalid value for '--fail-on': 'sometimes' is not "
        "one of 'behind', 'overdue', 'none'.\n",
    ),
    (["frobnicate"], "kpi-tracker: error: kpi-tracker: No such command 'frobnicate'.\n"),
    (
        ["scorecard", str(SEED), "--as-of", "someday"],
        "kpi-tracker: error: --as-of: no date in 'someday'\n",
    ),
    (
        ["scorecard", str(SEED), "--rules", "seeds"],
        "kpi-tracker: error: seeds: no rules files (*.yaml) here\n",
    ),
]


def test_rules_file_that_is_not_yaml() -> None:
    result = run("scorecard", str(SEED), "--rules", "pyproject.toml")
    assert result.returncode == 2
    # The problem's wording is libyaml's (or PyYAML's without it); the place is ours.
    assert result.stderr.startswith("kpi-tracker: error: pyproject.toml:2: not valid YAML: ")
    assert result.stderr.count("\n") == 1


def test_rules_file_that_is_a_list(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    result = run("scorecard", str(SEED), "--rules", str(path))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"kpi-tracker: error: {path}:1: a rules file is a mapping with plan: and measures:\n"
    )


@pytest.mark.parametrize(("args", "stderr"), ERRORS)
def test_error_lines(args: list[str], stderr: str) -> None:
    result = run(*args)
    assert (result.returncode, result.stderr, result.stdout) == (2, stderr, "")


def test_bad_rules_file_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (ROOT / "rules" / "kodoku_koritsu.yaml")
        .read_text(encoding="utf-8")
        .replace("deadline: 令和8年度末\n", "deadline: 令和8年13月\n", 1),
        encoding="utf-8",
    )
    result = run("scorecard", str(SEED), "--rules", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"kpi-tracker: error: {bad}:")
    assert "field deadline: deadline: no month 13: '令和8年13月'" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "card.html"
    result = run("scorecard", str(SEED), "--format", "html", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_lint_on_seed() -> None:
    result = run("rules", "lint", str(SEED))
    assert result.returncode == 0
    assert "acknowledged" in result.stdout
    # Every target of the plan, with a number or a direction (…の増加), has a rule or an
    # acknowledged reason.
    assert [ln for ln in result.stdout.splitlines() if ": uncovered: " in ln] == []


def _commands(group, prefix=()):
    import click

    for name, command in group.commands.items():
        path = (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, path)
        else:
            yield path, command


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_example_and_readme_entry(path, command) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in (command.help or "")
    # The help shows the example, and it is an example of this command.
    example = result.output.split("Example:", 1)[1]
    first = next(ln.strip() for ln in example.splitlines() if ln.strip())
    assert first.startswith(f"kpi-tracker {' '.join(path)}"), first
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kpi-tracker {' '.join(path)}" in readme


def test_readme_opens_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [ln for ln in lines[:6] if ln.startswith("python -m pip")]
    assert commands == [
        "python -m pip install -e . && kpi-tracker scorecard seeds/kodoku_koritsu_jisshi_jokyo_r7.txt",
        "python -m pip install -e '.[test]' && python -m pytest",
    ]


def test_main_maps_library_errors(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["measures", "/nonexistent/x.txt"])
    assert info.value.code == 2
    assert capsys.readouterr().err == (
        "kpi-tracker: error: /nonexistent/x.txt: cannot read: No such file or directory\n"
    )


def test_the_console_script() -> None:
    # A real process: the entry point itself (other CLI tests run click's runner; `python -m
    # kpi_tracker` runs in test_cli_exits.py).
    script = str(Path(sys.executable).with_name("kpi-tracker"))
    ok = subprocess.run(
        [script, "measures", str(SEED), "--format", "csv"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert ok.returncode == 0 and ok.stdout.count("\n") > 143, ok.stderr
    bad = subprocess.run(
        [script, "measures", "/nonexistent/x.txt"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == (
        "kpi-tracker: error: /nonexistent/x.txt: cannot read: No such file or directory\n"
    )


def _in_process(command: str, then: str) -> str:
    """Python code that runs one command in process, then ``then``."""
    return (
        "import sys; from kpi_tracker.cli import main\n"
        f"try:\n    main([{command!r}, {str(SEED)!r}, '--format', 'json', '-o', '/dev/null'])\n"
        f"except SystemExit: pass\n{then}"
    )


def test_measures_does_not_import_heavy_modules() -> None:
    code = _in_process(
        "measures",
        "print(sorted(m for m in ('pint', 'pydantic', 'sqlmodel', 'sqlalchemy', 'openpyxl') "
        "if m in sys.modules))",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_scorecard_does_not_import_sqlmodel() -> None:
    code = _in_process("scorecard", "print('sqlmodel' in sys.modules, 'sqlalchemy' in sys.modules)")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False False"


def test_measures_markdown_and_csv() -> None:
    md = run("measures", str(SEED), "--format", "md")
    assert md.returncode == 0
    lines = md.stdout.splitlines()
    assert lines[0] == "# 「Ⅲ.具体的施策」の実施状況(令和7年度)"
    assert sum(1 for ln in lines if ln.startswith("| ") and ln[2].isdigit()) == 143
    csv_out = run("measures", str(SEED), "--format", "csv")
    assert csv_out.stdout.startswith("\ufeffno,section,name")
