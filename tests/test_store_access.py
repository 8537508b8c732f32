"""A command that fails leaves no empty database behind; readers never create one; an unknown
indicator or measure in history is an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpi_tracker.store import db as store

from .helpers import ROOT, SEED, run

EXAMPLE = ROOT / "examples" / "kodoku_koritsu_example_r6.txt"
ENV = {
    k: v
    for k, v in os.environ.items()
    if not k.startswith("KPI_TRACKER_") or k == "KPI_TRACKER_CACHE"
}
NO_DB = "kpi-tracker: error: sqlite:///kpi_tracker.db: no database here (nothing ingested yet?)\n"

FAILING = [
    # (args, exact stderr)  # what fails
    (
        ["compare", "r6.txt", str(SEED)],
        "kpi-tracker: error: r6.txt: cannot read: No such file or directory\n",
    ),  # a file name, not a stored report
    (["compare", "2024", "2025"], NO_DB),  # stored reports, but no database
    (["history"], NO_DB),
    (["history", "--indicator", "child-welfare-officers"], NO_DB),
    (
        ["ingest", "r6.txt", str(SEED)],
        "kpi-tracker: error: r6.txt: cannot read: No such file or directory\n",
    ),  # read before the database opens
    (
        ["ingest", str(SEED), "--rules", "absent.yaml"],
        "kpi-tracker: error: absent.yaml: no such rules file or folder\n",
    ),  # fails after it opened
]


@pytest.mark.parametrize(("args", "stderr"), FAILING)
def test_a_failing_command_leaves_no_database(tmp_path: Path, args: list[str], stderr: str) -> None:
    result = run(*args, cwd=tmp_path, env=ENV)
    assert (result.returncode, result.stderr) == (2, stderr)
    assert list(tmp_path.iterdir()) == []


def test_trends_read_without_creating_a_database(tmp_path: Path) -> None:
    result = run(
        "scorecard", str(SEED), "--db", "history.db", "--format", "json", cwd=tmp_path, env=ENV
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_history_of_an_unknown_indicator_or_measure_is_an_error(tmp_path: Path) -> None:
    stored = run("ingest", str(EXAMPLE), str(SEED), cwd=tmp_path, env=ENV)
    assert stored.returncode == 0, stored.stderr
    known = run(
        "history",
        "--indicator",
        "child-welfare-officers",
        "--format",
        "json",
        cwd=tmp_path,
        env=ENV,
    )
    assert known.returncode == 0 and known.stdout.count('"fiscal_year"') == 2  # two years
    nope = run("history", "--indicator", "nope", cwd=tmp_path, env=ENV)
    assert (nope.returncode, nope.stderr) == (
        2,
        "kpi-tracker: error: --indicator: no stored indicator matches 'nope'\n",
    )
    measure = run("history", "--measure", "999", cwd=tmp_path, env=ENV)
    assert (measure.returncode, measure.stderr) == (
        2,
        "kpi-tracker: error: --measure: no stored indicator matches 999\n",
    )


def test_an_ingest_that_stored_something_keeps_the_database(tmp_path: Path) -> None:
    # The second document (no fiscal year in its title: cannot be evaluated) fails after the
    # first is stored; the stored report stays.
    bad = tmp_path / "bad.txt"
    bad.write_text(SEED.read_text(encoding="utf-8").replace("(令和7年度)", ""), encoding="utf-8")
    result = run("ingest", str(SEED), str(bad), cwd=tmp_path, env=ENV)
    assert result.returncode == 2
    assert result.stdout.endswith("stored as report 1 (fiscal year 2025)\n")
    assert (tmp_path / "kpi_tracker.db").exists()


SQLITE_FILES = [
    # (--db, its file)  # how it is written
    (None, Path("kpi_tracker.db")),  # the default
    ("h.db", Path("h.db")),  # a plain path
    ("sqlite:///x/h.db", Path("x/h.db")),  # a relative SQLite URL
    ("sqlite:////tmp/h.db", Path("/tmp/h.db")),  # an absolute one
    ("sqlite://", None),  # in memory
    ("postgresql+psycopg://u@h/db", None),  # not a file
]


@pytest.mark.parametrize(("db", "path"), SQLITE_FILES)
def test_sqlite_file(db: str | None, path: Path | None) -> None:
    assert store.sqlite_file(db) == path
