#!/usr/bin/env python3
"""Loads the built plugin the way a host does (dlopen, aura_plugin_entry, create, analyze,
destroy) and checks the descriptor and a few results. Manual check of the ABI shell:

    swift build --product AuraPluginLexiconSentiment
    python3 Plugins/LexiconSentiment/tools/plugin-smoke-test.py .build/debug/libAuraPluginLexiconSentiment.so
"""
import ctypes as C
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "eval"))
from plugin_abi import Sentiment, load  # noqa: E402

d = load(sys.argv[1])
assert (d.abi_major, d.abi_minor, d.kind) == (1, 0, 1), (d.abi_major, d.abi_minor, d.kind)
assert d.struct_size == C.sizeof(type(d)), d.struct_size
assert (d.name, d.version, d.languages) == (b"lexicon-sentiment", b"1.0.0", b"en,es,fr,de,pt,it,nl")
assert not d.detect and not d.free_entities  # NULL: an analyzer detects nothing
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
