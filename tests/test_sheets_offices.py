"""Sheets as offices write them: real-style government text, scored with no --as-of and no rules.

The sheets are in tests/sheets/: a white paper's 成果目標の動向 (当初値 / 結果 / 数値目標〔期限〕 /
評価 / 所管 / 備考, no fiscal year in the title), a 平成 総合戦略 KPI sheet whose year headers carry
their role (平成25(基準値) … 平成31(目標値)), and the 行政事業レビュー file with its real header.
Each expected row says why a careful reader gives that status.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.cli import cli
from kpi_tracker.errors import PeriodError
from kpi_tracker.judge.scorecard import evaluate, scorecard_dict
from kpi_tracker.pipeline import stored_wording
from kpi_tracker.read.document import load_document
from kpi_tracker.read.sheets.cells import read_cell
from kpi_tracker.read.sheets.goal import read_goal
from kpi_tracker.rules.draft import plan_identity

from .helpers import SHEETS

DOUKOU = SHEETS / "seika_mokuhyo_doukou.csv"
HEISEI = SHEETS / "kpi_heisei_sogo_senryaku.csv"
REVIEW_REAL = SHEETS / "3-1_RS_2024_効果発現経路_目標・実績_実ヘッダ.csv"


def card_of(path: Path) -> dict:
    return scorecard_dict(evaluate(load_document(path), None), stored_wording())


def statuses(card: dict) -> dict[str, tuple]:
    return {
        i["id"]: (i["status"], i["reason_code"], i["actual"], i["target"], i["comparator"])
        for i in card["indicators"]
    }


# id → (status, reason_code, actual, target, comparator); the report stands at 2024-03-31,
# the latest dated value (結果 …(2023年度)).
DOUKOU_EXPECTED = {
    # 62.1% (2022年) against 70%以上 by 2025年; from 48.7% (2016年) the pace reaches it.
    "年次有給休暇の取得率": ("on_track", "on_track", 62.1, 70, ">="),
    # 40%以上 (毎年度): the cell's own 以上 wins over the baseline 43.2% above the target.
    "地域の防災訓練に参加した住民の割合": ("achieved", "met", 41, 40, ">="),
    # 530万時間 and 600万時間 read with their multiplier and unit.
    "介護職員の研修時間(年間)": ("on_track", "on_track", 5300000, 6000000, ">="),
    # 3.4万人分 meets 3万人分.
    "災害ボランティアの受入れ": ("achieved", "met", 34000, 30000, ">="),
    # 61万人日分 against 80万人日分 by 2027年度, from 45万人日分.
    "農業体験の受入れ(延べ)": ("on_track", "on_track", 610000, 800000, ">="),
    # 39分以下: lower is better; 42.8分 and rising.
    "救急搬送の平均所要時間": ("behind", "not_on_track", 42.8, 39, "<="),
    # 1時間54分 = 114分 against 2時間30分 = 150分.
    "6歳未満の子供を持つ夫の家事・育児関連時間(1日当たり)": (
        "on_track",
        "on_track",
        114,
        150,
        ">=",
    ),
    # 全市町村: the 1,718 市町村.
    "取組を実施する市町村数": ("on_track", "on_track", 1350, 1718, ">="),
    # 全都道府県: 47, met.
    "地域防災計画に女性の視点を反映した都道府県数": ("achieved", "met", 47, 47, ">="),
    # 参照指標: no target to meet.
    "【参照指標】刑法犯認知件数": ("not_measurable", "reference_indicator", None, None, ">="),
    # 前年度比増: more than the year before (4,447万件 → 5,184万件).
    "ふるさと納税の受入件数": ("achieved", "met", 51840000, 44470000, "increase"),
    # 2015年度(8.2%)比の2倍: 16.4%, its baseline stated in the cell.
    "再生可能エネルギー由来の電力調達率": ("on_track", "on_track", 13.5, 16.4, ">="),
    # 1歳以上延伸: the baseline 72.14歳 plus 1 = 73.14歳.
    "健康寿命(男性)": ("on_track", "on_track", 72.68, 73.14, ">="),
    # One cell, three values: 男女計 / 男性 / 女性 are three indicators, each dated 2019年/2023年.
    "週労働時間60時間以上の雇用者の割合（男女計）": ("on_track", "on_track", 5.1, 5, "<="),
    "週労働時間60時間以上の雇用者の割合（男性）": ("behind", "not_on_track", 7.8, 5, "<="),
    "週労働時間60時間以上の雇用者の割合（女性）": ("achieved", "met", 2.4, 5, "<="),
    # 【参考】 values: provisional, still compared (the reason says 見込み・速報値).
    "テレワーク実施率": ("on_track", "on_track", 24.8, 25, ">="),
    # 結果 集計中: pending.
    "再就職支援の利用者数": ("not_measurable", "pending", None, 150, ">="),
    # A parent row (自殺死亡率) with its sub-rows ・男性 / ・女性.
    "自殺死亡率(人口10万人当たり)（男性）": ("behind", "not_on_track", 22.9, 19, "<="),
    "自殺死亡率(人口10万人当たり)（女性）": ("behind", "not_on_track", 9.2, 8, "<="),
}


def test_white_paper_sheet_scores_as_a_careful_reader() -> None:
    card = card_of(DOUKOU)
    assert statuses(card) == DOUKOU_EXPECTED
    assert card["report"]["as_of"] == "2024-03-31"


def test_no_fiscal_year_one_warning_says_where_it_stands() -> None:
    document = load_document(DOUKOU)
    said = [w for w in document.warnings if "fiscal year" in w]
    assert said == [
        f"{DOUKOU}: no report fiscal year in the title or the file name: the report stands at "
        "its latest dated value, 2024-03-31 (--as-of sets another date)"
    ]


def test_unread_columns_are_said() -> None:  # D26
    assert f"{DOUKOU}:2: column 7 「備考」 is not read" in load_document(DOUKOU).warnings


def test_published_category_kept_beside_the_status() -> None:
    card = card_of(DOUKOU)
    by_id = {i["id"]: i for i in card["indicators"]}
    agree = by_id["年次有給休暇の取得率"]
    assert (agree["published_category"], agree["category_disagrees"]) == ("達成に向け進展", False)
    differs = by_id["救急搬送の平均所要時間"]
    assert differs["category_disagrees"] is True
    assert "公表の評価「達成に向け進展」と判定「" in differs["reason"]


HEISEI_EXPECTED = {
    # 平成28(現状値) 44 against 平成31(目標値) 60; from 35 (平成25(基準値)) too slow.
    "新規就農者数": ("behind", "not_on_track", 44, 60, ">="),
    "観光入込客数": ("on_track", "on_track", 138, 150, ">="),
    # 全市町村(30年度): the era from the sheet's 平成 headers; 1,718 by 平成30年度.
    "地方創生推進交付金を活用する市町村数": ("behind", "not_on_track", 1150, 1718, ">="),
    # 平成27 「10-20」 is not one number: never read as 10 (D25).
    "移住相談件数": ("not_measurable", "not_one_number", None, 500, ">="),
}


def test_year_headers_that_carry_a_role() -> None:
    card = card_of(HEISEI)
    assert statuses(card) == HEISEI_EXPECTED
    by_id = {i["id"]: i for i in card["indicators"]}
    assert by_id["地方創生推進交付金を活用する市町村数"]["deadline"] == "2019-03-31"
    assert card["report"]["as_of"] == "2017-03-31"  # the latest year column with values
    # 基本目標 is the section, 担当課 the owner.
    assert [m["name"] for m in card["measures"]] == ["農政課", "観光課", "企画課"]


def test_review_file_with_its_real_header() -> None:
    card = card_of(REVIEW_REAL)
    got = statuses(card)
    assert got == {
        # 1,020件 in 2024 meets 1,000件 (the column flagged 1).
        "2024001/1/地域公共交通計画の策定件数": ("achieved", "met", 1020, 1000, ">="),
        # 下向き: 370万人 against 300万人 by 2027, falling too slowly.
        "2024001/2/公共交通空白地の人口": ("behind", "not_on_track", 370, 300, "<="),
        # 定性的, 「--」 as its indicator.
        "2024002/1/--": ("not_measurable", "qualitative", None, None, ">="),
    }
    qualitative = card["indicators"][-1]
    assert qualitative["label"] == "消費者被害を防ぐ"
    assert "理由: 消費者被害の防止は件数の増減だけで測れないため" in qualitative["reason"]


# D25: a value cell that is not one number is never read as its first number.
@pytest.mark.parametrize("cell", ["10-20", "3/5", "1e400", "0x10", "1.2.3"])
def test_a_cell_that_is_not_one_number(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        f"相談事業のKPI(令和6年度)\n指標,目標値,実績値\n相談件数,100件以上,{cell}\n",
        encoding="utf-8",
    )
    (item,) = card_of(path)["indicators"]
    assert (item["status"], item["reason_code"], item["actual"]) == (
        "not_measurable",
        "not_one_number",
        None,
    )
    assert item["reason"].startswith(f"実績値「{cell}」は一つの数値でない")


CELLS = [
    ("530万時間", 5300000, "時間"),  # multiplier and unit
    ("3.4万人分", 34000, "人分"),
    ("61万人日分", 610000, "人日分"),
    ("2時間30分", 150, "分"),  # hours and minutes, in minutes
    ("150分", 150, "分"),
    ("2.5‰", 2.5, "‰"),
    ("40%以上 (毎年度)", 40, "%"),
    ("【参考】24.8%(2023年)", 24.8, "%"),
    ("約3万人", 30000, "人"),
    ("12,000冊", 12000, "冊"),  # a counter the unit table does not know
]


@pytest.mark.parametrize(("text", "value", "unit"), CELLS)
def test_read_cell(text: str, value: float, unit: str) -> None:
    cell = read_cell(text)
    assert (cell.value, cell.unit_word) == (value, unit)


CELLS_NOT_APPLICABLE = ["10-20", "3/5", "1e400", "0x10", "1.2.3", "3人/年10人", "1歳以上延伸"]


@pytest.mark.parametrize("text", CELLS_NOT_APPLICABLE)
def test_read_cell_not_applicable(text: str) -> None:
    assert read_cell(text).value is None


GOALS = [
    # text, era, (target, comparator, every_year)
    ("40%以上 (毎年度)", None, (40, ">=", True)),
    ("39分以下〔2025年〕", None, (39, "<=", False)),
    ("2015年度(8.2%)比の2倍", None, (16.4, ">=", False)),
    ("前年度比増", None, (None, "increase", True)),
    ("全都道府県", None, (47, ">=", False)),
    ("全市町村(30年度)", "平成", (1718, ">=", False)),
]


@pytest.mark.parametrize(("text", "era", "expected"), GOALS)
def test_read_goal(text: str, era: str | None, expected: tuple) -> None:
    goal = read_goal(text, "", era)
    value = None if goal.cell.value is None else round(goal.cell.value, 6)
    assert (value, goal.comparator, goal.every_year) == expected


def test_eraless_year_takes_the_sheets_era() -> None:
    goal = read_goal("全市町村(30年度)", "", "平成")
    assert goal.cell.period is not None and goal.cell.period.end.isoformat() == "2019-03-31"


PLANS = [
    (
        "みどり市まち・ひと・しごと創生総合戦略（令和7年度～令和11年度）",
        "みどり市まち・ひと・しごと創生総合戦略",
    ),
    ("第2期みどり市総合戦略(2020-2024年度)", "第2期みどり市総合戦略"),
    ("第5次男女共同参画基本計画", "第5次男女共同参画基本計画"),  # 第5次 is no period
]


@pytest.mark.parametrize(("plan", "identity"), PLANS)
def test_plan_identity(plan: str, identity: str) -> None:
    assert plan_identity(plan) == identity


# --- the command line --------------------------------------------------------------------


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_column_maps_a_header_the_vocabulary_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        "施策の評価指標一覧(令和6年度)\n指標,到達目標,令和6年度の数値\n相談件数,100件以上,120件\n",
        encoding="utf-8",
    )
    code, _, err = invoke("scorecard", str(path), "--format", "json")
    assert code == 2 and "not a status table" in err
    code, out, _ = invoke(
        "scorecard",
        str(path),
        "--format",
        "json",
        "--column",
        "target=到達目標",
        "--column",
        "actual=令和6年度の数値",
    )
    assert code == 0
    (item,) = json.loads(out)["indicators"]
    assert (item["status"], item["actual"], item["target"]) == ("achieved", 120, 100)


def test_column_errors_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text("指標,目標値,実績値\n相談件数,100,120\n", encoding="utf-8")
    code, _, err = invoke("scorecard", str(path), "--column", "colour=赤")
    assert code == 2
    assert err.startswith(
        "kpi-tracker: error: --column: 'colour=赤': unknown role 'colour' (roles:"
    )
    code, _, err = invoke("scorecard", str(path), "--column", "actual")
    assert err == (
        "kpi-tracker: error: --column: 'actual': write ROLE=HEADER, e.g. actual=令和6年度実績\n"
    )
    code, _, err = invoke("scorecard", str(path), "--column", "actual=令和9年度実績")
    assert err == (
        f"kpi-tracker: error: {path}:1: --column actual=令和9年度実績: no column 「令和9年度実績」 "
        "in the header row\n"
    )


@pytest.mark.parametrize("as_of", ["R5", "令和5年度", "2023年度", "2024-03-31", "令和6年3月31日"])
def test_as_of_in_any_form_a_column_accepts(as_of: str) -> None:
    code, out, err = invoke("scorecard", str(DOUKOU), "--format", "json", "--as-of", as_of)
    assert code == 0, err
    assert json.loads(out)["report"]["as_of"] == "2024-03-31"
    assert "fiscal year" not in err  # --as-of given: no warning that it is missing


@pytest.mark.parametrize("command", ["check", "measures", "rules lint"])
def test_as_of_and_column_on_every_reading_command(command: str) -> None:
    code, _, err = invoke(*command.split(), str(DOUKOU), "--as-of", "R5")
    assert code in (0, 1), err


def test_city_status_report_with_other_headers(tmp_path: Path) -> None:
    path = tmp_path / "report.tsv"
    path.write_text(
        "みどり市総合戦略 令和7年度進捗状況報告\n"
        "基本目標\t施策\t目標\t令和7年度の取組状況\t担当課\n"
        "1 しごとをつくる\t創業支援\t創業件数を年20件とする\t18件が創業した。\t商工観光課\n"
        "2 子育て\t待機児童対策\t待機児童数を0人とする\t待機児童数は0人。\t子育て支援課\n",
        encoding="utf-8",
    )
    code, out, err = invoke("measures", str(path))
    assert code == 0, err
    measures = json.loads(out)["measures"]
    assert [(m["no"], m["name"], m["section"], m["ministries"]) for m in measures] == [
        (1, "創業支援", ["1 しごとをつくる"], ["商工観光課"]),
        (2, "待機児童対策", ["2 子育て"], ["子育て支援課"]),
    ]
    assert "names no ministry" not in err
    assert "no 施策No. column: the rows are numbered in order" in err


def test_configuration_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        "評価指標(令和6年度)\n指標,到達目標,令和6年度の数値\n相談件数,100件以上,80件\n",
        encoding="utf-8",
    )
    (tmp_path / "kpi-tracker.toml").write_text(
        'column = ["target=到達目標", "actual=令和6年度の数値"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("scorecard", "kpi.csv", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["indicators"][0]["status"] == "behind"


# --- Excel: cells read by their number format ----------------------------------------------


def test_xlsx_cells_by_number_format(tmp_path: Path) -> None:  # and D17
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指標", "目標値", "基準値", "基準年度", "目標年度", "令和5年度"])
    sheet.append(["相談窓口の認知度", 0.95, 0.6, datetime.date(2020, 4, 1), 46113, 0.9])
    sheet["B2"].number_format = "0%"
    sheet["C2"].number_format = "0.0%"
    sheet["F2"].number_format = "0.0%"  # 0.9 shown as 90.0%: it is 90 %, not 0.9 %
    sheet["E2"].number_format = '[$-411]ggge"年度"'  # 2026-04-01 shown as 令和8年度
    path = tmp_path / "kpi.xlsx"
    book.save(path)
    (item,) = card_of(path)["indicators"]
    assert (item["actual"], item["target"], item["deadline"]) == (90, 95, "2027-03-31")
    assert item["status"] == "on_track"  # 60% (2020-04-01) → 90% (令和5年度): fast enough


def test_a_date_cell_in_a_year_column_is_a_period(tmp_path: Path) -> None:  # D17
    path = tmp_path / "kpi.csv"
    path.write_text(
        "指標,基準値,基準年度,目標値,目標年度,実績値,実績年度\n"
        "相談件数,50,2020-04-01,100,2026-03-31,120,2024-03-31\n",
        encoding="utf-8",
    )
    (item,) = card_of(path)["indicators"]
    assert (item["status"], item["deadline"], item["period"]["end"]) == (
        "achieved",
        "2026-03-31",
        "2024-03-31",
    )


def test_readme_bring_your_own_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's section runs as written on the sheet it shows."""
    import re
    import shlex

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Bring your own sheet") :]
    sheet = section[
        section.index("```csv\n") + 7 : section.index("```", section.index("```csv") + 6)
    ]
    block = section[section.index("```sh\n") + 6 :]
    commands = [ln for ln in block[: block.index("```")].splitlines() if ln.strip()]
    (tmp_path / "my_kpi.csv").write_text(sheet, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert len(commands) == 2
    for line in commands:
        expected = re.search(r"#\s*exit (\d+)", line)
        args = shlex.split(line.split("#")[0])[1:]
        code, _, err = invoke(*args)
        assert code == (int(expected.group(1)) if expected else 0), (line, err)
        assert "error" not in err


def test_the_last_target_column_is_the_final_target(tmp_path: Path) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        "KPI進捗(令和6年度)\n指標,基準値,目標値(中間),令和6年度,目標値(最終),FY2024\n"
        "転入者数,1000,1200,1300,1500,1300\n",
        encoding="utf-8",
    )
    document = load_document(path)
    (item,) = scorecard_dict(evaluate(document, None), stored_wording())["indicators"]
    assert (item["target"], item["actual"]) == (1500, 1300)
    # FY2024 is no header kpi-tracker reads: said, not dropped silently (D26).
    assert f"{path}:2: column 6 「FY2024」 is not read" in document.warnings


