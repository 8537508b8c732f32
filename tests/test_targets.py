"""targets.read_targets: the target cell → its quantitative targets. Real cells of the seed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.rules.targets import read_targets, strip_furniture

# (cell, [(comparator, target, unit, deadline)])  # why
CASES = [
    (
        "国民の3人に2人以上が聞いたことがあるようにする。",
        [(">=", 66.6667, "%", None)],
    ),  # a fraction of people is a share; 以上 is >=
    (
        "支援情報検索サイトのアクセス数を令和8年度までに年間30万回以上とすることを目標に運用する。",
        [(">=", 300000, "回", "令和8年度")],
    ),  # 30万 multiplies; the period before the value is its deadline
    (
        "出所受刑者の2年以内再入率を低下させることを目指す。",
        [("decrease", None, "%", None)],
    ),  # 低下 of a 率: a decrease in %, no number needed
    (
        "いじめの問題に関して校内研修を実施している学校の割合を毎年度90%以上にする(令和5年度:85.7%)。",
        [(">=", 90, "%", None)],
    ),  # 毎年度: every year, no single deadline
    (
        "令和8年度末までに、全ての市町村において基幹相談支援センターを設置すること。",
        [(">=", 100, "%", "令和8年度末")],
    ),  # 全ての市町村: all of a whole is 100%
    (
        "令和6年度から心のサポーター養成研修を全国に展開し、10年間で100万人の心のサポーターを養成する。",
        [(">=", 1000000, "人", "令和15年度末")],
    ),  # 令和6年度から10年間: the span ends 令和15年度末
    (
        "男性の育児休業取得率を2025年までに50%、2030年までに85%にする。",
        [(">=", 50, "%", "2025年"), (">=", 85, "%", "2030年")],
    ),  # two values, each with the period before it
    (
        "令和7年度末までに、 ・結婚支援に取り組む地方公共団体を、都道府県においては全て、市区町村においては8割とする。",
        [(">=", 100, "%", "令和7年度末"), (">=", 80, "%", "令和7年度末")],
    ),  # the lead-in's period; 8割 is 80%
    (
        "令和7年度は、「こころの耳」へのアクセス件数や相談件数の増大を図る。",
        [("increase", None, "件", "令和7年度"), ("increase", None, "件", "令和7年度")],
    ),  # AやBの増大: one goal each
    (
        "令和9年度末までに集落支援員の活用市町村数が486市町村となることを目指す。",
        [(">=", 486, "市町村", "令和9年度末")],
    ),  # となる: a goal verb without 以上 reads as >=
    (
        "直近の2年平均の値を、令和7年度は21.1%以下とする。",
        [("<=", 21.1, "%", "令和7年度")],
    ),  # 以下 is <=
    (
        "熱中症による死亡者数を現状(※)から半減させる。 ※令和5年(概数)における5年移動平均は1,327人",
        [("reduce_by_ratio", None, "人", None)],
    ),  # 半減 with the baseline from the ※ note
]


@pytest.mark.parametrize(("cell", "expected"), CASES)
def test_targets_of_seed_cells(cell: str, expected: list[tuple]) -> None:
    got = [(t.comparator, t.target, t.unit, t.deadline) for t in read_targets(cell).targets]
    assert len(got) == len(expected)
    for (comparator, target, unit, deadline), want in zip(got, expected, strict=True):
        assert (comparator, unit, deadline) == (want[0], want[2], want[3])
        assert target == pytest.approx(want[1]) if want[1] is not None else target is None


def test_baselines_and_flags() -> None:
    (every,) = read_targets(CASES[3][0]).targets
    assert every.every_year and every.baseline.value == 85.7
    assert every.baseline.period == "令和5年度"
    (flow,) = read_targets(CASES[1][0]).targets
    assert flow.kind == "flow"  # 年間
    (halve,) = read_targets(CASES[-1][0]).targets
    assert (halve.ratio, halve.baseline.value, halve.baseline.period) == (0.5, 1327, "令和5年")
    shares = read_targets(
        "生活困窮者の年間新規相談受付件数を令和7年度までに40万件にするとともに、"
        "自立生活のためのプラン作成件数を新規相談受付件数の50%とする。"
    ).targets
    assert shares[1].share_of == shares[0].label  # 50% of the first count
    two = read_targets(CASES[6][0]).targets  # one label, two deadlines: told apart
    assert [t.label for t in two] == [
        "男性の育児休業取得率(2025年目標)",
        "男性の育児休業取得率(2030年目標)",
    ]


# Relative changes: the share to take away or add, against a year or the previous value.
RELATIVE = [
    (
        "食品ロス量を2030年度までに2000年度比で3割減とする。",
        "decrease",
        None,
        0.3,
        "2030年度",
    ),  # 比 year is no deadline
    ("二酸化炭素排出量を3割削減する。", "decrease", None, 0.3, None),  # no baseline value: by_ratio
    (
        "自殺死亡率を平成27年と比べて30%以上減少させる(平成27年:18.5)。",
        "reduce_by_ratio",
        0.3,
        None,
        None,
    ),
    ("計画策定数につき、対前年度比で1割以上の増加を目指す。", "increase", None, 0.1, None),
]


@pytest.mark.parametrize(("cell", "comparator", "ratio", "by_ratio", "deadline"), RELATIVE)
def test_relative_changes(cell, comparator, ratio, by_ratio, deadline) -> None:
    (t,) = read_targets(cell).targets
    assert (t.comparator, t.ratio, t.by_ratio, t.deadline, t.target) == (
        comparator,
        ratio,
        by_ratio,
        deadline,
        None,
    )


# Cells whose numbers or words are not targets.  # why
NOT_TARGETS = [
    "令和7年度も引き続き、全都道府県でのポスター掲示等による周知を通じ、社会の実現を目指す。",  # a means
    "全職員に年1回を目安に継続した教育を行うこととしており、着実に実施する。",  # a frequency
    "なお、中核機関の整備については、令和7年4月1日時点で1,340市町村(約76.9%)。",  # the present
    "社会福祉士の登録者数を増加させることにより、支援体制の推進につなげる。",  # a means
    "相談支援の質が向上することを目指す。",  # 質 is not counted
    "令和7年度は、研修を実施し、孤独・孤立の予防に資することを目指す。",  # qualitative
]


@pytest.mark.parametrize("cell", NOT_TARGETS)
def test_targets_not_applicable(cell: str) -> None:
    assert read_targets(cell).targets == ()


def test_a_cell_with_numbers_but_no_target_says_why() -> None:
    reading = read_targets(NOT_TARGETS[2])
    assert reading.unmeasured is not None and "1,340市町村" in reading.unmeasured


@given(
    value=st.integers(min_value=1, max_value=99_999),
    year=st.integers(min_value=2, max_value=30),
    unit=st.sampled_from(["人", "件", "か所", "団体"]),
)
def test_value_unit_and_deadline_read_back(value: int, year: int, unit: str) -> None:
    cell = f"相談窓口の設置数を令和{year}年度末までに{value:,}{unit}以上とする。"
    (t,) = read_targets(cell).targets
    assert (t.comparator, t.target, t.unit, t.deadline) == (">=", value, unit, f"令和{year}年度末")


def test_page_furniture_is_dropped_but_a_quoted_title_stays() -> None:
    text = (
        "目標に運用する。 － １２ － 孤独・孤立対策重点計画 また、「孤独・孤立対策重点計画」の推進"
    )
    out = strip_furniture(text, ("孤独・孤立対策重点計画",))
    assert "12" not in out and out.count("孤独・孤立対策重点計画") == 1
