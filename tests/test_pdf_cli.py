"""Every command that reads a document takes a PDF: a made-up city's status reports (two
years) as ruled tables, a status cell broken by a page, figures set apart from their units
(``1,620 件``) as published PDFs have them; its plan as prose. And the errors a PDF can give.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_tracker.cli import cli

from .pdfmaker import JAPANESE_FONT, NO_FONT_REASON, prose_pdf, ruled_table_pdf

# (the reader refuses text it cannot decode: see test_pdf_fonts.py)
pytestmark = pytest.mark.skipif(not JAPANESE_FONT, reason=NO_FONT_REASON)

HEADER = (
    "施策No.",
    "施策名",
    "施策の概要",
    "目標及び達成の期間",
    "目標の達成状況",
    "達成状況を踏まえた施策の見直し方針",
    "関連URL",
    "担当府省庁",
)
WIDTHS = (4, 10, 16, 16, 22, 16, 10, 6)
PLAN = "みどり市地域福祉計画"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
FILLER = "地域の関係団体と連携し、住民への周知と担い手の確保に取り組んだ。" * 40

RULES = f"""\
plan: {PLAN}
measures:
  1:
    - id: watch-partners
      label: 見守り拠点数
      find:
        label: [見守り拠点]
      comparator: ">="
      target: 200
      unit: か所
      deadline: 令和9年度末
  2:
    - id: consultations
      label: 相談件数
      find:
        label: [相談件数]
      comparator: ">="
      target: 1500
      unit: 件
      deadline: 令和7年度
  3:
    - id: trained-volunteers
      label: 養成講座の修了者数
      find:
        label: [修了者]
      comparator: ">="
      target: 3000
      unit: 人
      deadline: 令和9年度
