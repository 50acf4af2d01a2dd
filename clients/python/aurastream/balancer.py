"""Round robin over a client's connections, an address that failed taken out for a backoff
that doubles with each failure in a row (docs/SCALING.md). A plain state machine: the caller
reports outcomes and asks for picks; it opens no socket and reads no clock."""
from __future__ import annotations

import socket
from typing import List, NamedTuple, Optional, Sequence, Tuple

__all__ = ["Balancer", "Endpoint", "resolve_addresses"]


class Endpoint(NamedTuple):
    """One connection's standing: ``failures`` in a row, out until ``retry_at`` (0: ready)."""
    failures: int = 0
    retry_at: float = 0.0

    @property
    def is_ready(self) -> bool:
        return self.failures == 0


class Balancer:
    """Which of ``count`` connections the next call takes."""

    def __init__(self, count: int, base_backoff: float = 0.05, max_backoff: float = 30.0) -> None:
        if count < 1:
            raise ValueError("a balancer needs at least one connection")
        self.endpoints: List[Endpoint] = [Endpoint()] * count
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self._cursor = 0

    def pick(self, now: float) -> int:
        """The next connection in turn that is ready or whose backoff has ended; when all are
        out, the one back soonest (a call is never refused without an attempt)."""
        count = len(self.endpoints)
        for offset in range(count):
            index = (self._cursor + offset) % count
            endpoint = self.endpoints[index]
            if endpoint.is_ready or endpoint.retry_at <= now:
                self._cursor = (index + 1) % count
                return index
        return min(range(count), key=lambda index: self.endpoints[index].retry_at)

    def succeeded(self, index: int) -> None:
        """Connection ``index`` works: in again, its failures forgotten."""
        self.endpoints[index] = Endpoint()

    def failed(self, index: int, now: float) -> None:
        """Connection ``index`` could not connect: out for twice its previous backoff."""
        failures = self.endpoints[index].failures + 1
        self.endpoints[index] = Endpoint(failures, now + self.backoff(failures))

    def backoff(self, failures: int) -> float:
        """The backoff after ``failures`` failures in a row."""
        return min(self.base_backoff * (2 ** (max(1, failures) - 1)), self.max_backoff)


def resolve_addresses(addresses: Sequence[Tuple[str, int]]) -> List[Tuple[str, int, Optional[str]]]:
    """Each (host, port), a name replaced by every address it resolves to (all its A records),
    with the name kept for TLS; a numeric host stays as it is (name None)."""
    resolved: List[Tuple[str, int, Optional[str]]] = []
    for host, port in addresses:
        if _is_numeric(host):
            resolved.append((host, port, None))
            continue
        seen: List[str] = []
        for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
            if sockaddr[0] not in seen:
                seen.append(sockaddr[0])
        resolved.extend((address, port, host) for address in seen)
    return resolved


def _is_numeric(host: str) -> bool:
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, host)
            return True
        except OSError:
            pass
    return False
