"""compare: status transition and value movement kept apart; counts, --only-changed, the gate."""

from __future__ import annotations

import json

import pytest

from kpi_tracker.judge.compare import compare_dict, movement, status_change, value_delta
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document
from kpi_tracker.render.compare import render

from .helpers import SEED, YOY_LATER, card_dict, run, write_variant

# Only the deadline comes: every value stays or moves toward its target.
DEADLINE_ONLY = {109: YOY_LATER[109]}


@pytest.fixture(scope="module")
def later_path(yoy_later_path):
    return yoy_later_path


@pytest.fixture(scope="module")
def deadline_only_path(tmp_path_factory):
    return write_variant(tmp_path_factory.mktemp("dl"), DEADLINE_ONLY, "r8.txt", "令和8年度")


@pytest.fixture(scope="module")
def data(seed_card, seed_rules, later_path):
    later = card_dict(evaluate(load_document(later_path), seed_rules))
    return compare_dict(seed_card, later)


def _by_id(data):
    return {c["indicator"]: c for c in data["changes"]}


SEED_CASES = [
    # (indicator, change, movement, old actual, new actual, delta, delta_pct)
    # 6,866 → 7,100 toward 7,390: the status fell only because 令和8年度末 came
    ("child-welfare-officers", "regressed", "deadline_passed", 6866, 7100, 234, 3.4),
    # 44 → 42 prefectures against 47: away from the target, overdue both years
    ("local-platform-prefectures", "unchanged", "worsened", 44, 42, -2, -4.5),
    # 274,285 → 312,000 回 against 30万回: met
    ("support-search-site-pv", "improved", "met_now", 274285, 312000, 37715, 13.8),
]


@pytest.mark.parametrize(("ind", "change", "move", "old", "new", "delta", "pct"), SEED_CASES)
def test_seed_against_later_year(data, ind, change, move, old, new, delta, pct) -> None:
    c = _by_id(data)[ind]
    assert (c["change"], c["movement"]) == (change, move)
    assert (c["old"]["actual"], c["new"]["actual"], c["delta"], c["delta_pct"]) == (
        old,
        new,
        delta,
        pct,
    )
    assert c["old"]["attainment"] is not None and c["new"]["attainment"] is not None


def test_attainment_old_to_new_follows_the_value(data) -> None:
    c = _by_id(data)["child-welfare-officers"]
    assert c["old"]["attainment"] == round(6866 / 7390, 3)
    assert c["new"]["attainment"] == round(7100 / 7390, 3)
    # No baseline stated: no share of the way from it (progress), only of the target.
    assert c["old"]["progress"] is None and c["new"]["progress"] is None


def test_summary_counts_every_indicator(data, seed_card) -> None:
    s = data["summary"]
    assert s["indicators"] == len(seed_card["indicators"])
    assert sum(s["movement"].values()) == s["indicators"]
    assert (s["movement"]["worsened"], s["movement"]["met_now"]) == (1, 1)
    assert s["regressions"] == 1  # the deadline passing is not one


def _ind(status="behind", actual=10.0, comparator=">=", overdue=False, progress=None):
    return {
        "id": "x",
        "measure": 1,
        "label": "x",
        "status": status,
        "overdue": overdue,
        "actual": actual,
        "target": 20,
        "unit": "件",
        "comparator": comparator,
        "period": None,
        "progress": progress,
    }


MOVEMENT_CASES = [
    # (old, new, movement)  # why
    (_ind(actual=10), _ind(actual=12), "improved"),  # up toward a >= target
    (_ind(actual=10), _ind(actual=8), "worsened"),  # down, away from it
    (
        _ind(actual=10, comparator="<="),
        _ind(actual=8, comparator="<="),
        "improved",
    ),  # lower is better
    (
        _ind(actual=10, comparator="reduce_by_ratio"),
        _ind(actual=11, comparator="reduce_by_ratio"),
        "worsened",
    ),
    (_ind(actual=10, comparator="decrease"), _ind(actual=9, comparator="decrease"), "improved"),
    (_ind(actual=10), _ind(actual=10), "unchanged"),  # same value, same status
    (_ind(actual=10), _ind(status="achieved", actual=20), "met_now"),
    (_ind(status="not_measurable", actual=None), _ind(status="achieved", actual=20), "met_now"),
    (_ind(status="achieved", actual=20), _ind(actual=18), "missed_now"),
    (_ind(status="on_track", actual=10), _ind(actual=12, overdue=True), "deadline_passed"),
    (_ind(actual=10), _ind(actual=10, overdue=True), "deadline_passed"),  # held, then overdue
    (_ind(status="on_track", actual=10), _ind(actual=9, overdue=True), "worsened"),  # fell too
    (_ind(actual=10), _ind(status="not_measurable", actual=None), "unchanged"),  # no value: no move
]


