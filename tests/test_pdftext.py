"""text/pdftext.py: PDF text → the text as written (figures, wrapped lines, page furniture)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.text.pdftext import (
    is_page_number,
    join_figures,
    join_lines,
    repair_cell_text,
    repair_pdf_text,
)

# (as extracted, as written)  # why
FIGURES = [
    ("45 万件", "45万件"),  # a multiplier set apart from its figure
    ("2,180 人", "2,180人"),  # a counter after a figure with a comma
    ("150 以上の団体", "150以上の団体"),  # a bound
    ("22 万 4,517 人", "22万4,517人"),  # a multiplier inside a figure
    ("204,311 名", "204,311名"),  # 名 is a counter of persons
    ("令和 8 年", "令和8年"),  # an era and its year
    ("令和 ８ 年度末", "令和８年度末"),  # full-width digits stay full-width
    ("４５ 万件", "４５万件"),  # …and join as half-width ones do
    ("12.5 %", "12.5%"),  # a decimal and a percent sign
    ("約 3 割", "約3割"),  # an approximation and a ratio
    ("第 2 期計画", "第2期計画"),  # an ordinal
    ("30 万回以上", "30万回以上"),  # multiplier, counter and bound
    ("令和 7 年 4 月 1 日", "令和7年4月1日"),  # a date set in runs
    ("までに 200 事業所", "までに200事業所"),  # a word, then a figure
    ("目標は 1,500 件とする", "目標は1,500件とする"),  # both sides of a figure
    ("30 か所", "30か所"),  # a counter from data/units.txt
    ("47 都道府県", "47都道府県"),  # another
]

# (text)  # why it must stay as it is
FIGURES_NOT_APPLICABLE = [
    "2 つの課題",  # つ is no unit: nothing says the space is an artefact
    "1 相談支援の充実",  # a list item's number
    "1 件数の推移",  # a list item's number, though 件 is a counter
    "図 1 件数の推移",  # a figure caption
    "表 2 人口の推移",  # a table caption
    "Windows 10 and 11",  # Latin text
    "45万件",  # nothing to join
    "No. 3 について",  # not a quantity
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures_join_their_units(text: str, expected: str) -> None:
    assert join_figures(text) == expected


@pytest.mark.parametrize("text", FIGURES_NOT_APPLICABLE)
def test_figures_not_applicable(text: str) -> None:
    assert join_figures(text) == text


# (lines as extracted, lines as written)  # why
LINES = [
    (["相談件数を45万件以", "上とする。"], ["相談件数を45万件以上とする。"]),  # a wrapped sentence
    (["孤独", "・孤立の実態"], ["孤独・孤立の実態"]),  # ・ after a wrap is inside a word
    (
        ["研究は、①孤立の分析、②リスクの", "③予防の研究"],
        ["研究は、①孤立の分析、②リスクの③予防の研究"],
    ),
    (["・相談窓口の設置", "・研修の実施"], ["・相談窓口の設置", "・研修の実施"]),  # a list goes on
    (["相談件数（令和8年度）", "・研修の実施"], ["相談件数（令和8年度）", "・研修の実施"]),
    (["取組を進める。", "また、引き続き"], ["取組を進める。", "また、引き続き"]),  # a sentence ends
    (["＜現状＞", "支援が届いていない"], ["＜現状＞", "支援が届いていない"]),  # a heading
    (["● 相談の充実【内", "閣府】"], ["● 相談の充実【内閣府】"]),  # a heading wrapped
    (["https://www.example.go.jp/a", "11.html"], ["https://www.example.go.jp/a11.html"]),
    (
        ["https://a.example.jp/", "https://b.example.jp/"],
        ["https://a.example.jp/", "https://b.example.jp/"],
    ),
    (["the Social Prescribing", "Network"], ["the Social Prescribing Network"]),  # Latin words
    (
        ["相談を受ける", "", "施策No.2"],
        ["相談を受ける", "施策No.2"],
    ),  # a blank line ends a paragraph
    (["事業を実施", "【目標及び達成の期間】"], ["事業を実施", "【目標及び達成の期間】"]),
    (
        ["新規相談受付件数：31万2,540件", "プラン作成件数：9万3,118件"],
        ["新規相談受付件数：31万2,540件", "プラン作成件数：9万3,118件"],
    ),  # a labelled figure after a figure: an item of its own
    (["相談件数を45万", "件とする：令和8年度"], ["相談件数を45万件とする：令和8年度"]),
]


@pytest.mark.parametrize(("lines", "expected"), LINES)
def test_wrapped_lines_join(lines: list[str], expected: list[str]) -> None:
    assert join_lines(lines) == expected


PAGE_NUMBERS = ["- 12 -", "－１２－", "12", "3/20", "p.12", "- 3 -  ", "12ページ"]
PAGE_NUMBERS_NOT_APPLICABLE = ["12人", "令和8年", "- 12 - 以上", "2025年度", "(1)", "12.5"]


@pytest.mark.parametrize("line", PAGE_NUMBERS)
def test_page_numbers(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", PAGE_NUMBERS_NOT_APPLICABLE)
def test_page_numbers_not_applicable(line: str) -> None:
    assert not is_page_number(line)


def test_pages_lose_their_numbers_and_running_headers() -> None:
    pages = [
        "みどり市総合計画\n施策No.1\n相談件数を45 万件以\n- 1 -",
        "みどり市総合計画\n上とする（令和 8 年度）。\n施策No.2\n- 2 -",
        "みどり市総合計画\n研修を実施する。\n- 3 -",
    ]
    assert repair_pdf_text("\f".join(pages)) == (
        "施策No.1\n相談件数を45万件以上とする（令和8年度）。\n施策No.2\n研修を実施する。"
    )


def test_pasted_text_without_page_marks_loses_its_running_title() -> None:
    lines = ["みどり市総合計画", "施策No.1", "目標を達成する。", "- 1 -", "みどり市総合計画"]
    lines += ["施策No.2", "目標を達成する。", "みどり市総合計画", "施策No.3"]
    text = "\n".join(lines)
    assert "みどり市総合計画" not in repair_pdf_text(text)


def test_a_line_said_once_is_no_running_title() -> None:
    assert repair_pdf_text("みどり市総合計画\f施策No.1\n事業を行う。") == (
        "みどり市総合計画\n施策No.1\n事業を行う。"
    )


def test_a_cell_keeps_its_paragraphs() -> None:
    cell = "令和7年度は相談を\r\n45 万件受けた。\r\n・研修を 3 回\r\n実施"
    assert repair_cell_text(cell) == "令和7年度は相談を45万件受けた。\n・研修を3回実施"


_JAPANESE = st.text(alphabet="相談件数目標達成の実施をとする、", min_size=1, max_size=30)


@given(_JAPANESE, st.integers(min_value=0, max_value=10**6))
def test_a_figure_is_never_changed(words: str, figure: int) -> None:
    text = f"{words}{figure:,} 件"
    assert join_figures(text) == f"{words}{figure:,}件"


@given(st.lists(_JAPANESE, min_size=1, max_size=8))
def test_joining_keeps_every_character(pieces: list[str]) -> None:
    joined = "".join(join_lines(pieces))
    assert joined == "".join(pieces)
