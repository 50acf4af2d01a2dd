"""Servers that misbehave: garbage, a dropped connection, silence, protocol violations. Every call
ends with a typed AuraError within its deadline, never a hang. Also TLS and the API key against a
small fake server."""
from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Tuple

import pytest

from aurastream import AuraError, Client, Connection, StatusCode
from aurastream import frames as f
from aurastream.messages import CallHeaders, CallTrailers, Empty, MetadataEntry, Payload, SimpleRequest, SimpleResponse

Script = Callable[[socket.socket], None]
BOUND = 10.0


class FakeServer:
    """Accepts one connection on loopback and runs ``script`` on it in a thread."""

    def __init__(self, script: Script, tls: Optional[ssl.SSLContext] = None) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._script = script
        self._tls = tls
        self.error: Optional[BaseException] = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn, _ = self._listener.accept()
        try:
            conn.settimeout(BOUND)
            if self._tls is not None:
                conn = self._tls.wrap_socket(conn, server_side=True)
            self._script(conn)
        except BaseException as error:  # surfaced by join()
            self.error = error
        finally:
            conn.close()
            self._listener.close()

    def join(self) -> None:
        self._thread.join(BOUND)
        assert not self._thread.is_alive()


def read_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise EOFError("client closed")
        data += chunk
    return data


def read_frame(conn: socket.socket) -> f.Frame:
    length, kind, flags, stream = f.HEADER.unpack(read_exactly(conn, f.HEADER_SIZE))
    return f.Frame(kind, flags, stream, read_exactly(conn, length))


def handshake(conn: socket.socket) -> None:
    """Reads the client's preface and SETTINGS, sends ours."""
    conn.sendall(f.frame(f.SETTINGS, 0, 0, f.Settings().encode()))
    assert read_exactly(conn, 8) == f.PREFACE
    assert read_frame(conn).type == f.SETTINGS


def read_call(conn: socket.socket) -> Tuple[int, CallHeaders, bytes]:
    """The next call's HEADERS and its one message (skipping control frames)."""
    headers: Optional[CallHeaders] = None
    while True:
        item = read_frame(conn)
        if item.type == f.HEADERS:
            headers = CallHeaders.decode(item.payload)
        elif item.type == f.MESSAGE and headers is not None:
            return item.stream_id, headers, item.payload


def expect_error(port: int, code: StatusCode, context: Optional[ssl.SSLContext] = None) -> AuraError:
    with pytest.raises(AuraError) as raised:
        with Connection("127.0.0.1", port, tls=context) as conn:
            conn.unary("/aura.TestService/EmptyCall", Empty(), Empty, timeout=BOUND)
    assert raised.value.code == code, raised.value
    return raised.value


def test_garbage_instead_of_frames() -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n" * 20)
        while conn.recv(65536):
            pass
    server = FakeServer(script)
    error = expect_error(server.port, StatusCode.INTERNAL)
    assert "protocol error" in error.message
    server.join()


def test_connection_dropped_after_the_request() -> None:
    def script(conn: socket.socket) -> None:
        handshake(conn)
        read_call(conn)
    server = FakeServer(script)
    expect_error(server.port, StatusCode.UNAVAILABLE)
    server.join()


def test_connection_dropped_in_the_middle_of_a_frame() -> None:
    def script(conn: socket.socket) -> None:
        handshake(conn)
        stream, _, _ = read_call(conn)
        conn.sendall(f.frame(f.MESSAGE, 0, stream, b"12345678")[:-3])
        conn.shutdown(socket.SHUT_WR)
        while conn.recv(65536):
            pass
    server = FakeServer(script)
    error = expect_error(server.port, StatusCode.UNAVAILABLE)
    assert "middle of a frame" in error.message
    server.join()


