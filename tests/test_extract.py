"""Reading a value by what it measures: candidates, their scores, the choice.

Each case is a status text written the way another writer might put the same fact, with the
value the indicator must get (or none). The rules name the value by its label and a few hint
words; the texts deliberately use other words.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker.extract import extract, resolve_siblings, sentences_of
from kpi_tracker.outcome import evaluate_indicator
from kpi_tracker.similarity import bigrams, profile_of

from .helpers import indicator

AS_OF = date(2027, 3, 31)  # the end of 令和8年度

SHARE = {"unit": "%", "find": {"label": ["割合"]}, "target": 80}


def chosen(rule, text: str, target_text: str = "", siblings=()):
    """The value the evaluation takes, or None when it reports none."""
    found = extract(rule, text, target_text, siblings)
    outcome = evaluate_indicator(rule, 1, found, AS_OF)
    return outcome.actual, outcome


KINDS = [
    # (rule fields, status text, expected value)  # the kind of rewording
    (
        {"label": "介護予防の集いへの参加率", "unit": "%", "find": {"label": ["参加率"]}},
        "介護予防の集いに参加している高齢者の割合は7.4%に上った。",
        7.4,
    ),  # paraphrased label: 参加している…割合 for 参加率
    (
        {"label": "相談窓口の相談件数", "find": {"label": ["相談件数"]}},
        "窓口での受付件数は2,140件(令和7年度)。",
        2140,
    ),  # 受付件数 for 相談件数 (a synonym of the domain)
    (
        {"label": "地域と連携した学校の割合", **SHARE, "find": {"label": ["地域と連携"]}},
        "地域との連携に取り組んだ学校の割合は52.5%であった。",
        52.5,
    ),  # a particle between the label's words
    (
        {"label": "就労支援事業の登録者数", "unit": "人", "find": {"label": ["登録者数"]}},
        "令和7年度に就労支援事業の登録者を集計した。その数は約3万2千人に達した。",
        32000,
    ),  # the name stands in the sentence before (その数は)
    (
        {"label": "就労支援事業の定着率", "unit": "%", "find": {"label": ["定着率"]}},
        "・就労支援事業：利用者の職場への定着率 71.0%",
        71.0,
    ),  # the name in the bullet's heading
    (
        {"label": "事業を実施する都道府県の割合", "unit": "%", "find": {"label": ["実施"]}},
        "事業を実施した都道府県は45都道府県(約96%)となった。",
        96,
    ),  # count and share together: the share is the value
    (
        {"label": "事業を実施する市町村の割合", "unit": "%", "find": {"label": ["実施"]}},
        "事業を実施した市町村は1,200市町村(全市町村の68.9%)となった。",
        68.9,
    ),  # 全市町村の68.9%: the whole the share is taken of is not a value
    (
        {"label": "計画を策定した都道府県の割合", "unit": "%", "find": {"label": ["策定"]}},
        "令和7年度までに全都道府県で計画が策定された。",
        100,
    ),  # 全都道府県: a share of 100% with no % written
    (
        {"label": "計画を策定した都道府県数", "unit": "都道府県", "target": 47},
        "令和7年度までに全都道府県で計画が策定された。",
        47,
    ),  # …and 47 prefectures when the indicator counts them
    (
        {"label": "満足した利用者の割合", "unit": "%", "find": {"label": ["満足"]}},
        "利用者の6割弱(57.9%)が「満足した」と回答した。",
        57.9,
    ),  # the precise figure beats the approximate word beside it
    (
        {"label": "計画を策定した団体数", "unit": "団体", "find": {"label": ["策定"]}},
        "計画を策定した団体は千を超え、1,043団体となった。",
        1043,
    ),  # a kanji numeral before the digits is not a value
    (
        {"label": "事業Aを実施する都道府県の割合", "unit": "%", "find": {"label": ["事業A"]}},
        "事業A：40都道府県(約85%)、うち広域で取り組む市町村は512(約29%)。",
        85,
    ),  # a sibling entity's value in the same sentence: the right entity wins
    (
        {"label": "企業等と連携する博物館の割合", "unit": "%", "find": {"label": ["企業等"]}},
        "連携する博物館の割合は、企業団体等が34.2%、企業等が32.5%となった。",
        32.5,
    ),  # parallel figures: the words each is attached to decide
    (
        {"label": "整備済みの都道府県数", "unit": "都道府県", "target": 47},
        "令和8年4月1日時点でプラットフォームを整備済みの都道府県は46(約98%)である。",
        46,
    ),  # a count written without its counter takes the one named before it
    (
        {"label": "協力隊の隊員数", "unit": "人", "target": 10000, "find": {"label": ["隊員"]}},
        "隊員は令和8年度は8,702人で、前年度から増加したものの1万人には届かなかった。",
        8702,
    ),  # the target restated (1万人には届かなかった) is not a value
    (
        {"label": "相談窓口の相談件数", "find": {"label": ["相談件数"]}},
        "相談件数：合計5万4,310件（電話39,902件、SNS11,024件、メール3,384件）。",
        54310,
    ),  # a stated total, not one of its parts
    (
        {"label": "窓口の相談件数", "find": {"label": ["相談件数"]}},
        "相談件数は対面2,100件、オンライン880件の計2,980件であった。",
        2980,
    ),  # …の計2,980件: the total after its parts
    (
        {"label": "利用者の就業率", "unit": "%", "target": 50, "find": {"label": ["就業率"]}},
        "令和8年度の利用者の就業率は52.4%と初めて5割を超えた。",
        52.4,
    ),  # 5割を超えた restates the precise figure before it
    (
        {
            "label": "支援対象者数",
            "unit": "人",
            "find": {"label": ["対象者"], "exclude": ["就職率"]},
        },
        "・B事業：支援対象者1,210人(就職率88.0%)",
        1210,
    ),  # exclude vetoes the figure's own words, not the bracket after them
]


@pytest.mark.parametrize(("fields", "text", "expected"), KINDS)
def test_reads_the_value_by_meaning(fields, text, expected) -> None:
    actual, outcome = chosen(indicator(**fields), text)
    assert actual == pytest.approx(expected), outcome.reason


NOT_APPLICABLE = [
    # (rule fields, status text)  # why no value may be read
    (
        {"label": "事業Aを実施する市町村の割合", "unit": "%", "find": {"label": ["市町村"]}},
        "事業Aを実施した都道府県は40都道府県(約85%)であった。",
    ),  # a share of prefectures is not a share of municipalities
    (
        {"label": "全市町村での設置率", "unit": "%", "find": {"label": ["設置"]}},
        "全市町村での設置には至っていない。",
    ),  # 全市町村 as the goal not reached is not 100%
    (
        {"label": "相談件数", "find": {"label": ["相談件数"], "exclude": ["受けていない"]}},
        "相談を受けていない者の件数は120件であった。",
    ),  # exclude stays a veto over the figure's own words
    (
        {"label": "研修の受講者数", "unit": "人", "find": {"label": ["受講者"]}},
        "研修を全国で実施した。※令和7年度の受講者は2,000人。",
    ),  # a ※ note is an aside
]


@pytest.mark.parametrize(("fields", "text"), NOT_APPLICABLE)
def test_reads_no_value_not_applicable(fields, text) -> None:
    actual, outcome = chosen(indicator(**fields), text)
    assert actual is None, outcome.reason


PREVIOUS = [
    # (rule fields, status text, value, earlier value)  # how the previous value is written
    (
        {"label": "参加率", **SHARE},
        "令和8年度の参加した割合は20.1%で、前年(18.2%)から上昇した。",
        20.1,
        18.2,
    ),
    (
        {"label": "参加率", **SHARE},
        "参加した割合は88.0%となり、前年(90.1%)を下回った。",
        88.0,
        90.1,
    ),
    (
        {"label": "団体数", "unit": "団体", "find": {"label": ["団体"]}},
        "令和8年度末の団体数は2,415団体(前年度末：52%、2,310団体)。",
        2415,
        2310,
    ),  # a bracket of previous values
    (
        {"label": "相談件数", "find": {"label": ["相談件数"]}},
        "令和8年度の相談件数は320万件で、前年度(約310万件)を上回った。",
        3_200_000,
        3_100_000,
    ),
    (
        {"label": "相談件数", "find": {"label": ["相談件数"]}},
        "相談件数(速報値)：145,220件。前年度の148,668件を2.3%下回った。",
        145220,
        148668,
    ),  # the previous value in the next sentence
    (
        {"label": "自治体数", "unit": "自治体", "find": {"label": ["自治体"]}},
        "令和8年度の状況(括弧内は前年度)。・A事業：62自治体(58自治体)",
        62,
        58,
    ),  # (括弧内は前年度) declares the brackets previous values
]


@pytest.mark.parametrize(("fields", "text", "value", "earlier"), PREVIOUS)
def test_previous_values_are_one_period_back(fields, text, value, earlier) -> None:
    actual, outcome = chosen(indicator(**fields), text)
    assert actual == pytest.approx(value), outcome.reason
    assert [p.value for p in outcome.trend][-2:] == pytest.approx([earlier, value])


def test_a_period_before_another_figure_dates_that_figure_only() -> None:
    rule = indicator(label="登録団体数", unit="団体", target=900, find={"label": ["登録団体"]})
    text = (
        "令和8年度末の登録団体数は、令和7年度末の812団体から百団体を超えて増加し、934団体となった。"
    )
    actual, outcome = chosen(rule, text)
    assert actual == 934, outcome.reason  # not 812 (令和7年度末) nor 百 (the change)
    assert outcome.period is not None and outcome.period.end == date(2027, 3, 31)


def test_a_change_written_before_its_figure() -> None:
    rule = indicator(label="実施自治体数", comparator="increase", target=None, unit="自治体")
    _, outcome = chosen(rule, "令和8年度の実施自治体数は、前年度比15自治体増の640自治体となった。")
    assert outcome.status == "achieved"
    assert outcome.target == pytest.approx(625)  # 640 − 15


def test_increase_target_uses_the_previous_value() -> None:
    rule = indicator(label="登録団体数", comparator="increase", target=None, unit="団体")
    _, outcome = chosen(rule, "令和8年度の登録団体数は2,415団体で、前年同期比＋35団体となった。")
    assert outcome.status == "achieved"
    assert outcome.target == pytest.approx(2380)  # 2,415 − 35


def test_two_alike_values_are_ambiguous_and_named() -> None:
    rule = indicator(label="相談件数", find={"label": ["相談件数"]})
    _, outcome = chosen(rule, "A窓口の相談件数は120件、B窓口の相談件数は150件であった。")
    assert outcome.reason_code == "ambiguous"
    assert "120件" in outcome.reason and "150件" in outcome.reason


def test_a_sibling_indicator_claims_the_figure_it_names_better() -> None:
    program = indicator(id="program", label="プログラム利用者の就職率", unit="%", target=80)
    mothers = indicator(id="mothers", label="重点支援対象者の就職率", unit="%", target=90)
    text = "本プログラム利用者の就職率は86.0%であった。"
    siblings = (program, mothers)
    found = {r.id: extract(r, text, "", siblings) for r in siblings}
    resolved = resolve_siblings(siblings, found)
    assert [o.value for o in resolved["program"].observations] == [86.0]
    assert resolved["mothers"].observations == ()


def test_the_target_cell_names_the_value() -> None:
    # The label says 配置数; the status text says 人員. The target cell's own words before
    # the target value (児童福祉司の人員を…) tell which figure is meant.
    rule = indicator(label="配置数", unit="人", target=7390, find={"label": ["配置"]})
    text = "令和8年度末の児童心理司は2,500人、児童福祉司の人員は7,401人となった。"
    actual, _ = chosen(rule, text, "令和8年度末までに児童福祉司の人員を7,390人程度とする。")
    assert actual == 7401


def test_explained_candidates_are_ranked_with_reasons() -> None:
    rule = indicator(label="相談件数", find={"label": ["相談件数"]})
    found = extract(rule, "アクセス件数は500件、相談件数は120件であった。")
    assert [c.observation.value for c in found.candidates][:1] == [120]
    assert found.candidates[0].score > found.candidates[1].score
    assert any("規則の語" in why for why in found.candidates[0].why)


SIMILARITY = [
    # (profile text, text, more similar than, why)
    ("相談件数", "相談の受付件数", "閲覧件数", "particles and inserted words cost little"),
    ("地域と連携", "地域との連携", "地域の行事", "both content pairs survive a particle"),
]


@pytest.mark.parametrize(("profile", "near", "far", "why"), SIMILARITY)
def test_bigram_coverage_survives_particles(profile, near, far, why) -> None:
    p = profile_of((profile, 1.0))
    assert p.coverage(bigrams(near)) > p.coverage(bigrams(far)), why


# --- sentences and bullet items ------------------------------------------------------------

# A bullet mark opens an item at the start or after white space or a full stop (the pattern
# the splitter once searched with, kept here as the definition).
_ITEM_START = re.compile(r"(?:(?<=^)|(?<=[\s。]))[・●○◆■※]")


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("・●○◆■※。 \n\u3000相談件数1,2%は")))
def test_sentences_start_where_the_definition_says(text: str) -> None:
    starts = {s.start for s in sentences_of(text)}
    for m in _ITEM_START.finditer(text):
        if text[m.start() :].strip():
            assert m.start() in starts or text[: m.start()].strip() == ""
    # and nowhere else: every sentence starts at 0, after 。 or a line end, or at an item mark
    for start in starts:
        assert start == 0 or text[start - 1] in "。\n" or _ITEM_START.match(text, start) is not None
