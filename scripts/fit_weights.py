"""Fit the scorer's weights (kpi_tracker/data/weights.tsv) from the labelled documents.

Every labelled document (tests/fixtures/reworded and tests/fixtures/writers: a status table
and, per indicator, the value a careful reader takes from it) gives, per indicator, the
candidate figures the engine finds with their feature vectors. A candidate is right when its
value is the expected one (within 0.5%). The fit is a conditional logit (softmax over each
indicator's candidates plus "no value", which stands at the engine's MIN_SCORE), with an L2
prior towards the current weights; an indicator whose right answer is "no value" counts
twice, so that a wrong number costs more than a missing one. Pure Python, no dependency.

    python scripts/fit_weights.py            # leave-one-document-out accuracy: the current
                                             # weights, a conditional logit, the decision fit
    python scripts/fit_weights.py --write    # and write the decision fit on every document

Accuracy here is the share of indicators whose value is decided right: the candidates that
score close to the best, the latest of them (or "no value" when none scores enough) — the
engine's choice before the judgement (pending values, siblings' claims and ambiguity are not
modelled).
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_tracker.extract import decide, features  # noqa: E402
from kpi_tracker.judge.scorecard import extractions_for  # noqa: E402
from kpi_tracker.read.document import load_document  # noqa: E402
from kpi_tracker.rules.compiled import load_rules  # noqa: E402

LABELLED = ("tests/fixtures/reworded", "tests/fixtures/writers")
BETA = 10.0  # score units → log-odds: a score 0.1 higher is e times likelier
PRIOR = 1.0  # L2 pull towards the current weights
NONE_COST = 2.0  # an indicator whose answer is "no value" counts this many times


@dataclass(frozen=True)
class Group:
    """One indicator of one document: its candidates' features and which are right."""

    doc: str
    indicator: str
    vectors: tuple[tuple[float, ...], ...]
    right: tuple[bool, ...]
    none_right: bool  # the expected answer is "no value"
    ends: tuple[int, ...]  # each candidate's period end (date ordinal; 0 when it names none)
    # for the engine's own decision (``engine_accuracy``): the indicator, what was read for
    # it (every candidate, earlier values included), the report's date and the value expected
    engine: tuple[Any, Any, Any, float | None] | None = None

    @property
    def sparse(self) -> tuple[tuple[tuple[int, float], ...], ...]:
        """Each candidate's non-zero features as (index, value): most features are zero, and
        the fit's loops run over these only."""
        cached = self.__dict__.get("_sparse")
        if cached is None:
            cached = tuple(tuple((k, v) for k, v in enumerate(x) if v) for x in self.vectors)
            object.__setattr__(self, "_sparse", cached)
        return cached


def _dot(w: list[float], sparse: tuple[tuple[int, float], ...]) -> float:
    return sum(w[k] * v for k, v in sparse)


def documents() -> list[tuple[Path, Path]]:
    out = []
    for folder in LABELLED:
        for doc in sorted((ROOT / folder).glob("*.txt")):
            expected = doc.with_suffix(".expected.yaml")
            if expected.exists():
                out.append((doc, expected))
    return out


def groups_of(doc: Path, expected: Path) -> list[Group]:
    rules = load_rules(ROOT / "rules" / "kodoku_koritsu.yaml")
    document = load_document(doc)
    as_of = document.as_of
    wanted = {e["id"]: e for e in yaml.safe_load(expected.read_text(encoding="utf-8"))}
    out = []
    for measure in document.measures:
        inds = rules.rules.measures.get(measure.no, ())
        if not inds:
            continue
        found = extractions_for(measure, inds)
        for ind in inds:
            e = wanted.get(ind.id)
            if e is None or ind.id not in found:
                continue
            cands = [
                c
                for c in found[ind.id].candidates
                if c.scored is not None and c.scored.features and not c.observation.previous
            ]
            actual = e.get("actual")
            right = tuple(
                actual is not None and abs(c.observation.value - actual) <= 0.005 * abs(actual)
                for c in cands
            )
            none_right = actual is None
            if not cands or (not none_right and not any(right)):
                continue  # nothing to learn: no candidate, or the right one is not found
            vectors = tuple(c.scored.features for c in cands)  # type: ignore[union-attr]
            ends = tuple(
                c.observation.period.end.toordinal()
                if c.observation.period is not None
                and (as_of is None or c.observation.period.end <= as_of)
                else 0
                for c in cands
            )
            engine = (ind, found[ind.id], as_of, actual) if ind.share_of is None else None
            out.append(Group(doc.stem, ind.id, vectors, right, none_right, ends, engine))
    return out


