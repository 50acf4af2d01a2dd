"""The protobuf binary wire format (SPEC.md section 5), by hand: varints, tags and a message base.

Generated message classes (``messages.py``) describe their fields in a table; :class:`Message`
encodes and decodes any of them from it. Unknown fields are skipped on decode.
"""
from __future__ import annotations

import struct
from typing import Any, ClassVar, Dict, Optional, Tuple, Type

__all__ = ["DecodeError", "Field", "Message", "encode_varint", "decode_varint"]


class DecodeError(ValueError):
    """Bytes that are not a valid encoding of the expected message."""


_PACK_DOUBLE = struct.Struct("<d")
_PACK_FLOAT = struct.Struct("<f")
_PACK_U32 = struct.Struct("<I")
_PACK_U64 = struct.Struct("<Q")
_PACK_I32 = struct.Struct("<i")
_PACK_I64 = struct.Struct("<q")
_MASK64 = (1 << 64) - 1


def encode_varint(value: int) -> bytes:
    """Encodes a non-negative integer (negatives as their 64-bit two's complement) as a varint."""
    if value < 0:
        value &= _MASK64
    if value < 0x80:
        return bytes((value,))
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def decode_varint(data: bytes, pos: int) -> Tuple[int, int]:
    """Reads a varint at ``pos``; returns (value, next position). At most 10 bytes."""
    result = 0
    shift = 0
    end = len(data)
    while True:
        if pos >= end:
            raise DecodeError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise DecodeError("varint longer than 10 bytes")


# Field kinds: how a scalar travels. Wire type, then encoder and decoder of one value.
_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5


def _signed(bits: int):
    def convert(value: int) -> int:
        value &= (1 << bits) - 1
        return value - (1 << bits) if value >> (bits - 1) else value
    return convert


