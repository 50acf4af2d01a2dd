#!/usr/bin/env python3
"""Derives data/language-trigrams.tsv from langdetect's language profiles (Apache-2.0).

One-time tool, kept so the derivation can be checked and redone:

    pip download --no-deps --no-binary :all: langdetect==1.0.9 && tar xzf langdetect-1.0.9.tar.gz
    python3 tools/derive-language-trigrams.py langdetect-1.0.9/langdetect/profiles > data/language-trigrams.tsv

A profile counts the 1-, 2- and 3-grams of characters in a language's Wikipedia. We keep, per
language, the TOP most frequent trigrams (case folded, ' ' marks a word boundary and is written
'_'), and store for every kept trigram and every language a penalty, round(-ln P(trigram) * 16)
capped at 255, where P is the trigram's share of all trigrams of that language. A trigram a
language never kept gets that language's `missing` penalty (its rarest kept trigram's, plus ln 4).

The first 7 columns are the languages the analyzer reports; the rest are reject classes: a text
that fits one of them best is reported as "und".
"""
import json
import math
import os
import sys

TARGETS = ["en", "es", "fr", "de", "pt", "it", "nl"]
REJECTS = ["da", "sv", "fi", "tr", "pl", "cs", "hu", "ro", "id"]
TOP = 700
SCALE = 16.0


def load(profiles, lang):
    with open(os.path.join(profiles, lang), encoding="utf-8") as f:
        data = json.load(f)
    counts = {}
    for gram, n in data["freq"].items():
        if len(gram) == 3:
            key = gram.lower().replace(" ", "_")
            counts[key] = counts.get(key, 0) + n
    total = data["n_words"][2]
    return counts, total


def main():
    profiles = sys.argv[1]
    langs = TARGETS + REJECTS
    tables = {}
    kept = set()
    missing = {}
    for lang in langs:
        counts, total = load(profiles, lang)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        tables[lang] = {k: -math.log(n / total) for k, n in top}
        missing[lang] = min(255, round((max(tables[lang].values()) + math.log(4)) * SCALE))
        kept.update(tables[lang])
    print("# derived by tools/derive-language-trigrams.py from langdetect 1.0.9 profiles (Apache-2.0)")
    print("# columns: trigram, then one penalty per language, round(-ln P * 16), missing = rarest kept + ln 4")
    print("languages\t" + "\t".join(langs))
    print("missing\t" + "\t".join(str(missing[l]) for l in langs))
    for gram in sorted(kept):
        row = []
        for lang in langs:
            v = tables[lang].get(gram)
            row.append(str(missing[lang] if v is None else min(255, round(v * SCALE))))
        print(gram + "\t" + "\t".join(row))


if __name__ == "__main__":
    main()