def test_column_maps_a_status_tables_header(tmp_path: Path) -> None:
    path = tmp_path / "report.tsv"
    path.write_text(
        "あおば市総合計画 令和7年度実施計画の評価\n"
        "施策\t目標\t今年度の成果\t担当課\n"
        "創業支援\t創業件数を年20件とする\t18件が創業した\t商工課\n",
        encoding="utf-8",
    )
    code, _, err = invoke("measures", str(path))
    assert code == 2 and "not a status table" in err
    code, out, err = invoke("measures", str(path), "--column", "status=今年度の成果")
    assert code == 0, err
    (measure,) = json.loads(out)["measures"]
    assert (measure["status_text"], measure["ministries"]) == ("18件が創業した", ["商工課"])


def test_column_on_compare_and_ingest(tmp_path: Path) -> None:
    rows = "指標,到達目標,実績\n相談件数,100件以上,{}件\n"
    old, new = tmp_path / "kpi_2023.csv", tmp_path / "kpi_2024.csv"
    old.write_text("評価(2023年度)\n" + rows.format(80), encoding="utf-8")
    new.write_text("評価(2024年度)\n" + rows.format(120), encoding="utf-8")
    mapped = ("--column", "target=到達目標")
    code, out, err = invoke("compare", str(old), str(new), "--format", "json", *mapped)
    assert code == 0, err
    (change,) = json.loads(out)["changes"]
    assert (change["old"]["status"], change["new"]["status"]) == ("behind", "achieved")
    db = tmp_path / "h.db"
    code, out, err = invoke("ingest", str(old), str(new), "--db", str(db), *mapped)
    assert code == 0, err
    assert out.count("stored as report") == 2


# --- properties ---------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", "人", "件", "%", "万人"]))
def test_a_number_written_with_commas_reads_back(number: int, unit: str) -> None:
    cell = read_cell(f"{number:,}{unit}")
    expected = number * 10_000 if unit == "万人" else number
    assert cell.value == expected


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=999))
def test_two_numbers_are_never_the_first(a: int, b: int) -> None:
    for sep in ("-", "/", ".", "~", "x"):
        text = f"{a}{sep}{b}.{b}"
        cell = read_cell(text)
        assert cell.value is None or cell.value != a, text


@given(st.text(max_size=30))
def test_read_cell_never_raises_but_on_a_bad_date(text: str) -> None:
    try:
        cell = read_cell(text)
    except PeriodError:
        return
    assert not (cell.several and cell.value is not None)


def test_errors_name_columns_as_the_sheet_does(tmp_path: Path) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        "指標,単位,目標値,実績値(令和6年度)\n来場者数,人,100件,90人\n", encoding="utf-8"
    )
    code, _, err = invoke("scorecard", str(path))
    assert (code, err) == (
        2,
        f"kpi-tracker: error: {path}:2: column 「目標値」: 件 does not compare with the row's "
        "unit\n",
    )
