"""text/cells.py: tables inside a cell become labelled series; PDF artefacts are repaired."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.text.cells import cell_text, markup_records, repair_pdf_text, tables_as_lines

TABLES = [
    # an HTML table, items as rows and years as columns: one series a row
    (
        "実績は次のとおり。<table><tr><th>項目</th><th>令和6年度</th><th>令和7年度</th></tr>"
        "<tr><td>相談件数</td><td>1,200件</td><td>1,350件</td></tr></table>",
        "相談件数は、令和6年度1,200件、令和7年度1,350件",
    ),
    # a Markdown pipe table, rows joined by <br>
    (
        "| 年度 | 令和6年度 | 令和7年度 |<br>|---|---|---|<br>| 登録者数 | 3,100人 | 3,400人 |",
        "登録者数は、令和6年度3,100人、令和7年度3,400人",
    ),
    # a row of years over a row of values, aligned with full-width spaces: no label column
    (
        "【参加率】<br>令和5年度　令和6年度<br>6.2%　　 6.7%",
        "6.2%(令和5年度)",  # NOTE: checked below as a series, see test_year_row_over_values
    ),
    # a target column restates the target
    (
        "<table><tr><th></th><th>令和7年度</th><th>目標</th></tr>"
        "<tr><td>設置数</td><td>95か所</td><td>120か所</td></tr></table>",
        "設置数は、令和7年度95か所、目標120か所",
    ),
    # prose before a pipe table's first row, on the same line: the prose stays prose
    (
        "<p>相談件数は増加した。</p> <p>| 区分 | 令和7年度 | 令和8年度 |<br>|---|---|---|<br>"
        "| アクセス件数 | 約527万件 | 約498万件 |</p>",
        "アクセス件数は、令和7年度約527万件、令和8年度約498万件",
    ),
    # years as rows, items as columns: one series an item
    (
        "<table><tr><th>年度</th><th>件数</th></tr><tr><td>令和6年度</td><td>80件</td></tr>"
        "<tr><td>令和7年度</td><td>95件</td></tr></table>",
        "件数は、令和6年度80件、令和7年度95件",
    ),
    # a web page's table: its <caption> titles it, a unit note in <small> after it gives its
    # bare figures their unit
    (
        "<table><caption>拠点の実施箇所数</caption><thead><tr><th>令和7年度</th><th>令和8年度</th>"
        "</tr></thead><tbody><tr><td>8,110</td><td><strong>8,240</strong></td></tr></tbody>"
        "</table><small>（単位：か所）</small>",
        "拠点の実施箇所数は、令和7年度8,110か所、令和8年度8,240か所",
    ),
    # a header spanning the row heads: each row's heads as one label
    (
        '<table><tr><th colspan="2">区分</th><th>令和7年度</th><th>令和8年度</th></tr>'
        '<tr><th rowspan="2">相談件数</th><td>電話</td><td>38,100件</td><td>40,200件</td></tr>'
        "<tr><td>合計</td><td>51,900件</td><td>55,300件</td></tr></table>",
        "相談件数 合計は、令和7年度51,900件、令和8年度55,300件",
    ),
    # a target's column may hold words, the row of values still has no label column
    (
        "<table><caption>死亡者数</caption><tr><th>令和5年（基準）</th><th>令和8年（概数）</th>"
        "<th>目標（2030年）</th></tr><tr><td>1,327</td><td>1,561</td><td>基準から半減</td></tr>"
        "</table><small>（単位：人）</small>",
        "死亡者数は、令和5年（基準）1,327人、令和8年（概数）1,561人",
    ),
]


@pytest.mark.parametrize(("cell", "expected"), TABLES[:2] + TABLES[3:])
def test_tables_become_labelled_series(cell: str, expected: str) -> None:
    assert expected in cell_text(cell)


def test_year_row_over_values() -> None:
    text = cell_text(TABLES[2][0])
    # the title above the row of years names the series
    assert "参加率は、令和5年度6.2%、令和6年度6.7%" in text


TABLES_NOT_APPLICABLE = [
    "令和7年度は相談件数が1,350件となった。",  # prose
    "A | B",  # one pipe line is not a table
    "・研修　12回<br>・相談　340件",  # aligned items without years are not a year table
]


@pytest.mark.parametrize("cell", TABLES_NOT_APPLICABLE)
def test_text_without_a_table_is_kept(cell: str) -> None:
    assert tables_as_lines(cell).replace("<br>", "\n").split() == cell.replace("<br>", "\n").split()


PDF = [
    ("認知度は 58.3 ％であった。", "認知度は58.3％であった。"),  # space before the unit
    ("受講者は 22 万 4,517 人。", "受講者は22万4,517人。"),  # around a multiplier
    ("令和 8 年度の相談件<br>数は 312,<br>406 件", "令和8年度の相談件数は312,406件"),  # breaks
    ("実施した。- 23 - 件数は 1,200 件", "実施した。  件数は1,200件"),  # a page number
    # figures cut by a column's width: a short comma group, digits going on with 0, a 万 and
    # the rest of its figure
    ("居住支援法人の指定数：1,3<br>02法人", "居住支援法人の指定数：1,302法人"),
    ("開始件数2<br>09件、就職率83.9％", "開始件数209件、就職率83.9％"),
    ("養成数（累計）：35万<br>8,410人", "養成数（累計）：35万8,410人"),
    # in a cell whose words are cut too: any figure cut by the break
    (
        "割合は8<br>8.2％となり、目標には届か<br>なかった。1.5ポイ<br>ント増加",
        "割合は88.2％となり、目標には届かなかった。1.5ポイント増加",
    ),
    # spaces inside a figure, in a cell with a page number
    ("回数は5 42回であった。- 77 - 人数は224, 507 人", "回数は542回であった。  人数は224,507人"),
]


@pytest.mark.parametrize(("raw", "expected"), PDF)
def test_pdf_artefacts_repaired(raw: str, expected: str) -> None:
    assert repair_pdf_text(raw) == expected


PDF_NOT_APPLICABLE = [
    "相談件数は1,200件。",  # no sign of a PDF: untouched
    "・研修 12回<br>・相談 340件",  # list items stay on their lines
    "令和7年度 120<br>130件",  # a figure whole on each line, words uncut: two lines
    "累計 35万<br>2026年度は…",  # a 万 then a year: not one figure
]


@pytest.mark.parametrize("raw", PDF_NOT_APPLICABLE)
def test_pdf_repair_leaves_other_text(raw: str) -> None:
    out = repair_pdf_text(raw)
    assert out.count("\n") + out.count("<br>") == raw.count("<br>")


NUMERALS = [
    ("認知度は九三・五パーセント", "認知度は93.5%"),  # positional kanji digits, ・ as the point
    ("〇・五ポイント上昇", "0.5ポイント上昇"),
    ("満足した人は七割二分", "満足した人は72%"),  # 割・分
    ("二十一都道府県で実施", "21都道府県で実施"),  # a kanji count before a counter
    ("百二十自治体", "120自治体"),
    # a kanji number before its unit, with 万 and a decimal after ・ (a Diet answer's figures)
    ("お答えになった方は六十八・四%でございまして", "お答えになった方は68.4%でございまして"),
    ("二十八万一千三百五回にとどまって", "281305回にとどまって"),
    ("三十・七パーセント", "30.7%"),
    ("一・三ポイント上昇", "1.3ポイント上昇"),
    ("二〇二六年度", "2026年度"),
    # a full stop as the decimal point between positional kanji digits, and the writer's
    # digits after it in any script (a typist's 四五．2％, 一四．一％, 三四．６％)
    ("割合は四五．2％となり", "割合は45.2％となり"),
    ("一四．一％から〇．5ポイント低下した", "14.1％から0.5ポイント低下した"),
    ("企業等が三四．６％", "企業等が34.6％"),
    ("都道府県におきましては百%、すなわち全て", "都道府県におきましては100%、すなわち全て"),
    ("平均約十一・六回（一センター当たり）", "平均約11.6回（1センター当たり）"),
    ("一センター当たり平均約十一・六回", "1センター当たり平均約11.6回"),
    ("(単位:千人)登録者327.9、相談員12.4。", "登録者327.9千人、相談員12.4千人。"),  # declared
    # a declaration over the list under it: bare figures only, dates untouched, up to the
    # first line that is not an item
    (
        "【アクセス数】（単位：千回）<br>・PV数：5,612（令和8年4月～令和9年3月）※R7年度 5,393"
        "<br>・検索PV数：281.9<br>【認知度】58.2％、1,200",
        "【アクセス数】<br>・PV数：5,612千回（令和8年4月～令和9年3月）※R7年度 5,393千回"
        "<br>・検索PV数：281.9千回<br>【認知度】58.2％、1,200",
    ),
    (
        "アクセス件数（単位：万件）：541（前年度比102.7％）",
        "アクセス件数：541万件（前年度比102.7％）",
    ),
    # a declaration on a line of its own heads the lines under it, items or not, up to a
    # heading; a figure with a unit of its own after a space keeps it
    (
        "（単位：千人）<br>受けた児童生徒数：令和7年度 225.3（うち小学校 88.6）※R6年度 218.2"
        "<br>上記以外：令和7年度 123.4、窓口 52 か所<br>【参考】調査 1,200",
        "<br>受けた児童生徒数：令和7年度 225.3千人（うち小学校 88.6千人）※R6年度 218.2千人"
        "<br>上記以外：令和7年度 123.4千人、窓口 52 か所<br>【参考】調査 1,200",
    ),
]


# A vertically set page converted back to text: positional kanji digits in groups of three
# (三一二、〇四八回), the print's ・ as the decimal point after full-width digits too
NUMERALS += [
    ("三〇二、〇四八回（令和七年度）", "302,048回（令和7年度）"),
    ("五、一〇八、三三六回", "5,108,336回"),
    ("一，三四二法人", "1,342法人"),
    ("４０・２パーセント", "４０.２パーセント"),  # (full-width digits are read as they are)
]
NUMERALS_NOT_APPLICABLE_MORE = ["一、二、三の順に", "第一・二四半期", "1・2年生"]

# A dashboard's k and M after a figure (274.3k → 318.9k回, 10年で1M人); not a word's K (3K職場)
K_AND_M = [
    ("274.3k → 298.9k回(+9.0%)", "274,300 → 298,900回(+9.0%)"),
    ("5.39M → 4.86M(-9.8%)", "5,390,000 → 4,860,000(-9.8%)"),
    ("10年で1M人の目標", "10年で1,000,000人の目標"),
    ("3K職場の改善", "3K職場の改善"),
    ("容量5MB", "容量5MB"),
]


@pytest.mark.parametrize(("raw", "expected"), K_AND_M)
def test_thousands_and_millions(raw: str, expected: str) -> None:
    from kpi_tracker.text.cells import thousands_and_millions

    assert thousands_and_millions(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), NUMERALS)
def test_numerals_as_digits(raw: str, expected: str) -> None:
    from kpi_tracker.text.cells import numerals_as_digits

    assert numerals_as_digits(raw) == expected


NUMERALS_NOT_APPLICABLE = [
    "十分な体制を確保",  # 十分 is "enough", not a number
    "一人ひとりに寄り添う",
    "九割の目標",  # 割 alone is left to the number reader
    "千人規模の会場",  # a lone 千 is not rewritten
    "(単位:千回)",  # a multiplier
    "三割二厘",  # 割 is _WARI_BU's or the number reader's
    "千葉県と九州",
    "一か所に集約",
]


NUMERALS_NOT_APPLICABLE += NUMERALS_NOT_APPLICABLE_MORE


@pytest.mark.parametrize("raw", NUMERALS_NOT_APPLICABLE)
def test_numerals_not_applicable(raw: str) -> None:
    from kpi_tracker.text.cells import numerals_as_digits

    assert numerals_as_digits(raw) == raw


RATES = [
    (
        "目標(6,000か所)の105%に当たる箇所で実施",
        "目標(6,000か所)の105%(約6,300か所)に当たる箇所で実施",
    ),
    ("目標（480回）の112.5％に当たる回数", "目標（480回）の112.5％(約540回)に当たる回数"),
    # 達成率 against the target in brackets; the target before the word, with its 万
    ("目標（80％）に対する達成率98.0％となり", "目標（80％）に対する達成率98.0％(約78.4％)となり"),
    (
        "PV数：年間30万回の目標に対し目標比103.2％（令和8年度）",
        "PV数：年間30万回の目標に対し目標比103.2％(約309,600回)（令和8年度）",
    ),
    # a target over a span of years, its figure in 万
    ("目標（10年間で100万人）の18.6％となり", "目標（10年間で100万人）の18.6％(約186,000人)となり"),
]


@pytest.mark.parametrize(("raw", "expected"), RATES)
def test_rate_of_the_target_is_written_out(raw: str, expected: str) -> None:
    from kpi_tracker.text.cells import rates_of_target

    assert rates_of_target(raw) == expected


MULTIPLES = [
    ("前年度（2,100件）の1.2倍となった", "前年度（2,100件）の1.2倍(約2,520件)となった"),
    (
        "企業等で基準値（令和元年度：29.9％）の1.3倍となった",
        "企業等で基準値（令和元年度：29.9％）の1.3倍(約38.87％)となった",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), MULTIPLES)
def test_multiple_of_a_stated_figure_is_written_out(raw: str, expected: str) -> None:
    from kpi_tracker.text.cells import multiples_of_stated

    assert multiples_of_stated(raw) == expected


def test_multiple_not_applicable() -> None:
    from kpi_tracker.text.cells import multiples_of_stated

    # a bound (1.1倍超), a base that is no figure of its own, a multiple of nothing stated
    for raw in ("前年度（52,638件）の1.1倍超", "（人口10万人当たり）の2倍", "令和元年度の1.5倍"):
        assert multiples_of_stated(raw) == raw


def test_rate_of_the_target_not_applicable() -> None:
    from kpi_tracker.text.cells import rates_of_target

    for raw in ("目標の105%を達成", "達成率は105%", "目標(6,000か所)を上回った"):
        assert rates_of_target(raw) == raw


def test_a_table_is_records_named_by_row_and_dated_by_column() -> None:
    from kpi_tracker.text.cells import TableRecord, table_records

    rows = [
        ["区分", "令和7年度", "令和8年度", "目標"],
        ["相談件数", "52,638件", "56,422件", "60,000件"],
        ["アクセス件数", "約527万件", "-", ""],
    ]
    assert table_records(rows) == [
        (
            TableRecord("相談件数", "令和7年度", "52,638件", "period"),
            TableRecord("相談件数", "令和8年度", "56,422件", "period"),
            TableRecord("相談件数", "目標", "60,000件", "target"),
        ),
        (TableRecord("アクセス件数", "令和7年度", "約527万件", "period"),),
    ]
    # items as rows and measures as columns: the column names the value
    assert table_records([["項目", "件数"], ["電話", "120件"]]) == [
        (TableRecord("電話", "件数", "120件", "named"),)
    ]
    # a period in brackets that ends a row's name dates the row; other brackets name it
    rows = [["調査", "割合"], ["前回調査(令和4年度)", "14.5%"], ["相談(電話)", "3.1%"]]
    assert table_records(rows) == [
        (TableRecord("前回調査", "割合", "14.5%", "named", "令和4年度"),),
        (TableRecord("相談(電話)", "割合", "3.1%", "named"),),
    ]


TABLE_UNITS = [
    # a caption after the table declares the unit (with an exception); a column that declares
    # its own keeps it
    (
        "アクセス数は下表のとおり。<table><tr><th>項目</th><th>令和7年度</th><th>令和8年度</th>"
        "<th>達成率（％）</th></tr><tr><td>支援情報検索サイトPV数</td><td>274.3</td>"
        "<td>312.4</td><td>104.1</td></tr></table>（単位：千回。達成率を除く）<br>※注記。",
        "支援情報検索サイトPV数は、令和7年度274.3千回、令和8年度312.4千回、達成率（％）:104.1%",
    ),
    # items as rows with a period column: each value dated by its row; 同上 repeats the label
    # above; a share column is named by the count column before it
    (
        "<table><tr><th>取組</th><th>年度</th><th>都道府県数</th><th>割合（％）</th>"
        "<th>市区町村数</th><th>割合（％）</th></tr><tr><td>機運醸成</td><td>令和7年度</td>"
        "<td>45</td><td>96</td><td>211</td><td>12</td></tr><tr><td>同上</td><td>令和8年度</td>"
        "<td>47</td><td>100</td><td>243</td><td>14</td></tr></table>",
        "機運醸成 令和8年度 市区町村の割合（％）:14%",
    ),
    # a multiplier in the column header
    (
        "<table><tr><th>時点</th><th>任命人数（万人）</th></tr><tr><td>令和8年3月末</td>"
        "<td>5.9</td></tr><tr><td>令和9年2月末</td><td>6.34</td></tr></table>",
        "任命人数（万人）は、令和8年3月末5.9万人、令和9年2月末6.34万人",
    ),
    # a unit line over a pipe table; a row that declares its own unit; △ is a minus
    (
        "（単位：件）<br>| 区分 | R7 | R8 |<br>|---|---|---|<br>| 相談 | 56,000 | 58,100 |<br>"
        "| 前年比（％） | △2.1 | 3.8 |",
        "相談は、R7 56,000件、R8 58,100件\n前年比（％）は、R7 △2.1%、R8 3.8%",
    ),
]


@pytest.mark.parametrize(("cell", "expected"), TABLE_UNITS)
def test_a_table_gives_its_bare_figures_their_unit(cell: str, expected: str) -> None:
    text = cell_text(cell)
    assert expected in text
    assert "単位" not in text  # the caption went to the figures


def test_a_ditto_and_a_period_column_become_records() -> None:
    from kpi_tracker.text.cells import TableRecord, table_records

    rows = [["取組", "年度", "件数"], ["相談", "令和7年度", "10件"], ["〃", "令和8年度", "12件"]]
    assert table_records(rows) == [
        (TableRecord("相談", "件数", "10件", "named", "令和7年度"),),
        (TableRecord("相談", "件数", "12件", "named", "令和8年度"),),
    ]


PLAIN_GRIDS = [
    # a slide's emphasis and trend marks (★, ↗) are no part of the figures
    (
        "＜窓口の認知度（％）＞<br>　R7年度　30.1<br>　R8年度　★32.6　↗<br>出典：調査（令和9年2月公表）",
        "＜窓口の認知度＞は、R7年度30.1%、R8年度32.6%",
    ),
    # a list of items under a total with its aside is a list, not a table
    (
        "＜相談件数＞<br>　▶計　57,010件（前年度 52,600件）<br>　　・電話　42,100件<br>　　・SNS　11,500件",
        "▶計 57,010件（前年度 52,600件）\n・電話 42,100件\n・SNS 11,500件",
    ),
    # a heading that ends with a unit in brackets declares it for the bare figures under it
    (
        "【登録者数（名）】<br>※令和9年3月末時点<br>　◆A福祉士　320,400（R8.3末 318,200）",
        "◆A福祉士 320,400名（R8.3末 318,200名）",
    ),
    # an arrow does not join a value to the next line
    (
        "【取得率（％）】<br>　R6年度　40.1<br>　R7年度　45.2<br>　⇒2025年目標（50％）は未達",
        "取得率は、R6年度40.1%、R7年度45.2%\n⇒2025年目標（50％）は未達",
    ),
    # a header whose label starts with a figure (5年移動平均) is still a header
    (
        "死亡者数の推移<br>年　　死亡者数（人）　　5年移動平均（人）<br>令和6年　　1,402　　1,390<br>"
        "令和7年　　1,377　　1,401",
        "5年移動平均（人）は、令和6年1,390人、令和7年1,401人",
    ),
    # a spreadsheet pasted with two label columns, the first merged (blank under its text)
    (
        "令和8年度の実績<br>事業　　指標　　目標　　実績<br>就労支援事業　　開始件数（件）　　310　　322"
        "<br>　　　就職率（％）　　72.5　　70.1<br>定着支援事業　　定着率（％）　　80.0　　81.2",
        "就労支援事業 就職率（％） 実績:70.1%",
    ),
    # a header of groups over a header of measures (都道府県 over 団体数 | 割合)
    (
        "取組状況<br>区分　都道府県　　　　　市区町村<br>　　　団体数　　割合（％）　　団体数　　割合（％）"
        "<br>見守り　　40　　85.1　　512　　29.4",
        "見守り 市区町村 割合（％）:29.4%",
    ),
    # this year's column and the change beside last year's, ▲ for a fall
    (
        "区分　前年度　本年度　増減<br>協議会の設置率（％）　41.0　40.2　▲0.8<br>協議会の数（団体）　"
        "120　131　11",
        "協議会の設置率（％） 今年度:40.2%\n協議会の設置率（％） 前年度比:▲0.8%\n"
        "協議会の数（団体） 前年度:120団体\n協議会の数（団体） 今年度:131団体\n"
        "協議会の数（団体） 前年度比:+11団体",
    ),
    # years down the first column, the measures across; a column of targets restates them
    (
        "養成の実績<br>年度  目標（人）  養成数（人）  累計（人）<br>2025年度  500  410  410<br>"
        "2026年度  500  452  862",
        "目標（人）は、目標500人、目標500人\n養成数（人）は、2025年度410人、2026年度452人\n"
        "累計（人）は、2025年度410人、2026年度862人",
    ),
    # a flattened table whose row label the layout wrapped, its figures apart from their units
    (
        "・閲覧数の推移<br>令和6年度 令和7年度 令和8年度<br>相談窓口案内サ<br>イト閲覧数 120,450 "
        "131,002 140,877<br>養成数 1,204 人 1,388 人 1,530 人",
        "相談窓口案内サイト閲覧数は、令和6年度120,450、令和7年度131,002、令和8年度140,877\n"
        "養成数は、令和6年度1,204人、令和7年度1,388人、令和8年度1,530人",
    ),
    # a flattened header of roles (目標 実績) over rows of figures
    (
        "令和8年度実績<br>目標 実績<br>訪問件数 310 件 322 件<br>定着率 72.5 ％ 70.1 ％",
        "訪問件数 目標:310件\n訪問件数 実績:322件\n定着率 目標:72.5％\n定着率 実績:70.1％",
    ),
    # rows named by their role alone take the title above the table
    (
        "見守り協力員の登録数<br>令和7年度 令和8年度<br>年度 3,120 人 3,410 人<br>累計 9,870 人 13,280 人",
        "見守り協力員の登録数累計は、令和7年度9,870人、令和8年度13,280人",
    ),
    # a table flattened out of a PDF with single spaces, its unit on the line above
    (
        "連携を図った。<br>(単位:%)<br>区分 令和7年度 令和8年度<br>治療・支援を受けた者の割合 36.9 38.4"
        "<br>再入率(出所年 令和4年／令和5年) 14.1 13.6",
        "再入率(出所年 令和4年／令和5年)は、令和7年度14.1%、令和8年度13.6%",
    ),
    # a header of measures with no period; a pending cell is a value still to come
    (
        "令和8年度実績<br>指標  目標  実績<br>開始件数  206件  215件<br>常用雇用移行率  71.2%  集計中",
        "常用雇用移行率 目標:71.2%\n常用雇用移行率 実績:集計中",
    ),
    # a title whose end declares the unit stays, its unit goes to the figures, and it names
    # the total row
    (
        "相談件数(単位:件)<br>区分  令和7年度  令和8年度<br>電話相談  38,791  41,530<br>計  52,638  56,217",
        "電話相談は、令和7年度38,791件、令和8年度41,530件\n相談件数計は、令和7年度52,638件",
    ),
    # a line that stops on a particle goes on; list items do not
    (
        "参加した回数は、令和8年4月～12月の<br>速報で398回であった。<br>・研修<br>・相談",
        "令和8年4月～12月の速報で398回であった。\n・研修\n・相談",
    ),
    # the line above a row of years titles the series and gives its unit
    (
        "心のサポーター養成数（累計・人）<br>R6年度末　　　R7年度末　　　R8年度末<br>152,318　　　 301,540",
        "心のサポーター養成数（累計・人）は、R6年度末152,318人、R7年度末301,540人",
    ),
    # the corner cell declares the unit of every figure
    (
        "区分（％）　　　R5年度　　R6年度<br>校内研修を実施している学校　　85.7　　86.9",
        "校内研修を実施している学校は、R5年度85.7%、R6年度86.9%",
    ),
    # 同（％）: the item above, in its own unit
    (
        "| 区分 | 都道府県 | 市区町村 |<br>|---|---|---|<br>| 機運醸成（団体） | 46 | 226 |<br>"
        "| 同（％） | 97.9 | 13.0 |",
        "機運醸成（％） 市区町村:13.0%",
    ),
    # a table ends where its rows stop being values
    (
        "実績<br>新規相談受付件数（件）　　プラン作成件数（件）<br>318,406　　 95,870<br>"
        "参考：令和6年度　新規相談受付件数302,828件",
        "新規相談受付件数（件）:318,406件",
    ),
    # a labelled list: the label's unit goes to each bare figure of its line, 約 or not
    (
        "・割合（％）：9.5（R8年度）、8.8（R7年度）<br>・任命人数（人）：約64,000（令和9年3月末）",
        "9.5％（R8年度）、8.8％（R7年度）\n・任命人数（人）：約64,000人",
    ),
]

# A clerk's pasted ranges: a unit for a scope (PV単位:千回) goes to the rows that name it; a
# unit after a note's words (…割合、単位:％) or opening a line (単位:%　…) is the table's, and
# the words stay; ■ headings between rows name the rows under them; a row that declares a
# unit of its own keeps it over the table's; a list of years and values apart by wide spaces
# is no table with a header; a sentence's wide space inside a bracket is no column.
PLAIN_GRIDS += [
    (
        "| 区分 | R7 | R8 |<br>| 検索サイトPV | 274.3 | 312.6 |<br>| 認知度（%） | － | 57.9 |<br>"
        "（PV単位：千回、各年度4月～3月）",
        "検索サイトPVは、R7 274.3千回、R8 312.6千回",
    ),
    (
        "| | R7 | R8 |<br>| 実績 | 73.0 | 76.4 |<br>| 相談件数（件） | 9,812 | 10,377 |<br>"
        "（実績：アンケートで「満足した」と回答した割合、単位：％）",
        "実績は、R7 73.0％、R8 76.4％\n相談件数（件）は、R7 9,812件、R8 10,377件\n"
        "（実績：アンケートで「満足した」と回答した割合、単位：％）",
    ),
    (
        "| R2（基準値） | R7 | R8 |<br>| 70.7 | 70.1 | 71.4 |<br>単位:%　共食する割合（意識調査）",
        "R7 70.1%、R8 71.4%\n単位:% 共食する割合（意識調査）",
    ),
    (
        "| 区分 | R7 | R8 |<br>| 事業費 | 120 | 130 |<br>（金額単位：百万円）",
        "事業費は、R7 120、R8 130",
    ),
    (
        "支援した地方公共団体の取組（単位：団体）<br>　　　　2025年度　2026年度<br>■機運醸成<br>"
        "　都道府県　45　46<br>　市区町村　211　224<br>■結婚支援<br>　都道府県　47　47",
        "機運醸成 都道府県は、2025年度45団体、2026年度46団体",
    ),
    (
        "■支援状況（単位：千件）<br>　　　　2025年度　2026年度<br>　新規相談件数　310.5　318.7<br>"
        "　プラン作成件数／新規相談件数（単位：比率）　0.300　0.308",
        "プラン作成件数／新規相談件数（単位：比率）は、2025年度0.300比率、2026年度0.308比率",
    ),
    (
        "実施自治体数は、以下のとおり増加した。<br>・令和６年度　747自治体（82％）<br>"
        "・令和７年度　764自治体（84％）",
        "令和６年度747自治体（82％）、令和７年度764自治体（84％）",
    ),
    (
        "件数が3,518件となり（前年度　3,672件）、達成できなかった。<br>・策定数が1,132団体と"
        "なり（前年度　1,015団体）、達成した。",
        "策定数が1,132団体となり（前年度 1,015団体）",
    ),
]

# A statistics yearbook's table under a list of units (単位：件、％): a share's column (満足度,
# 構成比, …年比) takes the %, a count's the other unit, whichever the list names first; the
# years down the first column twice each, the items named by a column of words beside them.
PLAIN_GRIDS += [
    (
        "表1　利用満足度<br>（単位：件、％）<br>年度｜回答数｜うち満足｜満足度<br>"
        "令和7年度｜1,210｜860｜71.1<br>令和8年度｜1,305｜951｜72.9",
        "満足度は、令和7年度71.1%、令和8年度72.9%",
    ),
    (
        "表2　協議会の人口カバー率と指定法人数<br>（単位：％、法人）<br>時点｜人口カバー率｜指定数<br>"
        "令和7年度末｜41｜820<br>令和8年度末｜47｜905",
        "指定数は、令和7年度末820法人、令和8年度末905法人",
    ),
    (
        "表3　利用者数<br>（単位：万人、％）<br>年｜利用者数｜令和元年比<br>令和元年｜2,100｜100.0<br>"
        "令和7年｜1,980｜94.3",
        "令和元年比は、令和元年100.0%、令和7年94.3%",
    ),
    (
        "表4　支援団体数<br>（単位：団体、％）<br>年度｜区分｜県 実数｜県 構成比<br>"
        "令和8年度｜相談事業｜40｜85.1<br>令和8年度｜啓発事業｜47｜100.0",
        "相談事業 令和8年度 県 構成比:85.1%",
    ),
]

# A machine's records pasted into the cell: comma-separated rows (NA for a value it lacks, a
# 単位 column), JSON objects (one inside another, a unit key, null), key=value pairs with a
# unit's pair; ISO dates as periods, and a record's 209,206 as two cells, not one figure.
PLAIN_GRIDS += [
    (
        "実績は以下のとおり。<br>指標,R7年度,R8年度,単位<br>検索サイトPV,251030,266118,回<br>"
        "認知度,NA,NA,%",
        "検索サイトPVは、R7年度251030回、R8年度266118回",
    ),
    (
        "令和8年度実績:<br>指標,実績,目標,単位<br>開始件数,209,206,件<br>就職率,81.2,84.5,%",
        "開始件数 実績:209件",
    ),
    (
        "時点,累計養成数(人)<br>2026-03-31,150214<br>2027-03-31,201877",
        "累計養成数(人)は、2026-03-31 150214人、2027-03-31 201877人",
    ),
    (
        '{"区分":"相談事業","県数":40,"県割合(%)":85.1,"市町村数(広域)":512,"市町村割合(%)":29.4}',
        "相談事業、県数:40、県割合(%):85.1%、市町村数(広域):512市町村、市町村割合(%):29.4%",
    ),
    (
        '{"新規に取り組んだ団体数":{"FY2025":40,"FY2026":33},"unit":"団体"}',
        "新規に取り組んだ団体数は、FY2025 40団体、FY2026 33団体",
    ),
    (
        '{"指標":"参加回数","FY2026":null,"unit":"回","備考":"集計中"}',
        "参加回数は、FY2026 -、備考:集計中",
    ),
    (
        "登録者数(2027-03-31時点): A士=301904; B士=110015; 単位=名 。",
        "A士 301904名、B士 110015名",
    ),
    (
        "設置状況: 設置市町村数=1302; 設置率=74.8; unit=% 。割合: 前回(FY2022)=15.2; 今回(FY2026)=12.9; "
        "unit=%",
        "設置市町村数 1302市町村、設置率 74.8%。割合: 前回(FY2022) 15.2%、今回(FY2026) 12.9%",
    ),
]

# A spreadsheet's cells pasted with their artefacts: a number kept as text ('…), in exponent
# notation, with a binary float's tail, error values and formulas for missing figures; a
# column of verdict marks (TRUE, ○) beside the figures; items dated in their closing bracket.
PLAIN_GRIDS += [
    (
        "令和8年度の実績<br>項目　実績　目標　達成<br>開始件数　211　206　TRUE<br>"
        "就職率　73.80000000000001%　71.2%　TRUE<br>重点対象者数　'60512　64049　FALSE<br>"
        "重点対象者の就職率　#DIV/0!　95.9%　=C5/D5",
        "就職率 実績:73.8%",
    ),
    (
        "令和8年度の実績<br>項目　実績　目標　達成<br>開始件数　211　206　○<br>重点対象者数　'60512　64049　×",
        "重点対象者数 実績:60512",
    ),
    (
        "指標　実績　目標<br>検索サイトPV数（令和8年4月～令和9年3月）　2.81457E+05　300000<br>"
        "案内サイトPV数（令和8年4月～令和9年3月）　5.028734E+06　300000",
        "案内サイトPV数 令和8年4月～令和9年3月 実績:5028734",
    ),
]

# Small tables that lost their layout when pasted: the unit on a column's first figure only,
# a header of groups over a row of measures with no label cell, a row's label over two lines.
PLAIN_GRIDS += [
    (
        "時点　　養成数（累計）<br>令和7年度末　　132,006人<br>令和8年度末　　161,530",
        "養成数（累計）は、令和7年度末132,006人、令和8年度末161,530人",
    ),
    (
        "区分  県  市町村<br>団体数  割合  団体数  割合<br>相談事業  40  85.1%  236  13.6%<br>"
        "啓発事業  47  100%  702  40.3%",
        "相談事業 市町村 割合:13.6%",
    ),
    (
        "事業　　令和7年度　　令和8年度<br>居場所づくり支援体制強化事業　　51　　64<br>"
        "居場所づくりコーディネーター<br>配置等支援事業　　33　　47<br>合計（自治体）　　84　　111",
        "居場所づくりコーディネーター配置等支援事業は、令和7年度33、令和8年度47",
    ),
]

# (a title over a table of bare figures: what it counts is their unit, but not a share's %
# over the counts it is worked out of)
PLAIN_GRIDS += [
    (
        "相談件数<br>|区分|R7|R8|<br>|電話|38,791|41,226|<br>|合計|52,638|56,515|",
        "電話は、R7 38,791件、R8 41,226件",
    ),
    (
        "再犯等の者の割合<br>|年度|再犯等の者|割合|<br>|令和7年度|148|21.1%|<br>|令和8年度|158|22.1%|",
        "再犯等の者は、令和7年度148、令和8年度158",
    ),
]

# (a table with no header row: a column of periods with their figures is the title's series;
# rows of several figures are a line each)
PLAIN_GRIDS += [
    (
        "出所受刑者の2年以内再入率<br>|令和5年出所者|14.1%|<br>|令和6年出所者|13.9%|",
        "出所受刑者の2年以内再入率は、令和5年出所者14.1%、令和6年出所者13.9%",
    ),
    (
        "認知症カフェ<br>|R6|1,599市町村|91.8%|9,105カフェ|<br>|R7|1,627市町村|93.4%|9,318カフェ|",
        "認知症カフェ R7:1,627市町村、93.4%、9,318カフェ",
    ),
]

# (a pipe table's rows stay rows where the cell's prose looks copied out of a PDF: 4 ポイント)
PLAIN_GRIDS += [
    (
        "| 指標 | R7年度末 | R8年度末 |<br>| カバー率 | 39% | 43% |<br>| 指定数 | 1,167 | 1,302 |<br>"
        "前年比4 ポイント上昇した。",
        "指定数は、R7年度末1,167、R8年度末1,302",
    ),
]

# (a table a converter wrote one cell a line: a key over periods or short labels, then rows of
# a label and that many figures)
PLAIN_GRIDS += [
    (
        "実績は以下のとおり。<br>区分<br>令和7年度<br>令和8年度<br>支援情報検索サイトPV数<br>274,285<br>306,115"
        "<br>まもろうよこころPV数<br>5,392,871<br>5,871,204",
        "まもろうよこころPV数は、令和7年度5,392,871PV、令和8年度5,871,204PV",
    ),
    (
        "相談件数<br>電話<br>SNS<br>メール<br>令和7年度<br>38,791<br>10,155<br>3,692<br>令和8年度<br>41,205"
        "<br>11,870<br>3,540<br>相談件数は増加した。",
        "SNSは、令和7年度10,155、令和8年度11,870",
    ),
]

# (a unit on a line of its own under a chart's rows of periods and figures is theirs)
PLAIN_GRIDS += [
    (
        "■支援情報検索サイト アクセス数の推移<br>R6 R7 R8<br>24.1 27.4 31.3<br>(万回)<br>↑ +14%",
        "R8 31.3万回",
    ),
]

# a record's unit field under its figure's field is the figure's too (a database page's
# properties: key:: value); a space between words, readings in brackets, a chart's bars and a
# statistics database's time codes and flags are read as the text without them
PLAIN_GRIDS += [
    ("実績(R8):: 309,870<br>単位:: 回<br>前年:: 274,285", "実績(R8)：309,870回\n前年：274,285回"),
    (
        "サイトを 見た 回数は 31万 7422回 でした。去年より 多く なりました。",
        "サイトを見た回数は31万7422回でした。",
    ),
    (
        "児童福祉司（じどうふくしし）は 7千 451人 に なりました。去年より 多い です。",
        "児童福祉司は7千451人になりました。",
    ),
    ("R7 █████████ 274,285<br>R8 ██████████ 308,112", "R7 274,285"),
    ("2026000000(2026年) | 90.4 p | %<br>注：p＝速報値", "90.4（速報）"),
]

# lines of a period and a counted figure each, then an aside of two columns: a series under
# its heading, not a table whose header is the first figure's line
PLAIN_GRIDS += [
    (
        "職員の配置数<br>令和７年度末　６，８０１人<br>令和８年度末　７，２０２人（見込み）<br>"
        "（参考）心理職　令和８年度末２，９００人（見込み）",
        "職員の配置数は、令和７年度末６，８０１人、令和８年度末７，２０２人（見込み）",
    ),
]

# a table dumped a cell a line whose row label is long
PLAIN_GRIDS += [
    (
        "時点<br>令和7年4月1日<br>令和8年4月1日<br>官民連携の場が整備されている都道府県の数（調査による）<br>41<br>45",
        "整備されている都道府県の数（調査による）は、令和7年4月1日41",
    ),
]

# a table whose cells give a period before their figure (令和7年度 26.9%): rows of values, not
# a second header row
PLAIN_GRIDS += [
    (
        "<table><thead><tr><th>指標</th><th>前回</th><th>最新</th></tr></thead><tbody>"
        "<tr><th>相談の割合</th><td>令和7年度 26.9%</td><td>令和8年度 28.4%</td></tr>"
        "<tr><th>再入率</th><td>令和5年 14.1%</td><td>令和6年 13.6%</td></tr></tbody></table>",
        "相談の割合 最新:令和8年度 28.4%",
    ),
]

# 大字, legal writing's numerals, read as numerals inside a run of them (参加, 参考 stay words)
PLAIN_GRIDS += [
    ("アクセス数：参拾壱万八千五百七回", "アクセス数：318507回"),
    ("五年移動平均は千五百六拾八人、参加者は弐百九人（参考）", "1568人、参加者は209人（参考）"),
]

# a chat's markup: struck text (a figure taken back) gone, the marks around words, emoji codes,
# mentions gone, a link's words kept
PLAIN_GRIDS += [
    (
        "・検索サイトPV(令和8年4月～令和9年3月): ~296,118回~ *318,904回* :white_check_mark:",
        "・検索サイトPV(令和8年4月～令和9年3月): 318,904回",
    ),
    (
        "<@U02JK4M7Q> 佐藤: `4,876,230` _(速報)_ <https://example.go.jp/|周知ページ>",
        "佐藤: 4,876,230 (速報) 周知ページ",
    ),
    # a code block's fences: its lines are the text (here a small table)
    (
        "養成数です<br>```<br>時点            累計養成数<br>令和8年3月末     301,552<br>令和9年3月末     409,217<br>```<br>:+1: 3",
        "累計養成数は、令和8年3月末301,552、令和9年3月末409,217",
    ),
]

# a table drawn with box-drawing characters (a word processor's): its rules no rows, its bars
# a pipe table's
PLAIN_GRIDS += [
    (
        "〓件数<br>┌──────┬─────┬─────┐<br>│区分　　│令和７年度│令和８年度│<br>├──────┼─────┼─────┤<br>"
        "│相談件数│　 52,638│　 55,467│<br>└──────┴─────┴─────┘<br>（単位：件）",
        "相談件数は、令和７年度52,638件、令和８年度55,467件",
    ),
    (
        "┏━━━┳━━━┓<br>┃区分┃令和８年度┃<br>┣━━━╋━━━┫<br>┃実施率┃　71.5┃<br>┗━━━┻━━━┛<br>（単位：％）",
        "実施率は、令和８年度71.5％",
    ),
]

# a range of a workbook pasted as text: a merged header cell over two year columns and a header
# row under it, each cell placed in the column it starts at (a wide character two columns), a
# row whose empty cells left no gap
PLAIN_GRIDS += [
    (
        "指標                                          目標          実績<br>                  "
        "                                          令和7年度      令和8年度<br>プログラム開始件数(ナビゲーター1人"
        "当たり)    206件         212            209<br>プログラム利用者の就職率                      84."
        "5%         86.0%          85.3%<br>マザーズ重点支援対象者数                      64,049人    "
        "  #####          65,210<br>マザーズ重点支援対象者の就職率                95.9%         96.4%   "
        "       96.2%<br>トライアル雇用 常用雇用移行率                 71.2%         集計中",
        # (the target written with its unit, the figures bare: the target's unit is theirs)
        "プログラム開始件数(ナビゲーター1人当たり)は、目標206件、実績 令和7年度212件、令和8年度209件",
    ),
]

# a table a converter read column by column: the rows' heads, then each period and its column
PLAIN_GRIDS += [
    (
        "推移は以下のとおり。<br>区分<br>居場所づくりの支援体制を強化する事業<br>"
        "居場所づくりのコーディネーターを配置する事業<br>令和7年度<br>58<br>38<br>"
        "令和8年度<br>71<br>46<br>（単位：自治体）",
        "居場所づくりのコーディネーターを配置する事業は、令和7年度38自治体、令和8年度46自治体",
    ),
    (
        "区分<br>ナビゲーター1人当たりの開始件数<br>利用者の就職率<br>令和7年度<br>212件<br>86.0%<br>"
        "令和8年度<br>209件<br>85.2%",
        "利用者の就職率は、令和7年度86.0%、令和8年度85.2%",
    ),
]

# a font's typographic characters: ㋿ and ㌫ as the words they are, a superscript note mark
# after a figure no digit of it, ⅔ a fraction
PLAIN_GRIDS += [
    (
        "PV数:318,904回¹(前年度 274,285回)<br>¹ ㋿8年4月～㋿9年3月の累計",
        "PV数:318,904回※1(前年度 274,285回)",
    ),
    ("②PV数:5,612,033¹(〃 5,392,871)", "5,612,033※1"),
    ("割合:６８.９㌫²(目標は国民の⅔以上)", "６８.９パーセント※2(目標は国民の3分の2以上)"),
    ("¹ ㋿8年4月～㋿9年3月の累計", "※1 令和8年4月～令和9年3月の累計"),
]

# figures as OCR misreads them: letters for digits among comma groups, a space inside a figure
PLAIN_GRIDS += [
    ("PV数:3l8,9O4(令和8年4月～令和9年3月)", "PV数:318,904(令和8年4月～令和9年3月)"),
    ("児童生徒数は22 6,53O人となり", "児童生徒数は226,530人となり"),
    ("死亡者数は1,58 6人であった", "死亡者数は1,586人であった"),
    ("過去最多のl,82 4社を認定", "過去最多の1,824社を認定"),
    ("R6 241,030 Oil 12 345,678", "R6 241,030 Oil 12 345,678"),
]

# An evaluation sheet's fields pasted as text: fields apart by wide spaces are no table's row,
# and a field's series apart by bars (｜) on a line of its own is a list, not a table.
PLAIN_GRIDS += [
    (
        "基準値：274,285回（令和７年度）　　目標値：年間300,000回以上<br>"
        "実績値：令和８年度（2026.4～2027.3）　306,918回<br>達成度：102.3％　　評価：A",
        "実績値：令和８年度（2026.4～2027.3） 306,918回",
    ),
    (
        "【測定指標】養成数（累計）<br>基準値：－　　目標値：1,000,000人<br>"
        "実績値（累計）：令和６年度末　128,400人｜令和７年度末　231,900人｜令和８年度末　338,750人",
        "実績値（累計）：令和６年度末 128,400人、令和７年度末 231,900人、令和８年度末 338,750人",
    ),
]

# A KPI sheet's grid copied out of its PDF: a period header cut at the column's width (R8実<br>
# 績, its rest alone on the next line too); single-spaced rows with a word in the role columns;
# a label over two cells and rows that stop before the header's last columns (a "－" is a
# value not given); one row of periods and values (R6 91.8 / R7末　59,214) under a unit line.
PLAIN_GRIDS += [
    (
        "説明。<br>指標  基準値  R6実績  R7実績  R8実<br>績  目標値  達成状況<br>"
        "不登校児童生徒数（人）  212,114（R5）  218,246  226,930  231,405  増加  ○",
        "R7実績226,930人、R8実績231,405人",
    ),
    (
        "周知した。<br>指標 R6実績 R7実績 R8実 目標 達成状況<br>績<br>"
        "相談窓口の認知度（％） 29.2 30.7 32.4 前年度より向上 ○",
        "相談窓口の認知度（％）は、R6実績29.2%、R7実績30.7%、R8実績32.4%、目標前年度より向上",
    ),
    (
        "指標  R6実績  R7実績  R8実績  目標値  達成状況<br>体制強化事業  実施自治体数  －  58  71<br>"
        "配置等支援事業  活用自治体数  －  38  44<br>計（自治体）  －  96  115  120  ×",
        "体制強化事業 実施自治体数は、R7実績58自治体、R8実績71自治体",
    ),
    (
        "指標  R7実績  R8実績  前年度比  達成状況<br>推進事業  支援件数（件）  3,672  3,598  74件減  ×"
        "<br>計画の策定数（団体）  1,015  1,142  12.5％増  ○",
        "計画の策定数（団体）は、R7実績1,015団体、R8実績1,142団体",
    ),
    (
        "認知症カフェがある市町村の割合（％）  R6 91.8  R7 93.0  R8 94.1  目標 100  ×",
        "認知症カフェがある市町村の割合（％）は、R6 91.8%、R7 93.0%、R8 94.1%、目標100%\n×",
    ),
    # (目標　480以上 in two cells is the target; 増加 after the last figure is no change of it)
    (
        "参加した回数（回）  R6  514  R7  538  R8  527  目標  480以上  ○",
        "参加した回数（回）は、R6 514回、R7 538回、R8 527回、目標480以上\n○",
    ),
    (
        "説明。<br>任命人数（人）  R7末  59,214  R8末  63,412  増加  ○",
        "任命人数（人）は、R7末59,214人、R8末63,412人\n増加 ○",
    ),
    # (a row of periods and values with no label: the title line above names it)
    (
        "新たに実施した地方公共団体数（団体）<br>R6  17  R7  21  R8  26  ○",
        "新たに実施した地方公共団体数（団体）は、R6 17団体、R7 21団体、R8 26団体",
    ),
    # (a header of periods over figures, neither with a label column; a unit cut by a break)
    (
        "アンケートを実施した。<br>R7実績  R8実績  目標値  達成状況<br>90.6<br>％  88.3<br>％  80％以上  ○",
        "R7実績90.6％、R8実績88.3％、目標80％以上",
    ),
    # (a web page's paragraphs: the title in the paragraph before the table's first row, the
    # rows under it opening with a bar, no rule line)
    (
        "<p>相談件数（単位：件）</p> <p>| 区分 | 令和7年度 | 令和8年度 |<br>| 電話 | 38,791 | 41,026 |"
        "<br>| 計 | 52,638 | 55,904 |</p>",
        "電話は、令和7年度38,791件、令和8年度41,026件\n相談件数計は、令和7年度52,638件、令和8年度55,904件",
    ),
    # (a row whose values are not given yet is a row, not a second header row; a long label)
    (
        "説明。<br>指標  基準値  R6実績  R7実績  R8実績  目標値  達成状況<br>"
        "医療・福祉機関、民間支援団体等による治療・支援を受けた保護観察対象者等の割合（％）  －  －  －"
        "  集計中  増加  －<br>出所受刑者の2年以内再入率（％）  －  14.1  13.6  13.2  低下  ○",
        "出所受刑者の2年以内再入率（％）は、R6実績14.1%、R7実績13.6%、R8実績13.2%",
    ),
    (
        "（単位：千件）<br>新規相談件数　令和６年度　302.8　令和７年度　314.6<br>"
        "プラン作成件数　令和６年度　89.5　令和７年度　94.0",
        "新規相談件数は、令和６年度302.8千件、令和７年度314.6千件\n"
        "プラン作成件数は、令和６年度89.5千件、令和７年度94.0千件",
    ),
]


# A statistical yearbook's tables: a unit for each kind of column, listed in one declaration
# ((単位：人、％): the rate's column takes the %; (単位：％、ポイント): the change's the points),
# a numbered caption and notes that take no unit; a table of two columns under its header.
PLAIN_GRIDS += [
    (
        "表3-1　相談窓口の利用状況<br>（単位：件、％）<br>年度｜相談件数｜対前年度増減率<br>"
        "令和7年度｜12,480｜4.1<br>令和8年度｜13,020｜4.3<br>注1　各年度4月～翌年3月。",
        "相談件数は、令和7年度12,480件、令和8年度13,020件\n対前年度増減率は、令和7年度4.1%、"
        "令和8年度4.3%\n注1 各年度4月～翌年3月。",
    ),
    (
        "表5　取得率<br>（単位：％、ポイント）<br>調査年度｜取得率｜対前年度差<br>令和6年度｜38.2｜9.7<br>"
        "令和7年度｜44.9｜6.7",
        "取得率は、令和6年度38.2%、令和7年度44.9%\n前年度比は、令和6年度+9.7ポイント、令和7年度"
        "+6.7ポイント",
    ),
    (
        "表2　登録団体数<br>（単位：団体）<br>年度｜登録団体数<br>令和7年度｜1,204<br>令和8年度｜1,318",
        "登録団体数は、令和7年度1,204団体、令和8年度1,318団体",
    ),
]


# an HTML table's own caption declaring the unit with words after it (括弧内は団体数)
PLAIN_GRIDS += [
    (
        "<table><caption>取組の状況（単位：％、括弧内は団体数）</caption><tr><th>取組</th><th>令和8年度"
        "</th><th>令和7年度</th></tr><tr><td>結婚支援</td><td>100（47）</td><td>96（45）</td></tr>"
        "</table>",
        "結婚支援は、令和8年度100％（47）、令和7年度96％（45）",
    ),
]


# a check sheet's figures parted by slashes under keys parted the same way, each by its key
PLAIN_GRIDS += [
    (
        "■指標：検索サイトのアクセス数　実績／目標（達成率）：312,004回／300,000回（104.0％）",
        "実績:312,004回、目標:300,000回、達成率:104.0％",
    ),
    ("■指標：割合　実績／目標：88.2％／90％", "実績:88.2％、目標:90％"),
]


# a figure worked out in the text: its result, with the working in a bracket after it (a sum's
# operands as its parts)
PLAIN_GRIDS += [
    (
        "相談件数：センター60,412件＋地域窓口83,900件＝144,312件。",
        "相談件数：144,312件（内訳:センター60,412件＋地域窓口83,900件）。",
    ),
    (
        "割合（令和7年度）：実施校数÷全学校数＝31,020÷34,210＝90.7％（前年度86.9％）",
        "実施校数÷全学校数＝90.7％（31,020÷34,210）（前年度86.9％）",
    ),
    # (a result with a word of its own after its figure is left as written)
    (
        "開始件数計85,735件÷ナビゲーター410人＝1人当たり209件",
        "開始件数計85,735件÷ナビゲーター410人＝1人当たり209件",
    ),
]


@pytest.mark.parametrize(("cell", "expected"), PLAIN_GRIDS)
def test_plain_text_grids_become_records(cell: str, expected: str) -> None:
    assert expected in cell_text(cell)


ARROWS = [
    # periods before the values, the unit once at the end
    (
        "R5 212,114 → R6 218,246 → R7 225,871（人）（前年度比＋7,625人）",
        "R5 212,114人、R6 218,246人、R7 225,871人（前年度比＋7,625人）",
    ),
    # the periods in the bracket after; what follows them stays in the bracket
    ("46.4％→47.9％（R6→R7、＋1.5pt）", "R6 46.4％、R7 47.9％（＋1.5pt）"),
    # the unit written on one value only; the values' asides kept
    (
        "R6 747（82％）→ R7 764（84％）→ R8 779自治体（85％）",
        "R6 747自治体（82％）、R7 764自治体（84％）、R8 779自治体（85％）",
    ),
    # the periods chained, then the values chained
    ("実施率：令和6年度→令和7年度 86.2→88.0（％）", "実施率：令和6年度86.2％、令和7年度88.0％"),
    ("件数 R7→R8：1,204件→1,351件", "件数 R7 1,204件、R8 1,351件"),
    # each value dated in the bracket after it
    (
        "相談件数（計）：52,410件（R7）→55,120件（R8）（前年比＋5.2％）",
        "相談件数（計）：R7 52,410件、R8 55,120件（前年比＋5.2％）",
    ),
    # no periods to name the values by: the arrows stay
    ("116,961人→122,015人（精神保健福祉士）", "116,961人→122,015人（精神保健福祉士）"),
]


@pytest.mark.parametrize(("cell", "expected"), ARROWS)
def test_arrow_chains_become_series(cell: str, expected: str) -> None:
    from kpi_tracker.text.cells import arrows_as_series

    assert arrows_as_series(cell) == expected


def test_merged_cells_of_a_spreadsheet_table_are_read_in_place() -> None:
    """An HTML table exported from a spreadsheet: a header of two rows (a year over 実績 and
    前年比, merged with colspan; 区分 and 単位 with rowspan) and a column of units."""
    table = (
        "<table><tr><th rowspan='2'>区分</th><th rowspan='2'>単位</th>"
        "<th colspan='2'>令和7年度</th><th colspan=\"2\">令和8年度</th></tr>"
        "<tr><th>実績</th><th>前年比</th><th>実績</th><th>前年比</th></tr>"
        "<tr><td>相談件数</td><td>件</td><td>1,200</td><td>－</td><td>1,350</td>"
        "<td>112.5%</td></tr>"
        "<tr><td>満足度</td><td>％</td><td>78.1</td><td>－</td><td>80.4</td><td>…</td></tr>"
        "</table>"
    )
    assert cell_text(table).splitlines() == [
        "相談件数は、令和7年度 実績1,200件、令和8年度 実績1,350件、令和8年度 前年比112.5%",
        "満足度は、令和7年度 実績78.1％、令和8年度 実績80.4％",
    ]


def test_a_rowspan_carries_its_cell_down() -> None:
    table = (
        "<table><tr><th>区分</th><th>主体</th><th>令和8年度</th></tr>"
        "<tr><td rowspan='2'>設置数</td><td>都道府県</td><td>46</td></tr>"
        "<tr><td>市区町村</td><td>1,402</td></tr></table>"
    )
    lines = cell_text(table).splitlines()
    assert any("46" in line and "都道府県" in line for line in lines)
    assert any("1,402" in line and "市区町村" in line and "設置数" in line for line in lines), lines


def test_a_total_row_takes_the_subject_of_the_sentence_pointing_to_its_table() -> None:
    """…世帯数は次のとおり。 over rows of bodies by year and a 計 row: the 計 is that count's
    total, named so; a row of items (no years) keeps its 計 as it is."""
    cell = (
        "見守りにより、自立した世帯数は次のとおり。<table><tr><th>県</th><th>令和7年度末</th>"
        "<th>令和8年度末</th></tr><tr><td>甲県</td><td>1,300</td><td>1,700</td></tr>"
        "<tr><td>乙県</td><td>800</td><td>900</td></tr><tr><td>計</td><td>2,100</td>"
        "<td>2,600</td></tr></table>（単位：世帯）"
    )
    assert cell_text(cell).splitlines()[-1] == (
        "自立した世帯数計は、令和7年度末2,100世帯、令和8年度末2,600世帯"
    )


SHEET_ROWS = [
    # (a KPI sheet's row pasted into a cell, the lines it is read as)
    (
        "【KPI】相談を受けた児童生徒数（小・中、千人）【基準値】212.1(R5)【実績値】R6:218.2"
        "　R7:225.4　R8:－【評価】A",
        "【KPI】相談を受けた児童生徒数（小・中、千人）\n【基準値】212.1千人(R5)\n"
        "【実績値】R6:218.2千人 R7:225.4千人 R8:－\n【評価】A",
    ),
    (
        # the unit of the target field for the bare figures of the actual field; a bracket
        # after a figure counts something else (団体数)
        "取り組む都道府県の割合／目標値 100％（R7年度末）／実績 R7:96（45）　R8:100（47）",
        "取り組む都道府県の割合\n目標値 100％（R7年度末）\n実績 R7:96％（45） R8:100％（47）",
    ),
    (
        # a label's unit in its bracket: PV数(年間・千回); 4,986 before the next mark is bare
        # (one field on the line: it stays one line)
        "まもろうよこころPV数（年間・千回）【実績値】R7:5,393　R8:4,986【前年度比】▲7.5%",
        "まもろうよこころPV数（年間・千回）【実績値】R7:5,393千回 R8:4,986千回【前年度比】▲7.5%",
    ),
    # prose with one bracket of words is left as it is
    ("相談件数（電話）は1,200件であった。", "相談件数（電話）は1,200件であった。"),
]


@pytest.mark.parametrize(("cell", "expected"), SHEET_ROWS)
def test_a_sheet_row_pasted_into_a_cell_becomes_its_fields(cell: str, expected: str) -> None:
    from kpi_tracker.text.cells import cell_text

    assert cell_text(cell) == expected


def test_a_prose_cell_reads_character_references() -> None:
    # (a web page's &nbsp; is a space; &lt; &gt; &amp; the characters its reader sees)
    assert cell_text("令和8年度&nbsp; 13.7% &lt;参考&gt; A&amp;B") == "令和8年度 13.7% <参考> A&B"


@pytest.mark.parametrize(
    "text",
    [
        '<相談件数 単位="件">41205<br>（閉じていない要素）',  # XML that does not parse
        "満足度調査:<br>  - 年度: R8<br>\t満足した: [81.4",  # YAML that does not parse
        "[section]<br>only = 1<br>本文。",  # one pair: no block
        "a: &x [1, 2]<br>b:<br>  c: [*x, *x]<br>  d: [*x, *x]",  # aliases: not read
        "<記録>" * 3000 + "1" + "</記録>" * 3000,  # nested past any record's depth
    ],
)
def test_markup_that_does_not_parse_stays_as_written(text: str) -> None:
    assert markup_records(text) == text


@given(
    st.lists(
        st.sampled_from(
            [
                '<a単位="件">',
                "</a単位>",
                "key:",
                "  - x: 1",
                "  y: 2",
                "[s]",
                "k = 3",
                "# n",
                "年度: R8",
                "単位: 回",
                "=",
                ":",
                "<",
                ">",
                '"',
                "'",
                "12,345",
                "集計中",
            ]
        ),
        max_size=12,
    )
)
def test_markup_records_never_fail(parts: list[str]) -> None:
    text = "<br>".join(parts)
    assert isinstance(markup_records(text), str)


def test_a_chat_code_block_leaves_no_fence_nor_reaction() -> None:
    text = cell_text("養成数です<br>```<br>令和9年3月末 409,217<br>```<br>:+1: 3")
    assert "`" not in text
    assert ":+1:" not in text
