"""AuraRPC framing (SPEC.md sections 1, 2, 4): the preface, frame headers, control payloads,
settings, and the assembly of messages from MESSAGE frames."""
from __future__ import annotations

import re
import struct
import zlib
from typing import List, NamedTuple, Optional, Tuple

from .status import StatusCode

PREFACE = b"AURARPC\x01"
HEADER = struct.Struct(">IBBI")
HEADER_SIZE = HEADER.size
U32 = struct.Struct(">I")
SETTING = struct.Struct(">HI")
GOAWAY_HEAD = struct.Struct(">II")
MAX_CREDIT = (1 << 31) - 1

SETTINGS, HEADERS, MESSAGE, TRAILERS, CANCEL, WINDOW_UPDATE, PING, GOAWAY = range(8)
TYPE_NAMES = ("SETTINGS", "HEADERS", "MESSAGE", "TRAILERS", "CANCEL", "WINDOW_UPDATE", "PING", "GOAWAY")
ACK = END_STREAM = 0x01
COMPRESSED = 0x02
MORE = 0x04

# Settings ids, defaults and allowed ranges (section 4.1).
MAX_FRAME_SIZE, MAX_MESSAGE_SIZE, MAX_CONCURRENT_STREAMS = 1, 2, 3
INITIAL_STREAM_WINDOW, CONNECTION_WINDOW, MAX_METADATA_SIZE = 4, 5, 6
SETTING_NAMES = {1: "max_frame_size", 2: "max_message_size", 3: "max_concurrent_streams",
                 4: "initial_stream_window", 5: "connection_window", 6: "max_metadata_size"}
_RANGES = {1: (16_384, 16_777_215), 2: (0, MAX_CREDIT), 3: (0, 0xFFFFFFFF),
           4: (1, MAX_CREDIT), 5: (65_536, MAX_CREDIT), 6: (0, MAX_CREDIT)}


class Settings(NamedTuple):
    """The six settings of a peer (section 4.1), defaults included."""

    max_frame_size: int = 65_536
    max_message_size: int = 4_194_304
    max_concurrent_streams: int = 100
    initial_stream_window: int = 1_048_576
    connection_window: int = 8_388_608
    max_metadata_size: int = 8_192

    def encode(self) -> bytes:
        """A SETTINGS payload naming all six values."""
        return b"".join(SETTING.pack(i, self[i - 1]) for i in range(1, 7))

    def applying(self, entries: List[Tuple[int, int]]) -> "Settings":
        """These settings with ``entries`` applied in order; unknown ids ignored."""
        values = list(self)
        for ident, value in entries:
            if ident in _RANGES:
                values[ident - 1] = value
        return Settings(*values)


class ProtocolError(Exception):
    """A connection error (section 8): the receiver sends GOAWAY with ``code`` and closes."""

    def __init__(self, code: StatusCode, reason: str) -> None:
        super().__init__(f"{code.name}: {reason}")
        self.code = code
        self.reason = reason


class StreamError(Exception):
    """An error that ends one call, not the connection."""

    def __init__(self, code: StatusCode, reason: str) -> None:
        super().__init__(f"{code.name}: {reason}")
        self.code = code
        self.reason = reason


class Frame(NamedTuple):
    """One frame: type byte, flags, stream id (reserved bit cleared) and payload."""

    type: int
    flags: int
    stream_id: int
    payload: bytes


def frame(frame_type: int, flags: int, stream_id: int, payload: bytes = b"") -> bytes:
    """The bytes of one frame."""
    return HEADER.pack(len(payload), frame_type, flags, stream_id) + payload


def parse_settings(payload: bytes) -> List[Tuple[int, int]]:
    """A SETTINGS payload's entries in wire order; raises ProtocolError on a bad length or value."""
    if len(payload) % 6:
        raise ProtocolError(StatusCode.INVALID_ARGUMENT, "SETTINGS payload is not a multiple of 6 bytes")
    entries = [SETTING.unpack_from(payload, offset) for offset in range(0, len(payload), 6)]
    for ident, value in entries:
        bounds = _RANGES.get(ident)
        if bounds and not bounds[0] <= value <= bounds[1]:
            raise ProtocolError(StatusCode.INVALID_ARGUMENT, f"SETTINGS {SETTING_NAMES[ident]} {value} out of range")
    return entries


def parse_goaway(payload: bytes) -> Tuple[int, StatusCode, str]:
    """(last stream id, code, reason) of a GOAWAY payload."""
    if len(payload) < 8:
        raise ProtocolError(StatusCode.INVALID_ARGUMENT, "GOAWAY payload shorter than 8 bytes")
    last, code = GOAWAY_HEAD.unpack_from(payload)
    return last & 0x7FFFFFFF, StatusCode.from_wire(code), payload[8:].decode("utf-8", "replace")


def parse_u32(payload: bytes, name: str) -> int:
    """The 4-byte value of a CANCEL or WINDOW_UPDATE payload."""
    if len(payload) != 4:
        raise ProtocolError(StatusCode.INVALID_ARGUMENT, f"{name} payload is not 4 bytes")
    return U32.unpack(payload)[0]


