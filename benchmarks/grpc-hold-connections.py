#!/usr/bin/env python3
"""Holds idle connections to a gRPC server, for its RSS (benchmarks/compare-grpc-cpp.sh).

Opens COUNT connections to 127.0.0.1:PORT, makes one unary call to /bench.Bench/Unary (16 bytes
each way, the peer's shape) on each over plain HTTP/2, prints "holding COUNT", and keeps every
connection open until its standard input closes; its open-file limit is raised to the hard limit
first. Speaks just enough HTTP/2 for that: the preface, SETTINGS and their acknowledgements, PING
answers, one HEADERS + DATA request, literal HPACK.
"""
import resource
import socket
import struct
import sys

DATA, HEADERS, SETTINGS, PING, GOAWAY = 0x0, 0x1, 0x4, 0x6, 0x7
END_STREAM, END_HEADERS, ACK = 0x1, 0x4, 0x1


def frame(kind, flags, stream, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def literal(name, value):
    """An HPACK literal header field without indexing, new name, no Huffman (RFC 7541 6.2.2)."""
    name, value = name.encode(), value.encode()
    return b"\x00" + bytes([len(name)]) + name + bytes([len(value)]) + value


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection")
        data += chunk
    return data


def call(port):
    sock = socket.create_connection(("127.0.0.1", port))
    headers = b"".join(literal(n, v) for n, v in [
        (":method", "POST"), (":scheme", "http"), (":path", "/bench.Bench/Unary"),
        (":authority", "127.0.0.1:%d" % port), ("content-type", "application/grpc"), ("te", "trailers")])
    message = b"\x0a\x10" + bytes(16)  # Payload { body = 16 bytes }
    sock.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + frame(SETTINGS, 0, 0)
                 + frame(HEADERS, END_HEADERS, 1, headers)
                 + frame(DATA, END_STREAM, 1, b"\x00" + struct.pack(">I", len(message)) + message))
    received = 0
    while True:
        header = read_exactly(sock, 9)
        length = struct.unpack(">I", b"\x00" + header[:3])[0]
        kind, flags, stream = header[3], header[4], struct.unpack(">I", header[5:])[0] & 0x7FFFFFFF
        payload = read_exactly(sock, length)
        if kind == SETTINGS and not flags & ACK:
            sock.sendall(frame(SETTINGS, ACK, 0))
        elif kind == PING and not flags & ACK:
            sock.sendall(frame(PING, ACK, 0, payload))
        elif kind == GOAWAY:
            raise ConnectionError("GOAWAY from the server")
        elif kind == DATA and stream == 1:
            received += length
        elif kind == HEADERS and stream == 1 and flags & END_STREAM:
            if received != 5 + 18:
                raise ValueError("reply of %d bytes, expected 23" % received)
            return sock


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2])
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if count + 16 > hard:
        sys.exit("%d connections need %d open files; the hard limit is %d (ulimit -Hn)" % (count, count + 16, hard))
    held = [call(port) for _ in range(count)]
    print("holding %d" % len(held), flush=True)
    sys.stdin.read()
    for sock in held:
        sock.close()


if __name__ == "__main__":
    main()