def _scores(w: list[float], g: Group) -> list[float]:
    s = [BETA * _dot(w, x) for x in g.sparse]
    return [*s, BETA * decide.MIN_SCORE]  # the last is "no value"


def fit(
    groups: list[Group], start: list[float], steps: int = 300, rate: float = 0.02
) -> list[float]:
    w = list(start)
    for _ in range(steps):
        grad = [2 * PRIOR * (wi - si) for wi, si in zip(w, start, strict=True)]
        for g in groups:
            s = _scores(w, g)
            top = max(s)
            e = [math.exp(v - top) for v in s]
            z = sum(e)
            ok = [*g.right, g.none_right]
            zr = sum(ei for ei, r in zip(e, ok, strict=True) if r)
            cost = NONE_COST if g.none_right else 1.0
            for j, x in enumerate(g.sparse):
                p_all, p_right = e[j] / z, (e[j] / zr if ok[j] else 0.0)
                d = cost * BETA * (p_all - p_right)
                for k, v in x:
                    grad[k] += d * v
        w = [wi - rate * gi / max(1, len(groups)) * 10 for wi, gi in zip(w, grad, strict=True)]
    return w


def accuracy(w: list[float], groups: list[Group]) -> float:
    """The share of indicators decided right: the candidates scoring close to the best (as the
    engine accepts them) and, among them, the latest; "no value" when none scores enough."""
    if not groups:
        return float("nan")
    misses = sum(_group_cost([_dot(w, x) for x in g.sparse], g) > 0 for g in groups)
    return 1 - misses / len(groups)


def engine_accuracy(w: list[float], groups: list[Group]) -> float:
    """The share of indicators the engine itself decides right with weights ``w``: every
    candidate rescored, then the engine's ``accept`` and ``decide`` (its periods, parts of a
    year, totals, bounds, ambiguity), the value compared with the expected one (within 0.5%,
    or none). Siblings' claims are not replayed; shares (``share_of``) are left out."""
    judged = [g for g in groups if g.engine is not None]
    if not judged:
        return float("nan")
    hits = 0
    for g in judged:
        ind, found, as_of, actual = g.engine  # type: ignore[misc]
        rescored = []
        for c in found.candidates:
            if c.scored is None or not c.scored.features:
                rescored.append(c)
                continue
            score = sum(wi * xi for wi, xi in zip(w, c.scored.features, strict=True))
            rescored.append(
                replace(c, score=score, observation=replace(c.observation, score=score))
            )
        rescored.sort(key=lambda c: -c.score)
        extraction = decide.accept(
            tuple(rescored),
            found.all_changes,
            found.pending,
            found.pending_evidence,
            found.found_label,
            totals_apart=found.totals_apart,
        )
        d = decide.decide(ind, extraction, as_of)
        if d.kind == "value" and not d.part_of_year and d.actual is not None:
            hits += actual is not None and abs(d.actual - actual) <= 0.005 * max(abs(actual), 1e-9)
        else:
            hits += actual is None
    return hits / len(judged)


def _group_cost(s: list[float], g: Group) -> float:
    """What the decision costs on one indicator whose candidates score ``s``: the candidates
    scoring close to the best (as the engine accepts them) and, among them, the latest; "no
    value" when none scores enough. A wrong number costs NONE_COST, a value missed 1."""
    best = max(s)
    if best < decide.MIN_SCORE:
        return 0.0 if g.none_right else 1.0
    floor = max(decide.MIN_SCORE, best * decide.ACCEPT_RATIO)
    pick = max((i for i in range(len(s)) if s[i] >= floor), key=lambda i: (g.ends[i], s[i]))
    return 0.0 if g.right[pick] else NONE_COST


