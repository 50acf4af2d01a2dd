#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/<target> from Protocol/vectors and Protocol/aura.proto.

Run it again after the vectors or the schema change: it rewrites the same files. Minimized
inputs the fuzzers found interesting are added by hand next to the seeds (named found-*).
"""
import json
import os
import re
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VECTORS = os.path.join(ROOT, "Protocol", "vectors")
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def vectors():
    for name in sorted(os.listdir(VECTORS)):
        if name.endswith(".json"):
            base = name[:-5]
            with open(os.path.join(VECTORS, name)) as f:
                meaning = json.load(f)
            with open(os.path.join(VECTORS, base + ".bin"), "rb") as f:
                yield base, meaning, f.read()


# ConnectionTarget scripts (Sources/AuraFuzzTargets/ConnectionTarget.swift): a scene byte, then
# operations. Raw bytes are operation 10 with a 2-byte length.
def raw(data):
    return bytes([10]) + struct.pack(">H", len(data)) + data


def connection_script(meaning, data):
    if meaning["side"] == "client":
        # A client: open three streams (operation 12, action 0), then read the server's bytes.
        return bytes([1]) + bytes([12, 0]) * 3 + raw(data)
    # A server: the script brings its own preface when the vector has one.
    return bytes([2 if meaning.get("preface") else 0]) + raw(data)


HAND_SCRIPTS = {
    # Server: open a stream with HEADERS, send a message and TRAILERS, consume, answer.
    "server-unary": bytes([0, 2, 0xE0, 0, 0, 0, 0, 3, 0, 1, 5, 1, 2, 3, 4, 5, 4, 1, 0, 0, 11, 12, 0, 0x1C, 0, 0x3C, 0]),
    # Server: a fragmented message (MORE), then the last fragment, a window update, a ping.
    "server-fragments": bytes([0, 2, 0xE0, 0, 0, 2, 0, 0x13, 1, 4, 6, 0x13, 1, 0, 6, 0x16, 1, 3, 7, 0, 0, 0, 1, 11]),
    # Server: many streams against a small MAX_CONCURRENT_STREAMS, then a graceful GOAWAY.
    "server-many-streams": bytes([8, 15, 10, 0x1D, 15, 3, 0x0B]),
    # Server: a compressed message on a deflate stream, in small pieces.
    "server-compressed": bytes([0, 2, 0xE0, 0, 0, 2, 0, 14, 5, 0x23, 1, 2, 4, 0x33, 1, 2, 20]) + b"hello hello hello hel",
    # Client: open, receive HEADERS, a message, TRAILERS; settings and acks both ways.
    "client-unary": bytes([1, 12, 0, 0x10, 1, 1, 2, 1, 0, 0, 0, 0, 3, 1, 0, 3, 1, 2, 3, 4, 1, 0, 11]),
}


def proto_messages():
    """(full name, [(type, name, label)]) of every message in aura.proto, nested oneofs flattened."""
    text = open(os.path.join(ROOT, "Protocol", "aura.proto")).read()
    text = re.sub(r"//[^\n]*", "", text)
    enums = {m.group(1): m.group(2) for m in re.finditer(r"enum (\w+) \{\s*(\w+)", text)}
    messages = []
    for m in re.finditer(r"message (\w+) \{(.*?)\n\}", text, re.S):
        fields = re.findall(r"(repeated |optional )?(map<\w+, *\w+>|[\w.]+) (\w+) = \d+;", m.group(2))
        messages.append(("aura." + m.group(1), fields))
    return messages, enums


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def json_value(type_name, enums):
    if type_name.startswith("map<"):
        key, value = re.match(r"map<(\w+), *(\w+)>", type_name).groups()
        return {"k" if key == "string" else "7": json_value(value, enums)}
    return {
        "string": "hi", "bytes": "aGk=", "bool": True, "double": 1.5, "float": -0.25,
        "int32": -7, "sint32": -7, "sfixed32": -7, "uint32": 7, "fixed32": 7,
        "int64": "-9007199254740993", "sint64": "-5", "sfixed64": "5", "uint64": "18446744073709551615", "fixed64": "1",
    }.get(type_name, enums.get(type_name, {}))


def main():
    for base, meaning, data in vectors():
        write("frame-decoder", "vector-" + base, data)
        write("connection", "vector-" + base, connection_script(meaning, data))
    for name, script in HAND_SCRIPTS.items():
        write("connection", name, script)

    messages, enums = proto_messages()
    generated = sorted(name for name, _ in messages if name not in ("aura.MetadataEntry", "aura.CallHeaders", "aura.CallTrailers"))
    schema = sorted(name for name, _ in messages)
    fields_of = dict(messages)
    for index, name in enumerate(generated):
        # Field 1 as a string, field 2 as a varint, field 3 as a nested message: wrong types
        # for some messages, which the fuzzer turns right.
        write("protobuf", name, bytes([index]) + bytes.fromhex("0a026869 1001 1a020801"))
    for index, name in enumerate(schema):
        fields = fields_of[name]
        example = {}
        for label, type_name, field in fields:
            value = json_value(type_name, enums)
            example[camel(field)] = [value] if label == "repeated " else value
        write("json", name, bytes([index]) + json.dumps(example).encode())

    documents = {
        "text": (0, b"I love this product.\n  Really!"),
        "lines": (1, b"good\r\n\n  bad \n\xc3\xa9t\xc3\xa9\nlast"),
        "csv": (2, b'id,text\n1,"hi, there"\n2,"multi\nline ""quoted"""\n3, plain \n'),
        "jsonl": (3, b'{"text":"hi \\u00e9\\ud83d\\ude00","n":[1,2.5e3,{"a":null,"b":true}]}\n\n{"id":2,"text":"x"}\r\n'),
    }
    for name, (format_index, document) in documents.items():
        write("documents", name, bytes([format_index, 5]) + document)


if __name__ == "__main__":
    main()
