#!/usr/bin/env python3
"""Converts VADER's published ground-truth corpora (Hutto & Gilbert 2014) into the
eval/sentences.tsv format, as an out-of-sample check: none of their sentences was looked at
while writing our lexicon or rules.

    pip download --no-deps --no-binary :all: vaderSentiment==3.3.2 -d /tmp/vs
    tar xzf /tmp/vs/vaderSentiment-3.3.2.tar.gz -C /tmp/vs
    tar xzf /tmp/vs/vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz -C /tmp/vs
    python3 Plugins/LexiconSentiment/tools/vader-corpora-to-tsv.py /tmp/vs/hutto_ICWSM_2014 > /tmp/vader-corpora.tsv

Each corpus line is `id<TAB>mean human rating (-4 ... +4)<TAB>text`. Labels: rating >= 0.5
positive, <= -0.5 negative, otherwise neutral (no mixed). Kinds: tweets -> social, Amazon and
movie review snippets -> review, NYT editorial snippets -> news.
"""
import os
import sys

CORPORA = [
    ("tweets_GroundTruth.txt", "social", "t"),
    ("amazonReviewSnippets_GroundTruth.txt", "review", "a"),
    ("movieReviewSnippets_GroundTruth.txt", "review", "m"),
    ("nytEditorialSnippets_GroundTruth.txt", "news", "n"),
]


def main():
    folder = sys.argv[1]
    out = sys.stdout
    out.write("id\tkind\tlabel\ttext\n")
    for name, kind, prefix in CORPORA:
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            for line in f.read().split("\n"):
                fields = line.rstrip("\r").split("\t")
                if len(fields) < 3:
                    continue
                rating = float(fields[1])
                text = " ".join(fields[2:]).strip()
                if not text:
                    continue
                label = "positive" if rating >= 0.5 else "negative" if rating <= -0.5 else "neutral"
                out.write(f"{prefix}{fields[0]}\t{kind}\t{label}\t{text}\n")


if __name__ == "__main__":
    main()
