"""One answer everywhere (#22): given the same two reports, every command gives every indicator
the same status, whatever the order the reports were stored in.

The reports: the example 令和6年度 table and the reference 令和7年度 table. The commands:
``scorecard --previous``, ``scorecard --db``, ``check`` (both ways), ``compare`` of files and of
stored reports, and ``history``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kpi_tracker.cli import cli

from .helpers import ROOT, SEED

R6 = ROOT / "examples" / "kodoku_koritsu_example_r6.txt"
R7 = SEED
ORDERS = {"r6 then r7": [[R6, R7]], "r7 then r6": [[R7], [R6]], "both at once": [[R7, R6]]}

Verdicts = dict[str, tuple[str, bool]]  # indicator id → (status, overdue)


def invoke(*args: object, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, (args, result.output, result.stderr)
    return result


def scorecard(*args: object) -> Verdicts:
    data = json.loads(invoke("scorecard", *args, "--format", "json").stdout)
    return {i["id"]: (i["status"], i["overdue"]) for i in data["indicators"]}


def compare_sides(*args: object) -> tuple[Verdicts, Verdicts]:
    data = json.loads(invoke("compare", *args, "--format", "json").stdout)
    old = {c["indicator"]: (c["old"]["status"], c["old"]["overdue"]) for c in data["changes"]}
    new = {c["indicator"]: (c["new"]["status"], c["new"]["overdue"]) for c in data["changes"]}
    return old, new


def check_flagged(*args: object) -> tuple[set[str], str]:
    """The indicator ids ``check`` flags (behind) and its count line."""
    result = invoke("check", R7, *args, code=1)
    flagged = {
        re.split(r"\s+", line.split(" 施策", 1)[1])[1] for line in result.stdout.splitlines()
    }
    return flagged, result.stderr.splitlines()[0]


def stored(db: Path, orders: list[list[Path]]) -> None:
    for batch in orders:
        invoke("ingest", *batch, "--db", db)


@pytest.fixture(scope="module")
def on_files() -> tuple[Verdicts, Verdicts]:
    """The 令和6年度 report alone, and the 令和7年度 one with it given by --previous."""
    return scorecard(R6), scorecard(R7, "--previous", R6)


@pytest.mark.parametrize("order", ORDERS)
def test_every_command_gives_every_indicator_the_same_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str, on_files
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = on_files
    db = tmp_path / "h.db"
    stored(db, ORDERS[order])
    assert scorecard(R7, "--db", db) == new
    assert compare_sides(R6, R7) == (old, new)
    assert compare_sides("2024", "2025", "--db", db) == (old, new)
    rows = json.loads(invoke("history", "--db", db, "--format", "json").stdout)
    by_year: dict[int, Verdicts] = {}
    for row in rows:
        by_year.setdefault(row["fiscal_year"], {})[row["indicator"]] = (
            row["status"],
            row["overdue"],
        )
    assert by_year == {2024: old, 2025: new}
    behind = {i for i, (status, _) in new.items() if status == "behind"}
    counted = check_flagged("--previous", R6)
    assert counted == check_flagged("--db", db)
    assert counted[0] == behind
    assert f"{len(behind)} behind" in counted[1]


def test_the_documents_own_previous_value_decides_before_an_earlier_report(on_files) -> None:
    """An earlier report adds a reference only where the document states none: every verdict
    that the document's own previous value decides is the verdict of the document alone, and
    the reason names the reference used."""
    data = json.loads(invoke("scorecard", R7, "--previous", R6, "--format", "json").stdout)
    alone = scorecard(R7)
    sources: dict[str, int] = {}
    for ind in data["indicators"]:
        ref = ind["reference"]
        if ref is None:
            continue
        sources[ref["source"]] = sources.get(ref["source"], 0) + 1
        if ref["source"] == "document":
            assert (ind["status"], ind["overdue"]) == alone[ind["id"]], ind["id"]
            assert "文書が示す前回値" in ind["reason"]
        elif ref["source"] == "previous_report":
            assert "前回報告の値" in ind["reason"]
            assert alone[ind["id"]][0] == "not_measurable"  # the document states none
        else:
            assert ref["source"] == "baseline" and "基準値" in ind["reason"]
    assert sources.get("document", 0) >= 5 and sources.get("previous_report", 0) >= 1


@pytest.mark.parametrize(
    ("previous", "why"),
    [
        (R7, "is not earlier than"),  # the same year
        ("later", "is not earlier than"),
        ("other plan", "is a report of"),
    ],
)
def test_previous_refuses_a_later_same_year_or_other_plan_report(
    tmp_path: Path, previous: object, why: str
) -> None:
    if previous == "later":
        doc, previous = R6, R7
    else:
        doc = R7
    rules = ROOT / "rules"
    if previous == "other plan":
        other = "別の計画対策"
        text = R6.read_text(encoding="utf-8").replace("孤独・孤立対策", other, 3)
        previous = tmp_path / "other_r6.txt"
        previous.write_text(text, encoding="utf-8")
        rules = tmp_path / "rules"
        rules.mkdir()
        shipped = (ROOT / "rules" / "kodoku_koritsu.yaml").read_text(encoding="utf-8")
        (rules / "a.yaml").write_text(shipped, encoding="utf-8")
        (rules / "b.yaml").write_text(shipped.replace("孤独・孤立対策", other), encoding="utf-8")
    for command in ("scorecard", "check"):
        result = invoke(command, doc, "--previous", previous, "--rules", rules, code=2)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("kpi-tracker: error: --previous: ")
        assert why in lines[0]


def test_a_stored_report_is_evaluated_again_when_an_earlier_one_arrives(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    invoke("ingest", R7, "--db", db)
    alone = scorecard(R7)
    rows = json.loads(invoke("history", "--db", db, "--format", "json").stdout)
    assert {r["indicator"]: (r["status"], r["overdue"]) for r in rows} == alone
    out = invoke("ingest", R6, "--db", db).stdout
    assert re.search(r"report 1: evaluated again with .* \(\d+ statuses changed\)", out)
    new = scorecard(R7, "--previous", R6)
    rows = json.loads(invoke("history", "--db", db, "--format", "json").stdout)
    assert {r["indicator"]: (r["status"], r["overdue"]) for r in rows if r["report"] == 1} == new


def test_the_same_content_again_with_other_rules_is_evaluated_again(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    invoke("ingest", R7, "--db", db)
    rules = tmp_path / "rules.yaml"
    text = (ROOT / "rules" / "kodoku_koritsu.yaml").read_text(encoding="utf-8")
    first = json.loads(invoke("history", "--db", db, "--format", "json").stdout)
    achieved = next(r for r in first if r["status"] == "achieved" and r["comparator"] == ">=")
    target = achieved["target"]
    hits = re.findall(rf"target: {target}\b", text)
    assert hits, achieved
    rules.write_text(text.replace(f"target: {target}", f"target: {target * 1000}"), "utf-8")
    out = invoke("ingest", R7, "--db", db, "--rules", rules).stdout
    assert "already stored (same content) as report 1" in out
    assert re.search(r"evaluated again \([1-9]\d* statuses changed\)", out)
    again = json.loads(invoke("history", "--db", db, "--format", "json").stdout)
    now = {r["indicator"]: r["status"] for r in again}
    assert now[achieved["indicator"]] != "achieved"
    # and back: --replace refreshes too, and the plain re-ingest keeps a fresh evaluation
    out = invoke("ingest", R7, "--db", db, "--replace").stdout
    assert "evaluated again" in out
    out = invoke("ingest", R7, "--db", db).stdout
    assert "evaluated again" not in out
