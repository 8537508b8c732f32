"""Write the two example PDFs: the reference table as a ruled-table PDF, and a plan's prose.

- ``kodoku_koritsu_jisshi_jokyo_r7.pdf``: the reference document (seeds/) laid out as the
  Cabinet Office publishes its 実施状況 table: landscape A4, one ruled row per 施策, the header
  on every page, rows continued across pages, page numbers and a running header outside the
  table. ``kpi-tracker scorecard`` gives it the same scorecard as the text export.
- ``kodoku_koritsu_plan_example.pdf``: **an example, not the real plan**: each measure of the
  reference as a 施策No. block of a plan's prose (● name【府省庁】, ＜施策の概要＞, made-up
  ＜現状＞ ＜課題＞ ＜今後の取組方針＞, 【目標及び達成の期間】 with the document's target cell),
  with a space between figures and units (``30 万回``) as text taken from published PDFs has
  it. ``kpi-tracker rules draft`` drafts a rules file from it.

Both are written by the tests' PDF writer (reportlab's built-in Japanese fonts, no font
files; ``pip install reportlab``). Run from the repository root:

    python examples/make_example_pdf.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab import rl_config  # noqa: E402

rl_config.invariant = True  # the same bytes on every run (no creation date, fixed ids)

from tests.pdfmaker import prose_pdf  # noqa: E402
from tests.test_pdf_plan import RUNNING, plan_lines  # noqa: E402
from tests.test_pdf_seed import seed_pdf  # noqa: E402


def main() -> None:
    table = ROOT / "examples" / "kodoku_koritsu_jisshi_jokyo_r7.pdf"
    plan = ROOT / "examples" / "kodoku_koritsu_plan_example.pdf"
    print(f"{table}: {seed_pdf(table)} pages")
    pages = prose_pdf(plan, plan_lines(), running=RUNNING, spaced_figures=True)
    print(f"{plan}: {pages} pages")


if __name__ == "__main__":
    main()
