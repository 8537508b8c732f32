"""normalize: one character to one character, so spans found in it point into the raw text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker.text.normalize import _TABLE, normalize, strip_html

CASES = [
    ("７，３９０人", "7,390人"),  # full-width digits and comma
    ("（令和６年度）", "(令和6年度)"),  # full-width brackets
    ("令和７年度〜令和８年度", "令和7年度~令和8年度"),  # wave dash: a range
    ("１０％", "10%"),
    ("▲１２件", "-12件"),  # a minus in Japanese accounts
    ("Ｒ８．３．３１", "R8.3.31"),  # full-width Latin letter and dots
    ("相談　件数", "相談 件数"),  # ideographic space
    ("1,234件、5件", "1,234件、5件"),  # 、 is kept: it separates list items
    ("孤独・孤立対策", "孤独・孤立対策"),  # nothing to change: the same text
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


# Characters of the table next to ones it leaves alone, so that runs of both are drawn.
_MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from([chr(c) for c in _TABLE]),
        st.sampled_from("あ相談件数人、。・①Ⅲ"),
        st.characters(),
    )
)


@settings(max_examples=300)
@given(_MIXED)
def test_normalize_is_the_table_one_character_at_a_time(text: str) -> None:
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "".join(chr(_TABLE.get(ord(c), ord(c))) for c in text)


def test_strip_html_keeps_statement_ends() -> None:
    assert strip_html("<p>一文目。</p><p>二文目。</p>") == "一文目。\n二文目。"
