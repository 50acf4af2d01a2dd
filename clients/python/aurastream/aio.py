"""An asyncio face of :class:`Client`: unary calls await the connection's futures (no thread per
call); streams and uploads run their blocking iteration in the default executor."""
from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Callable, Iterator, List, Optional, Sequence, Type, TypeVar

from . import messages as m
from .client import Client, _analyze_options
from .connection import Request
from .wire import Message

__all__ = ["AsyncClient"]

R = TypeVar("R", bound=Message)
T = TypeVar("T")


class AsyncClient:
    """``await``-able calls over a :class:`Client` (constructed with the same arguments)."""

    def __init__(self, *args: Any, **options: Any) -> None:
        self.client = Client(*args, **options)

    async def unary(self, method: str, request: Request, response_type: Type[R], *,
                    timeout: Optional[float] = None) -> R:
        """Any unary method by path."""
        client = self.client
        future = client.connection.unary_future(method, request, response_type, **client._options(timeout, None))
        return await asyncio.wrap_future(future)

    async def analyze(self, text: str, *, language_hint: str = "", redact_pii: bool = False,
                      timeout: Optional[float] = None) -> m.SentimentResult:
        """As :meth:`Client.analyze`."""
        request = m.AnalyzeRequest(text=text, options=_analyze_options(language_hint, redact_pii, "", ""))
        return await self.unary("/aura.Sentiment/Analyze", request, m.SentimentResult, timeout=timeout)

    async def analyze_batch(self, texts: Sequence[str], *, timeout: Optional[float] = None) -> List[m.ItemResult]:
        """As :meth:`Client.analyze_batch`."""
        response = await self.unary("/aura.Sentiment/AnalyzeBatch", m.AnalyzeBatchRequest(texts=list(texts)),
                                    m.AnalyzeBatchResponse, timeout=timeout)
        return response.results

    async def detect_pii(self, text: str, *, timeout: Optional[float] = None) -> m.DetectPiiResponse:
        """As :meth:`Client.detect_pii`."""
        return await self.unary("/aura.Privacy/DetectPii", m.DetectPiiRequest(text=text), m.DetectPiiResponse,
                                timeout=timeout)

    async def redact(self, text: str, *, timeout: Optional[float] = None) -> m.RedactResponse:
        """As :meth:`Client.redact` with the default mode."""
        return await self.unary("/aura.Privacy/Redact", m.RedactRequest(text=text), m.RedactResponse, timeout=timeout)

    async def job(self, job_id: str, *, timeout: Optional[float] = None) -> m.Job:
        """As :meth:`Client.job`."""
        return await self.unary("/aura.Jobs/Get", m.JobRef(job_id=job_id), m.Job, timeout=timeout)

    async def submit(self, source: Any, **options: Any) -> m.SubmitResponse:
        """As :meth:`Client.submit`, in the default executor."""
        return await asyncio.get_running_loop().run_in_executor(None, lambda: self.client.submit(source, **options))

    def results(self, job_id: str, **options: Any) -> AsyncIterator[m.RecordResult]:
        """As :meth:`Client.results`."""
        return _iterate(lambda: self.client.results(job_id, **options))

    def watch(self, job_id: str, **options: Any) -> AsyncIterator[m.Job]:
        """As :meth:`Client.watch`."""
        return _iterate(lambda: self.client.watch(job_id, **options))

    async def close(self) -> None:
        """Closes the connection."""
        self.client.close()

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.close()


async def _iterate(make: Callable[[], Iterator[T]]) -> AsyncIterator[T]:
    loop = asyncio.get_running_loop()
    iterator = await loop.run_in_executor(None, make)
    end = object()
    try:
        while True:
            item = await loop.run_in_executor(None, next, iterator, end)
            if item is end:
                return
            yield item  # type: ignore[misc]
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            await loop.run_in_executor(None, close)
