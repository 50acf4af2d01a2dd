"""Every case of Protocol/vectors/: decode the bytes with the package's framing, compare with the
case's JSON, re-encode what decoded and compare with the bytes."""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Tuple

import pytest

from aurastream import frames as f
from aurastream.messages import CallHeaders, CallTrailers, MetadataEntry
from aurastream.status import StatusCode
from aurastream.wire import DecodeError

from conftest import ROOT

VECTORS = ROOT / "Protocol" / "vectors"
CASES = sorted(path.stem for path in VECTORS.glob("*.json"))
FLAG_NAMES = {f.SETTINGS: {f.ACK: "ACK"}, f.PING: {f.ACK: "ACK"}, f.HEADERS: {f.END_STREAM: "END_STREAM"},
              f.MESSAGE: {f.END_STREAM: "END_STREAM", f.COMPRESSED: "COMPRESSED", f.MORE: "MORE"}}
SETTING_KEYS = ["MAX_FRAME_SIZE", "MAX_MESSAGE_SIZE", "MAX_CONCURRENT_STREAMS", "INITIAL_STREAM_WINDOW",
                "CONNECTION_WINDOW", "MAX_METADATA_SIZE"]


class Outcome(Exception):
    """How decoding stopped: ``connection_error`` or ``stream_error``."""

    def __init__(self, expect: Dict[str, Any]) -> None:
        super().__init__(expect)
        self.expect = expect


class Reader:
    """One side of a connection reading the case's bytes with the package's framing."""

    def __init__(self, case: Dict[str, Any]) -> None:
        self.side = case["side"]
        self.max_frame_size = case.get("max_frame_size", 65_536)
        self.max_message_size = case.get("max_message_size", 4_194_304)
        self.frames: List[Dict[str, Any]] = []
        self.reencoded = bytearray()
        self.messages: List[Dict[str, Any]] = []
        self.assemblers: Dict[int, f.MessageAssembler] = {}
        self.ended: set = set()

    def read(self, data: bytes) -> int:
        """Decodes frame by frame; returns the bytes left over (an incomplete frame)."""
        pos = 0
        while len(data) - pos >= f.HEADER_SIZE:
            length = f.HEADER.unpack_from(data, pos)[0]
            try:
                decoded, used = f.read_frames(data[pos:pos + f.HEADER_SIZE + length], self.max_frame_size)
            except f.ProtocolError as error:
                raise Outcome({"connection_error": error.code.name}) from None
            if not decoded:
                break
            pos += used
            self.handle(decoded[0])
        return len(data) - pos

    def handle(self, frame: f.Frame) -> None:
        kind, flags, stream_id, payload = frame
        out: Dict[str, Any] = {"type": f.TYPE_NAMES[kind] if kind <= f.GOAWAY else "UNKNOWN", "stream_id": stream_id,
                               "length": len(payload)}
        names = FLAG_NAMES.get(kind, {})
        if self.side == "client" and kind in (f.HEADERS, f.MESSAGE):
            names = {bit: name for bit, name in names.items() if bit != f.END_STREAM}  # a client's flag only
        if kind <= f.GOAWAY:
            out["flags"] = sorted(name for bit, name in names.items() if flags & bit)
        payload_again = payload
        if kind == f.SETTINGS:
            entries = f.parse_settings(payload)
            if not flags & f.ACK:
                out["entries"] = [{"id": i, "value": v} for i, v in entries]
                out["settings"] = dict(zip(SETTING_KEYS, f.Settings().applying(entries)))
            payload_again = b"".join(f.SETTING.pack(i, v) for i, v in entries)
        elif kind == f.HEADERS:
            headers = self.decode(CallHeaders, payload)
            out["headers"] = {"method": headers.method, "metadata": metadata_json(headers.metadata),
                              "timeout_micros": headers.timeout_micros, "message_encoding": headers.message_encoding,
                              "accept_encoding": headers.accept_encoding}
            payload_again = headers.encode()
            if self.side == "server":
                encoding = headers.message_encoding
                self.assemblers[stream_id] = f.MessageAssembler(self.max_message_size, encoding not in ("", "identity"))
                if flags & f.END_STREAM:
                    self.ended.add(stream_id)
        elif kind == f.MESSAGE:
            out["payload"] = payload
        elif kind == f.TRAILERS:
            if self.side == "client":
                trailers = self.decode(CallTrailers, payload)
                out["trailers"] = {"code": StatusCode.from_wire(trailers.code).name, "message": trailers.message,
                                   "metadata": metadata_json(trailers.metadata)}
                payload_again = trailers.encode()
            else:
                out["trailers"] = None
        elif kind == f.CANCEL:
            out["code"] = StatusCode.from_wire(f.parse_u32(payload, "CANCEL")).name
        elif kind == f.WINDOW_UPDATE:
            out["increment"] = f.parse_u32(payload, "WINDOW_UPDATE")
        elif kind == f.PING:
            out["data_hex"] = payload.hex()
        elif kind == f.GOAWAY:
            last, code, reason = f.parse_goaway(payload)
            out.update(last_stream_id=last, code=code.name, reason=reason)
        else:
            out.update(type_byte=kind, flags_byte=flags)
        self.frames.append(out)
        self.reencoded += f.frame(kind, flags, stream_id, payload_again)
        if kind == f.MESSAGE:
            self.message(stream_id, flags, payload)

    def decode(self, message_type: Any, payload: bytes) -> Any:
        try:
            return message_type.decode(payload)
        except DecodeError:
            raise Outcome({"connection_error": "INVALID_ARGUMENT"}) from None

    def message(self, stream_id: int, flags: int, payload: bytes) -> None:
        """Joins a stream's fragments; a server also enforces the client's END_STREAM."""
        if self.side == "server":
            if stream_id in self.ended or flags & f.END_STREAM and flags & f.MORE:
                raise Outcome({"stream_error": {"stream_id": stream_id, "code": "INTERNAL"}})
            if flags & f.END_STREAM:
                self.ended.add(stream_id)
        assembler = self.assemblers.setdefault(stream_id, f.MessageAssembler(self.max_message_size, True))
        try:
            message = assembler.add(flags, payload)
        except f.StreamError as error:
            raise Outcome({"stream_error": {"stream_id": stream_id, "code": error.code.name}}) from None
        if message is not None:
            self.messages.append({"stream_id": stream_id, "message": message})


