"""Score a labelled document against its expected results, as the stops' notes report them.

    python scripts/score_document.py tests/fixtures/writers/w_pdf.txt [-v]

The expected results are the YAML beside the document (``NAME.expected.yaml``: one entry per
indicator with ``status``, ``overdue`` for behind, ``actual`` in the indicator's unit). An
indicator is right when its status (and overdue) is the expected one and, where a value is
expected, the value is within 0.5 % of it. A *wrong number* is a value reported for a verdict
where the expected value differs (or none is expected): worse than no value, since it flips a
verdict people act on. ``-v`` lists the indicators that are not right.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def score(doc: Path, verbose: bool = False) -> tuple[int, int, int]:
    """(right, indicators, wrong numbers) of ``doc`` against its expected results."""
    out = subprocess.run(
        [sys.executable, "-m", "kpi_tracker", "scorecard", str(doc), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        raise SystemExit(out.stderr.strip())
    got = {i["id"]: i for i in json.loads(out.stdout)["indicators"]}
    expected = yaml.safe_load(doc.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    right = wrong = 0
    for e in expected:
        g = got.get(e["id"])
        if g is None:
            print(f"  {e['id']}: missing from the scorecard")
            continue
        ok = g["status"] == e["status"]
        if ok and e["status"] == "behind":
            ok = bool(g.get("overdue")) == bool(e.get("overdue"))
        want, have = e.get("actual"), g.get("actual")
        if want is not None:
            ok = ok and have is not None and _close(have, want)
        bad = (
            have is not None
            and g["status"] != "not_measurable"
            and (want is None or not _close(have, want))
            and (want is not None or e["status"] == "not_measurable")
        )
        right += ok
        wrong += bad
        if verbose and not ok:
            print(
                f"  {e['id']}: expected {e['status']} {want}, got {g['status']} {have}"
                f"{'  WRONG NUMBER' if bad else ''}"
            )
    return right, len(expected), wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for doc in args.documents:
        right, total, wrong = score(doc, args.verbose)
        print(f"{doc}: {right}/{total} right, {wrong} wrong numbers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
