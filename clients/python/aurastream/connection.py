"""One AuraRPC connection (SPEC.md): a reader thread demultiplexes frames to calls, every thread
may start and drive calls, deadlines fire from a timer thread, flow control per section 7."""
from __future__ import annotations

import collections
import heapq
import itertools
import socket
import ssl
import threading
import time
from concurrent.futures import Future
from typing import (Any, Callable, Deque, Dict, Generic, Iterable, Iterator, List, Optional, Tuple, Type,
                    TypeVar, Union)

from . import frames as f
from .messages import CallHeaders, CallTrailers, MetadataEntry
from .status import AuraError, Metadata, StatusCode
from .transport import PlainTransport, TlsTransport
from .wire import DecodeError, Message, encode_varint

__all__ = ["Connection", "Call"]

R = TypeVar("R", bound=Message)
Request = Union[Message, bytes]

_DEFAULTS = f.Settings()
_COMPRESS_AT_LEAST = 512
_HEADER_CACHE_SIZE = 256
_PRUNE_AT_LEAST = 1024
_TIMEOUT_TAG = b"\x18"  # CallHeaders.timeout_micros: field 3, varint


def _encode(request: Request) -> bytes:
    return request if isinstance(request, (bytes, bytearray)) else request.encode()


class _Deadlines:
    """A timer thread that expires calls whose deadline passed (started on first use)."""

    def __init__(self, expire: Callable[["Call[Any]"], None]) -> None:
        self._expire = expire
        self._heap: List[Tuple[float, int, "Call[Any]"]] = []
        self._cond = threading.Condition()
        self._counter = itertools.count()
        self._thread: Optional[threading.Thread] = None
        self._stopped = False
        self._prune_at = _PRUNE_AT_LEAST

    def add(self, when: float, call: "Call[Any]") -> None:
        with self._cond:
            if len(self._heap) >= self._prune_at:
                self._heap = [entry for entry in self._heap if not entry[2].done]
                heapq.heapify(self._heap)
                self._prune_at = max(_PRUNE_AT_LEAST, 2 * len(self._heap))
            heapq.heappush(self._heap, (when, next(self._counter), call))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="aurastream-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is call:
                self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped and (not self._heap or self._heap[0][0] > time.monotonic()):
                    self._cond.wait(self._heap[0][0] - time.monotonic() if self._heap else None)
                if self._stopped:
                    return
                _, _, call = heapq.heappop(self._heap)
            if not call.done:
                self._expire(call)


