#!/usr/bin/env python3
"""Throughput of the Python client against a running server started with --conformance.

    python3 clients/python/bench.py --addr 127.0.0.1:7443 [--seconds 5] [--upload-mb 256]

The client's CPU per call (all its threads) tells how many calls/s one core of client could
drive whatever the server and the machine's load do. Rows, as aura-bench measures them: small unary calls (aura.TestService/UnaryCall, a 16-byte payload
each way) at 1 and 64 in flight on one connection (calls/s, p50/p99 latency), and client-streaming
upload (aura.TestService/StreamingInputCall) of 64 KiB and of 1 MiB messages (MB/s).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
from typing import List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from aurastream import Connection  # noqa: E402
from aurastream.messages import (Payload, SimpleRequest, SimpleResponse, StreamingInputCallRequest,  # noqa: E402
                                 StreamingInputCallResponse)

UNARY = "/aura.TestService/UnaryCall"


def unary(connection: Connection, in_flight: int, seconds: float) -> None:
    """Keeps ``in_flight`` calls going: each finished call starts the next from its callback."""
    request = SimpleRequest(response_size=16, payload=Payload(body=b"x" * 16)).encode()
    latencies: List[float] = []
    done = threading.Event()
    end = time.monotonic() + seconds
    lock = threading.Lock()
    active = [in_flight]

    def start() -> None:
        started = time.monotonic()
        future = connection.unary_future(UNARY, request, SimpleResponse)
        future.add_done_callback(lambda f: finished(f, started))

    def finished(future, started: float) -> None:  # type: ignore[no-untyped-def]
        now = time.monotonic()
        future.result()
        latencies.append(now - started)
        if now < end:
            start()
            return
        with lock:
            active[0] -= 1
            if active[0] == 0:
                done.set()

    began = time.monotonic()
    cpu = process_cpu()
    for _ in range(in_flight):
        start()
    done.wait()
    elapsed = time.monotonic() - began
    cpu_per_call = (process_cpu() - cpu) / len(latencies) * 1e6
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1e6
    p99 = latencies[int(len(latencies) * 0.99)] * 1e6
    print(f"python unary   in-flight {in_flight:>3}  {len(latencies) / elapsed:>9,.0f} calls/s  "
          f"p50 {p50:>7,.0f} µs  p99 {p99:>7,.0f} µs  client CPU {cpu_per_call:,.0f} µs/call")


def process_cpu() -> float:
    """CPU seconds this process used (all threads, user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def upload(connection: Connection, megabytes: int, message_size: int) -> None:
    """Client streaming of ``megabytes`` MiB in messages of ``message_size`` bytes."""
    message = StreamingInputCallRequest(payload=Payload(body=os.urandom(message_size))).encode()
    count = (megabytes << 20) // message_size
    began = time.monotonic()
    reply = connection.client_streaming("/aura.TestService/StreamingInputCall", (message for _ in range(count)),
                                        StreamingInputCallResponse)
    elapsed = time.monotonic() - began
    assert reply.aggregated_payload_size == count * message_size
    print(f"python upload  {message_size >> 10:>4} KiB messages  {count * message_size / elapsed / 1e6:>9,.0f} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--addr", default="127.0.0.1:7443")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--upload-mb", type=int, default=256)
    args = parser.parse_args()
    host, _, port = args.addr.rpartition(":")
    with Connection(host, int(port)) as connection:
        connection.unary(UNARY, SimpleRequest(), SimpleResponse)
        unary(connection, 1, args.seconds)
        unary(connection, 64, args.seconds)
        upload(connection, args.upload_mb, 64 << 10)
        upload(connection, args.upload_mb, 1 << 20)


if __name__ == "__main__":
    main()
