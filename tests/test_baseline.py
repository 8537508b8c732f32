"""Accepted misses: the gate fails only on new misses and on accepted ones that got worse."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kpi_tracker.judge.baseline import Accepted, BaselineError, baseline_json, gate, read_baseline
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document
from kpi_tracker.render.wording import Wording

from .helpers import SEED, write_variant


@pytest.fixture(scope="module")
def card(seed_rules):
    return evaluate(load_document(SEED), seed_rules)


@pytest.fixture
def accepted_overdue(card, tmp_path: Path):
    path = tmp_path / ".kpi-baseline.json"
    path.write_text(baseline_json(card, "overdue", Wording("ja", "iso").reason), encoding="utf-8")
    return read_baseline(path)


def test_the_baseline_records_what_the_gate_flags(card, accepted_overdue) -> None:
    # The reference report has 15 overdue targets (24 behind in all) at the time of writing.
    assert len(accepted_overdue.accepted) == len(card.flagged("overdue")) > 0
    assert accepted_overdue.accepted["bullying-school-training-share"] == Accepted(
        "bullying-school-training-share", 24, "behind", True, 86.9
    )
    assert accepted_overdue.report["fiscal_year"] == 2025
    assert accepted_overdue.fail_on == "overdue"


def test_same_document_passes_with_its_baseline(card, accepted_overdue) -> None:
    verdict = gate(card, "overdue", accepted_overdue)
    accepted = len(card.flagged("overdue"))
    assert (verdict.failed(), len(verdict.accepted), verdict.resolved) == (False, accepted, ())


def test_without_a_baseline_every_flagged_target_fails(card) -> None:
    verdict = gate(card, "overdue")
    assert [f.why for f in verdict.failures] == ["new"] * len(card.flagged("overdue"))


def test_a_stricter_gate_fails_on_misses_the_baseline_did_not_accept(
    card, accepted_overdue
) -> None:
    # Accepted under --fail-on overdue; --fail-on behind also flags the 9 not yet overdue.
    verdict = gate(card, "behind", accepted_overdue)
    behind_only = len(card.flagged("behind")) - len(card.flagged("overdue"))
    assert len(verdict.failures) == behind_only > 0 and {f.why for f in verdict.failures} == {"new"}


VARIANTS = [
    # (status cell rewrite, failing ids and why)  # why
    (
        {128: ("受講者の90.6%", "受講者の70.6%")},
        [("telework-seminar-understanding", "new")],
    ),  # achieved → overdue miss
    (
        {24: ("86.9%となり", "80.9%となり")},
        [("bullying-school-training-share", "moved_away")],
    ),  # fell further from 90%
    ({24: ("86.9%となり", "88.9%となり")}, []),  # still missed, but closer: stays accepted
]


@pytest.mark.parametrize(("rewrite", "failing"), VARIANTS)
def test_variants(tmp_path: Path, seed_rules, accepted_overdue, rewrite, failing) -> None:
    variant = evaluate(load_document(write_variant(tmp_path, rewrite)), seed_rules)
    verdict = gate(variant, "overdue", accepted_overdue)
    assert [(f.outcome.indicator.id, f.why) for f in verdict.failures] == failing


def test_a_lower_is_better_target_regresses_when_the_value_rises(card) -> None:
    # 施策114: 1,513人 against a ≤ 663.5人 target; accepted at 1,400 it moved away.
    o = next(o for o in card.indicators if o.indicator.id == "heatstroke-deaths-5yr-average")
    from kpi_tracker.judge.baseline import Baseline

    base = Baseline(
        "b.json",
        {},
        "behind",
        {o.indicator.id: Accepted(o.indicator.id, 114, "behind", False, 1400.0)},
    )
    assert [f.why for f in gate(card, "behind", base).failures if f.outcome is o] == ["moved_away"]
    lower = replace(
        base, accepted={o.indicator.id: Accepted(o.indicator.id, 114, "behind", False, 1600.0)}
    )
    assert [f for f in gate(card, "behind", lower).failures if f.outcome is o] == []


def test_an_accepted_miss_that_became_overdue_worsened(card, accepted_overdue) -> None:
    was = accepted_overdue.accepted["bullying-school-training-share"]
    base = replace(accepted_overdue, accepted={was.id: replace(was, overdue=False)})
    verdict = gate(card, "overdue", base)
    assert ("bullying-school-training-share", "worsened") in [
        (f.outcome.indicator.id, f.why) for f in verdict.failures
    ]


def test_accepted_misses_that_are_met_now_are_resolved(card, accepted_overdue) -> None:
    extra = Accepted("mamorouyo-kokoro-pv", 8, "behind", False, 1.0)  # achieved today
    base = replace(accepted_overdue, accepted={**accepted_overdue.accepted, extra.id: extra})
    assert gate(card, "overdue", base).resolved == ("mamorouyo-kokoro-pv",)


def test_a_baseline_of_another_plan_is_said(card, accepted_overdue) -> None:
    other = replace(accepted_overdue, report={"plan": "別の計画"})
    assert gate(card, "overdue", other).warnings == (
        f"{other.path}: the baseline is for 「別の計画」, the document is 「{card.document.plan}」",
    )


BAD = [
    # (content, error after "<path>: ")  # what is wrong
    (
        "{",
        "not a baseline (JSON): Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
    ),
    ("[]", "not a kpi-tracker baseline (version 1); write one with check --update-baseline"),
    ('{"kpi_tracker_baseline": 1, "accepted": []}', "accepted: must be an object of indicator ids"),
    (
        '{"kpi_tracker_baseline": 1, "accepted": {"x": {"measure": 1}}}',
        "accepted.x: bad or missing field 'actual'",
    ),
]


@pytest.mark.parametrize(("content", "error"), BAD)
def test_bad_baselines_name_the_file(tmp_path: Path, content: str, error: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    assert str(info.value) == f"{path}: {error}"


def test_the_file_is_stable_json(card) -> None:
    data = json.loads(baseline_json(card, "overdue", Wording("ja", "iso").reason))
    assert list(data) == ["kpi_tracker_baseline", "report", "fail_on", "accepted"]
    assert list(data["accepted"])[:2] == [
        "bullying-school-training-share",
        "freelance-consultation-satisfaction",
    ]
