"""The AuraStream API over one connection: sentiment, privacy, jobs and health."""
from __future__ import annotations

import io
import os
import ssl
import threading
import time
import uuid
from typing import Any, BinaryIO, Callable, Iterable, Iterator, List, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import messages as m
from .balancer import Balancer, resolve_addresses
from .connection import Call, Connection, Request
from .frames import Settings
from .status import AuraError, Metadata, StatusCode
from .wire import Message

__all__ = ["Client", "SubmitSource", "Progress", "tls_context"]

R = TypeVar("R", bound=Message)
SubmitSource = Union[str, "os.PathLike[str]", BinaryIO, Iterable[bytes]]
"""A document to submit: a path, a binary file object, or any iterable of byte chunks."""
Progress = Callable[[int, Optional[int]], None]
"""Called after each chunk with the bytes sent so far and the total when known."""

_CHUNK = 1 << 20
_RESUMABLE = (StatusCode.UNAVAILABLE,)
_RESULTS_ATTEMPTS = 3


def tls_context(ca_file: Optional[str] = None, cert_file: Optional[str] = None,
                key_file: Optional[str] = None) -> ssl.SSLContext:
    """A client TLS context: verifies the server against ``ca_file`` (default: the system's
    roots) and presents ``cert_file``/``key_file`` when given (mutual TLS)."""
    context = ssl.create_default_context(cafile=ca_file)
    if cert_file:
        context.load_cert_chain(cert_file, key_file)
    return context