class Call(Generic[R]):
    """One call (stream): send requests, read responses, then the status.

    Iterating yields each response and raises :class:`AuraError` if the call ended with an error.
    Thread-safe for one sender and one receiver at a time.
    """

    def __init__(self, connection: "Connection", response_type: Optional[Type[R]], deadline: Optional[float],
                 future: "Optional[Future[Any]]" = None) -> None:
        self._connection = connection
        self._response_type = response_type
        self.deadline = deadline
        self._future = future
        self.stream_id = 0
        self.done = False
        self.error: Optional[AuraError] = None
        self.initial_metadata: Optional[Metadata] = None
        self.trailing_metadata: Metadata = []
        self._send_closed = False
        self._compress = False
        self._auto_consume = future is not None
        self._inbox: Deque[Tuple[bytes, int]] = collections.deque()
        self._partial_unreturned = 0
        self._recv_credit = 0
        self._unsent_update = 0
        self._send_credit = 0
        self._assembler: Optional[f.MessageAssembler] = None
        self._cond: Optional[threading.Condition] = None  # made by the first waiter (most calls have none)

    # -- sending ----------------------------------------------------------------------------

    def send(self, request: Request, end: bool = False) -> None:
        """Sends one request message (waiting for flow-control credit); ``end`` closes sending."""
        if self._send_closed:
            raise ValueError("send after the call's sending side was closed")
        data = _encode(request)
        compressed = False
        if self._compress:
            data, compressed = _maybe_compress(data)
        self._connection._send_message(self, data, end, compressed)

    def close_send(self) -> None:
        """Tells the server no more requests come (an empty TRAILERS frame)."""
        self._connection._close_send(self)

    def cancel(self) -> None:
        """Gives up the call: CANCEL CANCELLED to the server, CANCELLED to the waiting code."""
        self._connection._fail(self, AuraError(StatusCode.CANCELLED, "cancelled by the client"), send_cancel=True)

    # -- receiving --------------------------------------------------------------------------

    def receive(self) -> Optional[R]:
        """The next response, or None once the call ended OK; raises AuraError on an error."""
        data = self.receive_bytes()
        if data is None:
            return None
        if self._response_type is None:
            return data  # type: ignore[return-value]
        try:
            return self._response_type.decode(data)  # type: ignore[return-value]
        except DecodeError as error:
            self._connection._fail(self, AuraError(StatusCode.INTERNAL, f"response does not decode: {error}"),
                                   send_cancel=True)
            raise self.error from None  # type: ignore[misc]

    def receive_bytes(self) -> Optional[bytes]:
        """The next response's bytes, or None once the call ended OK; raises AuraError."""
        connection = self._connection
        with connection._lock:
            while not self._inbox and not self.done:
                self._condition().wait()
            if not self._inbox:
                if self.error is not None:
                    raise self.error
                return None
            data, credit = self._inbox.popleft()
            connection._consumed(self, credit)
        if connection._pending:
            connection._flush(threading.current_thread() is not connection._reader)
        return data

    def __iter__(self) -> Iterator[R]:
        while True:
            response = self.receive()
            if response is None:
                return
            yield response

    def result(self) -> R:
        """The one response of a unary or client-streaming call (waits for the status)."""
        response = self.receive()
        if response is None:
            raise AuraError(StatusCode.INTERNAL, "the server sent no response message")
        if self.receive_bytes() is not None:
            raise AuraError(StatusCode.INTERNAL, "the server sent more than one response message")
        return response

    def wait(self) -> Optional[AuraError]:
        """Waits for the end of the call; returns its error, or None when it ended OK."""
        with self._connection._lock:
            while not self.done:
                self._condition().wait()
            return self.error

    def headers(self) -> Metadata:
        """The server's initial metadata (waits for it or for the end of the call)."""
        with self._connection._lock:
            while self.initial_metadata is None and not self.done:
                self._condition().wait()
            return self.initial_metadata or []

    def _condition(self) -> threading.Condition:
        """The call's condition on the connection lock (held by the caller)."""
        if self._cond is None:
            self._cond = threading.Condition(self._connection._lock)
        return self._cond

    def _wake(self) -> None:
        """Wakes the call's waiters (the connection lock is held)."""
        if self._cond is not None:
            self._cond.notify_all()


