#!/usr/bin/env python3
"""Writes the AuraRPC v1 binary test vectors: NAME.bin (bytes as on the wire) and NAME.json (what
they mean). See README.md in this folder for the JSON format. Deterministic: running it again
rewrites the same files. Usage: python3 Protocol/vectors/generate.py
"""
import json
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

# --- Wire constants (SPEC.md) -----------------------------------------------------------------

PREFACE = b"AURARPC\x01"
TYPES = {"SETTINGS": 0, "HEADERS": 1, "MESSAGE": 2, "TRAILERS": 3, "CANCEL": 4,
         "WINDOW_UPDATE": 5, "PING": 6, "GOAWAY": 7}
FLAG_BITS = {"ACK": 0x01, "END_STREAM": 0x01, "COMPRESSED": 0x02, "MORE": 0x04}
CODES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
         "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
         "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
         "UNAUTHENTICATED"]
SETTING_NAMES = {1: "MAX_FRAME_SIZE", 2: "MAX_MESSAGE_SIZE", 3: "MAX_CONCURRENT_STREAMS",
                 4: "INITIAL_STREAM_WINDOW", 5: "CONNECTION_WINDOW", 6: "MAX_METADATA_SIZE"}
DEFAULT_SETTINGS = {"MAX_FRAME_SIZE": 65536, "MAX_MESSAGE_SIZE": 4194304,
                    "MAX_CONCURRENT_STREAMS": 100, "INITIAL_STREAM_WINDOW": 1048576,
                    "CONNECTION_WINDOW": 8388608, "MAX_METADATA_SIZE": 8192}
DEFAULT_ENTRIES = [(1, 65536), (2, 4194304), (3, 100), (4, 1048576), (5, 8388608), (6, 8192)]
MAX_MESSAGE_SIZE = 4194304


def u16(n): return n.to_bytes(2, "big")
def u32(n): return n.to_bytes(4, "big")


def pattern(length, start=0):
    """The generated message pattern: byte i is i % 251."""
    return bytes((start + i) % 251 for i in range(length))


def code(name): return CODES.index(name)


# --- Protobuf (SPEC.md section 5), canonical as AuraWire's ProtoWriter writes it ---------------

def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7f) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def tag(field, wire_type): return varint(field << 3 | wire_type)
def pb_uint(field, n): return tag(field, 0) + varint(n) if n else b""
def pb_bytes(field, b, always=False): return tag(field, 2) + varint(len(b)) + b if (b or always) else b""
def pb_string(field, s, always=False): return pb_bytes(field, s.encode(), always)
def pb_message(field, b): return tag(field, 2) + varint(len(b)) + b  # always present


def metadata_entry(key, value): return pb_string(1, key) + pb_bytes(2, value)


def headers_payload(method="", metadata=(), timeout=0, encoding="", accept=()):
    out = pb_string(1, method)
    for key, value in metadata:
        out += pb_message(2, metadata_entry(key, value))
    out += pb_uint(3, timeout) + pb_string(4, encoding)
    for name in accept:
        out += pb_string(5, name, always=True)
    return out


def trailers_payload(status="OK", message="", metadata=()):
    out = pb_uint(1, code(status)) + pb_string(2, message)
    for key, value in metadata:
        out += pb_message(3, metadata_entry(key, value))
    return out


def metadata_json(metadata): return [{"key": k, "value_hex": v.hex()} for k, v in metadata]


def headers_json(method="", metadata=(), timeout=0, encoding="", accept=()):
    return {"method": method, "metadata": metadata_json(metadata), "timeout_micros": timeout,
            "message_encoding": encoding, "accept_encoding": list(accept)}


def trailers_json(status="OK", message="", metadata=()):
    return {"code": status, "message": message, "metadata": metadata_json(metadata)}


# --- Frames: each helper returns (wire bytes, JSON meaning) -------------------------------------

def raw_frame(type_byte, flags_byte, stream_id, payload, length=None):
    length = len(payload) if length is None else length
    return u32(length) + bytes([type_byte, flags_byte]) + u32(stream_id) + payload


