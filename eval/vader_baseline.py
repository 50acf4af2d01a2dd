#!/usr/bin/env python3
"""VADER reference baseline and scorer for AuraStream's sentiment evaluation set.

Installs nothing. It needs `pip install vaderSentiment==3.3.2` unless run with --no-vader.

    python3 eval/vader_baseline.py                          # VADER's metrics
    python3 eval/vader_baseline.py --predictions ours.tsv   # VADER and ours side by side
    python3 eval/vader_baseline.py --no-vader --predictions ours.tsv
    python3 eval/vader_baseline.py --speed                  # VADER sentences/s on one core

A predictions file is a TSV `id<TAB>label[<TAB>score]`, one row per sentence of
sentences.tsv, an optional header row `id  label ...`; label is positive, negative,
neutral or mixed. See eval/README.md for the metric definitions.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "sentences.tsv"

KINDS = ("review", "social", "news")
CLASSES = ("positive", "negative", "neutral")  # the 3-class problem
LABELS = CLASSES + ("mixed",)                   # what gold and predictions may say
VADER_VERSION = "3.3.2"
POS_THRESHOLD, NEG_THRESHOLD = 0.05, -0.05      # VADER's standard thresholds


# ----------------------------------------------------------------------------- data

def load_gold(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["id", "kind", "label", "text"]:
            sys.exit(f"{path}: header must be id, kind, label, text (got {header})")
        seen = set()
        for lineno, rec in enumerate(reader, start=2):
            if not rec or rec == [""]:
                continue
            if len(rec) != 4:
                sys.exit(f"{path}:{lineno}: expected 4 tab-separated fields, got {len(rec)}")
            sid, kind, label, text = rec
            if sid in seen:
                sys.exit(f"{path}:{lineno}: duplicate id {sid}")
            if kind not in KINDS:
                sys.exit(f"{path}:{lineno}: kind {kind!r} not in {KINDS}")
            if label not in LABELS:
                sys.exit(f"{path}:{lineno}: label {label!r} not in {LABELS}")
            seen.add(sid)
            rows.append({"id": sid, "kind": kind, "label": label, "text": text})
    return rows


def load_predictions(path: Path, gold: list[dict]) -> tuple[dict, dict | None]:
    """Returns ({id: label}, {id: score} or None when the file has no score column)."""
    labels, scores = {}, {}
    with open(path, encoding="utf-8", newline="") as f:
        for lineno, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            rec = line.split("\t")
            if lineno == 1 and rec[0].strip().lower() == "id":
                continue  # header
            if len(rec) < 2:
                sys.exit(f"{path}:{lineno}: expected id<TAB>label[<TAB>score]")
            sid, label = rec[0].strip(), rec[1].strip().lower()
            if label not in LABELS:
                sys.exit(f"{path}:{lineno}: label {label!r} not in {LABELS}")
            if sid in labels:
                sys.exit(f"{path}:{lineno}: duplicate id {sid}")
            labels[sid] = label
            if len(rec) >= 3 and rec[2].strip():
                try:
                    scores[sid] = float(rec[2])
                except ValueError:
                    sys.exit(f"{path}:{lineno}: score {rec[2]!r} is not a number")
    gold_ids = {r["id"] for r in gold}
    unknown = sorted(set(labels) - gold_ids)
    missing = sorted(gold_ids - set(labels))
    if unknown:
        sys.exit(f"{path}: {len(unknown)} ids not in the data set, e.g. {unknown[:5]}")
    if missing:
        sys.exit(f"{path}: no prediction for {len(missing)} sentences, e.g. {missing[:5]}")
    if scores and set(scores) != gold_ids:
        sys.exit(f"{path}: the score column must be given for every row or for none")
    return labels, (scores or None)


# ----------------------------------------------------------------------------- VADER

def make_vader():
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        sys.exit(f"vaderSentiment is not installed: pip install vaderSentiment=={VADER_VERSION}"
                 " (or pass --no-vader)")
    try:
        from importlib.metadata import version
        v = version("vaderSentiment")
        if v != VADER_VERSION:
            print(f"warning: vaderSentiment {v} installed, the baseline is {VADER_VERSION}",
                  file=sys.stderr)
    except Exception:
        pass
    return SentimentIntensityAnalyzer()


def label_from_compound(c: float) -> str:
    if c >= POS_THRESHOLD:
        return "positive"
    if c <= NEG_THRESHOLD:
        return "negative"
    return "neutral"


def run_vader(gold: list[dict]) -> tuple[dict, dict]:
    sia = make_vader()
    scores = {r["id"]: sia.polarity_scores(r["text"])["compound"] for r in gold}
    return {sid: label_from_compound(c) for sid, c in scores.items()}, scores


# ----------------------------------------------------------------------------- metrics

def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: list[dict], labels: dict, scores: dict | None, mixed_as: str) -> dict:
    """Metrics for one analyzer, overall ('all') and per kind."""
    out = {}
    for scope in ("all",) + KINDS:
        rows = [r for r in gold if scope == "all" or r["kind"] == scope]
        # 3-class: gold mixed excluded; predicted mixed -> neutral, or left as 'mixed' (always wrong)
        three = [(r["label"], labels[r["id"]]) for r in rows if r["label"] != "mixed"]
        three = [(g, ("neutral" if p == "mixed" and mixed_as == "neutral" else p)) for g, p in three]
        n3 = len(three)
        acc = sum(g == p for g, p in three) / n3 if n3 else 0.0
        per_class = {}
        for c in CLASSES:
            tp = sum(g == c and p == c for g, p in three)
            fp = sum(g != c and p == c for g, p in three)
            fn = sum(g == c and p != c for g, p in three)
            per_class[c] = prf(tp, fp, fn) + (sum(g == c for g, _ in three),)
        macro_f1 = sum(per_class[c][2] for c in CLASSES) / len(CLASSES)
        # binary polarity: gold positive/negative only; sign of the score if given, else the label
        pol = [r for r in rows if r["label"] in ("positive", "negative")]
        correct = 0
        for r in pol:
            if scores is not None:
                s = scores[r["id"]]
                sign = "positive" if s > 0 else "negative" if s < 0 else None
            else:
                p = labels[r["id"]]
                sign = p if p in ("positive", "negative") else None
            correct += sign == r["label"]
        out[scope] = {
            "n3": n3, "accuracy": acc, "macro_f1": macro_f1, "per_class": per_class,
            "n_binary": len(pol), "binary_accuracy": correct / len(pol) if pol else 0.0,
        }
    # confusion over all sentences, gold (incl. mixed) x raw prediction
    conf = Counter((r["label"], labels[r["id"]]) for r in gold)
    out["confusion"] = conf
    return out


# ----------------------------------------------------------------------------- reports

def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep] + [line(r) for r in rows])


def pct(x: float) -> str:
    return f"{100 * x:.1f}"


def f3(x: float) -> str:
    return f"{x:.3f}"


def report_one(name: str, m: dict) -> str:
    parts = [f"## {name}", ""]
    rows = []
    for scope in ("all",) + KINDS:
        s = m[scope]
        rows.append([scope, s["n3"], pct(s["accuracy"]), f3(s["macro_f1"]),
                     s["n_binary"], pct(s["binary_accuracy"])])
    parts.append(table(["scope", "n (3-class)", "accuracy %", "macro-F1",
                        "n (binary)", "binary polarity acc %"], rows))
    parts.append("")
    rows = []
    for scope in ("all",) + KINDS:
        for c in CLASSES:
            p, r, f, sup = m[scope]["per_class"][c]
            rows.append([scope, c, f3(p), f3(r), f3(f), sup])
    parts.append(table(["scope", "class", "precision", "recall", "F1", "support"], rows))
    parts.append("")
    conf = m["confusion"]
    preds = [l for l in LABELS if any(conf[(g, l)] for g in LABELS)]
    rows = [[g] + [conf[(g, p)] for p in preds] for g in LABELS]
    parts.append("Confusion, all sentences (rows gold, columns predicted, before any mixed mapping):")
    parts.append("")
    parts.append(table(["gold \\ predicted"] + preds, rows))
    return "\n".join(parts)


def report_side_by_side(results: list[tuple[str, dict]]) -> str:
    names = [n for n, _ in results]
    rows = []
    for scope in ("all",) + KINDS:
        def add(metric, get, fmt):
            rows.append([scope, metric] + [fmt(get(m[scope])) for _, m in results])
        add("accuracy %", lambda s: s["accuracy"], pct)
        add("macro-F1", lambda s: s["macro_f1"], f3)
        for c in CLASSES:
            add(f"F1 {c}", lambda s, c=c: s["per_class"][c][2], f3)
        add("binary polarity acc %", lambda s: s["binary_accuracy"], pct)
    return "## Side by side\n\n" + table(["scope", "metric"] + names, rows)


def describe_data(gold: list[dict], mixed_as: str) -> str:
    kinds = Counter(r["kind"] for r in gold)
    labels = Counter(r["label"] for r in gold)
    n_mixed = labels["mixed"]
    n_pol = labels["positive"] + labels["negative"]
    return "\n".join([
        f"data: {len(gold)} sentences ("
        + ", ".join(f"{k} {kinds[k]}" for k in KINDS) + "); gold "
        + ", ".join(f"{l} {labels[l]}" for l in LABELS),
        f"3-class metrics (positive/negative/neutral) exclude the {n_mixed} gold-mixed sentences"
        f" ({len(gold) - n_mixed} scored); a predicted 'mixed' is "
        + ("mapped to neutral" if mixed_as == "neutral" else "counted as wrong")
        + f" (--mixed-as {mixed_as}).",
        f"binary polarity: the {n_pol} gold positive/negative sentences; sign of the score"
        " (VADER: compound) when there is one, else the predicted label; 0 / neutral / mixed is wrong.",
    ])


def list_errors(name: str, gold: list[dict], labels: dict, scores: dict | None) -> str:
    lines = [f"## Errors of {name} (gold != predicted, all sentences)", ""]
    for r in gold:
        p = labels[r["id"]]
        if p != r["label"]:
            s = f" {scores[r['id']]:+.4f}" if scores else ""
            lines.append(f"{r['id']}\t{r['label']}\t{p}{s}\t{r['text']}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- speed

def speed(gold: list[dict], min_seconds: float) -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # pin to one core
        core = f"pinned to CPU {min(os.sched_getaffinity(0))}"
    except (AttributeError, OSError):
        core = "not pinned (sched_setaffinity unavailable)"
    texts = [r["text"] for r in gold if r["kind"] == "social"]
    t0 = time.perf_counter()
    sia = make_vader()
    load_s = time.perf_counter() - t0
    for t in texts:  # warm-up pass
        sia.polarity_scores(t)
    n = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while True:
        for t in texts:
            sia.polarity_scores(t)
        n += len(texts)
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    cpu = time.process_time() - c0
    chars = sum(len(t) for t in texts) / len(texts)
    return "\n".join([
        f"## Speed: VADER {VADER_VERSION} polarity_scores, single thread, {core}",
        f"python {sys.version.split()[0]}; {len(texts)} social posts (mean {chars:.0f} chars),"
        f" repeated {n // len(texts)}x = {n} sentences",
        f"wall {elapsed:.2f} s, cpu {cpu:.2f} s -> {n / elapsed:,.0f} sentences/s"
        f" ({1e6 * elapsed / n:.1f} us/sentence); analyzer construction (lexicon load) {1e3 * load_s:.0f} ms",
    ])


# ----------------------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labeled TSV (default: %(default)s)")
    ap.add_argument("--predictions", action="append", default=[], metavar="[NAME=]FILE",
                    help="score another analyzer's predictions (TSV id, label[, score]); repeatable;"
                         " NAME defaults to the file's stem")
    ap.add_argument("--mixed-as", choices=("neutral", "wrong"), default="neutral",
                    help="3-class metrics: a predicted 'mixed' is mapped to neutral (default) or counted wrong")
    ap.add_argument("--no-vader", action="store_true", help="do not run VADER (only score --predictions)")
    ap.add_argument("--write-vader", type=Path, metavar="FILE",
                    help="also write VADER's predictions as TSV id, label, compound")
    ap.add_argument("--errors", action="store_true", help="list every sentence an analyzer got wrong")
    ap.add_argument("--speed", action="store_true", help="measure VADER sentences/s on one core over the social posts")
    ap.add_argument("--speed-seconds", type=float, default=3.0, help="minimum timed run for --speed (default 3)")
    args = ap.parse_args()

    gold = load_gold(args.data)
    if args.speed:
        print(speed(gold, args.speed_seconds))
        return

    results, errors = [], []
    if not args.no_vader:
        labels, scores = run_vader(gold)
        results.append((f"VADER {VADER_VERSION}", evaluate(gold, labels, scores, args.mixed_as)))
        errors.append((f"VADER {VADER_VERSION}", labels, scores))
        if args.write_vader:
            with open(args.write_vader, "w", encoding="utf-8") as f:
                f.write("id\tlabel\tscore\n")
                for r in gold:
                    f.write(f"{r['id']}\t{labels[r['id']]}\t{scores[r['id']]:.4f}\n")
    for spec in args.predictions:
        name, sep, path = spec.partition("=")
        if not sep or not path:
            name, path = Path(spec).stem, spec
        labels, scores = load_predictions(Path(path), gold)
        results.append((name, evaluate(gold, labels, scores, args.mixed_as)))
        errors.append((name, labels, scores))
    if not results:
        sys.exit("nothing to score: drop --no-vader or give --predictions FILE")

    print(describe_data(gold, args.mixed_as))
    for name, m in results:
        print()
        print(report_one(name, m))
    if len(results) > 1:
        print()
        print(report_side_by_side(results))
    if args.errors:
        for name, labels, scores in errors:
            print()
            print(list_errors(name, gold, labels, scores))


if __name__ == "__main__":
    main()