class Connection:
    """A client connection to one server. Threads may share it; each call is one stream.

    ``tls`` is an ``ssl.SSLContext`` (or None for plaintext); ``server_name`` is checked against
    the server's certificate (default: ``host``). ``settings`` are what this client accepts.
    """

    def __init__(self, host: str, port: int, *, tls: Optional[ssl.SSLContext] = None,
                 server_name: Optional[str] = None, settings: f.Settings = _DEFAULTS,
                 connect_timeout: Optional[float] = 10.0) -> None:
        try:
            sock = socket.create_connection((host, port), timeout=connect_timeout)
        except OSError as error:
            raise AuraError(StatusCode.UNAVAILABLE, f"cannot connect to {host}:{port}: {error}") from None
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            transport: Union[PlainTransport, TlsTransport] = (
                TlsTransport(sock, tls, server_name or host) if tls is not None else PlainTransport(sock))
            sock.settimeout(None)
        except (OSError, ssl.SSLError) as error:  # ssl.SSLError is an OSError; named for the reader
            sock.close()
            raise AuraError(StatusCode.UNAVAILABLE, f"cannot connect to {host}:{port}: {error}") from None
        except BaseException:
            sock.close()
            raise
        self._transport = transport
        self.settings = settings
        self.peer = _DEFAULTS
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._pending: List[bytes] = []
        self._header_cache: Dict[Tuple[str, Tuple[Tuple[str, bytes], ...], bool], Tuple[bytes, bytes, int]] = {}
        self._streams: Dict[int, Call[Any]] = {}
        self._next_id = 1
        self._highest_id = 0
        self._closed: Optional[AuraError] = None
        self._goaway_last: Optional[int] = None
        self._goaway_reason = ""
        self._slot_cond = threading.Condition(self._lock)
        self._credit_cond = threading.Condition(self._lock)
        self._slot_waiters = 0
        self._credit_waiters = 0
        self._send_credit = _DEFAULTS.connection_window
        self._settings_acked = False
        # Until our SETTINGS are acknowledged the server may follow the defaults (section 4.1).
        self._recv_limit = f.Settings(*(max(a, b) for a, b in zip(_DEFAULTS, settings)))
        self._recv_credit = self._recv_limit.connection_window
        self._unsent_update = 0
        self._deadlines = _Deadlines(self._expire)
        self._pending.append(f.PREFACE + f.frame(f.SETTINGS, 0, 0, settings.encode()))
        self._flush(True)
        self._reader = threading.Thread(target=self._read_loop, name="aurastream-reader", daemon=True)
        self._reader.start()

    # -- public API -------------------------------------------------------------------------

    def open(self, method: str, response_type: Optional[Type[R]] = None, *, metadata: Optional[Metadata] = None,
             timeout: Optional[float] = None, compress: bool = False) -> Call[R]:
        """Starts a call of any shape; send requests on it and read its responses."""
        call: Call[R] = Call(self, response_type, _deadline(timeout))
        self._start(call, method, metadata or [], compress, None, False)
        return call

    def unary_future(self, method: str, request: Request, response_type: Type[R], *,
                     metadata: Optional[Metadata] = None, timeout: Optional[float] = None,
                     compress: bool = False) -> "Future[R]":
        """Starts a unary call; the future ends with the response or an AuraError. Its callbacks
        run on the connection's reader thread and must not block."""
        future: Future[R] = Future()
        call: Call[R] = Call(self, response_type, _deadline(timeout), future)
        self._start(call, method, metadata or [], compress, _encode(request), True)
        return future

    def unary(self, method: str, request: Request, response_type: Type[R], *, metadata: Optional[Metadata] = None,
              timeout: Optional[float] = None, compress: bool = False) -> R:
        """One request, one response; raises AuraError."""
        return self.unary_future(method, request, response_type, metadata=metadata, timeout=timeout,
                                 compress=compress).result()

    def server_streaming(self, method: str, request: Request, response_type: Type[R], **options: Any) -> Call[R]:
        """Sends one request and returns the call, to iterate over its responses."""
        call = self.open(method, response_type, **options)
        call.send(request, end=True)
        return call

    def client_streaming(self, method: str, requests: Iterable[Request], response_type: Type[R], **options: Any) -> R:
        """Sends every request, then returns the one response."""
        call = self.open(method, response_type, **options)
        try:
            for request in requests:
                call.send(request)
            call.close_send()
        except AuraError:
            pass  # the status below says why
        except BaseException:
            call.cancel()
            raise
        return call.result()

    def close(self) -> None:
        """Closes the connection; calls still open end with UNAVAILABLE."""
        with self._lock:
            if self._closed is None:
                self._pending.append(f.frame(f.GOAWAY, 0, 0, f.GOAWAY_HEAD.pack(0, 0)))
        try:
            self._flush(True)
        except OSError:
            pass
        self._shutdown(AuraError(StatusCode.UNAVAILABLE, "connection closed by the client"))
        self._deadlines.stop()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    @property
    def is_closed(self) -> bool:
        """Whether the connection can no longer start calls."""
        return self._closed is not None or self._goaway_last is not None

    # -- starting and sending ---------------------------------------------------------------

    def _start(self, call: Call[Any], method: str, metadata: Metadata, compress: bool,
               only_message: Optional[bytes], end: bool) -> None:
        headers, metadata_size = self._headers(method, metadata, compress, call.deadline)
        if compress and only_message is not None:
            only_message, compressed = _maybe_compress(only_message)
        else:
            compressed = False
        on_reader = threading.current_thread() is self._reader
        with self._lock:
            peer = self.peer
            if metadata_size > peer.max_metadata_size or len(headers) > peer.max_frame_size:
                raise AuraError(StatusCode.RESOURCE_EXHAUSTED, "metadata over the server's MAX_METADATA_SIZE")
            while not on_reader and self._closed is None and self._goaway_last is None \
                    and len(self._streams) >= peer.max_concurrent_streams and not _passed(call.deadline):
                self._slot_waiters += 1
                self._slot_cond.wait(_remaining(call.deadline))
                self._slot_waiters -= 1
                peer = self.peer
            if self._closed is not None:
                raise self._closed
            if self._goaway_last is not None:
                raise AuraError(StatusCode.UNAVAILABLE, "the server is going away", refused=True)
            if _passed(call.deadline):
                raise AuraError(StatusCode.DEADLINE_EXCEEDED, "deadline passed before the call started")
            if self._next_id > f.MAX_CREDIT:  # stream ids used up: this connection opens no more (section 3)
                self._goaway_last = self._highest_id
                self._pending.append(f.frame(f.GOAWAY, 0, 0, f.GOAWAY_HEAD.pack(0, 0)))
                raise AuraError(StatusCode.UNAVAILABLE, "stream ids used up: open a new connection", refused=True)
            call.stream_id = self._next_id
            self._next_id += 2
            self._highest_id = call.stream_id
            call._send_credit = peer.initial_stream_window
            call._recv_credit = self._recv_limit.initial_stream_window
            call._assembler = f.MessageAssembler(self._recv_limit.max_message_size, True)
            call._compress = compress
            self._streams[call.stream_id] = call
            flags = 0 if only_message is not None or not end else f.END_STREAM
            self._pending.append(f.frame(f.HEADERS, flags, call.stream_id, headers))
            fits = only_message is not None and len(only_message) <= min(
                call._send_credit, self._send_credit, peer.max_frame_size)
            if fits:
                call._send_credit -= len(only_message)  # type: ignore[arg-type]
                self._send_credit -= len(only_message)  # type: ignore[arg-type]
                self._pending.append(f.frame(f.MESSAGE, f.END_STREAM | (f.COMPRESSED if compressed else 0),
                                             call.stream_id, only_message))  # type: ignore[arg-type]
                call._send_closed = True
        if call.deadline is not None:
            self._deadlines.add(call.deadline, call)
        if not on_reader:
            self._flush(True)
        if only_message is not None and not call._send_closed:
            self._send_message(call, only_message, True, compressed)

    def _headers(self, method: str, metadata: Metadata, compress: bool, deadline: Optional[float]) -> Tuple[bytes, int]:
        """A call's HEADERS payload and its metadata size. Everything but the timeout is the same call after call, so it
        is encoded (and its metadata checked) once per method, metadata and encoding."""
        key = (method, tuple(metadata), compress)
        parts = self._header_cache.get(key)
        if parts is None:
            problem = f.metadata_error(metadata)
            if problem:
                raise AuraError(StatusCode.INVALID_ARGUMENT, problem)
            head = CallHeaders(method=method, metadata=[MetadataEntry(key=k, value=v) for k, v in metadata]).encode()
            tail = CallHeaders(message_encoding="deflate" if compress else "", accept_encoding=["deflate"]).encode()
            parts = (head, tail, f.metadata_size(metadata))
            if len(self._header_cache) >= _HEADER_CACHE_SIZE:
                self._header_cache.clear()
            self._header_cache[key] = parts
        if deadline is None:
            return parts[0] + parts[1], parts[2]
        return parts[0] + _TIMEOUT_TAG + encode_varint(_timeout_micros(deadline)) + parts[1], parts[2]

    def _send_message(self, call: Call[Any], data: bytes, end: bool, compressed: bool) -> None:
        if len(data) > self.peer.max_message_size:
            raise AuraError(StatusCode.RESOURCE_EXHAUSTED,
                            f"request of {len(data)} bytes over the server's MAX_MESSAGE_SIZE {self.peer.max_message_size}")
        offset = 0
        total = len(data)
        view = memoryview(data)
        while True:
            with self._lock:
                while True:
                    if call.done:
                        raise call.error or AuraError(StatusCode.INTERNAL, "the call ended before its requests were sent")
                    available = min(call._send_credit, self._send_credit)
                    if available > 0 or offset == total:
                        break
                    self._credit_waiters += 1
                    self._credit_cond.wait()
                    self._credit_waiters -= 1
                size = min(total - offset, available, self.peer.max_frame_size)
                last = offset + size == total
                flags = (f.COMPRESSED if compressed else 0) | (0 if last else f.MORE) | (f.END_STREAM if last and end else 0)
                call._send_credit -= size
                self._send_credit -= size
                self._pending.append(f.frame(f.MESSAGE, flags, call.stream_id, bytes(view[offset:offset + size])))
                if last and end:
                    call._send_closed = True
            offset += size
            self._flush(True)
            if last:
                return

    def _close_send(self, call: Call[Any]) -> None:
        with self._lock:
            if call._send_closed or call.done:
                return
            call._send_closed = True
            self._pending.append(f.frame(f.TRAILERS, 0, call.stream_id))
        self._flush(True)

    def _flush(self, blocking: bool) -> None:
        """Writes queued frames. Without ``blocking``, leaves them to the thread that is writing."""
        while True:
            if not self._write_lock.acquire(blocking):
                return
            try:
                with self._lock:
                    chunks, self._pending = self._pending, []
                if chunks:
                    self._transport.sendall(b"".join(chunks) if len(chunks) > 1 else chunks[0])
            except OSError as error:
                self._shutdown(AuraError(StatusCode.UNAVAILABLE, f"connection lost: {error}"))
                return
            finally:
                self._write_lock.release()
            with self._lock:
                if not self._pending:
                    return
            blocking = False

    # -- ending calls -----------------------------------------------------------------------

    def _expire(self, call: Call[Any]) -> None:
        self._fail(call, AuraError(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded"), send_cancel=True)

    def _fail(self, call: Call[Any], error: AuraError, send_cancel: bool) -> None:
        with self._lock:
            if call.done:
                return
            if send_cancel and self._closed is None:
                self._pending.append(f.frame(f.CANCEL, 0, call.stream_id, f.U32.pack(error.code)))
            self._end_locked(call, error)
        self._flush(threading.current_thread() is not self._reader)
        self._complete(call)

    def _end_locked(self, call: Call[Any], error: Optional[AuraError], from_trailers: bool = False) -> None:
        """Ends a call (the lock is held); its unreturned bytes go back to the connection window.
        Responses not yet read stay readable after TRAILERS; any other end drops them."""
        call.done = True
        call.error = error
        self._streams.pop(call.stream_id, None)
        unreturned = call._partial_unreturned + sum(credit for _, credit in call._inbox)
        call._partial_unreturned = 0
        if from_trailers:
            call._inbox = collections.deque((data, 0) for data, _ in call._inbox)
        else:
            call._inbox.clear()
        self._return_connection(unreturned)
        call._wake()
        if self._slot_waiters:
            self._slot_cond.notify()
        if self._credit_waiters:
            self._credit_cond.notify_all()

    def _complete(self, call: Call[Any]) -> None:
        """Settles a unary call's future (outside the lock)."""
        future = call._future
        if future is None or future.done():
            return
        if call.error is not None:
            future.set_exception(call.error)
            return
        inbox = call._inbox  # the call has ended: nothing else touches it now
        if len(inbox) != 1:
            future.set_exception(AuraError(StatusCode.INTERNAL, f"the server sent {len(inbox)} response messages, not one"))
            return
        try:
            future.set_result(call._response_type.decode(inbox.popleft()[0]))  # type: ignore[union-attr]
        except DecodeError as error:
            future.set_exception(AuraError(StatusCode.INTERNAL, f"response does not decode: {error}"))

    def _shutdown(self, error: AuraError, close: bool = True) -> None:
        """Ends every open call with ``error`` (the first error wins) and closes the transport."""
        with self._lock:
            if self._closed is None:
                self._closed = error
            calls = list(self._streams.values())
            for call in calls:
                self._end_locked(call, error)
            self._slot_cond.notify_all()
        if close:
            self._transport.close()
        for call in calls:
            self._complete(call)

    # -- flow control: credit we give back ----------------------------------------------------

    def _consumed(self, call: Call[Any], credit: int) -> None:
        """The application took a message (the lock is held): return its bytes, and those of an
        incomplete message behind it when nothing else waits (rules 1 and 3 of section 7)."""
        if not call._inbox:
            credit += call._partial_unreturned
            call._partial_unreturned = 0
        if credit:
            self._return_stream(call, credit)
            self._return_connection(credit)

    def _return_stream(self, call: Call[Any], credit: int) -> None:
        if call.done:
            return
        call._unsent_update += credit
        if call._unsent_update >= self.settings.initial_stream_window // 2:
            self._pending.append(f.frame(f.WINDOW_UPDATE, 0, call.stream_id, f.U32.pack(call._unsent_update)))
            call._recv_credit += call._unsent_update
            call._unsent_update = 0

    def _return_connection(self, credit: int) -> None:
        self._unsent_update += credit
        if self._unsent_update >= self.settings.connection_window // 2:
            self._pending.append(f.frame(f.WINDOW_UPDATE, 0, 0, f.U32.pack(self._unsent_update)))
            self._recv_credit += self._unsent_update
            self._unsent_update = 0

    # -- reading ------------------------------------------------------------------------------

    def _read_loop(self) -> None:
        buffer = bytearray()
        error = AuraError(StatusCode.UNAVAILABLE, "connection closed by the server")
        try:
            while True:
                data = self._transport.recv()
                if not data:
                    if buffer:
                        error = AuraError(StatusCode.UNAVAILABLE, "connection closed in the middle of a frame")
                    break
                buffer += data
                frames, used = f.read_frames(buffer, self._recv_limit.max_frame_size)
                del buffer[:used]
                finished: List[Call[Any]] = []
                with self._lock:
                    for item in frames:
                        self._dispatch(item, finished)
                for call in finished:
                    self._complete(call)
                self._flush(True)  # one write for the batch: acknowledgements, credit, calls callbacks started
        except f.ProtocolError as violation:
            error = AuraError(StatusCode.INTERNAL, f"protocol error by the server: {violation.reason}")
            with self._lock:
                self._pending.append(f.frame(f.GOAWAY, 0, 0, f.GOAWAY_HEAD.pack(0, violation.code)
                                             + violation.reason.encode()))
            self._shutdown(error, close=False)  # the calls learn the violation, not a failed write
            self._flush(True)
        except OSError as failure:
            error = AuraError(StatusCode.UNAVAILABLE, f"connection lost: {failure}")
        if self._goaway_last is not None and self._goaway_reason:
            error = AuraError(error.code, f"{error.message} (GOAWAY: {self._goaway_reason})")
        self._shutdown(error)
        self._deadlines.stop()

    def _dispatch(self, item: f.Frame, finished: List[Call[Any]]) -> None:
        kind, flags, stream_id, payload = item
        if kind == f.MESSAGE:
            self._on_message(stream_id, flags, payload, finished)
        elif kind == f.TRAILERS:
            call = self._stream(stream_id, kind)
            trailers = _decode(CallTrailers, payload)
            if call is None:
                return
            metadata = [(e.key, e.value) for e in trailers.metadata]
            problem = self._metadata_problem(metadata)
            if problem is not None:
                self._end_locked(call, problem)
            else:
                call.trailing_metadata = metadata
                code = StatusCode.from_wire(trailers.code)
                self._end_locked(call, None if code == StatusCode.OK else AuraError(code, trailers.message, metadata),
                                 from_trailers=True)
            finished.append(call)
        elif kind == f.HEADERS:
            call = self._stream(stream_id, kind)
            headers = _decode(CallHeaders, payload)
            if call is None or call.initial_metadata is not None:
                return
            metadata = [(e.key, e.value) for e in headers.metadata]
            problem = self._metadata_problem(metadata)
            if problem is not None:
                self._pending.append(f.frame(f.CANCEL, 0, stream_id, f.U32.pack(problem.code)))
                self._end_locked(call, problem)
                finished.append(call)
                return
            call.initial_metadata = metadata
            call._wake()
        elif kind == f.WINDOW_UPDATE:
            increment = f.parse_u32(payload, "WINDOW_UPDATE") & 0x7FFFFFFF
            if stream_id == 0:
                self._send_credit = _grow(self._send_credit, increment)
            else:
                call = self._stream(stream_id, kind)
                if call is None:
                    return
                call._send_credit = _grow(call._send_credit, increment)
            self._credit_cond.notify_all()
        elif kind == f.CANCEL:
            call = self._stream(stream_id, kind)
            if call is None:
                return
            code = StatusCode.from_wire(f.parse_u32(payload, "CANCEL"))
            self._end_locked(call, AuraError(code, "the server refused the stream", refused=True))
            finished.append(call)
        elif kind == f.SETTINGS:
            if flags & f.ACK:
                self._on_settings_ack()
            else:
                self._on_settings(f.parse_settings(payload))
        elif kind == f.PING:
            if not flags & f.ACK:
                self._pending.insert(0, f.frame(f.PING, f.ACK, 0, payload))
        elif kind == f.GOAWAY:
            last, _, reason = f.parse_goaway(payload)
            self._goaway_last = last if self._goaway_last is None else min(last, self._goaway_last)
            self._goaway_reason = reason
            for call in [c for i, c in self._streams.items() if i > last]:
                self._end_locked(call, AuraError(StatusCode.UNAVAILABLE, f"the server is going away: {reason}",
                                                 refused=True))
                finished.append(call)
            self._slot_cond.notify_all()

    def _stream(self, stream_id: int, kind: int) -> Optional[Call[Any]]:
        """The open call of a stream id; None for one that ended; a connection error above the
        highest id opened (section 3)."""
        call = self._streams.get(stream_id)
        if call is None and stream_id > self._highest_id:
            raise f.ProtocolError(StatusCode.INVALID_ARGUMENT,
                                  f"{f.TYPE_NAMES[kind]} frame on stream {stream_id}, above the highest opened")
        return call

    def _metadata_problem(self, metadata: Metadata) -> Optional[AuraError]:
        problem = f.metadata_error(metadata)
        if problem is not None:
            return AuraError(StatusCode.INTERNAL, f"server sent bad metadata: {problem}")
        if f.metadata_size(metadata) > self._recv_limit.max_metadata_size:
            return AuraError(StatusCode.RESOURCE_EXHAUSTED, "server metadata over MAX_METADATA_SIZE")
        return None

    def _on_message(self, stream_id: int, flags: int, payload: bytes, finished: List[Call[Any]]) -> None:
        size = len(payload)
        if size > self._recv_credit:
            raise f.ProtocolError(StatusCode.RESOURCE_EXHAUSTED, "flow control window exceeded")
        self._recv_credit -= size
        call = self._stream(stream_id, f.MESSAGE)
        if call is None:
            self._return_connection(size)
            return
        if size > call._recv_credit:
            raise f.ProtocolError(StatusCode.RESOURCE_EXHAUSTED, "flow control window exceeded")
        call._recv_credit -= size
        try:
            message = call._assembler.add(flags, payload)  # type: ignore[union-attr]
        except f.StreamError as error:
            self._pending.append(f.frame(f.CANCEL, 0, stream_id, f.U32.pack(error.code)))
            call._partial_unreturned += size
            self._end_locked(call, AuraError(error.code, error.reason))
            finished.append(call)
            return
        if message is None:
            if call._inbox:
                call._partial_unreturned += size
            else:
                self._return_stream(call, size)
                self._return_connection(size)
            return
        credit = call._partial_unreturned + size
        call._partial_unreturned = 0
        if call._auto_consume:
            call._inbox.append((message, 0))
            self._return_stream(call, credit)
            self._return_connection(credit)
        else:
            call._inbox.append((message, credit))
            call._wake()

    def _on_settings(self, entries: List[Tuple[int, int]]) -> None:
        old = self.peer
        self.peer = new = old.applying(entries)
        stream_delta = new.initial_stream_window - old.initial_stream_window
        self._send_credit = _grow(self._send_credit, new.connection_window - old.connection_window)
        for call in self._streams.values():
            call._send_credit = _grow(call._send_credit, stream_delta)
        self._pending.append(f.frame(f.SETTINGS, f.ACK, 0))
        self._credit_cond.notify_all()
        self._slot_cond.notify_all()

    def _on_settings_ack(self) -> None:
        if self._settings_acked:
            return
        self._settings_acked = True
        limit = self._recv_limit
        self._recv_limit = self.settings
        self._recv_credit += self.settings.connection_window - limit.connection_window
        delta = self.settings.initial_stream_window - limit.initial_stream_window
        for call in self._streams.values():
            call._recv_credit += delta
            if call._assembler is not None:
                call._assembler.max_size = self.settings.max_message_size


def _grow(credit: int, delta: int) -> int:
    credit += delta
    if credit > f.MAX_CREDIT:
        raise f.ProtocolError(StatusCode.INVALID_ARGUMENT, "window above 2^31-1")
    return credit


def _decode(message_type: Type[R], payload: bytes) -> R:
    try:
        return message_type.decode(payload)  # type: ignore[return-value]
    except DecodeError as error:
        raise f.ProtocolError(StatusCode.INVALID_ARGUMENT, f"{message_type.__name__} does not decode: {error}") from None


def _maybe_compress(data: bytes) -> Tuple[bytes, bool]:
    if len(data) < _COMPRESS_AT_LEAST:
        return data, False
    packed = f.deflate(data)
    return (packed, True) if len(packed) < len(data) else (data, False)


def _deadline(timeout: Optional[float]) -> Optional[float]:
    return None if timeout is None else time.monotonic() + timeout


def _timeout_micros(deadline: Optional[float]) -> int:
    return 0 if deadline is None else max(1, int((deadline - time.monotonic()) * 1_000_000))


def _passed(deadline: Optional[float]) -> bool:
    return deadline is not None and time.monotonic() >= deadline


def _remaining(deadline: Optional[float]) -> Optional[float]:
    return None if deadline is None else max(0.0, deadline - time.monotonic())