def frame(type_name, flags, stream_id, payload, meaning, flags_byte=None):
    bits = 0
    for name in flags:
        bits |= FLAG_BITS[name]
    wire = raw_frame(TYPES[type_name], bits if flags_byte is None else flags_byte, stream_id, payload)
    return wire, dict({"type": type_name, "flags": list(flags), "stream_id": stream_id & 0x7fffffff,
                       "length": len(payload)}, **meaning)


def settings(entries):
    payload = b"".join(u16(i) + u32(v) for i, v in entries)
    values = dict(DEFAULT_SETTINGS)
    for i, v in entries:
        if i in SETTING_NAMES:
            values[SETTING_NAMES[i]] = v
    return frame("SETTINGS", [], 0, payload,
                 {"entries": [{"id": i, "value": v} for i, v in entries], "settings": values})


def settings_ack(): return frame("SETTINGS", ["ACK"], 0, b"", {})


def headers(stream_id, end_stream=False, flags_byte=None, **fields):
    return frame("HEADERS", ["END_STREAM"] if end_stream else [], stream_id, headers_payload(**fields),
                 {"headers": headers_json(**fields)}, flags_byte)


def message(stream_id, payload, flags=(), flags_byte=None, described=None):
    """A MESSAGE frame; `described` replaces payload_hex for large generated payloads."""
    meaning = described if described is not None else {"payload_hex": payload.hex()}
    return frame("MESSAGE", list(flags), stream_id, payload, meaning, flags_byte)


def pattern_message(stream_id, start, length, flags=()):
    """A MESSAGE frame whose payload is bytes start..<start+length of the generated pattern."""
    return message(stream_id, pattern(length, start), flags,
                   described={"payload_pattern": {"start": start, "length": length}})


def zlib_pattern_message(stream_id, length, flags=("COMPRESSED", "END_STREAM"), level=9):
    """A COMPRESSED MESSAGE frame whose payload is a zlib stream of `length` pattern bytes."""
    return message(stream_id, zlib.compress(pattern(length), level), flags,
                   described={"payload_zlib_of_pattern": length})


def trailers(stream_id, **fields):
    return frame("TRAILERS", [], stream_id, trailers_payload(**fields), {"trailers": trailers_json(**fields)})


def client_trailers(stream_id, payload=b""):
    return frame("TRAILERS", [], stream_id, payload, {"trailers": None})


def cancel(stream_id, status, wire_code=None):
    return frame("CANCEL", [], stream_id, u32(code(status) if wire_code is None else wire_code), {"code": status})


def window_update(stream_id, increment):
    return frame("WINDOW_UPDATE", [], stream_id, u32(increment), {"increment": increment})


def ping(data, ack=False):
    return frame("PING", ["ACK"] if ack else [], 0, data, {"data_hex": data.hex()})


def goaway(last, status, reason):
    return frame("GOAWAY", [], 0, u32(last) + u32(code(status)) + reason.encode(),
                 {"last_stream_id": last, "code": status, "reason": reason})


def unknown(type_byte, flags_byte, stream_id, payload):
    return raw_frame(type_byte, flags_byte, stream_id, payload), {
        "type": "UNKNOWN", "type_byte": type_byte, "flags_byte": flags_byte, "stream_id": stream_id,
        "length": len(payload)}


# --- The vectors -------------------------------------------------------------------------------

VECTORS = []


def vector(name, description, parts, expect="ok", side="server", preface=False, canonical=True,
           trailing=b"", **extra):
    """`parts` are (bytes, meaning) frames that decode; `trailing` bytes follow them and cause
    the expected connection error (or are an incomplete frame the decoder must leave alone)."""
    wire = (PREFACE if preface else b"") + b"".join(p[0] for p in parts) + trailing
    meaning = {"description": description, "side": side, "preface": preface, "canonical": canonical}
    meaning.update(extra)
    meaning["frames"] = [p[1] for p in parts]
    meaning["expect"] = expect
    VECTORS.append((name, wire, meaning))


ALL_SETTINGS = [(1, 32768), (2, 1048576), (3, 16), (4, 262144), (5, 4194304), (6, 16384)]
UNARY_HEADERS = dict(method="/aura.TestService/UnaryCall", metadata=[("x-user", b"ada")],
                     timeout=5_000_000, accept=["deflate"])
