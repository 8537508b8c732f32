"""Rules files: validation with file:line:rule:field, nothing from a half-valid file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_tracker.errors import RulesError
from kpi_tracker.rules.compiled import load_rules, rules_for

GOOD = """\
plan: テスト計画
measures:
  1:
    - id: a
      label: 件数
      find:
        label: [件数]
      comparator: ">="
      target: 10
      unit: 件
      deadline: 令和8年度末
"""


def _load(tmp_path: Path, text: str) -> tuple[Path, object]:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path, load_rules(path)


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(path)
    return str(info.value).replace(str(path), "R")


def test_good_file_loads(tmp_path: Path) -> None:
    _, loaded = _load(tmp_path, GOOD)
    ((no, ind),) = loaded.indicators()
    assert no == 1 and ind.id == "a" and ind.target == 10.0
    assert ind.deadline_end.isoformat() == "2027-03-31"
    assert ind.pint_unit == "case"


MISTAKES = [
    # (replace, with, expected message)  # what is wrong
    (
        "      target: 10\n",
        "      target: 10\n      colour: red\n",
        "R:10: rule 1/a, field colour: unknown key 'colour'",
    ),
    (
        "deadline: 令和8年度末",
        "deadline: 令和8年13月",
        "R:11: rule 1/a, field deadline: deadline: no month 13: '令和8年13月'",
    ),
    (
        "deadline: 令和8年度末",
        "deadline: 平成元年1月7日",
        "R:11: rule 1/a, field deadline: deadline: 平成1年 is before 平成 began (1989-01-08): '平成元年1月7日'",
    ),
    (
        "        label: [件数]\n",
        "        label: [件数]\n        units: [人]\n",
        "R:4: rule 1/a: unit mismatch: person does not compare with case",
    ),
    (
        "unit: 件",
        "unit: 斤",
        "R:10: rule 1/a, field unit: unknown unit '斤'; known: %, PV, pt, ‰, "
        "か所, カ所, ケ所, パーセント, パーミル, ポイント, ヵ所, ヶ所, 世帯, 人, 人分, 人日, 人日分, 件, 分, 割, "
        "名, 回, 団体, 市区町村, 市町村, 施設, 時間, 校, 歳, 法人, 社, 秒, 箇所, 自治体, 都道府県, 館",
    ),
    ("      target: 10\n", "", "R:4: rule 1/a: comparator '>=' needs a target"),
    (
        'comparator: ">="',
        "comparator: about",
        "R:8: rule 1/a, field comparator: Input should be "
        "'>=', '>', '<=', '<', 'increase', 'decrease' or 'reduce_by_ratio'",
    ),
    (
        "target: 10",
        "target: ten",
        "R:9: rule 1/a, field target: Input should be a valid number, "
        "unable to parse string as a number",
    ),
    ("      find:\n        label: [件数]\n", "", "R:4: rule 1/a, field find: missing key 'find'"),
    ("plan: テスト計画\n", "", "R:1: field plan: missing key 'plan'"),
]


@pytest.mark.parametrize(("old", "new", "message"), MISTAKES)
def test_each_mistake_names_file_line_rule_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    assert _error(tmp_path, GOOD.replace(old, new)) == message


def test_duplicate_id(tmp_path: Path) -> None:
    second = GOOD.split("measures:\n")[1].replace("  1:\n", "  2:\n")
    text = GOOD + second
    assert (
        _error(tmp_path, text) == "R:13: rule 2/a, field id: id 'a' is used twice (first on line 4)"
    )


def test_duplicate_key(tmp_path: Path) -> None:
    text = GOOD.replace("      target: 10\n", "      target: 10\n      target: 20\n")
    assert _error(tmp_path, text) == "R:10: key 'target' appears twice (first on line 9)"


def test_aliases_are_refused(tmp_path: Path) -> None:
    text = "plan: &p テスト計画\nmeasures: {}\ndescription: *p\n"
    assert _error(tmp_path, text) == "R:3: YAML anchors and aliases are not allowed"


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lol += f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    assert "anchors and aliases are not allowed" in _error(tmp_path, lol)


def test_not_yaml(tmp_path: Path) -> None:
    assert _error(tmp_path, "plan: [unclosed\n").startswith("R:2: not valid YAML")


def test_no_is_not_false(tmp_path: Path) -> None:
    _, loaded = _load(tmp_path, GOOD.replace("label: 件数\n", "label: no\n"))
    assert loaded.indicators()[0][1].label == "no"


def test_reduce_by_ratio_needs_baseline(tmp_path: Path) -> None:
    text = GOOD.replace(
        'comparator: ">="', "comparator: reduce_by_ratio\n      ratio: 0.5"
    ).replace("      target: 10\n", "")
    assert _error(tmp_path, text) == "R:4: rule 1/a: reduce_by_ratio needs ratio and baseline"


def test_plan_mismatch_names_both_plans(tmp_path: Path) -> None:
    path, _ = _load(tmp_path, GOOD)
    with pytest.raises(RulesError) as info:
        rules_for(path, ("「別の計画」",), "別の計画")
    assert str(info.value) == f"{path}: rules are for 「テスト計画」, the document is 「別の計画」"


def test_folder_picks_the_file_of_the_plan(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD.replace("テスト計画", "別の計画"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    loaded = rules_for(tmp_path, ("「テスト計画」(令和6年…)",), "テスト計画")
    assert loaded.path.endswith("b.yaml")


def test_seed_rules_cover_every_quantitative_target(seed_doc, seed_rules) -> None:
    from kpi_tracker.rules.lint import lint
    from kpi_tracker.rules.targets import read_targets

    findings = lint(seed_doc, seed_rules)
    assert [f for f in findings if f.kind == "rule_without_measure"] == []
    assert {f.measure for f in findings if f.kind == "acknowledged"} == {11, 47, 115}
    # Uncovered are only goals without a number (…の増加): every numeric target has a rule.
    cells = {m.no: m.target_text for m in seed_doc.measures}
    for f in findings:
        if f.kind == "uncovered":
            assert all(t.target is None for t in read_targets(cells[f.measure]).targets), f


# --- the compiled-rules cache ------------------------------------------------------------------


def test_cache_gives_the_same_rules(tmp_path: Path, monkeypatch) -> None:
    from kpi_tracker.rules.compiled import cache

    monkeypatch.setenv("KPI_TRACKER_CACHE", str(tmp_path / "cache"))
    path, first = _load(tmp_path, GOOD)
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 1
    second = load_rules(path)  # from the cache
    assert second == first
    (entry,) = (tmp_path / "cache").glob("rules-*.json")
    entry.write_text("{not json", encoding="utf-8")  # a corrupt entry is rebuilt
    assert load_rules(path) == first
    assert cache.read(entry.stem) is not None


# D34 (issue 22): an entry with the right name and the wrong shape is rebuilt, not read.
WRONG_SHAPES = [
    # (entry text)  # what is wrong
    '{"rules": {"plan": "x", "title_contains": [], "version": 1, "description": "", '
    '"unmeasured": [], "measures": {}}, "conversions": []}',  # a list where a map goes
    '{"rules": {"plan": "x", "title_contains": [], "version": 1, "description": "", '
    '"unmeasured": {}, "measures": {"8": [["only-an-id"]]}}, "conversions": []}',  # short row
    '{"rules": {"plan": 8, "title_contains": 3, "version": "x", "description": null, '
    '"unmeasured": {}, "measures": {}}, "conversions": [[1, 2]]}',  # wrong types
    "[]",
    '"rules"',
]


@pytest.mark.parametrize("entry", WRONG_SHAPES)
def test_cache_entry_of_the_wrong_shape_is_rebuilt(tmp_path: Path, monkeypatch, entry) -> None:
    monkeypatch.setenv("KPI_TRACKER_CACHE", str(tmp_path / "cache"))
    path, first = _load(tmp_path, GOOD)
    (cached,) = (tmp_path / "cache").glob("rules-*.json")
    cached.write_text(entry, encoding="utf-8")
    assert load_rules(path) == first


def test_cache_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KPI_TRACKER_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    _, loaded = _load(tmp_path, GOOD)
    assert loaded.rules.plan == "テスト計画"
    assert not (tmp_path / "xdg").exists()


def test_uncached_run_converts_from_the_table(tmp_path: Path, monkeypatch) -> None:
    # A run that compiles the rules (no cache, or a new rules file) converts units from the
    # table it has just built, as a cached run does, not through pint for every pair.
    from kpi_tracker.text import units

    monkeypatch.setenv("KPI_TRACKER_CACHE", "off")
    monkeypatch.setattr(units, "_conversions", None)
    _load(tmp_path, GOOD)

    def no_pint(*args: object) -> float:
        raise AssertionError("converted through pint")

    monkeypatch.setattr(units, "_pint_convert", no_pint)
    assert units.factor("wari", "percent") == 10
    assert units.factor("percent", "person") is None


def test_cached_run_imports_neither_pydantic_nor_pint(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from .helpers import RULES

    code = (
        "import sys; from kpi_tracker.rules.compiled import load_rules; "
        f"load_rules({str(RULES)!r}); "
        "print(sorted(m for m in ('pydantic', 'pint', 'yaml') if m in sys.modules))"
    )
    env = {**os.environ, "KPI_TRACKER_CACHE": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["['pint', 'pydantic', 'yaml']", "[]"]


def test_huge_rules_file_is_refused(tmp_path: Path) -> None:
    text = GOOD + "description: " + "x" * (17 * 1024 * 1024) + "\n"
    assert _error(tmp_path, text) == "R: rules file larger than 16,777,216 bytes"


# --- issue 11: measure keys, numbers that are no numbers, several matching files ------------

SECOND = """\
  {key}:
    - id: b
      label: 件数
      find:
        label: [件数]
      comparator: ">="
      target: 20
      unit: 件
