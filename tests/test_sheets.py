"""Structured KPI sheets: the three shapes scored from small hand-written sheets.

The expected statuses below were written from the sheets (tests/sheets/) by hand, before the
reader was run on them; each row says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_tracker.errors import DocumentError
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document

from .helpers import HAKUSHO, MUNICIPAL, REVIEW, card_dict


def card_of(path: Path) -> dict:
    return card_dict(evaluate(load_document(path), None))


def by_id(card: dict) -> dict[str, dict]:
    return {i["id"]: i for i in card["indicators"]}


# (id, status, overdue, reason_code, actual, target)
REVIEW_EXPECTED = [
    # 2024 actual 1,050 against the target 1,000 of 2024 (the column flagged 1).
    ("101/1/相談件数", "achieved", False, "met", 1050, 1000),
    # 1,600 in 2024 against 2,000 by 2026: +26%/year since 2022, 19%/year needed.
    ("101/2/研修受講者数", "on_track", False, "on_track", 1600, 2000),
    # 下向き: 150 in 2023 against at most 100 by 2023; 2024 is "-".
    ("102/1/待機児童数", "behind", True, "overdue", 150, 100),
    # 成果目標の種類 定性的: nothing to compare.
    ("102/2/利用者満足度", "not_measurable", False, "qualitative", None, None),
    # Every actual is "-".
    ("103/2/利用者数", "not_measurable", False, "no_value", None, 12000),
]

HAKUSHO_EXPECTED = [
    # 7.9% (2024年7月) against 10% by 2025年度末; 5.9% in 2020: the pace falls short.
    ("国家公務員の本省課室長相当職に占める女性の割合", "behind", False, "not_on_track", 7.9, 10),
    # 30.1% in 2023年度 meets 30%.
    ("男性の育児休業取得率(民間企業)", "achieved", False, "met", 30.1, 30),
    # No unit (a rate): 1.20 in 令和5年, down from 1.36, against 1.80 by 令和12年.
    ("希望出生率", "behind", False, "not_on_track", 1.2, 1.8),
    # Baseline 6.4% above the target 5%: lower is better; 5.0% meets it.
    ("週労働時間60時間以上の雇用者の割合", "achieved", False, "met", 5, 5),
    # Target 「増加」: 120 is more than the baseline 100.
    ("地域で活動する女性団体の数", "achieved", False, "met", 120, 100),
    # 最新値 集計中(2024年度): pending.
    ("女性の再就職支援の利用者数", "not_measurable", False, "pending", None, 5000),
]

MUNICIPAL_EXPECTED = [
    # 令和6年度 1,520 meets 1,500 (令和6年度).
    ("転入者数", "achieved", False, "met", 1520, 1500),
    # 万人 as written: 140 against 150 by 令和6年度 (= as_of): overdue.
    ("観光入込客数", "behind", True, "overdue", 140, 150),
    # Blank unit; 令和4年度 "-", 令和6年度 blank: 1.38 (令和5年度) falling, target 1.60 by 令和7年度.
    ("合計特殊出生率", "behind", False, "not_on_track", 1.38, 1.6),
    # 500 → 420 is a decrease; 430 in 令和6年度, falling fast enough to reach 420 by 令和7年度.
    ("空き家数", "on_track", False, "on_track", 430, 420),
    # 令和6年度 集計中, later than the latest value (令和5年度). As for the prose table, the
    # outcome keeps that latest value (60) beside the pending reason.
    ("移住相談件数", "not_measurable", False, "pending", 60, 100),
]


@pytest.mark.parametrize(
    ("path", "expected"),
    [(REVIEW, REVIEW_EXPECTED), (HAKUSHO, HAKUSHO_EXPECTED), (MUNICIPAL, MUNICIPAL_EXPECTED)],
    ids=["review", "hakusho", "municipal"],
)
def test_statuses(path: Path, expected: list[tuple]) -> None:
    card = card_of(path)
    got = by_id(card)
    assert set(got) == {row[0] for row in expected}  # every indicator, none invented
    for ident, status, overdue, code, actual, target in expected:
        ind = got[ident]
        assert (ind["status"], ind["overdue"], ind["reason_code"]) == (status, overdue, code), (
            ident,
            ind["reason"],
        )
        assert ind["actual"] == actual, ident
        assert ind["target"] == target, ident
    assert card["report"]["as_of"] == "2025-03-31"  # 令和6年度 / 2024 in the file name


def test_review_measures_are_projects_grouped_by_ministry() -> None:
    card = card_of(REVIEW)
    measures = [(m["no"], m["ministries"], m["status"]) for m in card["measures"]]
    assert measures == [
        (101, ["内閣府"], "on_track"),  # achieved and on track: the worse
        (104, ["内閣府"], "not_measurable"),  # an activity without an indicator
        (102, ["厚生労働省"], "behind"),
        (103, ["文部科学省"], "not_measurable"),
    ]
    assert card["measures"][1]["reason"] == "指標がない"


def test_review_published_rate_beside_the_engines() -> None:
    card = card_of(REVIEW)
    got = by_id(card)
    # 1,050 / 1,000 = 105%: as published.
    assert (got["101/1/相談件数"]["achievement_rate"], got["101/1/相談件数"]["published_rate"]) == (
        105.0,
        105,
    )
    assert got["101/1/相談件数"]["rate_disagrees"] is False
    # 2024: 1,600 against that year's target 1,500 = 106.7%; the sheet says 80.
    assert got["101/2/研修受講者数"]["achievement_rate"] == 106.7
    assert got["101/2/研修受講者数"]["rate_disagrees"] is True
    assert "公表 80%、実績と目標値からの算出 106.7%" in got["101/2/研修受講者数"]["reason"]
    # 下向き: 100 / 150 = 66.7%, as published.
    assert got["102/1/待機児童数"]["rate_disagrees"] is False
    assert any("達成率" in w and "101/2/研修受講者数" in w for w in card["warnings"])


def test_evidence_names_the_row() -> None:
    got = by_id(card_of(REVIEW))
    assert got["101/1/相談件数"]["evidence"] == {"text": "2024年度 実績値 1,050件", "line": 4}
    got = by_id(card_of(MUNICIPAL))
    assert got["転入者数"]["evidence"]["line"] == 5


def test_direction_inferred_is_said() -> None:
    card = card_of(HAKUSHO)
    got = by_id(card)
    assert "推定" in got["週労働時間60時間以上の雇用者の割合"]["reason"]
    assert got["週労働時間60時間以上の雇用者の割合"]["comparator"] == "<="
    assert any("direction is taken from baseline" in w for w in card["warnings"])


def test_municipal_measures_are_owners() -> None:
    card = card_of(MUNICIPAL)
    assert [m["name"] for m in card["measures"]] == [
        "企画課",
        "商工観光課",
        "子育て支援課",
        "都市計画課",
    ]
    assert card["report"]["fiscal_year"] == 2024


# --- malformed sheets: one line naming the row --------------------------------------------

REVIEW_HEADER = REVIEW.read_text(encoding="utf-8-sig").splitlines()[0]
REVIEW_ROWS = REVIEW.read_text(encoding="utf-8-sig").splitlines()[1:]

MALFORMED = [
    # 相談件数 without its 2.目標値 row.
    (
        "RS_2024.csv",
        [REVIEW_HEADER, REVIEW_ROWS[0], REVIEW_ROWS[2], REVIEW_ROWS[3]],
        ":2: indicator 101/1/相談件数 has no 2.目標値 row",
    ),
    # A year column that is not a year.
    (
        "RS_2024.csv",
        [REVIEW_HEADER.replace(",2027", ",20XX"), *REVIEW_ROWS[:4]],
        ":1: column 20 '20XX' after 「目標年度／目標値／実績値／達成率」 is not a year",
    ),
    # The same indicator again after another one.
    (
        "RS_2024.csv",
        [REVIEW_HEADER, *REVIEW_ROWS[:8], REVIEW_ROWS[2]],
        ":10: indicator 101/1/相談件数 appears twice (first on line 2)",
    ),
    # Two 3.実績値 rows for one indicator.
    (
        "RS_2024.csv",
        [REVIEW_HEADER, *REVIEW_ROWS[:3], REVIEW_ROWS[2]],
        ":5: indicator 101/1/相談件数: a second 3.実績値 row (first on line 4)",
    ),
    # A 定量的 indicator's row that says none of the four kinds.
    (
        "RS_2024.csv",
        [REVIEW_HEADER, REVIEW_ROWS[0].replace(",1.目標年度,", ",,")],
        ":2: an indicator row without 1.目標年度, 2.目標値, 3.実績値 or 4.達成率",
    ),
    # A row kind that is none of the four.
    (
        "RS_2024.csv",
        [REVIEW_HEADER, REVIEW_ROWS[0].replace(",1.目標年度,", ",5.見込み,")],
        ":2: 「目標年度／目標値／実績値／達成率」 is '5.見込み', not 1.目標年度, 2.目標値, 3.実績値 or 4.達成率",
    ),
    # A municipal KPI twice.
    (
        "kpi.tsv",
        [
            "KPI\t単位\t目標値\t目標年度\t令和5年度",
            "転入者数\t人\t1500\t令和6年度\t1400",
            "転入者数\t人\t1500\t令和6年度\t1400",
        ],
        ":3: indicator '転入者数' appears twice (first on line 2)",
    ),
    # A year column 令和0年度.
    (
        "kpi.tsv",
        ["KPI\t単位\t目標値\t目標年度\t令和0年度", "転入者数\t人\t1500\t令和6年度\t1400"],
        ":1: column 5 '令和0年度' is not a year",
    ),
    # A deadline with month 13.
    (
        "kpi.tsv",
        ["KPI\t単位\t目標値\t目標年度\t令和5年度", "転入者数\t人\t1500\t令和6年13月\t1400"],
        ":2: column deadline:",
    ),
    # A direction that is neither up nor down.
    (
        "kpi.tsv",
        ["KPI\t目標値\t方向\t最新値", "転入者数\t1500\t横ばい\t1400"],
        ":2: direction '横ばい' is neither 上向き nor 下向き",
    ),
]


@pytest.mark.parametrize(("name", "lines", "message"), MALFORMED)
def test_malformed_sheets(tmp_path: Path, name: str, lines: list[str], message: str) -> None:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert str(err.value).startswith(str(path) + message), str(err.value)
    assert "\n" not in str(err.value)


def test_qualitative_indicator_says_what_it_achieved(tmp_path: Path) -> None:
    # 定性的: not measurable, with the 成果実績 the sheet states in words.
    header = (
        "予算事業ID,事業名,府省庁,アクティビティ・アウトプット・アウトカムの番号,成果目標の種類,"
        "活動指標／成果指標,定性的なアウトカムに関する成果実績,目標年度／目標値／実績値／達成率,2024"
    )
    row = "7,事業,内閣府,1,定性的,利用者の満足,満足度調査で改善を確認,{kind},"
    kinds = ("1.目標年度", "2.目標値", "3.実績値", "4.達成率")
    path = tmp_path / "3-1_RS_2024_x.csv"
    path.write_text("\n".join([header, *(row.format(kind=k) for k in kinds)]), "utf-8-sig")
    (ind,) = card_of(path)["indicators"]
    assert (ind["status"], ind["reason_code"]) == ("not_measurable", "qualitative")
    assert ind["reason"].endswith("(成果実績: 満足度調査で改善を確認)")
    # The same indicator as one row, without 1.目標年度 … 4.達成率: the same outcome.
    path.write_text("\n".join([header, row.format(kind="")]), "utf-8-sig")
    (one,) = card_of(path)["indicators"]
    assert (one["id"], one["reason"]) == (ind["id"], ind["reason"])


def test_a_period_in_the_header_dates_the_column(tmp_path: Path) -> None:
    # 目標値(令和7年度) sets every row's deadline; 最新値(令和5年度) dates every actual.
    path = tmp_path / "kpi_r6.csv"
    path.write_text(
        "成果目標の動向(令和6年度)\n"
        "項目,目標値(令和7年度),計画策定時の数値(令和元年度),最新値(令和5年度)\n"
        "相談件数,1000件,600件,900件\n",
        encoding="utf-8",
    )
    (ind,) = card_of(path)["indicators"]
    assert ind["deadline"] == "2026-03-31"
    assert ind["period"]["end"] == "2024-03-31"
    # 600 (令和元年度末) → 900 (令和5年度末): on pace for 1,000 by 令和7年度末.
    assert ind["status"] == "on_track"


def test_values_in_the_rows_unit(tmp_path: Path) -> None:
    # A 万人 row: 150万人 is 150, 1,400,000人 is 140, a bare 120 is 120 (as written).
    path = tmp_path / "kpi_r6.tsv"
    path.write_text(
        "KPI進捗(令和6年度)\n"
        "KPI\t単位\t基準値\t基準年度\t目標値\t目標年度\t令和6年度\n"
        "観光入込客数\t万人\t120\t令和元年度\t150万人\t令和6年度\t1,400,000人\n",
        encoding="utf-8",
    )
    (ind,) = card_of(path)["indicators"]
    assert (ind["actual"], ind["target"], ind["unit"]) == (140, 150, "万人")


def test_a_rules_file_adds_a_missing_target(tmp_path: Path) -> None:
    from kpi_tracker.rules.compiled import load_rules

    path = tmp_path / "kpi_r6.tsv"
    path.write_text(
        "KPI進捗(令和6年度)\n"
        "KPI\t単位\t基準値\t基準年度\t目標値\t目標年度\t令和6年度\n"
        "転入者数\t人\t1,200\t令和元年度\t\t\t1,520\n",
        encoding="utf-8",
    )
    # Without rules: no target, not measurable.
    (alone,) = card_of(path)["indicators"]
    assert (alone["status"], alone["reason_code"]) == ("not_measurable", "no_target")
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "plan: KPI進捗\nmeasures:\n  1:\n    - id: tennyu\n      label: 転入者数\n"
        '      find:\n        label: [転入者数]\n      comparator: ">="\n      target: 1500\n'
        "      unit: 人\n      deadline: 令和6年度\n",
        encoding="utf-8",
    )
    (ind,) = card_dict(evaluate(load_document(path), load_rules(rules)))["indicators"]
    assert (ind["id"], ind["status"], ind["target"]) == ("転入者数", "achieved", 1500)


def test_a_sheet_with_the_status_tables_columns_too(tmp_path: Path) -> None:
    # No., 達成状況 and 担当課 are columns of the status table as well; the KPI column decides.
    path = tmp_path / "kpi_r6.tsv"
    path.write_text(
        "KPI進捗(令和6年度)\n"
        "No.\tKPI\t単位\t基準値\t基準年度\t目標値\t目標年度\t令和6年度\t達成状況\t担当課\n"
        "1\t転入者数\t人\t1,200\t令和元年度\t1,500\t令和6年度\t1,520\t○\t企画課\n",
        encoding="utf-8",
    )
    (ind,) = card_of(path)["indicators"]
    assert (ind["id"], ind["status"]) == ("転入者数", "achieved")