def test_a_silent_server_meets_the_deadline() -> None:
    done = threading.Event()

    def script(conn: socket.socket) -> None:
        handshake(conn)
        read_call(conn)
        while (item := read_frame(conn)).type != f.CANCEL:
            pass
        if f.U32.unpack(item.payload)[0] == StatusCode.DEADLINE_EXCEEDED:
            done.set()
    server = FakeServer(script)
    with Connection("127.0.0.1", server.port) as conn:
        with pytest.raises(AuraError) as raised:
            conn.unary("/aura.TestService/EmptyCall", Empty(), Empty, timeout=0.2)
        assert raised.value.code == StatusCode.DEADLINE_EXCEEDED
        assert done.wait(BOUND)
    server.join()
    assert server.error is None


@pytest.mark.parametrize("reply", [
    f.frame(f.TRAILERS, 0, 99, b""),                       # a stream above the highest opened
    f.frame(f.HEADERS, 0, 1, b"\xff\xff"),                   # HEADERS that do not decode
    f.frame(f.SETTINGS, 0, 0, b"\x00\x01\x00\x00\x00\x01"),  # MAX_FRAME_SIZE 1: out of range
    f.frame(f.WINDOW_UPDATE, 0, 0, f.U32.pack(f.MAX_CREDIT)),  # a window past 2^31-1
    f.frame(f.MESSAGE, f.MORE, 1, b""),                     # an empty fragment with MORE
    f.HEADER.pack(100 << 20, f.MESSAGE, 0, 1),              # a frame over MAX_FRAME_SIZE
], ids=["above-highest", "bad-headers", "bad-settings", "window-overflow", "empty-more", "huge-frame"])
def test_protocol_violations_end_the_call_with_internal(reply: bytes) -> None:
    goaway: List[f.Frame] = []

    def script(conn: socket.socket) -> None:
        handshake(conn)
        read_call(conn)
        conn.sendall(reply)
        while True:
            item = read_frame(conn)
            if item.type == f.GOAWAY:
                goaway.append(item)
                return
    server = FakeServer(script)
    expect_error(server.port, StatusCode.INTERNAL)
    server.join()
    assert goaway and f.parse_goaway(goaway[0].payload)[1] != StatusCode.OK


def test_bad_metadata_from_the_server_is_internal_and_cancelled() -> None:
    cancels: List[int] = []

    def script(conn: socket.socket) -> None:
        handshake(conn)
        stream, _, _ = read_call(conn)
        bad = CallHeaders(metadata=[MetadataEntry(key="Bad Key", value=b"x")])
        conn.sendall(f.frame(f.HEADERS, 0, stream, bad.encode()))
        while not cancels:
            item = read_frame(conn)
            if item.type == f.CANCEL:
                cancels.append(f.U32.unpack(item.payload)[0])
    server = FakeServer(script)
    expect_error(server.port, StatusCode.INTERNAL)
    server.join()
    assert cancels == [StatusCode.INTERNAL]


def test_refused_stream_and_codes_above_16() -> None:
    def script(conn: socket.socket) -> None:
        handshake(conn)
        stream, _, _ = read_call(conn)
        conn.sendall(f.frame(f.CANCEL, 0, stream, f.U32.pack(StatusCode.RESOURCE_EXHAUSTED)))
        stream, _, _ = read_call(conn)
        conn.sendall(f.frame(f.TRAILERS, 0, stream, CallTrailers(code=2 ** 64 - 1, message="odd").encode()))
        read_frame(conn)
    server = FakeServer(script)
    with Connection("127.0.0.1", server.port) as conn:
        with pytest.raises(AuraError) as raised:
            conn.unary("/x.Y/Z", Empty(), Empty, timeout=BOUND)
        assert raised.value.code == StatusCode.RESOURCE_EXHAUSTED and raised.value.refused
        with pytest.raises(AuraError) as raised:
            conn.unary("/x.Y/Z", Empty(), Empty, timeout=BOUND)
        assert raised.value.code == StatusCode.UNKNOWN and not raised.value.refused
    server.join()


