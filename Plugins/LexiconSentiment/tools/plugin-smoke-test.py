#!/usr/bin/env python3
"""Loads the built plugin the way a host does (dlopen, aura_plugin_entry, create, analyze,
destroy) and checks the descriptor and a few results. Manual check of the ABI shell:

    swift build --product AuraPluginLexiconSentiment
    python3 Plugins/LexiconSentiment/tools/plugin-smoke-test.py .build/debug/libAuraPluginLexiconSentiment.so
"""
import ctypes as C
import os
import random
import sys

class Sentiment(C.Structure):
    _fields_ = [("label", C.c_uint32), ("positive", C.c_double), ("negative", C.c_double),
                ("neutral", C.c_double), ("mixed", C.c_double), ("compound", C.c_double),
                ("language", C.c_char * 16), ("language_score", C.c_double)]

CREATE = C.CFUNCTYPE(C.c_void_p, C.c_char_p, C.c_size_t, C.c_char_p, C.c_size_t)
DESTROY = C.CFUNCTYPE(None, C.c_void_p)
ANALYZE = C.CFUNCTYPE(C.c_uint32, C.c_void_p, C.c_char_p, C.c_size_t, C.c_char_p,
                      C.POINTER(Sentiment), C.c_char_p, C.c_size_t)

class Descriptor(C.Structure):
    _fields_ = [("abi_major", C.c_uint32), ("abi_minor", C.c_uint32), ("struct_size", C.c_uint32),
                ("kind", C.c_uint32), ("name", C.c_char_p), ("version", C.c_char_p),
                ("languages", C.c_char_p), ("create", CREATE), ("destroy", DESTROY),
                ("analyze", ANALYZE), ("detect", C.c_void_p), ("free_entities", C.c_void_p)]

lib = C.CDLL(os.path.abspath(sys.argv[1]), mode=os.RTLD_NOW | getattr(os, "RTLD_NODELETE", 0x1000))
lib.aura_plugin_entry.restype = C.POINTER(Descriptor)
d = lib.aura_plugin_entry().contents
assert (d.abi_major, d.abi_minor, d.kind) == (1, 0, 1), (d.abi_major, d.abi_minor, d.kind)
assert d.struct_size == C.sizeof(Descriptor), d.struct_size
assert (d.name, d.version, d.languages) == (b"lexicon-sentiment", b"1.0.0", b"en,es,fr,de,pt,it,nl")
assert d.detect is None and d.free_entities is None
print("descriptor ok:", d.name.decode(), d.version.decode(), d.languages.decode())

err = C.create_string_buffer(256)
for bad in [b"{", b"[1]", b'{"mixed_threshold": 7}', b'{"colour": 1}', b"{} x"]:
    assert not d.create(bad, len(bad), err, len(err)), bad
    print("rejected", bad, "->", err.value.decode())
tiny = C.create_string_buffer(8)
assert not d.create(b"{", 1, tiny, len(tiny)) and len(tiny.value) == 7

for config in [b"", b"{}", b'{"mixed_threshold": 0.3, "neutral_threshold": 0.15}']:
    instance = d.create(config, len(config), err, len(err))
    assert instance, err.value
    d.destroy(instance)

instance = d.create(b"{}", 2, err, len(err))
def analyze(text: bytes, hint=b""):
    r = Sentiment()
    status = d.analyze(instance, text, len(text), hint, C.byref(r), err, len(err))
    assert status == 0, (status, err.value)
    assert abs(r.positive + r.negative + r.neutral + r.mixed - 1) < 1e-9
    return r

for text, label in [(b"The food was great!", 0), (b"This is terrible.", 1), (b"The bus leaves at 7.", 2),
                    (b"Great food, terrible service.", 3), ("Das Essen war schrecklich und kalt.".encode(), 2)]:
    r = analyze(text)
    print(f"{text.decode()!r}: label {r.label} compound {r.compound:+.3f} language {r.language.decode()} {r.language_score:.2f}")
    assert r.label == label, r.label
assert analyze(b"c'est la vie", b"en").language == b"en"
assert analyze(b"").label == 2
rng = random.Random(7)
for _ in range(2000):
    analyze(bytes(rng.randrange(256) for _ in range(rng.randrange(200))))
status = d.analyze(instance, None, 5, b"", C.byref(Sentiment()), err, len(err))
assert status == 3, status
print("null text ->", status, err.value.decode())
d.destroy(instance)
print("ok")
