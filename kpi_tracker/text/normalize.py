"""One-to-one normalisation of Japanese text, so spans found in it point into the raw text.

Whole-text NFKC is avoided on purpose: it turns ``①孤独`` into ``1孤独`` (a phantom number) and
``Ⅲ`` into ``III`` (offsets shift). Every substitution here maps one character to one
character, so ``normalize(text)[i]`` always corresponds to ``text[i]``.
"""

from __future__ import annotations

import re

_TABLE: dict[int, int] = {}
# Full-width ASCII block (！ to ～) to ASCII, except the wave dash handled below.
for _code in range(0xFF01, 0xFF5F):
    _TABLE[_code] = _code - 0xFEE0
_TABLE.update(
    {
        0x3000: ord(" "),  # ideographic space
        0xFF5E: ord("~"),  # ～ fullwidth tilde: ranges
        0x301C: ord("~"),  # 〜 wave dash: ranges
        0x2212: ord("-"),  # − minus sign
        0x2010: ord("-"),  # ‐ hyphen
        0x2011: ord("-"),  # non-breaking hyphen
        0x2013: ord("-"),  # – en dash
        0xFF0D: ord("-"),  # － fullwidth hyphen-minus
        0x25B3: ord("-"),  # △ minus in Japanese accounts
        0x25B2: ord("-"),  # ▲ minus in Japanese accounts
        0x00A0: ord(" "),  # no-break space
        0x3001: 0x3001,  # 、 kept: it separates list items, not digits
    }
)


# NOTE: the runs of characters to change are found by a regex and only they are translated:
# ``str.translate`` looks every character of a text up in the table (about 60 ns each), while
# most characters of a Japanese text (kana, kanji) are never changed.
# NOTE: written [X][X]*, not [X]+: a pattern that opens with a character class lets a search
# skip in C to the next character of the class (a repeat first is tried at every character).
_CHANGED_CLASS = (
    "[" + "".join(re.escape(chr(c)) for c, to in sorted(_TABLE.items()) if c != to) + "]"
)
_CHANGED = re.compile(_CHANGED_CLASS + _CHANGED_CLASS + "*")


def _translated(run: re.Match[str]) -> str:
    return run.group().translate(_TABLE)


