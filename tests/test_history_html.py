"""history --format html: per indicator its values with target and deadline, per plan the
status counts of each report; inline SVG, no network."""

from __future__ import annotations

import re

import pytest

from kpi_tracker.render.history_html import indicator_chart, render

from .helpers import SEED, run


def _row(**kw):
    row = {
        "report": 1,
        "plan": "計画",
        "fiscal_year": 2025,
        "as_of": "2026-03-31",
        "measure": 109,
        "indicator": "child-welfare-officers",
        "label": "児童福祉司の配置数",
        "status": "behind",
        "overdue": False,
        "actual": 6866,
        "target": 7390,
        "unit": "人",
        "comparator": ">=",
        "deadline": "2027-03-31",
        "period_end": "2026-03-31",
    }
    return {**row, **kw}


SERIES = [
    _row(),
    _row(
        report=2,
        fiscal_year=2026,
        as_of="2027-03-31",
        period_end="2027-03-31",
        actual=7100,
        overdue=True,
    ),
]


def test_indicator_chart_has_points_target_and_deadline() -> None:
    svg = indicator_chart(SERIES, "ja")
    assert svg.count('class="point"') == 2  # one per stored report
    assert 'class="target"' in svg and ">7,390<" in svg  # the target line, labelled
    assert 'class="deadline"' in svg and "期限 2027-03" in svg
    assert ">6,866<" in svg and ">7,100<" in svg
    # The later, higher value is drawn higher (SVG y grows downwards).
    ys = [float(y) for y in re.findall(r'class="point" cx="[\d.]+" cy="([\d.]+)"', svg)]
    assert ys[1] < ys[0]


def test_indicator_without_values_says_so() -> None:
    assert "数値なし" in indicator_chart([_row(actual=None)], "ja")


def test_page_counts_statuses_per_year_and_escapes() -> None:
    rows = [*SERIES, _row(indicator="x", label="<b>x</b>", status="achieved", actual=5)]
    page = render(rows)
    assert page.startswith("<!DOCTYPE html>") and "<b>x</b>" not in page and "&lt;b&gt;x" in page
    plan = page.split('<svg class="plan"', 1)[1].split("</svg>", 1)[0]
    # report 1 holds one behind and one achieved indicator, report 2 one behind
    assert plan.count('<rect class="behind"') == 2 and plan.count('<rect class="achieved"') == 1
    assert ">2025<" in plan and ">2026<" in plan
    assert not re.search(r"(src|href)=\"?https?:", page)  # self-contained


def test_no_reports() -> None:
    assert "保存された報告がない" in render([])


@pytest.fixture(scope="module")
def db(tmp_path_factory, yoy_later_path):
    path = tmp_path_factory.mktemp("db") / "h.db"
    result = run("ingest", str(SEED), str(yoy_later_path), "--db", str(path))
    assert result.returncode == 0, result.stderr
    return path


def test_cli_history_html(db) -> None:
    result = run("history", "--db", str(db), "--format", "html")
    assert result.returncode == 0, result.stderr
    page = result.stdout
    section = page.split('data-indicator="child-welfare-officers"', 1)[1].split("</section>")[0]
    assert section.count('class="point"') == 2 and ">7,100<" in section and ">6,866<" in section
    assert page.count('<svg class="plan"') == 1
    one = run(
        "history", "--db", str(db), "--format", "html", "--indicator", "child-welfare-officers"
    )
    assert one.stdout.count('<section class="ind"') == 1


# D8 (issue 22): negative values, and values that all sit below zero, draw a chart (a
# ZeroDivisionError before); each point lies within the chart's frame.
@pytest.mark.parametrize(
    "values, target",
    [
        ([-11, -10], -10),  # all negative: the axis once collapsed to nothing
        ([-5], None),  # one negative value, no target
        ([-3, 4], 0),  # across zero
        ([0, 0], 0),  # all zero
        ([-1e9, 2e9], 1e9),  # large both ways
    ],
)
def test_indicator_chart_with_negative_values(values: list[float], target: float | None) -> None:
    rows = [
        _row(report=i, actual=v, target=target, period_end=f"{2020 + i}-03-31")
        for i, v in enumerate(values, 1)
    ]
    svg = indicator_chart(rows, "ja")
    ys = [float(y) for y in re.findall(r'<circle class="point" cx="[^"]+" cy="([^"]+)"', svg)]
    assert len(ys) == len(values)
    assert all(14 <= y <= 118 for y in ys), ys