SIMPLE_REQUEST = pb_uint(1, 3)  # aura.SimpleRequest { response_size: 3 }
SIMPLE_RESPONSE = pb_message(1, pb_bytes(1, b"\x00\x00\x00"))  # SimpleResponse { payload { body: 000000 } }


def answer(type_name, stream_id=0, status=None, flags=()):
    """A frame a receiver writes in answer (README: `answer`)."""
    out = {"type": type_name, "stream_id": stream_id, "flags": list(flags)}
    if status is not None:
        out["code"] = status
    return out


# What a server writes first to every client that sent its preface and SETTINGS.
SERVER_GREETING = [answer("SETTINGS"), answer("SETTINGS", flags=["ACK"])]
CLIENT_GREETING = [settings(DEFAULT_ENTRIES)]


def build_section5():
    """Vectors for the questions SPEC.md answers in sections 1, 3, 4.2, 4.3, 4.6 and 6."""
    VECTORS.append(("server_answer_bad_preface", b"GET / HTTP/1.1\r\n", {
        "description": "An HTTP/1.1 request instead of the preface: the server has already written its "
                       "SETTINGS, then sends GOAWAY INVALID_ARGUMENT and closes.",
        "side": "server", "preface": True, "canonical": True, "frames": [],
        "expect": {"connection_error": "INVALID_ARGUMENT"},
        "answer": [answer("SETTINGS"), answer("GOAWAY", status="INVALID_ARGUMENT")]}))
    vector("message_empty_fragment_with_more", "An empty MESSAGE frame with MORE: only a message's last frame "
           "may be empty, so this is a connection error.", [headers(1, method="/a.B/C")],
           expect={"connection_error": "INVALID_ARGUMENT"}, trailing=raw_frame(2, 0x04, 1, b""))
    vector("message_empty_last_fragment", "A 3-byte fragment with MORE, then an empty last fragment with "
           "END_STREAM: the one zero-length fragment a message may have.",
           [headers(1, method="/a.B/C"), message(1, b"abc", ["MORE"]), message(1, b"", ["END_STREAM"])],
           expect={"messages": [{"stream_id": 1, "message_hex": b"abc".hex()}]})
    vector("message_compressed_wire_over_max_size", "A COMPRESSED message that inflates to exactly the "
           "receiver's MAX_MESSAGE_SIZE (12000) but whose zlib stream (stored, not compressed) is 12011 "
           "bytes: MAX_MESSAGE_SIZE bounds the bytes that travel too, RESOURCE_EXHAUSTED.",
           [headers(1, method="/a.B/C", encoding="deflate"), zlib_pattern_message(1, 12000, level=0)],
           max_message_size=12000, expect={"stream_error": {"stream_id": 1, "code": "RESOURCE_EXHAUSTED"}})
    trailing_zlib = zlib.compress(pattern(100), 9) + b"\x00"
    vector("message_zlib_trailing_bytes", "A COMPRESSED message whose zlib stream is followed by one more "
           "byte: rejected with INTERNAL.",
           [headers(1, method="/a.B/C", encoding="deflate"), message(1, trailing_zlib, ["COMPRESSED", "END_STREAM"])],
           expect={"stream_error": {"stream_id": 1, "code": "INTERNAL"}})
    vector("server_end_stream_ignored", "A server that sets END_STREAM on its HEADERS and on a MESSAGE: the "
           "flag means nothing from a server, so both messages and the TRAILERS still count.",
           [headers(1, flags_byte=0x01, metadata=[("x-server", b"aura")]),
            message(1, b"\x08\x01", flags_byte=0x01), message(1, b"\x08\x02"), trailers(1)],
           side="client", canonical=False,
           expect={"messages": [{"stream_id": 1, "message_hex": "0801"}, {"stream_id": 1, "message_hex": "0802"}]})
    vector("server_answer_refused_stream", "A server with MAX_CONCURRENT_STREAMS 1 gets a second stream while "
           "the first is open: it refuses it with CANCEL RESOURCE_EXHAUSTED (not processed, safe to retry).",
           CLIENT_GREETING + [headers(1, method="/a.B/C"), headers(3, method="/a.B/C")], preface=True,
           max_concurrent_streams=1,
           answer=SERVER_GREETING + [answer("CANCEL", 3, "RESOURCE_EXHAUSTED")])
    vector("cancel_above_highest_stream", "CANCEL on stream 5 when only stream 1 was opened: the stream "
           "cannot exist yet, a connection error.",
           CLIENT_GREETING + [headers(1, method="/a.B/C"), cancel(5, "CANCELLED")], preface=True,
           answer=SERVER_GREETING + [answer("GOAWAY", status="INVALID_ARGUMENT")])
    vector("window_update_overflow", "WINDOW_UPDATE of 2^31-1 on stream 1, whose window (the server's credit "
           "to send) is already 1048576: above 2^31-1, a connection error.",
           CLIENT_GREETING + [headers(1, method="/a.B/C"), window_update(1, 0x7fffffff)], preface=True,
           answer=SERVER_GREETING + [answer("GOAWAY", status="INVALID_ARGUMENT")])
    vector("headers_invalid_metadata_key", "HEADERS with the metadata key \"X-Upper\" (keys are lowercase): "
           "the server answers TRAILERS INVALID_ARGUMENT and runs no handler; the connection goes on.",
           CLIENT_GREETING + [headers(1, True, method="/a.B/C", metadata=[("X-Upper", b"v")])], preface=True,
           answer=SERVER_GREETING + [answer("TRAILERS", 1, "INVALID_ARGUMENT")])
    vector("headers_metadata_over_limit", "HEADERS whose one metadata entry counts 8 + 9000 + 32 bytes, over "
           "the default MAX_METADATA_SIZE of 8192: TRAILERS RESOURCE_EXHAUSTED, the connection goes on.",
           CLIENT_GREETING + [headers(1, True, method="/a.B/C", metadata=[("x-large", bytes(9000))])],
           preface=True, answer=SERVER_GREETING + [answer("TRAILERS", 1, "RESOURCE_EXHAUSTED")])
    vector("trailers_code_negative", "A server's TRAILERS whose code is int32 -1 (a 10-byte varint): codes "
           "are unsigned, so it reads as UNKNOWN.",
           [frame("TRAILERS", [], 1, tag(1, 0) + varint(2**64 - 1), {"trailers": trailers_json("UNKNOWN")})],
           side="client", canonical=False)
    vector("trailers_code_above_32_bits", "A server's TRAILERS whose code is 2^32: not truncated to 0 (OK), "
           "read as UNKNOWN.",
           [frame("TRAILERS", [], 1, tag(1, 0) + varint(2**32), {"trailers": trailers_json("UNKNOWN")})],
           side="client", canonical=False)


