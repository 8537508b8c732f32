"""A later year's table of the same plan, scored with the same rules file, unchanged.

The variant rewrites status cells the way a new year does: new periods, full-width digits,
万 forms, words moved around. The rules must find the values by what they measure.
"""

from __future__ import annotations

import pytest

from kpi_tracker.judge.compare import compare_dict
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document

from .helpers import REWRITES, card_dict, write_variant


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    path = write_variant(tmp_path_factory.mktemp("r8"), REWRITES, "r8.txt", title_year="令和8年度")
    return load_document(path)


@pytest.fixture(scope="module")
def variant_card(variant, seed_rules):
    return card_dict(evaluate(variant, seed_rules))


def test_variant_report(variant_card) -> None:
    assert variant_card["report"]["fiscal_year"] == 2026
    assert variant_card["report"]["as_of"] == "2027-03-31"
    assert variant_card["summary"]["measures"] == 143


VARIANT_EXPECTED = [
    # (id, status, actual, period text)  # how the variant writes it
    (
        "support-search-site-pv",
        "achieved",
        312000,
        "令和８年４月～令和９年３月",
    ),  # 万 and full width
    ("bullying-school-training-share", "achieved", 90.2, "令和７年度"),  # full-width 90.2%
    ("regional-revitalization-volunteers", "achieved", 10200, "令和8年度"),  # 約1万200人
    ("child-welfare-officers", "achieved", 7401, "令和８年度末"),  # words reordered, series
    ("local-platform-prefectures", "behind", 42, "令和9年4月1日"),  # went down
    ("kokoro-no-mimi-access", "achieved", 5600000, "令和8年4月～令和9年3月"),
    (
        "freelance-consultation-satisfaction",
        "achieved",
        81.5,
        "令和8年度",
    ),  # label after the number
]


@pytest.mark.parametrize(("ind_id", "status", "actual", "period"), VARIANT_EXPECTED)
def test_variant_scores_with_same_rules(variant_card, ind_id, status, actual, period) -> None:
    ind = next(i for i in variant_card["indicators"] if i["id"] == ind_id)
    assert (ind["status"], ind["actual"], ind["period"]["text"]) == (status, actual, period), ind[
        "reason"
    ]


def test_compare_lists_status_changes(seed_card, variant_card) -> None:
    data = compare_dict(seed_card, variant_card)
    by_id = {c["indicator"]: c for c in data["changes"]}
    assert by_id["support-search-site-pv"]["change"] == "improved"
    assert by_id["bullying-school-training-share"]["change"] == "improved"
    assert by_id["child-welfare-officers"]["change"] == "improved"
    assert (
        by_id["local-platform-prefectures"]["change"] == "unchanged"
    )  # behind, overdue both years
    assert by_id["local-platform-prefectures"]["direction"] == "away"  # 44 → 42
    assert by_id["mamorouyo-kokoro-pv"]["change"] == "unchanged"
    assert data["changes"][0]["movement"] == "worsened"  # 44 → 42 prefectures, worst first
    assert {c["change"] for c in data["changes"]} <= {
        "improved",
        "regressed",
        "unchanged",
        "new",
        "dropped",
    }


# A second later year, written differently again: the words move, the numbers change form.
REWRITES_2 = {
    8: (
        "・支援情報検索サイトPV数:274,285(令和7年4月～令和8年3月)",
        "・支援情報検索サイトのページビュー数は、令和8年度(令和8年4月～令和9年3月)に31万2千回となった。",
    ),
    24: (
        "いじめの問題に関して校内研修を実施している学校の割合は令和6年度は、86.9%となり、前年度より、1.2ポイント増加した。",
        "いじめの問題に関して校内研修を実施している学校の割合は、令和7年度で89.5%(前年度86.9%)であった。",
    ),
    25: ("令和6年度において、218,246人となり", "令和7年度において、22万8,000人となり"),
    50: (
        "令和8年3月末時点で社会福祉士321,616名、精神保健福祉士116,961名となっており",
        "社会福祉士の登録者数は32万5,000人、精神保健福祉士は11万9,000人(令和9年3月末時点)となっており",
    ),
    63: ("令和6年度実施箇所数:8,061か所", "令和7年度実施箇所数：９，５００か所"),
    69: ("通いの場の参加率は6.7%(令和5年度実績)", "通いの場の参加率は7.1%(令和6年度実績)"),
    121: (
        "直接支援の支援件数が3,672件となり(対前年度比387件増)",
        "直接支援の支援件数が3,600件となり(対前年度比72件減)",
    ),
    142: ("都道府県は44都道府県であり", "都道府県は47都道府県であり"),
}

VARIANT_2_EXPECTED = [
    # (id, status, actual)  # what changed in the writing
    ("support-search-site-pv", "achieved", 312000),  # 31万2千回, period spelled out in brackets
    ("bullying-school-training-share", "behind", 89.5),  # the previous year in brackets
    ("truancy-counselled-students", "achieved", 228000),  # 22万8,000人
    ("certified-social-workers", "achieved", 325000),
    ("psychiatric-social-workers", "achieved", 119000),
    ("parent-child-hubs", "behind", 9500),  # full-width digits
    ("kayoinoba-participation", "behind", 7.1),
    ("reoffending-direct-support-cases", "behind", 3600),  # 減 is a decrease
    ("local-platform-prefectures", "achieved", 47),
]


@pytest.fixture(scope="module")
def variant_2_card(tmp_path_factory, seed_rules):
    path = write_variant(
        tmp_path_factory.mktemp("r8b"), REWRITES_2, "r8b.txt", title_year="令和8年度"
    )
    return card_dict(evaluate(load_document(path), seed_rules))


@pytest.mark.parametrize(("ind_id", "status", "actual"), VARIANT_2_EXPECTED)
def test_second_variant(variant_2_card, ind_id, status, actual) -> None:
    ind = next(i for i in variant_2_card["indicators"] if i["id"] == ind_id)
    assert (ind["status"], ind["actual"]) == (status, actual), ind["reason"]


def test_previous_year_in_brackets_is_the_trend(variant_2_card) -> None:
    ind = next(
        i for i in variant_2_card["indicators"] if i["id"] == "bullying-school-training-share"
    )
    # the rule's baseline (令和5年度 85.7%), last year in brackets, this year
    assert [p["value"] for p in ind["trend"]] == [85.7, 86.9, 89.5]


def test_compare_markdown_puts_regressions_first(seed_card, variant_card) -> None:
    from kpi_tracker.render.compare import render

    data = compare_dict(seed_card, variant_card)
    text = render(data, "md")
    table = text.split("| No. |", 1)[1].splitlines()
    rows = [ln for ln in table if ln.startswith("| ") and ln[2].isdigit()]
    kinds = [row.rstrip(" |").rsplit("| ", 1)[1] for row in rows]
    order = {"新たに未達": 0, "悪化": 1, "期限到来": 2, "新たに達成": 3, "改善": 4, "新規": 5}
    order |= {"削除": 6, "変化なし": 7}
    assert kinds == sorted(kinds, key=order.__getitem__)
    assert {"悪化", "新たに達成", "変化なし"} <= set(kinds)
    html = render(data, "html")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ja">' in html
