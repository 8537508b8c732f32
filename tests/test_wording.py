"""Reason codes → words: every code in both languages, each in its own script."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kpi_tracker.model import Reason
from kpi_tracker.render.gate import WORDS
from kpi_tracker.render.github import GATE_LINE, MORE, MORE_PARTS, SUMMARY
from kpi_tracker.render.wording import LANGS, REASONS, Wording

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# The parameters of each code, once in the document's words (for a Japanese report) and once
# in ASCII (for an English one), so that what the template itself says can be checked.
ACTUAL_JA = Reason.of("actual", actual=274285, unit="回", period="令和7年度", provisional=True)
ACTUAL_EN = Reason.of("actual", actual=274285, unit=" visits", period="FY2025", provisional=True)
GOAL_JA = Reason.of("goal_bound", threshold=300000, unit="回", comparator=">=", approximate=True)
GOAL_EN = Reason.of(
    "goal_bound", threshold=300000, unit=" visits", comparator=">=", approximate=True
)
DAY = date(2026, 3, 31)


def examples(ja: bool) -> dict[str, Reason]:
    unit = "人" if ja else " people"
    words = "令和7年度" if ja else "FY2025"
    actual, goal = (ACTUAL_JA, GOAL_JA) if ja else (ACTUAL_EN, GOAL_EN)
    ref = Reason.of("ref_baseline", period=words, value=100, unit=unit)
    return {
        "no_value": Reason("no_value"),
        "no_number": Reason("no_number"),
        "pending": Reason.of("pending", what=words, actual=12, unit=unit, period=words),
        "unit_mismatch": Reason.of("unit_mismatch", found=unit, unit=unit),
        "only_later_values": Reason.of("only_later_values", as_of=DAY),
        "ambiguous": Reason.of("ambiguous", values=(1.0, 2.0), unit=unit),
        "partial_period": Reason.of("partial_period", actual=5, unit=unit, period=words, days=183),
        "partial_year": Reason.of("partial_year", actual=5, unit=unit),
        "share_base_missing": Reason.of("share_base_missing", share_of="base-id"),
        "share_base_zero": Reason("share_base_zero"),
        "no_baseline": Reason.of("no_baseline", actual=5, unit=unit),
        "actual": actual,
        "ref_baseline": ref,
        "ref_previous": Reason.of("ref_previous", when=DAY, value=100, unit=unit),
        "ref_document": Reason.of("ref_document", when=DAY, value=100, unit=unit),
        "ref_previous_report": Reason.of("ref_previous_report", when=DAY, value=100, unit=unit),
        "goal_reference": Reason.of(
            "goal_reference", ref=ref, comparator="increase", threshold=110, unit=unit
        ),
        "goal_reduce": Reason.of(
            "goal_reduce",
            reference=100,
            ratio=0.5,
            threshold=50,
            unit=unit,
            comparator="reduce_by_ratio",
        ),
        "goal_bound": goal,
        "met": Reason.of("met", actual=actual, goal=goal),
        "not_met": Reason.of("not_met", actual=actual, goal=goal),
        "overdue": Reason.of("overdue", actual=actual, goal=goal, deadline=DAY),
        "on_track": Reason.of(
            "on_track",
            actual=actual,
            goal=goal,
            first_when=date(2024, 3, 31),
            first_value=10,
            unit=unit,
            ratio=1.234,
            deadline=date(2028, 3, 31),
        ),
        "not_on_track": Reason.of(
            "not_on_track",
            actual=actual,
            goal=goal,
            deadline=date(2028, 3, 31),
            trend=Reason.of("trend_slow", ratio=0.5),
        ),
        "trend_no_past": Reason("trend_no_past"),
        "trend_slow": Reason.of("trend_slow", ratio=0.5),
        "trend_short": Reason("trend_short"),
        "rate_differs": Reason.of("rate_differs", year=2024, published=80, computed=106.7),
        "qualitative": Reason.of("qualitative", result=words),
        "no_target": Reason("no_target"),
        "not_one_number": Reason.of("not_one_number", text=words),
        "reference_indicator": Reason("reference_indicator"),
        "growth_without_baseline": Reason.of("growth_without_baseline", text=words),
        "whole_without_total": Reason.of("whole_without_total", text=words),
        "published_differs": Reason.of("published_differs", published=words, status="behind"),
        "goal_times": Reason.of("goal_times", text=words, base=8.2, times=2),
        "goal_previous_year": Reason.of("goal_previous_year", text=words),
        "goal_by": Reason.of("goal_by", text=words, by=1, unit=unit),
        "goal_all": Reason.of("goal_all", text=words),
        "goal_whole": Reason.of("goal_whole", text=words, what=words, size=1741),
        "no_target_for_year": Reason.of("no_target_for_year", year=2025),
        "target_not_number": Reason.of("target_not_number", text=words),
        "no_direction": Reason("no_direction"),
        "no_direction_or_baseline": Reason("no_direction_or_baseline"),
        "direction_from_first_actual": Reason.of("direction_from_first_actual", up=True),
        "direction_from_baseline": Reason.of("direction_from_baseline", up=False),
        "direction_equal": Reason("direction_equal"),
        "no_rule": Reason("no_rule"),
        "no_indicator": Reason("no_indicator"),
        "as_written": Reason.of("as_written", text=words),
        "labelled": Reason.of("labelled", label=words, reason=Reason("no_value")),
        "all_unmeasurable": Reason.of(
            "all_unmeasurable",
            items=(Reason.of("labelled", label=words, reason=Reason("no_value")),),
        ),
    }


def test_every_code_has_both_languages_and_an_example() -> None:
    assert set(examples(True)) == set(REASONS) == set(examples(False))
    for code, table in REASONS.items():
        assert set(table) == set(LANGS), code
        assert re.fullmatch(r"[a-z][a-z_]*", code), code  # stable English snake_case


@pytest.mark.parametrize("code", sorted(REASONS))
@pytest.mark.parametrize("dates", ["iso", "wareki"])
def test_japanese_reasons_are_japanese(code: str, dates: str) -> None:
    said = Wording("ja", dates).reason(examples(True)[code])
    assert said.strip()
    assert CJK.search(said), said
    assert not LATIN_WORD.search(said.replace("base-id", "")), said  # no English word


@pytest.mark.parametrize("code", sorted(REASONS))
def test_english_reasons_are_english(code: str) -> None:
    said = Wording("en", "iso").reason(examples(False)[code])
    assert said.strip()
    assert not CJK.search(said), said  # no Japanese from the template
    if code not in ("as_written",):  # the rules file's own words, in their author's language
        assert LATIN_WORD.search(said), said


@pytest.mark.parametrize(
    ("reason", "lang", "dates", "said"),
    [
        # (reason, language, dates, the words)  # why
        (
            examples(True)["overdue"],
            "ja",
            "iso",
            "実績 274,285回(令和7年度、見込み・速報値)は目標(300,000回以上(程度))に届かず、"
            "期限(2026-03-31)を過ぎている",
        ),  # JSON: ISO dates, as before reason codes
        (
            examples(True)["overdue"],
            "ja",
            "wareki",
            "実績 274,285回(令和7年度、見込み・速報値)は目標(300,000回以上(程度))に届かず、"
            "期限(令和7年度末)を過ぎている",
        ),  # a report read by people: 和暦, a deadline as plans write it
        (
            examples(False)["overdue"],
            "en",
            "iso",
            "actual 274,285 visits (FY2025, provisional) falls short of the target (at least "
            "300,000 visits (approximately)) and the deadline (2026-03-31) has passed",
        ),
        (
            Reason("no_value").noted(Reason.of("direction_from_baseline", up=True)),
            "ja",
            "iso",
            "実績値の記述がない(方向は基準値→目標値から上向きと推定)",
        ),  # a note in brackets
        (
            Reason("no_value").noted(Reason.of("direction_from_baseline", up=True)),
            "en",
            "iso",
            "no actual value is reported (direction upward, inferred from the baseline to the "
            "target)",
        ),
        (
            Reason.of("rate_differs", year=2024, published=80, computed=106.7),
            "ja",
            "wareki",
            "令和6年度の達成率: 公表 80%、実績と目標値からの算出 106.7%",
        ),
    ],
)
def test_reasons_as_said(reason: Reason, lang: str, dates: str, said: str) -> None:
    assert Wording(lang, dates).reason(reason) == said


def test_an_unknown_code_is_an_error_not_a_guess() -> None:
    with pytest.raises(KeyError, match="no wording for reason code 'nonsense'"):
        Wording().reason(Reason("nonsense"))


def _template_text(text: str) -> str:
    """A message with its placeholders and option names taken out: what the table says."""
    return re.sub(r"\{[a-z_]+\}|--[a-z-]+|job summary", "", text)


@pytest.mark.parametrize(
    "table",
    [
        WORDS,
        MORE,
        SUMMARY,
        {k: "".join(v) for k, v in GATE_LINE.items()},
        {k: "".join(v) for k, v in MORE_PARTS.items()},
    ],
    ids=["gate", "more", "summary", "gate_line", "more_parts"],
)
def test_gate_messages_speak_one_language(table) -> None:
    for lang in ("ja", "en"):
        texts = table[lang].values() if isinstance(table[lang], dict) else [table[lang]]
        for text in texts:
            bare = _template_text(text)
            if lang == "ja":
                assert not LATIN_WORD.search(bare), text
            else:
                assert not CJK.search(bare), text


def test_a_value_that_rose_is_never_called_worse(seed_scorecard) -> None:
    """An accepted miss that became overdue while its value rose (41 → 44) is overdue now,
    not worse (issue: `overdue (worse than when accepted (41都道府県): now overdue)`)."""
    from dataclasses import replace

    from kpi_tracker.judge.baseline import Accepted, Failure
    from kpi_tracker.render.gate import regression_text

    o = next(o for o in seed_scorecard.indicators if o.indicator.id == "local-platform-prefectures")
    failure = Failure(
        replace(o, actual=44.0), "worsened", Accepted(o.indicator.id, 142, "behind", False, 41.0)
    )
    ja, en = regression_text(failure, "ja"), regression_text(failure, "en")
    assert ja == "受け入れ時は期限前、今は期限超過(受け入れ時 41都道府県、今回 44都道府県)"
    assert en == "overdue now, not when accepted (then 41都道府県, now 44都道府県)"
    assert "悪化" not in ja and "worse" not in en
