"""Status codes (SPEC.md section 6) and the one error type of the client."""
from __future__ import annotations

import enum
from typing import List, Optional, Tuple

__all__ = ["StatusCode", "AuraError", "Metadata"]

Metadata = List[Tuple[str, bytes]]
"""Call metadata: (key, value) pairs in wire order; a key may repeat."""


class StatusCode(enum.IntEnum):
    """gRPC's canonical status codes, with the same numbers."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16

    @classmethod
    def from_wire(cls, value: int) -> "StatusCode":
        """Maps a code read off the wire; every value above 16 is UNKNOWN, never truncated."""
        return cls(value) if 0 <= value <= 16 else cls.UNKNOWN


class AuraError(Exception):
    """A call that did not end OK: its status ``code``, ``message`` and trailing ``metadata``.

    ``refused`` is true when the server refused the stream before running anything (a CANCEL
    from the server, SPEC section 3), so retrying is safe.
    """

    def __init__(self, code: StatusCode, message: str = "", metadata: Optional[Metadata] = None,
                 refused: bool = False) -> None:
        super().__init__(f"{code.name}: {message}" if message else code.name)
        self.code = code
        self.message = message
        self.metadata: Metadata = metadata or []
        self.refused = refused