def _zigzag_decode(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


def _zigzag_encode(bits: int):
    def convert(value: int) -> int:
        return ((value << 1) ^ (value >> (bits - 1))) & ((1 << bits) - 1)
    return convert


def _identity(value: Any) -> Any:
    return value


# kind -> (wire type, python default, value -> varint int or bytes, raw -> value)
_VARINT_KINDS: Dict[str, Tuple[Any, Any]] = {
    "int32": (_identity, _signed(32)),
    "int64": (_identity, _signed(64)),
    # uint32 keeps values wider than 32 bits on decode: SPEC section 6 maps them to UNKNOWN.
    "uint32": (_identity, _identity),
    "uint64": (_identity, lambda v: v & _MASK64),
    "sint32": (_zigzag_encode(32), _zigzag_decode),
    "sint64": (_zigzag_encode(64), _zigzag_decode),
    "bool": (int, bool),
    "enum": (_identity, _signed(32)),
}
_FIXED_KINDS: Dict[str, Tuple[int, struct.Struct]] = {
    "double": (_I64, _PACK_DOUBLE),
    "float": (_I32, _PACK_FLOAT),
    "fixed32": (_I32, _PACK_U32),
    "fixed64": (_I64, _PACK_U64),
    "sfixed32": (_I32, _PACK_I32),
    "sfixed64": (_I64, _PACK_I64),
}


class Field:
    """One field of a message: number, attribute name, kind, and for repeated/map/message fields
    what they hold. ``kind`` is a scalar type name, ``"string"``, ``"bytes"``, ``"message"`` or
    ``"map"``; ``enum`` names the enum class for enum fields; ``oneof`` the group it belongs to."""

    __slots__ = ("number", "name", "kind", "repeated", "message", "enum", "oneof", "key_kind",
                 "value_kind", "value_message", "tag", "wire", "convert")

    def __init__(self, number: int, name: str, kind: str, *, repeated: bool = False,
                 message: Optional[str] = None, enum: Optional[type] = None,
                 oneof: Optional[str] = None, key_kind: str = "", value_kind: str = "",
                 value_message: Optional[str] = None) -> None:
        self.number = number
        self.name = name
        self.kind = kind
        self.repeated = repeated
        self.message = message
        self.enum = enum
        self.oneof = oneof
        self.key_kind = key_kind
        self.value_kind = value_kind
        self.value_message = value_message
        self.wire = _wire_type(kind)
        self.tag = encode_varint(number << 3 | self.wire)
        # A singular scalar outside a oneof decodes straight from its raw value (the fast path).
        self.convert = None if repeated or oneof is not None or kind in ("message", "map") else _converter(kind, enum)

    def default(self) -> Any:
        """The value of an absent field."""
        if self.kind == "map":
            return {}
        if self.repeated:
            return []
        if self.kind == "message" or self.oneof is not None:
            return None
        return _default_of(self.kind)


def _converter(kind: str, enum: Optional[type]) -> Any:
    """Raw wire value -> field value for one scalar kind."""
    if kind == "string":
        return _string
    if kind == "bytes":
        return bytes
    if kind in ("uint32", "bool") or (kind in ("uint64", "int64", "int32") and enum is None):
        return _VARINT_KINDS[kind][1]
    return lambda raw: _decode_value(kind, None, enum, raw, None)


def _string(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(f"string field is not UTF-8: {error}") from None


def _wire_type(kind: str) -> int:
    if kind in _VARINT_KINDS:
        return _VARINT
    if kind in _FIXED_KINDS:
        return _FIXED_KINDS[kind][0]
    return _LEN


def _default_of(kind: str) -> Any:
    if kind == "string":
        return ""
    if kind == "bytes":
        return b""
    if kind in ("double", "float"):
        return 0.0
    if kind == "bool":
        return False
    return 0


_REGISTRY: Dict[str, Type["Message"]] = {}


class Message:
    """Base of every generated message: keyword construction, equality, encode and decode.

    Scalars are always set (absent means the zero value, as in proto3); message fields and oneof
    members are ``None`` when absent; repeated fields are lists; maps are dicts.
    """

    __slots__ = ()
    FIELDS: ClassVar[Tuple[Field, ...]] = ()
    FULL_NAME: ClassVar[str] = ""
    _BY_NUMBER: ClassVar[Dict[int, Field]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._BY_NUMBER = {f.number: f for f in cls.FIELDS}
        if cls.FULL_NAME:
            _REGISTRY[cls.FULL_NAME] = cls

    def __init__(self, **values: Any) -> None:
        for field in self.FIELDS:
            setattr(self, field.name, values.pop(field.name, field.default()))
        if values:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(values)}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in self.FIELDS)

    def __repr__(self) -> str:
        shown = []
        for field in self.FIELDS:
            value = getattr(self, field.name)
            if value != field.default():
                shown.append(f"{field.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def which_oneof(self, group: str) -> Optional[str]:
        """The name of the member of oneof ``group`` that is set, or None."""
        for field in self.FIELDS:
            if field.oneof == group and getattr(self, field.name) is not None:
                return field.name
        return None

    # -- encoding ---------------------------------------------------------------------------

    def encode(self) -> bytes:
        """The message's bytes, fields in number order (canonical, as protobuf writes them)."""
        out = bytearray()
        self._encode_into(out)
        return bytes(out)

    def _encode_into(self, out: bytearray) -> None:
        for field in self.FIELDS:
            value = getattr(self, field.name)
            if field.kind == "map":
                for key in sorted(value):
                    entry = bytearray()
                    _encode_value(entry, field.key_kind, None, encode_varint(1 << 3 | _wire_type(field.key_kind)), key, True)
                    _encode_value(entry, field.value_kind, None,
                                  encode_varint(2 << 3 | _wire_type(field.value_kind)), value[key], True)
                    out += field.tag
                    out += encode_varint(len(entry))
                    out += entry
            elif field.repeated:
                if not value:
                    continue
                if field.wire != _LEN:
                    packed = bytearray()
                    for item in value:
                        _encode_scalar(packed, field.kind, item)
                    out += encode_varint(field.number << 3 | _LEN)
                    out += encode_varint(len(packed))
                    out += packed
                else:
                    for item in value:
                        _encode_value(out, field.kind, field.message, field.tag, item, True)
            elif value is not None:
                _encode_value(out, field.kind, field.message, field.tag, value, field.oneof is not None or field.kind == "message")

    # -- decoding ---------------------------------------------------------------------------

    @classmethod
    def decode(cls, data: bytes) -> "Message":
        """Decodes ``data``; raises :class:`DecodeError` on malformed bytes."""
        message = cls()
        if not isinstance(data, bytes):
            data = bytes(data)
        message._merge(data, 0, len(data))
        return message

    def _merge(self, data: bytes, pos: int, end: int) -> None:
        by_number = self._BY_NUMBER
        while pos < end:
            key = data[pos]
            if key < 0x80:  # one-byte varints take no call: most tags and lengths are
                pos += 1
            else:
                key, pos = decode_varint(data, pos)
            wire = key & 7
            if pos >= end and wire != _LEN:
                raise DecodeError("truncated field")
            if wire == _LEN:
                if pos >= end:
                    raise DecodeError("truncated field")
                length = data[pos]
                if length < 0x80:
                    pos += 1
                else:
                    length, pos = decode_varint(data, pos)
                raw: Any = data[pos:pos + length]
                pos += length
            elif wire == _VARINT:
                raw = data[pos]
                if raw < 0x80:
                    pos += 1
                else:
                    raw, pos = decode_varint(data, pos)
            elif wire == _I64:
                raw = data[pos:pos + 8]
                pos += 8
            elif wire == _I32:
                raw = data[pos:pos + 4]
                pos += 4
            else:
                raise DecodeError(f"invalid wire type {wire}")
            if pos > end:
                raise DecodeError("truncated field")
            field = by_number.get(key >> 3)
            if field is None:
                if key >> 3 == 0:
                    raise DecodeError("field number 0")
                continue
            if field.convert is not None and wire == field.wire:
                setattr(self, field.name, field.convert(raw))
            else:
                self._set_from_wire(field, wire, raw)

    def _set_from_wire(self, field: Field, wire: int, raw: Any) -> None:
        if field.kind == "map":
            entry = _MapEntry(field)
            entry._merge(raw, 0, len(raw))
            getattr(self, field.name)[entry.key] = entry.value
            return
        if field.repeated and wire == _LEN and field.wire != _LEN:
            items = getattr(self, field.name)
            pos = 0
            while pos < len(raw):
                value, pos = _decode_packed_one(field, raw, pos)
                items.append(value)
            return
        if wire != field.wire:
            raise DecodeError(f"field {field.name}: wire type {wire}, expected {field.wire}")
        value = _decode_value(field.kind, field.message, field.enum, raw, getattr(self, field.name, None)
                              if field.kind == "message" and not field.repeated else None)
        if field.repeated:
            getattr(self, field.name).append(value)
        else:
            if field.oneof is not None:
                for other in self.FIELDS:
                    if other.oneof == field.oneof and other is not field:
                        setattr(self, other.name, None)
            setattr(self, field.name, value)


class _MapEntry:
    """A map entry while it is decoded: key 1, value 2."""

    def __init__(self, field: Field) -> None:
        self.key = _default_of(field.key_kind)
        self.value: Any = _default_of(field.value_kind) if field.value_kind != "message" else None
        self.field = field

    def _merge(self, data: bytes, pos: int, end: int) -> None:
        while pos < end:
            key, pos = decode_varint(data, pos)
            number, wire = key >> 3, key & 7
            kind = self.field.key_kind if number == 1 else self.field.value_kind
            if wire == _VARINT:
                raw, pos = decode_varint(data, pos)
            elif wire == _I64:
                raw, pos = data[pos:pos + 8], pos + 8
            elif wire == _I32:
                raw, pos = data[pos:pos + 4], pos + 4
            elif wire == _LEN:
                length, pos = decode_varint(data, pos)
                raw, pos = data[pos:pos + length], pos + length
            else:
                raise DecodeError(f"invalid wire type {wire}")
            if pos > end:
                raise DecodeError("truncated map entry")
            if number in (1, 2) and wire == _wire_type(kind):
                value = _decode_value(kind, self.field.value_message, None, raw, None)
                if number == 1:
                    self.key = value
                else:
                    self.value = value


def _encode_scalar(out: bytearray, kind: str, value: Any) -> None:
    varint = _VARINT_KINDS.get(kind)
    if varint is not None:
        out += encode_varint(varint[0](int(value)))
    else:
        out += _FIXED_KINDS[kind][1].pack(value)


def _encode_value(out: bytearray, kind: str, message: Optional[str], tag: bytes, value: Any, present: bool) -> None:
    """Appends one field; a scalar equal to its default is left out unless ``present``."""
    if kind == "string":
        if value or present:
            encoded = value.encode("utf-8")
            out += tag
            out += encode_varint(len(encoded))
            out += encoded
    elif kind == "bytes":
        if value or present:
            out += tag
            out += encode_varint(len(value))
            out += value
    elif kind == "message":
        body = value.encode()
        out += tag
        out += encode_varint(len(body))
        out += body
    elif value or present:
        out += tag
        _encode_scalar(out, kind, value)


def _decode_value(kind: str, message: Optional[str], enum: Optional[type], raw: Any, existing: Any) -> Any:
    if kind == "string":
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DecodeError(f"string field is not UTF-8: {error}") from None
    if kind == "bytes":
        return bytes(raw)
    if kind == "message":
        target = existing if existing is not None else _REGISTRY[message]()  # type: ignore[index]
        target._merge(raw, 0, len(raw))
        return target
    varint = _VARINT_KINDS.get(kind)
    if varint is not None:
        value = varint[1](raw)
        if enum is not None:
            try:
                return enum(value)
            except ValueError:
                return value
        return value
    packer = _FIXED_KINDS[kind][1]
    if len(raw) != packer.size:
        raise DecodeError("truncated fixed-width field")
    return packer.unpack(raw)[0]


def _decode_packed_one(field: Field, raw: bytes, pos: int) -> Tuple[Any, int]:
    if field.wire == _VARINT:
        value, pos = decode_varint(raw, pos)
        return _decode_value(field.kind, None, field.enum, value, None), pos
    size = 8 if field.wire == _I64 else 4
    if pos + size > len(raw):
        raise DecodeError("truncated packed field")
    return _decode_value(field.kind, None, None, raw[pos:pos + size], None), pos + size


def registry() -> Dict[str, Type[Message]]:
    """Every message class by full protobuf name (``aura.Job``)."""
    return dict(_REGISTRY)
