"""``rules draft`` measured against the hand-written rules of the seed plan.

The hand file is read as it is now (others may add indicators to it): the figures follow it.

- reproduced: hand indicators the draft has with the same comparator, target value, unit and
  deadline (the deadline compared by its last day: 令和7年度 and 令和7年度末 are one day);
- statuses: the scorecard from the draft alone against the one from the hand rules, over the
  hand indicators the draft reproduced (matched by measure + comparator + target);
- wrong: drafted indicators whose target value differs from the hand indicator they stand
  for (same measure, comparator and unit). A target the draft left out is not wrong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from kpi_tracker import load_document, load_rules
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.model import Indicator
from kpi_tracker.rules.compiled import LoadedRules
from kpi_tracker.rules.draft import draft_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
HAND = ROOT / "rules" / "kodoku_koritsu.yaml"


@dataclass(frozen=True)
class Figures:
    hand: int
    drafted: int
    reproduced: list[tuple[int, str, str]]  # (measure, hand id, draft id)
    missed: list[tuple[int, str, str]]  # (measure, hand id, why)
    same_status: int
    status_differs: list[tuple[int, str, str, str]]  # (measure, hand id, hand, draft)
    wrong: list[tuple[int, str, str]]  # (measure, draft id, what)


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-3)


def _same_goal(hand: Indicator, draft: Indicator) -> bool:
    return (
        hand.comparator == draft.comparator
        and _same_value(hand.target, draft.target)
        and hand.pint_unit == draft.pint_unit
        and hand.deadline_end == draft.deadline_end
        and _same_value(hand.ratio, draft.ratio)
    )


def _overlap(a: str, b: str) -> int:
    return len(set(a) & set(b))


def measure_draft(hand: LoadedRules, drafted: LoadedRules, document) -> Figures:
    reproduced, missed, wrong = [], [], []
    pairs: list[tuple[int, Indicator, Indicator]] = []
    for no, hand_inds in sorted(hand.rules.measures.items()):
        left = list(drafted.rules.measures.get(no, ()))
        for h in hand_inds:
            fits = [d for d in left if _same_goal(h, d)]
            if fits:
                best = max(fits, key=lambda d: _overlap(h.label, d.label))
                left.remove(best)
                reproduced.append((no, h.id, best.id))
                pairs.append((no, h, best))
                continue
            near = [d for d in left if d.comparator == h.comparator]
            why = "no drafted indicator with this comparator"
            if near:
                d = max(near, key=lambda d: _overlap(h.label, d.label))
                why = (
                    f"drafted {d.id}: target {d.target} {d.unit} deadline {d.deadline}"
                    f" / hand {h.target} {h.unit} deadline {h.deadline}"
                )
                if (
                    h.pint_unit == d.pint_unit
                    and h.target is not None
                    and d.target is not None
                    and not _same_value(h.target, d.target)
                ):
                    wrong.append((no, d.id, why))
            missed.append((no, h.id, why))
    status_hand = {o.indicator.id: o.status for o in evaluate(document, hand).indicators}
    status_draft = {o.indicator.id: o.status for o in evaluate(document, drafted).indicators}
    same, differs = 0, []
    for no, h, d in pairs:
        if status_hand[h.id] == status_draft[d.id]:
            same += 1
        else:
            differs.append((no, h.id, status_hand[h.id], status_draft[d.id]))
    return Figures(
        hand=len(hand.indicators()),
        drafted=len(drafted.indicators()),
        reproduced=reproduced,
        missed=missed,
        same_status=same,
        status_differs=differs,
        wrong=wrong,
    )


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> Figures:
    document = load_document(SEED)
    path = tmp_path_factory.mktemp("draft") / "draft.yaml"
    path.write_text(draft_rules(document).text(), encoding="utf-8")
    return measure_draft(load_rules(HAND), load_rules(path), document)


def test_draft_reproduces_nine_in_ten_hand_indicators(figures: Figures) -> None:
    share = len(figures.reproduced) / figures.hand
    assert share >= 0.9, (share, figures.missed)


def test_draft_scorecard_agrees_with_the_hand_rules_on_nine_in_ten(figures: Figures) -> None:
    share = figures.same_status / len(figures.reproduced)
    assert share >= 0.9, (share, figures.status_differs)


def test_draft_states_no_wrong_target(figures: Figures) -> None:
    assert figures.wrong == []


if __name__ == "__main__":  # python tests/test_rules_draft_seed.py: the figures for the docs
    import tempfile

    doc = load_document(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "draft.yaml"
        p.write_text(draft_rules(doc).text(), encoding="utf-8")
        f = measure_draft(load_rules(HAND), load_rules(p), doc)
    print(f"hand {f.hand}, drafted {f.drafted}")
    print(f"reproduced {len(f.reproduced)}/{f.hand} = {len(f.reproduced) / f.hand:.1%}")
    print(
        f"same status {f.same_status}/{len(f.reproduced)}"
        f" = {f.same_status / max(1, len(f.reproduced)):.1%}"
    )
    print(f"wrong {len(f.wrong)}")
    for m in f.missed:
        print("missed", *m)
    for m in f.status_differs:
        print("status", *m)
    for m in f.wrong:
        print("wrong", *m)
