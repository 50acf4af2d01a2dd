"""The client's round robin, event by event (no sockets), and over two real servers."""
from __future__ import annotations

import socket
from typing import Iterator, Tuple

import pytest

from aurastream import Client
from aurastream.balancer import Balancer, Endpoint

from conftest import _running_server


def test_picks_each_connection_in_turn() -> None:
    balancer = Balancer(3)
    assert [balancer.pick(0.0) for _ in range(7)] == [0, 1, 2, 0, 1, 2, 0]


def test_a_failed_connection_is_skipped_until_its_backoff_ends() -> None:
    balancer = Balancer(3, base_backoff=0.1)
    balancer.failed(1, now=10.0)
    assert [balancer.pick(10.09) for _ in range(4)] == [0, 2, 0, 2]
    assert [balancer.pick(10.1) for _ in range(3)] == [0, 1, 2]


def test_backoff_doubles_up_to_the_maximum_and_success_forgets() -> None:
    balancer = Balancer(2, base_backoff=0.1, max_backoff=0.5)
    retries = []
    for _ in range(5):
        balancer.failed(0, now=0.0)
        retries.append(round(balancer.endpoints[0].retry_at, 3))
    assert retries == [0.1, 0.2, 0.4, 0.5, 0.5]
    balancer.succeeded(0)
    assert balancer.endpoints[0] == Endpoint()


def test_when_all_are_out_the_one_back_soonest_is_tried() -> None:
    balancer = Balancer(3, base_backoff=0.1)
    balancer.failed(0, now=0.0)
    balancer.failed(0, now=0.0)   # back at 0.2
    balancer.failed(1, now=0.05)  # back at 0.15
    balancer.failed(2, now=0.08)  # back at 0.18
    assert balancer.pick(0.09) == 1


@pytest.fixture()
def two_servers() -> Iterator[Tuple[str, str]]:
    with _running_server(["--auth", "off"]) as (first, _):
        with _running_server(["--auth", "off"]) as (second, _):
            yield f"{first[0]}:{first[1]}", f"{second[0]}:{second[1]}"


def test_calls_spread_over_two_servers(two_servers: Tuple[str, str]) -> None:
    with Client(addresses=list(two_servers), timeout=10) as client:
        for _ in range(4):
            client.health()
        assert len(client._connections) == 2
        assert all(connection is not None for connection in client._connections)  # one to each server


def test_an_unreachable_address_is_taken_out(two_servers: Tuple[str, str]) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))  # a port that was just free: bound, then closed without listening
    dead = f"127.0.0.1:{probe.getsockname()[1]}"
    probe.close()
    with Client(addresses=[dead, two_servers[0]], timeout=10) as client:
        for _ in range(4):
            client.health()
        assert client._balancer is not None
        assert client._balancer.endpoints[0].failures == 1
        assert client._balancer.endpoints[1] == Endpoint()
