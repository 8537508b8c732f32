"""The one tokenizer of typed spans (text/spans.py), shared by the readers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker.extract.candidates import sentences_of
from kpi_tracker.rules.target_text import split_statements
from kpi_tracker.text.numbers import find_quantities
from kpi_tracker.text.periods import find_periods
from kpi_tracker.text.spans import BULLET, END, NOTE, NUMBER, PERIOD, tokenize

CELL = (
    "令和8年度の相談件数は5万9,000人(前年度比3.2%増)。 ・うち電話(速報値)は約1万2千件"
    " ②SNS:３，１２０件(令和9年3月末時点) ※前年度は集計中"
)


def test_a_cell_read_once_into_typed_spans() -> None:
    spans = tokenize(CELL)
    numbers = [(s.quantity.value, s.quantity.unit) for s in spans.of(NUMBER) if s.quantity]
    assert numbers == [
        (59000, "person"),
        (3.2, "percent"),
        (12000, "case"),
        (3120, "case"),
    ]
    assert [s.period.text for s in spans.of(PERIOD) if s.period] == ["令和8年度", "令和9年3月末"]
    kinds = [(s.kind, spans.norm[s.start : s.end]) for s in spans.of(END, BULLET, NOTE)]
    assert kinds == [("end", "。"), ("bullet", "・"), ("bullet", "②"), ("note", "※")]
    # depth: the change is inside the first bracket, the value is not
    change = next(s for s in spans.of(NUMBER) if s.quantity and s.quantity.value == 3.2)
    assert change.depth == 1 and spans.depth_at(spans.norm.index("5万")) == 0
    assert spans.has("provisional") and spans.has("pending")
    assert not spans.has("pending", 0, spans.norm.index("※"))


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("実施状況は次のとおり。 ①相談件数 120件 ②訪問件数 80件", 3),
        ("・相談件数 120件 ・訪問件数 80件", 2),
        ("相談件数(①電話・②SNS)は120件", 1),  # a mark inside a word opens nothing
    ],
)
def test_prose_and_target_readers_cut_items_alike(text: str, items: int) -> None:
    # one reading of bullets (①–⑳ included) for the status reader and the target reader
    assert len(sentences_of(text)) == items
    assert len(split_statements(text)) == items


_CHARS = st.sampled_from(list("0123456789０１２３,.万千億人件%年度令和R()（）。・①※ 約以上前比増"))


@settings(max_examples=200, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_the_spans_are_the_one_parsers_results(text: str) -> None:
    spans = tokenize(text)
    assert list(spans.quantities) == find_quantities(text)
    assert list(spans.periods) == find_periods(text)
    marks = spans.of(END, BULLET, NOTE)
    assert [s.start for s in marks] == sorted(s.start for s in marks)
    assert all(0 <= s.start < s.end <= len(text) and s.depth >= 0 for s in spans.marks)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("新規相談受付件数:前年度から9,416件増えて312,244件 プラン作成件数:93,340件", 2),
        ("相談件数は45万 件とする:令和8年度", 1),  # no figure with its unit before the label
        ("令和7年度実績 新規相談受付件数:302,828件", 1),  # no figure before the space
    ],
)
def test_a_labelled_figure_after_a_figure_opens_an_item(text: str, items: int) -> None:
    assert len(sentences_of(text)) == items
