#!/usr/bin/env python3
"""Precision and recall per PII type on eval/pii/cases.tsv, through the built redactor plugin
(the way the server calls it: dlopen, create, detect). See eval/pii/README.md.

    python3 eval/pii/measure.py .build/debug/libAuraPluginPatternRedactor.so [--show-errors]

An entity counts as found only with the right type and exactly the expected span. Types the
set does not target (URL, IP_ADDRESS, ...) are reported too if the plugin returns them.
"""
import argparse
import ctypes as C
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from plugin_abi import Entity, create, load as load_plugin  # noqa: E402

def load(path):
    """(text, {(type, begin, end)}) with offsets in Unicode scalars, as the plugin reports them."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text, _, expected = line.partition("\t")
        gold = set()
        for item in filter(None, (e.strip() for e in expected.split(" | "))):
            kind, _, value = item.partition("=")
            begin = text.find(value)
            assert begin >= 0, f"{value!r} not in {text!r}"
            gold.add((kind, begin, begin + len(value)))
        cases.append((text, gold))
    return cases

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("plugin")
    parser.add_argument("--config", default="{}")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()

    d = load_plugin(args.plugin)
    err = C.create_string_buffer(512)
    instance = create(d, args.config, err)

    def detect(text):
        data = text.encode()
        entities, count = C.POINTER(Entity)(), C.c_size_t()
        assert d.detect(instance, data, len(data), C.byref(entities), C.byref(count), err, len(err)) == 0, err.value
        found = {(entities[i].type.decode(), entities[i].begin, entities[i].end) for i in range(count.value)}
        if count.value:
            d.free_entities(instance, entities, count)
        return found

    cases = load(pathlib.Path(__file__).parent / "cases.tsv")
    counts = {}
    def bump(kind, key):
        counts.setdefault(kind, dict(tp=0, fp=0, fn=0))[key] += 1
    negatives = sum(1 for _, gold in cases if not gold)
    for text, gold in cases:
        found = detect(text)
        for e in found & gold:
            bump(e[0], "tp")
        for e in found - gold:
            bump(e[0], "fp")
            if args.show_errors:
                print(f"  false {e[0]} {text[e[1]:e[2]]!r} in {text!r}", file=sys.stderr)
        for e in gold - found:
            bump(e[0], "fn")
            if args.show_errors:
                print(f"  missed {e[0]} {text[e[1]:e[2]]!r} in {text!r}", file=sys.stderr)
    d.destroy(instance)

    print(f"{len(cases)} texts ({negatives} look-alike negatives)\n")
    print("| type | expected | found right | false | missed | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    ratio = lambda a, b: f"{a / b:.3f}" if b else "-"
    for kind in sorted(counts):
        c = counts[kind]
        print(f"| {kind} | {c['tp'] + c['fn']} | {c['tp']} | {c['fp']} | {c['fn']} | "
              f"{ratio(c['tp'], c['tp'] + c['fp'])} | {ratio(c['tp'], c['tp'] + c['fn'])} |")

if __name__ == "__main__":
    main()