def fit_decision(
    groups: list[Group], start: list[float], passes: int = 6, only: frozenset[int] | None = None
) -> list[float]:
    """Weights that lower the decision's cost (``_group_cost``) over ``groups``: a coordinate search
    from ``start``, each weight scaled or shifted in turn, a change kept only when the cost
    falls. The decision is not differentiable (the latest accepted candidate wins), so this
    fits it directly rather than a likelihood. ``only``: the indexes of the weights searched
    (the others stay as they start)."""
    w = list(start)
    scores = [[_dot(w, x) for x in g.sparse] for g in groups]
    costs = [_group_cost(s, g) for s, g in zip(scores, groups, strict=True)]
    # a trial changes one weight, so only the indicators with a candidate that has that
    # feature are scored again
    having: list[list[int]] = [[] for _ in w]
    for i, g in enumerate(groups):
        for k in {k for x in g.sparse for k, _ in x}:
            having[k].append(i)
    for _ in range(passes):
        improved = False
        for k in range(len(w)):
            if only is not None and k not in only:
                continue
            for trial in (w[k] * 0.7, w[k] * 1.4, w[k] - 0.05, w[k] + 0.05, 0.0):
                cand = [*w[:k], trial, *w[k + 1 :]]
                moved = {}
                for i in having[k]:
                    s = [_dot(cand, x) for x in groups[i].sparse]
                    moved[i] = (s, _group_cost(s, groups[i]))
                if sum(c for _, c in moved.values()) < sum(costs[i] for i in moved) - 1e-9:
                    w, improved = cand, True
                    for i, (s, c) in moved.items():
                        scores[i], costs[i] = s, c
        if not improved:
            break
    return w


_FOLDS: dict[str, Any] = {}  # what each forked worker of ``--jobs`` reads (set before forking)


def held_out(doc: str) -> list[float]:
    """The six accuracies on ``doc`` of the weights fitted on every other document."""
    by_doc, hand, steps, only = (_FOLDS[k] for k in ("by_doc", "hand", "steps", "only"))
    held = by_doc[doc]
    rest = [g for d, gs in by_doc.items() if d != doc for g in gs]
    weights = (hand, fit(rest, hand, steps), fit_decision(rest, hand, only=only))
    return [accuracy(w, held) for w in weights] + [engine_accuracy(w, held) for w in weights]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write data/weights.tsv")
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument(
        "--only",
        default="",
        help="fit only these weights (comma-separated feature names); the others stay",
    )
    parser.add_argument(
        "--held", default="", help="hold out only these documents (comma-separated names)"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="documents held out at once (processes)"
    )
    args = parser.parse_args()
    hand = [features.WEIGHTS[f] for f in features.FEATURES]
    unknown = [f for f in args.only.split(",") if f and f not in features.FEATURES]
    if unknown:
        parser.error(f"--only: no feature {', '.join(unknown)} (features: {features.FEATURES})")
    only = (
        frozenset(features.FEATURES.index(f) for f in args.only.split(",")) if args.only else None
    )
    by_doc = {doc.stem: groups_of(doc, exp) for doc, exp in documents()}
    total = sum(len(g) for g in by_doc.values())
    print(f"{len(by_doc)} documents, {total} indicators with candidates")
    print(
        f"{'held out':<12} {'n':>4} {'current':>8} {'logit':>8} {'decision':>8}"
        f"   engine: {'current':>8} {'logit':>8} {'decision':>8}"
    )
    _FOLDS.update(by_doc=by_doc, hand=hand, steps=args.steps, only=only)
    docs = [d for d in by_doc if not args.held or d in args.held.split(",")]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        results = pool.imap(held_out, docs) if args.jobs > 1 else map(held_out, docs)
        hits, counted = [0.0] * 6, 0
        for doc, scores in zip(docs, results, strict=True):
            n = len(by_doc[doc])
            counted += n
            hits = [h + a * n for h, a in zip(hits, scores, strict=True)]
            print(
                f"{doc:<12} {n:>4} "
                + " ".join(f"{a:>8.3f}" for a in scores[:3])
                + "           "
                + " ".join(f"{a:>8.3f}" for a in scores[3:]),
                flush=True,
            )
    print(
        f"{'LOO overall':<12} {counted:>4} "
        + " ".join(f"{h / max(counted, 1):>8.3f}" for h in hits[:3])
        + "           "
        + " ".join(f"{h / max(counted, 1):>8.3f}" for h in hits[3:])
    )
    if args.write:
        w = fit_decision([g for gs in by_doc.values() for g in gs], hand, only=only)
        path = ROOT / "kpi_tracker" / "data" / "weights.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()
        values = dict(zip(features.FEATURES, w, strict=True))
        out = [
            f"{ln.split(chr(9))[0]}\t{values[ln.split(chr(9))[0]]:.4f}"
            if not ln.startswith("#") and ln.split("\t")[0] in values
            else ln
            for ln in lines
        ]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
