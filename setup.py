"""Build hook: the top-level ``rules/`` ships inside the package as ``kpi_tracker/data/rules``.

``rules/`` stays the one source of the rules (edited, linted and tested there); a wheel or a
non-editable install gets a copy, so ``kpi-tracker`` finds the plan's rules in any folder.
Everything else is configured in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RULES = Path(__file__).resolve().parent / "rules"


class BuildPyWithRules(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's rules/ directly
        target = Path(self.build_lib) / "kpi_tracker" / "data" / "rules"
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted([*RULES.glob("*.yaml"), *RULES.glob("*.yml")]):
            shutil.copy2(source, target / source.name)


setup(cmdclass={"build_py": BuildPyWithRules})
