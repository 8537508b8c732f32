"""A command that fails leaves no empty database behind; readers never create one; an unknown
indicator or measure in history is an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpi_tracker.pipeline import stored_wording
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


# D32 (issue 22): two ingests on a new file. The run that did not create the file never removes
# it; the one that did removes it only when no other run stored into it meanwhile.
def test_a_failing_ingest_keeps_what_another_stored(tmp_path: Path) -> None:
    from kpi_tracker.judge.scorecard import evaluate
    from kpi_tracker.read.document import load_document
    from kpi_tracker.rules.search import find_rules
    from kpi_tracker.store.access import removed_unless_stored

    path = tmp_path / "new.db"
    document = load_document(SEED)
    card = evaluate(document, find_rules(document.title_lines, document.plan, None))
    with pytest.raises(RuntimeError), removed_unless_stored(str(path)):
        other = store.open_store(str(path))  # the other run, storing while this one works
        store.ingest(other, card, stored_wording())
        other.dispose()
        raise RuntimeError("this run fails before it stores")
    engine = store.open_store(str(path), create=False)
    assert {r["report"] for r in store.history(engine)} == {1}
    engine.dispose()


def test_a_failing_ingest_leaves_an_existing_empty_file(tmp_path: Path) -> None:
    from kpi_tracker.store.access import removed_unless_stored

    path = tmp_path / "there.db"
    path.write_bytes(b"")  # another run's, created a moment before this one looked
    with pytest.raises(RuntimeError), removed_unless_stored(str(path)):
        raise RuntimeError("fails")
    assert path.exists()


def test_concurrent_ingests_on_a_new_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    variant = tmp_path / "variant.txt"
    variant.write_text(SEED.read_text(encoding="utf-8").replace("274,285", "274,286"))
    for trial in range(3):
        db = tmp_path / f"h{trial}.db"
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "kpi_tracker", "ingest", str(doc), "--db", str(db)],
                cwd=tmp_path,
                env=ENV,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for doc in (SEED, variant)
        ]
        results = [(r.wait(), r.stdout.read(), r.stderr.read()) for r in runs]  # type: ignore[union-attr]
        assert sorted(code for code, _, _ in results) == [0, 2], results
        assert db.exists(), results  # the stored report is kept, whoever failed
