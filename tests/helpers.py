"""Helpers shared by the test modules (test modules never import from one another)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from kpi_tracker.model import Indicator
from kpi_tracker.rules.compiled import indicator_from_dict

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
RULES = ROOT / "rules" / "kodoku_koritsu.yaml"
# Hand-written KPI sheets, one of each shape (tests/sheets/).
SHEETS = ROOT / "tests" / "sheets"
REVIEW = SHEETS / "3-1_RS_2024_効果発現経路_目標・実績.csv"  # 行政事業レビュー 目標・実績
HAKUSHO = SHEETS / "hakusho_seika_mokuhyo_r6.csv"  # 白書 成果目標の動向
MUNICIPAL = SHEETS / "kpi_midori_r6.tsv"  # 総合戦略 KPI 進捗管理表


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``kpi-tracker ARGS`` run in this process by click's runner, in folder ``cwd`` with the
    environment ``env`` (the whole of it, as for a child process): what a child would print
    and its exit code, at a fraction of the cost. ``run_process`` launches a real one, for
    what only a process shows (signals, the console script, stream encodings, imports)."""
    import os

    from click.testing import CliRunner

    from kpi_tracker.cli import cli

    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        os.chdir(cwd)
        result = CliRunner().invoke(cli, list(args), prog_name="kpi-tracker")
    finally:
        os.chdir(saved_cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(saved_env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback the real command would print: fail loudly
    return subprocess.CompletedProcess(
        ["kpi-tracker", *args], result.exit_code, result.stdout, result.stderr
    )


def run_process(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m kpi_tracker ARGS`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "kpi_tracker", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def indicator(**kw: object) -> Indicator:
    """A small rules-file indicator: 件数 of at least 100件, with ``kw`` replacing fields."""
    base = {
        "id": "x",
        "label": "x",
        "find": {"label": ["件数"]},
        "comparator": ">=",
        "target": 100,
        "unit": "件",
    }
    base.update(kw)
    return indicator_from_dict(base)


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def write_variant(
    tmp_path: Path,
    replace: dict[int, tuple[str, str]],
    name: str = "variant.txt",
    title_year: str | None = None,
) -> Path:
    """The seed with status cells rewritten: {measure no: (old text, new text)}."""
    lines = seed_lines()
    out = []
    for line in lines:
        cells = line.split("\t")
        if cells and cells[0].strip().isdigit() and int(cells[0]) in replace:
            old, new = replace[int(cells[0])]
            assert old in cells[4], (cells[0], old)
            cells[4] = cells[4].replace(old, new)
            line = "\t".join(cells)
        if title_year and "の実施状況(" in line:
            line = line.replace("令和7年度", title_year)
        out.append(line)
    path = tmp_path / name
    path.write_text("\n".join(out), encoding="utf-8")
    return path


# A later year's table of the same plan: status cells rewritten the way a new year does (new
# periods, full-width digits, 万 forms, words moved around).
REWRITES = {
    8: (
        "・支援情報検索サイトPV数:274,285(令和7年4月～令和8年3月)",
        "・支援情報検索サイトのPV数は３１万２，０００（令和８年４月～令和９年３月）",
    ),
    24: (
        "令和6年度は、86.9%となり、前年度より、1.2ポイント増加した",
        "令和７年度は９０．２％となり、前年度より3.3ポイント増加した",
    ),
    76: (
        "令和7年度の地域おこし協力隊の隊員数は、8,196名",
        "令和8年度の地域おこし協力隊の隊員数は、約1万200人",
    ),
    109: (
        "令和7年度末児童福祉司の配置数：6,866人（見込み）",
        "児童福祉司の配置数は、令和８年度末時点で７，４０１人となった。令和７年度末は6,866人であった",
    ),
    142: (
        "令和8年4月1日時点で、少なくとも1団体(都道府県又は市区町村)は地方版孤独・孤立対策官民連携プラットフォームが整備されている都道府県は44都道府県",
        "令和9年4月1日時点で、少なくとも1団体(都道府県又は市区町村)は地方版孤独・孤立対策官民連携プラットフォームが整備されている都道府県は42都道府県",
    ),
    55: (
        "約527万件（令和7年4月～令和8年3月）前年度比22.4%減",
        "約560万件（令和8年4月～令和9年3月）前年度比6.3%増",
    ),
    29: (
        "令和7年度の利用満足度を計るアンケート調査では、全体の相談者の約73%",
        "令和8年度のアンケート調査では、相談者の81.5%が満足と回答し、前年度の約73%",
    ),
}


# A later year for year-over-year tests: 児童福祉司 6,866 → 7,100 (target 7,390 by 令和8年度末,
# which the report's year reaches: the deadline passes), 地方版プラットフォーム 44 → 42
# 都道府県 (away from 47), 支援情報検索サイト 274,285 → 312,000 回 (30万回 met).
YOY_LATER = {
    109: (
        "令和7年度末児童福祉司の配置数：6,866人（見込み）",
        "令和8年度末児童福祉司の配置数：7,100人",
    ),
    142: ("都道府県は44都道府県であり", "都道府県は42都道府県であり"),
    8: (
        "・支援情報検索サイトPV数:274,285(令和7年4月～令和8年3月)",
        "・支援情報検索サイトPV数:312,000(令和8年4月～令和9年3月)",
    ),
}


def card_dict(card: object) -> Any:
    """A scorecard's JSON shape as ``--format json`` (Japanese, ISO dates) words it."""
    from kpi_tracker.judge.scorecard import scorecard_dict
    from kpi_tracker.render.wording import Wording

    return scorecard_dict(card, Wording("ja", "iso").reason)  # type: ignore[arg-type]


def said(outcome: object, lang: str = "ja", dates: str = "iso") -> str:
    """An outcome's reason, worded."""
    from kpi_tracker.render.wording import Wording

    return Wording(lang, dates).reason(outcome.why)  # type: ignore[attr-defined]
