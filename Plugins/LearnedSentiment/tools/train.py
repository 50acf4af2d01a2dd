#!/usr/bin/env python3
"""Trains the learned sentiment analyzer's weights (Plugins/LearnedSentiment) and writes the
model file the plugin loads. Deterministic: the same data, the same feature extractor (the
Swift one, run through `sentiment-eval features`) and the same numpy give the same bytes.

    swift build -c release --product sentiment-eval
    python3 Plugins/LearnedSentiment/tools/train.py \\
        --out Plugins/LearnedSentiment/Plugin/learned-sentiment.model
    sha256sum Plugins/LearnedSentiment/Plugin/learned-sentiment.model   # see the README

The model: multinomial logistic regression (4 classes: positive, negative, neutral, mixed) over
the features of `TextFeatures` (hashed words with negation marking, token bigrams, character
3-5-grams, each group scaled by 1/sqrt(occurrences), plus 27 dense features from the lexicon
analyzer). Objective: the weighted mean cross-entropy plus L2, minimized by full-batch L-BFGS-B
(scipy) from zero weights; no random numbers are drawn (the result does not depend on a seed).
Every hyperparameter is in HYPERPARAMETERS below and printed with the run.
"""
import argparse
import os
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Before numpy loads: its baseline (non-AVX-512) math kernels, so that another x86-64 CPU gives
# the same bits.
os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL AVX512_SPR")
import numpy as np  # noqa: E402
from scipy import __version__ as scipy_version, optimize, sparse  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = [ROOT / "eval/corpora/hutto2014.tsv", ROOT / "eval/sentences.tsv"]
DEFAULT_TOOL = ROOT / ".build/release/sentiment-eval"

HYPERPARAMETERS = {
    "hash_bits": 16,          # 2^16 buckets shared by the three hashed groups
    "char_min": 4,            # character n-grams of 4 ...
    "char_max": 4,            # ... 4 bytes (boundary marker included)
    "l2": 3e-4,               # lambda/2 * ||W||^2 on every weight but the bias row
    "iterations": 100,        # at most this many L-BFGS-B iterations (full batch)
    "memory": 10,             # L-BFGS-B history pairs
    "class_balance": 0.5,     # class weight (N / (K * N_class)) ** class_balance
    "corpus_balance": 1.0,    # corpus weight (N / (C * N_corpus)) ** corpus_balance
}
CLASSES = ["positive", "negative", "neutral", "mixed"]  # the plugin's label order
DENSE = 27  # TextFeatures.denseCount
HUTTO_CORPORA = {"t": "tweets", "a": "amazon", "m": "movies", "n": "nyt"}


def corpus_of(path: Path, row_id: str) -> str:
    """The corpus a row belongs to: hutto2014.tsv holds four (by id prefix), any other file is one."""
    if path.name == "hutto2014.tsv":
        return HUTTO_CORPORA[row_id[0]]
    return "aura" if path.name == "sentences.tsv" else path.stem


def read_rows(path: Path) -> list[dict]:
    """Rows of a TSV `id kind label text` with their corpus."""
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["id", "kind", "label", "text"], f"{path}: bad header {header}"
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            rid, kind, label, text = line.split("\t", 3)
            rows.append({"id": rid, "kind": kind, "label": label, "text": text, "corpus": corpus_of(path, rid)})
    return rows