def read_frames(buffer: bytes, max_frame_size: int, start: int = 0) -> Tuple[List[Frame], int]:
    """Frames at the front of ``buffer`` from ``start``, and where the first incomplete one begins.

    Checks what holds for any frame whoever reads it: the length against ``max_frame_size`` before
    the payload is read, the stream id of each known type, fixed payload sizes, and an empty MESSAGE
    with MORE. Unknown types come back as they are, for the caller to skip.
    """
    frames: List[Frame] = []
    pos = start
    end = len(buffer)
    while end - pos >= HEADER_SIZE:
        length, frame_type, flags, stream_id = HEADER.unpack_from(buffer, pos)
        if length > max_frame_size:
            raise ProtocolError(StatusCode.RESOURCE_EXHAUSTED,
                                f"frame of {length} bytes over MAX_FRAME_SIZE {max_frame_size}")
        if end - pos - HEADER_SIZE < length:
            break
        stream_id &= 0x7FFFFFFF
        payload = bytes(buffer[pos + HEADER_SIZE:pos + HEADER_SIZE + length])
        pos += HEADER_SIZE + length
        if frame_type <= GOAWAY:
            _check_frame(frame_type, flags, stream_id, payload)
        frames.append(Frame(frame_type, flags, stream_id, payload))
    return frames, pos


_CONNECTION_TYPES = (SETTINGS, PING, GOAWAY)


def _check_frame(frame_type: int, flags: int, stream_id: int, payload: bytes) -> None:
    name = TYPE_NAMES[frame_type]
    if frame_type in _CONNECTION_TYPES:
        if stream_id != 0:
            raise ProtocolError(StatusCode.INVALID_ARGUMENT, f"{name} frame on stream {stream_id}")
    elif frame_type != WINDOW_UPDATE and stream_id == 0:
        raise ProtocolError(StatusCode.INVALID_ARGUMENT, f"{name} frame on stream 0")
    if frame_type == SETTINGS:
        if flags & ACK and payload:
            raise ProtocolError(StatusCode.INVALID_ARGUMENT, "SETTINGS ACK with a payload")
        parse_settings(payload)
    elif frame_type == PING and len(payload) != 8:
        raise ProtocolError(StatusCode.INVALID_ARGUMENT, "PING payload is not 8 bytes")
    elif frame_type == CANCEL:
        parse_u32(payload, "CANCEL")
    elif frame_type == WINDOW_UPDATE:
        if parse_u32(payload, "WINDOW_UPDATE") & 0x7FFFFFFF == 0:
            raise ProtocolError(StatusCode.INVALID_ARGUMENT, "WINDOW_UPDATE increment 0")
    elif frame_type == GOAWAY:
        parse_goaway(payload)
    elif frame_type == MESSAGE and flags & MORE and not payload:
        raise ProtocolError(StatusCode.INVALID_ARGUMENT, "empty MESSAGE frame with MORE")


class MessageAssembler:
    """Joins one stream's MESSAGE frames into messages (section 4.3): MORE, COMPRESSED on every
    fragment or none, MAX_MESSAGE_SIZE on the wire bytes and on the inflated bytes."""

    __slots__ = ("max_size", "compression_allowed", "_parts", "_wire_bytes", "_compressed")

    def __init__(self, max_size: int, compression_allowed: bool) -> None:
        self.max_size = max_size
        self.compression_allowed = compression_allowed
        self._parts: List[bytes] = []
        self._wire_bytes = 0
        self._compressed: Optional[bool] = None

    @property
    def in_progress(self) -> bool:
        """Whether fragments of an incomplete message are held."""
        return self._compressed is not None

    def add(self, flags: int, payload: bytes) -> Optional[bytes]:
        """Adds one frame; returns the message when this frame completes it. Raises StreamError."""
        compressed = bool(flags & COMPRESSED)
        if self._compressed is not None and compressed != self._compressed:
            raise StreamError(StatusCode.INTERNAL, "COMPRESSED set on some fragments of a message only")
        if compressed and not self.compression_allowed:
            raise StreamError(StatusCode.INTERNAL, "compressed message without a negotiated encoding")
        self._wire_bytes += len(payload)
        if self._wire_bytes > self.max_size:
            raise StreamError(StatusCode.RESOURCE_EXHAUSTED,
                              f"message larger than MAX_MESSAGE_SIZE {self.max_size}")
        if flags & MORE:
            self._compressed = compressed
            self._parts.append(payload)
            return None
        if self._parts:
            self._parts.append(payload)
            payload = b"".join(self._parts)
            self._parts = []
        self._compressed = None
        self._wire_bytes = 0
        return inflate(payload, self.max_size) if compressed else payload


def inflate(data: bytes, max_size: int) -> bytes:
    """Inflates one zlib stream (RFC 1950) to at most ``max_size`` bytes; nothing may follow it."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, max_size + 1)
    except zlib.error:
        raise StreamError(StatusCode.INTERNAL, "message decompression failed") from None
    if len(out) > max_size:
        raise StreamError(StatusCode.RESOURCE_EXHAUSTED, f"inflated message larger than MAX_MESSAGE_SIZE {max_size}")
    if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
        raise StreamError(StatusCode.INTERNAL, "message decompression failed")
    return out


def deflate(data: bytes) -> bytes:
    """A zlib stream of ``data``."""
    return zlib.compress(data, 6)


def metadata_error(metadata: List[Tuple[str, bytes]]) -> Optional[str]:
    """The first broken metadata rule (section 4.2), or None."""
    for key, value in metadata:
        if not _KEY.fullmatch(key):
            return f"invalid metadata key {key[:128]!r}"
        if not key.endswith("-bin") and _NOT_PRINTABLE.search(value):
            return f"metadata {key[:128]!r} value is not printable ASCII"
    return None


def metadata_size(metadata: List[Tuple[str, bytes]]) -> int:
    """Metadata size as section 4.2 counts it: key + value + 32 per entry."""
    return sum(len(key) + len(value) + 32 for key, value in metadata)


_KEY = re.compile(r"[a-z0-9\-_.]+")
_NOT_PRINTABLE = re.compile(rb"[^\x20-\x7e]")