class Client:
    """A client of one AuraStream server. Thread-safe; calls share one connection, which is
    reopened on the next call after it was lost.

    ``addresses`` (``["HOST:PORT", ...]``, instead of ``host``/``port``) and
    ``connections_per_address`` give several connections, calls spread over them in turn; a
    name stands for every address it resolves to, and an address that cannot be reached is
    taken out for a backoff that doubles (docs/SCALING.md).

    ``api_key`` goes out as ``authorization: Bearer <key>`` on every call; ``tls`` is True (with
    ``ca_file``, ``cert_file``, ``key_file``, ``server_name``) or a ready ``ssl.SSLContext``;
    ``timeout`` is the default deadline of each call in seconds (None: none).
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 7443, *, api_key: Optional[str] = None,
                 tls: Union[bool, ssl.SSLContext] = False, ca_file: Optional[str] = None,
                 cert_file: Optional[str] = None, key_file: Optional[str] = None,
                 server_name: Optional[str] = None, timeout: Optional[float] = None,
                 settings: Optional[Settings] = None, metadata: Optional[Metadata] = None,
                 addresses: Optional[Sequence[str]] = None, connections_per_address: int = 1) -> None:
        self._addresses = [_split_address(address) for address in addresses] if addresses else [(host, port)]
        self.host, self.port = self._addresses[0]
        self._per_address = connections_per_address
        self.timeout = timeout
        self._context: Optional[ssl.SSLContext] = (
            tls if isinstance(tls, ssl.SSLContext) else tls_context(ca_file, cert_file, key_file) if tls else None)
        self._server_name = server_name
        self._settings = settings or Settings()
        self._metadata: Metadata = list(metadata or [])
        if api_key is not None:
            self._metadata.append(("authorization", f"Bearer {api_key}".encode()))
        self._lock = threading.Lock()
        self._targets: List[Tuple[str, int, Optional[str]]] = []
        self._connections: List[Optional[Connection]] = []
        self._balancer: Optional[Balancer] = None

    @classmethod
    def from_address(cls, address: str, **options: Any) -> "Client":
        """A client of ``HOST:PORT``."""
        host, port = _split_address(address)
        return cls(host, port, **options)

    @property
    def connection(self) -> Connection:
        """The next connection in turn, opened (again) when needed; one that cannot connect is
        taken out and the next tried, each at most once."""
        with self._lock:
            if self._balancer is None:
                self._targets = [target for target in resolve_addresses(self._addresses) for _ in range(self._per_address)]
                self._connections = [None] * len(self._targets)
                self._balancer = Balancer(len(self._targets))
            error: Optional[AuraError] = None
            for _ in self._targets:
                index = self._balancer.pick(time.monotonic())
                connection = self._connections[index]
                if connection is not None and not connection.is_closed:
                    return connection
                if connection is not None:
                    connection.close()
                host, port, name = self._targets[index]
                try:
                    connection = Connection(host, port, tls=self._context, server_name=self._server_name or name,
                                            settings=self._settings)
                except AuraError as failure:
                    if failure.code != StatusCode.UNAVAILABLE:
                        raise
                    self._balancer.failed(index, time.monotonic())
                    error = failure
                    continue
                self._balancer.succeeded(index)
                self._connections[index] = connection
                return connection
            assert error is not None
            raise error

    def close(self) -> None:
        """Closes the connections."""
        with self._lock:
            for connection in self._connections:
                if connection is not None:
                    connection.close()
            self._connections = [None] * len(self._connections)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # -- generic calls --------------------------------------------------------------------

    def _options(self, timeout: Optional[float], metadata: Optional[Metadata]) -> dict:
        return {"timeout": self.timeout if timeout is None else timeout,
                "metadata": self._metadata + list(metadata or [])}

    def unary(self, method: str, request: Request, response_type: Type[R], *, timeout: Optional[float] = None,
              metadata: Optional[Metadata] = None) -> R:
        """Any unary method by path, e.g. ``"/aura.Sentiment/Analyze"``."""
        return self.connection.unary(method, request, response_type, **self._options(timeout, metadata))

    def open(self, method: str, response_type: Type[R], *, timeout: Optional[float] = None,
             metadata: Optional[Metadata] = None) -> Call[R]:
        """A call of any shape by path; send requests on it and iterate its responses."""
        return self.connection.open(method, response_type, **self._options(timeout, metadata))

    # -- aura.Sentiment, aura.Privacy, aura.Language ----------------------------------------

    def analyze(self, text: str, *, language_hint: str = "", redact_pii: bool = False, analyzer: str = "",
                redactor: str = "", timeout: Optional[float] = None) -> m.SentimentResult:
        """The sentiment of one text (1 to 5,000 UTF-8 bytes)."""
        request = m.AnalyzeRequest(text=text, options=_analyze_options(language_hint, redact_pii, analyzer, redactor))
        return self.unary("/aura.Sentiment/Analyze", request, m.SentimentResult, timeout=timeout)

    def analyze_batch(self, texts: Sequence[str], *, language_hint: str = "", redact_pii: bool = False,
                      analyzer: str = "", redactor: str = "", timeout: Optional[float] = None) -> List[m.ItemResult]:
        """Up to 25 texts in one call; each item has a result or its own error."""
        request = m.AnalyzeBatchRequest(texts=list(texts),
                                        options=_analyze_options(language_hint, redact_pii, analyzer, redactor))
        return self.unary("/aura.Sentiment/AnalyzeBatch", request, m.AnalyzeBatchResponse, timeout=timeout).results

    def analyze_stream(self, texts: Iterable[str], *, language_hint: str = "", redact_pii: bool = False,
                       analyzer: str = "", redactor: str = "", timeout: Optional[float] = None) -> Iterator[m.ItemResult]:
        """Results of a session, in order, while ``texts`` are still being sent (a sender thread
        feeds them under flow control). Stopping the iteration early cancels the call."""
        options = _analyze_options(language_hint, redact_pii, analyzer, redactor)
        call = self.open("/aura.Sentiment/AnalyzeStream", m.ItemResult, timeout=timeout)

        def send_all() -> None:
            try:
                for text in texts:
                    call.send(m.AnalyzeRequest(text=text, options=options))
                call.close_send()
            except AuraError:
                pass  # the call ended; the receiving side reports why
            except BaseException as error:  # a failing iterable ends the call
                call.cancel()
                raise error

        sender = threading.Thread(target=send_all, name="aurastream-analyze-stream", daemon=True)
        sender.start()
        return _cancelling(call)

    def detect_pii(self, text: str, *, redactor: str = "", timeout: Optional[float] = None) -> m.DetectPiiResponse:
        """Personal data found in ``text``, offsets in Unicode scalars."""
        return self.unary("/aura.Privacy/DetectPii", m.DetectPiiRequest(text=text, redactor=redactor),
                          m.DetectPiiResponse, timeout=timeout)

    def redact(self, text: str, *, mode: int = m.RedactionMode.REPLACE_WITH_TYPE, mask_character: str = "",
               types: Sequence[str] = (), redactor: str = "", timeout: Optional[float] = None) -> m.RedactResponse:
        """``text`` with its personal data replaced, masked or hashed."""
        request = m.RedactRequest(text=text, mode=mode, mask_character=mask_character, types=list(types),
                                  redactor=redactor)
        return self.unary("/aura.Privacy/Redact", request, m.RedactResponse, timeout=timeout)

    def detect_language(self, text: str, *, timeout: Optional[float] = None) -> m.DetectLanguageResponse:
        """The language of ``text`` (ISO 639-1, or "und")."""
        return self.unary("/aura.Language/Detect", m.DetectLanguageRequest(text=text), m.DetectLanguageResponse,
                          timeout=timeout)

    def health(self, service: str = "", *, timeout: Optional[float] = None) -> m.HealthCheckResponse_ServingStatus:
        """Whether the server (or one of its services) is serving."""
        response = self.unary("/aura.Health/Check", m.HealthCheckRequest(service=service), m.HealthCheckResponse,
                              timeout=timeout)
        return m.HealthCheckResponse_ServingStatus(response.status)

    # -- aura.Jobs -----------------------------------------------------------------------------

    def submit(self, source: SubmitSource, *, format: int = m.DocumentFormat.LINES, name: str = "",
               csv_column: str = "", jsonl_field: str = "", language_hint: str = "", redact_pii: bool = False,
               analyzer: str = "", redactor: str = "", idempotency_key: str = "", upload_id: Optional[str] = None,
               chunk_size: int = _CHUNK, progress: Optional[Progress] = None, resume_attempts: int = 3,
               timeout: Optional[float] = None) -> m.SubmitResponse:
        """Streams a document into a new job and returns once every byte is durable.

        A path or a seekable file that is cut off (connection lost) is resumed from the server's
        durable byte count up to ``resume_attempts`` times; other sources raise the AuraError.
        """
        document = _Document(source)
        upload_id = upload_id or uuid.uuid4().hex
        spec = m.JobSpec(name=name, format=format, csv_column=csv_column, jsonl_field=jsonl_field,
                         options=_analyze_options(language_hint, redact_pii, analyzer, redactor),
                         idempotency_key=idempotency_key, expected_bytes=document.size or 0, upload_id=upload_id)
        try:
            return self._upload(m.SubmitRequest(spec=spec), document, chunk_size, progress, timeout)
        except AuraError as error:
            if error.code not in _RESUMABLE or not document.seekable or resume_attempts <= 0:
                raise
        return self._resume(upload_id, document, chunk_size, progress, timeout, resume_attempts)

    def resume_upload(self, upload_id: str, source: SubmitSource, *, chunk_size: int = _CHUNK,
                      progress: Optional[Progress] = None, resume_attempts: int = 3,
                      timeout: Optional[float] = None) -> m.SubmitResponse:
        """Continues a cut-off upload of the same document (a path or a seekable file) from the
        server's durable byte count."""
        return self._resume(upload_id, _Document(source), chunk_size, progress, timeout, resume_attempts)

    def upload_status(self, upload_id: str, *, timeout: Optional[float] = None) -> m.UploadStatus:
        """How much of an upload is durable, and its job once complete."""
        return self.unary("/aura.Jobs/GetUpload", m.UploadRef(upload_id=upload_id), m.UploadStatus, timeout=timeout)

    def _resume(self, upload_id: str, document: "_Document", chunk_size: int, progress: Optional[Progress],
                timeout: Optional[float], attempts: int) -> m.SubmitResponse:
        if not document.seekable:
            raise ValueError("only a path or a seekable file can be resumed")
        last: Optional[AuraError] = None
        for attempt in range(max(1, attempts)):
            if attempt:
                time.sleep(0.05 * attempt)  # back off before asking again: the old stream may still be ending
            try:
                status = self.upload_status(upload_id, timeout=timeout)
                if status.completed:
                    job = self.job(status.job_id, timeout=timeout)
                    return m.SubmitResponse(job_id=job.job_id, bytes=job.bytes, sha256=job.sha256, existing=True,
                                            upload_id=upload_id)
                document.seek(status.durable_bytes)
                first = m.SubmitRequest(resume=m.ResumeUpload(upload_id=upload_id, offset=status.durable_bytes))
                return self._upload(first, document, chunk_size, progress, timeout)
            except AuraError as error:
                if error.code not in _RESUMABLE + (StatusCode.FAILED_PRECONDITION, StatusCode.ABORTED):
                    raise
                last = error
        assert last is not None
        raise last

    def _upload(self, first: m.SubmitRequest, document: "_Document", chunk_size: int,
                progress: Optional[Progress], timeout: Optional[float]) -> m.SubmitResponse:
        call = self.open("/aura.Jobs/Submit", m.SubmitResponse, timeout=timeout)
        try:
            call.send(first)
            sent = document.offset
            for chunk in document.chunks(chunk_size):
                call.send(m.SubmitRequest(chunk=chunk))
                sent += len(chunk)
                if progress is not None:
                    progress(sent, document.size)
            call.close_send()
        except AuraError:
            pass  # the status says why
        except BaseException:
            call.cancel()
            raise
        return call.result()

    def job(self, job_id: str, *, timeout: Optional[float] = None) -> m.Job:
        """A job's state, counts and summary."""
        return self.unary("/aura.Jobs/Get", m.JobRef(job_id=job_id), m.Job, timeout=timeout)

    def jobs(self, *, state: int = m.JobState.JOB_STATE_UNSPECIFIED, page_size: int = 0,
             timeout: Optional[float] = None) -> Iterator[m.Job]:
        """Every job (newest first), page by page."""
        token = ""
        while True:
            page = self.unary("/aura.Jobs/List", m.ListJobsRequest(state=state, page_size=page_size, page_token=token),
                              m.JobList, timeout=timeout)
            yield from page.jobs
            token = page.next_page_token
            if not token:
                return

    def results(self, job_id: str, *, from_index: int = 0, timeout: Optional[float] = None) -> Iterator[m.RecordResult]:
        """A job's record results in index order; for a running job they come as they are made.
        A lost connection is resumed from the next index."""
        index = from_index
        for attempt in range(_RESULTS_ATTEMPTS):
            call = self.connection.server_streaming(
                "/aura.Jobs/Results", m.ResultsRequest(job_id=job_id, from_index=index), m.RecordResult,
                **self._options(timeout, None))
            try:
                for record in _cancelling(call):
                    index = record.index + 1
                    yield record
                return
            except AuraError as error:
                if error.code != StatusCode.UNAVAILABLE or attempt + 1 == _RESULTS_ATTEMPTS:
                    raise

    def watch(self, job_id: str, *, timeout: Optional[float] = None) -> Iterator[m.Job]:
        """The job now, then each change, until it ends."""
        call = self.connection.server_streaming("/aura.Jobs/Watch", m.JobRef(job_id=job_id), m.Job,
                                                **self._options(timeout, None))
        return _cancelling(call)

    def cancel(self, job_id: str, *, timeout: Optional[float] = None) -> m.Job:
        """Cancels a job that has not ended; returns it."""
        return self.unary("/aura.Jobs/Cancel", m.JobRef(job_id=job_id), m.Job, timeout=timeout)

    def job_stats(self, *, timeout: Optional[float] = None) -> m.JobStats:
        """Counts of jobs by state and the job log's size."""
        return self.unary("/aura.Jobs/Stats", m.Empty(), m.JobStats, timeout=timeout)