def build():
    # Preface (section 1).
    vector("preface", "The client's 8-byte preface, nothing else.", [], preface=True)
    VECTORS.append(("preface_bad_magic", b"PRI * HTTP/2.0\r\n", {
        "description": "An HTTP/2 client's preface: the magic differs at byte 0.", "side": "server",
        "preface": True, "canonical": True, "frames": [],
        "expect": {"connection_error": "INVALID_ARGUMENT"}}))
    VECTORS.append(("preface_unsupported_version", b"AURARPC\x02", {
        "description": "The right magic with protocol version 2.", "side": "server", "preface": True,
        "canonical": True, "frames": [], "expect": {"connection_error": "UNIMPLEMENTED"}}))
    vector("client_opening", "Preface, then the client's SETTINGS with the default values.",
           [settings(DEFAULT_ENTRIES)], preface=True)

    # SETTINGS (4.1).
    vector("settings_all", "SETTINGS with all six settings, none at its default.", [settings(ALL_SETTINGS)])
    vector("settings_ack", "SETTINGS acknowledgement: ACK flag, empty payload.", [settings_ack()])
    vector("settings_partial_unknown_id", "SETTINGS naming one known id and an unknown id 0x99, which is ignored; "
           "the rest keep their defaults.", [settings([(0x99, 7), (3, 5)])], canonical=False)
    vector("settings_bad_length", "SETTINGS payload of 7 bytes, not a multiple of 6.", [],
           trailing=raw_frame(0, 0, 0, u16(1) + u32(32768) + b"\x00"),
           expect={"connection_error": "INVALID_ARGUMENT"})
    vector("settings_bad_value", "MAX_FRAME_SIZE 1024, below the allowed 16384.", [],
           trailing=raw_frame(0, 0, 0, u16(1) + u32(1024)), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("settings_ack_with_payload", "A SETTINGS ACK must have an empty payload.", [],
           trailing=raw_frame(0, 1, 0, u16(3) + u32(1)), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("settings_wrong_stream", "SETTINGS on stream 3: a connection frame on a call's stream.", [],
           trailing=raw_frame(0, 0, 3, b""), expect={"connection_error": "INVALID_ARGUMENT"})

    # HEADERS (4.2).
    full = dict(method="/aura.TestService/StreamingOutputCall",
                metadata=[("x-request-id", b"42"), ("trace-bin", bytes([0, 1, 0xfe, 0xff])), ("x-empty", b"")],
                timeout=1_500_000, encoding="deflate", accept=["deflate", "identity"])
    vector("headers_full", "Client HEADERS with method, text, binary and empty metadata, a 1.5 s timeout, "
           "message encoding deflate and two accepted encodings.", [headers(1, **full)])
    vector("headers_end_stream", "HEADERS with END_STREAM: a call with no request message.",
           [headers(3, end_stream=True, method="aura.Health/Check")])
    vector("headers_server_initial_metadata", "A server's HEADERS: initial metadata only, no method.",
           [headers(1, metadata=[("x-aura-echo-initial", b"hello")], encoding="deflate")], side="client")
    unknown_fields = (pb_string(1, "/aura.Health/Check")
                      + tag(6, 0) + varint(300)                     # unknown varint
                      + pb_message(2, metadata_entry("k", b"v") + tag(3, 0) + varint(1))  # entry with unknown field
                      + tag(7, 1) + bytes(range(8))                 # unknown fixed64
                      + tag(8, 2) + varint(3) + b"abc"              # unknown length-delimited
                      + tag(9, 5) + bytes(range(4))                 # unknown fixed32
                      + tag(536870911, 0) + varint(1)               # highest field number
                      + pb_uint(3, 250))
    vector("headers_unknown_fields", "HEADERS whose CallHeaders carries unknown fields of every wire type "
           "(and one inside a MetadataEntry); they are skipped.",
           [frame("HEADERS", [], 1, unknown_fields,
                  {"headers": headers_json(method="/aura.Health/Check", metadata=[("k", b"v")], timeout=250)})],
           canonical=False)
    vector("headers_undefined_flags", "HEADERS with flags 0xff: only END_STREAM means something; the rest "
           "are ignored.", [headers(5, end_stream=True, flags_byte=0xff, method="a.B/C")], canonical=False)
    vector("headers_bad_payload", "HEADERS whose payload uses wire type 3 (a group), which is invalid.", [],
           trailing=raw_frame(1, 0, 1, tag(1, 3)), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("headers_stream_zero", "HEADERS on stream 0: a call frame on the connection stream.", [],
           trailing=raw_frame(1, 0, 0, pb_string(1, "a.B/C")), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("stream_id_reserved_bit", "HEADERS on stream 0x80000001: the reserved top bit is ignored (stream 1).",
           [headers(0x80000001, method="a.B/C")], canonical=False)

    # MESSAGE (4.3).
    vector("message_plain", "HEADERS, then one MESSAGE with no flags.",
           [headers(1, method="a.B/C"), message(1, SIMPLE_REQUEST)],
           expect={"messages": [{"stream_id": 1, "message_hex": SIMPLE_REQUEST.hex()}]})
    vector("message_end_stream", "HEADERS, then a MESSAGE with END_STREAM.",
           [headers(1, method="a.B/C"), message(1, b"hello", ["END_STREAM"])],
           expect={"messages": [{"stream_id": 1, "message_hex": b"hello".hex()}]})
    text = b"AuraRPC compresses this message with zlib. " * 8
    vector("message_compressed", "HEADERS naming deflate, then a COMPRESSED MESSAGE: a zlib stream.",
           [headers(1, method="a.B/C", encoding="deflate"),
            message(1, zlib.compress(text, 9), ["COMPRESSED", "END_STREAM"])],
           expect={"messages": [{"stream_id": 1, "message_hex": text.hex()}]})
    body = pattern(300)
    vector("message_fragmented", "One 300-byte message over three MESSAGE frames: MORE, MORE, END_STREAM.",
           [headers(1, method="a.B/C"), message(1, body[:100], ["MORE"]), message(1, body[100:250], ["MORE"]),
            message(1, body[250:], ["END_STREAM"])],
           expect={"messages": [{"stream_id": 1, "message_hex": body.hex()}]})
    zbody = zlib.compress(pattern(2000), 9)
    third = len(zbody) // 3
    vector("message_fragmented_compressed", "A compressed message over three fragments, COMPRESSED on each.",
           [headers(1, method="a.B/C", encoding="deflate"),
            message(1, zbody[:third], ["COMPRESSED", "MORE"]),
            message(1, zbody[third:2 * third], ["COMPRESSED", "MORE"]),
            message(1, zbody[2 * third:], ["COMPRESSED"])],
           expect={"messages": [{"stream_id": 1, "message_hex": pattern(2000).hex()}]})
    vector("message_fragments_interleaved", "Fragments of a message on stream 1 with a whole message of "
           "stream 3 between them (allowed: frames of other streams may come between).",
           [headers(1, method="a.B/C"), headers(3, method="a.B/D"), message(1, b"hel", ["MORE"]),
            message(3, b"other", ["END_STREAM"]), message(1, b"lo", ["END_STREAM"])],
           expect={"messages": [{"stream_id": 3, "message_hex": b"other".hex()},
                                {"stream_id": 1, "message_hex": b"hello".hex()}]})
    vector("message_empty", "A zero-byte message: a MESSAGE frame with an empty payload.",
           [headers(1, method="a.B/C"), message(1, b"", ["END_STREAM"])],
           expect={"messages": [{"stream_id": 1, "message_hex": ""}]})
    vector("message_undefined_flags", "MESSAGE with flags 0xf8|END_STREAM: undefined bits are ignored.",
           [headers(1, method="a.B/C"), message(1, b"x", ["END_STREAM"], flags_byte=0xf9)],
           expect={"messages": [{"stream_id": 1, "message_hex": "78"}]}, canonical=False)
    limit = 12000
    vector("message_max_size", "A message of exactly the receiver's MAX_MESSAGE_SIZE (12000 here) in three "
           "fragments: accepted.",
           [headers(1, method="a.B/C"), pattern_message(1, 0, 5000, ["MORE"]),
            pattern_message(1, 5000, 5000, ["MORE"]), pattern_message(1, 10000, 2000, ["END_STREAM"])],
           max_message_size=limit, expect={"messages": [{"stream_id": 1, "pattern_length": limit}]})
    vector("message_over_max_size", "A message one byte over the receiver's MAX_MESSAGE_SIZE (12000): "
           "RESOURCE_EXHAUSTED once the last fragment arrives.",
           [headers(1, method="a.B/C"), pattern_message(1, 0, 5000, ["MORE"]),
            pattern_message(1, 5000, 5000, ["MORE"]), pattern_message(1, 10000, 2001, ["END_STREAM"])],
           max_message_size=limit, expect={"stream_error": {"stream_id": 1, "code": "RESOURCE_EXHAUSTED"}})
    vector("message_max_size_compressed", "A compressed message that inflates to exactly 4 MiB, the default "
           "MAX_MESSAGE_SIZE (the generated pattern): accepted.",
           [headers(1, method="a.B/C", encoding="deflate"), zlib_pattern_message(1, MAX_MESSAGE_SIZE)],
           expect={"messages": [{"stream_id": 1, "pattern_length": MAX_MESSAGE_SIZE}]})
    vector("message_over_max_size_compressed", "A compressed message that inflates to 4 MiB + 1 byte: "
           "RESOURCE_EXHAUSTED while inflating.",
           [headers(1, method="a.B/C", encoding="deflate"), zlib_pattern_message(1, MAX_MESSAGE_SIZE + 1)],
           expect={"stream_error": {"stream_id": 1, "code": "RESOURCE_EXHAUSTED"}})
    vector("message_truncated_zlib", "A COMPRESSED message whose zlib stream lacks its last 6 bytes: INTERNAL.",
           [headers(1, method="a.B/C", encoding="deflate"),
            message(1, zlib.compress(text, 9)[:-6], ["COMPRESSED", "END_STREAM"])],
           expect={"stream_error": {"stream_id": 1, "code": "INTERNAL"}})
    vector("message_compressed_without_encoding", "A COMPRESSED message on a stream whose HEADERS named no "
           "encoding: INTERNAL.",
           [headers(1, method="a.B/C"), message(1, zlib.compress(text, 9), ["COMPRESSED", "END_STREAM"])],
           expect={"stream_error": {"stream_id": 1, "code": "INTERNAL"}})
    vector("message_compressed_flag_mismatch", "Fragments of one message disagree on COMPRESSED: INTERNAL.",
           [headers(1, method="a.B/C", encoding="deflate"), message(1, zbody[:10], ["COMPRESSED", "MORE"]),
            message(1, zbody[10:], ["END_STREAM"])],
           expect={"stream_error": {"stream_id": 1, "code": "INTERNAL"}})
    vector("message_end_stream_mid_message", "A fragment with MORE and END_STREAM: the stream ends in the "
           "middle of a message: INTERNAL.",
           [headers(1, method="a.B/C"), message(1, b"abc", ["END_STREAM", "MORE"])],
           expect={"stream_error": {"stream_id": 1, "code": "INTERNAL"}})
    vector("message_after_end_stream", "A MESSAGE after the HEADERS carried END_STREAM: INTERNAL.",
           [headers(1, end_stream=True, method="a.B/C"), message(1, b"late")],
           expect={"stream_error": {"stream_id": 1, "code": "INTERNAL"}})
    vector("message_stream_zero", "MESSAGE on stream 0.", [],
           trailing=raw_frame(2, 0, 0, b"x"), expect={"connection_error": "INVALID_ARGUMENT"})

    # TRAILERS (4.4).
    vector("trailers_status", "A server's TRAILERS: NOT_FOUND, a message and trailing metadata.",
           [trailers(1, status="NOT_FOUND", message="no such service: aura.Nope",
                     metadata=[("x-aura-echo-trailing-bin", bytes([0xca, 0xfe])), ("retry", b"no")])],
           side="client")
    vector("trailers_ok", "A server's TRAILERS with status OK: an empty payload.", [trailers(1)], side="client")
    vector("trailers_client_empty", "A client's empty TRAILERS: no more messages on stream 1.",
           [client_trailers(1)])
    vector("trailers_client_ignored_bytes", "A client's TRAILERS with bytes, which the server ignores.",
           [client_trailers(1, b"\xff\xfe")], canonical=False)
    vector("trailers_code_above_16", "A server's TRAILERS with code 99, read as UNKNOWN.",
           [frame("TRAILERS", [], 1, pb_uint(1, 99) + pb_string(2, "odd"),
                  {"trailers": trailers_json("UNKNOWN", "odd")})], side="client", canonical=False)

    # CANCEL (4.5), WINDOW_UPDATE (4.6), PING (4.7), GOAWAY (4.8).
    vector("cancel", "CANCEL of stream 1 with CANCELLED.", [cancel(1, "CANCELLED")])
    vector("cancel_deadline", "CANCEL of stream 7 with DEADLINE_EXCEEDED.", [cancel(7, "DEADLINE_EXCEEDED")])
    vector("cancel_code_above_16", "CANCEL with code 1000, read as UNKNOWN.", [cancel(1, "UNKNOWN", 1000)],
           canonical=False)
    vector("cancel_bad_length", "CANCEL with a 2-byte payload.", [],
           trailing=raw_frame(4, 0, 1, b"\x00\x01"), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("window_update_stream", "WINDOW_UPDATE of 65536 bytes on stream 1.", [window_update(1, 65536)])
    vector("window_update_connection", "WINDOW_UPDATE of 2^31-1 bytes on the connection (stream 0).",
           [window_update(0, 0x7fffffff)])
    vector("window_update_zero", "WINDOW_UPDATE with increment 0.", [],
           trailing=raw_frame(5, 0, 1, u32(0)), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("ping", "PING with 8 opaque bytes.", [ping(bytes([1, 2, 3, 4, 5, 6, 7, 8]))])
    vector("ping_ack", "PING ACK echoing the same 8 bytes.", [ping(bytes([1, 2, 3, 4, 5, 6, 7, 8]), ack=True)],
           side="client")
    vector("ping_bad_length", "PING with 4 bytes instead of 8.", [],
           trailing=raw_frame(6, 0, 0, b"\x00\x00\x00\x01"), expect={"connection_error": "INVALID_ARGUMENT"})
    vector("goaway", "GOAWAY OK from a server shutting down after stream 5.",
           [goaway(5, "OK", "server shutting down")], side="client")
    vector("goaway_error", "GOAWAY after a protocol error, with a UTF-8 reason.",
           [goaway(0, "INVALID_ARGUMENT", "bad preface magic — not AuraRPC")], side="client")
    vector("goaway_empty_reason", "GOAWAY with no reason: exactly 8 payload bytes.", [goaway(3, "UNAVAILABLE", "")],
           side="client")
    vector("goaway_short", "GOAWAY with a 6-byte payload.", [],
           trailing=raw_frame(7, 0, 0, bytes(6)), expect={"connection_error": "INVALID_ARGUMENT"}, side="client")

    # Unknown frames, sizes.
    vector("unknown_frame_type", "A frame of type 0x2a between two PINGs: ignored, its payload skipped.",
           [ping(bytes(8)), unknown(0x2a, 0x81, 9, b"future frame payload"), ping(bytes([9] * 8))],
           canonical=False)
    vector("frame_over_max_frame_size", "A MESSAGE header declaring 65537 bytes, one over the default "
           "MAX_FRAME_SIZE, followed by only 3 payload bytes: rejected from the header alone.", [],
           trailing=raw_frame(2, 0, 1, b"abc", length=65537), expect={"connection_error": "RESOURCE_EXHAUSTED"})
    vector("frame_length_100mb", "A frame header declaring 100 MB and no payload: rejected at once.",
           [ping(bytes(8))], trailing=raw_frame(2, 0, 1, b"", length=100_000_000),
           expect={"connection_error": "RESOURCE_EXHAUSTED"})
    vector("frame_at_smaller_max_frame_size", "A receiver that announced MAX_FRAME_SIZE 16384 gets a frame of "
           "16385 bytes, after one of exactly 16384 bytes.", [headers(1, method="a.B/C"), pattern_message(1, 0, 16384)],
           max_frame_size=16384,
           trailing=raw_frame(2, 0, 1, b"abc", length=16385), expect={"connection_error": "RESOURCE_EXHAUSTED"})
    vector("frame_incomplete", "A whole PING followed by 13 bytes of a second frame: one frame decodes and "
           "the rest waits for more bytes (no error).", [ping(bytes([7] * 8))],
           trailing=raw_frame(6, 0, 0, bytes(8))[:13], incomplete_bytes=13)

    # Whole exchanges.
    vector("unary_call_client", "A client's whole unary call: preface, SETTINGS, HEADERS, MESSAGE(END_STREAM).",
           [settings(DEFAULT_ENTRIES),
            headers(1, **UNARY_HEADERS), message(1, SIMPLE_REQUEST, ["END_STREAM"])], preface=True,
           expect={"messages": [{"stream_id": 1, "message_hex": SIMPLE_REQUEST.hex()}]})
    vector("unary_call_server", "The server's side of a unary call: SETTINGS, SETTINGS ACK, HEADERS, MESSAGE, "
           "TRAILERS OK.",
           [settings(ALL_SETTINGS), settings_ack(), headers(1, metadata=[("x-server", b"aura")]),
            message(1, SIMPLE_RESPONSE), trailers(1)], side="client",
           expect={"messages": [{"stream_id": 1, "message_hex": SIMPLE_RESPONSE.hex()}]})


def main():
    build()
    build_section5()
    names = set()
    for name, wire, meaning in VECTORS:
        assert name not in names, name
        names.add(name)
        with open(os.path.join(HERE, name + ".bin"), "wb") as f:
            f.write(wire)
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            json.dump(meaning, f, indent=2, ensure_ascii=False)
            f.write("\n")
    # Remove vectors this script no longer makes.
    for file in os.listdir(HERE):
        stem, ext = os.path.splitext(file)
        if ext in (".bin", ".json") and stem not in names:
            os.remove(os.path.join(HERE, file))
    print(f"wrote {len(VECTORS)} vectors to {HERE}")


if __name__ == "__main__":
    main()
