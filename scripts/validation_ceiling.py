"""How far can any weighting of the answers go? Additive models fitted to the references, tested on cases left out.

    .venv/bin/python scripts/validation_ceiling.py
    .venv/bin/python scripts/validation_ceiling.py --with validation/reask/FILE.yaml   # candidate questions added

The engine adds points per answer. If its hand-set points were the problem, points fitted to the documented cases
themselves would do better on a case they were not fitted on. This script fits two such models (naive Bayes, which
adds a log-likelihood per answer, and a multinomial logistic regression on one-hot answers) to all cases but one,
predicts the one left out, and repeats for every case (leave-one-out). It also fits on all cases and predicts
them back, which shows how far tuning case by case could go without generalising. With `--with`, answers to
candidate questions (asked blind per project of validation/expert/projects.md, as in validation/reask/) are added
first: if they hold information the current questions lack, the left-out figures rise. The figures are quoted in
docs/validation.md ("How far weights can go"); they are an analysis, not part of the advice.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validation_report import EXPERT, answers_of, documented, golden, judges, practice  # noqa: E402

from ladder.analysis.validation import BASE_LADDER  # noqa: E402

Answer = frozenset[tuple[str, str]]
RIDGE = (0.01, 0.05, 0.2)  # L2 strengths tried for the regression; the best is reported, which flatters it


def one_hot(given: dict) -> Answer:
    """Every (question, option) answered; a question with several answers gives several."""
    pairs = set()
    for trait, value in given.items():
        for option in value if isinstance(value, list) else [value]:
            pairs.add((trait, str(option)))
    return frozenset(pairs)


def naive_bayes(train: Sequence[tuple[Answer, int]], x: Answer) -> int:
    counts = Counter(rung for _, rung in train)
    seen: dict[int, Counter] = defaultdict(Counter)
    options: dict[str, set[str]] = defaultdict(set)
    for answers, rung in train:
        for trait, option in answers:
            seen[rung][(trait, option)] += 1
            options[trait].add(option)

    def log_score(rung: int) -> float:
        n = counts[rung]
        return math.log(n) + sum(math.log((seen[rung][pair] + 0.5) / (n + 0.5 * max(2, len(options[pair[0]]))))
                                 for pair in x)

    return max(counts, key=log_score)


def logistic(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, ridge: float,
             steps: int = 400) -> np.ndarray:
    classes = len(BASE_LADDER)
    weights, bias = np.zeros((x_train.shape[1], classes)), np.zeros(classes)
    target = np.eye(classes)[y_train]
    for _ in range(steps):  # plain gradient descent: 55 rows, a few hundred columns, deterministic
        z = x_train @ weights + bias
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        weights -= 0.5 * (x_train.T @ (p - target) / len(y_train) + ridge * weights)
        bias -= 0.5 * (p - target).mean(axis=0)
    return np.asarray((x_test @ weights + bias).argmax(axis=1))


def scores(predicted: Sequence[int], truth: Sequence[int]) -> str:
    gaps = [abs(p - t) for p, t in zip(predicted, truth, strict=True)]
    n = len(gaps)
    return f"{sum(g == 0 for g in gaps) / n:.0%} exact, {sum(g <= 1 for g in gaps) / n:.0%} within one"


def with_candidates(given: dict[str, dict], path: Path) -> dict[str, dict]:
    """The answers plus the candidate questions' answers; notes, `onbekend` and `nvt` are left out."""
    names = json.loads((EXPERT / "projects.json").read_text(encoding="utf-8"))
    extra = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {case: dict(answers) for case, answers in given.items()}
    for project, answers in extra.items():
        case = names[project]["source"]
        if case in out:
            out[case].update({k: v for k, v in answers.items()
                              if not k.endswith("_note") and v not in ("onbekend", "nvt", None)})
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with", dest="candidates", type=Path, help="answers to candidate questions, per project")
    args = parser.parse_args(argv)
    cases = documented()
    given = answers_of(cases, golden())
    if args.candidates:
        given = with_candidates(given, args.candidates)
    references = {"practice": practice(cases), **judges()}
    for name, refs in references.items():
        rows = [(one_hot(given[r.case]), BASE_LADDER.index(r.rung)) for r in refs if r.case in given]
        vocab = {pair: i for i, pair in enumerate(sorted({p for answers, _ in rows for p in answers}))}
        x = np.zeros((len(rows), len(vocab)))
        for i, (answers, _) in enumerate(rows):
            x[i, [vocab[p] for p in answers]] = 1
        y = np.array([rung for _, rung in rows])
        truth = list(y)
        bayes = [naive_bayes(rows[:i] + rows[i + 1:], rows[i][0]) for i in range(len(rows))]
        print(f"{name} ({len(rows)} cases)")
        print(f"  naive Bayes, leave-one-out:          {scores(bayes, truth)}")
        for ridge in RIDGE:
            left_out = [int(logistic(np.delete(x, i, 0), np.delete(y, i), x[i:i + 1], ridge)[0])
                        for i in range(len(rows))]
            print(f"  logistic (ridge {ridge}), leave-one-out: {scores(left_out, truth)}")
        print(f"  logistic fitted on all, predicted back: {scores(list(logistic(x, y, x, 0.01, 2000)), truth)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
