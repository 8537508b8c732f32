"""Extraction and evaluation on small texts: each comparison, each reason, trends."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_tracker.extract.candidates import extract, sentences_of
from kpi_tracker.judge.outcome import evaluate_indicator
from kpi_tracker.judge.trend import TrendPoint
from kpi_tracker.model import Indicator

from .helpers import indicator, said

AS_OF = date(2026, 3, 31)


def run(rule: Indicator, text: str, **kw):
    return evaluate_indicator(rule, 1, extract(rule, text), AS_OF, **kw)


# 半減: 1,327人 (the baseline) halved by the deadline.
HALVE_DEATHS = {
    "comparator": "reduce_by_ratio",
    "target": None,
    "ratio": 0.5,
    "baseline": {"value": 1327},
    "unit": "人",
    "find": {"label": ["死亡者数"]},
}

COMPARISONS = [
    # (rule fields, status text, status, reason code)  # why
    ({}, "令和7年度の件数は120件。", "achieved", "met"),
    ({}, "令和7年度の件数は100件。", "achieved", "met"),  # >= includes equality
    ({"comparator": ">"}, "令和7年度の件数は100件。", "behind", "not_met"),  # > does not
    (
        {"comparator": "<=", "target": 21.1, "unit": "%", "find": {"label": ["割合"]}},
        "令和7年度の割合は20.8%。",
        "achieved",
        "met",
    ),
    (
        {"comparator": "<", "target": 20, "unit": "%", "find": {"label": ["割合"]}},
        "令和7年度の割合は20%。",
        "behind",
        "not_met",
    ),
    (
        {"comparator": "increase", "target": None, "baseline": {"value": 90}},
        "令和7年度の件数は91件。",
        "achieved",
        "met",
    ),
    (
        {"comparator": "increase", "target": None, "baseline": {"value": 90}},
        "令和7年度の件数は90件。",
        "behind",
        "not_met",
    ),  # equal is no increase
    (
        {"comparator": "decrease", "target": None, "baseline": {"value": 90}},
        "令和7年度の件数は80件。",
        "achieved",
        "met",
    ),
    (
        {"comparator": "increase", "target": None},  # against the previous value in the text
        "令和7年度の件数は110件(対前年度比10件増)。",
        "achieved",
        "met",
    ),
    (
        {"comparator": "increase", "target": None},
        "件数: 約527万件(令和7年4月～令和8年3月)前年度比22.4%減",
        "behind",
        "not_met",
    ),
    (
        {"comparator": "increase", "target": None, "by_ratio": 0.1},  # 1割以上の増加
        "令和7年度の件数は1,015件(対前年度比25%増)。",
        "achieved",
        "met",
    ),
    (
        {"comparator": "increase", "target": None, "by_ratio": 0.1},
        "令和7年度の件数は1,050件(対前年度比5%増)。",
        "behind",
        "not_met",
    ),
    (HALVE_DEATHS, "令和7年の死亡者数は600人。", "achieved", "met"),  # ≤ 663.5人
    (HALVE_DEATHS, "令和7年の死亡者数は1,513人。", "behind", "not_met"),  # above the baseline
    ({"tolerance": 0.05}, "令和7年度の件数は96件。", "achieved", "met"),  # 100件程度
    (
        {"find": {"label": ["件数"], "value": "change"}, "target": 300000, "unit": "人"},
        "令和元年から令和6年までの間に件数は11万人増となった。",
        "behind",
        "not_met",
    ),
]


@pytest.mark.parametrize(("fields", "text", "status", "code"), COMPARISONS)
def test_comparisons(fields, text, status, code) -> None:
    outcome = run(indicator(**fields), text)
    assert (outcome.status, outcome.reason_code) == (status, code), said(outcome)


NOT_MEASURABLE = [
    # (rule fields, text, reason code)  # why
    ({}, "研修を実施した。", "no_value"),
    ({}, "件数は増加した。", "no_value"),  # the words are there, the number is not
    ({}, "令和7年度の件数は集計中である。", "pending"),
    # the deadline's own value is still being counted
    (
        {"deadline": "令和7年度"},
        "件数は、令和7年度については集計中であるが、令和6年度は90件であった。",
        "pending",
    ),
    ({"find": {"label": ["件数"], "units": ["件"]}, "unit": "件"}, "件数は90人。", "no_value"),
    ({}, "電話件数: 10件(令和7年度) メール件数: 20件(令和7年度)", "ambiguous"),
    ({"comparator": "increase", "target": None}, "令和7年度の件数は91件。", "no_baseline"),
]


@pytest.mark.parametrize(
    ("fields", "text", "status"),
    [
        # no deadline, or a later one: a value still being counted does not hide the latest
        ({}, "件数は、令和7年度については集計中であるが、令和6年度は90件であった。", "behind"),
        (
            {"deadline": "令和12年度末"},
            "令和6年度の件数は90件。令和7年度分は集計中。",
            "behind",
        ),
    ],
)
def test_a_later_value_being_counted_leaves_the_latest_judged(fields, text, status) -> None:
    outcome = run(indicator(**fields), text)
    assert outcome.status == status and outcome.actual == 90, said(outcome)


@pytest.mark.parametrize(("fields", "text", "code"), NOT_MEASURABLE)
def test_not_measurable_reasons(fields, text, code) -> None:
    outcome = run(indicator(**fields), text)
    assert (outcome.status, outcome.reason_code) == ("not_measurable", code), said(outcome)
    assert said(outcome)


def test_unit_mismatch_reason() -> None:
    rule = indicator(find={"label": ["件数"], "units": ["件"]}, unit="件")
    extraction = extract(rule, "令和7年度の件数は90件。")
    from dataclasses import replace

    wrong = replace(
        extraction, observations=tuple(replace(o, unit="person") for o in extraction.observations)
    )
    outcome = evaluate_indicator(rule, 1, wrong, AS_OF)
    assert outcome.reason_code == "unit_mismatch"


def test_overdue_vs_not() -> None:
    text = "令和7年度の件数は90件。"
    past = run(indicator(deadline="令和7年度"), text)
    future = run(indicator(deadline="令和8年度末"), text)
    assert (past.status, past.overdue) == ("behind", True)
    assert (future.status, future.overdue) == ("behind", False)
    assert past.deadline == date(2026, 3, 31) and future.deadline == date(2027, 3, 31)


def test_every_year_deadline_is_the_observation_year() -> None:
    outcome = run(indicator(every_year=True), "令和6年度の件数は90件。")
    assert outcome.overdue and outcome.deadline == date(2025, 3, 31)


def test_on_track_from_series_in_text() -> None:
    text = "件数は、令和6年度末時点で8,277件であり、令和5年度末時点の7,179件から増加。"
    outcome = run(indicator(target=12000, deadline="令和12年度末"), text)
    assert outcome.status == "on_track"
    assert [p.value for p in outcome.trend] == [7179, 8277]
    assert outcome.growth_ratio and outcome.growth_ratio >= 0.95


def test_behind_when_trend_too_slow() -> None:
    text = "件数は、令和6年度末時点で7,200件であり、令和5年度末時点の7,179件から増加。"
    outcome = run(indicator(target=12000, deadline="令和12年度末"), text)
    assert (outcome.status, outcome.overdue) == ("behind", False)
    assert outcome.growth_ratio is not None and outcome.growth_ratio < 0.95


def test_on_track_from_history() -> None:
    history = (TrendPoint(date(2025, 3, 31), 50.0, "history"),)
    outcome = run(
        indicator(target=100, deadline="令和9年度末"), "令和7年度の件数は80件。", history=history
    )
    assert outcome.status == "on_track"


def test_series_keeps_every_value() -> None:
    text = "件数は50,176件(令和6年度)、48,952件(令和5年度)、44,764件(令和4年度)。"
    extraction = extract(indicator(), text)
    assert [(o.value, o.period.text) for o in extraction.observations] == [
        (50176, "令和6年度"),
        (48952, "令和5年度"),
        (44764, "令和4年度"),
    ]
    outcome = run(indicator(target=60000, deadline="令和8年度末"), text)
    assert outcome.actual == 50176 and len(outcome.trend) == 3


def test_relative_statements_are_observations() -> None:
    extraction = extract(
        indicator(unit="%", find={"label": ["取得率"]}),
        "令和6年度における取得率は40.5%(前年度比+約10ポイント)であった。",
    )
    (level,) = extraction.observations
    ((_, change),) = extraction.changes
    assert (level.value, change.value, change.change, change.approx) == (40.5, 10, "points", True)


def test_provisional_values() -> None:
    outcome = run(
        indicator(unit="人", find={"label": ["配置数"]}), "令和7年度末の配置数：6,866人（見込み）"
    )
    assert outcome.provisional and "見込み" in said(outcome)


def test_future_values_are_not_used() -> None:
    text = "令和8年度中に設置予定の団体も含めると46件となる見込みである。"
    assert run(indicator(), text).reason_code == "no_value"


def test_april_first_counts_for_the_year_before() -> None:
    outcome = run(indicator(deadline="令和7年度"), "令和8年4月1日時点で件数は44件であった。")
    assert outcome.status == "behind" and outcome.actual == 44


def test_sentences_and_bullets() -> None:
    parts = sentences_of("以下のとおり。 ・結婚、妊娠・出産は96% ・結婚支援は100%")
    assert [p.text.strip() for p in parts] == [
        "以下のとおり。",
        "・結婚、妊娠・出産は96%",
        "・結婚支援は100%",
    ]
    assert parts[2].lead_in == "以下のとおり。"


def test_topic_and_label_separate_bullets() -> None:
    text = (
        "取組は以下のとおり。 ・機運醸成に取り組んだのは、都道府県においては96%(45都道府県)、"
        "市区町村においては12%(211市区町村) ・結婚支援に取り組んだのは、都道府県においては100%"
    )
    pref = indicator(unit="%", target=100, find={"topic": ["機運醸成"], "label": ["都道府県"]})
    muni = indicator(unit="%", target=80, find={"topic": ["機運醸成"], "label": ["市区町村"]})
    assert run(pref, text).actual == 96
    assert run(muni, text).actual == 12


def test_notes_are_not_values() -> None:
    text = "令和元年から令和6年までの間に、件数は11万人増。 ※役員が20万人増加したことは件数に含む。"
    rule = indicator(find={"label": ["件数"], "value": "change"}, target=300000, unit="人")
    assert run(rule, text).actual == 110000


def test_restated_target_is_not_a_value() -> None:
    text = "令和7年度の件数は、目標の120件に対し98件であった。"
    outcome = run(indicator(target=120, deadline="令和7年度"), text)
    assert (outcome.actual, outcome.status) == (98, "behind")
    text = "令和7年度の件数は98件で、120件という目標には届かなかった。"
    assert run(indicator(target=120), text).actual == 98


def test_bracketed_period_after_a_time_word_dates_the_number() -> None:
    text = "令和7年度の件数は274,285件、前年度(令和6年度)は250,000件であった。"
    outcome = run(indicator(target=300000, deadline="令和8年度末"), text)
    assert outcome.actual == 274285  # not ambiguous: 250,000 is 令和6年度
    assert [p.value for p in outcome.trend] == [250000, 274285]


def test_part_year_value_of_a_yearly_flow() -> None:
    flow = indicator(kind="flow", target=300000, deadline="令和8年度")
    part = run(flow, "件数:210,000件(令和7年4月～令和7年12月)")
    assert (part.status, part.reason_code) == ("not_measurable", "partial_period")
    whole = run(flow, "件数:274,285件(令和7年4月～令和8年3月)")
    assert whole.status == "behind"
    stock = run(
        indicator(target=300000, deadline="令和8年度"), "件数:210,000件(令和7年4月～令和7年12月)"
    )
    assert stock.status == "behind"  # a stock at a date is what it is


SHARES = [
    # (rule fields, status text, attainment, progress)  # why
    ({}, "令和7年度の件数は80件。", 0.8, None),  # no baseline: 達成率 only
    (
        {"baseline": {"value": 60}},
        "令和7年度の件数は80件。",
        0.8,
        0.5,
    ),  # 60 → 100: half the way, though 80% of the target
    (
        {"comparator": "<=", "baseline": {"value": 150}},
        "令和7年度の件数は120件。",
        0.833,
        0.6,
    ),  # lower is better: target ÷ actual; 150 → 100 is 60% done at 120
    (
        {"comparator": "increase", "target": None, "baseline": {"value": 100}, "by_ratio": 0.1},
        "令和7年度の件数は105件。",
        0.955,
        0.5,
    ),  # 1割増 of 100: the way is 100 → 110
    (
        {"comparator": "increase", "target": None, "baseline": {"value": 100}},
        "令和7年度の件数は105件。",
        1.05,
        None,
    ),  # a plain 増加: the target is the baseline itself, no way to share
    (
        {"comparator": "decrease", "target": None, "baseline": {"value": 100}},
        "令和7年度の件数は90件。",
        1.111,
        None,
    ),
    (
        {**HALVE_DEATHS, "baseline": {"value": 1000}},
        "令和7年の死亡者数は800人。",
        0.625,
        0.4,
    ),  # 半減 of 1,000: 1,000 → 500, 40% of the way at 800
    (
        {"baseline": {"value": 60}},
        "令和7年度の件数は50件。",
        0.5,
        -0.25,
    ),  # moved away from the target: negative progress
]


@pytest.mark.parametrize(("fields", "text", "attainment", "progress"), SHARES)
def test_attainment_and_progress_are_two_numbers(fields, text, attainment, progress) -> None:
    outcome = run(indicator(**fields), text)
    assert (outcome.attainment, outcome.progress) == (attainment, progress), said(outcome)


def test_no_share_without_a_value() -> None:
    outcome = run(indicator(), "件数の記載なし。")
    assert (outcome.attainment, outcome.progress) == (None, None)
