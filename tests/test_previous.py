"""scorecard --previous / --db: year over year inside the one report a CI job shows."""

from __future__ import annotations

import json

import pytest

from kpi_tracker.judge.scorecard import evaluate, with_previous
from kpi_tracker.read.document import load_document

from .helpers import SEED, card_dict, run


@pytest.fixture(scope="module")
def later_path(yoy_later_path):
    return yoy_later_path


@pytest.fixture(scope="module")
def data(seed_card, seed_rules, later_path):
    card = evaluate(load_document(later_path), seed_rules)
    return card_dict(with_previous(card, seed_card))


PREVIOUS_CASES = [
    # (indicator, previous actual, previous status, movement)  # why
    ("child-welfare-officers", 6866, "behind", "deadline_passed"),  # 6,866 → 7,100, deadline came
    ("local-platform-prefectures", 44, "behind", "worsened"),  # 44 → 42 of 47
    ("support-search-site-pv", 274285, "behind", "met_now"),  # 274,285 → 312,000 of 30万
    ("bullying-school-training-share", 86.9, "behind", "unchanged"),  # the same sentence
]


@pytest.mark.parametrize(("ind", "actual", "status", "move"), PREVIOUS_CASES)
def test_each_indicator_has_previous_and_movement(data, ind, actual, status, move) -> None:
    i = next(i for i in data["indicators"] if i["id"] == ind)
    assert (i["previous"]["actual"], i["previous"]["status"], i["movement"]) == (
        actual,
        status,
        move,
    )
    assert set(i["previous"]) >= {"actual", "status", "period"}


def test_counts_and_previous_report(data, seed_card) -> None:
    yoy = data["year_over_year"]
    assert yoy["previous"]["fiscal_year"] == 2025
    assert (yoy["movement"]["worsened"], yoy["movement"]["met_now"]) == (1, 1)
    assert sum(v for k, v in yoy["movement"].items() if k != "dropped") == len(data["indicators"])
    assert yoy["regressions"] == 1


def test_without_previous_nothing_is_added(seed_card) -> None:
    assert "year_over_year" not in seed_card
    assert all("movement" not in i for i in seed_card["indicators"])


def test_cli_previous_document_markdown_headline(later_path) -> None:
    result = run("scorecard", str(later_path), "--previous", str(SEED))
    assert result.returncode == 0, result.stderr
    head = result.stdout.split("## ")[0]
    assert (
        "**前年度比 (令和7年度): 新たに未達 0、悪化 1、期限到来 2、新たに達成 1、改善 0**" in head
    )
    row = next(ln for ln in result.stdout.splitlines() if "| 142 |" in ln)
    assert "| 42都道府県 | 44都道府県 |" in row and "| 悪化 |" in row
    # 6,866 → 7,100 人: the deadline came, the value improved; never 悪化
    row = next(ln for ln in result.stdout.splitlines() if "| 109 |" in ln)
    assert "| 7,100人 | 6,866人 |" in row and "| 期限到来(値は改善) |" in row and "悪化" not in row


def test_cli_db_gives_the_previous_report(tmp_path, later_path) -> None:
    db = tmp_path / "h.db"
    assert run("ingest", str(SEED), "--db", str(db)).returncode == 0
    result = run("scorecard", str(later_path), "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year_over_year"]["previous"]["fiscal_year"] == 2025
    i = next(i for i in data["indicators"] if i["id"] == "child-welfare-officers")
    assert (i["previous"]["actual"], i["movement"]) == (6866, "deadline_passed")
    # By fiscal year from the store, the same answer.
    named = run(
        "scorecard", str(later_path), "--db", str(db), "--previous", "2025", "--format", "json"
    )
    assert json.loads(named.stdout)["year_over_year"] == data["year_over_year"]
    # The seed itself against the store: no earlier report, no year over year.
    alone = run("scorecard", str(SEED), "--db", str(db), "--format", "json")
    assert "year_over_year" not in json.loads(alone.stdout)


def test_cli_previous_that_is_nothing_is_one_line(tmp_path, later_path) -> None:
    result = run(
        "scorecard", str(later_path), "--previous", "nothing-here", "--db", str(tmp_path / "x.db")
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nothing-here" in result.stderr


def test_terminal_view_has_the_headline(seed_card, seed_rules, later_path) -> None:
    from kpi_tracker.render import terminal

    card = with_previous(evaluate(load_document(later_path), seed_rules), seed_card)
    lines = terminal.render(card).splitlines()
    assert (
        lines[4] == "前年度比 (令和7年度): 新たに未達 0、悪化 1、期限到来 2、新たに達成 1、改善 0"
    )
    assert len(lines) <= 40
