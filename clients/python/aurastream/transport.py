"""Byte transports under a connection: plain TCP, or TLS through memory BIOs so that one thread
can read while another writes (an ``ssl.SSLSocket`` must not be used from two threads at once)."""
from __future__ import annotations

import socket
import ssl
import threading
from typing import Optional

_READ_SIZE = 256 * 1024


class PlainTransport:
    """A connected TCP socket."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def recv(self) -> bytes:
        """Bytes read, or b"" at end of file."""
        return self._sock.recv(_READ_SIZE)

    def sendall(self, data: bytes) -> None:
        """Writes all of ``data``."""
        self._sock.sendall(data)

    def close(self) -> None:
        """Closes the socket at once (pending reads end with end of file)."""
        _close(self._sock)


class TlsTransport:
    """TLS over a connected TCP socket; the handshake runs in the constructor."""

    def __init__(self, sock: socket.socket, context: ssl.SSLContext, server_hostname: Optional[str]) -> None:
        self._sock = sock
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()
        self._tls = context.wrap_bio(self._incoming, self._outgoing, server_side=False,
                                     server_hostname=server_hostname)
        self._lock = threading.Lock()
        while True:
            try:
                self._tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self._flush_outgoing()
                data = sock.recv(_READ_SIZE)
                if not data:
                    raise ConnectionError("connection closed during the TLS handshake") from None
                self._incoming.write(data)
        self._flush_outgoing()

    def _flush_outgoing(self) -> None:
        if self._outgoing.pending:
            self._sock.sendall(self._outgoing.read())

    def recv(self) -> bytes:
        """Plaintext read, or b"" at end of file."""
        while True:
            with self._lock:
                try:
                    data = self._tls.read(_READ_SIZE)
                except ssl.SSLWantReadError:
                    data = b""
                except ssl.SSLZeroReturnError:
                    return b""
                self._flush_outgoing()
            if data:
                return data
            raw = self._sock.recv(_READ_SIZE)
            if not raw:
                return b""
            with self._lock:
                self._incoming.write(raw)

    def sendall(self, data: bytes) -> None:
        """Encrypts and writes all of ``data``; records leave in the order they were made."""
        with self._lock:
            self._tls.write(data)
            self._flush_outgoing()

    def close(self) -> None:
        """Closes the socket at once."""
        _close(self._sock)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
