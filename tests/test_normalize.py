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


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # a CMS's inline tags around a figure and its unit are no space in the sentence
        ('数は<span class="fig">79</span><span class="unit">自治体</span>。', "数は79自治体。"),
        ("<b>124</b><span>件</span>", "124件"),
        # between two figures they still part them
        ("<span>2026</span><span>312</span>", "2026 312"),
        # a ruby's reading is not the text's
        ("<ruby>児童<rt>じどう</rt></ruby>数", "児童数"),
        ("<ruby><rb>児童</rb><rp>(</rp><rt>じどう</rt><rp>)</rp></ruby>", "児童"),
        # a definition list is keys and their values
        (
            "<dl><dt>相談件数</dt><dd>1,234件</dd><dt>前年度</dt><dd>1,111件</dd></dl>",
            "相談件数：1,234件\n前年度：1,111件",
        ),
        ("<h4>実績</h4><p>12件</p>", "実績\n12件"),
        # a Word export: its namespaced tags and conditional comments, a figure its revision
        # marks split across spans (one grouped figure: 30 | 8,917; 1,5 | 48)
        (
            "a<o:p></o:p>b<![if !supportLists]>・<![endif]>c<!--[if gte mso 9]><xml>x</xml><![endif]-->",
            "ab・c",
        ),
        ("<span>30</span><span lang=EN-US>8,917</span>回", "308,917回"),
        ("は1,5</span><span lang=EN-US>48</span>人", "は1,548人"),
        ("<span>1,5</span><span>4</span>", "1,5 4"),
        # HTML5's elements: the values they mark read as their text
        ('<data value="312640">31万2,640</data>回', "31万2,640回"),
        ('<meter value="0.689" min="0" max="1">68.9%</meter>', "68.9%"),
        ("<details><summary>過去の推移</summary>R7 1件</details>", "過去の推移\nR7 1件"),
        ("<figure><figcaption>件数</figcaption></figure>", "件数"),
    ],
)
def test_strip_html_reads_a_cms_fragment_as_its_reader_does(html: str, text: str) -> None:
    assert strip_html(html) == text