"""


@pytest.mark.parametrize(
    "key",
    [
        "08",  # a leading zero: the same measure 8 as `8:`
        "+8",  # a sign
        '" 8 "',  # spaces inside quotes
        "0_8",  # Python's digit separator
    ],
)
def test_duplicate_measure_keys_name_both_lines(tmp_path: Path, key: str) -> None:
    # D3: `8:` and `08:` both became measure 8 and the last silently won.
    text = GOOD.replace("  1:\n", "  8:\n") + SECOND.format(key=key)
    message = _error(tmp_path, text)
    shown = key.strip('"')
    assert message == f"R:12: measure {shown!r} is measure 8 again (first on line 3)"


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("8.0", "8.0"),  # crashed: int('8.0') after pydantic took it as 8
        ("x8", "x8"),
        ("-8", "-8"),
    ],
)
def test_measure_keys_are_numbers(tmp_path: Path, key: str, why: str) -> None:
    message = _error(tmp_path, GOOD.replace("  1:\n", f"  {key}:\n"))
    assert message == f"R:3: measure {why!r} is not a 施策No. (digits only)"


@pytest.mark.parametrize(
    "target",
    [
        "inf",  # a target never reached, JSON cannot write it
        "-inf",
        "1e400",  # overflows to inf
        "nan",  # compares false with everything
        "1" + "0" * 5000,  # a 5000-digit integer
    ],
)
def test_targets_are_finite_numbers(tmp_path: Path, target: str) -> None:
    # D8: these crashed or came out as a target no value can be compared with.
    message = _error(tmp_path, GOOD.replace("target: 10", f"target: {target}"))
    assert message.startswith("R:9: rule 1/a, field target: "), message


@pytest.mark.parametrize(
    "unit",
    [
        "件",  # a count
        "人",
        '"%"',  # a share
    ],
)
def test_negative_targets_are_refused(tmp_path: Path, unit: str) -> None:
    # D8: -5件 came out achieved for any count.
    text = GOOD.replace("target: 10", "target: -5").replace("unit: 件", f"unit: {unit}")
    message = _error(tmp_path, text)
    assert message == "R:9: rule 1/a, field target: a target is not negative"


def test_empty_plan_is_refused(tmp_path: Path) -> None:
    # D4: `plan: ""` matched every document.
    message = _error(tmp_path, GOOD.replace("plan: テスト計画", 'plan: ""'))
    assert message == "R:1: field plan: a plan name is needed (matched against the title)"


def test_several_matching_files_are_an_error(tmp_path: Path) -> None:
    # D4: the alphabetically first of several matching files won silently.
    (tmp_path / "a.yaml").write_text(GOOD.replace("plan: テスト計画", "plan: テスト"), "utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("plan: テスト計画", "plan: 計画"), "utf-8")
    with pytest.raises(RulesError) as info:
        rules_for(tmp_path, ("「テスト計画」", "実施状況(令和7年度)"), "テスト計画")
    assert str(info.value) == (
        f"{tmp_path}: several rules files match the plan 「テスト計画」: "
        f"{tmp_path / 'a.yaml'} (「テスト」), {tmp_path / 'b.yaml'} (「計画」); "
        "give --rules FILE"
    )


def test_exact_plan_wins_among_several_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD.replace("plan: テスト計画", "plan: テスト"), "utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, "utf-8")
    chosen = rules_for(tmp_path, ("「テスト計画」", "実施状況(令和7年度)"), "テスト計画")
    assert chosen.path == str(tmp_path / "b.yaml")
    assert chosen.note == (
        f"several rules files match; using {tmp_path / 'b.yaml'}, whose plan is exactly the "
        f"document's (also matching: {tmp_path / 'a.yaml'})"
    )


def test_pint_is_imported_without_numpy(tmp_path: Path) -> None:
    """pint imports numpy when it is installed; a first run (rules validated with pint) must
    not pay for it. The second case: a process that has numpy keeps pint's numpy support."""
    import importlib.util
    import os
    import subprocess
    import sys

    from .helpers import RULES

    if importlib.util.find_spec("numpy") is None:
        pytest.skip("numpy is not installed: nothing to keep out")
    code = (
        "import sys\n{before}from kpi_tracker.rules.compiled import load_rules\n"
        f"load_rules({str(RULES)!r})\n"
        "import pint.compat\n"
        "print('pint' in sys.modules, 'numpy' in sys.modules, pint.compat.HAS_NUMPY)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code.format(before=before)],
            env={**os.environ, "KPI_TRACKER_CACHE": str(tmp_path / str(len(before)))},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for before in ("", "import numpy\n")
    ]
    assert runs[0] == "True False False"  # the rules were validated (pint), numpy stayed out
    assert runs[1] == "True True True"  # numpy there before: pint keeps its numpy path
