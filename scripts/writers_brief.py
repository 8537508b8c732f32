"""Write the brief the blind documents' writers are given, and nothing of the extractor.

    python scripts/writers_brief.py /work/brief

writes ``BRIEF.md`` (the task and the table's format), ``indicators.md`` (the rules file's
indicators without their ``find:`` hints), ``status.md`` (the contract's status meanings and
dates, with notes for expected results) and ``seed_r7.txt`` (the reference table). A helper
given only this folder writes ``NAME.txt``, ``NAME.expected.yaml`` and ``check.py`` (see
tests/fixtures/writers/README.md); its first run is scored with ``scripts/score_document.py``.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "kodoku_koritsu.yaml"
SEED = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
CONTRACT = ROOT.parent / "shared" / "CONTRACT.md"
KEYS = (
    "comparator",
    "target",
    "unit",
    "kind",
    "deadline",
    "baseline",
    "by",
    "by_ratio",
    "ratio",
    "tolerance",
    "every_year",
    "aggregate",
    "share_of",
    "note",
)

BRIEF = """# Writing a test document for a scorecard tool

You will write ONE test document: the 令和8年度 edition of a Japanese government table, in the
habits of one writer (your profile), and its expected results. You have never seen the tool that
will read it and you must not look for it: read only the files in this folder.

## The table's format (copy it from seed_r7.txt, the 令和7年度 edition)
- UTF-8 text. A few title lines, then a header line starting with `施策No.` whose 8 columns are
  separated by TABs: 施策No. / 施策名 / 施策の概要 / 目標及び達成の期間 / 目標の達成状況 /
  達成状況を踏まえた施策の見直し方針 / 関連URL / 担当府省庁.
- Section lines sit between measure rows; one line per measure, TAB-separated cells; a cell may
  hold `<br>` for line breaks, never a TAB or a real newline.
- Keep all the measures, their numbers, names, sections, URLs and ministries; update the title to
  令和8年度; keep the target cells. Rewrite the status cells (目標の達成状況) of the measures that
  have indicators IN YOUR WRITER'S HABITS, reporting 令和8年度 results (April 2026–March 2027),
  often with the 令和7年度 figures as the previous year. Invent plausible values and vary the
  outcomes (most achieved, several behind, some with no figure or 集計中, increases and decreases).

## What you deliver (in the folder NAME given in your prompt)
1. `NAME.expected.yaml` — WRITE THIS FIRST: one entry per indicator of indicators.md, e.g.
   `- {id: …, measure: 8, status: achieved, overdue: false, actual: 312640, why: 「…」}`
   (status achieved | on_track | behind | not_measurable; overdue only for behind with a deadline
   on or before 2027-03-31; actual in the indicator's unit, null when no figure). Follow status.md.
2. `NAME.txt` — the document, written to match the expected file.
3. `check.py` — checks the two agree as far as it can (every id once, each actual's figure in
   its measure's status cell in some written form, every row with 8 cells). Run it and fix what
   it finds.

Write as that writer really would, through the whole document, not as someone writing a test. A
careful human reader must be able to tell each 令和8年度 value from your text.
"""

NOTES = """
## Notes for writing expected results
- The document is the 令和8年度 report; as_of = 2027-03-31 (the last day of 令和8年度).
- `actual` is the value in the indicator's unit (312,640回 → 312640; 31.2% → 31.2; 5万9千人 →
  59000).
- A deadline on or before 2027-03-31 that is not met → behind with overdue: true; a later deadline
  not met → on_track only if the trend of at least two stated observations reaches the target by
  the deadline, else behind, overdue: false.
- increase / decrease: against the rule's baseline if it has one, else the previous value your
  text states; with neither, not_measurable.
- No figure, or 集計中 → not_measurable with actual: null. Every indicator gets one entry.
"""


def indicators_text(rules: dict) -> str:
    """The indicators of the rules file, without their reading hints."""
    out = ["# The indicators (rules file, without its reading hints)", ""]
    out += [f"- measure {no}: {why}" for no, why in (rules.get("unmeasured") or {}).items()]
    for no, indicators in rules["measures"].items():
        out += ["", f"## measure {no}"]
        for ind in indicators:
            out.append(f"- **{ind['id']}** — {ind['label']}")
            out += [f"    - {k}: {ind[k]}" for k in KEYS if ind.get(k) is not None]
    return "\n".join(out) + "\n"


def status_text(contract: str) -> str:
    """The contract's status meanings and dates, and the notes for expected results."""
    dates = contract[contract.index("## 3. Dates") : contract.index("## 4. Rules")]
    statuses = contract[contract.index("## 7. What") : contract.index("## 8. Further")]
    return "# Status meanings\n\n" + statuses + "\n" + dates + NOTES


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    (args.folder / "BRIEF.md").write_text(BRIEF, encoding="utf-8")
    (args.folder / "indicators.md").write_text(indicators_text(rules), encoding="utf-8")
    (args.folder / "status.md").write_text(
        status_text(CONTRACT.read_text(encoding="utf-8")), encoding="utf-8"
    )
    shutil.copy(SEED, args.folder / "seed_r7.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
