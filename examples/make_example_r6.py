"""Write examples/kodoku_koritsu_example_r6.txt: an EXAMPLE earlier-year table, not real data.

The Cabinet Office publishes one 実施状況 table a year; the repository holds the 令和7年度 one
(seeds/). To show `compare`, `ingest` and `history` with two years, this script derives a
令和6年度 table from it:

- the report line says 令和6年度 and is marked 【例示用の架空データ】, and the line 参考資料 says
  what the file is;
- in the status column (目標の達成状況) every year is moved back one (令和7年 → 令和6年,
  2025年 → 2024年), so the text speaks of the year before;
- a few reported values are changed (the table EDITS below), so that the two years differ:
  some improve, some worsen, one target is met only in the later year.

Everything else is the reference document as published. Run from the repository root:

    python examples/make_example_r6.py
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
TARGET = ROOT / "examples" / "kodoku_koritsu_example_r6.txt"
STATUS = 4  # the column 目標の達成状況

REPORT_LINE = (
    "「Ⅲ.具体的施策」の実施状況(令和7年度)",
    "「Ⅲ.具体的施策」の実施状況(令和6年度)【例示用の架空データ】",
)
NOTE_LINE = (
    "参考資料",
    "例示用の架空データ(実データではない): kpi-tracker の examples/make_example_r6.py が"
    "令和7年度の実施状況から年を1年戻し、一部の値を変えて作成",
)

# measure No. → (text in the 令和7年度 status cell, the example's text)  # the story
EDITS = {
    8: ("PV数:274,285", "PV数:231,040"),  # fewer visits the year before: improved since
    24: ("86.9%となり、前年度より、1.2ポイント", "85.7%となり、前年度より、0.8ポイント"),  # rising
    29: ("約73%", "約76%"),  # satisfaction was higher: worsened since
    109: ("6,866人", "6,633人"),  # fewer officers: improved since
    128: ("受講者の90.6%", "受講者の78.2%"),  # missed the year before, met in 令和7年度
    142: ("44都道府県であり", "41都道府県であり"),  # fewer prefectures: improved since
}

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_YEAR = re.compile(
    r"(令和|平成)([0-9０-９]+|元)(年)"  # an era year: 令和7年, 令和７年度, 令和元年
    r"|(?<![0-9０-９])((?:19|20)[0-9]{2}|(?:１９|２０)[０-９]{2})(年)"  # a Western year: 2025年
)


def _earlier(match: re.Match[str]) -> str:
    """The same year expression, one year earlier."""
    if match.group(1):
        era, number, suffix = match.group(1), match.group(2), match.group(3)
        year = 1 if number == "元" else int(number.translate(_DIGITS))
        if era == "令和":
            if year == 1:
                return f"平成30{suffix}"
            return f"令和{'元' if year == 2 else year - 1}{suffix}"
        return f"平成{year - 1}{suffix}"
    return f"{int(match.group(4).translate(_DIGITS)) - 1}{match.group(5)}"


def earlier_year(text: str) -> str:
    return _YEAR.sub(_earlier, text)


def derive(source: str) -> str:
    lines = source.split("\n")
    out = []
    for line in lines:
        cells = line.split("\t")
        no = cells[0].strip()
        if len(cells) > STATUS and no.isdigit():
            status = cells[STATUS]
            if int(no) in EDITS:
                old, new = EDITS[int(no)]
                if old not in status:
                    raise SystemExit(f"施策{no}: the reference text changed; {old!r} not found")
                status = status.replace(old, new)
            cells[STATUS] = earlier_year(status)
            line = "\t".join(cells)
        elif REPORT_LINE[0] in line:
            line = line.replace(*REPORT_LINE)
        elif line.strip() == NOTE_LINE[0]:
            line = line.replace(*NOTE_LINE)
        out.append(line)
    return "\n".join(out)


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    TARGET.write_text(derive(text), encoding="utf-8", newline="")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