def _cancelling(call: Call[R]) -> Iterator[R]:
    """Iterates a call's responses; a consumer that stops early cancels the call."""
    try:
        yield from call
    finally:
        if not call.done:
            call.cancel()


def _analyze_options(language_hint: str, redact_pii: bool, analyzer: str, redactor: str) -> Optional[m.AnalyzeOptions]:
    if not (language_hint or redact_pii or analyzer or redactor):
        return None
    return m.AnalyzeOptions(language_hint=language_hint, redact_pii=redact_pii, analyzer=analyzer, redactor=redactor)


class _Document:
    """A submit source read in chunks, seekable when it is a path or a seekable file."""

    def __init__(self, source: SubmitSource) -> None:
        self._owned: Optional[BinaryIO] = None
        self.offset = 0
        if isinstance(source, (str, os.PathLike)):
            self._owned = open(source, "rb")
            self._file: Optional[BinaryIO] = self._owned
        elif hasattr(source, "read"):
            self._file = source  # type: ignore[assignment]
        else:
            self._file = None
            self._iterable: Iterable[bytes] = source  # type: ignore[assignment]
        self.seekable = self._file is not None and _seekable(self._file)
        self._start = self._file.tell() if self.seekable else 0  # type: ignore[union-attr]
        self.size: Optional[int] = None
        if self.seekable:
            self.size = self._file.seek(0, io.SEEK_END) - self._start  # type: ignore[union-attr]
            self._file.seek(self._start)  # type: ignore[union-attr]

    def seek(self, offset: int) -> None:
        self._file.seek(self._start + offset)  # type: ignore[union-attr]
        self.offset = offset

    def chunks(self, size: int) -> Iterator[bytes]:
        try:
            if self._file is None:
                for piece in self._iterable:
                    for start in range(0, len(piece), size):
                        yield bytes(piece[start:start + size])
                return
            while True:
                chunk = self._file.read(size)
                if not chunk:
                    return
                yield chunk
        finally:
            if self._owned is not None and not self.seekable:
                self._owned.close()

    def __del__(self) -> None:
        if self._owned is not None:
            self._owned.close()


def _seekable(file: Any) -> bool:
    try:
        return bool(file.seekable())
    except (AttributeError, ValueError, OSError):
        return False


def _split_address(address: str) -> Tuple[str, int]:
    """``HOST:PORT`` or ``[IPV6]:PORT`` as (host, port)."""
    host, _, port = address.rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)