@pytest.mark.parametrize(("old", "new", "expected"), MOVEMENT_CASES)
def test_movement(old, new, expected) -> None:
    change = status_change(old, new)
    _, _, direction = value_delta(old, new)
    assert movement(old, new, change, direction) == expected


def test_delta_of_a_zero_start_has_no_percentage() -> None:
    assert value_delta(_ind(actual=0), _ind(actual=5))[:2] == (5, None)
    assert value_delta(_ind(actual=86.9), _ind(actual=90.2))[:2] == (3.3, 3.8)  # no float noise


def test_a_rise_with_the_same_status_is_improved(tmp_path, seed_card, seed_rules) -> None:
    # 農福連携 8,277 → 9,900 件 toward 12,000: on track both years, so the status does not
    # change, but the value moved toward the target.
    path = write_variant(
        tmp_path,
        {
            73: (
                "令和6年度末時点で8,277件であり、令和5年度末時点の7,179件",
                "令和7年度末時点で9,900件であり、令和6年度末時点の8,277件",
            )
        },
        "r8.txt",
        "令和8年度",
    )
    later = card_dict(evaluate(load_document(path), seed_rules))
    c = _by_id(compare_dict(seed_card, later))["agri-welfare-entities"]
    assert (c["change"], c["movement"], c["delta"], c["delta_pct"]) == (
        "unchanged",
        "improved",
        1623,
        19.6,
    )


def test_new_and_dropped_indicators(seed_card) -> None:
    old = {**seed_card, "indicators": seed_card["indicators"][1:]}
    new = {**seed_card, "indicators": seed_card["indicators"][:-1]}
    by_id = _by_id(compare_dict(old, new))
    first, last = seed_card["indicators"][0]["id"], seed_card["indicators"][-1]["id"]
    assert (by_id[first]["change"], by_id[first]["movement"], by_id[first]["old"]) == (
        "new",
        "new",
        None,
    )
    assert (by_id[last]["change"], by_id[last]["movement"], by_id[last]["new"]) == (
        "dropped",
        "dropped",
        None,
    )


def test_markdown_shows_values_and_counts_first(data) -> None:
    text = render(data, "md")
    head = text.split("| No. |")[0]
    # 76 (地域おこし協力隊) keeps 8,196 as its deadline comes: a second deadline_passed
    assert "\n**悪化 1、期限到来 2、新たに達成 1、変化なし 64**\n" in head
    row = next(ln for ln in text.splitlines() if "児童福祉司" in ln)
    assert "6,866人 | 7,100人 | +234人 (+3.4%) | 93% → 96% |" in row
    assert row.endswith("| 期限到来(値は改善) |") and "悪化" not in row


def test_html_is_styled_with_a_slope_chart(data) -> None:
    html = render(data, "html")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert '<svg class="slope"' in html
    assert html.count('<g data-movement="') >= 3  # one line per indicator with two shares
    assert 'data-label="前回"' in html  # the card layout on phones names each cell
    assert "http" not in html.split("<body>")[0]  # no network
    assert "期限到来" in html and "6,866人" in html


def test_cli_fail_on_regressed_and_only_changed(later_path, deadline_only_path) -> None:
    gated = run("compare", str(SEED), str(later_path), "--fail-on", "regressed")
    assert gated.returncode == 1, gated.stderr  # 44 → 42 prefectures worsened
    passed = run("compare", str(SEED), str(deadline_only_path), "--fail-on", "regressed")
    assert passed.returncode == 0, passed.stderr  # only the deadline came
    default = run("compare", str(SEED), str(later_path))
    assert default.returncode == 0  # no gate unless asked
    short = run("compare", str(SEED), str(later_path), "--only-changed", "--format", "json")
    data = json.loads(short.stdout)
    assert {c["movement"] for c in data["changes"]} == {"worsened", "deadline_passed", "met_now"}
    assert data["summary"]["movement"]["unchanged"] > 50  # still counted
    full = json.loads(run("compare", str(SEED), str(later_path), "--format", "json").stdout)
    assert len(full["changes"]) == data["summary"]["indicators"] > len(data["changes"])


def test_cli_english_labels(later_path) -> None:
    out = run("compare", str(SEED), str(later_path), "--lang", "en", "--only-changed").stdout
    assert out.startswith("# Year over year:") and "deadline passed" in out