def normalize(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII; the same length as ``text``."""
    return _CHANGED.sub(_translated, text)


# NOTE: only the layout tags that exports wrap cells in are removed. Anything else that looks
# like markup (``<script>``, ``<img onerror=…>``) is document text: it is kept literally and
# escaped by every renderer, so nothing in a cell can run in a reader's browser.
_TAG = re.compile(
    r"</?(?:p|ul|ol|li|br|span|div|b|i|u|strong|em|font|small|sup|sub|a|table|tr|td|th|tbody"
    r"|thead|tfoot|caption|dl|dt|dd|h[1-6]|section|article|aside|header|footer|nav|main"
    r"|details|summary|figure|figcaption|address|pre|hr|center|blockquote|abbr|ruby|rb)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u3000\xa0][ \t\u3000\xa0]*")  # [X][X]*: see _CHANGED
# Tags inside a line of text (<span class="fig">79</span><span class="unit">自治体</span>, <b>…</b>,
# <ruby>…): no space of their own, but between two figures or Latin words they part them
_INLINE_TAGS = (
    r"(?:</?(?:span|b|i|u|strong|em|font|small|big|a|abbr|ruby|rb|data|time|meter|progress"
    r"|mark|cite|q|s|code|kbd|var|samp|dfn|bdi|bdo|wbr|label|output|tt|nobr)(?:\s[^<>]*)?/?>)+"
)
_INLINE_BETWEEN = re.compile(rf"(?<=[0-9A-Za-z]){_INLINE_TAGS}(?=[0-9A-Za-z])", re.IGNORECASE)
_INLINE = re.compile(_INLINE_TAGS, re.IGNORECASE)
# a Word export's own marks: namespaced tags (<o:p></o:p>) and conditional comments
# (<![if !supportLists]>, <!--[if gte mso 9]>…<![endif]-->)
_OFFICE_MARKS = re.compile(
    r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->|<!\[[^<>]*\]>|</?[A-Za-z]+:[A-Za-z]+(?:\s[^<>]*)?/?>",
    re.DOTALL,
)
# the digits on either side of inline tags: 12</span><span>3,456 is one figure a revision
# split (its comma groups run on), 2026</span><span>312 two
_DIGITS_BEFORE = re.compile(r"(?<![0-9,.])[0-9]{1,3}\Z")
_GROUPS_AFTER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])")
# (1,5</span><span>48: a comma's group the tags cut short)
_GROUP_CUT = re.compile(r"(?<=[0-9]),([0-9]{1,2})\Z")
_DIGITS_AFTER = re.compile(r"([0-9]{1,2})(?:,[0-9]{3})*(?![0-9])")
# a ruby's reading (<rt>じどう</rt>) and its fallback brackets (<rp>(</rp>): not the text's
_RUBY_READING = re.compile(r"<(rt|rp)(?:\s[^<>]*)?>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


_BLOCK_END = re.compile(
    r"</(?:p|li|div|tr|dd|h[1-6]|caption|summary|figcaption|section|article|details|header"
    r"|footer|aside|pre)\s*>|<br\s*/?>|<hr\s*/?>",
    re.IGNORECASE,
)
# a definition list's term and its description (<dt>相談件数</dt><dd>1,234件</dd>): a key and
# its value
_TERM_END = re.compile(r"</dt\s*>\s*(?:<dd(?:\s[^<>]*)?>)?", re.IGNORECASE)
# \s*\n\s*, written to open with a class (see _CHANGED): a run of spaces with a line break
_BREAKS = re.compile(r"\s\s*(?<=\n)\s*")


def _between_figures(m: re.Match[str]) -> str:
    """Inline tags between two runs of digits: nothing where the digits make one grouped
    figure (12</span><span>3,456), else a space."""
    text, start, end = m.string, m.start(), m.end()
    before = _DIGITS_BEFORE.search(text, max(0, start - 4), start)
    after = _GROUPS_AFTER.match(text, end)
    if (
        before is not None
        and after is not None
        and len(after.group().split(",")[0]) + len(before.group()) <= 3
    ):
        return ""  # (12 | 3,456)
    cut = _GROUP_CUT.search(text, max(0, start - 3), start)
    rest = _DIGITS_AFTER.match(text, end)
    if cut is not None and rest is not None and len(cut.group(1)) + len(rest.group(1)) == 3:
        return ""  # (1,5 | 48)
    return " "


def strip_html(text: str) -> str:
    """Remove layout tags (the seed holds ``<p>`` and ``<ul style=…>`` fragments), fold spaces.

    The end of a paragraph or list item becomes a line break, so the extractor still sees
    where one statement ends and the next begins.
    """
    if "<" in text:
        if "<r" in text or "<R" in text:
            text = _RUBY_READING.sub("", text)
        if "<!" in text or ":" in text:
            text = _OFFICE_MARKS.sub("", text)
        text = _INLINE.sub("", _INLINE_BETWEEN.sub(_between_figures, text))
        if "</d" in text or "</D" in text:
            text = _TERM_END.sub("：", text)
        text = _TAG.sub(" ", _BLOCK_END.sub("\n", text))
    if "  " in text or "\t" in text or "\u3000" in text or "\xa0" in text:
        text = _SPACES.sub(" ", text)
    if "\n" in text:
        text = _BREAKS.sub("\n", text)
    return text.strip()


# Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/FFFF).
# NUL is one of them. They carry nothing a reader needs (a form feed from a PDF, a stray \x01)
# and break JUnit XML, PostgreSQL (NUL) and UTF-8 output (surrogates).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def has_forbidden(text: str) -> bool:
    """Whether ``text`` holds a character XML 1.0 forbids."""
    return _FORBIDDEN.search(text) is not None


def drop_forbidden(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids; every output format relies on it."""
    return _FORBIDDEN.sub("", text) if _FORBIDDEN.search(text) else text


def drop_forbidden_cells(cells: list[str]) -> tuple[str, ...]:
    """``drop_forbidden`` of every cell of a row. NOTE: the row is searched once, joined (a
    tab is not forbidden), and cells are cleaned only when it holds one: a 130,000-row sheet
    of 80 columns would otherwise take ten million regex searches."""
    if _FORBIDDEN.search("\t".join(cells)):
        return tuple(drop_forbidden(c) for c in cells)
    return tuple(cells)


# What may not reach a line of output as it is: C0 controls (a line break would start a new
# line, which a CI log may run as a workflow command), DEL, C1 controls (ESC sequences move a
# terminal's cursor), the Unicode line and paragraph separators, and lone surrogates (the
# bytes of a file name that is not UTF-8, as Python hands them over).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` as one line of printable characters: each control character, line separator
    or lone surrogate written as its escape (``\\n``, ``\\x1b``, ``\\x81`` for a byte of a
    CP932 file name), so that no item's text can start a line of its own."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
