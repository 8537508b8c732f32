"""A city's own plan and its yearly report: the rules drafted from the plan serve the report.

The plan names itself with its period (…総合戦略（令和7年度～令和11年度）), the report with its
year (… 令和7年度進捗状況報告); the report's headers are the city's own (目標 /
令和7年度の取組状況 / 担当課). Values are invented, the wording is the way cities write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.rules.targets import read_targets

PLAN = (
    "みどり市まち・ひと・しごと創生総合戦略（令和7年度～令和11年度）\n"
    "施策No.\t施策名\t目標\n"
    "1\t保育の受け皿整備\t待機児童数を毎年度4月1日時点で0人とする。\n"
    "2\t相談支援\t相談件数を令和6年度の210件から令和11年度までに1.5倍に増やす。\n"
    "3\tICT環境\t全小学校でICT支援員を配置する。\n"
)
REPORT = (
    "みどり市まち・ひと・しごと創生総合戦略 令和7年度進捗状況報告\n"
    "施策No.\t施策名\t目標\t令和7年度の取組状況\t担当課\n"
    "1\t保育の受け皿整備\t待機児童数を毎年度4月1日時点で0人とする。\t"
    "令和7年4月1日時点の待機児童数は0人となった。\t子育て支援課\n"
    "2\t相談支援\t相談件数を1.5倍に増やす。\t相談件数は令和7年度に260件となった。\t福祉課\n"
    "3\tICT環境\t全小学校でICT支援員を配置する。\t"
    "ICT支援員を配置した小学校の割合は80%となった。\t学校教育課\n"
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def city(tmp_path: Path) -> Path:
    (tmp_path / "plan.tsv").write_text(PLAN, encoding="utf-8")
    (tmp_path / "report.tsv").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_drafted_rules_serve_the_plans_yearly_report(city: Path) -> None:
    rules = city / "rules.yaml"
    code, _, err = invoke("rules", "draft", str(city / "plan.tsv"), "-o", str(rules))
    assert code == 0, err
    assert "plan: みどり市まち・ひと・しごと創生総合戦略\n" in rules.read_text(encoding="utf-8")
    code, out, err = invoke(
        "scorecard", str(city / "report.tsv"), "--rules", str(rules), "--format", "json"
    )
    assert code == 0, err
    got = {i["id"]: (i["status"], i["actual"], i["target"]) for i in json.loads(out)["indicators"]}
    assert got == {
        "m1-1": ("achieved", 0, 0),  # 毎年度4月1日時点で0人: 0人 on 令和7年4月1日
        "m2-1": ("on_track", 260, 315),  # 210件の1.5倍 = 315件 by 令和11年度
        "m3-1": ("behind", 80, 100),  # 全小学校: 100%
    }
    code, out, _ = invoke("rules", "lint", str(city / "report.tsv"), "--rules", str(rules))
    assert out.endswith("rules.yaml: 3 indicators for 3 measures; no findings\n")


def test_another_plans_rules_name_the_line_to_edit(city: Path) -> None:
    rules = city / "rules.yaml"
    rules.write_text(
        "plan: あおば市総合戦略\nversion: 1\nmeasures:\n  1:\n    - id: a\n      label: 待機児童数\n"
        "      find:\n        label: [待機児童数]\n      comparator: <=\n      target: 0\n"
        "      unit: 人\n",
        encoding="utf-8",
    )
    code, _, err = invoke("scorecard", str(city / "report.tsv"), "--rules", str(rules))
    assert code == 2
    assert err.endswith("; edit the file's plan: line to a name the report's title contains\n"), err


def test_lint_does_not_call_a_dropped_target_acknowledged(city: Path) -> None:
    rules = city / "rules.yaml"
    # What an earlier drafter wrote for 施策1: its own words, not a person's acknowledgement.
    rules.write_text(
        "plan: みどり市まち・ひと・しごと創生総合戦略\nversion: 1\nunmeasured:\n"
        "  1: 目標欄の数値は目標値ではない(0人は現状)\nmeasures: {}\n",
        encoding="utf-8",
    )
    _code, out, err = invoke("rules", "lint", str(city / "report.tsv"), "--rules", str(rules))
    assert "施策1: uncovered: 目標があるが規則がない(下書きが目標と読めず" in out, out + err
    assert "acknowledged" not in out.split("\n")[0]


DRAFTED = [
    # text, (label, comparator, target, unit, every_year)
    ("待機児童数を毎年度4月1日時点で0人とする", ("待機児童数", "<=", 0, "人", True)),
    (
        "相談件数を令和6年度の210件から令和11年度までに1.5倍に増やす",
        ("相談件数", ">=", 315, "件", False),
    ),
    ("全小学校でICT支援員を配置する", ("ICT支援員のある小学校の割合", ">=", 100, "%", False)),
    ("全ての市町村で計画を策定する", ("計画のある市町村の割合", ">=", 100, "%", False)),
]


@pytest.mark.parametrize(("text", "expected"), DRAFTED)
def test_drafter_reads(text: str, expected: tuple) -> None:
    (target,) = read_targets(text).targets
    got = (target.label, target.comparator, target.target, target.unit, target.every_year)
    assert got == expected


DRAFTED_NOT_APPLICABLE = [
    "全国で取組を進める",  # 全国 is no whole the plan counts
    "待機児童数は令和6年4月1日時点で12人である",  # the current value, not a goal
]


@pytest.mark.parametrize("text", DRAFTED_NOT_APPLICABLE)
def test_drafter_not_applicable(text: str) -> None:
    assert read_targets(text).targets == ()
