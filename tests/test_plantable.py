"""plantable.py: a plan's own table of measures, as exported from its PDF (no status column).

The fixture tests/data/plan_measures_pdf_export.tsv holds eight target cells of the seed with
full-width digits, page numbers (－ １２ －) and the running title as rows of their own and
run into a cell, and 施策53's target broken by a page (its second bullet on a row without a
施策No.).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_tracker.errors import DocumentError
from kpi_tracker.read.plantable import load_plan_table, load_targets_document
from kpi_tracker.rules.draft import draft_rules
from kpi_tracker.rules.targets import read_targets

from .helpers import SEED

PLAN = Path(__file__).parent / "data" / "plan_measures_pdf_export.tsv"


@pytest.fixture(scope="module")
def plan():
    return load_targets_document(PLAN)


def test_measures_of_the_plan_with_full_width_numbers(plan) -> None:
    assert [m.no for m in plan.measures] == [8, 24, 46, 53, 54, 101, 115, 11]
    assert plan.plan == "孤独・孤立対策に関する施策の推進を図るための重点計画"
    assert all(m.status_text == "" for m in plan.measures)
    assert plan.measures[0].section == ("(1)相談支援体制の整備",)
    assert plan.measures[4].section == ("(2)地域における包括的支援体制等の推進",)


def test_page_furniture_is_never_part_of_a_target(plan) -> None:
    for m in plan.measures:
        assert "- 1" not in m.target_text and "－" not in m.target_text
        assert "孤独・孤立対策重点計画 " not in m.target_text
    values = {t.target for m in plan.measures for t in read_targets(m.target_text).targets}
    assert not values & {11, 12, 13, 14}  # the page numbers


def test_a_target_continues_after_a_page_break(plan) -> None:
    (m53,) = [m for m in plan.measures if m.no == 53]
    assert "結婚支援に取り組む" in m53.target_text  # the half on the next page
    assert len(read_targets(m53.target_text).targets) == 4


def test_the_plan_drafts_the_same_targets_as_the_status_report(plan) -> None:
    from kpi_tracker import load_document

    report = {m.no: m for m in load_document(SEED).measures}
    for m in plan.measures:
        from_plan = [
            (t.comparator, t.target, t.deadline) for t in read_targets(m.target_text).targets
        ]
        from_report = [
            (t.comparator, t.target, t.deadline)
            for t in read_targets(report[m.no].target_text).targets
        ]
        assert from_plan == from_report, m.no
    drafted = draft_rules(plan)
    assert {i.measure for i in drafted.items} == {8, 24, 46, 53, 54, 101}
    assert set(drafted.unmeasured) == {11, 115}


def test_a_stray_row_is_an_error_naming_its_line(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace("－ １３ －", "意味の分からない行", 1)
    bad = tmp_path / "bad.tsv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_plan_table(bad)
    assert str(err.value).startswith(f"{bad}:8: not a measure row")


def test_a_table_without_a_target_column_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "none.tsv"
    bad.write_text("施策No.\t施策名\n1\tx\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="目標及び達成の期間"):
        load_targets_document(bad)
