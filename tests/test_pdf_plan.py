"""A plan's prose PDF (施策No. blocks) → the plan table → ``rules draft``.

The test plan is built from the reference document: each measure as a 施策No. block of the
current layout (● name【府省庁】, ＜施策の概要＞ ＜現状＞ ＜課題＞ ＜今後の取組方針＞,
【目標及び達成の期間】 holding the document's target cell), section headings between blocks,
written as portrait A4 with a running header and page numbers, a space between every figure
and its unit (``30 万回``, ``令和 8 年度``) as text extracted from published PDFs has it, and
blocks broken by pages. Drafting its rules must reproduce ≥ 90 % of the hand-written rules'
indicators (same measure, comparator and target), from the PDF and from its text pasted.
A made-up plan of the older layout (ア)現状 イ)課題 ウ)目標) is read too.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker import load_document, load_rules
from kpi_tracker.cli import cli
from kpi_tracker.read.plantable import load_targets_document
from kpi_tracker.rules.compiled import LoadedRules
from kpi_tracker.text.normalize import normalize

from .pdfmaker import JAPANESE_FONT, NO_FONT_REASON, prose_pdf

# (the reader refuses text it cannot decode: see test_pdf_fonts.py)
pytestmark = pytest.mark.skipif(not JAPANESE_FONT, reason=NO_FONT_REASON)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
HAND = ROOT / "rules" / "kodoku_koritsu.yaml"
PLAN = "孤独・孤立対策に関する施策の推進を図るための重点計画"
RUNNING = "孤独・孤立対策重点計画"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def plan_lines() -> list[str]:
    """The reference's measures as the plan's prose blocks."""
    document = load_document(SEED)
    lines = [RUNNING, f"「{PLAN}」（令和６年６月11日孤独・孤立対策推進本部決定）", ""]
    section: tuple[str, ...] = ()
    for m in document.measures:
        for depth, heading in enumerate(m.section):
            if section[: depth + 1] != m.section[: depth + 1]:
                lines.append(heading)
        section = m.section
        ministries = "、".join(m.ministries)
        lines += [
            f"施策No.{str(m.no).translate(_FULL)}",
            f"● {m.name}【{ministries}】",
            "＜施策の概要＞",
            m.overview,
            "＜現状＞",
            "関係機関と連携して取組を進めている。",
            "＜課題＞",
            "支援を必要とする人に情報が届いていない。",
            "＜今後の取組方針＞",
            "引き続き取組を推進する。",
            "【目標及び達成の期間】",
            *m.target_text.split("\n"),
            "",
        ]
    return lines


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.pdf"
    pages = prose_pdf(path, plan_lines(), running=RUNNING, spaced_figures=True)
    assert pages > 40
    return path


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-3)


def reproduced(hand: LoadedRules, drafted: LoadedRules) -> tuple[int, list[str]]:
    """Hand indicators the draft has (same measure, comparator and target), and the others."""
    found, missed = 0, []
    for no, indicators in hand.rules.measures.items():
        left = list(drafted.rules.measures.get(no, ()))
        for h in indicators:
            fit = next(
                (d for d in left if d.comparator == h.comparator and _same(d.target, h.target)),
                None,
            )
            if fit is None:
                missed.append(f"{no} {h.id}")
            else:
                left.remove(fit)
                found += 1
    return found, missed


def _draft(path: Path, tmp_path: Path) -> LoadedRules:
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["rules", "draft", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return load_rules(out)


def test_the_plan_pdf_reads_as_the_plan_table(plan_pdf: Path) -> None:
    plan = load_targets_document(plan_pdf)
    report = load_document(SEED)
    assert plan.plan == PLAN
    assert [m.no for m in plan.measures] == [m.no for m in report.measures]
    assert [m.name for m in plan.measures] == [m.name for m in report.measures]
    assert [m.section for m in plan.measures] == [m.section for m in report.measures]
    differ = [
        a.no
        for a, b in zip(plan.measures, report.measures, strict=True)
        if "".join(a.target_text.split()) != "".join(normalize(b.target_text).split())
    ]
    assert differ == []  # the plan table's cells are normalised (（ → ()
    for a, b in zip(plan.measures, report.measures, strict=True):  # no page furniture
        assert a.target_text.count(RUNNING) == b.target_text.count(RUNNING), a.no
        assert not re.search(r"- [0-9]+ -", a.target_text), a.no


def test_rules_draft_of_the_plan_pdf_reproduces_nine_in_ten(plan_pdf: Path, tmp_path: Path) -> None:
    hand = load_rules(HAND)
    found, missed = reproduced(hand, _draft(plan_pdf, tmp_path))
    total = len(hand.indicators())
    assert found / total >= 0.9, (found, total, missed)


@pytest.mark.parametrize("page_mark", ["\f", "\n"], ids=["pages-marked", "pasted"])
def test_rules_draft_of_the_plan_text_reproduces_nine_in_ten(
    plan_pdf: Path, tmp_path: Path, page_mark: str
) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(plan_pdf)
    text = page_mark.join(
        pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))
    )
    pdf.close()
    pasted = tmp_path / "plan.txt"
    pasted.write_text(text, encoding="utf-8")
    hand = load_rules(HAND)
    found, missed = reproduced(hand, _draft(pasted, tmp_path))
    assert found / len(hand.indicators()) >= 0.9, (found, missed)


OLDER_PLAN = [
    "みどり市地域福祉計画（第３期）",
    "第３章 施策の展開",
    "（１）地域で支え合う仕組みづくり",
    "施策No.１",
    "● 見守りネットワークの拡充【福祉政策課】",
    "ア）現状",
    "見守り協力事業者は令和 5 年度末で 120 事業所であり、地域の見守り活動を担っている。",
    "イ）課題",
    "単身高齢者の増加に見守りの担い手が追いついていない。",
    "ウ）目標",
    "見守り協力事業者を令和 9 年度末までに 200 事業所以上とする。",
    "施策No.２",
    "● 相談窓口の一本化【地域包括ケア推進課】",
    "ア）現状",
    "相談窓口が分野ごとに分かれており、たらい回しとの声がある。",
    "イ）課題",
    "複合的な課題を抱える世帯に一つの窓口で応じられていない。",
    "ウ）目標",
    "重層的支援体制整備事業の相談件数を年間 1,500 件以上とする（令和 9 年度）。",
    "（２）担い手の育成",
    "施策No.３",
    "● 地域福祉の担い手養成【福祉政策課】",
    "ア）現状",
    "養成講座の修了者は累計 2,180 人である。",
    "イ）課題",
    "修了者が活動に結びついていない。",
    "ウ）目標",
    "① 養成講座の修了者を累計 3,000 人以上とする（令和 9 年度）。",
    "② 修了者のうち活動する者の割合を 50 ％以上とする（令和 9 年度）。",
]


def test_an_older_plan_of_the_a_i_u_layout(tmp_path: Path) -> None:
    path = tmp_path / "older.pdf"
    prose_pdf(path, OLDER_PLAN, running="みどり市地域福祉計画", size=14)
    plan = load_targets_document(path)
    assert [m.no for m in plan.measures] == [1, 2, 3]
    assert [m.name for m in plan.measures] == [
        "見守りネットワークの拡充",
        "相談窓口の一本化",
        "地域福祉の担い手養成",
    ]
    assert [m.target_text for m in plan.measures] == [
        "見守り協力事業者を令和9年度末までに200事業所以上とする。",
        "重層的支援体制整備事業の相談件数を年間1,500件以上とする(令和9年度)。",
        "① 養成講座の修了者を累計3,000人以上とする(令和9年度)。\n"
        "② 修了者のうち活動する者の割合を50%以上とする(令和9年度)。",
    ]
    assert plan.measures[2].section == ("(2)担い手の育成",)
    assert "120" not in plan.measures[0].target_text  # ア)現状 is not the target


def test_a_ruled_figure_in_a_plan_is_not_its_table(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from .pdfmaker import MINCHO

    path = tmp_path / "with_figure.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont(MINCHO, 12)
    y = 800.0
    for line in OLDER_PLAN:
        page.drawString(50, y, line)
        y -= 20
    for x in (50, 200, 350):  # a ruled schedule: 年度 | 取組, no 施策No. or target header
        page.line(x, 160, x, 100)
    for row_y in (160, 130, 100):
        page.line(50, row_y, 350, row_y)
    page.drawString(55, 140, "年度")
    page.drawString(205, 140, "取組")
    page.drawString(55, 110, "令和8年度")
    page.drawString(205, 110, "講座の開催")
    page.showPage()
    page.save()
    plan = load_targets_document(path)
    assert [m.no for m in plan.measures] == [1, 2, 3]
    assert (
        plan.measures[0].target_text == "見守り協力事業者を令和9年度末までに200事業所以上とする。"
    )
