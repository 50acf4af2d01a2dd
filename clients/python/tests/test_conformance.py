"""aura.TestService over a real connection: the cases of the Swift suite's Conformance tests."""
from __future__ import annotations

from typing import Iterator, Tuple

import pytest

from aurastream import AuraError, Connection, Settings, StatusCode
from aurastream.messages import (Empty, Payload, ResponseParameters, SimpleRequest, SimpleResponse,
                                 StreamingInputCallRequest, StreamingInputCallResponse, StreamingOutputCallRequest,
                                 StreamingOutputCallResponse)

UNARY = "/aura.TestService/UnaryCall"
EMPTY = "/aura.TestService/EmptyCall"
INPUT = "/aura.TestService/StreamingInputCall"
OUTPUT = "/aura.TestService/StreamingOutputCall"
DUPLEX = "/aura.TestService/FullDuplexCall"
DEADLINE = 60.0


@pytest.fixture
def connection(server: Tuple[str, int]) -> Iterator[Connection]:
    with Connection(*server) as conn:
        yield conn


def payload(size: int) -> Payload:
    return Payload(body=bytes(i % 251 for i in range(size)) if size < 4096 else b"\x5a" * size)


def test_empty_unary(connection: Connection) -> None:
    assert connection.unary(EMPTY, Empty(), Empty, timeout=DEADLINE) == Empty()


@pytest.mark.parametrize("size", [0, 1, 64 * 1024])
def test_unary_response_of_size(connection: Connection, size: int) -> None:
    reply = connection.unary(UNARY, SimpleRequest(response_size=size, payload=payload(size)), SimpleResponse,
                             timeout=DEADLINE)
    assert len(reply.payload.body if reply.payload else b"") == size


@pytest.mark.parametrize("size", [1024 * 1024, 4 * 1024 * 1024 - 64])
def test_large_unary_response(connection: Connection, size: int) -> None:
    reply = connection.unary(UNARY, SimpleRequest(response_size=size), SimpleResponse, timeout=DEADLINE)
    assert len(reply.payload.body) == size


@pytest.mark.parametrize("size", [1024 * 1024, 4 * 1024 * 1024 - 64])
def test_large_unary_request(connection: Connection, size: int) -> None:
    reply = connection.unary(UNARY, SimpleRequest(response_size=1, payload=payload(size)), SimpleResponse,
                             timeout=DEADLINE)
    assert len(reply.payload.body) == 1


@pytest.mark.parametrize("size", [1024 * 1024, 4 * 1024 * 1024 - 64])
def test_large_unary_with_a_stream_window_larger_than_the_message(server: Tuple[str, int], size: int) -> None:
    with Connection(*server, settings=Settings(initial_stream_window=8 << 20)) as conn:
        reply = conn.unary(UNARY, SimpleRequest(response_size=size, payload=payload(size)), SimpleResponse,
                           timeout=DEADLINE)
        assert len(reply.payload.body) == size


def test_small_frames_and_windows(server: Tuple[str, int]) -> None:
    settings = Settings(max_frame_size=16_384, initial_stream_window=64 * 1024, connection_window=128 * 1024)
    with Connection(*server, settings=settings) as conn:
        reply = conn.unary(UNARY, SimpleRequest(response_size=60_000, payload=payload(60_000)), SimpleResponse,
                           timeout=DEADLINE)
        assert len(reply.payload.body) == 60_000
        uploaded = conn.client_streaming(INPUT, (StreamingInputCallRequest(payload=payload(50_000)) for _ in range(40)),
                                         StreamingInputCallResponse, timeout=DEADLINE)
        assert uploaded.aggregated_payload_size == 2_000_000
        request = StreamingOutputCallRequest(response_parameters=[ResponseParameters(size=50_000)] * 40)
        download = conn.server_streaming(OUTPUT, request, StreamingOutputCallResponse, timeout=DEADLINE)
        assert sum(len(r.payload.body) for r in download) == 2_000_000


def test_client_streaming_aggregates_sizes(connection: Connection) -> None:
    sizes = [27_182, 8, 1_828, 45_904, 0, 200_000]
    call = connection.open(INPUT, StreamingInputCallResponse, timeout=DEADLINE)
    for size in sizes:
        call.send(StreamingInputCallRequest(payload=payload(size)))
    call.close_send()
    assert call.result().aggregated_payload_size == sum(sizes)


def test_client_streaming_from_an_iterable(connection: Connection) -> None:
    requests = (StreamingInputCallRequest(payload=payload(size * 100)) for size in range(1, 51))
    reply = connection.client_streaming(INPUT, requests, StreamingInputCallResponse, timeout=DEADLINE)
    assert reply.aggregated_payload_size == sum(range(1, 51)) * 100


def test_client_streaming_beyond_the_window(connection: Connection) -> None:
    requests = (StreamingInputCallRequest(payload=payload(100_000)) for _ in range(40))
    reply = connection.client_streaming(INPUT, requests, StreamingInputCallResponse, timeout=DEADLINE)
    assert reply.aggregated_payload_size == 4_000_000


def test_server_streaming_sizes_and_intervals(connection: Connection) -> None:
    sizes = [31_415, 9, 2_653, 58_979, 0, 100_000]
    request = StreamingOutputCallRequest(response_parameters=[
        ResponseParameters(size=size, interval_us=(index % 2) * 20_000) for index, size in enumerate(sizes)])
    call = connection.server_streaming(OUTPUT, request, StreamingOutputCallResponse, timeout=DEADLINE)
    assert [len(r.payload.body if r.payload else b"") for r in call] == sizes
    assert call.wait() is None


