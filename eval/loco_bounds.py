#!/usr/bin/env python3
"""How far decision thresholds could move the learned analyzer's leave-one-corpus-out
macro-F1, at best: for each held-out corpus, the committed model is trained on the other corpora
(as eval/loco.py does), then per-class logit offsets are chosen ON THE HELD-OUT CORPUS ITSELF
to maximize its macro-F1. That is cheating, so the result is an upper bound for any threshold
or prior calibration, not a model: if even it stays short of VADER + 0.08, no calibration chosen
without the held-out labels (inner leave-one-corpus-out or otherwise) can close the gap.

    swift build -c release --product sentiment-eval
    python3 eval/loco_bounds.py                  # trains 5 folds: 5-30 minutes, by the load

Labels are computed in numpy from the same features and weights as the Swift analyzer (its
language gate and MIXED deferral included; float64 instead of float32, which moved the committed
run's macro-F1 by at most 0.001). Offsets: positive is the reference (0), negative and neutral
each in -1.5 ... 1.5 by 0.25, mixed 0; the offset grid's best point is printed.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loco  # noqa: E402
from loco import learned  # noqa: E402

np = learned.np
GRID = np.arange(-1.5, 1.51, 0.25)
MIXED = learned.CLASSES.index("mixed")


def labels(z: np.ndarray, lexicon_mixed: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """LearnedAnalyzer.label over logits `z`: argmax, the lexicon's MIXED below even odds, and
    NEUTRAL for texts the analyzer does not score."""
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    top = np.where(lexicon_mixed & (p.max(axis=1) < 0.5), MIXED, p.argmax(axis=1))
    return np.where(scored, top, learned.CLASSES.index("neutral"))


def macro_f1(rows: list[dict], predicted: np.ndarray) -> float:
    return loco.metrics(rows, {r["id"]: learned.CLASSES[c] for r, c in zip(rows, predicted)})["macro_f1"]


def main() -> None:
    hp = learned.HYPERPARAMETERS
    rows = [r for path in learned.DEFAULT_DATA for r in learned.read_rows(path)]
    everything = learned.Features(learned.DEFAULT_TOOL, rows, hp)
    x = everything.matrix
    bias = x.shape[1] - learned.DENSE
    lexicon_mixed = x[:, bias + 6 + MIXED].toarray().ravel() > 0
    scored = everything.scored
    print("| held-out | learned macro-F1 | best offsets (negative, neutral) | bound macro-F1 | gain |")
    print("|---|---|---|---|---|")
    for held in dict.fromkeys(r["corpus"] for r in rows):
        keep = np.array([r["corpus"] != held for r in rows])
        train_rows = [r for r in rows if r["corpus"] != held]
        test = [r for r in rows if r["corpus"] == held]
        w = learned.fit(everything.subset(keep), train_rows, hp, lambda *_: None)
        z = x[~keep] @ w
        base = macro_f1(test, labels(z, lexicon_mixed[~keep], scored[~keep]))
        best, where = base, (0.0, 0.0)
        for a in GRID:
            for b in GRID:
                offsets = np.array([0.0, a, b, 0.0])
                f1 = macro_f1(test, labels(z + offsets, lexicon_mixed[~keep], scored[~keep]))
                if f1 > best:
                    best, where = f1, (a, b)
        print(f"| {held} | {base:.3f} | {where[0]:+.2f}, {where[1]:+.2f} | {best:.3f} | +{best - base:.3f} |", flush=True)


if __name__ == "__main__":
    main()
