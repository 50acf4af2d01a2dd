#!/usr/bin/env python3
"""Precision and recall per PII type on eval/pii/cases.tsv, through the built redactor plugin
(the way the server calls it: dlopen, create, detect). See eval/pii/README.md.

    python3 eval/pii/measure.py .build/debug/libAuraPluginPatternRedactor.so [--show-errors]

An entity counts as found only with the right type and exactly the expected span. Types the
set does not target (URL, IP_ADDRESS, ...) are reported too if the plugin returns them.
"""
import argparse
import ctypes as C
import os
import pathlib
import sys

class Entity(C.Structure):
    _fields_ = [("type", C.c_char_p), ("begin", C.c_uint32), ("end", C.c_uint32), ("score", C.c_double)]

CREATE = C.CFUNCTYPE(C.c_void_p, C.c_char_p, C.c_size_t, C.c_char_p, C.c_size_t)
DESTROY = C.CFUNCTYPE(None, C.c_void_p)
DETECT = C.CFUNCTYPE(C.c_uint32, C.c_void_p, C.c_char_p, C.c_size_t, C.POINTER(C.POINTER(Entity)),
                     C.POINTER(C.c_size_t), C.c_char_p, C.c_size_t)
FREE = C.CFUNCTYPE(None, C.c_void_p, C.POINTER(Entity), C.c_size_t)

class Descriptor(C.Structure):
    _fields_ = [("abi_major", C.c_uint32), ("abi_minor", C.c_uint32), ("struct_size", C.c_uint32),
                ("kind", C.c_uint32), ("name", C.c_char_p), ("version", C.c_char_p),
                ("languages", C.c_char_p), ("create", CREATE), ("destroy", DESTROY),
                ("analyze", C.c_void_p), ("detect", DETECT), ("free_entities", FREE)]

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

    lib = C.CDLL(os.path.abspath(args.plugin), mode=os.RTLD_NOW | getattr(os, "RTLD_NODELETE", 0x1000))
    lib.aura_plugin_entry.restype = C.POINTER(Descriptor)
    d = lib.aura_plugin_entry().contents
    err = C.create_string_buffer(512)
    instance = d.create(args.config.encode(), len(args.config), err, len(err))
    if not instance:
        sys.exit(f"create failed: {err.value.decode()}")

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
