"""The brackets a figure stands in, found by jumps between bracket characters, agree with a
character-by-character scan (property test)."""

from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.extract.candidates import _opens


def _scanned(norm: str, start: int, at: int) -> list[int]:
    opens, depth = [], 0
    for k in range(at - 1, start - 1, -1):
        if norm[k] == ")":
            depth += 1
        elif norm[k] == "(":
            if depth:
                depth -= 1
            else:
                opens.append(k)
    return opens


@given(st.text(alphabet="()あ1、", max_size=30), st.data())
def test_enclosing_brackets_agree_with_a_scan(norm: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(norm)))
    start = data.draw(st.integers(0, at))
    assert _opens(norm, start, at) == _scanned(norm, start, at)


def test_enclosing_brackets_innermost_first() -> None:
    # 目標(令和6年度実績(A 315,589名: the figure stands in two brackets, the inner one first
    norm = "目標(令和6年度実績(A 315,589名"
    assert _opens(norm, 0, len(norm)) == [10, 2]
