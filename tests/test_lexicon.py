"""The lexicon (data/lexicon.tsv): every class the readers use is there, in the table's order."""

from __future__ import annotations

import re

import pytest

from kpi_tracker.text.lexicon import alternation, words

CLASSES = [
    ("approx_before", "約"),
    ("approx_after", "程度"),
    ("bound", "以上"),
    ("per_base", "当たり"),
    ("provisional", "見込み"),
    ("pending", "集計中"),
    ("earlier", "前年度"),
    ("change_up", "増加"),
    ("change_down", "減少"),
    ("part", "うち"),
    ("bullet", "・"),
    ("target_column", "目標"),
    ("counter", "都道府県"),
    ("still", "なお"),
    ("attainment", "達成率"),
    ("aimed", "を目指"),
    ("against", "と比べまして"),
]


@pytest.mark.parametrize(("cls", "word"), CLASSES)
def test_class_holds_its_words(cls: str, word: str) -> None:
    assert word in words(cls)


def test_longer_words_come_before_the_words_they_start_with() -> None:
    # a class is tried in order: 増加 must be tried before 増, を超える before 超
    for cls in ("bound", "change_up", "change_down", "earlier", "provisional"):
        ws = words(cls)
        for i, w in enumerate(ws):
            assert not any(later != w and later.startswith(w) for later in ws[i + 1 :]), (cls, w)


def test_alternation_matches_each_word() -> None:
    pattern = re.compile(f"^(?:{alternation('earlier')})$")
    assert all(pattern.match(w) for w in words("earlier"))


def test_unknown_class_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="no class"):
        words("no-such-class")