def write_rows(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\tkind\tlabel\ttext\n")
        for r in rows:
            f.write(f"{r['id']}\t{r['kind']}\t{r['label']}\t{r['text']}\n")


class Features:
    """The rows' features as a sparse matrix (rows x features), from `sentiment-eval features`,
    and whether the analyzer scores each row (`scored`: false for another language)."""

    def __init__(self, tool: Path, rows: list[dict], hp: dict):
        self.n_features = (1 << hp["hash_bits"]) + DENSE
        with tempfile.TemporaryDirectory() as tmp:
            data_path = Path(tmp) / "rows.tsv"
            write_rows(rows, data_path)
            out = subprocess.run(
                [str(tool), "features", str(data_path), "--hash-bits", str(hp["hash_bits"]),
                 "--char-min", str(hp["char_min"]), "--char-max", str(hp["char_max"])],
                check=True, capture_output=True, text=True).stdout
        lines = out.splitlines()
        assert len(lines) == len(rows), "sentiment-eval features gave a different row count"
        pairs, scored = [], []
        for row, line in zip(rows, lines):
            rid, _, row_scored, row_pairs = line.split("\t", 3)
            assert rid == row["id"]
            pairs.append(row_pairs)
            scored.append(row_scored == "1")
        self.scored = np.array(scored)
        lengths = np.array([p.count(":") for p in pairs], dtype=np.int64)
        flat = np.array(" ".join(pairs).replace(":", " ").split(), dtype=np.float64)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        self.matrix = sparse.csr_matrix((flat[1::2], flat[0::2].astype(np.int64), indptr),
                                        shape=(len(rows), self.n_features))

    def subset(self, keep: np.ndarray) -> "Features":
        """The features of the rows where `keep` is true."""
        other = object.__new__(Features)
        other.n_features = self.n_features
        other.matrix = self.matrix[keep]
        other.scored = self.scored[keep]
        return other


def example_weights(rows: list[dict], hp: dict) -> np.ndarray:
    """Per-row weights: classes and corpora balanced as HYPERPARAMETERS say; mean 1."""
    n = len(rows)
    def balance(keys, power):
        counts = {}
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        return np.array([(n / (len(counts) * counts[k])) ** power for k in keys])
    w = balance([r["label"] for r in rows], hp["class_balance"]) * balance([r["corpus"] for r in rows], hp["corpus_balance"])
    return w / w.mean()


def train(features: Features, rows: list[dict], hp: dict, log=print) -> np.ndarray:
    """Minimizes the weighted cross-entropy plus L2 with L-BFGS-B; returns W (features x 4)."""
    k = len(CLASSES)
    x = features.matrix
    xt = x.T.tocsr()
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    sw = example_weights(rows, hp) / len(rows)
    onehot = np.zeros((len(rows), k))
    onehot[np.arange(len(rows)), y] = 1
    reg = np.ones((features.n_features, 1))
    reg[features.n_features - DENSE] = 0  # the bias row
    l2 = hp["l2"]

    def loss_grad(flat):
        w = flat.reshape(features.n_features, k)
        z = x @ w
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(sw * (logp * onehot).sum(axis=1)).sum() + 0.5 * l2 * (reg * w * w).sum()
        g = xt @ (sw[:, None] * (np.exp(logp) - onehot)) + l2 * reg * w
        return loss, g.ravel()

    result = optimize.minimize(loss_grad, np.zeros(features.n_features * k), jac=True, method="L-BFGS-B",
                               options={"maxiter": hp["iterations"], "maxcor": hp["memory"], "gtol": 1e-9, "ftol": 1e-12})
    log(f"  L-BFGS-B: {result.nit} iterations, loss {result.fun:.6f} ({result.message})")
    return result.x.reshape(features.n_features, k)


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def write_model(w: np.ndarray, hp: dict, path: Path) -> None:
    """The file format of LearnedModel.swift."""
    header = b"AURALRN1" + struct.pack("<7I", 1, len(CLASSES), hp["hash_bits"], DENSE, hp["char_min"], hp["char_max"], 0) \
        + struct.pack("<I", 0)
    body = header + w.astype("<f4").tobytes()
    path.write_bytes(body + struct.pack("<Q", fnv1a64(body)))


def fit(features: Features, rows: list[dict], hp: dict, log=print) -> np.ndarray:
    log(f"training on {len(rows)} rows: " + ", ".join(
        f"{c} {sum(r['corpus'] == c for r in rows)}" for c in dict.fromkeys(r["corpus"] for r in rows)))
    return train(features, rows, hp, log)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, action="append", help="labeled TSV (repeatable; default: the committed corpora)")
    ap.add_argument("--tool", type=Path, default=DEFAULT_TOOL, help="sentiment-eval binary (default: %(default)s)")
    ap.add_argument("--exclude", action="append", default=[], help="leave out a corpus (tweets, amazon, movies, nyt, aura)")
    ap.add_argument("--out", type=Path, required=True, help="model file to write")
    args = ap.parse_args()
    rows = [r for path in (args.data or DEFAULT_DATA) for r in read_rows(path) if r["corpus"] not in args.exclude]
    print("hyperparameters: " + ", ".join(f"{k}={v}" for k, v in HYPERPARAMETERS.items())
          + f"; numpy {np.__version__}, scipy {scipy_version}")
    w = fit(Features(args.tool, rows, HYPERPARAMETERS), rows, HYPERPARAMETERS)
    write_model(w, HYPERPARAMETERS, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