def metadata_json(entries: List[MetadataEntry]) -> List[Dict[str, str]]:
    return [{"key": e.key, "value_hex": e.value.hex()} for e in entries]


def pattern(start: int, length: int) -> bytes:
    return bytes((start + i) % 251 for i in range(length))


def expected_payload(frame: Dict[str, Any]) -> Optional[bytes]:
    if "payload_hex" in frame:
        return bytes.fromhex(frame["payload_hex"])
    if "payload_pattern" in frame:
        return pattern(frame["payload_pattern"]["start"], frame["payload_pattern"]["length"])
    return None


def compare_frames(ours: List[Dict[str, Any]], theirs: List[Dict[str, Any]]) -> None:
    assert len(ours) == len(theirs)
    for mine, wanted in zip(ours, theirs):
        if wanted["type"] == "MESSAGE":
            payload = mine.pop("payload")
            expected = expected_payload(wanted)
            if expected is not None:
                assert payload == expected
            else:
                inflated = f.inflate(payload, wanted["payload_zlib_of_pattern"])
                assert inflated == pattern(0, wanted["payload_zlib_of_pattern"])
            wanted = {k: v for k, v in wanted.items() if not k.startswith("payload")}
        assert mine == wanted


def decode_case(name: str) -> Tuple[Dict[str, Any], Reader, bytes, Optional[Dict[str, Any]]]:
    case = json.loads((VECTORS / f"{name}.json").read_text())
    data = (VECTORS / f"{name}.bin").read_bytes()
    reader = Reader(case)
    outcome: Optional[Dict[str, Any]] = None
    if case["preface"]:
        if data[:7] != f.PREFACE[:7]:
            return case, reader, b"", {"connection_error": "INVALID_ARGUMENT"}
        if data[7] != f.PREFACE[7]:
            return case, reader, b"", {"connection_error": "UNIMPLEMENTED"}
        data = data[8:]
    try:
        left = reader.read(data)
        assert left == case.get("incomplete_bytes", 0)
        data = data[:len(data) - left]
    except Outcome as stop:
        outcome = stop.expect
    return case, reader, data, outcome


@pytest.mark.parametrize("name", CASES)
def test_vector(name: str) -> None:
    case, reader, data, outcome = decode_case(name)
    compare_frames(reader.frames, case["frames"])
    expect = case["expect"]
    if expect == "ok":
        assert outcome is None
    elif "messages" in expect:
        assert outcome is None
        wanted = [(m["stream_id"], bytes.fromhex(m["message_hex"]) if "message_hex" in m else pattern(0, m["pattern_length"]))
                  for m in expect["messages"]]
        assert [(m["stream_id"], m["message"]) for m in reader.messages] == wanted
    else:
        assert outcome == expect
    if case["canonical"] and outcome is None:
        assert bytes(reader.reencoded) == data


def test_every_case_is_covered() -> None:
    assert len(CASES) >= 70
    assert {path.stem for path in VECTORS.glob("*.bin")} == set(CASES)
