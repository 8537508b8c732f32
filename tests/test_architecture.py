"""The package's shape, read from its source: no import cycle, data flowing one way.

Every ``import`` of every module under ``kpi_tracker/`` counts, wherever it stands (top level,
inside a function, under ``TYPE_CHECKING``): a lazy import is still a dependency. Relative
imports are resolved to module names; ``from . import x`` names the submodule ``x`` when there
is one, else the package. Imports by a name in a string (``import_module``) are not seen: the
reader and renderer tables use them for modules of their own package only, and the public API
(``kpi_tracker.__getattr__``) sits above everything.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from .helpers import ROOT

PACKAGE = ROOT / "kpi_tracker"


def _module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The module of ours that ``name`` (a module, or a module's attribute) refers to."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(
    module: str, path: Path, known: dict[str, Path], text: str | None = None
) -> Iterator[tuple[str, int]]:
    """The modules of ours that ``module`` (at ``path``; its source, or ``text``) imports,
    each with the line of the import."""
    source = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(source, str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name, known)
                if target is not None:
                    yield target, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base_parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                target = _resolve(f"{base}.{alias.name}", known) or _resolve(base, known)
                if target is not None:
                    yield target, node.lineno


@cache
def import_graph(root: Path = PACKAGE) -> dict[str, dict[str, int]]:
    """module → {imported module: line of the first such import}."""
    known = _modules(root)
    graph: dict[str, dict[str, int]] = {}
    for module, path in known.items():
        edges: dict[str, int] = {}
        for target, line in imports_of(module, path, known):
            if target != module:
                edges.setdefault(target, line)
        graph[module] = edges
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the components of more than one module, or of one that
    imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, {}):
                    found.append(sorted(component))
    return found


def _describe(component: list[str], graph: dict[str, dict[str, int]]) -> str:
    members = set(component)
    edges = [
        f"{a} -> {b} (line {line})"
        for a in component
        for b, line in sorted(graph[a].items())
        if b in members
    ]
    return "; ".join(edges)


# --- the checker is tested on small packages first, so that a pass below means something ---


def _write_package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "kpi_tracker"
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


CYCLE_CASES = [
    # (files, expected components)  # why
    (
        {
            "kpi_tracker/__init__.py": "",
            "kpi_tracker/a.py": "from . import b\n",
            "kpi_tracker/b.py": "from .a import x\n",
        },
        [["kpi_tracker.a", "kpi_tracker.b"]],
    ),  # two modules
    (
        {
            "kpi_tracker/__init__.py": "",
            "kpi_tracker/a.py": "def f():\n    from .b import y\n",
            "kpi_tracker/b.py": "import kpi_tracker.a\n",
        },
        [["kpi_tracker.a", "kpi_tracker.b"]],
    ),  # a lazy import counts
    (
        {
            "kpi_tracker/__init__.py": "",
            "kpi_tracker/p/__init__.py": "",
            "kpi_tracker/p/x.py": "from ..q.y import f\n",
            "kpi_tracker/q/__init__.py": "",
            "kpi_tracker/q/y.py": "from ..p import x\n",
        },
        [["kpi_tracker.p.x", "kpi_tracker.q.y"]],
    ),  # across packages, `from ..p import x` is the module x
    (
        {
            "kpi_tracker/__init__.py": "",
            "kpi_tracker/a.py": "from . import b\n",
            "kpi_tracker/b.py": "from . import c\n",
            "kpi_tracker/c.py": "from .a import z\n",
        },
        [["kpi_tracker.a", "kpi_tracker.b", "kpi_tracker.c"]],
    ),  # three in a ring
    (
        {
            "kpi_tracker/__init__.py": "",
            "kpi_tracker/a.py": "from . import b\nfrom .c import d\n",
            "kpi_tracker/b.py": "from .c import d\n",
            "kpi_tracker/c.py": "import os\n",
        },
        [],
    ),  # a diamond is no cycle
    (
        {
            "kpi_tracker/__init__.py": "",
            "kpi_tracker/p/__init__.py": "",
            "kpi_tracker/p/x.py": "from . import y\n",
            "kpi_tracker/p/y.py": "from .. import __version__\n",
        },
        [],
    ),  # `from .. import name` reaches the package, which imports nothing back
]


@pytest.mark.parametrize(("files", "expected"), CYCLE_CASES)
def test_the_cycle_finder_on_small_packages(
    tmp_path: Path, files: dict[str, str], expected: list[list[str]]
) -> None:
    root = _write_package(tmp_path, files)
    assert strongly_connected(import_graph(root)) == expected


def test_no_import_cycle() -> None:
    graph = import_graph()
    cycles = strongly_connected(graph)
    assert not cycles, "import cycles: " + " | ".join(_describe(c, graph) for c in cycles)


# --- layering: which stage package may import which ---------------------------------------

# package → packages (and modules) of ours it must never import, and why
FORBIDDEN: list[tuple[str, tuple[str, ...], str]] = [
    (
        "kpi_tracker.read",
        (
            "kpi_tracker.rules",
            "kpi_tracker.extract",
            "kpi_tracker.judge",
            "kpi_tracker.store",
            "kpi_tracker.render",
            "kpi_tracker.pipeline",
            "kpi_tracker.cli",
        ),
        "reading turns bytes into a Document; it knows no rules, extraction or judging",
    ),
    (
        "kpi_tracker.text",
        (
            "kpi_tracker.read",
            "kpi_tracker.rules",
            "kpi_tracker.extract",
            "kpi_tracker.judge",
            "kpi_tracker.store",
            "kpi_tracker.render",
            "kpi_tracker.model",
            "kpi_tracker.pipeline",
            "kpi_tracker.cli",
        ),
        "text is the bottom layer: normalisation, numbers, periods, units",
    ),
    (
        "kpi_tracker.extract",
        (
            "kpi_tracker.read",
            "kpi_tracker.judge",
            "kpi_tracker.store",
            "kpi_tracker.render",
            "kpi_tracker.pipeline",
            "kpi_tracker.cli",
        ),
        "extraction reads a status text for a rule; it does not judge",
    ),
    (
        "kpi_tracker.judge",
        (
            "kpi_tracker.extract.features",
            "kpi_tracker.extract.similarity",
            "kpi_tracker.read",
            "kpi_tracker.store",
            "kpi_tracker.render",
            "kpi_tracker.pipeline",
            "kpi_tracker.cli",
        ),
        "judging takes extraction's decision; it never imports scoring constants",
    ),
    (
        "kpi_tracker.model",
        (
            "kpi_tracker.read",
            "kpi_tracker.rules",
            "kpi_tracker.extract",
            "kpi_tracker.judge",
            "kpi_tracker.store",
            "kpi_tracker.render",
            "kpi_tracker.pipeline",
            "kpi_tracker.cli",
        ),
        "the shared records sit at the bottom",
    ),
    (
        "kpi_tracker.render",
        ("kpi_tracker.store", "kpi_tracker.read", "kpi_tracker.pipeline", "kpi_tracker.cli"),
        "renderers turn a computed value into text; they compute and read nothing",
    ),
    (
        "kpi_tracker.store",
        ("kpi_tracker.render", "kpi_tracker.read", "kpi_tracker.pipeline", "kpi_tracker.cli"),
        "storage keeps scorecards; it neither reads documents nor renders",
    ),
]


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def forbidden_imports(graph: dict[str, dict[str, int]]) -> list[str]:
    found = []
    for package, banned, why in FORBIDDEN:
        for module, edges in sorted(graph.items()):
            if not _inside(module, package):
                continue
            for target, line in sorted(edges.items()):
                if any(_inside(target, b) for b in banned):
                    found.append(f"{module} imports {target} (line {line}): {why}")
    return found


LAYER_CASES = [
    # (module, import line, forbidden?)  # why
    (
        "read/plantable.py",
        "from ..rules.target_text import strip_furniture\n",
        True,
    ),  # read → rules
    (
        "read/sheets/table.py",
        "from ...judge.outcome import Outcome\n",
        True,
    ),  # a subpackage of read → judge
    (
        "read/xlsx.py",
        "def f():\n    from ..extract import candidates\n",
        True,
    ),  # lazily, still read → extract
    (
        "judge/outcome.py",
        "from ..extract.features import AMBIGUITY_MARGIN\n",
        True,
    ),  # a scoring constant
    (
        "judge/trend.py",
        "from ..extract.candidates import Extraction\n",
        False,
    ),  # extraction's result is judge's input
    ("read/rows.py", "from ..text.normalize import normalize\n", False),  # read may use text
    (
        "rules/lint.py",
        "from ..judge.scorecard import extractions_for\n",
        False,
    ),  # lint looks at a report
]


@pytest.mark.parametrize(("where", "line", "forbidden"), LAYER_CASES)
def test_the_layer_check_on_single_imports(where: str, line: str, forbidden: bool) -> None:
    known = _modules()
    path = PACKAGE / where
    module = _module_name(path)
    edges = {target: lineno for target, lineno in imports_of(module, path, known, line)}
    assert bool(forbidden_imports({module: edges})) is forbidden, edges


def test_each_stage_imports_only_what_its_layer_allows() -> None:
    found = forbidden_imports(import_graph())
    assert not found, "\n".join(found)


# --- the folder itself ---------------------------------------------------------------------

TOP_LEVEL_MODULES = 8  # beside the stage packages (issue 20)


def test_few_top_level_modules() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= TOP_LEVEL_MODULES, modules


def declared_imports(init: Path) -> tuple[set[str], str]:
    """What a package's ``__init__`` docstring says it may import: the ````names```` in its
    ``May import:`` sentence, as module names (``kpi_tracker.text``); and the docstring."""
    doc = " ".join((ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or "").split())
    if "Owns:" not in doc or "May import:" not in doc:
        return set(), doc
    sentence = doc.split("May import:", 1)[1]
    sentence = re.split(r"\.(?:\s|$)", sentence, maxsplit=1)[0]
    return {f"kpi_tracker.{name}" for name in re.findall(r"``([\w.]+)``", sentence)}, doc


PACKAGES = sorted(
    p.parent for p in PACKAGE.rglob("__init__.py") if p.parent not in (PACKAGE, PACKAGE / "data")
)


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_package_imports_what_its_docstring_says(folder: Path) -> None:
    declared, doc = declared_imports(folder / "__init__.py")
    assert "Owns:" in doc and "May import:" in doc, doc
    own = _module_name(folder / "__init__.py")
    parent = own.rpartition(".")[0]  # a subpackage may use its own package's __init__
    used = {
        target
        for module, edges in import_graph().items()
        if _inside(module, own)
        for target in edges
        if not _inside(target, own) and target not in ("kpi_tracker", parent)
    }
    undeclared = sorted(t for t in used if not any(_inside(t, d) for d in declared))
    assert not undeclared, f"{own} imports {undeclared}, not in its docstring"


DOCSTRING_CASES = [
    # (docstring, declared)  # why
    ("X.\n\nOwns: a. May import: ``model``, ``text``.", {"model", "text"}),  # the plain form
    ("Owns: a. May\nimport: ``read.columns`` (cells).", {"read.columns"}),  # wrapped, dotted
    ("Owns: a. May import: ``errors``. Never ``judge``.", {"errors"}),  # the sentence ends
    ("Owns: a. May import: ``m``; in ``x`` only, ``judge``.", {"m", "x", "judge"}),  # exceptions
    ("May import: ``model``.", set()),  # no Owns: nothing declared (and the test fails)
]


@pytest.mark.parametrize(("doc", "expected"), DOCSTRING_CASES)
def test_declared_imports(tmp_path: Path, doc: str, expected: set[str]) -> None:
    init = tmp_path / "__init__.py"
    init.write_text(f'"""{doc}"""\n', encoding="utf-8")
    assert declared_imports(init)[0] == {f"kpi_tracker.{n}" for n in expected}


THRESHOLDS = ("MIN_SCORE", "ACCEPT_RATIO", "CLAIM_MARGIN", "AMBIGUITY_MARGIN")


def test_the_decision_owns_every_threshold_and_judging_never_reads_a_score() -> None:
    # One decide() owns the thresholds; outcome and trend take its decision.
    defined = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "kpi_tracker").rglob("*.py"))
        for name in THRESHOLDS
        if re.search(rf"^{name}\s*=", path.read_text(encoding="utf-8"), re.M)
    ]
    assert defined == [f"kpi_tracker/extract/decide.py: {n}" for n in THRESHOLDS]
    judging = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "kpi_tracker/judge/outcome.py", ROOT / "kpi_tracker/judge/trend.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.score\b", line)
    ]
    assert judging == []


def test_no_comment_cites_a_file_users_lack() -> None:
    # CONTRACT.md and the issue notes live beside the repository, not in it.
    cited = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "CONTRACT" in line
    ]
    assert not cited, "\n".join(cited)


def test_extraction_core_stays_readable() -> None:
    """Issue 21: no function of the extraction core over 60 lines; their decision readable."""
    import ast

    for path in sorted((PACKAGE / "extract").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, f"{path.name}:{node.lineno} {node.name} has {length} lines"


# Three or more alternatives of which two are words (two kanji or katakana or more): a word
# list. Particles (hiragana) and single characters are the grammar patterns are built of.
_WORD = (
    r"[\u3040-\u30ff\u4e00-\u9fff]*[\u30a0-\u30ff\u4e00-\u9fff]{2,}[\u3040-\u30ff\u4e00-\u9fff]*\??"
)
_ALTERNATIVE = r"[\u3040-\u30ff\u4e00-\u9fff]+\??"


def _word_lists(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        for m in re.finditer(rf"{_ALTERNATIVE}(?:\|{_ALTERNATIVE}){{2,}}", node.value):
            if sum(bool(re.fullmatch(_WORD, a)) for a in m.group().split("|")) >= 2:
                found.append(m.group())
    return found


@pytest.mark.parametrize(
    ("source", "lists"),
    [
        ('X = re.compile(r"合計|総数|総計")', ["合計|総数|総計"]),
        ('X = re.compile(r"(?:に|へ|と)")', []),  # particles: grammar
        ("X = re.compile(rf\"{alternation('total')}\")", []),
        ('X = re.compile(r"年度?|月|日|末|時点|件数")', ["年度?|月|日|末|時点|件数"]),
    ],
)
def test_word_lists_are_found(source: str, lists: list[str]) -> None:
    assert _word_lists(source) == lists


def test_the_extraction_core_keeps_no_word_list() -> None:
    """Issue 21: the words figures are read by are data (data/lexicon.tsv), not code."""
    found = [
        f"{path.name}: {words}"
        for path in sorted((PACKAGE / "extract").glob("*.py"))
        for words in _word_lists(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_extraction_core_functions_stay_simple() -> None:
    """Issue 21: no function of the extraction core over cyclomatic complexity 15 (ruff's
    mccabe rule, C901)."""
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    done = subprocess.run(
        [
            ruff,
            "check",
            str(PACKAGE / "extract"),
            "--select",
            "C901",
            "--config",
            "lint.mccabe.max-complexity=15",
            "--output-format",
            "concise",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