"""


def report_rows(year: int, values: tuple[int, int, int]) -> list[tuple[str, ...]]:
    partners, consultations, trained = values
    return [
        ("(1)地域で支え合う仕組みづくり",),
        (
            "1",
            "見守りネットワークの拡充",
            "見守り拠点を募り、地域の見守り活動を進める。",
            "見守り拠点を令和9年度末までに200か所以上とする。",
            f"見守り拠点は令和{year}年度末で{partners}か所となった。",
            "引き続き事業者への働きかけを行う。",
            "https://www.example.lg.jp/mimamori/index.html",
            "福祉政策課",
        ),
        (
            "2",
            "相談窓口の一本化",
            "分野ごとの相談窓口を一つにまとめる。",
            "相談件数を年間1,500件以上とする(令和7年度)。",
            FILLER + f"令和{year}年度の相談件数は{consultations:,}件であった。",
            "相談員の研修を充実する。",
            "",
            "地域包括ケア推進課",
        ),
        ("(2)担い手の育成",),
        (
            "3",
            "地域福祉の担い手養成",
            "養成講座を開く。",
            "養成講座の修了者を累計3,000人以上とする(令和9年度)。",
            f"修了者は累計{trained:,}人となった。",
            "講座の回数を増やす。",
            "",
            "福祉政策課",
        ),
        (
            "4",
            "地域福祉の普及啓発",
            "地域福祉の考え方を広める。",
            "広報を通じて地域福祉への理解を深める。",
            "広報紙に特集記事を掲載した。",
            "引き続き周知する。",
            "",
            "福祉政策課",
        ),
    ]


def report_pdf(path: Path, year: int, values: tuple[int, int, int]) -> Path:
    pages = ruled_table_pdf(
        path,
        [f"「{PLAN}」（令和６年３月策定）", f"「具体的施策」の実施状況（令和{year}年度）"],
        HEADER,
        report_rows(year, values),
        WIDTHS,
        running=PLAN,
        size=9,
        spaced_figures=True,
    )
    assert pages == 2  # 施策No.2's status cell goes on over the page break
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("city")
    rules = tmp / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    plan = tmp / "plan.pdf"
    prose_pdf(
        plan,
        [
            f"「{PLAN}」",
            "（１）地域で支え合う仕組みづくり",
            *(
                line
                for row in report_rows(7, (0, 0, 0))
                if len(row) > 1
                for line in (
                    f"施策No.{row[0]}",
                    f"● {row[1]}【{row[7]}】",
                    "＜施策の概要＞",
                    row[2],
                    "【目標及び達成の期間】",
                    row[3],
                )
            ),
        ],
        running=PLAN,
        spaced_figures=True,
    )
    return {
        "r7": report_pdf(tmp / "r7.pdf", 7, (180, 1620, 2180)),
        "r6": report_pdf(tmp / "r6.pdf", 6, (150, 1400, 1900)),
        "rules": rules,
        "plan": plan,
        "tmp": tmp,
    }


def run(*args: object, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


def test_measures_of_a_pdf(files: dict[str, Path]) -> None:
    result = run("measures", files["r7"], "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["report"]["title"] == "「具体的施策」の実施状況（令和7年度）"
    assert data["report"]["fiscal_year"] == 2025
    measures = data["measures"]
    assert [m["no"] for m in measures] == [1, 2, 3, 4]
    assert measures[1]["status_text"].endswith("令和7年度の相談件数は1,620件であった。")
    status = "".join(measures[1]["status_text"].split())
    assert FILLER in status  # the cell broken by two pages is whole
    assert measures[0]["urls"] == ["https://www.example.lg.jp/mimamori/index.html"]
    assert measures[2]["section"] == ["(2)担い手の育成"]


def test_scorecard_of_a_pdf(files: dict[str, Path]) -> None:
    result = run("scorecard", files["r7"], "--rules", files["rules"], "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = {i["id"]: (i["actual"], i["status"]) for i in json.loads(result.stdout)["indicators"]}
    assert found == {
        "watch-partners": (180, "behind"),
        "consultations": (1620, "achieved"),
        "trained-volunteers": (2180, "behind"),
    }


def test_check_of_a_pdf_flags_its_misses(files: dict[str, Path]) -> None:
    result = run("check", files["r7"], "--rules", files["rules"], "--fail-on", "behind")
    assert result.exit_code == 1
    assert "watch-partners" in result.stdout


def test_compare_two_pdfs(files: dict[str, Path]) -> None:
    result = run("compare", files["r6"], files["r7"], "--rules", files["rules"], "--format", "json")
    assert result.exit_code == 0, result.stderr
    changes = {c["indicator"]: c for c in json.loads(result.stdout)["changes"]}
    assert changes["consultations"]["old"]["actual"] == 1400
    assert changes["consultations"]["new"]["actual"] == 1620
    assert changes["consultations"]["change"] == "improved"


def test_ingest_pdfs(files: dict[str, Path]) -> None:
    db = files["tmp"] / "history.db"
    result = run("ingest", files["r6"], files["r7"], "--rules", files["rules"], "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "(fiscal year 2024)" in result.stdout and "(fiscal year 2025)" in result.stdout


def test_rules_lint_of_a_report_pdf(files: dict[str, Path]) -> None:
    result = run("rules", "lint", files["r7"], "--rules", files["rules"])
    assert result.exit_code == 0, result.stderr
    assert "value_not_found" not in result.stdout


def test_rules_draft_of_a_report_pdf(files: dict[str, Path]) -> None:
    result = run("rules", "draft", files["r7"])
    assert result.exit_code == 0, result.stderr
    assert "target: 1500" in result.stdout and "target: 3000" in result.stdout


def test_rules_draft_and_lint_of_a_plan_pdf(files: dict[str, Path]) -> None:
    draft = run("rules", "draft", files["plan"])
    assert draft.exit_code == 0, draft.stderr
    assert f"plan: {PLAN}" in draft.stdout
    for target in ("target: 200", "target: 1500", "target: 3000"):
        assert target in draft.stdout
    lint = run("rules", "lint", files["plan"], "--rules", files["rules"])
    assert lint.exit_code == 0, lint.stderr
    # every target covered; a plan reports no values to look for
    assert lint.stdout.endswith("rules.yaml: 3 indicators for 3 measures; no findings\n")


def test_a_pdf_is_known_by_its_content(files: dict[str, Path]) -> None:
    renamed = files["tmp"] / "report.txt"
    renamed.write_bytes(files["r7"].read_bytes())
    assert run("measures", renamed, "--format", "json").exit_code == 0
    piped = run("measures", "-", "--format", "json", stdin=files["r7"].read_bytes())
    assert piped.exit_code == 0, piped.stderr
    assert len(json.loads(piped.stdout)["measures"]) == 4


def test_without_the_pdf_extra_the_error_says_how_to_install_it(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 → ImportError
    result = run("scorecard", files["r7"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"kpi-tracker: error: {files['r7']}: reading a PDF needs the pdf extra: "
        "pip install 'kpi-tracker[pdf]'\n",
    )


# (bytes, error)  # why
BAD_PDFS = [
    (b"%PDF-1.7\n1 0 obj\n<<", "not a readable PDF (damaged or cut short?)"),  # cut short
    (b"%PDF-1.4\nnot a pdf at all\n", "not a readable PDF (damaged or cut short?)"),  # garbage
]


@pytest.mark.parametrize(("data", "error"), BAD_PDFS)
def test_a_broken_pdf_is_one_error_line(tmp_path: Path, data: bytes, error: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    result = run("measures", path)
    assert (result.exit_code, result.stderr) == (2, f"kpi-tracker: error: {path}: {error}\n")


def test_a_pdf_without_text_is_one_error_line(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 50, 50, fill=1)  # an image stands for a scanned page
    page.showPage()
    page.save()
    result = run("scorecard", path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"kpi-tracker: error: {path}: the PDF has no text (a scanned image?); "
        "kpi-tracker reads text, not images\n",
    )


def test_a_pdf_of_other_prose_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    prose_pdf(path, ["拝啓", "時下ますますご清栄のこととお慶び申し上げます。"])
    result = run("rules", "draft", path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"kpi-tracker: error: {path}: no table and no 施策No. blocks in the PDF's text: "
        "not a status table or a plan\n",
    )


@pytest.mark.parametrize(
    ("grid", "rotated"),
    [("lines", False), ("path", False), ("rects", False), ("lines", True), ("rects", True)],
)
def test_the_rules_of_a_table_may_be_drawn_any_way(
    tmp_path: Path, grid: str, rotated: bool
) -> None:
    path = tmp_path / f"{grid}.pdf"
    ruled_table_pdf(
        path,
        [f"「{PLAN}」", "実施状況（令和7年度）"],
        HEADER,
        report_rows(7, (1, 2, 3)),
        WIDTHS,
        size=9,
        grid=grid,
        rotated=rotated,
    )
    result = run("measures", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    measures = json.loads(result.stdout)["measures"]
    assert [(m["no"], m["name"], m["section"]) for m in measures] == [
        (1, "見守りネットワークの拡充", ["(1)地域で支え合う仕組みづくり"]),
        (2, "相談窓口の一本化", ["(1)地域で支え合う仕組みづくり"]),
        (3, "地域福祉の担い手養成", ["(2)担い手の育成"]),
        (4, "地域福祉の普及啓発", ["(2)担い手の育成"]),
    ]
    assert measures[1]["status_text"].endswith("相談件数は2件であった。")


def test_reading_a_text_document_never_imports_the_pdf_library() -> None:
    code = (
        "import sys\n"
        "from kpi_tracker.cli import main\n"
        "try:\n"
        f"    main(['measures', {str(SEED)!r}, '--format', 'json', '-o', '/dev/null'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pypdfium2' in sys.modules, 'kpi_tracker.read.pdf' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


_CELL = st.text(
    alphabet="相談件数目標達成の実施をとする、。・①②（）0123456789,万人件", max_size=400
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(status=_CELL, target=_CELL)
def test_any_cell_text_comes_back_from_a_pdf(tmp_path: Path, status: str, target: str) -> None:
    from kpi_tracker.read.document import load_document

    path = tmp_path / "cells.pdf"
    row = ("1", "相談の充実", "概要", target or "目標", status or "状況", "見直し", "", "内閣府")
    ruled_table_pdf(path, ["「計画」", "実施状況（令和7年度）"], HEADER, [row], WIDTHS, size=9)
    (measure,) = load_document(path).measures
    assert "".join(measure.status_text.split()) == "".join(row[4].split())
    assert "".join(measure.target_text.split()) == "".join(row[3].split())
