"""The hand-written wire format against the official protobuf package, message by message."""
from __future__ import annotations

import importlib
import os
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from aurastream import messages
from aurastream.wire import DecodeError, Field, Message, decode_varint, encode_varint, registry

from conftest import PACKAGE, ROOT

MESSAGE_TYPES = sorted(registry().values(), key=lambda cls: cls.FULL_NAME)


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """aura_pb2, compiled from Protocol/aura.proto by grpc_tools.protoc into a temporary folder."""
    try:
        import grpc_tools.protoc as protoc
    except ImportError:
        pytest.fail("the round trips need the official protobuf implementation: pip install protobuf grpcio-tools")
    out = tmp_path_factory.mktemp("pb2")
    status = protoc.main(["protoc", f"-I{ROOT / 'Protocol'}", f"--python_out={out}", str(ROOT / "Protocol" / "aura.proto")])
    assert status == 0
    sys.path.insert(0, str(out))
    try:
        return importlib.import_module("aura_pb2")
    finally:
        sys.path.remove(str(out))


def test_generated_messages_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(PACKAGE / "tools" / "gen_messages.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_message_of_the_schema_has_a_class(official: ModuleType) -> None:
    names = {f"aura.{name}" for name in official.DESCRIPTOR.message_types_by_name}
    nested = {f"aura.{outer}.{inner}" for outer, d in official.DESCRIPTOR.message_types_by_name.items()
              for inner in d.nested_types_by_name if not d.nested_types_by_name[inner].GetOptions().map_entry}
    assert names | nested == set(registry())


def populated(cls: type, depth: int = 0, variant: int = 1) -> Message:
    """An instance with every field set to a non-default value (one member per oneof)."""
    values: dict = {}
    seen_oneofs = set()
    for field in cls.FIELDS:  # type: ignore[attr-defined]
        if field.oneof:
            if field.oneof in seen_oneofs:
                continue
            seen_oneofs.add(field.oneof)
        values[field.name] = sample(field, depth, variant)
    return cls(**values)


def sample(field: Field, depth: int, variant: int) -> Any:
    if field.kind == "map":
        return {"en": 1 << 40}  # one entry: protobuf's map order is its own
    if field.kind == "message":
        target = registry()[field.message]  # type: ignore[index]
        value = populated(target, depth + 1, variant) if depth < 3 else target()
        return [value, target()] if field.repeated else value
    scalar = {
        "string": "h\u00e9llo \u2603 \U0001F600", "bytes": bytes(range(256)) if variant == 1 else b"\x00",
        "bool": True, "double": -2.5e-300, "float": 1.5, "int32": -(2 ** 31), "int64": -(2 ** 63),
        "uint32": 2 ** 32 - 1, "uint64": 2 ** 64 - 1, "enum": 2,
    }[field.kind]
    if field.kind == "enum" and field.enum is not None:
        scalar = list(field.enum)[-1]
    return [scalar, scalar, scalar] if field.repeated else scalar


@pytest.mark.parametrize("cls", MESSAGE_TYPES, ids=lambda cls: cls.FULL_NAME)
def test_round_trip_with_protobuf(cls: type, official: ModuleType) -> None:
    ours = populated(cls)
    theirs_type = official
    for part in cls.FULL_NAME.split(".")[1:]:  # type: ignore[attr-defined]
        theirs_type = getattr(theirs_type, part)
    theirs = theirs_type.FromString(ours.encode())
    assert theirs.SerializeToString(deterministic=True) == ours.encode()
    assert cls.decode(theirs.SerializeToString()) == ours  # type: ignore[attr-defined]
    empty = theirs_type()
    assert cls().encode() == empty.SerializeToString()
    assert cls.decode(b"") == cls()


class _Numbers(Message):
    """A repeated scalar (aura.proto has none yet): packed on encode, both forms on decode."""
    FIELDS = (Field(1, "values", "uint32", repeated=True), Field(2, "signed", "sint64", repeated=True))


def test_repeated_scalars_are_packed_and_decode_either_way() -> None:
    numbers = _Numbers(values=[1, 300], signed=[-1, 2])
    assert numbers.encode() == b"\x0a\x03\x01\xac\x02\x12\x02\x01\x04"
    assert _Numbers.decode(b"\x08\x01\x08\xac\x02\x10\x01\x10\x04") == numbers


def test_map_entries_with_default_key_and_value(official: ModuleType) -> None:
    ours = messages.JobSummary(languages={"": 0, "en": 3, "de": 1 << 40})
    theirs = official.JobSummary.FromString(ours.encode())
    assert dict(theirs.languages) == ours.languages
    assert messages.JobSummary.decode(theirs.SerializeToString()) == ours


def test_unknown_fields_are_skipped() -> None:
    data = messages.AnalyzeRequest(text="hi").encode() + encode_varint(99 << 3 | 0) + encode_varint(5) \
        + encode_varint(98 << 3 | 2) + encode_varint(2) + b"ab" + encode_varint(97 << 3 | 5) + b"1234" \
        + encode_varint(96 << 3 | 1) + b"12345678"
    assert messages.AnalyzeRequest.decode(data) == messages.AnalyzeRequest(text="hi")


@pytest.mark.parametrize("data", [b"\x0a\x05ab", b"\x80", b"\x0b", b"\x0c", b"\x00\x00", b"\x0a\x02\xff\xfe",
                                  b"\xff" * 11])
def test_malformed_bytes_raise_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError):
        messages.AnalyzeRequest.decode(data)


def test_varints() -> None:
    for value in (0, 1, 127, 128, 300, 2 ** 32, 2 ** 64 - 1):
        assert decode_varint(encode_varint(value), 0) == (value, len(encode_varint(value)))
    assert encode_varint(-1) == b"\xff" * 9 + b"\x01"


def test_uint32_wider_than_32_bits_is_kept_for_status_mapping() -> None:
    trailers = messages.CallTrailers.decode(b"\x08" + encode_varint(-1))
    assert trailers.code == 2 ** 64 - 1


def test_oneof_keeps_the_last_member_and_empty_bytes_travel() -> None:
    request = messages.SubmitRequest(chunk=b"")
    assert request.encode() == b"\x1a\x00"
    decoded = messages.SubmitRequest.decode(messages.SubmitRequest(spec=messages.JobSpec(name="a")).encode() + b"\x1a\x01x")
    assert decoded.which_oneof("part") == "chunk" and decoded.spec is None and decoded.chunk == b"x"
