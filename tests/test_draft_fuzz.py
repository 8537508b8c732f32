"""``rules draft`` writes a file that validates as written, whatever the target cell says
(issue 22, D33: a ▲100人 target drafted as ``target: -100``, which validation refuses)."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_tracker.read.document import load_document
from kpi_tracker.rules.draft import draft_rules
from kpi_tracker.rules.schema import validate

from .helpers import seed_lines

_LINES = seed_lines()
_HEADER = next(i for i, line in enumerate(_LINES) if line.startswith("施策No."))
_ROW = next(i for i, line in enumerate(_LINES) if line.startswith("8\t"))


def _draft_of(target_cell: str) -> str:
    """The draft of a table whose one measure has this target cell."""
    cells = _LINES[_ROW].split("\t")
    cells[3] = target_cell
    text = "\n".join([*_LINES[: _HEADER + 1], "\t".join(cells)]) + "\n"
    draft = draft_rules(load_document(io.BytesIO(text.encode("utf-8")), source="fuzz.txt"))
    assert draft.items or draft.unmeasured, target_cell
    return draft.text()


# (target cell, what the draft must say)  # why
@pytest.mark.parametrize(
    "cell, expected",
    [
        ("令和8年度までに▲100人を目標とする", ["comparator: decrease", "by: 100"]),  # ▲: a fall
        ("令和8年度までに△100人を目標とする", ["comparator: decrease", "by: 100"]),
        ("令和8年度までに-100人を目標とする", ["comparator: decrease", "by: 100"]),
        ("前年度比▲5%を目指す", ["comparator: decrease", "by_ratio: 0.05"]),  # a share of it
    ],
)
def test_negative_target_is_a_fall(cell: str, expected: list[str]) -> None:
    text = _draft_of(cell)
    validate(text, "draft")
    for line in expected:
        assert f"      {line}\n" in text, text
    assert "# review:" in text  # a person checks the reading
    assert "target: -" not in text


FRAGMENTS = [
    "令和8年度までに",
    "令和7年度末までに",
    "2030年までに",
    "毎年度",
    "前年度比",
    "(令和6年度",
    "基準)",
    "▲",
    "△",
    "−",
    "-",
    "+",
    "約",
    "100",
    "1,000",
    "5",
    "0",
    "3.5",
    "1/2",
    "2人に1人",
    "人",
    "%",
    "件",
    "か所",
    "万人",
    "割",
    "倍",
    "ポイント",
    "以上",
    "以下",
    "未満",
    "超",
    "増加",
    "減少",
    "削減",
    "半減",
    "倍増",
    "維持",
    "を目標とする",
    "を目指す",
    "とする",
    "、",
    "。",
    "に占める割合",
    "の",
    "相談件数",
    "自殺者数",
    "認知度",
    "実施自治体数",
    "全国",
]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12))
def test_any_target_cell_drafts_a_valid_file(pieces: list[str]) -> None:
    validate(_draft_of("".join(pieces)), "draft")