def test_ping_is_answered_and_goaway_refuses_new_calls() -> None:
    pongs: List[bytes] = []

    def script(conn: socket.socket) -> None:
        handshake(conn)
        conn.sendall(f.frame(f.PING, 0, 0, b"pingpong"))
        opened = False
        while not pongs or not opened:
            item = read_frame(conn)
            if item.type == f.PING and item.flags & f.ACK:
                pongs.append(item.payload)
            opened = opened or item.type == f.HEADERS
        conn.sendall(f.frame(f.GOAWAY, 0, 0, f.GOAWAY_HEAD.pack(0, 0) + b"shutting down"))
        read_frame(conn)
    server = FakeServer(script)
    with Connection("127.0.0.1", server.port) as conn:
        call = conn.open("/x.Y/Z", Empty, timeout=BOUND)
        error = call.wait()
        assert error is not None and error.code == StatusCode.UNAVAILABLE and error.refused
        with pytest.raises(AuraError) as raised:
            conn.unary("/x.Y/Z", Empty(), Empty, timeout=BOUND)
        assert raised.value.code == StatusCode.UNAVAILABLE
    server.join()
    assert pongs == [b"pingpong"]


def test_nobody_listening_is_unavailable() -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    with pytest.raises(AuraError) as raised:
        Client("127.0.0.1", port).health(timeout=BOUND)
    assert raised.value.code == StatusCode.UNAVAILABLE


def echo_server(script_calls: int, seen: List[CallHeaders]) -> Script:
    """Answers ``script_calls`` unary calls with an echo of the request as a SimpleResponse."""
    def script(conn: socket.socket) -> None:
        handshake(conn)
        for _ in range(script_calls):
            stream, headers, body = read_call(conn)
            seen.append(headers)
            reply = SimpleResponse(payload=SimpleRequest.decode(body).payload).encode()
            conn.sendall(f.frame(f.MESSAGE, 0, stream, reply) + f.frame(f.TRAILERS, 0, stream, CallTrailers().encode()))
        read_frame(conn)
    return script


def test_api_key_travels_as_a_bearer_token() -> None:
    seen: List[CallHeaders] = []
    server = FakeServer(echo_server(1, seen))
    with Client("127.0.0.1", server.port, api_key="ak_test.secret", timeout=BOUND) as client:
        client.unary("/aura.TestService/UnaryCall", SimpleRequest(), SimpleResponse)
    server.join()
    assert [(e.key, e.value) for e in seen[0].metadata] == [("authorization", b"Bearer ak_test.secret")]


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A self-signed CA-less server certificate for "localhost" (openssl CLI)."""
    folder = tmp_path_factory.mktemp("tls")
    result = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                             "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout",
                             str(folder / "key.pem"), "-out", str(folder / "cert.pem")], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"openssl cannot make a certificate: {result.stderr[-200:]!r}")
    yield folder


def test_tls_with_a_ca_file_and_server_name(certificates: Path) -> None:
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificates / "cert.pem", certificates / "key.pem")
    seen: List[CallHeaders] = []
    server = FakeServer(echo_server(2, seen), tls=server_context)
    with Client("127.0.0.1", server.port, tls=True, ca_file=str(certificates / "cert.pem"), server_name="localhost",
                timeout=BOUND) as client:
        big = b"\x07" * 60_000  # one frame: the fake server reads no fragments
        reply = client.unary("/aura.TestService/UnaryCall", SimpleRequest(payload=Payload(body=big)), SimpleResponse)
        assert reply.payload.body == big
        client.unary("/aura.TestService/UnaryCall", SimpleRequest(), SimpleResponse)
    server.join()
    assert server.error is None


def test_tls_rejects_a_certificate_for_another_name(certificates: Path) -> None:
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificates / "cert.pem", certificates / "key.pem")
    server = FakeServer(lambda conn: None, tls=server_context)
    with pytest.raises(AuraError) as raised:
        Client("127.0.0.1", server.port, tls=True, ca_file=str(certificates / "cert.pem"),
               server_name="not-localhost").health(timeout=BOUND)
    assert raised.value.code == StatusCode.UNAVAILABLE and "certificate" in raised.value.message.lower()
    server.join()
