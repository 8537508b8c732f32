"""A PDF whose fonts are not embedded is read only where this machine can decode them.

pdfium decodes text in a non-embedded Japanese CID font (reportlab's HeiseiKakuGo-W5, as
many offices' PDFs use MS-Mincho without embedding it) through an installed Japanese font;
without one, a piece of one character comes back empty. The reader then stops with one line
that says which font and what to install — a lost 発 or 7 would change a name or a figure.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from reportlab.pdfgen import canvas

from kpi_tracker.cli import cli

from .pdfmaker import GOTHIC, JAPANESE_FONT, ruled_table_pdf

HEADER = [
    "施策No.",
    "施策名",
    "施策の概要",
    "目標及び達成の期間",
    "目標の達成状況",
    "見直し方針",
    "関連URL",
    "担当府省庁",
]


def _one_glyph_table(path: Path) -> None:
    """A table whose status cell is one character (a piece of text of its own)."""
    ruled_table_pdf(
        path,
        ["「重点計画」", "実施状況（令和7年度）"],
        HEADER,
        [["1", "見守り", "概要", "目標", "発", "方針", "", "内閣府"]],
        (4, 10, 16, 16, 22, 16, 10, 6),
    )


def test_a_one_character_cell_comes_back_or_the_font_is_named(tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    _one_glyph_table(path)
    result = CliRunner().invoke(cli, ["measures", str(path), "--format", "json"])
    if JAPANESE_FONT:
        assert result.exit_code == 0, result.output
        assert '"status_text": "発"' in result.stdout
    else:
        assert result.exit_code == 2
        assert result.stderr == (
            f"kpi-tracker: error: {path}: page 1: text in the font {GOTHIC}, not embedded in "
            "the PDF, cannot be decoded on this machine: install a Japanese font (e.g. "
            "Debian's fonts-noto-cjk) and read it again\n"
        )


def test_text_in_latin_fonts_is_read_without_a_japanese_font(tmp_path: Path) -> None:
    """Helvetica is one of the standard fonts every reader has: nothing to refuse."""
    path = tmp_path / "latin.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(50, 700, "A")
    c.save()
    result = CliRunner().invoke(cli, ["rules", "draft", str(path)])
    assert result.exit_code == 2
    assert "no table and no 施策No. blocks" in result.stderr
