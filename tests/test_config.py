"""The configuration file: found upwards, flags win over it, bad keys are one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpi_tracker.config import ConfigError, _mentions_table, find_config, load_config

from .helpers import ROOT, SEED, run

# The user's own KPI_TRACKER_* settings would win over the file under test.
CLEAN_ENV = {
    k: v
    for k, v in os.environ.items()
    if not k.startswith("KPI_TRACKER_") or k == "KPI_TRACKER_CACHE"
}


def test_found_from_the_working_directory_upwards(tmp_path: Path) -> None:
    (tmp_path / "kpi-tracker.toml").write_text('fail_on = "overdue"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(deep)
    assert (config.path, config.values) == (
        tmp_path / "kpi-tracker.toml",
        (("fail_on", "overdue"),),
    )


def test_a_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kpi-tracker]\nlang = "en"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    # Mentions kpi-tracker, but has no [tool.kpi-tracker] table: not ours.
    (inner / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["kpi-tracker"]\n', encoding="utf-8"
    )
    assert find_config(inner) == tmp_path / "pyproject.toml"


def test_kpi_tracker_toml_comes_before_pyproject_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kpi-tracker]\nlang = "en"\n', encoding="utf-8")
    (tmp_path / "kpi-tracker.toml").write_text('lang = "ja"\n', encoding="utf-8")
    assert load_config(tmp_path).get("lang") == "ja"


def test_no_file_no_settings(tmp_path: Path) -> None:
    assert load_config(tmp_path).values == ()


def test_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "kpi-tracker.toml").write_text(
        'rules = "my-rules"\nbaseline = "ci/base.json"\ndb = "h.db"\n', encoding="utf-8"
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    config = load_config(sub)
    assert config.get("rules") == str(tmp_path / "my-rules")
    assert config.get("baseline") == str(tmp_path / "ci" / "base.json")
    assert config.get("db") == str(tmp_path / "h.db")


def test_a_database_url_is_kept_as_written(tmp_path: Path) -> None:
    url = "postgresql+psycopg://u@h/db"
    (tmp_path / "kpi-tracker.toml").write_text(f'db = "{url}"\n', encoding="utf-8")
    assert load_config(tmp_path).get("db") == url


BAD = [
    # (file name, content, error after "<path>: ")  # what is wrong
    (
        "kpi-tracker.toml",
        'colour = "red"\n',
        "colour: unknown key (known: baseline, dates, db, fail_on, lang, rules)",
    ),
    (
        "pyproject.toml",
        '[tool.kpi-tracker]\nfail_on = "sometimes"\n',
        "[tool.kpi-tracker] fail_on: 'sometimes' is not one of behind, overdue, none",
    ),
    ("kpi-tracker.toml", "lang = 1\n", "lang: must be a non-empty string, not 1"),
    ("kpi-tracker.toml", 'rules = ""\n', "rules: must be a non-empty string, not ''"),
    ("pyproject.toml", '[tool]\nkpi-tracker = "x"\n', "tool.kpi-tracker: must be a table of keys"),
]


@pytest.mark.parametrize(("name", "content", "error"), BAD)
def test_bad_files_name_the_file_and_key(
    tmp_path: Path, name: str, content: str, error: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value) == f"{tmp_path / name}: {error}"


def test_not_toml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "kpi-tracker.toml").write_text("lang = \n", encoding="utf-8")
    result = run("check", str(SEED), cwd=tmp_path, env=CLEAN_ENV)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"kpi-tracker: error: {tmp_path / 'kpi-tracker.toml'}: not valid TOML: "
    )
    assert result.stderr.count("\n") == 1


def test_the_file_sets_defaults_and_flags_win(tmp_path: Path) -> None:
    (tmp_path / "kpi-tracker.toml").write_text(
        'fail_on = "overdue"\nlang = "en"\n', encoding="utf-8"
    )
    from_file = run("check", str(SEED), cwd=tmp_path, env=CLEAN_ENV)
    assert from_file.returncode == 1
    assert "15 flagged (--fail-on overdue)" in from_file.stderr
    flag = run("check", str(SEED), "--fail-on", "none", cwd=tmp_path, env=CLEAN_ENV)
    assert flag.returncode == 0 and "0 flagged (--fail-on none)" in flag.stderr
    english = run("scorecard", str(SEED), "--format", "md", cwd=tmp_path, env=CLEAN_ENV)
    assert english.stdout.startswith("# Target achievement scorecard")
    japanese = run(
        "scorecard", str(SEED), "--format", "md", "--lang", "ja", cwd=tmp_path, env=CLEAN_ENV
    )
    assert japanese.stdout.startswith("# 目標達成状況スコアカード")


def test_rules_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "kpi-tracker.toml").write_text('rules = "absent"\n', encoding="utf-8")
    result = run("check", str(SEED), cwd=tmp_path, env=CLEAN_ENV)
    assert (result.returncode, result.stderr) == (
        2,
        f"kpi-tracker: error: {tmp_path / 'absent'}: no such rules file or folder\n",
    )
    ok = run("check", str(SEED), "--rules", str(ROOT / "rules"), cwd=tmp_path, env=CLEAN_ENV)
    assert ok.returncode == 1, ok.stderr  # the flag wins; the seed has missed targets


def test_the_baseline_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "kpi-tracker.toml").write_text(
        'baseline = "ci/accepted.json"\nfail_on = "overdue"\n', encoding="utf-8"
    )
    (tmp_path / "ci").mkdir()
    sub = tmp_path / "sub"
    sub.mkdir()
    update = run("check", str(SEED), "--update-baseline", cwd=sub, env=CLEAN_ENV)
    assert update.returncode == 0, update.stderr
    assert update.stderr.startswith(f"{tmp_path / 'ci' / 'accepted.json'}: ")
    green = run("check", str(SEED), cwd=sub, env=CLEAN_ENV)
    assert green.returncode == 0, green.stderr  # the file's baseline accepts the file's gate


MENTIONS = [
    ('[tool.kpi-tracker]\nlang = "en"\n', True),
    ('[tool."kpi-tracker"]\nlang = "en"\n', True),
    ('[tool]\nkpi-tracker.lang = "en"\n', True),  # a dotted key under [tool]
    ('[tool]\nkpi-tracker = "x"\n', True),  # wrong, but ours: it must be read to say so
    ('[tool] # tools\nruff = {}\nkpi-tracker = {lang = "en"}\n', True),
    # a script of that name is not our table: the file is passed over without parsing it
    ('[project.scripts]\nkpi-tracker = "kpi_tracker.cli:main"\n', False),
    ('[project]\nname = "kpi-tracker"\n', False),
    ("[tool.ruff]\nline-length = 100\n", False),
]


@pytest.mark.parametrize(("text", "mentions"), MENTIONS)
def test_which_pyproject_files_are_parsed(text: str, mentions: bool) -> None:
    assert _mentions_table(text) is mentions


def test_this_projects_own_pyproject_is_not_parsed() -> None:
    # It names the console script kpi-tracker, which a start in this folder must not mistake
    # for a configuration (tomllib costs milliseconds at every start).
    assert _mentions_table((ROOT / "pyproject.toml").read_text(encoding="utf-8")) is False
