#!/usr/bin/env python3
"""Leave-one-corpus-out evaluation of the learned analyzer against the lexicon analyzer and
VADER 3.3.2: for each corpus, train the learned model on all the others, predict the held-out
one with the Swift analyzer (`sentiment-eval predict-learned`), and score all three on it.

    pip install vaderSentiment==3.3.2            # the reference, test-only
    swift build -c release --product sentiment-eval
    python3 eval/loco.py                         # the tables of eval/README.md
    python3 eval/loco.py --speed                 # plus posts/s of all three on one core, one run

Metrics, per held-out corpus: 3-class accuracy and macro-F1 over positive / negative / neutral,
gold-mixed rows excluded and a predicted mixed counted as neutral (as eval/vader_baseline.py
does); NEUTRAL recall (3-class); MIXED recall and precision (4-class, only the aura set has
gold mixed rows). VADER's labels: compound >= 0.05 positive, <= -0.05 negative, else neutral.
"""
import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Plugins/LearnedSentiment/tools"))
import train as learned  # noqa: E402

CLASSES3 = ["positive", "negative", "neutral"]


def predictions(tool: Path, command: list[str], rows: list[dict]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.tsv"
        learned.write_rows(rows, path)
        out = subprocess.run([str(tool), command[0], str(path)] + command[1:], check=True,
                             capture_output=True, text=True).stdout
    labels = {}
    for line in out.splitlines()[1:]:
        fields = line.split("\t")
        labels[fields[0]] = fields[1]
    assert len(labels) == len(rows)
    return labels


def vader(rows: list[dict]) -> dict:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    out = {}
    for r in rows:
        c = sia.polarity_scores(r["text"])["compound"]
        out[r["id"]] = "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
    return out


def metrics(rows: list[dict], labels: dict) -> dict:
    scored = [(r["label"], "neutral" if labels[r["id"]] == "mixed" else labels[r["id"]])
              for r in rows if r["label"] != "mixed"]
    f1s, recall = [], {}
    for c in CLASSES3:
        tp = sum(g == c and p == c for g, p in scored)
        fp = sum(g != c and p == c for g, p in scored)
        fn = sum(g == c and p != c for g, p in scored)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        recall[c] = rec
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    gold_mixed = [r for r in rows if r["label"] == "mixed"]
    pred_mixed = [r for r in rows if labels[r["id"]] == "mixed"]
    hits = sum(r["label"] == "mixed" for r in pred_mixed)
    return {
        "n": len(scored),
        "accuracy": sum(g == p for g, p in scored) / len(scored),
        "macro_f1": sum(f1s) / 3,
        "neutral_recall": recall["neutral"],
        "mixed": f"{hits}/{len(gold_mixed)} (precision {hits}/{len(pred_mixed)})" if gold_mixed else f"- ({len(pred_mixed)} predicted)",
    }


def speed(tool: Path, model: Path, seconds: float) -> None:
    """VADER and both Swift analyzers on the 160 social posts of eval/sentences.tsv, one core."""
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    out = subprocess.run(["taskset", "-c", str(core), str(tool), "speed-learned", str(learned.ROOT / "eval/sentences.tsv"),
                          str(model), str(seconds)], check=True, capture_output=True, text=True).stdout.strip()
    print(f"pinned to CPU {core}: {out}")
    vb = subprocess.run([sys.executable, str(learned.ROOT / "eval/vader_baseline.py"), "--speed",
                         "--speed-seconds", str(seconds)], check=True, capture_output=True, text=True).stdout
    print(vb.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", type=Path, default=learned.DEFAULT_TOOL)
    ap.add_argument("--only", action="append", help="hold out only this corpus (repeatable)")
    ap.add_argument("--speed", action="store_true", help="also measure speed (shipped model vs VADER)")
    ap.add_argument("--speed-seconds", type=float, default=3.0)
    ap.add_argument("--quiet", action="store_true", help="no training log")
    args = ap.parse_args()
    hp = learned.HYPERPARAMETERS
    rows = [r for path in learned.DEFAULT_DATA for r in learned.read_rows(path)]
    corpora = list(dict.fromkeys(r["corpus"] for r in rows))
    log = (lambda *_: None) if args.quiet else (lambda m: print(m, file=sys.stderr))
    table = []
    everything = learned.Features(args.tool, rows, hp)
    for held in args.only or corpora:
        test = [r for r in rows if r["corpus"] == held]
        train_rows = [r for r in rows if r["corpus"] != held]
        keep = learned.np.array([r["corpus"] != held for r in rows])
        w = learned.fit(everything.subset(keep), train_rows, hp, log)
        with tempfile.TemporaryDirectory() as tmp:
            model = Path(tmp) / "fold.model"
            learned.write_model(w, hp, model)
            ours = predictions(args.tool, ["predict-learned", str(model)], test)
        results = [("learned", metrics(test, ours)),
                   ("lexicon", metrics(test, predictions(args.tool, ["predict"], test))),
                   ("VADER 3.3.2", metrics(test, vader(test)))]
        for name, m in results:
            table.append((held, name, m))
            print(f"{held}\t{name}\t{m}", file=sys.stderr)
    print("| held-out corpus (n 3-class) | analyzer | accuracy % | macro-F1 | NEUTRAL recall | MIXED recall |")
    print("|---|---|---|---|---|---|")
    for held, name, m in table:
        print(f"| {held} ({m['n']}) | {name} | {100 * m['accuracy']:.1f} | {m['macro_f1']:.3f} | {m['neutral_recall']:.3f} | {m['mixed']} |")
    if args.speed:
        speed(args.tool, learned.ROOT / "Plugins/LearnedSentiment/Plugin/learned-sentiment.model", args.speed_seconds)


if __name__ == "__main__":
    main()
