#!/usr/bin/env python3
"""Language identification accuracy by text length, through the built analyzer plugin (the way
the server calls it: dlopen, create with a config, analyze). See eval/language/README.md.

    python3 eval/language/measure.py .build/debug/libAuraPluginLexiconSentiment.so [--config JSON] [--split dev|test|all]

Gold labels come from the file name (data/en.txt is English; data/und.txt holds languages the
analyzer does not identify, so "und" is right for them). Lines alternate dev / test within
each file and length bucket: tune on dev, report test.
"""
import argparse
import ctypes as C
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from plugin_abi import Sentiment, create, load as load_plugin  # noqa: E402

BUCKETS = [("1-2 words", 1, 2), ("3-5 words", 3, 5), ("6-15 words", 6, 15), ("16+ words", 16, 10**9)]

def bucket(text):
    words = len(text.split())
    return next(name for name, low, high in BUCKETS if low <= words <= high)

def load(data_dir):
    """(gold, bucket, split, text) rows; split alternates within each file and bucket."""
    rows = []
    for path in sorted(pathlib.Path(data_dir).glob("*.txt")):
        seen = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            b = bucket(line)
            seen[b] = seen.get(b, 0) + 1
            rows.append((path.stem, b, "dev" if seen[b] % 2 else "test", line))
    return rows

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("plugin")
    parser.add_argument("--config", default="{}")
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()

    d = load_plugin(args.plugin)
    err = C.create_string_buffer(512)
    instance = create(d, args.config, err)

    def analyze(text, hint=b""):
        r = Sentiment()
        data = text.encode()
        assert d.analyze(instance, data, len(data), hint, C.byref(r), err, len(err)) == 0, err.value
        return r

    rows = [r for r in load(pathlib.Path(__file__).parent / "data") if args.split in ("all", r[2])]
    stats = {name: dict(n=0, right=0, wrong=0, abstained=0, en_n=0, en_right=0, other_n=0, other_right=0,
                        other_as_en=0, sent_n=0, sent_kept=0) for name, _, _ in BUCKETS}
    for gold, b, _, text in rows:
        s = stats[b]
        r = analyze(text)
        got = r.language.decode()
        s["n"] += 1
        s["right"] += got == gold
        s["abstained"] += got == "und" and gold != "und"
        s["wrong"] += got != gold and got != "und"
        if gold == "en":
            s["en_n"] += 1
            s["en_right"] += got == "en"
            forced = analyze(text, b"en")
            if forced.label != 2:  # the text has sentiment when read as English
                s["sent_n"] += 1
                s["sent_kept"] += r.label == forced.label
        else:
            s["other_n"] += 1
            s["other_right"] += got == gold
            s["other_as_en"] += got == "en"
        if args.show_errors and got != gold:
            print(f"  {gold} -> {got} {r.language_score:.2f}: {text}", file=sys.stderr)
    d.destroy(instance)

    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "-"
    print(f"config {args.config}, split {args.split}, {len(rows)} texts\n")
    print("| length | texts | right | wrong language | abstained (und) | English identified | other identified | other read as English | English sentiment kept |")
    print("|---|---|---|---|---|---|---|---|---|")
    total = {k: sum(s[k] for s in stats.values()) for k in next(iter(stats.values()))}
    for name, s in list(stats.items()) + [("all", total)]:
        print(f"| {name} | {s['n']} | {pct(s['right'], s['n'])} | {pct(s['wrong'], s['n'])} | {pct(s['abstained'], s['n'])} | "
              f"{pct(s['en_right'], s['en_n'])} | {pct(s['other_right'], s['other_n'])} | "
              f"{pct(s['other_as_en'], s['other_n'])} | {s['sent_kept']}/{s['sent_n']} |")

if __name__ == "__main__":
    main()
