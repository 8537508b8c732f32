"""Japanese quantities: numbers, multipliers, units, qualifiers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker.text.numbers import find_quantities, parse_number

from .helpers import seed_lines

FORMS = [
    # (text, value, unit, written text)  # why
    ("274,285", 274285, None, "274,285"),  # grouping commas, no unit (PV数:274,285)
    ("5,392,871", 5392871, None, "5,392,871"),
    ("７，３９０人", 7390, "person", "７，３９０人"),  # full-width digits and comma
    ("5万9,000人", 59000, "person", "5万9,000人"),  # 万 multiplies, not concatenates
    ("3億3,614万人", 336140000, "person", "3億3,614万人"),
    ("約527万件", 5270000, "case", "約527万件"),
    ("20万5,311人", 205311, "person", "20万5,311人"),
    ("約6千人", 6000, "person", "約6千人"),
    ("1.2ポイント", 1.2, "percentage_point", "1.2ポイント"),
    ("86.9%", 86.9, "percent", "86.9%"),
    ("86.9％", 86.9, "percent", "86.9％"),  # full-width percent sign
    ("30万回", 300000, "times", "30万回"),
    ("三万人", 30000, "person", "三万人"),  # kanji with a multiplier
    ("千二百件", 1200, "case", "千二百件"),
    ("3人に2人以上", 66.6667, "percent", "3人に2人以上"),  # a share, not two counts
    ("8割", 8, "wari", "8割"),
    ("1,167法人", 1167, "corporation", "1,167法人"),
    ("44都道府県", 44, "prefecture", "44都道府県"),
    ("511市町村", 511, "municipality", "511市町村"),
    ("211市区町村", 211, "municipality", "211市区町村"),  # longest unit word wins
    ("764自治体", 764, "local_government", "764自治体"),
    ("1,015団体", 1015, "organization", "1,015団体"),
    ("1,386か所", 1386, "place", "1,386か所"),
    ("10,206箇所", 10206, "place", "10,206箇所"),
    ("8,196名", 8196, "person", "8,196名"),
    ("△3.2%", -3.2, "percent", "△3.2%"),  # △ is a minus sign in Japanese tables
    ("▼3件", -3, "case", "▼3件"),  # ▼ a dashboard's decrease
]


@pytest.mark.parametrize(("text", "value", "unit", "written"), FORMS)
def test_forms(text: str, value: float, unit: str | None, written: str) -> None:
    (q,) = find_quantities(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.text == written
    assert text[q.start : q.end] == written


QUALIFIERS = [
    ("約6,000か所以上", True, "以上"),
    ("7,390人程度", True, None),
    ("5万9,000人を超える", False, "を超える"),
    ("100人未満", False, "未満"),
    ("50%以下", False, "以下"),
    ("1,000件超", False, "超"),
    ("およそ30件", True, None),
]


@pytest.mark.parametrize(("text", "approx", "bound"), QUALIFIERS)
def test_qualifiers(text: str, approx: bool, bound: str | None) -> None:
    (q,) = find_quantities(text)
    assert (q.approx, q.bound) == (approx, bound)


def test_signed_change() -> None:
    (level, change) = find_quantities("40.5%(前年度比+約10ポイント)")
    assert (level.value, level.signed) == (40.5, False)
    assert (change.value, change.unit, change.signed, change.approx) == (
        10,
        "percentage_point",
        True,
        True,
    )


NOT_APPLICABLE = [
    "平成25年法律第105号",  # law number
    "孤独・孤立相談ダイヤル#9999",  # phone number
    "#8103(ハートさん)",
    "①孤独・孤立の実態把握",  # list marker
    "2025年までに",  # year
    "令和7年度",  # era year
    "令和6～8年度",
    "1人1台端末",  # a rate, not a count
    "ナビゲーター1人当たり",
    "一人一人",  # kanji one without a multiplier is never a count
    "誰一人取り残されない",
    "一人暮らし",
    "24時間対応",  # durations
    "10年間で",
    "3か年",
    "第4次犯罪被害者等基本計画",  # ordinals
    "第7期障害福祉計画",
    "第5回孤独・孤立対策",
    "50歳以上",
    "40代",
    "数千人",
    "https://www.cao.go.jp/kodoku_koritsu/r7/index2025.html",  # URL
    "十分な数",
    "前年度を上回った※1。",  # a note's number
    "目標を達成したが[1]、",
    "相談件数は増加した（注2）。",
    "就職率は目標を下回った2)。",
    "（図表2-1-4参照）",  # a figure's number
    "(1) 自殺予防週間に周知した。",  # an item's number, opening its line
    "説明。\n（2） 研修を実施した。",
]

# …but a bracket's last figure is not a note's number, and a value after = is a value.
STILL_FIGURES = [
    ("(うち新規12)、", 12.0),
    ("社会福祉士=331,020人", 331020.0),
    ("値: 31.9 (%)", 31.9),
    ("／SNS11,830件／", 11830.0),  # a channel's name before a grouped figure: no code
]


@pytest.mark.parametrize(("text", "value"), STILL_FIGURES)
def test_still_figures(text: str, value: float) -> None:
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize("text", NOT_APPLICABLE)
def test_not_applicable(text: str) -> None:
    assert find_quantities(text) == []


@settings(max_examples=300)
@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=1, max_value=99),
)
def test_round_trip_man_oku(oku: int, man: int, ones: int) -> None:
    """Any value written in 億/万 form with grouping commas reads back to itself."""
    parts = []
    if oku:
        parts.append(f"{oku:,}億")
    if man:
        parts.append(f"{man:,}万")
    parts.append(f"{ones:,}")
    text = "".join(parts) + "人"
    (q,) = find_quantities(text)
    assert q.value == oku * 10**8 + man * 10**4 + ones


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_commas_and_full_width(value: int) -> None:
    text = f"{value:,}件".translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789,"})
    (q,) = find_quantities(text)
    assert q.value == value and q.unit == "case"


@settings(max_examples=500)
@given(st.text(max_size=60))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


def test_parse_number_rejects_bare_kanji_one() -> None:
    assert parse_number("一") is None
    assert parse_number("一万") == 10000


# Every number with a unit in the seed's status column reads as the digits it shows.
_SEED_NUMBER = re.compile(
    r"(?<![0-9,.])[0-9][0-9,]*(?:\.[0-9]+)?(?=(?:人|件|か所|自治体|団体|法人|%))"
)


def _seed_status_forms() -> list[str]:
    found = set()
    for line in seed_lines():
        cells = line.split("\t")
        if len(cells) >= 5 and cells[0].strip().isdigit():
            found.update(m.group() for m in _SEED_NUMBER.finditer(cells[4]))
    return sorted(found)


SEED_FORMS = _seed_status_forms()


def test_seed_has_many_quantity_forms() -> None:
    assert len(SEED_FORMS) > 40


@pytest.mark.parametrize("digits", SEED_FORMS)
def test_every_seed_number_reads_back(digits: str) -> None:
    values = [q.value for q in find_quantities(f"実績は{digits}件")]
    assert values == [float(digits.replace(",", ""))]


MALFORMED = [
    "予算5億万円",  # two multipliers with no figure between them (a typo)
    "0万億件",
    "3千千人",
    "1,000万億",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_runs_that_are_no_number_are_not_read(text: str) -> None:
    # Not a crash of the whole scorecard, and not a guess: no quantity.
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("1万2千3百人", 12_300), ("3千5百件", 3_500), ("2百万人", 2_000_000)],
)
def test_hundreds_as_written(text: str, value: int) -> None:
    (q,) = find_quantities(text)
    assert q.value == value


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from("0123456789,.億万千百一二三十人件%約(")))
def test_runs_of_digits_and_multipliers_never_crash(text: str) -> None:
    for q in find_quantities(text):
        assert q.value == q.value  # a number, not NaN
    value = parse_number(text)
    assert value is None or isinstance(value, float)