def test_server_streaming_beyond_the_windows(connection: Connection) -> None:
    request = StreamingOutputCallRequest(response_parameters=[ResponseParameters(size=500_000)] * 40)
    call = connection.server_streaming(OUTPUT, request, StreamingOutputCallResponse, timeout=DEADLINE)
    sizes = [len(r.payload.body) for r in call]
    assert len(sizes) == 40 and sum(sizes) == 20_000_000


def test_full_duplex_ping_pong(connection: Connection) -> None:
    call = connection.open(DUPLEX, StreamingOutputCallResponse, timeout=DEADLINE)
    for size in [31_415, 9, 2_653, 58_979, 1, 0]:
        call.send(StreamingOutputCallRequest(response_parameters=[ResponseParameters(size=size)]))
        response = call.receive()
        assert response is not None
        assert len(response.payload.body if response.payload else b"") == size
    call.close_send()
    assert call.receive() is None
    assert call.wait() is None


def test_empty_stream(connection: Connection) -> None:
    call = connection.open(DUPLEX, StreamingOutputCallResponse, timeout=DEADLINE)
    call.close_send()
    assert list(call) == []
    assert call.wait() is None


@pytest.mark.parametrize("method", ["aura.TestService/NoSuchMethod", "no.such.Service/Call", "", "/"])
def test_unknown_method_is_unimplemented(connection: Connection, method: str) -> None:
    with pytest.raises(AuraError) as raised:
        connection.unary(method, Empty(), Empty, timeout=DEADLINE)
    assert raised.value.code == StatusCode.UNIMPLEMENTED
    assert connection.unary(EMPTY, Empty(), Empty, timeout=DEADLINE) == Empty()


def test_method_name_with_or_without_leading_slash(connection: Connection) -> None:
    for method in (UNARY, UNARY.lstrip("/")):
        reply = connection.unary(method, SimpleRequest(response_size=3), SimpleResponse, timeout=DEADLINE)
        assert len(reply.payload.body) == 3


def test_unary_without_a_request_or_with_two_is_invalid_argument(connection: Connection) -> None:
    none = connection.open(UNARY, SimpleResponse, timeout=DEADLINE)
    none.close_send()
    assert none.wait().code == StatusCode.INVALID_ARGUMENT  # type: ignore[union-attr]
    two = connection.open(UNARY, SimpleResponse, timeout=DEADLINE)
    two.send(SimpleRequest())
    two.send(SimpleRequest(), end=True)
    assert two.wait().code == StatusCode.INVALID_ARGUMENT  # type: ignore[union-attr]
    assert connection.unary(EMPTY, Empty(), Empty, timeout=DEADLINE) == Empty()


def test_compression_both_ways(connection: Connection) -> None:
    body = b"compressible " * 10_000
    request = SimpleRequest(response_size=100_000, payload=Payload(body=body), response_compressed=True)
    reply = connection.unary(UNARY, request, SimpleResponse, timeout=DEADLINE, compress=True)
    assert len(reply.payload.body) == 100_000


def test_metadata_echo(connection: Connection) -> None:
    call = connection.open(UNARY, SimpleResponse, timeout=DEADLINE,
                           metadata=[("x-aura-echo-initial", b"hello"), ("x-aura-echo-trailing-bin", b"\x00\xff")])
    call.send(SimpleRequest(response_size=1), end=True)
    assert ("x-aura-echo-initial", b"hello") in call.headers()
    call.result()
    assert ("x-aura-echo-trailing-bin", b"\x00\xff") in call.trailing_metadata


def test_echoed_status_is_a_typed_error(connection: Connection) -> None:
    from aurastream.messages import EchoStatus
    with pytest.raises(AuraError) as raised:
        connection.unary(UNARY, SimpleRequest(response_status=EchoStatus(code=9, message="no way")), SimpleResponse,
                         timeout=DEADLINE)
    assert raised.value.code == StatusCode.FAILED_PRECONDITION and raised.value.message == "no way"


def test_invalid_metadata_fails_locally(connection: Connection) -> None:
    for metadata in ([("Upper", b"x")], [("x-text", b"\x01")]):
        with pytest.raises(AuraError) as raised:
            connection.open(EMPTY, Empty, metadata=metadata)
        assert raised.value.code == StatusCode.INVALID_ARGUMENT
    with pytest.raises(AuraError) as raised:
        connection.open(EMPTY, Empty, metadata=[("x-big", b"a" * 9000)])
    assert raised.value.code == StatusCode.RESOURCE_EXHAUSTED


def test_many_calls_in_flight_on_one_connection(connection: Connection) -> None:
    futures = [connection.unary_future(UNARY, SimpleRequest(response_size=i), SimpleResponse, timeout=DEADLINE)
               for i in range(300)]
    assert [len(f.result(timeout=DEADLINE).payload.body if f.result().payload else b"") for f in futures] == list(range(300))


def test_stream_ids_used_up_refuse_new_calls_and_a_client_reconnects(server: Tuple[str, int]) -> None:
    from aurastream import Client
    with Client(*server, timeout=DEADLINE) as client:
        client.connection._next_id = (1 << 31) - 1  # the last odd id
        client.unary(EMPTY, Empty(), Empty)
        with pytest.raises(AuraError) as raised:
            client.connection.unary(EMPTY, Empty(), Empty)
        assert raised.value.code == StatusCode.UNAVAILABLE and raised.value.refused
        assert client.unary(EMPTY, Empty(), Empty) == Empty()  # on a new connection
